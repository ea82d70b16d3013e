"""The customer search gives the same buyers in the same order on SQLite and on
a PostgreSQL server, for the same data: one test feeds both engines."""

from __future__ import annotations

from datetime import timedelta

import pytest

from desk.core import db as core_db
from desk.core import pinyin, server, timeutil
from desk.core.base import database
from desk.core.customers import search
from desk.core.customers.models import Customer, CustomerTag, Tag
from desk.core.orders.models import Order
from tests.conftest import new_shop_database
from tests.pgserver import SUPERUSER

T0 = timeutil.from_epoch(1_760_000_000)
BUYERS = [
    # nickname, real name, phone, orders (order no, tracking no, days after T0), tags
    ("小雨点点", "王小明", "13812345678", [("3123456789012345678", "SF1400123456789", 3)], ["VIP"]),
    ("大雨点点", "李华", "13900004321", [("3123456789012340001", "", 5)], []),
    ("柠檬味的夏天", "", "15011112222", [("251120-123456789000001", "YT7000000001", 1)], ["VIP"]),
    ("Lily_2024", "张伟", "", [], []),
    ("lily%100", "", "", [], []),
    ("tb8765432109", "", "", [("4000000000000000001", "", 2)], []),
    ("ÄBC Ärger", "Émile", "", [], []),
    ("雨", "", "138****5678", [], []),
    ("点点滴滴", "小雨", "", [("4000000000000000002", "JD0001", 9)], []),
    ("A_B\\C", "", "", [], []),
    ("王小明的店", "王小明", "18600001111", [("4000000000000000003", "", 4)], []),
    ("😀表情包", "", "", [], []),
    ("  空格 名 ", "", "", [], []),
]
QUERIES = [
    "小", "雨", "点", "雨点", "小雨", "点点", "雨点点", "小雨点点", "王小明", "李", "夏天",
    "lily", "LILY", "Lily_2", "l", "L", "ly%", "%", "_", "\\", "A_B", "b\\c", "Ä", "ÄBC", "Ärger",
    "Émile", "ÉMILE", "mile", "😀", "😀表", "空格", "格 名", " 名", "13812345678", "138 1234 5678",
    "4321", "04321", "5678", "138****5678", "尾号5678", "139", "186", "3123456789012345678",
    "312345", "3123456789", "sf1400123456789", "SF1400123456789", "YT7000000001", "jd0001",
    "251120-123456789000001", "VIP", "vip", "V", "xydd", "xiaoyu", "wxm", "ddd", "lh", "x", "d",
    "zw", "nmwdxt", "无此人", "OR", "NEAR(", '"', "'", "*", "tb876", "2109",
]


# SQLite's FTS5 folds the case of every script's letters; the server's ILIKE on
# code-point text folds A-Z only. Searching "äbc" for "ÄBC" (3+ characters,
# a letter outside A-Z in another case) is the one known difference (docs/team.md).
CASE_OUTSIDE_ASCII = ["äbc", "émile", "ärger"]


def _feed() -> None:
    vip = Tag.get(Tag.name == "VIP")
    for n, (nick, real, phone, orders, tags) in enumerate(BUYERS):
        c = Customer.create(
            platform="taobao", nickname=nick, real_name=real, phone=phone,
            nickname_py=pinyin.full(nick), nickname_abbr=pinyin.abbr(nick),
            real_name_py=pinyin.full(real), real_name_abbr=pinyin.abbr(real),
            created_at=T0 + timedelta(minutes=n), updated_at=T0 + timedelta(minutes=n))
        for order_no, tracking, days in orders:
            Order.create(customer=c, platform="taobao", order_no=order_no, status="shipped",
                         placed_at=T0 + timedelta(days=days), tracking_no=tracking)
        if orders:
            last = max(T0 + timedelta(days=d) for _, _, d in orders)
            Customer.update(last_order_at=last, order_count=len(orders)).where(
                Customer.id == c.id).execute()
        for _ in tags:
            CustomerTag.create(customer=c, tag=vip)
    Customer.update(nickname="大雨点点滴").where(Customer.nickname == "大雨点点").execute()
    gone = Customer.create(platform="taobao", nickname="删掉的小雨")
    Customer.delete().where(Customer.id == gone.id).execute()


def _answers() -> dict[str, list]:
    return {q: search.find(q) for q in QUERIES + CASE_OUTSIDE_ASCII}


@pytest.fixture
def both(data_dir, migrated_template, pg_server, pg_database):
    """The same shop fed into a SQLite database and a server database; the
    search's answers on each."""
    new_shop_database(data_dir, migrated_template)
    _feed()
    local = _answers()
    core_db.close()
    address = server.ServerAddress(str(pg_server.socket_dir), 5432, pg_database, SUPERUSER)
    server.connect(address, data_root=data_dir.root)
    try:
        _feed()
        on_server = _answers()
    finally:
        core_db.close()
        database.initialize(None)
    return local, on_server


def test_the_same_buyers_in_the_same_order(both):
    local, on_server = both
    assert sum(len(v) for v in local.values()) > 60  # the queries do find things
    for q in QUERIES:
        assert on_server[q] == local[q], q


def test_case_outside_a_to_z_is_folded_by_sqlite_only(both):
    local, on_server = both
    for q in CASE_OUTSIDE_ASCII:
        assert local[q] and on_server[q] == [], q
