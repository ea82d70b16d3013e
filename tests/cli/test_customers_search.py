"""`shopdesk customers search`, run as a user runs it: a separate process."""

from __future__ import annotations

import json
import os
import re
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from desk.core.paths import DB_NAME, ENV_VAR

ROOT = Path(__file__).resolve().parents[2]


def shopdesk(*args) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k != ENV_VAR}
    return subprocess.run([sys.executable, "-m", "desk", *map(str, args)], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=60)


def assert_user_error(proc: subprocess.CompletedProcess) -> str:
    """Exit 2, one line on stderr, nothing on stdout; returns the line."""
    assert proc.returncode == 2, (proc.stdout, proc.stderr)
    assert proc.stdout == ""
    [line] = proc.stderr.splitlines()
    assert line.startswith("shopdesk") and "Traceback" not in line
    return line


@pytest.fixture(scope="module")
def shop(tmp_path_factory):
    root = tmp_path_factory.mktemp("search") / "shop"
    proc = shopdesk("--data-dir", root, "demo", "--customers", "60")
    assert proc.returncode == 0, proc.stderr
    return root


def _customer(shop, where: str = "phone <> '' AND order_count > 0") -> dict:
    conn = sqlite3.connect(shop / DB_NAME)
    conn.row_factory = sqlite3.Row
    try:
        row = dict(conn.execute(f"SELECT * FROM customer WHERE {where} ORDER BY id LIMIT 1").fetchone())
        row["order_no"] = conn.execute("SELECT order_no FROM shop_order WHERE customer_id = ?",
                                       (row["id"],)).fetchone()[0]
        return row
    finally:
        conn.close()


def test_json_by_order_number(shop):
    c = _customer(shop)
    proc = shopdesk("--data-dir", shop, "customers", "search", c["order_no"], "--json")
    assert proc.returncode == 0, proc.stderr
    [hit] = json.loads(proc.stdout)
    assert hit["id"] == c["id"]
    assert hit["nickname"] == c["nickname"] and hit["platform"] == c["platform"]
    assert hit["phone"] == f"{c['phone'][:3]}****{c['phone'][-4:]}"
    assert hit["order_count"] == c["order_count"]
    fen = c["total_spent_fen"]
    assert hit["total_spent_yuan"] == f"{fen // 100}.{fen % 100:02d}"
    assert isinstance(hit["total_spent_yuan"], str)


def test_text_output_and_limit(shop):
    c = _customer(shop)
    proc = shopdesk("customers", "search", c["nickname"], "--data-dir", shop)
    assert proc.returncode == 0, proc.stderr
    assert c["nickname"] in proc.stdout
    assert c["phone"] not in proc.stdout  # masked
    proc = shopdesk("--data-dir", shop, "customers", "search", "a", "--json", "--limit", "2")
    assert proc.returncode == 0, proc.stderr
    assert len(json.loads(proc.stdout)) <= 2


def test_no_match_is_an_empty_list(shop):
    proc = shopdesk("--data-dir", shop, "customers", "search", '没有这个人"AND NEAR(', "--json")
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout) == []


@pytest.mark.parametrize("query", ["", "   "])
def test_empty_query_is_a_usage_error(shop, query):
    line = assert_user_error(shopdesk("--data-dir", shop, "customers", "search", query))
    assert re.search("empty", line)


def test_no_database_is_a_user_error(tmp_path):
    assert_user_error(shopdesk("--data-dir", tmp_path / "none", "customers", "search", "x"))
