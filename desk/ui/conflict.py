"""The question when a save meets a newer change made elsewhere: reload or overwrite.

Core refuses a save over a row someone saved after the form read it
(desk/core/versions.py `Conflict`, naming who and when). A form saves through
`guarded()`: on a conflict the person is asked to reload (show theirs; what
they typed is dropped) or overwrite (save mine over theirs), or to go back to
the form. Nothing is ever lost without the person choosing it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtWidgets import QMessageBox, QWidget

from desk.core import timeutil
from desk.core.errors import QT_TRANSLATE_NOOP, UserError
from desk.core.versions import Conflict
from desk.ui import fmt

T = TypeVar("T")

RELOAD = "reload"
OVERWRITE = "overwrite"


class NotSaved(UserError):  # noqa: N818 - named for what the form shows
    """The person did not save over the other change: the form shows this
    message and stays open; `reload` is True when they asked to see theirs."""

    def __init__(self, reload: bool) -> None:
        if reload:
            super().__init__(QT_TRANSLATE_NOOP("UserError", "Not saved: the form shows their "
                                               "version now."))
        else:
            super().__init__(QT_TRANSLATE_NOOP("UserError", "Not saved: this was changed meanwhile. "
                                               "Save again to choose whose version to keep."))
        self.reload = reload


class ConflictDialog(QMessageBox):
    """Who changed the row and when, with Reload, Overwrite and Cancel."""

    def __init__(self, parent: QWidget | None, conflict: Conflict, can_reload: bool = True) -> None:
        super().__init__(parent)
        self.setObjectName("conflictDialog")
        self.setIcon(QMessageBox.Icon.Warning)
        self.setWindowTitle(self.tr("Changed meanwhile"))
        when = fmt.when(timeutil.to_epoch(conflict.at))
        if conflict.by:
            self.setText(self.tr("This was changed by {staff} at {time}, after you opened it.")
                         .format(staff=conflict.by, time=when))
        else:
            self.setText(self.tr("This was changed at {time} (on another desk or window), after "
                                 "you opened it.").format(time=when))
        self.setInformativeText(self.tr(
            "Reload shows their version (what you typed here is dropped). Overwrite saves "
            "yours over theirs.") if can_reload else self.tr(
            "Overwrite saves yours over theirs; Cancel leaves theirs (open it again to see it)."))
        self.reload_button = self.addButton(self.tr("&Reload theirs"), QMessageBox.ButtonRole.AcceptRole)
        self.reload_button.setObjectName("conflictReload")
        self.overwrite_button = self.addButton(self.tr("&Overwrite with mine"),
                                               QMessageBox.ButtonRole.DestructiveRole)
        self.overwrite_button.setObjectName("conflictOverwrite")
        cancel = self.addButton(QMessageBox.StandardButton.Cancel)
        cancel.setObjectName("conflictCancel")
        self.reload_button.setVisible(can_reload)
        self.setDefaultButton(self.reload_button if can_reload else cancel)
        self.setEscapeButton(cancel)

    @classmethod
    def ask(cls, parent: QWidget | None, conflict: Conflict, can_reload: bool = True) -> str | None:
        """RELOAD, OVERWRITE, or None (back to the form, nothing saved)."""
        dialog = cls(parent, conflict, can_reload)
        dialog.exec()
        clicked = dialog.clickedButton()
        dialog.deleteLater()
        if clicked is dialog.reload_button:
            return RELOAD
        if clicked is dialog.overwrite_button:
            return OVERWRITE
        return None


def guarded(parent: QWidget | None, write: Callable[[int | None], T], version: int,
            reload: Callable[[], object] | None = None) -> Callable[[], T]:
    """The `do` of an undoable save: `write(version)` checks the version the
    form read. On a conflict the person chooses: overwrite saves again with
    the row's version now (asked again if yet another change came in);
    reload (offered when given) calls `reload()`, the form reading the row
    again, and cancel keeps the form as typed; both then raise NotSaved (a UserError the form shows),
    and nothing is written or recorded."""

    def do() -> T:
        expected = version
        while True:
            try:
                return write(expected)
            except Conflict as conflict:
                choice = ConflictDialog.ask(parent, conflict, can_reload=reload is not None)
                if choice == RELOAD and reload is not None:
                    reload()
                if choice != OVERWRITE:
                    raise NotSaved(reload=choice == RELOAD) from None
                expected = conflict.version

    return do
