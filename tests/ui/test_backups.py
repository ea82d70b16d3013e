"""Settings > Backups and the start-up check of a damaged database, driven as a person does."""

from __future__ import annotations

import random
from datetime import datetime, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QPushButton

from desk.core import backup, changes
from desk.core import db as core_db
from desk.core.customers import service as customers
from desk.core.errors import UserError
from desk.core.history import Step
from desk.ui import undo
from desk.ui.backups import BackupsDialog
from desk.ui.startup_check import DamagedDatabaseDialog, check_database_at_startup
from desk.ui.worker import wait_all
from tests.crash.shop import counts
from tests.ui.helpers import answering, click_cell, column_texts


@pytest.fixture
def dialog(qtbot, shop_dir, shop_db):
    def make() -> BackupsDialog:
        d = BackupsDialog(shop_dir)
        qtbot.addWidget(d)
        d.show()
        return d
    return make


def _press(dialog, name: str) -> None:
    from PySide6.QtTest import QTest

    QTest.mouseClick(dialog.findChild(QPushButton, name), Qt.MouseButton.LeftButton)


def _answer(button):
    return lambda box: box.button(button).click()


def test_lists_backups_newest_first_with_reason_and_size(dialog, shop_dir):
    old = datetime(2025, 1, 2, 9, 30)
    for t, reason in ((old, "close"), (old + timedelta(days=1), "import")):
        (shop_dir.backups / f"shopdesk-{t:%Y%m%d-%H%M%S}-{reason}.sqlite3").write_bytes(b"x" * 2048)
    (shop_dir.backups / "someone's notes.txt").write_text("not a backup")
    d = dialog()
    assert d.table.rowCount() == 2
    assert column_texts(d.table, 1) == ["Before an import", "ShopDesk closed"]
    assert all("2" in size for size in column_texts(d.table, 2))  # 2 KiB / 2.0 KB as the locale says
    assert not d.restore_button.isEnabled()


def test_back_up_now_adds_a_checked_backup(qtbot, dialog, shop_dir):
    customers.create("taobao", "小雨点点")
    d = dialog()
    assert d.table.rowCount() == 0 and d.status.text() == "No backups yet."
    _press(d, "backupNowButton")
    qtbot.waitUntil(lambda: d.table.rowCount() == 1, timeout=10_000)
    assert "Backed up and checked" in d.status.text()
    assert column_texts(d.table, 1) == ["Backed up by hand"]
    path = backup.list_backups(shop_dir)[0].path
    assert counts(path)["customer"] == 1
    assert d.restore_button.isEnabled(), "the new backup is selected"


def test_restore_from_the_dialog(qtbot, dialog, shop_dir):
    kept = customers.create("taobao", "备份里有")
    backup.backup_now(shop_dir, "manual")
    later = customers.create("taobao", "备份后才有")
    undo.push_step(Step("add", undo=lambda: None, redo=lambda: None))
    seen = []
    unsubscribe = changes.subscribe(seen.append)
    d = dialog()
    click_cell(qtbot, d.table, 0)
    try:
        with answering(QMessageBox, _answer(QMessageBox.StandardButton.Yes)):
            _press(d, "restoreButton")
    finally:
        unsubscribe()
    assert "Restored the backup" in d.status.text()
    assert d.restored is not None and d.restored.kept_aside.exists()
    # the database is open again, holding the backup
    assert customers.get(kept).nickname == "备份里有"
    with pytest.raises(UserError, match="no longer exists"):
        customers.get(later)
    assert counts(d.restored.kept_aside)["customer"] == 2
    assert {"customer", "case", "note"} <= {c.entity for c in seen}, "open pages are told to reload"
    assert undo.stack().count() == 0


def test_cancelling_the_restore_changes_nothing(qtbot, dialog, shop_dir):
    customers.create("taobao", "甲")
    backup.backup_now(shop_dir, "manual")
    customers.create("taobao", "乙")
    d = dialog()
    click_cell(qtbot, d.table, 0)
    with answering(QMessageBox, _answer(QMessageBox.StandardButton.Cancel)):
        _press(d, "restoreButton")
    assert d.restored is None
    assert customers.get(2).nickname == "乙"


def test_a_damaged_backup_is_refused_and_the_shop_stays_open(qtbot, dialog, shop_dir, monkeypatch):
    customers.create("taobao", "还在")
    bad = shop_dir.backups / f"shopdesk-{datetime.now():%Y%m%d-%H%M%S}-close.sqlite3"
    bad.write_bytes(b"SQLite format 3\x00" + random.Random(1).randbytes(20_000))
    d = dialog()
    click_cell(qtbot, d.table, 0)
    shown = []

    def read_and_close(box):
        shown.append(box.text())
        box.accept()

    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    with answering(QMessageBox, read_and_close, timeout=15):
        _press(d, "restoreButton")
    assert any("nothing was changed" in text for text in shown), shown
    assert d.restored is None
    assert customers.get(1).nickname == "还在"
    assert not list(shop_dir.root.glob("shopdesk-replaced-*"))


# -- the start-up check ------------------------------------------------------------------


