"""Team mode: which engine a data folder's shop is on, the server's password,
and making (init) or joining a shop on a PostgreSQL server.

A data folder is local (its shopdesk.sqlite3, as ever) unless it holds
`team.json`, which names the server: host, port, database and user, and
where the password is kept, never the password itself. The password goes
to the system's keyring when `keyring` has a working backend (Windows
Credential Manager, macOS Keychain, Secret Service), else to libpq's own
password file (~/.pgpass, %APPDATA%\\postgresql\\pgpass.conf, or
$PGPASSFILE), created 0600, which libpq reads by itself.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from desk.core import db as local_db
from desk.core import server
from desk.core.errors import QT_TRANSLATE_NOOP, UserError
from desk.core.paths import DataDir
from desk.core.server import ServerAddress

TEAM_FILE = "team.json"
KEYRING_SERVICE = "ShopDesk server"
KEPT_IN_KEYRING, KEPT_IN_PGPASS, NOT_KEPT = "keyring", "pgpass", "none"


def team_file(data: DataDir) -> Path:
    return data.root / TEAM_FILE


@dataclass(frozen=True)
class TeamSetup:
    address: ServerAddress
    password_kept: str  # keyring | pgpass | none (the server needs none, or libpq finds it)


def load(data: DataDir) -> TeamSetup | None:
    """The server the data folder's shop is on; None: a local shop."""
    path = team_file(data)
    if not path.exists():
        return None
    try:
        raw = json.loads(path.read_text("utf-8"))
        address = ServerAddress(str(raw["host"]), int(raw["port"]), str(raw["database"]),
                                str(raw["user"]))
        return TeamSetup(address, str(raw.get("password", NOT_KEPT)))
    except (OSError, ValueError, KeyError, TypeError) as e:
        raise UserError(QT_TRANSLATE_NOOP(
            "UserError", "{path} should say which server the shop is on, but it cannot be read "
            "({reason}). Join the server again with: shopdesk team join postgresql://..."),
            path=path, reason=e) from None


def save(data: DataDir, setup: TeamSetup) -> None:
    path = team_file(data)
    a = setup.address
    text = json.dumps({"mode": "server", "host": a.host, "port": a.port, "database": a.dbname,
                       "user": a.user, "password": setup.password_kept}, indent=2) + "\n"
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    tmp.write_text(text, "utf-8")
    tmp.replace(path)


# -- the password ----------------------------------------------------------------------------

def _keyring():
    """The keyring module when it has a backend that really stores, else None."""
    try:
        import keyring
        from keyring.backends import fail
    except ImportError:
        return None
    try:
        backend = keyring.get_keyring()
    except Exception:  # a broken keyring configuration is the same as none
        return None
    if isinstance(backend, fail.Keyring) or getattr(backend, "priority", 0) <= 0:
        return None
    return keyring


def pgpass_path() -> Path:
    """libpq's password file: $PGPASSFILE, else its per-user default."""
    if os.environ.get("PGPASSFILE"):
        return Path(os.environ["PGPASSFILE"])
    if os.name == "nt":
        return Path(os.environ.get("APPDATA", Path.home())) / "postgresql" / "pgpass.conf"
    return Path.home() / ".pgpass"


def _pgpass_field(text: str) -> str:
    return text.replace("\\", "\\\\").replace(":", "\\:")


def _pgpass_split(line: str) -> list[str]:
    fields, buf, escaped = [], "", False
    for ch in line:
        if escaped:
            buf += ch
            escaped = False
        elif ch == "\\":
            escaped = True
        elif ch == ":":
            fields.append(buf)
            buf = ""
        else:
            buf += ch
    fields.append(buf)
    return fields


def write_pgpass(address: ServerAddress, password: str, path: Path | None = None) -> Path:
    """Add (or replace) the server's line in libpq's password file, which is
    created readable by its owner only (libpq ignores a file others can read)."""
    path = path or pgpass_path()
    key = [address.host, str(address.port), address.dbname, address.user]
    lines = []
    if path.exists():
        lines = [ln for ln in path.read_text("utf-8").splitlines()
                 if ln.startswith("#") or _pgpass_split(ln)[:4] != key]
    lines.append(":".join(_pgpass_field(f) for f in [*key, password]))
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as out:
        out.write("\n".join(lines) + "\n")
    os.chmod(tmp, 0o600)
    tmp.replace(path)
    return path


