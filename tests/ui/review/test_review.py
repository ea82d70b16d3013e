"""The Review page driven as a person does: pick a period, read the figures,
click a bar or a figure and land on the matching list; export the workbook."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QFileDialog

from desk.core import settings, timeutil
from desk.core.aftersales import flow
from desk.core.aftersales import service as cases
from desk.core.base import database
from desk.core.customers import notes
from desk.core.customers import service as customers
from desk.ui.review.page import ReviewPage

REASON_NAMES = {"quality": "质量问题", "size": "尺码不合适"}  # the seeded reasons (the shop's own words)


def local(d: date, hour: int = 12) -> datetime:
    return datetime(d.year, d.month, d.day, hour).astimezone()


@pytest.fixture
def shop(shop_db):
    """Three cases opened in the first days of this month (two for quality,
    one for size, one answered and settled) and one opened last month."""
    today = date.today()
    first = today.replace(day=1)
    a = customers.create("taobao", "小雨点点")
    b = customers.create("pdd", "阿明")
    one = cases.open_case(a, "refund_only", "quality", handler="小王", items=[("T恤", 1)],
                          opened_at=local(first, 9))
    flow.change_status(one, "handling", at=local(first, 11))
    flow.change_status(one, "processing", at=local(first, 12))
    flow.change_status(one, "done", at=local(first, 13))
    cases.open_case(b, "return_refund", "quality", handler="阿琳", opened_at=local(first, 10))
    cases.open_case(a, "exchange", "size", handler="小王", opened_at=local(first, 8))
    cases.open_case(b, "refund_only", "size", opened_at=local(first - timedelta(days=3)))
    # (after the cases: opening one works the buyer's figures out again from their orders)
    database.execute_sql("UPDATE customer SET first_order_at = ? WHERE id = ?",
                         (timeutil.to_epoch(local(first)), a))
    return {"a": a, "b": b}


def settle(qtbot, page: ReviewPage) -> None:
    """Until the page shows the figures of what its controls ask for."""
    qtbot.waitUntil(lambda: not page.busy() and page.result is not None
                    and page.result.period == page.period()
                    and page.result.platform == page.platform.currentData(), timeout=10000)


def card_value(page: ReviewPage, key: str) -> str:
    return page.cards[key].value.text()


@pytest.fixture
def page(qtbot, window, shop):
    window.go("review")
    page = window.page("review")
    settle(qtbot, page)
    return page


def test_this_month_figures_and_breakdowns(page, qtbot):
    assert page.preset.currentData() == "this_month"
    assert card_value(page, "cases_opened") == "3"
    assert card_value(page, "cases_closed") == "1"
    assert card_value(page, "resolution_rate") == "33.3%"
    assert card_value(page, "first_response_median") == "2.0 h"
    assert card_value(page, "new_customers") == "1"
    assert "▲" in page.cards["cases_opened"].change.text()  # 3 against 1 last month
    assert page.result.breakdowns["reason"] == [("quality", 2), ("size", 1)]
    assert page.bars["reason"].labels == [REASON_NAMES["quality"], REASON_NAMES["size"]]
    assert page.cards["overdue_cases"].title.text() == "Overdue now (of the cases opened)"
    assert page.result.breakdowns["handler"] == [("小王", 2), ("阿琳", 1)]
    assert page.over_time.series[0][0] == 3  # all three opened on the 1st


def test_changing_the_period_and_platform_updates_the_figures(page, qtbot):
    page.preset.setCurrentIndex(page.preset.findData("last_month"))
    settle(qtbot, page)
    last = page.result.period
    assert last.first.day == 1 and last.last == date.today().replace(day=1) - timedelta(days=1)
    assert card_value(page, "cases_opened") == "1"
    page.platform.setCurrentIndex(page.platform.findData("taobao"))
    settle(qtbot, page)
    assert card_value(page, "cases_opened") == "0"
    # a custom range typed into the dates, all platforms again
    page.platform.setCurrentIndex(0)
    start = date.today() - timedelta(days=40)
    page.first.setDate(QDate(start.year, start.month, start.day))
    assert page.preset.currentData() == "custom"
    settle(qtbot, page)
    assert page.result.period.first == start and card_value(page, "cases_opened") == "1"
    # a range of more than ten years is refused in words, the figures stay
    page.first.setDate(QDate(2001, 1, 1))
    qtbot.waitUntil(lambda: "ten years" in page.state.text())
    assert page.result.period.first == start


def test_a_bar_opens_the_cases_of_that_reason(page, qtbot, window):
    chart = page.bars["reason"]
    chart.resize(400, 200)
    index = [code for code, _n in page.result.breakdowns["reason"]].index("quality")
    qtbot.mouseClick(chart, Qt.MouseButton.LeftButton, pos=chart.rect_of(index).center().toPoint())
    assert window.stack.currentWidget() is window.page("aftersales")
    aftersales = window.page("aftersales")
    f = aftersales.filter_bar.filters()
    assert f.reasons == ("quality",) and f.opened_from is not None
    qtbot.waitUntil(lambda: aftersales.model.rowCount() == 2)


def test_the_overdue_figure_counts_and_opens_exactly_the_overdue_cases(page, qtbot, window):
    from desk.core.aftersales import due
    from desk.core.aftersales.listing import CASES

    now = timeutil.to_epoch(timeutil.now())
    ids = [i for (i,) in database.execute_sql("SELECT id FROM aftersales_case ORDER BY opened_at")]
    last_month, this_month = ids[0], ids[1:]
    deadlines = {last_month: now - 2 * 86400, this_month[0]: None, this_month[1]: now - 3600,
                 this_month[2]: now + 5 * 3600}
    for case_id, at in deadlines.items():
        database.execute_sql("UPDATE aftersales_case SET next_deadline_at = ? WHERE id = ?", (at, case_id))
    page.refresh()
    settle(qtbot, page)
    assert card_value(page, "overdue_cases") == "1"
    # the same definition as Today and `aftersales list --due overdue`: both overdue cases
    assert set(CASES.ids([due.overdue_filter(timeutil.now())])) == {last_month, this_month[1]}

    page.open_figure("overdue_cases")  # a click on the figure
    aftersales = window.page("aftersales")
    assert window.stack.currentWidget() is aftersales
    assert aftersales.filter_bar.filters().due == "overdue"
    qtbot.waitUntil(lambda: aftersales.model.rowCount() == 1)
    assert aftersales.model.id_at(0) == this_month[1]


def test_a_figure_opens_the_new_customers(page, qtbot, window):
    page.cards["new_customers"].setFocus()
    qtbot.keyClick(page.cards["new_customers"], Qt.Key.Key_Return)
    customers_page = window.page("customers")
    assert window.stack.currentWidget() is customers_page
    assert customers_page.filter_bar.filters().first_order_from is not None
    qtbot.waitUntil(lambda: customers_page.model.rowCount() == 1)


def test_export_writes_the_workbook_with_charts(page, qtbot, tmp_path, monkeypatch):
    from openpyxl import load_workbook

    out = tmp_path / "review.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    page.export_button.click()
    qtbot.waitUntil(lambda: "Saved to" in page.state.text(), timeout=15000)
    wb = load_workbook(out)
    assert wb.sheetnames[0] == "Summary" and len(wb.sheetnames) == 9
    summary = wb["Summary"]
    rows = {r[0]: r[1] for r in summary.iter_rows(min_row=6, values_only=True)}
    assert rows["Cases opened"] == 3 and rows["Resolved (of opened)"] == pytest.approx(1 / 3, abs=1e-4)
    assert len(wb["Cases by reason"]._charts) == 1
    assert [r for r in wb["Cases by handler"].iter_rows(min_row=2, values_only=True)] == [
        ("小王", 2), ("阿琳", 1)]
    assert [r for r in wb["By staff"].iter_rows(min_row=2, values_only=True)] == [
        ("(no name)", 3, 1, 0, 0)]


def staff_rows(page: ReviewPage) -> list[list[str]]:
    t = page.staff
    return [[t.item(r, c).text() for c in range(t.columnCount())] for r in range(t.rowCount())]


def test_the_staff_table_shows_who_did_what_and_follows_new_work(page, qtbot, shop):
    # the shop's cases were opened and moved before anyone gave a name
    assert staff_rows(page) == [["(no name)", "3", "1", "0", "0"]]
    settings.set("handler", "小李")
    notes.add(shop["a"], "要 M 码")  # a note reloads the page
    qtbot.waitUntil(lambda: len(staff_rows(page)) == 2, timeout=60_000)
    assert staff_rows(page)[1] == ["小李", "0", "0", "0", "1"]
    assert page.staff.horizontalHeaderItem(4).text() == "Notes written"
