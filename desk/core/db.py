"""The SQLite database: connection settings, migrations, backups and checks.

Connection settings (also in docs/architecture.md):
- WAL journal: readers never block the writer, and a crash leaves the
  database consistent.
- synchronous=FULL: every commit is on disk before we tell the user it is
  saved. Writes here are human-paced (one edit, one status change) or one
  big transaction (an import), so the fsync per commit costs nothing anyone
  notices, and a laptop that loses power keeps the last case update.
- foreign_keys=ON, busy_timeout=5000 ms: a second connection (a background
  export) waits for a write instead of failing.

A write the disk refuses (full, read-only, failing) raises StorageError, a
UserError with a message for the shop owner; the transaction is rolled back
whole, everything committed before stays, and the next write works once the
disk has room again.
"""

from __future__ import annotations

import logging
import re
import sqlite3
import time
from dataclasses import dataclass
from importlib import import_module
from pathlib import Path

import peewee
from peewee import SqliteDatabase

from desk.core.base import database
from desk.core.errors import QT_TRANSLATE_NOOP, UserError
from desk.core.resources import db_file

log = logging.getLogger(__name__)

APPLICATION_ID = 1397245003  # 'SHDK'
PRAGMAS = {
    "journal_mode": "wal",
    "synchronous": "full",
    "foreign_keys": 1,
    "busy_timeout": 5000,
    "cache_size": -16000,  # 16 MiB
    "temp_store": "memory",
}
_MIGRATION_NAME = re.compile(r"^(\d{4})_([a-z0-9_]+)\.(sql|py)$")


@dataclass(frozen=True)
class Migration:
    version: int
    name: str
    filename: str

    def apply(self, conn: sqlite3.Connection) -> None:
        if self.filename.endswith(".sql"):
            for statement in split_sql(db_file("migrations", self.filename).read_text("utf-8")):
                conn.execute(statement)
        else:
            module = import_module(f"desk.db.migrations.{self.filename[:-3]}")
            module.migrate(conn)


def split_sql(script: str) -> list[str]:
    """Statements of a script, triggers included (sqlite3.complete_statement
    knows where a CREATE TRIGGER ... END ends)."""
    statements, buf = [], ""
    for line in script.splitlines(keepends=True):
        buf += line
        if sqlite3.complete_statement(buf):
            if _has_code(buf):
                statements.append(buf.strip())
            buf = ""
    if _has_code(buf):
        raise ValueError("migration ends with an unfinished statement")
    return statements


_COMMENTS = re.compile(r"--[^\n]*|/\*.*?(?:\*/|$)", re.S)


def _has_code(chunk: str) -> bool:
    return bool(_COMMENTS.sub("", chunk).strip())


def migrations() -> list[Migration]:
    found = []
    for entry in db_file("migrations").iterdir():
        m = _MIGRATION_NAME.match(entry.name)
        if m:
            found.append(Migration(int(m.group(1)), m.group(2), entry.name))
    found.sort(key=lambda m: m.version)
    versions = [m.version for m in found]
    if versions != list(range(1, len(found) + 1)):
        raise RuntimeError(f"migrations are not numbered 1..n without gaps: {versions}")
    return found


def latest_version() -> int:
    return len(migrations())


def schema_version(conn: sqlite3.Connection) -> int:
    return conn.execute("PRAGMA user_version").fetchone()[0]


def backup_to(conn: sqlite3.Connection, target: Path) -> Path:
    """Online backup (consistent even while others write) into `target`."""
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(target.name + ".part")
    dest = sqlite3.connect(tmp)
    try:
        conn.backup(dest)
        # a copy is one self-contained file: no write-ahead log beside it,
        # none made when it is opened read-only to be checked
        dest.execute("PRAGMA journal_mode=DELETE")
    finally:
        dest.close()
    tmp.replace(target)
    return target


