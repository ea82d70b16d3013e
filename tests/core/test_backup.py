"""Automatic and manual backups: checked copies, thinning, when they are due, the full archive."""

from __future__ import annotations

import json
import os
import sqlite3
import time
import zipfile
from datetime import datetime, timedelta

import pytest

from desk.core import backup, dbconn
from desk.core import db as core_db
from desk.core.customers import service as customers
from desk.core.errors import UserError
from tests.crash.shop import counts, fill

OLD = datetime(2020, 1, 1, 12, 0, 0)


def _fake_backups(data_dir, times, reason="periodic"):
    made = []
    for t in times:
        path = data_dir.backups / f"shopdesk-{t:%Y%m%d-%H%M%S}-{reason}.sqlite3"
        path.write_bytes(b"old backup")
        made.append(path)
    return made


def test_backup_now_writes_a_checked_self_contained_copy(db, data_dir):
    customers.create("taobao", "小雨点点")
    path = backup.backup_now(data_dir, "manual")
    assert path.parent == data_dir.backups
    assert backup.parse_name(path.name)[1] == "manual"
    assert core_db.integrity_problems(path) == []
    assert counts(path)["customer"] == 1
    # one file: no write-ahead log left beside it, none made by checking it
    assert sorted(p.name for p in data_dir.backups.iterdir()) == [path.name]


def test_backup_thins_older_ones_and_leaves_other_files_alone(db, data_dir):
    old = _fake_backups(data_dir, [OLD - timedelta(days=d) for d in range(30)])
    other = data_dir.backups / "my notes.txt"
    other.write_text("keep me")
    lookalike = data_dir.backups / "shopdesk-20261341-000000-close.sqlite3"
    lookalike.write_bytes(b"x")
    full = data_dir.backups / "shopdesk-full-20200101-000000.zip"
    full.write_bytes(b"PK")
    new = backup.backup_now(data_dir, "close")
    left = set(data_dir.backups.iterdir())
    assert new in left and other in left and lookalike in left and full in left
    # everything fake is over a year old: only the newest 9 of them stay beside the new one
    assert {p for p in old if p in left} == set(old[:9])


def test_the_backup_just_written_is_never_thinned(db, data_dir, monkeypatch):
    # a clock set back: ten backups "from the future" outrank the new one
    future = _fake_backups(data_dir, [datetime.now() + timedelta(days=400 + d) for d in range(12)])
    new = backup.backup_now(data_dir, "manual")
    assert new.exists()
    assert all(p.exists() for p in future)


def test_a_backup_failing_its_check_is_removed_and_nothing_is_thinned(db, data_dir, monkeypatch):
    old = _fake_backups(data_dir, [OLD - timedelta(days=d) for d in range(15)])
    monkeypatch.setattr(core_db, "integrity_problems", lambda path, quick=False: ["page 3 is damaged"])
    with pytest.raises(UserError, match="failed its check"):
        backup.backup_now(data_dir, "manual")
    assert sorted(data_dir.backups.iterdir()) == sorted(old)


def test_before_import_backs_up_the_open_database(db, data_dir):
    customers.create("taobao", "导入前")
    from desk.core import checkpoint

    path = checkpoint.before("import")
    assert path.parent == data_dir.backups and path.name.endswith("-import.sqlite3")
    assert counts(path)["customer"] == 1


def test_unknown_reason_is_a_bug():
    with pytest.raises(ValueError):
        backup.backup_now(None, "whenever")


def test_backup_if_due(db, data_dir):
    every = timedelta(hours=4)
    first = backup.backup_if_due(data_dir, "periodic", every)
    assert first is not None, "no backup yet: one is due"
    assert backup.backup_if_due(data_dir, "periodic", every) is None, "nothing changed since"
    assert backup.backup_if_due(data_dir, "close") is None, "closing without changes: no backup"
    time.sleep(0.02)
    customers.create("taobao", "新买家")
    os.utime(first, (time.time() - 10, time.time() - 10))
    assert backup.backup_if_due(data_dir, "periodic", every) is None, "changed, but not 4 hours yet"
    later = datetime.now() + timedelta(hours=5)
    assert backup.backup_if_due(data_dir, "periodic", every, now=later) is not None
    customers.create("taobao", "又一个")
    os.utime(backup.list_backups(data_dir)[0].path, (time.time() - 10, time.time() - 10))
    closing = backup.backup_if_due(data_dir, "close")
    assert closing is not None and closing.name.endswith("-close.sqlite3")


def test_list_backups_newest_first(db, data_dir):
    _fake_backups(data_dir, [OLD, OLD + timedelta(days=1)])
    (data_dir.backups / f"pre-migration-v3-{OLD:%Y%m%d-%H%M%S}.sqlite3").write_bytes(b"x")
    found = backup.list_backups(data_dir)
    assert [b.taken_at for b in found] == [OLD + timedelta(days=1), OLD, OLD]
    assert {b.reason for b in found} == {"periodic", "migration"}
    assert all(b.size > 0 for b in found)


