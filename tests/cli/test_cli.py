"""The `shopdesk` command, run as a user runs it: a separate process."""

from __future__ import annotations

import json
import os
import random
import re
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from desk import __version__
from desk.core.lock import WriterLock
from desk.core.paths import DB_NAME, ENV_VAR

ROOT = Path(__file__).resolve().parents[2]


def shopdesk(*args, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    base = {k: v for k, v in os.environ.items() if k != ENV_VAR}
    return subprocess.run([sys.executable, "-m", "desk", *map(str, args)], cwd=ROOT,
                          env={**base, **(env or {})}, capture_output=True, text=True, timeout=60)


def assert_user_error(proc: subprocess.CompletedProcess) -> str:
    """Exit 2, one line on stderr, nothing on stdout, no traceback; returns the line."""
    assert proc.returncode == 2, (proc.stdout, proc.stderr)
    assert "Traceback" not in proc.stderr
    assert proc.stdout == ""
    lines = proc.stderr.splitlines()
    assert len(lines) == 1, proc.stderr
    assert lines[0].startswith("shopdesk")
    return lines[0]


@pytest.fixture(scope="module")
def demo_run(tmp_path_factory) -> tuple[Path, subprocess.CompletedProcess]:
    root = tmp_path_factory.mktemp("cli") / "shop"
    return root, shopdesk("--data-dir", root, "demo", "--customers", "50")


@pytest.fixture(scope="module")
def shop(demo_run) -> Path:
    """A data folder filled by `shopdesk demo --customers 50` (read-only for the tests)."""
    root, proc = demo_run
    assert proc.returncode == 0, proc.stderr
    return root


def demo_shop(tmp_path_factory, name: str, customers: int) -> Path:
    """A data folder filled by `shopdesk demo` (for a module's tests to copy)."""
    root = tmp_path_factory.mktemp(name) / "shop"
    proc = shopdesk("--data-dir", root, "demo", "--customers", str(customers))
    assert proc.returncode == 0, proc.stderr
    return root


def copy_shop(demo: Path, target: Path) -> Path:
    """A whole copy of a demo shop (photos too) that one test may change."""
    shutil.copytree(demo, target, ignore=shutil.ignore_patterns("shopdesk.lock"))
    return target


def _copy(shop: Path, target: Path) -> Path:
    target.mkdir()
    for name in (DB_NAME, f"{DB_NAME}-wal"):
        if (shop / name).exists():
            shutil.copy(shop / name, target / name)
    return target


def test_version():
    proc = shopdesk("--version")
    assert proc.returncode == 0
    assert proc.stdout.strip() == f"ShopDesk {__version__}"


def test_demo_prints_counts(demo_run):
    shop, proc = demo_run
    assert proc.returncode == 0, proc.stderr
    assert proc.stderr == ""  # no progress line when stderr is not a terminal
    out = proc.stdout
    m = re.search(r"(\d[\d,]*) customers, (\d[\d,]*) orders, (\d[\d,]*) notes", out)
    assert m, out
    assert m.group(1) == "50"
    assert int(m.group(2).replace(",", "")) > 50
    assert str(shop) in out
    assert (shop / DB_NAME).is_file()


def test_info_shows_row_counts(shop):
    proc = shopdesk("--data-dir", shop, "info")
    assert proc.returncode == 0, proc.stderr
    assert re.search(r"^\s+customer\s+50$", proc.stdout, re.M), proc.stdout
    assert re.search(r"schema version: (\d+) \(this ShopDesk: \1\)", proc.stdout), proc.stdout


def test_info_json(shop):
    proc = shopdesk("--data-dir", shop, "info", "--json")
    assert proc.returncode == 0, proc.stderr
    info = json.loads(proc.stdout)
    assert info["rows"]["customer"] == 50
    assert info["rows"]["shop_order"] > 50
    assert info["data_dir"] == str(shop)
    assert info["schema_version"] == info["latest_schema_version"] >= 2
    assert info["database_bytes"] == (shop / DB_NAME).stat().st_size


def test_info_without_a_database_creates_nothing(tmp_path):
    root = tmp_path / "none"
    proc = shopdesk("info", "--data-dir", root)
    assert proc.returncode == 0, proc.stderr
    assert "none yet" in proc.stdout
    assert not root.exists()


def test_check_ok(shop):
    proc = shopdesk("--data-dir", shop, "check")
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == f"ok: {shop / DB_NAME}"


def test_check_on_an_empty_folder(tmp_path):
    line = assert_user_error(shopdesk("--data-dir", tmp_path, "check"))
    assert "no ShopDesk database" in line
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("args", [
    ["demo", "--customers", "abc"],
    ["demo", "--customers", "-5"],
    ["demo", "--customers", "2,000,000"],
    ["demo", "--seed", "x"],
    ["frobnicate"],
    ["info", "--frobnicate"],
], ids=lambda a: " ".join(a))
def test_bad_arguments_write_nothing(tmp_path, args):
    root = tmp_path / "data"
    assert_user_error(shopdesk("--data-dir", root, *args))
    assert not root.exists()


@pytest.mark.parametrize("where", ["before", "after"])
def test_data_dir_before_or_after_the_subcommand(tmp_path, where):
    root = tmp_path / "data"
    option = ["--data-dir", root]
    args = [*option, "demo", "--customers", "3"] if where == "before" else \
        ["demo", *option, "--customers", "3"]
    proc = shopdesk(*args)
    assert proc.returncode == 0, proc.stderr
    assert (root / DB_NAME).is_file()

    info = shopdesk(*(["info", "--json", *option] if where == "after" else [*option, "info", "--json"]))
    assert json.loads(info.stdout)["rows"]["customer"] == 3


def test_data_dir_that_is_a_file(tmp_path):
    not_a_folder = tmp_path / "notes.txt"
    not_a_folder.write_text("hello")
    for command in ("info", "check", "demo"):
        line = assert_user_error(shopdesk("--data-dir", not_a_folder, command))
        assert "folder" in line
    assert not_a_folder.read_text() == "hello"


def test_environment_variable_is_honoured(shop, tmp_path):
    proc = shopdesk("info", "--json", env={ENV_VAR: str(shop)})
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["data_dir"] == str(shop)

    # --data-dir wins over the environment
    proc = shopdesk("info", "--json", "--data-dir", tmp_path / "other", env={ENV_VAR: str(shop)})
    assert json.loads(proc.stdout)["data_dir"] == str(tmp_path / "other")


def test_demo_refuses_a_shop_with_customers(shop):
    before = (shop / DB_NAME).read_bytes()
    line = assert_user_error(shopdesk("--data-dir", shop, "demo", "--customers", "5"))
    assert "already holds 50 customers" in line
    assert (shop / DB_NAME).read_bytes() == before


def test_demo_refuses_a_folder_in_use(tmp_path):
    root = tmp_path / "data"
    root.mkdir()
    lock = WriterLock(root / "shopdesk.lock")
    assert lock.acquire()
    try:
        line = assert_user_error(shopdesk("--data-dir", root, "demo", "--customers", "3"))
    finally:
        lock.release()
    assert "Another ShopDesk" in line
    assert not (root / DB_NAME).exists()


def test_check_reports_a_broken_index(shop, tmp_path):
    root = _copy(shop, tmp_path / "copy")
    db_path = root / DB_NAME
    conn = sqlite3.connect(db_path)
    nickname = conn.execute("SELECT nickname FROM customer ORDER BY id LIMIT 1").fetchone()[0]
    page_size = conn.execute("PRAGMA page_size").fetchone()[0]
    index_page = conn.execute(
        "SELECT rootpage FROM sqlite_master WHERE name = 'customer_nickname'").fetchone()[0]
    conn.close()
    # change one byte of the first nickname inside the index (a single leaf page for 50 rows)
    data = bytearray(db_path.read_bytes())
    start = (index_page - 1) * page_size
    page = data[start:start + page_size]
    assert page[0] == 10, "expected a leaf index page"
    at = page.find(nickname.encode())
    assert at > 0
    data[start + at] ^= 0x01
    db_path.write_bytes(bytes(data))

    proc = shopdesk("--data-dir", root, "check")
    assert proc.returncode == 1, proc.stderr
    assert "missing from index customer_nickname" in proc.stdout
    assert "problem(s) found" in proc.stderr
    assert "Traceback" not in proc.stderr


def test_check_reports_a_foreign_key_violation(shop, tmp_path):
    root = _copy(shop, tmp_path / "copy")
    conn = sqlite3.connect(root / DB_NAME)  # foreign keys off, as in a buggy tool
    conn.execute("DELETE FROM customer WHERE id = (SELECT customer_id FROM shop_order LIMIT 1)")
    conn.commit()
    conn.close()

    proc = shopdesk("--data-dir", root, "check")
    assert proc.returncode == 1, proc.stderr
    assert re.search(r"^shop_order row \d+ points at a missing customer$", proc.stdout, re.M)
    assert "Traceback" not in proc.stderr


def test_check_on_garbage_pages_does_not_crash(shop, tmp_path):
    root = _copy(shop, tmp_path / "copy")
    db_path = root / DB_NAME
    data = bytearray(db_path.read_bytes())
    middle = len(data) // 4096 // 2 * 4096
    data[middle:middle + 3 * 4096] = random.Random(0).randbytes(3 * 4096)
    db_path.write_bytes(bytes(data))

    proc = shopdesk("--data-dir", root, "check")
    assert "Traceback" not in proc.stderr, proc.stderr
    assert proc.returncode in (1, 2)


def test_check_on_a_file_that_is_not_a_database(tmp_path):
    (tmp_path / DB_NAME).write_bytes(random.Random(1).randbytes(65536))
    proc = shopdesk("--data-dir", tmp_path, "check")
    assert "Traceback" not in proc.stderr, proc.stderr
    assert proc.returncode in (1, 2)


def test_info_on_a_file_that_is_not_a_database(tmp_path):
    garbage = random.Random(1).randbytes(65536)
    (tmp_path / DB_NAME).write_bytes(garbage)
    line = assert_user_error(shopdesk("--data-dir", tmp_path, "info"))
    assert "cannot be opened" in line
    assert (tmp_path / DB_NAME).read_bytes() == garbage
