"""The after-sales case form driven as a person does: open a case from an order
or from scratch, bad amounts, the shipping sentence, status buttons and the
timeline, undoing an edit, settling with a follow-up, the deadline colour."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import QCoreApplication, QPoint, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialogButtonBox,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
)

from desk.core import settings, timeutil
from desk.core.aftersales import flow, service, shipping
from desk.core.aftersales.models import Case, CaseEvent
from desk.core.base import database
from desk.core.customers import figures
from desk.core.customers import service as customers
from desk.core.customers.models import Followup
from desk.ui import undo
from desk.ui.aftersales.buyer_picker import BuyerPicker
from desk.ui.aftersales.case_dialog import CaseDialog
from desk.ui.aftersales.case_settle import CaseSettleDialog
from desk.ui.aftersales.case_status import CaseStatusPanel

from tests.ui.helpers import activate, answering, type_text

ORDER_NO = "4000000000000000123"  # 19 digits


@pytest.fixture(autouse=True)
def fresh_history():
    undo.reset()
    yield
    undo.reset()


@pytest.fixture
def shop(shop_db) -> dict:
    """A buyer with one paid order of two items (¥123.45, free shipping), and another buyer."""
    settings.set("handler", "小王")
    customers.create("other", "隔壁老王")
    cid = customers.create("taobao", "小雨点点", phone="13800001111")
    now = timeutil.to_epoch(timeutil.now()) - 86400
    oid = database.execute_sql(
        "INSERT INTO shop_order(customer_id, platform, order_no, status, placed_at, paid_at,"
        " amount_fen, shipping_fen, free_shipping, created_at, updated_at)"
        " VALUES (?, 'taobao', ?, 'completed', ?, ?, 12345, 0, 1, ?, ?)",
        (cid, ORDER_NO, now, now, now, now)).lastrowid
    shirt = database.execute_sql(
        "INSERT INTO order_item(order_id, title, quantity, price_fen) VALUES (?, 'T恤 白色 L', 2, 4000)",
        (oid,)).lastrowid
    socks = database.execute_sql(
        "INSERT INTO order_item(order_id, title, quantity, price_fen) VALUES (?, '袜子', 1, 4345)",
        (oid,)).lastrowid
    figures.recompute_figures([cid])
    return {"customer": cid, "order": oid, "shirt": shirt, "socks": socks}


def show(qtbot, dialog: CaseDialog) -> CaseDialog:
    qtbot.addWidget(dialog)
    with qtbot.waitExposed(dialog):
        dialog.show()
    return dialog


def click(qtbot, button) -> None:
    assert button.isVisible() and button.isEnabled(), button.objectName()
    # on the box itself: a check box in a form is wider than its label
    at = QPoint(8, button.height() // 2) if isinstance(button, QCheckBox) else button.rect().center()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton, pos=at)


def retype(qtbot, edit: QLineEdit, text: str) -> None:
    edit.selectAll()
    qtbot.keyClick(edit, Qt.Key.Key_Delete)
    qtbot.keyClicks(edit, text)


def choose(combo, code) -> None:
    combo.setCurrentIndex(combo.findData(code))


def case_count() -> int:
    return database.execute_sql("SELECT count(*) FROM aftersales_case").fetchone()[0]


def rule_text(free: bool, responsibility: str, kind: str) -> str:
    return QCoreApplication.translate("Shipping", shipping.rule_for(free, responsibility, kind).template)


def open_existing(shop, **values) -> int:
    values.setdefault("kind", "return_refund")
    values.setdefault("reason", "quality")
    return service.open_case(shop["customer"], order_id=shop["order"], **values)


def visible_statuses(dialog: CaseDialog) -> set[str]:
    return {code for code, b in dialog.status_panel.buttons.items() if b.isVisible()}


def timeline(dialog: CaseDialog) -> list[list[str]]:
    t = dialog.status_panel.timeline
    return [[t.item(r, c).text() for c in range(t.columnCount())] for r in range(t.rowCount())]


def test_new_case_from_an_order_is_prefilled_and_saved(qtbot, shop):
    dialog = show(qtbot, CaseDialog(customer_id=shop["customer"], order_id=shop["order"]))
    assert "小雨点点" in dialog.findChild(QLabel, "caseBuyer").text()
    assert not dialog.findChild(QLineEdit, "caseBuyerSearch").isVisible()  # the buyer is fixed
    assert dialog.picker.orders.currentData() == shop["order"]
    assert ORDER_NO in dialog.picker.orders.currentText()
    items = dialog.items
    assert [items.item(r, 0).text() for r in range(items.rowCount())] == ["T恤 白色 L", "袜子"]
    assert all(items.item(r, 0).checkState() == Qt.CheckState.Checked for r in range(2))
    assert [items.cellWidget(r, 2).value() for r in range(2)] == [2, 1]
    assert dialog.refund.text() == "123.45"
    assert dialog.free_shipping.isChecked()
    assert dialog.handler.text() == "小王"

    # claim one shirt only, not the socks
    shirts = items.cellWidget(0, 2)
    shirts.selectAll()
    qtbot.keyClicks(shirts, "1")
    items.item(1, 0).setCheckState(Qt.CheckState.Unchecked)
    choose(dialog.kind, "return_refund")
    choose(dialog.reason, "damaged")
    retype(qtbot, dialog.refund, "40")
    qtbot.keyClicks(dialog.tracking, "SF1234567890")
    click(qtbot, dialog.save)

    # the form stays open as the new case, on its Photos tab, so photos can go in at once
    assert dialog.isVisible() and dialog.saved
    assert dialog.tabs.currentWidget() is dialog.evidence and dialog.evidence.case_id == dialog.case_id
    assert dialog.save.text() == "&Save" and dialog.windowTitle().startswith("Case SH")
    assert dialog.findChild(QDialogButtonBox, "caseButtons").button(
        QDialogButtonBox.StandardButton.Close).isVisible()
    assert dialog.findChild(QDialogButtonBox, "caseButtons").button(
        QDialogButtonBox.StandardButton.Cancel) is None
    case = service.get_case(dialog.case_id)
    assert (case.customer_id, case.order_id, case.order_no) == (shop["customer"], shop["order"], ORDER_NO)
    assert (case.kind, case.reason, case.responsibility) == ("return_refund", "damaged", "seller")
    assert [(i.order_item_id, i.quantity) for i in case.items] == [(shop["shirt"], 1)]
    assert case.refund_fen == 4000
    assert case.handler == "小王"
    assert case.return_tracking_no == "SF1234567890"
    assert case.free_shipping
    # opening a case is undoable: the case is gone, and redo brings it back under its number
    undo.stack().undo()
    assert Case.get_or_none(Case.id == dialog.case_id) is None
    undo.stack().redo()
    assert service.get_case(dialog.case_id).case_no == case.case_no


def test_ask_returns_the_new_case_id(qtbot, shop):
    def fill(dialog: CaseDialog) -> None:
        choose(dialog.kind, "exchange")
        click(qtbot, dialog.save)
        assert dialog.isVisible()  # open as the case now: closed by hand
        click(qtbot, dialog.buttons.button(QDialogButtonBox.StandardButton.Close))

    with answering(CaseDialog, fill):
        case_id = CaseDialog.ask(None, customer_id=shop["customer"], order_id=shop["order"])
    assert case_id is not None
    assert service.get_case(case_id).kind == "exchange"


def test_bad_amounts_show_inline_and_save_nothing(qtbot, shop):
    dialog = show(qtbot, CaseDialog(customer_id=shop["customer"], order_id=shop["order"]))
    retype(qtbot, dialog.refund, "12.3.4")
    qtbot.keyClicks(dialog.compensation, "-5")
    click(qtbot, dialog.save)
    error = dialog.findChild(QLabel, "caseError")
    assert error.isVisible()
    assert "Refund:" in error.text() and "“12.3.4” is not an amount of money." in error.text()
    assert "Compensation:" in error.text() and "cannot be negative" in error.text()
    assert "#c62828" in dialog.refund.styleSheet()
    assert not dialog.shipping_fee.styleSheet()
    assert dialog.isVisible()
    assert case_count() == 0

    # a well-formed amount the service refuses: more than the buyer paid
    retype(qtbot, dialog.refund, "200")
    retype(qtbot, dialog.compensation, "")
    click(qtbot, dialog.save)
    assert "more than the buyer paid" in error.text()
    assert not dialog.refund.styleSheet()
    assert case_count() == 0
    assert undo.stack().count() == 0

    retype(qtbot, dialog.refund, "")
    type_text(qtbot, dialog.refund, "¥100.5")
    click(qtbot, dialog.save)
    assert case_count() == 1
    assert service.get_case(dialog.case_id).refund_fen == 10050


def test_shipping_sentence_follows_the_form_and_an_override_is_recorded(qtbot, shop):
    dialog = show(qtbot, CaseDialog(customer_id=shop["customer"], order_id=shop["order"]))
    sentence = dialog.findChild(QLabel, "caseShippingSentence")
    choose(dialog.kind, "return_refund")
    choose(dialog.reason, "quality")
    assert dialog.responsibility.currentData() == "seller"  # a quality reason: the shop's fault
    assert sentence.text() == rule_text(True, "seller", "return_refund")
    click(qtbot, dialog.free_shipping)
    assert not dialog.free_shipping.isChecked()
    assert sentence.text() == rule_text(False, "seller", "return_refund")
    choose(dialog.responsibility, "buyer")
    assert sentence.text() == rule_text(False, "buyer", "return_refund")
    assert "not the original shipping fee" in sentence.text()
    choose(dialog.kind, "exchange")
    assert sentence.text() == rule_text(False, "buyer", "exchange")
    choose(dialog.kind, "refund_only")
    assert sentence.text() == rule_text(False, "buyer", "refund_only")
    assert len({rule_text(*k) for k in [(True, "seller", "return_refund"),
                                        (False, "seller", "return_refund"),
                                        (False, "buyer", "return_refund")]}) == 3

    choose(dialog.kind, "return_refund")
    choose(dialog.payer, shipping.SELLER)
    assert sentence.text() == "Set by hand: the shop pays the return shipping."
    click(qtbot, dialog.save)
    case = service.get_case(dialog.case_id)
    assert (case.shipping_payer, case.shipping_payer_override) == (shipping.SELLER, True)
    assert [e.kind for e in case.events] == ["status", "payer_override"]


def test_status_buttons_follow_the_flow_and_write_the_timeline(qtbot, shop):
    case_id = open_existing(shop)
    dialog = show(qtbot, CaseDialog(case_id))
    assert visible_statuses(dialog) == set(flow.offered("new"))
    settle = dialog.findChild(QPushButton, "caseSettle")
    assert not settle.isVisible()  # a new case cannot go straight to done
    assert len(timeline(dialog)) == 1 and "New" in timeline(dialog)[0][1]

    def comment(text: str):
        def answer(box: QInputDialog) -> None:
            assert box.objectName() == "caseCommentDialog"
            # wide enough for its title, which the label repeats in full
            title = box.windowTitle()
            assert title.startswith("SH") and title in box.labelText()
            assert box.width() >= box.fontMetrics().horizontalAdvance(title) + 100
            qtbot.keyClicks(box.findChild(QLineEdit), text)
            box.accept()
        return answer

    with answering(QInputDialog, comment("called the buyer")):
        click(qtbot, dialog.status_panel.buttons["handling"])
    case = service.get_case(case_id)
    assert case.status == "handling"
    assert (case.events[-1].old_status, case.events[-1].new_status) == ("new", "handling")
    rows = timeline(dialog)
    assert len(rows) == 2
    assert rows[-1][1] == "New → Handling"
    assert rows[-1][2] == "小王" and rows[-1][3] == "小王" and rows[-1][4] == "called the buyer"
    assert visible_statuses(dialog) == set(flow.offered("handling"))
    assert settle.isVisible()
    assert dialog.status_panel.status.text() == "Handling"
    assert undo.stack().count() == 1

    with answering(QInputDialog, comment("")):
        click(qtbot, dialog.status_panel.buttons["awaiting_return"])
    assert service.get_case(case_id).status == "awaiting_return"
    assert undo.stack().count() == 2
    undo.stack().undo()  # the move is taken off the timeline, not answered by another
    case = service.get_case(case_id)
    assert case.status == "handling"
    assert case.events[-1].comment == "called the buyer"
    assert timeline(dialog)[-1][1] == "New → Handling" and len(timeline(dialog)) == 2
    assert visible_statuses(dialog) == set(flow.offered("handling"))

    # cancelling the comment cancels the move
    with answering(QInputDialog, lambda box: box.reject()):
        click(qtbot, dialog.status_panel.buttons["rejected"])
    assert service.get_case(case_id).status == "handling"


def test_an_edit_is_saved_and_undone(qtbot, shop):
    case_id = open_existing(shop, refund_fen="50", description="盒子压坏了")
    dialog = show(qtbot, CaseDialog(case_id))
    assert dialog.refund.text() == "50.00"
    assert dialog.description.toPlainText() == "盒子压坏了"
    retype(qtbot, dialog.refund, "80")
    choose(dialog.responsibility, "carrier")
    qtbot.keyClicks(dialog.refund_no, "R20240501")
    click(qtbot, dialog.save)
    case = service.get_case(case_id)
    assert (case.refund_fen, case.responsibility, case.platform_refund_no) == (8000, "carrier", "R20240501")
    assert not dialog.error.isVisible()

    undo.stack().undo()
    case = service.get_case(case_id)
    assert (case.refund_fen, case.responsibility, case.platform_refund_no) == (5000, "seller", "")
    assert case.description == "盒子压坏了"
    assert [(i.order_item_id, i.quantity) for i in case.items] == []
    # the form follows the undo
    assert dialog.refund.text() == "50.00"
    assert dialog.responsibility.currentData() == "seller"
    assert dialog.refund_no.text() == ""
    undo.stack().redo()
    assert service.get_case(case_id).refund_fen == 8000
    assert dialog.refund.text() == "80.00"


def test_editing_items_keeps_the_order_items(qtbot, shop):
    case_id = open_existing(shop, items=[(shop["shirt"], 2), (shop["socks"], 1)])
    dialog = show(qtbot, CaseDialog(case_id))
    assert [dialog.items.cellWidget(r, 2).value() for r in range(2)] == [2, 1]
    dialog.items.item(0, 0).setCheckState(Qt.CheckState.Unchecked)
    click(qtbot, dialog.save)
    assert [(i.order_item_id, i.quantity) for i in service.get_case(case_id).items] == [
        (shop["socks"], 1)]
    undo.stack().undo()
    assert [(i.order_item_id, i.quantity) for i in service.get_case(case_id).items] == [
        (shop["shirt"], 2), (shop["socks"], 1)]


def test_settle_with_a_follow_up(qtbot, shop):
    case_id = open_existing(shop, refund_fen="50")
    flow.change_status(case_id, "handling")
    dialog = show(qtbot, CaseDialog(case_id))

    def settle(box: CaseSettleDialog) -> None:
        assert box.refund.text() == "50.00"
        retype(qtbot, box.refund, "abc")
        box.settle()
        assert box.isVisible() and "not an amount" in box.error.text()
        retype(qtbot, box.refund, "60")
        click(qtbot, box.followup)
        assert box.followup_title.text() == "Ask the buyer to revise the review"
        qtbot.keyClicks(box.comment, "refunded")
        box.settle()

    with answering(CaseSettleDialog, settle):
        click(qtbot, dialog.findChild(QPushButton, "caseSettle"))
    case = service.get_case(case_id)
    assert case.status == "done" and case.refund_fen == 6000
    followup = Followup.get(Followup.customer == shop["customer"])
    assert followup.title == "Ask the buyer to revise the review"
    assert followup.case_id == case_id
    assert visible_statuses(dialog) == {"handling"}
    assert dialog.status_panel.buttons["handling"].text() == "Reopen"
    assert not dialog.findChild(QPushButton, "caseSettle").isVisible()
    assert timeline(dialog)[-1][1:] == ["Handling → Done", "小王", "小王", "refunded"]
    assert dialog.refund.text() == "60.00"


def test_settle_without_follow_up_creates_none(qtbot, shop):
    case_id = open_existing(shop)
    flow.change_status(case_id, "handling")
    dialog = show(qtbot, CaseDialog(case_id))
    with answering(CaseSettleDialog, lambda box: box.settle()):
        click(qtbot, dialog.findChild(QPushButton, "caseSettle"))
    assert service.get_case(case_id).status == "done"
    assert Followup.select().count() == 0


def test_new_case_from_scratch_picks_the_buyer_and_order(qtbot, shop):
    dialog = show(qtbot, CaseDialog())
    click(qtbot, dialog.save)
    assert "Choose the buyer first" in dialog.error.text()
    assert case_count() == 0
    assert dialog.picker.orders.count() == 1  # only "No order"

    qtbot.keyClicks(dialog.picker.search, "13800001111")
    assert dialog.picker.results.count() == 1
    dialog.picker.results.setCurrentRow(0)
    assert "小雨点点" in dialog.picker.buyer.text()
    assert dialog.picker.orders.count() == 2
    # the buyer's newest order is chosen, listed with what was in it
    assert dialog.picker.orders.currentData() == shop["order"]
    assert "T恤 白色 L、袜子" in dialog.picker.orders.currentText()
    assert dialog.items.rowCount() == 2
    assert dialog.refund.text() == "123.45"
    dialog.picker.orders.setCurrentIndex(0)  # no order
    assert dialog.items.rowCount() == 0
    dialog.picker.orders.setCurrentIndex(1)
    assert dialog.items.rowCount() == 2
    # create and cancel sit on one row at the bottom
    buttons = dialog.findChild(QDialogButtonBox, "caseButtons")
    cancel = buttons.button(QDialogButtonBox.StandardButton.Cancel)
    assert dialog.save.parent() is buttons and cancel.isVisible()
    assert abs(dialog.save.mapTo(dialog, dialog.save.rect().center()).y()
               - cancel.mapTo(dialog, cancel.rect().center()).y()) <= 2
    click(qtbot, dialog.save)
    case = service.get_case(dialog.case_id)
    assert (case.customer_id, case.order_id) == (shop["customer"], shop["order"])
    assert len(case.items) == 2


def test_the_next_deadline_shows_time_left_and_colour(qtbot, shop):
    long_ago = timeutil.now() - timedelta(days=10)
    late = service.open_case(shop["customer"], "return_refund", "quality", opened_at=long_ago)
    dialog = show(qtbot, CaseDialog(late))
    deadline = dialog.findChild(QLabel, "caseDeadline")
    assert deadline.property("urgency") == "overdue"
    assert "#c62828" in deadline.styleSheet()
    assert "overdue" in deadline.text()

    fresh = open_existing(shop)
    dialog = show(qtbot, CaseDialog(fresh))
    deadline = dialog.findChild(QLabel, "caseDeadline")
    assert deadline.property("urgency") in ("today", "soon", "fine")
    assert "left" in deadline.text()
    flow.change_status(fresh, "handling")
    flow.change_status(fresh, "closed")
    # the dialog follows the change bus: a closed case has no deadline
    assert deadline.property("urgency") == "none"
    assert deadline.text() == "No deadline running"
    assert Case.get_by_id(fresh).status == "closed"
    assert CaseEvent.select().where(CaseEvent.case == fresh).count() == 3


def test_a_remark_goes_on_the_timeline_and_undo_takes_it_off(qtbot, shop):
    case_id = open_existing(shop)
    dialog = show(qtbot, CaseDialog(case_id))
    dialog.tabs.setCurrentIndex(1)
    box = dialog.findChild(QPlainTextEdit, "caseComment")
    button = dialog.findChild(QPushButton, "addComment")
    click(qtbot, button)  # nothing typed: nothing added
    assert len(timeline(dialog)) == 1
    box.setFocus()
    qtbot.keyClicks(box, "buyer will send photos tonight")
    qtbot.keyClick(box, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    rows = timeline(dialog)
    assert len(rows) == 2 and rows[-1][1:] == ["Comment", "小王", "小王", "buyer will send photos tonight"]
    assert box.toPlainText() == ""
    assert [(e.kind, e.comment) for e in service.get_case(case_id).events][-1] == (
        "comment", "buyer will send photos tonight")
    activate(dialog)
    qtbot.keyClick(dialog, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert [e.kind for e in service.get_case(case_id).events] == ["status"]
    qtbot.waitUntil(lambda: len(timeline(dialog)) == 1)


def test_items_named_by_hand_on_a_case_without_an_order(qtbot, shop):
    dialog = show(qtbot, CaseDialog(customer_id=shop["customer"]))
    dialog.picker.orders.setCurrentIndex(0)  # no order (the newest one is chosen at first)
    assert dialog.items.isHidden() and "name them below" in dialog.no_items.text()
    new_item = dialog.findChild(QLineEdit, "caseNewItem")
    new_item.setFocus()
    qtbot.keyClicks(new_item, "  rose  tea ")
    qtbot.keyClick(new_item, Qt.Key.Key_Return)
    assert case_count() == 0  # Enter adds the item, it does not open the case
    qtbot.keyClicks(new_item, "gift box")
    click(qtbot, dialog.findChild(QPushButton, "caseAddItem"))
    assert [dialog.items.item(r, 0).text() for r in range(dialog.items.rowCount())] == [
        "rose tea", "gift box"]
    dialog.items.cellWidget(1, 2).setValue(3)
    click(qtbot, dialog.save)
    case = service.get_case(dialog.case_id)
    assert (case.order_id, [(i.order_item_id, i.title, i.quantity) for i in case.items]) == (
        None, [(None, "rose tea", 1), (None, "gift box", 3)])

    # picking an order later keeps the named items beside the order's own
    edit = show(qtbot, CaseDialog(dialog.case_id))
    assert edit.items.rowCount() == 2
    edit.picker.orders.setCurrentIndex(1)
    titles = [edit.items.item(r, 0).text() for r in range(edit.items.rowCount())]
    assert titles[-2:] == ["rose tea", "gift box"] and len(titles) == 4


def test_the_buyer_picker_says_what_the_user_picked(qtbot, shop):
    picker = BuyerPicker()
    qtbot.addWidget(picker)
    picker.show()
    with qtbot.waitSignal(picker.buyer_chosen, timeout=60_000) as buyer:
        qtbot.keyClicks(picker.search, "13800001111")
        picker.results.setCurrentRow(0)
    assert buyer.args == [shop["customer"]]
    assert picker.order_id() == shop["order"]  # the newest order, chosen without a signal
    with qtbot.waitSignal(picker.order_chosen, timeout=60_000) as order:
        picker.orders.setCurrentIndex(0)
    assert order.args == [None]
    with qtbot.assertNotEmitted(picker.order_chosen):
        picker.choose_order(shop["order"])  # from code: no signal
    assert picker.order_id() == shop["order"]


def test_the_status_panel_moves_the_case_and_says_so(qtbot, shop):
    case_id = open_existing(shop)
    panel = CaseStatusPanel(case_id)
    qtbot.addWidget(panel)
    panel.show_case(service.get_case(case_id))
    panel.show()
    with qtbot.waitSignal(panel.changed, timeout=60_000), \
            answering(QInputDialog, lambda box: box.accept()):
        click(qtbot, panel.buttons["handling"])
    assert service.get_case(case_id).status == "handling"
    assert undo.stack().count() == 1
    undo.stack().undo()
    assert service.get_case(case_id).status == "new"
    assert service.get_case(case_id).first_response_at is None
