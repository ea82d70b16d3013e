"""Change notification: a write announced by core in a worker refreshes the open views."""

from __future__ import annotations

from PySide6.QtCore import QThread

from desk.core import changes, pinyin
from desk.core.customers.models import Customer
from desk.ui.bus import bus
from desk.ui.worker import run_task, wait_all


def add_customer_and_announce(nickname: str) -> int:
    """What a core service does: write, then announce the change (here in a worker thread)."""
    customer = Customer.create(platform="other", nickname=nickname,
                               nickname_py=pinyin.full(nickname), nickname_abbr=pinyin.abbr(nickname))
    changes.announce("customer", [customer.id])
    return customer.id


def test_open_customers_page_reloads_on_a_change_from_a_worker(qtbot, demo, demo_window, monkeypatch, qapp):
    demo_window.go("customers")
    page = demo_window.pages["customers"]
    before = page.model.rowCount()
    assert before == demo.customers

    reloaded_on = []
    original = page.apply_filters

    def spy() -> None:
        reloaded_on.append(QThread.currentThread())
        original()

    monkeypatch.setattr(page, "apply_filters", spy)
    heard = []

    def hear(entity: str, ids) -> None:
        heard.append((entity, set(ids)))

    bus().changed.connect(hear)
    try:
        got = []
        run_task(add_customer_and_announce, "新来的买家", on_success=got.append)
        qtbot.waitUntil(lambda: page.model.rowCount() == before + 1)
        assert wait_all()
    finally:
        bus().changed.disconnect(hear)
    qtbot.waitUntil(lambda: bool(got))
    new_id = got[0]
    assert heard == [("customer", {new_id})]
    assert reloaded_on and all(t is qapp.thread() for t in reloaded_on)  # widgets touched on the main thread
    row = page.model.row_of(new_id)
    assert row >= 0 and page.model.index(row, 0).data() == "新来的买家"
    assert page.count_label.text() == f"{before + 1} row(s)"


def test_a_hidden_page_reloads_when_shown_again(qtbot, demo, demo_window):
    demo_window.go("customers")
    page = demo_window.pages["customers"]
    demo_window.go("replies")
    assert not page.isVisible()

    got = []
    run_task(add_customer_and_announce, "后来的买家", on_success=got.append)
    qtbot.waitUntil(lambda: bool(got))
    assert page.model.rowCount() == demo.customers  # not reloaded while hidden

    demo_window.go("customers")
    assert page.model.rowCount() == demo.customers + 1
    assert page.model.row_of(got[0]) >= 0


def test_unrelated_changes_leave_the_page_alone(qtbot, demo, demo_window, monkeypatch):
    demo_window.go("customers")
    page = demo_window.pages["customers"]
    calls = []
    monkeypatch.setattr(page, "apply_filters", lambda: calls.append(1))
    run_task(changes.announce, "reply", [1])
    assert wait_all()
    qtbot.wait(50)
    assert calls == []
