"""The Customers page: every buyer in one lazy table, found as you type,
narrowed by filters and saved views, and changed in bulk."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QSignalBlocker, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QInputDialog,
    QMenu,
    QMessageBox,
    QPushButton,
    QToolBar,
    QToolButton,
)

from desk.core import settings
from desk.core.customers import figures, service, tags
from desk.core.customers.listing import CUSTOMERS, split_tags
from desk.core.customers.search import search_filter
from desk.core.customers.views import PRESETS, ViewState, delete_view_step, save_view, saved_views
from desk.core.errors import UserError
from desk.ui import fmt, labels, undo
from desk.ui.customers.chips import TagChipsDelegate
from desk.ui.customers.detail import CustomerDialog
from desk.ui.customers.filterbar import FilterBar, TagChoiceDialog
from desk.ui.errors import show_user_error, user_message
from desk.ui.listpage import ListPage
from desk.ui.tablemodel import Column

RIGHT = Qt.AlignmentFlag.AlignRight
DEFAULT_SORT = ("last_order_at", True)
HIDDEN_COLUMNS = ("real_name", "region")


def tag_names(value: str | None) -> str:
    return "、".join(name for name, _color in split_tags(value))


class CustomersPage(ListPage):
    export_kind = "customers"
    entities = ("customer", "order", "case", "tag", "followup")

    def __init__(self, parent=None) -> None:
        platforms, lifecycles = labels.platforms(), labels.lifecycles()
        risks, hints = labels.risks(), labels.risk_hints()

        def risk_text(codes: str) -> str:
            return " · ".join(risks.get(c, c) for c in codes.split(",") if c)

        def risk_tip(codes: str) -> str:
            return "\n".join(hints.get(c, c) for c in codes.split(",") if c)

        columns = [
            Column("nickname", lambda: self.tr("Nickname")),
            Column("platform", lambda: self.tr("Platform"), lambda v: labels.label(platforms, v)),
            Column("lifecycle", lambda: self.tr("Group"), lambda v: labels.label(lifecycles, v)),
            Column("tags", lambda: self.tr("Tags"), tag_names, tooltip=tag_names),
            Column("phone", lambda: self.tr("Phone"), lambda v: fmt.phone(v, self._masked)),
            Column("order_count", lambda: self.tr("Orders"), fmt.count, RIGHT),
            Column("total_spent_fen", lambda: self.tr("Total spend"), fmt.money, RIGHT),
            Column("avg_order_fen", lambda: self.tr("Avg. order"), fmt.money, RIGHT),
            Column("last_order_at", lambda: self.tr("Last order"), fmt.day),
            Column("last_contact_at", lambda: self.tr("Last contact"), fmt.day),
            Column("open_case_count", lambda: self.tr("Open cases"), fmt.count, RIGHT),
            Column("risk", lambda: self.tr("Risk"), risk_text, tooltip=risk_tip),
            Column("region", lambda: self.tr("Region")),
            Column("real_name", lambda: self.tr("Real name")),
        ]
        super().__init__("customersPage", self.tr("Customers"), CUSTOMERS, columns, parent)
        self._masked = settings.get("mask_phones")
        self._show_phones = False
        self.search.setPlaceholderText(self.tr("Search nickname, name, phone, order no. or pinyin…"))
        self.view.setItemDelegateForColumn(self.column_of("tags"), TagChipsDelegate(self.view))
        self.view.sortByColumn(self.column_of(DEFAULT_SORT[0]), Qt.SortOrder.DescendingOrder)
        for key, width in (("nickname", 170), ("platform", 70), ("lifecycle", 70), ("tags", 170),
                           ("phone", 115), ("order_count", 60), ("total_spent_fen", 100),
                           ("avg_order_fen", 90), ("last_order_at", 95), ("last_contact_at", 95),
                           ("open_case_count", 70), ("risk", 120)):
            self.view.setColumnWidth(self.column_of(key), width)
        self.remember_columns("customers.columns", HIDDEN_COLUMNS)
        self.stretch_column("tags")  # the room a wide screen leaves: more tags, not a gap
        self.view.setSelectionMode(self.view.SelectionMode.ExtendedSelection)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.customContextMenuRequested.connect(self._row_menu)
        self.activated.connect(self.open_customer)

        self.filter_bar = FilterBar(self)
        self.filter_bar.changed.connect(self._filters_changed)
        self.filter_bar.hide()
        self._build_toolbar()
        self.body.insertWidget(2, self.filter_bar)  # under the tool bar
        self.view.selectionModel().selectionChanged.connect(lambda *_: self._enable_actions())
        self.view.selectionModel().currentChanged.connect(self._track_current)
        self.model.modelReset.connect(self._enable_actions)
        self._enable_actions()

    # --- toolbar --------------------------------------------------------------

    def _tool(self, name: str, text: str, slot, shortcut: str | None = None, tip: str = "") -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(name)
        button.clicked.connect(slot)
        if shortcut:
            action = QAction(self)
            action.setShortcut(QKeySequence(shortcut))
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.triggered.connect(lambda: button.isEnabled() and button.click())
            self.addAction(action)
            tip = f"{tip or text.replace('&', '').rstrip('…')} ({QKeySequence(shortcut).toString(QKeySequence.SequenceFormat.NativeText)})"
        if tip:
            button.setToolTip(tip)
        return button

    def _build_toolbar(self) -> None:
        self.views = QComboBox()
        self.views.setObjectName("customerViews")
        self.views.setMinimumWidth(170)
        self.views.setToolTip(self.tr("Saved views: a named set of filters and sort order"))
        self._fill_views()
        self.views.activated.connect(self._view_chosen)
        self.save_view_button = self._tool("saveView", self.tr("Save view…"), self.save_current_view)
        self.delete_view_button = self._tool("deleteView", self.tr("Delete view"), self.delete_current_view)
        self.filters_button = self._tool("toggleFilters", self.tr("Filters"), self.toggle_filters,
                                         "Ctrl+Shift+F", self.tr("Show or hide the filters"))
        self.filters_button.setCheckable(True)
        self.new_button = self._tool("newCustomer", self.tr("&New customer…"), self.new_customer, "Ctrl+N")
        self.add_tag_button = self._tool("bulkAddTag", self.tr("Add tag…"), self.add_tags_to_selection,
                                         "Ctrl+T", self.tr("Tag the selected customers"))
        self.remove_tag_button = self._tool("bulkRemoveTag", self.tr("Remove tag…"),
                                            self.remove_tags_from_selection)
        self.group_button = QToolButton()
        self.group_button.setObjectName("bulkGroup")
        self.group_button.setText(self.tr("Set group"))
        self.group_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.group_button.setMenu(self._group_menu(self.group_button))
        self.trash_button = self._tool("bulkTrash", self.tr("Move to trash"), self.trash_selection,
                                       "Del", self.tr("Move the selected customers to the trash"))
        self.phones_button = self._tool("showPhones", self.tr("Show phones"), self.toggle_phones,
                                        "Ctrl+Shift+P", self.tr("Show full phone numbers"))
        self.phones_button.setCheckable(True)
        self.more = QToolButton()
        self.more.setObjectName("customersMore")
        self.more.setText(self.tr("More"))
        self.more.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        more = QMenu(self.more)
        more.addAction(self.tr("Find &duplicates…"), self.open_duplicates).setObjectName("actionDuplicates")
        more.addAction(self.tr("&Trash…"), self.open_trash).setObjectName("actionTrash")
        more.addAction(self.tr("Manage ta&gs…"), self.open_tag_manager).setObjectName("actionManageTags")
        more.addSeparator()
        columns = more.addAction(self.tr("&Columns…"))
        columns.setObjectName("actionColumns")
        columns.triggered.connect(lambda: self.column_menu().exec(self.more.mapToGlobal(self.more.rect().bottomLeft())))
        export = more.addAction(self.tr("&Export to Excel…"), self.export_rows)
        export.setObjectName("customersExport")
        export.setShortcut("Ctrl+Shift+E")
        export.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.addAction(export)  # the shortcut works while the focus is on this page
        self.more.setMenu(more)

        # A tool bar, not a row of buttons: on a narrow window what does not fit
        # moves behind its » button instead of forcing the window wider.
        bar = QToolBar()
        bar.setObjectName("customersToolbar")
        for w in (self.views, self.save_view_button, self.delete_view_button, self.filters_button):
            bar.addWidget(w)
        bar.addSeparator()
        for w in (self.new_button, self.add_tag_button, self.remove_tag_button, self.group_button,
                  self.trash_button):
            bar.addWidget(w)
        bar.addSeparator()
        bar.addWidget(self.phones_button)
        bar.addWidget(self.more)
        self.body.insertWidget(1, bar)

    def _group_menu(self, parent) -> QMenu:
        menu = QMenu(parent)
        for code, name in labels.lifecycles().items():
            menu.addAction(name, lambda c=code: self.set_group_of_selection(c)).setObjectName(f"setGroup_{code}")
        menu.addSeparator()
        menu.addAction(self.tr("Automatic (from orders)"),
                       lambda: self.set_group_of_selection(None)).setObjectName("setGroup_auto")
        return menu

    def _track_current(self, index, _previous=None) -> None:
        """Quick replies are filled in for the row in focus."""
        from desk.ui import selection as current

        current.set_customer(self.model.id_at(index.row()) if index.isValid() else None)

    def _enable_actions(self) -> None:
        n = len(self.view.selectionModel().selectedRows())
        for w in (self.add_tag_button, self.remove_tag_button, self.group_button, self.trash_button):
            w.setEnabled(n > 0)
        view = self.views.currentData()
        self.delete_view_button.setEnabled(isinstance(view, int))

    def _row_menu(self, pos) -> None:
        if not self.view.indexAt(pos).isValid():
            return
        menu = QMenu(self)
        menu.setObjectName("customerRowMenu")
        ids = self.selected_ids()
        if len(ids) == 1:
            menu.addAction(self.tr("&Open"), lambda: self.open_customer(ids[0]))
        menu.addAction(self.tr("Add tag…"), self.add_tags_to_selection)
        menu.addAction(self.tr("Remove tag…"), self.remove_tags_from_selection)
        group = self._group_menu(menu)
        group.setTitle(self.tr("Set group"))
        menu.addMenu(group)
        menu.addSeparator()
        menu.addAction(self.tr("Move to trash"), self.trash_selection)
        menu.exec(self.view.viewport().mapToGlobal(pos))

    # --- filters and views --------------------------------------------------------

    def extra_filters(self):
        return self.filter_bar.filters().sql()

    def apply_filters(self) -> None:
        # Read here, not once at start-up: saving the settings re-applies the filters.
        self._masked = settings.get("mask_phones") and not self._show_phones
        super().apply_filters()
        active = self.filter_bar.active_count()
        self.filters_button.setText(self.tr("Filters (%n)", "", active) if active else self.tr("Filters"))

    def _filters_changed(self) -> None:
        self._debounce.start()

    def toggle_filters(self) -> None:
        shown = not self.filter_bar.isVisible()
        self.filter_bar.setVisible(shown)
        self.filters_button.setChecked(shown)

    def _fill_views(self) -> None:
        with QSignalBlocker(self.views):
            current = self.views.currentData()
            self.views.clear()
            self.views.addItem(self.tr("All customers"), "")
            for view in PRESETS:
                self.views.addItem(QCoreApplication.translate("SavedViews", view.name), view.key)
            mine = saved_views()
            if mine:
                self.views.insertSeparator(self.views.count())
                for view in mine:
                    self.views.addItem(view.name, view.id)
            self.views.setCurrentIndex(max(0, self.views.findData(current)) if current else 0)

    def current_state(self) -> ViewState:
        header = self.view.horizontalHeader()
        column = header.sortIndicatorSection()
        sort = self.model.columns[column].key if 0 <= column < len(self.model.columns) else ""
        return ViewState(self.filter_bar.filters(), self.search.text().strip(), sort,
                         header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder)

    def show_state(self, state: ViewState) -> None:
        with QSignalBlocker(self.search):
            self.search.setText(state.search)
        self.filter_bar.set_filters(state.filters)
        if not state.filters.is_empty() and not self.filter_bar.isVisible():
            self.toggle_filters()
        key, descending = (state.sort, state.descending) if state.sort in CUSTOMERS.fields else DEFAULT_SORT
        keys = [c.key for c in self.model.columns]
        if key in keys:
            self.view.sortByColumn(keys.index(key), Qt.SortOrder.DescendingOrder if descending
                                   else Qt.SortOrder.AscendingOrder)
        self._debounce.stop()
        self.apply_filters()

    def _view_chosen(self, index: int) -> None:
        data = self.views.itemData(index)
        if data == "":
            self.show_state(ViewState(sort=DEFAULT_SORT[0], descending=DEFAULT_SORT[1]))
        elif isinstance(data, int):
            found = [v for v in saved_views() if v.id == data]
            if found:
                self.show_state(found[0].state)
        else:
            self.show_state(next(v.state for v in PRESETS if v.key == data))
        self._enable_actions()

    def choose_view(self, data) -> None:
        """Pick a view by its key ('' = all customers, a preset's key, or a saved view's id)."""
        index = self.views.findData(data)
        if index >= 0:
            self.views.setCurrentIndex(index)
            self._view_chosen(index)

    def save_current_view(self) -> None:
        current = self.views.currentData()
        suggestion = self.views.currentText() if isinstance(current, int) else ""
        name, ok = QInputDialog.getText(self, self.tr("Save view"),
                                        self.tr("Name for this view (filters, search and sort):"),
                                        text=suggestion)
        if not ok:
            return
        try:
            view_id = save_view(name, self.current_state())
        except UserError as e:
            show_user_error(self, user_message(e))
            return
        self._fill_views()
        self.views.setCurrentIndex(self.views.findData(view_id))
        self._enable_actions()

    def delete_current_view(self) -> None:
        view_id, name = self.views.currentData(), self.views.currentText()
        if not isinstance(view_id, int):
            return
        try:
            undo.run(self.tr("Delete view “{name}”").format(name=name),
                     lambda: delete_view_step(view_id))
        except UserError as e:
            show_user_error(self, user_message(e))
        self._fill_views()
        self.views.setCurrentIndex(0)
        self._enable_actions()

    # --- actions on customers --------------------------------------------------

    def open_customer(self, customer_id: int) -> None:
        CustomerDialog.ask(self, customer_id)

    def new_customer(self) -> None:
        from desk.ui.customers.create import NewCustomerDialog

        created = NewCustomerDialog.ask(self)
        if created is not None:
            self.apply_filters()
            row = self.model.row_of(created)
            if row >= 0:
                self.view.selectRow(row)
                self.view.scrollTo(self.model.index(row, 0))
            self.open_customer(created)

    def _act(self, text: str, write) -> None:
        try:
            undo.run(text, write)
        except UserError as e:
            show_user_error(self, user_message(e))

    def add_tags_to_selection(self) -> None:
        ids = self.selected_ids()
        if not ids:
            return
        chosen = TagChoiceDialog.ask(self, self.tr("Add tags to %n customer(s)", "", len(ids)))
        if not chosen:
            return
        self._act(self.tr("Add tags to %n customer(s)", "", len(ids)),
                  lambda: tags.add_tags_step(ids, chosen))

    def remove_tags_from_selection(self) -> None:
        ids = self.selected_ids()
        if not ids:
            return
        chosen = TagChoiceDialog.ask(self, self.tr("Remove tags from %n customer(s)", "", len(ids)))
        if not chosen:
            return
        self._act(self.tr("Remove tags from %n customer(s)", "", len(ids)),
                  lambda: tags.remove_tags_step(ids, chosen))

    def set_group_of_selection(self, group: str | None) -> None:
        ids = self.selected_ids()
        if not ids:
            return
        self._act(self.tr("Set the group of %n customer(s)", "", len(ids)),
                  lambda: figures.set_lifecycle_step(ids, group))

    def trash_selection(self) -> None:
        ids = self.selected_ids()
        if not ids:
            return
        if len(ids) > 1:
            answer = QMessageBox.question(
                self, self.tr("Move to trash"),
                self.tr("Move %n customer(s) to the trash? Their orders, notes and cases go with them; "
                        "you can restore them from the trash (More > Trash…) or undo with Ctrl+Z.", "",
                        len(ids)))
            if answer != QMessageBox.StandardButton.Yes:
                return
        self._act(self.tr("Move %n customer(s) to the trash", "", len(ids)),
                  lambda: service.move_to_trash_step(ids))

    def toggle_phones(self) -> None:
        self._show_phones = self.phones_button.isChecked()
        self._masked = settings.get("mask_phones") and not self._show_phones
        column = self.column_of("phone")
        if self.model.rowCount():
            self.model.dataChanged.emit(self.model.index(0, column),
                                        self.model.index(self.model.rowCount() - 1, column))

    def open_duplicates(self) -> None:
        from desk.ui.customers.duplicates import DuplicatesDialog

        DuplicatesDialog.ask(self)

    def open_tag_manager(self) -> None:
        from desk.ui.customers.tag_manager import TagManagerDialog

        TagManagerDialog.ask(self)

    def open_trash(self) -> None:
        from desk.ui.customers.trash import TrashDialog

        TrashDialog.ask(self)

    def _on_change(self, entity: str, ids) -> None:
        if entity == "tag":
            self.filter_bar.reload_tags()
        if entity == "saved_view":
            self._fill_views()
        super()._on_change(entity, ids)

    def empty_text(self) -> str:
        if self.searching() or self.filter_bar.active_count():
            return self.tr("No customer matches the search or the filters.")
        return self.tr('No customers yet. <a href="import">Import orders…</a> from your seller '
                       'centre (Ctrl+I) or add one with <a href="new">New customer…</a> (Ctrl+N).')

    def empty_link(self, href: str) -> None:
        if href == "new":
            self.new_customer()
        elif href == "import" and hasattr(self.window(), "import_orders"):
            self.window().import_orders()

    def search_filter(self, text: str):
        return search_filter(text)

