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

Every connection, peewee's and the raw sqlite3 ones (read-only checks,
backups, restore), is made here: `file:` URIs built with Path.as_uri() (a
folder named `shop#1` or `50%` is not cut short), the busy timeout, and a
text factory that shows text stored as invalid UTF-8 with replacement
characters instead of failing (`check` reports such rows). A read-only
connection first lets SQLite roll back a hot journal left by a killed
writer (`open_read_only`).

A write the disk refuses (full, read-only, failing) raises StorageError, a
UserError with a message for the shop owner; the transaction is rolled back
whole, everything committed before stays, and the next write works once the
disk has room again.
"""

from __future__ import annotations

import functools
import logging
import os
import re
import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from importlib import import_module
from pathlib import Path, PurePath
from typing import TYPE_CHECKING

from desk.core import dbconn, files
from desk.core.errors import QT_TRANSLATE_NOOP, UserError
from desk.core.resources import db_file

if TYPE_CHECKING:  # peewee is imported when the ORM is first used, not to open a database
    from peewee import SqliteDatabase

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
BUSY_TIMEOUT_S = PRAGMAS["busy_timeout"] / 1000
# Text that is not valid UTF-8 (written by another program, or by a damaged
# disk) reads as text with U+FFFD in place of the bad bytes instead of an
# error in the middle of a list page or an export. A partial of str keeps
# the decoding in C: no slower than sqlite3's own.
TEXT_FACTORY = functools.partial(str, encoding="utf-8", errors="replace")


# -- connections -------------------------------------------------------------------------


def uri(path: Path | str | PurePath, **params: str) -> str:
    """The `file:` URI of `path` (escaped: `#`, `?`, `%`, spaces and any
    script survive) with `params` (mode=ro ...) after it."""
    path = path if isinstance(path, PurePath) and path.is_absolute() else Path(path).absolute()
    text = path.as_uri()
    if not text.startswith("file:///"):
        # a Windows network share (\\nas\shop): SQLite refuses a URI
        # authority, but takes the share as a path of four slashes
        text = "file:////" + text[len("file://"):]
    if params:
        text += "?" + "&".join(f"{k}={v}" for k, v in params.items())
    return text


def raw_connect(path: Path | str, mode: str = "rwc", **kwargs) -> sqlite3.Connection:
    """A plain sqlite3 connection as every part of ShopDesk makes one: by URI,
    with the busy timeout and the forgiving text factory. `mode`: "ro"
    (read-only, never creates), "rw" (never creates) or "rwc"."""
    conn = sqlite3.connect(uri(path, mode=mode), uri=True, timeout=BUSY_TIMEOUT_S, **kwargs)
    conn.text_factory = TEXT_FACTORY
    return conn


SQLITE_BUSY, SQLITE_LOCKED, SQLITE_CANTOPEN = 5, 6, 14


def _code(error: BaseException) -> int:
    error = getattr(error, "orig", error)
    return getattr(error, "sqlite_errorcode", 0) or 0


def recover(path: Path) -> None:
    """Let SQLite roll back a hot journal (or rebuild a write-ahead log's
    index) that a killed writer left, which a read-only connection cannot
    do. A brief read-write connection does it under SQLite's own locks: a
    journal is only rolled back when no live process is writing (the one
    that is, holds its lock), so this is safe while ShopDesk runs. Errors
    are left to the read-only connection to report."""
    try:
        conn = raw_connect(path, "rw")
    except sqlite3.Error:
        return
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        log.info("recovered %s after an interrupted write", Path(path).name)
    except sqlite3.Error as e:
        log.info("could not recover %s: %s", Path(path).name, e)
    finally:
        conn.close()


def open_read_only(path: Path | str) -> sqlite3.Connection:
    """A read-only connection that never creates the file and never writes
    to it, unless a killed writer left a hot journal: SQLite must roll that
    back first (it is the database's own last consistent state), so it is
    rolled back (`recover`) and the read-only connection opened again."""
    path = Path(path)
    conn = raw_connect(path, "ro")
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        return conn
    except sqlite3.DatabaseError as e:
        if _code(e) & 0xFF in (SQLITE_BUSY, SQLITE_LOCKED):  # a writer kept it past the timeout
            conn.close()
            raise
        if _code(e) & 0xFF != SQLITE_READONLY:  # (SQLITE_READONLY_ROLLBACK, _RECOVERY, _CANTINIT)
            return conn  # damaged, not a database...: the caller's first statement says so
    conn.close()
    recover(path)
    conn = raw_connect(path, "ro")
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        return conn
    except sqlite3.DatabaseError as e:
        if _code(e) & 0xFF != SQLITE_READONLY:
            return conn
        conn.close()
        raise UserError(QT_TRANSLATE_NOOP(
            "UserError", "A change to the database in {folder} was cut off (ShopDesk was stopped or "
            "the power failed), and SQLite must undo it before the database can be read, but the "
            "folder cannot be written to. Make the folder writable and try again; nothing is "
            "lost."), folder=path.parent) from e


def file_problem(path: Path) -> UserError | None:
    """A database path that exists but is no file (a folder, a pipe)."""
    if path.exists() and not path.is_file():
        return UserError(QT_TRANSLATE_NOOP(
            "UserError", "{path} should be ShopDesk's database file, but it is a folder or another "
            "kind of file. Move it out of the data folder and try again."), path=path)
    return None


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
    tmp = files.part_path(target)  # FILE.<pid>.part: litter a killed process leaves is known as such
    try:
        dest = raw_connect(tmp)
        try:
            conn.backup(dest)
            # a copy is one self-contained file: no write-ahead log beside it,
            # none made when it is opened read-only to be checked
            dest.execute("PRAGMA journal_mode=DELETE")
        finally:
            dest.close()
        tmp.replace(target)
    except BaseException:
        for part in (tmp, tmp.with_name(tmp.name + "-journal")):  # half a copy is no copy
            try:
                part.unlink(missing_ok=True)
            except OSError:  # a read-only folder: it was never written either
                pass
        raise
    return target


def not_a_shop_database(path: Path, empty: bool = False) -> UserError:
    if empty:
        return UserError(QT_TRANSLATE_NOOP(
            "UserError", "{path} is empty: it holds no ShopDesk data (a copy that did not finish, or a "
            "file emptied by mistake?)."), path=path)
    return UserError(QT_TRANSLATE_NOOP("UserError", "{path} is not a ShopDesk database."), path=path)


def migrate(path: Path, backups: Path) -> list[int]:
    """Bring the database at `path` up to date; returns the versions applied.

    Each migration runs in its own transaction. An existing database is
    backed up before the first migration is applied. A new database is
    built beside `path` and appears under its name only with ShopDesk's
    schema in it, so a file under that name that holds none (empty, or
    another program's) is never ours to fill: it is refused, not turned
    into an empty shop.
    """
    path = Path(path)
    problem = file_problem(path)
    if problem is not None:
        raise problem
    if not path.exists():
        return _create(path, backups)
    if path.stat().st_size == 0:
        raise not_a_shop_database(path, empty=True)
    conn = raw_connect(path, "rw", isolation_level=None)
    try:
        conn.execute("PRAGMA foreign_keys=ON")
        current = schema_version(conn)
        app_id = conn.execute("PRAGMA application_id").fetchone()[0]
        has_tables = conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0] > 0
        if not has_tables or app_id != APPLICATION_ID:
            raise not_a_shop_database(path)
        if current > latest_version():
            raise UserError(
                QT_TRANSLATE_NOOP("UserError", "This database was written by a newer ShopDesk (schema "
                                  "{found}; this version knows up to {known}). Update ShopDesk to open it."),
                found=current, known=latest_version(),
            )
        pending = [m for m in migrations() if m.version > current]
        if not pending:
            return []
        stamp = time.strftime("%Y%m%d-%H%M%S")
        saved = backup_to(conn, backups / f"pre-migration-v{current}-{stamp}.sqlite3")
        if quick_problems(saved):  # never change a database whose copy is not sound
            raise UserError(QT_TRANSLATE_NOOP(
                "UserError", "The backup taken before updating the database failed its check "
                "({path}); the database was left as it is."), path=saved)
        applied: list[int] = []
        _apply(conn, pending, applied)
        return applied
    finally:
        conn.close()


def _apply(conn: sqlite3.Connection, pending: list[Migration], applied: list[int]) -> None:
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


def _create(path: Path, backups: Path) -> list[int]:
    """A new database: migrated in `.<name>.creating` beside `path`, then
    given its name (a process killed meanwhile leaves only that file, which
    the next creation removes). A migration that fails keeps the ones
    before it, as on an existing database."""
    stage = path.with_name(f".{path.name}.creating")
    for leftover in (stage, stage.with_name(stage.name + "-journal")):
        leftover.unlink(missing_ok=True)
    applied: list[int] = []
    conn = raw_connect(stage, isolation_level=None)
    try:
        _apply(conn, migrations(), applied)
    finally:
        conn.close()
        if applied:
            _publish(stage, path)
        stage.unlink(missing_ok=True)
    return applied


def _publish(stage: Path, path: Path) -> None:
    """Give the finished `stage` the name `path`, never replacing a file."""
    try:
        os.link(stage, path)  # fails if `path` appeared meanwhile
    except FileExistsError:
        raise UserError(QT_TRANSLATE_NOOP(
            "UserError", "Another program created {path} while ShopDesk was creating it; nothing "
            "was changed."), path=path) from None
    except OSError:  # a file system without hard links
        os.replace(stage, path)
    files.sync_folder(path.parent)


class StorageError(UserError):
    """The disk refused a write: full, read-only or failing."""


# SQLite's primary result codes: a disk that refuses a write, a damaged file
SQLITE_READONLY, SQLITE_IOERR, SQLITE_CORRUPT, SQLITE_FULL, SQLITE_CANTOPEN, SQLITE_NOTADB = 8, 10, 11, 13, 14, 26


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


def busy_error(error: BaseException, path: Path | str) -> UserError | None:
    """The UserError for "database is locked" (another process kept it busy
    longer than the busy timeout), else None. sqlite3 and peewee errors."""
    if _code(error) & 0xFF in (SQLITE_BUSY, SQLITE_LOCKED) or (
            _code(error) == 0 and "database is locked" in str(error)):
        return UserError(QT_TRANSLATE_NOOP(
            "UserError", "The database in {folder} is busy: another ShopDesk is writing to it. Try "
            "again in a moment."), folder=Path(path).parent)
    return None


def user_error(error: BaseException, path: Path | str) -> UserError | None:
    """What to tell the shop owner about a SQLite error, or None for a bug."""
    return storage_error(error, path) or busy_error(error, path)


class _ShopDatabase:
    """peewee's SqliteDatabase with disk errors turned into StorageError.

    SQLite rolls the whole transaction back by itself on a full disk; the
    rollback peewee then sends finds no transaction, and must not hide the
    StorageError behind its own error.

    `ShopDatabase` is this over peewee's SqliteDatabase, made when first
    used (`_shop_database`): opening a database does not import peewee."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        from desk.core import presets

        # preset names in the UI's language, for lists that sort and filter in SQL
        self.register_function(presets.shown, "shown_name", 3)

    def _connect(self):
        # on the thread that opened it, the connection opened without the ORM
        conn = dbconn.take(self.database)
        if conn is None:
            return super()._connect()
        self._add_conn_hooks(conn)
        return conn

    def _add_conn_hooks(self, conn: sqlite3.Connection) -> None:
        conn.text_factory = TEXT_FACTORY
        super()._add_conn_hooks(conn)
        dbconn.noted(conn)

    def _close(self, conn) -> None:
        dbconn.forget(conn)
        super()._close(conn)

    def _raw_in_transaction(self) -> bool:
        conn = self._state.conn
        return conn is not None and conn.in_transaction

    def _translated(self, call, *args):
        import peewee

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
        try:
            return self._translated(super().execute_sql, sql, params)
        except UnicodeEncodeError:  # a lone surrogate no text cleaning saw (a lookup key)
            pass
        raise UserError(QT_TRANSLATE_NOOP(
            "UserError", "The text holds bytes that are not valid UTF-8 (from a terminal or a file "
            "in another encoding?), so it cannot be used. Type it again."))

    def begin(self, lock_type=None):
        return self._translated(super().begin, lock_type)

    def commit(self):
        return self._translated(super().commit)

    def rollback(self):
        if self._raw_in_transaction():
            super().rollback()


@functools.cache
def _shop_database() -> type:
    from peewee import SqliteDatabase

    return type("ShopDatabase", (_ShopDatabase, SqliteDatabase), {"__module__": __name__})


def __getattr__(name: str):
    # what this module had from peewee before it imported peewee only when used
    if name == "ShopDatabase":
        return _shop_database()
    if name == "database":
        return _load_orm()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def _orm_database(path: Path | str) -> SqliteDatabase:
    return _shop_database()(str(path), pragmas=PRAGMAS, timeout=BUSY_TIMEOUT_S, check_same_thread=False)


def _load_orm():
    from desk.core.base import database  # binds itself to the open database (dbconn.bind)

    return database


def connect(path: Path) -> SqliteDatabase:
    """A peewee database bound to every model (one connection per thread)."""
    from desk.core.base import database

    if dbconn.path() != str(path):
        dbconn.close()  # a connection opened without the ORM to another file
    db = _orm_database(path)
    database.initialize(db)
    db.connect(reuse_if_open=True)
    return db


def open_database(path: Path, backups: Path, orm: bool = True) -> SqliteDatabase | None:
    """Migrate, then connect. Raises UserError when the file cannot be used.
    `orm=False` (the app's start): a plain sqlite3 connection, which the ORM
    takes over when it is first imported (see desk.core.dbconn); returns None."""
    try:
        migrate(path, backups)
        if not orm:
            _open_without_orm(path)
            return None
    except sqlite3.DatabaseError as e:
        raise (user_error(e, path) or _unreadable(path, e)) from e
    return connect(path)


def _open_without_orm(path: Path) -> None:
    from desk.core import presets

    conn = raw_connect(path, "rw", isolation_level=None, check_same_thread=False)
    try:  # what peewee sets on its connections (ShopDatabase)
        for pragma, value in PRAGMAS.items():
            conn.execute(f"PRAGMA {pragma} = {value}")
        conn.create_function("shown_name", 3, presets.shown)
    except BaseException:
        conn.close()
        raise
    dbconn.open(str(path), conn, _orm_database, _load_orm)


@contextmanager
def scratch() -> Iterator[SqliteDatabase]:
    """An empty database of the current schema, in memory, bound to every model
    while the block runs: what a preview (a dry run) reads when the data folder
    has no database yet. Nothing is written anywhere; one thread only."""
    from desk.core.base import database

    dbconn.hand_over()  # the shop's connection is peewee's before its database is swapped
    previous = database.obj
    db = _shop_database()(":memory:", pragmas={k: v for k, v in PRAGMAS.items() if k != "journal_mode"})
    db.connect()
    conn = db.connection()
    conn.execute("BEGIN")
    for m in migrations():
        m.apply(conn)
    conn.execute(f"PRAGMA user_version = {latest_version():d}")
    conn.execute("COMMIT")
    database.initialize(db)
    try:
        yield db
    finally:
        db.close()
        database.initialize(previous)


def refresh_statistics() -> None:
    """The planner's statistics refreshed now on this thread's connection
    when the data changed (see dbconn.refresh_statistics), rather than as it
    closes: the window's closing backup then holds them, and the next close
    finds nothing changed since. Never raises (only statistics)."""
    import sys

    base = sys.modules.get("desk.core.base")
    db = base.database.obj if base is not None else None
    if getattr(db, "is_server", False) or (dbconn.path() is None and (db is None or db.is_closed())):
        return  # a shop on a server, or nothing open
    try:
        dbconn.refresh_statistics(dbconn.connection() if dbconn.path() is not None else db.connection())
    except (sqlite3.Error, UserError) as e:
        log.debug("PRAGMA optimize skipped: %s", e)


def close() -> None:
    """Close the connection; never raises for the disk (a full or read-only
    disk has already been reported by the write it refused)."""
    import sys

    dbconn.close()  # the connection opened without the ORM, when peewee never took it over
    base = sys.modules.get("desk.core.base")  # (not imported: the ORM was never used)
    db = base.database.obj if base is not None else None
    if db is not None:
        from peewee import SqliteDatabase

        if not isinstance(db, SqliteDatabase):  # a shop on a server (server.py)
            db.close()
            return
    if db is not None and not db.is_closed():
        import peewee

        try:
            # Refresh the planner's statistics where the shop's data has grown
            # (SQLite's advice for long-lived connections); nothing when nothing changed.
            dbconn.refresh_statistics(db.connection())
        except (sqlite3.Error, peewee.PeeweeException, UserError) as e:
            # only statistics: a writer beside this reader (the statistics
            # would need a write), a read-only folder, a full disk. Not worth a word.
            log.debug("PRAGMA optimize skipped: %s", e)
        try:
            db.close()
        except (sqlite3.Error, peewee.PeeweeException) as e:  # never a second error after the first
            log.warning("closing the database failed: %s", e)


def integrity_problems(path: Path, quick: bool = False) -> list[str]:
    """Everything `PRAGMA integrity_check` (with `quick`: `quick_check`, which
    reads every page but does not match indexes to their tables, about a
    sixth of the time) and `foreign_key_check` report."""
    try:
        conn = open_read_only(path)
    except sqlite3.Error as e:
        return [f"the database cannot be read: {e}"]
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


FILE_EMPTY = "the file is empty"
FILE_NOT_OURS = "the file is not a ShopDesk database"


def shop_problem(path: Path) -> str | None:
    """Why the file at `path` holds no ShopDesk data (it is empty, or another
    program's SQLite database), or None. A file SQLite cannot read at all is
    left to the integrity checks, which report it as damage. Read-only;
    raises sqlite3's error when a writer keeps it busy past the timeout."""
    try:
        if path.stat().st_size == 0:
            return FILE_EMPTY
        conn = open_read_only(path)
    except (OSError, sqlite3.Error) as e:
        if _code(e) & 0xFF in (SQLITE_BUSY, SQLITE_LOCKED):
            raise
        return None
    try:
        app_id = conn.execute("PRAGMA application_id").fetchone()[0]
        tables = conn.execute("SELECT count(*) FROM sqlite_master WHERE type = 'table'").fetchone()[0]
    except sqlite3.Error:
        return None
    finally:
        conn.close()
    if app_id != APPLICATION_ID or not tables:
        return FILE_NOT_OURS
    return None


def text_problems(path: Path, limit: int = 100) -> list[str]:
    """Rows of the shop's tables with text that is not valid UTF-8 (written
    by another program or a damaged disk): ShopDesk shows it with
    replacement characters; `check` names the row so it can be corrected."""
    from desk.core.models import ALL_MODELS

    conn = open_read_only(path)
    found: list[str] = []
    try:
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        for name in sorted(m._meta.table_name for m in ALL_MODELS):
            if name not in tables:
                continue
            conn.text_factory = TEXT_FACTORY
            info = list(conn.execute(f'PRAGMA table_info("{name}")'))
            columns = [r[1] for r in info]
            key = [f'"{r[1]}"' for r in sorted(info, key=lambda r: r[5]) if r[5]] or ["rowid"]
            picks = ", ".join(f"""CASE WHEN typeof("{c}") = 'text' THEN "{c}" END""" for c in columns)
            conn.text_factory = bytes  # the stored bytes, to be decoded strictly here
            for row in conn.execute(f'SELECT {", ".join(key)}, {picks} FROM "{name}"'):
                for column, value in zip(columns, row[len(key):], strict=True):
                    if value is None:
                        continue
                    try:
                        value.decode("utf-8")
                    except UnicodeDecodeError:
                        where = row[0] if len(key) == 1 else tuple(row[:len(key)])
                        found.append(f"{name} row {where!s}: {column} is not valid UTF-8 text "
                                     "(ShopDesk shows \ufffd in its place)")
                        if len(found) >= limit:
                            return found
        return found
    finally:
        conn.close()


def data_rows(path: Path) -> int:
    """How much shop data a database (a backup) holds: its customers,
    orders, notes and after-sales cases; 0 when it cannot be read."""
    try:
        conn = open_read_only(path)
    except sqlite3.Error:
        return 0
    try:
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        return sum(conn.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0]
                   for t in ("customer", "shop_order", "note", "aftersales_case") if t in tables)
    except sqlite3.Error:
        return 0
    finally:
        conn.close()


def quick_problems(path: Path) -> list[str]:
    """What `PRAGMA quick_check` reports (the cheap check run at start-up);
    an empty list when the file is sound. Never creates the file. An error
    that says nothing about the file's state (it cannot be opened, it is
    busy) is raised, not reported as damage. Read-only (but for rolling
    back a killed writer's hot journal, see `open_read_only`), so a damaged
    file's write-ahead log is neither folded in nor removed."""
    conn = open_read_only(path)
    try:
        return [r[0] for r in conn.execute("PRAGMA quick_check") if r[0] != "ok"]
    except sqlite3.DatabaseError as e:
        if _code(e) & 0xFF in (SQLITE_CORRUPT, SQLITE_NOTADB):
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
    problem = file_problem(path)
    if problem is not None:
        raise problem
    try:
        conn = open_read_only(path)
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
