"""Photos of a shop on a server: the bytes live in the server shop, so every
seat sees every case's evidence and every phrase's picture.

The store is content addressed, as the photos/ folder of a local shop is:
`photo_store(sha256 PRIMARY KEY, ext, size_bytes, data, added_at)`, one row
per distinct photo, written once (a second copy of the same bytes is the
same row). A photo reaches the table only after the checks every photo
passes (photos.check_image); a row read back is used only when its bytes
still hash to its name.

Each seat keeps what it has read in its data folder's photos/ (the same
layout as a local shop's store), so thumbnails, the case view and the
evidence pack work on files as they do locally; a photo missing there is
fetched from the server when a case's or phrase's photos are listed.

The table is the server's only: a local shop keeps its photos as files (no
table on SQLite, so its schema and the schema test stay as they were). It is
made with the server's other extras when the schema is migrated, and by
`ensure_table` wherever a shop made before it is written to.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Iterable, Iterator
from pathlib import Path

log = logging.getLogger(__name__)

TABLE = "photo_store"
CREATE = f"""CREATE TABLE IF NOT EXISTS {TABLE} (
    sha256     TEXT COLLATE "C" PRIMARY KEY CHECK (sha256 ~ '^[0-9a-f]{{64}}$'),
    ext        TEXT COLLATE "C" NOT NULL CHECK (ext IN ('jpg', 'png', 'gif', 'webp', 'bmp')),
    size_bytes BIGINT NOT NULL,
    data       BYTEA NOT NULL,
    added_at   BIGINT NOT NULL)"""
INSERT = (f"INSERT INTO {TABLE} (sha256, ext, size_bytes, data, added_at)"
          " VALUES (%s, %s, %s, %s, %s) ON CONFLICT (sha256) DO NOTHING")


def ensure_table(cur) -> None:
    """Make the photo table on the server (a psycopg2 cursor) when it is not there."""
    cur.execute(CREATE)


def on_server() -> bool:
    from desk.core import dialect

    return dialect.on_server()


def _server_db():
    from desk.core.base import database

    return database.obj


def cache_dir() -> Path:
    """Where this seat keeps the server's photos: the data folder's photos/
    (recorded on the connection by team.open_shop), else a folder of its own
    under the system's temporary folder."""
    import tempfile

    db = _server_db()
    root = getattr(db, "data_root", None)
    if root is not None:
        return Path(root) / "photos"
    address = getattr(db, "address", None)
    name = "".join(ch if ch.isalnum() else "_" for ch in str(address or "server"))
    return Path(tempfile.gettempdir()) / "shopdesk-photos" / name


def put(sha256: str, ext: str, data: bytes) -> None:
    """Keep checked bytes on the server (once: the same bytes again change nothing)."""
    from desk.core import timeutil

    db = _server_db()
    db.execute_sql(f"INSERT INTO {TABLE} (sha256, ext, size_bytes, data, added_at)"
                   " VALUES (?, ?, ?, ?, ?) ON CONFLICT (sha256) DO NOTHING",
                   (sha256, ext, len(data), data, timeutil.to_epoch(timeutil.now())))


def fetch(shas: Iterable[str]) -> list[tuple[str, str, bytes]]:
    """(sha256, ext, bytes) of the photos asked for that the server holds,
    each checked against its name: a row whose bytes no longer hash to it is
    left out (the photo shows as missing)."""
    wanted = sorted(set(shas))
    found = []
    db = _server_db()
    for start in range(0, len(wanted), 50):
        cursor = db.execute_sql(f"SELECT sha256, ext, data FROM {TABLE} WHERE sha256 = ANY(?)",
                                (wanted[start:start + 50],))
        for sha, ext, data in cursor.fetchall():
            data = bytes(data)
            if hashlib.sha256(data).hexdigest() != sha:
                log.warning("photo %s on the server does not match its name; not used", sha)
                continue
            found.append((sha, ext, data))
    return found


def rows(cur, batch: int = 20) -> Iterator[tuple[str, str, bytes]]:
    """Every photo on the server, (sha256, ext, bytes), read a few at a time
    through a named cursor (never all photos in memory at once); `cur` is a
    psycopg2 connection."""
    with cur.cursor(name="shopdesk_photos") as named:
        named.itersize = batch
        named.execute(f"SELECT sha256, ext, data FROM {TABLE} ORDER BY sha256")
        for sha, ext, data in named:
            yield sha, ext, bytes(data)
