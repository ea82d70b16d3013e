"""The shop on a PostgreSQL server (team mode): address, migrations, connection.

One schema, two engines. The numbered migrations in db/migrations run here
too: `NNNN_name.postgresql.sql` when that twin exists (the dialect SQL that
must differ: identity keys, the search indexes, functions), else the file
itself: a portable `.sql` as it is, a `.py` migration through a connection
that takes SQLite's `?` parameters. After each migration the server's columns
are brought to SQLite's rules, whatever words the file used: integers are
BIGINT (SQLite's INTEGER holds 64 bits: epoch seconds, fen) and text sorts
and compares by code point (COLLATE "C", as SQLite's BINARY), so a list, a
range or a search gives the same rows in the same order on both engines.

The server keeps the schema version in `shopdesk_schema` (one row per
migration applied), which also marks a database as a ShopDesk shop.
Migrations take an advisory lock, so two seats starting at once apply each
one once. An app older than the shop's schema refuses it.

The connection (`ServerDatabase`) words the faults a shop owner meets: the
server gone (stopped, network down) is one UserError, the transaction is
lost whole on the server (nothing half written), and the next statement
outside it connects again; a row kept locked by another seat past the lock
timeout is "busy, try again". psycopg2 is imported only here and only when
a shop is on a server.
"""

from __future__ import annotations

import logging
import re
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from importlib import import_module
from pathlib import Path

import peewee

from desk.core import db as local_db
from desk.core.base import database
from desk.core.errors import QT_TRANSLATE_NOOP, UserError
from desk.core.resources import db_file

log = logging.getLogger(__name__)

MIN_SERVER_VERSION = 150000  # PostgreSQL 15
LOCK_TIMEOUT_MS = 5000  # as SQLite's busy timeout: wait for another seat's write, then say so
CONNECT_TIMEOUT_S = 10
SCHEMA_TABLE = "shopdesk_schema"
BATCH_ROWS = 500  # rows of a bulk write sent to the server in one round trip
PREPARED_MAX = 64  # statements kept prepared on the server per connection
COPY_READ = 1 << 16  # characters of COPY text sent at a time (SqliteStyleConnection.copy_rows)
_MIGRATION_LOCK = 0x5348444B  # 'SHDK': pg_advisory_xact_lock key for migrations
SERVER_MARK = "team.json"  # what a server shop's `database` names in the data folder


# -- the server's address ------------------------------------------------------------------

@dataclass(frozen=True)
class ServerAddress:
    """Where the shop's database is: what the data folder records (no password)."""

    host: str
    port: int
    dbname: str
    user: str

    def __str__(self) -> str:
        where = self.host if not self.host.startswith("/") else f"socket {self.host}"
        return f"{self.user}@{where}:{self.port}/{self.dbname}"

    def params(self) -> dict:
        return {"host": self.host, "port": self.port, "dbname": self.dbname, "user": self.user}

    def key(self) -> str:
        """The name the password is kept under (keyring user name)."""
        return f"{self.user}@{self.host}:{self.port}/{self.dbname}"


def parse_url(url: str) -> tuple[ServerAddress, str | None]:
    """The address and the password (None: not given) in a libpq URL,
    postgresql://user:password@host:port/dbname (`?host=/path` for a socket)."""
    from psycopg2 import ProgrammingError
    from psycopg2.extensions import parse_dsn

    text = url.strip()
    if not re.match(r"^postgres(ql)?://", text):
        raise UserError(QT_TRANSLATE_NOOP(
            "UserError", "{url} is not a server address. Give it as "
            "postgresql://user@host:5432/database."), url=_hide_password(text))
    try:
        parts = parse_dsn(text)
    except ProgrammingError as e:
        raise UserError(QT_TRANSLATE_NOOP(
            "UserError", "The server address {url} cannot be read: {reason}"),
            url=_hide_password(text), reason=str(e).strip()) from None
    dbname, user = parts.get("dbname", ""), parts.get("user", "")
    if not dbname or not user:
        raise UserError(QT_TRANSLATE_NOOP(
            "UserError", "The server address {url} must name the user and the database: "
            "postgresql://user@host:5432/database."), url=_hide_password(text))
    try:
        port = int(parts.get("port") or 5432)
    except ValueError:
        raise UserError(QT_TRANSLATE_NOOP("UserError", "The port in {url} is not a number."),
                        url=_hide_password(text)) from None
    address = ServerAddress(parts.get("host") or "localhost", port, dbname, user)
    return address, parts.get("password") or None


