"""The shop's rules: deadline presets put back to the shipped values, the shop's
clock, the reason list (add, rename, switch off, delete only when unused), and
urgency agreeing with the Today page at midnight."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desk.core import settings, timeutil
from desk.core.aftersales import deadlines, reasons, service
from desk.core.aftersales.models import Case
from desk.core.errors import UserError
from desk.core.resources import db_file

from .conftest import BEIJING, dump_tables

H = timedelta(hours=1)
SEED = json.loads(db_file("seed", "deadlines.json").read_text(encoding="utf-8"))


def hours_of(platform: str) -> dict[str, tuple[int, bool]]:
    return {r.key: (r.hours, r.active) for r in deadlines.list_rules(platform)}


# -- urgency at midnight ------------------------------------------------------------------


def test_a_deadline_at_the_midnight_ending_today_is_today_like_the_today_list():
    now = datetime(2024, 2, 29, 9, 30, tzinfo=BEIJING)  # a leap-day month end
    midnight = datetime(2024, 3, 1, 0, 0, tzinfo=BEIJING)
    f = deadlines.today_filter(now, BEIJING)
    assert f.params == (timeutil.to_epoch(midnight),)  # the Today list includes it
    assert deadlines.urgency(midnight, now, 1, BEIJING) == "today"
    assert deadlines.urgency(midnight.astimezone(UTC), now.astimezone(UTC), 1, BEIJING) == "today"
    assert deadlines.urgency(midnight + timedelta(seconds=1), now, 1, BEIJING) == "fine"


@given(st.datetimes(min_value=datetime(2023, 12, 1), max_value=datetime(2025, 3, 1),
                    timezones=st.just(UTC)), st.integers(1, 3 * 86400), st.integers(1, 720))
def test_urgency_today_is_exactly_what_the_today_filter_takes(now, ahead, warn):
    deadline = now + timedelta(seconds=ahead)
    on_today_list = timeutil.to_epoch(deadline) <= deadlines.today_filter(now, BEIJING).params[0]
    assert (deadlines.urgency(deadline, now, warn, BEIJING) == "today") == on_today_list


# -- restoring the shipped presets -----------------------------------------------------------


def test_reset_rules_puts_back_the_seeded_values_of_one_platform_only(db):
    seeded = {r["key"]: (r["hours"], True) for r in SEED["rules"]}
    assert hours_of("taobao") == seeded
    rules = {r.key: r for r in deadlines.list_rules("taobao")}
    deadlines.update_rule(rules["seller_respond"].id, hours=200)
    deadlines.update_rule(rules["review_revise"].id, active=False)
    jd = {r.key: r for r in deadlines.list_rules("jd")}
    deadlines.update_rule(jd["seller_respond"].id, hours=30)

    before = deadlines.reset_rules("taobao")

    assert hours_of("taobao") == seeded
    assert hours_of("jd")["seller_respond"] == (30, True)  # other platforms untouched
    assert {r.key: (r.hours, r.active) for r in before}["seller_respond"] == (200, True)
    deadlines.restore_rules(before)
    assert hours_of("taobao")["seller_respond"] == (200, True)
    assert hours_of("taobao")["review_revise"] == (720, False)


def test_reset_rules_adds_a_missing_preset_again(db):
    from desk.core.aftersales.models import DeadlineRule

    DeadlineRule.delete().where(DeadlineRule.platform == "pdd",
                                DeadlineRule.key == "buyer_respond_refusal").execute()
    assert "buyer_respond_refusal" not in hours_of("pdd")
    deadlines.reset_rules("pdd")
    assert hours_of("pdd")["buyer_respond_refusal"] == (168, True)
    assert [r.key for r in deadlines.list_rules("pdd")] == [r["key"] for r in SEED["rules"]]


def test_reset_rules_refuses_an_unknown_platform(db):
    with pytest.raises(UserError):
        deadlines.reset_rules("amazon")


def test_seed_rules_are_what_the_migration_wrote(db):
    assert deadlines.seed_rules() == SEED
    for platform in SEED["platforms"]:
        assert hours_of(platform) == {r["key"]: (r["hours"], True) for r in SEED["rules"]}


def test_reset_and_restore_recompute_the_cases_deadlines(shop):
    cid = shop.customer()
    # 11:00 in the shop's zone: the shop's own same-day target (midnight) comes after 2 h
    case_id = service.open_case(cid, "refund_only", "quality",
                                opened_at=datetime(2024, 5, 1, 3, 0, tzinfo=UTC))
    opened = Case.get_by_id(case_id).status_changed_at
    respond = {r.key: r for r in deadlines.list_rules("taobao")}["seller_respond"]
    settings.set("handling_cutoff_hour", 24)
    deadlines.update_rule(respond.id, hours=2)
    assert Case.get_by_id(case_id).next_deadline_at == opened + 2 * H
    before = deadlines.reset_rules("taobao")
    case = Case.get_by_id(case_id)
    assert case.next_deadline_key in ("handling", "seller_respond")
    assert case.next_deadline_at != opened + 2 * H
    deadlines.restore_rules(before)
    assert Case.get_by_id(case_id).next_deadline_at == opened + 2 * H


# -- the shop's clock -------------------------------------------------------------------------


def test_set_shop_clock_validates_writes_and_recomputes_open_cases(shop):
    cid = shop.customer()
    case_id = service.open_case(cid, "refund_only", "quality",
                                opened_at=datetime(2024, 5, 1, 3, 0, tzinfo=UTC))  # 11:00 Beijing
    assert Case.get_by_id(case_id).next_deadline_key == "handling"
    first = Case.get_by_id(case_id).next_deadline_at
    deadlines.set_shop_clock(cutoff_hour=10, warn_hours=48)  # 11:00 is now after the cut-off
    assert settings.get("handling_cutoff_hour") == 10
    assert settings.get("deadline_warn_hours") == 48
    assert Case.get_by_id(case_id).next_deadline_at == first + 24 * H
    before = dump_tables()
    with pytest.raises(UserError):
        deadlines.set_shop_clock(cutoff_hour=25, warn_hours=12)
    assert settings.get("deadline_warn_hours") == 48  # nothing written
    assert dump_tables() == before


# -- reasons ----------------------------------------------------------------------------------


def names(include_inactive=True):
    return [r.name for r in reasons.listed(include_inactive=include_inactive)]


def test_create_reason_appends_and_offers_it(db, announced):
    info = reasons.create_reason("  吊牌缺失 ", is_quality=True)
    assert info.name == "吊牌缺失" and info.is_quality and info.active and not info.no_reason
    assert names()[-1] == "吊牌缺失"
    assert "吊牌缺失" in names(include_inactive=False)
    assert any(c.entity == "reason" for c in announced)


@pytest.mark.parametrize("name", ["", "   ", "质量问题", "x" * 21, "坏\x07了", "两\n行", "右\u202e左"])
def test_bad_reason_names_are_refused_and_nothing_saved(db, name):
    before = names()
    with pytest.raises(UserError):
        reasons.create_reason(name)
    assert names() == before


def test_a_duplicate_ignores_case_and_renaming_to_itself_is_fine(db):
    reasons.create_reason("Damaged box")
    with pytest.raises(UserError):
        reasons.create_reason("damaged BOX")
    code = reasons.listed()[-1].code
    reasons.update_reason(code, name="Damaged box")
    with pytest.raises(UserError):
        reasons.update_reason(code, name="色差")


def test_update_reason_renames_and_switches_off_but_cases_keep_it(shop):
    cid = shop.customer()
    case_id = service.open_case(cid, "return_refund", "color")
    before = reasons.update_reason("color", name="颜色和图片不一样")
    assert before.name == "色差"
    assert service.get_case(case_id).reason_name == "颜色和图片不一样"
    reasons.update_reason("color", active=False)
    assert "颜色和图片不一样" not in names(include_inactive=False)
    assert service.get_case(case_id).reason == "color"
    with pytest.raises(UserError):
        service.open_case(cid, "return_refund", "color")  # no longer offered
    reasons.update_reason("color", active=True, is_quality=True)
    info = next(r for r in reasons.listed() if r.code == "color")
    assert info.active and info.is_quality


def test_a_used_reason_is_never_deleted(shop):
    cid = shop.customer()
    case_id = service.open_case(cid, "return_refund", "size")
    service.move_to_trash([case_id])  # a case in the trash still uses it
    assert reasons.reason_used("size") == 1
    with pytest.raises(UserError):
        reasons.delete_reason("size")
    assert "size" in [r.code for r in reasons.listed(include_inactive=True)]


def test_an_unused_reason_is_deleted_and_can_be_put_back_in_place(db):
    position = reasons.reason_position("lost")
    gone = reasons.delete_reason("lost")
    assert "lost" not in [r.code for r in reasons.listed(include_inactive=True)]
    reasons.create_reason(gone.name, gone.is_quality, code=gone.code, position=position)
    assert [r.code for r in reasons.listed()][:6] == [
        "quality", "wrong_item", "missing_item", "damaged", "lost", "not_received"]


def test_the_last_active_reason_stays(db):
    codes = [r.code for r in reasons.listed()]
    for code in codes[:-1]:
        reasons.update_reason(code, active=False)
    with pytest.raises(UserError):
        reasons.update_reason(codes[-1], active=False)
    with pytest.raises(UserError):
        reasons.delete_reason(codes[-1])
    assert [r.code for r in reasons.listed()] == codes[-1:]


def test_missing_reason_is_a_user_error(db):
    with pytest.raises(UserError):
        reasons.update_reason("nope", name="x")
    with pytest.raises(UserError):
        reasons.delete_reason("nope")


def test_the_no_reason_flag_follows_the_seeded_code(db):
    flagged = [r.code for r in reasons.listed() if r.no_reason]
    assert flagged == ["no_reason"]
