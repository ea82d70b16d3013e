"""The AskDialog base and the inline error under a field: modal run, check
then accept, the answer or None."""

from __future__ import annotations

from PySide6.QtWidgets import QLineEdit, QVBoxLayout

from desk.core.errors import UserError
from desk.ui import ask as ask_module
from desk.ui.ask import AskDialog, Buttons, InlineError

from .helpers import answering


class NameDialog(AskDialog):
    """Asks for a name; an empty one is refused with the message under the field."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.name = QLineEdit()
        self.error = InlineError("nameError")
        self.saved: list[str] = []
        self.buttons = self.add_buttons()
        layout = QVBoxLayout(self)
        layout.addWidget(self.name)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)

    def validate(self) -> bool:
        if not self.name.text().strip():
            raise UserError("Type a name.")
        self.saved.append(self.name.text())
        return True

    def answer(self) -> str:
        return self.name.text()


def test_inline_error_shows_and_clears(qtbot):
    label = InlineError("someError")
    qtbot.addWidget(label)
    assert label.objectName() == "someError"
    assert label.isHidden() and label.wordWrap()
    assert "#c62828" in label.styleSheet()
    label.show_error(UserError("The phone {phone} is not a phone number.", phone="12"))
    assert not label.isHidden()
    assert label.text() == "The phone 12 is not a phone number."
    label.clear_message()
    assert label.isHidden() and label.text() == ""


def test_a_refused_answer_keeps_the_dialog_open_with_the_message(qtbot):
    dialog = NameDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.buttons.button(Buttons.Ok).click()
    assert dialog.isVisible(), "an empty name must not close the dialog"
    assert dialog.error.isVisible() and dialog.error.text() == "Type a name."
    assert dialog.saved == []
    dialog.name.setText("暖暖")
    dialog.buttons.button(Buttons.Ok).click()
    assert not dialog.isVisible()
    assert dialog.saved == ["暖暖"]


def test_run_modal_answers_when_accepted_and_none_when_cancelled(qtbot):
    def fill_and_ok(dialog: NameDialog) -> None:
        dialog.buttons.button(Buttons.Ok).click()  # refused first: still open
        assert dialog.isVisible()
        dialog.name.setText("小王")
        dialog.buttons.button(Buttons.Ok).click()

    with answering(NameDialog, fill_and_ok):
        assert NameDialog().run_modal() == "小王"

    def cancel(dialog: NameDialog) -> None:
        dialog.name.setText("typed, then cancelled")
        dialog.buttons.button(Buttons.Cancel).click()

    with answering(NameDialog, cancel):
        assert NameDialog().run_modal() is None


def test_a_window_answers_however_it_was_closed(qtbot):
    class Window(AskDialog):
        answers_on_close = True

        def __init__(self) -> None:
            super().__init__()
            self.changed = False
            self.buttons = self.add_buttons(Buttons.Close)

        def answer(self) -> bool:
            return self.changed

    def change_then_close(window: Window) -> None:
        window.changed = True
        window.buttons.button(Buttons.Close).click()

    with answering(Window, change_then_close):
        assert Window().run_modal() is True


def test_without_an_inline_error_a_refusal_is_a_message_box(qtbot, monkeypatch):
    shown: list[str] = []
    monkeypatch.setattr(ask_module, "show_user_error", lambda parent, message: shown.append(message))

    class Plain(AskDialog):
        def validate(self) -> bool:
            raise UserError("Nothing to save.")

    dialog = Plain()
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.accept()
    assert shown == ["Nothing to save."]
    assert dialog.isVisible()
