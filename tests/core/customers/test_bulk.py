"""Many new customers at once: the search tables come out exactly as the
insert trigger of migration 0003 builds them, the trigger is back as it was,
and a failure leaves nothing behind."""

from __future__ import annotations

import pytest

from desk.core.base import database
from desk.core.customers import bulk

SQL = ("INSERT INTO customer(platform, nickname, real_name, phone, region, nickname_py,"
       " nickname_abbr, real_name_py, real_name_abbr, source, created_at, updated_at)"
       " VALUES (?,?,?,'','','','','','','import',1,1)")


def _rows(platform: str, n: int = bulk.BULK_FROM + 10) -> list[tuple]:
    return [(platform, f"买家{i}号Lily", "王小芳" if i % 3 else "", ) for i in range(n)]


def _search_tables(platform: str) -> tuple[list, list]:
    """Each customer's grams and full-text hits, keyed by nickname."""
    grams = database.execute_sql(
        "SELECT c.nickname, g.gram FROM customer_gram g JOIN customer c ON c.id = g.customer_id"
        " WHERE c.platform = ? ORDER BY 1, 2", (platform,)).fetchall()
    hits = database.execute_sql(
        "SELECT c.nickname, f.nickname, f.real_name FROM customer_fts f JOIN customer c"
        " ON c.id = f.rowid WHERE c.platform = ? ORDER BY 1", (platform,)).fetchall()
    return grams, hits


def _trigger() -> str | None:
    row = database.execute_sql("SELECT sql FROM sqlite_master WHERE name = ?",
                               (bulk.TRIGGER,)).fetchone()
    return row and row[0]


@pytest.mark.sqlite_only("SQLite's search trigger swapped out around a bulk insert, and its FTS5 table (the server keeps its own triggers)")
def test_the_search_tables_are_those_the_trigger_builds(db):
    before = _trigger()
    conn = database.connection()
    with database.atomic():
        bulk.insert_many(conn, SQL, _rows("taobao"))
    with database.atomic():
        conn.executemany(SQL, _rows("jd"))  # the trigger's way
    assert _trigger() == before
    fast, slow = _search_tables("taobao"), _search_tables("jd")
    assert fast == slow and len(fast[0]) > 5000 and len(fast[1]) == bulk.BULK_FROM + 10
    found = database.execute_sql("SELECT count(*) FROM customer_fts WHERE customer_fts MATCH ?",
                                 ('"买家12"',)).fetchone()[0]
    assert found == 2 * 11  # 买家12号, 买家120号 … 买家129号 on both platforms


@pytest.mark.sqlite_only("SQLite's search trigger swapped out around a bulk insert, and its FTS5 table (the server keeps its own triggers)")
def test_a_failure_leaves_no_customer_and_the_trigger_in_place(db):
    before = _trigger()
    conn = database.connection()
    rows = _rows("taobao")
    rows.append(rows[0])  # the same buyer twice: the unique index refuses it
    with pytest.raises(Exception, match="UNIQUE"), database.atomic():
        bulk.insert_many(conn, SQL, rows)
    assert _trigger() == before
    assert database.execute_sql("SELECT count(*) FROM customer").fetchone() == (0,)
    assert database.execute_sql("SELECT count(*) FROM customer_gram").fetchone() == (0,)


@pytest.mark.sqlite_only("SQLite's search trigger swapped out around a bulk insert, and its FTS5 table (the server keeps its own triggers)")
def test_a_changed_trigger_is_left_to_do_its_work(db, monkeypatch):
    monkeypatch.setattr(bulk, "_TRIGGER_SQL", "CREATE TRIGGER something else")
    conn = database.connection()
    with database.atomic():
        bulk.insert_many(conn, SQL, _rows("taobao"))
        conn.executemany(SQL, _rows("jd"))
    assert _search_tables("taobao") == _search_tables("jd")


def test_an_import_of_many_new_buyers_is_searchable(db, tmp_path):
    from datetime import timedelta, timezone

    from desk.core.customers import search
    from desk.core.excel.orders_import import import_orders

    lines = ["订单编号,买家会员名,订单状态,订单创建时间"]
    lines += [f"{9000 + i},买家{i}号,交易成功,2025-03-01 10:00" for i in range(bulk.BULK_FROM + 10)]
    (tmp_path / "o.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = import_orders(tmp_path / "o.csv", tz=timezone(timedelta(hours=8)))
    assert len(result.new_customers) == bulk.BULK_FROM + 10 and not result.errors
    assert sorted(m.nickname for m in search.find("买家12")) == sorted(
        ["买家12号", *(f"买家12{d}号" for d in range(10))])
    assert [m.nickname for m in search.find("家3号")] == ["买家3号"]
