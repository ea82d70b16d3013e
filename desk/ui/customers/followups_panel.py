"""One customer's follow-ups: the list on the customer's page, with adding,
editing, marking done, snoozing and deleting (desk.ui.customers.followups
holds the changes it makes; desk.ui.customers.followup_dialog the form)."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtGui import QAction, QBrush, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desk.core import timeutil
from desk.core.customers import followups as core  # the dialog imports it anyway
from desk.core.customers.followups import FollowupInfo
from desk.core.errors import UserError
from desk.ui import fmt
from desk.ui.ask import InlineError
from desk.ui.bus import bus
from desk.ui.customers.followup_dialog import FollowupDialog
from desk.ui.customers.followups import (
    DONE_TEXT,
    OVERDUE_BACKGROUND,
    OVERDUE_TEXT,
    FollowupIdRole,
    delete,
    set_done,
    snooze,
    snooze_menu,
)


class FollowupsPanel(QWidget):
    """All of one customer's follow-ups, open ones first, with everything one
    does to them; refreshes from the change bus like any view."""

    def __init__(self, customer_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("followupsPanel")
        self.customer_id = customer_id
        self._stale = False

        self.list = QTreeWidget()
        self.list.setObjectName("followupsList")
        self.list.setColumnCount(3)
        self.list.setHeaderLabels([self.tr("Due"), self.tr("Follow-up"), self.tr("State"),
                                   self.tr("By")])  # the staff name of who set it
        self.list.setRootIsDecorated(False)
        self.list.setUniformRowHeights(True)
        self.list.setAllColumnsShowFocus(True)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        header = self.list.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.list.itemActivated.connect(lambda *_: self.edit_current())  # Enter, double-click
        self.list.itemSelectionChanged.connect(self._update_buttons)
        self.list.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.list.customContextMenuRequested.connect(self._context_menu)

        self.empty = QLabel(self.tr("No follow-ups yet. Add one to be reminded of this buyer."))
        self.empty.setObjectName("followupsEmpty")
        self.empty.setEnabled(False)
        self.error = InlineError("followupsError")

        # Shortcuts work while the focus is in the panel: embedded in a bigger
        # dialog, they do not take keys from its other parts. The mnemonics
        # avoid the letters the customer dialog uses.
        self.add_action = self._action("followupsAddAction", self.tr("Add follo&w-up…"), self.add_clicked,
                                       QKeySequence("Ctrl+N"))
        self.edit_action = self._action("followupsEditAction", self.tr("Edi&t…"),
                                        self.edit_current, QKeySequence("F2"))
        self.done_action = self._action("followupsDoneAction", self.tr("Mar&k done"),
                                        self.toggle_done, QKeySequence("Ctrl+D"))
        self.delete_action = self._action("followupsDeleteAction", self.tr("Delete"),
                                          self.delete_selected, QKeySequence.StandardKey.Delete)
        self.snooze = snooze_menu(self, self.snooze_selected, "followupsSnoozeMenu")

        self.add_button = self._button("followupsAdd", self.add_action)
        self.edit_button = self._button("followupsEdit", self.edit_action)
        self.done_button = self._button("followupsDone", self.done_action)
        self.snooze_button = QPushButton(self.tr("Snoo&ze"))
        self.snooze_button.setObjectName("followupsSnooze")
        self.snooze_button.setMenu(self.snooze)
        self.delete_button = self._button("followupsDelete", self.delete_action)
        buttons = QHBoxLayout()
        for b in (self.add_button, self.edit_button, self.done_button, self.snooze_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        buttons.addWidget(self.delete_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.empty)
        layout.addWidget(self.error)
        layout.addLayout(buttons)

        self.reload()
        bus().changed.connect(self._on_change)

    def _action(self, name: str, text: str, slot, shortcut) -> QAction:
        action = QAction(text, self)
        action.setObjectName(name)
        action.setShortcut(shortcut)
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _button(self, name: str, action: QAction) -> QPushButton:
        button = QPushButton(action.text())
        button.setObjectName(name)
        button.setToolTip(f"{action.text().replace('&', '')} ({action.shortcut().toString()})")
        button.clicked.connect(action.trigger)
        return button

    # -- reading --------------------------------------------------------------

    def reload(self) -> None:
        keep = set(self.selected_ids())
        current = self.current_id()
        self.list.clear()
        now = timeutil.now()
        for f in core.of_customer(self.customer_id):
            item = QTreeWidgetItem([fmt.when(timeutil.to_epoch(f.due_at)), f.title, self._state(f, now),
                                    f.staff])
            item.setData(0, FollowupIdRole, f.id)
            item.setData(1, FollowupIdRole, f.done)
            item.setToolTip(1, f.title)
            if f.done:
                font = item.font(0)
                font.setStrikeOut(True)
                for col in range(4):
                    item.setFont(col, font)
                    item.setForeground(col, QBrush(DONE_TEXT))
            elif f.overdue(now):
                for col in range(4):
                    item.setBackground(col, QBrush(OVERDUE_BACKGROUND))
                    item.setForeground(col, QBrush(OVERDUE_TEXT))
            self.list.addTopLevelItem(item)
            if f.id in keep:
                item.setSelected(True)
            if f.id == current:
                self.list.setCurrentItem(item, 0, QItemSelectionModel.SelectionFlag.NoUpdate)
        self.empty.setVisible(self.list.topLevelItemCount() == 0)
        self._stale = False
        self._update_buttons()

    def _state(self, f: FollowupInfo, now: datetime) -> str:
        if f.done and f.done_by:
            return self.tr("Done {when} by {staff}").format(
                when=fmt.when(timeutil.to_epoch(f.done_at)), staff=f.done_by)
        if f.done:
            return self.tr("Done {when}").format(when=fmt.when(timeutil.to_epoch(f.done_at)))
        return self.tr("Overdue") if f.overdue(now) else self.tr("Open")

    def _items(self) -> list[QTreeWidgetItem]:
        return [self.list.topLevelItem(i) for i in range(self.list.topLevelItemCount())]

    def selected_ids(self) -> list[int]:
        """The selected follow-ups, in the order shown."""
        return [item.data(0, FollowupIdRole) for item in self._items() if item.isSelected()]

    def _selected_open(self) -> list[int]:
        return [item.data(0, FollowupIdRole) for item in self._items()
                if item.isSelected() and not item.data(1, FollowupIdRole)]

    def current_id(self) -> int | None:
        item = self.list.currentItem()
        return None if item is None else item.data(0, FollowupIdRole)

    def _update_buttons(self) -> None:
        selected = self.selected_ids()
        some_open = bool(self._selected_open())
        self.edit_action.setEnabled(len(selected) == 1)
        self.done_action.setEnabled(bool(selected))
        self.done_action.setText(self.tr("Mar&k done") if some_open or not selected
                                 else self.tr("Mar&k not done"))
        self.delete_action.setEnabled(bool(selected))
        self.snooze.menuAction().setEnabled(some_open)
        for button, action in ((self.edit_button, self.edit_action),
                               (self.done_button, self.done_action),
                               (self.delete_button, self.delete_action)):
            button.setEnabled(action.isEnabled())
            button.setText(action.text())
        self.snooze_button.setEnabled(some_open)

    def _on_change(self, entity: str, ids) -> None:
        if entity == "followup" or (entity == "customer" and (not ids or self.customer_id in ids)):
            if self.isVisible():
                self.reload()
            else:
                self._stale = True  # reload when next shown

    def showEvent(self, event) -> None:
        if self._stale:
            self.reload()
        super().showEvent(event)

    def _context_menu(self, pos) -> None:
        menu = QMenu(self)
        menu.setObjectName("followupsContextMenu")
        for action in (self.add_action, self.edit_action, self.done_action):
            menu.addAction(action)
        menu.addMenu(self.snooze)
        menu.addSeparator()
        menu.addAction(self.delete_action)
        menu.exec(self.list.viewport().mapToGlobal(pos))
        menu.deleteLater()

    # -- writing ----------------------------------------------------------------

    def _write(self, call, *args) -> bool:
        """One undoable change; a UserError is shown under the list."""
        try:
            call(*args)
        except UserError as e:
            self.error.show_error(e)
            return False
        self.error.hide()
        return True

    def add_clicked(self) -> None:
        fid = FollowupDialog.ask(self, self.customer_id)
        if fid is not None:
            self.error.hide()
            self._select(fid)

    def edit_current(self) -> None:
        selected = self.selected_ids()
        fid = selected[0] if len(selected) == 1 else None
        if fid is not None and FollowupDialog.ask(self, self.customer_id, fid) is not None:
            self.error.hide()
            self._select(fid)

    def _select(self, followup_id: int) -> None:
        for item in self._items():
            if item.data(0, FollowupIdRole) == followup_id:
                self.list.setCurrentItem(item)
                return

    def toggle_done(self) -> None:
        """Marks the selected open follow-ups done; when all are done, reopens them."""
        open_ids = self._selected_open()
        if open_ids:
            self._write(set_done, open_ids, True)
        elif selected := self.selected_ids():
            self._write(set_done, selected, False)

    def snooze_selected(self, until: datetime) -> None:
        if ids := self._selected_open():
            self._write(snooze, ids, until)

    def delete_selected(self) -> None:
        if ids := self.selected_ids():
            self._write(delete, ids)
