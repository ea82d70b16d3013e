"""Paths that come in from outside (imports, photos, backups to restore) and
files written where the user says (--out): ordinary files only.

A pipe or a device where a file was expected must never be opened the usual
way: opening a FIFO for reading blocks until someone writes to it (for ever,
holding the writer lock), /dev/zero never ends, and `os.replace` over a
device node would replace the device. So every path is checked with
`os.stat` first, and files are opened with O_NONBLOCK and checked again on
the open descriptor (a file swapped for a FIFO in between is still refused).
"""

from __future__ import annotations

import logging
import os
import re
import stat
from pathlib import Path
from typing import BinaryIO

from desk.core.errors import QT_TRANSLATE_NOOP, UserError

log = logging.getLogger(__name__)

_NONBLOCK = getattr(os, "O_NONBLOCK", 0)  # Windows has no FIFOs to block on


def unused_name(folder: Path, stem: str, suffix: str) -> Path:
    """folder/stem+suffix, or stem-2, stem-3, ... +suffix: the first name not taken."""
    target = folder / f"{stem}{suffix}"
    n = 1
    while target.exists():
        n += 1
        target = folder / f"{stem}-{n}{suffix}"
    return target


def sync_folder(folder: Path) -> None:
    """Make a rename or a new name in `folder` durable (POSIX: fsync the folder)."""
    if os.name == "posix":
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def not_a_file(name: object) -> UserError:
    return UserError(QT_TRANSLATE_NOOP(
        "UserError", "{name} is not an ordinary file (a pipe, a device or a socket?); "
        "ShopDesk only uses ordinary files."), name=name)


def _refuse_unless_regular(st: os.stat_result, path: Path, name: object) -> None:
    if stat.S_ISDIR(st.st_mode):
        raise IsADirectoryError(21, "Is a directory", str(path))
    if not stat.S_ISREG(st.st_mode):
        raise not_a_file(path.name if name is None else name)


def check_regular(path: str | os.PathLike[str], name: object = None) -> os.stat_result:
    """The stat of `path`, an ordinary file (symbolic links followed).
    A folder raises IsADirectoryError and a missing file FileNotFoundError
    (callers word those themselves); anything else that is not an ordinary
    file (FIFO, device, socket) a UserError naming `name` (default: the
    file's name)."""
    path = Path(path)
    st = os.stat(path)
    _refuse_unless_regular(st, path, name)
    return st


def open_regular(path: str | os.PathLike[str], name: object = None) -> BinaryIO:
    """`open(path, "rb")` for an ordinary file only, never blocking on a
    FIFO; raises as `check_regular` does."""
    path = Path(path)
    check_regular(path, name)
    fd = os.open(path, os.O_RDONLY | _NONBLOCK | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0))
    try:
        _refuse_unless_regular(os.fstat(fd), path, name)
        if _NONBLOCK:
            import fcntl

            fcntl.fcntl(fd, fcntl.F_SETFL, fcntl.fcntl(fd, fcntl.F_GETFL) & ~_NONBLOCK)
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def check_output(path: str | os.PathLike[str]) -> None:
    """Refuse to write over anything but an ordinary file: `--out` naming a
    FIFO or a device (/dev/null) would block, or replace the device itself."""
    path = Path(path)
    try:
        st = os.stat(path)
    except (FileNotFoundError, NotADirectoryError):
        return
    except OSError:
        return  # the write itself says what is wrong
    if not stat.S_ISREG(st.st_mode) and not stat.S_ISDIR(st.st_mode):
        raise not_a_file(path)


# -- what a killed ShopDesk leaves behind ------------------------------------------------
#
# Every temporary file ShopDesk writes beside a database, backup or archive
# carries the writing process's id, so what a dead process left can be told
# from what a running one is still writing.

_JOURNALS = r"(?:-journal|-wal|-shm)?"
# in the data folder and backups/: names only ShopDesk writes
_OWN_LITTER = re.compile(
    r"^(?:\.archive-(\d+)\.sqlite3(?:\.\d+\.part)?"  # the checked copy of a full archive
    r"|\.restoring-(\d+)\.sqlite3"  # a restore's staged database
    r"|(?:shopdesk|pre-migration)-[^/\\]*\.(?:sqlite3|zip)\.(\d+)\.part"  # a backup being written
    r"|\.incoming-(?:restore-)?(\d+)(?:-\w+)?)"  # a photo being stored (photos/ab/)
    + _JOURNALS + "$")


def part_path(target: Path) -> Path:
    """Where `target` is written before it is renamed into place: beside it,
    named after it and this process (`FILE.<pid>.part`)."""
    return target.with_name(f"{target.name}.{os.getpid()}.part")


def _alive(pid: int) -> bool:
    """Whether a process `pid` runs (ours counts; when unsure: yes)."""
    if pid == os.getpid():
        return True
    if pid <= 0:
        return False
    if os.name == "nt":  # os.kill(pid, 0) would end the process there
        import ctypes

        handle = ctypes.windll.kernel32.OpenProcess(0x1000, False, pid)  # QUERY_LIMITED_INFORMATION
        if not handle:
            return ctypes.GetLastError() == 5  # access denied: it exists
        try:
            code = ctypes.c_ulong()
            ctypes.windll.kernel32.GetExitCodeProcess(handle, ctypes.byref(code))
            return code.value == 259  # STILL_ACTIVE
        finally:
            ctypes.windll.kernel32.CloseHandle(handle)
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # it exists, run by someone else
    return True


def _litter_pid(name: str, output: str | None) -> int | None:
    if output is not None:
        m = re.fullmatch(re.escape(output) + r"\.(\d+)\.part" + _JOURNALS, name)
        return int(m.group(1)) if m else None
    m = _OWN_LITTER.match(name)
    if not m:
        return None
    return int(next(g for g in m.groups() if g is not None))


def remove_litter(folder: Path, output: Path | None = None) -> list[Path]:
    """Remove the temporary files that a killed ShopDesk left in `folder`
    (the data folder or backups/): only names ShopDesk writes, and only those
    whose process is gone. With `output` (a file the user named with --out),
    only that file's own `FILE.<pid>.part`s beside it are looked at."""
    folder = Path(folder) if output is None else Path(output).parent
    only = None if output is None else Path(output).name
    removed = []
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return []
    for entry in entries:
        pid = _litter_pid(entry.name, only)
        if pid is None or _alive(pid):
            continue
        try:
            if not entry.is_file(follow_symlinks=False):
                continue
            os.unlink(entry.path)
        except FileNotFoundError:
            continue
        except OSError:
            log.warning("could not remove %s, left by an ended ShopDesk", entry.name, exc_info=True)
            continue
        removed.append(Path(entry.path))
    if removed:
        log.info("removed %d file(s) left by an ended ShopDesk", len(removed))
    return removed
