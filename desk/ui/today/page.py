"""The Today page: follow-ups due today or overdue, oldest first."""

from __future__ import annotations

from datetime import datetime, time, timedelta

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QHBoxLayout, QPushButton

from desk.core.customers.listing import FOLLOWUPS_DUE, due_by
from desk.ui import fmt, labels
from desk.ui.listpage import ListPage
from desk.ui.tablemodel import Column
from desk.ui.worker import run_task


def end_of_today() -> datetime:
    """Local midnight tonight, as an aware datetime."""
    tomorrow = datetime.now().astimezone().date() + timedelta(days=1)
    return datetime.combine(tomorrow, time(0)).astimezone()


class TodayPage(ListPage):
    entities = ("followup", "customer")

    def __init__(self, parent=None) -> None:
        platforms = labels.platforms()
        columns = [
            Column("due_at", lambda: self.tr("Due"), fmt.when),
            Column("title", lambda: self.tr("Follow-up")),
            Column("nickname", lambda: self.tr("Buyer")),
            Column("platform", lambda: self.tr("Platform"), lambda v: labels.label(platforms, v)),
        ]
        super().__init__("todayPage", self.tr("Today"), FOLLOWUPS_DUE, columns, parent)
        self.search.setPlaceholderText(self.tr("Filter by buyer or task…"))
        self.view.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        for col, width in enumerate((150, 320, 180)):
            self.view.setColumnWidth(col, width)
        self.done_button = QPushButton(self.tr("Mark done"))
        self.done_button.setObjectName("todayMarkDone")
        self.done_button.setShortcut(QKeySequence("Ctrl+D"))
        self.done_button.setToolTip(self.tr("Mark the selected follow-ups done (Ctrl+D)"))
        self.done_button.clicked.connect(self.mark_selected_done)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.done_button)
        self.body.addLayout(row)

    def extra_filters(self):
        return [due_by(end_of_today())]

    def search_filter(self, text: str):
        from desk.core.listing import Filter

        q = text.strip()
        if not q:
            return None
        return Filter("c.nickname LIKE ? OR f.title LIKE ?", (f"%{q}%", f"%{q}%"))

    def mark_selected_done(self) -> None:
        from desk.core.customers import followups

        ids = self.selected_ids()
        if ids:
            run_task(followups.set_done, ids)
