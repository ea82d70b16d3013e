"""A full disk while the app runs: the shop owner reads what happened in a plain
warning (not "something went wrong"), the app keeps running, and the same
change saves once there is room again."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox

from desk.core.base import database
from desk.core.customers import notes
from desk.core.customers import service as customers
from desk.ui.worker import run_task, wait_all
from tests.ui.helpers import answering


def test_a_full_disk_in_a_worker_is_a_plain_warning_and_work_goes_on(qtbot, shop_db):
    cid = customers.create("taobao", "满盘")
    saved = notes.add(cid, "已经保存的备注")
    shown = []

    def read(box):
        shown.append((box.icon(), box.text()))
        box.accept()

    def write_big() -> int:
        # the worker's own connection: the disk is "full" there
        database.execute_sql(f"PRAGMA max_page_count = {database.execute_sql('PRAGMA page_count').fetchone()[0]}")
        try:
            for _ in range(40):
                notes.add(cid, "很长的备注" * 2000)
        finally:
            database.close()
        return 0

    with answering(QMessageBox, read):
        run_task(write_big)
        assert wait_all(120_000)
        qtbot.waitUntil(lambda: bool(shown), timeout=10_000)
    icon, text = shown[0]
    assert icon == QMessageBox.Icon.Warning
    assert text.startswith("The disk is full, so this change was not saved.")
    assert notes.get_note(saved).body == "已经保存的备注"
    assert {n.body for n in notes.list_notes(cid)} <= {"已经保存的备注", "很长的备注" * 2000}
    # room again (this connection has no limit): the same change saves
    assert notes.get_note(notes.add(cid, "很长的备注" * 2000)).body.startswith("很长的备注")
