"""The after-sales case form: open a case (from a customer, one of their orders,
or from scratch) or edit one; move it through the status flow, settle it, and
see its timeline, next deadline and photos. Every change can be undone where
the status flow allows it."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desk.core import changes, settings, timeutil
from desk.core.aftersales import deadlines, flow, service, shipping
from desk.core.aftersales.models import CASE_STATUSES, RESPONSIBILITIES
from desk.core.base import database
from desk.core.customers import search
from desk.core.customers import service as customers
from desk.core.errors import UserError
from desk.ui import conflict, fmt, labels, screenfit
from desk.ui import undo as history
from desk.ui.aftersales.case_settle import (
    CaseSettleDialog,
    check_amounts,
    yuan_text,
)
from desk.ui.aftersales.evidence import EvidencePanel
from desk.ui.bus import bus
from desk.ui.errors import ERROR_STYLE, show_user_error, user_message

translate = QCoreApplication.translate

ItemIdRole = Qt.ItemDataRole.UserRole  # on an item's title cell: its order item id (None: named)
CustomerIdRole = Qt.ItemDataRole.UserRole  # on a buyer search result
SEARCH_LIMIT = 20
ORDER_TITLES_SHOWN = 2  # items named in the order list; all of them on hover
COMMENT_DIALOG_WIDTH = 460
URGENCY_STYLES = {
    deadlines.OVERDUE: "background: #c62828; color: white; padding: 2px 6px;",
    deadlines.TODAY: "background: #ef6c00; color: white; padding: 2px 6px;",
    deadlines.SOON: "background: #fbc02d; color: black; padding: 2px 6px;",
    deadlines.FINE: "background: #2e7d32; color: white; padding: 2px 6px;",
    deadlines.NONE: "",
}


def responsibilities() -> dict[str, str]:
    return {
        "seller": translate("CaseDialog", "The shop"),
        "buyer": translate("CaseDialog", "The buyer"),
        "carrier": translate("CaseDialog", "The carrier"),
        "supplier": translate("CaseDialog", "The supplier"),
    }


def payers() -> dict[str, str]:
    """Who pays the return shipping, for the override list and the timeline."""
    return {
        shipping.SELLER: translate("CaseDialog", "The shop pays the return"),
        shipping.SELLER_BOTH: translate("CaseDialog", "The shop pays both ways"),
        shipping.BUYER: translate("CaseDialog", "The buyer pays the return"),
        shipping.BUYER_RETURN: translate("CaseDialog", "The buyer pays the return, the shop the replacement"),
        shipping.BUYER_BOTH: translate("CaseDialog", "The buyer pays both ways"),
        shipping.NOBODY: translate("CaseDialog", "Nobody pays"),
    }


def form_values(case: service.CaseDetail) -> dict[str, Any]:
    """A case's editable fields as update_case takes them (the undo of an edit)."""
    values = {name: getattr(case, name) for name in service.EDITABLE if name != "items"}
    values["items"] = [(i.order_item_id if i.order_item_id is not None else i.title, i.quantity)
                       for i in case.items]
    return values