def keep_password(address: ServerAddress, password: str | None) -> str:
    """Store the password where it belongs; returns where (keyring, pgpass, none)."""
    if not password:
        return NOT_KEPT
    keyring = _keyring()
    if keyring is not None:
        try:
            keyring.set_password(KEYRING_SERVICE, address.key(), password)
            return KEPT_IN_KEYRING
        except Exception:  # a locked or refusing keyring: the password file instead
            pass
    write_pgpass(address, password)
    return KEPT_IN_PGPASS


def password(setup: TeamSetup) -> str | None:
    """The password to hand to libpq (None: libpq finds it in its file, or
    the server needs none)."""
    if setup.password_kept != KEPT_IN_KEYRING:
        return None
    keyring = _keyring()
    if keyring is None:
        return None
    try:
        return keyring.get_password(KEYRING_SERVICE, setup.address.key())
    except Exception:
        return None


@contextmanager
def saying_where_the_password_is(setup: TeamSetup, secret: str | None) -> Iterator[None]:
    """Connecting with the password from `password(setup)`: when the server
    cannot be reached and the keyring, where the password was kept, gave
    none (no keyring answers here now, it is locked, the entry is gone), say
    so, not only what the server said."""
    try:
        yield
    except server.ServerUnreachable as e:
        if setup.password_kept != KEPT_IN_KEYRING or secret is not None:
            raise
        raise UserError(QT_TRANSLATE_NOOP(
            "UserError", "ShopDesk cannot reach the shop's server {server}: {reason}. Its password "
            "is kept in the system's keyring, which gave none on this computer now (no keyring "
            "answers, it is locked, or the password was removed from it). Unlock the keyring "
            "(log in to the desktop) and try again, or keep the password in libpq's password "
            "file {pgpass} instead."), server=setup.address, reason=e.values.get("reason", e),
            pgpass=pgpass_path()) from None


# -- init, join, open ------------------------------------------------------------------------

def _refuse_local_shop(data: DataDir) -> None:
    existing = load(data)
    if existing is not None:
        raise UserError(QT_TRANSLATE_NOOP(
            "UserError", "The data folder {folder} already works with the shop on the server "
            "{server}. Use another data folder (--data-dir) for another shop."),
            folder=data.root, server=existing.address)
    # a local shop in the folder stays as it is, beside team.json: `shopdesk
    # team move-from-local` copies it up (desk/core/team_move.py)


def init(data: DataDir, url: str) -> TeamSetup:
    """Make a new, empty shop in the (empty) database the URL names, and
    record it as this data folder's shop."""
    address, secret = server.parse_url(url)
    _refuse_local_shop(data)
    conn = server.raw_connect(address, secret)
    try:
        server.require_version(conn, address)
        with conn.cursor() as cur:
            if server.schema_version(cur) is not None:
                raise UserError(QT_TRANSLATE_NOOP(
                    "UserError", "The database {server} already holds a ShopDesk shop. To work "
                    "with it from this computer, join it: shopdesk team join postgresql://..."),
                    server=address)
            others = server.other_tables(cur)
        conn.rollback()
        if others:
            raise UserError(QT_TRANSLATE_NOOP(
                "UserError", "The database {server} already holds other data ({tables}). Make "
                "the shop in a new, empty database (CREATE DATABASE shop OWNER ...)."),
                server=address, tables=", ".join(others[:5]) + (" ..." if len(others) > 5 else ""))
        try:
            server.migrate(conn)
        except Exception as e:
            import psycopg2

            if isinstance(e, psycopg2.errors.InsufficientPrivilege):
                raise UserError(QT_TRANSLATE_NOOP(
                    "UserError", "The user {user} may not create tables and extensions in the "
                    "database {server}: {reason}. Make the user the database's owner and try "
                    "again; nothing was created."), user=address.user, server=address,
                    reason=str(e).strip().splitlines()[0]) from None
            raise
    finally:
        conn.close()
    setup = _record(data, address, secret)
    # the seat that made the shop takes its scheduled backups (Settings > Team changes it)
    from desk.core import seat

    seat.put(data.root, {seat.TAKES_BACKUPS: "yes"})
    return setup


def join(data: DataDir, url: str) -> TeamSetup:
    """Record an existing shop on the server as this data folder's shop (its
    schema brought up to date when it is older than this ShopDesk)."""
    address, secret = server.parse_url(url)
    _refuse_local_shop(data)
    conn = server.raw_connect(address, secret)
    try:
        if server.shop_version(conn, address) < local_db.latest_version():
            server.migrate(conn)
    finally:
        conn.close()
    return _record(data, address, secret)


