"""Cell values that once crashed an import with a traceback: each is a row
error naming its row and the reason, in the dry run and in the import (the
dry run catches what the import would hit), in any shop time zone."""

from __future__ import annotations

import csv
import io
import subprocess
import sys
from datetime import timedelta, timezone

import pytest

from desk.core.base import database
from desk.core.excel.orders_import import import_orders
from desk.core.excel.values import ORDER_MAX_FEN as MAX_FEN
from desk.core.replies import transfer

from . import handmade as h

ZONES = [timezone(timedelta(hours=8)), timezone(timedelta(hours=-5))]
HEADER = ["订单编号", "买家会员名", "买家实际支付金额", "订单状态", "订单创建时间", "订单付款时间", "宝贝标题",
          "宝贝总数量"]
GOOD = ["3012345678901234501", "小雨点点", "129.00", "交易成功", "2025-03-01 10:00:00",
        "2025-03-01 10:01:00", "T恤", "1"]


def _csv(path, *rows):
    buf = io.StringIO(newline="")
    csv.writer(buf).writerows([HEADER, *rows])
    path.write_text(buf.getvalue(), encoding="utf-8")
    return path


def _bad(**cells) -> list[str]:
    row = list(GOOD)
    row[0] = "3012345678901234502"
    row[1] = "lily_2024"
    for name, value in cells.items():
        row[{"amount": 2, "placed": 4, "quantity": 7}[name]] = value
    return row


CASES = [
    ({"placed": "0001-01-01 00:00:00"}, "not a date ShopDesk can store"),
    ({"placed": "9999-12-31 23:59:59"}, "not a date ShopDesk can store"),
    ({"quantity": "²"}, "is not a quantity"),
    ({"quantity": "①"}, "is not a quantity"),
    ({"quantity": "9" * 5000}, "is not a quantity"),
    ({"amount": "9" * 5000}, "more money than ShopDesk records"),
    ({"amount": "99999999999999999999"}, "more money than ShopDesk records"),
    ({"amount": "1e20"}, "is not an amount of money"),
]


def count(table: str) -> int:
    return database.execute_sql(f"SELECT count(*) FROM {table}").fetchone()[0]


@pytest.mark.parametrize("tz", ZONES, ids=["UTC+8", "UTC-5"])
@pytest.mark.parametrize(("cells", "reason"), CASES, ids=[str(c)[:30] for c, _ in CASES])
def test_a_bad_cell_is_a_row_error_in_the_dry_run_and_the_import(db, tmp_path, tz, cells, reason):
    path = _csv(tmp_path / "orders.csv", GOOD, _bad(**cells))
    for dry_run in (True, False):
        result = import_orders(path, tz=tz, dry_run=dry_run)
        assert [(e.row, reason in e.message) for e in result.errors] == [(3, True)]
        assert [r.order_no for r in result.new_orders] == ["3012345678901234501"]
    assert count("shop_order") == 1


@pytest.mark.parametrize("tz", ZONES, ids=["UTC+8", "UTC-5"])
def test_dates_and_amounts_in_workbook_cells(db, tmp_path, tz):
    """The same from an xlsx: year 1 and year 9999 as t="d" cells, 1e20 as a number."""
    rows = [h.row(1, [h.inline(f"{h.column(i)}1", name) for i, name in enumerate(HEADER, 1)])]
    bad = [("3", h.iso_date, "E", "0001-01-01T00:00:00"), ("4", h.iso_date, "E", "9999-12-31T23:59:59"),
           ("5", h.number, "C", "1e20"), ("6", h.number, "C", "9.2233720368547758E+16")]
    for n in range(2, 7):
        cells = {h.column(i): h.inline(f"{h.column(i)}{n}", v) for i, v in enumerate(GOOD, 1)}
        cells["A"] = h.inline(f"A{n}", f"30123456789012345{n:02d}")
        for row_no, make, col, value in bad:
            if int(row_no) == n:
                cells[col] = make(f"{col}{n}", value)
        rows.append(h.row(n, list(cells.values())))
    path = h.xlsx(tmp_path / "orders.xlsx", rows)
    for dry_run in (True, False):
        result = import_orders(path, tz=tz, dry_run=dry_run)
        assert [e.row for e in result.errors] == [3, 4, 5, 6]
        assert [r.order_no for r in result.new_orders] == ["3012345678901234502"]


