"""The Customers page: every buyer in one lazy table, found as you type."""

from __future__ import annotations

from PySide6.QtCore import Qt

from desk.core import settings
from desk.core.customers.listing import CUSTOMERS, search_filter
from desk.ui import fmt, labels
from desk.ui.customers.detail import CustomerDialog
from desk.ui.listpage import ListPage
from desk.ui.tablemodel import Column

RIGHT = Qt.AlignmentFlag.AlignRight


class CustomersPage(ListPage):
    entities = ("customer", "order", "case", "tag")

    def __init__(self, parent=None) -> None:
        platforms, lifecycles = labels.platforms(), labels.lifecycles()
        columns = [
            Column("nickname", lambda: self.tr("Nickname")),
            Column("platform", lambda: self.tr("Platform"), lambda v: labels.label(platforms, v)),
            Column("lifecycle", lambda: self.tr("Group"), lambda v: labels.label(lifecycles, v)),
            Column("phone", lambda: self.tr("Phone"), lambda v: fmt.phone(v, self._masked)),
            Column("order_count", lambda: self.tr("Orders"), fmt.count, RIGHT),
            Column("total_spent_fen", lambda: self.tr("Total spend"), fmt.money, RIGHT),
            Column("last_order_at", lambda: self.tr("Last order"), fmt.day),
            Column("open_case_count", lambda: self.tr("Open cases"), fmt.count, RIGHT),
            Column("region", lambda: self.tr("Region")),
        ]
        super().__init__("customersPage", self.tr("Customers"), CUSTOMERS, columns, parent)
        self._masked = settings.get("mask_phones")
        self.search.setPlaceholderText(self.tr("Search nickname, name, phone or pinyin initials…"))
        self.view.sortByColumn(6, Qt.SortOrder.DescendingOrder)
        for col, width in enumerate((180, 80, 80, 120, 70, 110, 110, 80)):
            self.view.setColumnWidth(col, width)
        self.activated.connect(self.open_customer)

    def apply_filters(self) -> None:
        # Read here, not once at start-up: saving the settings re-applies the filters.
        self._masked = settings.get("mask_phones")
        super().apply_filters()

    def open_customer(self, customer_id: int) -> None:
        CustomerDialog.ask(self, customer_id)

    def search_filter(self, text: str):
        return search_filter(text)
