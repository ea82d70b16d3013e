"""The customer trash: restore customers (undoable) or empty it for good."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desk.core import settings, timeutil
from desk.core.customers import service, trash
from desk.core.errors import UserError
from desk.ui import fmt, labels, undo
from desk.ui.ask import Buttons, ChangesWindow, InlineError
from desk.ui.bus import bus
from desk.ui.listpage import read_only_table

IdRole = Qt.ItemDataRole.UserRole
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


class TrashDialog(ChangesWindow):
    """Customers in the trash. Restoring can be undone; emptying cannot."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("trashDialog")
        self.setWindowTitle(self.tr("Customer trash"))
        self.setMinimumSize(640, 420)
        self.resize(760, 520)
        self.changed = False
        self._masked = settings.get("mask_phones")
        self._platforms = labels.platforms()

        self.summary = QLabel()
        self.summary.setObjectName("trashSummary")
        self.summary.setWordWrap(True)
        self.table = read_only_table("trashTable", [
            self.tr("Nickname"), self.tr("Platform"), self.tr("Phone"), self.tr("Orders"),
            self.tr("Deleted")])
        self.table.itemSelectionChanged.connect(self._selection_changed)
        content = QWidget()
        content_col = QVBoxLayout(content)
        content_col.setContentsMargins(0, 0, 0, 0)
        content_col.addWidget(self.summary)
        content_col.addWidget(self.table, 1)

        self.empty = QLabel(self.tr("The trash is empty. Customers you delete wait here until you "
                                    "restore them or empty the trash."))
        self.empty.setObjectName("trashEmptyState")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self.pages = QStackedWidget()
        self.pages.addWidget(content)
        self.pages.addWidget(self.empty)

        self.error = InlineError("trashError")

        self.restore_button = QPushButton(self.tr("&Restore"))
        self.restore_button.setObjectName("trashRestore")
        self.restore_button.setToolTip(self.tr("Bring the selected customers back (Ctrl+Z undoes it)"))
        self.restore_button.clicked.connect(self.restore_selected)
        self.empty_button = QPushButton(self.tr("&Empty trash…"))
        self.empty_button.setObjectName("trashEmpty")
        self.empty_button.setToolTip(self.tr("Delete every customer in the trash for good"))
        self.empty_button.clicked.connect(self.empty_clicked)
        close = self.add_buttons(Buttons.Close)
        buttons = QHBoxLayout()
        buttons.addWidget(self.restore_button)
        buttons.addWidget(self.empty_button)
        buttons.addStretch(1)
        buttons.addWidget(close)

        layout = QVBoxLayout(self)
        layout.addWidget(self.pages, 1)
        layout.addWidget(self.error)
        layout.addLayout(buttons)

        undo.add_actions(self)  # Ctrl+Z takes a restore back while the dialog is open
        self.reload()
        bus().changed.connect(self._on_change)

    # -- showing ----------------------------------------------------------------

    def reload(self) -> None:
        rows = trash.trashed()
        selected = set(self.selected_ids())
        self.table.blockSignals(True)
        self.table.clearSelection()
        self.table.setRowCount(0)
        for c in rows:
            r = self.table.rowCount()
            self.table.insertRow(r)
            deleted = fmt.when(timeutil.to_epoch(c.deleted_at)) if c.deleted_at else ""
            cells = (c.nickname, labels.label(self._platforms, c.platform),
                     fmt.phone(c.phone, self._masked), fmt.count(c.order_count), deleted)
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(IdRole, c.id)
                if col == 3:
                    item.setTextAlignment(RIGHT)
                self.table.setItem(r, col, item)
            if c.id in selected:
                self.table.selectionModel().select(
                    self.table.model().index(r, 0),
                    QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows)
        self.table.blockSignals(False)
        if rows and self.table.currentRow() < 0:
            # the keyboard starts on the first row, which is not selected until chosen
            self.table.selectionModel().setCurrentIndex(
                self.table.model().index(0, 0), QItemSelectionModel.SelectionFlag.NoUpdate)
        self.pages.setCurrentWidget(self.pages.widget(0) if rows else self.empty)
        self.summary.setText(self.tr(
            "%n customer(s) in the trash. Their orders, notes and cases stay with them until the "
            "trash is emptied.", "", len(rows)))
        self.empty_button.setEnabled(bool(rows))
        self._selection_changed()

    def selected_ids(self) -> list[int]:
        return [self.table.item(i.row(), 0).data(IdRole)
                for i in sorted(self.table.selectionModel().selectedRows(), key=lambda i: i.row())]

    def _selection_changed(self) -> None:
        self.restore_button.setEnabled(bool(self.selected_ids()))

    def _on_change(self, entity: str, _ids) -> None:
        if entity == "customer" and self.isVisible():
            self.reload()

    def _show_error(self, error: UserError) -> None:
        self.error.show_error(error)

    # -- writing ----------------------------------------------------------------

    def restore_selected(self) -> None:
        ids = self.selected_ids()
        if not ids:
            return
        try:
            undo.run(self.tr("Restore %n customer(s)", "", len(ids)),
                     lambda: service.restore_step(ids))
        except UserError as e:
            self._show_error(e)
            return
        self.error.hide()
        self.changed = True

    def confirm_empty(self, summary: trash.TrashSummary) -> bool:
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Empty trash"), self.tr(
            "Delete the %n customer(s) in the trash for good?", "", summary.customers), parent=self)
        box.setObjectName("confirmEmptyTrash")
        box.setInformativeText(self.tr(
            "Deleted with them: {orders} orders, {cases} after-sales cases, {notes} notes, "
            "{followups} follow-ups and {addresses} addresses. This is permanent and cannot be "
            "undone.").format(orders=fmt.count(summary.orders), cases=fmt.count(summary.cases),
                              notes=fmt.count(summary.notes),
                              followups=fmt.count(summary.followups),
                              addresses=fmt.count(summary.addresses)))
        ok = box.addButton(self.tr("Delete for good"), QMessageBox.ButtonRole.DestructiveRole)
        ok.setObjectName("confirmEmptyTrashButton")
        cancel = box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(cancel)  # Enter must not delete anything
        box.exec()
        return box.clickedButton() is ok

    def empty_clicked(self) -> None:
        summary = trash.summary()
        if not summary.customers or not self.confirm_empty(summary):
            return
        try:
            service.empty_trash()
        except UserError as e:
            self._show_error(e)
            return
        self.error.hide()
        self.changed = True
