"""The customer dialog: opened from the Customers page, edited as a person does."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QListWidget, QPushButton, QTableWidget, QToolButton

from desk.core.base import database
from desk.core.customers import figures, notes, service, tags
from desk.core.customers.models import Customer, CustomerTag
from desk.ui.customers.detail import CustomerDialog

from .helpers import answering, click_cell, type_text

ORDER_NO = "4000000000000000001"  # 19 digits: shown exactly, never as a float
PHONE_COLUMN = 3


@pytest.fixture
def page(qtbot, window):
    qtbot.keyClick(window.sidebar, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    page = window.pages["customers"]
    assert page.isVisible()
    return page


@pytest.fixture
def buyer() -> int:
    """Two buyers; the one returned has a paid order."""
    service.create("other", "隔壁老王")
    cid = service.create("taobao", "小雨点点", phone="13800001111")
    database.execute_sql(
        "INSERT INTO shop_order(customer_id, platform, order_no, status, placed_at, paid_at,"
        " amount_fen, created_at, updated_at) VALUES (?, 'taobao', ?, 'completed', ?, ?, 12345, ?, ?)",
        (cid, ORDER_NO, 1714521600, 1714521660, 1714521600, 1714521600))
    figures.recompute_figures([cid])
    return cid


def open_detail(qtbot, page, customer_id: int, drive: Callable[[CustomerDialog], None]) -> None:
    """Double-click the customer's row; `drive` works the dialog, then it is closed."""
    page.apply_filters()
    row = page.model.row_of(customer_id)

    def run(dialog: CustomerDialog) -> None:
        assert dialog.objectName() == "customerDialog"
        assert dialog.customer_id == customer_id
        drive(dialog)
        dialog.reject()

    with answering(CustomerDialog, run):
        click_cell(qtbot, page.view, row, double=True)


def child(dialog, kind, name):
    widget = dialog.findChild(kind, name)
    assert widget is not None, name
    return widget


def click(qtbot, widget) -> None:
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def test_double_click_opens_the_customer(qtbot, page, buyer):
    def check(dialog):
        assert child(dialog, QLineEdit, "customerNickname").text() == "小雨点点"
        assert child(dialog, QLineEdit, "customerPhone").text() == "13800001111"
        orders = child(dialog, QTableWidget, "customerOrders")
        assert orders.rowCount() == 1
        assert orders.item(0, 0).text() == ORDER_NO
        assert orders.item(0, 1).text() == "Completed"
        assert "1 order(s)" in child(dialog, QLabel, "customerFigures").text()

    open_detail(qtbot, page, buyer, check)


def test_enter_opens_the_customer(qtbot, page, buyer):
    page.apply_filters()
    row = page.model.row_of(buyer)
    click_cell(qtbot, page.view, row)
    seen = []
    with answering(CustomerDialog, lambda d: (seen.append(d.customer_id), d.reject())):
        qtbot.keyClick(page.view, Qt.Key.Key_Return)
    assert seen == [buyer]


def test_bad_phone_is_refused_inline(qtbot, page, buyer):
    def edit(dialog):
        phone = child(dialog, QLineEdit, "customerPhone")
        phone.clear()
        qtbot.keyClicks(phone, "12345")
        click(qtbot, child(dialog, QPushButton, "customerSave"))
        error = child(dialog, QLabel, "customerError")
        assert error.isVisible()
        assert "is not a phone number" in error.text()
        assert dialog.isVisible()

    open_detail(qtbot, page, buyer, edit)
    assert Customer.get_by_id(buyer).phone == "13800001111"


def test_valid_edit_is_saved_and_the_table_follows(qtbot, page, buyer):
    def edit(dialog):
        phone = child(dialog, QLineEdit, "customerPhone")
        phone.clear()
        qtbot.keyClicks(phone, "139 0000 2222")
        region = child(dialog, QLineEdit, "customerRegion")
        type_text(qtbot, region, "杭州")
        click(qtbot, child(dialog, QPushButton, "customerSave"))
        assert not child(dialog, QLabel, "customerError").isVisible()
        assert phone.text() == "13900002222"

    open_detail(qtbot, page, buyer, edit)
    saved = Customer.get_by_id(buyer)
    assert (saved.phone, saved.region) == ("13900002222", "杭州")
    row = page.model.row_of(buyer)
    assert page.model.index(row, PHONE_COLUMN).data() == "139****2222"


