"""The duplicates dialog: groups shown with why they match, a pair merged with
a preview and a confirmation, and Ctrl+Z taking the merge back."""

from __future__ import annotations

import itertools

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QGroupBox,
    QLabel,
    QListWidget,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QTableWidget,
)

from desk.core.base import database
from desk.core.customers import figures, followups, notes, service, tags
from desk.core.customers.models import Customer
from desk.ui import fmt, undo
from desk.ui.customers.duplicates import DuplicatesDialog

from tests.ui.helpers import activate, answering, child, click, click_cell, column_texts

T0 = 1714521600  # 2024-05-01 UTC
_serial = itertools.count(1)


@pytest.fixture(autouse=True)
def fresh_history(qapp):
    undo.reset()
    yield
    undo.reset()


def add_order(customer_id: int, amount_fen: int = 10000, status: str = "completed") -> int:
    n = next(_serial)
    placed = T0 + n * 3600
    cursor = database.execute_sql(
        "INSERT INTO shop_order(customer_id, platform, order_no, status, placed_at, paid_at,"
        " amount_fen, created_at, updated_at) VALUES (?, 'taobao', ?, ?, ?, ?, ?, ?, ?)",
        (customer_id, f"{4000000000000000000 + n}", status, placed,
         None if status == "unpaid" else placed + 60, amount_fen, placed, placed))
    figures.recompute_figures([customer_id])
    return cursor.lastrowid


def order_owners() -> dict[int, int]:
    return dict(database.execute_sql("SELECT id, customer_id FROM shop_order").fetchall())


def snapshot() -> dict[str, list[tuple]]:
    """The rows a merge touches, for before/after comparisons (but for the
    customers' versions and who saved them when: an undo is a new save)."""
    out = {}
    for t in ("customer", "shop_order", "note", "address", "customer_tag", "followup",
              "aftersales_case"):
        skip = ("version", "updated_by", "updated_at") if t == "customer" else ()
        columns = [r[1] for r in database.execute_sql(f"PRAGMA table_info({t})") if r[1] not in skip]
        out[t] = database.execute_sql(f"SELECT {', '.join(columns)} FROM {t} ORDER BY 1, 2").fetchall()
    return out




def open_dialog(qtbot) -> DuplicatesDialog:
    dialog = DuplicatesDialog()
    qtbot.addWidget(dialog)
    with qtbot.waitExposed(dialog):
        dialog.show()
    activate(dialog)
    return dialog


def shortcut(qtbot, dialog, key, modifiers) -> None:
    """Press a key combination in the dialog, made the active window again: a
    window manager does that when a box over it closes, offscreen Qt does not."""
    if QApplication.activeWindow() is not dialog:
        activate(dialog)
    qtbot.keyClick(dialog.focusWidget() or dialog, key, modifiers)


def press_merge(qtbot, dialog, answer: str = "merge") -> None:
    """Click Merge… and answer the confirmation."""
    def reply(box: QMessageBox) -> None:
        assert box.objectName() == "confirmMerge"
        if answer == "merge":
            click(qtbot, child(box, QPushButton, "confirmMergeButton"))
        else:
            click(qtbot, box.button(QMessageBox.StandardButton.Cancel))

    with answering(QMessageBox, reply):
        click(qtbot, child(dialog, QPushButton, "mergeButton"))


@pytest.fixture
def pair(shop_db):
    """Two records of one buyer (same phone); the kept one has fewer orders
    than the other, which has orders, a note, a tag, a case, a follow-up and
    two addresses."""
    keep = service.create("taobao", "小雨点点", phone="13812345678")
    drop = service.create("pdd", "雨点", phone="13812345678", real_name="王芳")
    add_order(keep)
    orders = [add_order(drop, 5000), add_order(drop, 7000)]
    notes.add(drop, "尺码M")
    tag = database.execute_sql("SELECT id FROM tag WHERE name = '差评型'").fetchone()[0]
    tags.add_tags([drop], [tag])
    database.execute_sql(
        "INSERT INTO aftersales_case(case_no, customer_id, platform, kind, reason, status,"
        " opened_at, status_changed_at, created_at, updated_at)"
        " VALUES ('SH-000001', ?, 'pdd', 'refund_only', 'quality', 'new', ?, ?, ?, ?)",
        (drop, T0, T0, T0, T0))
    followups.add(drop, "催付", service.get(drop).created_at)
    service.add_address(drop, detail="一号")
    service.add_address(drop, detail="二号")
    figures.recompute_figures([keep, drop])
    return keep, drop, orders


