"""The review of a period as a workbook for the boss: a summary sheet with
the figures, a sheet per breakdown and native Excel charts (openpyxl.chart),
so Excel and WPS draw the same charts the page shows."""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from pathlib import Path

from desk.core import labels, outfile
from desk.core import sheetstyle as style
from desk.core.errors import QT_TRANSLATE_NOOP, UserError
from desk.core.review.figures import (
    BREAKDOWN_NAMES,
    BUCKET_NAMES,
    FIGURE_NAMES,
    RESPONSIBILITY_NAMES,
    Review,
)
from desk.core.review.staff import COLUMN_NAMES, COLUMNS, NO_NAME
from desk.core.review.staff import TITLE as STAFF_TITLE

_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
CELL_MAX = 32767
SHEET_TITLE_MAX = 31
# A landscape A4 page holds 21 cm less the margins (desk.core.sheetstyle) and
# the repeated header row: a chart no taller than this, anchored in the
# second row, prints on the first page, whole.
CHART_MAX_CM = 15

TEXT = {  # the workbook's own words (translated in context "Review")
    "summary": QT_TRANSLATE_NOOP("Review", "Summary"),
    "figure": QT_TRANSLATE_NOOP("Review", "Figure"),
    "this": QT_TRANSLATE_NOOP("Review", "This period"),
    "before": QT_TRANSLATE_NOOP("Review", "Period before"),
    "change": QT_TRANSLATE_NOOP("Review", "Change"),
    "period": QT_TRANSLATE_NOOP("Review", "Period"),
    "platform": QT_TRANSLATE_NOOP("Review", "Platform"),
    "all": QT_TRANSLATE_NOOP("Review", "All platforms"),
    "cases": QT_TRANSLATE_NOOP("Review", "Cases"),
    "over_time": QT_TRANSLATE_NOOP("Review", "Cases over time"),
    "date": QT_TRANSLATE_NOOP("Review", "Date"),
    "week": QT_TRANSLATE_NOOP("Review", "Week of"),
    "opened": QT_TRANSLATE_NOOP("Review", "Opened"),
    "closed": QT_TRANSLATE_NOOP("Review", "Closed"),
    "resolution": QT_TRANSLATE_NOOP("Review", "Time to resolution"),
    "hours": QT_TRANSLATE_NOOP("Review", "hours"),
}


def safe_text(value: str) -> str:
    """What a cell may hold: no control characters Excel refuses, not over its limit."""
    clean = _ILLEGAL.sub("", value)
    return clean if len(clean) <= CELL_MAX else clean[:CELL_MAX - 3] + "…"


def _put(ws, row: int, col: int, value):
    cell = ws.cell(row=row, column=col)
    if isinstance(value, str):
        cell.value = safe_text(value)
        cell.data_type = "s"  # never a formula, whatever the text starts with
    else:
        cell.value = value
    return cell


def _sheet_title(text: str, taken: set[str]) -> str:
    base = re.sub(r"[\\/*?:\[\]]", " ", text)[:SHEET_TITLE_MAX].strip() or "Sheet"
    title, n = base, 1
    while title.lower() in taken:
        n += 1
        title = f"{base[:SHEET_TITLE_MAX - len(str(n)) - 1]} {n}"
    taken.add(title.lower())
    return title


def _untranslated(context: str, text: str) -> str:
    return text


