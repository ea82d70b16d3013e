"""Reading untrusted spreadsheets (CSV and xlsx) defensively, a row at a time.

Before an xlsx file is parsed, its zip directory is checked (members, total
and per-part uncompressed size, compression ratio) and every XML part is
checked to have nothing before its root element but the XML declaration: no
DTD, so no entity can be declared and entity bombs are refused unexpanded.
The parts are then read with the C parser (desk.core.excel.sheetxml), a row
at a time. Rows and cell sizes are capped while reading, so memory stays
bounded whatever the file says.
"""

from __future__ import annotations

import csv
import io
import os
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from desk.core import files
from desk.core.errors import QT_TRANSLATE_NOOP, UserError


@dataclass(frozen=True)
class Limits:
    rows: int = 200_000  # data rows in one file
    cell_chars: int = 32_767  # what an Excel cell holds
    file_bytes: int = 200 * 1024 * 1024
    zip_members: int = 2_000
    zip_total_bytes: int = 1024 * 1024 * 1024  # uncompressed, all parts together
    xml_part_bytes: int = 256 * 1024 * 1024  # uncompressed, one part (shared strings: 64 MiB)
    shared_strings_bytes: int = 64 * 1024 * 1024
    zip_ratio: int = 200  # uncompressed / compressed, for parts over 1 MiB


LIMITS = Limits()

_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_IMAGES = (b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"BM", b"RIFF", b"%PDF")
_ROOT = re.compile(rb"<[A-Za-z_!]")
_PROLOG_MAX = 64 * 1024


def _refuse(template: str, path: Path, **values) -> UserError:
    return UserError(template, name=path.name, **values)


