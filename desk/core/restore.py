"""Putting a backup back, and the start-up check of the database.

`restore` takes a backup (a database file, or a full archive from
`shopdesk backup --full`), checks it completely before anything changes,
keeps the current database aside (`shopdesk-replaced-<time>.sqlite3` in the
data folder, never deleted), adds the archive's photos that are missing
(existing photo files are never overwritten) and swaps the database in with
one atomic rename.

`startup_check` runs before the app opens the database: a file that fails
the check is moved aside (`shopdesk-damaged-<time>.sqlite3`, kept) and the
newest good backup is offered, so a damaged database is never silently
replaced by an empty one. SQLite's quick check (0.6 s at 100,000 customers)
runs when the last run did not close cleanly or the file changed while
ShopDesk was closed; after a clean close only the header is read, and the
closing backup's integrity check has just read every page.
"""

from __future__ import annotations

import json
import logging
import os
import sqlite3
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from desk.core import db, files
from desk.core.errors import QT_TRANSLATE_NOOP, UserError
from desk.core.lock import WriterLock
from desk.core.paths import DataDir

if TYPE_CHECKING:
    import zipfile

    from desk.core import backup
# (hashlib, shutil, zipfile and the backup module are imported where they are
# used: the start-up check in this module is on the app's start path)

log = logging.getLogger(__name__)

SQLITE_MAGIC = b"SQLite format 3\x00"
MAX_MANIFEST_BYTES = 64 * 1024 * 1024
MAX_ARCHIVE_BYTES = 64 * 1024**3  # all files of an archive, uncompressed
MAX_MEMBERS = 2_000_000
_CHUNK = 1 << 20
_REQUIRED_TABLES = ("customer", "note", "aftersales_case", "setting")


@dataclass(frozen=True)
class RestoreResult:
    kept_aside: Path | None  # where the database it replaced was moved; None if there was none
    schema_version: int  # of the backup, before it was brought up to date
    photos_added: int
    photos_present: int  # already in the store, left as they were


def _not_a_backup(source: Path, reason: str = "") -> UserError:
    if reason:
        return UserError(QT_TRANSLATE_NOOP(
            "UserError", "{path} is not a ShopDesk backup ({reason}); nothing was changed."),
            path=source, reason=reason)
    return UserError(QT_TRANSLATE_NOOP(
        "UserError", "{path} is not a ShopDesk backup; nothing was changed."), path=source)


def _damaged(source: Path, reason: object) -> UserError:
    return UserError(QT_TRANSLATE_NOOP(
        "UserError", "The backup {path} is damaged ({reason}); nothing was changed."),
        path=source, reason=reason)


# -- checking a database file ---------------------------------------------------------


def check_database(path: Path, source: Path) -> int:
    """Refuse `path` (a copy of `source`) unless it is a sound ShopDesk
    database this version can open; returns its schema version."""
    try:
        conn = db.raw_connect(path, "ro")
    except sqlite3.Error as e:
        raise _damaged(source, e) from e
    try:
        app_id = conn.execute("PRAGMA application_id").fetchone()[0]
        version = db.schema_version(conn)
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        if app_id != db.APPLICATION_ID or not set(_REQUIRED_TABLES) <= tables or version < 1:
            raise _not_a_backup(source)
        if version > db.latest_version():
            raise UserError(QT_TRANSLATE_NOOP(
                "UserError", "The backup {path} was made by a newer ShopDesk (schema {found}; this "
                "version knows up to {known}). Update ShopDesk to restore it; nothing was changed."),
                path=source, found=version, known=db.latest_version())
        problems = [r[0] for r in conn.execute("PRAGMA integrity_check(20)") if r[0] != "ok"]
        if problems:
            raise _damaged(source, problems[0])
        return version
    except sqlite3.DatabaseError as e:
        raise _damaged(source, e) from e
    finally:
        conn.close()


def _copy_database(source: Path, stage: Path) -> None:
    """A consistent copy of the SQLite file `source` (its own write-ahead log
    included) into `stage`, with SQLite's backup API, read-only on the source."""
    try:
        src = db.raw_connect(source, "ro")
        try:
            dest = db.raw_connect(stage)
            try:
                src.backup(dest)
            finally:
                dest.close()
        finally:
            src.close()
    except sqlite3.DatabaseError as e:
        problem = db.storage_error(e, stage)
        raise (problem or _damaged(source, e)) from e