def test_groups_show_customers_and_why_they_match(qtbot, shop_db):
    a = service.create("taobao", "小雨", phone="13812345678")
    service.create("pdd", "雨点", phone="13812345678")
    service.create("jd", "雨点")
    service.create("taobao", "座机", phone="0571-88886666")
    service.create("wechat", "座机号", phone="0571-88886666")
    service.create("taobao", "无关")
    add_order(a, 12345)
    add_order(a, 100)
    dialog = open_dialog(qtbot)

    groups = child(dialog, QListWidget, "duplicateGroups")
    assert groups.count() == 2
    first = groups.item(0).text()
    assert "小雨 / 雨点 / 雨点" in first
    assert "same phone 138****5678" in first  # masked, as on the Customers page
    assert "same nickname" in first
    assert groups.item(0).toolTip() == (
        "same phone 138****5678; same nickname “雨点” on different platforms")
    assert "2 group(s)" in child(dialog, QLabel, "duplicatesSummary").text()
    assert "same phone 138****5678" in child(dialog, QLabel, "duplicateReason").text()

    table = child(dialog, QTableWidget, "duplicateCustomers")
    assert column_texts(table, 0) == ["小雨", "雨点", "雨点"]
    assert column_texts(table, 1) == ["Taobao", "Pinduoduo", "JD"]
    assert column_texts(table, 2) == ["138****5678", "138****5678", ""]
    assert column_texts(table, 3) == ["2", "0", "0"]
    assert table.item(0, 4).text() == fmt.money(12445)
    last = Customer.get_by_id(a).last_order_at
    assert table.item(0, 5).text() == fmt.day(int(last.timestamp())) != ""
    assert table.item(1, 5).text() == ""

    groups.setFocus()
    qtbot.keyClick(groups, Qt.Key.Key_Down)  # the keyboard moves between groups
    assert column_texts(table, 0) == ["座机", "座机号"]
    assert child(dialog, QLabel, "duplicateReason").text().endswith("same phone 057****6666")


def test_preview_counts_what_moves(qtbot, pair):
    keep, drop, _ = pair
    dialog = open_dialog(qtbot)
    first, second = child(dialog, QRadioButton, "keepFirst"), child(dialog, QRadioButton, "keepSecond")
    # the pair is chosen already; the one with more orders is kept by default
    assert second.isChecked() and second.text() == "Keep “雨点” (Pinduoduo)"
    assert first.text() == "Keep “小雨点点” (Taobao)"
    counts = {key: child(dialog, QLabel, f"preview_{key}").text()
              for key in ("orders", "notes", "tags", "cases", "followups", "addresses")}
    assert counts == {"orders": "1", "notes": "0", "tags": "0", "cases": "0", "followups": "0",
                      "addresses": "0"}
    assert child(dialog, QLabel, "mergeOutcome").text().startswith(
        "“小雨点点” (Taobao) is merged into “雨点” (Pinduoduo)")

    click(qtbot, first)
    counts = {key: child(dialog, QLabel, f"preview_{key}").text()
              for key in ("orders", "notes", "tags", "cases", "followups", "addresses")}
    assert counts == {"orders": "2", "notes": "1", "tags": "1", "cases": "1", "followups": "1",
                      "addresses": "2"}
    assert child(dialog, QLabel, "mergeOutcome").text().startswith("“雨点” (Pinduoduo) is merged into")


