"""`shopdesk` after real faults, run as a user runs it (separate processes):
a killed writer, an emptied database file, odd folder names, readers beside
a writer, invalid UTF-8 in the database and in the arguments."""

from __future__ import annotations

import os
import random
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from test_cli import ROOT, _copy, assert_user_error, demo_shop, shopdesk  # tests/cli: a rootdir

from desk.core.paths import DB_NAME, ENV_VAR
from tests.core.excel import samples
from tests.core.test_db_faults import _damage_a_page, _kill_a_writer, _nicknames


@pytest.fixture(scope="module")
def shop(tmp_path_factory) -> Path:
    """A data folder filled by `shopdesk demo --customers 50` (copied before it is changed)."""
    return demo_shop(tmp_path_factory, "faults", 50)


def _files(root: Path) -> list[Path]:
    """Every file under `root` but SQLite's own -wal and -shm beside a database."""
    return sorted(p.relative_to(root) for p in root.rglob("*")
                  if not p.name.endswith(("sqlite3-wal", "sqlite3-shm")))


# -- 1. a writer killed mid-transaction --------------------------------------------------


def test_info_and_check_after_a_killed_writer(shop, tmp_path):
    root = _copy(shop, tmp_path / "copy")
    before = _nicknames(root / DB_NAME)
    _kill_a_writer(root / DB_NAME, "delete")
    assert (root / f"{DB_NAME}-journal").exists()

    info = shopdesk("--data-dir", root, "info")
    assert info.returncode == 0, info.stderr
    assert "customer" in info.stdout
    check = shopdesk("--data-dir", root, "check")
    assert check.returncode == 0, check.stdout + check.stderr
    assert check.stdout.startswith("ok:")
    assert _nicknames(root / DB_NAME) == before


# -- 2. a database file that holds no ShopDesk data ----------------------------------------


def test_an_emptied_database_is_refused_and_the_backup_named(shop, tmp_path):
    root = _copy(shop, tmp_path / "copy")
    made = shopdesk("--data-dir", root, "backup")
    assert made.returncode == 0, made.stderr
    good = Path(made.stdout.strip())
    for name in (DB_NAME, f"{DB_NAME}-wal", f"{DB_NAME}-shm"):
        (root / name).unlink(missing_ok=True)
    (root / DB_NAME).write_bytes(b"")
    orders = samples.taobao_csv(tmp_path / "orders.csv")

    for args in (["info"], ["check"], ["customers", "search", "a"], ["import", "orders", orders],
                 ["demo", "--customers", "3"], ["export", "all", "--out", tmp_path / "x.xlsx"]):
        line = assert_user_error(shopdesk("--data-dir", root, *args))
        assert "holds no ShopDesk data (the file is empty)" in line, args
        assert str(good) in line, args
        assert (root / DB_NAME).read_bytes() == b"", f"{args} wrote into the empty file"

    restored = shopdesk("--data-dir", root, "restore", good)
    assert restored.returncode == 0, restored.stderr
    assert "kept as" in restored.stderr
    assert shopdesk("--data-dir", root, "check").returncode == 0
    assert [p for p in root.iterdir() if p.name.startswith("shopdesk-replaced-")][0].read_bytes() == b""


def test_another_programs_database_is_refused(tmp_path):
    conn = sqlite3.connect(tmp_path / DB_NAME)
    conn.execute("CREATE TABLE contacts (name TEXT)")
    conn.commit()
    conn.close()
    for args in (["info"], ["check"], ["demo", "--customers", "3"]):
        line = assert_user_error(shopdesk("--data-dir", tmp_path, *args))
        assert "not a ShopDesk database" in line
        assert "no good backup" in line


# -- 3. odd folder names ------------------------------------------------------------------


@pytest.mark.parametrize("name", ["shop#1", "what?now", "店铺 客服#台?x=%23"])
def test_check_finds_a_damaged_page_in_a_folder_with_an_odd_name(shop, tmp_path, name):
    (tmp_path / name).mkdir()
    root = _copy(shop, tmp_path / name / "data")
    _damage_a_page(root / DB_NAME)
    before = _files(tmp_path)
    proc = shopdesk("--data-dir", root, "check")
    assert proc.returncode == 1, proc.stdout + proc.stderr
    assert "Traceback" not in proc.stderr
    assert "problem(s) found" in proc.stderr
    assert _files(tmp_path) == before, "no stray file"
    backup = shopdesk("--data-dir", root, "backup")
    assert backup.returncode == 2 and "Traceback" not in backup.stderr, backup.stderr
    # (refused before the backups folder is made, when the damage is met on connecting)
    kept = list((root / "backups").iterdir()) if (root / "backups").exists() else []
    assert not kept, "a damaged copy is never kept as a backup"


