"""The trash dialog: restoring (and Ctrl+Z), a clash refused inline, emptying
the trash for good after a confirmation, and the empty state."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox, QPushButton, QTableWidget

from desk.core.base import database
from desk.core.customers import notes, service
from desk.core.customers.models import Customer
from desk.ui import fmt, undo
from desk.ui.customers.trash import TrashDialog

from tests.ui.helpers import activate, answering, child, click, click_cell, column_texts

T0 = 1714521600  # 2024-05-01 UTC


@pytest.fixture(autouse=True)
def fresh_history(qapp):
    undo.reset()
    yield
    undo.reset()


def add_order(customer_id: int, order_no: str) -> None:
    database.execute_sql(
        "INSERT INTO shop_order(customer_id, platform, order_no, status, placed_at, paid_at,"
        " amount_fen, created_at, updated_at) VALUES (?, 'taobao', ?, 'completed', ?, ?, 100, ?, ?)",
        (customer_id, order_no, T0, T0 + 60, T0, T0))
    database.execute_sql("UPDATE customer SET order_count = order_count + 1 WHERE id = ?",
                         (customer_id,))


def trash(customer_id: int, at: int) -> None:
    """Trash a customer at a known time, so the list's order is known."""
    service.move_to_trash([customer_id])
    database.execute_sql("UPDATE customer SET deleted_at = ? WHERE id = ?", (at, customer_id))


def in_trash(customer_id: int) -> bool:
    return Customer.get_by_id(customer_id).deleted_at is not None




def open_dialog(qtbot) -> TrashDialog:
    dialog = TrashDialog()
    qtbot.addWidget(dialog)
    with qtbot.waitExposed(dialog):
        dialog.show()
    activate(dialog)
    return dialog


def ctrl_z(qtbot, dialog) -> None:
    if QApplication.activeWindow() is not dialog:  # offscreen Qt leaves it to us
        activate(dialog)
    qtbot.keyClick(dialog.focusWidget() or dialog, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)


@pytest.fixture
def trashed(shop_db):
    """Three customers: 小雨 (with an order and a note) and 雨点 in the trash,
    老王 live. Returns their ids in that order."""
    rain = service.create("taobao", "小雨", phone="13812345678")
    drop = service.create("pdd", "雨点")
    live = service.create("jd", "老王")
    add_order(rain, "4000000000000000001")
    add_order(live, "4000000000000000002")
    notes.add(rain, "尺码M")
    trash(rain, T0 + 100)
    trash(drop, T0 + 50)
    return rain, drop, live


def test_lists_the_customers_in_the_trash(qtbot, trashed):
    dialog = open_dialog(qtbot)
    table = child(dialog, QTableWidget, "trashTable")
    assert column_texts(table, 0) == ["小雨", "雨点"]  # the latest deleted first
    assert column_texts(table, 1) == ["Taobao", "Pinduoduo"]
    assert column_texts(table, 2) == ["138****5678", ""]
    assert column_texts(table, 3) == ["1", "0"]
    assert column_texts(table, 4) == [fmt.when(T0 + 100), fmt.when(T0 + 50)]
    assert "2 customer(s) in the trash" in child(dialog, QLabel, "trashSummary").text()
    assert not child(dialog, QLabel, "trashEmptyState").isVisible()
    assert child(dialog, QPushButton, "trashEmpty").isEnabled()
    assert not child(dialog, QPushButton, "trashRestore").isEnabled()  # nothing selected yet


def test_restore_and_undo_it(qtbot, trashed):
    rain, drop, _ = trashed
    dialog = open_dialog(qtbot)
    table = child(dialog, QTableWidget, "trashTable")
    click_cell(qtbot, table, 0)
    click_cell(qtbot, table, 1, modifier=Qt.KeyboardModifier.ControlModifier)
    click(qtbot, child(dialog, QPushButton, "trashRestore"))
    assert not in_trash(rain) and not in_trash(drop)
    assert dialog.changed
    assert child(dialog, QLabel, "trashEmptyState").isVisible()
    assert undo.stack().undoText() == "Restore 2 customer(s)"

    ctrl_z(qtbot, dialog)
    assert in_trash(rain) and in_trash(drop)
    assert sorted(column_texts(table, 0)) == ["小雨", "雨点"]
    assert not child(dialog, QLabel, "trashEmptyState").isVisible()


