"""One customer on one page: identity, lifecycle group, figures and risks, tags, notes, orders."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QStringListModel, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desk.core import timeutil
from desk.core.customers import figures, notes, service, tags
from desk.core.errors import UserError
from desk.core.platforms import PLATFORMS
from desk.ui import fmt, labels
from desk.ui.bus import bus
from desk.ui.errors import user_message

ERROR_STYLE = "color: #c62828"
CHIP_STYLE = ("QToolButton {{ background: {color}; color: white; border-radius: 9px;"
              " padding: 2px 8px; }}")
BADGE_STYLE = "background: #c62828; color: white; border-radius: 4px; padding: 1px 6px;"
NoteIdRole = Qt.ItemDataRole.UserRole


class CustomerDialog(QDialog):
    """Shows and edits one customer; every write goes through a core service,
    and the dialog (like any open view) refreshes from the change bus."""

    def __init__(self, customer_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("customerDialog")
        self.customer_id = customer_id
        self.changed = False
        self._deleted: list[int] = []  # the notes the Undo button brings back
        self.setMinimumSize(960, 680)

        # identity
        self.nickname = self._line("customerNickname")
        self.platform = QComboBox()
        self.platform.setObjectName("customerPlatform")
        names = labels.platforms()
        for code in PLATFORMS:
            self.platform.addItem(names[code], code)
        self.real_name = self._line("customerRealName")
        self.phone = self._line("customerPhone")
        self.phone.setPlaceholderText(self.tr("13812345678 or 0571-88886666"))
        self.region = self._line("customerRegion")
        self.save = QPushButton(self.tr("&Save"))
        self.save.setObjectName("customerSave")
        self.save.clicked.connect(self.save_identity)
        self.error = QLabel()
        self.error.setObjectName("customerError")
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        self.error.hide()
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self.tr("Nickname:"), self.nickname)
        form.addRow(self.tr("Platform:"), self.platform)
        form.addRow(self.tr("Real name:"), self.real_name)
        form.addRow(self.tr("Phone:"), self.phone)
        form.addRow(self.tr("Region:"), self.region)
        save_row = QHBoxLayout()
        save_row.addWidget(self.error, 1)
        save_row.addWidget(self.save)
        form.addRow(save_row)
        identity = QGroupBox(self.tr("Customer"))
        identity.setLayout(form)

        # lifecycle group
        self.lifecycle = QComboBox()
        self.lifecycle.setObjectName("customerLifecycle")
        for code, name in labels.lifecycles().items():
            self.lifecycle.addItem(name, code)
        self.lifecycle.currentIndexChanged.connect(self._lifecycle_chosen)
        self.lifecycle_note = QLabel()
        self.lifecycle_note.setObjectName("customerLifecycleNote")
        self.lifecycle_note.setEnabled(False)
        self.lifecycle_auto = QPushButton(self.tr("Back to &automatic"))
        self.lifecycle_auto.setObjectName("customerLifecycleAuto")
        self.lifecycle_auto.clicked.connect(self.lifecycle_automatic)
        group_row = QHBoxLayout()
        group_row.addWidget(self.lifecycle)
        group_row.addWidget(self.lifecycle_note, 1)
        group_row.addWidget(self.lifecycle_auto)
        group_box = QGroupBox(self.tr("Group"))
        group_box.setLayout(group_row)

        # figures and risk badges
        self.figures = QLabel()
        self.figures.setObjectName("customerFigures")
        self.figures.setWordWrap(True)
        self.badges = QHBoxLayout()
        badge_row = QHBoxLayout()
        badge_row.addLayout(self.badges)
        badge_row.addStretch(1)

        # tags
        self.chips = QHBoxLayout()
        self.add_tag = QLineEdit()
        self.add_tag.setObjectName("customerAddTag")
        self.add_tag.setPlaceholderText(self.tr("Add a tag (name or pinyin)…"))
        self.add_tag.setMaximumWidth(220)
        self.suggestions = QStringListModel(self)
        self.completer = QCompleter(self.suggestions, self)
        # The list already matches pinyin in core; the completer shows it as it is.
        self.completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.add_tag.setCompleter(self.completer)
        self.add_tag.textEdited.connect(self._suggest)
        self.completer.activated.connect(self.add_tag_named)
        self.add_tag.returnPressed.connect(lambda: self.add_tag_named(self.add_tag.text()))
        self.tag_error = QLabel()
        self.tag_error.setObjectName("customerTagError")
        self.tag_error.setStyleSheet(ERROR_STYLE)
        self.tag_error.hide()
        tag_row = QHBoxLayout()
        tag_row.addLayout(self.chips)
        tag_row.addWidget(self.add_tag)
        tag_row.addWidget(self.tag_error)
        tag_row.addStretch(1)
        tag_box = QGroupBox(self.tr("Tags"))
        tag_box.setLayout(tag_row)

        # notes
        self.notes = QListWidget()
        self.notes.setObjectName("customerNotes")
        self.notes.setWordWrap(True)
        self.notes.setSpacing(4)
        self.notes.setAlternatingRowColors(True)
        self.notes.currentItemChanged.connect(lambda *_: self._note_buttons())
        self.note_text = QPlainTextEdit()
        self.note_text.setObjectName("customerNoteText")
        self.note_text.setPlaceholderText(self.tr("Write a note about this customer…"))
        self.note_text.setMaximumHeight(64)
        self.add_note = self._button("customerAddNote", self.tr("Add &note"), self.add_note_clicked)
        self.pin = self._button("customerPinNote", self.tr("&Pin"), self.toggle_pin)
        self.delete_note = self._button("customerDeleteNote", self.tr("&Delete"), self.delete_clicked)
        self.undo = self._button("customerUndo", self.tr("&Undo"), self.undo_delete)
        self.undo.hide()
        self.note_status = QLabel()
        self.note_status.setObjectName("customerNoteStatus")
        self.note_error = QLabel()
        self.note_error.setObjectName("customerNoteError")
        self.note_error.setStyleSheet(ERROR_STYLE)
        self.note_error.setWordWrap(True)
        self.note_error.hide()
        note_buttons = QHBoxLayout()
        for w in (self.add_note, self.pin, self.delete_note):
            note_buttons.addWidget(w)
        note_buttons.addStretch(1)
        note_buttons.addWidget(self.note_status)
        note_buttons.addWidget(self.undo)
        notes_col = QVBoxLayout()
        notes_col.addWidget(self.notes, 1)
        notes_col.addWidget(self.note_text)
        notes_col.addWidget(self.note_error)
        notes_col.addLayout(note_buttons)
        notes_box = QGroupBox(self.tr("Notes"))
        notes_box.setLayout(notes_col)

        # orders
        self.orders = QTableWidget(0, 4)
        self.orders.setObjectName("customerOrders")
        self.orders.setHorizontalHeaderLabels(
            [self.tr("Order number"), self.tr("Status"), self.tr("Placed"), self.tr("Amount")])
        self.orders.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.orders.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.orders.verticalHeader().setVisible(False)
        self.orders.setWordWrap(False)
        self.orders.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.orders.horizontalHeader().setStretchLastSection(True)
        orders_col = QVBoxLayout()
        orders_col.addWidget(self.orders)
        orders_box = QGroupBox(self.tr("Orders"))
        orders_box.setLayout(orders_col)

        lower = QHBoxLayout()
        lower.addWidget(notes_box, 1)
        lower.addWidget(orders_box, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        top.addWidget(identity, 1)
        side = QVBoxLayout()
        side.addWidget(group_box)
        side.addWidget(self.figures)
        side.addLayout(badge_row)
        side.addWidget(tag_box)
        side.addStretch(1)
        top.addLayout(side, 1)
        layout.addLayout(top)
        layout.addLayout(lower, 1)
        layout.addWidget(buttons)

        self.load_identity()
        self.reload()
        bus().changed.connect(self._on_change)

    def _line(self, name: str) -> QLineEdit:
        edit = QLineEdit()
        edit.setObjectName(name)
        return edit

    def _button(self, name: str, text: str, slot) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(name)
        button.clicked.connect(slot)
        return button

    # -- reading --------------------------------------------------------------

    def load_identity(self) -> None:
        c = service.get(self.customer_id)
        self.nickname.setText(c.nickname)
        self.platform.setCurrentIndex(max(0, self.platform.findData(c.platform)))
        self.real_name.setText(c.real_name)
        self.phone.setText(c.phone)
        self.region.setText(c.region)

    def reload(self) -> None:
        """Everything but the identity form, which keeps what is being typed."""
        c = service.get(self.customer_id)
        self.setWindowTitle(self.tr("Customer: {nickname}").format(nickname=c.nickname))
        self.lifecycle.blockSignals(True)
        self.lifecycle.setCurrentIndex(max(0, self.lifecycle.findData(c.lifecycle)))
        self.lifecycle.blockSignals(False)
        self.lifecycle_note.setText(self.tr("Set by hand") if c.lifecycle_manual
                                    else self.tr("Follows the orders"))
        self.lifecycle_auto.setEnabled(c.lifecycle_manual)

        parts = [self.tr("%n order(s)", "", c.order_count),
                 self.tr("Total {money}").format(money=fmt.money(c.total_spent_fen)),
                 self.tr("Average order {money}").format(money=fmt.money(c.average_order_fen))]
        if c.is_repeat:
            parts.append(self.tr("Repeat buyer"))
        parts.append(self.tr("%n open case(s)", "", c.open_case_count))
        self.figures.setText(" · ".join(parts))
        self._fill_badges()
        self._fill_chips(c.tags)
        self._fill_notes()
        self._fill_orders()

    def _clear(self, layout) -> None:
        while layout.count():
            widget = layout.takeAt(0).widget()
            if widget is not None:
                # A chip can be the sender of the click that got here: hide it
                # now and let the event loop delete it.
                widget.hide()
                widget.setObjectName("")
                widget.deleteLater()

    def _fill_badges(self) -> None:
        self._clear(self.badges)
        names = {figures.RISK_AFTERSALES: self.tr("Many returns"),
                 figures.RISK_BAD_REVIEW: self.tr("Bad review"),
                 figures.RISK_NEVER_PAYS: self.tr("Orders without paying")}
        for flag in figures.risk_flags(self.customer_id):
            badge = QLabel(names.get(flag.code, flag.code))
            badge.setObjectName(f"riskBadge_{flag.code}")
            badge.setStyleSheet(BADGE_STYLE)
            # figures.py marks the reasons in the "RiskFlag" context
            reason = QCoreApplication.translate("RiskFlag", flag.template)
            badge.setToolTip(reason.format(**flag.values))
            self.badges.addWidget(badge)

    def _fill_chips(self, tag_list) -> None:
        self._clear(self.chips)
        for tag in tag_list:
            chip = QToolButton()
            chip.setObjectName(f"tagChip_{tag.name}")
            chip.setText(f"{tag.name}  ×")
            chip.setToolTip(self.tr("{category}: click to remove this tag").format(
                category=tag.category))
            chip.setStyleSheet(CHIP_STYLE.format(color=tag.color))
            chip.clicked.connect(lambda _=False, t=tag.id: self.remove_tag(t))
            self.chips.addWidget(chip)

    def _fill_notes(self) -> None:
        current = self.current_note()
        self.notes.clear()
        for note in notes.list_notes(self.customer_id):
            when = fmt.when(timeutil.to_epoch(note.created_at))
            head = self.tr("Pinned · {when}").format(when=when) if note.pinned else when
            item = QListWidgetItem(f"{head}\n{note.body}")
            item.setData(NoteIdRole, note.id)
            item.setData(NoteIdRole + 1, note.pinned)
            self.notes.addItem(item)
            if note.id == current:
                self.notes.setCurrentItem(item)
        self._note_buttons()

    def _fill_orders(self) -> None:
        statuses = labels.order_statuses()
        rows = service.orders_of(self.customer_id)
        self.orders.setRowCount(len(rows))
        for r, (_id, order_no, status, placed, amount) in enumerate(rows):
            amount_item = QTableWidgetItem(fmt.money(amount))
            amount_item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            for col, item in enumerate((QTableWidgetItem(order_no),
                                        QTableWidgetItem(labels.label(statuses, status)),
                                        QTableWidgetItem(fmt.when(timeutil.to_epoch(placed))),
                                        amount_item)):
                self.orders.setItem(r, col, item)

    def current_note(self) -> int | None:
        item = self.notes.currentItem()
        return None if item is None else item.data(NoteIdRole)

    def _note_buttons(self) -> None:
        item = self.notes.currentItem()
        self.pin.setEnabled(item is not None)
        self.delete_note.setEnabled(item is not None)
        pinned = item is not None and bool(item.data(NoteIdRole + 1))
        self.pin.setText(self.tr("Un&pin") if pinned else self.tr("&Pin"))

    def _on_change(self, entity: str, ids) -> None:
        if self.isVisible() and entity in ("customer", "note", "order", "case", "tag") and (
                not ids or self.customer_id in ids or entity != "customer"):
            try:
                self.reload()
            except UserError:
                pass  # the customer went away (emptied trash); the dialog shows what it had

    # -- writing ----------------------------------------------------------------

    def _write(self, label: QLabel, call, *args, **kwargs) -> bool:
        """Run one service call; a UserError is shown in `label`, nothing else changes."""
        try:
            call(*args, **kwargs)
        except UserError as e:
            label.setText(user_message(e))
            label.show()
            return False
        label.hide()
        self.changed = True
        return True

    def save_identity(self) -> None:
        if self._write(self.error, service.update, self.customer_id,
                       nickname=self.nickname.text(), platform=self.platform.currentData(),
                       real_name=self.real_name.text(), phone=self.phone.text(),
                       region=self.region.text()):
            self.load_identity()  # shows the cleaned values (phone without spaces...)

    def _lifecycle_chosen(self, _index: int) -> None:
        self._write(self.error, figures.set_lifecycle, [self.customer_id],
                    self.lifecycle.currentData())

    def lifecycle_automatic(self) -> None:
        self._write(self.error, figures.clear_manual_lifecycle, [self.customer_id])

    def _suggest(self, text: str) -> None:
        self.suggestions.setStringList([t.name for t in tags.tag_suggestions(text)])

    def add_tag_named(self, text: str) -> None:
        text = text.strip()
        if not text:
            return
        found = tags.tag_suggestions(text)
        exact = [t for t in found if t.name == text]
        match = (exact or found or [None])[0]
        if match is None:
            self.tag_error.setText(self.tr("No tag \"{name}\".").format(name=text[:40]))
            self.tag_error.show()
            return
        if self._write(self.tag_error, tags.add_tags, [self.customer_id], [match.id]):
            self.add_tag.clear()

    def remove_tag(self, tag_id: int) -> None:
        self._write(self.tag_error, tags.remove_tags, [self.customer_id], [tag_id])

    def add_note_clicked(self) -> None:
        if self._write(self.note_error, notes.add, self.customer_id, self.note_text.toPlainText()):
            self.note_text.clear()
            self.notes.setCurrentRow(-1)

    def toggle_pin(self) -> None:
        item = self.notes.currentItem()
        if item is not None:
            self._write(self.note_error, notes.set_pinned, [item.data(NoteIdRole)],
                        not item.data(NoteIdRole + 1))

    def delete_clicked(self) -> None:
        note_id = self.current_note()
        if note_id is not None and self._write(self.note_error, notes.delete, [note_id]):
            self._deleted = [note_id]
            self.note_status.setText(self.tr("Note deleted."))
            self.undo.show()

    def undo_delete(self) -> None:
        if self._deleted and self._write(self.note_error, notes.restore, self._deleted):
            self._deleted = []
            self.note_status.clear()
            self.undo.hide()

    @classmethod
    def ask(cls, parent: QWidget | None, customer_id: int) -> bool:
        """Show the customer; True when anything was changed."""
        dialog = cls(customer_id, parent)
        dialog.exec()
        changed = dialog.changed
        dialog.deleteLater()  # its parent would keep it, listening to the bus
        return changed