@pytest.mark.parametrize("name", ["back#up", "why?", "50%23off"])
def test_restore_from_a_path_with_odd_characters(shop, tmp_path, name):
    root = _copy(shop, tmp_path / "copy")
    (tmp_path / name).mkdir()
    made = shopdesk("--data-dir", root, "backup", "--out", tmp_path / name / f"{name}.sqlite3")
    assert made.returncode == 0, made.stderr
    info = shopdesk("--data-dir", root, "info")
    assert info.returncode == 0 and "customer" in info.stdout, info.stderr
    before = [p for p in _files(tmp_path) if p.parts[0] != "copy"]
    proc = shopdesk("--data-dir", root, "restore", tmp_path / name / f"{name}.sqlite3")
    assert proc.returncode == 0, proc.stderr
    assert [p for p in _files(tmp_path) if p.parts[0] != "copy"] == before, "no stray file"
    assert shopdesk("--data-dir", root, "check").returncode == 0


def test_info_in_a_folder_with_a_hash(shop, tmp_path):
    root = _copy(shop, tmp_path / "shop#1")
    proc = shopdesk("--data-dir", root, "info")
    assert proc.returncode == 0, proc.stderr
    assert "customer" in proc.stdout


# -- 4. readers beside a writer ------------------------------------------------------------

_WRITER = textwrap.dedent("""
    import sys
    from pathlib import Path

    from desk.core import db
    from desk.core.base import database
    from desk.core.customers import service as customers
    from desk.core.lock import WriterLock
    from desk.core.paths import DataDir

    data = DataDir(Path(sys.argv[1]))
    with WriterLock(data.lock_path):
        db.open_database(data.db_path, data.backups)
        if sys.argv[2] == "exclusive":  # an old-style writer that shuts every reader out
            database.execute_sql("PRAGMA journal_mode=DELETE")
            database.execute_sql("BEGIN EXCLUSIVE")
            database.execute_sql("UPDATE customer SET region = 'writer'")
            print("held", flush=True)
            sys.stdin.readline()
            database.execute_sql("COMMIT")
        else:
            with database.atomic():  # one big transaction, as an import writes
                for i in range(300):
                    customers.create("taobao", f"writer-{i}")
                print("held", flush=True)
                sys.stdin.readline()  # hold the transaction open until told to finish
        db.close()
    print("done", flush=True)
""")


class _Writer:
    """A ShopDesk writer in another process holding its transaction open
    until `finish()`: a pipe handshake, nothing timed."""

    def __init__(self, root: Path, how: str = "atomic") -> None:
        env = {k: v for k, v in os.environ.items() if k != ENV_VAR}
        self.proc = subprocess.Popen([sys.executable, "-c", _WRITER, str(root), how], cwd=ROOT, env=env,
                                     stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                     stderr=subprocess.PIPE, text=True)
        line = self.proc.stdout.readline()
        assert line == "held\n", self.proc.stderr.read() if not line else line

    def finish(self) -> str:
        out, err = self.proc.communicate("go\n", timeout=60)
        assert self.proc.returncode == 0, err
        return out


def test_readers_beside_a_writer_all_succeed(shop, tmp_path):
    root = _copy(shop, tmp_path / "copy")
    orders = samples.taobao_csv(tmp_path / "orders.csv")
    writer = _Writer(root)
    try:
        runs = {
            "dry run": shopdesk("--data-dir", root, "import", "orders", orders, "--dry-run"),
            "export": shopdesk("--data-dir", root, "export", "all", "--out", tmp_path / "all.xlsx"),
            "search": shopdesk("--data-dir", root, "customers", "search", "writer"),
            "aftersales": shopdesk("--data-dir", root, "aftersales", "list"),
            "info": shopdesk("--data-dir", root, "info"),
            "check": shopdesk("--data-dir", root, "check"),
            "backup": shopdesk("--data-dir", root, "backup", "--out", tmp_path / "beside.sqlite3"),
        }
    finally:
        assert writer.finish() == "done\n"
    for what, proc in runs.items():
        assert proc.returncode == 0, (what, proc.stderr)
        assert proc.stderr.count("\n") <= 1 and "Traceback" not in proc.stderr, (what, proc.stderr)
    assert runs["search"].stdout == "", "the writer's uncommitted customers are not seen"
    assert "(dry run: nothing written)" in runs["dry run"].stderr
    after = shopdesk("--data-dir", root, "customers", "search", "writer-299")
    assert after.returncode == 0 and "writer-299" in after.stdout


