"""The export dialog: where to save, whether to mask phones; the workbook is
then written in the background with progress and Cancel."""

from __future__ import annotations

from collections.abc import Sequence
from functools import partial
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QStandardPaths
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desk.core import settings
from desk.core.excel import exports
from desk.core.listing import Filter
from desk.ui.ask import AskDialog, Buttons, InlineError
from desk.ui.progress import run_with_progress
from desk.ui.worker import Task


class ExportDialog(AskDialog):
    """Asks for the file (and, from File > Export, what to export); a list
    page passes its kind, its current filters and sort, and its selection."""

    def __init__(self, kind: str | None, selection: exports.Selection, selected: Sequence[int],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("exportDialog")
        self.setWindowTitle(self.tr("Export to Excel"))
        self.setMinimumWidth(520)
        self.selection = selection
        self.selected = tuple(selected)
        names = {
            "all": self.tr("Everything (a sheet each)"), "customers": self.tr("Customers"),
            "orders": self.tr("Orders"), "aftersales": self.tr("After-sales cases"),
            "followups": self.tr("Follow-ups"), "replies": self.tr("Quick replies"),
        }
        self.file_names = {**names, "all": self.tr("ShopDesk data")}
        self.kind = QComboBox()
        self.kind.setObjectName("exportKind")
        for code in exports.KINDS[-1:] + exports.KINDS[:-1]:
            self.kind.addItem(names[code], code)
        if kind is not None:
            self.kind.setCurrentIndex(self.kind.findData(kind))
            self.kind.setEnabled(False)
        self.rows = QComboBox()
        self.rows.setObjectName("exportRows")
        self.rows.addItem(self.tr("All rows in the list (its filter and order)"), "list")
        if self.selected:
            self.rows.addItem(self.tr("Only the %n selected row(s)", "", len(self.selected)), "selected")
            self.rows.setCurrentIndex(1)
        self.rows.setVisible(kind is not None)
        self.path = QLineEdit()
        self.path.setObjectName("exportPath")
        self.path.setText(str(_default_folder() / self._file_name()))
        browse = QPushButton(self.tr("&Browse…"))
        browse.setObjectName("exportBrowse")
        browse.setAutoDefault(False)
        browse.clicked.connect(self.browse)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.mask = QCheckBox(self.tr("&Mask phone numbers (138****1234)"))
        self.mask.setObjectName("exportMask")
        self.mask.setChecked(settings.get("mask_phones"))
        self.error = InlineError("exportError")
        buttons = self.add_buttons(Buttons.Cancel)
        buttons.setObjectName("exportButtons")
        self.ok = buttons.addButton(self.tr("&Export"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.ok.setObjectName("exportOk")

        file_row = QHBoxLayout()
        file_row.addWidget(self.path, 1)
        file_row.addWidget(browse)
        form = QFormLayout()
        form.addRow(self.tr("&What:"), self.kind)
        if kind is not None:
            form.addRow(self.tr("&Rows:"), self.rows)
        file_label = QLabel(self.tr("&File:"))
        file_label.setBuddy(self.path)
        form.addRow(file_label, file_row)
        form.addRow("", self.mask)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def _file_name(self) -> str:
        return f"{self.file_names[self.kind.currentData()]}.xlsx"

    def _kind_changed(self) -> None:
        current = Path(self.path.text())
        self.path.setText(str(current.with_name(self._file_name())))

    def browse(self) -> None:
        chosen, _ = QFileDialog.getSaveFileName(self, self.tr("Export to Excel"), self.path.text(),
                                                self.tr("Excel workbooks (*.xlsx)"))
        if chosen:
            self.path.setText(chosen)

    def target(self) -> Path | None:
        text = self.path.text().strip()
        if not text:
            return None
        path = Path(text).expanduser()
        return path if path.suffix.lower() == ".xlsx" else path.with_name(path.name + ".xlsx")

    def chosen_selection(self) -> exports.Selection:
        if self.rows.currentData() == "selected":
            return exports.Selection(ids=self.selected)
        return self.selection

    def validate(self) -> bool:
        target = self.target()
        if target is None or target.is_dir() or not target.parent.is_dir():
            self.error.show_message(self.tr("Choose a file name in an existing folder."))
            return False
        return True

    def answer(self) -> tuple[str, Path, exports.Selection, bool]:
        return self.kind.currentData(), self.target(), self.chosen_selection(), self.mask.isChecked()

    @classmethod
    def ask(cls, parent: QWidget | None, kind: str | None = None,
            filters: Sequence[Filter | None] = (), sort: str | None = None, descending: bool = False,
            selected: Sequence[int] = ()) -> Task | None:
        """Ask, then write in the background; returns the running job, or None
        when the dialog was cancelled. The status bar of `parent`'s window says
        where the file went."""
        selection = exports.Selection(tuple(f for f in filters if f is not None), sort or None,
                                      descending)
        answer = cls(kind, selection, selected, parent).run_modal()
        if answer is None:
            return None
        what, target, chosen, mask = answer
        # the stored codes are written as desk.core.labels names them, in the UI's language
        job = partial(exports.export, what, target, chosen, mask_phones=mask,
                      translate=QCoreApplication.translate)
        return run_with_progress(parent, QCoreApplication.translate("ExportDialog", "Exporting to Excel…"), job,
                                 on_success=lambda result: _done(parent, result))


def _default_folder() -> Path:
    docs = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(docs) if docs and Path(docs).is_dir() else Path.home()


def _done(parent: QWidget | None, result: exports.WriteResult) -> None:
    window = parent.window() if parent is not None else None
    if window is not None and hasattr(window, "statusBar"):
        window.statusBar().showMessage(ExportDialog.tr("Exported %n row(s) to {path}", "", result.rows)
                                       .format(path=str(result.path)), 10_000)
