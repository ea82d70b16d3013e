"""Backups of the database with SQLite's online backup API: taken when the
app closes, every few hours while it runs, before a migration and before an
import; each one checked before older ones are thinned out.

Backups live in the data folder's backups/ as
`shopdesk-YYYYmmdd-HHMMSS-<reason>.sqlite3` (local time). Thinning keeps the
last 10, the newest of each day for a week, of each week for a month and of
each month for a year (`keep`), and the fullest backup it would delete when
that holds more shop data than the newest one (`spare`). Files whose names
do not parse are never touched, nor is the backup just written.
"""

from __future__ import annotations

import logging
import os
import re
import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import TypeVar

from desk.core import db, files
from desk.core.base import database
from desk.core.errors import QT_TRANSLATE_NOOP, UserError
from desk.core.paths import DataDir

log = logging.getLogger(__name__)

T = TypeVar("T")

KEEP_LAST = 10
DAILY_FOR = timedelta(days=7)
WEEKLY_FOR = timedelta(days=31)
MONTHLY_FOR = timedelta(days=366)
REASONS = ("manual", "close", "periodic", "import", "migration", "restore")

_NAME = re.compile(r"^shopdesk-(\d{8})-(\d{6})-([a-z_]+)(?:-(\d+))?\.sqlite3$")
_MIGRATION_NAME = re.compile(r"^pre-migration-v(\d+)-(\d{8})-(\d{6})\.sqlite3$")


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    taken_at: datetime  # local time, from the name
    reason: str  # one of REASONS (a name with another reason still parses)
    size: int


def parse_name(name: str) -> tuple[datetime, str] | None:
    """(local time taken, reason) of a backup file name, or None when the
    name is not one ShopDesk writes."""
    m = _NAME.match(name)
    if m:
        stamp, reason = m.group(1) + m.group(2), m.group(3)
    else:
        m = _MIGRATION_NAME.match(name)
        if not m:
            return None
        stamp, reason = m.group(2) + m.group(3), "migration"
    try:
        return datetime.strptime(stamp, "%Y%m%d%H%M%S"), reason
    except ValueError:  # 20241341-...: looks like ours, but is not
        return None


def list_backups(data: DataDir) -> list[BackupInfo]:
    """The backups in backups/, newest first."""
    found = []
    try:
        entries = list(os.scandir(data.backups))
    except FileNotFoundError:
        return []
    for entry in entries:
        parsed = parse_name(entry.name)
        if parsed is None or not entry.is_file():
            continue
        try:
            size = entry.stat().st_size
        except OSError:
            continue  # removed meanwhile
        found.append(BackupInfo(Path(entry.path), parsed[0], parsed[1], size))
    found.sort(key=lambda b: (b.taken_at, b.path.name), reverse=True)
    return found


def keep(backups: Sequence[tuple[datetime, T]], now: datetime) -> set[T]:
    """Which backups to keep: the KEEP_LAST newest; the newest of each day
    taken within DAILY_FOR of `now`, of each ISO week within WEEKLY_FOR, of
    each month within MONTHLY_FOR; and any dated after `now` (a clock that
    was wrong, never a reason to delete). Pure: `(taken_at, key)` pairs in,
    the kept keys out."""
    ordered = sorted(backups, key=lambda b: b[0], reverse=True)
    kept = {key for _, key in ordered[:KEEP_LAST]}
    kept |= {key for when, key in ordered if when > now}
    for window, bucket in (
        (DAILY_FOR, lambda d: d.date()),
        (WEEKLY_FOR, lambda d: d.isocalendar()[:2]),
        (MONTHLY_FOR, lambda d: (d.year, d.month)),
    ):
        seen = set()
        for when, key in ordered:  # newest first: the first of a bucket is its newest
            if now - window < when <= now and bucket(when) not in seen:
                seen.add(bucket(when))
                kept.add(key)
    return kept


