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

from . import office
from .office import needs_office

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
        " (SELECT group_concat(tag, ',') FROM (SELECT CAST(t.tag_id AS TEXT) AS tag"
        " FROM customer_tag t WHERE t.customer_id = c.id ORDER BY t.tag_id) AS tags)"
        " FROM customer c ORDER BY id").fetchall()


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


# --- our export in either language, read back without being told the language ---------

LANGUAGES = ("en", "zh_CN")


def _export_in(language, out):
    from desk.core.excel.translations import translator

    exports.export("customers", out, translate=translator(language))
    return out


def _columns(ws, language):
    from desk.core.excel.translations import translator

    tr = translator(language)
    header = [c.value for c in ws[1]]
    return {name: header.index(tr("Export", name)) + 1
            for name in ("Nickname", "Platform", "Real name", "Region", "Group")}


@pytest.mark.parametrize("language", LANGUAGES)
def test_an_export_in_either_language_reads_back_changing_nothing(shop, tmp_path, language):
    from desk.core import labels

    out = _export_in(language, tmp_path / "customers.xlsx")
    ws = load_workbook(out).worksheets[0]
    platforms = {r[1] for r in ws.iter_rows(min_row=2, values_only=True)}
    groups = {r[5] for r in ws.iter_rows(min_row=2, values_only=True)}
    if language == "zh_CN":
        assert "淘宝" in platforms and "咨询" in groups
    assert platforms <= set(labels.PLATFORMS.values()) | {"淘宝", "天猫", "拼多多", "京东", "抖音",
                                                          "微信", "其他"}
    assert not platforms & set(labels.PLATFORMS) and not groups & set(labels.LIFECYCLES)
    before = table()
    plan = customers_import.import_customers(out)  # no names passed: any language is known
    assert (len(plan.new), len(plan.updated), plan.errors) == (0, 0, [])
    assert plan.unchanged == ws.max_row - 1
    assert table() == before


def _edit(out, language):
    """Three edits in the file as a person makes them; the changes they mean."""
    from desk.core.excel.translations import translator

    tr = translator(language)
    wb = load_workbook(out)
    ws = wb.worksheets[0]
    col = _columns(ws, language)
    group_of_3 = ws.cell(row=3, column=col["Group"]).value
    other_group = "inquiry" if group_of_3 != tr("Labels", "Inquiry") else "customer"
    ws.cell(row=2, column=col["Real name"], value="王小明")
    ws.cell(row=3, column=col["Group"], value=tr("Labels", {"inquiry": "Inquiry",
                                                            "customer": "Customer"}[other_group]))
    ws.cell(row=4, column=col["Region"], value="广东省深圳市")
    wb.save(out)
    nickname = {row: ws.cell(row=row, column=col["Nickname"]).value for row in (2, 3, 4)}
    return {(2, nickname[2]): {"real_name": "王小明"}, (3, nickname[3]): {"lifecycle": other_group},
            (4, nickname[4]): {"region": "广东省深圳市"}}


def _changes(plan):
    assert plan.errors == [] and plan.new == []
    return {(r.row, r.nickname): r.changes for r in plan.updated}


@pytest.mark.parametrize("language", LANGUAGES)
def test_edited_cells_of_an_export_come_back_as_exactly_those_changes(shop, tmp_path, language):
    out = _export_in(language, tmp_path / "customers.xlsx")
    edits = _edit(out, language)
    assert _changes(customers_import.import_customers(out, dry_run=True)) == edits


@needs_office
@pytest.mark.parametrize("route", ["xlsx", "ods"])
@pytest.mark.parametrize("language", LANGUAGES)
def test_an_export_saved_again_by_libreoffice_reads_back_with_exactly_the_edits(
        shop, tmp_path, language, route):
    """Edited, then saved by LibreOffice as .xlsx (or as .ods and back to
    .xlsx), as a shop using LibreOffice or WPS hands the file back."""
    profile = tmp_path / "profile"
    out = _export_in(language, tmp_path / "customers.xlsx")
    untouched = office.convert(out, "xlsx", tmp_path / "untouched", profile)
    before = table()
    plan = customers_import.import_customers(untouched, dry_run=True)
    assert (_changes(plan), plan.unchanged) == ({}, load_workbook(out).worksheets[0].max_row - 1)

    edits = _edit(out, language)
    saved = out
    if route == "ods":
        saved = office.convert(saved, "ods", tmp_path / "ods", profile)
    saved = office.convert(saved, "xlsx", tmp_path / "saved", profile)
    assert _changes(customers_import.import_customers(saved, dry_run=True)) == edits
    assert table() == before


def test_platform_and_group_cells_are_read_in_any_language_or_as_codes(shop, tmp_path):
    from openpyxl import Workbook

    wb = Workbook()
    wb.active.append(["Nickname", "Platform", "Group"])
    for row in (["甲", "淘宝", "咨询"], ["乙", "Taobao", "asked"], ["丙", "taobao", "inquiry"],
                ["丁", " 京东 ", "成交"], ["戊", "JD", "Customer"]):
        wb.active.append(row)
    path = tmp_path / "mixed.xlsx"
    wb.save(path)
    plan = customers_import.import_customers(path, dry_run=True)
    assert plan.errors == []
    assert [(r.nickname, r.platform, r.lifecycle) for r in plan.new] == [
        ("甲", "taobao", "inquiry"), ("乙", "taobao", "inquiry"), ("丙", "taobao", "inquiry"),
        ("丁", "jd", "customer"), ("戊", "jd", "customer")]
