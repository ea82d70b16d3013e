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
    QMenu,
    QTableView,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from desk.core import uistate
from desk.core.listing import Filter, Listing
from desk.ui.bus import bus
from desk.ui.tablemodel import Column, LazyTableModel


def page_title(label) -> None:
    """A page's title label: bigger and semi-bold."""
    font = label.font()
    font.setPointSizeF(font.pointSizeF() * 1.35)
    font.setWeight(font.Weight.DemiBold)
    label.setFont(font)
    label.setContentsMargins(0, 2, 0, 6)


def read_only_table(name: str, headers: list[str]) -> QTableWidget:
    """A small table of records in a dialog: whole rows selected (several with
    Ctrl/Shift), no editing, no row numbers, the first column stretched."""
    table = QTableWidget(0, len(headers))
    table.setObjectName(name)
    table.setHorizontalHeaderLabels(headers)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
    table.verticalHeader().setVisible(False)
    table.setWordWrap(False)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
    return table


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
        page_title(self.title)
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
        # what an empty list means and what to do about it (empty_text())
        self.empty_hint = QLabel()
        self.empty_hint.setObjectName(f"{name}Empty")
        self.empty_hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_hint.setWordWrap(True)
        self.empty_hint.setContentsMargins(12, 12, 12, 12)
        self.empty_hint.linkActivated.connect(self.empty_link)
        self.empty_hint.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addLayout(self.header)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.empty_hint)
        self.body = layout

        # Typing refreshes after a short pause, not on every keystroke.
        self._debounce = QTimer(self, singleShot=True, interval=150)
        self._debounce.timeout.connect(self.apply_filters)
        self.search.textChanged.connect(lambda _: self._debounce.start())
        bus().changed.connect(self._on_change)
        self._stale = True

    def eventFilter(self, watched, event) -> bool:
        if event.type() == QEvent.Type.Resize and watched is self.view.viewport():
            self._fit_stretch()
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
        hint = "" if self.model.rowCount() else self.empty_text()
        self.empty_hint.setText(hint)
        self.empty_hint.setVisible(bool(hint))
        self._stale = False

    def empty_text(self) -> str:
        """What to say under an empty list (rich text; links go to empty_link)."""
        return ""

    def empty_link(self, href: str) -> None:
        """A link in the empty list's hint was clicked."""

    def searching(self) -> bool:
        """Whether the search box or a filter narrows the list."""
        return bool(self.search.text().strip())

    def stretch_column(self, key: str) -> None:
        """Give the width the columns leave over to the text column `key`, not
        to whichever column happens to be last (a gap on a wide screen). On a
        narrow window it keeps its own width (the table scrolls sideways)."""
        header = self.view.horizontalHeader()
        header.setStretchLastSection(False)
        logical = self.column_of(key)
        self._stretch = (logical, self.view.columnWidth(logical))
        self.view.viewport().installEventFilter(self)
        header.sectionResized.connect(lambda index, *_: index != logical and self._fit_stretch())
        self._fit_stretch()

    def _fit_stretch(self) -> None:
        logical, width = self._stretch
        header = self.view.horizontalHeader()
        others = sum(header.sectionSize(i) for i in range(header.count())
                     if i != logical and not header.isSectionHidden(i))
        stretch = self.view.viewport().width() - others > width
        mode = QHeaderView.ResizeMode.Stretch if stretch else QHeaderView.ResizeMode.Interactive
        if header.sectionResizeMode(logical) != mode:
            header.setSectionResizeMode(logical, mode)
            if not stretch:
                header.resizeSection(logical, width)

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

    # --- column layout: which columns, in what order, how wide (remembered) --

    def remember_columns(self, state_key: str, hidden: Sequence[str] = ()) -> None:
        """Let the user hide, show and reorder columns (header right-click, or
        drag a header); the layout is kept in the shop's settings under `state_key`.
        `hidden` are the columns hidden until the user shows them."""
        self._layout_key = state_key
        header = self.view.horizontalHeader()
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(
            lambda pos: self.column_menu().exec(header.mapToGlobal(pos)))
        self._restore_columns(hidden)
        self._save_layout = QTimer(self, singleShot=True, interval=500)
        self._save_layout.timeout.connect(self.save_columns)
        header.sectionMoved.connect(lambda *_: self._save_layout.start())
        header.sectionResized.connect(lambda *_: self._save_layout.start())

    def _restore_columns(self, hidden: Sequence[str]) -> None:
        header = self.view.horizontalHeader()
        keys = [c.key for c in self.model.columns]
        state = uistate.get(self._layout_key)  # a damaged layout reads as {}: the default one
        order = [k for k in state.get("order", []) if k in keys]
        order += [k for k in keys if k not in order]  # columns added since
        for visual, key in enumerate(order):
            header.moveSection(header.visualIndex(keys.index(key)), visual)
        hide = set(state.get("hidden", hidden)) & set(keys)
        hide.discard(keys[0])  # the first column always stays
        for logical, key in enumerate(keys):
            header.setSectionHidden(logical, key in hide)
        widths = state.get("widths", {})
        for logical, key in enumerate(keys):
            width = widths.get(key) if isinstance(widths, dict) else None
            if isinstance(width, int) and 20 <= width <= 2000:
                self.view.setColumnWidth(logical, width)

    def save_columns(self) -> None:
        header = self.view.horizontalHeader()
        keys = [c.key for c in self.model.columns]
        state = {
            "order": [keys[header.logicalIndex(v)] for v in range(header.count())],
            "hidden": [k for i, k in enumerate(keys) if header.isSectionHidden(i)],
            "widths": {k: header.sectionSize(i) for i, k in enumerate(keys)
                       if not header.isSectionHidden(i)},
        }
        stretch = getattr(self, "_stretch", None)
        if stretch and header.sectionResizeMode(stretch[0]) == QHeaderView.ResizeMode.Stretch:
            state["widths"][keys[stretch[0]]] = stretch[1]  # its own width, not the room it fills
        uistate.set(self._layout_key, state)

    def column_menu(self) -> QMenu:
        """A menu of the columns, ticked when shown; the first column cannot be hidden."""
        header = self.view.horizontalHeader()
        menu = QMenu(self)
        menu.setObjectName(f"{self.objectName()}Columns")
        for visual in range(header.count()):
            logical = header.logicalIndex(visual)
            column = self.model.columns[logical]
            action = menu.addAction(column.title())
            action.setObjectName(f"column_{column.key}")
            action.setCheckable(True)
            action.setChecked(not header.isSectionHidden(logical))
            action.setEnabled(logical != 0)
            action.toggled.connect(lambda on, i=logical: self.show_column(i, on))
        return menu

    def show_column(self, logical: int, shown: bool) -> None:
        self.view.horizontalHeader().setSectionHidden(logical, not shown)
        if shown and self.view.columnWidth(logical) < 20:
            self.view.setColumnWidth(logical, 100)
        self.save_columns()

    def column_of(self, key: str) -> int:
        return next(i for i, c in enumerate(self.model.columns) if c.key == key)

    export_kind: str | None = None  # what Export… writes from this page (desk.core.excel.exports)

    def export_rows(self) -> None:
        """The rows as listed (search, filters, sort; or only the selected
        ones) to a workbook, in the background."""
        from desk.ui.transfer.export_dialog import ExportDialog

        sort, descending = self.model.order
        ExportDialog.ask(self, self.export_kind,
                         filters=[self.search_filter(self.search.text()), *self.extra_filters()],
                         sort=sort, descending=descending, selected=self.selected_ids())

    def selected_ids(self) -> list[int]:
        rows = sorted(ix.row() for ix in self.view.selectionModel().selectedRows())
        return [self.model.id_at(r) for r in rows]

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()