def spare(doomed: Sequence[tuple[datetime, T, int]], newest_rows: int) -> T | None:
    """Of the backups thinning would delete, `(taken_at, key, rows of shop
    data)`, the one kept anyway: the one holding the most data (the newest
    of those), when that is more than the newest backup holds. An emptied
    or damaged shop that goes on backing itself up never pushes the last
    copy of its real data out. Pure."""
    fullest = max(doomed, key=lambda b: (b[2], b[0]), default=None)
    if fullest is None or fullest[2] <= newest_rows:
        return None
    return fullest[1]


def thin(data: DataDir, just_written: Path | None = None, now: datetime | None = None) -> list[Path]:
    """Delete the backups `keep` lets go, but for the `spare`; returns what
    was deleted."""
    backups = list_backups(data)
    kept = keep([(b.taken_at, b.path) for b in backups], now or datetime.now())
    doomed = [b for b in backups if b.path not in kept and b.path != just_written]
    if doomed:
        newest = just_written or backups[0].path
        fullest = spare([(b.taken_at, b.path, db.data_rows(b.path)) for b in doomed],
                        db.data_rows(newest))
        if fullest is not None:
            log.info("kept %s: it holds more data than the newest backup", fullest.name)
            kept.add(fullest)
    removed = []
    for b in backups:
        if b.path in kept or b.path == just_written:
            continue
        try:
            b.path.unlink()
        except FileNotFoundError:
            continue  # thinned by another process meanwhile
        except OSError:
            log.warning("could not remove the old backup %s", b.path.name, exc_info=True)
            continue
        removed.append(b.path)
    if removed:
        log.info("thinned %d old backup(s)", len(removed))
    return removed


def _target(data: DataDir, reason: str, now: datetime) -> Path:
    return files.unused_name(data.backups, f"shopdesk-{now:%Y%m%d-%H%M%S}-{reason}", ".sqlite3")


def write_checked_copy(target: Path, thorough: bool = True) -> Path:
    """An online backup of the open database into `target`, checked (every
    page, the foreign keys and, when `thorough`, every index against its
    table); a copy that fails its check is removed and a UserError raised."""
    files.check_output(target)  # never a rename over a pipe or a device
    files.remove_litter(target.parent, output=target)  # what a killed backup to this name left
    try:
        db.backup_to(database.connection(), target)
    except OSError as e:
        raise UserError(QT_TRANSLATE_NOOP("UserError", "The backup could not be written to {folder}: {reason}."),
                        folder=target.parent, reason=e.strerror or e) from e
    except Exception as e:  # sqlite3 reports a full disk as its own error
        problem = db.storage_error(e, target)
        if problem is None and getattr(e, "sqlite_errorcode", 0) & 0xFF == db.SQLITE_CANTOPEN:
            # the copy cannot even be created: a folder without write permission
            raise UserError(QT_TRANSLATE_NOOP("UserError", "The backup could not be written to {folder}: "
                                              "{reason}."), folder=target.parent,
                            reason=_why_not_writable(target.parent) or e) from e
        if problem is None:
            raise
        raise problem from e
    problems = db.integrity_problems(target, quick=not thorough)
    if problems:
        log.error("backup %s failed its check: %s", target.name, problems[:5])
        target.unlink(missing_ok=True)
        raise UserError(QT_TRANSLATE_NOOP(
            "UserError", "The backup failed its check and was removed; the database itself is unchanged."))
    return target


def _why_not_writable(folder: Path) -> str:
    """The system's words for why nothing can be created in `folder`, or ""."""
    import errno

    try:
        if os.statvfs(folder).f_flag & os.ST_RDONLY:
            return os.strerror(errno.EROFS)
    except (OSError, AttributeError):  # no statvfs on Windows
        pass
    return "" if os.access(folder, os.W_OK) else os.strerror(errno.EACCES)


def backup_now(data: DataDir, reason: str = "manual") -> Path:
    """Write a checked copy of the database into backups/, then thin the
    older ones; returns the new backup's path. Manual backups get the full
    integrity check, automatic ones the quick check."""
    if reason not in REASONS:
        raise ValueError(f"unknown backup reason {reason!r}")
    now = datetime.now()
    files.remove_litter(data.backups)  # what killed backups left
    # automatic backups run as the app closes or works: the quick check (0.6 s
    # at 100,000 customers, where the full one takes 3-6 s); by hand, the full one
    target = write_checked_copy(_target(data, reason, now), thorough=reason == "manual")
    log.info("backup written: %s", target.name)
    thin(data, just_written=target, now=now)
    return target


