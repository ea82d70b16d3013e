"""Restoring a backup: checked first, the current database kept aside, an atomic swap,
photos added but never overwritten; refusals change nothing; the start-up check."""

from __future__ import annotations

import hashlib
import json
import os
import random
import shutil
import sqlite3
import zipfile
from pathlib import Path

import pytest

from desk.core import backup, restore
from desk.core import db as core_db
from desk.core.customers import service as customers
from desk.core.errors import UserError
from desk.core.lock import WriterLock
from tests.crash.shop import counts, fill, image_bytes, photo_files

# restore and the start-up check read and replace the SQLite file itself (docs/team.md)
pytestmark = pytest.mark.sqlite_only("restore and the start-up check work on a local shop's SQLite file")


def snapshot(data_dir) -> dict[str, bytes]:
    """Every file of the data folder but the log, by its path: to show nothing changed."""
    return {str(p.relative_to(data_dir.root)): p.read_bytes() for p in sorted(data_dir.root.rglob("*"))
            if p.is_file() and "logs" not in p.parts and p.name != "shopdesk.lock"}


@pytest.fixture
def shop(db, data_dir):
    """A shop with 3 customers and 2 photos, closed (as restore needs it), plus its full archive."""
    fill(n_customers=3, n_photos=2)
    archive = backup.write_archive(data_dir, data_dir.root.parent / "full.zip").path
    copy = backup.backup_now(data_dir, "manual")
    core_db.close()
    return archive, copy


def _add_customer(data_dir, name):
    core_db.open_database(data_dir.db_path, data_dir.backups)
    customers.create("taobao", name)
    core_db.close()


def _dump(path: Path) -> list[str]:
    conn = sqlite3.connect(path)
    try:
        return list(conn.iterdump())
    finally:
        conn.close()


def test_restore_a_database_backup_keeps_the_current_one_aside(shop, data_dir):
    _, copy = shop
    _add_customer(data_dir, "备份之后")
    before = _dump(data_dir.db_path)
    result = restore.restore(data_dir, copy)
    assert counts(data_dir.db_path)["customer"] == 3
    assert result.kept_aside.parent == data_dir.root and result.kept_aside.name.startswith("shopdesk-replaced-")
    assert counts(result.kept_aside)["customer"] == 4
    assert _dump(result.kept_aside) == before
    assert core_db.integrity_problems(data_dir.db_path) == []
    assert not list(data_dir.root.glob(".restoring*"))
    assert not data_dir.db_path.with_name("shopdesk.sqlite3-wal").exists()
    # the app opens it as usual
    core_db.open_database(data_dir.db_path, data_dir.backups)
    assert customers.get(1).nickname == "买家000"
    core_db.close()


def test_restore_a_full_archive_into_an_empty_folder(shop, data_dir, tmp_path):
    archive, _ = shop
    from desk.core.paths import DataDir

    other = DataDir(tmp_path / "other").ensure()
    result = restore.restore(other, archive)
    assert result.kept_aside is None
    assert (result.photos_added, result.photos_present) == (2, 0)
    assert counts(other.db_path) == counts(data_dir.db_path)
    assert photo_files(other.photos) == photo_files(data_dir.photos)


def test_restore_never_overwrites_a_photo(shop, data_dir):
    archive, _ = shop
    names = sorted(photo_files(data_dir.photos))
    kept = data_dir.photos / names[0]
    kept.write_bytes(b"the shop's own file")
    (data_dir.photos / names[1]).unlink()
    result = restore.restore(data_dir, archive)
    assert (result.photos_added, result.photos_present) == (1, 1)
    assert kept.read_bytes() == b"the shop's own file"
    assert (data_dir.photos / names[1]).is_file()


def test_an_older_backup_is_brought_up_to_date(tmp_path, data_dir):
    old = tmp_path / "old.sqlite3"
    first = core_db.migrations()[:3]
    import desk.core.db as module

    real = module.migrations
    module.migrations = lambda: first
    try:
        core_db.migrate(old, tmp_path / "b")
    finally:
        module.migrations = real
    result = restore.restore(data_dir, old)
    assert result.schema_version == 3
    conn = sqlite3.connect(data_dir.db_path)
    assert core_db.schema_version(conn) == core_db.latest_version()
    conn.close()


# -- refusals: exit with a reason, nothing changed --------------------------------------


