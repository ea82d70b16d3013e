"""Statements prepared on the server (ServerDatabase.execute_prepared): the
search box's ids query is parsed and planned once per connection and gives
what the same SQL gives unprepared, whatever the values."""

from __future__ import annotations

import pytest

from desk.core import server
from desk.core.customers import search
from desk.core.customers.listing import CUSTOMERS, split_tags
from desk.core.customers.models import Customer

on_server = pytest.mark.parametrize("engine", ["postgresql"], indirect=True)


def _prepared(database) -> list[tuple[str, str]]:
    return [tuple(r) for r in database.execute_sql(
        "SELECT name, statement FROM pg_prepared_statements ORDER BY name").fetchall()]


def _ids(query: str) -> list[int]:
    return list(CUSTOMERS.ids([search.search_filter(query)], sort="last_order_at", descending=True))


@pytest.fixture
def buyers(db):
    for n, nick in enumerate(["小雨点点", "大雨", "lily%100", "Lily_2024", "O'Neil", "雨"]):
        Customer.create(platform="taobao", nickname=nick, last_order_at=1_760_000_000 + n * 60)
    return db


@pytest.mark.both_engines
def test_the_search_is_prepared_once_per_shape_and_answers_as_unprepared(buyers, engine):
    if engine == "sqlite":
        assert not hasattr(buyers.connection(), "execute_prepared")  # sqlite3 caches its own
        assert _ids("雨") and _ids("lily%") == _ids("lily%1")
        return
    for q in ["雨", "小雨", "lily%", "LILY%1", "o'n", "O'Neil", "雨", "大雨", "x"]:
        f = search.search_filter(q)
        plain = [r[0] for r in buyers.execute_sql(
            "SELECT c.id FROM customer c WHERE c.deleted_at IS NULL AND " + f.sql
            + " ORDER BY c.last_order_at DESC NULLS LAST, c.id DESC", f.params).fetchall()]
        assert _ids(q) == plain, q
    assert _ids("雨") == [6, 2, 1]
    assert _ids("lily%") == [3]  # % is a character to find, not a wildcard
    assert _ids("o'n") == [5]
    statements = _prepared(buyers)
    # one shape per kind of query: one character, two (小雨 and 大雨), three or more
    # (lily% and o'n), six or more (an order number's prefix too), pinyin letters
    assert len(statements) == 6
    for q in ["猫", "点点", "abc%", "O'Neil2", "y"]:  # the same shapes with other values
        _ids(q)
    assert _prepared(buyers) == statements
    assert all("EXECUTE" not in s and "$1" in s for _, s in statements)
    mode = buyers.execute_sql("SHOW plan_cache_mode").fetchone()[0]
    assert mode == "force_generic_plan"


@on_server
def test_a_new_connection_prepares_again(buyers, engine):
    assert _ids("雨") == [6, 2, 1]
    buyers.close()  # a reconnect (the server restarted, the network came back) is a new session
    assert _ids("雨") == [6, 2, 1]
    assert len(_prepared(buyers)) == 1


@on_server
def test_a_rolled_back_transaction_keeps_the_statement(buyers, engine):
    with buyers.atomic() as txn:
        assert _ids("大雨") == [2]
        Customer.update(nickname="大雨伞").where(Customer.id == 2).execute()
        assert _ids("雨伞") == [2]
        txn.rollback()
    assert _ids("雨伞") == []
    assert _ids("大雨") == [2]


@on_server
def test_the_cache_is_bounded(buyers, engine, monkeypatch):
    monkeypatch.setattr(server, "PREPARED_MAX", 2)
    answers = {q: _ids(q) for q in ["雨", "小雨", "小雨点", "lily", "大雨"]}
    assert answers == {"雨": [6, 2, 1], "小雨": [1], "小雨点": [1], "lily": [4, 3], "大雨": [2]}
    assert len(_prepared(buyers)) <= 2


@on_server
def test_other_values_are_run_unprepared(buyers, engine):
    cursor = buyers.execute_prepared("SELECT count(*) FROM customer WHERE last_order_at > ?"
                                     " OR nickname = ?", (1.5, None))
    assert cursor.fetchone()[0] == 6
    assert _prepared(buyers) == []
    big = buyers.execute_prepared("SELECT count(*) FROM customer WHERE id < ?", (2**40,))
    assert big.fetchone()[0] == 6
    assert "bigint" in _prepared(buyers)[0][1]


@pytest.mark.both_engines
def test_a_page_of_rows_shows_the_risk_flags_and_tags_on_both_engines(buyers):
    from desk.core.customers import tags

    def tag_id(name: str) -> int:
        return buyers.execute_sql("SELECT id FROM tag WHERE name = ?", (name,)).fetchone()[0]

    tags.add_tags([1], [tag_id("差评型"), tag_id("VIP")])
    tags.add_tags([2], [tag_id("砍价型")])
    tags.add_tags([3], [tag_id("差评型"), tag_id("挑剔型")])
    Customer.update(unpaid_count=2).where(Customer.id == 4).execute()
    ids = list(CUSTOMERS.ids([], sort="last_order_at", descending=True))
    assert ids == [6, 5, 4, 3, 2, 1]
    rows = CUSTOMERS.rows(ids + [999])  # an id that is not there: no row
    risk, chips = CUSTOMERS.keys.index("risk"), CUSTOMERS.keys.index("tags")
    assert {cid: row[risk] for cid, row in rows.items()} == {
        1: "review_risk", 2: "risk_tag", 3: "review_risk,risk_tag", 4: "never_pays", 5: "", 6: ""}
    assert [name for name, _ in split_tags(rows[3][chips])] == ["差评型", "挑剔型"]
    assert CUSTOMERS.rows([]) == {}
    many = list(range(1, 1200))  # more than one statement's worth of ids
    assert sorted(CUSTOMERS.rows(many)) == [1, 2, 3, 4, 5, 6]


@on_server
def test_the_list_order_is_read_from_an_index_without_sorting(buyers, engine):
    """Migration 0009: the Customers list's default order (newest last order
    first, an empty one last, then id) is the order of an index on the server."""
    buyers.execute_sql("SET enable_seqscan = off")  # six rows: a scan and a sort would be cheaper
    try:
        plan = "\n".join(r[0] for r in buyers.execute_sql(
            "EXPLAIN SELECT c.id FROM customer c WHERE c.deleted_at IS NULL"
            " ORDER BY c.last_order_at DESC NULLS LAST, c.id DESC NULLS LAST").fetchall())
    finally:
        buyers.execute_sql("RESET enable_seqscan")
    assert "customer_list_order" in plan and "Sort" not in plan, plan
    Customer.update(last_order_at=None).where(Customer.id.in_([2, 5])).execute()
    assert list(CUSTOMERS.ids([], sort="last_order_at", descending=True)) == [6, 4, 3, 1, 5, 2]
    assert list(CUSTOMERS.ids([], sort="last_order_at")) == [2, 5, 1, 3, 4, 6]
