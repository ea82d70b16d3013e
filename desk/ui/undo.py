"""One undo history for the whole app (Ctrl+Z / Ctrl+Shift+Z).

Every write the app can take back is a core write that returns
`(result, step)` (desk.core.history): the change is made first, so a bad
input raises its UserError before anything reaches the history, and only a
change that went through is recorded. The UI only pushes the step:

    undo.run(self.tr("Rename tag"), lambda: tags.update_tag_step(tag_id, name=name))

Undoing later may fail because the data moved on (the customer was emptied
from the trash, say): the user is told in words, and that step is dropped
from the history rather than left to fail again.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QKeySequence, QUndoCommand, QUndoStack
from PySide6.QtWidgets import QMessageBox, QWidget

from desk.core.errors import UserError

if TYPE_CHECKING:  # (desk.core.history is not needed to start)
    from desk.core.history import Step

_stack: QUndoStack | None = None


def stack() -> QUndoStack:
    """The app's history; created on first use, owned by the application."""
    global _stack
    if _stack is None:
        _stack = QUndoStack(QCoreApplication.instance())
        _stack.setObjectName("undoStack")
        _stack.setUndoLimit(200)
    return _stack


def reset() -> None:
    """Forget the history (a different shop was opened, or a test starts afresh)."""
    if _stack is not None:
        _stack.clear()


class _Step(QUndoCommand):
    def __init__(self, text: str, result: Any, redo: Callable[[], Any],
                 undo: Callable[[Any], None]) -> None:
        super().__init__(text)
        self._result = result
        self._redo = redo
        self._undo = undo
        self._first = True  # pushed after the change was made: do not make it twice

    def _run(self, call: Callable[[], Any]) -> Any:
        try:
            return call()
        except UserError as e:
            self.setObsolete(True)  # QUndoStack drops it after this call
            from desk.ui.errors import user_message

            parent = QCoreApplication.instance().activeWindow() if QCoreApplication.instance() else None
            QMessageBox.warning(parent, QCoreApplication.translate("Undo", "Cannot undo"),
                                QCoreApplication.translate(
                                    "Undo", "“{what}” cannot be undone or redone any more: {why}")
                                .format(what=self.text(), why=user_message(e)))
            return None

    def redo(self) -> None:
        if self._first:
            self._first = False
            return
        self._result = self._run(self._redo)

    def undo(self) -> None:
        result = self._result
        self._run(lambda: self._undo(result))


def push_step(step: Step, text: str | None = None) -> None:
    """Record a change core already made, with the step it returned; `text`
    is the translated wording shown in the menus (default: the step's label)."""
    stack().push(_Step(text or step.label, None, step.redo, lambda _result: step.undo()))


def run(text: str, write: Callable[[], tuple[Any, Step | None]]) -> Any:
    """Make a change through a core write returning `(result, step)`, record the
    step and return the result. A UserError from the write propagates and
    nothing is recorded; a write that changed nothing returns no step."""
    result, step = write()
    if step is not None:
        push_step(step, text)
    return result


def add_actions(widget: QWidget) -> tuple[QAction, QAction]:
    """Undo and Redo actions with the standard shortcuts, working while
    `widget`'s window is active (the main window, or a modal dialog over it)."""
    s = stack()
    undo_action = s.createUndoAction(widget, QCoreApplication.translate("Undo", "&Undo"))
    redo_action = s.createRedoAction(widget, QCoreApplication.translate("Undo", "&Redo"))
    undo_action.setObjectName("actionUndo")
    redo_action.setObjectName("actionRedo")
    undo_action.setShortcut(QKeySequence.StandardKey.Undo)
    redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
    widget.addAction(undo_action)
    widget.addAction(redo_action)
    return undo_action, redo_action

