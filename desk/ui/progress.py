"""A progress dialog with Cancel around a background job."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QProgressDialog, QWidget

from desk.core.errors import Cancelled
from desk.ui.errors import report
from desk.ui.worker import Task, run_task


def run_with_progress(parent: QWidget, label: str, fn: Callable[..., Any], *args: Any,
                      on_success: Callable[[Any], None] | None = None) -> Task:
    """Run `fn(*args, progress=, is_cancelled=)` in the background behind a
    window-modal progress dialog; Cancel asks the job to stop. The dialog is
    titled with what it does (`label` without its ellipsis), in the UI's
    language, rather than the application's name."""
    dialog = QProgressDialog(label, QProgressDialog.tr("Cancel"), 0, 0, parent)
    dialog.setObjectName("progressDialog")
    dialog.setWindowTitle(label.rstrip("…. "))
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(300)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)

    def progressed(done: int, total: int) -> None:
        dialog.setMaximum(max(total, 1))
        dialog.setValue(done)

    def finished(result: Any) -> None:
        dialog.close()
        if on_success:
            on_success(result)

    def failed(error: BaseException) -> None:
        dialog.close()
        if not isinstance(error, Cancelled):
            report(error, parent)

    task = run_task(fn, *args, job=True, on_success=finished, on_error=failed, on_progress=progressed)
    dialog.canceled.connect(task.cancel)
    return task
