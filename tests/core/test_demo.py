"""Demo data: deterministic, consistent, and stored the way real data is."""

from __future__ import annotations

import hashlib
import re
import sqlite3
from datetime import UTC, datetime

import pytest

from desk.core import db as core_db
from desk.core import demo
from desk.core.aftersales.photos import photo_path
from desk.core.customers.models import LIFECYCLES
from desk.core.customers.rules import lifecycle_from_orders
from desk.core.errors import Cancelled, UserError
from desk.core.models import Customer
from desk.core.paths import DataDir

NOW = datetime(2024, 5, 1, 8, 30, tzinfo=UTC)
N = 300
# every table the demo fills, with a stable order
TABLES = {
    "customer": "id", "address": "id", "shop_order": "id", "order_item": "id", "note": "id",
    "customer_tag": "customer_id, tag_id", "followup": "id", "aftersales_case": "id",
    "case_event": "id", "evidence": "id", "reply": "id",
}


def _generate(root, seed):
    d = DataDir(root).ensure()
    core_db.open_database(d.db_path, d.backups)
    try:
        summary = demo.generate(d, N, seed=seed, now=NOW)
    finally:
        core_db.close()
    return d, summary


def _digests(d: DataDir) -> dict[str, str]:
    conn = sqlite3.connect(d.db_path)
    try:
        return {
            table: hashlib.sha256(
                repr(conn.execute(f"SELECT * FROM {table} ORDER BY {order}").fetchall()).encode()
            ).hexdigest()
            for table, order in TABLES.items()
        }
    finally:
        conn.close()


@pytest.fixture(scope="module")
def shop(tmp_path_factory):
    d, summary = _generate(tmp_path_factory.mktemp("demo") / "a", seed=7)
    conn = sqlite3.connect(d.db_path)
    yield d, summary, conn
    conn.close()


def test_same_seed_same_shop_other_seed_other_shop(shop, tmp_path):
    d, summary, _ = shop
    same, same_summary = _generate(tmp_path / "same", seed=7)
    other, _ = _generate(tmp_path / "other", seed=8)
    assert same_summary == summary
    assert _digests(same) == _digests(d)
    assert sorted(p.name for p in same.photos.rglob("*.jpg")) == \
        sorted(p.name for p in d.photos.rglob("*.jpg"))
    differs = _digests(other)
    for table in ("customer", "shop_order", "note"):
        assert differs[table] != _digests(d)[table], table


def test_summary_matches_rows(shop):
    _, s, conn = shop

    def count(table):
        return conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]

    assert s.customers == count("customer") == N
    assert s.orders == count("shop_order") > N
    assert s.notes == count("note") > 0
    assert s.followups == count("followup")
    assert s.cases == count("aftersales_case") > 0
    assert s.photos == count("evidence") > 0
    assert s.replies == count("reply") > 0


def test_order_numbers_are_19_digit_text(shop):
    _, _, conn = shop
    rows = conn.execute(
        "SELECT platform, order_no, typeof(order_no) FROM shop_order"
        " WHERE platform IN ('taobao', 'tmall', 'douyin')").fetchall()
    assert {r[0] for r in rows} == {"taobao", "tmall", "douyin"}
    bad = [r for r in rows if not re.fullmatch(r"\d{19}", r[1]) or r[2] != "text"]
    assert bad == []
    # past 2**53: these numbers do not survive a trip through a float
    assert any(float(r[1]) != int(r[1]) for r in rows)


def test_numbers_are_stored_as_text_everywhere(shop):
    _, _, conn = shop
    for table, column in (("shop_order", "order_no"), ("shop_order", "tracking_no"),
                          ("shop_order", "receiver_phone"), ("customer", "phone"),
                          ("address", "phone"), ("aftersales_case", "return_tracking_no")):
        types = {r[0] for r in conn.execute(f"SELECT DISTINCT typeof({column}) FROM {table}")}
        assert types == {"text"}, f"{table}.{column}"


