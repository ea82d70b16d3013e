"""Figures and lifecycle recomputed from orders and cases; risk flags."""

from __future__ import annotations

import itertools
from datetime import UTC, datetime

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desk.core import changes, demo
from desk.core import db as core_db
from desk.core.base import database
from desk.core.customers import figures, service, tags
from desk.core.customers.models import LIFECYCLES, Customer
from desk.core.customers.rules import lifecycle_from_orders
from desk.core.errors import UserError
from desk.core.orders.models import ORDER_STATUSES
from desk.core.paths import DataDir

FIGURES = ("order_count", "paid_order_count", "unpaid_count", "total_spent_fen", "first_order_at",
           "last_order_at", "case_count", "open_case_count", "lifecycle")


def _figures() -> list[tuple]:
    return database.execute_sql(
        f"SELECT id, {', '.join(FIGURES)} FROM customer ORDER BY id").fetchall()


@pytest.fixture
def demo_shop(tmp_path):
    d = DataDir(tmp_path / "demo").ensure()
    core_db.open_database(d.db_path, d.backups)
    demo.generate(d, 300, seed=3, now=datetime(2024, 5, 1, 8, 30, tzinfo=UTC))
    yield d
    core_db.close()


def test_recompute_gives_the_figures_demo_wrote(demo_shop):
    written = _figures()
    assert len(written) == 300
    assert any(r[3] for r in written) and any(r[7] for r in written)  # unpaid and cases occur
    database.execute_sql(
        "UPDATE customer SET order_count = 0, paid_order_count = 0, unpaid_count = 0,"
        " total_spent_fen = 0, first_order_at = NULL, last_order_at = NULL, case_count = 0,"
        " open_case_count = 0, lifecycle = 'inquiry'")
    seen = []
    unsubscribe = changes.subscribe(seen.append)
    try:
        figures.recompute_figures([r[0] for r in written])
    finally:
        unsubscribe()
    assert _figures() == written
    assert seen == [changes.Change("customer", frozenset(r[0] for r in written))]


@pytest.mark.parametrize("statuses", [
    combo for n in range(len(ORDER_STATUSES) + 1)
    for combo in itertools.combinations(ORDER_STATUSES, n)
])
def test_sql_lifecycle_agrees_with_the_rule(shop, statuses):
    cid = shop.customer()
    for status in statuses:
        shop.order(cid, status)
    figures.recompute_figures([cid])
    assert service.get(cid).lifecycle == lifecycle_from_orders(statuses)


def test_figures_count_only_paid_orders_and_live_cases(shop):
    cid = shop.customer()
    shop.order(cid, "completed", 10000, placed_at=1000)
    shop.order(cid, "paid", 2000, placed_at=3000)
    shop.order(cid, "unpaid", 5000, placed_at=2000)
    shop.order(cid, "closed", 7000, paid=True, placed_at=4000)  # refunded: not spent
    shop.order(cid, "closed", 7000, paid=False, placed_at=500)
    shop.case(cid, "handling")
    shop.case(cid, "done")
    gone = shop.case(cid, "new")
    database.execute_sql("UPDATE aftersales_case SET deleted_at = 1 WHERE id = ?", (gone,))
    updated = Customer.get_by_id(cid).updated_at
    figures.recompute_figures([cid, 999])
    d = service.get(cid)
    assert (d.order_count, d.paid_order_count, d.unpaid_count, d.total_spent_fen) == (5, 2, 1, 12000)
    assert (d.first_order_at.timestamp(), d.last_order_at.timestamp()) == (500, 4000)
    assert (d.case_count, d.open_case_count, d.lifecycle) == (2, 1, "unpaid")
    assert d.updated_at == updated  # derived figures are not an edit


def test_recompute_of_nothing_announces_nothing(shop, announced):
    figures.recompute_figures([])
    assert announced == []


def test_manual_lifecycle_sticks_until_cleared(shop, announced):
    a, b = shop.customer("甲"), shop.customer("乙")
    shop.order(a, "unpaid")
    figures.recompute_figures([a, b])
    announced.clear()
    figures.set_lifecycle([a, b], "customer")
    assert announced == [changes.Change("customer", frozenset({a, b}))]
    shop.order(b, "shipped")
    figures.recompute_figures([a, b])
    assert [(service.get(i).lifecycle, service.get(i).lifecycle_manual) for i in (a, b)] == [
        ("customer", True), ("customer", True)]
    figures.clear_manual_lifecycle([a])
    assert (service.get(a).lifecycle, service.get(a).lifecycle_manual) == ("unpaid", False)
    assert service.get(b).lifecycle_manual


def test_unknown_lifecycle_group(shop, announced):
    cid = shop.customer()
    with pytest.raises(UserError, match='Unknown lifecycle group "vip"'):
        figures.set_lifecycle([cid], "vip")
    assert announced[-1] == changes.Change("customer", frozenset({cid}))  # only from create
    assert not service.get(cid).lifecycle_manual


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(statuses=st.lists(st.sampled_from(ORDER_STATUSES), max_size=5),
       group=st.sampled_from(LIFECYCLES), recomputes=st.integers(1, 3))
