"""Faults for the crash tests: a disk that fills up, a read-only folder, and
the checks that a data folder came through a fault whole.

A full disk is a small tmpfs where this machine lets the tests mount one
(root, in a container or VM that allows it); elsewhere the child process
gets RLIMIT_FSIZE (what `prlimit --fsize` sets), with SIGXFSZ ignored so a
write past the limit fails with EFBIG instead of killing it. Either way the
child may write only `room` more bytes, and the tests assert the same
outcome on both.
"""

from __future__ import annotations

import contextlib
import os
import re
import resource
import shutil
import signal
import sqlite3
import subprocess
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
# what ShopDesk writes while it works and renames or removes when done
LITTER = re.compile(r"\.part(?:-journal|-wal|-shm)?$|^\.archive-|^\.restoring-|^\.incoming-")


def _env() -> dict[str, str]:
    return {k: v for k, v in os.environ.items() if k != "SHOPDESK_DATA_DIR"}


def shopdesk(*args, preexec: Callable[[], None] | None = None, timeout: float = 120) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "desk", *map(str, args)], cwd=ROOT, env=_env(),
                          capture_output=True, text=True, timeout=timeout, preexec_fn=preexec)


def start(argv: list[str], preexec: Callable[[], None] | None = None) -> subprocess.Popen:
    """A writer as its own process (`argv` after `python`)."""
    return subprocess.Popen([sys.executable, *argv], cwd=ROOT, env=_env(), stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE, preexec_fn=preexec)


def one_clear_line(proc: subprocess.CompletedProcess) -> str:
    """Exit 2, one line on stderr (no traceback, no log line before it)."""
    assert proc.returncode == 2, (proc.returncode, proc.stdout[-2000:], proc.stderr[-3000:])
    assert "Traceback" not in proc.stderr
    lines = proc.stderr.splitlines()
    assert len(lines) == 1, proc.stderr
    assert lines[0].startswith("shopdesk: ")
    return lines[0]


# -- a disk that fills up ---------------------------------------------------------------


@dataclass
class SmallDisk:
    folder: Path  # where the data folder goes
    kind: str  # "tmpfs" or "fsize"
    room: int  # bytes the child may still write (in all on tmpfs, per file with RLIMIT_FSIZE)
    filler: Path | None = None

    def preexec(self) -> Callable[[], None] | None:
        if self.kind == "tmpfs":
            return None
        room = self.room

        def limit() -> None:
            signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # EFBIG, not death
            resource.setrlimit(resource.RLIMIT_FSIZE, (room, room))

        return limit

    def fill(self) -> None:
        """Leave only `room` bytes free (tmpfs; with RLIMIT_FSIZE the limit does it)."""
        if self.kind != "tmpfs":
            return
        free = os.statvfs(self.folder).f_bavail * os.statvfs(self.folder).f_frsize
        self.filler = self.folder / "filler"
        with open(self.filler, "wb") as f:
            f.truncate(0)
            chunk = b"\0" * (1 << 20)
            left = max(free - self.room, 0)
            while left > 0:
                try:
                    left -= f.write(chunk[: min(left, len(chunk))])
                except OSError:
                    break
        os.sync()

    def make_room(self) -> None:
        if self.filler is not None:
            self.filler.unlink(missing_ok=True)
            self.filler = None


_MOUNTABLE: list[bool] = []


def _try_mount(folder: Path, size: int) -> bool:
    if _MOUNTABLE == [False] or sys.platform != "linux" or shutil.which("mount") is None:
        return False
    proc = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(folder)],
                          capture_output=True)
    if not _MOUNTABLE:
        _MOUNTABLE.append(proc.returncode == 0)
    return proc.returncode == 0


@contextlib.contextmanager
def small_disk(folder: Path, size: int, room: int, kind: str = "tmpfs") -> Iterator[SmallDisk]:
    """A folder on a `size`-byte tmpfs (kind "tmpfs", when it can be
    mounted) or an ordinary folder whose writers get RLIMIT_FSIZE = `room`
    (kind "fsize", and the fallback)."""
    folder.mkdir(parents=True, exist_ok=True)
    mounted = kind == "tmpfs" and _try_mount(folder, size)
    disk = SmallDisk(folder, "tmpfs" if mounted else "fsize", room)
    try:
        yield disk
    finally:
        if mounted:
            subprocess.run(["umount", "-l", str(folder)], capture_output=True)


@contextlib.contextmanager
def read_only(folder: Path) -> Iterator[None]:
    """`folder` and everything in it read-only for the processes started
    meanwhile: a read-only bind mount as root (root ignores file modes),
    else the modes taken away. Skips the test where neither can be done."""
    import pytest

    if os.geteuid() == 0:
        ok = subprocess.run(["mount", "--bind", str(folder), str(folder)], capture_output=True).returncode == 0
        if ok and subprocess.run(["mount", "-o", "remount,ro,bind", str(folder)],
                                 capture_output=True).returncode == 0:
            try:
                yield
            finally:
                subprocess.run(["umount", "-l", str(folder)], capture_output=True)
            return
        if ok:
            subprocess.run(["umount", "-l", str(folder)], capture_output=True)
        pytest.skip("running as root where a read-only bind mount is not allowed")
    modes = {p: p.stat().st_mode for p in [folder, *folder.rglob("*")]}
    for p in modes:
        p.chmod(modes[p] & ~0o222)
    try:
        yield
    finally:
        for p, mode in modes.items():
            p.chmod(mode)


# -- what the tests look at ----------------------------------------------------------------


def litter(*folders: Path) -> list[str]:
    """ShopDesk's temporary files under `folders`."""
    found = []
    for folder in folders:
        if folder.is_dir():
            found += [str(p) for p in folder.rglob("*") if LITTER.search(p.name)]
    return sorted(found)


def count(db: Path, sql: str) -> int:
    conn = sqlite3.connect(f"{db.as_uri()}?mode=ro", uri=True)
    try:
        return conn.execute(sql).fetchone()[0]
    finally:
        conn.close()


def orders_csv(path: Path, n: int, first: int = 0) -> Path:
    """A Taobao order export with `n` orders (one item each) for 500 buyers."""
    from tests.core.excel.samples import SampleOrder, taobao_csv

    base = datetime(2025, 3, 1, 10, 0)
    orders = [SampleOrder(f"31{i:017d}", f"买家{i % 500}", "王芳", "13812341234", "浙江省杭州市西湖区文一西路1号",
                          1000 + i, "completed", base + timedelta(minutes=i), base + timedelta(minutes=i, seconds=30),
                          "中通快递", f"7531{i:010d}", (("纯棉宽松短袖T恤", "白色;M", 1),))
              for i in range(first, first + n)]
    return taobao_csv(path, orders=orders)
