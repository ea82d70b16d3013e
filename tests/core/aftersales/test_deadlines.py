"""Deadlines: presets per platform, the shop's pausing clock, what is due, urgency."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desk.core import timeutil
from desk.core.aftersales import deadlines, due, flow, service
from desk.core.aftersales.deadlines import CaseClock, RuleInfo, Stretch
from desk.core.aftersales.models import Case
from desk.core.errors import UserError

from .conftest import BEIJING, dump_tables

H = timedelta(hours=1)
ZONES = st.sampled_from([UTC, BEIJING, timezone(timedelta(hours=-5)), timezone(timedelta(hours=14)),
                         timezone(timedelta(hours=5, minutes=45)), timezone(timedelta(hours=-12))])
# moments around month ends and midnights, to the second
MOMENTS = st.datetimes(min_value=datetime(2023, 12, 25), max_value=datetime(2025, 3, 5),
                       timezones=st.just(UTC)).map(lambda d: d.replace(microsecond=0))


def rule(key, status, hours, condition=""):
    return RuleInfo(0, "taobao", key, status, condition, hours, True, 0)


RULES = [
    rule("seller_respond", "new", 120), rule("seller_respond_no_reason", "new", 48, "no_reason"),
    rule("buyer_ship_return", "awaiting_return", 168),
    rule("seller_confirm_express", "returning", 240, "express"),
    rule("seller_confirm_surface", "returning", 720, "surface"),
    rule("buyer_respond_refusal", "rejected", 168), rule("review_revise", "done", 720),
]


def clock(status, changed, opened=None, no_reason=False, surface=False, moves=()):
    opened = opened or changed
    return CaseClock("taobao", status, opened, changed, no_reason, surface, tuple(moves))


# -- the presets as data -----------------------------------------------------------------


def test_seeded_presets_match_the_platform_rules(db):
    taobao = {r.key: (r.start_status, r.condition, r.hours) for r in deadlines.list_rules("taobao")}
    assert taobao == {
        "seller_respond": ("new", "", 5 * 24), "seller_respond_no_reason": ("new", "no_reason", 48),
        "buyer_ship_return": ("awaiting_return", "", 7 * 24),
        "seller_confirm_express": ("returning", "express", 10 * 24),
        "seller_confirm_surface": ("returning", "surface", 30 * 24),
        "buyer_respond_refusal": ("rejected", "", 7 * 24), "review_revise": ("done", "", 30 * 24),
    }
    for r in deadlines.list_rules():
        assert r.label != r.key  # every seeded key has a readable name
        assert r.start_status in flow.TRANSITIONS


@pytest.mark.parametrize(("status", "no_reason", "surface", "keys"), [
    ("new", False, False, ["seller_respond"]),
    ("new", True, False, ["seller_respond_no_reason"]),
    ("awaiting_return", True, True, ["buyer_ship_return"]),
    ("returning", False, False, ["seller_confirm_express"]),
    ("returning", False, True, ["seller_confirm_surface"]),
    ("rejected", False, False, ["buyer_respond_refusal"]),
    ("handling", False, False, []), ("done", False, False, []), ("closed", False, False, []),
])
def test_which_presets_apply(status, no_reason, surface, keys):
    assert [r.key for r in deadlines.applicable_rules(RULES, status, no_reason, surface)] == keys


def test_update_rule_validates_and_moves_the_cases(shop):
    cid = shop.customer()
    case_id = service.open_case(cid, "return_refund", "size")
    flow.change_status(case_id, "awaiting_return")
    changed = Case.get_by_id(case_id).status_changed_at
    assert Case.get_by_id(case_id).next_deadline_at == changed + 168 * H
    [r] = [r for r in deadlines.list_rules("taobao") if r.key == "buyer_ship_return"]
    before = dump_tables()
    for bad in (0, -3, 24 * 366):
        with pytest.raises(UserError, match="between 1 hour"):
            deadlines.update_rule(r.id, hours=bad)
    with pytest.raises(UserError, match="no longer exists"):
        deadlines.update_rule(9999, hours=5)
    assert dump_tables() == before
    assert deadlines.update_rule(r.id, hours=72).hours == 72
    assert Case.get_by_id(case_id).next_deadline_at == changed + 72 * H
    assert deadlines.update_rule(r.id, active=False).active is False
    case = Case.get_by_id(case_id)
    assert (case.next_deadline_at, case.next_deadline_key) == (None, "")  # paused, no preset
    # another platform's preset leaves this case alone
    [other] = [x for x in deadlines.list_rules("jd") if x.key == "buyer_ship_return"]
    deadlines.update_rule(other.id, hours=1)
    assert Case.get_by_id(case_id).next_deadline_at is None


# -- a case's next deadline -----------------------------------------------------------


def test_new_case_before_the_cutoff_is_due_the_same_day(shop):
    cid = shop.customer()
    opened = datetime(2024, 5, 31, 15, 30, tzinfo=BEIJING)  # month end, before 16:00
    case_id = service.open_case(cid, "refund_only", "quality", opened_at=opened)
    case = Case.get_by_id(case_id)
    assert case.next_deadline_key == "handling"
    assert case.next_deadline_at == datetime(2024, 6, 1, tzinfo=BEIJING)
    late = service.open_case(cid, "refund_only", "quality",
                             opened_at=datetime(2024, 5, 31, 16, 0, tzinfo=BEIJING))
    assert Case.get_by_id(late).next_deadline_at == datetime(2024, 6, 2, tzinfo=BEIJING)
    both = deadlines.deadlines_of(case_id, BEIJING)
    assert [d.key for d in both] == ["handling", "seller_respond"]
    assert both[1].at == opened + 120 * H and not both[1].internal and both[0].internal


def test_waiting_on_the_buyer_pauses_the_shops_clock(shop):
    cid = shop.customer()
    t = datetime(2024, 3, 1, 9, 0, tzinfo=BEIJING)  # 15 hours to midnight
    case_id = service.open_case(cid, "return_refund", "quality", opened_at=t)
    flow.change_status(case_id, "handling", at=t + 1 * H)
    flow.change_status(case_id, "awaiting_return", at=t + 3 * H)  # 3 h used
    case = Case.get_by_id(case_id)
    assert (case.next_deadline_key, case.next_deadline_at) == ("buyer_ship_return", t + 3 * H + 168 * H)
    flow.change_status(case_id, "returning", at=t + 50 * H)
    flow.change_status(case_id, "received", at=t + 100 * H)
    case = Case.get_by_id(case_id)
    # 12 h of the shop's 15 are left, counted from receipt
    assert (case.next_deadline_key, case.next_deadline_at) == ("handling", t + 112 * H)
    flow.change_status(case_id, "rejected", at=t + 101 * H)
    case = Case.get_by_id(case_id)
    assert (case.next_deadline_key, case.next_deadline_at) == ("buyer_respond_refusal", t + 269 * H)


def test_cutoff_setting(shop):
    from desk.core import settings as options

    options.set("handling_cutoff_hour", 24)
    cid = shop.customer()
    case_id = service.open_case(cid, "refund_only", "quality",
                                opened_at=datetime(2024, 2, 29, 23, 0, tzinfo=BEIJING))
    assert Case.get_by_id(case_id).next_deadline_at == datetime(2024, 3, 1, tzinfo=BEIJING)


def test_due_cases_and_today(shop):
    cid = shop.customer("催单的人")
    now = timeutil.now()
    old = service.open_case(cid, "refund_only", "quality", opened_at=now - timedelta(days=6))
    fresh = service.open_case(cid, "refund_only", "quality")
    old_at = Case.get_by_id(old).next_deadline_at
    due = deadlines.due_cases(now)
    assert [d.id for d in due] == [old] and due[0].nickname == "催单的人"
    assert due[0].next_deadline_at == old_at and due[0].label
    assert deadlines.due_count(now) == 1
    later = Case.get_by_id(fresh).next_deadline_at
    assert deadlines.due_count(later) == 2
    service.move_to_trash([old])
    assert deadlines.due_count(later) == 1
    f = deadlines.today_filter(now, BEIJING)
    assert f.params == (timeutil.to_epoch(deadlines.end_of_day(now, BEIJING)),)


# -- urgency ----------------------------------------------------------------------------


def test_urgency_examples():
    now = datetime(2024, 1, 31, 10, 0, tzinfo=BEIJING)
    assert deadlines.urgency(None, now, 24, BEIJING) == "none"
    assert deadlines.urgency(now, now, 24, BEIJING) == "overdue"
    assert deadlines.urgency(now + 13 * H, now, 24, BEIJING) == "today"  # 23:00 the same day
    # the midnight that ends 31 January is still today (as on the Today page), a second later is not
    assert deadlines.urgency(now + 14 * H, now, 24, BEIJING) == "today"
    assert deadlines.urgency(now + 14 * H + timedelta(seconds=1), now, 24, BEIJING) == "soon"
    assert deadlines.urgency(now + 25 * H, now, 24, BEIJING) == "fine"
    assert deadlines.urgency(now + 25 * H, now, 48, BEIJING) == "soon"


def test_urgency_reads_the_warning_hours_from_the_settings(db):
    from desk.core import settings as options

    now = datetime(2024, 1, 1, 1, 0, tzinfo=UTC)
    options.set("deadline_warn_hours", 72)
    assert deadlines.urgency(now + 70 * H, now, tz=UTC) == "soon"


@given(MOMENTS, st.integers(-10**6, 10**6), st.integers(0, 10**6), ZONES, st.integers(1, 720))
def test_urgency_only_grows_as_time_passes(now, offset, step, zone, warn):
    deadline = now + timedelta(seconds=offset)
    first = deadlines.urgency(deadline, now, warn, zone)
    later = deadlines.urgency(deadline, now + timedelta(seconds=step), warn, zone)
    rank = deadlines.URGENCIES.index
    assert rank(later) <= rank(first)
    if first == "today":
        assert now < deadline <= deadlines.end_of_day(now, zone)


@given(MOMENTS, st.integers(-10**6, 10**6), ZONES, st.integers(1, 720))
def test_urgency_in_epoch_seconds_is_the_same_rule(now, offset, zone, warn):
    """The tables classify epochs against one precomputed midnight (due.classify);
    that gives what urgency() gives for the same moments."""
    deadline = now + timedelta(seconds=offset)
    day_end = timeutil.to_epoch(deadlines.end_of_day(now, zone))
    in_seconds = due.classify(timeutil.to_epoch(deadline), timeutil.to_epoch(now), day_end, warn * 3600)
    assert in_seconds == deadlines.urgency(deadline, now, warn, zone)
    assert due.classify(None, 0, 0, 0) == "none"


# -- the handling clock, as properties ------------------------------------------------------


@given(MOMENTS, ZONES, st.integers(1, 24))
def test_handling_target_is_a_local_midnight(start, zone, cutoff):
    target = deadlines.handling_target(start, zone, cutoff)
    local, end = start.astimezone(zone), target.astimezone(zone)
    assert (end.hour, end.minute, end.second) == (0, 0, 0)
    assert target > start
    days = (end.date() - local.date()).days
    assert days == (1 if local.hour < cutoff else 2)
    assert target - start <= timedelta(hours=48)


@given(MOMENTS, st.sampled_from([UTC, BEIJING]), st.integers(1, 24))
def test_same_instant_in_any_notation_gives_the_same_target(start, zone, cutoff):
    other = start.astimezone(timezone(timedelta(hours=-7)))
    assert deadlines.handling_target(start, zone, cutoff) == deadlines.handling_target(other, zone,
                                                                                        cutoff)


STATUSES = st.sampled_from(deadlines.RUNNING + deadlines.PAUSED)


@st.composite
def timelines(draw, final_status=None):
    """A clock's stretches: contiguous, from `start`, the last one still open."""
    start = draw(MOMENTS)
    n = draw(st.integers(1, 8))
    lengths = draw(st.lists(st.integers(1, 5 * 86400), min_size=n - 1, max_size=n - 1))
    statuses = draw(st.lists(STATUSES, min_size=n, max_size=n))
    out, t = [], start
    for i, status in enumerate(statuses):
        end = t + timedelta(seconds=lengths[i]) if i < n - 1 else None
        out.append(Stretch(status, t, end))
        t = end
    return out


