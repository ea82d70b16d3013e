"""One customer on one page: identity, lifecycle group, figures and risks, tags,
notes, orders, after-sales cases and addresses; every change can be undone."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QCoreApplication, QStringListModel, Qt, QTimer
from PySide6.QtGui import QFont
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
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desk.core import timeutil
from desk.core.aftersales.models import OPEN_STATUSES
from desk.core.customers import figures, notes, service, tags
from desk.core.errors import UserError
from desk.core.platforms import PLATFORMS
from desk.ui import conflict, fmt, labels, screenfit
from desk.ui import undo as history
from desk.ui.bus import bus
from desk.ui.customers.address_dialog import AddressDialog
from desk.ui.customers.followups_panel import FollowupsPanel
from desk.ui.customers.tag_dialog import NewTagDialog
from desk.ui.errors import ERROR_STYLE, user_message

CHIP_STYLE = ("QToolButton {{ background: {color}; color: white; border-radius: 9px;"
              " padding: 2px 8px; }}")
BADGE_STYLE = "background: #c62828; color: white; border-radius: 4px; padding: 1px 6px;"
NoteIdRole = Qt.ItemDataRole.UserRole
PinnedRole = Qt.ItemDataRole.UserRole + 1
RowIdRole = Qt.ItemDataRole.UserRole  # on the first cell of a case or address row
DefaultRole = Qt.ItemDataRole.UserRole + 1  # on the first cell of an address row
NO_LINK = ":"


def link_key(order_id: int | None, case_id: int | None) -> str:
    """A note's link as the link combo's item data: "order:case", either part empty."""
    return f"{order_id or ''}:{case_id or ''}"


def link_ids(key: str) -> tuple[int | None, int | None]:
    order, _, case = (key or NO_LINK).partition(":")
    return (int(order) if order else None, int(case) if case else None)


def _fit_columns(table: QTableWidget) -> None:
    """Columns as wide as their contents; an empty table shares its width out
    instead of squeezing every column to its title."""
    if not shiboken6.isValid(table):
        return  # the model outlives its view while the dialog is torn down
    mode = (QHeaderView.ResizeMode.Stretch if table.rowCount() == 0
            else QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setSectionResizeMode(mode)


class CustomerDialog(QDialog):
    """Shows and edits one customer; every write goes through a core service and
    onto the app's undo history, and the dialog (like any open view) refreshes
    from the change bus."""

    def __init__(self, customer_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("customerDialog")
        self.customer_id = customer_id
        self.changed = False
        self._editing: int | None = None  # the note whose text is in the editor
        self._missing_tag = ""  # the name typed that matches no tag
        self._deleted_at_index = -1  # the history position right after a note was deleted
        self._shown: dict[str, Any] = {}  # the identity as last loaded into the form
        # the content scrolls, Close stays: the dialog fits a 1024×600 screen
        self.setMinimumSize(560, 360)
        from desk.ui import selection as current
        from desk.ui.replies.palette import add_action

        add_action(self)  # F9 here too: a modal dialog holds the main window's shortcuts
        current.set_customer(customer_id)

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
        for edit in (self.nickname, self.real_name, self.phone, self.region):
            edit.returnPressed.connect(self.save_identity)
        self.save = self._button("customerSave", self.tr("&Save"), self.save_identity)
        self.error = self._error_label("customerError")
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
        self.lifecycle_auto = self._button("customerLifecycleAuto", self.tr("Back to &automatic"),
                                           self.lifecycle_automatic)
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
        self.completer.activated.connect(self._tag_chosen)
        self.add_tag.returnPressed.connect(lambda: self.add_tag_named(self.add_tag.text()))
        self.tag_error = self._error_label("customerTagError")
        self.tag_error.setWordWrap(False)
        self.create_tag = self._button("customerCreateTag", "", self.create_tag_clicked)
        self.create_tag.hide()
        tag_row = QHBoxLayout()
        tag_row.addLayout(self.chips)
        tag_row.addWidget(self.add_tag)
        tag_row.addStretch(1)
        tag_error_row = QHBoxLayout()  # under the chips, so the field keeps its width
        tag_error_row.addWidget(self.tag_error)
        tag_error_row.addWidget(self.create_tag)
        tag_error_row.addStretch(1)
        tag_col = QVBoxLayout()
        tag_col.addLayout(tag_row)
        tag_col.addLayout(tag_error_row)
        tag_box = QGroupBox(self.tr("Tags"))
        tag_box.setLayout(tag_col)

        # notes
        self.notes = QListWidget()
        self.notes.setObjectName("customerNotes")
        self.notes.setWordWrap(True)
        self.notes.setSpacing(4)
        self.notes.setAlternatingRowColors(True)
        self.notes.currentItemChanged.connect(lambda *_: self._note_buttons())
        self.notes.itemActivated.connect(lambda _item: self.edit_note())
        self.note_text = QPlainTextEdit()
        self.note_text.setObjectName("customerNoteText")
        self.note_text.setPlaceholderText(self.tr("Write a note about this customer…"))
        self.note_text.setMaximumHeight(64)
        self.note_text.setTabChangesFocus(True)
        self.note_link = QComboBox()
        self.note_link.setObjectName("customerNoteLink")
        self.note_link.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        link_label = QLabel(self.tr("&Linked to:"))
        link_label.setBuddy(self.note_link)
        # Adds a note, or saves the one being edited.
        self.add_note = self._button("customerAddNote", self.tr("Add &note"), self.commit_note)
        self.cancel_edit = self._button("customerCancelEdit", self.tr("Cancel editing"),
                                        self.cancel_note_edit)
        self.cancel_edit.hide()
        self.edit_note_button = self._button("customerEditNote", self.tr("&Edit"), self.edit_note)
        self.pin = self._button("customerPinNote", self.tr("&Pin"), self.toggle_pin)
        self.delete_note = self._button("customerDeleteNote", self.tr("&Delete"), self.delete_clicked)
        self.undo_button = self._button("customerUndo", self.tr("&Undo"), history.stack().undo)
        self.undo_button.hide()
        self.note_status = QLabel()
        self.note_status.setObjectName("customerNoteStatus")
        self.note_error = self._error_label("customerNoteError")
        link_row = QHBoxLayout()
        link_row.addWidget(link_label)
        link_row.addWidget(self.note_link)
        link_row.addStretch(1)
        link_row.addWidget(self.cancel_edit)
        link_row.addWidget(self.add_note)
        note_buttons = QHBoxLayout()
        for w in (self.edit_note_button, self.pin, self.delete_note):
            note_buttons.addWidget(w)
        note_buttons.addStretch(1)
        note_buttons.addWidget(self.note_status)
        note_buttons.addWidget(self.undo_button)
        notes_col = QVBoxLayout()
        notes_col.addWidget(self.notes, 1)
        notes_col.addLayout(note_buttons)
        notes_col.addWidget(self.note_text)
        notes_col.addLayout(link_row)
        notes_col.addWidget(self.note_error)
        notes_box = QGroupBox(self.tr("Notes"))
        notes_box.setLayout(notes_col)

        # orders
        self.orders = self._table("customerOrders", [
            self.tr("Order number"), self.tr("Status"), self.tr("Placed"), self.tr("Amount")])

        # after-sales cases
        self.cases = self._table("customerCases", [
            self.tr("Case"), self.tr("Kind"), self.tr("Status"), self.tr("Reason"),
            self.tr("Next deadline")])
        self.cases.activated.connect(
            lambda index: self.open_case(self.cases.item(index.row(), 0).data(RowIdRole)))

        # addresses
        self.addresses = self._table("customerAddresses", [
            self.tr("Receiver"), self.tr("Phone"), self.tr("Address"), ""])
        self.addresses.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.addresses.activated.connect(lambda _index: self.edit_address_clicked())
        self.addresses.itemSelectionChanged.connect(self._address_buttons)
        self.add_address = self._button("customerAddAddress", self.tr("Add add&ress…"),
                                        self.add_address_clicked)
        self.edit_address = self._button("customerEditAddress", self.tr("Ed&it…"),
                                         self.edit_address_clicked)
        self.remove_address = self._button("customerRemoveAddress", self.tr("Re&move"),
                                           self.remove_address_clicked)
        self.default_address = self._button("customerDefaultAddress", self.tr("Make de&fault"),
                                            self.default_address_clicked)
        self.address_error = self._error_label("customerAddressError")
        address_buttons = QHBoxLayout()
        for w in (self.add_address, self.edit_address, self.remove_address, self.default_address):
            address_buttons.addWidget(w)
        address_buttons.addStretch(1)
        address_page = QWidget()
        address_col = QVBoxLayout(address_page)
        address_col.setContentsMargins(0, 0, 0, 0)
        address_col.addWidget(self.addresses, 1)
        address_col.addWidget(self.address_error)
        address_col.addLayout(address_buttons)

        self.tabs = QTabWidget()
        self.tabs.setObjectName("customerTabs")
        orders_page, orders_col = QWidget(), QVBoxLayout()
        orders_page.setLayout(orders_col)
        orders_col.setContentsMargins(0, 0, 0, 0)
        orders_col.addWidget(self.orders, 1)
        self.case_for_order = self._button("customerCaseForOrder", self.tr("After-sales case for this &order…"),
                                           self.new_case_for_order)
        orders_col.addWidget(self.case_for_order, 0, Qt.AlignmentFlag.AlignRight)
        cases_page, cases_col = QWidget(), QVBoxLayout()
        cases_page.setLayout(cases_col)
        cases_col.setContentsMargins(0, 0, 0, 0)
        cases_col.addWidget(self.cases, 1)
        self.new_case_button = self._button("customerNewCase", self.tr("New after-sales &case…"),
                                            self.new_case)
        cases_col.addWidget(self.new_case_button, 0, Qt.AlignmentFlag.AlignRight)
        self.tabs.addTab(orders_page, self.tr("Orders"))
        self.tabs.addTab(cases_page, "")  # titled with the count by _fill_cases
        self.tabs.addTab(address_page, self.tr("Addresses"))
        self.followups = FollowupsPanel(customer_id)
        self.tabs.addTab(self.followups, self.tr("Follow-ups"))

        lower = QHBoxLayout()
        lower.addWidget(notes_box, 1)
        lower.addWidget(self.tabs, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        # as the default button, Close would take the Enter meant for a field
        buttons.button(QDialogButtonBox.StandardButton.Close).setAutoDefault(False)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        content = QWidget()
        content_col = QVBoxLayout(content)
        content_col.setContentsMargins(0, 0, 0, 0)
        top = QHBoxLayout()
        top.addWidget(identity, 1)
        side = QVBoxLayout()
        side.addWidget(group_box)
        side.addWidget(self.figures)
        side.addLayout(badge_row)
        side.addWidget(tag_box)
        side.addStretch(1)
        top.addLayout(side, 1)
        content_col.addLayout(top)
        content_col.addLayout(lower, 1)
        self.notes.setMinimumHeight(120)
        layout.addWidget(screenfit.scrolling(content, "customerScroll"), 1)
        layout.addWidget(buttons)
        screenfit.first_size(self, 1000, 720)

        # Ctrl+Z / Ctrl+Shift+Z while this (modal) dialog is the active window
        history.add_actions(self)
        history.stack().indexChanged.connect(self._history_moved)
        self.load_identity()
        self.reload()
        bus().changed.connect(self._on_change)

    def _line(self, name: str) -> QLineEdit:
        edit = QLineEdit()
        edit.setObjectName(name)
        return edit

    def _button(self, name: str, text: str, slot: Callable) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(name)
        # Enter in a field (the tag field, a note link) must not press some button
        button.setAutoDefault(False)
        button.clicked.connect(lambda _=False: slot())
        return button

    def _error_label(self, name: str) -> QLabel:
        label = QLabel()
        label.setObjectName(name)
        label.setStyleSheet(ERROR_STYLE)
        label.setWordWrap(True)
        label.hide()
        return label

    def _table(self, name: str, headers: list[str]) -> QTableWidget:
        table = QTableWidget(0, len(headers))
        table.setObjectName(name)
        table.setHorizontalHeaderLabels(headers)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.verticalHeader().setVisible(False)
        table.setWordWrap(False)
        table.horizontalHeader().setStretchLastSection(True)
        model = table.model()
        for signal in (model.rowsInserted, model.rowsRemoved, model.modelReset):
            signal.connect(lambda *_args, t=table: _fit_columns(t))
        _fit_columns(table)
        return table

    # -- reading --------------------------------------------------------------

    def _identity_values(self) -> dict[str, Any]:
        return {"nickname": self.nickname.text(), "platform": self.platform.currentData(),
                "real_name": self.real_name.text(), "phone": self.phone.text(),
                "region": self.region.text()}

    def load_identity(self) -> None:
        c = service.get(self.customer_id)
        self.nickname.setText(c.nickname)
        self.platform.setCurrentIndex(max(0, self.platform.findData(c.platform)))
        self.real_name.setText(c.real_name)
        self.phone.setText(c.phone)
        self.region.setText(c.region)
        self._shown = self._identity_values()
        self._version = c.version  # what a save checks (desk/ui/conflict.py)

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
        orders = service.orders_of(self.customer_id)
        cases = service.cases_of(self.customer_id)
        self._fill_links(orders, cases)
        self._fill_notes()
        self._fill_orders(orders)
        self._fill_cases(cases)
        self._fill_addresses(c.addresses)

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
        names = labels.risks()
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
            chip.clicked.connect(lambda _=False, t=tag: self.remove_tag(t.id, t.name))
            self.chips.addWidget(chip)

    def _link_text(self, order_no: str | None, case_no: str | None) -> str:
        parts = []
        if order_no is not None:
            parts.append(self.tr("Order {order_no}").format(order_no=order_no))
        if case_no is not None:
            parts.append(self.tr("Case {case_no}").format(case_no=case_no))
        return " · ".join(parts)

    def _fill_links(self, orders, cases) -> None:
        """The link combo: nothing, each of this customer's orders, each of their cases."""
        keep = self.note_link.currentData()
        self.note_link.clear()
        self.note_link.addItem(self.tr("(none)"), NO_LINK)
        for order_id, order_no, *_ in orders:
            self.note_link.addItem(self._link_text(order_no, None), link_key(order_id, None))
        kinds = labels.case_kinds()
        for case in cases:
            text = self.tr("Case {case_no} ({kind})").format(
                case_no=case.case_no, kind=labels.label(kinds, case.kind))
            self.note_link.addItem(text, link_key(None, case.id))
        if self._editing is not None:
            try:
                note = notes.get_note(self._editing)
            except UserError:
                note = None
            if note is not None and note.order_id is not None and note.case_id is not None:
                # linked to both (an import can do that): offer to keep it so
                self.note_link.addItem(self._link_text(note.order_no, note.case_no),
                                       link_key(note.order_id, note.case_id))
        self.note_link.setCurrentIndex(max(0, self.note_link.findData(keep or NO_LINK)))

    def _fill_notes(self) -> None:
        current = self.current_note()
        self.notes.clear()
        for note in notes.list_notes(self.customer_id):
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
            self.notes.addItem(item)
            if note.id == current:
                self.notes.setCurrentItem(item)
        self._note_buttons()

    def _fill_orders(self, rows) -> None:
        statuses = labels.order_statuses()
        self.orders.setRowCount(len(rows))
        for r, (order_id, order_no, status, placed, amount) in enumerate(rows):
            amount_item = QTableWidgetItem(fmt.money(amount))
            amount_item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            for col, item in enumerate((QTableWidgetItem(order_no),
                                        QTableWidgetItem(labels.label(statuses, status)),
                                        QTableWidgetItem(fmt.when(timeutil.to_epoch(placed))),
                                        amount_item)):
                item.setData(RowIdRole, order_id)
                self.orders.setItem(r, col, item)
        self.case_for_order.setEnabled(bool(rows))

    def _fill_cases(self, rows) -> None:
        kinds, statuses = labels.case_kinds(), labels.case_statuses()
        now = timeutil.now()
        self.cases.setRowCount(len(rows))
        for r, case in enumerate(rows):
            if case.next_deadline_at is None or case.status not in OPEN_STATUSES:
                deadline = "—"
            else:
                deadline = fmt.when(timeutil.to_epoch(case.next_deadline_at))
                if case.next_deadline_at < now:
                    deadline = self.tr("{when} (overdue)").format(when=deadline)
            first = QTableWidgetItem(case.case_no)
            first.setData(RowIdRole, case.id)
            for col, item in enumerate((first,
                                        QTableWidgetItem(labels.label(kinds, case.kind)),
                                        QTableWidgetItem(labels.label(statuses, case.status)),
                                        QTableWidgetItem(case.reason_name),
                                        QTableWidgetItem(deadline))):
                self.cases.setItem(r, col, item)
        self.tabs.setTabText(1, self.tr("After-sales (%n)", "", len(rows)))

    def _fill_addresses(self, rows) -> None:
        current = self.current_address()
        self.addresses.setRowCount(len(rows))
        bold = QFont(self.addresses.font())
        bold.setBold(True)
        for r, a in enumerate(rows):
            place = f"{a.province}{a.city}{a.district} {a.detail}".strip()
            first = QTableWidgetItem(a.receiver)
            first.setData(RowIdRole, a.id)
            first.setData(DefaultRole, a.is_default)
            items = (first, QTableWidgetItem(a.phone), QTableWidgetItem(place),
                     QTableWidgetItem(self.tr("Default") if a.is_default else ""))
            for col, item in enumerate(items):
                if a.is_default:
                    item.setFont(bold)
                self.addresses.setItem(r, col, item)
            if a.id == current:
                self.addresses.selectRow(r)
        self._address_buttons()

    def current_note(self) -> int | None:
        item = self.notes.currentItem()
        return None if item is None else item.data(NoteIdRole)

    def current_address(self) -> int | None:
        rows = self.addresses.selectionModel().selectedRows()
        if not rows:
            return None
        return self.addresses.item(rows[0].row(), 0).data(RowIdRole)

    def _note_buttons(self) -> None:
        item = self.notes.currentItem()
        for button in (self.edit_note_button, self.pin, self.delete_note):
            button.setEnabled(item is not None)
        pinned = item is not None and bool(item.data(PinnedRole))
        self.pin.setText(self.tr("Un&pin") if pinned else self.tr("&Pin"))

    def _address_buttons(self) -> None:
        rows = self.addresses.selectionModel().selectedRows()
        chosen = bool(rows)
        self.edit_address.setEnabled(chosen)
        self.remove_address.setEnabled(chosen)
        is_default = chosen and bool(self.addresses.item(rows[0].row(), 0).data(DefaultRole))
        self.default_address.setEnabled(chosen and not is_default)

    def _on_change(self, entity: str, ids) -> None:
        if self.isVisible() and entity in ("customer", "note", "order", "case", "tag") and (
                not ids or self.customer_id in ids or entity != "customer"):
            try:
                if entity == "customer" and self._identity_values() == self._shown:
                    self.load_identity()  # not being edited: follow an undo or another window
                self.reload()
            except UserError:
                pass  # the customer went away (emptied trash); the dialog shows what it had

    def _history_moved(self, index: int) -> None:
        if index != self._deleted_at_index:
            self._deleted_at_index = -1
            self.note_status.clear()
            self.undo_button.hide()

    def open_case(self, case_id: int) -> None:
        """Double-click (or Enter) on a case: the case form."""
        from desk.ui.aftersales.case_dialog import CaseDialog

        CaseDialog.ask(self, case_id=case_id)

    def new_case(self) -> None:
        from desk.ui.aftersales.case_dialog import CaseDialog

        CaseDialog.ask(self, customer_id=self.customer_id)

    def new_case_for_order(self) -> None:
        """A case for the selected order (or the first one), its items and amount filled in."""
        from desk.ui.aftersales.case_dialog import CaseDialog

        row = max(0, self.orders.currentRow())
        item = self.orders.item(row, 0)
        if item is None or item.data(RowIdRole) is None:
            CaseDialog.ask(self, customer_id=self.customer_id)
            return
        CaseDialog.ask(self, customer_id=self.customer_id, order_id=item.data(RowIdRole))

    # -- writing ----------------------------------------------------------------

    def _record(self, text: str, do: Callable[[], Any], undo: Callable[[Any], Any],
                redo: Callable[[], Any] | None = None) -> Any:
        """Make one change and put it on the app's undo history; a UserError
        propagates and nothing is recorded."""
        result = history.perform(text, do, undo, redo)
        self.changed = True
        return result

    def _perform(self, label: QLabel, text: str, do: Callable[[], Any],
                 undo: Callable[[Any], Any], redo: Callable[[], Any] | None = None) -> bool:
        """_record(), with a UserError shown in `label` (and nothing changed)."""
        try:
            self._record(text, do, undo, redo)
        except UserError as e:
            label.setText(user_message(e))
            label.show()
            return False
        label.hide()
        return True

    def save_identity(self) -> None:
        new = self._identity_values()
        if new == self._shown:
            self.error.hide()
            return
        cid = self.customer_id
        try:
            before = service.get(cid)
        except UserError as e:
            self.error.setText(user_message(e))
            self.error.show()
            return
        old = {name: getattr(before, name) for name in service.IDENTITY_FIELDS}
        if self._perform(self.error, self.tr("Edit “{nickname}”").format(nickname=before.nickname),
                         conflict.guarded(self, lambda v: service.update(cid, version=v, **new),
                                          self._version, reload=self.load_identity),
                         lambda _: service.update(cid, **old), lambda: service.update(cid, **new)):
            self.load_identity()  # shows the cleaned values (phone without spaces...)

    def _lifecycle_chosen(self, _index: int) -> None:
        cid, group = self.customer_id, self.lifecycle.currentData()
        before = service.get(cid)

        def back(_result) -> None:
            if before.lifecycle_manual:
                figures.set_lifecycle([cid], before.lifecycle)
            else:
                figures.clear_manual_lifecycle([cid])

        self._perform(self.error, self.tr("Move to group “{group}”").format(
            group=self.lifecycle.currentText()), lambda: figures.set_lifecycle([cid], group), back)

    def lifecycle_automatic(self) -> None:
        cid = self.customer_id
        group = service.get(cid).lifecycle
        self._perform(self.error, self.tr("Group follows the orders again"),
                      lambda: figures.clear_manual_lifecycle([cid]),
                      lambda _: figures.set_lifecycle([cid], group))

    def _suggest(self, text: str) -> None:
        self.tag_error.hide()
        self.create_tag.hide()
        self.suggestions.setStringList([t.name for t in tags.tag_suggestions(text)])

    def _tag_chosen(self, text: str) -> None:
        """A tag picked in the completer's list: added, and the field emptied
        again once the completer has finished writing its choice into it."""
        self.add_tag_named(text)
        if not self.tag_error.isVisible():
            QTimer.singleShot(0, self._clear_tag_field)

    def _clear_tag_field(self) -> None:
        if shiboken6.isValid(self) and not self.tag_error.isVisible():
            self.add_tag.clear()

    def add_tag_named(self, text: str) -> None:
        text = text.strip()
        if not text:
            return
        found = tags.tag_suggestions(text)
        exact = [t for t in found if t.name == text]
        match = (exact or found or [None])[0]
        if match is None:
            self._missing_tag = text
            self.tag_error.setText(self.tr("No tag \"{name}\".").format(name=text[:40]))
            self.tag_error.show()
            self.create_tag.setText(self.tr("&Create tag “{name}”…").format(name=text[:40]))
            self.create_tag.show()
            return
        self.create_tag.hide()
        cid = self.customer_id
        if tags.tag_pairs([cid], [match.id]):  # has it already: nothing to do
            self.tag_error.hide()
            self.add_tag.clear()
            return
        pairs = [(cid, match.id)]
        if self._perform(self.tag_error, self.tr("Add tag “{name}”").format(name=match.name),
                         lambda: tags.add_tags([cid], [match.id]),
                         lambda _: tags.set_pairs(pairs, False)):
            self.add_tag.clear()

    def create_tag_clicked(self) -> None:
        cid = self.customer_id

        def save(name: str, category_id: int) -> None:
            self._record(self.tr("New tag “{name}”").format(name=name.strip()[:40]),
                         lambda: service.tag_with_new(cid, category_id, name),
                         lambda tag_id: tags.delete_tag(tag_id))

        if NewTagDialog.ask(self, self._missing_tag, save) is not None:
            self._missing_tag = ""
            self.tag_error.hide()
            self.create_tag.hide()
            self.add_tag.clear()

    def remove_tag(self, tag_id: int, name: str) -> None:
        cid = self.customer_id
        pairs = tags.tag_pairs([cid], [tag_id])
        self._perform(self.tag_error, self.tr("Remove tag “{name}”").format(name=name),
                      lambda: tags.remove_tags([cid], [tag_id]),
                      lambda _: tags.set_pairs(pairs, True))

    # notes

    def edit_note(self) -> None:
        """Put the chosen note's text and link into the editor; Save writes them back."""
        note_id = self.current_note()
        if note_id is None:
            return
        try:
            note = notes.get_note(note_id)
        except UserError as e:
            self.note_error.setText(user_message(e))
            self.note_error.show()
            return
        self._editing = note.id
        self._editing_version = note.version
        self.note_error.hide()
        self.note_text.setPlainText(note.body)
        self._fill_links(service.orders_of(self.customer_id), service.cases_of(self.customer_id))
        self.note_link.setCurrentIndex(
            max(0, self.note_link.findData(link_key(note.order_id, note.case_id))))
        self._note_mode()
        self.note_text.setFocus()

    def edit_note_again(self, note_id: int) -> None:
        """After a conflict: the note as it is now, in the editor."""
        for row in range(self.notes.count()):
            if self.notes.item(row).data(NoteIdRole) == note_id:
                self.notes.setCurrentRow(row)
        self.edit_note()

    def cancel_note_edit(self) -> None:
        self._editing = None
        self.note_text.clear()
        self.note_link.setCurrentIndex(0)
        self.note_error.hide()
        self._note_mode()

    def _note_mode(self) -> None:
        editing = self._editing is not None
        self.add_note.setText(self.tr("Save &note") if editing else self.tr("Add &note"))
        self.cancel_edit.setVisible(editing)

    def commit_note(self) -> None:
        """Add the note in the editor, or save the one being edited."""
        cid, body = self.customer_id, self.note_text.toPlainText()
        order_id, case_id = link_ids(self.note_link.currentData())
        note_id = self._editing
        if note_id is None:
            made: list[int] = []

            def add() -> int:
                made.append(notes.add(cid, body, order_id=order_id, case_id=case_id))
                return made[-1]

            def put_back() -> int:  # redo: the same note again, so later steps still find it
                notes.restore(made)
                return made[-1]

            done = self._perform(self.note_error, self.tr("Add note"), add,
                                 lambda new_id: notes.delete([new_id]), put_back)
        else:
            try:
                old = notes.get_note(note_id)
            except UserError as e:
                self.note_error.setText(user_message(e))
                self.note_error.show()
                return
            done = self._perform(
                self.note_error, self.tr("Edit note"),
                conflict.guarded(self, lambda v: notes.edit(note_id, body, order_id=order_id,
                                                            case_id=case_id, version=v),
                                 self._editing_version, reload=lambda: self.edit_note_again(note_id)),
                lambda _: notes.edit(note_id, old.body, order_id=old.order_id, case_id=old.case_id),
                lambda: notes.edit(note_id, body, order_id=order_id, case_id=case_id))
        if done:
            self._editing = None
            self.note_text.clear()
            self.note_link.setCurrentIndex(0)
            self._note_mode()
            if note_id is None:
                self.notes.setCurrentRow(-1)

    def toggle_pin(self) -> None:
        item = self.notes.currentItem()
        if item is None:
            return
        ids, pinned = [item.data(NoteIdRole)], bool(item.data(PinnedRole))
        self._perform(self.note_error, self.tr("Unpin note") if pinned else self.tr("Pin note"),
                      lambda: notes.set_pinned(ids, not pinned),
                      lambda _: notes.set_pinned(ids, pinned))

    def delete_clicked(self) -> None:
        note_id = self.current_note()
        if note_id is None:
            return
        if self._perform(self.note_error, self.tr("Delete note"), lambda: notes.delete([note_id]),
                         lambda _: notes.restore([note_id])):
            if self._editing == note_id:
                self.cancel_note_edit()
            self._deleted_at_index = history.stack().index()
            self.note_status.setText(self.tr("Note deleted."))
            self.undo_button.show()

    # addresses

    def add_address_clicked(self) -> None:
        cid = self.customer_id

        def save(values: dict) -> None:
            default_before = service.default_address(cid)
            removed: dict = {}

            def take_back(address_id: int) -> None:
                removed.clear()
                removed.update(service.remove_address(address_id, default_to=default_before))

            self._record(self.tr("Add address"), lambda: service.add_address(cid, **values),
                         take_back, lambda: service.restore_address(removed))

        if AddressDialog.ask(self, None, save) is not None:
            self.address_error.hide()

    def edit_address_clicked(self) -> None:
        address_id = self.current_address()
        if address_id is None:
            return
        try:
            before = service.get_address(address_id)
        except UserError as e:
            self.address_error.setText(user_message(e))
            self.address_error.show()
            return
        old = {name: getattr(before, name) for name in service.ADDRESS_FIELDS}

        def save(values: dict) -> None:
            self._record(self.tr("Edit address"), conflict.guarded(
                self, lambda v: service.update_address(address_id, version=v, **values),
                before.version), lambda _: service.update_address(address_id, **old),
                lambda: service.update_address(address_id, **values))

        if AddressDialog.ask(self, old, save) is not None:
            self.address_error.hide()

    def remove_address_clicked(self) -> None:
        address_id = self.current_address()
        if address_id is not None:
            self._perform(self.address_error, self.tr("Remove address"),
                          lambda: service.remove_address(address_id),
                          lambda removed: service.restore_address(removed))

    def default_address_clicked(self) -> None:
        address_id = self.current_address()
        if address_id is None:
            return
        previous = service.default_address(self.customer_id)

        def back(_result) -> None:
            if previous is not None:
                service.update_address(previous, is_default=True)

        self._perform(self.address_error, self.tr("Make address the default"),
                      lambda: service.update_address(address_id, is_default=True), back)

    @classmethod
    def ask(cls, parent: QWidget | None, customer_id: int) -> bool:
        """Show the customer; True when anything was changed."""
        dialog = cls(customer_id, parent)
        dialog.exec()
        changed = dialog.changed
        dialog.deleteLater()  # its parent would keep it, listening to the bus
        return changed
