"""Moving a shop up to its server and back down.

`move_from_local`: the data folder's local SQLite shop (or a backup of one)
goes into the shop on the server in ONE server transaction: the server's
tables are emptied, every table is copied in the order its references need
(ids kept), the id sequences are set past the highest id, the photos go into
the server's photo store, the row counts are compared, and only then is the
transaction committed. PostgreSQL keeps a transaction whole or not at all:
a move cut short (the server stopped, the network gone, a row the server
refuses) leaves the server's shop exactly as it was. A server shop that
already holds customers, orders, notes or cases is only replaced when the
caller says so (`replace`).

`export_local`: the shop on the server as a local SQLite shop: a new
database migrated like any other (same migrations, so the same schema),
filled from one consistent snapshot of the server (a read-only repeatable
read transaction), checked the way ShopDesk checks its own backups
(integrity, foreign keys, a ShopDesk database) and given its name only then
(written as `FILE.<pid>.part`, renamed into place). The photos come down
into a photo store folder (the data folder's photos/ by default), each
checked against its name.
"""

from __future__ import annotations

import io
import logging
import os
import shutil
import sqlite3
import tempfile
from collections.abc import Callable
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from desk.core import db as local_db
from desk.core import files, live, server, team, team_photos, timeutil
from desk.core.errors import QT_TRANSLATE_NOOP, Cancelled, UserError
from desk.core.paths import DataDir

log = logging.getLogger(__name__)

BATCH = 1000
COPY_BATCH = 20_000
Progress = Callable[[str], None]  # a line of text (the CLI's stderr)
Counted = Callable[[int, int], None]  # (done, total): rows and photos, for a progress bar
Stop = Callable[[], bool]  # True once the user asked to stop (Cancel)
# what makes a shop "hold data" (as desk/core/db.py data_rows counts it)
DATA_TABLES = ("customer", "shop_order", "note", "aftersales_case")
# the server shop's record of its last backup (desk/core/team_backup.py): the
# server's own bookkeeping, left out of an exported shop
BACKUP_RECORD = "team.last_backup"


def tables() -> list[str]:
    """The shop's tables, each after the tables it refers to."""
    from peewee import sort_models

    from desk.core.models import ALL_MODELS

    return [m._meta.table_name for m in sort_models(ALL_MODELS)]


@dataclass
class MoveResult:
    rows: dict[str, int] = field(default_factory=dict)
    photos: int = 0
    replaced: int = 0  # rows of shop data the server held before


class ServerHoldsData(UserError):
    """The server's shop already holds customers, orders, notes or cases: a
    move replaces them only when asked (`replace`)."""


def _setup(data: DataDir) -> team.TeamSetup:
    setup = team.load(data)
    if setup is None:
        raise UserError(QT_TRANSLATE_NOOP(
            "UserError", "The data folder {folder} works with a local shop, not with a server. "
            "Make the shop on the server first (shopdesk team init postgresql://...) or join one "
            "(shopdesk team join postgresql://...)."), folder=data.root)
    return setup


class _Steps:
    """Rows and photos done of the whole job, for `counted`; `check` raises
    Cancelled once `is_cancelled` says so (the caller then rolls back)."""

    def __init__(self, total: int, counted: Counted | None, is_cancelled: Stop | None) -> None:
        self.total, self.done = max(total, 1), 0
        self._counted, self._is_cancelled = counted, is_cancelled

    def check(self) -> None:
        if self._is_cancelled is not None and self._is_cancelled():
            raise Cancelled()

    def add(self, n: int) -> None:
        self.done += n
        if self._counted is not None:
            self._counted(min(self.done, self.total), self.total)
        self.check()


@dataclass(frozen=True)
class LocalSummary:
    """What a move up would copy: for the question asked before it."""

    path: Path
    customers: int
    cases: int
    photos: int  # the cases' photos, as the shop shows them (the same picture twice counts twice)
    photo_files: int  # the files of the photo store that go up (each picture once)
    rows: int  # every row of every table
    data_rows: int  # customers, orders, notes and cases: 0 is a shop with nothing of its own yet


