"""Placeholders: parsing, rendering, prompted fields, and filling from the shop's data."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

from hypothesis import given
from hypothesis import strategies as st

from desk.core import settings
from desk.core.base import database
from desk.core.errors import UserError
from desk.core.replies import placeholders as ph
from desk.core.replies.placeholders import Context

CST = timezone(timedelta(hours=8))
NOW = datetime(2024, 5, 31, 17, 5, tzinfo=UTC)  # 2024-06-01 01:05 in China


def test_segments_classify_and_join_back():
    body = "亲{nickname}，订单{订单号}{?优惠金额}元 {foo} {单{x} {} {？ 尺码 }"
    segs = ph.segments(body)
    assert "".join(t for _, t in segs) == body
    assert [k for k, _ in segs if k != "text"] == ["known", "known", "prompt", "unknown", "unknown",
                                                  "prompt"]
    assert ph.prompts(body) == ["优惠金额", "尺码"]
    assert ph.unknown(body) == ["foo", "x"]


def test_render_fills_known_and_answers():
    ctx = Context(nickname="小雨", order_no="4000000000000000001", tracking_no="SF123",
                  carrier="顺丰", shop_name="小店", now=NOW, tz=CST, clipboard="剪的")
    body = ("{昵称}/{nickname}/{ORDER_NO}/{tracking_no}/{快递公司}/{店铺名}/{date}/{time}/"
            "{clipboard}/{?金额}/{?金额}/{bad}")
    assert ph.render(body, ctx, {"金额": "5"}) == (
        "小雨/小雨/4000000000000000001/SF123/顺丰/小店/2024-06-01/01:05/剪的/5/5/{bad}")
    assert ph.render("{日期}", ctx, localised=True) == "2024年6月1日"


def test_missing_values_and_answers():
    ctx = Context(now=NOW, tz=CST)
    assert ph.render("亲{nickname}，单号{tracking_no}", ctx) == "亲，单号"
    assert ph.render("减{?金额}元", ctx) == "减{?金额}元"
    assert ph.missing_answers("{?a}{?b}{?a}", {"b": "1"}) == ["a"]


def test_every_name_has_an_alias():
    assert set(ph.ALIAS_OF) == set(ph.NAMES)
    for name, alias in ph.ALIAS_OF.items():
        assert ph.ALIASES[alias] == name
    assert set(ph.ALIASES.values()) <= set(ph.NAMES)


@given(st.text(alphabet=st.sampled_from("{}?？ab昵称订单号\n x"), max_size=60) | st.text(max_size=80),
       st.dictionaries(st.text(max_size=5), st.text(max_size=5), max_size=3))
def test_parser_never_fails(body, answers):
    try:
        segs = ph.segments(body)
        out = ph.render(body, Context(now=NOW), answers)
        ph.prompts(body)
        ph.unknown(body)
    except UserError:
        return
    assert "".join(t for _, t in segs) == body
    assert isinstance(out, str)
    if not ph.tokens(body):
        assert out == body


def test_context_from_customer_case_and_settings(shop):
    settings.set("shop_name", "暖暖小铺")
    buyer = shop.customer("小雨点点")
    shop.order(buyer, placed_at=1)
    latest = shop.order(buyer, placed_at=2)
    database.execute_sql("UPDATE shop_order SET tracking_no='YT1', carrier='圆通' WHERE id=?", (latest,))
    ctx = ph.context_for(customer_id=buyer, clipboard="x")
    assert (ctx.nickname, ctx.order_no, ctx.tracking_no, ctx.carrier, ctx.shop_name, ctx.clipboard) == (
        "小雨点点", "4000000000000000002", "YT1", "圆通", "暖暖小铺", "x")

    first = database.execute_sql("SELECT id FROM shop_order WHERE placed_at = 1").fetchone()[0]
    case = shop.case(buyer, order_id=first)
    ctx = ph.context_for(case_id=case)
    assert (ctx.nickname, ctx.order_no, ctx.tracking_no) == ("小雨点点", "4000000000000000001", "")
    database.execute_sql("UPDATE aftersales_case SET reissue_carrier='中通', reissue_tracking_no='ZT9'"
                         " WHERE id=?", (case,))
    ctx = ph.context_for(case_id=case)
    assert (ctx.carrier, ctx.tracking_no, ctx.order_no) == ("中通", "ZT9", "4000000000000000001")


def test_context_without_anything(db):
    ctx = ph.context_for()
    assert (ctx.nickname, ctx.order_no, ctx.shop_name) == ("", "", "")
    assert ph.context_for(customer_id=999, case_id=999).nickname == ""


# -- filling safely -------------------------------------------------------------------

GREETING = "{nickname}，您好～欢迎来到{shop_name}，我是今天的值班客服"


def test_fill_lists_every_placeholder_it_cannot_fill():
    filled = ph.fill(GREETING, Context(now=NOW, tz=CST))
    assert not filled.complete
    assert [(g.kind, g.key, g.text) for g in filled.missing] == [
        ("known", "nickname", "{nickname}"), ("known", "shop_name", "{shop_name}")]
    assert [g.describe() for g in filled.missing] == ["buyer nickname ({nickname})",
                                                      "shop name ({shop_name})"]
    # the gaps stay as written, never an empty string that reads like a finished sentence
    assert filled.text == GREETING
    assert [key for _, key in filled.parts if key] == ["nickname", "shop_name"]
    assert "".join(p for p, _ in filled.parts) == filled.text


def test_fill_complete_from_the_context():
    filled = ph.fill(GREETING, Context(nickname="小雨点点", shop_name="暖暖小铺", now=NOW))
    assert filled.complete and filled.missing == ()
    assert filled.text == "小雨点点，您好～欢迎来到暖暖小铺，我是今天的值班客服"
    assert filled.parts[0] == ("小雨点点", None)


def test_fill_takes_answers_for_known_prompted_and_unknown_and_refuses_blank_ones():
    body = "{昵称}{店铺名}/{?金额}元/{?金额}/{bad}/{clipboard}/{date}"
    ctx = Context(nickname="小雨", now=NOW, tz=CST)
    filled = ph.fill(body, ctx, {"金额": "  ", "shop_name": ""})
    assert [g.describe() for g in filled.missing] == [
        "shop name ({店铺名})", "金额 ({?金额})", "unknown placeholder {bad}", "clipboard text ({clipboard})"]
    filled = ph.fill(body, ctx, {"金额": " 5 ", "shop_name": "小店", "bad": "好", "clipboard": "链接"})
    assert filled.complete
    assert filled.text == "小雨小店/5元/5/好/链接/2024-06-01"
    # the context wins over an answer for a value it has
    assert ph.fill("{nickname}", ctx, {"nickname": "别人"}).text == "小雨"


def test_answer_keys_accept_the_chinese_alias():
    assert ph.answer_key("店铺名") == "shop_name"
    assert ph.answer_key(" SHOP_NAME ") == "shop_name"
    assert ph.answer_key("优惠金额") == "优惠金额"


@given(st.text(alphabet=st.sampled_from("{}?？ab昵称订单号\n x"), max_size=60),
       st.dictionaries(st.sampled_from(["a", "b", "nickname", "昵称", "x"]), st.text(max_size=3), max_size=3))
def test_fill_is_complete_exactly_when_no_brace_placeholder_is_left(body, answers):
    filled = ph.fill(body, Context(now=NOW), answers)
    assert "".join(p for p, _ in filled.parts) == filled.text
    gaps = {key for _, key in filled.parts if key}
    assert gaps == {g.key for g in filled.missing}
    assert filled.complete == (not gaps)
    if filled.complete and not ph.unknown(body):  # render() leaves unknown ones as written
        assert filled.text == ph.render(body, Context(now=NOW), {k: v.strip() for k, v in answers.items()})
