"""The lazy, id-based table model every list page uses.

It holds only the ordered ids of the matching rows (an array of 64-bit ints)
and fetches the visible rows a page at a time from a core Listing; sorting
and filtering happen in SQL. A bounded page cache keeps memory flat however
far the user scrolls.
"""

from __future__ import annotations

from array import array
from collections import OrderedDict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from desk.core.listing import Filter, Listing

IdRole = Qt.ItemDataRole.UserRole + 1   # the row's database id
RawRole = Qt.ItemDataRole.UserRole + 2  # the unformatted value

_Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class Column:
    key: str                                    # a Listing field
    title: Callable[[], str]                    # translated at display time
    display: Callable[[Any], str] = str         # raw value -> text
    align: Qt.AlignmentFlag | None = None
    tooltip: Callable[[Any], str] | None = None
    # (role, raw value) -> the data for any other role (colours, fonts), or None
    roles: Callable[[int, Any], Any] | None = None


class LazyTableModel(QAbstractTableModel):
    PAGE_SIZE = 200
    MAX_PAGES = 40  # pages cached at most (8,000 rows at the default size)

    def __init__(self, listing: Listing, columns: Sequence[Column], parent=None) -> None:
        super().__init__(parent)
        self.listing = listing
        self.page_size = self.PAGE_SIZE  # rows fetched at a time; set before the first fetch
        self.columns = list(columns)
        self._field_pos = {k: i for i, k in enumerate(listing.keys)}
        self._ids = array("q")
        self._pages: OrderedDict[int, dict[int, tuple]] = OrderedDict()
        self._filters: list[Filter] = []
        self._sort_key: str | None = None
        self._descending = False
        self._loaded = False  # the first load comes from set_filters, not from setup calls

    # --- what to show -----------------------------------------------------

    def set_filters(self, filters: Sequence[Filter | None]) -> None:
        self._filters = [f for f in filters if f is not None]
        self.reload()

    def reload(self) -> None:
        """Ask SQL again for the matching ids, in order."""
        self.beginResetModel()
        self._loaded = True
        self._ids = self.listing.ids(self._filters, self._sort_key, self._descending)
        self._pages.clear()
        self.endResetModel()

    def id_at(self, row: int) -> int:
        return self._ids[row]

    def row_of(self, row_id: int) -> int:
        try:
            return self._ids.index(row_id)
        except ValueError:
            return -1

    def value(self, row: int, key: str) -> Any:
        return self._row(row)[self._field_pos[key]]

    # --- Qt model interface -------------------------------------------------

    def rowCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._ids):
            return None
        column = self.columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            raw = self.value(index.row(), column.key)
            return "" if raw is None else column.display(raw)
        if role == Qt.ItemDataRole.TextAlignmentRole and column.align is not None:
            return int(column.align | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole and column.tooltip is not None:
            raw = self.value(index.row(), column.key)
            return "" if raw is None else column.tooltip(raw)
        if role == IdRole:
            return self._ids[index.row()]
        if role == RawRole:
            return self.value(index.row(), column.key)
        if column.roles is not None and role != Qt.ItemDataRole.EditRole:
            return column.roles(role, self.value(index.row(), column.key))
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return self.columns[section].title() if 0 <= section < len(self.columns) else None
        return str(section + 1)

    @property
    def order(self) -> tuple[str | None, bool]:
        """(sort key, descending) as the rows are listed."""
        return self._sort_key, self._descending

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self.columns):
            return
        key, descending = self.columns[column].key, order == Qt.SortOrder.DescendingOrder
        if (key, descending) == (self._sort_key, self._descending):
            return
        self._sort_key, self._descending = key, descending
        if self._loaded:  # before the first load, just remember the order
            self.reload()

    # --- paging -----------------------------------------------------------

    def _row(self, row: int) -> tuple:
        page_no = row // self.page_size
        page = self._pages.get(page_no)
        if page is None:
            start = page_no * self.page_size
            page = self.listing.rows(self._ids[start:start + self.page_size])
            self._pages[page_no] = page
            if len(self._pages) > self.MAX_PAGES:
                self._pages.popitem(last=False)
        else:
            self._pages.move_to_end(page_no)
        row_id = self._ids[row]
        found = page.get(row_id)
        if found is None:  # deleted since the ids were read: show an empty row
            return (None,) * len(self._field_pos)
        return found
