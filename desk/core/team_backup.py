"""Scheduled backups of a shop on a server, and check / info / restore from a team seat.

**Which seat backs up.** Every seat of a team shop could write a backup on
close and every few hours, but three seats writing three backups of the same
shop helps no one. One seat takes the shop's scheduled backups: the seat that
ran `team init`, by default; any seat can take the role or give it up (its
`seat.json`, key `takes_backups`; Settings > Team). A seat without the role
never runs the schedule. Two seats that both hold it do not back up twice
either: whether a backup is due is read from the server (below), which any
backup of the shop, on whichever seat, brings up to date.

**What the server remembers.** Each backup taken on a team seat is recorded
in the shop's own `setting` table (key `team.last_backup`): when, which seat
(its staff name and computer), the file, and the shop's change mark at the
time. Every seat shows it in Settings > Team ("last backup 14:02 by 小王's
seat"), and warns when no seat has backed up for more than a day.

**Changed since the last backup** cannot be a file's modification time on a
server. The server keeps a change counter (desk/core/change_counter.py): a sequence that a statement-level
trigger on every table of the shop advances (INSERT, UPDATE, DELETE and
TRUNCATE; one `nextval` per statement, whatever the number of rows, and a
sequence never blocks another seat). A backup records the counter as it was
just before its snapshot; the shop has changed since when the counter has
moved on. Writing the record itself does not count (its transaction sets
`shopdesk.quiet`). A write rolled back still moves the counter: one backup
more, never one less. (A statement run just before the snapshot whose
transaction commits just after it is in neither: the next change brings it
into the next backup.)

The schedule's rules are the local shop's (desk/core/backup.py): on close
when changed, every `backup_every_hours` while open when changed, thinned
with `backup.thin`. The files are written as export_local writes them
(`FILE.<pid>.part`, renamed into place once checked), so a server gone in
the middle leaves no file in backups/, only a message in words.
"""

from __future__ import annotations

import json
import logging
import socket
import threading
from collections.abc import Callable
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path

from desk.core import change_counter, seat, server, team_move, team_photos, timeutil
from desk.core.errors import QT_TRANSLATE_NOOP
from desk.core.paths import DataDir

log = logging.getLogger(__name__)

SEAT_KEY = seat.TAKES_BACKUPS  # in seat.json: "yes" / "no"
RECORD_KEY = team_move.BACKUP_RECORD  # in the shop's setting table, JSON; not in a backup
CHANGE_SEQ = change_counter.SEQUENCE
QUIET = change_counter.QUIET
STALE = timedelta(days=1)  # no backup of the shop for longer: every seat says so
CLOSE_WAIT_S = 60.0  # the closing backup may keep a closing app this long, no longer

Progress = Callable[[str], None]


# -- the seat's role ------------------------------------------------------------------------------

def takes_backups(data: DataDir) -> bool:
    """Whether this seat runs the shop's scheduled backups."""
    return seat.get(data.root, SEAT_KEY) == "yes"


def set_takes_backups(data: DataDir, on: bool) -> None:
    seat.put(data.root, {SEAT_KEY: "yes" if on else "no"})


def _staff(data: DataDir) -> str:
    """The seat's staff name (settings' `handler`, kept in seat.json as JSON)."""
    raw = seat.get(data.root, "handler")
    try:
        name = json.loads(raw) if raw else ""
    except ValueError:
        return ""
    return name if isinstance(name, str) else ""


# -- the change counter on the server ------------------------------------------------------------

def _ensure_tracking(conn) -> bool:
    """Install the counter on a shop made before it (once); whether every
    table has it. Another seat in the middle of a write holds a table the
    triggers need longer than the lock timeout: left for the next time
    (meanwhile the shop counts as changed, so a backup is taken rather than
    skipped)."""
    import psycopg2

    with conn.cursor() as cur:
        cur.execute("SELECT to_regclass(%s) IS NOT NULL", (CHANGE_SEQ,))
        missing = not cur.fetchone()[0] or change_counter.untracked(cur)
    if not missing:
        conn.rollback()
        return True
    try:
        with conn.cursor() as cur:
            team_photos.ensure_table(cur)
            change_counter.install(cur)
        conn.commit()
        log.info("the server shop's change counter installed")
        return True
    except psycopg2.Error as e:
        if getattr(e, "pgcode", None) not in server._BUSY_CODES or conn.closed:
            raise
        conn.rollback()
        log.info("the change counter was not installed now (a seat is writing): %s",
                 str(e).strip()[:200])
        return False


