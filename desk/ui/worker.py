"""Background work: run a core function on the thread pool, get the result
(or the exception) back on the main thread, with progress and cancel.

    run_task(core.fn, arg, on_success=..., on_error=..., on_progress=...)

With `job=True` the function is called with `progress=` and
`is_cancelled=` keyword arguments. Widgets are only touched in the
callbacks, which run on the main thread.
"""

from __future__ import annotations

import logging
import sys
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

log = logging.getLogger(__name__)
_running: set[Task] = set()


class _Signals(QObject):
    succeeded = Signal(object)
    failed = Signal(object)
    progressed = Signal(int, int)


class Task(QRunnable):
    def __init__(self, fn: Callable, args: tuple, kwargs: dict, job: bool) -> None:
        super().__init__()
        self.setAutoDelete(False)
        self.fn, self.args, self.kwargs, self.job = fn, args, kwargs, job
        self.signals = _Signals()  # created on the main thread: its slots run there
        self._cancel = threading.Event()

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def run(self) -> None:
        kwargs = dict(self.kwargs)
        if self.job:
            kwargs["progress"] = self.signals.progressed.emit
            kwargs["is_cancelled"] = self._cancel.is_set
        try:
            result = self.fn(*self.args, **kwargs)
        except BaseException as e:  # delivered to the main thread, never lost
            self.signals.failed.emit(e)
        else:
            self.signals.succeeded.emit(result)
        finally:
            base = sys.modules.get("desk.core.base")  # (not loaded: this job used no database)
            if base is not None and not base.database.is_closed():
                base.database.close()  # this worker thread's own connection


def run_task(
    fn: Callable[..., Any],
    *args: Any,
    on_success: Callable[[Any], None] | None = None,
    on_error: Callable[[BaseException], None] | None = None,
    on_progress: Callable[[int, int], None] | None = None,
    job: bool = False,
    **kwargs: Any,
) -> Task:
    task = Task(fn, args, kwargs, job)
    _running.add(task)

    def done() -> None:
        _running.discard(task)

    task.signals.succeeded.connect(lambda r: (done(), on_success and on_success(r)))
    task.signals.failed.connect(lambda e: (done(), (on_error or _default_error)(e)))
    if on_progress:
        task.signals.progressed.connect(on_progress)
    QThreadPool.globalInstance().start(task)
    return task


def _default_error(error: BaseException) -> None:
    from desk.ui.errors import report

    report(error)


def wait_all(timeout_ms: int = 30000) -> bool:
    """Wait for running tasks (tests, shutdown)."""
    return QThreadPool.globalInstance().waitForDone(timeout_ms)