def local_summary(data: DataDir) -> LocalSummary | None:
    """The data folder's local shop (beside team.json or not): how many
    buyers, cases, photos and rows; None when there is no local shop file.
    Read-only (safe while the app has another shop open)."""
    from desk.core import backup

    path = data.db_path
    if not path.is_file():
        return None
    _, counts = local_db.inspect(path)
    return LocalSummary(path, counts.get("customer", 0), counts.get("aftersales_case", 0),
                        counts.get("evidence", 0), len(backup.stored_photos(data.photos)),
                        sum(counts.values()),
                        sum(counts.get(t, 0) for t in DATA_TABLES))


def _server_connection(setup: team.TeamSetup):
    """A psycopg2 connection to the shop on the server, its schema this ShopDesk's."""
    secret = team.password(setup)
    with team.saying_where_the_password_is(setup, secret):
        conn = server.raw_connect(setup.address, secret)
    try:
        if server.shop_version(conn, setup.address) < local_db.latest_version():
            server.migrate(conn)
    except BaseException:
        conn.close()
        raise
    return conn


def _server_broke(setup: team.TeamSetup, committing: bool) -> UserError:
    if committing:
        return UserError(QT_TRANSLATE_NOOP(
            "UserError", "The connection to the server {server} broke just as the move was being "
            "finished, so ShopDesk cannot tell whether the server kept it (it keeps a move whole "
            "or not at all). Check with: shopdesk team status, and move again if needed."),
            server=setup.address)
    return UserError(QT_TRANSLATE_NOOP(
        "UserError", "The connection to the server {server} broke during the move. The server "
        "keeps nothing of an unfinished move: its shop is exactly as it was before. Check that "
        "the server is running, then move again."), server=setup.address)


# -- the local source ------------------------------------------------------------------------

@contextmanager
def _local_source(path: Path):
    """A read-only sqlite3 connection to a local shop at this ShopDesk's
    schema: the file itself, or (an older schema) a migrated copy of it."""
    problem = local_db.file_problem(path)
    if problem is not None:
        raise problem
    if not path.is_file():
        raise UserError(QT_TRANSLATE_NOOP("UserError", "There is no ShopDesk database at {path}."),
                        path=path)
    reason = local_db.shop_problem(path)
    if reason is not None:
        raise UserError(QT_TRANSLATE_NOOP(
            "UserError", "{path} holds no ShopDesk shop ({reason}); nothing was moved."),
            path=path, reason=reason)
    damage = local_db.quick_problems(path)
    if damage:
        raise UserError(QT_TRANSLATE_NOOP(
            "UserError", "The local shop {path} is damaged ({problem}); nothing was moved. Put a "
            "good backup back first (shopdesk restore)."), path=path, problem=damage[0])
    version, _ = local_db.inspect(path)
    if version > local_db.latest_version():
        raise UserError(QT_TRANSLATE_NOOP(
            "UserError", "{path} was written by a newer ShopDesk (schema {found}; this version "
            "knows up to {known}). Update ShopDesk to move it."),
            path=path, found=version, known=local_db.latest_version())
    scratch = None
    try:
        if version < local_db.latest_version():  # an old backup: a migrated copy, never the file
            scratch = Path(tempfile.mkdtemp(prefix="shopdesk-move-"))
            source = local_db.open_read_only(path)
            try:
                copy = local_db.backup_to(source, scratch / "shop.sqlite3")
            finally:
                source.close()
            local_db.migrate(copy, scratch / "backups")
            path = copy
        conn = local_db.open_read_only(path)
        try:
            yield conn
        finally:
            conn.close()
    finally:
        if scratch is not None:
            shutil.rmtree(scratch, ignore_errors=True)


