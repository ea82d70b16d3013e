"""Errors in the app: our UserError as a plain message, anything else logged
with its traceback and shown as 'something went wrong'; the app keeps running."""

from __future__ import annotations

import logging
import sys
import threading
import traceback

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from desk.core.errors import Cancelled, UserError

# the red of an inline error message under a form or list
ERROR_STYLE = "color: #c62828"

log = logging.getLogger("desk")
_showing = False


translate = QCoreApplication.translate


def user_message(error: UserError) -> str:
    """The error's message in the UI language."""
    text = translate("UserError", error.template)
    return text.format(**error.values) if error.values else text


def show_user_error(parent: QWidget | None, message: str) -> None:
    QMessageBox.warning(parent, translate("Errors", "ShopDesk"), message)


def report(error: BaseException, parent: QWidget | None = None) -> None:
    """Show an error from any callback on the main thread."""
    global _showing
    if isinstance(error, Cancelled):
        return
    if isinstance(error, UserError):
        show_user_error(parent or QApplication.activeWindow(), user_message(error))
        return
    log.error("unexpected error", exc_info=(type(error), error, error.__traceback__))
    if _showing:  # one dialog at a time, not a cascade
        return
    _showing = True
    try:
        box = QMessageBox(QMessageBox.Icon.Critical, translate("Errors", "ShopDesk"),
                          translate("Errors", "Something went wrong. ShopDesk keeps running and "
                                    "your saved work is safe. The details are in the log (Help > Open log)."),
                          parent=parent or QApplication.activeWindow())
        box.setObjectName("unexpectedErrorDialog")
        box.setDetailedText("".join(traceback.format_exception(error)))
        box.exec()
    finally:
        _showing = False


class _Relay(QObject):
    """Carries exceptions from other threads to the main thread."""

    raised = Signal(object)


_relay: _Relay | None = None


def install_excepthook() -> None:
    global _relay
    _relay = _Relay()
    _relay.raised.connect(report)

    def hook(exc_type, exc, tb):
        if issubclass(exc_type, KeyboardInterrupt):
            QApplication.quit()
            return
        _relay.raised.emit(exc.with_traceback(tb) if exc is not None else exc_type())

    sys.excepthook = hook
    threading.excepthook = lambda a: hook(a.exc_type, a.exc_value, a.exc_traceback)
