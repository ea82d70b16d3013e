"""`shopdesk export` and `shopdesk import orders`, run as a user runs them."""

from __future__ import annotations

import json
import re
import sqlite3
from datetime import date, timedelta

import pytest
from openpyxl import load_workbook
from test_cli import assert_user_error, shopdesk  # tests/cli is a rootdir, not a package

from tests.core.excel import samples


@pytest.fixture(scope="module")
def shop(tmp_path_factory):
    folder = tmp_path_factory.mktemp("shop")
    assert shopdesk("--data-dir", folder, "demo", "--customers", "40").returncode == 0
    return folder


def counts(folder):
    conn = sqlite3.connect(folder / "shopdesk.sqlite3")
    try:
        return tuple(conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                     for t in ("customer", "shop_order", "order_item", "address"))
    finally:
        conn.close()


@pytest.mark.parametrize(("kind", "sheets"), [
    ("customers", ["Customers"]), ("orders", ["Orders"]), ("aftersales", ["After-sales"]),
    ("followups", ["Follow-ups"]), ("replies", ["Quick replies"]),
    ("all", ["Customers", "Orders", "After-sales", "Follow-ups", "Quick replies"]),
])
def test_export_each_kind(shop, tmp_path, kind, sheets):
    out = tmp_path / "out.xlsx"
    proc = shopdesk("--data-dir", shop, "export", kind, "--out", out)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == str(out)
    assert load_workbook(out).sheetnames == sheets


def test_export_masks_phones_and_writes_exactly_the_file_named(shop, tmp_path):
    proc = shopdesk("--data-dir", shop, "export", "customers", "--out", tmp_path / "c", "--mask-phones")
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == str(tmp_path / "c")
    assert not (tmp_path / "c.xlsx").exists()
    with open(tmp_path / "c", "rb") as f:  # openpyxl goes by the extension given a path
        ws = load_workbook(f).worksheets[0]
    header = [c.value for c in ws[1]]
    phones = [r[header.index("Phone")] for r in ws.iter_rows(min_row=2, values_only=True)]
    assert any(phones) and all("****" in p for p in phones if p)


def test_export_to_a_folder_or_nowhere_is_a_user_error(shop, tmp_path):
    assert "is a folder" in assert_user_error(shopdesk("--data-dir", shop, "export", "all", "--out",
                                                       tmp_path))
    line = assert_user_error(shopdesk("--data-dir", shop, "export", "all", "--out",
                                      tmp_path / "no" / "x.xlsx"))
    assert "does not exist" in line
    assert list(tmp_path.iterdir()) == []


def test_import_dry_run_then_import_then_again(shop, tmp_path):
    path = samples.taobao_csv(tmp_path / "orders.csv")
    before = counts(shop)
    dry = shopdesk("--data-dir", shop, "import", "orders", path, "--dry-run", "--json")
    assert dry.returncode == 0, dry.stderr
    summary = json.loads(dry.stdout)
    new_rows = summary.pop("new_order_rows")
    assert summary == {"platform": "taobao", "new_customers": 2, "updated_customers": 0,
                       "new_orders": 3, "updated_orders": 0, "unchanged": 0, "errors": [],
                       "changes": []}
    assert [(r["row"], r["order_no"]) for r in new_rows] == [
        (3, "3012345678901234567"), (5, "3012345678901234568"), (6, "3012345678901234569")]
    assert counts(shop) == before
    done = shopdesk("--data-dir", shop, "import", "orders", path, "--platform", "tmall")
    assert done.returncode == 0, done.stderr
    assert re.search(r"^new orders:\s+3$", done.stdout, re.MULTILINE)
    assert counts(shop)[1] == before[1] + 3
    again = json.loads(shopdesk("--data-dir", shop, "import", "orders", path, "--platform", "tmall",
                                "--json").stdout)
    assert (again["new_orders"], again["unchanged"]) == (0, 3)


