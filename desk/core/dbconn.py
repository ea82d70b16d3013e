"""The open shop database's connection, without the ORM.

The app opens its database before the first paint with a plain sqlite3
connection (`desk.core.db.open_database(..., orm=False)`, which registers it
here): reading the settings and the Today page's lists needs no ORM, and
importing peewee and the models costs start-up time. The first import of
`desk.core.base` (any model, any write) binds the ORM to the same database
(`bind`), and on the thread that opened it, peewee takes over this very
connection (`take`) instead of opening another one: one connection per
thread, as before.

Code that only reads with SQL gets its connection here (`connection`,
`execute`): the start-up connection on the thread that opened it while the
ORM has not taken it over, else the ORM's connection of the calling thread.

This module imports nothing of ShopDesk's: db.py (which opens the
connection) and base.py (the ORM) both build on it, and hand it what it
needs of theirs when they register.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Callable
from typing import Any

_path: str | None = None  # the database opened without the ORM
_raw: sqlite3.Connection | None = None  # its connection, until peewee takes it over
_owner: int | None = None  # the thread that opened it
_orm_database: Callable[[str], Any] | None = None  # path -> the ORM's database for it (db.py)
_load_orm: Callable[[], Any] | None = None  # imports the ORM, returns its database proxy (db.py)
_orm: Any = None  # the ORM's database proxy, once desk.core.base is imported
_opened: dict[int, int] = {}  # id(connection) -> its PRAGMA data_version when opened (see noted)
_REFRESHED = -1


def open(path: str, conn: sqlite3.Connection, orm_database: Callable[[str], Any],  # noqa: A001
         load_orm: Callable[[], Any]) -> None:
    """Register `conn`, a configured connection to the database at `path`,
    opened on this thread. `orm_database(path)` makes the ORM's database for
    it; `load_orm()` imports the ORM and returns its database proxy."""
    global _path, _raw, _owner, _orm_database, _load_orm
    close()
    _path, _raw, _owner = path, conn, threading.get_ident()
    noted(conn)
    _orm_database, _load_orm = orm_database, load_orm
    if _orm is not None:  # the ORM is loaded already (a restore reopens the database)
        bind(_orm)


def path() -> str | None:
    """The database registered by `open` (None when none, or after `close`)."""
    return _path


def bind(database: Any) -> None:
    """desk.core.base, when imported: its proxy `database` uses the database
    opened without the ORM (if one is)."""
    global _orm
    _orm = database
    if _path is not None and _orm_database is not None:
        database.initialize(_orm_database(_path))


def take(database: str) -> sqlite3.Connection | None:
    """The start-up connection to `database`, handed to peewee on the thread
    that opened it (once); None anywhere else."""
    global _raw
    if _raw is None or database != _path or threading.get_ident() != _owner:
        return None
    conn, _raw = _raw, None
    return conn


def _start_connection() -> sqlite3.Connection | None:
    return _raw if _raw is not None and threading.get_ident() == _owner else None


def _orm_proxy() -> Any:
    if _orm is None and _load_orm is not None:
        _load_orm()  # imports desk.core.base, which binds itself (bind)
    if _orm is None:
        raise RuntimeError("no database is open")
    return _orm


def connection() -> sqlite3.Connection:
    """The calling thread's connection to the open database."""
    conn = _start_connection()
    return conn if conn is not None else _orm_proxy().connection()


def execute(sql: str, params: tuple | list = ()) -> sqlite3.Cursor:
    """Run one statement on the calling thread's connection (through peewee,
    with its translation of disk errors, once the ORM has the connection)."""
    conn = _start_connection()
    return conn.execute(sql, params) if conn is not None else _orm_proxy().execute_sql(sql, params)


def hand_over() -> None:
    """Let peewee take over the start-up connection now (before the ORM's
    database is swapped, as `db.scratch` does)."""
    if _start_connection() is not None:
        _orm_proxy().connection()


def close() -> None:
    """Close the start-up connection if peewee never took it over (the
    statistics refreshed first, as `db.close` does), and forget the database."""
    global _path, _raw, _owner, _orm_database, _load_orm
    conn = _raw
    _path, _raw, _owner, _orm_database, _load_orm = None, None, None, None, None
    if conn is None:
        return
    try:
        refresh_statistics(conn)
    except sqlite3.Error:
        pass  # only statistics (see db.close)
    forget(conn)
    try:
        conn.close()
    except sqlite3.Error:
        pass


def noted(conn: sqlite3.Connection) -> None:
    """Remember where `conn`, just opened (or just taken over by the ORM),
    found the database, so that closing it can tell whether anything was
    written. Keyed by id: an entry a connection closed without `forget`
    left behind is replaced, never read for another connection."""
    _opened[id(conn)] = conn.execute("PRAGMA data_version").fetchone()[0]


def forget(conn: sqlite3.Connection) -> None:
    _opened.pop(id(conn), None)


def refresh_statistics(conn: sqlite3.Connection) -> None:
    """`PRAGMA optimize` (SQLite's advice before closing a long-lived
    connection), once per connection, and only when the data changed since
    it opened: written through it, or committed by another connection (a
    worker thread, another process). SQLite 3.40's optimize analyses again
    every table with an empty partial index (the customers' trash, reissue
    tracking numbers), which rewrites the statistics, and so the file, on
    every close: the closing backup would then copy an unchanged shop each
    time the app closes."""
    opened = _opened.get(id(conn))
    if opened == _REFRESHED:
        return
    _opened[id(conn)] = _REFRESHED
    if (opened is not None and conn.total_changes == 0
            and conn.execute("PRAGMA data_version").fetchone()[0] == opened):
        return
    conn.execute("PRAGMA optimize")
