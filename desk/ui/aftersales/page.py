"""The After-sales page: every case in one lazy table."""

from __future__ import annotations

from PySide6.QtCore import Qt

from desk.core.aftersales.listing import CASES
from desk.core.listing import Filter
from desk.ui import fmt, labels
from desk.ui.listpage import ListPage
from desk.ui.tablemodel import Column

RIGHT = Qt.AlignmentFlag.AlignRight


class AftersalesPage(ListPage):
    entities = ("case", "customer")

    def __init__(self, parent=None) -> None:
        kinds, statuses = labels.case_kinds(), labels.case_statuses()
        columns = [
            Column("case_no", lambda: self.tr("Case")),
            Column("nickname", lambda: self.tr("Buyer")),
            Column("order_no", lambda: self.tr("Order")),
            Column("kind", lambda: self.tr("Kind"), lambda v: labels.label(kinds, v)),
            Column("reason", lambda: self.tr("Reason")),
            Column("status", lambda: self.tr("Status"), lambda v: labels.label(statuses, v)),
            Column("next_deadline_at", lambda: self.tr("Next deadline"), fmt.when),
            Column("handler", lambda: self.tr("Handler")),
            Column("refund_fen", lambda: self.tr("Refund"), fmt.money, RIGHT),
            Column("opened_at", lambda: self.tr("Opened"), fmt.when),
        ]
        super().__init__("aftersalesPage", self.tr("After-sales"), CASES, columns, parent)
        self.search.setPlaceholderText(self.tr("Search case number, order number or nickname…"))
        self.view.sortByColumn(9, Qt.SortOrder.DescendingOrder)
        for col, width in enumerate((145, 120, 190, 100, 90, 120, 130, 60, 80)):
            self.view.setColumnWidth(col, width)

    def search_filter(self, text: str):
        q = text.strip()
        if not q:
            return None
        return Filter("a.case_no LIKE ? OR o.order_no = ? OR c.nickname LIKE ?",
                      (f"%{q}%", q, f"%{q}%"))
