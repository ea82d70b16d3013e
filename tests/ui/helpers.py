"""Helpers for UI tests: answer modal dialogs and click table cells as a person does."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager

import shiboken6
from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

# How long a test waits for background work before it calls it lost: long
# enough for a loaded two-core machine, and a wait that succeeds returns at once.
PATIENCE_MS = 120_000


@contextmanager
def answering(kind: type[QWidget], answer: Callable[[QWidget], None],
              timeout: float = PATIENCE_MS / 1000) -> Iterator[None]:
    """While the block runs, call `answer(dialog)` once a modal `kind` is open.

    The block opens the dialog with exec(), which does not return until the
    dialog closes; `answer` clicks its way through it. If `answer` fails, the
    dialog is rejected so exec() returns, and the failure is raised here.
    """
    failures: list[BaseException] = []
    answered: list[QWidget] = []
    behind: list[QWidget] = []
    deadline = time.monotonic() + timeout

    def poll() -> None:
        widget = QApplication.activeModalWidget()
        if isinstance(widget, kind):
            timer.stop()
            answered.append(widget)
            if (front := QApplication.activeWindow()) is not None and front is not widget:
                behind.append(front)
            try:
                activate(widget)
                answer(widget)
            except BaseException as e:  # re-raised below, on the test's own stack
                failures.append(e)
                if widget.isVisible():
                    widget.reject()
        elif time.monotonic() > deadline:
            timer.stop()

    timer = QTimer(interval=20)
    timer.timeout.connect(poll)
    timer.start()
    try:
        yield
    finally:
        timer.stop()
    # As a desktop does when a dialog closes: the window behind it is in front again.
    if (behind and shiboken6.isValid(behind[0]) and behind[0].isVisible()
            and not any(shiboken6.isValid(w) and w.isVisible() for w in answered)
            and QApplication.activeModalWidget() in (None, behind[0])):
        activate(behind[0])
    if failures:
        raise failures[0]
    assert answered, f"no {kind.__name__} was shown"


def activate(widget: QWidget, timeout: float = PATIENCE_MS / 1000) -> None:
    """Make `widget`'s window the active window, as a person's click on it would.

    Shortcuts reach the active window only, and the offscreen platform does not
    make a window active just because it was shown: activation is a request that
    the event loop delivers later, and a window closing over another can hand
    it elsewhere afterwards. So flush what is pending, ask again, and return
    only when the application itself reports the window as active, with
    nothing pending that could take it away before the caller's next event.
    """
    window = widget.window()
    deadline = time.monotonic() + timeout
    while True:
        QApplication.processEvents()
        if QApplication.activeWindow() is window:
            return
        if time.monotonic() > deadline:
            raise AssertionError(f"{window.objectName() or window} never became the active window")
        window.activateWindow()
        time.sleep(0.01)


_EDITORS = (QLineEdit, QTextEdit, QPlainTextEdit, QAbstractSpinBox)
_FUNCTION_KEYS = {getattr(Qt.Key, f"Key_F{n}") for n in range(1, 13)}
_COMMAND_KEYS = {Qt.Key.Key_Delete, Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Insert,
                 Qt.Key.Key_Escape}
_CHORD = (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
          | Qt.KeyboardModifier.MetaModifier)


def could_be_shortcut(widget: QWidget, key, modifier) -> bool:
    """A key a shortcut may be bound to: a chord, a function key, or a command
    key (Del, Enter, Ins, Esc) outside a text field, where it does not edit text."""
    if Qt.KeyboardModifier(modifier) & _CHORD or key in _FUNCTION_KEYS:
        return True
    return key in _COMMAND_KEYS and not isinstance(widget, _EDITORS)


def typing_activates(qtbot) -> None:
    """Make `qtbot.keyClick`/`keyPress` press shortcut keys as a person does: in
    the active window. A person presses keys only in the window in front; the
    offscreen platform may leave another one active (after a dialog closes, or
    on a busy machine), and a shortcut sent to an inactive window does nothing.
    Plain typing is left alone (it reaches the widget either way), and so are
    popups (menus, completers), which never become the active window."""
    for name in ("keyClick", "keyPress"):
        send = getattr(qtbot, name)

        def pressed(widget, key, modifier=Qt.KeyboardModifier.NoModifier, *args, _send=send,
                    **kwargs):
            if (isinstance(widget, QWidget) and QApplication.activePopupWidget() is None
                    and could_be_shortcut(widget, key, modifier)):
                activate(widget)
            _send(widget, key, modifier, *args, **kwargs)

        setattr(qtbot, name, pressed)


def patient(qtbot) -> None:
    """Give every qtbot wait at least PATIENCE_MS: a test's own figure is what the
    work takes on an idle machine, not what it may take on a busy one."""
    for name in ("waitUntil", "waitSignal", "waitSignals", "waitCallback", "waitExposed",
                 "waitActive"):
        wait = getattr(qtbot, name)

        def waited(*args, _wait=wait, timeout: int = PATIENCE_MS, **kwargs):
            return _wait(*args, timeout=max(timeout, PATIENCE_MS), **kwargs)

        setattr(qtbot, name, waited)


def click_cell(qtbot, view: QAbstractItemView, row: int, column: int = 0,
               modifier=Qt.KeyboardModifier.NoModifier, double: bool = False) -> None:
    """Scroll the cell into view and click (or double-click) it."""
    index = view.model().index(row, column)
    view.scrollTo(index)
    centre: QPoint = view.visualRect(index).center()
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, modifier, centre)
    if double:
        # A double click reaches a widget as press, release, double-click; QTest's
        # mouseDClick sends only the last, so the click above comes first.
        qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, modifier, centre)


def column_texts(view: QAbstractItemView, column: int) -> list[str]:
    model = view.model()
    return [model.index(r, column).data() for r in range(model.rowCount())]


def type_text(qtbot, widget: QWidget, text: str) -> None:
    """Type `text` into `widget`: ASCII key by key, Chinese as an input method
    commits it (QTest can only synthesise keys for ASCII)."""
    if text.isascii():
        qtbot.keyClicks(widget, text)
        return
    event = QInputMethodEvent("", [])
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def child(parent: QWidget, kind: type, name: str):
    """The child widget (or action) of that type and object name; fails the test when missing."""
    found = parent.findChild(kind, name)
    assert found is not None, name
    return found


def click(qtbot, widget: QWidget) -> None:
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)
