"""Reading untrusted spreadsheets (CSV, .xlsx/.xlsm/.xlsb, .xls, .ods) defensively.

Workbooks are read by python-calamine (Rust's calamine), which builds the
first sheet as one dense grid of rows × columns before the first row comes
out. So a workbook is bounded before calamine sees it: a zip's directory is
checked (members, total and per-part size, compression ratio), every XML
part must have nothing before its root element but the XML declaration (no
DTD, so no entity can be declared and entity bombs are refused unexpanded),
an .xls is bounded by its size, and the first sheet's extent (its last row
and last column) is found cheaply from the file itself. A sheet wider than
`Limits.columns`, longer than `Limits.rows` or whose grid would hold more
than `Limits.cells` cells is refused before anything is allocated: work is
bounded by the file, never by what its cell references say.

CSV is decoded line by line in the file's encoding: a line that is not text
in it comes out as a BadRow (an error for its row), never as mojibake.
"""

from __future__ import annotations

import csv
import io
import os
import posixpath
import re
import struct
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
    xls_bytes: int = 64 * 1024 * 1024  # an old .xls is read whole
    columns: int = 500  # platform exports have well under 200
    cells: int = 12_000_000  # rows × columns of the sheet's grid (calamine holds it at once)
    zip_members: int = 2_000
    zip_total_bytes: int = 1024 * 1024 * 1024  # uncompressed, all parts together
    xml_part_bytes: int = 256 * 1024 * 1024  # uncompressed, one part (shared strings: 64 MiB)
    shared_strings_bytes: int = 64 * 1024 * 1024
    zip_ratio: int = 200  # uncompressed / compressed, for parts over 1 MiB


LIMITS = Limits()