def _hide_password(url: str) -> str:
    return re.sub(r"(://[^:/@]*:)[^@]*@", r"\1***@", url)


# -- raw connections -------------------------------------------------------------------------

def connect_params(address: ServerAddress, password: str | None = None) -> dict:
    params = dict(address.params(), connect_timeout=CONNECT_TIMEOUT_S,
                  application_name="ShopDesk",
                  # a server that vanished without closing the connection (a
                  # cable pulled) is noticed within a minute, not hours
                  keepalives=1, keepalives_idle=20, keepalives_interval=5, keepalives_count=4,
                  # plan_cache_mode: a prepared statement (execute_prepared) is
                  # planned once, at its first run. Left to itself the server
                  # plans each run again while its generic plan's estimate
                  # looks dearer, which for the search is most of the time,
                  # though the plans are the same index lookups either way.
                  options=f"-c lock_timeout={LOCK_TIMEOUT_MS} -c client_encoding=UTF8"
                          " -c plan_cache_mode=force_generic_plan")
    if password:
        params["password"] = password
    return params


class ServerUnreachable(UserError):
    """The server could not be connected to (stopped, refused, the password)."""


def unreachable(address: ServerAddress, error: BaseException) -> UserError:
    reason = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
    return ServerUnreachable(QT_TRANSLATE_NOOP(
        "UserError", "ShopDesk cannot reach the shop's server {server}: {reason}. Check that the "
        "server is running, the address and the password, and the network."),
        server=address, reason=reason)


def raw_connect(address: ServerAddress, password: str | None = None):
    """A plain psycopg2 connection (not autocommit) to the shop's server."""
    import psycopg2

    try:
        return psycopg2.connect(**connect_params(address, password))
    except psycopg2.OperationalError as e:
        raise unreachable(address, e) from None


def server_version(conn) -> int:
    return conn.server_version


def require_version(conn, address: ServerAddress) -> None:
    if server_version(conn) < MIN_SERVER_VERSION:
        v = server_version(conn)
        raise UserError(QT_TRANSLATE_NOOP(
            "UserError", "The server {server} runs PostgreSQL {version}; ShopDesk needs "
            "PostgreSQL 15 or newer. Update the server and try again."),
            server=address, version=f"{v // 10000}.{v % 10000}")


# -- migrations ------------------------------------------------------------------------------

def twin_name(m: local_db.Migration) -> str:
    return f"{m.version:04d}_{m.name}.postgresql.sql"


def _twin(m: local_db.Migration):
    path = db_file("migrations", twin_name(m))
    return path if path.is_file() else None


class MigrationConnection:
    """What a `.py` migration is handed on the server: `execute(sql, params)`
    with SQLite's `?` marks, and a cursor whose `lastrowid` is the id of the
    row an INSERT just added (through RETURNING, for a table with an id)."""

    _INSERT = re.compile(r"^\s*INSERT\s+INTO\s+(\w+)", re.I)

    def __init__(self, cursor) -> None:
        self._cur = cursor
        self._with_id: dict[str, bool] = {}

    def _has_id(self, table: str) -> bool:
        if table not in self._with_id:
            self._cur.execute("SELECT EXISTS (SELECT 1 FROM information_schema.columns"
                              " WHERE table_schema = current_schema() AND table_name = %s"
                              " AND column_name = 'id' AND is_identity = 'YES')", (table,))
            self._with_id[table] = self._cur.fetchone()[0]
        return self._with_id[table]

    def execute(self, sql: str, params=()) -> _Cursor:
        m = self._INSERT.match(sql)
        returning = m is not None and "RETURNING" not in sql.upper() and self._has_id(m.group(1))
        text = sql.replace("%", "%%").replace("?", "%s") + (" RETURNING id" if returning else "")
        self._cur.execute(text, tuple(params))
        return _Cursor(self._cur, self._cur.fetchone()[0] if returning else None)

    def executemany(self, sql: str, rows) -> _Cursor:
        self._cur.executemany(sql.replace("%", "%%").replace("?", "%s"), [tuple(r) for r in rows])
        return _Cursor(self._cur, None)


