"""Import and export of phrases: the file dialogs, the CSV column mapping and
the import preview (new / changed / duplicate / error, line by line), where
nothing is written until the user applies a clean plan."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desk.core.errors import UserError
from desk.core.replies import transfer
from desk.core.replies.transfer import CsvPreview, ImportPlan, PlanRow
from desk.ui.ask import AskDialog, Buttons, InlineError
from desk.ui.errors import report, user_message
from desk.ui.progress import run_with_progress
from desk.ui.replies.models import first_line
from desk.ui.worker import Task, run_task

KIND_COLOURS = {"new": "#2e7d32", "changed": "#1565c0", "duplicate": "#757575", "error": "#c62828"}


def is_csv(path: Path) -> bool:
    return path.suffix.lower() in (".csv", ".tsv")


def is_sogou(path: Path) -> bool:
    """What export writes as a Sogou phrase file (anything else: Excel)."""
    return path.suffix.lower() in (".txt", ".ini")


# --- the column mapping (CSV) ---------------------------------------------------------------


class ColumnMappingDialog(AskDialog):
    """Which column of a CSV file holds the group, the code, the text and the
    position; the first rows are shown as they will be read."""

    def __init__(self, preview: CsvPreview, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("columnMappingDialog")
        self.setWindowTitle(self.tr("Which column is which?"))
        self.resize(720, 420)
        self.preview_data = preview
        self.header = QCheckBox(self.tr("The first line holds the column names"))
        self.header.setObjectName("mappingHeader")
        self.header.setChecked(preview.header)
        self.header.setEnabled(False)  # read from the file; shown so the columns make sense
        titles = {"group": self.tr("Group:"), "code": self.tr("Code:"), "text": self.tr("Text:"),
                  "position": self.tr("Position:")}
        self.combos: dict[str, QComboBox] = {}
        form = QFormLayout()
        for field in transfer.FIELDS:
            combo = QComboBox()
            combo.setObjectName(f"mapping_{field}")
            combo.addItem(self.tr("(none)"), None)
            for i, name in enumerate(preview.columns):
                combo.addItem(self.tr("Column {n}: {name}").format(n=i + 1, name=name)
                              if preview.header else self.tr("Column {n}").format(n=i + 1), i)
            combo.setCurrentIndex(max(0, combo.findData(preview.mapping.get(field))))
            combo.currentIndexChanged.connect(lambda _: self.update_preview())
            form.addRow(titles[field], combo)
            self.combos[field] = combo
        self.table = QTableWidget(0, len(transfer.FIELDS))
        self.table.setObjectName("mappingPreview")
        self.table.setHorizontalHeaderLabels([titles[f].rstrip(":：") for f in transfer.FIELDS])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setVisible(False)
        self.problem = InlineError("mappingProblem", wrap=False)
        self.problem.show()
        self.buttons = self.add_buttons()
        self.buttons.button(Buttons.Ok).setText(self.tr("Next"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.header)
        layout.addLayout(form)
        layout.addWidget(QLabel(self.tr("The first lines, as they will be read:")))
        layout.addWidget(self.table, 1)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        self.update_preview()

    def mapping(self) -> dict:
        out: dict = {f: c.currentData() for f, c in self.combos.items()}
        out["header"] = self.preview_data.header
        return out

    def update_preview(self) -> None:
        mapping = self.mapping()
        rows = self.preview_data.rows
        self.table.setRowCount(len(rows))
        for r, cells in enumerate(rows):
            for c, field in enumerate(transfer.FIELDS):
                i = mapping[field]
                text = cells[i] if i is not None and i < len(cells) else ""
                self.table.setItem(r, c, QTableWidgetItem(first_line(text) if text else ""))
        missing = mapping["text"] is None
        self.problem.setText(self.tr("Choose the column that holds the text.") if missing else "")
        self.buttons.button(Buttons.Ok).setEnabled(not missing)

    @classmethod
    def ask(cls, parent: QWidget | None, preview: CsvPreview) -> dict | None:
        return cls(preview, parent).run_modal()

    def answer(self) -> dict:
        return self.mapping()


# --- the preview ------------------------------------------------------------------------------


class PlanModel(QAbstractTableModel):
    """The rows of an import plan; 100,000 of them cost nothing until shown."""

    LINE, KIND, GROUP, CODE, TEXT, NOTE = range(6)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.rows: list[PlanRow] = []
        self._kinds = {"new": self.tr("New"), "changed": self.tr("Changed"),
                       "duplicate": self.tr("Duplicate"), "error": self.tr("Error")}

    def set_rows(self, rows: list[PlanRow]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else 6

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (self.tr("Line"), self.tr("Result"), self.tr("Group"), self.tr("Code"),
                    self.tr("Text"), self.tr("Why"))[section]
        return None

    def note(self, row: PlanRow) -> str:
        if row.kind == "error":
            return user_message(row.error) if row.error is not None else row.message
        if row.kind == "changed":
            return self.tr("Replaces the text of the phrase with this code")
        if row.kind == "duplicate":
            return self.tr("Already in the group; left as it is")
        return ""

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        row, column = self.rows[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return (str(row.line), self._kinds[row.kind], row.group, row.code, first_line(row.body),
                    self.note(row))[column]
        if role == Qt.ItemDataRole.ToolTipRole and column in (self.TEXT, self.NOTE):
            return row.body if column == self.TEXT else self.note(row) or None
        if role == Qt.ItemDataRole.ForegroundRole and column == self.KIND:
            return QBrush(QColor(KIND_COLOURS[row.kind]))
        if role == Qt.ItemDataRole.TextAlignmentRole and column == self.LINE:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


def _read(path: Path, mapping: dict | None, group: int | str | None, progress=None,
          is_cancelled=None) -> ImportPlan:
    return transfer.read_file(path, mapping, group, is_cancelled=is_cancelled)


class ImportDialog(AskDialog):
    """Reads the file in the background, shows what importing it would do, and
    writes only on Apply: with no errors, or with "skip the lines with errors"."""

    def __init__(self, path: Path, mapping: dict | None = None, group_id: int | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("importPhrasesDialog")
        self.setWindowTitle(self.tr("Import phrases from {name}").format(name=path.name))
        self.resize(900, 560)
        self.path, self.mapping = path, mapping
        self.plan: ImportPlan | None = None
        self.result: dict | None = None
        self._task: Task | None = None
        from desk.core.replies import service

        self.group = QComboBox()
        self.group.setObjectName("importGroup")
        default = transfer.DEFAULT_GROUP
        self.group.addItem(default if service.group_by_name(default) is not None
                           else self.tr("New group “{name}”").format(name=default), None)
        for g in service.list_groups():
            if g.name.lower() != transfer.DEFAULT_GROUP.lower():
                self.group.addItem(g.name, g.id)
        if group_id is not None:
            self.group.setCurrentIndex(max(0, self.group.findData(group_id)))
        self.group.currentIndexChanged.connect(lambda _: self.read())
        group_row = QHBoxLayout()
        self.group_label = QLabel(self.tr("Put the phrases into:"))
        group_row.addWidget(self.group_label)
        group_row.addWidget(self.group, 1)
        self.summary = QLabel()
        self.summary.setObjectName("importSummary")
        self.summary.setWordWrap(True)
        self.model = PlanModel(self)
        self.table = QTableView()
        self.table.setObjectName("importPreview")
        self.table.setModel(self.model)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(24)
        head = self.table.horizontalHeader()
        head.setSectionResizeMode(PlanModel.TEXT, QHeaderView.ResizeMode.Stretch)
        for column, width in ((PlanModel.LINE, 56), (PlanModel.KIND, 80), (PlanModel.GROUP, 100),
                              (PlanModel.CODE, 70), (PlanModel.NOTE, 260)):
            self.table.setColumnWidth(column, width)
        self.only_errors = QCheckBox(self.tr("Show only the lines with errors"))
        self.only_errors.setObjectName("importOnlyErrors")
        self.only_errors.toggled.connect(lambda _: self._show_rows())
        self.skip_errors = QCheckBox(self.tr("Skip the lines with errors and import the rest"))
        self.skip_errors.setObjectName("importSkipErrors")
        self.skip_errors.toggled.connect(lambda _: self._enable())
        self.buttons = self.add_buttons(Buttons.Cancel, on_accept=self.apply)
        self.apply_button = QPushButton(self.tr("Import"))
        self.apply_button.setObjectName("importApply")
        self.buttons.addButton(self.apply_button, QDialogButtonBox.ButtonRole.AcceptRole)
        layout = QVBoxLayout(self)
        layout.addLayout(group_row)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.only_errors)
        layout.addWidget(self.skip_errors)
        layout.addWidget(self.buttons)
        self.read()

    def group_choice(self) -> int | str | None:
        return self.group.currentData()

    def read(self) -> None:
        if self._task is not None:
            self._task.cancel()
        self.plan = None
        self.model.set_rows([])
        self.summary.setText(self.tr("Reading {name}…").format(name=self.path.name))
        self._enable()
        self._task = task = run_task(_read, self.path, self.mapping, self.group_choice(), job=True,
                                     on_success=lambda plan: self._read_done(task, plan),
                                     on_error=lambda e: self._read_failed(task, e))

    def _read_done(self, task: Task, plan: ImportPlan) -> None:
        if task is not self._task or task.cancelled:
            return  # a newer read (another group chosen) or the dialog closed
        self._task = None
        self.plan = plan
        c = plan.counts
        parts = [self.tr("%Ln new", "", c.get("new", 0)), self.tr("%Ln changed", "", c.get("changed", 0)),
                 self.tr("%Ln duplicate(s), left out", "", c.get("duplicate", 0)),
                 self.tr("%Ln error(s)", "", c.get("error", 0))]
        text = " · ".join(parts)
        if plan.new_groups:
            text += "\n" + self.tr("New groups: {names}").format(names="、".join(plan.new_groups))
        if plan.encoding:
            text += "\n" + self.tr("Read as {encoding}.").format(encoding=plan.encoding)
        self.summary.setText(text)
        self.group_label.setText(self.tr("Put the phrases into:") if plan.format == "sogou"
                                 else self.tr("Rows without a group go into:"))
        self._show_rows()
        self._enable()

    def _read_failed(self, task: Task, error: BaseException) -> None:
        if task is not self._task:
            return
        self._task = None
        if isinstance(error, UserError):
            self.summary.setText(user_message(error))
        else:
            self.summary.setText(self.tr("The file could not be read."))
            report(error, self)
        self._enable()

    def _show_rows(self) -> None:
        if self.plan is None:
            return
        rows = self.plan.errors if self.only_errors.isChecked() else self.plan.rows
        self.model.set_rows(rows)

    def can_apply(self) -> bool:
        if self.plan is None:
            return False
        c = self.plan.counts
        if c.get("new", 0) + c.get("changed", 0) == 0:
            return False
        return not self.plan.errors or self.skip_errors.isChecked()

    def _enable(self) -> None:
        errors = bool(self.plan and self.plan.errors)
        self.skip_errors.setEnabled(errors)
        self.only_errors.setEnabled(errors)
        self.apply_button.setEnabled(self.can_apply())

    def apply(self) -> None:
        if not self.can_apply():
            return
        self.apply_button.setEnabled(False)

        def done(result: dict) -> None:
            self.result = result
            self.accept()

        run_with_progress(self, self.tr("Importing phrases…"), transfer.apply, self.plan,
                          self.skip_errors.isChecked(), on_success=done)

    def done(self, code: int) -> None:
        if self._task is not None:
            self._task.cancel()
        super().done(code)

    @classmethod
    def ask(cls, parent: QWidget | None, path: Path, mapping: dict | None = None,
            group_id: int | None = None) -> dict | None:
        """What was imported (counts), or None when nothing was."""
        return cls(path, mapping, group_id, parent).run_modal()

    answers_on_close = True

    def answer(self) -> dict | None:
        return self.result