def change_mark(cur) -> int:
    """The shop's change counter now (0: nothing counted yet; -1: the shop
    has no counter yet, which counts as changed)."""
    cur.execute("SELECT to_regclass(%s) IS NOT NULL", (CHANGE_SEQ,))
    if not cur.fetchone()[0]:
        return -1
    cur.execute(f"SELECT CASE WHEN is_called THEN last_value ELSE 0 END FROM {CHANGE_SEQ}")
    return int(cur.fetchone()[0])


def _changed(last: LastBackup | None, mark: int) -> bool:
    return last is None or mark < 0 or last.mark != mark


# -- the record of the last backup -------------------------------------------------------------

@dataclass(frozen=True)
class LastBackup:
    at: int  # epoch seconds
    staff: str  # the seat's staff name ("" when it has none)
    host: str  # the seat's computer
    file: str  # the backup's file name on that seat
    reason: str
    mark: int  # the change counter just before its snapshot (-1: count as changed)

    @classmethod
    def parse(cls, text: str | None) -> LastBackup | None:
        try:
            d = json.loads(text) if text else None
            return cls(int(d["at"]), str(d.get("staff", "")), str(d.get("host", "")),
                       str(d.get("file", "")), str(d.get("reason", "")), int(d.get("mark", -1)))
        except (ValueError, TypeError, KeyError, AttributeError):
            return None  # damaged by hand: as if there were none

    def text(self) -> str:
        return json.dumps({"at": self.at, "staff": self.staff, "host": self.host, "file": self.file,
                           "reason": self.reason, "mark": self.mark}, ensure_ascii=False)


def _read_record(cur) -> LastBackup | None:
    cur.execute("SELECT value FROM setting WHERE key = %s", (RECORD_KEY,))
    row = cur.fetchone()
    return LastBackup.parse(row[0]) if row else None


def _write_record(conn, record: LastBackup) -> None:
    with conn.cursor() as cur:
        cur.execute(f"SET LOCAL {QUIET} = 'on'")  # the record is not a change of the shop
        cur.execute("INSERT INTO setting (key, value, updated_at) VALUES (%s, %s, %s)"
                    " ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value,"
                    " updated_at = EXCLUDED.updated_at", (RECORD_KEY, record.text(), record.at))
    conn.commit()


# -- talking to the server ----------------------------------------------------------------------

@contextmanager
def _server(data: DataDir, migrate: bool = True):
    """(setup, psycopg2 connection) to the data folder's server shop, its
    schema this ShopDesk's (brought up to date; with `migrate` False, as it
    is: check and info only look); a connection that breaks, or rows another
    seat holds past the lock timeout, said in words."""
    import psycopg2

    setup = team_move._setup(data)
    conn = team_move._server_connection(setup) if migrate else _looking_connection(setup)
    try:
        yield setup, conn
    except psycopg2.Error as e:
        code = getattr(e, "pgcode", None) or ""
        if conn.closed or not code or code.startswith(("08", "57P")):
            raise server.unreachable(setup.address, e) from None
        if code in server._BUSY_CODES:
            raise server.ServerBusy(QT_TRANSLATE_NOOP(
                "UserError", "The shop's server is busy: another seat is changing the same "
                "records. Nothing was changed; try again in a moment.")) from None
        raise
    finally:
        team_move._close(conn, rollback=True)


def _looking_connection(setup):
    """A connection to the server shop that changes nothing: a newer schema
    or none refused, an older one left as it is."""
    from desk.core import team

    conn = server.raw_connect(setup.address, team.password(setup))
    try:
        server.shop_version(conn, setup.address)
    except BaseException:
        conn.close()
        raise
    return conn


