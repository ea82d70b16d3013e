"""The after-sales case form: open a case (from a customer, one of their orders,
or from scratch) or edit one; move it through the status flow, settle it, and
see its timeline, next deadline and photos. Every change can be undone.

The buyer and order rows are a `BuyerPicker`, the status line and the history
a `CaseStatusPanel`, the photos an `EvidencePanel`; the form itself holds what
the case is (kind, reason, items, amounts, shipping) and saves it."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desk.core import settings
from desk.core.aftersales import cleaning, reasons, service, shipping, steps
from desk.core.aftersales.models import RESPONSIBILITIES
from desk.core.errors import UserError
from desk.core.orders import service as order_service
from desk.ui import conflict, fmt, labels, screenfit
from desk.ui import undo as history
from desk.ui.aftersales.buyer_picker import BuyerPicker
from desk.ui.aftersales.case_settle import check_amounts, yuan_text
from desk.ui.aftersales.case_status import CaseStatusPanel, payers
from desk.ui.aftersales.evidence import EvidencePanel
from desk.ui.ask import AskDialog, Buttons, InlineError
from desk.ui.bus import bus
from desk.ui.errors import show_user_error, user_message

translate = QCoreApplication.translate

ItemIdRole = Qt.ItemDataRole.UserRole  # on an item's title cell: its order item id (None: named)


def responsibilities() -> dict[str, str]:
    return {
        "seller": translate("CaseDialog", "The shop"),
        "buyer": translate("CaseDialog", "The buyer"),
        "carrier": translate("CaseDialog", "The carrier"),
        "supplier": translate("CaseDialog", "The supplier"),
    }


class CaseDialog(AskDialog):
    """One after-sales case, new or existing. Writes go through the after-sales
    services and onto the app's undo history; the dialog follows the change bus.
    Its answer is the case's id once something was saved, however it was closed."""

    answers_on_close = True

    def __init__(self, case_id: int | None = None, customer_id: int | None = None,
                 order_id: int | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("caseDialog")
        # the form scrolls: the dialog fits a 1024×600 screen with its buttons on it
        self.setMinimumSize(560, 360)
        self.case_id = case_id
        self.saved = False
        self._loading = False
        self._shown: tuple = ()  # the form as last loaded from the case
        self.case: service.CaseDetail | None = None
        if case_id is not None:
            self.case = service.get_case(case_id)
            customer_id, order_id = self.case.customer_id, self.case.order_id
        elif order_id is not None and customer_id is None:
            customer_id = order_service.order_info(order_id).customer_id
        self.customer_id = customer_id
        self.order: order_service.OrderInfo | None = None
        from desk.ui import selection as current
        from desk.ui.replies.palette import add_action

        add_action(self)  # F9 here too: a modal dialog holds the main window's shortcuts
        if case_id is not None:
            current.set_case(case_id)
        elif customer_id is not None:
            current.set_customer(customer_id)

        self.picker = BuyerPicker(customer_id)
        self.picker.buyer_chosen.connect(self._buyer_chosen)
        self.picker.order_chosen.connect(self._order_chosen)
        self._case_fields()
        self._item_fields()
        self._shipping_fields()
        self.error = InlineError("caseError")
        self.save = QPushButton(self.tr("&Save") if self.case else self.tr("&Open case"))
        self.save.setObjectName("caseSave")
        self.save.setAutoDefault(False)
        self.save.clicked.connect(lambda _=False: self.save_clicked())
        self.details = screenfit.scrolling(self._details(), "caseDetailsScroll")

        # Save (or Open case) and Cancel (or Close) on one row, always on screen
        self.buttons = self.add_buttons(Buttons.NoButton)
        self.buttons.setObjectName("caseButtons")
        self.buttons.addButton(self.save, QDialogButtonBox.ButtonRole.ApplyRole)
        layout = QVBoxLayout(self)
        if self.case is None:
            self.setWindowTitle(self.tr("New after-sales case"))
            layout.addWidget(self.details, 1)
            self._close = self.buttons.addButton(Buttons.Cancel)
        else:
            self._build_case_view(layout)
        self._close.setAutoDefault(False)
        layout.addWidget(self.buttons)
        screenfit.first_size(self, 1000, 720)

        history.add_actions(self)
        if self.case is None:
            self._loading = True
            try:
                self.handler.setText(settings.get("handler"))
                self._reason_chosen(self.reason.currentIndex())
                if order_id is not None:
                    self.picker.choose_order(order_id)
                else:
                    self.picker.choose_newest()
                self._load_order(self.picker.order_id(), prefill=True)
            finally:
                self._loading = False
        else:
            self.load_form(self.case)
            self.show_status(self.case)
        self._carrier_title()
        self._update_sentence()
        bus().changed.connect(self._on_change)

    # -- building the form -------------------------------------------------------------

    def _case_fields(self) -> None:
        """What the case is: kind, reason, who is responsible, the amounts."""
        self.kind = QComboBox()
        self.kind.setObjectName("caseKind")
        for code, name in labels.case_kinds().items():
            self.kind.addItem(name, code)
        self.reason = QComboBox()
        self.reason.setObjectName("caseReason")
        current_reason = None if self.case is None else self.case.reason
        self._quality: dict[str, bool] = {}
        self._no_reason: dict[str, bool] = {}
        for r in reasons.listed(include_inactive=True):
            if r.active or r.code == current_reason:
                self.reason.addItem(r.shown, r.code)
                self._quality[r.code] = r.is_quality
                self._no_reason[r.code] = r.no_reason
        self.responsibility = QComboBox()
        self.responsibility.setObjectName("caseResponsibility")
        names = responsibilities()
        for code in RESPONSIBILITIES:
            self.responsibility.addItem(names[code], code)
        self.no_reason = QCheckBox(self.tr("7-day no-reason return"))
        self.no_reason.setObjectName("caseNoReason")
        self.refund = self._line("caseRefund", "0.00")
        self.compensation = self._line("caseCompensation", "0.00")
        self.shipping_fee = self._line("caseShippingFee", "0.00")
        self.refund_no = self._line("caseRefundNo")
        self.handler = self._line("caseHandler")
        self.description = QPlainTextEdit()
        self.description.setObjectName("caseDescription")
        self.description.setPlaceholderText(self.tr("What happened, in the buyer's words and yours"))
        self.description.setMaximumHeight(80)
        self.description.setTabChangesFocus(True)
        self.reason.currentIndexChanged.connect(self._reason_chosen)
        self.kind.currentIndexChanged.connect(lambda _i: self._carrier_title())

    def _item_fields(self) -> None:
        """The items claimed: the order's, ticked with a quantity, and ones named by hand."""
        self.order_paid = QLabel()
        self.order_paid.setObjectName("caseOrderPaid")
        self.order_paid.setEnabled(False)
        self.items = QTableWidget(0, 3)
        self.items.setObjectName("caseItems")
        self.items.setHorizontalHeaderLabels([self.tr("Item"), self.tr("Bought"), self.tr("Claimed")])
        self.items.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.items.verticalHeader().setVisible(False)
        header = self.items.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.items.setMinimumHeight(90)
        self.items.setMaximumHeight(200)
        self.no_items = QLabel(self.tr("Pick an order to choose its items, or name them below."))
        self.no_items.setObjectName("caseNoItems")
        self.no_items.setEnabled(False)
        self.new_item = QLineEdit()
        self.new_item.setObjectName("caseNewItem")
        self.new_item.setMaxLength(200)
        self.new_item.setPlaceholderText(self.tr("Item name, then Enter"))
        self.new_item.returnPressed.connect(self.add_named_item)
        self.add_item = QPushButton(self.tr("Add item"))
        self.add_item.setObjectName("caseAddItem")
        self.add_item.setAutoDefault(False)
        self.add_item.clicked.connect(self.add_named_item)

    def _shipping_fields(self) -> None:
        """Free shipping, who pays the return (by the rule, or set by hand), the parcel."""
        self.free_shipping = QCheckBox(self.tr("Sold with free shipping"))
        self.free_shipping.setObjectName("caseFreeShipping")
        self.carrier = self._line("caseCarrier")
        self.tracking = self._line("caseTracking")
        self.surface = QCheckBox(self.tr("Sent back by surface mail"))
        self.surface.setObjectName("caseSurfaceMail")
        self.sentence = QLabel()
        self.sentence.setObjectName("caseShippingSentence")
        self.sentence.setWordWrap(True)
        self.payer = QComboBox()
        self.payer.setObjectName("caseShippingPayer")
        self.payer.addItem(self.tr("As the rule says"))
        for code, name in payers().items():
            self.payer.addItem(name, code)
        for combo in (self.kind, self.responsibility, self.payer):
            combo.currentIndexChanged.connect(lambda _i: self._update_sentence())
        self.free_shipping.toggled.connect(lambda _b: self._update_sentence())

    def _details(self) -> QWidget:
        """The form's three boxes and its description, laid out in two columns."""
        buyer_box = QGroupBox(self.tr("Buyer and order"))
        buyer_column = QVBoxLayout(buyer_box)
        buyer_column.setContentsMargins(0, 0, 0, 0)
        buyer_column.addWidget(self.picker)
        items_form = self.picker.form  # the items go on under the order, in the same columns
        items_form.addRow("", self.order_paid)
        items_form.addRow(self.tr("Items:"), self.items)
        items_form.addRow("", self.no_items)
        named_row = QHBoxLayout()
        named_row.addWidget(self.new_item, 1)
        named_row.addWidget(self.add_item)
        items_form.addRow("", named_row)

        case_box = QGroupBox(self.tr("Case"))
        case_form = QFormLayout(case_box)
        case_form.addRow(self.tr("Kind:"), self.kind)
        case_form.addRow(self.tr("Reason:"), self.reason)
        case_form.addRow(self.tr("Responsible:"), self.responsibility)
        case_form.addRow("", self.no_reason)
        case_form.addRow(self.tr("Refund (yuan):"), self.refund)
        case_form.addRow(self.tr("Compensation (yuan):"), self.compensation)
        case_form.addRow(self.tr("Shipping (yuan):"), self.shipping_fee)
        case_form.addRow(self.tr("Platform refund number:"), self.refund_no)
        case_form.addRow(self.tr("Handler:"), self.handler)

        ship_box = QGroupBox(self.tr("Shipping"))
        ship_form = QFormLayout(ship_box)
        ship_form.addRow("", self.free_shipping)
        ship_form.addRow(self.tr("Return shipping:"), self.sentence)
        ship_form.addRow(self.tr("Who pays:"), self.payer)
        self.carrier_label = QLabel()
        ship_form.addRow(self.carrier_label, self.carrier)
        ship_form.addRow(self.tr("Tracking number:"), self.tracking)
        ship_form.addRow("", self.surface)

        details = QWidget()
        grid = QHBoxLayout()
        left = QVBoxLayout()
        left.addWidget(buyer_box)
        left.addWidget(ship_box)
        right = QVBoxLayout()
        right.addWidget(case_box)
        right.addWidget(QLabel(self.tr("Description:")))
        right.addWidget(self.description)
        right.addStretch(1)
        grid.addLayout(left, 1)
        grid.addLayout(right, 1)
        details_col = QVBoxLayout(details)
        details_col.addLayout(grid, 1)
        details_col.addWidget(self.error)
        return details

    def _build_case_view(self, layout: QVBoxLayout) -> None:
        """An opened case: its status and deadline on top, the form, its history
        and its photos in tabs, Close beside Save."""
        self.status_panel = CaseStatusPanel(self.case.id)
        self.status_panel.changed.connect(self._status_written)
        layout.insertWidget(0, self.status_panel)
        self.evidence = EvidencePanel(self.case.id)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("caseTabs")
        self.tabs.addTab(self.details, self.tr("&Details"))
        self.tabs.addTab(self.status_panel.history_tab, self.tr("&History"))
        self.tabs.addTab(self.evidence, self.tr("&Photos"))
        layout.insertWidget(1, self.tabs, 1)
        self._close = self.buttons.addButton(Buttons.Close)
        self.save.setText(self.tr("&Save"))
        self.picker.fix_buyer()  # the buyer is the case's now

    def _become_case(self, case_id: int) -> None:
        """After a new case's first save the form stays open as that case, on
        its Photos tab, so the buyer's photos can go in straight away."""
        self.case = service.get_case(case_id)
        layout = self.layout()
        layout.removeWidget(self.details)
        self.buttons.removeButton(self._close)
        self._close.deleteLater()
        self._build_case_view(layout)
        self._close.setAutoDefault(False)
        self.load_form(self.case)
        self.show_status(self.case)
        self.tabs.setCurrentWidget(self.evidence)

    def _line(self, name: str, placeholder: str = "") -> QLineEdit:
        edit = QLineEdit()
        edit.setObjectName(name)
        edit.setPlaceholderText(placeholder)
        return edit

    # -- filling the form ------------------------------------------------------

    def _buyer_chosen(self, customer_id: int) -> None:
        self.customer_id = customer_id
        self._loading = True
        try:
            self._load_order(self.picker.order_id(), prefill=True)
        finally:
            self._loading = False
        self.error.clear_message()

    def _order_chosen(self, order_id: int | None) -> None:
        if not self._loading:
            self._load_order(order_id, prefill=self.case is None)

    def _load_order(self, order_id: int | None, prefill: bool,
                    chosen: list[service.ItemInfo] | None = None) -> None:
        """Show the order's items (all claimed in full unless `chosen` says which);
        `prefill` also takes the refund and free shipping from the order."""
        self.order = None if order_id is None else order_service.order_info(order_id)
        rows: list[tuple[int | None, str, int, int, bool]] = []  # id, title, bought, claimed, on
        picked = {i.order_item_id: i.quantity for i in chosen or [] if i.order_item_id is not None}
        for it in [] if self.order is None else self.order.items:
            if chosen is None:
                rows.append((it.id, it.title, it.quantity, it.quantity, True))
            else:
                rows.append((it.id, it.title, it.quantity, picked.get(it.id, it.quantity),
                             it.id in picked))
        if chosen is None:  # another order picked: the items named by hand stay
            named = [(t, q) for item_id, t, q in self._item_rows() if item_id is None]
        else:
            named = [(it.title, it.quantity) for it in chosen if it.order_item_id is None]
        rows += [(None, title, 0, qty, True) for title, qty in named]
        self.items.setRowCount(0)
        for row in rows:
            self._add_item_row(*row)
        self._items_shown()
        if self.order is None:
            self.order_paid.clear()
        else:
            self.order_paid.setText(self.tr("The buyer paid {amount} (shipping {shipping}).").format(
                amount=fmt.money(self.order.amount_fen), shipping=fmt.money(self.order.shipping_fen)))
        if prefill and self.order is not None:
            self.refund.setText(yuan_text(self.order.amount_fen))
            self.free_shipping.setChecked(self.order.free_shipping)

    def load_form(self, case: service.CaseDetail) -> None:
        """Put the case's fields into the form."""
        self._loading = True
        try:
            self.picker.choose_order(case.order_id)
            self._load_order(case.order_id, prefill=False, chosen=case.items)
            self.kind.setCurrentIndex(max(0, self.kind.findData(case.kind)))
            self.reason.setCurrentIndex(max(0, self.reason.findData(case.reason)))
            self.responsibility.setCurrentIndex(max(0, self.responsibility.findData(case.responsibility)))
            self.no_reason.setChecked(case.no_reason_return)
            self.refund.setText(yuan_text(case.refund_fen))
            self.compensation.setText(yuan_text(case.compensation_fen))
            self.shipping_fee.setText(yuan_text(case.shipping_fen))
            self.refund_no.setText(case.platform_refund_no)
            self.handler.setText(case.handler)
            self.free_shipping.setChecked(case.free_shipping)
            reissue = case.kind == "reissue"
            self.carrier.setText(case.reissue_carrier if reissue else case.return_carrier)
            self.tracking.setText(case.reissue_tracking_no if reissue else case.return_tracking_no)
            self.surface.setChecked(case.return_by_surface)
            self.description.setPlainText(case.description)
            self.payer.setCurrentIndex(max(0, self.payer.findData(case.shipping_payer))
                                       if case.shipping_payer_override else 0)
        finally:
            self._loading = False
        for edit in (self.refund, self.compensation, self.shipping_fee):
            edit.setStyleSheet("")
        self._carrier_title()
        self._update_sentence()
        self._shown = self._raw()
        self._form_version = case.version  # what a save checks (desk/ui/conflict.py)

    def _raw(self) -> tuple:
        """Everything the form shows, to tell whether the user has touched it."""
        return (self.picker.order_id(), tuple(self._items()), self.kind.currentData(),
                self.reason.currentData(), self.responsibility.currentData(),
                self.no_reason.isChecked(), self.refund.text(), self.compensation.text(),
                self.shipping_fee.text(), self.refund_no.text(), self.handler.text(),
                self.free_shipping.isChecked(), self.carrier.text(), self.tracking.text(),
                self.surface.isChecked(), self.description.toPlainText(), self.payer.currentData())

    def _reason_chosen(self, _index: int) -> None:
        """A new case takes the reason's defaults: a quality fault is the shop's."""
        if self.case is not None:
            return
        code = self.reason.currentData()
        if code is None:
            return
        self.responsibility.setCurrentIndex(
            self.responsibility.findData("seller" if self._quality.get(code) else "buyer"))
        self.no_reason.setChecked(self._no_reason.get(code, False))

    def _carrier_title(self) -> None:
        self.carrier_label.setText(self.tr("Reissue carrier:") if self.kind.currentData() == "reissue"
                                   else self.tr("Return carrier:"))

    def _update_sentence(self) -> None:
        """Who pays the return shipping, in words, for the form as it is now."""
        payer = self.payer.currentData()
        if payer is not None:
            template = shipping.OVERRIDE_TEMPLATES[payer]
        else:
            template = shipping.rule_for(self.free_shipping.isChecked(),
                                         self.responsibility.currentData(),
                                         self.kind.currentData()).template
        self.sentence.setText(translate("Shipping", template))

    def _add_item_row(self, item_id: int | None, title: str, bought: int, claimed: int,
                      on: bool) -> None:
        r = self.items.rowCount()
        self.items.insertRow(r)
        cell = QTableWidgetItem(title)
        cell.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
        cell.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)
        cell.setData(ItemIdRole, item_id)
        if item_id is None:
            cell.setToolTip(self.tr("Named by hand; untick it to leave it off the case."))
        self.items.setItem(r, 0, cell)
        self.items.setItem(r, 1, QTableWidgetItem(str(bought) if bought else ""))
        spin = QSpinBox()
        spin.setObjectName(f"caseItemQty_{r}")
        spin.setRange(1, bought or cleaning.ITEM_QTY_MAX)
        spin.setValue(max(1, claimed))
        self.items.setCellWidget(r, 2, spin)

    def _items_shown(self) -> None:
        has = self.items.rowCount() > 0
        self.items.setVisible(has)
        self.no_items.setVisible(not has)

    def add_named_item(self) -> None:
        """An item typed by hand (a case without an order, or something the
        order does not list)."""
        title = " ".join(self.new_item.text().split())
        if not title:
            return
        self._add_item_row(None, title, 0, 1, True)
        self._items_shown()
        self.new_item.clear()

    def _item_rows(self) -> list[tuple[int | None, str, int]]:
        """(order item id or None, title, claimed) of the ticked rows."""
        out = []
        for r in range(self.items.rowCount()):
            cell = self.items.item(r, 0)
            if cell is None or cell.checkState() != Qt.CheckState.Checked:
                continue
            out.append((cell.data(ItemIdRole), cell.text(), self.items.cellWidget(r, 2).value()))
        return out

    def _items(self) -> list[tuple[int | str, int]]:
        return [(item_id if item_id is not None else title, qty)
                for item_id, title, qty in self._item_rows()]

    # -- the case's status ------------------------------------------------------------

    def show_status(self, case: service.CaseDetail) -> None:
        self.setWindowTitle(self.tr("Case {case_no}").format(case_no=case.case_no))
        self.status_panel.show_case(case)

    def _status_written(self) -> None:
        """The status panel moved, settled or remarked on the case."""
        self.saved = True
        self._on_change("case", frozenset())

    def _on_change(self, entity: str, ids) -> None:
        if (not self.isVisible() or self.case is None or entity != "case"
                or (ids and self.case_id not in ids)):
            return
        try:
            case = service.get_case(self.case_id)
        except UserError:
            return  # gone: the dialog keeps what it showed
        untouched = self._raw() == self._shown
        self.case = case
        if untouched:  # not being edited: follow an undo or another window
            self.load_form(case)
        self.show_status(case)

    # -- writing ----------------------------------------------------------------------

    def _collect(self) -> dict[str, Any] | None:
        """The form's values for the services, or None after showing what is wrong."""
        parsed, problems = check_amounts([(self.tr("Refund:"), self.refund),
                                          (self.tr("Compensation:"), self.compensation),
                                          (self.tr("Shipping:"), self.shipping_fee)])
        if problems:
            self.error.show_message("\n".join(problems))
            return None
        return {
            "kind": self.kind.currentData(), "reason": self.reason.currentData(),
            "order_id": self.picker.order_id(),
            "responsibility": self.responsibility.currentData(), "items": self._items(),
            "refund_fen": parsed[self.refund], "compensation_fen": parsed[self.compensation],
            "shipping_fen": parsed[self.shipping_fee], "platform_refund_no": self.refund_no.text(),
            "handler": self.handler.text(), "free_shipping": self.free_shipping.isChecked(),
            "no_reason_return": self.no_reason.isChecked(),
            "return_by_surface": self.surface.isChecked(),
            "description": self.description.toPlainText(),
        }

    def save_clicked(self) -> None:
        if self.customer_id is None:
            self.error.show_message(self.tr(
                "Choose the buyer first: search by nickname, phone or order number."))
            return
        values = self._collect()
        if values is None:
            return
        try:
            if self.case is None:
                self._open(values)
            else:
                self._update(values)
        except UserError as e:
            self.error.show_error(e)
            return
        self.error.clear_message()

    def _open(self, values: dict[str, Any]) -> None:
        cid, payer = self.customer_id, self.payer.currentData()
        values = dict(values, carrier=self.carrier.text(), tracking_no=self.tracking.text())
        self.case_id = history.run(self.tr("Open after-sales case"),
                                   lambda: steps.open_case_step(cid, payer=payer, **values))
        self.saved = True
        from desk.ui import selection as current

        current.set_case(self.case_id)
        self._become_case(self.case_id)

    def done(self, result: int) -> None:
        from desk.ui import selection as current

        current.set_case(None)  # back to the buyer
        super().done(result)

    def _update(self, values: dict[str, Any]) -> None:
        case_id, payer = self.case.id, self.payer.currentData()
        carrier, tracking = self.carrier.text(), self.tracking.text()
        # checks the version the form read: a change saved meanwhile asks reload or overwrite
        write = conflict.guarded(
            self, lambda version: steps.edit_case_step(case_id, version=version, payer=payer,
                                                       carrier=carrier, tracking_no=tracking,
                                                       **values),
            self._form_version, reload=self._reload_now)
        changed = history.run(self.tr("Edit case {case_no}").format(case_no=self.case.case_no),
                              write)
        if not changed:
            return
        self.saved = True
        self._reload_now()

    def _reload_now(self) -> None:
        case = service.get_case(self.case_id)
        self.case = case
        self.load_form(case)
        self.show_status(case)

    def answer(self) -> int | None:
        return self.case_id if self.saved else None

    @classmethod
    def ask(cls, parent: QWidget | None, case_id: int | None = None,
            customer_id: int | None = None, order_id: int | None = None) -> int | None:
        """Open a new case (for a customer, one of their orders, or a buyer picked
        in the form) or show an existing one; the case's id when it was saved."""
        try:
            dialog = cls(case_id, customer_id, order_id, parent)
        except UserError as e:
            show_user_error(parent, user_message(e))
            return None
        return dialog.run_modal()
