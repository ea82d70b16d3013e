"""Customer search: every kind of match on hand-made buyers, short and hostile
queries, and the search indexes following inserts, edits and deletes."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desk.core import pinyin, timeutil
from desk.core.base import database
from desk.core.customers.listing import CUSTOMERS
from desk.core.customers.models import Customer, CustomerTag, Tag
from desk.core.customers.search import find, search_filter
from desk.core.orders.models import Order

# the core suite on both engines (tests/conftest.py: db)
pytestmark = pytest.mark.both_engines


def add_customer(nickname: str, real_name: str = "", phone: str = "", platform: str = "taobao") -> Customer:
    return Customer.create(
        platform=platform, nickname=nickname, real_name=real_name, phone=phone,
        nickname_py=pinyin.full(nickname), nickname_abbr=pinyin.abbr(nickname),
        real_name_py=pinyin.full(real_name), real_name_abbr=pinyin.abbr(real_name))


def add_order(customer: Customer, order_no: str, tracking_no: str = "") -> Order:
    return Order.create(customer=customer, platform=customer.platform, order_no=order_no,
                        status="shipped", placed_at=timeutil.now(), tracking_no=tracking_no)


def found(query: str) -> set[int]:
    f = search_filter(query)
    return set(CUSTOMERS.ids([f] if f else []))


@pytest.fixture
def shop(db):
    c = {
        "rain": add_customer("小雨点点", real_name="王小明", phone="13812345678"),
        "big_rain": add_customer("大雨点点", real_name="李华", phone="13900004321"),
        "lemon": add_customer("柠檬味的夏天", phone="15011112222"),
        "lily": add_customer("Lily_2024", real_name="张伟"),
        "tb": add_customer("tb8765432109"),
    }
    add_order(c["rain"], "3123456789012345678", tracking_no="SF1400123456789")
    add_order(c["lemon"], "251120-123456789000001", tracking_no="YT7000000001")
    vip = Tag.get(Tag.name == "VIP")
    CustomerTag.create(customer=c["big_rain"], tag=vip)
    return {k: v.id for k, v in c.items()}


@pytest.mark.parametrize(("query", "who"), [
    # nickname and real name, any length, any case
    ("雨点点", {"rain", "big_rain"}),
    ("小雨点点", {"rain"}),
    ("点", {"rain", "big_rain"}),
    ("小雨", {"rain"}),
    ("夏天", {"lemon"}),
    ("lily", {"lily"}),
    ("LILY_20", {"lily"}),
    ("王小明", {"rain"}),
    ("华", {"big_rain"}),
    ("张伟", {"lily"}),
    # phone: whole, first digits, last four (or more)
    ("13812345678", {"rain"}),
    ("138 1234 5678", {"rain"}),
    ("4321", {"big_rain", "tb"}),  # tb8765432109 has 4321 in its nickname
    ("04321", {"big_rain"}),
    ("2222", {"lemon"}),
    ("139", {"big_rain"}),
    # order and tracking numbers
    ("3123456789012345678", {"rain"}),
    ("312345", {"rain"}),
    ("251120-123456789000001", {"lemon"}),
    ("SF1400123456789", {"rain"}),
    ("sf1400123456789", {"rain"}),
    ("YT7000000001", {"lemon"}),
    # tags
    ("VIP", {"big_rain"}),
    ("vip", {"big_rain"}),
    # pinyin: initials and full, of nickname and real name, as prefixes
    ("xydd", {"rain"}),
    ("xiaoyu", {"rain"}),
    ("xiaoyudiandian", {"rain"}),
    ("dydd", {"big_rain"}),
    ("ydd", set()),  # not a prefix
    ("nmwdxt", {"lemon"}),
    ("wxm", {"rain"}),
    ("wangxiao", {"rain"}),
    ("lh", {"big_rain"}),
    ("zw", {"lily"}),
    ("zhangw", {"lily"}),
    ("没有这个人", set()),
])
def test_every_kind_of_match(shop, query, who):
    assert found(query) == {shop[k] for k in who}


def test_blank_query_is_no_filter(db):
    assert search_filter("") is None
    assert search_filter("  \t ") is None


def test_short_queries_of_one_and_two_characters(shop):
    assert found("x") == {shop["rain"]}  # pinyin initial
    assert found("l") >= {shop["lily"], shop["big_rain"]}  # lily; 李华 -> lh
    assert found("天") == {shop["lemon"]}
    assert found("8") == {shop["tb"]}  # digits in a nickname (phones need three)
    assert found("_2") == {shop["lily"]}
    assert found("Ly") == {shop["lily"]}


HOSTILE = [
    '"', '""', "'", "%", "_", "*", "\\", "%_%", "a%b", "x' OR '1'='1", '"; DROP TABLE customer; --',
    "AND", "OR", "NOT", "NEAR(", 'NEAR("a" "b")', "-", "-小雨", "a*", "^", "(", ")", ":", "nickname:小",
    "{nickname}", "😀", "😀😀😀", "小雨😀", "\x00", "a\x00b", "\u200b", "\U0010ffff", "\ud7ff", "\uffff",
    "x" * 600, "点" * 600, "[", "?", "\n",
]


@pytest.mark.parametrize("query", HOSTILE)
def test_hostile_queries_never_raise(shop, query):
    found(query)
    CUSTOMERS.count([f] if (f := search_filter(query)) else [])


def test_quotes_and_wildcards_are_plain_text(shop):
    odd = add_customer('引号"的%买家_*')
    assert found('"的%') == {odd.id}
    assert found("%") == {odd.id}
    assert found("_") == {shop["lily"], odd.id}
    assert found("*") == {odd.id}
    assert found('号"') == {odd.id}


def test_emoji_in_a_nickname(shop):
    smile = add_customer("开心😀买家")
    assert found("😀") == {smile.id}
    assert found("心😀买") == {smile.id}


def test_index_follows_an_insert_an_edit_and_a_delete(shop, engine):
    new = add_customer("新来的橙子")
    assert found("橙子") == {new.id} and found("新来的") == {new.id}

    Customer.update(nickname="改名的芒果", nickname_py=pinyin.full("改名的芒果"),
                    nickname_abbr=pinyin.abbr("改名的芒果")).where(Customer.id == new.id).execute()
    assert found("橙子") == set() and found("新来的") == set() and found("czi") == set()
    assert found("芒果") == {new.id} and found("改名的") == {new.id} and found("gmdmg") == {new.id}

    Customer.update(real_name="赵六").where(Customer.id == new.id).execute()
    assert found("赵六") == {new.id} and found("六") == {new.id}

    Customer.delete().where(Customer.id == new.id).execute()
    assert found("芒果") == set() and found("赵六") == set()
    conn = database.connection()
    assert conn.execute("SELECT count(*) FROM customer_gram WHERE customer_id = ?", (new.id,)).fetchone()[0] == 0
    if engine == "sqlite":  # the server's trigram indexes are plain GIN indexes on customer
        conn.execute("INSERT INTO customer_fts(customer_fts) VALUES ('integrity-check')")


def test_an_edit_of_other_fields_keeps_the_index(shop):
    Customer.update(region="浙江省杭州市").where(Customer.id == shop["rain"]).execute()
    assert shop["rain"] in found("小雨点")


def test_soft_deleted_customers_are_not_found(shop):
    Customer.update(deleted_at=timeutil.now()).where(Customer.id == shop["rain"]).execute()
    assert found("小雨点点") == set()
    assert found("13812345678") == set()
    assert found("3123456789012345678") == set()
    assert found("雨点点") == {shop["big_rain"]}


def test_the_migration_backfills_existing_customers(data_dir):
    """Customers written before migration 3 are found after it."""
    import sqlite3

    from desk.core import db as core_db

    path = data_dir.db_path
    conn = sqlite3.connect(path, isolation_level=None)
    for m in core_db.migrations()[:2]:
        m.apply(conn)
    conn.execute("PRAGMA user_version = 2")
    conn.execute("INSERT INTO customer(platform, nickname, real_name, nickname_abbr, created_at, updated_at)"
                 " VALUES ('taobao', '旧的老顾客', '钱七', 'jdlgk', 0, 0)")
    conn.close()
    assert core_db.migrate(path, data_dir.backups) == list(range(3, core_db.latest_version() + 1))
    core_db.connect(path)
    try:
        assert len(found("老顾客")) == 1
        assert len(found("老顾")) == 1
        assert len(found("钱")) == 1
        assert len(found("jdl")) == 1
    finally:
        core_db.close()


def test_find_gives_what_the_cli_prints(shop):
    Customer.update(order_count=3, total_spent_fen=123450).where(Customer.id == shop["rain"]).execute()
    [m] = find("xydd")
    assert (m.nickname, m.platform, m.phone, m.order_count, m.total_spent_fen) == (
        "小雨点点", "taobao", "138****5678", 3, 123450)
    assert len(find("雨点点")) == 2
    assert len(find("雨点点", limit=1)) == 1


NICKNAMES = ["小雨点点", "柠檬味的夏天", "Lily_2024", "tb8765432109", "奶茶😀三分糖", "阿 狸 与 桃子",
             "白白胖胖的兔兔酱", "x%y_z*\"q'"]


@pytest.fixture
def many(db):
    return {add_customer(nick).id: nick for nick in NICKNAMES}


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_any_substring_of_a_nickname_finds_it(many, data):
    cid = data.draw(st.sampled_from(sorted(many)))
    nick = many[cid]
    start = data.draw(st.integers(0, len(nick) - 1))
    end = data.draw(st.integers(start + 1, len(nick)))
    part = nick[start:end]
    if not part.strip():
        return  # a blank query is no search at all
    hits = found(part)
    assert cid in hits
    # and nothing that does not contain it by any of the rules' text routes
    for other, other_nick in many.items():
        if part.strip().lower() in other_nick.lower():
            assert other in hits


@pytest.mark.parametrize("query", ["小", "雨点", "xydd", "x", "5678", "VIP", "无此人"])
def test_the_search_index_gives_the_same_rows_in_the_same_order(shop, query, engine):
    """Matches in the default order come from the narrow search index; the
    rows and their order are those of the plain table read."""
    from dataclasses import replace

    database.execute_sql("UPDATE customer SET last_order_at = 1700000000 + id % 3")
    f = search_filter(query)
    assert f.by_id
    plain = replace(CUSTOMERS, by_id_source={})
    for descending in (False, True):
        fast = CUSTOMERS.ids([f], sort="last_order_at", descending=descending)
        assert list(fast) == list(plain.ids([f], sort="last_order_at", descending=descending))
    if engine != "sqlite":  # INDEXED BY and its query plan are SQLite's
        return
    sql = ("EXPLAIN QUERY PLAN SELECT c.id FROM " + CUSTOMERS.by_id_source["last_order_at"]
           + f" WHERE c.deleted_at IS NULL AND {f.sql} ORDER BY c.last_order_at")
    assert any("customer_search_sort" in row[-1] for row in database.execute_sql(sql, f.params))


def test_search_with_other_filters_reads_the_table(shop):
    from desk.core.customers.views import CustomerFilters

    filters = [search_filter("雨"), *CustomerFilters(platforms=("taobao",)).sql()]
    assert len(CUSTOMERS.ids(filters)) == len(CUSTOMERS.ids([search_filter("雨")]))  # all taobao here
