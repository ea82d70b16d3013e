"""Opening, editing, reading and trashing cases."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest

from desk.core import changes, settings, timeutil
from desk.core.aftersales import service
from desk.core.aftersales.models import Case
from desk.core.base import database
from desk.core.customers import service as customers
from desk.core.errors import UserError

from .conftest import dump_tables

# the core suite on both engines (tests/conftest.py: db)
pytestmark = pytest.mark.both_engines


def test_open_case_from_an_order(shop, announced):
    cid = shop.customer("小雨点点")
    oid, (item,), order_no = shop.order(cid, items=(("高腰牛仔裤", 2, 12900),), free_shipping=False)
    case_id = service.open_case(cid, "return_refund", "quality", order_id=oid, items=[(item, 1)],
                                refund_fen="¥129", shipping_fen="12.5", handler=" 小周 ",
                                description="洗了一次就开线\n买家发了照片", carrier="中通快递",
                                tracking_no="7 5312 3456 7890", platform_refund_no="2024050112345")
    case = service.get_case(case_id)
    assert re.fullmatch(r"SH\d{8}-\d{6}", case.case_no)
    assert (case.customer_id, case.nickname, case.order_id) == (cid, "小雨点点", oid)
    assert case.order_no == order_no and isinstance(case.order_no, str) and len(order_no) == 19
    assert (case.kind, case.reason, case.reason_name) == ("return_refund", "quality", "质量问题")
    assert case.responsibility == "seller"  # a quality reason: the shop's fault by default
    assert (case.refund_fen, case.shipping_fen, case.compensation_fen) == (12900, 1250, 0)
    assert case.handler == "小周"
    assert case.description == "洗了一次就开线\n买家发了照片"
    assert (case.return_carrier, case.return_tracking_no) == ("中通快递", "7531234567890")
    assert (case.reissue_carrier, case.reissue_tracking_no) == ("", "")
    assert case.platform_refund_no == "2024050112345"
    assert case.free_shipping is False  # from the order
    assert case.shipping_payer == "seller" and not case.shipping_payer_override
    assert "shop pays" in case.shipping_sentence
    assert [(i.order_item_id, i.title, i.quantity) for i in case.items] == [(item, "高腰牛仔裤", 1)]
    assert case.items_text == "高腰牛仔裤"
    assert case.status == "new"
    assert [(e.kind, e.old_status, e.new_status) for e in case.events] == [("status", "", "new")]
    assert case.next_deadline_at is not None
    assert case.evidence == []
    detail = customers.get(cid)
    assert (detail.case_count, detail.open_case_count) == (1, 1)
    assert changes.Change("case", frozenset({case_id})) in announced
    assert changes.Change("customer", frozenset({cid})) in announced


def test_case_numbers_are_unique_and_follow_the_local_date(shop):
    cid = shop.customer()
    # 17:00 UTC is 01:00 the next day in Beijing: the number carries the shop's date
    opened = (timeutil.now() - timedelta(days=1)).replace(hour=17, minute=0, second=0)
    ids = [service.open_case(cid, "refund_only", "not_received", opened_at=opened) for _ in range(3)]
    numbers = [service.get_case(i).case_no for i in ids]
    assert len(set(numbers)) == 3
    local_day = (opened + timedelta(days=1)).strftime("%Y%m%d")
    assert all(n.startswith(f"SH{local_day}-") for n in numbers)
    assert [service.case_id_by_number(n) for n in numbers] == ids


def test_items_by_name_and_defaults(shop):
    cid = shop.customer()
    settings.set("handler", "阿琳")
    case_id = service.open_case(cid, "reissue", "missing_item", items=[("船袜", 3), ("丝巾", 1)],
                                carrier="顺丰速运", tracking_no="SF1234567890")
    case = service.get_case(case_id)
    assert case.items_text == "船袜 ×3; 丝巾"
    assert case.handler == "阿琳"
    assert case.free_shipping is True and case.order_no is None
    assert (case.reissue_carrier, case.reissue_tracking_no) == ("顺丰速运", "SF1234567890")
    assert case.shipping_payer == "none"


def test_no_reason_reason_marks_the_case(shop):
    cid = shop.customer()
    case = service.get_case(service.open_case(cid, "return_refund", "no_reason"))
    assert case.no_reason_return is True
    assert case.responsibility == "buyer"  # not a quality reason
    assert case.shipping_payer == "buyer"


@pytest.mark.parametrize(("kwargs", "message"), [
    ({"kind": "swap"}, "kind of case"),
    ({"reason": "nope"}, "reason"),
    ({"responsibility": "moon"}, "responsible"),
    ({"refund_fen": "abc"}, "not an amount"),
    ({"refund_fen": "-5"}, "negative"),
    ({"compensation_fen": 10**12}, "check the amount"),
    ({"tracking_no": "单号123"}, "tracking number"),
    ({"handler": "名" * 40}, "handler"),
    ({"items": [("", 1)]}, "Name the item"),
    ({"items": [("袜子", 0)]}, "quantity"),
    ({"description": "x" * 2001}, "description"),
    ({"platform_refund_no": "9" * 65}, "refund number"),
])
def test_bad_input_is_refused_and_nothing_is_written(shop, kwargs, message):
    cid = shop.customer()
    args = {"kind": "refund_only", "reason": "quality", **kwargs}
    before = dump_tables()
    with pytest.raises(UserError, match=message):
        service.open_case(cid, **args)
    assert dump_tables() == before


def test_float_amounts_are_a_programming_error(shop):
    cid = shop.customer()
    with pytest.raises(TypeError):
        service.open_case(cid, "refund_only", "quality", refund_fen=12.5)


def test_order_and_item_checks_roll_back(shop):
    a, b = shop.customer(), shop.customer()
    oid, (item,), _ = shop.order(a, items=(("T恤", 1, 5900),))
    other_oid, (other_item,), _ = shop.order(a)
    before = dump_tables()
    with pytest.raises(UserError, match="not one of this customer's"):
        service.open_case(b, "refund_only", "quality", order_id=oid)
    with pytest.raises(UserError, match="not part of its order"):
        service.open_case(a, "refund_only", "quality", order_id=oid, items=[(other_item, 1)])
    with pytest.raises(UserError, match="not part of its order"):
        service.open_case(a, "refund_only", "quality", items=[(item, 1)])
    with pytest.raises(UserError, match="bought 1 time"):
        service.open_case(a, "refund_only", "quality", order_id=oid, items=[(item, 2)])
    with pytest.raises(UserError, match="more than the buyer paid"):
        service.open_case(a, "refund_only", "quality", order_id=oid, refund_fen=5901)
    assert dump_tables() == before
    assert other_oid


def test_trashed_customer_cannot_get_a_case(shop):
    cid = shop.customer("旧客")
    customers.move_to_trash([cid])
    with pytest.raises(UserError, match="trash"):
        service.open_case(cid, "refund_only", "quality")


def test_future_opening_is_refused(shop):
    cid = shop.customer()
    with pytest.raises(UserError, match="future"):
        service.open_case(cid, "refund_only", "quality", opened_at=timeutil.now() + timedelta(hours=1))


def test_update_case_fields_and_payer_follows_the_rule(shop, announced):
    cid = shop.customer()
    oid, (item,), _ = shop.order(cid, items=(("卫衣", 2, 13900),), free_shipping=True)
    case_id = service.open_case(cid, "return_refund", "size", order_id=oid)
    assert service.get_case(case_id).shipping_payer == "buyer"
    announced.clear()
    service.update_case(case_id, responsibility="seller", refund_fen="139.00", items=[(item, 2)],
                        return_tracking_no="YT123", return_by_surface=True)
    case = service.get_case(case_id)
    assert case.shipping_payer == "seller"
    assert case.refund_fen == 13900 and case.items_text == "卫衣 ×2"
    assert case.return_by_surface is True and case.return_tracking_no == "YT123"
    assert changes.Change("case", frozenset({case_id})) in announced
    service.update_case(case_id, kind="exchange")
    assert service.get_case(case_id).shipping_payer == "seller_both"


def test_update_refuses_bad_values_whole(shop):
    cid = shop.customer()
    oid, _, _ = shop.order(cid)
    case_id = service.open_case(cid, "return_refund", "size", order_id=oid)
    before = dump_tables()
    with pytest.raises(UserError):
        service.update_case(case_id, handler="阿琳", refund_fen="1000000")
    with pytest.raises(UserError):
        service.update_case(case_id, description="好", return_tracking_no="??")
    with pytest.raises(TypeError):
        service.update_case(case_id, status="done")
    assert dump_tables() == before


def test_changing_the_order_drops_nothing_silently(shop):
    cid = shop.customer()
    oid, (item,), _ = shop.order(cid)
    oid2, (item2,), order_no2 = shop.order(cid, platform="tmall")
    case_id = service.open_case(cid, "return_refund", "size", order_id=oid, items=[(item, 1)])
    with pytest.raises(UserError, match="pick the items again"):
        service.update_case(case_id, order_id=oid2)
    service.update_case(case_id, order_id=oid2, items=[(item2, 1)])
    case = service.get_case(case_id)
    assert (case.order_no, case.platform) == (order_no2, "tmall")
    service.update_case(case_id, order_id=None, items=[("手写的商品", 1)])
    assert service.get_case(case_id).order_no is None


def test_payer_override_is_recorded_and_kept(shop):
    cid = shop.customer()
    case_id = service.open_case(cid, "return_refund", "size", handler="小周")
    service.set_shipping_payer(case_id, "seller", handler="店长", comment="老客户，运费我们出")
    case = service.get_case(case_id)
    assert (case.shipping_payer, case.shipping_payer_override) == ("seller", True)
    assert case.shipping_sentence.startswith("Set by hand")
    event = case.events[-1]
    assert (event.kind, event.old_status, event.new_status, event.handler, event.comment) == (
        "payer_override", "buyer", "seller", "店长", "老客户，运费我们出")
    service.update_case(case_id, kind="exchange")  # the rule would say buyer_return
    assert service.get_case(case_id).shipping_payer == "seller"
    service.set_shipping_payer(case_id, None)
    case = service.get_case(case_id)
    assert (case.shipping_payer, case.shipping_payer_override) == ("buyer_return", False)
    assert [e.kind for e in case.events].count("payer_override") == 2
    with pytest.raises(UserError, match="who pays"):
        service.set_shipping_payer(case_id, "the moon")


def test_comments_and_evidence_in_the_detail(shop):
    cid = shop.customer()
    case_id = service.open_case(cid, "compensation", "color")
    service.add_comment(case_id, "买家同意补偿10元", handler="阿琳")
    with pytest.raises(UserError, match="empty"):
        service.add_comment(case_id, "  ")
    now = timeutil.to_epoch(timeutil.now())
    for sha, deleted in (("a" * 64, None), ("b" * 64, now)):
        database.execute_sql(
            "INSERT INTO evidence(case_id, sha256, ext, kind, caption, added_at, deleted_at)"
            " VALUES (?, ?, 'jpg', 'damage', '破损', ?, ?)", (case_id, sha, now, deleted))
    case = service.get_case(case_id)
    assert [(e.kind, e.comment, e.handler) for e in case.events][-1] == (
        "comment", "买家同意补偿10元", "阿琳")
    assert [e.sha256 for e in case.evidence] == ["a" * 64]  # the trashed photo is left out


def test_cases_for_order_and_trash(shop, announced):
    cid = shop.customer()
    oid, _, _ = shop.order(cid)
    first = service.open_case(cid, "refund_only", "quality", order_id=oid)
    second = service.open_case(cid, "exchange", "size", order_id=oid)
    assert {c.id for c in service.cases_for_order(oid)} == {first, second}
    assert service.move_to_trash([first, first]) == 1
    assert [c.id for c in service.cases_for_order(oid)] == [second]
    assert customers.get(cid).case_count == 1
    with pytest.raises(UserError, match="trash"):
        service.update_case(first, handler="x")
    assert service.move_to_trash([first]) == 0
    assert service.restore([first]) == 1
    assert customers.get(cid).case_count == 2
    assert Case.get_by_id(first).next_deadline_at is not None


def test_missing_case(shop):
    with pytest.raises(UserError, match="no longer exists"):
        service.get_case(999)
    with pytest.raises(UserError, match="no longer exists"):
        service.update_case(999, handler="x")
    with pytest.raises(UserError, match="no case"):
        service.case_id_by_number("SH20240101-000001")