# -- checking a full archive ----------------------------------------------------------


@dataclass(frozen=True)
class _Archive:
    zf: zipfile.ZipFile
    files: dict[str, dict]  # manifest: member name -> {"sha256", "size"}


def _safe_name(name: str) -> bool:
    """A member name that stays inside the folder it is unpacked in."""
    return not (name.startswith("/") or "\\" in name or ":" in name
                or any(part in ("", ".", "..") for part in name.split("/")))


def _open_archive(source: Path) -> _Archive:
    import zipfile

    from desk.core import backup

    try:
        zf = zipfile.ZipFile(source)
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as e:
        raise _damaged(source, e) from e
    try:
        infos = zf.infolist()
        if len(infos) > MAX_MEMBERS:
            raise _not_a_backup(source, "too many files")
        names = [i.filename for i in infos]
        if len(set(names)) != len(names):
            raise _not_a_backup(source, "a file name appears twice")
        for name in names:
            if not _safe_name(name):
                raise _not_a_backup(source, f"unsafe file name {name!r}")
        if backup.MANIFEST not in names:
            raise _not_a_backup(source)
        manifest_info = zf.getinfo(backup.MANIFEST)
        if manifest_info.file_size > MAX_MANIFEST_BYTES:
            raise _not_a_backup(source, "the manifest is too large")
        with zf.open(manifest_info) as f:
            raw = f.read(MAX_MANIFEST_BYTES + 1)
        if len(raw) > MAX_MANIFEST_BYTES:
            raise _not_a_backup(source, "the manifest is too large")
        manifest = json.loads(raw.decode("utf-8"))
        files = _check_manifest(manifest, source)
        if set(files) != set(names) - {backup.MANIFEST}:
            raise _damaged(source, "its files do not match its manifest")
        total = 0
        for info in infos:
            if info.filename == backup.MANIFEST:
                continue
            if info.flag_bits & 0x1:
                raise _not_a_backup(source, "encrypted")
            if info.file_size != files[info.filename]["size"]:
                raise _damaged(source, f"{info.filename} has the wrong size")
            total += info.file_size
        if total > MAX_ARCHIVE_BYTES:
            raise _not_a_backup(source, "it would unpack to more than "
                                        f"{MAX_ARCHIVE_BYTES // 1024**3} GB")
        return _Archive(zf, files)
    except UserError:
        zf.close()
        raise
    except (zipfile.BadZipFile, OSError, EOFError, RuntimeError, NotImplementedError, ValueError) as e:
        zf.close()  # ValueError also covers JSON and UTF-8 errors in the manifest
        raise _damaged(source, e) from e


def _check_manifest(manifest: object, source: Path) -> dict[str, dict]:
    from desk.core import backup

    if not isinstance(manifest, dict) or manifest.get("format") != backup.ARCHIVE_FORMAT:
        raise _not_a_backup(source)
    if manifest.get("format_version") != backup.ARCHIVE_VERSION:
        raise UserError(QT_TRANSLATE_NOOP(
            "UserError", "The archive {path} was made by a newer ShopDesk; update ShopDesk to restore "
            "it. Nothing was changed."), path=source)
    files = manifest.get("files")
    if not isinstance(files, dict) or backup.DB_MEMBER not in files:
        raise _not_a_backup(source, "the manifest lists no database")
    for name, entry in files.items():
        ok = (isinstance(entry, dict) and isinstance(entry.get("sha256"), str)
              and len(entry["sha256"]) == 64 and isinstance(entry.get("size"), int) and entry["size"] >= 0)
        if not ok:
            raise _damaged(source, f"the manifest entry for {name!r} is malformed")
        if name != backup.DB_MEMBER:
            m = backup.PHOTO_MEMBER.match(name)
            if not m or m.group(1) != m.group(2)[:2] or m.group(2) != entry["sha256"]:
                raise _not_a_backup(source, f"unexpected file {name!r}")
    return files


