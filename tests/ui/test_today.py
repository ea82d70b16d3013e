"""The Today page: mark due follow-ups done, snooze, edit or delete them, open their buyer."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QPushButton

from desk.core.customers import followups
from desk.core.customers.models import Followup
from desk.ui import undo
from desk.ui.customers.followup_dialog import FollowupDialog
from desk.ui.tablemodel import IdRole
from desk.ui.today.page import end_of_today

from .helpers import answering, click_cell, type_text
from .test_followups_ui import fix_clock, local, next_day, pick_from_menu, popup_warnings, save


@pytest.fixture(autouse=True)
def fresh_history():
    undo.reset()
    yield
    undo.reset()


def open_today(qtbot, window):
    qtbot.keyClick(window.sidebar, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    page = window.pages["today"]
    assert window.stack.currentWidget() is page
    return page


def test_mark_done_removes_the_row_and_records_it(qtbot, demo_window):
    page = open_today(qtbot, demo_window)
    due = followups.due_count(end_of_today())
    assert page.model.rowCount() == due > 2
    assert demo_window.sidebar.item(0).text() == f"Today  ({due})"

    done_before = Followup.select().where(Followup.done_at.is_null(False)).count()
    click_cell(qtbot, page.view, 1, 1)
    chosen = page.model.index(1, 0).data(IdRole)
    assert page.selected_ids() == [chosen]
    assert Followup.get_by_id(chosen).done_at is None

    qtbot.mouseClick(page.findChild(type(page.done_button), "todayMarkDone"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.model.rowCount() == due - 1)

    assert page.model.row_of(chosen) == -1
    assert Followup.get_by_id(chosen).done_at is not None
    assert followups.due_count(end_of_today()) == due - 1
    assert demo_window.sidebar.item(0).text() == f"Today  ({due - 1})"
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
    assert demo_window.sidebar.item(0).text() == f"Today  ({due - 2})"


def test_mark_done_with_nothing_selected_changes_nothing(qtbot, demo_window):
    page = open_today(qtbot, demo_window)
    due = page.model.rowCount()
    page.view.clearSelection()
    qtbot.mouseClick(page.done_button, Qt.MouseButton.LeftButton)
    qtbot.wait(50)
    assert page.model.rowCount() == due
    assert followups.due_count(end_of_today()) == due


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
    assert demo_window.sidebar.item(0).text() == f"Today  ({due})"


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
    assert demo_window.sidebar.item(0).text() == f"Today  ({due - 2})"

    qtbot.keyClick(page.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert followups.snapshot(chosen) == before
    assert page.model.rowCount() == due
    assert demo_window.sidebar.item(0).text() == f"Today  ({due})"


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
