"""Choosing a case's buyer and order: the buyer's name, a search over the
customers (nickname, phone, order or tracking number) while the buyer is not
fixed, and the buyer's orders, newest first, each with what was in it."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QWidget,
)

from desk.core import timeutil
from desk.core.customers import search
from desk.core.customers import service as customers
from desk.core.orders import service as order_service
from desk.ui import fmt, labels

CustomerIdRole = Qt.ItemDataRole.UserRole  # on a buyer search result
SEARCH_LIMIT = 20
ORDER_TITLES_SHOWN = 2  # items named in the order list; all of them on hover


class BuyerPicker(QWidget):
    """The buyer and order rows of the case form. `buyer_chosen` is emitted
    when the user picks a buyer from the search, `order_chosen` when they pick
    another order (its id, or None for no order); filling it from code emits
    neither."""

    buyer_chosen = Signal(int)
    order_chosen = Signal(object)

    def __init__(self, customer_id: int | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("caseBuyerPicker")
        self.customer_id = customer_id
        self.buyer = QLabel()
        self.buyer.setObjectName("caseBuyer")
        self.search = QLineEdit()
        self.search.setObjectName("caseBuyerSearch")
        self.search.setPlaceholderText(
            self.tr("Find the buyer: nickname, phone, order or tracking number…"))
        self.search.textEdited.connect(self._search)
        self.results = QListWidget()
        self.results.setObjectName("caseBuyerResults")
        self.results.setMaximumHeight(110)
        self.results.currentItemChanged.connect(self._picked)
        self.orders = QComboBox()
        self.orders.setObjectName("caseOrder")
        self.orders.currentIndexChanged.connect(
            lambda _i: self.order_chosen.emit(self.orders.currentData()))
        # the rows' layout: the form that holds the picker may go on with rows of its own
        self.form = QFormLayout(self)
        self.form.addRow(self.tr("Buyer:"), self.buyer)
        self.form.addRow(self.tr("Find:"), self.search)
        self.form.addRow("", self.results)
        self.form.addRow(self.tr("Order:"), self.orders)
        if customer_id is not None:
            self.fix_buyer()
        self.set_buyer(customer_id)

    def fix_buyer(self) -> None:
        """The buyer can no longer change (a case's, or one the form was opened for)."""
        self.form.setRowVisible(self.search, False)
        self.form.setRowVisible(self.results, False)

    def order_id(self) -> int | None:
        return self.orders.currentData()

    def choose_order(self, order_id: int | None) -> None:
        """Select an order (None or one not listed: no order) without emitting."""
        self.orders.blockSignals(True)
        self.orders.setCurrentIndex(max(0, self.orders.findData(order_id)))
        self.orders.blockSignals(False)

    def choose_newest(self) -> None:
        """A new case is most often about the buyer's latest order: chosen for them."""
        if self.orders.count() > 1:
            self.choose_order(self.orders.itemData(1))

    def set_buyer(self, customer_id: int | None) -> None:
        """The buyer's name and their orders in the order list (no order chosen)."""
        self.customer_id = customer_id
        self.orders.blockSignals(True)
        self.orders.clear()
        self.orders.addItem(self.tr("No order"))
        if customer_id is None:
            self.buyer.setText(self.tr("Not chosen yet"))
        else:
            who = customers.get(customer_id)
            self.buyer.setText(self.tr("{nickname} ({platform})").format(
                nickname=who.nickname, platform=labels.label(labels.platforms(), who.platform)))
            for order in order_service.order_choices(customer_id):
                what = "、".join(order.titles[:ORDER_TITLES_SHOWN])
                if len(order.titles) > ORDER_TITLES_SHOWN:
                    what += "…"
                self.orders.addItem(self.tr("{placed} · {what} · {amount} · {order_no}").format(
                    order_no=order.order_no, placed=fmt.day(timeutil.to_epoch(order.placed_at)),
                    amount=fmt.money(order.amount_fen), what=what or self.tr("no items")), order.id)
                self.orders.setItemData(self.orders.count() - 1, "\n".join(order.titles),
                                        Qt.ItemDataRole.ToolTipRole)
        self.orders.blockSignals(False)

    def _search(self, text: str) -> None:
        self.results.clear()
        if not text.strip():
            return
        for match in search.find(text, limit=SEARCH_LIMIT):
            item = QListWidgetItem(self.tr("{nickname} · {platform} · {phone}").format(
                nickname=match.nickname, platform=labels.label(labels.platforms(), match.platform),
                phone=match.phone or "—"))
            item.setData(CustomerIdRole, match.id)
            self.results.addItem(item)

    def _picked(self, item: QListWidgetItem | None, _previous=None) -> None:
        if item is None:
            return
        self.set_buyer(item.data(CustomerIdRole))
        self.choose_newest()
        self.buyer_chosen.emit(self.customer_id)