def _damage(path) -> None:
    data = bytearray(path.read_bytes())
    start = len(data) // 4096 // 2 * 4096
    data[start:start + 3 * 4096] = random.Random(0).randbytes(3 * 4096)
    path.write_bytes(bytes(data))


@pytest.fixture
def damaged(qapp, shop_dir):
    """A shop with two customers and a backup holding one, whose database is then damaged."""
    core_db.open_database(shop_dir.db_path, shop_dir.backups)
    customers.create("taobao", "一号")
    good = backup.backup_now(shop_dir, "close")
    customers.create("taobao", "二号")
    for _ in range(40):  # enough pages for the damage to land in a table
        customers.create("taobao", f"买家{_}")
    wait_all()
    core_db.close()
    _damage(shop_dir.db_path)
    return good


def test_startup_restores_the_newest_good_backup(damaged, shop_dir):
    def restore_it(d):
        assert "moved aside" in d.message.text()
        assert d.restore_button.isVisible() and not d.empty_button.isVisible()
        d.restore_button.click()

    prepared = []
    with answering(DamagedDatabaseDialog, restore_it):
        with answering(QMessageBox, lambda box: box.accept()):
            assert check_database_at_startup(shop_dir, prepare=lambda: prepared.append(1)) is True
    assert prepared == [1]
    assert counts(shop_dir.db_path)["customer"] == 1
    assert len(list(shop_dir.root.glob("shopdesk-damaged-*.sqlite3"))) == 1


def test_startup_quit_opens_nothing(damaged, shop_dir):
    with answering(DamagedDatabaseDialog, lambda d: d.findChild(QPushButton, "quitButton").click()):
        assert check_database_at_startup(shop_dir) is False
    assert not shop_dir.db_path.exists(), "no empty database was made in its place"
    assert len(list(shop_dir.root.glob("shopdesk-damaged-*.sqlite3"))) == 1


def test_startup_without_a_good_backup_offers_to_start_empty(damaged, shop_dir):
    damaged.unlink()

    def start_empty(d):
        assert "no good backup" in d.message.text()
        assert not d.restore_button.isVisible() and d.empty_button.isVisible()
        d.empty_button.click()

    with answering(DamagedDatabaseDialog, start_empty):
        assert check_database_at_startup(shop_dir) is True
    assert not shop_dir.db_path.exists(), "the app makes the new one when it opens the database"


def test_startup_on_a_sound_database_shows_nothing(qapp, shop_dir):
    core_db.open_database(shop_dir.db_path, shop_dir.backups)
    core_db.close()
    prepared = []
    assert check_database_at_startup(shop_dir, prepare=lambda: prepared.append(1)) is True
    assert prepared == [], "nothing to show: translations are installed the usual way"


# -- automatic backups -------------------------------------------------------------------


def test_automatic_backups_while_running_and_on_close(qtbot, shop_dir, shop_db):
    from desk.core import settings
    from desk.ui.backups import AutoBackup

    settings.set("backup_every_hours", 1)
    auto = AutoBackup(shop_dir)
    assert auto.timer.isActive()
    with qtbot.waitSignal(auto.backed_up, timeout=10_000) as first:
        auto.tick()  # no backup yet: one is due
    assert first.args[0].name.endswith("-periodic.sqlite3")
    auto.tick()  # nothing changed since: none
    assert wait_all(120_000)
    assert len(backup.list_backups(shop_dir)) == 1
    customers.create("taobao", "关门前")
    import os
    import time

    os.utime(first.args[0], (time.time() - 10, time.time() - 10))
    closing = auto.on_close()
    assert closing is not None and closing.name.endswith("-close.sqlite3")
    assert not auto.timer.isActive()
    assert counts(closing)["customer"] == 1
    assert auto.on_close() is None, "nothing changed since the last backup"


def test_a_failing_automatic_backup_is_shown_once(qtbot, shop_dir, shop_db, monkeypatch):
    from desk.core.errors import UserError
    from desk.ui import errors
    from desk.ui.backups import AutoBackup

    def full(*args, **kwargs):
        raise UserError("The disk is full.")

    monkeypatch.setattr(backup, "backup_if_due", full)
    shown = []
    monkeypatch.setattr(errors, "report", lambda error, parent=None: shown.append(str(error)))
    auto = AutoBackup(shop_dir)
    for _ in range(3):
        auto.tick()
        assert wait_all(120_000)
        qtbot.waitUntil(lambda: not auto._running, timeout=5000)
    assert shown == ["The disk is full."]
    assert auto.on_close() is None, "a failing closing backup never keeps the app from closing"


def test_settings_open_the_backups_list(qtbot, window):
    from desk.ui.backups import BackupsDialog
    from desk.ui.dialogs import SettingsDialog

    seen = []

    def look(backups: BackupsDialog) -> None:
        seen.append(backups.objectName())
        backups.reject()

    def settings_dialog(dialog: SettingsDialog) -> None:
        with answering(BackupsDialog, look):
            dialog.findChild(QPushButton, "settingBackups").click()
        dialog.reject()

    with answering(SettingsDialog, settings_dialog):
        window.open_settings()
    assert seen == ["backupsDialog"]
