"""Backups on a team seat in the app: Settings > Team's "This seat takes the
shop's scheduled backups" and the last backup of the shop; the Backups page
backing up and restoring the shop on the server; the automatic backups that
run only on the seat that takes them, their failures in words."""

from __future__ import annotations

import json
import time
from dataclasses import replace

import pytest
from PySide6.QtWidgets import QMessageBox

from desk.core import backup, team, team_backup
from desk.core import seat as seat_store
from desk.ui.backups import AutoBackup, BackupsDialog
from desk.ui.dialogs import SettingsDialog
from desk.ui.worker import wait_all
from tests.ui.test_team import seat as seat  # the fixture, by name

pytestmark = pytest.mark.usefixtures("pgpass")


def _team_page(qtbot, data):
    dialog = SettingsDialog()
    qtbot.addWidget(dialog)
    page = dialog.team
    page.data = data
    page.refresh()
    qtbot.waitUntil(lambda: page.last_backup.text() != "checking…", timeout=60_000)
    return dialog, page


def test_settings_team_says_which_seat_backs_up_and_when_the_last_backup_was(qtbot, seat, pg_server,
                                                                              pg_database):
    seat_file = seat.root / "seat.json"
    dialog, page = _team_page(qtbot, seat)
    assert not page.backup_box.isHidden()
    assert not page.takes_backups.isChecked()  # a joined seat does not, until it is ticked
    assert page.takes_backups.text() == "This seat takes the shop's scheduled backups"
    assert page.last_backup.text() == "None yet"  # a new shop: no warning yet

    page.takes_backups.click()
    assert team_backup.takes_backups(seat)
    assert json.loads(seat_file.read_text("utf-8"))["takes_backups"] == "yes"
    page.takes_backups.click()
    assert not team_backup.takes_backups(seat)
    page.takes_backups.click()

    seat_store.put(seat.root, {"handler": json.dumps("小王", ensure_ascii=False)})
    made = team_backup.take(seat)
    page.refresh()
    qtbot.waitUntil(lambda: page.last_backup.text() != "checking…", timeout=60_000)
    assert "by 小王's seat" in page.last_backup.text()
    assert page.takes_backups.isChecked()
    assert made.parent == seat.backups

    # no seat has backed up for two days: every seat says so
    old = json.loads(pg_server.sql(f"SELECT value FROM setting WHERE key = '{team_backup.RECORD_KEY}'",
                                   dbname=pg_database)[0][0])
    old["at"] -= 2 * 86400
    pg_server.sql(f"UPDATE setting SET value = '{json.dumps(old, ensure_ascii=False)}'"
                  f" WHERE key = '{team_backup.RECORD_KEY}'", dbname=pg_database)
    page.refresh()
    qtbot.waitUntil(lambda: page.last_backup.text() != "checking…", timeout=60_000)
    assert "No seat has backed up the shop for more than a day" in page.last_backup.text()
    dialog.reject()
    assert wait_all(120_000)


def test_the_backups_page_on_a_team_seat_backs_up_and_restores_the_server_shop(
        qtbot, seat, pg_server, pg_database, monkeypatch):
    dialog = BackupsDialog(seat)
    qtbot.addWidget(dialog)
    assert dialog.table.rowCount() == 0
    assert "The shop is on a server" in dialog.findChildren(type(dialog.status))[0].text()
    dialog.backup_button.click()
    qtbot.waitUntil(lambda: dialog.status.text().startswith("Backed up and checked"), timeout=60_000)
    assert dialog.table.rowCount() == 1
    saved = backup.list_backups(seat)[0]
    assert team_backup.state(seat).last.file == saved.path.name  # recorded on the server

    pg_server.sql("INSERT INTO tag_category (name, created_at, updated_at) VALUES ('后来的', 1, 1)",
                  dbname=pg_database)
    dialog.table.selectRow(0)
    asked = []
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *a, **k: asked.append(a[2]) or QMessageBox.StandardButton.Yes)
    dialog.restore_button.click()
    qtbot.waitUntil(lambda: dialog.status.text().startswith("Restored"), timeout=120_000)
    assert "Replace the shop on the server" in asked[0]
    assert "into the shop on the server" in dialog.status.text()
    assert pg_server.sql("SELECT count(*) FROM tag_category WHERE name = '后来的'",
                         dbname=pg_database) == [(0,)]
    reasons = [dialog.table.item(r, 1).text() for r in range(dialog.table.rowCount())]
    assert reasons == ["Before a restore", "Backed up by hand"]
    assert dialog.restored is not None and dialog.backup_button.isEnabled()
    assert not seat.db_path.exists()


