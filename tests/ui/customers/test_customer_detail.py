"""The customer dialog: opened from the Customers page, edited as a person does."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QTableWidget,
    QToolButton,
)

from desk.core.base import database
from desk.core.customers import figures, notes, service, tags
from desk.core.customers.models import Address, Customer, CustomerTag, Note, Tag
from desk.core.orders import service as order_service
from desk.ui import fmt, undo
from desk.ui.customers.address_dialog import AddressDialog
from desk.ui.customers.detail import CustomerDialog
from desk.ui.customers.tag_dialog import NewTagDialog

from tests.ui.helpers import answering, child, click, click_cell, type_text

ORDER_NO = "4000000000000000001"  # 19 digits: shown exactly, never as a float


@pytest.fixture(autouse=True)
def fresh_history():
    """Each test starts with an empty undo history, and leaves none behind."""
    undo.reset()
    yield
    undo.reset()


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




def press_undo(qtbot, dialog) -> None:
    """What Ctrl+Z in the dialog does: its Undo action (test_the_undo_keys_belong_to_the_dialog
    checks the keys), triggered directly, as the offscreen platform may not
    make the dialog the active window."""
    child(dialog, QAction, "actionUndo").trigger()


def press_redo(qtbot, dialog) -> None:
    child(dialog, QAction, "actionRedo").trigger()


def chip_shown(qtbot, dialog, name: str) -> None:
    """A chip added to the row is shown once the event loop gets to it."""
    chip = child(dialog, QToolButton, f"tagChip_{name}")
    qtbot.waitUntil(chip.isVisible)


def show_tab(qtbot, dialog, index: int) -> None:
    bar = dialog.tabs.tabBar()
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(index).center())
    assert dialog.tabs.currentIndex() == index


def paste(qtbot, edit, text: str) -> None:
    """Paste `text` into a field, as text copied from a chat window arrives."""
    QApplication.clipboard().setText(text)
    edit.setFocus()
    qtbot.keyClick(edit, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)


def add_case(customer_id: int, case_no: str, status: str = "new", kind: str = "refund_only",
             reason: str = "quality", deadline: int | None = None) -> int:
    """Cases are written by the after-sales pillar; here straight into the table."""
    return database.execute_sql(
        "INSERT INTO aftersales_case(case_no, customer_id, platform, kind, reason, status,"
        " opened_at, status_changed_at, next_deadline_at, created_at, updated_at)"
        " VALUES (?, ?, 'taobao', ?, ?, ?, 1714521600, 1714521600, ?, 1714521600, 1714521600)",
        (case_no, customer_id, kind, reason, status, deadline)).lastrowid


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
    phone_column = [c.key for c in page.model.columns].index("phone")
    assert page.model.index(row, phone_column).data() == "139****2222"


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
        QApplication.processEvents()  # the completer has finished with the field: still empty
        assert field.text() == ""
        click(qtbot, chip)
        assert not CustomerTag.select().where(CustomerTag.customer == buyer).exists()
        assert dialog.findChild(QToolButton, "tagChip_批发") is None

    open_detail(qtbot, page, buyer, work)


def test_notes_add_pin_delete_and_undo(qtbot, page, buyer):
    older = notes.add(buyer, "first note")

    def work(dialog):
        listing = child(dialog, QListWidget, "customerNotes")
        text = child(dialog, type(dialog.notes.text), "customerNoteText")
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


def test_a_haggler_is_flagged_by_its_tag_not_as_a_bad_review(qtbot, page, buyer):
    haggler = Tag.get(Tag.name == "砍价型").id
    tags.add_tags([buyer], [haggler])

    def check(dialog):
        badges = [w for w in dialog.findChildren(QLabel) if w.objectName().startswith("riskBadge_")]
        assert [(b.objectName(), b.text(), b.toolTip()) for b in badges] == [
            ("riskBadge_risk_tag", "Risk tag", "Tagged 砍价型.")]

    open_detail(qtbot, page, buyer, check)
    column = [c.key for c in page.model.columns].index("risk")
    index = page.model.index(page.model.row_of(buyer), column)
    assert index.data() == "Risk tag"
    assert index.data(Qt.ItemDataRole.ToolTipRole) == "Has a tag from the risk category."


# -- addresses ------------------------------------------------------------------


def fill_address(qtbot, values: dict[str, str], default: bool = False):
    """An answer for the address dialog: type each field afresh, then OK."""

    def answer(dialog):
        for name, text in values.items():
            edit = child(dialog, QLineEdit, "address" + name.capitalize())
            edit.clear()
            type_text(qtbot, edit, text)
        if default:
            qtbot.keyClick(child(dialog, QCheckBox, "addressDefault"), Qt.Key.Key_Space)
        click(qtbot, child(dialog, QPushButton, "addressOk"))
        assert not dialog.isVisible()

    return answer


def address_rows(table) -> list[list[str]]:
    return [[table.item(r, c).text() for c in range(table.columnCount())]
            for r in range(table.rowCount())]


def test_addresses_add_make_default_edit_remove_and_undo(qtbot, page, buyer):
    home = {"receiver": "王芳", "phone": "13812345678", "province": "浙江省", "city": "杭州市",
            "district": "西湖区", "detail": "文一西路1号"}

    def work(dialog):
        show_tab(qtbot, dialog, 2)
        table = child(dialog, QTableWidget, "customerAddresses")
        assert table.rowCount() == 0
        assert not child(dialog, QPushButton, "customerEditAddress").isEnabled()
        with answering(AddressDialog, fill_address(qtbot, home)):
            click(qtbot, child(dialog, QPushButton, "customerAddAddress"))
        assert address_rows(table) == [["王芳", "13812345678", "浙江省杭州市西湖区 文一西路1号", "Default"]]
        [first] = service.addresses(buyer)
        assert (first.receiver, first.phone, first.detail, first.is_default) == (
            "王芳", "13812345678", "文一西路1号", True)

        # a second one, made the default as it is added
        with answering(AddressDialog, fill_address(qtbot, {"detail": "人民路2号"}, default=True)):
            click(qtbot, child(dialog, QPushButton, "customerAddAddress"))
        assert [(a.detail, a.is_default) for a in service.addresses(buyer)] == [
            ("人民路2号", True), ("文一西路1号", False)]
        assert [row[2:] for row in address_rows(table)] == [["人民路2号", "Default"],
                                                            ["浙江省杭州市西湖区 文一西路1号", ""]]
        press_undo(qtbot, dialog)  # the second address goes, the first is the default again
        assert [(a.id, a.is_default) for a in service.addresses(buyer)] == [(first.id, True)]
        assert table.rowCount() == 1
        press_redo(qtbot, dialog)
        second = service.addresses(buyer)[0]
        assert (second.detail, second.is_default) == ("人民路2号", True)

        # make the first the default again, by hand, then undo that
        click_cell(qtbot, table, 1)
        make_default = child(dialog, QPushButton, "customerDefaultAddress")
        assert make_default.isEnabled()
        click(qtbot, make_default)
        assert service.get_address(first.id).is_default
        assert address_rows(table)[0][0] == "王芳" and address_rows(table)[0][3] == "Default"
        press_undo(qtbot, dialog)
        assert service.default_address(buyer) == second.id
        assert address_rows(table)[0][3] == "Default" and address_rows(table)[1][0] == "王芳"

        # edit the first: the dialog shows what it has, the change is saved, and undone
        def edit(address_dialog):
            assert child(address_dialog, QLineEdit, "addressDetail").text() == "文一西路1号"
            assert child(address_dialog, QLineEdit, "addressPhone").text() == "13812345678"
            assert not child(address_dialog, QCheckBox, "addressDefault").isVisible()
            fill_address(qtbot, {"detail": "文一西路9号", "phone": "0571-88886666"})(address_dialog)

        click_cell(qtbot, table, 1)
        with answering(AddressDialog, edit):
            click(qtbot, child(dialog, QPushButton, "customerEditAddress"))
        saved = service.get_address(first.id)
        assert (saved.detail, saved.phone, saved.receiver) == ("文一西路9号", "0571-88886666", "王芳")
        assert address_rows(table)[1][1:3] == ["0571-88886666", "浙江省杭州市西湖区 文一西路9号"]
        press_undo(qtbot, dialog)
        assert (service.get_address(first.id).detail, service.get_address(first.id).phone) == (
            "文一西路1号", "13812345678")

        # remove the default one: the other takes over; undo puts back the same row
        click_cell(qtbot, table, 0)
        click(qtbot, child(dialog, QPushButton, "customerRemoveAddress"))
        assert [(a.id, a.is_default) for a in service.addresses(buyer)] == [(first.id, True)]
        assert table.rowCount() == 1
        press_undo(qtbot, dialog)
        assert [(a.id, a.is_default) for a in service.addresses(buyer)] == [
            (second.id, True), (first.id, False)]
        assert address_rows(table)[0][2:] == ["人民路2号", "Default"]

    open_detail(qtbot, page, buyer, work)


@pytest.mark.parametrize("typed, pasted, message", [
    ({"receiver": "王芳", "phone": "13812345678"}, {}, "The address is empty."),
    ({"detail": "文一西路1号", "phone": "12345"}, {}, '"12345" is not a phone number'),
    ({}, {"detail": "路" * 500},
     "The street address can be at most 200 characters (this one has 500)."),
    ({"detail": "文一西路1号"}, {"receiver": "王" * 500},
     "The receiver's name can be at most 32 characters (this one has 500)."),
    ({}, {"detail": "\x07\x1b\u202e\x7f"}, "The address is empty."),
])
def test_bad_address_is_refused_inline_and_nothing_is_saved(qtbot, page, buyer, typed, pasted,
                                                             message):
    def answer(address_dialog):
        for name, text in typed.items():
            type_text(qtbot, child(address_dialog, QLineEdit, "address" + name.capitalize()), text)
        for name, text in pasted.items():
            paste(qtbot, child(address_dialog, QLineEdit, "address" + name.capitalize()), text)
        click(qtbot, child(address_dialog, QPushButton, "addressOk"))
        error = child(address_dialog, QLabel, "addressError")
        assert error.isVisible()
        assert message in error.text()
        assert address_dialog.isVisible()  # still open, to be fixed or cancelled
        click(qtbot, child(address_dialog, QPushButton, "addressCancel"))

    def work(dialog):
        show_tab(qtbot, dialog, 2)
        with answering(AddressDialog, answer):
            click(qtbot, child(dialog, QPushButton, "customerAddAddress"))
        assert child(dialog, QTableWidget, "customerAddresses").rowCount() == 0
        assert not undo.stack().canUndo()

    open_detail(qtbot, page, buyer, work)
    assert Address.select().count() == 0


# -- notes: edit, links, limits -----------------------------------------------------


def test_edit_a_note_and_link_notes_to_an_order_or_a_case(qtbot, page, buyer):
    order_id = order_service.orders_of(buyer)[0][0]
    case_id = add_case(buyer, "SH-000012")
    add_case(service.create("other", "别人家"), "SH-000013")  # not offered
    older = notes.add(buyer, "问了尺码")

    def work(dialog):
        listing = child(dialog, QListWidget, "customerNotes")
        text = dialog.notes.text
        link = child(dialog, QComboBox, "customerNoteLink")
        commit = child(dialog, QPushButton, "customerAddNote")
        assert [link.itemText(i) for i in range(link.count())] == [
            "(none)", f"Order {ORDER_NO}", "Case SH-000012 (Refund only)"]

        # a new note about the order
        type_text(qtbot, text, "催发货")
        link.setFocus()
        qtbot.keyClick(link, Qt.Key.Key_Down)
        assert link.currentText() == f"Order {ORDER_NO}"
        click(qtbot, commit)
        new = notes.list_notes(buyer)[0]
        assert (new.body, new.order_id, new.case_id) == ("催发货", order_id, None)
        assert listing.item(0).text().split("\n")[0].endswith(f" · Order {ORDER_NO}")
        assert link.currentText() == "(none)" and text.toPlainText() == ""

        # edit the older one: its text goes into the editor, Save writes it back
        click_cell(qtbot, listing, 1)
        click(qtbot, child(dialog, QPushButton, "customerEditNote"))
        assert text.toPlainText() == "问了尺码"
        assert link.currentText() == "(none)"
        assert commit.text() == "Save &note"
        assert child(dialog, QPushButton, "customerCancelEdit").isVisible()
        text.clear()
        type_text(qtbot, text, "问了尺码，穿M码")
        link.setCurrentIndex(link.findData(f":{case_id}"))
        click(qtbot, commit)
        edited = notes.get_note(older)
        assert (edited.body, edited.order_id, edited.case_id) == ("问了尺码，穿M码", None, case_id)
        assert listing.count() == 2
        assert listing.item(1).text().endswith(" · Case SH-000012\n问了尺码，穿M码")
        assert commit.text() == "Add &note" and text.toPlainText() == ""
        assert not child(dialog, QPushButton, "customerCancelEdit").isVisible()

        # a double-click edits too; moving the link from the order to none unlinks it
        click_cell(qtbot, listing, 0, double=True)
        assert text.toPlainText() == "催发货"
        assert link.currentText() == f"Order {ORDER_NO}"
        link.setCurrentIndex(0)
        click(qtbot, commit)
        assert notes.get_note(new.id).order_id is None
        assert listing.item(0).text().split("\n")[0].count(" · ") == 0

        # Cancel leaves the note as it was
        click_cell(qtbot, listing, 1, double=True)
        type_text(qtbot, text, "不要了")
        click(qtbot, child(dialog, QPushButton, "customerCancelEdit"))
        assert text.toPlainText() == ""
        assert notes.get_note(older).body == "问了尺码，穿M码"

        # undo: the unlink, then the edit of the older note
        press_undo(qtbot, dialog)
        assert notes.get_note(new.id).order_id == order_id
        press_undo(qtbot, dialog)
        back = notes.get_note(older)
        assert (back.body, back.case_id) == ("问了尺码", None)
        assert listing.item(1).text().endswith("\n问了尺码")
        press_redo(qtbot, dialog)
        assert notes.get_note(older).case_id == case_id

    open_detail(qtbot, page, buyer, work)


def test_a_note_of_more_than_ten_thousand_characters_is_refused_inline(qtbot, page, buyer):
    kept = notes.add(buyer, "短的")

    def work(dialog):
        text = dialog.notes.text
        error = child(dialog, QLabel, "customerNoteError")
        type_text(qtbot, text, "长" * 10_001)
        click(qtbot, child(dialog, QPushButton, "customerAddNote"))
        assert error.isVisible()
        assert error.text() == ("A note can be at most 10,000 characters (this one has 10,001);"
                                " split it into several notes.")
        assert len(text.toPlainText()) == 10_001  # nothing typed is lost
        assert dialog.notes.list.count() == 1

        # editing an existing note to that length is refused the same way
        text.clear()
        click_cell(qtbot, dialog.notes.list, 0)
        click(qtbot, child(dialog, QPushButton, "customerEditNote"))
        type_text(qtbot, text, "长" * 10_000)
        click(qtbot, child(dialog, QPushButton, "customerAddNote"))
        assert "this one has 10,002" in error.text()
        text.clear()
        type_text(qtbot, text, "长" * 10_000)
        click(qtbot, child(dialog, QPushButton, "customerAddNote"))
        assert not error.isVisible()

    open_detail(qtbot, page, buyer, work)
    assert [n.body for n in notes.list_notes(buyer)] == ["长" * 10_000]
    assert notes.get_note(kept).body == "长" * 10_000
    assert Note.select().count() == 1


# -- after-sales cases ----------------------------------------------------------------


def test_the_customers_cases_are_listed_and_a_double_click_opens_nothing_yet(qtbot, page, buyer):
    late = 1714608000  # long past: overdue
    open_case = add_case(buyer, "SH-000021", deadline=late)
    add_case(buyer, "SH-000022", status="done", kind="exchange", reason="size")
    gone = add_case(buyer, "SH-000023")
    database.execute_sql("UPDATE aftersales_case SET deleted_at = 1 WHERE id = ?", (gone,))

    def check(dialog):
        show_tab(qtbot, dialog, 1)
        assert dialog.tabs.tabText(1) == "After-sales (2)"
        table = child(dialog, QTableWidget, "customerCases")
        assert address_rows(table) == [
            ["SH-000022", "Exchange", "Done", "尺码不合适", "—"],
            ["SH-000021", "Refund only", "New", "质量问题", f"{fmt.when(late)} (overdue)"]]
        opened = []
        dialog.open_case = opened.append
        click_cell(qtbot, table, 1, double=True)
        assert opened == [open_case]
        assert QApplication.activeModalWidget() is dialog

    open_detail(qtbot, page, buyer, check)


# -- tags: a new one from the field; undo and redo ------------------------------------


def test_a_missing_tag_can_be_created_from_the_field_and_undone(qtbot, page, buyer):
    category = service.tag_categories()[1]

    def choose(tag_dialog):
        name = child(tag_dialog, QLineEdit, "newTagName")
        assert name.text() == "回头客"
        # a name that is taken is refused in the dialog, which stays open
        name.clear()
        qtbot.keyClicks(name, "VIP")
        click(qtbot, child(tag_dialog, QPushButton, "newTagOk"))
        assert child(tag_dialog, QLabel, "newTagError").text() == 'There is already a tag "VIP".'
        assert tag_dialog.isVisible()
        name.clear()
        type_text(qtbot, name, "回头客")
        combo = child(tag_dialog, QComboBox, "newTagCategory")
        combo.setCurrentIndex(combo.findText(category.name))
        click(qtbot, child(tag_dialog, QPushButton, "newTagOk"))

    def work(dialog):
        field = child(dialog, QLineEdit, "customerAddTag")
        type_text(qtbot, field, "回头客")
        qtbot.keyClick(field, Qt.Key.Key_Return)
        error = child(dialog, QLabel, "customerTagError")
        assert error.isVisible() and error.text() == 'No tag "回头客".'
        create = child(dialog, QPushButton, "customerCreateTag")
        assert create.isVisible() and create.text() == "&Create tag “回头客”…"
        with answering(NewTagDialog, choose):
            click(qtbot, create)
        made = Tag.get(Tag.name == "回头客")
        assert made.category_id == category.id
        assert [t.name for t in service.tags_of(buyer)] == ["回头客"]
        chip_shown(qtbot, dialog, "回头客")
        assert not error.isVisible() and not create.isVisible() and field.text() == ""

        press_undo(qtbot, dialog)
        assert not Tag.select().where(Tag.name == "回头客").exists()
        assert service.tags_of(buyer) == []
        assert dialog.findChild(QToolButton, "tagChip_回头客") is None
        press_redo(qtbot, dialog)
        assert [t.name for t in service.tags_of(buyer)] == ["回头客"]
        chip_shown(qtbot, dialog, "回头客")

    open_detail(qtbot, page, buyer, work)


# the completer's popup asks the offscreen platform for things it cannot do
@pytest.mark.qt_log_ignore("This plugin does not support raise", "does not support grabbing the keyboard")
def test_tag_add_and_remove_are_undone_and_redone_with_the_keys(qtbot, page, buyer):
    vip = next(t for t in tags.all_tags() if t.name == "批发")

    def has_tag() -> bool:
        return CustomerTag.select().where(CustomerTag.customer == buyer,
                                          CustomerTag.tag == vip.id).exists()

    def work(dialog):
        field = child(dialog, QLineEdit, "customerAddTag")
        qtbot.keyClicks(field, "pifa")
        popup = dialog.completer.popup()
        qtbot.waitUntil(popup.isVisible)
        qtbot.keyClick(popup, Qt.Key.Key_Down)
        qtbot.keyClick(popup, Qt.Key.Key_Return)
        assert has_tag()
        assert "Add tag “批发”" in dialog.findChild(QAction, "actionUndo").text()

        press_undo(qtbot, dialog)
        assert not has_tag()
        assert dialog.findChild(QToolButton, "tagChip_批发") is None
        press_redo(qtbot, dialog)
        assert has_tag()
        chip = child(dialog, QToolButton, "tagChip_批发")

        click(qtbot, chip)
        assert not has_tag()
        press_undo(qtbot, dialog)
        assert has_tag()
        chip_shown(qtbot, dialog, "批发")

    open_detail(qtbot, page, buyer, work)


# -- undo and redo of notes, identity and group ----------------------------------------


def test_the_undo_keys_belong_to_the_dialog(qtbot, page, buyer):
    """Ctrl+Z and Ctrl+Shift+Z (or Ctrl+Y) reach the app's history while the
    customer dialog is the active window, named for the last change."""
    def work(dialog):
        undo_action, redo_action = child(dialog, QAction, "actionUndo"), child(dialog, QAction, "actionRedo")
        assert undo_action in dialog.actions() and redo_action in dialog.actions()
        assert QKeySequence("Ctrl+Z") in undo_action.shortcuts()
        assert {k.toString() for k in redo_action.shortcuts()} == {"Ctrl+Shift+Z", "Ctrl+Y"}
        assert undo_action.shortcutContext() == Qt.ShortcutContext.WindowShortcut
        assert not undo_action.isEnabled()
        click_cell(qtbot, dialog.notes.list, 0)
        click(qtbot, child(dialog, QPushButton, "customerPinNote"))
        assert undo_action.isEnabled() and "Pin note" in undo_action.text()
        undo_action.trigger()
        assert not notes.get_note(note).pinned

    note = notes.add(buyer, "只要顺丰")
    open_detail(qtbot, page, buyer, work)



def test_note_add_pin_and_delete_are_undone_with_the_keys(qtbot, page, buyer):
    older = notes.add(buyer, "first note")

    def work(dialog):
        listing = child(dialog, QListWidget, "customerNotes")
        type_text(qtbot, dialog.notes.text, "喜欢蓝色")
        click(qtbot, child(dialog, QPushButton, "customerAddNote"))
        added = notes.list_notes(buyer)[0].id
        press_undo(qtbot, dialog)
        assert [n.id for n in notes.list_notes(buyer)] == [older]
        assert listing.count() == 1
        press_redo(qtbot, dialog)  # the same note comes back, not a copy
        assert [n.id for n in notes.list_notes(buyer)] == [added, older]

        click_cell(qtbot, listing, 1)
        click(qtbot, child(dialog, QPushButton, "customerPinNote"))
        assert notes.get_note(older).pinned
        press_undo(qtbot, dialog)
        assert not notes.get_note(older).pinned
        assert "Pinned" not in listing.item(1).text()

        click_cell(qtbot, listing, 1)
        click(qtbot, child(dialog, QPushButton, "customerDeleteNote"))
        assert [n.id for n in notes.list_notes(buyer)] == [added]
        assert child(dialog, QPushButton, "customerUndo").isVisible()
        press_undo(qtbot, dialog)
        assert [n.id for n in notes.list_notes(buyer)] == [added, older]
        assert listing.count() == 2
        assert not child(dialog, QPushButton, "customerUndo").isVisible()
        press_redo(qtbot, dialog)
        assert [n.id for n in notes.list_notes(buyer)] == [added]

    open_detail(qtbot, page, buyer, work)


def test_identity_and_group_changes_are_undone_and_redone(qtbot, page, buyer):
    def work(dialog):
        phone = child(dialog, QLineEdit, "customerPhone")
        region = child(dialog, QLineEdit, "customerRegion")
        phone.clear()
        qtbot.keyClicks(phone, "139 0000 2222")
        type_text(qtbot, region, "杭州")
        qtbot.keyClick(region, Qt.Key.Key_Return)  # Enter in a field saves
        saved = Customer.get_by_id(buyer)
        assert (saved.phone, saved.region) == ("13900002222", "杭州")

        press_undo(qtbot, dialog)
        saved = Customer.get_by_id(buyer)
        assert (saved.phone, saved.region) == ("13800001111", "")
        assert (phone.text(), region.text()) == ("13800001111", "")
        press_redo(qtbot, dialog)
        assert Customer.get_by_id(buyer).phone == "13900002222"
        assert phone.text() == "13900002222"

        # what is being typed is not overwritten when an undo changes the customer
        region.clear()
        type_text(qtbot, region, "宁波")
        press_undo(qtbot, dialog)
        assert Customer.get_by_id(buyer).region == ""
        assert region.text() == "宁波"

        combo = dialog.lifecycle
        combo.setCurrentIndex(combo.findData("unpaid"))
        assert service.get(buyer).lifecycle_manual
        press_undo(qtbot, dialog)
        detail = service.get(buyer)
        assert (detail.lifecycle, detail.lifecycle_manual) == ("customer", False)
        assert combo.currentData() == "customer"

    open_detail(qtbot, page, buyer, work)


def test_follow_ups_tab_adds_one_for_this_buyer(qtbot, page, buyer):
    from PySide6.QtWidgets import QPushButton, QTabWidget

    from desk.core.customers.models import Followup
    from desk.ui.customers.followup_dialog import FollowupDialog

    def fill(form) -> None:
        child(form, QLineEdit, "followupTitle").setText("周五回访")
        form.accept()

    def drive(dialog: CustomerDialog) -> None:
        tabs = child(dialog, QTabWidget, "customerTabs")
        tabs.setCurrentWidget(dialog.followups)
        assert tabs.tabText(tabs.currentIndex()).startswith("Follow-ups")
        assert dialog.followups.list.topLevelItemCount() == 0
        with answering(FollowupDialog, fill):
            click(qtbot, child(dialog.followups, QPushButton, "followupsAdd"))
        qtbot.waitUntil(lambda: dialog.followups.list.topLevelItemCount() == 1)
        assert "周五回访" in dialog.followups.list.topLevelItem(0).text(1) + \
            dialog.followups.list.topLevelItem(0).text(0)

    open_detail(qtbot, page, buyer, drive)
    assert [f.title for f in Followup.select().where(Followup.customer == buyer)] == ["周五回访"]


def test_cases_open_from_the_customer_dialog(qtbot, page, buyer):
    from PySide6.QtWidgets import QPushButton, QTableWidget, QTabWidget

    from desk.ui.aftersales.case_dialog import CaseDialog

    seen = []

    def look(case_dialog) -> None:
        seen.append(case_dialog.picker.order_id())
        case_dialog.reject()

    def drive(dialog: CustomerDialog) -> None:
        tabs = child(dialog, QTabWidget, "customerTabs")
        orders = child(dialog, QTableWidget, "customerOrders")
        orders.selectRow(0)
        with answering(CaseDialog, look):
            click(qtbot, child(dialog, QPushButton, "customerCaseForOrder"))
        tabs.setCurrentIndex(1)
        with answering(CaseDialog, look):
            click(qtbot, child(dialog, QPushButton, "customerNewCase"))

    open_detail(qtbot, page, buyer, drive)
    order_id = database.execute_sql("SELECT id FROM shop_order WHERE customer_id = ?", (buyer,)).fetchone()[0]
    assert seen[0] == order_id  # the case for the order starts from that order
    newest = database.execute_sql("SELECT id FROM shop_order WHERE customer_id = ?"
                                  " ORDER BY placed_at DESC, id DESC", (buyer,)).fetchone()[0]
    assert len(seen) == 2 and seen[1] == newest  # a new case starts from the newest order


def test_an_empty_tab_shares_its_width_out_instead_of_squeezing_its_columns(qtbot, window, buyer):
    from PySide6.QtWidgets import QHeaderView

    dialog = CustomerDialog(buyer, window)
    qtbot.addWidget(dialog)
    dialog.show()
    stretch, fit = QHeaderView.ResizeMode.Stretch, QHeaderView.ResizeMode.ResizeToContents
    addresses, orders = dialog.addresses.table.horizontalHeader(), dialog.orders.horizontalHeader()
    assert dialog.addresses.table.rowCount() == 0 and addresses.sectionResizeMode(0) == stretch
    assert dialog.orders.rowCount() == 1 and orders.sectionResizeMode(0) == fit
    # an address added: the columns fit their contents again
    dialog.addresses.table.setRowCount(1)
    assert addresses.sectionResizeMode(0) == fit
    dialog.reject()


def test_a_refresh_makes_one_read_of_the_customer(qtbot, page, buyer, monkeypatch):
    """The page and its notes and addresses panels are filled from one
    service.get: orders, notes and risks are read inside it, never beside it.
    A change made elsewhere refreshes them the same way (once for each table
    the change announces)."""
    reads: list[str] = []  # "get", or what was read outside a get
    inside = [False]

    def get(real):
        def wrapper(*args):
            reads.append("get")
            inside[0] = True
            try:
                return real(*args)
            finally:
                inside[0] = False
        return wrapper

    def beside(name, real):
        def wrapper(*args):
            if not inside[0]:
                reads.append(name)
            return real(*args)
        return wrapper

    def work(dialog):
        monkeypatch.setattr(service, "get", get(service.get))
        for module, name in ((order_service, "orders_of"), (service, "cases_of"), (notes, "list_notes"),
                             (figures, "risk_flags")):
            monkeypatch.setattr(module, name, beside(name, getattr(module, name)))
        dialog.reload()
        assert reads == ["get"]
        reads.clear()
        notes.add(buyer, "从别处写的备注")
        assert reads and set(reads) == {"get"}
        assert dialog.notes.list.count() == 1 and "从别处写的备注" in dialog.notes.list.item(0).text()

    open_detail(qtbot, page, buyer, work)