@dataclass(frozen=True)
class State:
    """What the server says about the shop's backups."""

    last: LastBackup | None
    made_at: int | None  # when the shop was made on the server (epoch seconds)
    changed: bool  # since the last backup (True when there was none)

    def stale(self, now: int | None = None) -> bool:
        """No seat has backed the shop up for more than STALE (a shop made
        less than that ago is not stale yet)."""
        since = self.last.at if self.last is not None else self.made_at
        now = _epoch() if now is None else now
        return since is not None and now - since > STALE.total_seconds()


def _epoch() -> int:
    return timeutil.to_epoch(timeutil.now())


def state(data: DataDir) -> State:
    with _server(data) as (_setup, conn):
        counted = _ensure_tracking(conn)
        with conn.cursor() as cur:
            last = _read_record(cur)
            mark = change_mark(cur) if counted else -1
            cur.execute(f"SELECT min(applied_at) FROM {server.SCHEMA_TABLE}")
            made = cur.fetchone()[0]
        return State(last, made, _changed(last, mark))


# -- taking backups -------------------------------------------------------------------------------

def take(data: DataDir, reason: str = "manual", out: Path | None = None,
         progress: Progress | None = None) -> Path:
    """A backup of the server shop from this seat (team_move.backup_now:
    backups/ and thinned, or `out`), recorded on the server as the shop's
    last backup."""
    return _recorded(data, reason, lambda: team_move.backup_now(data, out, reason=reason,
                                                                progress=progress))


def take_archive(data: DataDir, out: Path):
    """The full archive (database and every photo: team_move.write_archive),
    recorded on the server as the shop's last backup; its ArchiveResult."""
    done = []

    def write() -> Path:
        done.append(team_move.write_archive(data, out))
        return done[0].path

    _recorded(data, "manual", write)
    return done[0]


def _recorded(data: DataDir, reason: str, write: Callable[[], Path]) -> Path:
    import psycopg2

    with _server(data) as (setup, conn):
        counted = _ensure_tracking(conn)
        with conn.cursor() as cur:
            # before the export's snapshot: a change after it counts
            mark = change_mark(cur) if counted else -1
        conn.rollback()
        path = write()
        record = LastBackup(_epoch(), _staff(data), socket.gethostname(), path.name, reason, mark)
        try:
            _write_record(conn, record)
        except psycopg2.Error as e:  # the backup is written and checked: it stays
            log.warning("backup %s written, but not recorded on the server: %s", path.name,
                        str(e).strip()[:200])
    return path


def backup_if_due(data: DataDir, reason: str, every: timedelta | None = None,
                  now: int | None = None, progress: Progress | None = None) -> Path | None:
    """The scheduled backup, on the seat that takes them: when the shop changed
    since the last backup (any seat's) and (with `every`) that one is at least
    `every` old; None when none was needed or this seat does not take them."""
    if not takes_backups(data):
        return None
    found = state(data)
    if not found.changed:
        return None
    now = _epoch() if now is None else now
    if every is not None and found.last is not None and now - found.last.at < every.total_seconds():
        return None
    return take(data, reason, progress=progress)


class _TooLate(Exception):
    """The closing backup ran past its time: given up."""


def close_backup(data: DataDir, wait_s: float = CLOSE_WAIT_S) -> Path | None:
    """The closing backup, waited for at most `wait_s` seconds: a slow or
    silent server never keeps the app from closing. A backup still running
    then is given up (its unfinished file is removed, or cleared by the next
    backup) and the log says so; a failure is logged. The backup, or None."""
    stop = threading.Event()
    outcome: dict = {}

    def give_up_if_late(_text: str) -> None:
        if stop.is_set():
            raise _TooLate

    def run() -> None:
        try:
            outcome["path"] = backup_if_due(data, "close", progress=give_up_if_late)
        except _TooLate:
            log.warning("the closing backup of the server shop took longer than %.0f s: given up",
                        wait_s)
        except Exception as e:  # noqa: BLE001 - closing goes on; the log keeps the reason
            outcome["error"] = e
            log.warning("the closing backup of the server shop failed: %s", e)

    worker = threading.Thread(target=run, name="closing-backup", daemon=True)
    worker.start()
    worker.join(wait_s)
    if worker.is_alive():
        stop.set()
        worker.join(5)
        log.warning("closing without the closing backup: the server did not finish it within %.0f s",
                    wait_s)
        return None
    return outcome.get("path")


