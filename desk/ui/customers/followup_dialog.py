"""The follow-up form: what to follow up and when, for adding one or changing it."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

from PySide6.QtCore import QDateTime
from PySide6.QtWidgets import (
    QDateTimeEdit,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desk.core import timeutil
from desk.core.customers import due_times, service
from desk.core.customers import followups as core
from desk.core.errors import UserError
from desk.ui import errors, fmt
from desk.ui.ask import AskDialog, Buttons, InlineError
from desk.ui.customers import followups as ops
from desk.ui.customers.followups import local_now


class FollowupDialog(AskDialog):
    """Adds a follow-up to a customer, or edits one (`followup_id`); saving is
    one undoable change, and a title the service refuses is shown in the form."""

    def __init__(self, customer_id: int, followup_id: int | None = None,
                 parent: QWidget | None = None, case_id: int | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("followupDialog")
        self.customer_id = customer_id
        self.case_id = case_id
        self.existing = None if followup_id is None else core.get(followup_id)
        self.followup_id: int | None = followup_id
        nickname = service.get(customer_id).nickname
        self.setWindowTitle(
            self.tr("Follow-up for {nickname}").format(nickname=nickname) if self.existing is None
            else self.tr("Edit follow-up for {nickname}").format(nickname=nickname))
        self.setMinimumWidth(480)

        self.title = QLineEdit()
        self.title.setObjectName("followupTitle")
        self.title.setPlaceholderText(self.tr("e.g. Remind them to pay; call back about the exchange"))
        self.due = QDateTimeEdit()
        self.due.setObjectName("followupDue")
        self.due.setCalendarPopup(True)
        self.due.setDisplayFormat(fmt.DATETIME_FORMAT)
        if self.existing is None:
            self.set_due(due_times.default_due(local_now()))
        else:
            self.title.setText(self.existing.title)
            self.set_due(self.existing.due_at)

        quick = QHBoxLayout()
        self.quick: dict[str, QPushButton] = {}
        for name, text, when in (
            ("followupIn1Hour", self.tr("In 1 hour"), due_times.in_an_hour),
            ("followupTonight", self.tr("Tonight 20:00"), due_times.tonight),
            ("followupTomorrow", self.tr("Tomorrow 10:00"), lambda now: due_times.tomorrow_at(now, 10)),
            ("followupIn3Days", self.tr("In 3 days"), lambda now: due_times.in_days(now, 3)),
        ):
            self.quick[name] = self._quick(name, text, when)
            quick.addWidget(self.quick[name])
        quick.addStretch(1)
        # 20:00 "tonight" makes sense only before 20:00
        now = local_now()
        self.quick["followupTonight"].setEnabled(due_times.offered(due_times.tonight(now), now))

        self.error = InlineError("followupError")
        buttons = self.add_buttons(Buttons.Save | Buttons.Cancel)
        buttons.setObjectName("followupButtons")

        form = QFormLayout()
        form.addRow(self.tr("&Follow up:"), self.title)
        form.addRow(self.tr("D&ue:"), self.due)
        form.addRow("", quick)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.title.setFocus()

    def _quick(self, name: str, text: str, when: Callable[[datetime], datetime]) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(name)
        button.setAutoDefault(False)  # Enter saves the form, it does not pick a time
        button.clicked.connect(lambda: self.set_due(when(local_now())))
        return button

    def set_due(self, moment: datetime) -> None:
        self.due.setDateTime(QDateTime.fromSecsSinceEpoch(timeutil.to_epoch(moment)))

    def due_at(self) -> datetime:
        """The chosen time, aware."""
        return datetime.fromtimestamp(self.due.dateTime().toSecsSinceEpoch(), UTC)

    def validate(self) -> bool:
        title, due = self.title.text(), self.due_at()
        try:
            if self.existing is None:
                self.followup_id = ops.add(self.customer_id, title, due, self.case_id)
            elif (title, due) != (self.existing.title, self.existing.due_at):
                ops.edit(self.existing.id, title, due, self.existing.version, self, self.show_current)
        except UserError:
            self.title.setFocus()
            raise
        return True

    def answer(self) -> int | None:
        return self.followup_id

    def show_current(self) -> None:
        """The follow-up as it is now (after a conflict: theirs), to edit again."""
        self.existing = core.get(self.existing.id)
        self.title.setText(self.existing.title)
        self.set_due(self.existing.due_at)

    @classmethod
    def ask(cls, parent: QWidget | None, customer_id: int, followup_id: int | None = None,
            case_id: int | None = None) -> int | None:
        """The id of the follow-up added or edited, or None when cancelled."""
        try:
            dialog = cls(customer_id, followup_id, parent, case_id)
        except UserError as e:  # it went away meanwhile (deleted, customer emptied from the trash)
            errors.report(e, parent)
            return None
        return dialog.run_modal()
