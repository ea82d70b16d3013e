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
"""

from __future__ import annotations

import logging
import re
import sqlite3
import time
from dataclasses import dataclass
from importlib import import_module
from pathlib import Path

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
            backup_to(conn, backups / f"pre-migration-v{current}-{stamp}.sqlite3")
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


def connect(path: Path) -> SqliteDatabase:
    """A peewee database bound to every model (one connection per thread)."""
    db = SqliteDatabase(str(path), pragmas=PRAGMAS, check_same_thread=False)
    database.initialize(db)
    db.connect(reuse_if_open=True)
    return db


def open_database(path: Path, backups: Path) -> SqliteDatabase:
    """Migrate, then connect. Raises UserError when the file cannot be used."""
    try:
        migrate(path, backups)
    except sqlite3.DatabaseError as e:
        raise _unreadable(path, e) from e
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


def integrity_problems(path: Path) -> list[str]:
    """Everything `PRAGMA integrity_check` and `foreign_key_check` report."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        problems = [r[0] for r in conn.execute("PRAGMA integrity_check") if r[0] != "ok"]
        for table, rowid, parent, _ in conn.execute("PRAGMA foreign_key_check"):
            problems.append(f"{table} row {rowid} points at a missing {parent}")
        return problems
    except sqlite3.DatabaseError as e:  # too damaged to check: that is the problem
        return [f"the database cannot be read: {e}"]
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
