"""The After-sales page: every case, filtered, searched, coloured by its deadline, opened."""

from __future__ import annotations

import json
import sys
import types
from datetime import timedelta

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QComboBox, QDateEdit, QPushButton, QToolButton, QWidget

from desk.core import settings, timeutil
from desk.core.aftersales import flow, reasons, service
from desk.core.aftersales.listing import CASES
from desk.core.aftersales.models import OPEN_STATUSES, Case
from desk.core.appdata import Setting
from desk.core.base import database
from desk.core.customers import service as customers
from desk.ui.aftersales.page import AftersalesPage
from desk.ui.aftersales.urgency import COLOURS, UrgencyRole
from desk.ui.tablemodel import IdRole

from tests.ui.helpers import click_cell, column_texts, type_text
from tests.ui.customers.test_followups_ui import fix_clock

BACKGROUND = Qt.ItemDataRole.BackgroundRole
FOREGROUND = Qt.ItemDataRole.ForegroundRole


def live_cases(where: str = "1", params: tuple = ()) -> set[int]:
    """Case ids straight from the database, as the page should list them."""
    return {r[0] for r in database.execute_sql(
        "SELECT a.id FROM aftersales_case a JOIN customer c ON c.id = a.customer_id"
        f" WHERE a.deleted_at IS NULL AND c.deleted_at IS NULL AND ({where})", params)}


def shown(page: AftersalesPage) -> set[int]:
    return {page.model.id_at(r) for r in range(page.model.rowCount())}


@pytest.fixture
def page(qtbot, demo) -> AftersalesPage:
    page = AftersalesPage()
    qtbot.addWidget(page)
    page.resize(1400, 700)
    with qtbot.waitExposed(page):
        page.show()
    return page


class FakeCaseDialog:
    """Stands in for the case form: records what it was asked to open."""

    opened: list[tuple[QWidget, int]] = []

    @classmethod
    def ask(cls, parent, case_id=None, customer_id=None):
        cls.opened.append((parent, case_id) if customer_id is None else (parent, case_id, customer_id))
        return None


def fake_case_dialog(monkeypatch) -> list[tuple[QWidget, int]]:
    """The pages import the case form when a case is opened; they get the fake."""
    module = types.ModuleType("desk.ui.aftersales.case_dialog")
    module.CaseDialog = FakeCaseDialog
    monkeypatch.setitem(sys.modules, "desk.ui.aftersales.case_dialog", module)
    monkeypatch.setattr(FakeCaseDialog, "opened", [])
    return FakeCaseDialog.opened


@pytest.fixture
def case_dialog(monkeypatch) -> list[tuple[QWidget, int]]:
    return fake_case_dialog(monkeypatch)


def case_due_in(left: timedelta, nickname: str = "今天到期的人") -> int:
    """A return the buyer must send back within `left` (the clock is fixed
    mid-afternoon, so a few hours is later today)."""
    now = timeutil.now()
    cid = customers.create("taobao", nickname)
    case_id = service.open_case(cid, "return_refund", "quality", opened_at=now - timedelta(days=8))
    flow.change_status(case_id, "awaiting_return", at=now + left - timedelta(hours=168))
    assert Case.get_by_id(case_id).next_deadline_at == now + left
    return case_id


def choose(combo: QComboBox, data) -> None:
    index = combo.findData(data)
    assert index >= 0, data
    combo.setCurrentIndex(index)


def show_filters(qtbot, page) -> None:
    qtbot.mouseClick(page.findChild(QPushButton, "caseToggleFilters"), Qt.MouseButton.LeftButton)
    assert page.findChild(QWidget, "caseFilters").isVisible()


