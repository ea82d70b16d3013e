"""Likely duplicate customers, and merging two of them (undoable with Ctrl+Z)."""

from __future__ import annotations

from PySide6.QtCore import QItemSelection, QItemSelectionModel, Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QSplitter,
    QStackedWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desk.core import settings, timeutil
from desk.core.customers import merge
from desk.core.customers.trash import CustomerRow
from desk.core.errors import UserError
from desk.ui import fmt, labels, screenfit, undo
from desk.ui.ask import Buttons, ChangesWindow, InlineError
from desk.ui.bus import bus
from desk.ui.listpage import read_only_table

IdRole = Qt.ItemDataRole.UserRole
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
# the counts merge_preview() returns, in the order they are shown
PREVIEW_KEYS = ("orders", "notes", "tags", "cases", "followups", "addresses")


class DuplicatesDialog(ChangesWindow):
    """Groups of customers that look like one buyer. The user picks two of a
    group and which one to keep, sees what would move, and merges them."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("duplicatesDialog")
        self.setWindowTitle(self.tr("Duplicate customers"))
        self.setMinimumSize(640, 420)
        screenfit.first_size(self, 980, 620)
        self.changed = False
        self._groups: list[merge.DuplicateGroup] = []
        self._pair: tuple[CustomerRow, CustomerRow] | None = None
        self._masked = settings.get("mask_phones")
        self._platforms = labels.platforms()

        self.summary = QLabel()
        self.summary.setObjectName("duplicatesSummary")
        self.summary.setWordWrap(True)

        self.groups = QListWidget()
        self.groups.setObjectName("duplicateGroups")
        self.groups.setAlternatingRowColors(True)
        self.groups.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.groups.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.groups.currentRowChanged.connect(self._show_group)

        self.reason = QLabel()
        self.reason.setObjectName("duplicateReason")
        self.reason.setWordWrap(True)
        self.table = read_only_table("duplicateCustomers", [
            self.tr("Nickname"), self.tr("Platform"), self.tr("Phone"), self.tr("Orders"),
            self.tr("Total spend"), self.tr("Last order")])
        self.table.itemSelectionChanged.connect(self._pair_chosen)

        # the merge of the chosen pair
        self.hint = QLabel(self.tr("Select two customers of this group (Ctrl+click) to merge them."))
        self.hint.setObjectName("duplicatesHint")
        self.hint.setWordWrap(True)
        self.keep_first = QRadioButton()
        self.keep_first.setObjectName("keepFirst")
        self.keep_second = QRadioButton()
        self.keep_second.setObjectName("keepSecond")
        self.keep = QButtonGroup(self)
        self.keep.addButton(self.keep_first, 0)
        self.keep.addButton(self.keep_second, 1)
        self.keep.idToggled.connect(lambda _id, on: on and self._show_preview())
        keep_row = QHBoxLayout()
        keep_row.addWidget(self.keep_first)
        keep_row.addWidget(self.keep_second)
        keep_row.addStretch(1)
        self.outcome = QLabel()
        self.outcome.setObjectName("mergeOutcome")
        self.outcome.setWordWrap(True)
        titles = {"orders": self.tr("Orders:"), "notes": self.tr("Notes:"),
                  "tags": self.tr("Tags the kept one does not have yet:"),
                  "cases": self.tr("After-sales cases:"), "followups": self.tr("Follow-ups:"),
                  "addresses": self.tr("Addresses:")}
        self.counts: dict[str, QLabel] = {}
        preview = QFormLayout()
        for key in PREVIEW_KEYS:
            label = QLabel()
            label.setObjectName(f"preview_{key}")
            self.counts[key] = label
            preview.addRow(titles[key], label)
        self.merge_button = QPushButton(self.tr("&Merge…"))
        self.merge_button.setObjectName("mergeButton")
        self.merge_button.clicked.connect(self.merge_clicked)
        merge_col = QVBoxLayout()
        merge_col.addLayout(keep_row)
        merge_col.addWidget(self.outcome)
        merge_col.addWidget(QLabel(self.tr("What moves to the kept customer:")))
        merge_col.addLayout(preview)
        merge_col.addWidget(self.merge_button, 0, Qt.AlignmentFlag.AlignRight)
        self.merge_box = QGroupBox(self.tr("Merge"))
        self.merge_box.setObjectName("mergeBox")
        self.merge_box.setLayout(merge_col)

        self.error = InlineError("duplicatesError")

        right = QWidget()
        right_col = QVBoxLayout(right)
        right_col.setContentsMargins(0, 0, 0, 0)
        right_col.addWidget(self.reason)
        right_col.addWidget(self.table, 1)
        right_col.addWidget(self.hint)
        right_col.addWidget(self.merge_box)
        right_col.addWidget(self.error)
        splitter = QSplitter()
        splitter.addWidget(self.groups)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([300, 680])
        content = QWidget()
        content_col = QVBoxLayout(content)
        content_col.setContentsMargins(0, 0, 0, 0)
        content_col.addWidget(self.summary)
        content_col.addWidget(splitter, 1)

        self.empty = QLabel(self.tr("No likely duplicates: no two customers share a phone number, "
                                    "or a nickname on different platforms."))
        self.empty.setObjectName("duplicatesEmpty")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self.pages = QStackedWidget()
        self.pages.addWidget(content)
        self.pages.addWidget(self.empty)

        buttons = self.add_buttons(Buttons.Close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages, 1)
        layout.addWidget(buttons)

        undo.add_actions(self)  # Ctrl+Z takes a merge back while the dialog is open
        self.reload()
        bus().changed.connect(self._on_change)

    # -- showing ----------------------------------------------------------------

    def reload(self) -> None:
        """Read the groups again, staying on the group the user was looking at."""
        old_row = self.groups.currentRow()
        shown = ({c.id for c in self._groups[old_row].customers}
                 if 0 <= old_row < len(self._groups) else set())
        self._groups = merge.duplicate_groups()
        self.groups.blockSignals(True)
        self.groups.clear()
        for group in self._groups:
            names = " / ".join(c.nickname for c in group.customers)
            item = QListWidgetItem(f"{names} — {self._why(group, short=True)}")
            item.setToolTip(self._why(group))
            self.groups.addItem(item)
        row = next((i for i, g in enumerate(self._groups) if shown & {c.id for c in g.customers}),
                   min(max(old_row, 0), len(self._groups) - 1))
        self.groups.setCurrentRow(row)
        self.groups.blockSignals(False)
        self.pages.setCurrentWidget(self.empty if not self._groups else self.pages.widget(0))
        self.summary.setText(self.tr(
            "%n group(s) of customers look like the same buyer. Select two customers of a group, "
            "choose the one to keep, and merge them.", "", len(self._groups)))
        self._show_group(row)

    def _why(self, group: merge.DuplicateGroup, short: bool = False) -> str:
        reasons = [self.tr("same phone {phone}").format(phone=fmt.phone(p, self._masked))
                   for p in group.phones]
        if short:  # the list shows the nicknames already
            reasons += [self.tr("same nickname")] if group.nicknames else []
        else:
            reasons += [self.tr("same nickname “{nickname}” on different platforms")
                        .format(nickname=n) for n in group.nicknames]
        return "; ".join(reasons)

    def _show_group(self, row: int) -> None:
        group = self._groups[row] if 0 <= row < len(self._groups) else None
        self.error.hide()
        self.reason.setText(self.tr("Why they look alike: {why}").format(why=self._why(group))
                            if group else "")
        self.table.blockSignals(True)
        self.table.clearSelection()
        self.table.setRowCount(0)
        for c in group.customers if group else []:
            r = self.table.rowCount()
            self.table.insertRow(r)
            last = fmt.day(timeutil.to_epoch(c.last_order_at)) if c.last_order_at else ""
            cells = (c.nickname, labels.label(self._platforms, c.platform),
                     fmt.phone(c.phone, self._masked), fmt.count(c.order_count),
                     fmt.money(c.total_spent_fen), last)
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(IdRole, c.id)
                if col in (3, 4):
                    item.setTextAlignment(RIGHT)
                self.table.setItem(r, col, item)
        if group:
            # the first two are the likeliest pair; Ctrl+click chooses another
            model, selection = self.table.model(), self.table.selectionModel()
            self.table.setCurrentCell(0, 0)
            selection.select(QItemSelection(model.index(0, 0), model.index(1, 0)),
                             QItemSelectionModel.SelectionFlag.ClearAndSelect
                             | QItemSelectionModel.SelectionFlag.Rows)
        self.table.blockSignals(False)
        self._pair_chosen()

    def selected_customers(self) -> list[CustomerRow]:
        row = self.groups.currentRow()
        if not 0 <= row < len(self._groups):
            return []
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        return [self._groups[row].customers[r] for r in rows]

    def _pair_chosen(self) -> None:
        chosen = self.selected_customers()
        self._pair = (chosen[0], chosen[1]) if len(chosen) == 2 else None
        self.merge_box.setEnabled(self._pair is not None)
        self.hint.setVisible(self._pair is None and bool(self._groups))
        if self._pair is None:
            self.keep_first.setText("")
            self.keep_second.setText("")
            self.outcome.clear()
            for label in self.counts.values():
                label.clear()
            return
        first, second = self._pair
        self.keep_first.setText(self._keep_text(first))
        self.keep_second.setText(self._keep_text(second))
        # keep the one with more orders by default; on a tie, the older record
        keep_second = second.order_count > first.order_count
        button = self.keep_second if keep_second else self.keep_first
        if button.isChecked():
            self._show_preview()
        else:
            button.setChecked(True)  # shows the preview through idToggled

    def _keep_text(self, c: CustomerRow) -> str:
        return self.tr("Keep “{nickname}” ({platform})").format(
            nickname=c.nickname, platform=labels.label(self._platforms, c.platform))

    def keep_and_drop(self) -> tuple[CustomerRow, CustomerRow] | None:
        if self._pair is None:
            return None
        first, second = self._pair
        return (second, first) if self.keep_second.isChecked() else (first, second)

    def _show_preview(self) -> None:
        pair = self.keep_and_drop()
        if pair is None:
            return
        keep, drop = pair
        try:
            counts = merge.merge_preview(keep.id, drop.id)
        except UserError as e:
            self._show_error(e)
            self.merge_button.setEnabled(False)
            return
        self.error.hide()
        self.merge_button.setEnabled(True)
        for key, label in self.counts.items():
            label.setText(fmt.count(counts[key]))
        self.outcome.setText(self.tr(
            "“{drop}” ({drop_platform}) is merged into “{keep}” ({keep_platform}) and goes to the "
            "trash. Where “{keep}” has no real name, phone or region, it takes those of “{drop}”.")
            .format(drop=drop.nickname, keep=keep.nickname,
                    drop_platform=labels.label(self._platforms, drop.platform),
                    keep_platform=labels.label(self._platforms, keep.platform)))

    def _show_error(self, error: UserError) -> None:
        self.error.show_error(error)

    def _on_change(self, entity: str, _ids) -> None:
        # a merge, its undo, or an edit elsewhere: the groups may have changed
        if entity == "customer" and self.isVisible():
            self.reload()

    # -- merging ----------------------------------------------------------------

    def confirm(self, keep: CustomerRow, drop: CustomerRow) -> bool:
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Merge customers"), self.tr(
            "Merge “{drop}” into “{keep}”?").format(drop=drop.nickname, keep=keep.nickname),
            parent=self)
        box.setObjectName("confirmMerge")
        box.setInformativeText(self.tr(
            "Their orders, notes, tags, cases, follow-ups and addresses move to “{keep}”, and "
            "“{drop}” goes to the trash. You can take it back with Undo (Ctrl+Z).")
            .format(drop=drop.nickname, keep=keep.nickname))
        ok = box.addButton(self.tr("Merge"), QMessageBox.ButtonRole.AcceptRole)
        ok.setObjectName("confirmMergeButton")
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(ok)
        box.exec()
        return box.clickedButton() is ok

    def merge_clicked(self) -> None:
        pair = self.keep_and_drop()
        if pair is None:
            return
        keep, drop = pair
        if not self.confirm(keep, drop):
            return
        try:
            undo.run(self.tr("Merge “{drop}” into “{keep}”").format(
                drop=drop.nickname, keep=keep.nickname), lambda: merge.merge_step(keep.id, drop.id))
        except UserError as e:
            self._show_error(e)
            return
        self.changed = True  # the change bus has reloaded the groups