# the completer's popup asks the offscreen platform for things it cannot do
@pytest.mark.qt_log_ignore("This plugin does not support raise", "does not support grabbing the keyboard")
def test_add_a_tag_by_pinyin_then_remove_it(qtbot, page, buyer):
    vip = next(t for t in tags.all_tags() if t.name == "批发")

    def work(dialog):
        field = child(dialog, QLineEdit, "customerAddTag")
        qtbot.keyClicks(field, "pifa")
        assert dialog.suggestions.stringList()[0] == "批发"
        popup = dialog.completer.popup()
        qtbot.waitUntil(popup.isVisible)
        qtbot.keyClick(popup, Qt.Key.Key_Down)
        qtbot.keyClick(popup, Qt.Key.Key_Return)
        assert CustomerTag.select().where(CustomerTag.customer == buyer,
                                          CustomerTag.tag == vip.id).exists()
        chip = child(dialog, QToolButton, "tagChip_批发")
        assert field.text() == ""
        click(qtbot, chip)
        assert not CustomerTag.select().where(CustomerTag.customer == buyer).exists()
        assert dialog.findChild(QToolButton, "tagChip_批发") is None

    open_detail(qtbot, page, buyer, work)


def test_notes_add_pin_delete_and_undo(qtbot, page, buyer):
    older = notes.add(buyer, "first note")

    def work(dialog):
        listing = child(dialog, QListWidget, "customerNotes")
        text = child(dialog, type(dialog.note_text), "customerNoteText")
        type_text(qtbot, text, "喜欢蓝色")
        click(qtbot, child(dialog, QPushButton, "customerAddNote"))
        assert listing.count() == 2
        assert listing.item(0).text().endswith("喜欢蓝色")
        assert text.toPlainText() == ""

        # pin the older one: it goes first
        listing.setCurrentRow(1)
        click(qtbot, child(dialog, QPushButton, "customerPinNote"))
        assert notes.list_notes(buyer)[0].id == older
        assert listing.item(0).text().endswith("first note")
        assert "Pinned" in listing.item(0).text()

        listing.setCurrentRow(0)
        click(qtbot, child(dialog, QPushButton, "customerDeleteNote"))
        assert listing.count() == 1
        assert [n.id for n in notes.list_notes(buyer)] != [older]
        undo = child(dialog, QPushButton, "customerUndo")
        assert undo.isVisible()
        click(qtbot, undo)
        assert listing.count() == 2
        assert listing.item(0).text().endswith("first note")
        assert not undo.isVisible()

    open_detail(qtbot, page, buyer, work)
    assert len(notes.list_notes(buyer)) == 2


def test_lifecycle_by_hand_sticks_until_back_to_automatic(qtbot, page, buyer):
    assert service.get(buyer).lifecycle == "customer"

    def work(dialog):
        combo = dialog.lifecycle
        assert combo.objectName() == "customerLifecycle"
        auto = child(dialog, QPushButton, "customerLifecycleAuto")
        assert not auto.isEnabled()
        combo.setCurrentIndex(combo.findData("unpaid"))
        detail = service.get(buyer)
        assert (detail.lifecycle, detail.lifecycle_manual) == ("unpaid", True)
        assert child(dialog, QLabel, "customerLifecycleNote").text() == "Set by hand"
        figures.recompute_figures([buyer])  # orders no longer move it
        assert service.get(buyer).lifecycle == "unpaid"
        assert auto.isEnabled()
        click(qtbot, auto)
        detail = service.get(buyer)
        assert (detail.lifecycle, detail.lifecycle_manual) == ("customer", False)
        assert combo.currentData() == "customer"
        assert not auto.isEnabled()

    open_detail(qtbot, page, buyer, work)


def test_risk_badge_gives_its_reason_on_hover(qtbot, page, buyer):
    for n in (2, 3):
        database.execute_sql(
            "INSERT INTO shop_order(customer_id, platform, order_no, status, placed_at,"
            " amount_fen, created_at, updated_at) VALUES (?, 'taobao', ?, 'closed', ?, 100, ?, ?)",
            (buyer, f"40000000000000000{n:02d}", 1714521600 + n, 1714521600, 1714521600))
    figures.recompute_figures([buyer])

    def check(dialog):
        badge = child(dialog, QLabel, "riskBadge_never_pays")
        assert badge.text() == "Orders without paying"
        assert badge.toolTip() == "2 orders placed and never paid."
        assert child(dialog, QTableWidget, "customerOrders").rowCount() == 3

    open_detail(qtbot, page, buyer, check)