def test_restore_from_the_keyboard(qtbot, trashed):
    rain, drop, _ = trashed
    dialog = open_dialog(qtbot)
    table = child(dialog, QTableWidget, "trashTable")
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_Down)  # the current row moves to 雨点 and selects it
    assert dialog.selected_ids() == [drop]
    qtbot.keyClick(table, Qt.Key.Key_R, Qt.KeyboardModifier.AltModifier)  # &Restore
    qtbot.waitUntil(lambda: not in_trash(drop))  # a mnemonic animates the click first
    assert in_trash(rain)
    assert column_texts(table, 0) == ["小雨"]


def test_a_clash_is_shown_inline_and_nothing_is_restored(qtbot, trashed):
    rain, drop, _ = trashed
    service.create("taobao", "小雨")  # a new live 小雨 on the same platform
    dialog = open_dialog(qtbot)
    table = child(dialog, QTableWidget, "trashTable")
    click_cell(qtbot, table, 0)
    click_cell(qtbot, table, 1, modifier=Qt.KeyboardModifier.ControlModifier)
    click(qtbot, child(dialog, QPushButton, "trashRestore"))
    error = child(dialog, QLabel, "trashError")
    assert error.isVisible()
    assert error.text() == "There is already a customer \"小雨\" on taobao."
    assert in_trash(rain) and in_trash(drop)  # all or nothing
    assert undo.stack().count() == 0 and not dialog.changed
    assert column_texts(table, 0) == ["小雨", "雨点"]

    click_cell(qtbot, table, 1)  # 雨点 alone comes back, and the error goes
    click(qtbot, child(dialog, QPushButton, "trashRestore"))
    assert not in_trash(drop) and not error.isVisible()


def test_empty_trash_after_confirming(qtbot, trashed):
    rain, drop, live = trashed
    dialog = open_dialog(qtbot)
    shown: list[tuple[str, str]] = []

    def cancel(box: QMessageBox) -> None:
        assert box.objectName() == "confirmEmptyTrash"
        shown.append((box.text(), box.informativeText()))
        assert box.defaultButton() is box.button(QMessageBox.StandardButton.Cancel)
        click(qtbot, box.button(QMessageBox.StandardButton.Cancel))

    with answering(QMessageBox, cancel):
        click(qtbot, child(dialog, QPushButton, "trashEmpty"))
    text, details = shown[0]
    assert text == "Delete the 2 customer(s) in the trash for good?"
    assert "1 orders" in details and "1 notes" in details and "cannot be undone" in details
    assert in_trash(rain) and in_trash(drop)

    with answering(QMessageBox, lambda box: click(qtbot, child(box, QPushButton,
                                                               "confirmEmptyTrashButton"))):
        click(qtbot, child(dialog, QPushButton, "trashEmpty"))
    assert [c.id for c in Customer.select()] == [live]
    assert database.execute_sql("SELECT count(*) FROM shop_order").fetchone()[0] == 1
    assert database.execute_sql("SELECT count(*) FROM note").fetchone()[0] == 0
    assert dialog.changed
    assert child(dialog, QLabel, "trashEmptyState").isVisible()
    assert not child(dialog, QPushButton, "trashEmpty").isEnabled()
    assert undo.stack().count() == 0  # permanent: nothing to undo


def test_an_empty_trash(qtbot, shop_db):
    service.create("taobao", "小雨")
    dialog = open_dialog(qtbot)
    assert child(dialog, QLabel, "trashEmptyState").isVisible()
    assert not child(dialog, QTableWidget, "trashTable").isVisible()
    assert not child(dialog, QPushButton, "trashEmpty").isEnabled()
    assert not child(dialog, QPushButton, "trashRestore").isEnabled()


def test_ask_reports_whether_anything_changed(qtbot, trashed):
    rain, _, _ = trashed

    with answering(TrashDialog, lambda dialog: dialog.reject()):
        assert TrashDialog.ask(None) is False

    def restore_first(dialog: TrashDialog) -> None:
        click_cell(qtbot, child(dialog, QTableWidget, "trashTable"), 0)
        click(qtbot, child(dialog, QPushButton, "trashRestore"))
        dialog.reject()

    with answering(TrashDialog, restore_first):
        assert TrashDialog.ask(None) is True
    assert not in_trash(rain)
