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


def test_of_customer_lists_open_by_due_then_done_by_when_done(shop):
    cid, other = shop.customer("甲"), shop.customer("乙")
    late = followups.add(cid, "晚", DUE + timedelta(days=2))
    early = followups.add(cid, "早", DUE)
    first_done = followups.add(cid, "先办完", DUE - timedelta(days=5))
    last_done = followups.add(cid, "后办完", DUE + timedelta(days=9))
    followups.add(other, "别人的", DUE)
    Followup.update(done_at=DUE).where(Followup.id == first_done).execute()
    Followup.update(done_at=DUE + timedelta(hours=1)).where(Followup.id == last_done).execute()

    listed = followups.of_customer(cid)
    assert [f.id for f in listed] == [early, late, last_done, first_done]
    assert [f.done for f in listed] == [False, False, True, True]
    assert listed[0].title == "早" and listed[0].customer_id == cid
    assert listed[0].overdue(DUE) and not listed[1].overdue(DUE)
    assert not listed[3].overdue(DUE + timedelta(days=30))  # done is never overdue
    assert followups.of_customer(shop.customer("丙")) == []


def test_snapshot_keeps_the_order_asked_and_refuses_missing(shop):
    cid = shop.customer()
    a, b = followups.add(cid, "甲", DUE), followups.add(cid, "乙", DUE)
    assert [f.id for f in followups.snapshot([b, a, b])] == [b, a]
    assert followups.get(a).title == "甲"
    with pytest.raises(UserError, match="no longer exist"):
        followups.snapshot([a, 999])


def test_restore_puts_back_title_times_and_done_state(shop, announced):
    cid = shop.customer()
    a, b = followups.add(cid, "提醒付款", DUE), followups.add(cid, "回访", DUE)
    Followup.update(notified_at=DUE).where(Followup.id == a).execute()
    before = followups.snapshot([a, b])
    followups.reschedule(a, DUE + timedelta(days=1), title="改了")
    followups.set_done([b])
    announced.clear()

    assert followups.restore_followups(before) == [a, b]
    assert followups.snapshot([a, b]) == before
    assert followups.get(a).notified_at == DUE  # not announced a second time
    assert changes.Change("followup", frozenset({a, b})) in announced
    assert changes.Change("customer", frozenset({cid})) in announced


def test_restore_brings_deleted_ones_back_under_their_ids(shop):
    cid = shop.customer()
    case = shop.case(cid)
    a = followups.add(cid, "回访售后", DUE, case_id=case)
    b = followups.add(cid, "已办", DUE)
    followups.set_done([b])
    before = followups.snapshot([a, b])
    followups.delete([a, b])
    assert Followup.select().count() == 0

    assert followups.restore_followups(before) == [a, b]
    assert followups.snapshot([a, b]) == before
    assert Followup.get_by_id(a).case_id == case


def test_restore_takes_a_new_id_when_the_old_one_was_reused(shop):
    cid = shop.customer()
    a = followups.add(cid, "原来的", DUE)
    # created earlier than the follow-up that reuses its id (same second otherwise)
    Followup.update(created_at=DUE).where(Followup.id == a).execute()
    before = followups.snapshot([a])
    followups.delete([a])
    reused = followups.add(cid, "新的", DUE)
    # it takes the freed id: SQLite hands out the freed highest id again; a
    # server never does, but a row can come in under it (moved up from a local shop)
    Followup.update(id=a).where(Followup.id == reused).execute()

    [restored] = followups.restore_followups(before)
    assert restored != a
    assert Followup.get_by_id(a).title == "新的"  # the newer follow-up is untouched
    assert (Followup.get_by_id(restored).title, Followup.get_by_id(restored).created_at) == ("原来的", DUE)


def test_restore_drops_a_case_that_is_gone_and_refuses_a_trashed_customer(shop):
    from desk.core.base import database
    from desk.core.customers import service

    cid = shop.customer()
    case = shop.case(cid)
    a = followups.add(cid, "回访售后", DUE, case_id=case)
    before = followups.snapshot([a])
    followups.delete([a])
    database.execute_sql("DELETE FROM aftersales_case WHERE id = ?", (case,))
    assert followups.restore_followups(before) == [a]
    assert Followup.get_by_id(a).case_id is None

    followups.delete([a])
    service.move_to_trash([cid])
    with pytest.raises(UserError, match="in the trash"):
        followups.restore_followups(before)
    assert Followup.select().count() == 0


def test_the_due_list_leaves_out_a_trashed_buyer_without_reading_customer_rows(shop):
    from desk.core.customers import service
    from desk.core.customers.listing import FOLLOWUPS_DUE, due_by

    kept = followups.add(shop.customer(nickname="阿琳"), "提醒付款", DUE)
    gone = shop.customer(nickname="已删除")
    trashed = followups.add(gone, "不再提醒", DUE)
    due = due_by(DUE + timedelta(hours=1))
    assert list(FOLLOWUPS_DUE.ids([due])) == [kept, trashed]
    service.move_to_trash([gone])
    assert list(FOLLOWUPS_DUE.ids([due])) == [kept]
    assert FOLLOWUPS_DUE.count([due]) == 1
    nickname = list(FOLLOWUPS_DUE.fields).index("nickname")
    assert FOLLOWUPS_DUE.rows([kept])[kept][nickname] == "阿琳"


@pytest.mark.sqlite_only("SQLite's query plan (EXPLAIN QUERY PLAN)")
def test_the_due_list_query_reads_no_customer_row(shop):
    from desk.core.base import database
    from desk.core.customers.listing import FOLLOWUPS_DUE, due_by

    due = due_by(DUE + timedelta(hours=1))
    # the Today page's query at start-up reads no customer row per follow-up
    plan = " | ".join(row[3] for row in database.execute_sql(
        f"EXPLAIN QUERY PLAN SELECT {FOLLOWUPS_DUE.id_sql} FROM {FOLLOWUPS_DUE.source}"
        f" WHERE ({FOLLOWUPS_DUE.base_where}) AND ({due.sql}) ORDER BY f.due_at, f.id", due.params))
    assert "SEARCH c " not in plan and "SCAN c" not in plan, plan