def test_every_case_with_its_columns(page, demo, qtmodeltester):
    everything = live_cases()
    assert demo.cases > 10 and shown(page) == everything
    assert page.count_label.text() == f"{len(everything)} row(s)"
    header = page.model.headerData
    visible = [header(i, Qt.Orientation.Horizontal) for i in range(page.model.columnCount())
               if not page.view.isColumnHidden(i)]
    # the deadline first, so it is never cut off
    assert visible == ["Next deadline", "Case", "Buyer", "Order", "Kind", "Reason", "Status",
                       "Handler", "Amount", "Opened"]
    # soonest (most overdue) deadline first, cases without one last
    listed = [Case.get_by_id(page.model.id_at(r)).next_deadline_at for r in range(page.model.rowCount())]
    with_deadline = [d for d in listed if d is not None]
    assert with_deadline and listed[:len(with_deadline)] == sorted(with_deadline)
    assert page.view.horizontalHeader().sortIndicatorSection() == page.column_of("next_deadline_at")
    # on a wide screen the buyer column takes the spare width, not the last column
    header = page.view.horizontalHeader()
    assert not header.stretchLastSection()
    assert header.sectionResizeMode(page.column_of("nickname")) == header.ResizeMode.Stretch
    # the order number is the stored text, all 19 digits of it
    row = next(r for r in range(page.model.rowCount())
               if len(page.model.value(r, "order_no") or "") == 19)
    case = Case.get_by_id(page.model.id_at(row))
    order_no = database.execute_sql("SELECT order_no FROM shop_order WHERE id = ?",
                                    (case.order_id,)).fetchone()[0]
    assert page.model.index(row, page.column_of("order_no")).data() == order_no
    assert len(order_no) == 19
    assert page.model.index(row, page.column_of("case_no")).data() == case.case_no
    reason = database.execute_sql("SELECT name FROM aftersales_reason WHERE code = ?",
                                  (case.reason,)).fetchone()[0]
    assert page.model.index(row, page.column_of("reason")).data() == reason
    qtmodeltester.check(page.model)


