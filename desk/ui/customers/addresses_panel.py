"""One customer's shipping addresses on their page: the list (the default
first, in bold) with adding, editing, removing and choosing the default."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QAbstractItemView, QHBoxLayout, QTableWidgetItem, QVBoxLayout, QWidget

from desk.core.customers import service
from desk.core.customers.service import AddressInfo
from desk.core.errors import UserError
from desk.core.history import Step
from desk.ui import conflict
from desk.ui import undo as history
from desk.ui.ask import InlineError
from desk.ui.customers.address_dialog import AddressDialog
from desk.ui.customers.parts import button, table

RowIdRole = Qt.ItemDataRole.UserRole  # on the first cell of a row
DefaultRole = Qt.ItemDataRole.UserRole + 1


class AddressesPanel(QWidget):
    """Shows the addresses it is given (`show_addresses`) and makes every
    change through a core write that returns its undo step; `changed` is
    emitted after a change went through. The page refreshes it from the
    change bus."""

    changed = Signal()

    def __init__(self, customer_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("addressesPanel")
        self.customer_id = customer_id
        self.table = table("customerAddresses", [
            self.tr("Receiver"), self.tr("Phone"), self.tr("Address"), ""])
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.activated.connect(lambda _index: self.edit_clicked())
        self.table.itemSelectionChanged.connect(self._buttons)
        self.add = button("customerAddAddress", self.tr("Add add&ress…"), self.add_clicked)
        self.edit = button("customerEditAddress", self.tr("Ed&it…"), self.edit_clicked)
        self.remove = button("customerRemoveAddress", self.tr("Re&move"), self.remove_clicked)
        self.make_default = button("customerDefaultAddress", self.tr("Make de&fault"),
                                   self.default_clicked)
        self.error = InlineError("customerAddressError")
        buttons = QHBoxLayout()
        for w in (self.add, self.edit, self.remove, self.make_default):
            buttons.addWidget(w)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.error)
        layout.addLayout(buttons)
        self._buttons()

    # -- showing ----------------------------------------------------------------

    def show_addresses(self, rows: Sequence[AddressInfo]) -> None:
        current = self.current_address()
        self.table.setRowCount(len(rows))
        bold = QFont(self.table.font())
        bold.setBold(True)
        for r, a in enumerate(rows):
            place = f"{a.province}{a.city}{a.district} {a.detail}".strip()
            first = QTableWidgetItem(a.receiver)
            first.setData(RowIdRole, a.id)
            first.setData(DefaultRole, a.is_default)
            items = (first, QTableWidgetItem(a.phone), QTableWidgetItem(place),
                     QTableWidgetItem(self.tr("Default") if a.is_default else ""))
            for col, item in enumerate(items):
                if a.is_default:
                    item.setFont(bold)
                self.table.setItem(r, col, item)
            if a.id == current:
                self.table.selectRow(r)
        self._buttons()

    def current_address(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        return self.table.item(rows[0].row(), 0).data(RowIdRole)

    def _buttons(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        chosen = bool(rows)
        self.edit.setEnabled(chosen)
        self.remove.setEnabled(chosen)
        is_default = chosen and bool(self.table.item(rows[0].row(), 0).data(DefaultRole))
        self.make_default.setEnabled(chosen and not is_default)

    # -- writing ----------------------------------------------------------------

    def _record(self, text: str, write: Callable[[], tuple[Any, Step]]) -> None:
        """One change through a core write returning its undo step; a UserError
        propagates (the address form shows it) and nothing is recorded."""
        history.run(text, write)
        self.changed.emit()

    def _run(self, text: str, write: Callable[[], tuple[Any, Step]]) -> None:
        """_record(), with a UserError shown under the list."""
        try:
            self._record(text, write)
        except UserError as e:
            self.error.show_error(e)
            return
        self.error.clear_message()

    def add_clicked(self) -> None:
        cid = self.customer_id

        def save(values: dict) -> None:
            self._record(self.tr("Add address"), lambda: service.add_address_step(cid, **values))

        if AddressDialog.ask(self, None, save) is not None:
            self.error.clear_message()

    def edit_clicked(self) -> None:
        address_id = self.current_address()
        if address_id is None:
            return
        try:
            shown = service.get_address(address_id)
        except UserError as e:
            self.error.show_error(e)
            return

        def save(values: dict) -> None:
            self._record(self.tr("Edit address"), conflict.guarded(
                self, lambda v: service.update_address_step(address_id, version=v, **values),
                shown.version))

        form = {name: getattr(shown, name) for name in service.ADDRESS_FIELDS}
        if AddressDialog.ask(self, form, save) is not None:
            self.error.clear_message()

    def remove_clicked(self) -> None:
        address_id = self.current_address()
        if address_id is not None:
            self._run(self.tr("Remove address"), lambda: service.remove_address_step(address_id))

    def default_clicked(self) -> None:
        address_id = self.current_address()
        if address_id is not None:
            self._run(self.tr("Make address the default"),
                      lambda: service.make_default_address_step(address_id))