def _record(data: DataDir, address: ServerAddress, secret: str | None) -> TeamSetup:
    data.ensure()
    setup = TeamSetup(address, keep_password(address, secret))
    save(data, setup)
    return setup


def open_shop(data: DataDir):
    """Open the data folder's shop, local or on its server, bound to every model."""
    setup = load(data)
    if setup is None:
        return local_db.open_database(data.db_path, data.backups)
    secret = password(setup)
    with saying_where_the_password_is(setup, secret):
        db = server.connect(setup.address, secret, data.root)
    db.data_root = data.root  # this seat's copies of the server's photos live in photos/
    return db


@dataclass(frozen=True)
class Status:
    mode: str  # local | server
    address: ServerAddress | None
    password_kept: str
    server_version: str = ""
    schema_version: int | None = None
    problem: str = ""


def status(data: DataDir) -> Status:
    """What the data folder's shop is on; for a server, whether it answers and its schema."""
    setup = load(data)
    if setup is None:
        version = 0
        if data.db_path.exists():
            version = local_db.inspect(data.db_path)[0]
        return Status("local", None, NOT_KEPT, schema_version=version)
    try:
        secret = password(setup)
        with saying_where_the_password_is(setup, secret):
            conn = server.raw_connect(setup.address, secret)
    except UserError as e:
        return Status("server", setup.address, setup.password_kept, problem=str(e))
    try:
        v = conn.server_version
        with conn.cursor() as cur:
            found = server.schema_version(cur)
    finally:
        conn.close()
    return Status("server", setup.address, setup.password_kept,
                  server_version=f"{v // 10000}.{v % 10000}", schema_version=found)


# -- leaving team mode -----------------------------------------------------------------------

def left_file(data: DataDir, now=None) -> Path:
    """Where leave() puts team.json: kept, so the server's address is still
    there to read (join again names it), but no longer this folder's shop."""
    from datetime import datetime

    stamp = (now or datetime.now()).strftime("%Y%m%d-%H%M%S")
    path = data.root / f"team-left-{stamp}.json"
    n = 1
    while path.exists():
        n += 1
        path = data.root / f"team-left-{stamp}-{n}.json"
    return path


def local_shop_problem(data: DataDir) -> str | None:
    """Why the data folder's local shop cannot be opened as the shop (in
    words), or None when it is there and passes ShopDesk's start-up check."""
    path = data.db_path
    problem = local_db.file_problem(path)
    if problem is not None:
        return str(problem)
    if not path.is_file():
        return "there is no local shop file"
    reason = local_db.shop_problem(path)
    if reason is not None:
        return reason
    damage = local_db.quick_problems(path)
    if damage:
        return damage[0]
    version, _ = local_db.inspect(path)
    if version > local_db.latest_version():
        return f"it was written by a newer ShopDesk (schema {version})"
    return None


def leave(data: DataDir, source: Path | str | None = None) -> Path:
    """Switch the data folder back to its local shop: with `source` (an
    export of the server shop, or any backup), that file is restored as the
    local shop first, the one there kept aside as a restore keeps it;
    without, the local shop already in the folder is used. team.json is
    renamed (see left_file); returns its new path. Refuses, changing
    nothing, when the folder is not in team mode or no checked local shop
    would be there. The caller holds the data folder (its writer lock) and
    has the local database closed."""
    from desk.core import files

    setup = load(data)
    if setup is None:
        raise UserError(QT_TRANSLATE_NOOP(
            "UserError", "The data folder {folder} already works with a local shop; there is no "
            "team mode to leave."), folder=data.root)
    if source is not None:
        from desk.core import restore

        restore.restore(data, Path(source))  # checked before anything in the folder changes
    else:
        problem = local_shop_problem(data)
        if problem is not None:
            raise UserError(QT_TRANSLATE_NOOP(
                "UserError", "The data folder {folder} has no local shop to go back to ({reason}); "
                "it still works with the shop on {server}. Write the server's shop down first "
                "(shopdesk team export-local), then leave with: shopdesk team leave --from FILE"),
                folder=data.root, reason=problem, server=setup.address)
    left = left_file(data)
    os.replace(team_file(data), left)
    files.sync_folder(data.root)
    return left