def _columns(conn: sqlite3.Connection, table: str) -> list[str]:
    return [r[1] for r in conn.execute(f'PRAGMA table_info("{table}")')]


def _key(conn: sqlite3.Connection, table: str) -> str:
    """The table's primary key columns (a table WITHOUT ROWID has no rowid)."""
    pk = sorted((r[5], r[1]) for r in conn.execute(f'PRAGMA table_info("{table}")') if r[5])
    return ", ".join(f'"{name}"' for _, name in pk) or "rowid"


def _server_columns(cur, table: str) -> list[str]:
    cur.execute("SELECT column_name FROM information_schema.columns"
                " WHERE table_schema = current_schema() AND table_name = %s"
                " ORDER BY ordinal_position", (table,))
    return [r[0] for r in cur.fetchall()]


def _has_identity(cur, table: str) -> bool:
    cur.execute("SELECT pg_get_serial_sequence(%s, 'id') IS NOT NULL FROM information_schema.columns"
                " WHERE table_schema = current_schema() AND table_name = %s AND column_name = 'id'",
                (table, table))
    row = cur.fetchone()
    return bool(row and row[0])


def server_data_rows(cur) -> int:
    return sum(_count(cur, t) for t in DATA_TABLES)


def _count(cur, table: str) -> int:
    cur.execute(f'SELECT count(*) FROM "{table}"')
    return cur.fetchone()[0]


def move_from_local(data: DataDir, source: Path | None = None, replace: bool = False,
                    photos: Path | None = None, progress: Progress | None = None,
                    counted: Counted | None = None, is_cancelled: Stop | None = None,
                    before_replace: Callable[[], None] | None = None,
                    keep_photos: bool = False) -> MoveResult:
    """Copy the local shop (the data folder's, or `source`: a database, a
    backup of one, or a full archive with its photos) and its photos
    (`photos`, default the data folder's photos/) into the data folder's
    server shop, all or nothing. `progress` gets a line of text per step,
    `counted` (done, total) rows and photos; once `is_cancelled()` says so
    the move stops with Cancelled and the server transaction is rolled
    back: the server shop is as it was. `before_replace` runs once the
    source has passed its checks and the server answers, before anything is
    replaced (a restore backs the server shop up there); `keep_photos` adds
    the photos to the server's instead of replacing them. The other seats
    are told that everything changed."""
    say = progress or (lambda _text: None)
    setup = _setup(data)
    path = Path(source).expanduser().absolute() if source else data.db_path
    photo_dir = photos or data.photos
    with _unpacked(path) as unpacked:
        if unpacked is not None:  # a full archive: its database and its photos
            say(f"unpacked {path.name}")
            path, photo_dir = unpacked
        return _move(data, setup, path, photo_dir, replace, say, counted, is_cancelled,
                     before_replace, keep_photos)


@contextmanager
def _unpacked(source: Path):
    """(database, photos folder) of a full archive (`shopdesk backup --full`)
    unpacked into a scratch folder with the checks restore makes (manifest,
    checksums, sizes); None for a database file."""
    import zipfile

    from desk.core import backup, restore

    if source.suffix.lower() != ".zip" or not zipfile.is_zipfile(source):
        yield None
        return
    scratch = Path(tempfile.mkdtemp(prefix="shopdesk-move-"))
    archive = restore._open_archive(source)
    try:
        restore._check_database_member(archive, source)
        restore._check_photo_sizes(archive, source)
        db_path = scratch / "shop.sqlite3"
        with open(db_path, "wb") as out:
            restore._read_member(archive, backup.DB_MEMBER, source, out)
        for name in archive.files:
            if name == backup.DB_MEMBER:
                continue
            target = scratch / name  # photos/ab/<sha>.<ext>: names the manifest check allowed
            target.parent.mkdir(parents=True, exist_ok=True)
            with open(target, "wb") as out:
                restore._read_member(archive, name, source, out)
        yield db_path, scratch / "photos"
    finally:
        archive.zf.close()
        shutil.rmtree(scratch, ignore_errors=True)


