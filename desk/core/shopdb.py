"""peewee's database for a shop: `ShopDatabase`, with the connection
settings of desk.core.db and disk errors turned into StorageError. Kept
apart from db.py so that opening a database does not import peewee."""

from __future__ import annotations

import logging
import sqlite3

import peewee
from peewee import SqliteDatabase

from desk.core import dbconn
from desk.core.db import BUSY_TIMEOUT_S, PRAGMAS, TEXT_FACTORY, storage_error
from desk.core.errors import QT_TRANSLATE_NOOP, UserError

log = logging.getLogger("desk.core.db")


class ShopDatabase(SqliteDatabase):
    """peewee's SqliteDatabase with disk errors turned into StorageError.

    SQLite rolls the whole transaction back by itself on a full disk; the
    rollback peewee then sends finds no transaction, and must not hide the
    StorageError behind its own error."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        from desk.core import presets

        # preset names in the UI's language, for lists that sort and filter in SQL
        self.register_function(presets.shown, "shown_name", 3)

    def _connect(self):
        # the connection opened at start-up without the ORM, on its thread
        conn = dbconn.take(self.database)
        if conn is None:
            return super()._connect()
        self._add_conn_hooks(conn)
        return conn

    def _add_conn_hooks(self, conn: sqlite3.Connection) -> None:
        conn.text_factory = TEXT_FACTORY
        super()._add_conn_hooks(conn)

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


def shop_database(path) -> ShopDatabase:
    """The ShopDatabase of the file at `path` (one connection per thread)."""
    return ShopDatabase(str(path), pragmas=PRAGMAS, timeout=BUSY_TIMEOUT_S, check_same_thread=False)
