"""Fault injection for every writer: each one is killed with SIGKILL at
seeded random moments, and run once more on a full disk. After every fault:

- the next start (restore.startup_check, what the app runs first) finds the
  database sound and removes what the dead process left;
- `shopdesk check` passes, and the shop opens (db.open_database) at the
  latest schema version;
- the change is all there or not at all (the writer's own measure: orders,
  customers, phrases, backups, the archive, the schema version);
- nothing is left behind: no .part, .archive-, .restoring- or .incoming- file
  after the next start (and, beside a --full --out file, the next backup).

The writers: order import, customer import, reply import, demo, migration,
restore (a full archive), backup, backup --full, and the app's own saves
(tests/crash/saver.py: customers.create + aftersales.open_case in one
transaction, then a photo).

Runs per writer: KILLS (3) in the normal run; SHOPDESK_CRASH_RUNS=30 for
the nightly size (≥ 30 kills per writer, and the full disk run both on a
tmpfs and with RLIMIT_FSIZE). The delays come from random.Random(SEED):
the same moments on every run of the same size; nothing is asserted about
timing.
"""

from __future__ import annotations

import os
import random
import shutil
import signal
import sqlite3
import time
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from desk.core import db as core_db
from desk.core import files, restore
from desk.core.paths import DataDir
from tests.crash import faults
from tests.crash.harness import shopdesk_check

KILLS = int(os.environ.get("SHOPDESK_CRASH_RUNS") or 3)
NIGHTLY = KILLS >= 30
SEED = 16

pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGKILL") or not os.path.exists("/proc"),
                                reason="needs Linux")


@dataclass
class Writer:
    name: str
    setup: Callable[[Path, Path], list[str]]  # (data folder, scratch) -> argv after `python`
    state: Callable[[Path], object]  # what the change changes, read before the shop is opened
    between: Callable[[object, object, object], bool] = lambda before, after, now: now in (before, after)


# -- the shops the writers start from -----------------------------------------------------


@pytest.fixture(scope="module")
def inputs(tmp_path_factory) -> dict[str, Path]:
    """Made once: a demo shop, an empty one, a bigger one's full archive, a
    customer list, an order export, a phrase file, and an old-schema database."""
    top = tmp_path_factory.mktemp("faultinputs")
    made = {"shop": top / "shop", "empty": top / "empty", "other": top / "other"}
    for key, argv in (("shop", ["--customers", "30"]), ("empty", ["--customers", "0"]),
                      ("other", ["--customers", "60", "--seed", "2"])):
        proc = faults.shopdesk("--data-dir", made[key], "demo", *argv)
        assert proc.returncode == 0, proc.stderr
    made["archive"] = top / "other.zip"
    made["customers"] = top / "customers.xlsx"
    for argv in (["backup", "--full", "--out", made["archive"]], ["export", "customers", "--out", made["customers"]]):
        proc = faults.shopdesk("--data-dir", made["other"], *argv)
        assert proc.returncode == 0, proc.stderr
    made["orders"] = faults.orders_csv(top / "orders.csv", 2000)
    made["phrases"] = top / "phrases.txt"
    made["phrases"].write_text("".join(f"kw{n},1=您好，第{n}条快捷回复\n" for n in range(400)), encoding="utf-8")
    made["old"] = top / "old"
    _old_schema(made["old"], customers=3000)
    return made


OLD_VERSION = 2


def _old_schema(root: Path, customers: int) -> None:
    """A shop at schema version 2 (before the search tables), with buyers."""
    DataDir(root).ensure()
    conn = sqlite3.connect(DataDir(root).db_path, isolation_level=None)
    try:
        conn.execute("PRAGMA journal_mode = wal")  # as every shop the app has opened
        for m in core_db.migrations()[:OLD_VERSION]:
            conn.execute("BEGIN")
            m.apply(conn)
            conn.execute(f"PRAGMA user_version = {m.version:d}")
            conn.execute("COMMIT")
        conn.execute("BEGIN")
        conn.executemany("INSERT INTO customer(platform, nickname, real_name, created_at, updated_at)"
                         " VALUES ('taobao', ?, ?, 1700000000, 1700000000)",
                         ((f"老买家{n}", f"王{n}") for n in range(customers)))
        conn.execute("COMMIT")
    finally:
        conn.close()


def _copy(source: Path, root: Path) -> None:
    shutil.copytree(source, root, ignore=shutil.ignore_patterns("shopdesk.lock"))


def _db(root: Path) -> Path:
    return root / "shopdesk.sqlite3"


def _count(sql: str) -> Callable[[Path], int]:
    def state(root: Path) -> int:
        if not _db(root).exists() or faults.count(_db(root), "SELECT count(*) FROM sqlite_master") == 0:
            return 0  # not created yet, or created and not yet given its tables: nothing written
        return faults.count(_db(root), sql)
    return state


def _cli(*args) -> list[str]:
    return ["-m", "desk", *map(str, args)]