def test_import_lists_bad_rows_in_json(shop, tmp_path):
    path = tmp_path / "bad.csv"
    path.write_text("订单编号,买家会员名,订单状态,订单创建时间\n9001,甲,交易成功,2025-03-01 10:00\n"
                    "9002,乙,火星状态,2025-03-01 10:00\n", encoding="utf-8")
    out = json.loads(shopdesk("--data-dir", shop, "import", "orders", path, "--json",
                              "--dry-run").stdout)
    assert out["new_orders"] == 1
    assert out["errors"] == [{"row": 3, "message": "Unknown order status “火星状态”."}]


@pytest.mark.parametrize(("content", "message"), [
    (b"", "is empty"),
    (b"\x89PNG\r\n\x1a\n" + b"\0" * 100, "not a spreadsheet"),
    (b"PK\x03\x04broken", "damaged"),
    (b"just a note\n", "does not look like an order export"),
])
def test_unreadable_files_exit_2_and_write_nothing(shop, tmp_path, content, message):
    path = tmp_path / "orders.xlsx"
    path.write_bytes(content)
    before = counts(shop)
    assert message in assert_user_error(shopdesk("--data-dir", shop, "import", "orders", path))
    assert counts(shop) == before


def test_unknown_preset(shop, tmp_path):
    path = samples.custom_xlsx(tmp_path / "mine.xlsx")
    assert "no column preset" in assert_user_error(
        shopdesk("--data-dir", shop, "import", "orders", path, "--preset", "mine"))


def test_export_review_for_a_period(shop, tmp_path):
    out = tmp_path / "review.xlsx"
    proc = shopdesk("--data-dir", shop, "--lang", "zh_CN", "export", "review", "--from", "2021-01-01",
                    "--to", "2030-12-31", "--platform", "taobao", "--out", out)
    assert proc.returncode == 0, proc.stderr
    wb = load_workbook(out)
    assert wb.sheetnames[0] == "汇总" and len(wb.sheetnames) == 9
    summary = {r[0]: r[1] for r in wb.worksheets[0].iter_rows(min_row=6, values_only=True)}
    conn = sqlite3.connect(shop / "shopdesk.sqlite3")
    opened = conn.execute("SELECT count(*) FROM aftersales_case a JOIN customer c ON c.id ="
                          " a.customer_id WHERE a.platform = 'taobao' AND a.deleted_at IS NULL"
                          " AND c.deleted_at IS NULL").fetchone()[0]
    conn.close()
    assert summary["新开售后单"] == opened


@pytest.mark.parametrize("args", [("--from", "2026-02-30"), ("--from", "2026-03-01", "--to", "2026-02-01"),
                                  ("--platform", "ebay")])
def test_export_review_refuses_bad_dates_and_platforms(shop, tmp_path, args):
    out = tmp_path / "review.xlsx"
    assert_user_error(shopdesk("--data-dir", shop, "export", "review", *args, "--out", out))
    assert not out.exists()


def test_review_options_are_refused_for_other_exports(shop, tmp_path):
    out = tmp_path / "c.xlsx"
    assert "review" in assert_user_error(shopdesk("--data-dir", shop, "export", "customers",
                                                  "--from", "2026-01-01", "--out", out))
    assert not out.exists()


# --- names, not codes, in the chosen language; and they read back -------------------------

CODES = {"taobao", "tmall", "pdd", "jd", "douyin", "wechat", "other", "inquiry", "unpaid",
         "shipped", "customer", "paid", "completed", "closed", "refund_only", "return_refund",
         "exchange", "reissue", "repair", "compensation", "new", "handling", "awaiting_return",
         "returning", "received", "processing", "done", "rejected", "seller", "buyer", "carrier",
         "supplier"}
NAMED = {  # sheet -> the columns that hold a stored code, as headed in each language
    "en": {"Customers": ("Platform", "Group"), "Orders": ("Platform", "Status"),
           "After-sales": ("Platform", "Kind", "Responsibility", "Status"),
           "Follow-ups": ("Platform",)},
    "zh_CN": {"客户": ("平台", "分组"), "订单": ("平台", "状态"),
              "售后": ("平台", "类型", "责任方", "状态"), "跟进": ("平台",)},
}


