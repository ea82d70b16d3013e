"""The database runner: migrations, backups, refusals, pragmas, SQL splitting, checks."""

from __future__ import annotations

import random
import sqlite3
import threading

import pytest

from desk.core import db as core_db
from desk.core.errors import UserError


def _pragma(path, name):
    conn = sqlite3.connect(path)
    try:
        return conn.execute(f"PRAGMA {name}").fetchone()[0]
    finally:
        conn.close()


def _tables(path) -> set[str]:
    conn = sqlite3.connect(path)
    try:
        return {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    finally:
        conn.close()


class _Broken(core_db.Migration):
    """Creates a table, empties a seeded one, then fails half-way."""

    def apply(self, conn: sqlite3.Connection) -> None:
        conn.execute("CREATE TABLE half_done (x INTEGER)")
        conn.execute("INSERT INTO half_done VALUES (1)")
        conn.execute("DELETE FROM tag")
        conn.execute("INSERT INTO no_such_table VALUES (1)")


def _with_broken(monkeypatch) -> int:
    real = core_db.migrations()
    n = len(real) + 1
    broken = _Broken(n, "broken", f"{n:04d}_broken.py")
    monkeypatch.setattr(core_db, "migrations", lambda: [*real, broken])
    return n


def test_migrations_are_numbered_from_one():
    found = core_db.migrations()
    assert [m.version for m in found] == list(range(1, len(found) + 1))
    assert core_db.latest_version() == len(found) >= 2


def test_new_file_is_migrated_to_latest(tmp_path):
    path, backups = tmp_path / "shop.sqlite3", tmp_path / "backups"
    applied = core_db.migrate(path, backups)
    assert applied == list(range(1, core_db.latest_version() + 1))
    assert _pragma(path, "user_version") == core_db.latest_version()
    assert _pragma(path, "application_id") == core_db.APPLICATION_ID
    assert not backups.exists() or not any(backups.iterdir()), "a brand-new file needs no backup"
    conn = sqlite3.connect(path)
    try:
        for table in ("tag_category", "tag", "aftersales_reason", "deadline_rule", "reply_group"):
            assert conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0] > 0, table
    finally:
        conn.close()


def test_second_run_applies_nothing(tmp_path):
    path, backups = tmp_path / "shop.sqlite3", tmp_path / "backups"
    core_db.migrate(path, backups)
    before = path.read_bytes()
    assert core_db.migrate(path, backups) == []
    assert _pragma(path, "user_version") == core_db.latest_version()
    assert not backups.exists() or not any(backups.iterdir())
    assert path.read_bytes() == before


def test_failed_migration_rolls_back(tmp_path, monkeypatch):
    path, backups = tmp_path / "shop.sqlite3", tmp_path / "backups"
    core_db.migrate(path, backups)
    latest = core_db.latest_version()
    conn = sqlite3.connect(path)
    tags = conn.execute("SELECT count(*) FROM tag").fetchone()[0]
    conn.close()

    _with_broken(monkeypatch)
    with pytest.raises(sqlite3.OperationalError, match="no_such_table"):
        core_db.migrate(path, backups)

    assert _pragma(path, "user_version") == latest
    assert "half_done" not in _tables(path)
    conn = sqlite3.connect(path)
    try:
        assert conn.execute("SELECT count(*) FROM tag").fetchone()[0] == tags
    finally:
        conn.close()


def test_failed_migration_on_new_file_keeps_the_good_ones(tmp_path, monkeypatch):
    path = tmp_path / "shop.sqlite3"
    broken = _with_broken(monkeypatch)
    with pytest.raises(UserError):  # open_database turns the sqlite error into a user error
        core_db.open_database(path, tmp_path / "backups")
    assert _pragma(path, "user_version") == broken - 1
    assert "half_done" not in _tables(path)
    assert "customer" in _tables(path)


def test_existing_database_is_backed_up_before_migrating(tmp_path, monkeypatch):
    path, backups = tmp_path / "shop.sqlite3", tmp_path / "backups"
    first = core_db.migrations()[0]
    with monkeypatch.context() as m:
        m.setattr(core_db, "migrations", lambda: [first])
        assert core_db.migrate(path, backups) == [1]
    assert _pragma(path, "user_version") == 1

    applied = core_db.migrate(path, backups)
    assert applied == list(range(2, core_db.latest_version() + 1))

    files = sorted(backups.iterdir())
    assert [f.name.startswith("pre-migration-v1-") and f.suffix == ".sqlite3" for f in files] == [True]
    backup = files[0]
    conn = sqlite3.connect(f"file:{backup}?mode=ro", uri=True)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("PRAGMA user_version").fetchone()[0] == 1
        assert conn.execute("PRAGMA application_id").fetchone()[0] == core_db.APPLICATION_ID
        assert conn.execute("SELECT count(*) FROM customer").fetchone()[0] == 0
        # the seed is migration 2: the backup holds the database as it was before it
        assert conn.execute("SELECT count(*) FROM tag").fetchone()[0] == 0
    finally:
        conn.close()