class CaseDialog(QDialog):
    """One after-sales case, new or existing. Writes go through the after-sales
    services and onto the app's undo history; the dialog follows the change bus."""

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
            customer_id = service.order_info(order_id).customer_id
        self.customer_id = customer_id
        self.order: service.OrderInfo | None = None
        from desk.ui import selection as current
        from desk.ui.replies.palette import add_action

        add_action(self)  # F9 here too: a modal dialog holds the main window's shortcuts
        if case_id is not None:
            current.set_case(case_id)
        elif customer_id is not None:
            current.set_customer(customer_id)

        # buyer and order
        self.buyer = QLabel()
        self.buyer.setObjectName("caseBuyer")
        self.buyer_search = QLineEdit()
        self.buyer_search.setObjectName("caseBuyerSearch")
        self.buyer_search.setPlaceholderText(
            self.tr("Find the buyer: nickname, phone, order or tracking number…"))
        self.buyer_search.textEdited.connect(self._search_buyers)
        self.buyer_results = QListWidget()
        self.buyer_results.setObjectName("caseBuyerResults")
        self.buyer_results.setMaximumHeight(110)
        self.buyer_results.currentItemChanged.connect(self._buyer_chosen)
        self.order_combo = QComboBox()
        self.order_combo.setObjectName("caseOrder")
        self.order_combo.currentIndexChanged.connect(self._order_chosen)
        self.order_paid = QLabel()
        self.order_paid.setObjectName("caseOrderPaid")
        self.order_paid.setEnabled(False)

        # what the case is
        self.kind = QComboBox()
        self.kind.setObjectName("caseKind")
        for code, name in labels.case_kinds().items():
            self.kind.addItem(name, code)
        self.reason = QComboBox()
        self.reason.setObjectName("caseReason")
        current_reason = None if self.case is None else self.case.reason
        self._quality: dict[str, bool] = {}
        self._no_reason: dict[str, bool] = {}
        for r in service.reasons(include_inactive=True):
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

        self.refund = self._line("caseRefund", "0.00")
        self.compensation = self._line("caseCompensation", "0.00")
        self.shipping_fee = self._line("caseShippingFee", "0.00")
        self.refund_no = self._line("caseRefundNo")
        self.handler = self._line("caseHandler")
        self.free_shipping = QCheckBox(self.tr("Sold with free shipping"))
        self.free_shipping.setObjectName("caseFreeShipping")
        self.carrier = self._line("caseCarrier")
        self.tracking = self._line("caseTracking")
        self.surface = QCheckBox(self.tr("Sent back by surface mail"))
        self.surface.setObjectName("caseSurfaceMail")
        self.description = QPlainTextEdit()
        self.description.setObjectName("caseDescription")
        self.description.setPlaceholderText(self.tr("What happened, in the buyer's words and yours"))
        self.description.setMaximumHeight(80)
        self.description.setTabChangesFocus(True)

        self.sentence = QLabel()
        self.sentence.setObjectName("caseShippingSentence")
        self.sentence.setWordWrap(True)
        self.payer = QComboBox()
        self.payer.setObjectName("caseShippingPayer")
        self.payer.addItem(self.tr("As the rule says"))
        for code, name in payers().items():
            self.payer.addItem(name, code)

        self.error = QLabel()
        self.error.setObjectName("caseError")
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        self.error.hide()
        self.save = QPushButton(self.tr("&Save") if self.case else self.tr("&Open case"))
        self.save.setObjectName("caseSave")
        self.save.setAutoDefault(False)
        self.save.clicked.connect(lambda _=False: self.save_clicked())

        for combo in (self.kind, self.responsibility, self.payer):
            combo.currentIndexChanged.connect(lambda _i: self._update_sentence())
        self.free_shipping.toggled.connect(lambda _b: self._update_sentence())
        self.reason.currentIndexChanged.connect(self._reason_chosen)
        self.kind.currentIndexChanged.connect(lambda _i: self._carrier_title())

        buyer_box = QGroupBox(self.tr("Buyer and order"))
        buyer_form = self.buyer_form = QFormLayout(buyer_box)
        buyer_form.addRow(self.tr("Buyer:"), self.buyer)
        buyer_form.addRow(self.tr("Find:"), self.buyer_search)
        buyer_form.addRow("", self.buyer_results)
        if self.customer_id is not None:  # the buyer is fixed
            buyer_form.setRowVisible(self.buyer_search, False)
            buyer_form.setRowVisible(self.buyer_results, False)
        buyer_form.addRow(self.tr("Order:"), self.order_combo)
        buyer_form.addRow("", self.order_paid)
        buyer_form.addRow(self.tr("Items:"), self.items)
        buyer_form.addRow("", self.no_items)
        named_row = QHBoxLayout()
        named_row.addWidget(self.new_item, 1)
        named_row.addWidget(self.add_item)
        buyer_form.addRow("", named_row)

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
        self.details = screenfit.scrolling(details, "caseDetailsScroll")

        # Save (or Open case) and Cancel (or Close) on one row, always on screen
        self.buttons = QDialogButtonBox()
        self.buttons.setObjectName("caseButtons")
        self.buttons.addButton(self.save, QDialogButtonBox.ButtonRole.ApplyRole)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        if self.case is None:
            self.setWindowTitle(self.tr("New after-sales case"))
            layout.addWidget(self.details, 1)
            self._close = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        else:
            self._build_case_view(layout)
        self._close.setAutoDefault(False)
        layout.addWidget(self.buttons)
        screenfit.first_size(self, 1000, 720)

        history.add_actions(self)
        self._loading = True
        try:
            self._fill_buyer()
            if self.case is None:
                self.handler.setText(settings.get("handler"))
                self._reason_chosen(self.reason.currentIndex())
                if order_id is not None:
                    self.order_combo.setCurrentIndex(max(0, self.order_combo.findData(order_id)))
                else:
                    self._newest_order()
                self._load_order(self.order_combo.currentData(), prefill=True)
        finally:
            self._loading = False
        if self.case is not None:
            self.load_form(self.case)
            self.reload_status(self.case)
        self._carrier_title()
        self._update_sentence()
        bus().changed.connect(self._on_change)

    def _build_case_view(self, layout: QVBoxLayout) -> None:
        """An opened case: its status and deadline on top, the form, its history
        and its photos in tabs, Close beside Save."""
        layout.insertLayout(0, self._status_area())
        self.timeline = QTableWidget(0, 5)
        self.timeline.setObjectName("caseTimeline")
        self.timeline.setHorizontalHeaderLabels(  # By: the staff name of the seat that wrote it
            [self.tr("Time"), self.tr("Change"), self.tr("Handler"), self.tr("By"), self.tr("Comment")])
        self.timeline.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.timeline.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.timeline.verticalHeader().setVisible(False)
        self.timeline.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.timeline.horizontalHeader().setStretchLastSection(True)
        self.evidence = EvidencePanel(self.case.id)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("caseTabs")
        self.tabs.addTab(self.details, self.tr("&Details"))
        self.tabs.addTab(self._history_tab(), self.tr("&History"))
        self.tabs.addTab(self.evidence, self.tr("&Photos"))
        layout.insertWidget(1, self.tabs, 1)
        self._close = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.save.setText(self.tr("&Save"))
        self.buyer_form.setRowVisible(self.buyer_search, False)  # the buyer is the case's now
        self.buyer_form.setRowVisible(self.buyer_results, False)

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
        self.reload_status(self.case)
        self.tabs.setCurrentWidget(self.evidence)

    def _newest_order(self) -> None:
        """A new case is most often about the buyer's latest order: chosen for them."""
        if self.order_combo.count() > 1:
            self.order_combo.setCurrentIndex(1)

    def _line(self, name: str, placeholder: str = "") -> QLineEdit:
        edit = QLineEdit()
        edit.setObjectName(name)
        edit.setPlaceholderText(placeholder)
        return edit

    def _status_area(self) -> QVBoxLayout:
        self.title = QLabel()
        self.title.setObjectName("caseTitle")
        font = self.title.font()
        font.setBold(True)
        if font.pointSizeF() > 0:
            font.setPointSizeF(font.pointSizeF() * 1.2)
        self.title.setFont(font)
        self.status = QLabel()
        self.status.setObjectName("caseStatus")
        self.deadline = QLabel()
        self.deadline.setObjectName("caseDeadline")
        self.status_error = QLabel()
        self.status_error.setObjectName("caseStatusError")
        self.status_error.setStyleSheet(ERROR_STYLE)
        self.status_error.setWordWrap(True)
        self.status_error.hide()
        self.status_buttons: dict[str, QPushButton] = {}
        buttons = QHBoxLayout()
        buttons.addWidget(QLabel(self.tr("Move to:")))
        for code in CASE_STATUSES:
            button = QPushButton()
            button.setObjectName(f"caseStatus_{code}")
            button.setAutoDefault(False)
            button.clicked.connect(lambda _=False, c=code: self.change_status(c))
            self.status_buttons[code] = button
            buttons.addWidget(button)
        self.settle_button = QPushButton(self.tr("S&ettle…"))
        self.settle_button.setObjectName("caseSettle")
        self.settle_button.setAutoDefault(False)
        self.settle_button.clicked.connect(lambda _=False: self.settle_clicked())
        buttons.addWidget(self.settle_button)
        buttons.addStretch(1)
        top = QHBoxLayout()
        top.addWidget(self.title)
        top.addWidget(self.status)
        top.addStretch(1)
        top.addWidget(self.deadline)
        col = QVBoxLayout()
        col.addLayout(top)
        col.addLayout(buttons)
        col.addWidget(self.status_error)
        return col

    # -- filling the form ------------------------------------------------------

    def _fill_buyer(self) -> None:
        """The buyer's name and their orders in the order list."""
        self.order_combo.blockSignals(True)
        self.order_combo.clear()
        self.order_combo.addItem(self.tr("No order"))
        if self.customer_id is None:
            self.buyer.setText(self.tr("Not chosen yet"))
        else:
            who = customers.get(self.customer_id)
            self.buyer.setText(self.tr("{nickname} ({platform})").format(
                nickname=who.nickname, platform=labels.label(labels.platforms(), who.platform)))
            for order in service.order_choices(self.customer_id):
                what = "、".join(order.titles[:ORDER_TITLES_SHOWN])
                if len(order.titles) > ORDER_TITLES_SHOWN:
                    what += "…"
                self.order_combo.addItem(self.tr("{placed} · {what} · {amount} · {order_no}").format(
                    order_no=order.order_no, placed=fmt.day(timeutil.to_epoch(order.placed_at)),
                    amount=fmt.money(order.amount_fen), what=what or self.tr("no items")), order.id)
                self.order_combo.setItemData(self.order_combo.count() - 1, "\n".join(order.titles),
                                             Qt.ItemDataRole.ToolTipRole)
        self.order_combo.blockSignals(False)

    def _search_buyers(self, text: str) -> None:
        self.buyer_results.clear()
        if not text.strip():
            return
        for match in search.find(text, limit=SEARCH_LIMIT):
            item = QListWidgetItem(self.tr("{nickname} · {platform} · {phone}").format(
                nickname=match.nickname, platform=labels.label(labels.platforms(), match.platform),
                phone=match.phone or "—"))
            item.setData(CustomerIdRole, match.id)
            self.buyer_results.addItem(item)

    def _buyer_chosen(self, item: QListWidgetItem | None, _previous=None) -> None:
        if item is None:
            return
        self.customer_id = item.data(CustomerIdRole)
        self._loading = True
        try:
            self._fill_buyer()
            self._newest_order()
            self._load_order(self.order_combo.currentData(), prefill=True)
        finally:
            self._loading = False
        self.error.hide()

    def _order_chosen(self, _index: int) -> None:
        if not self._loading:
            self._load_order(self.order_combo.currentData(), prefill=self.case is None)

    def _load_order(self, order_id: int | None, prefill: bool,
                    chosen: list[service.ItemInfo] | None = None) -> None:
        """Show the order's items (all claimed in full unless `chosen` says which);
        `prefill` also takes the refund and free shipping from the order."""
        self.order = None if order_id is None else service.order_info(order_id)
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
            self.order_combo.setCurrentIndex(max(0, self.order_combo.findData(case.order_id)))
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
        return (self.order_combo.currentData(), tuple(self._items()), self.kind.currentData(),
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
        spin.setRange(1, bought or service.ITEM_QTY_MAX)
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

    # -- status area --------------------------------------------------------------

    def reload_status(self, case: service.CaseDetail) -> None:
        statuses = labels.case_statuses()
        self.setWindowTitle(self.tr("Case {case_no}").format(case_no=case.case_no))
        self.title.setText(self.tr("{case_no} · {nickname}").format(
            case_no=case.case_no, nickname=case.nickname))
        self.status.setText(labels.label(statuses, case.status))
        offered = flow.offered(case.status)
        for code, button in self.status_buttons.items():
            reopen = flow.is_reopening(case.status, code)
            button.setText(self.tr("Reopen") if reopen else labels.label(statuses, code))
            button.setVisible(code in offered)
        self.settle_button.setVisible("done" in offered)
        self._fill_timeline(case)
        self._show_deadline(case)

    def _history_tab(self) -> QWidget:
        """The timeline with a box under it for a free-text remark."""
        self.comment_box = QPlainTextEdit()
        self.comment_box.setObjectName("caseComment")
        self.comment_box.setPlaceholderText(
            self.tr("Add a remark to the history, e.g. what the buyer said on the phone (Ctrl+Enter)"))
        self.comment_box.setTabChangesFocus(True)
        self.comment_box.setFixedHeight(self.fontMetrics().lineSpacing() * 3 + 12)
        self.comment_button = QPushButton(self.tr("Add &remark"))
        self.comment_button.setObjectName("addComment")
        self.comment_button.setAutoDefault(False)
        self.comment_button.clicked.connect(self.add_comment)
        send = QShortcut(QKeySequence("Ctrl+Return"), self.comment_box)
        send.setContext(Qt.ShortcutContext.WidgetShortcut)
        send.activated.connect(self.add_comment)
        row = QHBoxLayout()
        row.addWidget(self.comment_box, 1)
        row.addWidget(self.comment_button, 0, Qt.AlignmentFlag.AlignBottom)
        tab = QWidget()
        column = QVBoxLayout(tab)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.timeline, 1)
        column.addLayout(row)
        return tab

    def add_comment(self) -> None:
        text = self.comment_box.toPlainText().strip()
        if not text:
            self.comment_box.setFocus()
            return
        case_id = self.case.id
        try:
            history.perform(self.tr("Add remark"), lambda: service.add_comment(case_id, text),
                            undo=service.remove_comment)
        except UserError as e:
            self._show_error(self.status_error, user_message(e))
            return
        self.status_error.hide()
        self.comment_box.clear()
        self._reload_status_only()

    def _fill_timeline(self, case: service.CaseDetail) -> None:
        statuses, who_pays = labels.case_statuses(), payers()
        self.timeline.setRowCount(len(case.events))
        for r, e in enumerate(case.events):
            if e.kind == "status":
                new = labels.label(statuses, e.new_status)
                change = (self.tr("Opened: {new}").format(new=new) if not e.old_status else
                          self.tr("{old} → {new}").format(old=labels.label(statuses, e.old_status),
                                                          new=new))
            elif e.kind == "payer_override":
                change = self.tr("Return shipping: {old} → {new}").format(
                    old=labels.label(who_pays, e.old_status), new=labels.label(who_pays, e.new_status))
            else:
                change = self.tr("Comment")
            for col, text in enumerate((fmt.when(timeutil.to_epoch(e.at)), change, e.handler,
                                        e.staff, e.comment)):
                self.timeline.setItem(r, col, QTableWidgetItem(text))
        self.timeline.scrollToBottom()

    def _show_deadline(self, case: service.CaseDetail) -> None:
        found = deadlines.deadlines_of(case.id) if case.deleted_at is None else []
        if not found:
            level = deadlines.NONE
            self.deadline.setText(self.tr("No deadline running"))
        else:
            now = timeutil.now()
            first = found[0]
            level = deadlines.urgency(first.at, now)
            left = first.at - now
            span = self._span(abs(left))
            self.deadline.setText(self.tr("{what}: {when} ({left})").format(
                what=translate("Deadline", first.label), when=fmt.when(timeutil.to_epoch(first.at)),
                left=(self.tr("{span} overdue") if left.total_seconds() <= 0
                      else self.tr("{span} left")).format(span=span)))
        self.deadline.setProperty("urgency", level)
        self.deadline.setStyleSheet(URGENCY_STYLES[level])

    def _span(self, delta: timedelta) -> str:
        minutes = int(delta.total_seconds()) // 60
        days, minutes = divmod(minutes, 24 * 60)
        hours, minutes = divmod(minutes, 60)
        if days:
            return self.tr("{days} d {hours} h").format(days=days, hours=hours)
        if hours:
            return self.tr("{hours} h {minutes} min").format(hours=hours, minutes=minutes)
        return self.tr("{minutes} min").format(minutes=minutes)

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
        self.reload_status(case)

    # -- writing ----------------------------------------------------------------------

    def _show_error(self, label: QLabel, message: str) -> None:
        label.setText(message)
        label.show()

    def _collect(self) -> dict[str, Any] | None:
        """The form's values for the services, or None after showing what is wrong."""
        parsed, problems = check_amounts([(self.tr("Refund:"), self.refund),
                                          (self.tr("Compensation:"), self.compensation),
                                          (self.tr("Shipping:"), self.shipping_fee)])
        if problems:
            self._show_error(self.error, "\n".join(problems))
            return None
        return {
            "kind": self.kind.currentData(), "reason": self.reason.currentData(),
            "order_id": self.order_combo.currentData(),
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
            self._show_error(self.error, self.tr(
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
            self._show_error(self.error, user_message(e))
            return
        self.error.hide()

    def _open(self, values: dict[str, Any]) -> None:
        cid, payer = self.customer_id, self.payer.currentData()
        values = dict(values, carrier=self.carrier.text(), tracking_no=self.tracking.text())
        made: list[int] = []

        def do() -> int:
            with changes.write(database):
                case_id = service.open_case(cid, **values)
                if payer is not None:
                    service.set_shipping_payer(case_id, payer)
            made.append(case_id)
            return case_id

        def again() -> int:
            service.restore(made)
            return made[0]

        self.case_id = history.perform(self.tr("Open after-sales case"), do,
                                       lambda case_id: service.move_to_trash([case_id]), again)
        self.saved = True
        from desk.ui import selection as current

        current.set_case(self.case_id)
        self._become_case(self.case_id)

    def done(self, result: int) -> None:
        from desk.ui import selection as current

        current.set_case(None)  # back to the buyer
        super().done(result)

    def _update(self, values: dict[str, Any]) -> None:
        case_id = self.case.id
        before = service.get_case(case_id)
        old = form_values(before)
        old_payer = before.shipping_payer if before.shipping_payer_override else None
        reissue = values["kind"] == "reissue"
        prefix = "reissue" if reissue else "return"
        new = dict(values)
        for name in ("return_carrier", "return_tracking_no", "reissue_carrier", "reissue_tracking_no"):
            new[name] = old[name]
        new[f"{prefix}_carrier"] = self.carrier.text()
        new[f"{prefix}_tracking_no"] = self.tracking.text()
        payer = self.payer.currentData()
        if new == old and payer == old_payer:
            return

        def write(fields: dict[str, Any], who_pays: str | None, version: int | None = None) -> None:
            with changes.write(database):
                service.update_case(case_id, version=version, **fields)
                service.set_shipping_payer(case_id, who_pays)

        history.perform(self.tr("Edit case {case_no}").format(case_no=before.case_no),
                        conflict.guarded(self, lambda v: write(new, payer, v), self._form_version,
                                         reload=self._reload_now),
                        lambda _: write(old, old_payer), lambda: write(new, payer))
        self.saved = True
        self._reload_now()

    def _reload_now(self) -> None:
        case = service.get_case(self.case_id)
        self.case = case
        self.load_form(case)
        self.reload_status(case)

    def ask_comment(self, title: str) -> str | None:
        """An optional comment for a status change; None when cancelled."""
        dialog = QInputDialog(self)
        dialog.setObjectName("caseCommentDialog")
        dialog.setWindowTitle(title)
        # the title bar may cut the title short: the label says it in full
        dialog.setLabelText(self.tr("{title}\n\nComment (optional):").format(title=title))
        dialog.setInputMode(QInputDialog.InputMode.TextInput)
        # its layout sizes it to its contents: the comment field sets the width
        width = min(max(COMMENT_DIALOG_WIDTH, dialog.fontMetrics().horizontalAdvance(title) + 200), 900)
        dialog.findChild(QLineEdit).setMinimumWidth(width)
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        text = dialog.textValue()
        dialog.deleteLater()
        return text if accepted else None

    def change_status(self, status: str) -> None:
        case_id = self.case.id
        try:
            before = service.get_case(case_id)
        except UserError as e:
            self._show_error(self.status_error, user_message(e))
            return
        old = before.status
        name = self.status_buttons[status].text()
        comment = self.ask_comment(self.tr("{case_no}: {status}").format(
            case_no=before.case_no, status=name))
        if comment is None:
            return
        undone = self.tr("undone")

        def do() -> int:
            return flow.change_status(case_id, status, comment=comment)

        try:
            # A move the flow cannot take back (new → handling) is made but not
            # put on the history: its undo would be refused anyway.
            if old in flow.offered(status):
                history.perform(self.tr("{case_no}: {status}").format(
                    case_no=before.case_no, status=name), do,
                    lambda _: flow.change_status(case_id, old, comment=undone))
            else:
                do()
        except UserError as e:
            self._show_error(self.status_error, user_message(e))
            return
        self.status_error.hide()
        self.saved = True
        self._reload_status_only()

    def _reload_status_only(self) -> None:
        case = service.get_case(self.case_id)
        self.case = case
        self.reload_status(case)

    def settle_clicked(self) -> None:
        try:
            case = service.get_case(self.case.id)
        except UserError as e:
            self._show_error(self.status_error, user_message(e))
            return
        if CaseSettleDialog.ask(self, case):
            self.status_error.hide()
            self.saved = True
            self._on_change("case", frozenset())

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
        dialog.exec()
        result = dialog.case_id if dialog.saved else None
        dialog.deleteLater()  # its parent would keep it, listening to the bus
        return result

