"""The Today page: mark due follow-ups done."""

from __future__ import annotations

from PySide6.QtCore import Qt

from desk.core.customers import followups
from desk.core.customers.models import Followup
from desk.ui.tablemodel import IdRole
from desk.ui.today.page import end_of_today

from .helpers import click_cell


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
