"""The Quick replies page: groups on the left, the group's phrases on the right."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QHeaderView, QListWidget, QListWidgetItem, QSplitter

from desk.core.listing import Filter
from desk.core.replies import listing
from desk.ui import fmt
from desk.ui.listpage import ListPage
from desk.ui.tablemodel import Column, RawRole

RIGHT = Qt.AlignmentFlag.AlignRight


def _one_line(text: str) -> str:
    return " ".join(text.split())


class RepliesPage(ListPage):
    entities = ("reply", "reply_group")

    def __init__(self, parent=None) -> None:
        columns = [
            Column("code", lambda: self.tr("Code")),
            Column("body", lambda: self.tr("Text"), _one_line, tooltip=str),
            Column("use_count", lambda: self.tr("Used"), fmt.count, RIGHT),
        ]
        super().__init__("repliesPage", self.tr("Quick replies"), listing.REPLIES, columns, parent,
                         sortable=False)  # phrases keep the order the shop gave them
        header = self.view.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.search.setPlaceholderText(self.tr("Search code or text…"))
        self.groups = QListWidget()
        self.groups.setObjectName("replyGroups")
        self.groups.setMaximumWidth(220)
        self.groups.currentRowChanged.connect(lambda _: self.apply_filters())
        self.body.removeWidget(self.view)
        split = QSplitter()
        split.addWidget(self.groups)
        split.addWidget(self.view)
        split.setStretchFactor(1, 1)
        self.body.addWidget(split, 1)
        self.view.setColumnWidth(0, 80)
        self.view.setColumnWidth(2, 70)
        split.setSizes([180, 900])
        self.view.activated.connect(self.copy_current)
        self._load_groups()

    def _load_groups(self) -> None:
        current = self.groups.currentItem().data(Qt.ItemDataRole.UserRole) if self.groups.currentItem() else None
        self.groups.blockSignals(True)
        self.groups.clear()
        for gid, name in listing.groups():
            item = QListWidgetItem(name)
            item.setData(Qt.ItemDataRole.UserRole, gid)
            self.groups.addItem(item)
            if gid == current:
                self.groups.setCurrentItem(item)
        if self.groups.currentRow() < 0 and self.groups.count():
            self.groups.setCurrentRow(0)
        self.groups.blockSignals(False)

    def extra_filters(self):
        item = self.groups.currentItem()
        if item is None or self.search.text().strip():
            return []  # a search looks through every group
        return [listing.in_group(item.data(Qt.ItemDataRole.UserRole))]

    def search_filter(self, text: str):
        q = text.strip()
        if not q:
            return None
        return Filter("r.code LIKE ? OR r.body LIKE ? OR r.body_abbr LIKE ?",
                      (f"{q}%", f"%{q}%", f"{q.lower()}%"))

    def _on_change(self, entity: str, ids) -> None:
        if entity == "reply_group":
            self._load_groups()
        super()._on_change(entity, ids)

    def copy_current(self, index) -> None:
        """Enter or double-click copies the phrase to the clipboard."""
        text = self.model.index(index.row(), 1).data(RawRole)
        if text:
            QGuiApplication.clipboard().setText(text)
            self.window().statusBar().showMessage(self.tr("Copied to the clipboard"), 3000)
