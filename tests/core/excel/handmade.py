"""Workbooks written part by part, the way programs other than openpyxl write
them: the Java exporters behind the Pinduoduo and JD seller centres (inline
strings, an empty string cell as `<c r="Q2" t="inlineStr" />`, a blank number
or date as an empty `<v></v>`, ISO dates in `t="d"` cells), Excel (shared strings with rich text and phonetic guides,
date formats, 1904 dates) and LibreOffice (.ods with repeated cells)."""

from __future__ import annotations

import random
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_PKG = "http://schemas.openxmlformats.org/package/2006/relationships"
_DOC = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
FILES = Path(__file__).parent / "files"  # small files other programs saved


def column(n: int) -> str:
    """1 -> A, 27 -> AA."""
    out = ""
    while n > 0:
        n, r = divmod(n - 1, 26)
        out = chr(65 + r) + out
    return out


def inline(ref: str, text: str | None) -> str:
    """An inline string cell; None writes the empty one Java exporters write."""
    if text is None:
        return f'<c r="{ref}" t="inlineStr" />'
    return f'<c r="{ref}" t="inlineStr"><is><t>{escape(text)}</t></is></c>'


def empty(ref: str, kind: str) -> str:
    """A cell of type `kind` with an empty value, as some exporters write a blank."""
    return f'<c r="{ref}" t="{kind}"><v></v></c>'


def number(ref: str, value: str, style: int | None = None) -> str:
    s = f' s="{style}"' if style is not None else ""
    return f'<c r="{ref}"{s} t="n"><v>{value}</v></c>'


def iso_date(ref: str, value: str) -> str:
    return f'<c r="{ref}" t="d"><v>{value}</v></c>'


def shared(ref: str, index: int) -> str:
    return f'<c r="{ref}" t="s"><v>{index}</v></c>'


def row(n: int, cells: list[str]) -> str:
    return f'<row r="{n}">{"".join(cells)}</row>'


def xlsx(path: Path, rows: list[str], strings: list[str] | None = None,
         styles: str | None = None, date1904: bool = False, dimension: str | None = None) -> Path:
    """A workbook of one sheet whose <sheetData> holds `rows` (XML text)."""
    dim = f'<dimension ref="{dimension}"/>' if dimension else ""
    sheet = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="{MAIN}">'
             f'{dim}<sheetData>{"".join(rows)}</sheetData></worksheet>')
    pr = '<workbookPr date1904="1"/>' if date1904 else "<workbookPr/>"
    workbook = (f'<workbook xmlns="{MAIN}" xmlns:r="{_DOC}">{pr}<sheets>'
                '<sheet name="订单列表" sheetId="1" r:id="rId1"/></sheets></workbook>')
    rels = (f'<Relationships xmlns="{_PKG}"><Relationship Id="rId1" Type="{_DOC}/worksheet" '
            'Target="worksheets/sheet1.xml"/>'
            + (f'<Relationship Id="rId2" Type="{_DOC}/sharedStrings" Target="sharedStrings.xml"/>'
               if strings is not None else "")
            + (f'<Relationship Id="rId3" Type="{_DOC}/styles" Target="styles.xml"/>'
               if styles is not None else "")
            + "</Relationships>")
    root_rels = (f'<Relationships xmlns="{_PKG}"><Relationship Id="rId1" Type="{_DOC}/officeDocument"'
                 ' Target="xl/workbook.xml"/></Relationships>')
    types = ('<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
             '<Default Extension="xml" ContentType="application/xml"/>'
             '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
             'relationships+xml"/>'
             '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-'
             'officedocument.spreadsheetml.sheet.main+xml"/>'
             '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.'
             'openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>')
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", types)
        z.writestr("_rels/.rels", root_rels)
        z.writestr("xl/workbook.xml", workbook)
        z.writestr("xl/_rels/workbook.xml.rels", rels)
        z.writestr("xl/worksheets/sheet1.xml", sheet)
        if strings is not None:
            z.writestr("xl/sharedStrings.xml", f'<sst xmlns="{MAIN}">{"".join(strings)}</sst>')
        if styles is not None:
            z.writestr("xl/styles.xml", styles)
    return path


def si(text: str) -> str:
    return f"<si><t>{escape(text)}</t></si>"


_ODS_NS = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
           'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
           'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"')


def ods_cell(value: object = None, repeat: int = 1) -> str:
    rep = f' table:number-columns-repeated="{repeat}"' if repeat > 1 else ""
    if value is None:
        return f"<table:table-cell{rep}/>"
    if isinstance(value, (int, float)):
        return (f'<table:table-cell office:value-type="float" office:value="{value}"{rep}>'
                f"<text:p>{value}</text:p></table:table-cell>")
    return (f'<table:table-cell office:value-type="string"{rep}><text:p>{escape(str(value))}'
            "</text:p></table:table-cell>")


def ods_row(cells: list[str], repeat: int = 1) -> str:
    rep = f' table:number-rows-repeated="{repeat}"' if repeat > 1 else ""
    return f"<table:table-row{rep}>{''.join(cells)}</table:table-row>"


def ods(path: Path, rows: list[str]) -> Path:
    """An OpenDocument spreadsheet of one table."""
    content = (f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {_ODS_NS} '
               'office:version="1.2"><office:body><office:spreadsheet><table:table '
               f'table:name="订单">{"".join(rows)}</table:table></office:spreadsheet></office:body>'
               "</office:document-content>")
    manifest = ('<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:'
                'oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">'
                '<manifest:file-entry manifest:full-path="/" manifest:media-type="application/'
                'vnd.oasis.opendocument.spreadsheet"/><manifest:file-entry manifest:full-path='
                '"content.xml" manifest:media-type="text/xml"/></manifest:manifest>')
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet",
                   compress_type=zipfile.ZIP_STORED)
        z.writestr("content.xml", content, compress_type=zipfile.ZIP_DEFLATED)
        z.writestr("META-INF/manifest.xml", manifest, compress_type=zipfile.ZIP_DEFLATED)
    return path


def far_right_xlsx(path: Path, target: int) -> Path:
    """An order sheet whose cells sit in column AAAAAA, about `target` bytes."""
    rng = random.Random(5)
    rows = [row(1, [inline("A1", "订单编号"), inline("B1", "买家会员名"), inline("C1", "订单状态"),
                inline("AAAAAA1", "备注")])]
    n, step = 2, 64
    while True:
        for _ in range(step):
            rows.append(row(n, [inline(f"A{n}", str(rng.randrange(10**18, 10**19))),
                                inline(f"B{n}", "甲"), inline(f"C{n}", "交易成功"),
                                inline(f"AAAAAA{n}", f"{rng.random():.12f}")]))
            n += 1
        xlsx(path, rows)
        size = path.stat().st_size
        if size >= target:
            return path
        step = max(8, int((target - size) / size * len(rows) * 0.9))