def _zip(path: Path, members: dict[str, bytes], manifest: dict | None = None, **manifest_changes) -> Path:
    files = {n: {"sha256": hashlib.sha256(b).hexdigest(), "size": len(b)} for n, b in members.items()}
    manifest = manifest if manifest is not None else {
        "format": backup.ARCHIVE_FORMAT, "format_version": backup.ARCHIVE_VERSION,
        "schema_version": core_db.latest_version(), "app_version": "x", "files": files}
    manifest.update(manifest_changes)
    with zipfile.ZipFile(path, "w") as zf:
        for name, body in members.items():
            zf.writestr(name, body)
        zf.writestr("manifest.json", json.dumps(manifest))
    return path


def _sqlite(path: Path, setup) -> Path:
    conn = sqlite3.connect(path)
    setup(conn)
    conn.commit()
    conn.close()
    return path


def _good_db(shop) -> bytes:
    return shop[1].read_bytes()


def _damaged_copy(shop, tmp_path) -> Path:
    data = bytearray(_good_db(shop))
    start = len(data) // 4096 // 2 * 4096
    data[start:start + 3 * 4096] = random.Random(0).randbytes(3 * 4096)
    out = tmp_path / "damaged.sqlite3"
    out.write_bytes(bytes(data))
    return out


def _newer(shop, tmp_path) -> Path:
    out = tmp_path / "newer.sqlite3"
    out.write_bytes(_good_db(shop))
    conn = sqlite3.connect(out)
    conn.execute(f"PRAGMA user_version = {core_db.latest_version() + 1}")
    conn.close()
    return out


def _photo(name_sha: str | None = None, body: bytes | None = None) -> tuple[str, bytes]:
    body = body or image_bytes()
    sha = name_sha or hashlib.sha256(body).hexdigest()
    return f"photos/{sha[:2]}/{sha}.png", body


