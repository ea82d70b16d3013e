"""A streaming workbook writer: sheets described by columns, rows streamed
through openpyxl's write_only mode, written to a temporary file and renamed.

A cancel or a failure leaves nothing where the user asked for the file
(desk.core.outfile: the folder must exist, the file gets the umask's
permissions). Values are made safe on the way (desk.core.excel.safe); money
is written as yuan numbers with a yuan format, times as real Excel datetimes
in local time, order, phone and tracking numbers as text. Every sheet has a
named header font and prints landscape, one page wide, with the header on
every page (desk.core.sheetstyle).
"""

from __future__ import annotations

import os
import re
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, tzinfo
from itertools import chain, islice
from pathlib import Path

from desk.core.errors import QT_TRANSLATE_NOOP, Cancelled, UserError
from desk.core.excel.safe import CELL_MAX, FORMULA_START, ILLEGAL, clean_text
from desk.core.outfile import check_target, temporary_beside
from desk.core.sheetstyle import header_font, set_up_printing
from desk.core.text import mask_phone

# One row of a sheet holds the header, so 1,048,575 data rows fit.
SHEET_ROWS = 1_048_575
KINDS = ("text", "int", "money", "date", "datetime", "phone", "code")
MONEY_FORMAT = '"¥"#,##0.00'
DATE_FORMAT = "yyyy-mm-dd"
DATETIME_FORMAT = "yyyy-mm-dd hh:mm"
# Characters of width, by kind, when the sampled values say nothing.
_MIN_WIDTH = {"text": 10, "int": 8, "money": 12, "date": 12, "datetime": 17, "phone": 14, "code": 20}
_MAX_WIDTH = 60
_SAMPLE_ROWS = 200
_STEP = 1000  # rows between progress reports and cancel checks


@dataclass(frozen=True)
class Column:
    """`header` is already in the UI language. `kind` says how values are
    written: text; int; money (integer fen, written as yuan); date and datetime
    (UTC epoch seconds or an aware datetime, written in local time); phone
    (text, masked on request); code (order and tracking numbers: text)."""

    header: str
    kind: str = "text"
    width: float | None = None

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"unknown column kind {self.kind!r}")


@dataclass
class Sheet:
    """`rows` yields one sequence of values per row, in column order;
    `total` is the number of rows, for progress."""

    name: str
    columns: Sequence[Column]
    rows: Iterable[Sequence]
    total: int = 0


@dataclass(frozen=True)
class WriteResult:
    path: Path
    rows: int
    sheets: int


