"""Follow-ups: add, done/undone, snooze, reschedule, delete."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest

from desk.core import changes, timeutil
from desk.core.customers import followups
from desk.core.customers.models import Followup
from desk.core.errors import UserError

DUE = datetime(2024, 6, 1, 10, 0, tzinfo=UTC)


def test_add_and_due_count(shop, announced):
    cid = shop.customer()
    fid = followups.add(cid, " 提醒付款\u202e ", DUE)
    f = Followup.get_by_id(fid)
    assert (f.title, f.due_at, f.done_at) == ("提醒付款", DUE, None)
    assert followups.due_count(DUE) == 1
    assert followups.due_count(DUE - timedelta(seconds=1)) == 0
    assert changes.Change("followup", frozenset({fid})) in announced


def test_due_in_another_zone_is_the_same_instant(shop):
    cid = shop.customer()
    beijing = timezone(timedelta(hours=8))
    fid = followups.add(cid, "回访", datetime(2024, 6, 1, 18, 0, tzinfo=beijing))
    assert Followup.get_by_id(fid).due_at == DUE


@pytest.mark.parametrize("title, message", [
    ("", "Say what to follow up"), ("\t", "Say what to follow up"),
    ("字" * 201, "at most 200 characters"),
])
def test_bad_titles(shop, title, message):
    cid = shop.customer()
    with pytest.raises(UserError, match=message):
        followups.add(cid, title, DUE)
    assert Followup.select().count() == 0


def test_due_time_must_be_aware(shop):
    cid = shop.customer()
    with pytest.raises(ValueError, match="aware"):
        followups.add(cid, "回访", datetime(2024, 6, 1, 10))
    with pytest.raises(ValueError, match="aware"):
        followups.add(cid, "回访", "2024-06-01")


def test_case_must_belong_to_the_customer(shop):
    cid, other = shop.customer("甲"), shop.customer("乙")
    mine = shop.case(cid)
    followups.add(cid, "回访售后", DUE, case_id=mine)
    with pytest.raises(UserError, match="not one of this customer's"):
        followups.add(cid, "回访售后", DUE, case_id=shop.case(other))


def test_done_undone(shop):
    cid = shop.customer()
    a, b = followups.add(cid, "甲", DUE), followups.add(cid, "乙", DUE)
    assert followups.set_done([a, b, a]) == 2
    assert followups.due_count(DUE) == 0
    assert followups.set_done([a], done=False) == 1
    assert followups.due_count(DUE) == 1
    assert followups.mark_done is followups.set_done
    with pytest.raises(UserError, match="no longer exist"):
        followups.set_done([a, 999])
    assert Followup.get_by_id(a).done_at is None


def test_snooze_and_reschedule_clear_the_notification(shop):
    cid = shop.customer()
    a, b = followups.add(cid, "甲", DUE), followups.add(cid, "乙", DUE)
    Followup.update(notified_at=DUE).execute()
    later = timeutil.now() + timedelta(hours=2)
    assert followups.snooze([a, b], later) == 2
    assert {(f.due_at, f.notified_at) for f in Followup.select()} == {(later, None)}
    with pytest.raises(UserError, match="in the future"):
        followups.snooze([a], timeutil.now() - timedelta(minutes=1))
    followups.reschedule(a, DUE, title="改期回访")
    f = Followup.get_by_id(a)
    assert (f.due_at, f.title) == (DUE, "改期回访")
    with pytest.raises(UserError, match="Say what"):
        followups.reschedule(a, DUE, title=" ")


def test_delete(shop, announced):
    cid = shop.customer()
    a = followups.add(cid, "甲", DUE)
    assert followups.delete([a]) == 1
    assert Followup.select().count() == 0
    with pytest.raises(UserError, match="no longer exist"):
        followups.delete([a])


def test_newly_due_are_announced_once_until_snoozed(shop):
    cid = shop.customer(nickname="阿琳")
    gone = shop.customer(nickname="已删除")
    early = followups.add(cid, "提醒付款", DUE)
    later = followups.add(cid, "回访", DUE + timedelta(hours=2))
    done = followups.add(cid, "已办", DUE)
    followups.set_done([done])
    trashed = followups.add(gone, "不再提醒", DUE)
    from desk.core.customers import service

    service.move_to_trash([gone])
    notices = followups.take_newly_due(DUE + timedelta(hours=1))
    assert [(n.followup_id, n.title, n.nickname) for n in notices] == [(early, "提醒付款", "阿琳")]
    assert Followup.get_by_id(early).notified_at is not None
    assert followups.take_newly_due(DUE + timedelta(hours=1)) == []  # once
    assert [n.followup_id for n in followups.take_newly_due(DUE + timedelta(hours=3))] == [later]
    # snoozing makes it due again later, and announced again then
    followups.snooze([early], timeutil.now() + timedelta(hours=1))
    assert followups.take_newly_due(timeutil.now()) == []
    assert [n.followup_id for n in followups.take_newly_due(timeutil.now() + timedelta(hours=2))] == [early]
    assert trashed not in {n.followup_id for n in followups.take_newly_due(DUE + timedelta(days=9))}
