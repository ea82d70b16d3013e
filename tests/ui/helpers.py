"""Helpers for UI tests: answer modal dialogs and click table cells as a person does."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QAbstractItemView, QApplication, QWidget


@contextmanager
def answering(kind: type[QWidget], answer: Callable[[QWidget], None],
              timeout: float = 10.0) -> Iterator[None]:
    """While the block runs, call `answer(dialog)` once a modal `kind` is open.

    The block opens the dialog with exec(), which does not return until the
    dialog closes; `answer` clicks its way through it. If `answer` fails, the
    dialog is rejected so exec() returns, and the failure is raised here.
    """
    failures: list[BaseException] = []
    answered: list[QWidget] = []
    deadline = time.monotonic() + timeout

    def poll() -> None:
        widget = QApplication.activeModalWidget()
        if isinstance(widget, kind):
            timer.stop()
            answered.append(widget)
            try:
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
    if failures:
        raise failures[0]
    assert answered, f"no {kind.__name__} was shown"


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