def test_customer_figures_match_their_orders_and_cases(shop):
    _, _, conn = shop
    mismatched = conn.execute("""
        SELECT c.id FROM customer c
        WHERE c.order_count != (SELECT count(*) FROM shop_order o WHERE o.customer_id = c.id)
           OR c.total_spent_fen != (SELECT coalesce(sum(amount_fen), 0) FROM shop_order o
                                    WHERE o.customer_id = c.id AND o.paid_at IS NOT NULL
                                      AND o.status != 'closed')
           OR c.case_count != (SELECT count(*) FROM aftersales_case a WHERE a.customer_id = c.id)
           OR c.first_order_at IS NOT (SELECT min(placed_at) FROM shop_order o
                                       WHERE o.customer_id = c.id)
    """).fetchall()
    assert mismatched == []
    assert {r[0] for r in conn.execute("SELECT DISTINCT typeof(total_spent_fen) FROM customer")} \
        == {"integer"}
    assert conn.execute("SELECT count(*) FROM customer WHERE order_count > 0").fetchone()[0] > 0


def test_lifecycles(shop):
    _, _, conn = shop
    statuses: dict[int, list[str]] = {}
    for cid, status in conn.execute("SELECT customer_id, status FROM shop_order"):
        statuses.setdefault(cid, []).append(status)
    lifecycles = dict(conn.execute("SELECT id, lifecycle FROM customer"))
    assert set(lifecycles.values()) <= set(LIFECYCLES)
    assert len(set(lifecycles.values())) > 1
    for cid, lifecycle in lifecycles.items():
        assert lifecycle == lifecycle_from_orders(statuses.get(cid, [])), cid


def test_cases_belong_to_their_order_s_customer(shop):
    _, _, conn = shop
    assert conn.execute("""
        SELECT count(*) FROM aftersales_case a JOIN shop_order o ON o.id = a.order_id
        WHERE o.customer_id != a.customer_id OR o.platform != a.platform
    """).fetchone()[0] == 0


def test_integrity_after_demo(shop):
    d, _, _ = shop
    assert core_db.integrity_problems(d.db_path) == []


def test_every_evidence_row_has_its_photo(shop):
    d, _, conn = shop
    rows = conn.execute("SELECT sha256, ext, size_bytes FROM evidence").fetchall()
    assert rows
    for sha, ext, size in set(rows):
        path = photo_path(d.photos, sha, ext)
        assert path.is_file(), path
        data = path.read_bytes()
        assert hashlib.sha256(data).hexdigest() == sha
        assert len(data) == size
        assert data[:3] == b"\xff\xd8\xff"  # JPEG


def test_refuses_a_non_empty_database(shop):
    d, _, _ = shop
    core_db.open_database(d.db_path, d.backups)
    try:
        with pytest.raises(UserError, match="already holds 300 customers"):
            demo.generate(d, 10, seed=1, now=NOW)
        assert Customer.select().count() == N
    finally:
        core_db.close()


@pytest.mark.parametrize("customers", [-1, demo.MAX_CUSTOMERS + 1])
def test_refuses_a_bad_count(db, data_dir, customers):
    with pytest.raises(UserError):
        demo.generate(data_dir, customers, now=NOW)
    assert Customer.select().count() == 0


def test_zero_customers_writes_only_replies(db, data_dir):
    s = demo.generate(data_dir, 0, now=NOW)
    assert (s.customers, s.orders, s.photos) == (0, 0, 0)
    assert s.replies > 0
    assert not any(data_dir.photos.iterdir())


def test_cancel_writes_nothing(db, data_dir):
    with pytest.raises(Cancelled):
        demo.generate(data_dir, 20, now=NOW, is_cancelled=lambda: True)
    assert Customer.select().count() == 0
    assert db.execute_sql("SELECT count(*) FROM reply").fetchone()[0] == 0


def test_progress_reports_the_end(db, data_dir):
    calls = []
    demo.generate(data_dir, 12, now=NOW, progress=lambda done, total: calls.append((done, total)))
    assert calls[-1] == (12, 12)