# -- restore into the server shop ----------------------------------------------------------------

@dataclass
class ServerRestore:
    kept: Path  # the backup of the server shop taken first
    moved: team_move.MoveResult = field(default_factory=team_move.MoveResult)


def restore(data: DataDir, source: Path | str, progress: Progress | None = None) -> ServerRestore:
    """Replace the server shop's contents with a backup (a .sqlite3 backup or
    a full .zip archive), in one server transaction, after a backup of the
    server shop as it is (reason "restore"). The backup's photos are added
    to the server's; the photos already there stay (they are content
    addressed: an older backup's cases may still show them). Every seat
    reloads. A backup that is refused changes nothing and takes no backup."""
    import tempfile

    source = Path(source).expanduser().absolute()
    kept: list[Path] = []

    def first() -> None:
        kept.append(take(data, "restore", progress=progress))

    with tempfile.TemporaryDirectory(prefix="shopdesk-restore-") as none:
        moved = team_move.move_from_local(data, source, replace=True, photos=Path(none),
                                          progress=progress, before_replace=first,
                                          keep_photos=True)
    # the shop now is not what the last backup holds: the schedule takes the next one
    with _server(data) as (_setup, conn):
        _write_record(conn, LastBackup(_epoch(), _staff(data), socket.gethostname(), kept[0].name,
                                       "restore", -1))
    return ServerRestore(kept[0], moved)


# -- check and info ---------------------------------------------------------------------------------

def check(data: DataDir, thorough: bool = False) -> list[str]:
    """What is wrong with the server shop, one line each (empty: nothing):
    the schema version and its migrations, the foreign keys, the short-gram
    search table against the customers, and (thorough) every stored photo's
    bytes against its checksum. Read only."""
    from desk.core import db as local_db

    problems: list[str] = []
    with _server(data, migrate=False) as (_setup, conn):
        conn.set_session(isolation_level="REPEATABLE READ", readonly=True)
        with conn.cursor() as cur:
            version = server.schema_version(cur)
            latest = local_db.latest_version()
            if version != latest:
                problems.append(f"schema version {version}, this ShopDesk's is {latest}")
            cur.execute(f"SELECT version FROM {server.SCHEMA_TABLE}")
            applied = {r[0] for r in cur.fetchall()}
            for m in local_db.migrations():
                if m.version <= (version or 0) and m.version not in applied:
                    problems.append(f"migration {m.version:04d}_{m.name} is not recorded as applied")
            problems += _foreign_key_problems(cur)
            problems += _gram_problems(cur)
            cur.execute(f"SELECT to_regclass('{team_photos.TABLE}') IS NOT NULL")
            if thorough and cur.fetchone()[0]:
                cur.execute(f"SELECT sha256 FROM {team_photos.TABLE}"
                            " WHERE encode(sha256(data), 'hex') <> sha256"
                            " OR octet_length(data) <> size_bytes ORDER BY sha256")
                problems += [f"photo {r[0]} on the server does not match its checksum"
                             for r in cur.fetchall()]
    return problems


