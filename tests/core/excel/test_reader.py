"""The workbook reader (python-calamine behind our checks) on files as other
programs write them: Pinduoduo's and JD's Java exporters, Excel, WPS,
LibreOffice (.ods) and old .xls files; and on sheets whose cell references
reach far to the right or down, which must be refused from the file's own
size, never by building the grid they describe."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
import zipfile
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from desk.core.base import database
from desk.core.errors import UserError
from desk.core.excel import reading
from desk.core.excel.orders_import import import_orders

from . import handmade as h

SHOP_TZ = timezone(timedelta(hours=8))
FILES = h.FILES


def epoch(*parts) -> int:
    return int(datetime(*parts, tzinfo=SHOP_TZ).timestamp())


def stored(sql, *params):
    return database.execute_sql(sql, params).fetchall()


# -- files as the seller centres' exporters write them ----------------------------

PDD_HEADER = ["订单号", "商品", "商品规格", "商品数量(件)", "用户实付金额(元)", "订单状态", "订单成交时间",
              "成团时间", "支付时间", "收货人", "手机", "详细地址", "快递公司", "快递单号", "商家备注",
              "售后状态", "备注"]


def pdd_java_export(path: Path) -> Path:
    """Shaped like Pinduoduo's order download (its Java exporter writes inline
    strings): empty text cells as `<c r="Q2" t="inlineStr" />`, blank numbers
    and dates as an empty `<v></v>` (what d489e12 refused as damaged: float('')),
    numbers as t="n", times as ISO t="d" cells, the order number and tracking
    number as text."""
    rows = [h.row(1, [h.inline(f"{h.column(i)}1", name) for i, name in enumerate(PDD_HEADER, 1)])]
    orders = [
        ("250301-012345678901234", "纯棉宽松短袖T恤", "白色;M", "2", "1299", "已签收", "2025-03-01T10:00:00",
         "138****1234", "75312345678901"),
        ("250301-012345678901235", "纯棉船袜五双装", None, "1", "59.9", "已发货，待收货",
         "2025-03-02T21:30:00", "139****5678", "YT0000000001"),
    ]
    for n, (no, title, sku, qty, amount, status, when, phone, tracking) in enumerate(orders, 2):
        rows.append(h.row(n, [
            h.inline(f"A{n}", no), h.inline(f"B{n}", title), h.inline(f"C{n}", sku),
            h.number(f"D{n}", qty), h.number(f"E{n}", amount), h.inline(f"F{n}", status),
            h.iso_date(f"G{n}", when), h.iso_date(f"H{n}", when), h.iso_date(f"I{n}", when),
            h.inline(f"J{n}", "王芳"), h.inline(f"K{n}", phone), h.inline(f"L{n}", "浙江省杭州市西湖区文一西路1号"),
            h.inline(f"M{n}", "中通快递"), h.inline(f"N{n}", tracking), h.empty(f"O{n}", "n"),
            h.empty(f"P{n}", "d"), h.inline(f"Q{n}", None)]))
    return h.xlsx(path, rows, dimension="A1:Q3")


def test_a_pinduoduo_export_with_empty_cells(db, tmp_path):
    path = pdd_java_export(tmp_path / "pdd.xlsx")
    assert '<c r="Q2" t="inlineStr" />' in zipfile.ZipFile(path).read(
        "xl/worksheets/sheet1.xml").decode()
    result = import_orders(path, tz=SHOP_TZ)
    assert (result.platform, result.errors, len(result.new_orders)) == ("pdd", [], 2)
    assert stored("SELECT order_no, amount_fen, placed_at, tracking_no, status FROM shop_order"
                  " ORDER BY order_no") == [
        ("250301-012345678901234", 129_900, epoch(2025, 3, 1, 10), "75312345678901", "completed"),
        ("250301-012345678901235", 5_990, epoch(2025, 3, 2, 21, 30), "YT0000000001", "shipped")]
    assert stored("SELECT quantity FROM order_item ORDER BY id") == [(2,), (1,)]


JD_HEADER = ["订单号", "客户账号", "客户姓名", "联系电话", "客户地址", "应付金额", "订单状态", "下单时间",
             "付款确认时间", "商品名称", "订购数量", "快递公司", "运单号"]
# one built-in date-time format (22: m/d/yy h:mm) and one custom one
STYLES = (f'<styleSheet xmlns="{h.MAIN}"><numFmts count="1"><numFmt numFmtId="164" '
          'formatCode="yyyy/m/d\\ h:mm"/></numFmts><cellXfs count="3"><xf numFmtId="0"/>'
          '<xf numFmtId="22" applyNumberFormat="1"/><xf numFmtId="164" applyNumberFormat="1"/>'
          "</cellXfs></styleSheet>")


def jd_export(path: Path) -> Path:
    """Shaped like a JD order download saved by Excel: shared strings, the
    12-digit order number and the phone as numbers, times as date-styled
    serial numbers, an empty inline string cell."""
    strings = [*JD_HEADER, "jd_小雨", "王芳", "北京市朝阳区建国路1号", "完成", "纯棉宽松短袖T恤", "京东快递",
               "JDX000000000001"]
    index = {s: i for i, s in enumerate(strings)}
    rows = [h.row(1, [h.shared(f"{h.column(i)}1", i - 1) for i in range(1, len(JD_HEADER) + 1)])]
    serial = "45717.4166666667"  # 2025-03-01 10:00
    rows.append(h.row(2, [
        h.number("A2", "280000000001"), h.shared("B2", index["jd_小雨"]), h.shared("C2", index["王芳"]),
        h.number("D2", "13812341000"), h.shared("E2", index["北京市朝阳区建国路1号"]),
        h.number("F2", "1299.5"), h.shared("G2", index["完成"]), h.number("H2", serial, 1),
        h.number("I2", serial, 2), h.shared("J2", index["纯棉宽松短袖T恤"]), h.number("K2", "3"),
        h.shared("L2", index["京东快递"]), h.shared("M2", index["JDX000000000001"]), h.inline("N2", None)]))
    return h.xlsx(path, rows, [h.si(s) for s in strings], STYLES)


def test_a_jd_export_with_shared_strings_numbers_and_date_formats(db, tmp_path):
    result = import_orders(jd_export(tmp_path / "jd.xlsx"), tz=SHOP_TZ)
    assert (result.platform, result.errors, len(result.new_orders)) == ("jd", [], 1)
    assert stored("SELECT order_no, amount_fen, placed_at, paid_at, receiver_phone, tracking_no"
                  " FROM shop_order") == [
        ("280000000001", 129_950, epoch(2025, 3, 1, 10), epoch(2025, 3, 1, 10), "13812341000",
         "JDX000000000001")]


@pytest.mark.parametrize("date1904", [False, True])
def test_a_workbook_as_excel_writes_it(db, tmp_path, date1904):
    """Rich text with a phonetic guide in a shared string, a custom date
    format, 1904 dates, an empty row, a gap in a row, cells out of order."""
    strings = [h.si(s) for s in ("订单编号", "买家会员名", "订单状态", "订单创建时间", "买家实际支付金额",
                                 "小雨点点", "交易成功")]
    strings.append('<si><r><t>lily</t></r><r><rPr><b/></rPr><t>_2024</t></r>'
                   '<rPh sb="0" eb="1"><t>x</t></rPh></si>')
    serial = str(45717.4375 - (1462 if date1904 else 0))  # 2025-03-01 10:30
    rows = [
        h.row(1, [h.shared(f"{c}1", i) for i, c in enumerate("ABCDE")]),
        h.row(2, ['<c r="A2" t="str"><v>3012345678901234567</v></c>', h.shared("B2", 5),
                  h.shared("C2", 6), h.number("D2", serial, 2), h.number("E2", "1299.5")]),
        h.row(4, [h.number("A4", "280000000001"), h.shared("B4", 7), h.shared("C4", 6),
                  h.number("E4", "12"), h.number("D4", serial, 2)]),
    ]
    path = h.xlsx(tmp_path / "excel.xlsx", rows, strings, STYLES, date1904=date1904)
    got = list(reading.rows(path))
    assert got[1] == ["3012345678901234567", "小雨点点", "交易成功", datetime(2025, 3, 1, 10, 30), 1299.5]
    assert not any(got[2])
    assert got[3][:4] == [280000000001, "lily_2024", "交易成功", datetime(2025, 3, 1, 10, 30)]
    result = import_orders(path, tz=SHOP_TZ)
    assert (len(result.new_orders), result.errors) == (2, [])
    assert {r.order_no: r.values["amount_fen"] for r in result.new_orders} == {
        "3012345678901234567": 129_950, "280000000001": 1_200}


def test_a_number_that_lost_digits_is_a_row_error_that_says_so(db, tmp_path):
    """A 19-digit order number saved as a number keeps 15-17 digits: the row
    is refused, the file's other rows are imported."""
    rows = [h.row(1, [h.inline(f"{c}1", n) for c, n in zip("ABCD", ("订单编号", "买家会员名", "订单状态",
                                                                     "订单创建时间"), strict=True)]),
            h.row(2, [h.number("A2", "3012345678901234567"), h.inline("B2", "甲"),
                      h.inline("C2", "交易成功"), h.inline("D2", "2025-03-01 10:00")]),
            h.row(3, [h.number("A3", "301234567890"), h.inline("B3", "乙"),
                      h.inline("C3", "交易成功"), h.inline("D3", "2025-03-01 10:00")])]
    result = import_orders(h.xlsx(tmp_path / "n.xlsx", rows), tz=SHOP_TZ)
    assert [r.order_no for r in result.new_orders] == ["301234567890"]
    assert [(e.row, "saved as a number and has lost digits" in e.message) for e in result.errors] == [
        (2, True)]
    assert ".csv" in result.errors[0].message


