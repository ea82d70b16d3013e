"""The Today page: mark due follow-ups done, snooze, edit or delete them, open their buyer."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QLabel, QLineEdit, QPushButton, QTableView

from desk.core import timeutil
from desk.core.aftersales import deadlines, flow
from desk.core.aftersales.due import end_of_day
from desk.core.customers import followups
from desk.core.customers.models import Followup
from desk.ui import fmt, undo
from desk.ui.customers.followup_dialog import FollowupDialog
from desk.ui.tablemodel import IdRole

from tests.ui.helpers import answering, click_cell, type_text
from tests.ui.aftersales.test_aftersales_page import fake_case_dialog
from tests.ui.customers.test_followups_ui import fix_clock, local, next_day, pick_from_menu, popup_warnings, save


@pytest.fixture(autouse=True)
def fresh_history():
    undo.reset()
    yield
    undo.reset()


@pytest.fixture
def case_dialog(monkeypatch):
    return fake_case_dialog(monkeypatch)


def cases_due() -> int:
    """Cases due by the end of today (overdue included): the Today page lists them too."""
    return deadlines.due_count(deadlines.end_of_day(timeutil.now()))


def badge(followups_due: int) -> str:
    """The sidebar's Today item: follow-ups and case deadlines due."""
    return f"Today  ({followups_due + cases_due()})"


