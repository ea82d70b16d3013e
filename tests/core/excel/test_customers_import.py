"""Our own customer export read back: the same file changes nothing; edits,
new buyers, tags and groups are written; masked phones and bad rows are
handled; nothing is written on a dry run or for a file that is not ours."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from openpyxl import load_workbook

from desk.core import demo
from desk.core.base import database
from desk.core.customers.models import Customer
from desk.core.errors import UserError
from desk.core.excel import customers_import, exports

NOW = datetime(2025, 3, 14, 2, 0, tzinfo=UTC)
NAMES = {"platform": {"taobao": "淘宝", "jd": "京东", "pdd": "拼多多", "tmall": "天猫",
                      "douyin": "抖音", "wechat": "微信", "other": "其他"},
         "lifecycle": {"inquiry": "咨询", "unpaid": "未付款", "shipped": "已发货", "customer": "成交"}}


@pytest.fixture
def shop(data_dir, db):
    demo.generate(data_dir, 60, seed=5, now=NOW)
    return data_dir


def table() -> list[tuple]:
    return database.execute_sql(
        "SELECT id, platform, nickname, real_name, phone, region, lifecycle, lifecycle_manual,"
        " (SELECT group_concat(tag_id) FROM (SELECT tag_id FROM customer_tag t WHERE"
        " t.customer_id = c.id ORDER BY tag_id)) FROM customer c ORDER BY id").fetchall()


@pytest.mark.parametrize("labels", [None, NAMES])
def test_export_then_import_changes_nothing(shop, tmp_path, labels):
    out = tmp_path / "customers.xlsx"
    exports.export("customers", out, labels=labels or {})
    before = table()
    plan = customers_import.import_customers(out, labels=labels)
    assert (len(plan.new), len(plan.updated), plan.errors) == (0, 0, [])
    assert plan.unchanged == len(before) - database.execute_sql(
        "SELECT count(*) FROM customer WHERE deleted_at IS NOT NULL").fetchone()[0]
    assert table() == before


def test_edits_new_buyers_tags_and_groups_are_written(shop, tmp_path):
    out = tmp_path / "customers.xlsx"
    exports.export("customers", out, labels=NAMES)
    wb = load_workbook(out)
    ws = wb.worksheets[0]
    header = [c.value for c in ws[1]]
    col = {name: header.index(name) + 1 for name in ("Nickname", "Platform", "Real name", "Phone",
                                                      "Region", "Group", "Tags")}
    first = ws.cell(row=2, column=col["Nickname"]).value
    ws.cell(row=2, column=col["Real name"], value="张三丰")
    ws.cell(row=2, column=col["Group"], value="成交")
    ws.cell(row=2, column=col["Tags"], value="VIP")
    ws.cell(row=3, column=col["Phone"], value="138****0000")  # masked: the real one stays
    new_row = ws.max_row + 1
    for name, value in (("Nickname", "新来的买家"), ("Platform", "京东"), ("Phone", "13912345678"),
                        ("Tags", "")):
        ws.cell(row=new_row, column=col[name], value=value)
    bad_row = new_row + 1
    ws.cell(row=bad_row, column=col["Nickname"], value="谁")
    ws.cell(row=bad_row, column=col["Platform"], value="eBay")
    wb.save(out)
    third_phone = database.execute_sql(
        "SELECT phone FROM customer WHERE nickname = ?", (ws.cell(row=3, column=col["Nickname"]).value,)
    ).fetchone()[0]

    dry = customers_import.import_customers(out, labels=NAMES, dry_run=True)
    assert (len(dry.new), len(dry.updated)) == (1, 1)
    assert [(e.row, "eBay" in e.message) for e in dry.errors] == [(bad_row, True)]
    assert Customer.get_or_none(Customer.nickname == "新来的买家") is None  # a dry run writes nothing

    customers_import.import_customers(out, labels=NAMES)
    edited = Customer.get(Customer.nickname == first)
    assert (edited.real_name, edited.lifecycle, bool(edited.lifecycle_manual)) == ("张三丰", "customer", True)
    vip = database.execute_sql("SELECT id FROM tag WHERE name = 'VIP'").fetchone()[0]
    assert database.execute_sql("SELECT 1 FROM customer_tag WHERE customer_id = ? AND tag_id = ?",
                                (edited.id, vip)).fetchone()
    new = Customer.get(Customer.nickname == "新来的买家")
    assert (new.platform, new.phone, new.source) == ("jd", "13912345678", "import")
    assert database.execute_sql("SELECT phone FROM customer WHERE nickname = ?", (
        ws.cell(row=3, column=col["Nickname"]).value,)).fetchone()[0] == third_phone
    # and again: nothing left to do
    again = customers_import.import_customers(out, labels=NAMES, dry_run=True)
    assert (len(again.new), len(again.updated)) == (0, 0)


def test_a_file_that_is_not_our_customer_list_is_refused(shop, tmp_path):
    out = tmp_path / "orders.xlsx"
    exports.export("orders", out)
    before = table()
    with pytest.raises(UserError, match="not a customer list"):
        customers_import.import_customers(out)
    assert table() == before


def test_unknown_tags_and_duplicate_rows_are_row_errors(shop, tmp_path):
    from openpyxl import Workbook

    wb = Workbook()
    wb.active.append(["昵称", "平台", "标签"])
    wb.active.append(["甲", "taobao", "没有这个标签"])
    wb.active.append(["乙", "taobao", ""])
    wb.active.append(["乙", "taobao", ""])
    path = tmp_path / "mine.xlsx"
    wb.save(path)
    plan = customers_import.import_customers(path, dry_run=True)
    assert [e.row for e in plan.errors] == [2, 4]
    assert [r.nickname for r in plan.new] == ["乙"]
