"""Excel export of 100,000 orders against a bare openpyxl write_only loop
writing the same values (and its memory), and the import of a 100,000-row
order export against a bare openpyxl read_only loop over the same file.

Each side runs in a fresh process (this file, run as a script with a mode),
alternating, so memory is measured per process and a change in the
machine's load falls on both. The export is judged with lxml installed (a
dependency: openpyxl writes through it); both sides also run without it
(OPENPYXL_LXML=False) to show what it pays. pandas is compared with when it
is installed.
"""

from __future__ import annotations

import json
import shutil
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve()
ROWS = 100_000
ORDER_COLUMNS = (
    "o.order_no, o.platform, c.nickname, o.status, o.placed_at, o.paid_at, o.shipped_at,"
    " o.completed_at, o.amount_fen, o.shipping_fen, o.items, o.carrier, o.tracking_no,"
    " o.receiver_name, o.receiver_phone, o.receiver_address, o.buyer_message")
TAOBAO_HEADER = ("订单编号", "买家会员名", "买家实际支付金额", "订单状态", "订单创建时间", "订单付款时间",
                 "收货人姓名", "收货地址", "联系手机", "物流公司", "物流单号", "宝贝标题", "宝贝属性",
                 "宝贝总数量", "买家留言")


def _mib(field: str) -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1]) / 1024
    return 0.0


# --- the measured processes --------------------------------------------------------


def probe_export(data: Path, out: Path) -> dict:
    from desk.core import db
    from desk.core.base import database
    from desk.core.excel import exports

    db.connect(data / "shopdesk.sqlite3")
    ids = [r[0] for r in database.execute_sql("SELECT id FROM shop_order ORDER BY id LIMIT ?", (ROWS,))]
    import openpyxl  # noqa: F401 - loaded before the baseline memory, as the bare loop has it

    before = _mib("VmRSS")
    t0 = time.perf_counter()
    result = exports.export("orders", out, exports.Selection(ids=tuple(ids)))
    seconds = time.perf_counter() - t0
    return {"seconds": seconds, "rows": result.rows, "before": before, "peak": _mib("VmHWM"),
            "lxml": openpyxl.LXML}


def probe_bare_export(data: Path, out: Path) -> dict:
    import sqlite3
    from datetime import datetime

    from openpyxl import LXML, Workbook

    conn = sqlite3.connect(f"file:{data / 'shopdesk.sqlite3'}?mode=ro", uri=True)
    last = conn.execute("SELECT id FROM shop_order ORDER BY id LIMIT 1 OFFSET ?", (ROWS - 1,)).fetchone()[0]
    before = _mib("VmRSS")
    t0 = time.perf_counter()
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("Orders")
    ws.append([f"column {i}" for i in range(17)])
    when = datetime.fromtimestamp
    n = 0
    for r in conn.execute(f"SELECT {ORDER_COLUMNS} FROM shop_order o JOIN customer c"
                          " ON c.id = o.customer_id WHERE o.id <= ? ORDER BY o.id", (last,)):
        ws.append([r[0], r[1], r[2], r[3], when(r[4]), r[5] and when(r[5]), r[6] and when(r[6]),
                   r[7] and when(r[7]), r[8] / 100, r[9] / 100, *r[10:]])
        n += 1
    wb.save(out)
    seconds = time.perf_counter() - t0
    return {"seconds": seconds, "rows": n, "before": before, "peak": _mib("VmHWM"), "lxml": LXML}


def probe_pandas_export(data: Path, out: Path) -> dict:
    import sqlite3

    import pandas as pd

    conn = sqlite3.connect(f"file:{data / 'shopdesk.sqlite3'}?mode=ro", uri=True)
    t0 = time.perf_counter()
    frame = pd.read_sql_query(f"SELECT {ORDER_COLUMNS} FROM shop_order o JOIN customer c"
                              " ON c.id = o.customer_id ORDER BY o.id LIMIT ?", conn, params=(ROWS,))
    frame.to_excel(out, index=False, engine="openpyxl")
    return {"seconds": time.perf_counter() - t0, "rows": len(frame)}


def probe_import(empty: Path, work: Path, path: Path) -> dict:
    from desk.core import db
    from desk.core.excel import orders_import

    data = work / "import-data"
    shutil.rmtree(data, ignore_errors=True)
    shutil.copytree(empty, data)
    db.connect(data / "shopdesk.sqlite3")
    before = _mib("VmRSS")
    t0 = time.perf_counter()
    result = orders_import.import_orders(path, "taobao")
    seconds = time.perf_counter() - t0
    if result.errors or len(result.new_orders) != ROWS // 2:
        raise SystemExit(f"unexpected import result: {result.summary()}")
    return {"seconds": seconds, "rows": ROWS, "before": before, "peak": _mib("VmHWM")}


