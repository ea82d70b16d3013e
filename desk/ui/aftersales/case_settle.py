"""Settling a case: its final amounts, a comment, and optionally a follow-up on
the buyer ("ask the buyer to revise the review"), all written at once."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from desk.core.aftersales import flow, service
from desk.core.errors import UserError
from desk.core.money import format_fen
from desk.ui.ask import AskDialog, Buttons, InlineError
from desk.ui.errors import user_message

FIELD_ERROR_STYLE = "border: 1px solid #c62828"


def yuan_text(amount_fen: int) -> str:
    """An amount for a yuan field: empty for nothing, else '12.50'."""
    return format_fen(amount_fen) if amount_fen else ""


def check_amounts(fields: list[tuple[str, QLineEdit]]) -> tuple[dict[QLineEdit, int], list[str]]:
    """Each yuan field parsed by the service's rules; a bad one is framed red
    and its message named after the field."""
    parsed: dict[QLineEdit, int] = {}
    problems: list[str] = []
    for name, edit in fields:
        try:
            parsed[edit] = service.fen(edit.text())
            edit.setStyleSheet("")
        except UserError as e:
            edit.setStyleSheet(FIELD_ERROR_STYLE)
            problems.append(f"{name} {user_message(e)}")
    return parsed, problems


class CaseSettleDialog(AskDialog):
    """Asks for the final amounts and writes the settlement with flow.settle."""

    def __init__(self, case: service.CaseDetail, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("caseSettleDialog")
        self.setWindowTitle(self.tr("Settle case {case_no}").format(case_no=case.case_no))
        # wide enough that a title bar shows the whole case number
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance(self.windowTitle()) + 220)
        self.case_id = case.id
        self.followup_id: int | None = None
        self.refund = QLineEdit(yuan_text(case.refund_fen))
        self.refund.setObjectName("settleRefund")
        self.compensation = QLineEdit(yuan_text(case.compensation_fen))
        self.compensation.setObjectName("settleCompensation")
        for edit in (self.refund, self.compensation):
            edit.setPlaceholderText("0.00")
        self.comment = QLineEdit()
        self.comment.setObjectName("settleComment")
        self.comment.setPlaceholderText(self.tr("How it ended (optional)"))
        self.followup = QCheckBox(self.tr("Add a &follow-up on the buyer:"))
        self.followup.setObjectName("settleFollowup")
        self.followup_title = QLineEdit(self.tr("Ask the buyer to revise the review"))
        self.followup_title.setObjectName("settleFollowupTitle")
        self.followup_title.setEnabled(False)
        self.followup.toggled.connect(self.followup_title.setEnabled)
        self.error = InlineError("settleError")
        form = QFormLayout()
        form.addRow(self.tr("Refund (yuan):"), self.refund)
        form.addRow(self.tr("Compensation (yuan):"), self.compensation)
        form.addRow(self.tr("Comment:"), self.comment)
        form.addRow(self.followup, self.followup_title)
        buttons = self.add_buttons()
        buttons.setObjectName("settleButtons")
        buttons.button(Buttons.Ok).setText(self.tr("&Settle"))
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def settle(self) -> None:
        self.accept()

    def validate(self) -> bool:
        parsed, problems = check_amounts([(self.tr("Refund:"), self.refund),
                                          (self.tr("Compensation:"), self.compensation)])
        if problems:
            self.error.show_message("\n".join(problems))
            return False
        title = self.followup_title.text() if self.followup.isChecked() else None
        self.followup_id = flow.settle(
            self.case_id, comment=self.comment.text(), refund_fen=parsed[self.refund],
            compensation_fen=parsed[self.compensation], followup_title=title)
        return True

    def answer(self) -> bool:
        return True

    @classmethod
    def ask(cls, parent: QWidget | None, case: service.CaseDetail) -> bool:
        """True when the case was settled."""
        return bool(cls(case, parent).run_modal())