def _move(data: DataDir, setup: team.TeamSetup, path: Path, photo_dir: Path, replace: bool,
          say: Progress, counted: Counted | None = None, is_cancelled: Stop | None = None,
          before_replace: Callable[[], None] | None = None, keep_photos: bool = False
          ) -> MoveResult:
    import psycopg2

    from desk.core import backup

    result = MoveResult()
    with _local_source(path) as local:
        conn = _server_connection(setup)
        committing = False
        try:
            with conn.cursor() as cur:
                team_photos.ensure_table(cur)
                held = server_data_rows(cur)
                if held and not replace:
                    conn.rollback()
                    raise ServerHoldsData(QT_TRANSLATE_NOOP(
                        "UserError", "The shop on the server {server} already holds data ({rows} "
                        "customers, orders, notes and cases). Nothing was moved. To replace it "
                        "with the local shop, move again with --replace."),
                        server=setup.address, rows=held)
                result.replaced = held
                if before_replace is not None:
                    before_replace()
                order = tables()
                stored = backup.stored_photos(photo_dir)
                steps = _Steps(sum(local.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0]
                                   for t in order) + len(stored), counted, is_cancelled)
                steps.check()
                say(f"emptying the shop on {setup.address}")
                emptied = [*order, "customer_gram"] + ([] if keep_photos else [team_photos.TABLE])
                cur.execute("TRUNCATE " + ", ".join(f'"{t}"' for t in emptied) + " RESTART IDENTITY")
                for table in order:
                    cols = _columns(local, table)
                    if sorted(cols) != sorted(_server_columns(cur, table)):
                        raise UserError(QT_TRANSLATE_NOOP(
                            "UserError", "The table {table} has other columns on the server than in "
                            "the local shop; nothing was moved."), table=table)
                    names = ", ".join(f'"{c}"' for c in cols)
                    total = local.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0]
                    rows = local.execute(f'SELECT {names} FROM "{table}" ORDER BY {_key(local, table)}')
                    done = 0
                    while batch := rows.fetchmany(COPY_BATCH):
                        try:  # COPY: several times faster than INSERTs for a whole table
                            cur.copy_expert(f'COPY "{table}" ({names}) FROM STDIN', _copy_text(batch))
                        except (psycopg2.DataError, psycopg2.IntegrityError, ValueError) as e:
                            raise _refused_row(table, e) from None
                        done += len(batch)
                        say(f"{table}: {done:,}/{total:,}")
                        steps.add(len(batch))
                    if _has_identity(cur, table):
                        cur.execute(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'),"
                                    f' coalesce((SELECT max(id) FROM "{table}"), 0) + 1, false)')
                    if _count(cur, table) != total:
                        raise UserError(QT_TRANSLATE_NOOP(
                            "UserError", "The table {table} did not arrive whole on the server; "
                            "nothing was moved."), table=table)
                    result.rows[table] = total
                say(f"photos: {len(stored):,}")

                def photo_done(n: int, total: int) -> None:
                    if n % 50 == 0 or n == total:
                        say(f"photos: {n:,}/{total:,}")
                    steps.add(1)

                result.photos = _upload_photos(cur, stored, timeutil.to_epoch(timeutil.now()),
                                               photo_done)
                steps.check()  # the last moment a Cancel still leaves the server as it was
                # every seat reloads what it shows (its own listener skips this seat's)
                cur.execute("SELECT pg_notify(%s, %s)", (live.CHANNEL, f"{live.SEAT} {live.EVERYTHING}"))
            committing = True
            conn.commit()
        except psycopg2.Error as e:
            code = getattr(e, "pgcode", None) or ""
            # no code: libpq's own error, the connection itself failed
            if conn.closed or not code or code.startswith(("08", "57P")):
                log.warning("the server connection broke during the move: %s", str(e).strip()[:200])
                raise _server_broke(setup, committing) from None
            if code in ("55P03", "40P01"):  # lock timeout, deadlock: a seat is working
                raise UserError(QT_TRANSLATE_NOOP(
                    "UserError", "Another seat is working with the shop on the server {server}, so "
                    "it cannot be replaced now; nothing was moved. Close ShopDesk on the other "
                    "seats and move again."), server=setup.address) from None
            raise
        finally:
            _close(conn, rollback=not committing)
    log.info("moved the local shop %s to %s: %s rows, %d photos", path, setup.address,
             sum(result.rows.values()), result.photos)
    return result