_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_IMAGES = (b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"BM", b"RIFF", b"%PDF")
_BOMS = ((b"\xef\xbb\xbf", "utf-8"), (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be"))
_ROOT = re.compile(rb"<[A-Za-z_!]")
_PROLOG_MAX = 64 * 1024
_ODS_MIME = b"application/vnd.oasis.opendocument.spreadsheet"
_HUGE = 10**12  # a row or column number past anything a sheet may have

PASSWORD = QT_TRANSLATE_NOOP(
    "UserError", "{name} is password-protected or damaged. Open it in Excel or WPS, remove any "
    "password and save it as .xlsx (or .csv), then import that file.")
DAMAGED = QT_TRANSLATE_NOOP("UserError", "{name} is damaged or not an Excel workbook ({reason}).")


class BadRow(list):
    """A CSV row with bytes that are not text in the file's encoding: its
    cells hold replacement characters; the importers report `error` for it."""

    error: UserError


def _refuse(template: str, path: Path, **values) -> UserError:
    return UserError(template, name=path.name, **values)


def rows(path: str | Path, limits: Limits = LIMITS, *, text: bool = True) -> Iterator[list]:
    """The rows of a CSV file or of a workbook's first sheet, as lists of cell
    values: str for CSV (a BadRow for a line that does not decode); str, int,
    float, bool, datetime, date, time or timedelta for a workbook ("" for an
    empty cell). With `text=False` only workbooks are accepted. Raises
    UserError for a file that cannot be read or exceeds the limits."""
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
        return _xls_rows(path, size, limits)
    if head.startswith(b"PK"):
        return _zip_rows(path, limits)
    if not text:
        raise _refuse(QT_TRANSLATE_NOOP("UserError", "{name} is not an Excel workbook: ShopDesk "
                                        "reads .xlsx, .xls and .ods files here."), path)
    if (head.startswith(_IMAGES)
            or (b"\0" in _peek(path) and not head.startswith((b"\xff\xfe", b"\xfe\xff")))):
        raise _refuse(QT_TRANSLATE_NOOP("UserError", "{name} is not a spreadsheet: ShopDesk reads "
                                        ".xlsx, .xls, .ods and .csv files."), path)
    return _csv_rows(path, limits)


_DIMENSION = re.compile(rb'<(?:\w+:)?dimension\s+ref="[A-Z]+\d+:[A-Z]+(\d+)"')


def estimate_rows(path: str | Path) -> int:
    """About how many rows a file has, for progress (0 when it does not say);
    call it after rows() has accepted the file."""
    path = Path(path)
    with path.open("rb") as f:
        head = f.read(2)
        if head != b"PK":
            if head.startswith(_OLE[:2]):
                return 0
            f.seek(0)
            return sum(chunk.count(b"\n") for chunk in iter(lambda: f.read(1 << 20), b""))
    try:
        with zipfile.ZipFile(path) as z:
            sheet = first_sheet(z)
            if not sheet.endswith(".xml"):
                return 0
            with z.open(sheet) as part:
                m = _DIMENSION.search(part.read(4096))
            return int(m.group(1)) if m else 0
    except (zipfile.BadZipFile, KeyError, ValueError, OSError, SyntaxError):
        return 0


def _peek(path: Path) -> bytes:
    with path.open("rb") as f:
        return f.read(4096)


# -- CSV ----------------------------------------------------------------------

def decode(data: bytes) -> tuple[str, str, set[int]]:
    """A CSV's text as the seller centres save it, its encoding, and the
    lines (1 = first) that are not text in that encoding (they hold U+FFFD).
    UTF-8 or UTF-16 by their BOM; else UTF-8 or GB18030 (a superset of GBK
    and GB2312), whichever most lines with non-ASCII text are written in. A
    UTF-8 line in a GB18030 file counts as not text: it would read as mojibake."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            body = data[len(bom):]
            try:
                return body.decode(encoding), encoding, set()
            except UnicodeDecodeError:
                if encoding == "utf-8":
                    return _per_line(body.split(b"\n"), "utf-8")
                text = body.decode(encoding, errors="replace")
                return text, encoding, {n for n, line in enumerate(text.split("\n"), 1)
                                        if "\ufffd" in line}
    try:
        return data.decode("utf-8"), "utf-8", set()
    except UnicodeDecodeError:
        pass
    lines = data.split(b"\n")
    wide, utf8 = 0, set()
    for n, line in enumerate(lines, start=1):
        if not line.isascii():
            wide += 1
            if _is_utf8(line):
                utf8.add(n)
    if len(utf8) * 2 > wide:
        return _per_line(lines, "utf-8")
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError:
        return _per_line(lines, "gb18030")
    return text, "gb18030", utf8  # a UTF-8 line in a GB18030 file would read as mojibake


def _per_line(lines: list[bytes], encoding: str) -> tuple[str, str, set[int]]:
    out, bad = [], set()
    for n, line in enumerate(lines, start=1):
        try:
            text = line.decode(encoding)
        except UnicodeDecodeError:
            text = line.decode(encoding, errors="replace")
            bad.add(n)
        else:
            if encoding != "utf-8" and not line.isascii() and _is_utf8(line):
                bad.add(n)  # valid UTF-8 in a GB18030 file: another program's row
        out.append(text)
    return "\n".join(out), encoding, bad


def _is_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _csv_rows(path: Path, limits: Limits) -> Iterator[list]:
    text, encoding, bad = decode(path.read_bytes())
    if text.count("\n") > limits.rows + 50:  # refused before any row is parsed
        raise _too_many(path, limits)
    sample = text[:8192]
    delimiter = "\t" if sample.count("\t") > sample.count(",") else ","
    old = csv.field_size_limit(limits.cell_chars + 16)
    try:
        reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
        source = _marked(reader, bad, encoding) if bad else reader
        yield from _capped(source, path, limits, text_only=True)
    except csv.Error as e:
        if "field larger" in str(e):
            raise _too_long(path, limits, reader.line_num) from None
        raise _refuse(QT_TRANSLATE_NOOP("UserError", "{name} could not be read as CSV: {reason}"),
                      path, reason=e) from None
    finally:
        csv.field_size_limit(old)


def _marked(reader, bad: set[int], encoding: str) -> Iterator[list]:
    """Rows, those spanning a line that did not decode as BadRows."""
    first = 1
    for row in reader:
        last = reader.line_num
        if any(n in bad for n in range(first, last + 1)):
            row = BadRow(row)
            row.error = UserError(QT_TRANSLATE_NOOP(
                "UserError", "This row has bytes that are not text in the file's encoding "
                "({encoding}); it was saved by another program. Save the file again as UTF-8 "
                "and import it again."), encoding=encoding.upper())
        first = last + 1
        yield row


def _too_long(path: Path, limits: Limits, row: int) -> UserError:
    return _refuse(QT_TRANSLATE_NOOP("UserError", "{name}, row {row}: a cell holds more than {most} "
                                     "characters; this is not an order export."),
                   path, row=row, most=f"{limits.cell_chars:,}")


def _too_many(path: Path, limits: Limits) -> UserError:
    return _refuse(QT_TRANSLATE_NOOP(
        "UserError", "{name} has more than {most} rows. Split it (for example by month in the "
        "seller centre) and import the parts one after another."), path, most=f"{limits.rows:,}")


def _capped(source, path: Path, limits: Limits, *, text_only: bool = False) -> Iterator[list]:
    """Rows with the row limit and the cell-size limit applied (a few rows
    above the header are allowed on top of the data rows). `text_only`: every
    cell is a str (a CSV row), so the longest is found in one C call; a
    workbook's row is measured as text the same way (a number, date or bool
    is far shorter than the limit as text), and only a row with a long cell
    is looked at cell by cell."""
    most, chars = limits.rows + 50, limits.cell_chars
    for n, row in enumerate(source, start=1):
        if n > most:
            raise _too_many(path, limits)
        if max(map(len, row if text_only else map(str, row)), default=0) <= chars:
            yield row
            continue
        for value in row:
            if type(value) is str and len(value) > chars:
                raise _too_long(path, limits, n)
        yield row


# -- workbooks: the checks in front of calamine --------------------------------

def check_zip(path: Path, limits: Limits = LIMITS) -> str:
    """Refuse a zip that is not a workbook, or that would expand too far.
    Returns "ods" for an OpenDocument spreadsheet, else "ooxml"."""
    files.check_regular(path)  # zipfile would block opening a FIFO
    try:
        with zipfile.ZipFile(path) as z:
            infos = z.infolist()
            if len(infos) > limits.zip_members:
                raise _bomb(path)
            names = {i.filename for i in infos}
            kind = "ooxml"
            if "mimetype" in names and "content.xml" in names:
                with z.open("mimetype") as f:
                    if f.read(len(_ODS_MIME) + 1).strip() == _ODS_MIME:
                        kind = "ods"
            if kind == "ooxml" and ("[Content_Types].xml" not in names
                                    or not any(n.startswith("xl/") for n in names)):
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
            return kind
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
    here, before any XML parser sees the part."""
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


_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_REL_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
_PKG_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"


def first_sheet(z: zipfile.ZipFile) -> str:
    """The part name of an xlsx/xlsm/xlsb workbook's first sheet (the one
    calamine reads). Only call it on a zip check_zip() has accepted."""
    from xml.etree.ElementTree import fromstring

    names = set(z.namelist())
    book = "xl/workbook.bin" if "xl/workbook.bin" in names else "xl/workbook.xml"
    rels = fromstring(z.read("xl/_rels/" + posixpath.basename(book) + ".rels"))
    if book.endswith(".xml"):
        first = fromstring(z.read(book)).find(f"{_MAIN}sheets/{_MAIN}sheet")
        wanted = None if first is None else first.get(_REL_ID)
    else:
        wanted = _xlsb_first_sheet_rel(z.read(book))
    if wanted is None:
        raise KeyError("no sheet")
    for rel in rels.iter(_PKG_REL):
        if rel.get("Id") == wanted:
            target = rel.get("Target", "")
            return target.lstrip("/") if target.startswith("/") else posixpath.normpath(
                posixpath.join("xl", target))
    raise KeyError("sheet target")


def _records(data: bytes) -> Iterator[tuple[int, int, int]]:
    """(type, start, end) of each record of an .xlsb part (BIFF12)."""
    pos, size = 0, len(data)
    while pos < size:
        kind = data[pos]
        pos += 1
        if kind & 0x80:
            kind = (kind & 0x7F) | ((data[pos] & 0x7F) << 7)
            pos += 1
        length = shift = 0
        for _ in range(4):
            byte = data[pos]
            pos += 1
            length |= (byte & 0x7F) << shift
            shift += 7
            if not byte & 0x80:
                break
        yield kind, pos, pos + length
        pos += length


def _xlsb_first_sheet_rel(data: bytes) -> str | None:
    for kind, start, _end in _records(data):
        if kind == 0x9C:  # BrtBundleSh: hsState, iTabID, then the relationship id
            n = struct.unpack_from("<I", data, start + 8)[0]
            return data[start + 12:start + 12 + 2 * n].decode("utf-16-le")
    return None


# The extent of a sheet: (last row, last column), 1-based, as calamine will see it.

_CELL = b'<c r="'
_REF = re.compile(rb'<c r="([A-Z]+)(\d+)"')
_REF_TEXT = re.compile(r"([A-Za-z]+)(\d+)")
_ODD_CELL = re.compile(rb'<c(?:[>/\t\r\n]| (?!r="))')  # a cell not starting `<c r="`
_PREFIXED_CELL = re.compile(rb"<[A-Za-z_][\w.-]*:c[\s>/]")


def _column(letters: str | bytes) -> int:
    if len(letters) > 7:
        return _HUGE
    n = 0
    for ch in letters.upper() if isinstance(letters, str) else letters:
        n = n * 26 + (ch if isinstance(ch, int) else ord(ch)) - 64
    return n


def _number(digits: str | bytes) -> int:
    digits = digits.lstrip(b"0" if isinstance(digits, bytes) else "0")
    return int(digits or 0) if len(digits) <= 9 else _HUGE


def _greater(text: str, low: str, high: str, first_low: str) -> str:
    """A regex for the strings over [low-high] that are greater than `text`
    (same length compared by characters; longer ones are greater), whose
    first character is at least `first_low`."""
    n = len(text)
    out = [f"[{first_low}-{high}][{low}-{high}]{{{n},}}"]
    for i, ch in enumerate(text):
        if ch < high:
            rest = f"[{low}-{high}]{{{n - i - 1}}}" if n - i - 1 else ""
            out.append(re.escape(text[:i]) + f"[{chr(ord(ch) + 1)}-{high}]" + rest)
    return "|".join(out)


def _letters(n: int) -> str:
    out = ""
    while n > 0:
        n, r = divmod(n - 1, 26)
        out = chr(65 + r) + out
    return out


def _beyond(max_row: int, max_col: int) -> re.Pattern:
    """Cells past the extent found so far."""
    cols = _greater(_letters(max_col), "A", "Z", "A") if max_col else "[A-Z]+"
    rows = _greater(str(max_row), "0", "9", "1") if max_row else "0*[1-9][0-9]*"
    return re.compile(f'<c r="(?:(?:{cols})[0-9]|[A-Z]+0*(?:{rows})")'.encode())


def _xml_extent(z: zipfile.ZipFile, name: str) -> tuple[int, int]:
    """The extent of a sheet's XML. The fast way serves the files every
    spreadsheet program writes (each cell starts `<c r="`): a block of the
    part is searched for cells beyond the extent found so far (no match in
    nearly every block), and only a block with such cells has its cell
    references read one by one. Anything else is read with expat."""
    max_row = max_col = 0
    beyond = _beyond(0, 0)
    with z.open(name) as f:
        tail = b""
        while True:
            chunk = f.read(1 << 20)
            if not chunk and not tail:
                break
            data = tail + chunk
            cut = data.rfind(b"<") if chunk else len(data)
            if cut <= 0:
                cut = len(data)
            data, tail = data[:cut], data[cut:]
            if _ODD_CELL.search(data) or (b":c" in data and _PREFIXED_CELL.search(data)):
                return _xml_extent_exact(z, name)  # another writer's way: read it exactly
            last = data.rfind(_CELL)
            if last >= 0:
                m = _REF.match(data, last)
                if m and _number(m.group(2)) > max_row:
                    max_row = _number(m.group(2))
                    beyond = _beyond(max_row, max_col)
            if beyond.search(data):
                for letters, digits in _REF.findall(data):
                    max_col = max(max_col, _column(letters))
                    max_row = max(max_row, _number(digits))
                beyond = _beyond(max_row, max_col)
            if not chunk:
                break
    return max_row, max_col


def _xml_extent_exact(z: zipfile.ZipFile, name: str) -> tuple[int, int]:
    from xml.parsers import expat

    state = {"row": 0, "col": 0, "rows": 0, "cols": 0}

    def start(tag: str, attrs: dict) -> None:
        local = tag.rpartition(":")[2]
        if local == "row":
            r = attrs.get("r", "")
            state["row"] = _number(r) if r.isascii() and r.isdigit() else state["row"] + 1
            state["col"] = 0
        elif local == "c":
            m = _REF_TEXT.fullmatch(attrs.get("r", ""))
            row, col = ((_number(m.group(2)), _column(m.group(1))) if m
                        else (max(state["row"], 1), state["col"] + 1))
            state["col"] = col
            state["rows"] = max(state["rows"], row)
            state["cols"] = max(state["cols"], col)

    parser = expat.ParserCreate()
    parser.StartElementHandler = start
    with z.open(name) as f:
        parser.ParseFile(f)
    return state["rows"], state["cols"]


_XLSB_CELLS = {*range(1, 19), 62}  # BrtCellBlank … BrtShortIsst, BrtCellRString


def _xlsb_extent(z: zipfile.ZipFile, name: str) -> tuple[int, int]:
    data = z.read(name)
    max_row = max_col = row = 0
    for kind, start, end in _records(data):
        if kind == 0 and end - start >= 4:  # BrtRowHdr: the row of the cells after it
            row = struct.unpack_from("<I", data, start)[0] + 1
            max_row = max(max_row, row)
        elif kind in _XLSB_CELLS and end - start >= 4:
            max_col = max(max_col, struct.unpack_from("<I", data, start)[0] + 1)
    return max_row, max_col


def _ods_extent(z: zipfile.ZipFile) -> tuple[int, int]:
    """The extent of the first table of an .ods: repeated rows and columns
    count where they hold something (LibreOffice ends every sheet with a
    million repeated empty ones, which calamine skips)."""
    from xml.parsers import expat

    table = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
    office = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
    state = {"tables": 0, "row": 0, "col": 0, "rep": 1, "cell": None, "filled": False,
             "rows": 0, "cols": 0, "width": 0}

    class Done(Exception):
        pass

    def repeat(attrs: dict, name: str) -> int:
        value = attrs.get(f"{table} {name}", "1")
        return _number(value) if value.isascii() and value.isdigit() else 1

    def start(tag: str, attrs: dict) -> None:
        if state["cell"] is not None:
            state["cell"] = 1  # anything inside a cell: it holds something
        if tag == f"{table} table":
            state["tables"] += 1
        elif tag == f"{table} table-row":
            state["rep"], state["col"], state["width"] = repeat(attrs, "number-rows-repeated"), 0, 0
        elif tag in (f"{table} table-cell", f"{table} covered-table-cell"):
            state["cell"] = 1 if f"{office} value-type" in attrs else 0
            state["span"] = repeat(attrs, "number-columns-repeated")

    def end(tag: str) -> None:
        if tag in (f"{table} table-cell", f"{table} covered-table-cell"):
            state["col"] += state["span"]
            if state["cell"]:
                state["width"] = state["col"]
            state["cell"] = None
        elif tag == f"{table} table-row":
            if state["width"]:
                state["rows"] = state["row"] + state["rep"]
                state["cols"] = max(state["cols"], state["width"])
            state["row"] += state["rep"]
        elif tag == f"{table} table":
            raise Done

    parser = expat.ParserCreate(namespace_separator=" ")
    parser.StartElementHandler = start
    parser.EndElementHandler = end
    try:
        with z.open("content.xml") as f:
            parser.ParseFile(f)
    except Done:
        pass
    return state["rows"], state["cols"]


def _check_extent(path: Path, extent: tuple[int, int], limits: Limits) -> None:
    rows_, columns = extent
    if columns > limits.columns:
        raise _refuse(QT_TRANSLATE_NOOP(
            "UserError", "{name}: the sheet uses {count} columns; ShopDesk reads at most {most}. "
            "Delete the columns far to the right (or save the sheet as .csv) and import it again."),
            path, count=f"{columns:,}", most=f"{limits.columns:,}")
    if rows_ > limits.rows + 50:
        raise _too_many(path, limits)
    if rows_ * columns > limits.cells:
        raise _refuse(QT_TRANSLATE_NOOP(
            "UserError", "{name}: the sheet spans {rows} rows by {columns} columns, more cells than "
            "ShopDesk reads at once ({most}). Delete the columns you do not need or split the "
            "file, and import the parts one after another."),
            path, rows=f"{rows_:,}", columns=f"{columns:,}", most=f"{limits.cells:,}")


def _zip_rows(path: Path, limits: Limits) -> Iterator[list]:
    kind = check_zip(path, limits)
    try:
        with zipfile.ZipFile(path) as z:
            if kind == "ods":
                extent = _ods_extent(z)
            else:
                sheet = first_sheet(z)
                extent = _xlsb_extent(z, sheet) if sheet.endswith(".bin") else _xml_extent(z, sheet)
    except UserError:
        raise
    except Exception as e:  # a damaged part: bad XML, a missing part, a cut record
        raise _refuse(DAMAGED, path, reason=type(e).__name__) from None
    _check_extent(path, extent, limits)
    yield from _calamine_rows(path, limits)


# -- .xls: an OLE compound file -----------------------------------------------

_END_OF_CHAIN = 0xFFFFFFFA


def _ole_stream(data: bytes, wanted: tuple[str, ...]) -> bytes | None:
    """The first stream named one of `wanted` in an OLE compound file (what an
    .xls and an encrypted .xlsx are), None when there is none."""
    u16 = lambda at: struct.unpack_from("<H", data, at)[0]  # noqa: E731
    sector_size, mini_size = 1 << u16(0x1E), 1 << u16(0x20)
    (fat_count, dir_start, _, cutoff, minifat_start, minifat_count, difat_start,
     difat_count) = struct.unpack_from("<8I", data, 0x2C)
    if not 7 <= sector_size.bit_length() <= 13:
        raise ValueError("sector size")

    def sector(i: int) -> bytes:
        return data[(i + 1) * sector_size:(i + 2) * sector_size]

    difat = list(struct.unpack_from("<109I", data, 0x4C))
    s, guard = difat_start, 0
    while s < _END_OF_CHAIN and guard < difat_count:
        entries = struct.unpack(f"<{sector_size // 4}I", sector(s))
        difat.extend(entries[:-1])
        s, guard = entries[-1], guard + 1
    fat_bytes = b"".join(sector(i) for i in difat[:fat_count] if i < _END_OF_CHAIN)
    fat = struct.unpack(f"<{len(fat_bytes) // 4}I", fat_bytes[:len(fat_bytes) // 4 * 4])

    def chain(start: int, table, read) -> bytes:
        out, s = [], start
        while s < _END_OF_CHAIN:
            if len(out) > len(table):
                raise ValueError("a loop in the sector chain")
            out.append(read(s))
            s = table[s]
        return b"".join(out)

    directory = chain(dir_start, fat, sector)
    entries = []
    for at in range(0, len(directory) - 127, 128):
        length = min(struct.unpack_from("<H", directory, at + 64)[0], 64)
        name = directory[at:at + max(length - 2, 0)].decode("utf-16-le", errors="replace")
        start, size = struct.unpack_from("<II", directory, at + 116)
        entries.append((name, directory[at + 66], start, size))
    if not entries:
        return None
    for name, kind, start, size in entries:
        if kind != 2 or name not in wanted:
            continue
        if size >= cutoff:
            return chain(start, fat, sector)[:size]
        root_start = entries[0][2]
        ministream = chain(root_start, fat, sector)
        minifat_bytes = chain(minifat_start, fat, sector) if minifat_count else b""
        minifat = struct.unpack(f"<{len(minifat_bytes) // 4}I", minifat_bytes)
        return chain(start, minifat,
                     lambda i, m=ministream: m[i * mini_size:(i + 1) * mini_size])[:size]
    return None


# BIFF cell records: each starts with its row and column (u16 each).
_BIFF_CELLS = {0x0006, 0x00FD, 0x0203, 0x027E, 0x0201, 0x0205, 0x0204, 0x00D6, 0x0406, 0x0002,
               0x0003, 0x0004, 0x0005}
_BIFF_SPANS = {0x00BD, 0x00BE}  # MULRK, MULBLANK: row, first column, …, last column


def _biff_extent(stream: bytes) -> tuple[int, int]:
    max_row = max_col = 0
    pos, size = 0, len(stream)
    while pos + 4 <= size:
        kind, length = struct.unpack_from("<HH", stream, pos)
        body = pos + 4
        if length >= 4 and (kind in _BIFF_CELLS or kind in _BIFF_SPANS):
            row, col = struct.unpack_from("<HH", stream, body)
            if kind in _BIFF_SPANS and length >= 6:
                col = max(col, struct.unpack_from("<H", stream, body + length - 2)[0])
            max_row, max_col = max(max_row, row + 1), max(max_col, col + 1)
        pos = body + length
    return max_row, max_col


def _xls_rows(path: Path, size: int, limits: Limits) -> Iterator[list]:
    if size > limits.xls_bytes:
        raise _refuse(QT_TRANSLATE_NOOP(
            "UserError", "{name} is larger than ShopDesk reads in the old .xls format ({most} MB). "
            "Open it in Excel or WPS, save it as .xlsx and import that file."),
            path, most=limits.xls_bytes // 1048576)
    data = path.read_bytes()
    try:
        stream = _ole_stream(data, ("Workbook", "Book"))
        extent = None if stream is None else _biff_extent(stream)
    except (struct.error, ValueError, IndexError, OverflowError):
        extent = None
    del data
    if extent is None:  # an encrypted .xlsx is an OLE file too, with no workbook stream
        raise _refuse(PASSWORD, path)
    _check_extent(path, extent, limits)
    yield from _calamine_rows(path, limits)


# -- calamine -------------------------------------------------------------------

def _calamine_rows(path: Path, limits: Limits) -> Iterator[list]:
    """The first sheet, read by calamine, from row 1 and column A."""
    import python_calamine

    try:
        book = python_calamine.CalamineWorkbook.from_path(str(path))
    except python_calamine.PasswordError:
        raise _refuse(PASSWORD, path) from None
    except Exception as e:
        raise _refuse(DAMAGED, path, reason=_reason(e)) from None
    with book:
        try:
            sheet = book.get_sheet_by_index(0)
        except python_calamine.PasswordError:
            raise _refuse(PASSWORD, path) from None
        except Exception as e:
            raise _refuse(DAMAGED, path, reason=_reason(e)) from None
        start = sheet.start
        source = sheet.iter_rows()
        if start and start[1]:  # calamine leaves out empty columns on the left
            lead = [""] * start[1]
            source = (lead + row for row in source)
        yield from _capped(source, path, limits)


def _reason(e: Exception) -> str:
    text = str(e).splitlines()[0] if str(e) else ""
    return f"{type(e).__name__}: {text[:80]}" if text else type(e).__name__