@pytest.mark.parametrize(("language", "expected"), [
    ("zh_CN", {"淘宝", "咨询", "交易成功", "退货退款", "买家", "已完成"}),
    ("en", {"Taobao", "Inquiry", "Completed", "Return and refund", "Buyer", "Done"}),
])
def test_export_writes_the_names_of_codes_in_the_chosen_language(shop, tmp_path, language, expected):
    out = tmp_path / "all.xlsx"
    proc = shopdesk("--data-dir", shop, "--lang", language, "export", "all", "--out", out)
    assert proc.returncode == 0, proc.stderr
    wb = load_workbook(out)
    written = set()
    for sheet, columns in NAMED[language].items():
        header, *rows = list(wb[sheet].iter_rows(values_only=True))
        for name in columns:
            values = {r[header.index(name)] for r in rows} - {None}
            assert values and not values & CODES, (sheet, name, values)
            written |= values
    assert expected <= written

    review = tmp_path / "review.xlsx"
    today = date.today()  # the demo shop's cases are of the last months before today
    proc = shopdesk("--data-dir", shop, "--lang", language, "export", "review", "--out", review,
                    "--from", (today - timedelta(days=9 * 365)).isoformat(), "--to",
                    (today + timedelta(days=2)).isoformat())
    assert proc.returncode == 0, proc.stderr
    by_kind = load_workbook(review)["按类型" if language == "zh_CN" else "Cases by kind"]
    kinds = {r[0] for r in by_kind.iter_rows(min_row=2, values_only=True)}
    assert kinds and not kinds & CODES
    assert ("退货退款" if language == "zh_CN" else "Return and refund") in kinds


@pytest.mark.parametrize("language", ["zh_CN", "en"])
@pytest.mark.parametrize("import_language", ["zh_CN", "en"])
def test_an_exported_customer_list_reads_back_in_either_language(shop, tmp_path, language,
                                                                    import_language):
    out = tmp_path / "customers.xlsx"
    assert shopdesk("--data-dir", shop, "--lang", language, "export", "customers", "--out",
                    out).returncode == 0
    before = counts(shop)
    proc = shopdesk("--data-dir", shop, "--lang", import_language, "import", "customers", out,
                    "--json")
    assert proc.returncode == 0, proc.stderr
    summary = json.loads(proc.stdout)
    assert (summary["errors"], summary["new_customers"], summary["updated_customers"]) == ([], 0, 0)
    assert summary["unchanged"] == load_workbook(out).worksheets[0].max_row - 1
    assert counts(shop) == before


# --- one reply workbook, one permission rule, one rule for a missing folder ------------------

def _cells(path):
    wb = load_workbook(path)
    return {ws.title: [list(r) for r in ws.iter_rows(values_only=True)] for ws in wb}


@pytest.mark.parametrize(("language", "header"), [
    ("en", ["Group", "Code", "Text", "Position", "Times used", "Last used"]),
    ("zh_CN", ["分组", "编码", "内容", "位置", "使用次数", "最近使用"]),
])
def test_both_reply_exports_write_the_same_workbook_which_reads_back(shop, tmp_path, language,
                                                                     header):
    one, two = tmp_path / "export.xlsx", tmp_path / "replies-export.xlsx"
    assert shopdesk("--data-dir", shop, "--lang", language, "export", "replies", "--out",
                    one).returncode == 0
    proc = shopdesk("--data-dir", shop, "--lang", language, "replies", "export", "--out", two)
    assert proc.returncode == 0, proc.stderr
    assert _cells(one) == _cells(two)
    (sheet, rows), = _cells(one).items()
    assert rows[0] == header
    stored = sqlite3.connect(shop / "shopdesk.sqlite3").execute(
        "SELECT g.name, r.code, r.position FROM reply r JOIN reply_group g ON g.id = r.group_id"
        " WHERE r.deleted_at IS NULL").fetchall()
    assert sorted((g, c or None, p + 1) for g, c, p in stored) == sorted(
        (r[0], r[1], r[3]) for r in rows[1:])  # counted from 1 within the group
    assert min(r[3] for r in rows[1:]) == 1
    back = shopdesk("--data-dir", shop, "replies", "import", one, "--dry-run", "--json")
    assert back.returncode == 0, back.stderr
    report = json.loads(back.stdout)
    assert report["errors"] == [] and report["counts"]["duplicate"] == len(rows) - 1