_COPY_ESCAPES = str.maketrans({"\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r"})


def _copy_text(rows) -> io.StringIO:
    """Rows in COPY's text format: tab between fields, \\N for NULL, the
    backslash, tab and line breaks of a text escaped."""
    out = io.StringIO()
    for row in rows:
        out.write("\t".join(_copy_field(v) for v in row))
        out.write("\n")
    out.seek(0)
    return out


def _copy_field(value) -> str:
    if value is None:
        return "\\N"
    if isinstance(value, str):
        if "\0" in value:
            raise ValueError("a text holds a NUL character, which the server cannot keep")
        return value.translate(_COPY_ESCAPES)
    if isinstance(value, bytes | bytearray | memoryview):
        raise ValueError("binary data where the shop keeps text or numbers")
    return str(value)


def _close(conn, rollback: bool) -> None:
    """Close the server connection; on a broken one nothing more is said."""
    import psycopg2

    try:
        if rollback and not conn.closed:
            conn.rollback()
    except psycopg2.Error:
        pass  # the server dropped the transaction with the connection
    finally:
        conn.close()


def _refused_row(table: str, error: Exception) -> UserError:
    reason = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
    return UserError(QT_TRANSLATE_NOOP(
        "UserError", "A row of {table} cannot be kept on the server ({reason}); nothing was "
        "moved. Correct it in the local shop (shopdesk check names such rows) and move again."),
        table=table, reason=reason)


# -- down from the server -----------------------------------------------------------------

@dataclass
class ExportResult:
    path: Path
    rows: dict[str, int] = field(default_factory=dict)
    photos: int = 0
    photos_bad: int = 0


def default_export_path(data: DataDir) -> Path:
    return data.backups / f"shopdesk-server-{datetime.now():%Y%m%d-%H%M%S}.sqlite3"


