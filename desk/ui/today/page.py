"""The Today page: follow-ups due today or overdue, and the after-sales cases
whose next deadline is today or has passed, oldest first."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QPushButton,
    QTableView,
)

from desk.core import timeutil
from desk.core.aftersales import due, views
from desk.core.aftersales.listing import CASES
from desk.core.customers.listing import FOLLOWUPS_DUE, due_by
from desk.core.errors import UserError
from desk.ui import errors, labels
from desk.ui.aftersales.urgency import Urgency, deadline_label
from desk.ui.customers import followups as ops
from desk.ui.listpage import ListPage
from desk.ui.tablemodel import Column, LazyTableModel

# Rows fetched at a time by the two lists: the start page's first paint needs
# a screenful, and fetching 200 rows of buyers and cases scattered over a big
# shop's tables cost it about 3 ms more.
SHORT_PAGE = 50


class TodayPage(ListPage):
    entities = ("followup", "customer", "case")

    def __init__(self, parent=None) -> None:
        platforms = labels.platforms()
        # one clock for both lists: the follow-ups' due times and the cases' deadlines
        urgency = Urgency()
        columns = [
            urgency.column(lambda: self.tr("Due"), "due_at"),
            Column("title", lambda: self.tr("Follow-up")),
            Column("nickname", lambda: self.tr("Buyer")),
            Column("platform", lambda: self.tr("Platform"), lambda v: labels.label(platforms, v)),
        ]
        super().__init__("todayPage", self.tr("Today"), FOLLOWUPS_DUE, columns, parent)
        self.model.page_size = SHORT_PAGE
        self.urgency = urgency
        urgency.setParent(self)
        self.search.setPlaceholderText(self.tr("Filter by buyer or task…"))
        self.view.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        for col, width in enumerate((120, 320, 170, 90)):
            self.view.setColumnWidth(col, width)
        self.stretch_column("title")

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
        self._build_cases()

        self.activated.connect(self.open_customer)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.customContextMenuRequested.connect(self._context_menu)
        self.view.selectionModel().selectionChanged.connect(lambda *_: self._update_actions())
        self.model.modelReset.connect(self._update_actions)
        self._update_actions()

    def _build_cases(self) -> None:
        """The cases due today or overdue: a second lazy table under the follow-ups."""
        statuses = labels.case_statuses()
        columns = [
            self.urgency.column(lambda: self.tr("Deadline")),
            Column("next_deadline_key", lambda: self.tr("What is due"), deadline_label),
            Column("case_no", lambda: self.tr("Case")),
            Column("nickname", lambda: self.tr("Buyer")),
            Column("status", lambda: self.tr("Status"), lambda v: labels.label(statuses, v)),
        ]
        self.cases_model = LazyTableModel(CASES, columns, self)
        self.cases_model.page_size = SHORT_PAGE
        # oldest deadline first, fixed: the most pressing case stays on top
        self.cases_model.sort(0, Qt.SortOrder.AscendingOrder)
        self.cases_view = QTableView()
        self.cases_view.setObjectName("todayCases")
        self.cases_view.setModel(self.cases_model)
        self.cases_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.cases_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.cases_view.setWordWrap(False)
        self.cases_view.verticalHeader().setVisible(False)
        self.cases_view.verticalHeader().setDefaultSectionSize(28)
        self.cases_view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        for col, width in enumerate((120, 240, 150, 170, 170)):
            self.cases_view.setColumnWidth(col, width)
        # the width left over goes to what is due, not to a gap after the status
        self.cases_view.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.cases_view.doubleClicked.connect(
            lambda ix: self.open_case(self.cases_model.id_at(ix.row())))
        self.cases_view.installEventFilter(self)
        self.cases_title = QLabel(self.tr("Case deadlines"))
        self.cases_title.setObjectName("todayCasesTitle")
        self.cases_count = QLabel()
        self.cases_count.setObjectName("todayCasesCount")
        title = QHBoxLayout()
        title.addWidget(self.cases_title)
        title.addStretch(1)
        title.addWidget(self.cases_count)
        self.body.addSpacing(8)
        self.body.addLayout(title)
        self.body.addWidget(self.cases_view, 1)
        self._repaint = QTimer(self, interval=60_000)  # colours and times left follow the clock
        self._repaint.timeout.connect(self.cases_view.viewport().update)
        self._repaint.timeout.connect(self.view.viewport().update)
        self._repaint.start()

    def eventFilter(self, watched, event) -> bool:
        # Enter opens the case under the cursor, as it opens a follow-up's buyer above
        if (watched is getattr(self, "cases_view", None) and event.type() == QEvent.Type.KeyPress
                and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
                and self.cases_view.currentIndex().isValid()):
            self.open_case(self.cases_model.id_at(self.cases_view.currentIndex().row()))
        return super().eventFilter(watched, event)

    def apply_filters(self) -> None:
        super().apply_filters()
        now, search = timeutil.now(), views.search_filter(self.search.text())
        self.cases_model.set_filters([due.today_filter(now), search])
        text = self.tr("%Ln case(s)", "", self.cases_model.rowCount())
        # overdue as the review and the After-sales filter count it
        overdue = len(CASES.ids([f for f in (due.overdue_filter(now), search) if f is not None]))
        if overdue:
            text = self.tr("{cases}, {overdue}").format(
                cases=text, overdue=self.tr("%Ln overdue", "", overdue))
        self.cases_count.setText(text)

    def due_counts(self) -> tuple[int, int]:
        """(follow-ups, cases) due by tonight, as the lists hold them after
        apply_filters() with an empty search box: what the badge counts."""
        return self.model.rowCount(), self.cases_model.rowCount()

    def _on_change(self, entity: str, ids) -> None:
        if entity == "setting":
            self.urgency.reload()
            self.cases_view.viewport().update()
            self.view.viewport().update()
        super()._on_change(entity, ids)

    def open_case(self, case_id: int) -> None:
        # the case form is big: loaded when first needed
        from desk.ui.aftersales.case_dialog import CaseDialog

        CaseDialog.ask(self, case_id=case_id)

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
        return [due_by(due.end_of_day(timeutil.now()))]

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

    def _write(self, call, *args) -> bool:
        try:
            call(*args)
        except UserError as e:
            errors.report(e, self)
            return False
        return True

    def _act_on_selection(self, call, *args) -> None:
        """`call(ids, *args)` on the selected follow-ups; then the row after
        them is selected (or the one before, at the end), so the list can be
        worked down from the keyboard."""
        rows = sorted(ix.row() for ix in self.view.selectionModel().selectedRows())
        if not rows:
            return
        ids = [self.model.id_at(r) for r in rows]
        n = self.model.rowCount()
        after = [self.model.id_at(r) for r in range(rows[-1] + 1, n)]
        before = [self.model.id_at(r) for r in range(rows[0] - 1, -1, -1)]
        if not self._write(call, ids, *args):
            return
        if self._stale:  # hidden: reloaded now, so the next row is there to select
            self.apply_filters()
        for candidate in [*after, *before, *ids]:  # snoozed ones may still be listed
            row = self.model.row_of(candidate)
            if row >= 0:
                index = self.model.index(row, 0)
                self.view.selectionModel().setCurrentIndex(
                    index, self.view.selectionModel().SelectionFlag.ClearAndSelect
                    | self.view.selectionModel().SelectionFlag.Rows)
                self.view.scrollTo(index)
                return

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
        self._act_on_selection(ops.set_done, True)

    def snooze_selected(self, until: datetime) -> None:
        self._act_on_selection(ops.snooze, until)

    def delete_selected(self) -> None:
        self._act_on_selection(ops.delete)