def test_status_kind_and_handler_filters(qtbot, page):
    show_filters(qtbot, page)
    status = page.findChild(QComboBox, "caseFilterStatus")
    choose(status, "done")
    expected = live_cases("a.status = 'done'")
    assert expected
    qtbot.waitUntil(lambda: shown(page) == expected)
    assert set(column_texts(page.view, page.column_of("status"))) == {"Done"}
    assert page.findChild(QPushButton, "caseToggleFilters").text() == "Filters (1)"

    choose(status, "__open__")
    expected = live_cases("a.status IN (SELECT value FROM json_each(?))", (json.dumps(OPEN_STATUSES),))
    assert expected
    qtbot.waitUntil(lambda: shown(page) == expected)

    kind = page.findChild(QComboBox, "caseFilterKind")
    choose(kind, "refund_only")
    expected = live_cases("a.status IN (SELECT value FROM json_each(?)) AND a.kind = 'refund_only'",
                          (json.dumps(OPEN_STATUSES),))
    qtbot.waitUntil(lambda: shown(page) == expected)
    assert set(column_texts(page.view, page.column_of("kind"))) <= {"Refund only"}

    choose(status, "")
    handler_box = page.findChild(QComboBox, "caseFilterHandler")
    handler = handler_box.itemData(1)
    choose(handler_box, handler)
    expected = live_cases("a.kind = 'refund_only' AND a.handler = ?", (handler,))
    assert expected
    qtbot.waitUntil(lambda: shown(page) == expected)
    assert set(column_texts(page.view, page.column_of("handler"))) == {handler}
    assert page.findChild(QPushButton, "caseToggleFilters").text() == "Filters (2)"

    qtbot.mouseClick(page.findChild(QPushButton, "caseFilterClear"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: shown(page) == live_cases())
    assert page.findChild(QPushButton, "caseToggleFilters").text() == "Filters"


def test_reason_responsibility_and_platform_filters(qtbot, page):
    show_filters(qtbot, page)
    choose(page.findChild(QComboBox, "caseFilterReason"), "quality")
    expected = live_cases("a.reason = 'quality'")
    assert expected
    qtbot.waitUntil(lambda: shown(page) == expected)
    assert set(column_texts(page.view, page.column_of("reason"))) == {"质量问题"}

    choose(page.findChild(QComboBox, "caseFilterReason"), "")
    choose(page.findChild(QComboBox, "caseFilterResponsibility"), "buyer")
    expected = live_cases("a.responsibility = 'buyer'")
    assert expected
    qtbot.waitUntil(lambda: shown(page) == expected)

    platform = database.execute_sql("SELECT platform FROM aftersales_case GROUP BY platform"
                                    " ORDER BY count(*) LIMIT 1").fetchone()[0]
    choose(page.findChild(QComboBox, "caseFilterPlatform"), platform)
    expected = live_cases("a.responsibility = 'buyer' AND a.platform = ?", (platform,))
    qtbot.waitUntil(lambda: shown(page) == expected)


def test_opened_date_range(qtbot, page):
    show_filters(qtbot, page)
    case = Case.get_by_id(page.model.id_at(0))
    day = case.opened_at.astimezone().date()
    since, until = page.findChild(QDateEdit, "caseFilterSince"), page.findChild(QDateEdit, "caseFilterUntil")
    since.setDate(QDate(day.year, day.month, day.day))
    until.setDate(QDate(day.year, day.month, day.day))
    qtbot.waitUntil(lambda: case.id in shown(page) and len(shown(page)) < len(live_cases()))
    for case_id in shown(page):
        assert Case.get_by_id(case_id).opened_at.astimezone().date() == day
    assert page.findChild(QPushButton, "caseToggleFilters").text() == "Filters (1)"
    until.setDate(QDate(day.year, day.month, day.day).addDays(-1))  # an empty range
    qtbot.waitUntil(lambda: page.model.rowCount() == 0)


def test_overdue_and_due_today_filters_and_colours(qtbot, monkeypatch, page):
    fix_clock(monkeypatch)  # 2030: every demo deadline has passed
    today = case_due_in(timedelta(hours=3))
    show_filters(qtbot, page)
    due = page.findChild(QComboBox, "caseFilterDue")
    choose(due, "overdue")
    overdue = live_cases("a.next_deadline_at <= ?", (timeutil.to_epoch(timeutil.now()),))
    assert overdue and today not in overdue
    qtbot.waitUntil(lambda: shown(page) == overdue)
    column = page.column_of("next_deadline_at")
    for row in range(page.model.rowCount()):
        cell = page.model.index(row, column)
        assert cell.data(UrgencyRole) == "overdue"
        assert cell.data(BACKGROUND).color().name() == COLOURS["overdue"][0]
        assert cell.data(FOREGROUND).color().name() == COLOURS["overdue"][1]
        assert cell.data(Qt.ItemDataRole.ToolTipRole).startswith("Overdue by ")

    choose(due, "today")
    qtbot.waitUntil(lambda: shown(page) == overdue | {today})
    cell = page.model.index(page.model.row_of(today), column)
    assert cell.data(UrgencyRole) == "today"
    assert cell.data(BACKGROUND).color().name() == COLOURS["today"][0]
    assert cell.data(Qt.ItemDataRole.ToolTipRole).startswith("Due in ")


def test_a_distant_deadline_is_green_and_a_settled_case_plain(qtbot, monkeypatch, page):
    clock = fix_clock(monkeypatch)
    cid = customers.create("taobao", "慢慢来")
    waiting = service.open_case(cid, "return_refund", "quality", opened_at=clock.moment - timedelta(hours=2))
    flow.change_status(waiting, "awaiting_return")  # the buyer has a week to send it back
    settled = service.open_case(cid, "refund_only", "quality", opened_at=clock.moment - timedelta(hours=2))
    flow.change_status(settled, "closed")
    qtbot.waitUntil(lambda: {waiting, settled} <= shown(page))
    column = page.column_of("next_deadline_at")
    fine = page.model.index(page.model.row_of(waiting), column)
    assert fine.data(UrgencyRole) == "fine"
    assert fine.data(BACKGROUND) is None
    assert fine.data(FOREGROUND).color().name() == COLOURS["fine"][1]
    plain = page.model.index(page.model.row_of(settled), column)
    assert plain.data() == "" and plain.data(UrgencyRole) == "none"
    assert plain.data(BACKGROUND) is None and plain.data(FOREGROUND) is None
    # a shorter warning from the settings turns nothing yellow; a week's warning does
    settings.set("deadline_warn_hours", 24 * 8)
    assert fine.data(UrgencyRole) == "soon"
    assert fine.data(BACKGROUND).color().name() == COLOURS["soon"][0]


def test_search_by_case_order_and_tracking_number_and_buyer(qtbot, page):
    case_id, case_no, order_no = database.execute_sql(
        "SELECT a.id, a.case_no, o.order_no FROM aftersales_case a JOIN shop_order o ON o.id = a.order_id"
        " ORDER BY a.id LIMIT 1").fetchone()
    page.search.setFocus()
    type_text(qtbot, page.search, case_no.lower())
    qtbot.waitUntil(lambda: shown(page) == {case_id})
    assert page.count_label.text() == "1 row(s)"

    page.search.clear()
    type_text(qtbot, page.search, order_no)
    expected = live_cases("a.order_id = (SELECT id FROM shop_order WHERE order_no = ?)", (order_no,))
    qtbot.waitUntil(lambda: shown(page) == expected)
    assert case_id in expected

    tracked, tracking = database.execute_sql(
        "SELECT id, return_tracking_no FROM aftersales_case WHERE return_tracking_no <> ''"
        " ORDER BY id LIMIT 1").fetchone()
    page.search.clear()
    type_text(qtbot, page.search, tracking)
    qtbot.waitUntil(lambda: shown(page) == {tracked})

    cid = customers.create("taobao", "独一无二的买家")
    mine = {service.open_case(cid, "refund_only", "quality"), service.open_case(cid, "repair", "quality")}
    page.search.clear()
    type_text(qtbot, page.search, "独一无二")
    qtbot.waitUntil(lambda: shown(page) == mine)
    assert set(column_texts(page.view, page.column_of("nickname"))) == {"独一无二的买家"}

    page.search.clear()
    qtbot.waitUntil(lambda: shown(page) == live_cases())


def test_double_click_enter_and_the_button_open_the_case(qtbot, page, case_dialog):
    row = 2
    case_id = page.model.index(row, 0).data(IdRole)
    click_cell(qtbot, page.view, row, 1, double=True)
    assert case_dialog == [(page, case_id)]
    qtbot.keyClick(page.view, Qt.Key.Key_Return)
    assert case_dialog == [(page, case_id)] * 2
    button = page.findChild(QPushButton, "caseOpen")
    assert button.isEnabled()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert case_dialog == [(page, case_id)] * 3
    page.view.clearSelection()
    assert not button.isEnabled()


def test_column_chooser_is_remembered(qtbot, demo):
    first = AftersalesPage()
    qtbot.addWidget(first)
    platform = first.column_of("platform")
    assert first.view.isColumnHidden(platform)
    menu = first.column_menu()
    assert menu.objectName() == "aftersalesPageColumns"
    action = next(a for a in menu.actions() if a.objectName() == "column_platform")
    assert not action.isChecked()
    action.trigger()  # tick: shown
    assert not first.view.isColumnHidden(platform)
    next(a for a in menu.actions() if a.objectName() == "column_handler").trigger()  # untick
    assert first.view.isColumnHidden(first.column_of("handler"))
    state = json.loads(settings.get_state("aftersales.columns.2"))
    assert "platform" not in state["hidden"] and "handler" in state["hidden"]

    second = AftersalesPage()
    qtbot.addWidget(second)
    assert not second.view.isColumnHidden(second.column_of("platform"))
    assert second.view.isColumnHidden(second.column_of("handler"))
    # a layout saved (by an older version) before the deadline column came first is not used
    Setting.replace(key="state.aftersales.columns", updated_at=0,
                    value=json.dumps({"order": ["case_no", "next_deadline_at"]})).execute()
    third = AftersalesPage()
    qtbot.addWidget(third)
    assert third.view.horizontalHeader().logicalIndex(0) == third.column_of("next_deadline_at")
    more = second.findChild(QToolButton, "aftersalesMore")
    assert [a.objectName() for a in more.menu().actions()] == ["caseActionColumns", "actionAftersalesRules",
                                                                "aftersalesExport"]


def test_deadline_column_sorts_in_sql_soonest_first_settled_last(qtbot, page):
    column = page.column_of("next_deadline_at")
    page.view.sortByColumn(column, Qt.SortOrder.AscendingOrder)
    first, last = page.model.id_at(0), page.model.id_at(page.model.rowCount() - 1)
    soonest = database.execute_sql(
        "SELECT min(a.next_deadline_at) FROM aftersales_case a JOIN customer c ON c.id = a.customer_id"
        " WHERE a.deleted_at IS NULL AND c.deleted_at IS NULL").fetchone()[0]
    assert timeutil.to_epoch(Case.get_by_id(first).next_deadline_at) == soonest
    assert Case.get_by_id(last).next_deadline_at is None
    page.view.sortByColumn(column, Qt.SortOrder.DescendingOrder)
    assert Case.get_by_id(page.model.id_at(0)).next_deadline_at is not None
    assert Case.get_by_id(page.model.id_at(page.model.rowCount() - 1)).next_deadline_at is None


def test_the_list_follows_changes_to_cases(qtbot, page):
    before = shown(page)
    victim = page.model.id_at(0)
    service.move_to_trash([victim])
    qtbot.waitUntil(lambda: shown(page) == before - {victim})
    cid = customers.create("taobao", "新来的")
    new = service.open_case(cid, "refund_only", "quality", handler="新客服")
    qtbot.waitUntil(lambda: new in shown(page))
    handlers = page.findChild(QComboBox, "caseFilterHandler")
    assert handlers.findData("新客服") == -1  # the bar is hidden: its list is read when shown
    page.toggle_filters()
    assert handlers.findData("新客服") > 0
    assert CASES.count() == len(shown(page))


def test_a_new_reason_appears_in_the_filter(qtbot, page):
    combo = page.findChild(QComboBox, "caseFilterReason")
    before = combo.count()
    reasons.create_reason("包装压坏", is_quality=True)
    qtbot.waitUntil(lambda: combo.count() == before + 1)
    assert combo.findText("包装压坏") > 0


def test_new_case_button_shortcut_and_row_menu(qtbot, page, case_dialog, monkeypatch):
    from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
    from PySide6.QtWidgets import QMenu

    new = page.findChild(QPushButton, "caseNew")
    assert new.isVisible() and new.isEnabled()
    click_new = next(a for a in page.actions() if a.shortcut() == QKeySequence("Ctrl+N"))
    assert click_new.shortcutContext() == Qt.ShortcutContext.WidgetWithChildrenShortcut
    click_new.trigger()  # Ctrl+N on the page
    assert case_dialog == [(page, None)]  # the buyer is picked in the form

    # the row menu: open, the buyer's new case, copy the case number
    row = 0
    case_id, customer_id = page.model.id_at(row), page.model.value(row, "customer_id")
    case_no = page.model.value(row, "case_no")
    menu = QMenu()
    page.fill_row_menu(menu, case_id, customer_id, case_no)
    actions = {a.objectName(): a for a in menu.actions() if a.objectName()}
    assert {"caseMenuOpen", "caseMenuBuyer", "caseMenuNewForBuyer", "caseMenuCopyNo"} <= set(actions)
    actions["caseMenuOpen"].trigger()
    actions["caseMenuNewForBuyer"].trigger()
    assert case_dialog[-2:] == [(page, case_id), (page, None, customer_id)]
    actions["caseMenuCopyNo"].trigger()
    assert QGuiApplication.clipboard().text() == case_no
    assert isinstance(actions["caseMenuOpen"], QAction)
    # the deadline column reads as the time left
    cell = page.model.index(row, page.column_of("next_deadline_at"))
    assert cell.data().endswith(("overdue", "left"))