def migrate(path: Path, backups: Path) -> list[int]:
    """Bring the database at `path` up to date; returns the versions applied.

    Each migration runs in its own transaction. An existing database is
    backed up before the first migration is applied.
    """
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        conn.execute("PRAGMA foreign_keys=ON")
        current = schema_version(conn)
        app_id = conn.execute("PRAGMA application_id").fetchone()[0]
        has_tables = conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0] > 0
        if has_tables and app_id != APPLICATION_ID:
            raise UserError(QT_TRANSLATE_NOOP("UserError", "{path} is not a ShopDesk database."), path=path)
        pending = [m for m in migrations() if m.version > current]
        if current > latest_version():
            raise UserError(
                QT_TRANSLATE_NOOP("UserError", "This database was written by a newer ShopDesk (schema "
                                  "{found}; this version knows up to {known}). Update ShopDesk to open it."),
                found=current, known=latest_version(),
            )
        if not pending:
            return []
        if has_tables:
            stamp = time.strftime("%Y%m%d-%H%M%S")
            saved = backup_to(conn, backups / f"pre-migration-v{current}-{stamp}.sqlite3")
            if quick_problems(saved):  # never change a database whose copy is not sound
                raise UserError(QT_TRANSLATE_NOOP(
                    "UserError", "The backup taken before updating the database failed its check "
                    "({path}); the database was left as it is."), path=saved)
        applied = []
        for m in pending:
            log.info("applying migration %04d_%s", m.version, m.name)
            conn.execute("BEGIN IMMEDIATE")
            try:
                m.apply(conn)
                conn.execute(f"PRAGMA user_version = {m.version:d}")
                conn.execute("COMMIT")
            except BaseException:
                conn.execute("ROLLBACK")
                raise
            applied.append(m.version)
        return applied
    finally:
        conn.close()


class StorageError(UserError):
    """The disk refused a write: full, read-only or failing."""


# SQLite's primary result codes: a disk that refuses a write, a damaged file
SQLITE_READONLY, SQLITE_IOERR, SQLITE_CORRUPT, SQLITE_FULL, SQLITE_NOTADB = 8, 10, 11, 13, 26


def storage_error(error: BaseException, path: Path | str) -> StorageError | None:
    """The StorageError for a SQLite error caused by the disk, else None.
    Accepts sqlite3 errors and peewee's wrappers of them."""
    error = getattr(error, "orig", error)  # peewee keeps the sqlite3 error it wraps
    code = getattr(error, "sqlite_errorcode", None)
    if code is None:
        return None
    folder = Path(path).parent
    if code & 0xFF == SQLITE_FULL:
        return StorageError(QT_TRANSLATE_NOOP(
            "UserError", "The disk is full, so this change was not saved. Everything saved before "
            "is safe. Free some space on the disk with the data folder {folder} and try again."),
            folder=folder)
    if code & 0xFF == SQLITE_READONLY:
        return StorageError(QT_TRANSLATE_NOOP(
            "UserError", "The data folder {folder} cannot be written to (read-only, or its "
            "database was moved), so this change was not saved. Everything saved before is safe. "
            "Make the folder writable and restart ShopDesk."), folder=folder)
    if code & 0xFF == SQLITE_IOERR:
        return StorageError(QT_TRANSLATE_NOOP(
            "UserError", "The disk reported an error while saving in {folder}, so this change was "
            "not saved. Check the disk (a removed USB drive? a full or failing disk?) and try "
            "again."), folder=folder)
    return None


class ShopDatabase(SqliteDatabase):
    """peewee's SqliteDatabase with disk errors turned into StorageError.

    SQLite rolls the whole transaction back by itself on a full disk; the
    rollback peewee then sends finds no transaction, and must not hide the
    StorageError behind its own error."""

    def _raw_in_transaction(self) -> bool:
        conn = self._state.conn
        return conn is not None and conn.in_transaction

    def _translated(self, call, *args):
        try:
            return call(*args)
        except (peewee.OperationalError, sqlite3.OperationalError) as e:
            translated = storage_error(e, self.database)
            if translated is None:
                raise
            log.warning("write refused by the disk: %s", str(e))  # not e: it holds the statement
        # Raised outside the handler, so it does not hold on to the failed
        # statement's frames: a statement kept alive keeps the connection
        # from closing fully (and folding its write-ahead log in).
        raise translated

    def execute_sql(self, sql, params=None):
        if sql.startswith("ROLLBACK TO SAVEPOINT") and not self._raw_in_transaction():
            return None  # SQLite already rolled back the whole transaction
        return self._translated(super().execute_sql, sql, params)

    def begin(self, lock_type=None):
        return self._translated(super().begin, lock_type)

    def commit(self):
        return self._translated(super().commit)

    def rollback(self):
        if self._raw_in_transaction():
            super().rollback()


