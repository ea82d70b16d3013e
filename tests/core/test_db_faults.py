"""Real faults at the database's door: a writer killed mid-transaction (hot
journal), a database file that holds no ShopDesk data, odd folder names in
`file:` URIs, text that is not valid UTF-8, lone surrogates, a folder where
the database should be."""

from __future__ import annotations

import os
import random
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from desk.core import backup, restore
from desk.core import db as core_db
from desk.core.customers import notes, search
from desk.core.customers import service as customers
from desk.core.errors import UserError
from desk.core.paths import DataDir
from tests.crash.shop import counts, fill

ROOT = Path(__file__).resolve().parents[2]
ODD_NAMES = ["shop#1", "what?now", "50%23off", "100% sure", "店铺 客服#台?x=%23"]


def _shop(data: DataDir, n_customers: int = 5) -> None:
    core_db.open_database(data.db_path, data.backups)
    try:
        fill(n_customers=n_customers, n_photos=0)
    finally:
        core_db.close()


def _nicknames(path: Path) -> list[str]:
    conn = sqlite3.connect(path)
    try:
        return [r[0] for r in conn.execute("SELECT nickname FROM customer ORDER BY id")]
    finally:
        conn.close()


def _kill_a_writer(path: Path, journal_mode: str) -> None:
    """A process that changes every customer and adds many in one transaction,
    with a tiny cache so the changes reach the database file, then dies
    before committing (as `kill -9` or a power cut would leave it)."""
    child = textwrap.dedent(f"""
        import os, sqlite3
        conn = sqlite3.connect({str(path)!r}, isolation_level=None)
        conn.execute("PRAGMA journal_mode={journal_mode}")
        conn.execute("PRAGMA cache_size=1")
        conn.execute("BEGIN IMMEDIATE")
        conn.execute("UPDATE customer SET nickname = nickname || '-changed'")
        for i in range(3000):
            conn.execute("INSERT INTO customer (platform, nickname, created_at, updated_at)"
                         " VALUES ('taobao', ?, 0, 0)", (f"half-{{i}}-" + "x" * 200,))
        os._exit(9)
    """)
    proc = subprocess.run([sys.executable, "-c", child], capture_output=True, text=True, timeout=60)
    assert proc.returncode == 9, proc.stderr


# -- 1. a hot journal left by a killed writer --------------------------------------------


def test_a_killed_writers_hot_journal_is_rolled_back_by_every_read_only_open(data_dir):
    _shop(data_dir)
    before = _nicknames(data_dir.db_path)
    _kill_a_writer(data_dir.db_path, "delete")
    journal = data_dir.db_path.with_name(data_dir.db_path.name + "-journal")
    assert journal.exists() and journal.stat().st_size, "the child should leave a hot journal"

    assert core_db.quick_problems(data_dir.db_path) == []
    assert not journal.exists() or not journal.stat().st_size, "rolled back"
    assert core_db.integrity_problems(data_dir.db_path) == []
    assert core_db.inspect(data_dir.db_path)[1]["customer"] == len(before)
    assert _nicknames(data_dir.db_path) == before


def test_a_hot_journal_that_cannot_be_rolled_back_is_explained(data_dir, monkeypatch):
    """A read-only folder (simulated: the recovery cannot write) says what to do in one message."""
    _shop(data_dir)
    _kill_a_writer(data_dir.db_path, "delete")
    monkeypatch.setattr(core_db, "recover", lambda path: None)
    for read in (core_db.inspect, core_db.quick_problems, core_db.integrity_problems):
        with pytest.raises(UserError, match="Make the folder writable"):
            read(data_dir.db_path)


@pytest.mark.parametrize("journal_mode", ["delete", "wal"])
def test_startup_after_a_killed_writer_recovers_silently(data_dir, journal_mode):
    _shop(data_dir)
    before = _nicknames(data_dir.db_path)
    _kill_a_writer(data_dir.db_path, journal_mode)

    check = restore.startup_check(data_dir)
    assert check.status == "ok", check.problems
    assert check.thorough, "no clean close: the quick check ran"
    assert data_dir.db_path.exists()
    assert _nicknames(data_dir.db_path) == before


def test_integrity_problems_after_a_killed_writer_in_every_mode(data_dir):
    _shop(data_dir)
    _kill_a_writer(data_dir.db_path, "wal")
    assert core_db.integrity_problems(data_dir.db_path) == []
    assert core_db.inspect(data_dir.db_path)[1]["customer"] == 5


# -- 2. a database file with no ShopDesk data in it -------------------------------------


def _foreign(path: Path) -> None:
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE contacts (name TEXT)")
    conn.commit()
    conn.close()


NOT_OURS = {
    "empty": lambda path: path.write_bytes(b""),
    "foreign": _foreign,
    "not sqlite": lambda path: path.write_bytes(random.Random(2).randbytes(8192)),
}


