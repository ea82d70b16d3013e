"""Item models of the reply manager: the groups, and the phrases of a group
(or of a search). Both take drops: a phrase dragged within its group moves
there, a phrase dropped on a group moves into it, a group dragged moves."""

from __future__ import annotations

import json

from PySide6.QtCore import (
    QAbstractListModel,
    QAbstractTableModel,
    QMimeData,
    QModelIndex,
    Qt,
    Signal,
)
from PySide6.QtWidgets import QApplication, QStyle

from desk.core.replies.service import GroupInfo, PhraseInfo
from desk.ui import fmt

MIME_PHRASES = "application/x-shopdesk-phrases"
MIME_GROUP = "application/x-shopdesk-reply-group"
IdRole = Qt.ItemDataRole.UserRole + 1  # the row's database id
InfoRole = Qt.ItemDataRole.UserRole + 2  # the GroupInfo / PhraseInfo itself
MOVE = Qt.DropAction.MoveAction


def first_line(text: str) -> str:
    lines = text.strip().splitlines() or [""]
    return lines[0] + (" …" if len(lines) > 1 else "")


def _ids(data: QMimeData, kind: str) -> list[int]:
    try:
        ids = json.loads(bytes(data.data(kind)).decode("ascii"))
    except ValueError:
        return []
    return [i for i in ids if isinstance(i, int)] if isinstance(ids, list) else []


def _mime(kind: str, ids: list[int]) -> QMimeData:
    data = QMimeData()
    data.setData(kind, json.dumps(ids).encode("ascii"))
    return data


def _move_target(src: int, dest: int) -> int:
    """The index a row taken from `src` and put before row `dest` ends at."""
    return dest - 1 if dest > src else dest


class _Rows:
    """Rows held as a list of frozen infos; a reload that keeps the same ids in
    the same order updates the rows in place (no reset, selection kept)."""

    _rows: list

    def _set(self, rows: list) -> None:
        if [r.id for r in rows] == [r.id for r in self._rows]:
            self._rows = list(rows)
            if rows:
                self.dataChanged.emit(self.index(0, 0),
                                      self.index(len(rows) - 1, self.columnCount() - 1))
            return
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def info(self, row: int):
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, row_id: int) -> int:
        return next((n for n, r in enumerate(self._rows) if r.id == row_id), -1)

    def ids(self) -> list[int]:
        return [r.id for r in self._rows]

    def _move_local(self, src: int, dest: int) -> bool:
        """Move row `src` before row `dest` in the model only."""
        if not (0 <= src < len(self._rows) and 0 <= dest <= len(self._rows)):
            return False
        if not self.beginMoveRows(QModelIndex(), src, src, QModelIndex(), dest):
            return False  # onto itself
        row = self._rows.pop(src)
        self._rows.insert(_move_target(src, dest), row)
        self.endMoveRows()
        return True


class GroupsModel(_Rows, QAbstractListModel):
    group_moved = Signal(int, int)  # group id, its new index
    phrases_dropped = Signal(list, int)  # phrase ids, the group they were dropped on

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._rows: list[GroupInfo] = []

    def set_groups(self, groups: list[GroupInfo]) -> None:
        self._set(groups)

    def total(self) -> int:
        """Phrases in all groups."""
        return sum(g.count for g in self._rows)

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else 1

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        g = self.info(index.row()) if index.isValid() else None
        if g is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return g.shown
        if role == Qt.ItemDataRole.EditRole:
            return g.name
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tr("%n phrase(s)", "", g.count)
        if role == IdRole:
            return g.id
        if role == InfoRole:
            return g
        return None

    def flags(self, index):
        if not index.isValid():
            return Qt.ItemFlag.ItemIsDropEnabled
        return (Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
                | Qt.ItemFlag.ItemIsDragEnabled | Qt.ItemFlag.ItemIsDropEnabled)

    def supportedDropActions(self):
        return MOVE

    def supportedDragActions(self):
        return MOVE

    def mimeTypes(self) -> list[str]:
        return [MIME_GROUP, MIME_PHRASES]

    def mimeData(self, indexes) -> QMimeData:
        return _mime(MIME_GROUP, sorted({self._rows[i.row()].id for i in indexes if i.isValid()}))

    def canDropMimeData(self, data, action, row, column, parent) -> bool:
        if data.hasFormat(MIME_PHRASES):
            return parent.isValid()  # onto a group
        return data.hasFormat(MIME_GROUP)

    def dropMimeData(self, data, action, row, column, parent) -> bool:
        if not self.canDropMimeData(data, action, row, column, parent):
            return False
        if data.hasFormat(MIME_PHRASES):
            ids = _ids(data, MIME_PHRASES)
            if ids:
                self.phrases_dropped.emit(ids, self._rows[parent.row()].id)
            return bool(ids)
        ids = _ids(data, MIME_GROUP)
        dest = parent.row() if row < 0 and parent.isValid() else (len(self._rows) if row < 0 else row)
        if len(ids) != 1 or self.row_of(ids[0]) < 0:
            return False
        return self.moveRows(QModelIndex(), self.row_of(ids[0]), 1, QModelIndex(), dest)

    def moveRows(self, src_parent, src, count, dest_parent, dest) -> bool:
        """Moves one group (the list view moves a dragged row this way)."""
        if count != 1 or src_parent.isValid() or dest_parent.isValid():
            return False
        gid = self._rows[src].id if 0 <= src < len(self._rows) else None
        if gid is None or not self._move_local(src, dest):
            return False
        self.group_moved.emit(gid, _move_target(src, dest))
        return True