# -- .ods and .xls ------------------------------------------------------------------

TAOBAO = ["订单编号", "买家会员名", "买家实际支付金额", "订单状态", "订单创建时间", "宝贝标题", "宝贝总数量"]


def test_an_ods_as_libreoffice_saves_it(db, tmp_path):
    """LibreOffice ends a sheet with a million repeated empty rows and
    columns; they are not data."""
    path = h.ods(tmp_path / "orders.ods", [
        h.ods_row([h.ods_cell(n) for n in TAOBAO] + [h.ods_cell(None, 1017)]),
        h.ods_row([h.ods_cell("3012345678901234567"), h.ods_cell("小雨点点"), h.ods_cell(1299),
                   h.ods_cell("交易成功"), h.ods_cell("2025-03-01 10:00:00"), h.ods_cell(None),
                   h.ods_cell(2), h.ods_cell(None, 1017)]),
        h.ods_row([h.ods_cell(None, 1024)], repeat=1048574),
    ])
    result = import_orders(path, tz=SHOP_TZ)
    assert (result.platform, result.errors, len(result.new_orders)) == ("taobao", [], 1)
    assert stored("SELECT order_no, amount_fen, placed_at FROM shop_order") == [
        ("3012345678901234567", 129_900, epoch(2025, 3, 1, 10))]


