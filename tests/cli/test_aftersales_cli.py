"""`shopdesk aftersales list`, run as a user runs it: a separate process."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from desk.core import db as core_db
from desk.core import timeutil
from desk.core.aftersales import flow, service
from desk.core.base import database
from desk.core.customers import service as customers
from desk.core.paths import DB_NAME, ENV_VAR, DataDir

ROOT = Path(__file__).resolve().parents[2]

ORDER_NO = "4200000000000000001"  # 19 digits: more than a double holds exactly


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
    """Three cases: one overdue (opened a week ago), one due later today or
    tomorrow (just opened), one done (no deadline)."""
    d = DataDir(tmp_path_factory.mktemp("aftersales") / "shop").ensure()
    core_db.open_database(d.db_path, d.backups)
    try:
        cid = customers.create("taobao", "退货的小鱼")
        oid = database.execute_sql(
            "INSERT INTO shop_order(customer_id, platform, order_no, status, placed_at, amount_fen,"
            " created_at, updated_at) VALUES (?, 'taobao', ?, 'completed', 0, 5900, 0, 0)",
            (cid, ORDER_NO)).lastrowid
        week_ago = timeutil.now() - timedelta(days=7)
        overdue = service.open_case(cid, "return_refund", "quality", order_id=oid,
                                    opened_at=week_ago)
        fresh = service.open_case(cid, "refund_only", "not_received")
        done = service.open_case(cid, "compensation", "color", opened_at=week_ago)
        flow.change_status(done, "handling", at=week_ago + timedelta(minutes=5))
        flow.settle(done, at=week_ago + timedelta(hours=1))
        numbers = {name: service.get_case(i).case_no
                   for name, i in (("overdue", overdue), ("fresh", fresh), ("done", done))}
    finally:
        core_db.close()
    return d.root, numbers


def _list(root, *args) -> list[dict]:
    proc = shopdesk("--data-dir", root, "aftersales", "list", "--json", *args)
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout)


def _stored(root, case_no: str) -> int | None:
    conn = sqlite3.connect(root / DB_NAME)
    try:
        return conn.execute("SELECT next_deadline_at FROM aftersales_case WHERE case_no = ?",
                            (case_no,)).fetchone()[0]
    finally:
        conn.close()


def test_json_lists_every_case_soonest_deadline_first(shop):
    root, numbers = shop
    found = _list(root)
    assert [c["case_no"] for c in found] == [numbers["overdue"], numbers["fresh"], numbers["done"]]
    first = found[0]
    assert first["nickname"] == "退货的小鱼"
    assert first["order_no"] == ORDER_NO and isinstance(first["order_no"], str)
    assert (first["kind"], first["status"]) == ("return_refund", "new")
    assert found[1]["order_no"] is None
    for case in found[:2]:
        at = datetime.fromisoformat(case["next_deadline"])
        assert at.tzinfo is not None
        assert int(at.timestamp()) == _stored(root, case["case_no"])
    assert found[2]["next_deadline"] is None and found[2]["status"] == "done"


def test_filters(shop):
    root, numbers = shop
    assert [c["case_no"] for c in _list(root, "--status", "done")] == [numbers["done"]]
    assert [c["case_no"] for c in _list(root, "--due", "overdue")] == [numbers["overdue"]]
    today = [c["case_no"] for c in _list(root, "--due", "today")]
    assert today[0] == numbers["overdue"] and numbers["done"] not in today
    assert _list(root, "--status", "closed") == []


def test_text_output(shop):
    root, numbers = shop
    proc = shopdesk("aftersales", "list", "--data-dir", root)
    assert proc.returncode == 0, proc.stderr
    lines = proc.stdout.splitlines()
    assert len(lines) == 3 and lines[0].split("\t")[:3] == [numbers["overdue"], "退货的小鱼",
                                                             ORDER_NO]
    assert "3 case(s)" in proc.stderr


@pytest.mark.parametrize("args", [("--status", "lost"), ("--due", "tomorrow")])
def test_bad_options_are_usage_errors(shop, args):
    root, _ = shop
    assert_user_error(shopdesk("--data-dir", root, "aftersales", "list", *args))


def test_no_database_is_a_user_error(tmp_path):
    line = assert_user_error(shopdesk("--data-dir", tmp_path / "none", "aftersales", "list"))
    assert "no ShopDesk database" in line


def test_status_choices_are_the_cases_statuses():
    from desk.cli import aftersales
    from desk.core.aftersales.models import CASE_STATUSES

    assert aftersales.CASE_STATUSES == CASE_STATUSES
