"""A case's status panel: its number, buyer, status and next deadline, the moves
the status flow offers, settling, and its history (the timeline and remarks).
The panel makes those writes itself, onto the app's undo history, and says so
with `changed`; the form around it reads the case and hands it back with
`show_case`."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desk.core import timeutil
from desk.core.aftersales import deadlines, flow, service, shipping, steps
from desk.core.aftersales.models import CASE_STATUSES
from desk.core.errors import UserError
from desk.ui import fmt, labels
from desk.ui import undo as history
from desk.ui.aftersales.case_settle import CaseSettleDialog
from desk.ui.ask import InlineError

translate = QCoreApplication.translate

COMMENT_DIALOG_WIDTH = 460
URGENCY_STYLES = {
    deadlines.OVERDUE: "background: #c62828; color: white; padding: 2px 6px;",
    deadlines.TODAY: "background: #ef6c00; color: white; padding: 2px 6px;",
    deadlines.SOON: "background: #fbc02d; color: black; padding: 2px 6px;",
    deadlines.FINE: "background: #2e7d32; color: white; padding: 2px 6px;",
    deadlines.NONE: "",
}


def payers() -> dict[str, str]:
    """Who pays the return shipping, for the override list and the timeline."""
    return {
        shipping.SELLER: translate("CaseDialog", "The shop pays the return"),
        shipping.SELLER_BOTH: translate("CaseDialog", "The shop pays both ways"),
        shipping.BUYER: translate("CaseDialog", "The buyer pays the return"),
        shipping.BUYER_RETURN: translate("CaseDialog", "The buyer pays the return, the shop the replacement"),
        shipping.BUYER_BOTH: translate("CaseDialog", "The buyer pays both ways"),
        shipping.NOBODY: translate("CaseDialog", "Nobody pays"),
    }


class CaseStatusPanel(QWidget):
    """The status line and moves of one case; `history_tab` is its timeline
    with the remark box, for the form to show in a tab."""

    changed = Signal()  # the case was moved, settled or remarked on

    def __init__(self, case_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("caseStatusPanel")
        self.case_id = case_id
        self.case_no = ""
        self.title = QLabel()
        self.title.setObjectName("caseTitle")
        font = self.title.font()
        font.setBold(True)
        if font.pointSizeF() > 0:
            font.setPointSizeF(font.pointSizeF() * 1.2)
        self.title.setFont(font)
        self.status = QLabel()
        self.status.setObjectName("caseStatus")
        self.deadline = QLabel()
        self.deadline.setObjectName("caseDeadline")
        self.error = InlineError("caseStatusError")
        self.buttons: dict[str, QPushButton] = {}
        buttons = QHBoxLayout()
        buttons.addWidget(QLabel(self.tr("Move to:")))
        for code in CASE_STATUSES:
            button = QPushButton()
            button.setObjectName(f"caseStatus_{code}")
            button.setAutoDefault(False)
            button.clicked.connect(lambda _=False, c=code: self.change_status(c))
            self.buttons[code] = button
            buttons.addWidget(button)
        self.settle_button = QPushButton(self.tr("S&ettle…"))
        self.settle_button.setObjectName("caseSettle")
        self.settle_button.setAutoDefault(False)
        self.settle_button.clicked.connect(lambda _=False: self.settle_clicked())
        buttons.addWidget(self.settle_button)
        buttons.addStretch(1)
        top = QHBoxLayout()
        top.addWidget(self.title)
        top.addWidget(self.status)
        top.addStretch(1)
        top.addWidget(self.deadline)
        col = QVBoxLayout(self)
        col.setContentsMargins(0, 0, 0, 0)
        col.addLayout(top)
        col.addLayout(buttons)
        col.addWidget(self.error)
        self.history_tab = self._history_tab()

    def _history_tab(self) -> QWidget:
        """The timeline with a box under it for a free-text remark."""
        self.timeline = QTableWidget(0, 5)
        self.timeline.setObjectName("caseTimeline")
        self.timeline.setHorizontalHeaderLabels(  # By: the staff name of the seat that wrote it
            [self.tr("Time"), self.tr("Change"), self.tr("Handler"), self.tr("By"), self.tr("Comment")])
        self.timeline.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.timeline.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.timeline.verticalHeader().setVisible(False)
        self.timeline.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.timeline.horizontalHeader().setStretchLastSection(True)
        self.comment_box = QPlainTextEdit()
        self.comment_box.setObjectName("caseComment")
        self.comment_box.setPlaceholderText(
            self.tr("Add a remark to the history, e.g. what the buyer said on the phone (Ctrl+Enter)"))
        self.comment_box.setTabChangesFocus(True)
        self.comment_box.setFixedHeight(self.fontMetrics().lineSpacing() * 3 + 12)
        self.comment_button = QPushButton(self.tr("Add &remark"))
        self.comment_button.setObjectName("addComment")
        self.comment_button.setAutoDefault(False)
        self.comment_button.clicked.connect(self.add_comment)
        send = QShortcut(QKeySequence("Ctrl+Return"), self.comment_box)
        send.setContext(Qt.ShortcutContext.WidgetShortcut)
        send.activated.connect(self.add_comment)
        row = QHBoxLayout()
        row.addWidget(self.comment_box, 1)
        row.addWidget(self.comment_button, 0, Qt.AlignmentFlag.AlignBottom)
        tab = QWidget()
        column = QVBoxLayout(tab)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.timeline, 1)
        column.addLayout(row)
        return tab

    # -- showing ---------------------------------------------------------------------------

    def show_case(self, case: service.CaseDetail) -> None:
        """Show the case as read now: title, status, the moves offered, timeline, deadline."""
        statuses = labels.case_statuses()
        self.case_no = case.case_no
        self.title.setText(self.tr("{case_no} · {nickname}").format(
            case_no=case.case_no, nickname=case.nickname))
        self.status.setText(labels.label(statuses, case.status))
        offered = flow.offered(case.status)
        for code, button in self.buttons.items():
            reopen = flow.is_reopening(case.status, code)
            button.setText(self.tr("Reopen") if reopen else labels.label(statuses, code))
            button.setVisible(code in offered)
        self.settle_button.setVisible("done" in offered)
        self._fill_timeline(case)
        self._show_deadline(case)

    def _fill_timeline(self, case: service.CaseDetail) -> None:
        statuses, who_pays = labels.case_statuses(), payers()
        self.timeline.setRowCount(len(case.events))
        for r, e in enumerate(case.events):
            if e.kind == "status":
                new = labels.label(statuses, e.new_status)
                change = (self.tr("Opened: {new}").format(new=new) if not e.old_status else
                          self.tr("{old} → {new}").format(old=labels.label(statuses, e.old_status),
                                                          new=new))
            elif e.kind == "payer_override":
                change = self.tr("Return shipping: {old} → {new}").format(
                    old=labels.label(who_pays, e.old_status), new=labels.label(who_pays, e.new_status))
            else:
                change = self.tr("Comment")
            for col, text in enumerate((fmt.when(timeutil.to_epoch(e.at)), change, e.handler,
                                        e.staff, e.comment)):
                self.timeline.setItem(r, col, QTableWidgetItem(text))
        self.timeline.scrollToBottom()

    def _show_deadline(self, case: service.CaseDetail) -> None:
        found = deadlines.deadlines_of(case.id) if case.deleted_at is None else []
        if not found:
            level = deadlines.NONE
            self.deadline.setText(self.tr("No deadline running"))
        else:
            now = timeutil.now()
            first = found[0]
            level = deadlines.urgency(first.at, now)
            left = first.at - now
            span = self._span(abs(left))
            self.deadline.setText(self.tr("{what}: {when} ({left})").format(
                what=translate("Deadline", first.label), when=fmt.when(timeutil.to_epoch(first.at)),
                left=(self.tr("{span} overdue") if left.total_seconds() <= 0
                      else self.tr("{span} left")).format(span=span)))
        self.deadline.setProperty("urgency", level)
        self.deadline.setStyleSheet(URGENCY_STYLES[level])

    def _span(self, delta: timedelta) -> str:
        minutes = int(delta.total_seconds()) // 60
        days, minutes = divmod(minutes, 24 * 60)
        hours, minutes = divmod(minutes, 60)
        if days:
            return self.tr("{days} d {hours} h").format(days=days, hours=hours)
        if hours:
            return self.tr("{hours} h {minutes} min").format(hours=hours, minutes=minutes)
        return self.tr("{minutes} min").format(minutes=minutes)

    # -- writing -------------------------------------------------------------------------------

    def _failed(self, error: UserError) -> None:
        self.error.show_error(error)

    def _done(self) -> None:
        self.error.clear_message()
        self.changed.emit()

    def ask_comment(self, title: str) -> str | None:
        """An optional comment for a status change; None when cancelled."""
        dialog = QInputDialog(self)
        dialog.setObjectName("caseCommentDialog")
        dialog.setWindowTitle(title)
        # the title bar may cut the title short: the label says it in full
        dialog.setLabelText(self.tr("{title}\n\nComment (optional):").format(title=title))
        dialog.setInputMode(QInputDialog.InputMode.TextInput)
        # its layout sizes it to its contents: the comment field sets the width
        width = min(max(COMMENT_DIALOG_WIDTH, dialog.fontMetrics().horizontalAdvance(title) + 200), 900)
        dialog.findChild(QLineEdit).setMinimumWidth(width)
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        text = dialog.textValue()
        dialog.deleteLater()
        return text if accepted else None

    def change_status(self, status: str) -> None:
        case_id = self.case_id
        try:
            case_no = service.get_case(case_id).case_no  # gone meanwhile: said before asking
        except UserError as e:
            self._failed(e)
            return
        name = self.buttons[status].text()
        label = self.tr("{case_no}: {status}").format(case_no=case_no, status=name)
        comment = self.ask_comment(label)
        if comment is None:
            return
        try:
            history.run(label, lambda: steps.change_status_step(case_id, status, comment=comment))
        except UserError as e:
            self._failed(e)
            return
        self._done()

    def settle_clicked(self) -> None:
        try:
            case = service.get_case(self.case_id)
        except UserError as e:
            self._failed(e)
            return
        if CaseSettleDialog.ask(self, case):
            self._done()

    def add_comment(self) -> None:
        text = self.comment_box.toPlainText().strip()
        if not text:
            self.comment_box.setFocus()
            return
        case_id = self.case_id
        try:
            history.run(self.tr("Add remark"), lambda: steps.add_comment_step(case_id, text))
        except UserError as e:
            self._failed(e)
            return
        self.comment_box.clear()
        self._done()