def test_an_old_xls_file(db):
    """jd.xls: samples.jd_xlsx saved by LibreOffice as "Excel 97-2003"."""
    result = import_orders(FILES / "jd.xls", tz=SHOP_TZ)
    assert (result.platform, result.errors, len(result.new_orders)) == ("jd", [], 3)
    assert stored("SELECT order_no, amount_fen, placed_at FROM shop_order ORDER BY order_no")[0] == (
        "280000000000", 129_900, epoch(2025, 3, 1, 10))


def test_an_xls_over_the_size_limit_is_refused_unread(db, tmp_path):
    with pytest.raises(UserError, match="larger than ShopDesk reads in the old .xls format"):
        import_orders(FILES / "jd.xls", tz=SHOP_TZ, limits=reading.Limits(xls_bytes=4096))


# -- sheets that reach far: refused from the file, never built --------------------

_PROBE = textwrap.dedent("""
    import json, resource, sys
    resource.setrlimit(resource.RLIMIT_AS, (1024 ** 3, 1024 ** 3))
    from desk.core.errors import UserError
    from desk.core.excel import reading
    out = {}
    for path in sys.argv[1:]:
        try:
            out[path] = ["read", sum(1 for _ in reading.rows(path))]
        except UserError as e:
            out[path] = ["refused", str(e)]
    print(json.dumps(out))
""")


