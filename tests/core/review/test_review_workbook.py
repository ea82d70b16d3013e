"""The review workbook: figures with Excel number formats, a sheet and a
native chart per breakdown, hostile text kept as text, nothing half-written."""

from __future__ import annotations

from datetime import date

import pytest
from openpyxl import load_workbook

from desk.core.errors import UserError
from desk.core.review import figures as rv
from desk.core.review.figures import Figure, Period, Review
from desk.core.review.staff import StaffRow
from desk.core.review.workbook import write_review


def sample() -> Review:
    period = Period(date(2024, 5, 1), date(2024, 5, 3))
    figures = {key: Figure(key, kind, None, None) for key, kind in rv.KINDS.items()}
    figures["cases_opened"] = Figure("cases_opened", "count", 4, 2)
    figures["refunds_fen"] = Figure("refunds_fen", "money", 12345, 0)
    figures["resolution_rate"] = Figure("resolution_rate", "rate", 0.5, None)
    figures["resolution_median"] = Figure("resolution_median", "duration", 7200, 3600)
    breakdowns = {name: [] for name in rv.BREAKDOWNS}
    breakdowns["product"] = [("=HYPERLINK(\"http://x\")", 3), ("+cmd|' /C calc'!A0", 1),
                             ("bell\x07tea", 1)]
    breakdowns["reason"] = [("quality", 2)]
    series = [(date(2024, 5, d), d, 1) for d in (1, 2, 3)]
    staff = [StaffRow("小王", 3, 1, 2, 5), StaffRow("", 0, 0, 0, 1)]
    return Review(period, period.previous(), "", figures, breakdowns, series, False,
                  [(k, 1) for k, _ in rv.BUCKETS], staff)


def test_the_workbook_has_its_sheets_charts_and_types(tmp_path):
    out = write_review(sample(), tmp_path / "r.xlsx", code_names={"reason": {"quality": "质量问题"}})
    wb = load_workbook(out)
    assert wb.sheetnames == ["Summary", "Cases by reason", "Cases by kind", "Cases by responsibility",
                             "Cases by product", "Cases by handler", "Cases over time",
                             "Time to resolution", "By staff"]
    summary = {r[0].value: r for r in wb["Summary"].iter_rows(min_row=6)}
    opened = summary["Cases opened"]
    assert (opened[1].value, opened[2].value, opened[3].value) == (4, 2, 2)
    refunds = summary["Refunds paid"]
    assert refunds[1].value == pytest.approx(123.45) and "¥" in refunds[1].number_format
    assert summary["Resolved (of opened)"][1].number_format == "0.0%"
    assert summary["Resolution, median (hours)"][1].value == 2
    products = wb["Cases by product"]
    cells = [products.cell(row=r, column=1) for r in (2, 3, 4)]
    assert [c.value for c in cells] == ["=HYPERLINK(\"http://x\")", "+cmd|' /C calc'!A0", "belltea"]
    assert all(c.data_type == "s" for c in cells)  # text, never a formula
    assert wb["Cases by reason"]["A2"].value == "质量问题"
    assert len(wb["Cases by reason"]._charts) == 1 and len(wb["Cases over time"]._charts) == 1
    assert len(wb["Cases by kind"]._charts) == 0  # nothing to chart
    assert wb["Cases over time"]["A2"].is_date
    people = [[c.value for c in row] for row in wb["By staff"].iter_rows()]
    assert people == [["Staff", "Cases handled", "Cases closed", "Follow-ups done", "Notes written"],
                      ["小王", 3, 1, 2, 5], ["(no name)", 0, 0, 0, 1]]
    assert len(wb["By staff"]._charts) == 1


def test_a_folder_or_unwritable_place_is_refused_and_leaves_nothing(tmp_path):
    with pytest.raises(UserError):
        write_review(sample(), tmp_path)
    blocked = tmp_path / "file"
    blocked.write_text("x")
    with pytest.raises(UserError):
        write_review(sample(), blocked / "r.xlsx")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["file"]


def test_every_sheet_prints_fitted_and_every_chart_fits_on_the_first_page(tmp_path):
    from desk.core import sheetstyle
    from tests.core.excel.test_writer import assert_prints_landscape_fitted_with_the_header

    review = sample()
    review.breakdowns["product"] = [(f"商品{n}", 40 - n) for n in range(40)]  # a tall chart
    wb = load_workbook(write_review(review, tmp_path / "r.xlsx"))
    inch = 2.54
    page_high = 21.0 - 2 * sheetstyle.MARGIN_INCHES * inch  # landscape A4, in cm
    row_high = 15 / 72 * inch  # Excel's default row: 15 points
    heights = {}
    for ws in wb.worksheets:
        assert ws["A1" if ws.title != "Summary" else "A5"].font.name == "Microsoft YaHei"
        assert_prints_landscape_fitted_with_the_header(
            ws, "$5:$5" if ws.title == "Summary" else "$1:$1")
        for chart in ws._charts:
            anchor = chart.anchor  # where the chart's top-left corner is, and its size
            top = anchor._from.row * row_high  # the rows above it (the repeated header)
            high = anchor.ext.height / 360_000  # EMU to cm
            assert anchor._from.row >= 1 and top + high <= page_high, (ws.title, high)
            heights[ws.title] = high
    assert heights["Cases by product"] > 10  # the tall one is tall, and still fits


def test_the_kind_sheet_names_the_kinds_in_the_workbooks_language(tmp_path):
    from desk.core.excel.translations import translator

    review = sample()
    review.breakdowns["kind"] = [("return_refund", 2), ("refund_only", 1)]
    wb = load_workbook(write_review(review, tmp_path / "r.xlsx", translator("zh_CN")))
    assert [r for r in wb["按类型"].iter_rows(values_only=True)] == [
        ("按类型", "售后单数"), ("退货退款", 2), ("仅退款", 1)]
