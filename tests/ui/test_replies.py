"""The Quick replies page: groups, their phrases, and copying a phrase."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

from desk.core.replies.models import Reply, ReplyGroup
from desk.core.resources import db_file

from .helpers import click_cell, column_texts

CODE, TEXT = 0, 1


@pytest.fixture
def replies(qtbot, demo_window):
    sidebar = demo_window.sidebar
    qtbot.mouseClick(sidebar.viewport(), Qt.MouseButton.LeftButton,
                     pos=sidebar.visualItemRect(sidebar.item(3)).center())
    page = demo_window.pages["replies"]
    assert demo_window.stack.currentWidget() is page
    return page


def choose_group(qtbot, page, name: str) -> None:
    groups = page.groups
    item = groups.findItems(name, Qt.MatchFlag.MatchExactly)[0]
    groups.scrollToItem(item)
    qtbot.mouseClick(groups.viewport(), Qt.MouseButton.LeftButton, pos=groups.visualItemRect(item).center())
    assert groups.currentItem() is item


def replies_of(name: str) -> list[Reply]:
    return list(Reply.select().join(ReplyGroup).where(ReplyGroup.name == name, Reply.deleted_at.is_null())
                .order_by(Reply.position))


def test_groups_are_the_seeded_ones(replies):
    seeded = [g["name"] for g in json.loads(db_file("seed", "reply_groups.json").read_text("utf-8"))]
    shown = [replies.groups.item(i).text() for i in range(replies.groups.count())]
    assert shown == seeded
    assert replies.groups.currentRow() == 0
    # the first group's phrases are showing
    assert column_texts(replies.view, CODE) == [r.code for r in replies_of(seeded[0])]


@pytest.mark.parametrize("group", ["议价", "物流快递", "致歉安抚"])
def test_choosing_a_group_shows_its_replies(qtbot, replies, group):
    choose_group(qtbot, replies, group)
    want = replies_of(group)
    assert want
    assert column_texts(replies.view, CODE) == [r.code for r in want]
    assert column_texts(replies.view, TEXT) == [" ".join(r.body.split()) for r in want]
    assert replies.count_label.text() == f"{len(want)} row(s)"


def test_enter_copies_the_reply(qtbot, replies):
    choose_group(qtbot, replies, "议价")
    want = replies_of("议价")[1]
    QGuiApplication.clipboard().setText("something else")
    click_cell(qtbot, replies.view, 1, TEXT)
    qtbot.keyClick(replies.view, Qt.Key.Key_Return)
    assert QGuiApplication.clipboard().text() == want.body
    assert replies.window().statusBar().currentMessage() == "Copied to the clipboard"


def test_double_click_copies_the_reply(qtbot, replies):
    choose_group(qtbot, replies, "物流快递")
    want = replies_of("物流快递")[0]
    QGuiApplication.clipboard().setText("something else")
    click_cell(qtbot, replies.view, 0, CODE, double=True)
    assert QGuiApplication.clipboard().text() == want.body