def paused_before(stretches, until):
    total = timedelta(0)
    for s in stretches:
        if s.status in deadlines.PAUSED and s.start < until:
            end = until if s.end is None else min(s.end, until)
            total += end - s.start
    return total


@given(timelines(), st.integers(1, 3 * 86400))
def test_running_time_up_to_the_deadline_is_the_budget(stretches, seconds):
    budget = timedelta(seconds=seconds)
    due = deadlines.clock_due(stretches, budget)
    start = stretches[0].start
    if due is None:
        # the clock stopped in a pause before the budget ran out
        assert stretches[-1].status in deadlines.PAUSED
        assert deadlines.running_time(stretches, stretches[-1].start) < budget
        return
    assert deadlines.running_time(stretches, due) == budget
    assert due == start + budget + paused_before(stretches, due)
    # the deadline lies in a running stretch
    assert any(s.status in deadlines.RUNNING and s.start < due and (s.end is None or due <= s.end)
               for s in stretches)


@given(timelines(), st.integers(1, 3 * 86400), st.data())
def test_pausing_never_makes_the_deadline_earlier(stretches, seconds, data):
    budget = timedelta(seconds=seconds)
    due = deadlines.clock_due(stretches, budget)
    # turn one running stretch into a pause
    running = [i for i, s in enumerate(stretches) if s.status in deadlines.RUNNING]
    if not running:
        assert due is None
        return
    i = data.draw(st.sampled_from(running))
    paused = list(stretches)
    paused[i] = Stretch(data.draw(st.sampled_from(deadlines.PAUSED)), paused[i].start, paused[i].end)
    later = deadlines.clock_due(paused, budget)
    if due is None:
        assert later is None
    elif later is not None:
        assert later >= due


