"""One customer's notes on their page: the timeline (pinned first), the editor
with its link to an order or case, pin, delete, and an Undo right after a delete."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from desk.core import timeutil
from desk.core.customers import notes
from desk.core.customers.notes import NoteInfo
from desk.core.customers.service import CaseRow
from desk.core.errors import UserError
from desk.core.history import Step
from desk.ui import conflict, fmt, labels
from desk.ui import undo as history
from desk.ui.ask import InlineError
from desk.ui.customers.parts import button

NoteIdRole = Qt.ItemDataRole.UserRole
PinnedRole = Qt.ItemDataRole.UserRole + 1
NO_LINK = ":"


def link_key(order_id: int | None, case_id: int | None) -> str:
    """A note's link as the link combo's item data: "order:case", either part empty."""
    return f"{order_id or ''}:{case_id or ''}"


def link_ids(key: str) -> tuple[int | None, int | None]:
    order, _, case = (key or NO_LINK).partition(":")
    return (int(order) if order else None, int(case) if case else None)


class NotesPanel(QWidget):
    """Shows the notes it is given (`show_notes`) and makes every change
    through a core write that returns its undo step; `changed` is emitted
    after a change went through. The page refreshes it from the change bus."""

    changed = Signal()

    def __init__(self, customer_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("notesPanel")
        self.customer_id = customer_id
        self._editing: int | None = None  # the note whose text is in the editor
        self._editing_version = 0  # its version when it was put there (desk/ui/conflict.py)
        self._deleted_at_index = -1  # the history position right after a note was deleted
        self._orders: Sequence[tuple] = ()  # (id, order_no, status, placed_at, amount_fen)
        self._cases: Sequence[CaseRow] = ()

        self.list = QListWidget()
        self.list.setObjectName("customerNotes")
        self.list.setWordWrap(True)
        self.list.setSpacing(4)
        self.list.setAlternatingRowColors(True)
        self.list.setMinimumHeight(120)
        self.list.currentItemChanged.connect(lambda *_: self._note_buttons())
        self.list.itemActivated.connect(lambda _item: self.edit_note())
        self.text = QPlainTextEdit()
        self.text.setObjectName("customerNoteText")
        self.text.setPlaceholderText(self.tr("Write a note about this customer…"))
        self.text.setMaximumHeight(64)
        self.text.setTabChangesFocus(True)
        self.link = QComboBox()
        self.link.setObjectName("customerNoteLink")
        self.link.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        link_label = QLabel(self.tr("&Linked to:"))
        link_label.setBuddy(self.link)
        # Adds a note, or saves the one being edited.
        self.add = button("customerAddNote", self.tr("Add &note"), self.commit_note)
        self.cancel_edit = button("customerCancelEdit", self.tr("Cancel editing"),
                                  self.cancel_note_edit)
        self.cancel_edit.hide()
        self.edit_button = button("customerEditNote", self.tr("&Edit"), self.edit_note)
        self.pin = button("customerPinNote", self.tr("&Pin"), self.toggle_pin)
        self.delete = button("customerDeleteNote", self.tr("&Delete"), self.delete_clicked)
        self.undo_button = button("customerUndo", self.tr("&Undo"), history.stack().undo)
        self.undo_button.hide()
        self.status = QLabel()
        self.status.setObjectName("customerNoteStatus")
        self.error = InlineError("customerNoteError")

        link_row = QHBoxLayout()
        link_row.addWidget(link_label)
        link_row.addWidget(self.link)
        link_row.addStretch(1)
        link_row.addWidget(self.cancel_edit)
        link_row.addWidget(self.add)
        note_buttons = QHBoxLayout()
        for w in (self.edit_button, self.pin, self.delete):
            note_buttons.addWidget(w)
        note_buttons.addStretch(1)
        note_buttons.addWidget(self.status)
        note_buttons.addWidget(self.undo_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.list, 1)
        layout.addLayout(note_buttons)
        layout.addWidget(self.text)
        layout.addLayout(link_row)
        layout.addWidget(self.error)
        history.stack().indexChanged.connect(self._history_moved)
        self._note_buttons()

    # -- showing ----------------------------------------------------------------

    def show_notes(self, note_list: Sequence[NoteInfo], orders: Sequence[tuple],
                   cases: Sequence[CaseRow]) -> None:
        """The customer's notes, and the orders and cases a note can be linked to."""
        self._orders, self._cases = orders, cases
        self._fill_links()
        current = self.current_note()
        self.list.clear()
        for note in note_list:
            when = fmt.when(timeutil.to_epoch(note.created_at))
            head = self.tr("Pinned · {when}").format(when=when) if note.pinned else when
            link = self._link_text(note.order_no, note.case_no)
            if link:
                head = f"{head} · {link}"
            if note.staff:  # who wrote it
                head = f"{head} · {note.staff}"
            item = QListWidgetItem(f"{head}\n{note.body}")
            item.setData(NoteIdRole, note.id)
            item.setData(PinnedRole, note.pinned)
            self.list.addItem(item)
            if note.id == current:
                self.list.setCurrentItem(item)
        self._note_buttons()

    def current_note(self) -> int | None:
        item = self.list.currentItem()
        return None if item is None else item.data(NoteIdRole)

    def _link_text(self, order_no: str | None, case_no: str | None) -> str:
        parts = []
        if order_no is not None:
            parts.append(self.tr("Order {order_no}").format(order_no=order_no))
        if case_no is not None:
            parts.append(self.tr("Case {case_no}").format(case_no=case_no))
        return " · ".join(parts)

    def _fill_links(self, editing: NoteInfo | None = None) -> None:
        """The link combo: nothing, each of this customer's orders, each of their
        cases, and the note being edited's own link when it is to both."""
        keep = self.link.currentData()
        self.link.clear()
        self.link.addItem(self.tr("(none)"), NO_LINK)
        for order_id, order_no, *_ in self._orders:
            self.link.addItem(self._link_text(order_no, None), link_key(order_id, None))
        kinds = labels.case_kinds()
        for case in self._cases:
            text = self.tr("Case {case_no} ({kind})").format(
                case_no=case.case_no, kind=labels.label(kinds, case.kind))
            self.link.addItem(text, link_key(None, case.id))
        if editing is None and self._editing is not None:
            try:
                editing = notes.get_note(self._editing)
            except UserError:
                editing = None
        if editing is not None and editing.order_id is not None and editing.case_id is not None:
            # linked to both (an import can do that): offer to keep it so
            self.link.addItem(self._link_text(editing.order_no, editing.case_no),
                              link_key(editing.order_id, editing.case_id))
        self.link.setCurrentIndex(max(0, self.link.findData(keep or NO_LINK)))

    def _note_buttons(self) -> None:
        item = self.list.currentItem()
        for widget in (self.edit_button, self.pin, self.delete):
            widget.setEnabled(item is not None)
        pinned = item is not None and bool(item.data(PinnedRole))
        self.pin.setText(self.tr("Un&pin") if pinned else self.tr("&Pin"))

    def _note_mode(self) -> None:
        editing = self._editing is not None
        self.add.setText(self.tr("Save &note") if editing else self.tr("Add &note"))
        self.cancel_edit.setVisible(editing)

    def _history_moved(self, index: int) -> None:
        if index != self._deleted_at_index:
            self._deleted_at_index = -1
            self.status.clear()
            self.undo_button.hide()

    # -- writing ----------------------------------------------------------------

    def _run(self, text: str, write: Callable[[], tuple[Any, Step]]) -> bool:
        """One change through a core write returning its undo step; a UserError
        is shown under the editor and nothing is recorded."""
        try:
            history.run(text, write)
        except UserError as e:
            self.error.show_error(e)
            return False
        self.error.clear_message()
        self.changed.emit()
        return True

    def edit_note(self) -> None:
        """Put the chosen note's text and link into the editor; Save writes them back."""
        note_id = self.current_note()
        if note_id is None:
            return
        try:
            note = notes.get_note(note_id)
        except UserError as e:
            self.error.show_error(e)
            return
        self._editing = note.id
        self._editing_version = note.version
        self.error.clear_message()
        self.text.setPlainText(note.body)
        self._fill_links(note)
        self.link.setCurrentIndex(max(0, self.link.findData(link_key(note.order_id, note.case_id))))
        self._note_mode()
        self.text.setFocus()

    def edit_note_again(self, note_id: int) -> None:
        """After a conflict: the note as it is now, in the editor."""
        for row in range(self.list.count()):
            if self.list.item(row).data(NoteIdRole) == note_id:
                self.list.setCurrentRow(row)
        self.edit_note()

    def cancel_note_edit(self) -> None:
        self._editing = None
        self.text.clear()
        self.link.setCurrentIndex(0)
        self.error.clear_message()
        self._note_mode()

    def commit_note(self) -> None:
        """Add the note in the editor, or save the one being edited."""
        cid, body = self.customer_id, self.text.toPlainText()
        order_id, case_id = link_ids(self.link.currentData())
        note_id = self._editing
        if note_id is None:
            done = self._run(self.tr("Add note"), lambda: notes.add_step(
                cid, body, order_id=order_id, case_id=case_id))
        else:
            done = self._run(self.tr("Edit note"), conflict.guarded(
                self, lambda v: notes.edit_step(note_id, body, order_id=order_id, case_id=case_id,
                                                version=v),
                self._editing_version, reload=lambda: self.edit_note_again(note_id)))
        if done:
            self._editing = None
            self.text.clear()
            self.link.setCurrentIndex(0)
            self._note_mode()
            if note_id is None:
                self.list.setCurrentRow(-1)

    def toggle_pin(self) -> None:
        item = self.list.currentItem()
        if item is None:
            return
        ids, pinned = [item.data(NoteIdRole)], bool(item.data(PinnedRole))
        self._run(self.tr("Unpin note") if pinned else self.tr("Pin note"),
                  lambda: notes.set_pinned_step(ids, not pinned))

    def delete_clicked(self) -> None:
        note_id = self.current_note()
        if note_id is None:
            return
        if self._run(self.tr("Delete note"), lambda: notes.delete_step([note_id])):
            if self._editing == note_id:
                self.cancel_note_edit()
            self._deleted_at_index = history.stack().index()
            self.status.setText(self.tr("Note deleted."))
            self.undo_button.show()