def export_local(data: DataDir, out: Path | None = None, photos: Path | None = None,
                 progress: Progress | None = None, with_photos: bool = True,
                 counted: Counted | None = None, is_cancelled: Stop | None = None) -> ExportResult:
    """Write the data folder's server shop as a local SQLite shop at `out`
    (default: backups/shopdesk-server-<time>.sqlite3) and its photos into
    `photos` (default: the data folder's photos/; none with `with_photos`
    False). `counted` gets (done, total) rows and photos; once
    `is_cancelled()` says so the export stops with Cancelled and nothing is
    left at `out` (photos already fetched stay in the photo store, each
    whole and checked, as a seat keeps them anyway)."""
    import psycopg2

    say = progress or (lambda _text: None)
    setup = _setup(data)
    out = Path(out).expanduser().absolute() if out else default_export_path(data)
    if not out.parent.is_dir():
        if out.parent == data.backups:
            data.ensure()
        else:
            raise UserError(QT_TRANSLATE_NOOP("UserError", "The folder {folder} does not exist."),
                            folder=out.parent)
    if out.is_dir():
        raise UserError(QT_TRANSLATE_NOOP("UserError", "{path} is a folder; give a file name "
                                          "ending in {suffix}."), path=out, suffix=".sqlite3")
    files.check_output(out)
    files.remove_litter(out.parent, output=out)
    photo_dir = photos or data.photos
    part = files.part_path(out)
    scratch = Path(tempfile.mkdtemp(prefix="shopdesk-export-"))
    result = ExportResult(out)
    conn = _server_connection(setup)
    try:
        conn.set_session(isolation_level="REPEATABLE READ", readonly=True)  # one snapshot
        for leftover in (part, part.with_name(part.name + "-journal")):
            leftover.unlink(missing_ok=True)
        local_db.migrate(part, scratch / "backups")  # the same migrations: the same schema
        local = local_db.raw_connect(part, "rw", isolation_level=None)
        try:
            local.execute("PRAGMA foreign_keys=OFF")
            local.execute("BEGIN IMMEDIATE")
            order = tables()
            for table in reversed(order):  # the rows the migrations seeded: the server's instead
                local.execute(f'DELETE FROM "{table}"')
            with conn.cursor() as cur:
                totals = {t: _count(cur, t) for t in order}
                steps = _Steps(sum(totals.values())
                               + (_server_photo_count(cur) if with_photos else 0),
                               counted, is_cancelled)
                steps.check()
                for table in order:
                    cols = _columns(local, table)
                    if sorted(cols) != sorted(_server_columns(cur, table)):
                        raise UserError(QT_TRANSLATE_NOOP(
                            "UserError", "The table {table} has other columns on the server than "
                            "in a local shop; nothing was exported."), table=table)
                    names = ", ".join(f'"{c}"' for c in cols)
                    marks = ", ".join("?" for _ in cols)
                    total = totals[table]
                    done = 0
                    with conn.cursor(name=f"export_{table}") as rows:
                        rows.itersize = BATCH
                        rows.execute(f'SELECT {names} FROM "{table}"')
                        while batch := rows.fetchmany(BATCH):
                            local.executemany(f'INSERT INTO "{table}" ({names}) VALUES ({marks})',
                                              batch)
                            done += len(batch)
                            say(f"{table}: {done:,}/{total:,}")
                            steps.add(len(batch))
                    result.rows[table] = done
            gone = local.execute("DELETE FROM setting WHERE key = ?", (BACKUP_RECORD,)).rowcount
            result.rows["setting"] -= gone
            problems = [f"{t} row {r} points at a missing {p}"
                        for t, r, p, _ in local.execute("PRAGMA foreign_key_check")]
            if problems:
                raise UserError(QT_TRANSLATE_NOOP(
                    "UserError", "The shop on the server does not hold together ({problem}); "
                    "nothing was exported."), problem=problems[0])
            local.execute("COMMIT")
            local.execute("PRAGMA journal_mode=DELETE")  # one self-contained file
        finally:
            if local.in_transaction:
                local.execute("ROLLBACK")
            local.close()
        if with_photos:
            say("photos")
            photo_dir.mkdir(parents=True, exist_ok=True)
            result.photos, result.photos_bad = _photos_down(conn, photo_dir, steps)
        steps.check()
        conn.rollback()
        _check_export(part)
        os.replace(part, out)
        files.sync_folder(out.parent)
    except psycopg2.Error as e:
        if conn.closed or not getattr(e, "pgcode", None):
            raise server.unreachable(setup.address, e) from None
        raise
    except OSError as e:
        raise UserError(QT_TRANSLATE_NOOP("UserError", "{path} could not be written: {reason}."),
                        path=out, reason=e.strerror or e) from e
    finally:
        _close(conn, rollback=False)
        for leftover in (part, part.with_name(part.name + "-journal")):
            try:
                leftover.unlink(missing_ok=True)
            except OSError:
                pass
        shutil.rmtree(scratch, ignore_errors=True)
    log.info("exported the shop on %s to %s: %s rows, %d photos", setup.address, out,
             sum(result.rows.values()), result.photos)
    return result