class _Cursor:
    def __init__(self, cursor, lastrowid: int | None) -> None:
        self._cur = cursor
        self.lastrowid = lastrowid

    def fetchone(self):
        return self._cur.fetchone()

    def fetchall(self):
        return self._cur.fetchall()


def apply(m: local_db.Migration, cur) -> None:
    """Run one migration on the server, inside the caller's transaction."""
    twin = _twin(m)
    if twin is not None:
        cur.execute(twin.read_text("utf-8"))
    elif m.filename.endswith(".sql"):
        for statement in local_db.split_sql(db_file("migrations", m.filename).read_text("utf-8")):
            cur.execute(statement)  # no parameters: a % in the text is only text
    else:
        module = import_module(f"desk.db.migrations.{m.filename[:-3]}")
        module.migrate(MigrationConnection(cur))
    normalise_columns(cur)


def normalise_columns(cur) -> None:
    """SQLite's rules on the server's columns: 64-bit integers, text in code
    point order. A migration written for both engines (ALTER TABLE ... ADD
    COLUMN x INTEGER) would otherwise leave a 32-bit column, or one that sorts
    by the server's language rules."""
    cur.execute("""
        SELECT c.table_name, c.column_name, c.data_type
        FROM information_schema.columns c
        JOIN information_schema.tables t
          ON t.table_schema = c.table_schema AND t.table_name = c.table_name
        WHERE c.table_schema = current_schema() AND t.table_type = 'BASE TABLE'
          AND (c.data_type IN ('integer', 'smallint')
               OR (c.data_type = 'text' AND coalesce(c.collation_name, '') <> 'C'))
        ORDER BY c.table_name, c.ordinal_position""")
    for table, column, kind in cur.fetchall():
        target = "bigint" if kind != "text" else 'text COLLATE "C"'
        cur.execute(f'ALTER TABLE "{table}" ALTER COLUMN "{column}" TYPE {target}')


def schema_version(cur) -> int | None:
    """The shop's schema version on the server; None: no ShopDesk schema."""
    cur.execute("SELECT to_regclass(%s) IS NOT NULL", (SCHEMA_TABLE,))
    if not cur.fetchone()[0]:
        return None
    cur.execute(f"SELECT coalesce(max(version), 0) FROM {SCHEMA_TABLE}")
    return cur.fetchone()[0]


def newer_schema(found: int) -> UserError:
    return UserError(QT_TRANSLATE_NOOP(
        "UserError", "The shop on the server was updated by a newer ShopDesk (schema {found}; this "
        "version knows up to {known}). Update ShopDesk on this computer to work with it."),
        found=found, known=local_db.latest_version())


def other_tables(cur) -> list[str]:
    """Tables in the database that are not the shop's (another program's data)."""
    from desk.core import team_photos
    from desk.core.models import ALL_MODELS

    ours = {m._meta.table_name for m in ALL_MODELS} | {SCHEMA_TABLE, "customer_gram",
                                                       team_photos.TABLE}
    cur.execute("""SELECT table_schema || '.' || table_name, table_name
                   FROM information_schema.tables
                   WHERE table_schema NOT IN ('pg_catalog', 'information_schema')
                   ORDER BY 1""")
    return [full for full, name in cur.fetchall() if name not in ours]


def migrate(conn) -> list[int]:
    """Bring the schema on the server up to date; the versions applied. Each
    migration is one transaction (a failure keeps the ones before it, and
    leaves nothing of its own); a newer schema is refused."""
    from desk import __version__
    from desk.core import change_counter, team_photos

    applied: list[int] = []
    conn.autocommit = False
    try:
        for m in local_db.migrations():
            with conn.cursor() as cur:
                cur.execute("SELECT pg_advisory_xact_lock(%s)", (_MIGRATION_LOCK,))
                current = schema_version(cur)
                if current is not None and current > local_db.latest_version():
                    raise newer_schema(current)
                if current is not None and current >= m.version:
                    conn.rollback()
                    continue
                if current is None:
                    cur.execute(f"""CREATE TABLE {SCHEMA_TABLE} (
                        version    BIGINT PRIMARY KEY,
                        name       TEXT NOT NULL,
                        applied_at BIGINT NOT NULL,
                        app        TEXT NOT NULL)""")
                log.info("applying migration %04d_%s on the server", m.version, m.name)
                apply(m, cur)
                if m.version == local_db.latest_version():
                    install_functions(cur)
                    team_photos.ensure_table(cur)
                    change_counter.install(cur)
                cur.execute(f"INSERT INTO {SCHEMA_TABLE} VALUES (%s, %s, %s, %s)",
                            (m.version, m.name, int(time.time()), f"ShopDesk {__version__}"))
            conn.commit()
            applied.append(m.version)
    except BaseException:
        if not conn.closed:
            conn.rollback()
        raise
    finally:
        if not conn.closed:
            conn.autocommit = False
    return applied


