"""The fast sheet reader gives what openpyxl gives, for files written by
openpyxl (inline strings) and for files as Excel writes them (shared
strings with rich text and phonetic guides, custom date formats, 1904 dates)."""

from __future__ import annotations

import zipfile
from datetime import datetime, timedelta, timezone

import pytest
from openpyxl import load_workbook

from desk.core.excel import sheetxml
from desk.core.excel.orders_import import import_orders

from . import samples

SHOP_TZ = timezone(timedelta(hours=8))
MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"


def ours(path):
    with zipfile.ZipFile(path) as z:
        sheet, date1904 = sheetxml.first_sheet(z)
        return [_trim(r) for r in sheetxml.rows(z, sheet, date1904)]


def theirs(path):
    wb = load_workbook(path, read_only=True, data_only=True)
    try:
        return [_trim(list(r)) for r in wb.worksheets[0].iter_rows(values_only=True)]
    finally:
        wb.close()


def _trim(row):
    while row and row[-1] is None:
        row = row[:-1]
    return row


@pytest.mark.parametrize("make", [samples.pdd_xlsx, samples.jd_xlsx, samples.douyin_xlsx,
                                  samples.custom_xlsx])
def test_the_same_values_as_openpyxl(tmp_path, make):
    path = make(tmp_path / "f.xlsx")
    got, expected = ours(path), theirs(path)
    assert [r for r in got if r] == [r for r in expected if r]


def excel_like(path, date1904: bool = False):
    """A workbook as Excel saves it: shared strings (one with rich-text runs and
    a phonetic guide), a custom date format, numbers, an empty row, a gap."""
    strings = ["订单编号", "买家会员名", "订单状态", "订单创建时间", "买家实际支付金额", "小雨点点",
               "交易成功"]
    sst = "".join(f"<si><t>{s}</t></si>" for s in strings)
    sst += "<si><r><t>lily</t></r><r><rPr><b/></rPr><t>_2024</t></r><rPh sb=\"0\" eb=\"1\"><t>x</t></rPh></si>"
    serial = 45717.4375 - (1462 if date1904 else 0)  # 2025-03-01 10:30
    sheet = (
        f'<worksheet xmlns="{MAIN}"><dimension ref="A1:E5"/><sheetData>'
        '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v>'
        '</c><c r="D1" t="s"><v>3</v></c><c r="E1" t="s"><v>4</v></c></row>'
        '<row r="2"><c r="A2" t="str"><v>3012345678901234567</v></c><c r="B2" t="s"><v>5</v></c>'
        f'<c r="C2" t="s"><v>6</v></c><c r="D2" s="1"><v>{serial}</v></c><c r="E2"><v>1299.5</v></c></row>'
        '<row r="4"><c r="A4"><v>280000000001</v></c><c r="B4" t="s"><v>7</v></c>'
        f'<c r="C4" t="s"><v>6</v></c><c r="E4"><v>12</v></c><c r="D4" s="1"><v>{serial}</v></c></row>'
        '</sheetData></worksheet>')
    styles = (f'<styleSheet xmlns="{MAIN}"><numFmts count="1"><numFmt numFmtId="164" '
              'formatCode="yyyy/m/d\\ h:mm"/></numFmts><cellXfs count="2"><xf numFmtId="0"/>'
              '<xf numFmtId="164" applyNumberFormat="1"/></cellXfs></styleSheet>')
    pr = '<workbookPr date1904="1"/>' if date1904 else "<workbookPr/>"
    workbook = (f'<workbook xmlns="{MAIN}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/'
                f'2006/relationships">{pr}<sheets>'
                '<sheet name="订单" sheetId="1" r:id="rId1"/></sheets></workbook>')
    rels = ('<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
            'relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>')
    types = ('<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
             '<Default Extension="xml" ContentType="application/xml"/>'
             '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-'
             'officedocument.spreadsheetml.sheet.main+xml"/>'
             '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.'
             'openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>')
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", types)
        z.writestr("xl/workbook.xml", workbook)
        z.writestr("xl/_rels/workbook.xml.rels", rels)
        z.writestr("xl/worksheets/sheet1.xml", sheet)
        z.writestr("xl/sharedStrings.xml", f'<sst xmlns="{MAIN}">{sst}</sst>')
        z.writestr("xl/styles.xml", styles)
    return path


@pytest.mark.parametrize("date1904", [False, True])
def test_a_workbook_as_excel_writes_it(db, tmp_path, date1904):
    path = excel_like(tmp_path / "excel.xlsx", date1904)
    rows = ours(path)
    assert rows[1] == ["3012345678901234567", "小雨点点", "交易成功", datetime(2025, 3, 1, 10, 30),
                       1299.5]
    assert rows[2] == []
    assert rows[3] == [280000000001, "lily_2024", "交易成功", datetime(2025, 3, 1, 10, 30), 12]
    result = import_orders(path, tz=SHOP_TZ)
    assert (len(result.new_orders), result.errors) == (2, [])
    assert {r.order_no: r.values["amount_fen"] for r in result.new_orders} == {
        "3012345678901234567": 129_950, "280000000001": 1_200}