def open_today(qtbot, window):
    qtbot.keyClick(window.sidebar, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    page = window.pages["today"]
    assert window.stack.currentWidget() is page
    return page


def test_mark_done_removes_the_row_and_records_it(qtbot, demo_window):
    page = open_today(qtbot, demo_window)
    due = followups.due_count(end_of_day(timeutil.now()))
    assert page.model.rowCount() == due > 2
    assert demo_window.sidebar.item(0).text() == badge(due)

    done_before = Followup.select().where(Followup.done_at.is_null(False)).count()
    click_cell(qtbot, page.view, 1, 1)
    chosen = page.model.index(1, 0).data(IdRole)
    assert page.selected_ids() == [chosen]
    assert Followup.get_by_id(chosen).done_at is None

    qtbot.mouseClick(page.findChild(type(page.done_button), "todayMarkDone"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.model.rowCount() == due - 1)

    assert page.model.row_of(chosen) == -1
    assert Followup.get_by_id(chosen).done_at is not None
    assert followups.due_count(end_of_day(timeutil.now())) == due - 1
    assert demo_window.sidebar.item(0).text() == badge(due - 1)
    assert page.count_label.text() == f"{due - 1} row(s)"
    assert Followup.select().where(Followup.done_at.is_null(False)).count() == done_before + 1


def test_mark_several_done_with_the_keyboard(qtbot, demo_window):
    page = open_today(qtbot, demo_window)
    due = page.model.rowCount()
    done_before = Followup.select().where(Followup.done_at.is_null(False)).count()

    click_cell(qtbot, page.view, 0, 1)
    click_cell(qtbot, page.view, 2, 1, modifier=Qt.KeyboardModifier.ControlModifier)
    chosen = sorted(page.selected_ids())
    assert len(chosen) == 2

    qtbot.keyClick(page.view, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)  # the button's shortcut
    qtbot.waitUntil(lambda: page.model.rowCount() == due - 2)

    assert all(Followup.get_by_id(i).done_at is not None for i in chosen)
    assert Followup.select().where(Followup.done_at.is_null(False)).count() == done_before + 2
    assert demo_window.sidebar.item(0).text() == badge(due - 2)


def test_mark_done_with_nothing_selected_changes_nothing(qtbot, demo_window):
    page = open_today(qtbot, demo_window)
    due = page.model.rowCount()
    page.view.clearSelection()
    qtbot.mouseClick(page.done_button, Qt.MouseButton.LeftButton)
    qtbot.wait(50)
    assert page.model.rowCount() == due
    assert followups.due_count(end_of_day(timeutil.now())) == due


class FakeTray:
    """Stands in for the system tray, which the offscreen platform has not."""

    def __init__(self) -> None:
        self.messages: list[tuple[str, str]] = []

    def showMessage(self, title, body, *_):  # noqa: N802 - Qt's name
        self.messages.append((title, body))


def test_follow_ups_falling_due_are_announced_in_the_tray_once(qtbot, window):
    from datetime import timedelta

    from desk.core import timeutil
    from desk.core.customers import service

    cid = service.create("taobao", "小雨点点")
    fid = followups.add(cid, "提醒付款", timeutil.now() - timedelta(minutes=1))
    followups.add(cid, "明天回访", timeutil.now() + timedelta(days=1))
    window.tray = FakeTray()
    window.announce_due()
    assert window.tray.messages == [("1 follow-up(s) due", "提醒付款 — 小雨点点")]
    assert Followup.get_by_id(fid).notified_at is not None
    window.announce_due()
    assert len(window.tray.messages) == 1  # not again


def test_without_a_tray_nothing_is_marked_announced(qtbot, window):
    from datetime import timedelta

    from desk.core import timeutil
    from desk.core.customers import service

    cid = service.create("taobao", "小雨点点")
    fid = followups.add(cid, "提醒付款", timeutil.now() - timedelta(minutes=1))
    window.tray = None
    window.announce_due()
    assert Followup.get_by_id(fid).notified_at is None


def test_buttons_wait_for_a_selection(qtbot, demo_window):
    page = open_today(qtbot, demo_window)
    names = ("todayOpenCustomer", "todayEdit", "todaySnooze", "todayDelete", "todayMarkDone")
    page.view.clearSelection()
    assert [page.findChild(QPushButton, n).isEnabled() for n in names] == [False] * 5
    click_cell(qtbot, page.view, 0, 1)
    assert [page.findChild(QPushButton, n).isEnabled() for n in names] == [True] * 5
    click_cell(qtbot, page.view, 1, 1, modifier=Qt.KeyboardModifier.ControlModifier)
    # one buyer to open, one follow-up to edit; the rest work on several
    assert [page.findChild(QPushButton, n).isEnabled() for n in names] == [False, False, True, True, True]


def test_mark_done_then_ctrl_z_brings_it_back(qtbot, demo_window):
    page = open_today(qtbot, demo_window)
    due = page.model.rowCount()
    click_cell(qtbot, page.view, 0, 1)
    chosen = page.selected_ids()[0]
    qtbot.keyClick(page.view, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert page.model.row_of(chosen) == -1
    assert Followup.get_by_id(chosen).done_at is not None
    assert undo.stack().undoText() == "Mark 1 follow-up(s) done"

    qtbot.keyClick(page.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert Followup.get_by_id(chosen).done_at is None
    assert page.model.rowCount() == due and page.model.row_of(chosen) == 0
    assert demo_window.sidebar.item(0).text() == badge(due)


@popup_warnings
def test_snooze_takes_it_off_today_and_undo_puts_it_back(qtbot, monkeypatch, demo_window):
    fix_clock(monkeypatch)
    page = open_today(qtbot, demo_window)
    page.apply_filters()  # due by the end of the clock's day
    due = page.model.rowCount()
    click_cell(qtbot, page.view, 0, 1)
    click_cell(qtbot, page.view, 1, 1, modifier=Qt.KeyboardModifier.ControlModifier)
    chosen = page.selected_ids()
    before = followups.snapshot(chosen)

    pick_from_menu(qtbot, lambda: qtbot.mouseClick(page.findChild(QPushButton, "todaySnooze"),
                                                    Qt.MouseButton.LeftButton), ["snooze_tomorrow"])

    assert page.model.rowCount() == due - 2
    assert all(page.model.row_of(i) == -1 for i in chosen)
    assert {Followup.get_by_id(i).due_at for i in chosen} == {local(next_day(), 9)}
    assert demo_window.sidebar.item(0).text() == badge(due - 2)
    # the row after the snoozed ones is selected, to work down the list
    assert len(page.selected_ids()) == 1 and page.selected_ids()[0] not in chosen

    demo_window.findChild(QAction, "actionUndo").trigger()  # Ctrl+Z
    assert followups.snapshot(chosen) == before
    assert page.model.rowCount() == due
    assert demo_window.sidebar.item(0).text() == badge(due)


def test_delete_key_then_undo(qtbot, demo_window):
    page = open_today(qtbot, demo_window)
    due = page.model.rowCount()
    click_cell(qtbot, page.view, 2, 1)
    chosen = page.selected_ids()[0]
    before = followups.get(chosen)

    page.search.setFocus()
    qtbot.keyClicks(page.search, "ab")
    qtbot.keyClick(page.search, Qt.Key.Key_Backspace)
    qtbot.keyClick(page.search, Qt.Key.Key_Home)
    qtbot.keyClick(page.search, Qt.Key.Key_Delete)  # in the search box Delete edits the text
    assert page.search.text() == "" and Followup.get_or_none(Followup.id == chosen) is not None
    qtbot.waitUntil(lambda: page.model.rowCount() == due)

    click_cell(qtbot, page.view, page.model.row_of(chosen), 1)
    qtbot.keyClick(page.view, Qt.Key.Key_Delete)
    assert Followup.get_or_none(Followup.id == chosen) is None
    assert page.model.rowCount() == due - 1

    undo.stack().undo()
    assert followups.get(chosen) == before
    assert page.model.row_of(chosen) != -1 and page.model.rowCount() == due


def test_edit_with_f2(qtbot, demo_window):
    page = open_today(qtbot, demo_window)
    click_cell(qtbot, page.view, 0, 1)
    chosen = page.selected_ids()[0]
    old = Followup.get_by_id(chosen).title

    def drive(dialog: FollowupDialog) -> None:
        title = dialog.findChild(QLineEdit, "followupTitle")
        assert title.text() == old
        title.clear()
        type_text(qtbot, title, "晚上八点再催一次")
        save(qtbot, dialog)

    with answering(FollowupDialog, drive):
        qtbot.keyClick(page.view, Qt.Key.Key_F2)
    assert Followup.get_by_id(chosen).title == "晚上八点再催一次"
    assert page.model.index(page.model.row_of(chosen), 1).data() == "晚上八点再催一次"

    undo.stack().undo()
    assert Followup.get_by_id(chosen).title == old


def test_double_click_enter_and_the_button_open_the_buyer(qtbot, demo_window):
    from desk.ui.customers.detail import CustomerDialog

    page = open_today(qtbot, demo_window)
    row = 1
    expected = page.model.value(row, "customer_id")
    assert expected == Followup.get_by_id(page.model.id_at(row)).customer_id
    opened: list[int] = []

    def look(dialog: CustomerDialog) -> None:
        opened.append(dialog.customer_id)
        dialog.reject()

    with answering(CustomerDialog, look):
        click_cell(qtbot, page.view, row, 1, double=True)
    with answering(CustomerDialog, look):
        qtbot.keyClick(page.view, Qt.Key.Key_Return)
    with answering(CustomerDialog, look):
        qtbot.mouseClick(page.findChild(QPushButton, "todayOpenCustomer"), Qt.MouseButton.LeftButton)
    assert opened == [expected] * 3


@popup_warnings
def test_right_click_menu_offers_the_same_actions(qtbot, demo_window):
    page = open_today(qtbot, demo_window)
    due = page.model.rowCount()
    click_cell(qtbot, page.view, 0, 1)
    chosen = page.selected_ids()[0]
    pos = page.view.visualRect(page.model.index(0, 1)).center()
    seen: list[dict[str, bool]] = []

    pick_from_menu(qtbot, lambda: page.view.customContextMenuRequested.emit(pos),
                   ["todayMarkDoneAction"], seen)

    assert seen == [{"todayOpenCustomerAction": True, "todayEditAction": True,
                     "todayMarkDoneAction": True, "todaySnoozeMenuAction": True,
                     "todayDeleteAction": True}]
    assert Followup.get_by_id(chosen).done_at is not None
    assert page.model.rowCount() == due - 1


# -- case deadlines ------------------------------------------------------------------------


def test_cases_due_today_or_overdue_are_listed_oldest_first_and_coloured(qtbot, monkeypatch, demo_window):
    from desk.core.aftersales.models import Case
    from desk.ui.aftersales.urgency import COLOURS, UrgencyRole

    from tests.ui.aftersales.test_aftersales_page import case_due_in

    fix_clock(monkeypatch)  # 2030-05-02 14:30: every demo deadline has passed
    later_today = case_due_in(timedelta(hours=3))
    tomorrow = case_due_in(timedelta(hours=30), "明天到期的人")
    page = open_today(qtbot, demo_window)
    page.apply_filters()
    table = page.findChild(QTableView, "todayCases")
    model = table.model()
    due = cases_due()
    assert due > 1 and model.rowCount() == due
    # overdue: the one definition the review and `aftersales list --due overdue` use
    overdue = deadlines.due_count(timeutil.now())
    assert page.findChild(QLabel, "todayCasesCount").text() == f"{due} case(s), {overdue} overdue"
    assert overdue == due - 1  # all but the one due later today
    ids = [model.id_at(r) for r in range(model.rowCount())]
    assert later_today in ids and tomorrow not in ids
    deadlines_shown = [Case.get_by_id(i).next_deadline_at for i in ids]
    assert deadlines_shown == sorted(deadlines_shown)  # oldest first
    assert ids[-1] == later_today

    first, last = model.index(0, 0), model.index(model.rowCount() - 1, 0)
    assert first.data(UrgencyRole) == "overdue"
    assert first.data(Qt.ItemDataRole.BackgroundRole).color().name() == COLOURS["overdue"][0]
    assert last.data(UrgencyRole) == "today"
    assert last.data(Qt.ItemDataRole.BackgroundRole).color().name() == COLOURS["today"][0]
    assert last.data() == "3 h left"  # the time left, not the date (that is on hover)
    assert model.index(model.rowCount() - 1, 1).data() == "Buyer sends the item back"
    assert model.index(model.rowCount() - 1, 3).data() == "今天到期的人"


def test_badge_counts_follow_ups_and_cases_and_follows_a_closed_case(qtbot, demo_window):
    page = open_today(qtbot, demo_window)
    follow, cases = followups.due_count(end_of_day(timeutil.now())), cases_due()
    assert follow > 0 and cases > 0  # the demo shop has both waiting
    item = demo_window.sidebar.item(0)
    assert item.text() == f"Today  ({follow + cases})"
    assert item.toolTip() == (f"{follow} follow-up(s) due today or overdue\n"
                              f"{cases} case deadline(s) today or overdue")
    model = page.findChild(QTableView, "todayCases").model()
    settled = next(model.id_at(r) for r in range(model.rowCount())
                   if "closed" in flow.offered(model.value(r, "status")))
    flow.change_status(settled, "closed")
    assert cases_due() == cases - 1
    qtbot.waitUntil(lambda: model.rowCount() == cases - 1)
    assert model.row_of(settled) == -1
    assert item.text() == f"Today  ({follow + cases - 1})"


def test_double_click_or_enter_on_a_case_opens_it(qtbot, demo_window, case_dialog):
    page = open_today(qtbot, demo_window)
    table = page.findChild(QTableView, "todayCases")
    case_id = table.model().id_at(1)
    click_cell(qtbot, table, 1, 2, double=True)
    assert case_dialog == [(page, case_id)]
    qtbot.keyClick(table, Qt.Key.Key_Enter)
    assert case_dialog == [(page, case_id)] * 2


def test_the_search_box_narrows_the_cases_too(qtbot, demo_window):
    from desk.core.aftersales.models import Case

    page = open_today(qtbot, demo_window)
    model = page.findChild(QTableView, "todayCases").model()
    case = Case.get_by_id(model.id_at(0))
    page.search.setFocus()
    qtbot.keyClicks(page.search, case.case_no)
    qtbot.waitUntil(lambda: model.rowCount() == 1)
    assert model.id_at(0) == case.id


def test_case_deadlines_coming_up_are_announced_in_the_tray_once(qtbot, window):
    from desk.core import settings
    from desk.core.aftersales import service
    from desk.core.aftersales.models import Case
    from desk.core.customers import service as customers

    cid = customers.create("taobao", "小雨点点")
    late = service.open_case(cid, "refund_only", "quality", opened_at=timeutil.now() - timedelta(days=6))
    case = Case.get_by_id(late)
    window.tray = FakeTray()
    window.announce_due()
    assert window.tray.messages == [(
        "1 case deadline(s) coming up",
        f"{case.case_no} 小雨点点 — Shop's own handling target {fmt.when(timeutil.to_epoch(case.next_deadline_at))}")]
    assert Case.get_by_id(late).notified_deadline_at == case.next_deadline_at
    window.announce_due()
    assert len(window.tray.messages) == 1  # not again

    # a follow-up and a case together: one message
    settings.set("deadline_warn_hours", 720)
    fresh = service.open_case(cid, "refund_only", "quality")  # due within 30 days
    followups.add(cid, "提醒付款", timeutil.now() - timedelta(minutes=1))
    window.announce_due()
    title, body = window.tray.messages[-1]
    assert title == "2 reminder(s)"
    assert body.splitlines()[0] == "提醒付款 — 小雨点点"
    assert body.splitlines()[1].startswith(f"{Case.get_by_id(fresh).case_no} 小雨点点 — ")


def test_follow_ups_show_how_overdue_in_colour_and_done_moves_down_the_list(qtbot, monkeypatch,
                                                                           demo_window):
    from desk.core.customers import service as customers
    from desk.ui.aftersales.urgency import COLOURS, UrgencyRole

    clock = fix_clock(monkeypatch)
    cid = customers.create("taobao", "拖了三天")
    late = followups.add(cid, "三天前就该回电", clock.moment - timedelta(days=3, hours=2))
    soon = followups.add(cid, "三小时后回电", clock.moment + timedelta(hours=3, minutes=10))
    page = open_today(qtbot, demo_window)
    page.apply_filters()
    cell = page.model.index(page.model.row_of(late), 0)
    assert cell.data() == "3 d overdue"
    assert cell.data(UrgencyRole) == "overdue"
    assert cell.data(Qt.ItemDataRole.BackgroundRole).color().name() == COLOURS["overdue"][0]
    assert cell.data(Qt.ItemDataRole.ToolTipRole).startswith("Overdue by 3 d 2 h")
    later = page.model.index(page.model.row_of(soon), 0)
    assert later.data() == "3 h left" and later.data(UrgencyRole) == "today"

    # Ctrl+D marks the row done and selects the next one: the list is worked down by keyboard
    assert page.done_action.shortcuts() == [QKeySequence("Ctrl+D")]
    n = page.model.rowCount()
    assert n > 3
    click_cell(qtbot, page.view, 1, 1)
    first, second = page.model.id_at(1), page.model.id_at(2)
    page.done_action.trigger()
    assert page.selected_ids() == [second] and page.view.currentIndex().row() == 1
    page.done_action.trigger()
    assert {Followup.get_by_id(i).done_at is not None for i in (first, second)} == {True}
    assert page.model.rowCount() == n - 2 and len(page.selected_ids()) == 1
    # at the end of the list the row before is taken
    click_cell(qtbot, page.view, page.model.rowCount() - 1, 1)
    before_last = page.model.id_at(page.model.rowCount() - 2)
    page.done_action.trigger()
    assert page.selected_ids() == [before_last]
    # the platform column is narrow; the task takes the room left
    assert page.view.columnWidth(3) < page.view.columnWidth(1)