def install_functions(cur) -> None:
    """SQL functions the SQLite side registers from Python on each connection:
    `shown_name(kind, key, name)` (desk/core/presets.py), reading the session's
    `shopdesk.language` setting and the shipped presets' names."""
    from desk.core import presets

    rows = []
    for kind in (presets.REASON, presets.GROUP):
        for key, (zh, en) in sorted(presets.shipped(kind).items()):
            rows.append(cur.mogrify("(%s, %s, %s, %s)", (kind, key, zh, en)).decode("utf-8"))
    values = ",\n        ".join(rows)
    cur.execute(f"""
CREATE OR REPLACE FUNCTION shown_name(kind text, key text, name text) RETURNS text
LANGUAGE sql STABLE PARALLEL SAFE AS $fn$
    SELECT CASE
        WHEN coalesce(current_setting('shopdesk.language', true), '') <> 'en'
             OR $2 IS NULL OR $2 = '' OR $3 IS NULL THEN $3
        ELSE coalesce((SELECT s.en FROM (VALUES
        {values}) AS s(k, code, zh, en)
            WHERE s.k = $1 AND s.code = $2 AND s.zh = $3), $3)
    END
$fn$""")


# -- the peewee database -----------------------------------------------------------------

class ServerGone(UserError):
    """The connection to the server broke (server stopped, network down)."""


class ServerBusy(UserError):
    """Another seat kept the rows locked longer than the lock timeout."""


_GONE_CODES = ("08", "57P01", "57P02", "57P03")  # connection exceptions, admin/crash shutdown
_BUSY_CODES = ("55P03", "40P01", "40001")  # lock timeout, deadlock, serialization failure


def _pgcode(error: BaseException) -> str:
    error = getattr(error, "orig", None) or getattr(error, "__cause__", None) or error
    return getattr(error, "pgcode", None) or ""


def load_driver() -> None:
    """Hand psycopg2 to peewee, which was imported without it (desk/core/__init__.py
    keeps it off a local shop's start): what peewee's own import would have set."""
    if peewee.psycopg2 is not None:
        return
    import psycopg2
    from psycopg2 import extensions
    from psycopg2.extras import Json, register_uuid

    register_uuid()
    peewee.psycopg2, peewee.pg_extensions = psycopg2, extensions
    peewee.pg_register_uuid, peewee.Json_pg2 = register_uuid, Json
    adapter = peewee.Psycopg2Adapter
    adapter.txn_idle = extensions.TRANSACTION_STATUS_IDLE
    adapter.txn_inerror = extensions.TRANSACTION_STATUS_INERROR
    adapter.txn_unknown = extensions.TRANSACTION_STATUS_UNKNOWN


def _number(text: str | None, _cursor) -> int | float | None:
    """The server's NUMERIC as SQLite gives it: the shop's columns are all
    integers or text, so a NUMERIC is an aggregate's: sum() of integers (an
    integer, as in SQLite) or avg() (a float, as in SQLite), never Decimal,
    which the app's arithmetic with floats cannot take."""
    if text is None:
        return None
    return int(text) if text.lstrip("-").isdigit() else float(text)


def _numeric_type():
    from psycopg2 import extensions

    return extensions.new_type((1700,), "SHOPDESK_NUMBER", _number)