def test_newest_good_skips_a_damaged_backup(db, data_dir):
    good = backup.backup_now(data_dir, "manual")
    bad = data_dir.backups / f"shopdesk-{datetime.now() + timedelta(minutes=1):%Y%m%d-%H%M%S}-close.sqlite3"
    bad.write_bytes(b"SQLite format 3\x00" + os.urandom(8192))
    assert backup.list_backups(data_dir)[0].path == bad
    assert backup.newest_good(data_dir).path == good
    assert backup.newest_good(data_dir, skip=[good]) is None


def test_full_archive_holds_database_photos_and_manifest(db, data_dir, tmp_path):
    fill(n_customers=3, n_photos=2)
    result = backup.write_archive(data_dir, tmp_path / "move.zip")
    assert result.photos == 2 and result.skipped == 0
    with zipfile.ZipFile(result.path) as zf:
        manifest = json.loads(zf.read("manifest.json"))
        names = set(zf.namelist())
    assert manifest["format"] == backup.ARCHIVE_FORMAT
    assert manifest["schema_version"] == core_db.latest_version()
    assert names == set(manifest["files"]) | {"manifest.json"}
    assert sum(1 for n in names if n.startswith("photos/")) == 2
    assert not any("thumbs" in n for n in names)
    assert not (tmp_path / "move.zip.part").exists()
    assert not any(p.name.startswith(".archive") for p in data_dir.backups.iterdir())


def test_full_archive_leaves_out_a_photo_damaged_on_disk(db, data_dir, tmp_path):
    fill(n_customers=1, n_photos=2)
    victim = sorted(data_dir.photos.glob("??/*.png"))[0]
    victim.write_bytes(victim.read_bytes()[:-10])
    result = backup.write_archive(data_dir, tmp_path / "move.zip")
    assert (result.photos, result.skipped) == (1, 1)
    with zipfile.ZipFile(result.path) as zf:
        assert f"photos/{victim.parent.name}/{victim.name}" not in zf.namelist()


def test_backup_to_a_full_disk_is_a_user_error(db, data_dir, monkeypatch):
    error = sqlite3.OperationalError("database or disk is full")
    error.sqlite_errorcode = 13
    monkeypatch.setattr(core_db, "backup_to", lambda conn, target: (_ for _ in ()).throw(error))
    with pytest.raises(UserError, match="disk is full"):
        backup.backup_now(data_dir, "manual")
    assert list(data_dir.backups.iterdir()) == []


def test_automatic_backups_get_the_quick_check_manual_ones_the_full_one(db, data_dir, monkeypatch):
    seen = []
    real = core_db.integrity_problems
    monkeypatch.setattr(core_db, "integrity_problems",
                        lambda path, quick=False: seen.append(quick) or real(path, quick))
    for reason in ("close", "periodic", "import", "manual"):
        backup.backup_now(data_dir, reason)
    assert seen == [True, True, True, False]


def test_the_quick_check_finds_a_damaged_copy(tmp_path):
    path = tmp_path / "shop.sqlite3"
    core_db.migrate(path, tmp_path / "b")
    data = bytearray(path.read_bytes())
    data[4096 * 3:4096 * 6] = bytes(range(256)) * 48
    path.write_bytes(bytes(data))
    assert core_db.integrity_problems(path, quick=True) != []


def _stamp(path, seconds_ago):
    os.utime(path, (time.time() - seconds_ago, time.time() - seconds_ago))


def test_an_empty_write_ahead_log_is_no_change(data_dir):
    """Each opening of the shop creates its write-ahead log anew: an empty log
    newer than the last backup is not a change, a log with frames is."""
    core_db.open_database(data_dir.db_path, data_dir.backups)
    core_db.close()
    _stamp(data_dir.db_path, 60)
    last = backup.backup_now(data_dir, "close")
    _stamp(last, 30)
    wal = data_dir.db_path.with_name(data_dir.db_path.name + "-wal")
    wal.write_bytes(b"")
    assert backup.backup_if_due(data_dir, "close") is None
    wal.write_bytes(b"\x37\x7f\x06\x82" + bytes(28))  # a log with something in it
    assert backup.backup_if_due(data_dir, "close") is not None


def _file_state(path):
    return path.stat().st_mtime_ns, path.read_bytes()


def test_opening_and_closing_an_unchanged_shop_leaves_the_file_as_it_was(data_dir):
    """Closing refreshes the planner's statistics only when something changed
    (SQLite 3.40's PRAGMA optimize analyses again every table with an empty
    partial index, as the customers' trash is in most shops): so the app's
    closing backup does not copy an unchanged shop every time it closes."""
    core_db.open_database(data_dir.db_path, data_dir.backups)
    fill(n_customers=30)
    core_db.close()
    before = _file_state(data_dir.db_path)
    for orm in (True, False):  # the CLI's connection, and the app's start-up one
        core_db.open_database(data_dir.db_path, data_dir.backups, orm=orm)
        # a query through the customers' indexes, so that optimize considers the table
        dbconn.execute("SELECT id FROM customer WHERE nickname = ? AND deleted_at IS NULL", ("x",)).fetchall()
        core_db.refresh_statistics()
        core_db.close()
        assert _file_state(data_dir.db_path) == before, f"orm={orm}"
    core_db.open_database(data_dir.db_path, data_dir.backups)
    customers.create("taobao", "新买家")
    core_db.close()
    assert _file_state(data_dir.db_path) != before