BAD = {
    "text file": (lambda s, t: _write(t / "notes.sqlite3", b"just some notes\n" * 100), "not a ShopDesk backup"),
    "empty file": (lambda s, t: _write(t / "empty.sqlite3", b""), "not a ShopDesk backup"),
    "another program's database": (
        lambda s, t: _sqlite(t / "contacts.db", lambda c: c.execute("CREATE TABLE contacts (name TEXT)")),
        "not a ShopDesk backup"),
    "newer schema": (_newer, "newer ShopDesk"),
    "damaged database": (_damaged_copy, "damaged"),
    "zip of something else": (lambda s, t: _zip_plain(t / "photos.zip", {"a.txt": b"hello"}), "not a ShopDesk backup"),
    "path traversal": (lambda s, t: _zip(t / "evil.zip", {"shopdesk.sqlite3": _good_db(s),
                                                          "../../evil.txt": b"x"}), "unsafe file name"),
    "absolute path": (lambda s, t: _zip(t / "abs.zip", {"shopdesk.sqlite3": _good_db(s),
                                                        "/tmp/evil.txt": b"x"}), "unsafe file name"),
    "unexpected member": (lambda s, t: _zip(t / "extra.zip", {"shopdesk.sqlite3": _good_db(s),
                                                              "photos/run.sh": b"x"}), "unexpected file"),
    "photo named for other bytes": (
        lambda s, t: _zip(t / "swapped.zip", {"shopdesk.sqlite3": _good_db(s),
                                              _photo("ab" * 32)[0]: image_bytes()}), "unexpected file"),
    "checksum mismatch": (lambda s, t: _tampered(s, t), "does not match its checksum"),
    "member larger than the manifest says": (lambda s, t: _lying_size(s, t), "wrong size"),
    "newer archive format": (lambda s, t: _zip(t / "v9.zip", {"shopdesk.sqlite3": _good_db(s)}, format_version=9),
                             "newer ShopDesk"),
    "manifest not JSON": (lambda s, t: _zip_plain(t / "nojson.zip", {"manifest.json": b"{oops",
                                                                     "shopdesk.sqlite3": b"x"}), "damaged"),
    "archive whose database is not SQLite": (
        lambda s, t: _zip(t / "notdb.zip", {"shopdesk.sqlite3": b"hello" * 100}), "not a SQLite file"),
    "truncated archive": (lambda s, t: _write(t / "cut.zip", s[0].read_bytes()[: s[0].stat().st_size // 2]),
                          "not a ShopDesk backup|damaged"),
}


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def _zip_plain(path: Path, members: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w") as zf:
        for name, body in members.items():
            zf.writestr(name, body)
    return path


def _tampered(shop, tmp_path) -> Path:
    db = _good_db(shop)
    manifest = {"format": backup.ARCHIVE_FORMAT, "format_version": backup.ARCHIVE_VERSION,
                "files": {"shopdesk.sqlite3": {"sha256": "0" * 64, "size": len(db)}}}
    return _zip(tmp_path / "tampered.zip", {"shopdesk.sqlite3": db}, manifest=manifest)


def _lying_size(shop, tmp_path) -> Path:
    db = _good_db(shop)
    manifest = {"format": backup.ARCHIVE_FORMAT, "format_version": backup.ARCHIVE_VERSION,
                "files": {"shopdesk.sqlite3": {"sha256": hashlib.sha256(db).hexdigest(), "size": 100}}}
    return _zip(tmp_path / "lying.zip", {"shopdesk.sqlite3": db}, manifest=manifest)


@pytest.mark.parametrize("case", sorted(BAD))
def test_refused_and_nothing_changed(shop, data_dir, tmp_path, case):
    make, message = BAD[case]
    source = make(shop, tmp_path)
    before = snapshot(data_dir)
    with pytest.raises(UserError, match=message) as info:
        restore.restore(data_dir, source)
    assert "nothing was changed" in str(info.value).lower()
    assert snapshot(data_dir) == before
    assert not (tmp_path / "evil.txt").exists() and not Path("/tmp/evil.txt").exists()


def test_an_archive_too_large_to_unpack_is_refused(shop, data_dir, monkeypatch):
    archive, _ = shop
    monkeypatch.setattr(restore, "MAX_ARCHIVE_BYTES", 1000)
    before = snapshot(data_dir)
    with pytest.raises(UserError, match="would unpack to more than"):
        restore.restore(data_dir, archive)
    assert snapshot(data_dir) == before


def test_not_enough_free_space_is_refused(shop, data_dir, monkeypatch):
    archive, _ = shop
    monkeypatch.setattr(shutil, "disk_usage", lambda p: type("U", (), {"free": 10})())
    before = snapshot(data_dir)
    with pytest.raises(UserError, match="not enough free space"):
        restore.restore(data_dir, archive)
    assert snapshot(data_dir) == before


def test_a_missing_file_is_refused(data_dir, tmp_path):
    with pytest.raises(UserError, match="There is no file"):
        restore.restore(data_dir, tmp_path / "nope.zip")


def test_restore_is_refused_while_shopdesk_holds_the_folder(shop, data_dir):
    _, copy = shop
    before = snapshot(data_dir)
    with WriterLock(data_dir.lock_path):
        with pytest.raises(UserError, match="ShopDesk is open on the data folder"):
            restore.restore_unlocked_folder(data_dir, copy)
    assert snapshot(data_dir) == before
    restore.restore_unlocked_folder(data_dir, copy)  # and goes ahead once it is closed


def test_restore_refuses_while_another_connection_is_writing(shop, data_dir):
    _, copy = shop
    reader = sqlite3.connect(data_dir.db_path, isolation_level=None)
    reader.execute("PRAGMA journal_mode=WAL")
    reader.execute("BEGIN")
    reader.execute("SELECT count(*) FROM customer").fetchone()
    try:
        with pytest.raises(UserError, match="in use"):
            restore.restore(data_dir, copy)
    finally:
        reader.execute("COMMIT")
        reader.close()
    assert counts(data_dir.db_path)["customer"] == 3
    assert not list(data_dir.root.glob("shopdesk-replaced-*"))


# -- the start-up check -----------------------------------------------------------------


def _damage(path: Path) -> None:
    data = bytearray(path.read_bytes())
    start = len(data) // 4096 // 2 * 4096
    data[start:start + 3 * 4096] = random.Random(0).randbytes(3 * 4096)
    path.write_bytes(bytes(data))


def test_startup_check_ok_and_new(shop, data_dir, tmp_path):
    assert restore.startup_check(data_dir).status == "ok"
    from desk.core.paths import DataDir

    fresh = DataDir(tmp_path / "fresh").ensure()
    assert restore.startup_check(fresh).status == "new"
    assert not fresh.db_path.exists()


def test_a_damaged_database_is_kept_aside_and_the_newest_good_backup_offered(shop, data_dir):
    _, copy = shop
    _damage(data_dir.db_path)
    damaged = data_dir.db_path.read_bytes()
    check = restore.startup_check(data_dir)
    assert check.status == "damaged" and check.problems
    assert not data_dir.db_path.exists(), "the damaged file is out of the way, so nothing opens it"
    assert check.kept_at.read_bytes() == damaged
    assert check.kept_at.name.startswith("shopdesk-damaged-")
    assert check.newest_good.path == copy
    restore.restore(data_dir, check.newest_good.path)
    assert counts(data_dir.db_path)["customer"] == 3
    assert check.kept_at.read_bytes() == damaged


def test_a_damaged_database_takes_its_write_ahead_log_along(shop, data_dir):
    wal = data_dir.db_path.with_name("shopdesk.sqlite3-wal")
    data_dir.db_path.write_bytes(b"not a database at all" * 500)
    wal.write_bytes(b"frames")
    check = restore.startup_check(data_dir)
    assert check.status == "damaged"
    assert not wal.exists()
    assert check.kept_at.with_name(check.kept_at.name + "-wal").read_bytes() == b"frames"


def test_startup_check_without_any_good_backup(db, data_dir):
    core_db.close()
    _damage(data_dir.db_path)
    check = restore.startup_check(data_dir)
    assert check.status == "damaged" and check.newest_good is None


def _no_quick_check(monkeypatch):
    def fail(path):
        raise AssertionError("the quick check ran")

    monkeypatch.setattr(core_db, "quick_problems", fail)


def test_after_a_clean_close_only_the_header_is_read(shop, data_dir, monkeypatch):
    restore.mark_clean_close(data_dir)
    with monkeypatch.context() as m:
        _no_quick_check(m)
        check = restore.startup_check(data_dir)
    assert check.status == "ok" and not check.thorough
    assert not (data_dir.root / restore.CLOSED_MARK).exists(), "used up: a crash now leaves none"
    assert restore.startup_check(data_dir).thorough, "no mark: the last run did not close cleanly"


def test_a_file_changed_while_closed_gets_the_quick_check(shop, data_dir):
    restore.mark_clean_close(data_dir)
    _damage(data_dir.db_path)  # same size, new time: copied over, or the disk went bad
    check = restore.startup_check(data_dir)
    assert check.thorough and check.status == "damaged"


def test_a_header_that_is_not_sqlite_is_damage_even_after_a_clean_close(shop, data_dir):
    restore.mark_clean_close(data_dir)
    size = data_dir.db_path.stat().st_size
    data_dir.db_path.write_bytes(b"\0" * size)
    os.utime(data_dir.db_path, ns=(0, 0))
    check = restore.startup_check(data_dir)
    assert check.status == "damaged" and check.problems == ("the file is not a SQLite database",)


def test_a_truncated_file_is_damage(shop, data_dir):
    data = data_dir.db_path.read_bytes()
    data_dir.db_path.write_bytes(data[: len(data) - 1000])
    check = restore.startup_check(data_dir)
    assert check.status == "damaged" and "cut short" in check.problems[0]


def test_no_clean_close_mark_while_the_log_holds_commits(db, data_dir):
    customers.create("taobao", "未关")
    restore.mark_clean_close(data_dir)  # the app has not closed: the log still holds the write
    assert not (data_dir.root / restore.CLOSED_MARK).exists()


def test_without_hard_links_the_current_database_is_copied_aside(shop, data_dir, monkeypatch):
    _, copy = shop
    _add_customer(data_dir, "没有硬链接")

    def no_links(src, dst):
        raise OSError(1, "Operation not permitted")

    monkeypatch.setattr(restore.os, "link", no_links)
    result = restore.restore(data_dir, copy)
    assert counts(result.kept_aside)["customer"] == 4
    assert counts(data_dir.db_path)["customer"] == 3


def test_a_failed_copy_aside_leaves_everything_as_it_was(shop, data_dir, monkeypatch):
    _, copy = shop
    before = _dump(data_dir.db_path)

    def no_links(src, dst):
        raise OSError(1, "Operation not permitted")

    def disk_full(src, dst):
        Path(dst).write_bytes(b"half")
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(restore.os, "link", no_links)
    monkeypatch.setattr(shutil, "copy2", disk_full)
    with pytest.raises(UserError, match="No space left on device"):
        restore.restore(data_dir, copy)
    assert _dump(data_dir.db_path) == before
    assert not list(data_dir.root.glob("shopdesk-replaced-*")), "no half copy left behind"
    assert not list(data_dir.root.glob(".restoring*"))


@pytest.mark.parametrize("name", ["../x", "a/../../x", "/etc/passwd", "C:/Windows/x", "photos\\ab\\x.jpg",
                                  "photos//x", "./x", "photos/ab/"])
def test_unsafe_member_names(name):
    assert not restore._safe_name(name)


@pytest.mark.parametrize("name", ["shopdesk.sqlite3", "manifest.json", f"photos/ab/{'ab' * 32}.jpg"])
def test_safe_member_names(name):
    assert restore._safe_name(name)
