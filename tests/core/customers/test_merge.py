"""Duplicates, merging two customers, and undoing the merge exactly."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desk.core.base import database
from desk.core.customers import figures, followups, merge, notes, service, tags
from desk.core.customers.models import Address, Customer
from desk.core.errors import UserError

from .conftest import STAMPS, dump_tables

DUE = datetime(2024, 6, 1, tzinfo=UTC)


def test_find_duplicates(shop):
    a = shop.customer("小雨", "taobao", phone="13812345678")
    b = shop.customer("雨点", "pdd", phone="13812345678")
    c = shop.customer("雨点", "jd")  # same nickname as b on another platform
    shop.customer("独自", "taobao", phone="138****5678")
    shop.customer("也独自", "pdd", phone="138****5678")  # masked numbers don't count
    d = shop.customer("座机", "taobao", phone="0571-88886666")
    e = shop.customer("座机2", "wechat", phone="0571-88886666")
    trashed = shop.customer("小雨", "jd")
    service.move_to_trash([trashed])
    shop.customer("无电话", "taobao")
    shop.customer("无电话2", "taobao")  # empty phones don't count
    assert merge.find_duplicates() == [[a, b, c], [d, e]]


def _rich_pair(shop):
    keep = shop.customer("小雨点点", "taobao", phone="13812345678")
    drop = shop.customer("小雨点点", "pdd", real_name="王芳", region="浙江杭州", phone="13900001111")
    service.add_address(keep, detail="一号", is_default=True)
    service.add_address(drop, detail="二号")
    service.add_address(drop, detail="三号", is_default=True)
    tags.add_tags([keep], [shop.tag_id("VIP")])
    tags.add_tags([drop], [shop.tag_id("VIP"), shop.tag_id("差评型")])
    o1 = shop.order(keep)
    o2, o3 = shop.order(drop), shop.order(drop, "unpaid")
    c1 = shop.case(drop, "handling", order_id=o2)
    notes.add(drop, "尺码M", order_id=o2)
    notes.add(keep, "老客")
    followups.add(drop, "催付", DUE, case_id=c1)
    figures.recompute_figures([keep, drop])
    return keep, drop, (o1, o2, o3, c1)


def test_preview_counts_what_moves(shop):
    keep, drop, _ = _rich_pair(shop)
    assert merge.merge_preview(keep, drop) == {
        "orders": 2, "notes": 1, "cases": 1, "followups": 1, "addresses": 2, "tags": 1}


def test_merge_moves_everything_and_fills_empty_fields(shop, announced):
    keep, drop, (o1, o2, o3, c1) = _rich_pair(shop)
    announced.clear()
    token = merge.merge(keep, drop)
    json.dumps(token)  # plain data
    k = service.get(keep)
    assert (k.real_name, k.region, k.phone) == ("王芳", "浙江杭州", "13812345678")
    assert Customer.get_by_id(keep).real_name_abbr == "wf"
    assert (k.order_count, k.paid_order_count, k.case_count, k.open_case_count) == (3, 2, 1, 1)
    assert k.lifecycle == "unpaid"
    assert sorted(t.name for t in k.tags) == ["VIP", "差评型"]
    assert [a.detail for a in k.addresses] == ["一号", "三号", "二号"]
    assert [a.is_default for a in k.addresses] == [True, False, False]
    assert len(notes.list_notes(keep)) == 2
    d = service.get(drop)
    assert d.deleted_at is not None and d.order_count == 0 and d.tags == [] and d.addresses == []
    assert {c.entity for c in announced} >= {"customer", "order", "note", "case", "followup"}


def test_merge_refuses_bad_pairs(shop):
    a, b = shop.customer("甲"), shop.customer("乙")
    with pytest.raises(UserError, match="two different"):
        merge.merge(a, a)
    service.move_to_trash([b])
    with pytest.raises(UserError, match="in the trash"):
        merge.merge(a, b)
    with pytest.raises(UserError, match="no longer exists"):
        merge.merge_preview(a, 999)


def test_unmerge_restores_the_database_exactly(shop):
    keep, drop, _ = _rich_pair(shop)
    before = dump_tables(skip=STAMPS)
    token = merge.merge(keep, drop)
    merged = Customer.get_by_id(keep).version
    assert dump_tables(skip=STAMPS) != before
    merge.unmerge(json.loads(json.dumps(token)))
    assert dump_tables(skip=STAMPS) == before
    # everything else exactly as it was; the undo is a new save of both buyers
    assert Customer.get_by_id(keep).version > merged
    assert Customer.get_by_id(drop).version > 0


def test_unmerge_when_the_drop_was_restored_or_its_name_taken(shop):
    keep, drop, _ = _rich_pair(shop)
    token = merge.merge(keep, drop)
    service.restore([drop])
    with pytest.raises(UserError, match="restored from the trash"):
        merge.unmerge(token)
    service.move_to_trash([drop])
    shop.customer("小雨点点", "pdd")
    with pytest.raises(UserError, match='already a customer "小雨点点" on pdd'):
        merge.unmerge(token)
    with pytest.raises(ValueError):
        merge.unmerge({"version": 99})


def test_keep_without_addresses_takes_the_drops_default(shop):
    keep, drop = shop.customer("甲"), shop.customer("乙")
    service.add_address(drop, detail="一号")
    default = service.add_address(drop, detail="二号", is_default=True)
    merge.merge(keep, drop)
    assert [a.id for a in Address.select().where(Address.customer == keep, Address.is_default.is_set())] == [
        default]


STATUSES = st.sampled_from(("unpaid", "paid", "shipped", "completed", "closed"))
PERSON = st.fixed_dictionaries({
    "orders": st.lists(st.tuples(STATUSES, st.booleans()), max_size=3),
    "cases": st.lists(st.sampled_from(("new", "done", "returning")), max_size=2),
    "notes": st.integers(0, 2),
    "followups": st.integers(0, 2),
    "addresses": st.lists(st.booleans(), max_size=3),
    "tags": st.sets(st.sampled_from(("VIP", "批发", "差评型", "老客")), max_size=3),
    "phone": st.sampled_from(("", "13812345678", "138****1234")),
    "real_name": st.sampled_from(("", "王芳")),
    "manual": st.sampled_from((None, "customer", "inquiry")),
})


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(people=st.lists(PERSON, min_size=2, max_size=4), data=st.data())
def test_merge_unmerge_round_trip(shop, people, data):
    with database.atomic() as txn:
        ids = []
        for i, p in enumerate(people):
            cid = shop.customer(f"买家{i}", phone=p["phone"], real_name=p["real_name"])
            ids.append(cid)
            for status, paid in p["orders"]:
                shop.order(cid, status, paid=paid and status != "unpaid")
            for status in p["cases"]:
                shop.case(cid, status)
            for n in range(p["notes"]):
                notes.add(cid, f"备注{n}", pinned=n == 1)
            for n in range(p["followups"]):
                followups.add(cid, f"跟进{n}", DUE)
            for default in p["addresses"]:
                service.add_address(cid, detail="路", is_default=default)
            tags.add_tags([cid], [shop.tag_id(t) for t in p["tags"]])
            if p["manual"]:
                figures.set_lifecycle([cid], p["manual"])
        figures.recompute_figures(ids)
        keep, drop = data.draw(st.permutations(ids))[:2]
        before = dump_tables(skip=STAMPS)
        preview = merge.merge_preview(keep, drop)
        token = merge.merge(keep, drop)
        assert sum(len(token[k]) for k in ("orders", "notes", "cases", "followups")) == sum(
            preview[k] for k in ("orders", "notes", "cases", "followups"))
        defaults = database.execute_sql(
            "SELECT count(*) FROM address WHERE customer_id = ? AND is_default = 1", (keep,)).fetchone()[0]
        has_addresses = Address.select().where(Address.customer == keep).exists()
        assert defaults == (1 if has_addresses else 0)
        merge.unmerge(token)
        assert dump_tables(skip=STAMPS) == before
        txn.rollback()