class PhrasesModel(_Rows, QAbstractTableModel):
    CODE, TEXT, USED, IMAGE = range(4)
    phrase_moved = Signal(int, int)  # phrase id, its new index in the group

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._rows: list[PhraseInfo] = []
        self.group_id: int | None = None  # None: search results, which keep no order of their own
        self._picture = QApplication.style().standardIcon(QStyle.StandardPixmap.SP_FileIcon)

    def set_phrases(self, phrases: list[PhraseInfo], group_id: int | None) -> None:
        if group_id != self.group_id:
            self.beginResetModel()
            self.group_id, self._rows = group_id, list(phrases)
            self.endResetModel()
        else:
            self._set(phrases)

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else 4

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (self.tr("Code"), self.tr("Text"), self.tr("Used"), self.tr("Picture"))[section]
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        p = self.info(index.row()) if index.isValid() else None
        if p is None:
            return None
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == self.CODE:
                return p.code
            if column == self.TEXT:
                return first_line(p.body)
            if column == self.USED:
                return fmt.count(p.use_count)
            return ""
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == self.IMAGE:
                return self.tr("Sent with a picture") if p.image_path else None
            if self.group_id is None:
                return f"{p.group_name}\n{p.body}"
            return p.body
        if role == Qt.ItemDataRole.DecorationRole and column == self.IMAGE and p.image_path:
            return self._picture
        if role == Qt.ItemDataRole.TextAlignmentRole and column == self.USED:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == IdRole:
            return p.id
        if role == InfoRole:
            return p
        return None

    def flags(self, index):
        ordered = self.group_id is not None
        if not index.isValid():
            return Qt.ItemFlag.ItemIsDropEnabled if ordered else Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsDragEnabled
        return flags | Qt.ItemFlag.ItemIsDropEnabled if ordered else flags

    def supportedDropActions(self):
        return MOVE

    def supportedDragActions(self):
        return MOVE

    def mimeTypes(self) -> list[str]:
        return [MIME_PHRASES]

    def mimeData(self, indexes) -> QMimeData:
        rows = sorted({i.row() for i in indexes if i.isValid()})
        return _mime(MIME_PHRASES, [self._rows[r].id for r in rows])

    def canDropMimeData(self, data, action, row, column, parent) -> bool:
        return self.group_id is not None and data.hasFormat(MIME_PHRASES)

    def dropMimeData(self, data, action, row, column, parent) -> bool:
        """A phrase of this group dropped between rows (or on a row: before it)."""
        if not self.canDropMimeData(data, action, row, column, parent):
            return False
        ids = _ids(data, MIME_PHRASES)
        if len(ids) != 1 or self.row_of(ids[0]) < 0:
            return False
        dest = row if row >= 0 else (parent.row() if parent.isValid() else len(self._rows))
        return self.moveRows(QModelIndex(), self.row_of(ids[0]), 1, QModelIndex(), dest)

    def moveRows(self, src_parent, src, count, dest_parent, dest) -> bool:
        """Moves one phrase within the group; the page makes it last (and undoable)."""
        if self.group_id is None or count != 1 or src_parent.isValid() or dest_parent.isValid():
            return False
        pid = self._rows[src].id if 0 <= src < len(self._rows) else None
        if pid is None or not self._move_local(src, dest):
            return False
        self.phrase_moved.emit(pid, _move_target(src, dest))
        return True
