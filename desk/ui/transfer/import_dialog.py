"""Importing an order export (or a customer list ShopDesk exported): pick
the file, see what would change (the dry run: the figures, a table of every
order and field it adds or changes, and every row that cannot be used), then
import it in one transaction."""

from __future__ import annotations

from functools import partial
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QStandardPaths, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressDialog,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desk.core.errors import UserError
from desk.core.excel import customers_import, layouts, orders_import
from desk.core.excel.customers_import import CustomerPlan
from desk.core.excel.orders_import import FieldChange, ImportPlan, UnknownLayout
from desk.ui import errors, fmt, labels
from desk.ui.ask import AskDialog, Buttons, InlineError
from desk.ui.errors import user_message
from desk.ui.progress import run_with_progress
from desk.ui.transfer.mapping_dialog import MappingDialog
from desk.ui.worker import run_task


def read_any(path: Path, platform: str | None, mapping, names, dry_run: bool = True,
             **job) -> ImportPlan | CustomerPlan:
    """Our own customer list, recognised by its header, or an order export."""
    if mapping is None and customers_import.is_customer_export(path):
        return customers_import.import_customers(path, names, dry_run=dry_run)
    return orders_import.import_orders(path, platform, mapping, dry_run=dry_run, **job)


def _names() -> dict:
    return {"platform": labels.platforms(), "lifecycle": labels.lifecycles()}


SHOWN_CHANGES = 2000  # rows of the changes table; the figures above count them all

# A changed column of an order -> the import field it comes from (its label is translated)
_CHANGE_FIELDS = {"amount_fen": "amount", "shipping_fen": "shipping", "receiver_name": "receiver",
                  "receiver_phone": "phone", "receiver_address": "address"}


def change_field(key: str) -> str:
    """What a changed field is called in the preview."""
    if key == "items":
        return QCoreApplication.translate("ImportDialog", "Items")
    if key == "customer_phone":
        return QCoreApplication.translate("ImportDialog", "Buyer's phone")
    english = layouts.FIELD_LABELS.get(_CHANGE_FIELDS.get(key, key), key)
    return QCoreApplication.translate("ImportField", english)


def change_value(key: str, value: object) -> str:
    """A value as the preview shows it: times and money in the UI's locale, statuses by name."""
    if value is None or value == "":
        return ""
    if key.endswith("_at") and isinstance(value, int):
        return fmt.when(value)
    if key.endswith("_fen") and isinstance(value, int):
        return fmt.money(value)
    if key == "status":
        return labels.label(labels.order_statuses(), str(value))
    return str(value)


