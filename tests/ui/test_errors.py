"""Errors: a user error is a plain warning; anything else is logged and shown as 'something went wrong'."""

from __future__ import annotations

import logging

from PySide6.QtWidgets import QMessageBox

from desk.core.errors import UserError
from desk.ui import errors
from desk.ui.worker import run_task

from .helpers import answering


def read_and_close(seen: list):
    def answer(box: QMessageBox) -> None:
        seen.append({"name": box.objectName(), "icon": box.icon(), "text": box.text(),
                     "details": box.detailedText()})
        box.button(QMessageBox.StandardButton.Ok).click()
    return answer


def raised(error: BaseException) -> BaseException:
    """`error` with a traceback, as it arrives from a failed call."""
    def deep_inside_core():
        raise error
    try:
        deep_inside_core()
    except BaseException as e:
        return e
    raise AssertionError("unreachable")


def test_user_error_is_a_warning_with_its_message(qtbot, qapp, caplog):
    seen = []
    with answering(QMessageBox, read_and_close(seen)):
        errors.report(UserError("The file 订单.xlsx is not an order export."))
    assert len(seen) == 1
    assert seen[0]["icon"] == QMessageBox.Icon.Warning
    assert seen[0]["text"] == "The file 订单.xlsx is not an order export."
    assert seen[0]["name"] != "unexpectedErrorDialog"
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR]  # not a bug: nothing logged


def test_user_error_warning_via_static_call(qapp, monkeypatch):
    calls = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: calls.append((title, text)))
    errors.report(UserError("x"))
    assert calls == [("ShopDesk", "x")]


def test_a_bug_is_logged_with_its_traceback_and_shown(qtbot, qapp, caplog):
    seen = []
    with caplog.at_level(logging.ERROR, logger="desk"), answering(QMessageBox, read_and_close(seen)):
        errors.report(raised(RuntimeError("kaboom")))

    (record,) = [r for r in caplog.records if r.levelno >= logging.ERROR]
    assert record.name == "desk"
    assert record.exc_info and record.exc_info[0] is RuntimeError
    assert "deep_inside_core" in record.exc_text and "RuntimeError: kaboom" in record.exc_text

    (box,) = seen
    assert box["name"] == "unexpectedErrorDialog"
    assert box["icon"] == QMessageBox.Icon.Critical
    assert "Something went wrong" in box["text"] and "kaboom" not in box["text"]
    assert "Traceback" in box["details"] and "RuntimeError: kaboom" in box["details"]


def test_a_second_bug_while_the_box_is_open_is_only_logged(qtbot, qapp, caplog):
    seen = []

    def report_again_then_close(box: QMessageBox) -> None:
        errors.report(raised(KeyError("second")))  # must not open a second box on top
        read_and_close(seen)(box)

    with caplog.at_level(logging.ERROR, logger="desk"), \
            answering(QMessageBox, report_again_then_close):
        errors.report(raised(RuntimeError("first")))

    assert len(seen) == 1 and "first" in seen[0]["details"]
    logged = [r.exc_info[0] for r in caplog.records if r.levelno >= logging.ERROR]
    assert logged == [RuntimeError, KeyError]
    # and the next bug is shown again
    with answering(QMessageBox, read_and_close(seen)):
        errors.report(raised(RuntimeError("third")))
    assert len(seen) == 2 and "third" in seen[1]["details"]


def test_a_failing_task_without_on_error_is_reported(qtbot, shop_db, caplog):
    seen = []

    def broken():
        raise ZeroDivisionError("oops")

    with caplog.at_level(logging.ERROR, logger="desk"), answering(QMessageBox, read_and_close(seen)):
        run_task(broken)
        qtbot.waitUntil(lambda: bool(seen))
    assert seen[0]["name"] == "unexpectedErrorDialog"
    assert "ZeroDivisionError: oops" in seen[0]["details"]
    assert any(r.exc_info and r.exc_info[0] is ZeroDivisionError for r in caplog.records)