def _read_member(archive: _Archive, name: str, source: Path, out=None) -> None:
    """Stream one member, into `out` if given, refusing it if it holds more
    bytes than the manifest says (a zip bomb) or its sha256 differs."""
    import hashlib
    import zipfile

    expected = archive.files[name]
    digest, size = hashlib.sha256(), 0
    try:
        with archive.zf.open(name) as f:
            while chunk := f.read(_CHUNK):
                size += len(chunk)
                if size > expected["size"]:
                    raise _damaged(source, f"{name} is larger than its manifest says")
                digest.update(chunk)
                if out is not None:
                    out.write(chunk)
    except UserError:
        raise
    except (zipfile.BadZipFile, EOFError, RuntimeError, NotImplementedError, ValueError) as e:
        raise _damaged(source, e) from e
    except OSError as e:
        if out is not None and e.errno is not None:
            raise _unwritable(e, out.name) from e
        raise _damaged(source, e) from e
    if size != expected["size"] or digest.hexdigest() != expected["sha256"]:
        raise _damaged(source, f"{name} does not match its checksum")


def _check_database_member(archive: _Archive, source: Path) -> None:
    """Refuse an archive whose database is not a SQLite file before a byte
    of it is unpacked (a bomb in its place gets no further)."""
    import zipfile

    from desk.core import backup

    try:
        with archive.zf.open(backup.DB_MEMBER) as f:
            head = f.read(len(SQLITE_MAGIC))
    except (zipfile.BadZipFile, EOFError, OSError, RuntimeError, NotImplementedError, ValueError) as e:
        raise _damaged(source, e) from e
    if head != SQLITE_MAGIC:
        raise _not_a_backup(source, "its database is not a SQLite file")


def _bad_photo(source: Path, problem: object) -> UserError:
    return UserError(QT_TRANSLATE_NOOP(
        "UserError", "The backup {path} holds a file that is not a photo ShopDesk can keep: "
        "{problem} Nothing was changed."), path=source, problem=problem)


def _check_photo_sizes(archive: _Archive, source: Path) -> None:
    """Refuse, from the manifest alone, an archive with a "photo" larger than
    a photo may be (before a byte of anything is unpacked)."""
    from desk.core import backup
    from desk.core.aftersales.photos import MAX_BYTES

    for name, entry in archive.files.items():
        if name != backup.DB_MEMBER and entry["size"] > MAX_BYTES:
            raise _bad_photo(source, f"{name} is too large for a photo ({entry['size'] / 1048576:.0f} MB; "
                                     f"at most {MAX_BYTES // 1048576} MB).")


def _check_photo_member(archive: _Archive, name: str, source: Path) -> None:
    """The checks an attached photo passes (photos.check_image: an image,
    complete, not a bomb, a format ShopDesk keeps, stored under its format's
    extension), on an archive's photo; its checksum too. At most
    photos.MAX_BYTES are held in memory (`_check_photo_sizes` ran first)."""
    import io

    from desk.core.aftersales import photos

    buf = io.BytesIO()
    _read_member(archive, name, source, buf)
    try:
        checked = photos.check_image(buf.getvalue(), name)
    except UserError as e:
        raise _bad_photo(source, e) from None
    if checked.ext != name.rsplit(".", 1)[1]:
        raise _bad_photo(source, f"{name} is a {checked.ext} image under another extension.")


def _unwritable(error: OSError, where: object) -> UserError:
    return UserError(QT_TRANSLATE_NOOP(
        "UserError", "The backup could not be unpacked into {folder}: {reason}. Nothing was changed."),
        folder=Path(str(where)).parent, reason=error.strerror or error)


# -- the swap ----------------------------------------------------------------------------


def _stamp() -> str:
    return time.strftime("%Y%m%d-%H%M%S")


def _companions(path: Path) -> list[Path]:
    return [path.with_name(path.name + suffix) for suffix in ("-wal", "-shm")]


def _aside_name(data: DataDir, kind: str) -> Path:
    return files.unused_name(data.root, f"shopdesk-{kind}-{_stamp()}", ".sqlite3")


def set_aside(data: DataDir, kind: str) -> Path:
    """Move the database and its write-ahead log aside under a timestamped
    name in the data folder (kept, never deleted); returns the new path."""
    target = _aside_name(data, kind)
    for companion, moved in zip(_companions(data.db_path), _companions(target), strict=True):
        if companion.exists():
            os.replace(companion, moved)
    os.replace(data.db_path, target)
    files.sync_folder(data.root)
    return target