def display_width(text: str) -> int:
    """Columns a text takes in a grid: wide (CJK) characters count two."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def sheet_title(name: str, taken: set[str]) -> str:
    """A sheet name Excel accepts (31 characters, none of []:*?/\\), unique in the book."""
    base = "".join(" " if c in "[]:*?/\\" else c for c in ILLEGAL.sub("", name)).strip("' ")[:31]
    base = base or "Sheet"
    title, n = base, 2
    while title.lower() in taken:
        suffix = f" ({n})"
        title = base[:31 - len(suffix)] + suffix
        n += 1
    taken.add(title.lower())
    return title


_EXCEL_EPOCH = datetime(1899, 12, 30)
# (a carriage return is left as it is: XML reads it as a newline, as it always has)
_XML_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;"})
_NEEDS_ESCAPE = re.compile(r"[&<>]")
_SPACE = " \t\n\r"


def _serial(moment: datetime | date) -> float | int:
    """An Excel date serial, as openpyxl.utils.datetime.to_excel computes it."""
    if not isinstance(moment, datetime):
        moment = datetime.combine(moment, time())
    days = (moment - _EXCEL_EPOCH).days
    if 0 < days <= 60:  # Excel's 29 February 1900
        days -= 1
    return days + (moment.hour * 3600 + moment.minute * 60 + moment.second
                   + moment.microsecond / 10 ** 6) / 86400


class _RowXml:
    """Turns a row of stored values into its sheet XML, in place of openpyxl's
    cell objects (installed as the sheet's _values_to_row; its writer's
    write_row then writes the element as it is).

    The values are checked here (safe text, numbers, local times) and each
    cell is written with its type set directly rather than through openpyxl's
    type guessing, which would also make a text starting with "=" a formula.
    Building one string per row and letting the XML library parse and write
    it in C costs a fraction of openpyxl's element-per-cell writing (see
    docs/performance.md); the cells are the ones openpyxl writes: inline
    strings, numbers, dates as serials with a date format, the same styles."""

    def __init__(self, ws, columns: Sequence[Column], mask_phones: bool, tz: tzinfo | None) -> None:
        from openpyxl.cell import WriteOnlyCell
        from openpyxl.utils import get_column_letter
        from openpyxl.xml.functions import fromstring  # the element type the sheet writer takes

        self.parse = fromstring
        self.tz = tz
        self.mask = mask_phones
        self.kinds = [c.kind for c in columns]
        self.letters = [get_column_letter(i) for i in range(1, len(columns) + 1)]
        self.style = []  # ' s="n"' for the columns with a number format
        for c in columns:
            if c.kind in ("money", "date", "datetime"):
                cell = WriteOnlyCell(ws)
                cell.number_format = {"money": MONEY_FORMAT, "date": DATE_FORMAT,
                                      "datetime": DATETIME_FORMAT}[c.kind]
                self.style.append(f' s="{cell.style_id}"')
            else:
                self.style.append("")
        text = WriteOnlyCell(ws)
        text.quotePrefix = True  # Excel keeps it text even when the cell is edited
        self.as_text = f' s="{text.style_id}"'

    def local(self, value) -> datetime:
        if isinstance(value, int):
            moment = datetime.fromtimestamp(value, self.tz)
        elif isinstance(value, datetime):
            moment = value.astimezone(self.tz)
        else:
            return value  # a date
        return moment.replace(tzinfo=None)

    def __call__(self, values: Sequence, row_idx: int):
        if len(values) != len(self.kinds):
            raise ValueError(f"row {row_idx} has {len(values)} values for {len(self.kinds)} columns")
        row = str(row_idx)
        out = [f'<row r="{row}">']
        add = out.append
        kinds, letters, styles = self.kinds, self.letters, self.style
        for i, value in enumerate(values):
            if value is None:
                continue
            kind = kinds[i]
            if kind == "text" or kind == "code" or kind == "phone":
                s = value if type(value) is str else str(value)
                if kind == "phone" and self.mask:
                    s = mask_phone(s)
                if not s:
                    continue
                if ILLEGAL.search(s) or len(s) > CELL_MAX:
                    s = clean_text(s)
                    if not s:
                        continue
                style = self.as_text if s.startswith(FORMULA_START) else ""
                space = ' xml:space="preserve"' if s[0] in _SPACE or s[-1] in _SPACE else ""
                if _NEEDS_ESCAPE.search(s):
                    s = s.translate(_XML_ESCAPES)
                add(f'<c r="{letters[i]}{row}"{style} t="inlineStr"><is><t{space}>{s}</t></is></c>')
                continue
            if kind == "int":
                number = f"{int(value):.16g}"
            elif kind == "money":
                number = f"{value / 100:.16g}"  # x.yz fen/100: the nearest double
            elif kind == "date" and isinstance(value, int):
                number = f"{_serial(self.local(value).date()):.16g}"
            else:
                number = f"{_serial(self.local(value)):.16g}"
            add(f'<c r="{letters[i]}{row}"{styles[i]} t="n"><v>{number}</v></c>')
        add("</row>")
        return self.parse("".join(out))


def _write_element(xf, row, row_idx: int) -> None:
    xf.write(row)


def _value_width(kind: str, value, mask: bool) -> int:
    if value is None:
        return 0
    if kind == "money":
        return len(f"{value / 100:,.2f}") + 2
    if kind in ("date", "datetime", "int"):
        return 0  # the kind's own minimum fits
    if kind == "phone" and mask:
        value = mask_phone(value)
    return display_width(str(value)[:200])


def _widths(columns: Sequence[Column], sample: list[Sequence], mask: bool) -> list[float]:
    out = []
    for i, c in enumerate(columns):
        if c.width is not None:
            out.append(c.width)
            continue
        widest = max((_value_width(c.kind, r[i], mask) for r in sample), default=0)
        out.append(min(_MAX_WIDTH, max(_MIN_WIDTH[c.kind], display_width(c.header) + 4, widest + 2)))
    return out


class _SheetWriter:
    """Writes one Sheet, continuing on further sheets past `max_rows`."""

    def __init__(self, wb, sheet: Sheet, taken: set[str], mask_phones: bool, tz, max_rows: int) -> None:
        self.wb, self.sheet, self.taken = wb, sheet, taken
        self.mask, self.tz, self.max_rows = mask_phones, tz, max_rows
        self.ws = None
        self.in_sheet = 0
        self.parts = 0

    def _open(self, widths: list[float]) -> None:
        from openpyxl.cell import WriteOnlyCell
        from openpyxl.styles import Alignment
        from openpyxl.utils import get_column_letter

        self._close()
        self.parts += 1
        name = self.sheet.name if self.parts == 1 else f"{self.sheet.name} ({self.parts})"
        self.ws = self.wb.create_sheet(sheet_title(name, self.taken))
        self.ws.freeze_panes = "A2"
        set_up_printing(self.ws)
        for i, w in enumerate(widths, start=1):
            self.ws.column_dimensions[get_column_letter(i)].width = w
        font, middle = header_font(), Alignment(vertical="center")
        header = []
        for c in self.sheet.columns:
            cell = WriteOnlyCell(self.ws, value=clean_text(c.header))
            cell.data_type = "s"
            cell.font, cell.alignment = font, middle
            header.append(cell)
        self.ws.append(header)  # through openpyxl: it sets the sheet's writer up
        self.ws._values_to_row = _RowXml(self.ws, self.sheet.columns, self.mask, self.tz)
        self.ws._writer.write_row = _write_element
        self.in_sheet = 0

    def _close(self) -> None:
        from openpyxl.utils import get_column_letter

        if self.ws is not None:
            last = get_column_letter(len(self.sheet.columns))
            self.ws.auto_filter.ref = f"A1:{last}{self.in_sheet + 1}"

    def write(self, step: Callable[[int], None]) -> int:
        rows = iter(self.sheet.rows)
        sample = list(islice(rows, _SAMPLE_ROWS))
        widths = _widths(self.sheet.columns, sample, self.mask)
        self._open(widths)
        written = 0
        for values in chain(sample, rows):
            if self.in_sheet == self.max_rows:
                self._open(widths)
            self.ws.append(values)
            self.in_sheet += 1
            written += 1
            if written % _STEP == 0:
                step(_STEP)
        step(written % _STEP)
        self._close()
        return written



def write_workbook(
    path: str | os.PathLike,
    sheets: Sequence[Sheet],
    *,
    mask_phones: bool = False,
    tz: tzinfo | None = None,
    max_rows: int = SHEET_ROWS,
    progress: Callable[[int, int], None] | None = None,
    is_cancelled: Callable[[], bool] | None = None,
) -> WriteResult:
    """Write `sheets` to an .xlsx at `path` (replaced if it exists). `tz` is the
    shop's time zone for dates (default: this computer's)."""
    from openpyxl import Workbook

    target = Path(path)
    if target.is_dir():
        raise UserError(QT_TRANSLATE_NOOP("UserError", "{path} is a folder; choose a file name "
                                          "ending in .xlsx."), path=target)
    check_target(target)  # before any row is written
    if not 1 <= max_rows <= SHEET_ROWS:
        raise ValueError(f"max_rows must be between 1 and {SHEET_ROWS}")
    total = sum(s.total for s in sheets)
    done = 0

    def step(n: int) -> None:
        nonlocal done
        if is_cancelled and is_cancelled():
            raise Cancelled()
        done += n
        if progress:
            progress(min(done, total) if total else done, max(total, done))

    wb = Workbook(write_only=True)
    taken: set[str] = set()
    tmp = None
    try:
        try:
            rows = 0
            for sheet in sheets:
                rows += _SheetWriter(wb, sheet, taken, mask_phones, tz, max_rows).write(step)
            if not wb.worksheets:
                raise ValueError("a workbook needs at least one sheet")
            step(0)
            tmp = temporary_beside(target)
            wb.save(tmp)
            os.replace(tmp, target)
            tmp = None
        except BaseException:
            _discard_sheet_files(wb)
            raise
        finally:
            if tmp is not None:
                Path(tmp).unlink(missing_ok=True)
    except FileNotFoundError as e:
        raise UserError(QT_TRANSLATE_NOOP("UserError", "The folder of {path} does not exist."),
                        path=target) from e
    except PermissionError as e:
        raise UserError(QT_TRANSLATE_NOOP("UserError", "ShopDesk may not write {path}: {reason}"),
                        path=target, reason=e.strerror or e) from e
    except OSError as e:
        raise UserError(QT_TRANSLATE_NOOP("UserError", "Could not write {path}: {reason}"),
                        path=target, reason=e.strerror or e) from e
    return WriteResult(target, rows, len(wb.worksheets))


def _discard_sheet_files(wb) -> None:
    """openpyxl streams each sheet to a file of its own until the workbook is
    saved; after a cancel or failure those files would be left behind."""
    for ws in wb.worksheets:
        writer = getattr(ws, "_writer", None)
        if writer is None or not os.path.exists(writer.out):
            continue
        for stream in (getattr(ws, "_rows", None), writer.xf):
            try:
                if stream is not None:
                    stream.close()
            except Exception:  # noqa: BLE001 - the half-written file goes either way
                pass
        writer.cleanup()
