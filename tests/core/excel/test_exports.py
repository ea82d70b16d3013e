"""Exports of each kind of record from a demo shop: the right rows, in the
list's order, with the right figures, headers translated by the caller."""

from __future__ import annotations

import csv
from datetime import UTC, datetime

import pytest
from openpyxl import load_workbook

from desk.core import demo
from desk.core.base import database
from desk.core.customers.listing import CUSTOMERS
from desk.core.errors import UserError
from desk.core.excel import exports
from desk.core.listing import Filter

from . import office
from .office import needs_office

NOW = datetime(2025, 3, 14, 2, 0, tzinfo=UTC)


@pytest.fixture
def shop(data_dir, db):
    demo.generate(data_dir, 120, seed=3, now=NOW)
    return data_dir


def sheet_rows(path, name=None):
    wb = load_workbook(path)
    ws = wb[name] if name else wb.worksheets[0]
    return [list(r) for r in ws.iter_rows(values_only=True)]


def scalar(sql, *params):
    return database.execute_sql(sql, params).fetchone()[0]


def test_all_has_a_sheet_of_every_kind_with_every_row(shop, tmp_path):
    path = tmp_path / "all.xlsx"
    result = exports.export("all", path)
    wb = load_workbook(path)
    assert wb.sheetnames == ["Customers", "Orders", "After-sales", "Follow-ups", "Quick replies"]
    counts = {
        "Customers": scalar("SELECT count(*) FROM customer WHERE deleted_at IS NULL"),
        "Orders": scalar("SELECT count(*) FROM shop_order"),
        "After-sales": scalar("SELECT count(*) FROM aftersales_case WHERE deleted_at IS NULL"),
        "Follow-ups": scalar("SELECT count(*) FROM followup"),
        "Quick replies": scalar("SELECT count(*) FROM reply WHERE deleted_at IS NULL"),
    }
    assert {name: wb[name].max_row - 1 for name in wb.sheetnames} == counts
    assert result.rows == sum(counts.values())


def test_orders_keep_their_numbers_and_amounts_exactly(shop, tmp_path):
    path = tmp_path / "orders.xlsx"
    exports.export("orders", path)
    header, *rows = sheet_rows(path)
    stored = dict(database.execute_sql("SELECT order_no, amount_fen FROM shop_order"))
    by_no = {r[header.index("Order number")]: r[header.index("Amount paid")] for r in rows}
    assert set(by_no) == set(stored)
    assert any(len(no) == 19 for no in by_no)
    assert all(round(amount * 100) == stored[no] for no, amount in by_no.items())


def test_customers_in_the_lists_order_with_its_filter(shop, tmp_path):
    path = tmp_path / "c.xlsx"
    selection = exports.Selection(filters=(Filter("c.platform = ?", ("pdd",)),),
                                  sort="total_spent_fen", descending=True)
    exports.export("customers", path, selection)
    header, *rows = sheet_rows(path)
    expected = CUSTOMERS.ids(selection.filters, "total_spent_fen", True)
    names = dict(database.execute_sql("SELECT id, nickname FROM customer"))
    assert [r[0] for r in rows] == [names[i] for i in expected]
    assert {r[header.index("Platform")] for r in rows} == {"Pinduoduo"}  # the name, not the code


def test_picked_ids_in_the_order_given(shop, tmp_path):
    path = tmp_path / "c.xlsx"
    exports.export("customers", path, exports.Selection(ids=(5, 2, 9, 2)))
    names = dict(database.execute_sql("SELECT id, nickname FROM customer"))
    assert [r[0] for r in sheet_rows(path)[1:]] == [names[5], names[2], names[9]]


def test_cases_carry_event_and_photo_counts_and_the_next_deadline(shop, tmp_path):
    path = tmp_path / "a.xlsx"
    exports.export("aftersales", path)
    header, *rows = sheet_rows(path)
    col = header.index
    expected = {no: (events, photos) for no, events, photos in database.execute_sql(
        "SELECT case_no, (SELECT count(*) FROM case_event e WHERE e.case_id = a.id),"
        " (SELECT count(*) FROM evidence v WHERE v.case_id = a.id AND v.deleted_at IS NULL)"
        " FROM aftersales_case a")}
    assert {r[col("Case number")]: (r[col("Events")], r[col("Photos")]) for r in rows} == expected
    assert any(r[col("Photos")] for r in rows)
    deadlines = [r[col("Next deadline")] for r in rows if r[col("Next deadline")] is not None]
    assert deadlines and all(isinstance(d, datetime) for d in deadlines)