def test_amounts_near_the_limit_add_up_without_overflow(db, tmp_path):
    """Two paid orders at the largest amount ShopDesk records: the buyer's
    total is their sum. Past it (64-bit fen and beyond) a row error, never
    an overflow in the import."""
    most = f"{MAX_FEN // 100}.{MAX_FEN % 100:02d}"
    top = _bad(amount=most)
    second = list(top)
    second[0] = "3012345678901234503"
    over = list(top)
    over[0], over[2] = "3012345678901234504", "92233720368547758.08"
    result = import_orders(_csv(tmp_path / "o.csv", GOOD, top, second, over), tz=ZONES[0])
    assert [(e.row, "more money" in e.message) for e in result.errors] == [(5, True)]
    assert database.execute_sql("SELECT total_spent_fen FROM customer WHERE nickname = ?",
                                ("lily_2024",)).fetchone() == (2 * MAX_FEN,)


def test_item_amounts_summing_past_the_limit(db, tmp_path):
    """Douyin gives each item row its own share of the amount: shares that add
    up past the limit leave the order out with a row error."""
    header = ["主订单编号", "子订单编号", "选购商品", "商品数量", "用户昵称", "订单应付金额", "订单提交时间",
              "订单状态"]
    share = f"{MAX_FEN // 100}.00"
    rows = [["4001", "40011", "T恤", "1", "甲", share, "2025/03/01 10:00", "已完成"],
            ["4001", "40012", "袜子", "1", "甲", share, "2025/03/01 10:00", "已完成"],
            ["4002", "40021", "T恤", "1", "乙", "12.00", "2025/03/01 10:00", "已完成"]]
    buf = io.StringIO(newline="")
    csv.writer(buf).writerows([header, *rows])
    (tmp_path / "dy.csv").write_text(buf.getvalue(), encoding="utf-8")
    for dry_run in (True, False):
        result = import_orders(tmp_path / "dy.csv", tz=ZONES[0], dry_run=dry_run)
        assert [r.order_no for r in result.new_orders] == ["4002"]
        assert sorted({e.row for e in result.errors}) == [2, 3]  # the order is left out whole
        assert any(e.row == 3 and "more money" in e.message for e in result.errors)


@pytest.mark.parametrize("zone", ["Asia/Shanghai", "America/New_York"])
def test_year_9999_in_the_computers_own_zone(zone):
    """Without a shop zone the computer's own is used (datetime.astimezone):
    year 9999 overflowed there too."""
    code = ("from datetime import datetime\nfrom desk.core.errors import UserError\n"
            "from desk.core.excel import values\n"
            "for v in (datetime(9999, 12, 31, 23, 59, 59), '9999-12-31 23:59:59', '0001-01-01'):\n"
            "    try:\n        values.moment(v, None)\n    except UserError as e:\n"
            "        print('refused', e)\n")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120,
                          env={**__import__("os").environ, "TZ": zone})
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.count("refused") == 3


@pytest.mark.parametrize("position", ["①", "²", "9" * 5000])
def test_reply_positions_that_are_not_numbers(db, tmp_path, position):
    (tmp_path / "p.csv").write_text(f"分组,编码,内容,位置\n问候,hi,亲，在的,{position}\n问候,bye,再见,2\n",
                                    encoding="utf-8")
    plan = transfer.read_file(tmp_path / "p.csv")
    assert [(r.line, r.kind) for r in plan.rows] == [(2, "error"), (3, "new")]
    assert "position" in plan.errors[0].message
    (tmp_path / "p.txt").write_text(f"hi,{position}=亲，在的\nbye,1=再见\n", encoding="utf-8")
    plan = transfer.read_file(tmp_path / "p.txt")
    assert [(r.line, r.kind) for r in plan.rows] == [(1, "error"), (2, "new")]
    assert transfer.apply(plan, skip_errors=True)["new"] == 1