class ServerDatabase(peewee.PostgresqlDatabase):
    """peewee's PostgresqlDatabase with the server's faults in words.

    The server going away mid-write: the whole transaction is gone on the
    server (PostgreSQL never keeps part of one), the rollbacks peewee then
    sends are skipped, and the caller gets one ServerGone; the next statement
    outside a transaction connects again. The writer lock is the server's:
    row locks and transactions, with a lock timeout, and no lock file."""

    is_server = True  # desk.core.seat: what belongs to one seat is kept beside it

    def __init__(self, address: ServerAddress, password: str | None = None,
                 data_root: Path | str = ".", **kwargs) -> None:
        load_driver()
        self.address = address
        # `database` is a path in the seat's data folder, as a SQLite shop's
        # is, so what lives beside the database (photos/, backups/) is found
        # there; the server's database name goes to libpq as dbname.
        super().__init__(str(Path(data_root).absolute() / SERVER_MARK),
                         **connect_params(address, password), **kwargs)

    def _initialize_connection(self, conn) -> None:
        from psycopg2 import extensions

        extensions.register_type(_numeric_type(), conn)  # sums and averages as SQLite's
        self._state.language = None
        # (SQL, parameter types) -> the name prepared on this connection
        self._state.prepared = (conn, {})
        self._follow_language(conn)

    def _follow_language(self, conn) -> None:
        """The UI's language for `shown_name` in this session (it can change
        after the connection was made)."""
        from desk.core import presets

        if getattr(self._state, "language", None) != presets.language():
            with conn.cursor() as cur:
                cur.execute("SELECT set_config('shopdesk.language', %s, false)",
                            (presets.language(),))
            self._state.language = presets.language()

    def _conn_lost(self) -> bool:
        conn = self._state.conn
        return conn is not None and bool(conn.closed)

    def _gone(self, committing: bool = False) -> ServerGone:
        if committing:
            return ServerGone(QT_TRANSLATE_NOOP(
                "UserError", "The connection to the shop's server {server} broke while a change "
                "was being saved. The server keeps a change whole or not at all: reload to see "
                "whether it was saved. Check that the server is running and the network is up."),
                server=self.address)
        return ServerGone(QT_TRANSLATE_NOOP(
            "UserError", "The connection to the shop's server {server} broke, so this change was "
            "not saved (nothing of it was written). Check that the server is running and the "
            "network is up, then try again."), server=self.address)

    def _translated(self, call, *args, committing: bool = False):
        import psycopg2

        try:
            return call(*args)
        except (peewee.OperationalError, peewee.InterfaceError, peewee.DatabaseError,
                psycopg2.OperationalError, psycopg2.InterfaceError) as e:
            code = _pgcode(e)
            if self._conn_lost() or code.startswith(_GONE_CODES) or (
                    self._state.conn is None and isinstance(e, psycopg2.OperationalError)):
                log.warning("the server connection broke: %s", str(e).strip().splitlines()[:1])
                self._drop_connection()
                problem = self._gone(committing)
            elif code in _BUSY_CODES:
                problem = ServerBusy(QT_TRANSLATE_NOOP(
                    "UserError", "The shop's server is busy: another seat is changing the same "
                    "records. Nothing was changed; try again in a moment."))
            elif code == "53100":
                problem = UserError(QT_TRANSLATE_NOOP(
                    "UserError", "The shop's server {server} has no disk space left, so this change "
                    "was not saved. Ask whoever looks after the server to free some space."),
                    server=self.address)
            else:
                raise
        raise problem

    def _drop_connection(self) -> None:
        conn = self._state.conn
        if conn is not None and not conn.closed:
            try:
                conn.close()
            except Exception:  # a broken socket: nothing more to close
                pass

    def _reconnect_if_lost(self) -> None:
        """Outside a transaction, a broken connection is replaced by a new one."""
        if self._conn_lost() and self.transaction_depth() == 0:
            self._state.reset()

    def connect(self, reuse_if_open=False):
        import psycopg2

        try:
            return super().connect(reuse_if_open)
        except (peewee.OperationalError, psycopg2.OperationalError) as e:
            raise unreachable(self.address, e) from None

    def execute(self, query, **context_options):
        """A peewee query: its SQL is already the server's."""
        ctx = self.get_sql_context(**context_options)
        sql, params = ctx.sql(query).query()
        return self._run(sql, params)

    def execute_sql(self, sql, params=None):
        """Raw SQL, written the SQLite way (desk/core/dialect.py). An INSERT
        into a table with an id returns it, for sqlite3's `cursor.lastrowid`."""
        from desk.core import dialect

        text, args = dialect.to_server(sql, params)
        m = _RAW_INSERT.match(text)
        if m is None or m.group(1).lower() not in _tables_with_id() or " RETURNING " in text.upper():
            return self._run(text, args)
        return _InsertCursor(self._run(text + " RETURNING id", args))

    def execute_prepared(self, sql, params=None):
        """Raw SQL written the SQLite way, as `execute_sql`, run as a statement
        prepared on the server: parsed and planned once per connection, then
        only executed with each call's values (PREPARE / EXECUTE). For a query
        run again and again with other values, such as the search box's per
        keystroke, where planning costs more than running. Parameters other
        than text and integers: run as `execute_sql` does."""
        from desk.core import dialect

        text, args = dialect.to_server(sql, params)
        types = tuple(_param_type(a) for a in args)
        if None in types:
            return self._run(text, args)
        if self._conn_lost():
            self._reconnect_if_lost()
        return self._translated(self._execute_prepared, text, args, types)

    def _execute_prepared(self, text, args, types):
        if self.is_closed():
            self.connect()
        conn, prepared = getattr(self._state, "prepared", (None, None))
        if conn is not self._state.conn:  # a session's statements are its own
            prepared = {}
            self._state.prepared = (self._state.conn, prepared)
        name = prepared.get((text, types))
        if name is None:
            if len(prepared) >= PREPARED_MAX:
                self._execute_following_language("DEALLOCATE ALL", ())
                prepared.clear()
            name = f"shopdesk_{len(prepared) + 1}"
            marks = iter(range(1, len(args) + 1))
            body = _MARK.sub(lambda m: m.group() if m.group() == "%%" else f"${next(marks)}", text)
            self._execute_following_language(
                f"PREPARE {name}" + (f" ({', '.join(types)})" if types else "") + f" AS {body}", ())
            prepared[(text, types)] = name
        return self._execute_following_language(
            f"EXECUTE {name}" + (f" ({', '.join(['%s'] * len(args))})" if args else ""), args)

    def _run(self, sql, params):
        if self._conn_lost():
            if sql.startswith(("ROLLBACK", "RELEASE")):
                return None  # the server already dropped the transaction
            self._reconnect_if_lost()
        try:
            return self._translated(self._execute_following_language, sql, params)
        except UnicodeEncodeError:  # a lone surrogate no text cleaning saw (a lookup key):
            pass  # refused before anything reached the server, as on SQLite (desk/core/db.py)
        raise UserError(QT_TRANSLATE_NOOP(
            "UserError", "The text holds bytes that are not valid UTF-8 (from a terminal or a file "
            "in another encoding?), so it cannot be used. Type it again."))

    def _execute_following_language(self, sql, params):
        if self.is_closed():
            self.connect()
        self._follow_language(self._state.conn)
        return super().execute_sql(sql, params)

    def connection(self):
        """What code written for sqlite3's connection calls (execute,
        executemany, in_transaction), on the server."""
        return SqliteStyleConnection(self)

    def begin(self, isolation_level=None):
        self._reconnect_if_lost()
        return self._translated(super().begin, isolation_level)

    def commit(self):
        return self._translated(super().commit, committing=True)

    def rollback(self):
        if self._conn_lost() or self.is_closed():
            return None
        return self._translated(super().rollback)

    def close(self):
        if self._conn_lost():
            self._state.reset()
            return True
        return super().close()


