"""A disk that refuses writes, met by the commands a person runs: a full disk
(a 4 MB tmpfs where mounting is allowed, else RLIMIT_FSIZE), a file-size
limit (RLIMIT_FSIZE, as `prlimit --fsize` sets it) and a read-only folder.
Each ends with one clear line on stderr and exit 2 (no traceback, no log
line before it, no second error from closing the database), nothing partial
written, and the shop sound once there is room again.

SHOPDESK_CRASH_RUNS (the nightly size, see tests/crash/test_fault_injection.py)
also makes the import the issue's 200,000 rows instead of 8,000."""

from __future__ import annotations

import os
import shutil
import sqlite3
from pathlib import Path

import pytest

from tests.crash import faults

NIGHTLY = bool(os.environ.get("SHOPDESK_CRASH_RUNS"))
DISKS = ["small-disk", "file-size-limit"]  # the first falls back to the second where it cannot mount
pytestmark = pytest.mark.skipif(not hasattr(os, "fork") or not os.path.exists("/proc"),
                                reason="needs Linux (tmpfs or RLIMIT_FSIZE)")


@pytest.fixture(scope="module")
def template(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("diskfaults") / "shop"
    proc = faults.shopdesk("--data-dir", root, "demo", "--customers", "20")
    assert proc.returncode == 0, proc.stderr
    return root


@pytest.fixture(scope="module")
def big_csv(tmp_path_factory) -> Path:
    return faults.orders_csv(tmp_path_factory.mktemp("orders") / "orders.csv", 200_000 if NIGHTLY else 8_000)


def _copy(template: Path, folder: Path) -> Path:
    root = folder / "shop"
    shutil.copytree(template, root, ignore=shutil.ignore_patterns("shopdesk.lock"))
    return root


def _sound(root: Path) -> None:
    from tests.crash.harness import shopdesk_check

    code, output = shopdesk_check(root)
    assert code == 0, output


def _orders(root: Path) -> int:
    return faults.count(root / "shopdesk.sqlite3", "SELECT count(*) FROM shop_order")


@pytest.mark.parametrize("disk", DISKS)
def test_an_import_onto_a_full_disk(template, big_csv, tmp_path, disk):
    # a 4 MB disk; a 2 MB file-size limit (prlimit --fsize=2000000)
    with faults.small_disk(tmp_path / "disk", 4 << 20, room=2_000_000,
                           kind="tmpfs" if disk == "small-disk" else "fsize") as d:
        root = _copy(template, d.folder)
        before = _orders(root)
        line = faults.one_clear_line(faults.shopdesk("--data-dir", root, "import", "orders", big_csv,
                                                     preexec=d.preexec()))
        assert "so this change was not saved" in line
        assert _orders(root) == before, "nothing of the import is in the database"
        assert faults.litter(root) == []
        d.make_room()
        _sound(root)


COMMANDS = {
    "backup": ("backup",),
    "backup-out": ("backup", "--out", "{out}/copy.sqlite3"),
    "backup-full": ("backup", "--full", "--out", "{out}/move.zip"),
    "backup-full-default": ("backup", "--full"),
    "export": ("export", "all", "--out", "{out}/all.xlsx"),
}


@pytest.mark.parametrize("disk", DISKS)
@pytest.mark.parametrize("command", COMMANDS)
def test_a_backup_or_export_onto_a_full_disk(template, tmp_path, disk, command):
    with faults.small_disk(tmp_path / "disk", 4 << 20, room=8 << 10,
                           kind="tmpfs" if disk == "small-disk" else "fsize") as d:
        root = _copy(template, d.folder)
        out = d.folder / "out"
        out.mkdir()
        backups = sorted(p.name for p in (root / "backups").iterdir())
        d.fill()
        line = faults.one_clear_line(faults.shopdesk(
            "--data-dir", root, *(a.format(out=out) for a in COMMANDS[command]), preexec=d.preexec()))
        assert str(d.folder) in line
        assert sorted(p.name for p in (root / "backups").iterdir()) == backups, "no backup half written"
        assert list(out.iterdir()) == [], "nothing half written where --out points"
        assert faults.litter(root, out) == []
        d.make_room()
        _sound(root)


@pytest.fixture
def read_only_shop(template, tmp_path) -> Path:
    """A copy of the shop taken while ShopDesk had it open (its write-ahead
    log and index beside it), in a folder that cannot be written."""
    root = _copy(template, tmp_path / "ro")
    conn = sqlite3.connect(root / "shopdesk.sqlite3")
    conn.execute("PRAGMA wal_autocheckpoint = 0")
    conn.execute("UPDATE customer SET real_name = '只读' WHERE id = 1")
    conn.commit()
    copy = tmp_path / "ro-copy"
    shutil.copytree(root, copy)  # with -wal and -shm: the app still had it open
    conn.close()
    shutil.rmtree(root)
    copy.rename(root)
    assert (root / "shopdesk.sqlite3-wal").exists()
    return root


READERS = {
    "dry-run": ("import", "orders", "--dry-run", "{csv}"),
    "export": ("export", "all", "--out", "{out}/all.xlsx"),
    "search": ("customers", "search", "只读"),
    "list": ("aftersales", "list"),
}
WRITERS = {
    "backup": ("backup",),
    "backup-full": ("backup", "--full", "--out", "{out}/move.zip"),
    "import": ("import", "orders", "{csv}"),
}


@pytest.mark.parametrize("command", list(READERS) + list(WRITERS))
def test_a_read_only_folder(read_only_shop, tmp_path, command):
    csv = faults.orders_csv(tmp_path / "few.csv", 5)
    out = tmp_path / "out"
    out.mkdir()
    argv = [a.format(csv=csv, out=out) for a in {**READERS, **WRITERS}[command]]
    with faults.read_only(read_only_shop):
        proc = faults.shopdesk("--data-dir", read_only_shop, *argv)
    assert "Traceback" not in proc.stderr
    if command in READERS:  # reading needs no writing: it works, and closes quietly
        assert proc.returncode == 0, proc.stderr
        assert "warning" not in proc.stderr.lower() and "error" not in proc.stderr.lower(), proc.stderr
    else:
        line = faults.one_clear_line(proc)
        assert "read-only" in line.lower()
        assert list(out.iterdir()) == []


@pytest.mark.parametrize("disk", DISKS)
def test_the_app_start_on_a_full_disk(template, tmp_path, disk, monkeypatch):
    """The start-up check cannot even read a write-ahead-log database without
    room for SQLite's shared-memory index: a clear message, not a traceback."""
    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")
    with faults.small_disk(tmp_path / "disk", 4 << 20, room=8 << 10,
                           kind="tmpfs" if disk == "small-disk" else "fsize") as d:
        root = _copy(template, d.folder)
        assert not (root / "shopdesk.closed").exists()  # not closed by the app: the full check runs
        d.fill()
        line = faults.one_clear_line(faults.shopdesk("--data-dir", root, "--smoke", preexec=d.preexec()))
        assert str(root) in line
        d.make_room()
        _sound(root)