def rows(path: str | Path, limits: Limits = LIMITS) -> Iterator[list]:
    """The rows of a CSV or xlsx file (first sheet), as lists of cell values:
    str for CSV; str, int, float, datetime or None for xlsx. Raises UserError
    for a file that cannot be read as a spreadsheet or exceeds the limits."""
    path = Path(path)
    try:
        with files.open_regular(path) as f:  # never a FIFO: it would block
            size = os.fstat(f.fileno()).st_size
            head = f.read(8)
    except FileNotFoundError:
        raise _refuse(QT_TRANSLATE_NOOP("UserError", "{name} does not exist."), path) from None
    except IsADirectoryError:
        raise _refuse(QT_TRANSLATE_NOOP("UserError", "{name} is a folder, not a file."), path) from None
    except OSError as e:
        raise _refuse(QT_TRANSLATE_NOOP("UserError", "Could not read {name}: {reason}"), path,
                      reason=e.strerror or e) from e
    if size == 0:
        raise _refuse(QT_TRANSLATE_NOOP("UserError", "{name} is empty."), path)
    if size > limits.file_bytes:
        raise _refuse(QT_TRANSLATE_NOOP("UserError", "{name} is larger than ShopDesk reads "
                                        "({most} MB)."), path, most=limits.file_bytes // 1048576)
    if head.startswith(_OLE):
        raise _refuse(QT_TRANSLATE_NOOP(
            "UserError", "{name} is password-protected or in the old .xls format. Open it in Excel, "
            "remove any password and save it as .xlsx (or .csv), then import that file."), path)
    if head.startswith(b"PK"):
        return _xlsx_rows(path, limits)
    if head.startswith(_IMAGES) or b"\0" in _peek(path):
        raise _refuse(QT_TRANSLATE_NOOP("UserError", "{name} is not a spreadsheet: ShopDesk reads "
                                        ".xlsx and .csv files."), path)
    return _csv_rows(path, limits)


def estimate_rows(path: str | Path) -> int:
    """About how many rows a file has, for progress (0 when it does not say);
    call it after rows() has accepted the file."""
    path = Path(path)
    with path.open("rb") as f:
        if f.read(2) != b"PK":
            f.seek(0)
            return sum(chunk.count(b"\n") for chunk in iter(lambda: f.read(1 << 20), b""))
    from desk.core.excel import sheetxml

    try:
        with zipfile.ZipFile(path) as z:
            return _declared_rows(z, sheetxml.first_sheet(z)[0])
    except (zipfile.BadZipFile, KeyError, ValueError, OSError):
        return 0


def _peek(path: Path) -> bytes:
    with path.open("rb") as f:
        return f.read(4096)


# -- CSV ----------------------------------------------------------------------

def decode(data: bytes) -> str:
    """Text of a CSV as the seller centres save it: UTF-8 (with or without
    BOM) or GB18030 (a superset of GBK and GB2312)."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("gb18030")
    except UnicodeDecodeError:
        return data.decode("utf-8", errors="replace")


def _csv_rows(path: Path, limits: Limits) -> Iterator[list]:
    text = decode(path.read_bytes())
    if text.count("\n") > limits.rows + 50:  # refused before any row is parsed
        raise _too_many(path, limits)
    sample = text[:8192]
    delimiter = "\t" if sample.count("\t") > sample.count(",") else ","
    old = csv.field_size_limit(limits.cell_chars + 16)
    try:
        reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
        yield from _capped(reader, path, limits)
    except csv.Error as e:
        if "field larger" in str(e):
            raise _too_long(path, limits, reader.line_num) from None
        raise _refuse(QT_TRANSLATE_NOOP("UserError", "{name} could not be read as CSV: {reason}"),
                      path, reason=e) from None
    finally:
        csv.field_size_limit(old)


def _too_long(path: Path, limits: Limits, row: int) -> UserError:
    return _refuse(QT_TRANSLATE_NOOP("UserError", "{name}, row {row}: a cell holds more than {most} "
                                     "characters; this is not an order export."),
                   path, row=row, most=f"{limits.cell_chars:,}")


def _too_many(path: Path, limits: Limits) -> UserError:
    return _refuse(QT_TRANSLATE_NOOP(
        "UserError", "{name} has more than {most} rows. Split it (for example by month in the "
        "seller centre) and import the parts one after another."), path, most=f"{limits.rows:,}")


def _capped(source, path: Path, limits: Limits) -> Iterator[list]:
    """Rows with the row limit and the cell-size limit applied (a few rows
    above the header are allowed on top of the data rows)."""
    for n, row in enumerate(source, start=1):
        if n > limits.rows + 50:
            raise _too_many(path, limits)
        for value in row:
            if type(value) is str and len(value) > limits.cell_chars:
                raise _too_long(path, limits, n)
        yield row


# -- xlsx ---------------------------------------------------------------------

def check_zip(path: Path, limits: Limits = LIMITS) -> None:
    """Refuse a zip that is not a workbook, or that would expand too far."""
    files.check_regular(path)  # zipfile would block opening a FIFO
    try:
        with zipfile.ZipFile(path) as z:
            infos = z.infolist()
            if len(infos) > limits.zip_members:
                raise _bomb(path)
            names = {i.filename for i in infos}
            if "[Content_Types].xml" not in names or not any(n.startswith("xl/") for n in names):
                raise _refuse(QT_TRANSLATE_NOOP("UserError", "{name} is a zip file, not an Excel "
                                                "workbook."), path)
            total = 0
            for info in infos:
                total += info.file_size
                part_max = (limits.shared_strings_bytes if info.filename.endswith("sharedStrings.xml")
                            else limits.xml_part_bytes)
                if info.file_size > part_max or total > limits.zip_total_bytes:
                    raise _bomb(path)
                if (info.file_size > 1024 * 1024
                        and info.file_size > limits.zip_ratio * max(info.compress_size, 1)):
                    raise _bomb(path)
            for info in infos:
                if info.filename.endswith((".xml", ".rels")):
                    _check_prolog(z, info, path)
    except zipfile.BadZipFile as e:
        raise _refuse(QT_TRANSLATE_NOOP("UserError", "{name} is damaged: it is not a complete Excel "
                                        "file ({reason})."), path, reason=e) from None


def _bomb(path: Path) -> UserError:
    return _refuse(QT_TRANSLATE_NOOP("UserError", "{name} would unpack to far more data than an "
                                     "order export holds; ShopDesk does not open it."), path)


def _check_prolog(z: zipfile.ZipFile, info: zipfile.ZipInfo, path: Path) -> None:
    """Nothing but the XML declaration before the root element. A DTD (the
    only place an entity can be declared) must come before the root, and a
    workbook never has one, nor comments there; so an entity bomb is refused
    here and the parts can be parsed with the fast C parser afterwards."""
    with z.open(info) as f:
        data = b""
        first = None
        while len(data) < _PROLOG_MAX and first is None:
            chunk = f.read(4096)
            if not chunk:
                break
            data += chunk
            first = _ROOT.search(data)
    empty = not data.strip()
    if not empty and (first is None or first.group() == b"<!"):
        raise _refuse(QT_TRANSLATE_NOOP("UserError", "{name} contains XML declarations that Excel "
                                        "never writes (a DTD); ShopDesk does not open it."), path)


_DIMENSION = re.compile(rb'<(?:\w+:)?dimension\s+ref="[A-Z]+\d+:[A-Z]+(\d+)"')


def _declared_rows(z: zipfile.ZipFile, sheet: str) -> int:
    """The last row the sheet's <dimension> names, read from the start of its XML."""
    with z.open(sheet) as f:
        m = _DIMENSION.search(f.read(4096))
    return int(m.group(1)) if m else 0


def _xlsx_rows(path: Path, limits: Limits) -> Iterator[list]:
    from desk.core.excel import sheetxml

    check_zip(path, limits)
    try:
        with zipfile.ZipFile(path) as z:
            sheet, date1904 = sheetxml.first_sheet(z)
            if _declared_rows(z, sheet) > limits.rows + 50:
                raise _too_many(path, limits)
            yield from _capped(sheetxml.rows(z, sheet, date1904), path, limits)
    except UserError:
        raise
    except Exception as e:  # a damaged part: bad XML, a missing part, a bad number
        raise _refuse(QT_TRANSLATE_NOOP("UserError", "{name} is damaged or not an Excel workbook "
                                        "({reason})."), path, reason=type(e).__name__) from None
