"""The After-sales page: every case in one lazy table, found as you type,
narrowed by filters, soonest deadline first, each case's next deadline shown
as the time left and coloured by how near it is."""

from __future__ import annotations

from PySide6.QtCore import QSignalBlocker, Qt, QTimer
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import QMenu, QPushButton, QToolBar, QToolButton

from desk.core import timeutil
from desk.core.aftersales import views
from desk.core.aftersales.listing import CASES
from desk.ui import fmt, labels
from desk.ui.aftersales.filterbar import CaseFilterBar
from desk.ui.aftersales.urgency import Urgency, deadline_label
from desk.ui.listpage import ListPage
from desk.ui.tablemodel import Column

RIGHT = Qt.AlignmentFlag.AlignRight
DEFAULT_SORT = ("next_deadline_at", False)  # overdue and soonest first, no deadline last
HIDDEN_COLUMNS = ("next_deadline_key", "platform", "responsibility", "tracking_no")
# ".2": the deadline column moved first; a layout saved before (deadline last,
# cut off on a laptop) is left behind once, for the new default
COLUMNS_STATE = "aftersales.columns.2"
REPAINT_MS = 60_000  # colours and times left follow the clock


class AftersalesPage(ListPage):
    export_kind = "aftersales"
    entities = ("case", "customer", "order")

    def __init__(self, parent=None) -> None:
        kinds, statuses, platforms = labels.case_kinds(), labels.case_statuses(), labels.platforms()
        urgency = Urgency()
        columns = [
            urgency.column(lambda: self.tr("Next deadline")),
            Column("case_no", lambda: self.tr("Case")),
            Column("nickname", lambda: self.tr("Buyer")),
            Column("order_no", lambda: self.tr("Order")),
            Column("kind", lambda: self.tr("Kind"), lambda v: labels.label(kinds, v)),
            Column("reason", lambda: self.tr("Reason")),
            Column("status", lambda: self.tr("Status"), lambda v: labels.label(statuses, v)),
            Column("handler", lambda: self.tr("Handler")),
            Column("amount_fen", lambda: self.tr("Amount"), fmt.money, RIGHT,
                   tooltip=lambda _v: self.tr("Refund plus compensation")),
            Column("opened_at", lambda: self.tr("Opened"), fmt.when),
            Column("next_deadline_key", lambda: self.tr("What is due"), deadline_label),
            Column("platform", lambda: self.tr("Platform"), lambda v: labels.label(platforms, v)),
            Column("responsibility", lambda: self.tr("Responsibility"),
                   lambda v: labels.label(self.responsibilities, v)),
            Column("tracking_no", lambda: self.tr("Tracking no.")),
        ]
        super().__init__("aftersalesPage", self.tr("After-sales"), CASES, columns, parent)
        self.urgency = urgency
        urgency.setParent(self)
        self.responsibilities = labels.responsibilities()
        self.search.setPlaceholderText(
            self.tr("Search case, order or tracking number, or buyer…"))
        self.view.sortByColumn(self.column_of(DEFAULT_SORT[0]),
                               Qt.SortOrder.DescendingOrder if DEFAULT_SORT[1]
                               else Qt.SortOrder.AscendingOrder)
        for key, width in (("next_deadline_at", 110), ("case_no", 150), ("nickname", 130),
                           ("order_no", 170), ("kind", 110), ("reason", 90), ("status", 150),
                           ("handler", 70), ("amount_fen", 90), ("opened_at", 130),
                           ("next_deadline_key", 180)):
            self.view.setColumnWidth(self.column_of(key), width)
        self.remember_columns(COLUMNS_STATE, HIDDEN_COLUMNS)
        self.stretch_column("nickname")
        self.activated.connect(self.open_case)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.customContextMenuRequested.connect(self._row_menu)

        self.filter_bar = CaseFilterBar(self)
        self.filter_bar.changed.connect(self._debounce.start)
        self.filter_bar.hide()
        self._build_toolbar()
        self.body.insertWidget(2, self.filter_bar)  # under the tool bar
        self.view.selectionModel().selectionChanged.connect(lambda *_: self._enable_actions())
        self.view.selectionModel().currentChanged.connect(self._track_current)
        self.model.modelReset.connect(self._enable_actions)
        self._enable_actions()

        self._repaint = QTimer(self, interval=REPAINT_MS)
        self._repaint.timeout.connect(self.view.viewport().update)
        self._repaint.start()

    # --- toolbar --------------------------------------------------------------

    def _tool(self, name: str, text: str, slot, shortcut: str, tip: str) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(name)
        button.clicked.connect(slot)
        action = QAction(self)
        action.setShortcut(QKeySequence(shortcut))
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.triggered.connect(lambda: button.isEnabled() and button.click())
        self.addAction(action)
        keys = QKeySequence(shortcut).toString(QKeySequence.SequenceFormat.NativeText)
        button.setToolTip(f"{tip} ({keys})")
        return button

    def _build_toolbar(self) -> None:
        self.filters_button = self._tool("caseToggleFilters", self.tr("Filters"), self.toggle_filters,
                                         "Ctrl+Shift+F", self.tr("Show or hide the filters"))
        self.filters_button.setCheckable(True)
        self.open_button = self._tool("caseOpen", self.tr("&Open case…"), self.open_current,
                                      "Ctrl+O", self.tr("Open the selected case (Enter, double-click)"))
        self.new_button = self._tool("caseNew", self.tr("&New case…"), lambda: self.new_case(),
                                     "Ctrl+N", self.tr("Open a new after-sales case for a buyer"))
        self.more = QToolButton()
        self.more.setObjectName("aftersalesMore")
        self.more.setText(self.tr("More"))
        self.more.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        more = QMenu(self.more)
        columns = more.addAction(self.tr("&Columns…"))
        columns.setObjectName("caseActionColumns")
        columns.triggered.connect(
            lambda: self.column_menu().exec(self.more.mapToGlobal(self.more.rect().bottomLeft())))
        rules = more.addAction(self.tr("&Deadlines and reasons…"))
        rules.setObjectName("actionAftersalesRules")
        rules.triggered.connect(self.edit_rules)
        export = more.addAction(self.tr("&Export to Excel…"), self.export_rows)
        export.setObjectName("aftersalesExport")
        export.setShortcut("Ctrl+Shift+E")
        export.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.addAction(export)  # the shortcut works while the focus is on this page
        self.more.setMenu(more)
        bar = QToolBar()
        bar.setObjectName("aftersalesToolbar")
        bar.addWidget(self.filters_button)
        bar.addSeparator()
        bar.addWidget(self.new_button)
        bar.addWidget(self.open_button)
        bar.addSeparator()
        bar.addWidget(self.more)
        self.body.insertWidget(1, bar)

    def edit_rules(self) -> None:
        from desk.ui.aftersales.rules_dialog import AftersalesRulesDialog

        AftersalesRulesDialog.ask(self)

    def _track_current(self, index, _previous=None) -> None:
        """Quick replies are filled in for the row in focus."""
        from desk.ui import selection as current

        current.set_case(self.model.id_at(index.row()) if index.isValid() else None)

    def _enable_actions(self) -> None:
        self.open_button.setEnabled(len(self.view.selectionModel().selectedRows()) == 1)

    # --- filters --------------------------------------------------------------

    def extra_filters(self):
        return self.filter_bar.filters().sql(timeutil.now())

    def search_filter(self, text: str):
        return views.search_filter(text)

    def apply_filters(self) -> None:
        super().apply_filters()
        active = self.filter_bar.active_count()
        self.filters_button.setText(self.tr("Filters (%n)", "", active) if active else self.tr("Filters"))

    def toggle_filters(self) -> None:
        shown = not self.filter_bar.isVisible()
        self.filter_bar.setVisible(shown)
        self.filters_button.setChecked(shown)

    def show_cases(self, filters) -> None:
        """List the cases `filters` (a CaseFilters) picks, with the filters shown."""
        with QSignalBlocker(self.search):
            self.search.clear()
        if not self.filter_bar.isVisible():
            self.toggle_filters()
        self.filter_bar.set_filters(filters)

    def _on_change(self, entity: str, ids) -> None:
        if entity == "setting":
            self.urgency.reload()
            self.view.viewport().update()
        if entity == "case":
            self.filter_bar.reload_handlers()
        if entity == "reason":
            self.filter_bar.reload_reasons()
            self.apply_filters()  # the reason column shows the new names
        super()._on_change(entity, ids)

    # --- cases ----------------------------------------------------------------

    def open_case(self, case_id: int) -> None:
        # the case form is big: loaded when first needed
        from desk.ui.aftersales.case_dialog import CaseDialog

        CaseDialog.ask(self, case_id=case_id)

    def open_current(self) -> None:
        ids = self.selected_ids()
        if len(ids) == 1:
            self.open_case(ids[0])

    def new_case(self, customer_id: int | None = None) -> None:
        """The case form for a new case: the buyer picked in it, or `customer_id`'s."""
        from desk.ui.aftersales.case_dialog import CaseDialog

        CaseDialog.ask(self, customer_id=customer_id)

    def _row_menu(self, pos) -> None:
        index = self.view.indexAt(pos)
        if not index.isValid():
            return
        row = index.row()
        case_id = self.model.id_at(row)
        customer_id = self.model.value(row, "customer_id")
        case_no = self.model.value(row, "case_no") or ""
        menu = QMenu(self)
        menu.setObjectName("caseRowMenu")
        self.fill_row_menu(menu, case_id, customer_id, case_no)
        menu.exec(self.view.viewport().mapToGlobal(pos))
        menu.deleteLater()

    def fill_row_menu(self, menu: QMenu, case_id: int, customer_id: int, case_no: str) -> None:
        """The right-click menu of a case's row."""
        menu.addAction(self.tr("&Open case…"), lambda: self.open_case(case_id)).setObjectName(
            "caseMenuOpen")
        menu.addAction(self.tr("Open the &buyer…"), lambda: self.open_buyer(customer_id)).setObjectName(
            "caseMenuBuyer")
        menu.addAction(self.tr("&New case for this buyer…"),
                       lambda: self.new_case(customer_id)).setObjectName("caseMenuNewForBuyer")
        menu.addSeparator()
        menu.addAction(self.tr("&Copy case number"),
                       lambda: QGuiApplication.clipboard().setText(case_no)).setObjectName(
            "caseMenuCopyNo")
        menu.addSeparator()
        menu.addAction(self.tr("&Export to Excel…"), self.export_rows).setObjectName("caseMenuExport")

    def open_buyer(self, customer_id: int) -> None:
        from desk.ui.customers.detail import CustomerDialog

        CustomerDialog.ask(self, customer_id)

    def empty_text(self) -> str:
        if self.searching() or not self.filter_bar.filters().is_empty():
            return self.tr("No case matches the search or the filters.")
        return self.tr('No after-sales cases yet. <a href="new">Open a new case…</a> (Ctrl+N)')

    def empty_link(self, href: str) -> None:
        if href == "new":
            self.new_case()