def _run_with_umask(mask, *args):
    import os
    import subprocess
    import sys

    from test_cli import ROOT

    from desk.core.paths import ENV_VAR

    env = {k: v for k, v in os.environ.items() if k != ENV_VAR}
    return subprocess.run([sys.executable, "-m", "desk", *map(str, args)], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=120,
                          preexec_fn=lambda: os.umask(mask))


@pytest.mark.parametrize(("umask", "mode"), [(0o022, 0o644), (0o077, 0o600), (0o002, 0o664)])
def test_every_export_gets_the_permissions_the_umask_gives(shop, tmp_path, umask, mode):
    outs = {
        ("export", "customers"): tmp_path / "customers.xlsx",
        ("export", "replies"): tmp_path / "export-replies.xlsx",
        ("export", "review"): tmp_path / "review.xlsx",
        ("replies", "export"): tmp_path / "replies.xlsx",
        ("replies", "export", "--encoding", "utf-8"): tmp_path / "replies.txt",
    }
    for command, out in outs.items():
        proc = _run_with_umask(umask, "--data-dir", shop, *command, "--out", out)
        assert proc.returncode == 0, (command, proc.stderr)
    assert {out.name: out.stat().st_mode & 0o777 for out in outs.values()} == {
        out.name: mode for out in outs.values()}


@pytest.mark.parametrize(("command", "name"), [
    (("export", "customers"), "out.xlsx"), (("export", "all"), "out.xlsx"),
    (("export", "review"), "out.xlsx"), (("replies", "export"), "out.xlsx"),
    (("replies", "export"), "out.txt"),
])
def test_a_missing_folder_is_refused_by_every_export(shop, tmp_path, command, name):
    out = tmp_path / "no such folder" / name
    line = assert_user_error(shopdesk("--data-dir", shop, *command, "--out", out))
    assert "does not exist" in line and str(out) in line
    assert list(tmp_path.iterdir()) == []


def test_dry_run_on_a_new_empty_folder_previews_and_writes_nothing(tmp_path):
    from tests.core.excel import platform_files as pf

    export = pf.taobao_orders_csv(tmp_path / "ExportOrderList.csv")
    for folder in (tmp_path / "empty", tmp_path / "not-there-yet"):
        if folder.name == "empty":
            folder.mkdir()
        done = shopdesk("--data-dir", folder, "import", "orders", export, "--dry-run", "--json")
        assert done.returncode == 0, done.stderr
        summary = json.loads(done.stdout)
        assert (summary["platform"], summary["new_customers"], summary["new_orders"]) == ("taobao", 2, 4)
        # no database, no lock, no logs or backups folder: nothing at all
        assert (list(folder.iterdir()) if folder.exists() else None) == (
            [] if folder.name == "empty" else None)


def test_order_and_item_reports_in_one_go_then_the_changes_a_new_export_brings(tmp_path):
    from tests.core.excel import platform_files as pf

    folder = tmp_path / "shop"
    orders = pf.taobao_orders_csv(tmp_path / "ExportOrderList.csv")
    items = pf.taobao_items_csv(tmp_path / "ExportOrderDetailList.csv")
    done = shopdesk("--data-dir", folder, "import", "orders", orders, items, "--json")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["new_orders"] == 4
    assert counts(folder)[2] == 5  # A's two items, B's one, C's and D's summaries
    later = pf.taobao_orders_rows()
    later[1][10] = "卖家已发货，等待买家确认"
    dry = shopdesk("--data-dir", folder, "import", "orders",
                   pf.taobao_orders_csv(tmp_path / "later.csv", later), "--dry-run")
    assert dry.returncode == 0, dry.stderr
    assert f"row 3: order {pf.TB_B} (tb_xiaoyu2019): status: paid → shipped" in dry.stdout