def data_dir() -> DataDir:
    """The data folder of the open database (the file sits at its top)."""
    return DataDir(Path(database.obj.database).parent)


def _written_at(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except FileNotFoundError:  # thinned meanwhile
        return 0.0


def _wal_written_at(path: Path) -> float:
    """When the write-ahead log got its last frame; 0 for an empty one (each
    opening of the shop creates the log anew, which is no change)."""
    try:
        st = path.stat()
    except FileNotFoundError:
        return 0.0
    return st.st_mtime if st.st_size > 0 else 0.0


def _changed_since(data: DataDir, written: float) -> bool:
    """Whether the database (or its write-ahead log) was written after `written`."""
    db_path = data.db_path
    newest = max(_written_at(db_path), _wal_written_at(db_path.with_name(db_path.name + "-wal")))
    return newest > written


def backup_if_due(data: DataDir, reason: str, every: timedelta | None = None,
                  now: datetime | None = None) -> Path | None:
    """A backup when the database changed since the last backup was written
    and (with `every`) the newest one is at least `every` old; None when none
    was needed. The app calls it on a timer ("periodic") and when it closes
    ("close"). None too while the open shop is on a server: the local file
    that may sit beside team.json is not the shop (the server's shop has
    its own schedule: desk/core/team_backup.py)."""
    from desk.core import dialect

    if dialect.on_server():
        return None
    now = now or datetime.now()
    found = list_backups(data)
    if found:
        if not _changed_since(data, max(_written_at(b.path) for b in found)):
            return None
        if every is not None and now - found[0].taken_at < every:
            return None
    return backup_now(data, reason)


def newest_good(data: DataDir, skip: Iterable[Path] = ()) -> BackupInfo | None:
    """The newest backup that passes SQLite's quick check, or None."""
    skipped = set(skip)
    for b in list_backups(data):
        if b.path in skipped:
            continue
        try:
            if not db.quick_problems(b.path):
                return b
        except sqlite3.Error:
            continue  # cannot be opened: not one to offer
    return None


# -- the full archive: database, photos and a manifest, to move a shop ------------------

ARCHIVE_FORMAT = "shopdesk-full-backup"
ARCHIVE_VERSION = 1
MANIFEST = "manifest.json"
DB_MEMBER = "shopdesk.sqlite3"
PHOTO_MEMBER = re.compile(r"^photos/([0-9a-f]{2})/([0-9a-f]{64})\.(jpg|png|gif|webp|bmp)$")
_CHUNK = 1 << 20
_ZIP64_FROM = 1 << 30


@dataclass(frozen=True)
class ArchiveResult:
    path: Path
    photos: int
    skipped: int  # photo files whose content no longer matches their name (damaged on disk)
    size: int


def stored_photos(photos: Path) -> list[tuple[str, Path]]:
    """(archive member name, file) of every photo in the store, thumbnails
    and unfinished writes left out."""
    found = []
    try:
        folders = sorted(p for p in photos.iterdir() if p.is_dir() and len(p.name) == 2)
    except FileNotFoundError:
        return []
    for folder in folders:
        for f in sorted(folder.iterdir()):
            name = f"photos/{folder.name}/{f.name}"
            if PHOTO_MEMBER.match(name) and f.is_file():
                found.append((name, f))
    return found


def _zip_time(path: Path) -> tuple[int, ...]:
    return max(datetime.fromtimestamp(path.stat().st_mtime), datetime(1980, 1, 1)).timetuple()[:6]


def _sha256_of(path: Path) -> tuple[str, int]:
    """(sha256, size) of a file, read in chunks."""
    import hashlib

    digest, size = hashlib.sha256(), 0
    with files.open_regular(path) as f:
        while chunk := f.read(_CHUNK):
            digest.update(chunk)
            size += len(chunk)
    return digest.hexdigest(), size


def _add_file(zf, name: str, source: Path, compress: bool = True) -> tuple[str, int]:
    """Stream `source` into the archive in chunks; returns its (sha256, size)."""
    import hashlib
    import zipfile

    info = zipfile.ZipInfo(name, _zip_time(source))
    info.compress_type = zipfile.ZIP_DEFLATED if compress else zipfile.ZIP_STORED
    digest, size = hashlib.sha256(), 0
    with files.open_regular(source) as src, \
            zf.open(info, "w", force_zip64=os.fstat(src.fileno()).st_size >= _ZIP64_FROM) as dst:
        while chunk := src.read(_CHUNK):
            digest.update(chunk)
            dst.write(chunk)
            size += len(chunk)
    return digest.hexdigest(), size


def _photo_fits(name: str, path: Path) -> bool:
    """Whether a stored photo can go into the archive as it is: its bytes
    still match its name, and it is no larger than a photo may be (restore
    refuses an archive with anything else in it)."""
    from desk.core.aftersales.photos import MAX_BYTES

    try:
        if files.check_regular(path).st_size > MAX_BYTES:
            return False
        sha, _ = _sha256_of(path)
    except (OSError, UserError):
        return False
    return sha == PHOTO_MEMBER.match(name).group(2)


def write_archive(data: DataDir, out: Path, progress=None) -> ArchiveResult:
    """One zip with a checked copy of the database, every photo and a
    manifest (sha256 and size of each file, schema and app version).
    Written beside `out` (`out.<pid>.part`) and renamed into place; every
    file is read in chunks, never whole."""
    import json
    import zipfile

    from desk import __version__

    out = Path(out)
    if not out.parent.is_dir():
        raise UserError(QT_TRANSLATE_NOOP("UserError", "The folder {folder} does not exist."), folder=out.parent)
    files.check_output(out)
    files.remove_litter(data.backups)  # what killed full backups left
    files.remove_litter(out.parent, output=out)
    staged = data.backups / f".archive-{os.getpid()}.sqlite3"
    part = files.part_path(out)
    try:
        write_checked_copy(staged)
        schema = db.inspect(staged)[0]
        photos = stored_photos(data.photos)
        manifest_files: dict[str, dict] = {}
        skipped = 0
        with zipfile.ZipFile(part, "w", allowZip64=True) as zf:
            sha, size = _add_file(zf, DB_MEMBER, staged)
            manifest_files[DB_MEMBER] = {"sha256": sha, "size": size}
            for i, (name, path) in enumerate(photos):
                # checked first, so a damaged photo is left out rather than half in
                if not _photo_fits(name, path):
                    log.warning("photo %s does not match its name; left out of the archive", path.name)
                    skipped += 1
                else:
                    sha, size = _add_file(zf, name, path, compress=False)
                    if sha != PHOTO_MEMBER.match(name).group(2):  # changed meanwhile: never
                        raise UserError(QT_TRANSLATE_NOOP(
                            "UserError", "The photo {name} changed while it was being archived; "
                            "try again."), name=path.name)
                    manifest_files[name] = {"sha256": sha, "size": size}
                if progress:
                    progress(i + 1, len(photos))
            manifest = {
                "format": ARCHIVE_FORMAT, "format_version": ARCHIVE_VERSION, "app_version": __version__,
                "schema_version": schema, "created_at": datetime.now().astimezone().isoformat(),
                "files": manifest_files,
            }
            zf.writestr(MANIFEST, json.dumps(manifest, indent=1, sort_keys=True), zipfile.ZIP_DEFLATED)
        with open(part, "rb") as f:
            os.fsync(f.fileno())
        os.replace(part, out)
    except OSError as e:
        raise UserError(QT_TRANSLATE_NOOP("UserError", "The archive {path} could not be written: {reason}."),
                        path=out, reason=e.strerror or e) from e
    finally:
        for leftover in (staged, part):
            try:
                leftover.unlink(missing_ok=True)
            except OSError:  # a read-only folder: the error above says so
                pass
    return ArchiveResult(out, len(photos) - skipped, skipped, out.stat().st_size)
