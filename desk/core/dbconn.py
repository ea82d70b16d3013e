"""The open shop database's connection, without the ORM.

The app opens its database before the first paint with a plain sqlite3
connection (`open`): reading the settings and the Today page's lists needs
no ORM, and importing peewee and the models costs start-up time. The first
import of `desk.core.base` (any model, any write) binds the ORM to the same
database (`path`), and on the thread that opened it, peewee takes over this
very connection (`take`) instead of opening another one: one connection per
thread, as before.

Code that only reads with SQL gets its connection here (`connection`,
`execute`): the start-up connection on the thread that opened it while the
ORM has not taken it over, else peewee's connection of the calling thread.
"""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

_path: str | None = None  # the database open through `open`, for the ORM to bind to
_raw: sqlite3.Connection | None = None  # the connection until peewee takes it over
_owner: int | None = None  # the thread that opened it


def configure(conn: sqlite3.Connection) -> None:
    """What every connection to a shop database gets besides the connect
    arguments: the pragmas, the forgiving text factory, and the functions
    the SQL of the lists calls."""
    from desk.core import db, presets

    conn.text_factory = db.TEXT_FACTORY
    for pragma, value in db.PRAGMAS.items():
        conn.execute(f"PRAGMA {pragma} = {value}")
    # preset names in the UI's language, for lists that sort and filter in SQL
    conn.create_function("shown_name", 3, presets.shown)


def open(path: Path | str) -> None:  # noqa: A001 - the database is opened, as with a file
    """Connect to the (migrated) database at `path` without the ORM; the
    ORM binds to it when first imported."""
    global _path, _raw, _owner
    from desk.core import db

    close()
    conn = db.raw_connect(path, "rw", isolation_level=None, check_same_thread=False)
    try:
        configure(conn)
    except BaseException:
        conn.close()
        raise
    _path, _raw, _owner = str(path), conn, threading.get_ident()


def path() -> str | None:
    """The database `open` connected to (None when none, or after `close`)."""
    return _path


def take(database: str) -> sqlite3.Connection | None:
    """The start-up connection to `database`, handed to peewee on the thread
    that opened it (once); None anywhere else."""
    global _raw
    if _raw is None or database != _path or threading.get_ident() != _owner:
        return None
    conn, _raw = _raw, None
    return conn


def connection() -> sqlite3.Connection:
    """The calling thread's connection to the open database."""
    if _raw is not None and threading.get_ident() == _owner:
        return _raw
    from desk.core.base import database  # binds the ORM to the open database

    return database.connection()


def execute(sql: str, params: tuple | list = ()) -> sqlite3.Cursor:
    """Run one statement on the calling thread's connection (through peewee,
    with its translation of disk errors, once the ORM is in use)."""
    if _raw is not None and threading.get_ident() == _owner:
        return _raw.execute(sql, params)
    from desk.core.base import database

    return database.execute_sql(sql, params)


def hand_over() -> None:
    """Let peewee take over the start-up connection now (before the ORM's
    database is swapped, as `db.scratch` does)."""
    if _raw is not None and threading.get_ident() == _owner:
        from desk.core.base import database

        database.connection()


def close() -> None:
    """Close the start-up connection if peewee never took it over (the
    statistics refreshed first, as `db.close` does), and forget the path."""
    global _path, _raw, _owner
    conn, _path, _raw, _owner = _raw, None, None, None
    if conn is None:
        return
    try:
        conn.execute("PRAGMA optimize")
    except sqlite3.Error:
        pass  # only statistics (see db.close)
    try:
        conn.close()
    except sqlite3.Error:
        pass