def _backups(root: Path) -> int:
    """How many backups there are; each one ShopDesk named must be whole."""
    found = 0
    for p in (root / "backups").iterdir():
        if p.name.startswith("shopdesk-") and p.suffix == ".sqlite3":
            assert core_db.quick_problems(p) == [], p
            found += 1
    return found


def _archive_written(root: Path) -> bool:
    """Whether the archive is there; if it is, it is whole."""
    out = root.parent / "out" / "shop.zip"
    if not out.exists():
        return False
    with zipfile.ZipFile(out) as zf:
        assert zf.testzip() is None
        assert "manifest.json" in zf.namelist()
    return True


def _saves(root: Path) -> int:
    """Saves made; each one whole: every new buyer has their case."""
    conn = sqlite3.connect(f"{_db(root).as_uri()}?mode=ro", uri=True)
    try:
        buyers = conn.execute("SELECT count(*) FROM customer WHERE nickname LIKE 'save-%'").fetchone()[0]
        alone = conn.execute("SELECT count(*) FROM customer c WHERE nickname LIKE 'save-%' AND NOT EXISTS"
                             " (SELECT 1 FROM aftersales_case a WHERE a.customer_id = c.id)").fetchone()[0]
    finally:
        conn.close()
    assert alone == 0, "a buyer was saved without the case saved with it"
    return buyers


def _version(root: Path) -> int:
    return faults.count(_db(root), "PRAGMA user_version")


def _restored(root: Path) -> int:
    return _count("SELECT count(*) FROM customer")(root)


WRITERS = {
    "order-import": Writer("order-import",
                           lambda root, inp: (_copy(inp["shop"], root), _cli("--data-dir", root, "import", "orders",
                                                                             inp["orders"]))[1],
                           _count("SELECT count(*) FROM shop_order")),
    "customer-import": Writer("customer-import",
                              lambda root, inp: (_copy(inp["empty"], root), _cli("--data-dir", root, "import",
                                                                                 "customers", inp["customers"]))[1],
                              _count("SELECT count(*) FROM customer")),
    "reply-import": Writer("reply-import",
                           lambda root, inp: (_copy(inp["shop"], root), _cli("--data-dir", root, "replies", "import",
                                                                             inp["phrases"]))[1],
                           _count("SELECT count(*) FROM reply")),
    # on an empty folder: the database is created, in a rollback journal, then filled
    "demo": Writer("demo", lambda root, inp: _cli("--data-dir", root, "demo", "--customers", "300"),
                   _count("SELECT count(*) FROM customer")),
    # each migration is its own transaction: any version from the old to the latest is whole
    "migration": Writer("migration",
                        lambda root, inp: (_copy(inp["old"], root), _cli("--data-dir", root, "customers",
                                                                         "search", "老买家1"))[1],
                        _version, lambda before, after, now: before <= now <= after),
    "restore": Writer("restore",
                      lambda root, inp: (_copy(inp["shop"], root), _cli("--data-dir", root, "restore",
                                                                        inp["archive"]))[1],
                      _restored),
    "backup": Writer("backup", lambda root, inp: (_copy(inp["shop"], root), _cli("--data-dir", root, "backup"))[1],
                     _backups),
    "backup-full": Writer("backup-full",
                          lambda root, inp: (_copy(inp["shop"], root),
                                             _cli("--data-dir", root, "backup", "--full", "--out",
                                                  root.parent / "out" / "shop.zip"))[1],
                          _archive_written),
    "app-saves": Writer("app-saves", lambda root, inp: (_copy(inp["shop"], root),
                                                        ["-m", "tests.crash.saver", str(root), "40"])[1],
                        _saves, lambda before, after, now: before <= now <= after),
}


# -- after a fault ------------------------------------------------------------------------


def _recovered(root: Path, writer: Writer, before, after) -> object:
    """What every fault must leave: see the module's doc. Returns the state."""
    data = DataDir(root)
    if not root.exists():  # killed before it made the folder: nothing to recover
        return before
    data.ensure()
    check = restore.startup_check(data)  # the next start
    assert check.status in ("ok", "new"), check
    now = writer.state(root)
    assert writer.between(before, after, now), f"{writer.name}: {now!r} is neither {before!r} nor {after!r}"
    if data.db_path.exists():
        code, output = shopdesk_check(root)
        assert code == 0, output
    core_db.open_database(data.db_path, data.backups)
    try:
        assert core_db.schema_version(core_db.database.connection()) == core_db.latest_version()
    finally:
        core_db.close()
    assert faults.litter(root) == [], "left behind by the dead process, after the next start"
    for photo in (root / "photos").glob("??/*"):  # a photo is whole or not there
        if photo.is_file() and len(photo.stem) == 64:
            import hashlib

            assert hashlib.sha256(photo.read_bytes()).hexdigest() == photo.stem, photo
    return now


def _fresh(tmp_path: Path, n: int) -> Path:
    scratch = tmp_path / f"run{n}"
    (scratch / "out").mkdir(parents=True)
    return scratch / "shop"