@given(timelines(), st.integers(1, 86400), st.integers(1, 86400))
def test_a_bigger_budget_never_ends_sooner(stretches, a, b):
    small, big = sorted((a, b))
    first = deadlines.clock_due(stretches, timedelta(seconds=small))
    second = deadlines.clock_due(stretches, timedelta(seconds=big))
    if second is not None:
        assert first is not None and first <= second


@settings(max_examples=200)
@given(MOMENTS, ZONES, st.integers(1, 24), st.integers(60, 40 * 3600), st.integers(60, 30 * 86400))
def test_a_pause_moves_the_case_deadline_by_its_length(opened, zone, cutoff, work, pause):
    """Open, work, wait on the buyer, get the item back: the internal deadline is
    the unpaused one pushed back by exactly the pause (when the work came first)."""
    plain = clock("handling", opened + timedelta(seconds=1), opened,
                  moves=[(opened, "new"), (opened + timedelta(seconds=1), "handling")])
    [unpaused] = [d for d in deadlines.running_deadlines(plain, RULES, zone, cutoff) if d.internal]
    t1 = opened + timedelta(seconds=work)
    if t1 >= unpaused.at:
        return  # already late before the pause: nothing to compare
    t2 = t1 + timedelta(seconds=pause)
    moved = clock("received", t2, opened, moves=[
        (opened, "new"), (opened + timedelta(seconds=1), "handling"), (t1, "awaiting_return"),
        (t2, "received")])
    [internal] = [d for d in deadlines.running_deadlines(moved, RULES, zone, cutoff) if d.internal]
    assert internal.at == unpaused.at + timedelta(seconds=pause)
    waiting = clock("awaiting_return", t1, opened, moves=moved.moves[:3])
    found = deadlines.running_deadlines(waiting, RULES, zone, cutoff)
    assert [d.key for d in found] == ["buyer_ship_return"]  # the shop's clock is paused


