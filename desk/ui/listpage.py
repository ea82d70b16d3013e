"""A list page: a search box over a lazy table, refreshed when its data changes."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desk.core.listing import Filter, Listing
from desk.ui.bus import bus
from desk.ui.tablemodel import Column, LazyTableModel


class ListPage(QWidget):
    """Subclasses give the listing, the columns, the entities that refresh it,
    and `search_filter(text)`; `extra_filters()` adds page-specific ones."""

    activated = Signal(int)  # a row's id, on double-click or Enter
    entities: tuple[str, ...] = ()

    def __init__(self, name: str, title: str, listing: Listing, columns: Sequence[Column],
                 parent: QWidget | None = None, sortable: bool = True) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.title = QLabel(title)
        self.title.setObjectName("pageTitle")
        self.search = QLineEdit()
        self.search.setObjectName(f"{name}Search")
        self.search.setClearButtonEnabled(True)
        self.count_label = QLabel()
        self.count_label.setObjectName(f"{name}Count")
        self.model = LazyTableModel(listing, columns, self)
        self.view = QTableView()
        self.view.setObjectName(f"{name}Table")
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSortingEnabled(sortable)
        self.view.setAlternatingRowColors(True)
        self.view.setWordWrap(False)
        self.view.verticalHeader().setVisible(False)
        self.view.verticalHeader().setDefaultSectionSize(28)
        self.view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.view.horizontalHeader().setStretchLastSection(True)
        self.view.horizontalHeader().setSectionsMovable(True)
        self.view.horizontalHeader().setSortIndicatorShown(sortable)
        self.view.doubleClicked.connect(lambda ix: self.activated.emit(self.model.id_at(ix.row())))
        self.view.installEventFilter(self)

        self.header = QHBoxLayout()
        self.header.addWidget(self.title)
        self.header.addStretch(1)
        self.header.addWidget(self.count_label)
        self.header.addWidget(self.search, 0)
        self.search.setMinimumWidth(280)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addLayout(self.header)
        layout.addWidget(self.view, 1)
        self.body = layout

        # Typing refreshes after a short pause, not on every keystroke.
        self._debounce = QTimer(self, singleShot=True, interval=150)
        self._debounce.timeout.connect(self.apply_filters)
        self.search.textChanged.connect(lambda _: self._debounce.start())
        bus().changed.connect(self._on_change)
        self._stale = True

    def eventFilter(self, watched, event) -> bool:
        # Enter opens the current row; the event goes on to the view as well.
        if (watched is self.view and event.type() == QEvent.Type.KeyPress
                and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
                and self.view.currentIndex().isValid()):
            self.activated.emit(self.model.id_at(self.view.currentIndex().row()))
        return super().eventFilter(watched, event)

    def search_filter(self, text: str) -> Filter | None:
        return None

    def extra_filters(self) -> list[Filter | None]:
        return []

    def apply_filters(self) -> None:
        self.model.set_filters([self.search_filter(self.search.text()), *self.extra_filters()])
        # ListPage.tr: one translation for every page, whatever the subclass
        self.count_label.setText(ListPage.tr("%Ln row(s)", "", self.model.rowCount()))
        self._stale = False

    def showEvent(self, event) -> None:
        if self._stale:
            self.apply_filters()
        super().showEvent(event)

    def _on_change(self, entity: str, ids) -> None:
        if entity in self.entities:
            if self.isVisible():
                self.apply_filters()
            else:
                self._stale = True  # reload when next shown

    def selected_ids(self) -> list[int]:
        return [self.model.id_at(ix.row()) for ix in self.view.selectionModel().selectedRows()]

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()
