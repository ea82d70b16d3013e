"""`shopdesk export` and `shopdesk import orders`, run as a user runs them."""

from __future__ import annotations

import json
import re
import sqlite3

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
    assert summary == {"platform": "taobao", "new_customers": 2, "updated_customers": 0,
                       "new_orders": 3, "updated_orders": 0, "unchanged": 0, "errors": []}
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
    assert wb.sheetnames[0] == "汇总" and len(wb.sheetnames) == 8
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