def _probe(*paths: Path) -> dict:
    """reading.rows() on each file in a child process limited to 1 GiB of
    address space: calamine aborts the process when it cannot have its grid."""
    pytest.importorskip("resource")
    proc = subprocess.run([sys.executable, "-c", _PROBE, *map(str, paths)], capture_output=True,
                          text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr[-2000:]
    return {Path(k).name: v for k, v in json.loads(proc.stdout).items()}


@pytest.mark.parametrize("size", [13_000, 1_000_000])
def test_cells_far_to_the_right_are_refused_with_memory_bounded(db, tmp_path, size):
    import tracemalloc

    path = h.far_right_xlsx(tmp_path / "far.xlsx", size)
    assert size <= path.stat().st_size < size * 1.5
    got = _probe(path)
    assert got["far.xlsx"] == ["refused", "far.xlsx: the sheet uses 12,356,631 columns; ShopDesk "
                               "reads at most 500. Delete the columns far to the right (or save the "
                               "sheet as .csv) and import it again."]
    tracemalloc.start()
    try:
        with pytest.raises(UserError, match="12,356,631 columns"):
            import_orders(path, tz=SHOP_TZ, dry_run=True)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 16 * 1024 * 1024


def _patched_xls(path: Path, row: int, col: int) -> Path:
    """jd.xls with its first number cell moved to (row, col), 0-based."""
    import struct

    data = bytearray((FILES / "jd.xls").read_bytes())
    stream = reading._ole_stream(bytes(data), ("Workbook",))
    pos = 0
    while True:
        kind, length = struct.unpack_from("<HH", stream, pos)
        if kind == 0x0203:  # NUMBER
            break
        pos += 4 + length
    record = stream[pos:pos + 4 + length]
    at = bytes(data).index(record)
    struct.pack_into("<HH", data, at + 4, row, col)
    path.write_bytes(bytes(data))
    return path


def test_the_extent_is_found_however_a_sheet_is_written(tmp_path):
    cell = '<c r="A1" t="inlineStr"><is><t>订单编号</t></is></c>'
    files = {
        # references in single quotes, the reference not first, a namespace prefix
        "quotes.xlsx": [f"<row r='1'>{cell}<c r='XFD1048576'><v>1</v></c></row>"],
        "order.xlsx": [f'<row r="1">{cell}<c t="n" r="ZZZ7"><v>1</v></c></row>'],
        "prefix.xlsx": [f'<row r="1">{cell}<x:c xmlns:x="{h.MAIN}" r="AAA1"><v>1</v></x:c></row>'],
        # no references at all: each cell is the next one (2,000 of them)
        "bare.xlsx": ['<row r="1">' + "<c><v>1</v></c>" * 2000 + "</row>"],
        # a row far down, its cells without references
        "deep.xlsx": [f'<row r="1">{cell}</row><row r="900000"><c><v>1</v></c></row>'],
        # rows within the limit, but a grid over the cell limit
        "area.xlsx": [f'<row r="1">{cell}</row><row r="150000"><c r="SF150000"><v>1</v></c></row>'],
    }
    paths = [h.xlsx(tmp_path / name, rows) for name, rows in files.items()]
    paths.append(h.ods(tmp_path / "wide.ods", [h.ods_row([h.ods_cell("x", 16_000_000)])]))
    paths.append(h.ods(tmp_path / "tall.ods", [h.ods_row([h.ods_cell("x", 100)], repeat=500_000)]))
    paths.append(_patched_xls(tmp_path / "far.xls", 60_000, 60_000))
    got = _probe(*paths)
    expected = {
        "quotes.xlsx": "16,384 columns", "order.xlsx": "18,278 columns", "prefix.xlsx": "703 columns",
        "bare.xlsx": "2,000 columns", "deep.xlsx": "more than 200,000 rows",
        "area.xlsx": "spans 150,000 rows by 500 columns", "wide.ods": "16,000,000 columns",
        "tall.ods": "more than 200,000 rows", "far.xls": "60,001 columns"}
    assert {name: (kind, expected[name] in text) for name, (kind, text) in got.items()} == {
        name: ("refused", True) for name in expected}


def test_sheets_within_the_limits_are_read(tmp_path):
    cell = '<c r="A1" t="inlineStr"><is><t>订单编号</t></is></c>'
    wide = h.xlsx(tmp_path / "wide.xlsx", [f'<row r="1">{cell}<c r="SF1"><v>1</v></c></row>'])
    assert [len(r) for r in reading.rows(wide)] == [500]
    bare = h.xlsx(tmp_path / "bare.xlsx", ['<row r="3">' + "<c><v>1</v></c>" * 3 + "</row>"])
    assert [r for r in reading.rows(bare) if any(r)] == [[1.0, 1.0, 1.0]]
    late = h.xlsx(tmp_path / "late.xlsx", ['<row r="2"><c r="C2"><v>7</v></c></row>'])
    assert list(reading.rows(late))[-1] == ["", "", 7.0]  # row 2, column C: where the file says


# -- CSV in a mixed encoding (a row another program saved) -------------------------

def _taobao_csv(rows: list[bytes]) -> bytes:
    header = "订单编号,买家会员名,订单状态,订单创建时间,收货地址\n".encode()
    return header + b"".join(rows)


def _line(n: int, nick: bytes, address: bytes) -> bytes:
    return b"30123456789012345%02d," % n + nick + b",TRADE,2025-03-01 10:00," + address + b"\n"


@pytest.mark.parametrize("dry_run", [True, False])
def test_a_gbk_row_in_a_utf8_export_is_a_row_error(db, tmp_path, dry_run):
    path = tmp_path / "mixed.csv"
    rows = [_line(n, f"买家{n}".encode(), "杭州市西湖区".encode()) for n in range(1, 6)]
    rows[2] = _line(3, "小雨点点".encode("gbk"), "上海市朋友圈".encode("gbk"))
    path.write_bytes(_taobao_csv(rows).replace(b"TRADE", "交易成功".encode()))
    result = import_orders(path, tz=SHOP_TZ, dry_run=dry_run)
    assert [(e.row, "not text in the file's encoding (UTF-8)" in e.message) for e in result.errors] == [
        (4, True)]
    assert len(result.new_orders) == 4
    nicknames = [r.nickname for r in result.new_orders]
    assert nicknames == ["买家1", "买家2", "买家4", "买家5"]
    if not dry_run:
        text = " ".join(str(v) for table in ("customer", "shop_order", "address")
                        for row in stored(f"SELECT * FROM {table}") for v in row)
        assert "\ufffd" not in text and "买家4" in text and "小雨" not in text


def test_a_utf8_row_in_a_gbk_export_is_a_row_error(db, tmp_path):
    path = tmp_path / "mixed.csv"
    rows = [_line(n, f"买家{n}".encode("gbk"), "杭州市西湖区".encode("gbk")) for n in range(1, 6)]
    rows[1] = _line(2, "小雨点点".encode(), "上海市".encode())
    path.write_bytes(("订单编号,买家会员名,订单状态,订单创建时间,收货地址\n".encode("gbk")
                      + b"".join(rows)).replace(b"TRADE", "交易成功".encode("gbk")))
    result = import_orders(path, tz=SHOP_TZ)
    assert [(e.row, "(GB18030)" in e.message) for e in result.errors] == [(3, True)]
    assert [r.nickname for r in result.new_orders] == ["买家1", "买家3", "买家4", "买家5"]


def test_decoding_keeps_clean_files_whole():
    text = "订单编号,买家\n1,小雨\n"
    assert reading.decode(text.encode("utf-8")) == (text, "utf-8", set())
    assert reading.decode(text.encode("gb18030")) == (text, "gb18030", set())
    assert reading.decode(b"\xef\xbb\xbf" + text.encode()) == (text, "utf-8", set())
    assert reading.decode(text.encode("utf-16")) == (text, "utf-16-le", set())


def test_a_customer_list_row_in_another_encoding_is_a_row_error(db, tmp_path):
    from desk.core.excel import customers_import

    path = tmp_path / "customers.csv"
    path.write_bytes(b"Nickname,Platform,Real name\n"
                     + "".join(f"买家{n},taobao,王芳\n" for n in range(3)).encode()
                     + "丽丽,taobao,李娜\n".encode("gbk"))
    plan = customers_import.read(path)
    assert [(e.row, "(UTF-8)" in e.message) for e in plan.errors] == [(5, True)]
    assert [i.nickname for i in plan.new] == ["买家0", "买家1", "买家2"]


def _record(kind: int, body: bytes) -> bytes:
    """One BIFF12 record: type and size as 7-bit varints, then the body."""
    def varint(n: int) -> bytes:
        out = bytearray()
        while True:
            out.append((n & 0x7F) | (0x80 if n > 0x7F else 0))
            n >>= 7
            if not n:
                return bytes(out)
    return varint(kind) + varint(len(body)) + body


def test_the_extent_of_an_xlsb_sheet_is_read_from_its_records(tmp_path):
    import struct

    cell = struct.pack("<II", 599, 0) + struct.pack("<d", 1.0)  # BrtCellReal in column 600
    sheet = (_record(0, struct.pack("<I", 0) + bytes(13)) + _record(5, struct.pack("<II", 2, 0) + bytes(8))
             + _record(0, struct.pack("<I", 199_999) + bytes(13)) + _record(5, cell)
             + _record(0x1A5, bytes(4)))  # a two-byte record type is stepped over
    with zipfile.ZipFile(tmp_path / "b.xlsb", "w") as z:
        z.writestr("xl/worksheets/sheet1.bin", sheet)
    with zipfile.ZipFile(tmp_path / "b.xlsb") as z:
        assert reading._xlsb_extent(z, "xl/worksheets/sheet1.bin") == (200_000, 600)
