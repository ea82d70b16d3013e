"""Background work: results, errors and progress come back on the main thread; cancel stops a job."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import QThread
from PySide6.QtWidgets import QMessageBox

from desk.core.customers.models import Customer
from desk.core.errors import Cancelled
from desk.ui.worker import run_task, wait_all


@pytest.fixture
def main_thread(qapp, shop_db) -> QThread:
    return qapp.thread()


def test_result_arrives_on_the_main_thread(qtbot, main_thread):
    ran_on, got = [], []

    def work(a, b, *, scale):
        ran_on.append(QThread.currentThread())
        return (a + b) * scale

    run_task(work, 2, 3, scale=10, on_success=lambda r: got.append((r, QThread.currentThread())))
    qtbot.waitUntil(lambda: bool(got))
    assert got == [(50, main_thread)]
    assert ran_on and ran_on[0] is not main_thread


def test_core_reads_work_in_a_worker(qtbot, demo, main_thread):
    got = []
    run_task(lambda: Customer.select().count(), on_success=got.append)
    qtbot.waitUntil(lambda: bool(got))
    assert got == [demo.customers]


def test_an_exception_goes_to_on_error(qtbot, main_thread):
    errors, successes = [], []

    def fail():
        raise ValueError("boom")

    run_task(fail, on_success=successes.append,
             on_error=lambda e: errors.append((e, QThread.currentThread())))
    qtbot.waitUntil(lambda: bool(errors))
    (error, thread), = errors
    assert isinstance(error, ValueError) and str(error) == "boom"
    assert error.__traceback__ is not None
    assert thread is main_thread
    assert wait_all() and successes == []


def test_progress_arrives_before_the_result(qtbot, main_thread):
    events = []

    def job(total, *, progress, is_cancelled):
        for done in range(1, total + 1):
            progress(done, total)
        return "finished"

    run_task(job, 3, job=True,
             on_progress=lambda d, t: events.append(("progress", d, t, QThread.currentThread())),
             on_success=lambda r: events.append(("success", r, None, QThread.currentThread())))
    qtbot.waitUntil(lambda: len(events) == 4)
    assert [e[:3] for e in events] == [
        ("progress", 1, 3), ("progress", 2, 3), ("progress", 3, 3), ("success", "finished", None)]
    assert all(e[3] is main_thread for e in events)


def cancellable_job(started: threading.Event):
    def job(*, progress, is_cancelled):
        started.set()
        for _ in range(1000):  # at most ~10 s
            if is_cancelled():
                raise Cancelled()
            threading.Event().wait(0.01)
        return "ran to the end"
    return job


def test_cancel_stops_a_job(qtbot, main_thread):
    started = threading.Event()
    errors, successes = [], []
    task = run_task(cancellable_job(started), job=True, on_success=successes.append, on_error=errors.append)
    assert started.wait(5)
    assert not task.cancelled
    task.cancel()
    assert task.cancelled
    qtbot.waitUntil(lambda: bool(errors), timeout=5000)
    assert isinstance(errors[0], Cancelled)
    assert wait_all() and successes == []


def test_a_cancelled_job_shows_no_error_box(qtbot, main_thread, monkeypatch):
    shown = []
    for name in ("warning", "critical", "information"):
        monkeypatch.setattr(QMessageBox, name, lambda *a, n=name: shown.append(n))
    monkeypatch.setattr(QMessageBox, "exec", lambda self: shown.append(self.objectName()))
    started = threading.Event()
    task = run_task(cancellable_job(started), job=True)  # the default error handler
    assert started.wait(5)
    task.cancel()
    assert wait_all(120_000)
    qtbot.wait(50)  # let the failure reach the main thread
    assert shown == []
