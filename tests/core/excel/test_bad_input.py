"""Files that are not order exports, or are built to hurt: a clear message,
nothing written, memory bounded."""

from __future__ import annotations

import io
import random
import tracemalloc
import zipfile
from datetime import timedelta, timezone

import pytest
from openpyxl import Workbook

from desk.core.base import database
from desk.core.errors import UserError
from desk.core.excel import reading
from desk.core.excel.orders_import import UnknownLayout, import_orders

from . import samples

SHOP_TZ = timezone(timedelta(hours=8))


def refused(path, match, **kw):
    before = database.execute_sql("SELECT count(*) FROM shop_order").fetchone()[0]
    with pytest.raises(UserError, match=match) as raised:
        import_orders(path, tz=SHOP_TZ, **kw)
    assert database.execute_sql("SELECT count(*) FROM shop_order").fetchone()[0] == before
    assert "\n" not in str(raised.value)
    return raised.value


def test_empty_file(db, tmp_path):
    (tmp_path / "e.csv").write_bytes(b"")
    refused(tmp_path / "e.csv", "is empty")


def test_missing_file_and_folder(db, tmp_path):
    refused(tmp_path / "nope.xlsx", "does not exist")
    refused(tmp_path, "is a folder")


def test_an_image_renamed_to_xlsx(db, tmp_path):
    from PIL import Image

    buf = io.BytesIO()
    Image.new("RGB", (8, 8)).save(buf, "PNG")
    (tmp_path / "photo.xlsx").write_bytes(buf.getvalue())
    refused(tmp_path / "photo.xlsx", "not a spreadsheet")


def test_a_text_file_renamed_to_xlsx(db, tmp_path):
    (tmp_path / "notes.xlsx").write_text("shopping list\nmilk, eggs\n", encoding="utf-8")
    error = refused(tmp_path / "notes.xlsx", "does not look like an order export")
    assert isinstance(error, UnknownLayout)


