"""The main window: sidebar, page shortcuts, the Today badge and the saved geometry."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QByteArray, QPoint, QSize, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLineEdit

from desk.core import settings, timeutil
from desk.core.aftersales.due import end_of_day
from desk.core.customers import followups

PAGE_NAMES = ["todayPage", "customersPage", "aftersalesPage", "repliesPage"]


def click_sidebar(qtbot, window, row: int) -> None:
    rect = window.sidebar.visualItemRect(window.sidebar.item(row))
    qtbot.mouseClick(window.sidebar.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_starts_on_today(demo_window):
    assert demo_window.stack.currentWidget().objectName() == "todayPage"
    assert demo_window.sidebar.currentRow() == 0


@pytest.mark.parametrize("row", [1, 2, 3, 0])
def test_sidebar_click_shows_its_page(qtbot, demo_window, row):
    if row == 0:
        click_sidebar(qtbot, demo_window, 3)  # leave Today first, so the click changes page
        assert demo_window.stack.currentWidget().objectName() == "repliesPage"
    click_sidebar(qtbot, demo_window, row)
    page = demo_window.stack.currentWidget()
    assert page.objectName() == PAGE_NAMES[row]
    assert page.isVisible()
    assert demo_window.sidebar.currentRow() == row


def test_ctrl_number_switches_pages(qtbot, demo_window):
    for n in (2, 4, 3, 1, 4):
        qtbot.keyClick(demo_window.sidebar, Qt.Key(Qt.Key.Key_0.value + n),
                       Qt.KeyboardModifier.ControlModifier)
        assert demo_window.stack.currentWidget().objectName() == PAGE_NAMES[n - 1]
        assert demo_window.sidebar.currentRow() == n - 1


def test_today_item_shows_the_due_count(demo_window):
    from desk.core.aftersales import deadlines

    due = followups.due_count(end_of_day(timeutil.now()))
    cases = deadlines.due_count(deadlines.end_of_day(timeutil.now()))
    assert due > 0 and cases > 0  # the demo shop has follow-ups and case deadlines waiting
    item = demo_window.sidebar.item(0)
    assert item.text() == f"Today  ({due + cases})"  # both kinds of thing to do today
    assert str(due) in item.toolTip()
    assert demo_window.pages["today"].model.rowCount() == due


def test_today_item_has_no_count_on_an_empty_shop(window):
    assert window.sidebar.item(0).text() == "Today"
    assert window.sidebar.item(0).toolTip() == ""


def test_geometry_is_saved_on_close_and_restored(qtbot, make_window):
    first = make_window()
    assert settings.get_state("main_window.geometry") is None
    first.resize(720, 480)
    first.move(40, 30)
    qtbot.waitUntil(lambda: first.size() == QSize(720, 480))
    first.findChild(QAction, "actionQuit").trigger()
    assert not first.isVisible()

    saved = settings.get_state("main_window.geometry")
    assert saved
    assert not QByteArray.fromBase64(saved.encode()).isEmpty()

    second = make_window()
    assert second.size() == QSize(720, 480)
    assert second.pos() == first.pos()
    assert second.pos() != QPoint(0, 0)


def test_a_new_shop_gets_the_default_size(make_window):
    window = make_window()
    # 1280x800, as far as the screen allows (the offscreen screen is small)
    assert window.width() > 640 and window.height() > 480


def test_find_shortcut_puts_the_cursor_in_the_search_box(qtbot, demo_window):
    qtbot.keyClick(demo_window.sidebar, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    search = demo_window.findChild(QLineEdit, "customersPageSearch")
    search.setText("old words")
    demo_window.sidebar.setFocus()
    assert not search.hasFocus()
    qtbot.keyClick(demo_window.sidebar, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(search.hasFocus)
    assert search.selectedText() == "old words"  # typing replaces the last search
