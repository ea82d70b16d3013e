"""The Today page: follow-ups due today or overdue, oldest first."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, time, timedelta

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QHBoxLayout, QMenu, QPushButton

from desk.core import timeutil
from desk.core.customers.listing import FOLLOWUPS_DUE, due_by
from desk.core.errors import UserError
from desk.ui import errors, fmt, labels
from desk.ui.customers import followups as ops
from desk.ui.listpage import ListPage
from desk.ui.tablemodel import Column


def end_of_today() -> datetime:
    """Local midnight tonight, as an aware datetime."""
    tomorrow = timeutil.now().astimezone().date() + timedelta(days=1)
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

        self.open_action = self._action("todayOpenCustomerAction", self.tr("&Open customer"),
                                        self.open_current_customer)
        self.edit_action = self._action("todayEditAction", self.tr("Ed&it…"), self.edit_current,
                                        QKeySequence("F2"), Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.done_action = self._action("todayMarkDoneAction", self.tr("Mark &done"),
                                        self.mark_selected_done, QKeySequence("Ctrl+D"))
        # Delete only while the table has the focus: in the search box it deletes text
        self.delete_action = self._action("todayDeleteAction", self.tr("De&lete"),
                                          self.delete_selected, QKeySequence.StandardKey.Delete,
                                          Qt.ShortcutContext.WidgetShortcut, self.view)
        self.snooze = ops.snooze_menu(self, self.snooze_selected, "todaySnoozeMenu")

        self.open_button = self._button("todayOpenCustomer", self.open_action,
                                        self.tr("Open the buyer of this follow-up (Enter, double-click)"))
        self.edit_button = self._button("todayEdit", self.edit_action,
                                        self.tr("Change what to follow up or when (F2)"))
        self.snooze_button = QPushButton(self.tr("&Snooze"))
        self.snooze_button.setObjectName("todaySnooze")
        self.snooze_button.setToolTip(self.tr("Put the selected follow-ups off until later"))
        self.snooze_button.setMenu(self.snooze)
        self.delete_button = self._button("todayDelete", self.delete_action,
                                          self.tr("Delete the selected follow-ups (Del)"))
        self.done_button = self._button("todayMarkDone", self.done_action,
                                        self.tr("Mark the selected follow-ups done (Ctrl+D)"))
        row = QHBoxLayout()
        for button in (self.open_button, self.edit_button, self.delete_button):
            row.addWidget(button)
        row.addStretch(1)
        row.addWidget(self.snooze_button)
        row.addWidget(self.done_button)
        self.body.addLayout(row)

        self.activated.connect(self.open_customer)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.customContextMenuRequested.connect(self._context_menu)
        self.view.selectionModel().selectionChanged.connect(lambda *_: self._update_actions())
        self.model.modelReset.connect(self._update_actions)
        self._update_actions()

    def _action(self, name: str, text: str, slot: Callable[[], None], shortcut=None,
                context=Qt.ShortcutContext.WindowShortcut, owner=None) -> QAction:
        action = QAction(text, self)
        action.setObjectName(name)
        if shortcut is not None:
            action.setShortcut(shortcut)
            action.setShortcutContext(context)
        action.triggered.connect(slot)
        (owner or self).addAction(action)
        return action

    def _button(self, name: str, action: QAction, tooltip: str) -> QPushButton:
        button = QPushButton(action.text())
        button.setObjectName(name)
        button.setToolTip(tooltip)
        button.clicked.connect(action.trigger)
        return button

    def _update_actions(self) -> None:
        selected = len(self.view.selectionModel().selectedRows())
        for action, enabled in ((self.open_action, selected == 1), (self.edit_action, selected == 1),
                                (self.done_action, selected > 0), (self.delete_action, selected > 0),
                                (self.snooze.menuAction(), selected > 0)):
            action.setEnabled(enabled)
        for button, action in ((self.open_button, self.open_action),
                               (self.edit_button, self.edit_action),
                               (self.done_button, self.done_action),
                               (self.delete_button, self.delete_action),
                               (self.snooze_button, self.snooze.menuAction())):
            button.setEnabled(action.isEnabled())

    def _context_menu(self, pos) -> None:
        if not self.view.indexAt(pos).isValid():
            return
        menu = QMenu(self)
        menu.setObjectName("todayContextMenu")
        menu.addAction(self.open_action)
        menu.addAction(self.edit_action)
        menu.addAction(self.done_action)
        menu.addMenu(self.snooze)
        menu.addSeparator()
        menu.addAction(self.delete_action)
        menu.exec(self.view.viewport().mapToGlobal(pos))
        menu.deleteLater()

    def extra_filters(self):
        return [due_by(end_of_today())]

    def search_filter(self, text: str):
        from desk.core.listing import Filter

        q = text.strip()
        if not q:
            return None
        return Filter("c.nickname LIKE ? OR f.title LIKE ?", (f"%{q}%", f"%{q}%"))

    # -- acting on the selection ------------------------------------------------

    def _customer_of(self, followup_id: int) -> int | None:
        row = self.model.row_of(followup_id)
        return None if row < 0 else self.model.value(row, "customer_id")

    def _current_id(self) -> int | None:
        ids = self.selected_ids()
        return ids[0] if len(ids) == 1 else None

    def _write(self, call, *args) -> None:
        try:
            call(*args)
        except UserError as e:
            errors.report(e, self)

    def open_customer(self, followup_id: int) -> None:
        # a big module, loaded when first needed
        from desk.ui.customers.detail import CustomerDialog

        customer_id = self._customer_of(followup_id)
        if customer_id is not None:
            CustomerDialog.ask(self, customer_id)

    def open_current_customer(self) -> None:
        if (fid := self._current_id()) is not None:
            self.open_customer(fid)

    def edit_current(self) -> None:
        from desk.ui.customers.followup_dialog import FollowupDialog

        fid = self._current_id()
        customer_id = None if fid is None else self._customer_of(fid)
        if customer_id is not None:
            FollowupDialog.ask(self, customer_id, fid)

    def mark_selected_done(self) -> None:
        if ids := self.selected_ids():
            self._write(ops.set_done, ids, True)

    def snooze_selected(self, until: datetime) -> None:
        if ids := self.selected_ids():
            self._write(ops.snooze, ids, until)

    def delete_selected(self) -> None:
        if ids := self.selected_ids():
            self._write(ops.delete, ids)