def test_a_truncated_workbook(db, tmp_path):
    good = samples.pdd_xlsx(tmp_path / "good.xlsx").read_bytes()
    (tmp_path / "cut.xlsx").write_bytes(good[: len(good) // 2])
    refused(tmp_path / "cut.xlsx", "damaged")


def test_a_zip_that_is_not_a_workbook(db, tmp_path):
    with zipfile.ZipFile(tmp_path / "z.xlsx", "w") as z:
        z.writestr("readme.txt", "hello")
    refused(tmp_path / "z.xlsx", "not an Excel workbook")


def test_password_protected_or_old_xls(db, tmp_path):
    # Excel saves an encrypted workbook as an OLE compound file, like an old .xls
    (tmp_path / "locked.xlsx").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 4096)
    refused(tmp_path / "locked.xlsx", "password-protected")


def _workbook_with(tmp_path, name, replace: dict[str, bytes], extra: dict[str, bytes] | None = None,
                   compression=zipfile.ZIP_DEFLATED):
    source = samples.pdd_xlsx(tmp_path / "source.xlsx")
    out = tmp_path / name
    with zipfile.ZipFile(source) as src, zipfile.ZipFile(out, "w", compression) as dst:
        for info in src.infolist():
            dst.writestr(info.filename, replace.get(info.filename, src.read(info.filename)))
        for part, data in (extra or {}).items():
            dst.writestr(part, data)
    return out


def test_an_entity_bomb_is_refused_before_parsing(db, tmp_path):
    bomb = (b'<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY lol "lol">'
            + b"".join(b'<!ENTITY lol%d "&lol%s;&lol%s;&lol%s;&lol%s;&lol%s;&lol%s;&lol%s;&lol%s;">'
                       % (i, *(str(i - 1).encode() if i > 1 else b"",) * 8) for i in range(1, 10))
            + b']><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
              b'<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&lol9;</t></is></c></row>'
              b'</sheetData></worksheet>')
    path = _workbook_with(tmp_path, "bomb.xlsx", {"xl/worksheets/sheet1.xml": bomb})
    refused(path, "DTD")


def test_a_dtd_behind_a_comment_is_refused(db, tmp_path):
    sneaky = (b'<?xml version="1.0"?>\n<!-- <worksheet> --><!DOCTYPE w [<!ENTITY e "x">]>'
              b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
              b'<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&e;</t></is></c></row>'
              b'</sheetData></worksheet>')
    refused(_workbook_with(tmp_path, "sneaky.xlsx", {"xl/worksheets/sheet1.xml": sneaky}), "DTD")


def test_a_zip_bomb_is_refused_before_unpacking(db, tmp_path):
    zeros = b"\0" * (40 * 1024 * 1024)  # deflates to about 40 KB
    path = _workbook_with(tmp_path, "zip.xlsx", {}, {"xl/media/padding.bin": zeros})
    tracemalloc.start()
    try:
        refused(path, "unpack to far more")
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 8 * 1024 * 1024


def test_too_many_parts(db, tmp_path):
    path = tmp_path / "many.xlsx"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        for i in range(reading.LIMITS.zip_members + 1):
            z.writestr(f"xl/p{i}.bin", b"")
    refused(path, "unpack to far more")


def test_a_header_with_no_rows(db, tmp_path):
    path = samples.taobao_csv(tmp_path / "t.csv", orders=())
    refused(path, "no orders under it")


def test_too_many_rows_is_refused_with_a_clear_message(db, tmp_path):
    limits = reading.Limits(rows=100)
    csv_path = samples.taobao_csv(tmp_path / "t.csv", orders=samples.ORDERS * 60)
    refused(csv_path, "more than 100 rows", limits=limits)
    wb = Workbook(write_only=True)
    ws = wb.create_sheet()
    ws.append(["订单编号", "买家会员名", "订单状态", "订单创建时间"])
    for i in range(300):
        ws.append([str(i), "甲", "交易成功", "2025-03-01 10:00"])
    wb.save(tmp_path / "rows.xlsx")
    refused(tmp_path / "rows.xlsx", "more than 100 rows", limits=limits)


def test_a_million_rows_stops_early_with_memory_bounded(db, tmp_path):
    path = tmp_path / "big.csv"
    line = "1,甲,交易成功,2025-03-01 10:00\n".encode()
    path.write_bytes("订单编号,买家会员名,订单状态,订单创建时间\n".encode() + line * 1_000_000)
    tracemalloc.start()
    try:
        refused(path, "more than 200,000 rows")
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 150 * 1024 * 1024  # the text of the file, not a million parsed rows


@pytest.mark.parametrize("kind", ["csv", "xlsx"])
def test_a_megabyte_cell(db, tmp_path, kind):
    rng = random.Random(1)
    huge = "".join(chr(rng.randrange(0x4E00, 0x9FA5)) for _ in range(1024 * 1024))
    header = ["订单编号", "买家会员名", "订单状态", "订单创建时间", "买家留言"]
    row = ["1001", "甲", "交易成功", "2025-03-01 10:00", huge]
    if kind == "csv":
        path = tmp_path / "huge.csv"
        path.write_text(",".join(header) + "\n" + ",".join(row) + "\n", encoding="utf-8")
    else:
        path = tmp_path / "huge.xlsx"
        wb = Workbook(write_only=True)
        ws = wb.create_sheet()
        ws.append(header)
        ws.append(row)  # openpyxl cuts it to 32,767 when writing: write the XML ourselves
        wb.save(path)
        path = _replace_cell(tmp_path, path, huge)
    refused(path, "more than 32,767 characters")


def _replace_cell(tmp_path, path, huge):
    out = tmp_path / "huge2.xlsx"
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename.startswith("xl/worksheets/sheet"):
                text = data.decode()
                start = text.rindex("<t>") + 3
                end = text.index("</t>", start)
                data = (text[:start] + huge + text[end:]).encode()
            dst.writestr(info.filename, data)
    return out


def test_unknown_platform(db, tmp_path):
    refused(samples.taobao_csv(tmp_path / "t.csv"), "Unknown platform", platform="amazon")