@pytest.mark.parametrize("kind", ["empty", "foreign"])
def test_a_file_without_shopdesk_data_is_never_made_into_a_shop(data_dir, kind):
    NOT_OURS[kind](data_dir.db_path)
    before = data_dir.db_path.read_bytes()
    with pytest.raises(UserError, match="empty|not a ShopDesk database"):
        core_db.open_database(data_dir.db_path, data_dir.backups)
    assert data_dir.db_path.read_bytes() == before
    assert core_db.shop_problem(data_dir.db_path) in ("the file is empty",
                                                      "the file is not a ShopDesk database")


@pytest.mark.parametrize("kind", sorted(NOT_OURS))
def test_startup_keeps_a_file_without_shopdesk_data_aside_and_offers_the_newest_good_backup(
        data_dir, kind):
    _shop(data_dir)
    core_db.open_database(data_dir.db_path, data_dir.backups)
    good = backup.backup_now(data_dir, "manual")
    core_db.close()
    restore.mark_clean_close(data_dir)  # even after a clean close: the header is read
    for companion in restore._companions(data_dir.db_path):
        companion.unlink(missing_ok=True)
    data_dir.db_path.unlink()
    NOT_OURS[kind](data_dir.db_path)
    content = data_dir.db_path.read_bytes()

    check = restore.startup_check(data_dir)
    assert check.status == "damaged", kind
    assert not data_dir.db_path.exists(), "nothing may open (and fill) it"
    assert check.kept_at.read_bytes() == content
    assert check.newest_good.path == good
    restore.restore(data_dir, good)
    assert counts(data_dir.db_path)["customer"] == 5
    assert check.kept_at.read_bytes() == content


def test_restore_over_a_file_that_is_not_a_database_keeps_it_aside(data_dir):
    _shop(data_dir)
    core_db.open_database(data_dir.db_path, data_dir.backups)
    good = backup.backup_now(data_dir, "manual")
    core_db.close()
    garbage = random.Random(3).randbytes(8192)
    data_dir.db_path.write_bytes(garbage)
    result = restore.restore(data_dir, good)
    assert result.kept_aside.read_bytes() == garbage
    assert counts(data_dir.db_path)["customer"] == 5


def test_a_new_database_gets_its_name_only_with_the_schema_in_it(tmp_path, monkeypatch):
    """A first start killed during the first migration leaves no file under
    the database's name (so an empty file there is never ours)."""
    path = tmp_path / "shop.sqlite3"
    first = core_db.migrations()[0]

    class Dies(core_db.Migration):
        def apply(self, conn):
            assert not path.exists(), "the database is built under another name"
            raise KeyboardInterrupt  # the process is stopped half-way through

    monkeypatch.setattr(core_db, "migrations", lambda: [Dies(1, first.name, first.filename)])
    with pytest.raises(KeyboardInterrupt):
        core_db.migrate(path, tmp_path / "backups")
    assert not path.exists()
    assert os.listdir(tmp_path) == [], "nothing left behind"


# -- 3. `file:` URIs with odd folder names ------------------------------------------------


def _damage_a_page(path: Path) -> None:
    data = bytearray(path.read_bytes())
    middle = len(data) // 4096 // 2 * 4096
    data[middle:middle + 3 * 4096] = random.Random(0).randbytes(3 * 4096)
    path.write_bytes(bytes(data))


@pytest.mark.parametrize("name", ODD_NAMES)
def test_checks_read_the_real_database_in_a_folder_with_an_odd_name(tmp_path, name):
    data = DataDir(tmp_path / name / "data").ensure()
    _shop(data, n_customers=40)
    assert core_db.inspect(data.db_path)[1]["customer"] == 40
    assert core_db.integrity_problems(data.db_path) == []
    _damage_a_page(data.db_path)
    before = sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*"))

    assert core_db.integrity_problems(data.db_path), "the damaged page must be found"
    assert core_db.integrity_problems(data.db_path, quick=True)
    assert core_db.quick_problems(data.db_path)
    assert sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*")) == before, "no stray file"
    assert restore.startup_check(data, thorough=True).status == "damaged", "the app must not open it"


@pytest.mark.parametrize("name", ODD_NAMES)
def test_restore_from_a_backup_whose_path_has_odd_characters(tmp_path, name):
    data = DataDir(tmp_path / "data").ensure()
    _shop(data)
    core_db.open_database(data.db_path, data.backups)
    taken = backup.backup_now(data, "manual")
    core_db.close()
    elsewhere = tmp_path / name / f"copy {name}.sqlite3"
    elsewhere.parent.mkdir()
    elsewhere.write_bytes(taken.read_bytes())
    before = sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*") if "data" not in p.parts)

    result = restore.restore(data, elsewhere)
    assert result.kept_aside is not None
    assert counts(data.db_path)["customer"] == 5
    after = sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*") if "data" not in p.parts)
    assert after == before, "no stray file beside the backup or its folder"