def _upload_photos(cur, stored: list[tuple[str, Path]], now: int,
                   progress: Callable[[int, int], None] | None = None) -> int:
    """Put the files of a local photo store ((member name, path) pairs as
    backup.stored_photos lists them) on the server through the cursor of the
    open transaction. Each is checked as a photo added by hand is; one that
    no longer matches its name, or is not a photo, is left out (a line in
    the log), never put up under a wrong name. Returns how many went up."""
    import hashlib

    from desk.core import backup
    from desk.core.aftersales import photos as store

    done = 0
    for i, (name, path) in enumerate(stored):
        m = backup.PHOTO_MEMBER.match(name)
        sha, ext = m.group(2), m.group(3)
        try:
            data, _ = store.read_source(path)
            if hashlib.sha256(data).hexdigest() != sha:
                raise UserError("does not match its name")
            store.check_image(data, path.name)
        except UserError as e:
            log.warning("photo %s left behind: %s", path.name, e)
        else:
            cur.execute(team_photos.INSERT, (sha, ext, len(data), data, now))
            done += 1
        if progress:
            progress(i + 1, len(stored))
    return done


def _server_photo_count(cur) -> int:
    cur.execute(f"SELECT to_regclass('{team_photos.TABLE}') IS NOT NULL")
    if not cur.fetchone()[0]:
        return 0
    return _count(cur, team_photos.TABLE)


def _photos_down(conn, photo_dir: Path, steps: _Steps | None = None) -> tuple[int, int]:
    import hashlib

    from desk.core.aftersales import photos as store

    good = bad = 0
    for sha, ext, data in team_photos.rows(conn):
        if hashlib.sha256(data).hexdigest() != sha:
            log.warning("photo %s on the server does not match its name; left out", sha)
            bad += 1
        else:
            store.store_file(photo_dir, sha, ext, data)
            good += 1
        if steps is not None:
            steps.add(1)
    return good, bad


def _check_export(path: Path) -> None:
    problems = local_db.integrity_problems(path)
    reason = local_db.shop_problem(path)
    if reason is not None:
        problems.append(reason)
    if problems:
        log.error("the exported shop failed its check: %s", problems[:5])
        raise UserError(QT_TRANSLATE_NOOP(
            "UserError", "The exported shop failed its check ({problem}) and was not kept."),
            problem=problems[0])


# -- backups of a shop on a server ------------------------------------------------------------

def backup_now(data: DataDir, out: Path | None = None, reason: str = "manual",
               progress: Progress | None = None) -> Path:
    """The portable backup a local shop gets, from a seat of a shop on a
    server: a checked SQLite shop in backups/ (thinned as local backups are;
    `reason` as backup.backup_now's: "import" before an import) or at `out`.
    desk/core/team_backup.py `take` also records it on the server."""
    from desk.core import backup

    if out is not None:
        return export_local(data, out, with_photos=False, progress=progress).path
    data.ensure()
    files.remove_litter(data.backups)
    target = backup._target(data, reason, datetime.now())
    export_local(data, target, with_photos=False, progress=progress)
    backup.thin(data, just_written=target)
    return target


@dataclass(frozen=True)
class _Staged:
    """What backup.write_archive reads of a data folder: a scratch folder for
    its copy of the database, and the photo store."""

    backups: Path
    photos: Path


def write_archive(data: DataDir, out: Path, progress=None):
    """The full archive (database, every photo, a manifest) a local shop's
    `backup --full` writes, of the shop on the server: its photos come down
    into this seat's photos/ first, the database through export_local."""
    from desk.core import backup
    from desk.core.base import database

    data.ensure()
    scratch = Path(tempfile.mkdtemp(prefix=".team-archive-", dir=data.backups))
    previous = database.obj
    try:
        exported = export_local(data, scratch / "shop.sqlite3", photos=data.photos)
        (scratch / "backups").mkdir()
        local_db.connect(exported.path)  # what write_archive copies and checks
        try:
            return backup.write_archive(_Staged(scratch / "backups", data.photos), out, progress)
        finally:
            local_db.close()
            database.initialize(previous)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