def _settle(path: Path) -> None:
    """Fold the write-ahead log into the database file so the file alone is
    the whole database; refuse if another connection keeps it busy."""
    conn = db.raw_connect(path, "rw", isolation_level=None)
    try:
        busy = conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()[0]
        conn.execute("PRAGMA journal_mode=DELETE")  # removes the log; refused while others read
    except sqlite3.Error as e:
        raise UserError(QT_TRANSLATE_NOOP(
            "UserError", "The current database is in use or cannot be read ({reason}); close every "
            "ShopDesk and try again. Nothing was changed."), reason=e) from e
    finally:
        conn.close()
    if busy or any(c.exists() and c.stat().st_size for c in _companions(path)[:1]):
        raise UserError(QT_TRANSLATE_NOOP(
            "UserError", "The current database is in use; close every ShopDesk and try again. "
            "Nothing was changed."))


def _keep_copy(current: Path, aside: Path) -> None:
    """`aside` becomes a second name of the current file (a hard link), or a
    full copy where the file system has no links."""
    import shutil

    try:
        os.link(current, aside)
        return
    except OSError:
        pass
    try:
        shutil.copy2(current, aside)
        with open(aside, "rb") as f:
            os.fsync(f.fileno())
    except BaseException:
        aside.unlink(missing_ok=True)  # half a copy is no copy
        raise


def _swap(data: DataDir, stage: Path) -> Path | None:
    current = data.db_path
    aside = None
    with open(stage, "rb") as f:
        os.fsync(f.fileno())
    if current.exists() and header_problem(current):
        # no ShopDesk database (empty, another program's, not SQLite): kept
        # as it is, with whatever log lies beside it, nothing to fold in
        aside = set_aside(data, "replaced")
    elif current.exists():
        _settle(current)
        for companion in _companions(current):
            companion.unlink(missing_ok=True)  # empty now; never to be read with the new file
        aside = _aside_name(data, "replaced")
        _keep_copy(current, aside)
    os.replace(stage, current)
    files.sync_folder(data.root)
    return aside


# -- restore -------------------------------------------------------------------------------


def _store_photos(archive: _Archive, data: DataDir, source: Path, names: list[str],
                  progress: Callable[[int, int], None] | None) -> tuple[int, int]:
    """Write the archive's photos `names` that the store lacks; returns (added, present)."""
    added = present = 0
    for i, name in enumerate(names):
        if progress:
            progress(len(names) + i + 1, len(names) * 2)
        target = data.root / name
        if target.exists():
            present += 1
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp = target.with_name(f".incoming-restore-{os.getpid()}")
        try:
            with open(tmp, "wb") as out:
                _read_member(archive, name, source, out)
                out.flush()
                os.fsync(out.fileno())
            if not target.exists():  # never overwrite a photo
                os.replace(tmp, target)
                added += 1
            else:
                present += 1
        finally:
            tmp.unlink(missing_ok=True)
    return added, present