@pytest.mark.parametrize("name", WRITERS)
def test_killed_at_random_moments(inputs, tmp_path, name):
    writer = WRITERS[name]
    # once to the end: the state after, and how long a run takes (only to spread the kills over it)
    root = _fresh(tmp_path, 0)
    argv = writer.setup(root, inputs)
    before = writer.state(root) if root.exists() else 0
    started = time.monotonic()
    proc = faults.start(argv)
    _, err = proc.communicate(timeout=300)
    took = time.monotonic() - started
    assert proc.returncode == 0, err.decode()[-3000:]
    after = writer.state(root)
    assert after != before, "the writer changed nothing"
    rng = random.Random(f"{SEED}-{name}")
    seen = []
    for n in range(1, KILLS + 1):
        root = _fresh(tmp_path, n)
        argv = writer.setup(root, inputs)
        proc = faults.start(argv)
        time.sleep(rng.uniform(0, took * 1.2))  # some runs end before the kill: all there
        if proc.poll() is None:
            os.kill(proc.pid, signal.SIGKILL)
        _, err = proc.communicate(timeout=60)
        assert proc.returncode in (0, -signal.SIGKILL), err.decode()[-3000:]
        seen.append(_recovered(root, writer, before, after))
        shutil.rmtree(root.parent)
    if name == "backup-full":
        # litter beside an --out file goes at the next backup to the same name
        shutil.rmtree(tmp_path / "run0" / "out")
        (tmp_path / "run0" / "out").mkdir()
        dead = _dead_pid()
        part = tmp_path / "run0" / "out" / f"shop.zip.{dead}.part"
        part.write_bytes(b"half an archive")
        proc = faults.start(writer.setup(tmp_path / "run0" / "again", inputs))
        assert proc.wait(300) == 0, proc.stderr.read().decode()
        proc.stderr.close()
        assert faults.litter(tmp_path / "run0" / "out") == []
    print(f"{name}: {KILLS} kills, states seen {sorted(set(map(repr, seen)))}")


def _dead_pid() -> int:
    import subprocess
    import sys

    p = subprocess.Popen([sys.executable, "-c", "pass"])
    p.wait()
    return p.pid


DISK_KINDS = ["tmpfs", "fsize"] if NIGHTLY else ["tmpfs"]  # tmpfs falls back to fsize where it cannot mount


@pytest.mark.parametrize("kind", DISK_KINDS)
@pytest.mark.parametrize("name", WRITERS)
def test_on_a_full_disk(inputs, tmp_path, name, kind):
    writer = WRITERS[name]
    with faults.small_disk(tmp_path / "disk", 16 << 20, room=16 << 10, kind=kind) as disk:
        root = disk.folder / "shop"
        (disk.folder / "out").mkdir()
        argv = writer.setup(root, inputs)
        before = writer.state(root) if root.exists() else 0
        disk.fill()
        proc = faults.start(argv, preexec=disk.preexec())
        _, err = proc.communicate(timeout=300)
        err = err.decode()
        assert proc.returncode == 2 and "Traceback" not in err and len(err.splitlines()) == 1, \
            (proc.returncode, err[-3000:])
        assert err.startswith("shopdesk: ")
        disk.make_room()
        assert _recovered(root, writer, before, before) == before, "nothing of the refused change is there"
        assert faults.litter(disk.folder / "out") == []


def test_the_nightly_size_is_at_least_thirty():
    """The documented switch really changes the size (run with SHOPDESK_CRASH_RUNS=30)."""
    assert KILLS == int(os.environ.get("SHOPDESK_CRASH_RUNS") or 3)
    assert files.part_path(Path("x")).name.endswith(".part")


def test_the_next_start_rolls_back_a_hot_journal(inputs, tmp_path):
    """What a kill inside a rollback-journal transaction leaves (a demo on a
    new folder, a restore switching the old database out of WAL): a hot
    journal. The next start rolls it back instead of failing to read it."""
    import subprocess
    import sys

    root = tmp_path / "shop"
    _copy(inputs["old"], root)
    db = _db(root)
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA journal_mode = delete")
    conn.close()
    code = ("import os, sqlite3, sys; c = sqlite3.connect(sys.argv[1]); c.execute('PRAGMA cache_size = 2');"
            " c.execute('BEGIN'); c.execute(\"UPDATE customer SET real_name = 'half'\");"
            " os._exit(9)  # as SIGKILL: no rollback, no close")
    assert subprocess.run([sys.executable, "-c", code, str(db)]).returncode == 9
    assert db.with_name(db.name + "-journal").stat().st_size > 0, "a hot journal was left"
    check = restore.startup_check(DataDir(root))
    assert check.status == "ok"
    assert faults.count(db, "SELECT count(*) FROM customer WHERE real_name = 'half'") == 0
    assert faults.count(db, "SELECT count(*) FROM customer") == 3000