_RAW_INSERT = re.compile(r"^\s*INSERT\s+INTO\s+(\w+)", re.I)
_MARK = re.compile(r"%[s%]")  # psycopg2's parameter mark, and its escaped %


def _param_type(value) -> str | None:
    """The server's type for a prepared statement's parameter (None: not prepared)."""
    if isinstance(value, str):
        return "text"
    if isinstance(value, int) and not isinstance(value, bool):
        return "integer" if -2**31 <= value < 2**31 else "bigint"
    if isinstance(value, list) and all(type(v) is int for v in value):
        return "bigint[]"  # a list of ids (json_each's list on SQLite)
    return None
# INSERT ... VALUES (one row's marks) [ON CONFLICT DO NOTHING]: rows, template, suffix
_VALUES = re.compile(r"^(\s*INSERT\s.*?\bVALUES\s*)(\((?:[^()']|'[^']*')*\))"
                     r"(\s+ON CONFLICT DO NOTHING)?\s*$", re.I | re.S)


def _tables_with_id() -> frozenset[str]:
    from desk.core.models import ALL_MODELS

    return frozenset(m._meta.table_name for m in ALL_MODELS
                     if isinstance(m._meta.primary_key, peewee.AutoField))


class _InsertCursor:
    """psycopg2's cursor of an INSERT ... RETURNING id, with sqlite3's
    `lastrowid` (the last id inserted) and `rowcount`."""

    def __init__(self, cursor) -> None:
        self._cursor = cursor
        rows = cursor.fetchall()
        self.lastrowid = rows[-1][0] if rows else None
        self.rowcount = cursor.rowcount

    def fetchone(self):
        return None

    def fetchall(self):
        return []

    def __iter__(self):
        return iter(())


