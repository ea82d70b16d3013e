"""The reasons and reply groups ShopDesk ships follow the UI's language until
the shop renames them; the shop's own names are shown as written."""

from __future__ import annotations

import pytest

from desk.core import presets
from desk.core.aftersales import reasons, service, views
from desk.core.aftersales.listing import CASES
from desk.core.customers import service as customers
from desk.core.replies import service as replies


@pytest.fixture
def english():
    presets.set_language("en")
    yield
    presets.set_language("")


def reason_names() -> dict[str, str]:
    return dict(views.reason_choices())


def test_stored_names_without_a_language(shop):
    assert presets.language() == ""
    assert reason_names()["quality"] == "质量问题"
    assert {g.stage: g.shown for g in replies.list_groups()}["greet"] == "打招呼"


def test_shipped_reasons_in_english_until_renamed(shop, english):
    assert reason_names()["quality"] == "Quality problem"
    assert reason_names()["no_reason"] == "7-day no-reason return"
    assert {r.code: r.shown for r in reasons.listed()}["damaged"] == "Damaged in transit"
    buyer = shop.customer()
    case = service.open_case(buyer, "refund_only", "quality")
    column = list(CASES.fields).index("reason")
    assert CASES.rows([case])[case][column] == "Quality problem"
    assert service.get_case(case).reason_name == "Quality problem"
    assert [c.reason_name for c in customers.cases_of(buyer)] == ["Quality problem"]
    # renamed: the shop's own text, in every language
    reasons.update_reason("quality", name="做工问题")
    assert reason_names()["quality"] == "做工问题"
    assert CASES.rows([case])[case][column] == "做工问题"
    assert service.get_case(case).reason_name == "做工问题"
    presets.set_language("zh_CN")
    assert reason_names()["quality"] == "做工问题" and reason_names()["color"] == "色差"
    # stored data is untouched by the language
    assert {r.code: r.name for r in reasons.listed()}["color"] == "色差"


def test_a_shops_own_reason_is_never_translated(shop, english):
    made = reasons.create_reason("包装压坏")
    assert reason_names()[made.code] == "包装压坏"


def test_shipped_reply_groups_in_english_until_renamed(shop, english):
    groups = {g.stage: g for g in replies.list_groups()}
    assert groups["greet"].shown == "Greeting" and groups["greet"].name == "打招呼"
    assert groups["shipping"].shown == "Shipping"
    replies.rename_group(groups["greet"].id, "开场白")
    assert {g.stage: g.shown for g in replies.list_groups()}["greet"] == "开场白"
    mine = replies.add_group("售前问答")
    assert {g.id: g.shown for g in replies.list_groups()}[mine] == "售前问答"
