"""The Quick replies page on the demo shop: groups, their phrases, and copying a phrase."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialogButtonBox

from desk.core import settings
from desk.core.replies.models import Reply, ReplyGroup
from desk.core.replies.placeholders import Context, render
from desk.core.resources import db_file
from desk.ui import selection as current
from desk.ui.replies.fill import PromptDialog

from tests.ui.helpers import answering, click_cell, column_texts, type_text

CODE, TEXT = 0, 1


@pytest.fixture(autouse=True)
def nobody_selected():
    """Replies are filled for the buyer selected in the app: none, to begin with."""
    current.reset()
    yield
    current.reset()


@pytest.fixture
def replies(qtbot, demo_window):
    sidebar = demo_window.sidebar
    qtbot.mouseClick(sidebar.viewport(), Qt.MouseButton.LeftButton,
                     pos=sidebar.visualItemRect(sidebar.item(3)).center())
    page = demo_window.pages["replies"]
    assert demo_window.stack.currentWidget() is page
    return page


def group_names(page) -> list[str]:
    model = page.groups.model()
    return [model.index(r, 0).data() for r in range(model.rowCount())]


def choose_group(qtbot, page, name: str) -> None:
    groups = page.groups
    index = groups.model().index(group_names(page).index(name), 0)
    groups.scrollTo(index)
    qtbot.mouseClick(groups.viewport(), Qt.MouseButton.LeftButton, pos=groups.visualRect(index).center())
    assert groups.currentIndex().row() == index.row()


def replies_of(name: str) -> list[Reply]:
    return list(Reply.select().join(ReplyGroup).where(ReplyGroup.name == name, Reply.deleted_at.is_null())
                .order_by(Reply.position))


def test_groups_are_the_seeded_ones(replies):
    seeded = [g["name"] for g in json.loads(db_file("seed", "reply_groups.json").read_text("utf-8"))]
    assert group_names(replies) == seeded
    assert replies.groups.currentIndex().row() == 0
    # the first group's phrases are showing
    assert column_texts(replies.view, CODE) == [r.code for r in replies_of(seeded[0])]


@pytest.mark.parametrize("group", ["议价", "物流快递", "致歉安抚"])
def test_choosing_a_group_shows_its_replies(qtbot, replies, group):
    choose_group(qtbot, replies, group)
    want = replies_of(group)
    assert want
    assert column_texts(replies.view, CODE) == [r.code for r in want]
    assert column_texts(replies.view, TEXT) == [r.body.splitlines()[0] for r in want]
    assert replies.count_label.text() == f"{len(want)} phrase(s)"


def test_enter_copies_the_reply(qtbot, replies):
    choose_group(qtbot, replies, "议价")
    want = replies_of("议价")[1]
    QGuiApplication.clipboard().setText("something else")
    click_cell(qtbot, replies.view, 1, TEXT)
    qtbot.keyClick(replies.view, Qt.Key.Key_Return)
    assert QGuiApplication.clipboard().text() == want.body
    assert replies.window().statusBar().currentMessage() == "Copied to the clipboard"
    assert Reply.get_by_id(want.id).use_count == want.use_count + 1


def test_double_click_copies_the_reply(qtbot, replies):
    choose_group(qtbot, replies, "物流快递")
    want = replies_of("物流快递")[0]
    QGuiApplication.clipboard().setText("something else")
    # no buyer is selected: {carrier} and {tracking_no} are asked for, not left empty
    assert "{carrier}" in want.body and "{tracking_no}" in want.body
    asked = {}

    def answer(dialog: PromptDialog) -> None:
        ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
        asked.update({key: ok.isEnabled() for key in dialog.fields})
        for key, field in dialog.fields.items():
            type_text(qtbot, field, f"<{key}>")
        assert ok.isEnabled()
        qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)

    with answering(PromptDialog, answer):
        click_cell(qtbot, replies.view, 0, CODE, double=True)
    assert {"carrier", "tracking_no"} <= set(asked) and not any(asked.values())
    copied = QGuiApplication.clipboard().text()
    assert "<carrier>" in copied and "<tracking_no>" in copied and "{" not in copied
    assert copied == render(want.body, Context(shop_name=settings.get("shop_name"),
                                               **{k: f"<{k}>" for k in asked if k != "clipboard"}))


def test_cancelling_the_questions_copies_nothing(qtbot, replies):
    choose_group(qtbot, replies, "物流快递")
    want = replies_of("物流快递")[0]
    QGuiApplication.clipboard().setText("something else")
    click_cell(qtbot, replies.view, 0, TEXT)
    with answering(PromptDialog, lambda d: d.reject()):
        qtbot.keyClick(replies.view, Qt.Key.Key_Return)
    assert QGuiApplication.clipboard().text() == "something else"
    assert Reply.get_by_id(want.id).use_count == want.use_count