def _foreign_key_problems(cur) -> list[str]:
    """Rows pointing at a row that is not there, by every foreign key the
    server's schema declares (whether or not the server still enforces it)."""
    cur.execute("""
        SELECT c.conrelid::regclass::text, c.confrelid::regclass::text,
               array_agg(a.attname ORDER BY k.i), array_agg(af.attname ORDER BY k.i),
               c.convalidated
        FROM pg_constraint c
        CROSS JOIN LATERAL unnest(c.conkey, c.confkey) WITH ORDINALITY AS k(col, fcol, i)
        JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.col
        JOIN pg_attribute af ON af.attrelid = c.confrelid AND af.attnum = k.fcol
        WHERE c.contype = 'f' AND c.connamespace = current_schema()::regnamespace
        GROUP BY c.oid, c.conrelid, c.confrelid, c.convalidated
        ORDER BY 1, 2""")
    problems = []
    for child, parent, cols, fcols, validated in cur.fetchall():
        present = " AND ".join(f'c."{col}" IS NOT NULL' for col in cols)
        match = " AND ".join(f'p."{f}" = c."{col}"' for col, f in zip(cols, fcols, strict=True))
        cur.execute(f"SELECT count(*) FROM {child} c WHERE {present}"
                    f" AND NOT EXISTS (SELECT 1 FROM {parent} p WHERE {match})")
        missing = cur.fetchone()[0]
        if missing:
            problems.append(f"{missing} row(s) of {child} point at a missing {parent} "
                            f"({', '.join(cols)})")
        elif not validated:
            problems.append(f"the server does not hold {child} ({', '.join(cols)}) to {parent}")
    return problems


def _gram_problems(cur) -> list[str]:
    """The short-gram table against what the customers' names make."""
    made = "SELECT g, c.id FROM customer c, customer_grams(c.nickname, c.real_name) AS g"
    kept = "SELECT gram, customer_id FROM customer_gram"
    cur.execute(f"SELECT (SELECT count(*) FROM ({made} EXCEPT {kept}) AS x),"
                f" (SELECT count(*) FROM ({kept} EXCEPT {made}) AS y)")
    missing, extra = cur.fetchone()
    problems = []
    if missing:
        problems.append(f"the short-search table lacks {missing} piece(s) of customers' names")
    if extra:
        problems.append(f"the short-search table holds {extra} piece(s) no customer's name has")
    return problems


def info(data: DataDir) -> dict:
    """The server shop as `shopdesk info` shows it."""
    from desk.core import db as local_db
    from desk.core.models import ALL_MODELS

    with _server(data, migrate=False) as (setup, conn):
        conn.set_session(isolation_level="REPEATABLE READ", readonly=True)
        with conn.cursor() as cur:
            version = server.schema_version(cur)
            rows = {}
            for m in ALL_MODELS:  # an older schema may not have them all yet
                name = m._meta.table_name
                cur.execute("SELECT to_regclass(%s) IS NOT NULL", (name,))
                if cur.fetchone()[0]:
                    rows[name] = team_move._count(cur, name)
            photos = photo_bytes = 0
            cur.execute("SELECT to_regclass(%s) IS NOT NULL", (team_photos.TABLE,))
            if cur.fetchone()[0]:
                cur.execute(f"SELECT count(*), coalesce(sum(size_bytes), 0)::bigint"
                            f" FROM {team_photos.TABLE}")
                photos, photo_bytes = cur.fetchone()
            last = _read_record(cur)
            mark = change_mark(cur)
            cur.execute(f"SELECT min(applied_at) FROM {server.SCHEMA_TABLE}")
            made = cur.fetchone()[0]
            server_version = conn.server_version
    found = State(last, made, _changed(last, mark))
    return {
        "mode": "server", "server": str(setup.address), "database": setup.address.dbname,
        "user": setup.address.user,
        "server_version": f"{server_version // 10000}.{server_version % 10000}",
        "schema_version": version, "latest_schema_version": local_db.latest_version(),
        "rows": rows, "photos": photos, "photo_bytes": photo_bytes,
        "last_backup": None if last is None else {
            "at": last.at, "staff": last.staff, "host": last.host, "file": last.file,
            "reason": last.reason},
        "last_backup_text": describe(last),
        "changed_since_backup": found.changed, "backup_overdue": found.stale(),
        "this_seat_takes_backups": takes_backups(data),
    }


def describe(last: LastBackup | None) -> str:
    """The last backup in a line for the CLI (English, as the CLI's other output)."""
    if last is None:
        return "none yet"
    when = datetime.fromtimestamp(last.at).strftime("%Y-%m-%d %H:%M")
    who = f"{last.staff}'s seat" if last.staff else "a seat"
    return f"{when} by {who} ({last.host}), {last.file}"