def test_a_restore_refused_on_a_team_seat_is_said_on_the_page(qtbot, seat, monkeypatch):
    junk = seat.backups / "shopdesk-20260101-120000-manual.sqlite3"
    seat.backups.mkdir(exist_ok=True)
    junk.write_bytes(b"not a shop" * 500)
    dialog = BackupsDialog(seat)
    qtbot.addWidget(dialog)
    dialog.table.selectRow(0)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    dialog.restore_button.click()
    qtbot.waitUntil(lambda: dialog.status.text().startswith("Not restored"), timeout=60_000)
    assert "nothing was moved" in dialog.status.text()
    assert [b.path for b in backup.list_backups(seat)] == [junk]  # no backup taken for nothing


def test_automatic_backups_run_on_the_seat_that_takes_them_only(qtbot, seat, pg_server, pg_database):
    auto = AutoBackup(seat)
    assert auto.team
    auto.tick()
    assert wait_all(120_000)
    qtbot.waitUntil(lambda: not auto._running, timeout=60_000)
    assert backup.list_backups(seat) == []  # a joined seat does not take them

    team_backup.set_takes_backups(seat, True)
    with qtbot.waitSignal(auto.backed_up, timeout=120_000) as made:
        auto.tick()
    assert made.args[0].parent == seat.backups
    assert [b.reason for b in backup.list_backups(seat)] == ["periodic"]
    assert auto.on_close() is None  # nothing changed since
    pg_server.sql("UPDATE reply_group SET position = position", dbname=pg_database)
    closing = auto.on_close()
    assert closing is not None and "-close" in closing.name
    auto.deleteLater()


def test_a_failing_automatic_backup_on_a_team_seat_is_said_in_words(qtbot, seat):
    team_backup.set_takes_backups(seat, True)
    setup = team.load(seat)
    team.save(seat, replace(setup, address=replace(setup.address, port=1)))  # the server is gone
    auto = AutoBackup(seat)
    with qtbot.waitSignal(auto.problem, timeout=60_000) as said:
        pass  # the first check runs as the window opens
    assert said.args[0].startswith("The automatic backup of the shop on the server failed: ShopDesk "
                                   "cannot reach the shop's server")
    assert "Traceback" not in said.args[0]
    assert not seat.backups.exists() or not list(seat.backups.iterdir())
    started = time.monotonic()
    assert auto.on_close() is None  # closing goes on
    assert time.monotonic() - started < team_backup.CLOSE_WAIT_S + 10
    team.save(seat, setup)
    auto.deleteLater()


def test_the_app_keeps_the_seat_s_own_settings_in_its_data_folder(seat):
    """The window's shop on its server knows the seat's folder: the staff name
    the backup record shows, the photos this seat keeps, are the seat's."""
    from desk.core import seat as seat_module
    from desk.core import settings, team_photos

    assert seat_module.folder() == seat.root
    settings.set("handler", "小王")
    assert json.loads(seat_store.get(seat.root, "handler")) == "小王"
    assert team_photos.cache_dir() == seat.root / "photos"
    made = team_backup.take(seat)
    assert team_backup.state(seat).last.staff == "小王" and made.exists()


def test_a_local_shop_open_beside_team_json_keeps_its_own_backups(qtbot, shop_dir, shop_db):
    """The open shop decides which backups run: the local one open in the
    window (before a switch to the server's) is backed up as a local shop."""
    (shop_dir.root / team.TEAM_FILE).write_text("{}", "utf-8")  # made, not switched to yet
    auto = AutoBackup(shop_dir)
    assert not auto.team
    with qtbot.waitSignal(auto.backed_up, timeout=120_000) as made:
        auto.tick()
    assert made.args[0].parent == shop_dir.backups and "-periodic" in made.args[0].name
    auto.timer.stop()