def test_merge_moves_the_orders_and_ctrl_z_takes_it_back(qtbot, pair):
    keep, drop, orders = pair
    before = snapshot()
    dialog = open_dialog(qtbot)
    click(qtbot, child(dialog, QRadioButton, "keepFirst"))

    press_merge(qtbot, dialog)
    owners = order_owners()
    assert all(owners[o] == keep for o in orders)
    assert service.get(drop).deleted_at is not None
    k = service.get(keep)
    assert (k.order_count, k.real_name) == (3, "王芳")
    assert dialog.changed
    # the groups refreshed: the only pair is gone
    assert child(dialog, QLabel, "duplicatesEmpty").isVisible()
    assert undo.stack().undoText() == "Merge “雨点” into “小雨点点”"

    shortcut(qtbot, dialog, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert snapshot() == before
    assert child(dialog, QListWidget, "duplicateGroups").count() == 1
    assert column_texts(child(dialog, QTableWidget, "duplicateCustomers"), 0) == ["小雨点点", "雨点"]

    shortcut(qtbot, dialog, Qt.Key.Key_Z,
             Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert all(order_owners()[o] == keep for o in orders)
    assert child(dialog, QLabel, "duplicatesEmpty").isVisible()


def test_cancelling_the_confirmation_merges_nothing(qtbot, pair):
    before = snapshot()
    dialog = open_dialog(qtbot)
    press_merge(qtbot, dialog, answer="cancel")
    assert snapshot() == before
    assert undo.stack().count() == 0
    assert not dialog.changed
    assert child(dialog, QListWidget, "duplicateGroups").count() == 1


def test_choosing_another_pair_of_a_larger_group(qtbot, shop_db):
    a = service.create("taobao", "小雨", phone="13812345678")
    b = service.create("pdd", "雨点", phone="13812345678")
    c = service.create("jd", "雨点")
    order = add_order(c)
    dialog = open_dialog(qtbot)
    table = child(dialog, QTableWidget, "duplicateCustomers")
    merge_button = child(dialog, QPushButton, "mergeButton")
    assert [r.id for r in dialog.selected_customers()] == [a, b]

    click_cell(qtbot, table, 1)  # one customer alone cannot be merged
    assert not child(dialog, QGroupBox, "mergeBox").isEnabled()
    assert child(dialog, QLabel, "duplicatesHint").isVisible()
    click_cell(qtbot, table, 2, modifier=Qt.KeyboardModifier.ControlModifier)
    assert [r.id for r in dialog.selected_customers()] == [b, c]
    assert merge_button.isEnabled() and not child(dialog, QLabel, "duplicatesHint").isVisible()
    assert child(dialog, QRadioButton, "keepSecond").isChecked()  # 雨点 on JD has the order

    press_merge(qtbot, dialog)
    assert order_owners()[order] == c
    assert service.get(b).deleted_at is not None
    # the group is still there, one customer smaller
    assert column_texts(table, 0) == ["小雨", "雨点"]
    assert column_texts(table, 1) == ["Taobao", "JD"]
    assert service.get(a).deleted_at is None


def test_a_merge_refused_by_the_service_is_shown_inline(qtbot, pair):
    keep, drop, _ = pair
    dialog = open_dialog(qtbot)
    # another window trashed one of the two since the dialog read the groups
    database.execute_sql("UPDATE customer SET deleted_at = ? WHERE id = ?", (T0, drop))
    before = snapshot()
    press_merge(qtbot, dialog)
    error = child(dialog, QLabel, "duplicatesError")
    assert error.isVisible()
    assert error.text() == "\"雨点\" is in the trash; restore them first."
    assert snapshot() == before
    assert undo.stack().count() == 0 and not dialog.changed


def test_no_duplicates_shows_the_empty_state(qtbot, shop_db):
    service.create("taobao", "小雨", phone="13812345678")
    service.create("taobao", "雨点", phone="13900001111")
    dialog = open_dialog(qtbot)
    assert child(dialog, QLabel, "duplicatesEmpty").isVisible()
    assert not child(dialog, QListWidget, "duplicateGroups").isVisible()


def test_ask_reports_whether_customers_were_merged(qtbot, pair):
    keep, drop, orders = pair

    def look_only(dialog: DuplicatesDialog) -> None:
        assert child(dialog, QListWidget, "duplicateGroups").count() == 1
        dialog.reject()

    with answering(DuplicatesDialog, look_only):
        assert DuplicatesDialog.ask(None) is False

    def merge_and_close(dialog: DuplicatesDialog) -> None:
        click(qtbot, child(dialog, QRadioButton, "keepFirst"))
        press_merge(qtbot, dialog)
        dialog.reject()

    with answering(DuplicatesDialog, merge_and_close):
        assert DuplicatesDialog.ask(None) is True
    assert all(order_owners()[o] == keep for o in orders)