@given(MOMENTS, st.integers(0, 90 * 86400), st.sampled_from(list(flow.TRANSITIONS)), st.booleans(),
       st.booleans(), ZONES)
def test_platform_deadlines_count_from_the_status_change(opened, after, status, no_reason, surface,
                                                         zone):
    changed = opened + timedelta(seconds=after)
    c = clock(status, changed, opened, no_reason, surface)
    found = deadlines.running_deadlines(c, RULES, zone, 16)
    assert found == sorted(found, key=lambda d: d.at)
    platform = [d for d in found if not d.internal]
    expected = deadlines.applicable_rules(RULES, status, no_reason, surface)
    assert [(d.key, d.at) for d in platform] == [(r.key, changed + r.hours * H) for r in expected]
    if status in ("done", "closed"):
        assert found == []
    nxt = deadlines.next_deadline(c, RULES, zone, 16)
    assert nxt == (found[0] if found else None)


# -- the time left, in words ---------------------------------------------------------------


def test_time_left_is_one_whole_unit_rounded_down():
    now = datetime(2024, 1, 31, 10, 0, tzinfo=BEIJING)
    left = due.time_left
    assert left(now + 3 * H + timedelta(minutes=59), now) == due.TimeLeft(3, "hours", False)
    assert left(now + timedelta(minutes=45), now) == due.TimeLeft(45, "minutes", False)
    assert left(now + timedelta(seconds=30), now) == due.TimeLeft(1, "minutes", False)
    assert left(now + 23 * H, now) == due.TimeLeft(23, "hours", False)
    assert left(now + 24 * H, now) == due.TimeLeft(1, "days", False)
    assert left(now + 71 * H, now) == due.TimeLeft(2, "days", False)
    # overdue: how long ago, never "0"
    assert left(now, now) == due.TimeLeft(1, "minutes", True)
    assert left(now - 2 * H, now) == due.TimeLeft(2, "hours", True)
    assert left(now - 2 * 24 * H - 5 * H, now) == due.TimeLeft(2, "days", True)
    # the zone of either side does not matter
    assert left((now - 3 * 24 * H).astimezone(UTC), now) == due.TimeLeft(3, "days", True)

