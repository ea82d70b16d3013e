"""Checking phrases (More > Check phrases…): each problem with a one-click fix,
undoable; and the starter library offered on an empty page."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMessageBox, QPushButton

from desk.core.replies import lint, service
from desk.core.replies.models import Reply, ReplyGroup
from desk.core.resources import resource
from desk.ui import undo
from desk.ui.replies.lint import FIX, PROBLEM, LintDialog

from tests.ui.helpers import activate, answering, child, click, column_texts


@pytest.fixture(autouse=True)
def fresh():
    undo.reset()
    yield
    undo.reset()


def gid(name: str) -> int:
    return ReplyGroup.get(ReplyGroup.name == name).id


@pytest.fixture
def page(qtbot, window):
    window.go("replies")
    return window.pages["replies"]


def live_count() -> int:
    return Reply.select().where(Reply.deleted_at.is_null()).count()


def test_check_lists_problems_and_fixes_them_in_one_click(qtbot, page):
    g = gid("议价")
    upper = service.add_phrase(g, "亲，这是活动价哦", "HD")
    wide = service.add_phrase(g, "{nickname}您好", "ｎｈ")
    first = service.add_phrase(g, "可以包邮", "by")
    second = service.add_phrase(gid("道别"), "拜拜～", "by")
    braces = service.add_phrase(g, "｛昵称｝，单号{订单}", "dh")
    page.reload()

    def check(dialog: LintDialog) -> None:
        problems = column_texts(dialog.table, PROBLEM)
        assert dialog.summary.text() == f"{len(problems)} problem(s) found."
        assert 'The code "HD" has capital letters; codes are typed in lower case.' in problems
        assert any(p.startswith('The code "by" is also the code of') for p in problems)
        assert "{订单} is not a placeholder ShopDesk knows; it is sent as written." in problems
        row = problems.index('The code "HD" has capital letters; codes are typed in lower case.')
        button = dialog.table.cellWidget(row, FIX)
        assert button.text() == 'Change the code to "hd"'
        click(qtbot, button)
        assert Reply.get_by_id(upper).code == "hd"
        assert 'The code "HD" has capital letters; codes are typed in lower case.' not in column_texts(
            dialog.table, PROBLEM)

        row = next(n for n, p in enumerate(column_texts(dialog.table, PROBLEM)) if "full-width" in p)
        click(qtbot, dialog.table.cellWidget(row, FIX))
        assert Reply.get_by_id(wide).code == "nh"

        row = next(n for n, p in enumerate(column_texts(dialog.table, PROBLEM)) if "also the code" in p)
        click(qtbot, dialog.table.cellWidget(row, FIX))
        assert (Reply.get_by_id(first).code, Reply.get_by_id(second).code) == ("by", "")

        row = column_texts(dialog.table, PROBLEM).index(
            "｛昵称｝ is not a placeholder ShopDesk knows; it is sent as written.")
        click(qtbot, dialog.table.cellWidget(row, FIX))
        assert Reply.get_by_id(braces).body == "{昵称}，单号{订单}"
        # {订单} has no obvious fix: no button, edit the phrase instead
        row = column_texts(dialog.table, PROBLEM).index(
            "{订单} is not a placeholder ShopDesk knows; it is sent as written.")
        assert dialog.table.cellWidget(row, FIX) is None

        undo.stack().undo()
        assert Reply.get_by_id(braces).body == "｛昵称｝，单号{订单}"
        undo.stack().undo()
        assert Reply.get_by_id(second).code == "by"
        dialog.reload()
        assert any("also the code" in p for p in column_texts(dialog.table, PROBLEM))
        dialog.reject()

    with answering(LintDialog, check):
        child(page, QAction, "actionCheckPhrases").trigger()


def test_a_clean_library_says_so(qtbot, page):
    service.add_phrase(gid("道别"), "拜拜～", "bb")

    def check(dialog: LintDialog) -> None:
        assert dialog.table.rowCount() == 0
        assert dialog.summary.text() == "No problems found: every phrase looks fine."
        dialog.reject()

    with answering(LintDialog, check):
        page.check_phrases()


def test_the_empty_page_offers_the_starter_library_and_undo_takes_it_back(qtbot, page):
    starter = json.loads(resource("replies", "starter.json").read_text("utf-8"))
    assert live_count() == 0
    assert page.right.currentWidget() is page.empty
    click(qtbot, child(page, QPushButton, "loadStarterButton"))
    assert live_count() == len(starter)
    assert page.right.currentWidget() is page.view
    first_group = page.groups.currentIndex().data()
    want = [p["code"] for p in starter if p["group"] == first_group]
    assert column_texts(page.view, 0) == want
    assert page.window().statusBar().currentMessage() == f"{len(starter)} starter phrase(s) added"
    assert lint.check() == []  # the library passes its own check

    # loading again asks first, then adds nothing
    with answering(QMessageBox, lambda box: box.button(QMessageBox.StandardButton.No).click()):
        child(page, QAction, "actionLoadStarter").trigger()
    assert undo.stack().count() == 1
    with answering(QMessageBox, lambda box: box.button(QMessageBox.StandardButton.Yes).click()):
        child(page, QAction, "actionLoadStarter").trigger()
    assert live_count() == len(starter)
    assert page.window().statusBar().currentMessage() == "0 starter phrase(s) added"

    undo.stack().undo()  # the second load: nothing to take back
    undo.stack().undo()
    assert live_count() == 0
    assert page.right.currentWidget() is page.empty
    undo.stack().redo()
    assert live_count() == len(starter)
    activate(page.window())
    qtbot.keyClick(page.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert live_count() == 0
