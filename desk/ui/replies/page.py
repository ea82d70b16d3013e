"""The Quick replies page: groups on the left, the group's phrases on the right,
every change undoable (Ctrl+Z)."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QItemSelectionModel, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListView,
    QMenu,
    QMessageBox,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableView,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desk.core.errors import UserError
from desk.core.history import Step
from desk.core.replies import search, service, steps
from desk.core.replies.service import PhraseInfo
from desk.ui import fmt, undo
from desk.ui.bus import bus
from desk.ui.errors import report, show_user_error, user_message
from desk.ui.listpage import page_title
from desk.ui.replies import fill
from desk.ui.replies.models import GroupsModel, PhrasesModel
from desk.ui.worker import run_task

MOVE = Qt.DropAction.MoveAction
SEARCH_LIMIT = 500


class ActionButton(QPushButton):
    """A push button that triggers `action` and shows its text and tooltip;
    the row menu offers the same action (defaultAction(), as a QToolButton has)."""

    def __init__(self, action: QAction) -> None:
        super().__init__(action.text())
        self._action = action
        self.setToolTip(action.toolTip())
        self.clicked.connect(lambda _=False: action.trigger())

    def defaultAction(self) -> QAction:  # noqa: N802 - QToolButton's name
        return self._action


class RepliesPage(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("repliesPage")
        self.title = QLabel(self.tr("Quick replies"))
        self.title.setObjectName("pageTitle")
        page_title(self.title)
        self.count_label = QLabel()
        self.count_label.setObjectName("repliesPageCount")
        self.search = QLineEdit()
        self.search.setObjectName("repliesPageSearch")
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(280)
        self.search.setPlaceholderText(self.tr("Search code, text or pinyin initials…"))
        self.search.textChanged.connect(lambda _: self.load_phrases())
        header = QHBoxLayout()
        header.addWidget(self.title)
        header.addStretch(1)
        header.addWidget(self.count_label)
        header.addWidget(self.search)

        self.group_model = GroupsModel(self)
        self.group_model.group_moved.connect(self.move_group_to)
        self.group_model.phrases_dropped.connect(self._phrases_dropped)
        self.groups = QListView()
        self.groups.setObjectName("replyGroups")
        self.groups.setModel(self.group_model)
        self.groups.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.groups.setDefaultDropAction(MOVE)
        self.groups.setDropIndicatorShown(True)
        self.groups.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.groups.selectionModel().currentChanged.connect(lambda *_: self._group_chosen())
        self.groups.doubleClicked.connect(lambda _: self.rename_group())
        for keys, slot in ((QKeySequence.StandardKey.Delete, self.delete_group), ("F2", self.rename_group),
                           ("Ins", self.add_group), ("Ctrl+Up", lambda: self.move_group(-1)),
                           ("Ctrl+Down", lambda: self.move_group(1))):
            self._key(self.groups, keys, slot)
        self.groups.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.groups.customContextMenuRequested.connect(self._group_menu_at)

        self.model = PhrasesModel(self)
        self.model.phrase_moved.connect(self._phrase_moved)
        self.view = QTableView()
        self.view.setObjectName("repliesPageTable")
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.view.setDefaultDropAction(MOVE)
        self.view.setDragDropOverwriteMode(False)
        self.view.setDropIndicatorShown(True)
        self.view.setAlternatingRowColors(True)
        self.view.setWordWrap(False)
        self.view.verticalHeader().setVisible(False)
        self.view.verticalHeader().setDefaultSectionSize(28)
        head = self.view.horizontalHeader()
        head.setSectionResizeMode(PhrasesModel.TEXT, QHeaderView.ResizeMode.Stretch)
        self.view.setColumnWidth(PhrasesModel.CODE, 80)
        self.view.setColumnWidth(PhrasesModel.USED, 70)
        self.view.setColumnWidth(PhrasesModel.IMAGE, 56)
        self.view.doubleClicked.connect(lambda _: self.copy_current())
        self.view.installEventFilter(self)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.customContextMenuRequested.connect(self._phrase_menu_at)
        self.view.selectionModel().currentChanged.connect(lambda *_: self._enable_actions())

        self.empty = self._build_empty()
        self.right = QStackedWidget()
        self.right.addWidget(self.view)
        self.right.addWidget(self.empty)

        left = QWidget()
        left.setMaximumWidth(280)
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.groups, 1)
        column.addLayout(self._build_group_buttons())
        split = QSplitter()
        split.addWidget(left)
        split.addWidget(self.right)
        split.setStretchFactor(1, 1)
        split.setSizes([200, 900])

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addLayout(header)
        layout.addWidget(self._build_toolbar())
        layout.addWidget(split, 1)

        bus().changed.connect(self._on_change)
        self._stale = True

    # --- building ------------------------------------------------------------

    def _key(self, widget: QWidget, shortcut, slot: Callable[[], Any],
             context=Qt.ShortcutContext.WidgetShortcut) -> QAction:
        """A shortcut that works while `widget` has the focus."""
        action = QAction(widget)
        action.setShortcut(QKeySequence(shortcut))
        action.setShortcutContext(context)
        action.triggered.connect(lambda _=False: slot())
        widget.addAction(action)
        return action

    def _tool(self, name: str, text: str, slot: Callable[[], Any], shortcut=None,
              tip: str = "", page_wide: bool = False) -> ActionButton:
        """A tool bar button (framed, as on the Customers page); its shortcut
        works in the phrase table (or anywhere on the page)."""
        action = QAction(text, self)
        action.setObjectName(name)
        action.triggered.connect(lambda _=False: slot())
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut if page_wide
                                      else Qt.ShortcutContext.WidgetShortcut)
            (self if page_wide else self.view).addAction(action)
            keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            tip = f"{tip or text.replace('&', '').rstrip('…')} ({keys})"
        if tip:
            action.setToolTip(tip)
        button = ActionButton(action)
        button.setObjectName(f"{name}Button")
        return button

    def _build_toolbar(self) -> QToolBar:
        self.copy_button = self._tool("copyPhrase", self.tr("Copy to clipboard"), self.copy_current,
                                      None, self.tr("Fill in and copy to the clipboard (Enter)"))
        self.new_button = self._tool("newPhrase", self.tr("&New phrase…"), self.new_phrase, "Ctrl+N",
                                     page_wide=True)
        self.insert_button = self._tool("insertPhrase", self.tr("&Insert above…"), self.insert_phrase,
                                        "Ins", self.tr("Add a phrase above the selected one"))
        self.edit_button = self._tool("editPhrase", self.tr("&Edit…"), self.edit_current, "F2")
        self.duplicate_button = self._tool("duplicatePhrase", self.tr("D&uplicate phrase"),
                                           self.duplicate_current, "Ctrl+D",
                                           self.tr("Add a copy of the phrase under it, to change"))
        self.delete_button = self._tool("deletePhrase", self.tr("&Delete"), self.delete_current,
                                        QKeySequence.StandardKey.Delete)
        self.up_button = self._tool("phraseUp", self.tr("Move up"), lambda: self.move_current(-1),
                                    "Ctrl+Up")
        self.down_button = self._tool("phraseDown", self.tr("Move down"), lambda: self.move_current(1),
                                      "Ctrl+Down")
        self.to_group = QToolButton()
        self.to_group.setObjectName("moveToGroupButton")
        self.to_group.setText(self.tr("Move to group"))
        self.to_group.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.to_group_menu = QMenu(self.to_group)
        self.to_group_menu.setObjectName("moveToGroupMenu")
        self.to_group_menu.aboutToShow.connect(lambda: self._fill_group_menu(self.to_group_menu))
        self.to_group.setMenu(self.to_group_menu)

        self.more = QToolButton()
        self.more.setObjectName("repliesMore")
        self.more.setText(self.tr("More"))
        self.more.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        more = QMenu(self.more)
        more.addAction(self.tr("&Import…"), self.import_phrases).setObjectName("actionImportPhrases")
        more.addAction(self.tr("&Export…"), self.export_phrases).setObjectName("actionExportPhrases")
        more.addSeparator()
        more.addAction(self.tr("&Check phrases…"), self.check_phrases).setObjectName("actionCheckPhrases")
        more.addAction(self.tr("Load &starter phrases…"), self.load_starter).setObjectName(
            "actionLoadStarter")
        self.more.setMenu(more)

        bar = QToolBar()
        bar.setObjectName("repliesToolbar")
        for w in (self.copy_button, self.new_button, self.insert_button, self.edit_button,
                  self.duplicate_button, self.delete_button):
            bar.addWidget(w)
        bar.addSeparator()
        for w in (self.up_button, self.down_button, self.to_group):
            bar.addWidget(w)
        bar.addSeparator()
        bar.addWidget(self.more)
        return bar

    def _build_group_buttons(self) -> QHBoxLayout:
        row = QHBoxLayout()
        row.setSpacing(2)
        specs = (
            ("addGroup", "+", self.tr("Add a group"), self.add_group),
            ("renameGroup", self.tr("Rename"), self.tr("Rename the group"), self.rename_group),
            ("groupUp", "↑", self.tr("Move the group up"), lambda: self.move_group(-1)),
            ("groupDown", "↓", self.tr("Move the group down"), lambda: self.move_group(1)),
            ("deleteGroup", "−", self.tr("Delete the group and its phrases"), self.delete_group),
        )
        self.group_buttons: dict[str, QPushButton] = {}
        for name, text, tip, slot in specs:
            button = QPushButton(text)
            button.setObjectName(f"{name}Button")
            button.setToolTip(tip)
            button.clicked.connect(lambda _=False, s=slot: s())
            row.addWidget(button)
            self.group_buttons[name] = button
        return row

    def _build_empty(self) -> QWidget:
        panel = QWidget()
        panel.setObjectName("repliesEmpty")
        text = QLabel(self.tr("<h3>No quick replies yet</h3><p>Start from about a hundred ready-made "
                              "phrases for every step of a chat (greeting, bargaining, shipping, "
                              "after-sales…) and change them to suit your shop, or write your own "
                              "with New phrase.</p>"))
        text.setWordWrap(True)
        text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        button = QPushButton(self.tr("Load the starter phrases"))
        button.setObjectName("loadStarterButton")
        button.setMinimumHeight(36)
        button.clicked.connect(self.load_starter)
        layout = QVBoxLayout(panel)
        layout.addStretch(1)
        layout.addWidget(text)
        layout.addWidget(button, 0, Qt.AlignmentFlag.AlignCenter)
        layout.addStretch(2)
        return panel

    # --- what is shown -----------------------------------------------------------

    def group_id(self) -> int | None:
        index = self.groups.currentIndex()
        return self.group_model.info(index.row()).id if index.isValid() else None

    def current(self) -> PhraseInfo | None:
        index = self.view.currentIndex()
        return self.model.info(index.row()) if index.isValid() else None

    def searching(self) -> bool:
        return bool(self.search.text().strip())

    def reload(self) -> None:
        self._stale = False
        gid = self.group_id()
        self.group_model.set_groups(service.list_groups())
        row = self.group_model.row_of(gid) if gid is not None else -1
        if row < 0 and self.group_model.rowCount():
            row = 0
        if row >= 0 and self.groups.currentIndex().row() != row:
            self.groups.setCurrentIndex(self.group_model.index(row))  # loads the phrases
        else:
            self.load_phrases()

    apply_filters = reload  # the main window re-applies every page's filters after Settings

    def load_phrases(self, select: int | None = None) -> None:
        keep = select if select is not None else (self.current().id if self.current() else None)
        old_row = self.view.currentIndex().row()
        if self.searching():
            self.model.set_phrases(search.find(self.search.text(), SEARCH_LIMIT), None)
        else:
            gid = self.group_id()
            self.model.set_phrases(service.list_phrases(gid) if gid is not None else [], gid)
        row = self.model.row_of(keep) if keep is not None else -1
        if row < 0 and self.model.rowCount():
            row = min(max(old_row, 0), self.model.rowCount() - 1)  # where the deleted one was
        if row >= 0:
            self.view.selectionModel().setCurrentIndex(
                self.model.index(row, 0),
                QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
        total = self.group_model.total()
        self.right.setCurrentWidget(self.empty if total == 0 and not self.searching() else self.view)
        self.count_label.setText(self.tr("%Ln phrase(s)", "", self.model.rowCount()))
        self._enable_actions()

    def _group_chosen(self) -> None:
        if self.searching():
            self.search.clear()  # shows the group (textChanged reloads)
        else:
            self.load_phrases()

    def _enable_actions(self) -> None:
        has = self.current() is not None
        ordered = has and not self.searching()
        for button in (self.copy_button, self.edit_button, self.duplicate_button, self.delete_button,
                       self.to_group):
            button.setEnabled(has)
        row = self.view.currentIndex().row()
        self.up_button.setEnabled(ordered and row > 0)
        self.down_button.setEnabled(ordered and row < self.model.rowCount() - 1)
        self.insert_button.setEnabled(self.group_id() is not None and not self.searching())
        self.new_button.setEnabled(self.group_id() is not None)
        has_group = self.group_id() is not None
        for name in ("renameGroup", "groupUp", "groupDown", "deleteGroup"):
            self.group_buttons[name].setEnabled(has_group)

    def showEvent(self, event) -> None:
        if self._stale:
            self.reload()
        super().showEvent(event)

    def _on_change(self, entity: str, ids) -> None:
        if entity in (service.ENTITY, service.GROUP_ENTITY):
            if self.isVisible():
                self.reload()
            else:
                self._stale = True

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def eventFilter(self, watched, event) -> bool:
        if (watched is self.view and event.type() == QEvent.Type.KeyPress
                and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
                and event.modifiers() == Qt.KeyboardModifier.NoModifier):
            self.copy_current()
            return True
        return super().eventFilter(watched, event)

    def status(self, text: str) -> None:
        window = self.window()
        if hasattr(window, "statusBar"):
            window.statusBar().showMessage(text, 4000)

    def _act(self, text: str, write: Callable[[], tuple[Any, Step]]) -> Any:
        """One undoable change through a core write and its step; a refusal
        is shown, not raised (None)."""
        try:
            return undo.run(text, write)
        except UserError as e:
            show_user_error(self, user_message(e))
            return None

    # --- phrases -----------------------------------------------------------------

    def copy_current(self) -> None:
        phrase = self.current()
        if phrase is None:
            return
        try:
            text = fill.copy_phrase(phrase, self)
        except UserError as e:
            show_user_error(self, user_message(e))
            return
        if text is not None:
            self.status(self.tr("Copied to the clipboard"))

    def _edit(self, phrase: PhraseInfo | None, index: int | None = None) -> None:
        from desk.ui.replies.editor import PhraseDialog

        gid = phrase.group_id if phrase else self.group_id()
        if gid is None:
            return
        pid = PhraseDialog.ask(self, gid, phrase, index)
        if pid is not None:
            self.reload()
            if not self.searching():
                info = service.get_phrase(pid)
                self.groups.setCurrentIndex(self.group_model.index(self.group_model.row_of(info.group_id)))
            self.load_phrases(select=pid)

    def new_phrase(self) -> None:
        self._edit(None)

    def insert_phrase(self) -> None:
        row = self.view.currentIndex().row()
        self._edit(None, row if row >= 0 else None)

    def edit_current(self) -> None:
        if self.current() is not None:
            self._edit(self.current())

    def delete_current(self) -> None:
        phrase = self.current()
        if phrase is None:
            return
        pid = phrase.id
        self._act(self.tr("Delete phrase"), lambda: steps.delete_phrase_step(pid))
        self.status(self.tr("Phrase deleted (Ctrl+Z brings it back)"))

    def duplicate_current(self) -> None:
        phrase = self.current()
        if phrase is None:
            return
        pid = phrase.id
        copy = self._act(self.tr("Duplicate phrase"), lambda: steps.duplicate_phrase_step(pid))
        if copy is not None:
            self.load_phrases(select=copy)

    def move_current(self, step: int) -> None:
        """Ctrl+Up / Ctrl+Down: one place up or down in the group."""
        row = self.view.currentIndex().row()
        if self.searching() or row < 0 or not 0 <= row + step < self.model.rowCount():
            return
        # moveRows puts a row before `dest`: one down is before the row after next
        self.model.moveRows(self.view.rootIndex(), row, 1, self.view.rootIndex(),
                            row + step if step < 0 else row + step + 1)

    def _phrase_moved(self, pid: int, index: int) -> None:
        """A phrase moved in the model (buttons, keys or a drag): make it so."""
        self._act(self.tr("Move phrase"), lambda: steps.move_phrase_step(pid, index))
        self.load_phrases(select=pid)

    def move_to_group(self, pid: int, gid: int) -> None:
        phrase = service.get_phrase(pid)
        if phrase.group_id == gid:
            return
        target_name = self.group_model.info(self.group_model.row_of(gid)).name
        self._act(self.tr("Move phrase to “{group}”").format(group=target_name),
                  lambda: steps.move_to_group_step(pid, gid))
        self.status(self.tr("Moved to “{group}”").format(group=target_name))

    def _phrases_dropped(self, ids: list[int], gid: int) -> None:
        for pid in ids:
            self.move_to_group(pid, gid)

    def _fill_group_menu(self, menu: QMenu) -> None:
        menu.clear()
        phrase = self.current()
        for n in range(self.group_model.rowCount()):
            g = self.group_model.info(n)
            action = menu.addAction(g.name, lambda gid=g.id: self.current() and self.move_to_group(
                self.current().id, gid))
            action.setObjectName(f"moveToGroup_{g.id}")
            action.setEnabled(phrase is not None and g.id != phrase.group_id)

    def _phrase_menu_at(self, pos) -> None:
        if not self.view.indexAt(pos).isValid():
            return
        menu = QMenu(self)
        menu.setObjectName("phraseRowMenu")
        for button in (self.copy_button, self.edit_button, self.insert_button, self.duplicate_button,
                       self.up_button, self.down_button):
            menu.addAction(button.defaultAction())
        groups = menu.addMenu(self.tr("Move to group"))
        self._fill_group_menu(groups)
        menu.addSeparator()
        menu.addAction(self.delete_button.defaultAction())
        menu.exec(self.view.viewport().mapToGlobal(pos))

    # --- groups --------------------------------------------------------------------

    def _select_group(self, gid: int) -> None:
        self.reload()
        row = self.group_model.row_of(gid)
        if row >= 0:
            self.groups.setCurrentIndex(self.group_model.index(row))

    def add_group(self) -> None:
        name, ok = QInputDialog.getText(self, self.tr("Add a group"), self.tr("Name of the new group:"))
        if not ok:
            return
        row = self.groups.currentIndex().row()
        index = row + 1 if row >= 0 else None
        gid = self._act(self.tr("Add group"), lambda: steps.add_group_step(name, index))
        if gid is not None:
            self._select_group(gid)

    def rename_group(self) -> None:
        gid = self.group_id()
        if gid is None:
            return
        old = self.group_model.info(self.groups.currentIndex().row()).name
        name, ok = QInputDialog.getText(self, self.tr("Rename group"), self.tr("New name:"), text=old)
        if ok and name.strip() and name.strip() != old:
            self._act(self.tr("Rename group"), lambda: steps.rename_group_step(gid, name))

    def move_group(self, step: int) -> None:
        row = self.groups.currentIndex().row()
        if row < 0 or not 0 <= row + step < self.group_model.rowCount():
            return
        self.group_model.moveRows(self.groups.rootIndex(), row, 1, self.groups.rootIndex(),
                                  row + step if step < 0 else row + step + 1)

    def move_group_to(self, gid: int, index: int) -> None:
        """A group moved in the list (buttons or a drag): make it so."""
        self._act(self.tr("Move group"), lambda: steps.move_group_step(gid, index))
        self._select_group(gid)

    def delete_group(self) -> None:
        row = self.groups.currentIndex().row()
        if row < 0:
            return
        g = self.group_model.info(row)
        answer = QMessageBox.question(
            self, self.tr("Delete group"),
            self.tr("Delete the group “{name}” and its %n phrase(s)? Ctrl+Z brings them back.", "",
                    g.count).format(name=g.name))
        if answer != QMessageBox.StandardButton.Yes:
            return
        self._act(self.tr("Delete group “{name}”").format(name=g.name),
                  lambda: steps.delete_group_step(g.id))

    def _group_menu_at(self, pos) -> None:
        menu = QMenu(self)
        menu.setObjectName("groupMenu")
        for name in ("addGroup", "renameGroup", "groupUp", "groupDown", "deleteGroup"):
            button = self.group_buttons[name]
            action = menu.addAction(button.toolTip(), button.click)
            action.setEnabled(button.isEnabled())
        menu.exec(self.groups.viewport().mapToGlobal(pos))

    # --- the library -------------------------------------------------------------

    def load_starter(self) -> None:
        if service.all_phrases() and QMessageBox.question(
                self, self.tr("Load starter phrases"),
                self.tr("Add the starter phrases that came with ShopDesk to your library? Phrases "
                        "whose text you already have are left out.")) != QMessageBox.StandardButton.Yes:
            return

        added = self._act(self.tr("Load starter phrases"), steps.load_starter_step)
        if added is not None:
            self.status(self.tr("%n starter phrase(s) added", "", len(added)))

    def import_phrases(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Import phrases"), "",
            self.tr("Phrase files (*.xlsx *.xls *.ods *.txt *.ini *.csv *.tsv);;"
                    "Spreadsheets (*.xlsx *.xls *.ods *.xlsm *.xlsb);;"
                    "Sogou phrase file (*.txt *.ini);;CSV (*.csv *.tsv);;All files (*)"))
        if path:
            self.import_file(Path(path))

    def import_file(self, path: Path) -> dict | None:
        """The column mapping (CSV), then the preview; returns the counts imported."""
        from desk.core.replies import transfer as core_transfer
        from desk.ui.replies.transfer import ColumnMappingDialog, ImportDialog, is_csv

        mapping = None
        if is_csv(path):
            try:
                preview = core_transfer.csv_columns(path)
            except UserError as e:
                show_user_error(self, user_message(e))
                return None
            mapping = ColumnMappingDialog.ask(self, preview)
            if mapping is None:
                return None
        result = ImportDialog.ask(self, path, mapping)
        if result is not None:
            self.status(self.tr("Imported: {new} new, {changed} changed.").format(
                new=fmt.count(result["new"]), changed=fmt.count(result["changed"])))
        return result

    def export_phrases(self) -> None:
        excel, sogou = self.tr("Excel workbook (*.xlsx)"), self.tr("Sogou phrase file (*.txt)")
        path, chosen = QFileDialog.getSaveFileName(self, self.tr("Export phrases"), "快捷短语.xlsx",
                                                   f"{excel};;{sogou}")
        if not path:
            return
        path = Path(path)
        if chosen == sogou and path.suffix.lower() not in (".txt", ".ini"):
            path = path.with_suffix(".txt")
        elif chosen == excel and path.suffix.lower() != ".xlsx":
            path = path.with_suffix(".xlsx")
        self.export_to(path)

    def export_to(self, path: Path) -> None:
        """Every phrase to `path` (.txt: the Sogou format, else Excel), in the background."""
        from desk.core.replies import transfer as core_transfer
        from desk.ui.replies.transfer import is_sogou

        def written(result) -> None:
            done, skipped = result if isinstance(result, tuple) else (result, 0)
            text = self.tr("%Ln phrase(s) exported to {name}.", "", done).format(name=path.name)
            if skipped:
                text += " " + self.tr("%Ln without a code left out: the Sogou file needs a code "
                                      "for each phrase.", "", skipped)
            self.status(text)

        if is_sogou(path):
            fn = core_transfer.export_sogou
        else:  # headers in the UI's language, as File > Export writes them
            fn = partial(core_transfer.export_xlsx, translate=QCoreApplication.translate)
        run_task(fn, path, on_success=written, on_error=lambda e: report(e, self))

    def check_phrases(self) -> None:
        from desk.ui.replies.lint import LintDialog

        LintDialog.ask(self)
