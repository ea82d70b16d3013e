"""The phrase check as a dialog: every problem with its phrase, and a button
for the one-click fix where there is one (undoable)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desk.core.errors import UserError
from desk.core.replies import lint, service, steps
from desk.core.replies.service import PhraseInfo
from desk.ui import undo
from desk.ui.ask import AskDialog, Buttons
from desk.ui.errors import show_user_error, user_message
from desk.ui.replies.models import first_line

GROUP, CODE, TEXT, PROBLEM, FIX = range(5)

def fix_label(problem: lint.Problem) -> str:
    return QCoreApplication.translate("UserError", problem.fix).format(**problem.values)

def fix(problem: lint.Problem) -> None:
    """Apply the problem's fix as one undoable step."""
    undo.run(fix_label(problem), lambda: steps.fix_step(problem))

class LintDialog(AskDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("lintDialog")
        self.setWindowTitle(self.tr("Check phrases"))
        self.resize(860, 460)
        undo.add_actions(self)
        self.summary = QLabel()
        self.summary.setObjectName("lintSummary")
        self.table = QTableWidget(0, 5)
        self.table.setObjectName("lintTable")
        self.table.setHorizontalHeaderLabels(
            [self.tr("Group"), self.tr("Code"), self.tr("Text"), self.tr("Problem"), self.tr("Fix")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(False)
        head = self.table.horizontalHeader()
        head.setSectionResizeMode(PROBLEM, QHeaderView.ResizeMode.Stretch)
        self.table.setColumnWidth(GROUP, 100)
        self.table.setColumnWidth(CODE, 70)
        self.table.setColumnWidth(TEXT, 200)
        self.table.setColumnWidth(FIX, 220)
        self.table.doubleClicked.connect(lambda ix: self.edit(ix.row()))
        again = QPushButton(self.tr("Check again"))
        again.setObjectName("lintAgain")
        again.clicked.connect(self.reload)
        buttons = self.add_buttons(Buttons.Close)
        buttons.addButton(again, QDialogButtonBox.ButtonRole.ActionRole)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        hint = QLabel(self.tr("Double-click a row to edit the phrase."))
        hint.setEnabled(False)
        layout.addWidget(hint)
        layout.addWidget(buttons)
        self.problems: list[lint.Problem] = []
        self.reload()

    def reload(self) -> None:
        phrases = {p.id: p for p in service.all_phrases()}
        self.problems = lint.check(list(phrases.values()))
        self.table.setRowCount(0)
        self.table.setRowCount(len(self.problems))
        for row, problem in enumerate(self.problems):
            p: PhraseInfo = phrases[problem.pid]
            message = user_message(problem.as_error())
            for column, text in ((GROUP, p.group_name), (CODE, p.code), (TEXT, first_line(p.body)),
                                 (PROBLEM, message)):
                item = QTableWidgetItem(text)
                item.setToolTip(p.body if column == TEXT else text)
                self.table.setItem(row, column, item)
            if problem.fix is not None:
                button = QPushButton(fix_label(problem))
                button.setObjectName(f"lintFix_{row}")
                button.clicked.connect(lambda _=False, pr=problem: self.fix(pr))
                self.table.setCellWidget(row, FIX, button)
        self.summary.setText(self.tr("%n problem(s) found.", "", len(self.problems))
                             if self.problems else self.tr("No problems found: every phrase looks fine."))

    def fix(self, problem: lint.Problem) -> None:
        try:
            fix(problem)
        except UserError as e:
            show_user_error(self, user_message(e))
        self.reload()

    def edit(self, row: int) -> None:
        from desk.ui.replies.editor import PhraseDialog

        if 0 <= row < len(self.problems):
            phrase = service.get_phrase(self.problems[row].pid)
            if PhraseDialog.ask(self, phrase.group_id, phrase) is not None:
                self.reload()

    @classmethod
    def ask(cls, parent: QWidget | None = None) -> None:
        cls(parent).run_modal()
