"""Reading the first sheet of an xlsx file straight from its XML, several
times faster than openpyxl's read-only mode (which parses through
defusedxml's pure-Python parser and builds an object per cell).

Only call it on a file reading.check_zip() has accepted: every XML part has
been checked to carry no DTD (so no entity can be declared, and expat has
nothing to expand), and the parts' sizes are capped.
"""

from __future__ import annotations

import posixpath
import re
import zipfile
from collections.abc import Iterator
from datetime import datetime
from xml.etree.ElementTree import iterparse

_NS = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
_PKG_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"
_C, _V, _IS, _T, _ROW, _SI, _RPH = (f"{_NS}{t}" for t in ("c", "v", "is", "t", "row", "si", "rPh"))
_COLUMN = re.compile(r"[A-Z]+")
# Excel's built-in number formats that show a date or a time.
_DATE_FORMAT_IDS = {*range(14, 23), *range(27, 37), *range(45, 48), *range(50, 59)}


def rows(z: zipfile.ZipFile, sheet: str, date1904: bool) -> Iterator[list]:
    """The rows of `sheet` (see first_sheet) as lists of str, int, float, bool,
    datetime or None; rows without cells come as empty lists."""
    from openpyxl.styles.numbers import is_date_format
    from openpyxl.utils.datetime import CALENDAR_MAC_1904, CALENDAR_WINDOWS_1900, from_excel

    shared = _shared_strings(z)
    dates = _date_styles(z, is_date_format)
    epoch = CALENDAR_MAC_1904 if date1904 else CALENDAR_WINDOWS_1900
    expected = 1
    with z.open(sheet) as f:
        parent = None
        for event, element in iterparse(f, events=("start", "end")):
            if event == "start":
                if element.tag == f"{_NS}sheetData":
                    parent = element
                continue
            if element.tag != _ROW:
                continue
            number = int(element.get("r") or expected)
            while expected < number:  # rows with no cells are left out of the XML
                yield []
                expected += 1
            out: list = []
            for c in element.iter(_C):
                ref = c.get("r")
                index = _column_index(_COLUMN.match(ref).group()) if ref else len(out)
                if index >= len(out):
                    out.extend([None] * (index + 1 - len(out)))
                out[index] = _value(c, shared, dates, epoch, from_excel)
            yield out
            expected = number + 1
            if parent is not None:
                parent.clear()  # rows read so far: memory stays flat over the sheet


def _value(c, shared: list[str], dates: set[int], epoch, from_excel):
    kind = c.get("t", "n")
    if kind == "inlineStr":
        node = c.find(_IS)
        return (_text(node) or None) if node is not None else None
    v = c.findtext(_V)
    if v is None:
        return None
    if kind == "s":
        return shared[int(v)]
    if kind in ("str", "e"):
        return v
    if kind == "b":
        return v == "1"
    if kind == "d":
        return datetime.fromisoformat(v)
    number = int(v) if v.lstrip("-").isdigit() else float(v)
    if int(c.get("s", "0")) in dates:
        return from_excel(number, epoch)
    return number


def _text(node) -> str:
    """The text of an <si> or <is>: its runs, without phonetic guides."""
    parts = []
    for child in node:
        if child.tag == _T:
            parts.append(child.text or "")
        elif child.tag != _RPH:
            parts.extend(t.text or "" for t in child.iter(_T))
    return "".join(parts)


def _column_index(letters: str) -> int:
    n = 0
    for ch in letters:
        n = n * 26 + ord(ch) - 64
    return n - 1


def first_sheet(z: zipfile.ZipFile) -> tuple[str, bool]:
    """The part name of the workbook's first sheet, and whether it counts days from 1904."""
    from xml.etree.ElementTree import fromstring

    workbook = fromstring(z.read("xl/workbook.xml"))
    pr = workbook.find(f"{_NS}workbookPr")
    date1904 = pr is not None and pr.get("date1904") in ("1", "true")
    first = workbook.find(f"{_NS}sheets/{_NS}sheet")
    if first is None:
        raise KeyError("no sheet")
    rels = fromstring(z.read("xl/_rels/workbook.xml.rels"))
    for rel in rels.iter(_PKG_REL):
        if rel.get("Id") == first.get(_REL):
            target = rel.get("Target", "")
            path = target.lstrip("/") if target.startswith("/") else posixpath.normpath(
                posixpath.join("xl", target))
            return path, date1904
    raise KeyError("sheet target")


def _shared_strings(z: zipfile.ZipFile) -> list[str]:
    name = next((n for n in z.namelist() if n.lower() == "xl/sharedstrings.xml"), None)
    if name is None:
        return []
    out = []
    with z.open(name) as f:
        for _event, element in iterparse(f, events=("end",)):
            if element.tag == _SI:
                out.append(_text(element))
                element.clear()
    return out


def _date_styles(z: zipfile.ZipFile, is_date_format) -> set[int]:
    """Indexes of the cell formats that show a date."""
    from xml.etree.ElementTree import fromstring

    try:
        styles = fromstring(z.read("xl/styles.xml"))
    except KeyError:
        return set()
    custom = {int(f.get("numFmtId")): f.get("formatCode", "")
              for f in styles.iter(f"{_NS}numFmt")}
    xfs = styles.find(f"{_NS}cellXfs")
    out = set()
    for i, xf in enumerate(() if xfs is None else xfs.iter(f"{_NS}xf")):
        fmt = int(xf.get("numFmtId", "0"))
        if fmt in _DATE_FORMAT_IDS or (fmt in custom and is_date_format(custom[fmt])):
            out.add(i)
    return out