class SqliteStyleConnection:
    """The parts of sqlite3.Connection the app's bulk writes use, on the server."""

    def __init__(self, db: ServerDatabase) -> None:
        self._db = db

    def execute(self, sql: str, params=()):
        return self._db.execute_sql(sql, params)

    def execute_prepared(self, sql: str, params=()):
        """`execute`, as a statement prepared on the server (ServerDatabase.execute_prepared)."""
        return self._db.execute_prepared(sql, params)

    def executemany(self, sql: str, rows):
        from desk.core import dialect

        rows = list(rows)
        if not rows:
            return None
        text, _ = dialect.to_server(sql, rows[0])
        if "json_each" in sql.lower():  # a list in one parameter becomes an array
            converted = [dialect.to_server(sql, r)[1] for r in rows]
        else:  # the parameters stay as they are: read the SQL once, not per row
            converted = [tuple(r) for r in rows]

        values = _VALUES.match(text)

        def run():
            from psycopg2.extras import execute_batch, execute_values

            cursor = self._db.cursor()
            # psycopg2's executemany sends one statement per row (100,000
            # order rows took 10x SQLite's time): an INSERT goes as one
            # statement of many rows, anything else many statements at a time
            if values is not None:
                execute_values(cursor, values.group(1) + "%s" + (values.group(3) or ""), converted,
                               template=values.group(2), page_size=BATCH_ROWS)
            else:
                execute_batch(cursor, text, converted, page_size=BATCH_ROWS)
            return cursor

        if self._db._conn_lost():
            self._db._reconnect_if_lost()
        return self._db._translated(_wrapped, run)

    def copy_rows(self, table: str, columns: Sequence[str], rows: Iterable[Sequence]) -> None:
        """Insert `rows` into `table` by one COPY, the text made as it is
        sent: no SQL to build or parse per row (an order import's new rows,
        their ids taken from the table's sequence beforehand)."""
        from desk.core import bulkcopy

        sql = f"COPY {table} ({', '.join(columns)}) FROM STDIN"

        def run():
            self._db.cursor().copy_expert(sql, bulkcopy.Reader(rows), size=COPY_READ)

        if self._db._conn_lost():
            self._db._reconnect_if_lost()
        self._db._translated(_wrapped, run)

    @property
    def in_transaction(self) -> bool:
        return self._db.transaction_depth() > 0


def _wrapped(run):
    with peewee.__exception_wrapper__:
        return run()


def check_schema(address: ServerAddress, password: str | None = None) -> int:
    """The shop's schema version on the server, refusing a database with no
    ShopDesk shop or a newer one."""
    conn = raw_connect(address, password)
    try:
        return shop_version(conn, address)
    finally:
        conn.close()


def shop_version(conn, address: ServerAddress) -> int:
    """The schema version of the shop `conn` reaches (its transaction ended
    after reading it), the server's own version checked first; a database
    with no ShopDesk shop, or with a newer schema than this ShopDesk's,
    refused."""
    require_version(conn, address)
    with conn.cursor() as cur:
        version = schema_version(cur)
    conn.rollback()
    if version is None:
        raise no_shop(address)
    if version > local_db.latest_version():
        raise newer_schema(version)
    return version


def no_shop(address: ServerAddress) -> UserError:
    return UserError(QT_TRANSLATE_NOOP(
        "UserError", "The database {server} holds no ShopDesk shop. Make one there first with: "
        "shopdesk team init postgresql://..."), server=address)


def connect(address: ServerAddress, password: str | None = None,
            data_root: Path | str = ".") -> ServerDatabase:
    """A peewee database on the server bound to every model. An older schema
    is brought up to date first; a newer one or none is refused."""
    version = check_schema(address, password)
    if version < local_db.latest_version():
        conn = raw_connect(address, password)
        try:
            migrate(conn)
        finally:
            conn.close()
    db = ServerDatabase(address, password, data_root)
    database.initialize(db)
    db.connect(reuse_if_open=True)
    return db