def probe_bare_read(path: Path) -> dict:
    from openpyxl import load_workbook

    before = _mib("VmRSS")
    t0 = time.perf_counter()
    wb = load_workbook(path, read_only=True, data_only=True)
    n = 0
    for row in wb.worksheets[0].iter_rows(values_only=True):
        n += len(row)
    wb.close()
    return {"seconds": time.perf_counter() - t0, "cells": n, "before": before, "peak": _mib("VmHWM")}


def probe_pandas_read(path: Path) -> dict:
    import pandas as pd

    t0 = time.perf_counter()
    frame = pd.read_excel(path, dtype=str)
    return {"seconds": time.perf_counter() - t0, "rows": len(frame)}


# --- fixtures --------------------------------------------------------------------------


def make_order_export(path: Path) -> Path:
    """A Taobao-layout export of ROWS rows: ROWS / 2 orders of two items each,
    19-digit order numbers as text, masked phones, money as text with ¥."""
    from openpyxl import Workbook

    wb = Workbook(write_only=True)
    ws = wb.create_sheet("订单")
    ws.append(["订单报表"])
    ws.append(list(TAOBAO_HEADER))
    statuses = ("交易成功", "卖家已发货，等待买家确认", "等待买家付款", "买家已付款，等待卖家发货", "交易关闭")
    for n in range(ROWS // 2):
        order_no = f"{3000000000000000000 + n * 7919}"
        nick = f"买家{n % 30000:05d}"
        fen = 5900 + n % 20000
        placed = f"2025-{1 + n % 12:02d}-{1 + n % 28:02d} {n % 24:02d}:{n % 60:02d}:00"
        for item in range(2):
            ws.append([order_no, nick, f"¥{fen // 100:,}.{fen % 100:02d}", statuses[n % 5], placed,
                       placed, f"收货人{n % 500}", f"浙江省杭州市西湖区文一西路{n % 999}号",
                       f"138****{n % 10000:04d}", "中通快递", f"7531{n:010d}",
                       f"纯棉宽松短袖T恤{item}", "白色;M", 1 + item, ""])
    wb.save(path)
    return path


def _run(ctx, *args, lxml: bool = True) -> dict:
    """A probe in a fresh process; `lxml=False`: openpyxl told not to use lxml
    (OPENPYXL_LXML), to measure what it pays."""
    from harness import run_timed

    env = {**ctx.env(), "OPENPYXL_LXML": str(lxml)}
    return json.loads(run_timed([sys.executable, HERE, *map(str, args)], env=env,
                                timeout=900).stdout)


def _pandas() -> bool:
    import importlib.util

    return importlib.util.find_spec("pandas") is not None


# --- the benchmarks --------------------------------------------------------------------

if __name__ != "__main__":
    from harness import (
        BenchError,
        Context,
        Measurement,
        alternate,
        bench,
        demo_data,
        empty_data,
        median,
    )

    def _export_runs(ctx: Context) -> dict[str, list[dict]]:
        cached = getattr(_export_runs, "cached", None)
        if cached is not None:
            return cached
        data = demo_data(ctx)
        work = ctx.cache / "excel-bench"
        work.mkdir(exist_ok=True)
        runs = {"ours": lambda: _run(ctx, "export", data, work / "ours.xlsx"),
                "bare": lambda: _run(ctx, "bare-export", data, work / "bare.xlsx"),
                "ours-no-lxml": lambda: _run(ctx, "export", data, work / "ours-etree.xlsx",
                                             lxml=False),
                "bare-no-lxml": lambda: _run(ctx, "bare-export", data, work / "bare-etree.xlsx",
                                             lxml=False)}
        if _pandas():
            runs["pandas"] = lambda: _run(ctx, "pandas-export", data, work / "pandas.xlsx")
        out = alternate(runs, ctx.rounds(3))
        if any(r["rows"] != ROWS for rs in out.values() for r in rs if "rows" in r):
            raise BenchError(f"the demo shop has fewer than {ROWS:,} orders; use more customers")
        if not all(r["lxml"] for key in ("ours", "bare") for r in out[key]):
            raise BenchError("lxml is not installed: the export is judged with it (pip install lxml)")
        if any(r["lxml"] for key in ("ours-no-lxml", "bare-no-lxml") for r in out[key]):
            raise BenchError("OPENPYXL_LXML=False did not keep openpyxl from using lxml")
        _export_runs.cached = out
        return out

    @bench("excel_export", f"export {ROWS:,} orders to .xlsx (time) against a bare openpyxl "
           "write_only loop writing the same values, both with lxml installed", target="1.0x")
    def excel_export(ctx: Context) -> list[Measurement]:
        out = _export_runs(ctx)
        ours = [r["seconds"] for r in out["ours"]]
        bare = [r["seconds"] for r in out["bare"]]
        pandas_note = "" if "pandas" in out else "; pandas is not installed: not compared"
        ours_etree = [r["seconds"] for r in out["ours-no-lxml"]]
        bare_etree = [r["seconds"] for r in out["bare-no-lxml"]]
        rows = [Measurement(median(ours), median(bare), note=(
            f"median of {len(ours)} processes each, both with lxml; ours {ROWS / median(ours):,.0f}"
            f" rows/s, bare {ROWS / median(bare):,.0f} rows/s; ours includes the SQL, the names "
            f"of the codes, safe values and styles{pandas_note}")),
            Measurement(median(ours_etree), median(bare_etree), label="without lxml", note=(
                "both with OPENPYXL_LXML=False (openpyxl's ElementTree writer)")),
            Measurement(median(ours), median(ours_etree), label="ours: lxml against none", note=(
                "what lxml pays for our export")),
            Measurement(median(bare), median(bare_etree), label="bare: lxml against none", note=(
                "what lxml pays for the bare openpyxl write_only loop"))]
        if "pandas" in out:
            pandas = [r["seconds"] for r in out["pandas"]]
            rows.append(Measurement(median(ours), median(pandas), label="vs pandas",
                                    note="pandas read_sql_query + to_excel (target: 1/1.7 = 0.59x)"))
        return rows

    @bench("excel_export_memory", f"peak resident memory of exporting {ROWS:,} orders, over the "
           "process's memory just before it", target="+50MiB")
    def excel_export_memory(ctx: Context) -> list[Measurement]:
        out = _export_runs(ctx)
        peak = [r["peak"] for r in out["ours"]]
        before = [r["before"] for r in out["ours"]]
        bare_extra = [r["peak"] - r["before"] for r in out["bare"]]
        return [Measurement(median(peak), median(before), unit="MiB", note=(
            f"VmHWM after the export against VmRSS before it; the bare loop adds "
            f"{median(bare_extra):.1f} MiB"))]

    @bench("excel_import", f"import a {ROWS:,}-row Taobao order export (.xlsx, {ROWS // 2:,} orders) "
           "into an empty shop, against a bare openpyxl read_only loop over the same file",
           target="1.3x")
    def excel_import(ctx: Context) -> list[Measurement]:
        work = ctx.cache / "excel-bench"
        work.mkdir(exist_ok=True)
        path = work / f"taobao-{ROWS}.xlsx"
        if not path.exists():
            make_order_export(path)
        empty = empty_data(ctx)
        runs = {"ours": lambda: _run(ctx, "import", empty, work, path),
                "bare": lambda: _run(ctx, "bare-read", path)}
        if _pandas():
            runs["pandas"] = lambda: _run(ctx, "pandas-read", path)
        out = alternate(runs, ctx.rounds(3))
        ours = [r["seconds"] for r in out["ours"]]
        bare = [r["seconds"] for r in out["bare"]]
        extra = [r["peak"] - r["before"] for r in out["ours"]]
        pandas_note = "" if "pandas" in out else "; pandas is not installed: not compared"
        rows = [Measurement(median(ours), median(bare), note=(
            f"median of {len(ours)} processes each; ours reads, plans and writes "
            f"{ROWS // 2:,} orders and their buyers in one transaction; peak memory "
            f"+{median(extra):.0f} MiB (pypinyin's tables included){pandas_note}"))]
        if "pandas" in out:
            rows.append(Measurement(median(ours), median([r["seconds"] for r in out["pandas"]]),
                                    label="vs pandas", note="pandas.read_excel of the same file"))
        return rows


if __name__ == "__main__":
    mode, *rest = sys.argv[1:]
    probes = {"export": probe_export, "bare-export": probe_bare_export,
              "pandas-export": probe_pandas_export, "import": probe_import,
              "bare-read": probe_bare_read, "pandas-read": probe_pandas_read}
    print(json.dumps(probes[mode](*map(Path, rest))))
