"""What every asking dialog shares: modal exec, OK/Cancel buttons, check then
accept, the answer or None; and the red message under a field or list.

A dialog subclasses `AskDialog`, builds its fields, adds `self.add_buttons()`
and, when it collects something, overrides `validate()` (check and save; a
`UserError` keeps it open with the message under the fields) and `answer()`
(what `run_modal()` returns). Its classmethod `ask(parent, ...)` is then
`return cls(..., parent).run_modal()`; the caller never wires accept/reject.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, ClassVar

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QWidget

from desk.core.errors import UserError
from desk.ui.errors import ERROR_STYLE, show_user_error, user_message

Buttons = QDialogButtonBox.StandardButton


class InlineError(QLabel):
    """A message in red under a form or list; hidden while there is none."""

    def __init__(self, name: str, parent: QWidget | None = None, *, wrap: bool = True) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setStyleSheet(ERROR_STYLE)
        self.setWordWrap(wrap)
        self.hide()

    def show_message(self, text: str) -> None:
        self.setText(text)
        self.show()

    def show_error(self, error: UserError) -> None:
        """The error's message in the UI language."""
        self.show_message(user_message(error))

    def clear_message(self) -> None:
        self.clear()
        self.hide()


class AskDialog(QDialog):
    """A modal dialog that asks for something and answers with it (or None)."""

    # True: `run_modal()` returns `answer()` however the dialog was closed (windows
    # such as the trash, whose answer is "was anything changed"); False: only
    # when it was accepted, else None.
    answers_on_close: ClassVar[bool] = False
    # where `accept()` shows a UserError from `validate()`; None: a message box
    error: InlineError | None = None

    def add_buttons(self, buttons: Buttons = Buttons.Ok | Buttons.Cancel, *,
                    on_accept: Callable[[], object] | None = None) -> QDialogButtonBox:
        """The dialog's button box: an accepting button (OK, Save, or one added
        with the AcceptRole) runs `on_accept` (default: accept), Cancel and
        Close reject."""
        box = QDialogButtonBox(buttons)
        box.accepted.connect(on_accept or self.accept)
        box.rejected.connect(self.reject)
        return box

    def validate(self) -> bool:
        """Check (and save) what the dialog collected before it closes. Raise
        UserError to keep it open with the message shown; return False to keep
        it open having shown a message itself."""
        return True

    def accept(self) -> None:
        try:
            ok = self.validate()
        except UserError as e:
            self.refuse(user_message(e))
            return
        if ok:
            super().accept()

    def refuse(self, message: str) -> None:
        """Say why the dialog cannot close yet."""
        if self.error is not None:
            self.error.show_message(message)
        else:
            show_user_error(self, message)

    def answer(self) -> Any:
        """What `run_modal()` returns for an accepted dialog."""
        return None

    def run_modal(self) -> Any:
        """Show the dialog modally; its answer, or None when cancelled. The
        dialog is deleted afterwards (its parent would keep it, listening to the bus)."""
        try:
            accepted = self.exec() == QDialog.DialogCode.Accepted
            return self.answer() if accepted or self.answers_on_close else None
        finally:
            self.deleteLater()


class ChangesWindow(AskDialog):
    """A dialog used as a window (the trash, the tag manager, the deadline
    rules, the duplicates): its answer is whether anything was changed while
    it was open, however it was closed."""

    answers_on_close = True
    changed: bool = False  # set by the window when it changes something

    def answer(self) -> bool:
        return self.changed

    @classmethod
    def ask(cls, parent: QWidget | None = None) -> bool:
        """Show the window; True when anything was changed while it was open."""
        return cls(parent).run_modal()