def connect(path: Path) -> SqliteDatabase:
    """A peewee database bound to every model (one connection per thread)."""
    from desk.core import presets

    db = ShopDatabase(str(path), pragmas=PRAGMAS, check_same_thread=False)
    # preset names in the UI's language, for lists that sort and filter in SQL
    db.register_function(presets.shown, "shown_name", 3)
    database.initialize(db)
    db.connect(reuse_if_open=True)
    return db


def open_database(path: Path, backups: Path) -> SqliteDatabase:
    """Migrate, then connect. Raises UserError when the file cannot be used."""
    try:
        migrate(path, backups)
    except sqlite3.DatabaseError as e:
        raise (storage_error(e, path) or _unreadable(path, e)) from e
    return connect(path)


def close() -> None:
    db = database.obj
    if db is not None and not db.is_closed():
        try:
            # Refresh the planner's statistics where the shop's data has grown
            # (SQLite's advice for long-lived connections); cheap when nothing changed.
            db.execute_sql("PRAGMA optimize")
        except sqlite3.Error:
            log.warning("PRAGMA optimize failed", exc_info=True)
        db.close()


def integrity_problems(path: Path, quick: bool = False) -> list[str]:
    """Everything `PRAGMA integrity_check` (with `quick`: `quick_check`, which
    reads every page but does not match indexes to their tables, about a
    sixth of the time) and `foreign_key_check` report."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        check = "quick_check" if quick else "integrity_check"
        problems = [r[0] for r in conn.execute(f"PRAGMA {check}") if r[0] != "ok"]
        for table, rowid, parent, _ in conn.execute("PRAGMA foreign_key_check"):
            problems.append(f"{table} row {rowid} points at a missing {parent}")
        return problems
    except sqlite3.DatabaseError as e:  # too damaged to check: that is the problem
        return [f"the database cannot be read: {e}"]
    finally:
        conn.close()


def quick_problems(path: Path) -> list[str]:
    """What `PRAGMA quick_check` reports (the cheap check run at start-up);
    an empty list when the file is sound. Never creates the file. An error
    that says nothing about the file's state (it cannot be opened, it is
    busy) is raised, not reported as damage. Read-only, so a damaged file's
    write-ahead log is neither folded in nor removed."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return [r[0] for r in conn.execute("PRAGMA quick_check") if r[0] != "ok"]
    except sqlite3.DatabaseError as e:
        if getattr(e, "sqlite_errorcode", 0) & 0xFF in (SQLITE_CORRUPT, SQLITE_NOTADB):
            return [f"the database cannot be read: {e}"]
        raise
    finally:
        conn.close()


def _unreadable(path: Path, error: Exception) -> UserError:
    return UserError(QT_TRANSLATE_NOOP("UserError", "The database {path} cannot be opened: {reason}."),
                     path=path, reason=error)


def inspect(path: Path) -> tuple[int, dict[str, int]]:
    """Schema version and row count per table, read-only: nothing is migrated
    or written, so it is safe while the app has the database open."""
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    except sqlite3.Error as e:
        raise _unreadable(path, e) from e
    from desk.core.models import ALL_MODELS

    try:
        version = schema_version(conn)
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        counts = {
            name: conn.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0]
            for name in (m._meta.table_name for m in ALL_MODELS) if name in tables
        }
        return version, counts
    except sqlite3.DatabaseError as e:
        raise _unreadable(path, e) from e
    finally:
        conn.close()