class ImportDialog(AskDialog):
    # emitted by the import's thread: on a server shop it waits for another seat's import
    another_seat_importing = Signal()

    def __init__(self, parent: QWidget | None = None, path: str = "") -> None:
        super().__init__(parent)
        self.setObjectName("importDialog")
        self.another_seat_importing.connect(self._wait_shown)
        self.setWindowTitle(self.tr("Import orders"))
        self.setMinimumSize(640, 460)
        self.mapping: dict[str, str] | None = None
        self.plan: ImportPlan | None = None
        self.result: ImportPlan | None = None
        self._previewed = ""
        self._generation = 0  # only the newest preview's answer is shown

        self.path = QLineEdit(path)
        self.path.setObjectName("importPath")
        self.path.setPlaceholderText(self.tr(
            "The order export from the seller centre (.csv or .xlsx), or a customer list ShopDesk exported"))
        self.path.editingFinished.connect(self.preview)
        browse = QPushButton(self.tr("&Browse…"))
        browse.setObjectName("importBrowse")
        browse.setAutoDefault(False)
        browse.clicked.connect(self.browse)
        self.platform = QComboBox()
        self.platform.setObjectName("importPlatform")
        self.platform.addItem(self.tr("Recognise from the columns"), "")
        names = labels.platforms()
        for code in layouts.IMPORT_PLATFORMS:
            self.platform.addItem(names.get(code, code), code)
        self.platform.currentIndexChanged.connect(lambda _: self.preview(force=True))
        self.check = QPushButton(self.tr("&Preview"))
        self.check.setObjectName("importPreview")
        self.check.setAutoDefault(False)
        self.check.clicked.connect(lambda: self.preview(force=True))
        self.summary = QLabel(self.tr("Choose a file to see what it would change."))
        self.summary.setObjectName("importSummary")
        self.summary.setWordWrap(True)
        self.error = InlineError("importError")
        self.changes = QTableWidget(0, 6)
        self.changes.setObjectName("importChanges")
        self.changes.setHorizontalHeaderLabels([
            self.tr("Row"), self.tr("Order"), self.tr("Buyer"), self.tr("What"), self.tr("Now"),
            self.tr("After the import")])
        self.changes.verticalHeader().setVisible(False)
        self.changes.horizontalHeader().setSectionResizeMode(5, QHeaderView.ResizeMode.Stretch)
        self.changes.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.changes.setWordWrap(False)
        self.changes.hide()
        self.problems = QTableWidget(0, 2)
        self.problems.setObjectName("importProblems")
        self.problems.setHorizontalHeaderLabels([self.tr("Row"), self.tr("Why it cannot be used")])
        self.problems.verticalHeader().setVisible(False)
        self.problems.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.problems.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.problems.hide()  # shown when a file has rows that cannot be used
        # before a file is chosen: what to choose, instead of an empty table
        self.hint = QLabel(self.tr(
            "<p>Export your orders from the seller centre (Taobao/Tmall, Pinduoduo, JD or Douyin) "
            "as .csv or .xlsx, then choose the file above with <b>Browse…</b>. A customer list "
            "ShopDesk exported can be read back the same way.</p><p>Nothing is written until "
            "you have seen what the file would change and clicked <b>Import</b>; a backup is "
            "made first.</p>"))
        self.hint.setObjectName("importHint")
        self.hint.setWordWrap(True)
        self.hint.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        buttons = self.add_buttons(Buttons.Cancel, on_accept=self.start_import)
        buttons.setObjectName("importButtons")
        self.run = buttons.addButton(self.tr("&Import"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.run.setObjectName("importRun")
        self.run.setEnabled(False)

        file_row = QHBoxLayout()
        file_row.addWidget(self.path, 1)
        file_row.addWidget(browse)
        platform_row = QHBoxLayout()
        platform_row.addWidget(self.platform, 1)
        platform_row.addWidget(self.check)
        form = QFormLayout()
        for text, buddy, row in ((self.tr("&File:"), self.path, file_row),
                                 (self.tr("P&latform:"), self.platform, platform_row)):
            label = QLabel(text)
            label.setBuddy(buddy)
            form.addRow(label, row)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.summary)
        layout.addWidget(self.error)
        layout.addWidget(self.hint, 1)
        layout.addWidget(self.changes, 2)
        layout.addWidget(self.problems, 1)
        layout.addWidget(buttons)

    def browse(self) -> None:
        start = self.path.text() or QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DownloadLocation)
        chosen, _ = QFileDialog.getOpenFileName(self, self.tr("Import orders"), start,
                                                self.tr("Order exports (*.csv *.xlsx *.xls *.ods *.xlsm *.xlsb);;All files (*)"))
        if chosen:
            self.path.setText(chosen)
            self.mapping = None
            self.preview(force=True)

    def _args(self) -> tuple:
        return Path(self.path.text().strip()), self.platform.currentData() or None, self.mapping

    def preview(self, force: bool = False) -> None:
        """The dry run, in the background."""
        text = self.path.text().strip()
        if not text or (text == self._previewed and not force):
            return
        if text != self._previewed:
            self.mapping = None
        self._previewed = text
        self.plan = None
        self.run.setEnabled(False)
        self.error.hide()
        self.changes.hide()
        self.summary.setText(self.tr("Reading the file…"))
        path, platform, mapping = self._args()
        self._generation += 1
        generation = self._generation

        def current(handler):
            return lambda value: handler(value) if generation == self._generation else None

        run_task(read_any, path, platform, mapping, _names(), dry_run=True,
                 on_success=current(self._previewed_plan), on_error=current(self._preview_failed))

    def _previewed_plan(self, plan: ImportPlan | CustomerPlan) -> None:
        self.plan = plan
        s = plan.summary()
        if isinstance(plan, CustomerPlan):
            self.summary.setText(self.tr(
                "A customer list exported by ShopDesk. New customers: {nc}. Updated customers: "
                "{uc}. Unchanged: {un}. Rows that cannot be used: {bad}.").format(
                nc=s["new_customers"], uc=s["updated_customers"], un=s["unchanged"],
                bad=len(plan.errors)))
            self._show_problems(plan.errors)
            self.run.setEnabled(bool(plan.new or plan.updated))
            return
        self.summary.setText("\n".join((
            self.tr("Platform: {platform}").format(
                platform=labels.label(labels.platforms(), plan.platform)),
            self.tr("New customers: {nc}    Updated customers: {uc}").format(
                nc=s["new_customers"], uc=s["updated_customers"]),
            self.tr("New orders: {no}    Updated orders: {uo}    Unchanged orders: {un}").format(
                no=s["new_orders"], uo=s["updated_orders"], un=s["unchanged"]),
            self.tr("Rows that cannot be used: {bad}").format(bad=len(plan.errors)))))
        self._show_changes(plan)
        self._show_problems(plan.errors)
        self.run.setEnabled(bool(plan.new_orders or plan.updated_orders))

    def _show_changes(self, plan: ImportPlan) -> None:
        """One line per new order and per changed field, in the file's row order."""
        new = [FieldChange(r.row, r.order_no, r.nickname, "", "", "", r.file) for r in plan.new_orders]
        plan_new = {(r.order_no, r.file): r for r in plan.new_orders}
        lines = sorted([*new, *plan.changes], key=lambda c: (c.file, c.row))
        shown = lines[:SHOWN_CHANGES]
        self.changes.setRowCount(len(shown))
        for i, c in enumerate(shown):
            row = f"{c.file}: {c.row}" if c.file else str(c.row)
            if c.field:
                cells = (row, c.order_no, c.buyer, change_field(c.field), change_value(c.field, c.old),
                         change_value(c.field, c.new))
            else:
                record = plan_new[c.order_no, c.file]
                cells = (row, c.order_no, c.buyer, self.tr("New order"), "", self.tr(
                    "{status}, {amount}").format(
                    status=change_value("status", record.values["status"]),
                    amount=fmt.money(record.values.get("amount_fen", 0))))
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.changes.setItem(i, column, item)
        self.changes.resizeColumnsToContents()
        self.changes.setVisible(bool(shown))
        if len(lines) > len(shown):
            self.summary.setText(self.summary.text() + "\n" + self.tr(
                "The table shows the first {shown} of {total} changes.").format(
                shown=len(shown), total=len(lines)))

    def _show_problems(self, problems) -> None:
        self.hint.hide()
        self.problems.setVisible(bool(problems))
        self.problems.setRowCount(len(problems))
        for i, e in enumerate(problems):
            where = f"{e.file}: {e.row}" if getattr(e, "file", "") else str(e.row)
            self.problems.setItem(i, 0, QTableWidgetItem(where))
            self.problems.setItem(i, 1, QTableWidgetItem(user_message(e.error)))

    def _preview_failed(self, error: BaseException) -> None:
        self.summary.setText("")
        self.problems.setRowCount(0)
        self.problems.hide()
        self.changes.hide()
        if isinstance(error, UnknownLayout):
            chosen = MappingDialog.ask(self, error.rows)
            if chosen is not None:
                platform, self.mapping = chosen
                self.platform.blockSignals(True)
                self.platform.setCurrentIndex(max(0, self.platform.findData(platform)))
                self.platform.blockSignals(False)
                self.preview(force=True)
                return
        if isinstance(error, UserError):
            self.error.show_error(error)
            return
        errors.report(error, self)

    def start_import(self) -> None:
        """Import for real, in one transaction, behind a progress dialog."""
        if self.plan is None:
            return
        self.run.setEnabled(False)
        path, platform, mapping = self._args()
        if isinstance(self.plan, CustomerPlan):
            job = partial(customers_import.import_customers, path, _names())
        else:
            job = partial(orders_import.import_orders, path, platform or self.plan.platform, mapping,
                          waiting=self.another_seat_importing.emit)
        task = run_with_progress(self, self.tr("Importing…"), job, on_success=self._imported)
        # cancelled or refused: nothing was written, the preview still stands
        task.signals.failed.connect(lambda _error: self.run.setEnabled(True))

    def _wait_shown(self) -> None:
        """The progress dialog says why the import has not started yet."""
        progress = self.findChild(QProgressDialog, "progressDialog")
        if progress is not None:
            progress.setLabelText(self.tr(
                "Another seat is importing orders into the shop. This import starts when that "
                "one has finished…"))

    def _imported(self, result: ImportPlan) -> None:
        self.result = result
        self.accept()

    @classmethod
    def ask(cls, parent: QWidget | None, path: str = "") -> ImportPlan | CustomerPlan | None:
        """What the import did, or None when nothing was imported."""
        dialog = cls(parent, path)
        if path:
            dialog.preview()
        return dialog.run_modal()

    answers_on_close = True

    def answer(self) -> ImportPlan | CustomerPlan | None:
        return self.result