def test_uris_are_escaped():
    from pathlib import PureWindowsPath

    assert core_db.uri(Path("/a b/c#d?e%23f"), mode="ro") == "file:///a%20b/c%23d%3Fe%2523f?mode=ro"
    assert core_db.uri(PureWindowsPath(r"D:\店铺#1\shopdesk.sqlite3")) == \
        "file:///D:/%E5%BA%97%E9%93%BA%231/shopdesk.sqlite3"
    # a network share: no URI authority (SQLite refuses one), the share as the path
    assert core_db.uri(PureWindowsPath(r"\\nas\shop\data\shopdesk.sqlite3"), mode="ro") == \
        "file:////nas/shop/data/shopdesk.sqlite3?mode=ro"


# -- 9. text that is not valid UTF-8 ------------------------------------------------------


def _store_invalid_utf8(path: Path) -> None:
    conn = sqlite3.connect(path)
    conn.execute("UPDATE customer SET nickname = CAST(x'61ff62' AS TEXT) WHERE id = 1")
    conn.execute("UPDATE note SET body = CAST(x'e4b8' AS TEXT) WHERE id = (SELECT min(id) FROM note)")
    conn.commit()
    conn.close()


def test_invalid_utf8_is_read_with_replacement_characters_and_reported_by_check(data_dir):
    _shop(data_dir)
    _store_invalid_utf8(data_dir.db_path)
    note_id = sqlite3.connect(data_dir.db_path).execute("SELECT min(id) FROM note").fetchone()[0]

    core_db.open_database(data_dir.db_path, data_dir.backups)
    try:
        assert customers.get(1).nickname == "a\ufffdb"
        assert isinstance(search.find("a"), list)  # no error on the way
        assert "a\ufffdb" in {m.nickname for m in search.find("")}
        assert notes.get_note(note_id).body == "\ufffd"
    finally:
        core_db.close()

    problems = core_db.text_problems(data_dir.db_path)
    assert "customer row 1: nickname is not valid UTF-8 text" in problems[0]
    assert any(p.startswith(f"note row {note_id}: body is not valid UTF-8") for p in problems)
    assert len(problems) == 2
    assert core_db.integrity_problems(data_dir.db_path) == [], "backups of it are still taken"


def test_raw_connections_read_invalid_utf8_too(data_dir):
    _shop(data_dir)
    _store_invalid_utf8(data_dir.db_path)
    conn = core_db.open_read_only(data_dir.db_path)
    try:
        assert conn.execute("SELECT nickname FROM customer WHERE id = 1").fetchone()[0] == "a\ufffdb"
    finally:
        conn.close()


# -- 12. lone surrogates and a folder in the database's place -----------------------------

BAD = "x\udcffy"  # what Python makes of the byte 0xff in a command-line argument


def test_services_never_raise_unicode_errors_on_lone_surrogates(db):
    from desk.core.aftersales import photos
    from desk.core.replies import service as replies

    cid = customers.create("taobao", BAD, real_name=BAD, region=BAD)
    assert customers.get(cid).nickname == "x\ufffdy"
    customers.update(cid, real_name=BAD)
    nid = notes.add(cid, BAD)
    assert notes.get_note(nid).body == "x\ufffdy"
    replies.add_group(BAD)
    assert search.find(BAD)[0].id == cid
    with pytest.raises(UserError, match="not valid UTF-8"):
        photos.find_case(BAD)


def test_a_folder_in_the_database_place_gets_a_message(data_dir):
    data_dir.db_path.mkdir()
    with pytest.raises(UserError, match="is a folder"):
        restore.startup_check(data_dir)
    with pytest.raises(UserError, match="is a folder"):
        core_db.inspect(data_dir.db_path)
    with pytest.raises(UserError, match="is a folder"):
        core_db.open_database(data_dir.db_path, data_dir.backups)


# -- 4. every connection: made in one place, with a busy timeout -------------------------


def test_every_sqlite_connection_is_made_by_db():
    """No module opens SQLite by itself: URIs, busy timeout and text factory stay in one place."""
    offenders = []
    for source in (ROOT / "desk").rglob("*.py"):
        text = source.read_text("utf-8")
        if ("sqlite3.connect(" in text or "mode=ro" in text) and source.name != "db.py":
            offenders.append(str(source.relative_to(ROOT)))
    assert offenders == []


@pytest.mark.sqlite_only("SQLite's busy timeout on each connection; the server's lock timeout: tests/core/team")
def test_every_connection_has_a_busy_timeout(db, data_dir):
    assert db.execute_sql("PRAGMA busy_timeout").fetchone()[0] == 5000
    for conn in (core_db.raw_connect(data_dir.db_path), core_db.open_read_only(data_dir.db_path)):
        try:
            assert conn.execute("PRAGMA busy_timeout").fetchone()[0] == 5000
        finally:
            conn.close()