def write_review(review: Review, out: Path,
                 translate: Callable[[str, str], str] = _untranslated,
                 code_names: dict[str, dict[str, str]] | None = None) -> Path:
    """Write the workbook to `out` (via a temporary file beside it, so a
    failure leaves nothing half-written); `translate(context, text)` translates
    the workbook's words (context "Review") and the names of stored codes
    (desk.core.labels); `code_names` names the codes of a breakdown the
    labels do not cover (the shop's own reasons)."""
    from openpyxl import Workbook
    from openpyxl.chart import BarChart, Reference

    def tr(text: str) -> str:
        return translate("Review", text)

    names = dict(code_names or {})
    names.setdefault("kind", labels.names("case_kind", translate))
    names.setdefault("responsibility", {k: tr(v) for k, v in RESPONSIBILITY_NAMES.items()})
    bold = style.header_font()
    wb = Workbook()
    taken: set[str] = set()

    def header(ws, *titles: str) -> None:
        for col, title in enumerate(titles, 1):
            _put(ws, 1, col, title).font = bold
        ws.freeze_panes = "A2"
        style.set_up_printing(ws)

    def chart(ws, title: str, rows: int, columns: int, anchor: str, horizontal: bool) -> None:
        if rows == 0:
            return
        c = BarChart()
        c.type = "bar" if horizontal else "col"
        c.title = safe_text(title)
        c.legend = None if columns == 1 else c.legend
        c.add_data(Reference(ws, min_col=2, max_col=1 + columns, min_row=1, max_row=rows + 1),
                   titles_from_data=True)
        c.set_categories(Reference(ws, min_col=1, min_row=2, max_row=rows + 1))
        # never taller than a page holds below the header row, so no page break cuts it
        c.height, c.width = max(7.5, min(CHART_MAX_CM, 0.45 * rows + 3)) if horizontal else 8, 18
        if horizontal:
            c.y_axis.scaling.orientation = "minMax"
            c.x_axis.scaling.orientation = "maxMin"  # the biggest at the top, as on the page
        ws.add_chart(c, anchor)

    ws = wb.active
    ws.title = _sheet_title(tr(TEXT["summary"]), taken)
    _put(ws, 1, 1, tr(TEXT["period"])).font = bold
    _put(ws, 1, 2, f"{review.period.first.isoformat()} – {review.period.last.isoformat()}")
    _put(ws, 2, 1, tr(TEXT["before"])).font = bold
    _put(ws, 2, 2, f"{review.previous_period.first.isoformat()} – {review.previous_period.last.isoformat()}")
    _put(ws, 3, 1, tr(TEXT["platform"])).font = bold
    _put(ws, 3, 2, review.platform or tr(TEXT["all"]))
    for col, title in enumerate((TEXT["figure"], TEXT["this"], TEXT["before"], TEXT["change"]), 1):
        _put(ws, 5, col, tr(title)).font = bold
    for row, (key, figure) in enumerate(review.figures.items(), 6):
        label = tr(FIGURE_NAMES[key])
        scale, fmt = {"money": (0.01, "¥#,##0.00"), "rate": (1, "0.0%"),
                      "duration": (1 / 3600, "0.0"), "count": (1, "#,##0")}[figure.kind]
        if figure.kind == "duration":
            label = f"{label} ({tr(TEXT['hours'])})"
        _put(ws, row, 1, label)
        for col, value in ((2, figure.value), (3, figure.previous), (4, figure.change)):
            if value is not None:
                _put(ws, row, col, round(value * scale, 4)).number_format = fmt
    ws.column_dimensions["A"].width = 34
    for col in "BCD":
        ws.column_dimensions[col].width = 16
    style.set_up_printing(ws, "5:5")  # the figures' header

    for key, title in BREAKDOWN_NAMES.items():
        sheet = wb.create_sheet(_sheet_title(tr(title), taken))
        header(sheet, tr(title), tr(TEXT["cases"]))
        rows = review.breakdowns.get(key, [])
        for row, (code, n) in enumerate(rows, 2):
            _put(sheet, row, 1, names.get(key, {}).get(code, code))
            _put(sheet, row, 2, n)
        sheet.column_dimensions["A"].width = 30
        sheet.auto_filter.ref = f"A1:B{len(rows) + 1}"
        chart(sheet, tr(title), min(len(rows), 30), 1, "D2", horizontal=True)

    over = wb.create_sheet(_sheet_title(tr(TEXT["over_time"]), taken))
    header(over, tr(TEXT["week"] if review.series_by_week else TEXT["date"]), tr(TEXT["opened"]),
           tr(TEXT["closed"]))
    for row, (day, opened, closed) in enumerate(review.series, 2):
        _put(over, row, 1, day).number_format = "yyyy-mm-dd"
        _put(over, row, 2, opened)
        _put(over, row, 3, closed)
    over.column_dimensions["A"].width = 14
    chart(over, tr(TEXT["over_time"]), len(review.series), 2, "E2", horizontal=False)

    spread = wb.create_sheet(_sheet_title(tr(TEXT["resolution"]), taken))
    header(spread, tr(TEXT["resolution"]), tr(TEXT["cases"]))
    for row, (key, n) in enumerate(review.resolution_buckets, 2):
        _put(spread, row, 1, tr(BUCKET_NAMES[key]))
        _put(spread, row, 2, n)
    spread.column_dimensions["A"].width = 20
    chart(spread, tr(TEXT["resolution"]), len(review.resolution_buckets), 1, "D2", horizontal=False)

    people = wb.create_sheet(_sheet_title(tr(STAFF_TITLE), taken))
    header(people, tr(COLUMN_NAMES["staff"]), *(tr(COLUMN_NAMES[c]) for c in COLUMNS))
    for row, person in enumerate(review.staff, 2):
        _put(people, row, 1, person.staff or tr(NO_NAME))
        for col, column in enumerate(COLUMNS, 2):
            _put(people, row, col, getattr(person, column))
    people.column_dimensions["A"].width = 20
    for col in "BCDE":
        people.column_dimensions[col].width = 16
    people.auto_filter.ref = f"A1:E{len(review.staff) + 1}"
    chart(people, tr(STAFF_TITLE), min(len(review.staff), 30), len(COLUMNS), "G2", horizontal=True)

    out = Path(out)
    if out.is_dir():
        raise UserError(QT_TRANSLATE_NOOP("UserError", "{path} is a folder; give a file name ending "
                                          "in .xlsx."), path=out)
    outfile.check_target(out)  # a missing folder is refused, as every export refuses it
    try:
        tmp = outfile.temporary_beside(out, ".xlsx.part")
        try:
            wb.save(tmp)
            os.replace(tmp, out)
        finally:
            if os.path.exists(tmp):
                os.unlink(tmp)
    except OSError as e:
        raise UserError(QT_TRANSLATE_NOOP("UserError", "The workbook could not be written to {path}: "
                                          "{reason}."), path=out, reason=e.strerror or e) from e
    return out