def test_headers_sheet_names_and_codes_go_through_the_caller(shop, tmp_path):
    path = tmp_path / "c.xlsx"
    table = {"Customers": "客户", "Nickname": "昵称", "Platform": "平台"}
    exports.export("customers", path, translate=lambda ctx, text: table.get(text, text) if ctx == "Export"
                   else text, labels={"platform": {"taobao": "淘宝"}})
    wb = load_workbook(path)
    assert wb.sheetnames == ["客户"]
    header, *rows = [list(r) for r in wb["客户"].iter_rows(values_only=True)]
    assert header[:2] == ["昵称", "平台"]
    assert "淘宝" in {r[1] for r in rows} and "taobao" not in {r[1] for r in rows}


def test_tags_are_written_as_names(shop, tmp_path):
    path = tmp_path / "c.xlsx"
    exports.export("customers", path)
    header, *rows = sheet_rows(path)
    tags = [r[header.index("Tags")] for r in rows if r[header.index("Tags")]]
    assert tags and not any("\x1f" in t or "#" in t for t in tags)


def test_masked_phones_and_replies(shop, tmp_path):
    path = tmp_path / "c.xlsx"
    exports.export("customers", path, mask_phones=True)
    header, *rows = sheet_rows(path)
    phones = [r[header.index("Phone")] for r in rows if r[header.index("Phone")]]
    assert phones and all("****" in p for p in phones)
    exports.export("replies", path)
    header, *rows = sheet_rows(path)
    assert header[:4] == ["Group", "Code", "Text", "Position"]
    assert {r[1] for r in rows} >= {"nh", "hp"}


def test_unknown_kind(shop, tmp_path):
    with pytest.raises(UserError):
        exports.export("secrets", tmp_path / "x.xlsx")


@needs_office
def test_libreoffice_opens_an_export_without_complaint(shop, tmp_path):
    """Judged by what LibreOffice read (its stderr carries warnings about
    itself, such as a missing Java, that say nothing about the file)."""
    path = tmp_path / "orders.xlsx"
    exports.export("orders", path)
    # 76: UTF-8, as LibreOffice's CSV filter numbers its character sets
    converted = office.convert(path, "csv:Text - txt - csv (StarCalc):44,34,76", tmp_path / "csv",
                               tmp_path / "profile")
    header, *rows = list(csv.reader(converted.read_text(encoding="utf-8").splitlines()))
    assert header[:4] == ["Order number", "Platform", "Buyer", "Status"]
    stored = dict(database.execute_sql("SELECT order_no, status FROM shop_order"))
    assert len(rows) == len(stored)
    assert {r[0] for r in rows} == set(stored)  # 19-digit numbers kept exactly, as text
    assert {r[3] for r in rows} <= {"Awaiting payment", "Paid", "Shipped", "Completed", "Closed"}


@needs_office
def test_a_customer_list_prints_one_page_wide_in_landscape(shop, tmp_path):
    """As LibreOffice prints it (to PDF): every column on each page, so the
    pages are the rows' pages, not the rows' pages times the column bands."""
    import re

    path = tmp_path / "customers.xlsx"
    exports.export("customers", path)
    pdf = office.convert(path, "pdf", tmp_path / "pdf", tmp_path / "profile").read_bytes()
    sizes = re.findall(rb"/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]", pdf)
    assert sizes and all(float(w) > float(h) for w, h in sizes)  # landscape
    rows = scalar("SELECT count(*) FROM customer WHERE deleted_at IS NULL") + 1
    # landscape A4 at 100% holds about 30 rows; fitted to the width the scale is
    # smaller, so more: never more pages than the rows need at 100%
    assert len(sizes) <= -(-rows // 30), len(sizes)