def test_newer_schema_is_refused(tmp_path):
    path, backups = tmp_path / "shop.sqlite3", tmp_path / "backups"
    core_db.migrate(path, backups)
    newer = core_db.latest_version() + 1
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {newer}")
    conn.close()

    with pytest.raises(UserError, match="newer ShopDesk"):
        core_db.open_database(path, backups)
    assert _pragma(path, "user_version") == newer
    assert not backups.exists() or not any(backups.iterdir())


def test_other_sqlite_file_is_refused_and_left_alone(tmp_path):
    path = tmp_path / "other.sqlite3"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE contacts (name TEXT)")
    conn.execute("INSERT INTO contacts VALUES ('someone')")
    conn.commit()
    conn.close()

    with pytest.raises(UserError, match="not a ShopDesk database"):
        core_db.open_database(path, tmp_path / "backups")
    assert _tables(path) == {"contacts"}
    assert _pragma(path, "user_version") == 0


def test_file_that_is_not_sqlite_is_refused_and_left_alone(tmp_path):
    path = tmp_path / "shop.sqlite3"
    garbage = random.Random(1).randbytes(8192)
    path.write_bytes(garbage)

    with pytest.raises(UserError, match="cannot be opened") as info:
        core_db.open_database(path, tmp_path / "backups")
    assert str(path) in str(info.value)
    assert path.read_bytes() == garbage


@pytest.mark.sqlite_only("SQLite's own connection settings (pragmas); the server's: tests/core/team")
def test_pragmas_after_connect(db):
    def read(name):
        return db.execute_sql(f"PRAGMA {name}").fetchone()[0]

    assert read("foreign_keys") == 1
    assert read("journal_mode") == "wal"
    assert read("synchronous") == 2  # FULL
    assert read("busy_timeout") == 5000


@pytest.mark.sqlite_only("SQLite's own connection settings (pragmas); the server's: tests/core/team")
def test_pragmas_on_a_second_thread(db):
    """Workers get their own connection; it must be set up the same way."""
    seen = {}

    def work():
        try:
            seen["fk"] = db.execute_sql("PRAGMA foreign_keys").fetchone()[0]
            seen["sync"] = db.execute_sql("PRAGMA synchronous").fetchone()[0]
        finally:
            db.close()

    t = threading.Thread(target=work)
    t.start()
    t.join(10)
    assert seen == {"fk": 1, "sync": 2}
    assert not db.is_closed(), "closing the worker's connection must not close the main one"


SCRIPT = """\
-- a leading comment; with a semicolon in it
CREATE TABLE log (a INTEGER);
CREATE TABLE t (a INTEGER, b TEXT);  -- a trailing comment

/* a block comment; also with a semicolon */
CREATE TRIGGER t_insert AFTER INSERT ON t
BEGIN
    UPDATE t SET b = 'x;y' WHERE a = NEW.a;
    INSERT INTO log VALUES (NEW.a);
END;
-- only a comment at the end
"""


def test_split_sql_keeps_triggers_whole_and_skips_comments():
    statements = core_db.split_sql(SCRIPT)
    assert len(statements) == 3
    assert statements[0].endswith("CREATE TABLE log (a INTEGER);")
    assert "CREATE TABLE t" in statements[1]
    assert "CREATE TRIGGER t_insert" in statements[2] and statements[2].endswith("END;")
    assert "INSERT INTO log" in statements[2]

    conn = sqlite3.connect(":memory:")
    for s in statements:
        conn.execute(s)
    conn.execute("INSERT INTO t (a) VALUES (7)")
    assert conn.execute("SELECT a, b FROM t").fetchall() == [(7, "x;y")]
    assert conn.execute("SELECT a FROM log").fetchall() == [(7,)]


def test_split_sql_rejects_an_unfinished_statement():
    with pytest.raises(ValueError, match="unfinished"):
        core_db.split_sql("CREATE TABLE a (x);\nCREATE TABLE b (y)\n")
    assert core_db.split_sql("-- nothing\n\n-- here\n") == []


def test_split_sql_allows_a_trailing_block_comment():
    assert core_db.split_sql("CREATE TABLE a (x);\n/* the end */\n") == ["CREATE TABLE a (x);"]


@pytest.mark.sqlite_only("SQLite's integrity check of the shop's file")
def test_integrity_problems_none_on_a_good_database(db, data_dir):
    assert core_db.integrity_problems(data_dir.db_path) == []


@pytest.mark.sqlite_only("SQLite's integrity check of the shop's file")
def test_integrity_problems_reports_a_foreign_key_violation(db, data_dir):
    raw = sqlite3.connect(data_dir.db_path)  # foreign keys are off on a plain connection
    try:
        rowid = raw.execute(
            "INSERT INTO note (customer_id, body, created_at, updated_at) VALUES (424242, 'x', 0, 0)"
        ).lastrowid
        raw.commit()
    finally:
        raw.close()
    assert core_db.integrity_problems(data_dir.db_path) == [
        f"note row {rowid} points at a missing customer"
    ]


def test_integrity_problems_reports_a_damaged_file(tmp_path):
    path = tmp_path / "shop.sqlite3"
    core_db.migrate(path, tmp_path / "backups")
    data = bytearray(path.read_bytes())
    pages = len(data) // 4096
    start = pages // 2 * 4096
    data[start:start + 3 * 4096] = random.Random(0).randbytes(3 * 4096)
    path.write_bytes(bytes(data))
    assert core_db.integrity_problems(path) != []