def test_manual_override_survives_any_orders(shop, statuses, group, recomputes):
    with database.atomic() as txn:
        cid = shop.customer("属性")
        figures.set_lifecycle([cid], group)
        for status in statuses:
            shop.order(cid, status)
            for _ in range(recomputes):
                figures.recompute_figures([cid])
        assert service.get(cid).lifecycle == group
        figures.clear_manual_lifecycle([cid])
        assert service.get(cid).lifecycle == lifecycle_from_orders(statuses)
        txn.rollback()


# -- risk -------------------------------------------------------------------------


def test_no_flags_for_a_good_buyer(shop):
    cid = shop.customer()
    for _ in range(3):
        shop.order(cid)
    shop.case(cid)
    figures.recompute_figures([cid])
    assert figures.risk_flags(cid) == []
    assert figures.risk_flags_for([cid]) == {cid: []}


def test_aftersales_rate(shop):
    few, many, none_paid = shop.customer("甲"), shop.customer("乙"), shop.customer("丙")
    for _ in range(7):
        shop.order(few)
    for _ in range(2):
        shop.case(few)  # 2 / 7 < 0.3
    for _ in range(6):
        shop.order(many)
    for _ in range(2):
        shop.case(many)  # 2 / 6 >= 0.3
    shop.case(none_paid)
    shop.case(none_paid)
    figures.recompute_figures([few, many, none_paid])
    assert figures.risk_flags_for([few, many, none_paid]) == {
        few: [], many: [figures.RISK_AFTERSALES], none_paid: [figures.RISK_AFTERSALES]}
    [flag] = figures.risk_flags(many)
    assert flag.code == "aftersales" and flag.reason == "2 after-sales cases for 6 paid orders."


def test_one_case_is_never_a_risk(shop):
    cid = shop.customer()
    shop.order(cid)
    shop.case(cid)
    figures.recompute_figures([cid])
    assert figures.risk_flags(cid) == []


def test_review_risk_is_the_bad_review_tag_and_other_risk_tags_are_named_as_tags(shop):
    a, b, c = shop.customer("甲"), shop.customer("乙"), shop.customer("丙")
    tags.add_tags([a], [shop.tag_id("差评型"), shop.tag_id("VIP")])
    tags.add_tags([b], [shop.tag_id("砍价型"), shop.tag_id("挑剔型")])
    tags.add_tags([c], [shop.tag_id("VIP")])
    # a haggler is a risk the shop named, not a buyer who left a bad review
    assert figures.risk_flags_for([a, b, c]) == {a: ["review_risk"], b: ["risk_tag"], c: []}
    assert [f.reason for f in figures.risk_flags(a)] == ["Tagged 差评型: may leave a bad review."]
    assert [(f.code, f.reason) for f in figures.risk_flags(b)] == [("risk_tag", "Tagged 挑剔型, 砍价型.")]
    tags.add_tags([b], [shop.tag_id("差评型")])
    assert figures.risk_flags_for([b]) == {b: ["review_risk", "risk_tag"]}
    assert [f.code for f in figures.risk_flags(b)] == ["review_risk", "risk_tag"]
    # a shop's own 差评型 tag in another category still counts
    other = tags.create_category("我的分类", "#123456")
    tags.delete_tag(shop.tag_id("差评型"))
    mine = tags.create_tag(other, "差评型")
    tags.add_tags([c], [mine])
    assert figures.risk_flags_for([c]) == {c: ["review_risk"]}


def test_never_paid_and_all_flags_together(shop):
    cid = shop.customer()
    shop.order(cid, "closed", paid=False)
    figures.recompute_figures([cid])
    assert figures.risk_flags(cid) == []
    shop.order(cid, "closed", paid=False)
    shop.case(cid)
    shop.case(cid)
    tags.add_tags([cid], [shop.tag_id("差评型")])
    figures.recompute_figures([cid])
    flags = figures.risk_flags(cid)
    assert [f.code for f in flags] == ["aftersales", "review_risk", "never_pays"]
    assert flags[2].reason == "2 orders placed and never paid."
    assert flags[2].template == "{count} orders placed and never paid."
    assert figures.risk_flags_for([cid, 4242]) == {cid: [f.code for f in flags], 4242: []}


def test_risk_sql_is_usable_in_a_list_query(shop):
    cid = shop.customer()
    shop.order(cid, "closed", paid=False)
    shop.order(cid, "closed", paid=False)
    figures.recompute_figures([cid])
    rows = database.execute_sql(
        f"SELECT x.id FROM customer x WHERE {figures.risk_codes_sql('x')} LIKE '%never_pays%'")
    assert [r[0] for r in rows] == [cid]


def test_lifecycle_states_round_trip(shop):
    from desk.core.customers import figures

    a = shop.customer("甲")
    b = shop.customer("乙")
    shop.order(a, status="unpaid")
    figures.recompute_figures([a, b])
    figures.set_lifecycle([b], "customer")
    before = figures.lifecycle_states([a, b])
    assert before == [(a, "unpaid", False), (b, "customer", True)]
    figures.set_lifecycle([a, b], "shipped")
    assert figures.lifecycle_states([a, b]) == [(a, "shipped", True), (b, "shipped", True)]
    figures.restore_lifecycles(before)
    assert figures.lifecycle_states([a, b]) == before
