"""The review workbook: figures with Excel number formats, a sheet and a
native chart per breakdown, hostile text kept as text, nothing half-written."""

from __future__ import annotations

from datetime import date

import pytest
from openpyxl import load_workbook

from desk.core.errors import UserError
from desk.core.review import figures as rv
from desk.core.review.figures import Figure, Period, Review
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
    return Review(period, period.previous(), "", figures, breakdowns, series, False,
                  [(k, 1) for k, _ in rv.BUCKETS])


def test_the_workbook_has_its_sheets_charts_and_types(tmp_path):
    out = write_review(sample(), tmp_path / "r.xlsx", code_names={"reason": {"quality": "质量问题"}})
    wb = load_workbook(out)
    assert wb.sheetnames == ["Summary", "Cases by reason", "Cases by kind", "Cases by responsibility",
                             "Cases by product", "Cases by handler", "Cases over time",
                             "Time to resolution"]
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


def test_a_folder_or_unwritable_place_is_refused_and_leaves_nothing(tmp_path):
    with pytest.raises(UserError):
        write_review(sample(), tmp_path)
    blocked = tmp_path / "file"
    blocked.write_text("x")
    with pytest.raises(UserError):
        write_review(sample(), blocked / "r.xlsx")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["file"]