def test_a_reader_shut_out_by_a_writer_says_so_in_one_line(shop, tmp_path):
    root = _copy(shop, tmp_path / "copy")
    writer = _Writer(root, "exclusive")
    try:
        proc = shopdesk("--data-dir", root, "customers", "search", "a")
    finally:
        writer.finish()
    line = assert_user_error(proc)
    assert "is busy" in line


# -- 9. text that is not valid UTF-8 in the database ---------------------------------------


def test_invalid_utf8_in_the_database(shop, tmp_path):
    root = _copy(shop, tmp_path / "copy")
    conn = sqlite3.connect(root / DB_NAME)
    cid = conn.execute("SELECT min(id) FROM customer").fetchone()[0]
    conn.execute("UPDATE customer SET nickname = CAST(x'61ff' AS TEXT), real_name = CAST(x'ff' AS TEXT)"
                 " WHERE id = ?", (cid,))
    conn.execute("UPDATE aftersales_case SET description = CAST(x'e4b8' AS TEXT)"
                 " WHERE id = (SELECT min(id) FROM aftersales_case)")
    conn.commit()
    conn.close()

    check = shopdesk("--data-dir", root, "check")
    assert check.returncode == 1, check.stdout + check.stderr
    assert f"customer row {cid}: nickname is not valid UTF-8 text" in check.stdout
    assert f"customer row {cid}: real_name is not valid UTF-8 text" in check.stdout
    assert "aftersales_case row" in check.stdout
    for args in (["customers", "search", "a"], ["export", "all", "--out", tmp_path / "all.xlsx"],
                 ["aftersales", "list"], ["export", "customers", "--out", tmp_path / "c.xlsx"]):
        proc = shopdesk("--data-dir", root, *args)
        assert proc.returncode == 0, (args, proc.stderr)
        assert "Traceback" not in proc.stderr
    search = shopdesk("--data-dir", root, "customers", "search", "a")
    assert "a\ufffd\t" in search.stdout


# -- 12. bytes that are not UTF-8 in the arguments; a folder as the database --------------


@pytest.mark.parametrize("args", [
    [b"customers", b"search", b"\xff"],
    [b"customers", b"search", b"ab\xffcd", b"--json"],
    [b"aftersales", b"evidence", b"\xff", b"--out", b"pack.zip"],
])
def test_arguments_that_are_not_utf8(shop, tmp_path, args):
    env = {k: v for k, v in os.environ.items() if k != ENV_VAR}
    proc = subprocess.run([sys.executable, "-m", "desk", "--data-dir", str(shop), *args], cwd=tmp_path,
                          env={**env, "PYTHONPATH": str(ROOT)}, capture_output=True, timeout=60)
    stderr = proc.stderr.decode("utf-8", "replace")
    assert proc.returncode == 2, stderr
    assert "Traceback" not in stderr
    assert stderr.count("\n") == 1 and "not valid text" in stderr
    assert list(tmp_path.iterdir()) == []


def test_check_when_the_database_is_a_folder(tmp_path):
    (tmp_path / DB_NAME).mkdir()
    backup = tmp_path / "x.sqlite3"
    backup.write_bytes(b"SQLite format 3\x00")
    for args in (["check"], ["info"], ["customers", "search", "a"], ["demo", "--customers", "3"],
                 ["backup"], ["restore", backup]):
        line = assert_user_error(shopdesk("--data-dir", tmp_path, *args))
        assert "it is a folder" in line, args


def test_a_damaged_file_is_reported_by_check(tmp_path):
    (tmp_path / DB_NAME).write_bytes(random.Random(1).randbytes(65536))
    proc = shopdesk("--data-dir", tmp_path, "check")
    assert proc.returncode == 1 and "cannot be read" in proc.stdout, proc.stderr