def _free_space_check(data: DataDir, needed: int) -> None:
    import shutil

    free = shutil.disk_usage(data.root).free
    if needed > free:
        raise UserError(QT_TRANSLATE_NOOP(
            "UserError", "There is not enough free space in {folder} to restore this backup ({need} MB "
            "needed, {free} MB free). Nothing was changed."),
            folder=data.root, need=needed // 1048576 + 1, free=free // 1048576)


def restore(data: DataDir, source: Path | str,
            progress: Callable[[int, int], None] | None = None) -> RestoreResult:
    """Replace the database with the backup `source` (see the module's doc).

    The caller holds the data folder's writer lock and has closed every
    connection to the database. Anything wrong with `source` raises a
    UserError before the data folder is changed."""
    import zipfile

    from desk.core import backup

    source = Path(source)
    problem = db.file_problem(data.db_path)
    if problem is not None:  # a folder in the database's place: never restored into or over
        raise problem
    try:
        files.check_regular(source, name=source)  # a FIFO would block, a device never end
    except (FileNotFoundError, IsADirectoryError, NotADirectoryError):
        raise UserError(QT_TRANSLATE_NOOP("UserError", "There is no file {path}."), path=source) from None
    except OSError as e:
        raise UserError(QT_TRANSLATE_NOOP("UserError", "{path} cannot be read: {reason}."),
                        path=source, reason=e.strerror or e) from e
    files.remove_litter(data.root)  # what a killed restore left
    stage = data.root / f".restoring-{os.getpid()}.sqlite3"
    for leftover in (stage, *_companions(stage)):
        leftover.unlink(missing_ok=True)
    archive, missing = None, []
    try:
        try:
            with files.open_regular(source, name=source) as f:
                head = f.read(len(SQLITE_MAGIC))
        except OSError as e:
            raise UserError(QT_TRANSLATE_NOOP("UserError", "{path} cannot be read: {reason}."),
                            path=source, reason=e.strerror or e) from e
        if head == SQLITE_MAGIC:
            _free_space_check(data, source.stat().st_size)
            _copy_database(source, stage)
        elif zipfile.is_zipfile(source):
            archive = _open_archive(source)
            _check_database_member(archive, source)
            _check_photo_sizes(archive, source)
            missing = sorted(n for n in archive.files if n != backup.DB_MEMBER and not (data.root / n).exists())
            _free_space_check(data, archive.files[backup.DB_MEMBER]["size"]
                              + sum(archive.files[n]["size"] for n in missing))
            try:
                with open(stage, "wb") as out:
                    _read_member(archive, backup.DB_MEMBER, source, out)
            except OSError as e:
                raise _unwritable(e, stage) from e
            for i, name in enumerate(missing):  # check every photo before anything is stored
                _check_photo_member(archive, name, source)
                if progress:
                    progress(i + 1, len(missing) * 2)
        else:
            raise _not_a_backup(source)
        version = check_database(stage, source)
        try:
            db.migrate(stage, data.backups)  # an older backup is brought up to date before the swap
        except sqlite3.DatabaseError as e:
            raise (db.storage_error(e, stage) or _damaged(source, e)) from e
        added = present = 0
        if archive is not None:
            try:
                added, present = _store_photos(archive, data, source, missing, progress)
                present += len(archive.files) - 1 - len(missing)
            except OSError as e:
                raise _unwritable(e, data.photos / "x") from e
        try:
            aside = _swap(data, stage)
        except OSError as e:
            raise _unwritable(e, data.db_path) from e
    finally:
        if archive is not None:
            archive.zf.close()
        for leftover in (stage, *_companions(stage)):
            leftover.unlink(missing_ok=True)
    log.info("restored a backup of schema %d (%d photo(s) added); the previous database is %s",
             version, added, aside.name if aside else "none")
    return RestoreResult(aside, version, added, present)


def restore_unlocked_folder(data: DataDir, source: Path | str,
                            progress: Callable[[int, int], None] | None = None) -> RestoreResult:
    """`restore` for a process that does not hold the data folder (the CLI):
    takes the writer lock, refusing while ShopDesk has the folder open."""
    data.ensure()
    lock = WriterLock(data.lock_path)
    if not lock.acquire():
        raise UserError(QT_TRANSLATE_NOOP(
            "UserError", "ShopDesk is open on the data folder {folder}. Close it, then restore "
            "(or restore from Settings > Backups inside ShopDesk). Nothing was changed."),
            folder=data.root)
    try:
        return restore(data, source, progress)
    finally:
        lock.release()


# -- the start-up check ----------------------------------------------------------------

CLOSED_MARK = "shopdesk.closed"  # written when the app closed cleanly; taken at the next start


@dataclass(frozen=True)
class StartupCheck:
    status: str  # "ok", "new" (no database yet) or "damaged"
    problems: tuple[str, ...] = ()
    kept_at: Path | None = None  # where the damaged database was moved
    newest_good: backup.BackupInfo | None = None  # the backup to offer
    thorough: bool = False  # whether SQLite's quick check ran (else only the header was read)


def _stat_key(path: Path) -> dict[str, int]:
    st = path.stat()
    return {"size": st.st_size, "mtime_ns": st.st_mtime_ns}


def mark_clean_close(data: DataDir) -> None:
    """Record that the app closed the database cleanly (every connection
    closed, the write-ahead log folded in), with the file's size and time, so
    the next start can skip the full quick check while the file is as it was
    left. Call it after db.close(), before the lock is released."""
    wal = data.db_path.with_name(data.db_path.name + "-wal")
    if not data.db_path.exists() or (wal.exists() and wal.stat().st_size):
        return
    mark = data.root / CLOSED_MARK
    tmp = mark.with_name(mark.name + ".part")
    try:
        tmp.write_text(json.dumps(_stat_key(data.db_path)), encoding="utf-8")
        os.replace(tmp, mark)
    except OSError:
        log.warning("could not record the clean close", exc_info=True)


def _closed_cleanly(data: DataDir) -> bool:
    """Whether the last run closed cleanly and the file is unchanged since;
    the mark is used up, so a crash in this run leaves none for the next."""
    mark = data.root / CLOSED_MARK
    try:
        recorded = json.loads(mark.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    finally:
        try:
            mark.unlink()
        except FileNotFoundError:
            pass
        except OSError:  # a read-only folder: ensure() refuses it before we get here
            return False
    wal = data.db_path.with_name(data.db_path.name + "-wal")
    return recorded == _stat_key(data.db_path) and not (wal.exists() and wal.stat().st_size)


def header_problem(path: Path) -> str | None:
    """What is wrong with the file's first 100 bytes (SQLite's header), if anything."""
    size = path.stat().st_size
    if size == 0:  # ShopDesk never leaves an empty file under the database's name (db._create)
        return db.FILE_EMPTY
    with open(path, "rb") as f:
        head = f.read(100)
    if len(head) < 100 or not head.startswith(SQLITE_MAGIC):
        return "the file is not a SQLite database"
    page = int.from_bytes(head[16:18], "big")
    page = 65536 if page == 1 else page
    if page < 512 or page & (page - 1) or size % page:
        return "the file is cut short or its header is damaged"
    # PRAGMA application_id, set by the first migration, which runs before
    # the database gets its name (db._create): another program's database
    if int.from_bytes(head[68:72], "big") != db.APPLICATION_ID:
        return db.FILE_NOT_OURS
    return None


def remove_litter(data: DataDir) -> list[Path]:
    """Remove what killed restores, backups and photo writes left in the data
    folder, backups/ and photos/ (only ShopDesk's own temporary names, only
    of ended processes); part of the start-up check, under the writer lock."""
    removed = files.remove_litter(data.root) + files.remove_litter(data.backups)
    try:
        folders = [e.path for e in os.scandir(data.photos) if len(e.name) == 2 and e.is_dir()]
    except OSError:
        folders = []
    for folder in folders:
        removed += files.remove_litter(Path(folder))
    return removed


def startup_check(data: DataDir, thorough: bool = False) -> StartupCheck:
    """Check the database before it is opened: its header always; SQLite's
    quick check too when the last run did not close cleanly, the file changed
    since, or `thorough`. A killed writer's hot journal is rolled back
    first. A damaged database, and a file that holds no ShopDesk data (empty,
    another program's), is moved aside (kept) and the newest good backup
    looked up; the app must then not open (and so create) a database until
    the user has chosen. A folder in the database's place raises UserError.
    What a killed ShopDesk left beside the database is removed."""
    problem = db.file_problem(data.db_path)
    if problem is not None:  # a folder where the database should be: the user must move it
        raise problem
    remove_litter(data)
    if not data.db_path.exists():
        (data.root / CLOSED_MARK).unlink(missing_ok=True)
        return StartupCheck("new")
    journal = data.db_path.with_name(data.db_path.name + "-journal")
    if journal.exists():  # a writer was killed: its journal is rolled back (we hold the lock)
        db.recover(data.db_path)
    thorough = not _closed_cleanly(data) or thorough
    problem = header_problem(data.db_path)
    try:
        problems = [problem] if problem else (db.quick_problems(data.db_path) if thorough else [])
    except sqlite3.OperationalError as e:  # a full disk has no room for SQLite's shared-memory index
        refused = db.storage_error(e, data.db_path)
        if refused is None:
            raise
        raise refused from None
    if not problems:
        return StartupCheck("ok", thorough=thorough)
    log.error("the database failed its check at start-up: %s", problems[:5])
    kept = set_aside(data, "damaged")
    log.error("the damaged database was moved to %s", kept.name)
    from desk.core import backup

    return StartupCheck("damaged", tuple(problems[:20]), kept, backup.newest_good(data), thorough)
