"""The status flow: offered moves, the timeline, reopening, settling."""

from __future__ import annotations

import itertools
from datetime import timedelta

import pytest

from desk.core import changes, timeutil
from desk.core.aftersales import flow, service
from desk.core.aftersales.models import CASE_STATUSES, OPEN_STATUSES, Case
from desk.core.customers import followups
from desk.core.customers import service as customers
from desk.core.errors import UserError

from .conftest import dump_tables

# A route from new to every status, through offered moves only.
ROUTE = {
    "new": [], "handling": ["handling"], "awaiting_return": ["awaiting_return"],
    "returning": ["awaiting_return", "returning"],
    "received": ["awaiting_return", "returning", "received"], "processing": ["processing"],
    "done": ["handling", "done"], "rejected": ["rejected"], "closed": ["closed"],
}


def _case_in(shop, status: str) -> int:
    cid = shop.customer()
    case_id = service.open_case(cid, "return_refund", "quality",
                                opened_at=timeutil.now() - timedelta(days=3))
    for step in ROUTE[status]:
        flow.change_status(case_id, step, handler="小周")
    assert Case.get_by_id(case_id).status == status
    return case_id


def test_the_table_names_only_known_statuses_and_every_status_can_be_left():
    assert set(flow.TRANSITIONS) == set(CASE_STATUSES)
    for old, targets in flow.TRANSITIONS.items():
        assert targets, old
        assert old not in targets
        assert set(targets) <= set(CASE_STATUSES)
    # every status is reachable from new
    seen, todo = {"new"}, ["new"]
    while todo:
        for nxt in flow.offered(todo.pop()):
            if nxt not in seen:
                seen.add(nxt)
                todo.append(nxt)
    assert seen == set(CASE_STATUSES)
    for final in flow.FINISHED:
        assert flow.REOPEN_TO in flow.offered(final)


@pytest.mark.parametrize(("old", "new"), list(itertools.product(CASE_STATUSES, CASE_STATUSES)))
def test_every_pair_of_statuses(shop, old, new):
    case_id = _case_in(shop, old)
    before = dump_tables()
    if new in flow.offered(old):
        flow.change_status(case_id, new, handler="阿琳", comment="ok")
        case = service.get_case(case_id)
        assert case.status == new
        last = case.events[-1]
        assert (last.old_status, last.new_status, last.handler, last.comment) == (old, new, "阿琳",
                                                                                  "ok")
        assert (case.closed_at is not None) == (new in ("done", "closed"))
        counts = customers.get(case.customer_id)
        assert counts.open_case_count == int(new in OPEN_STATUSES)
    else:
        with pytest.raises(UserError):
            flow.change_status(case_id, new, handler="阿琳")
        assert dump_tables() == before


def test_unknown_status_is_refused(shop):
    case_id = _case_in(shop, "new")
    with pytest.raises(UserError, match="new status"):
        flow.change_status(case_id, "lost")


def test_timeline_first_response_reopen(shop, announced):
    case_id = _case_in(shop, "new")
    t = timeutil.now() - timedelta(days=2)
    flow.change_status(case_id, "handling", "小周", at=t)
    assert Case.get_by_id(case_id).first_response_at == t
    flow.change_status(case_id, "done", "小周", at=t + timedelta(hours=5))
    case = Case.get_by_id(case_id)
    assert case.closed_at == t + timedelta(hours=5) and case.next_deadline_at is None
    announced.clear()
    flow.change_status(case_id, "handling", "店长", comment="买家说又坏了")
    case = service.get_case(case_id)
    assert case.closed_at is None and case.first_response_at == t
    assert case.next_deadline_at is not None  # the shop's own clock started again
    assert [(e.old_status, e.new_status) for e in case.events] == [
        ("", "new"), ("new", "handling"), ("handling", "done"), ("done", "handling")]
    assert changes.Change("case", frozenset({case_id})) in announced


def test_a_change_cannot_be_dated_before_the_last(shop):
    case_id = _case_in(shop, "handling")
    with pytest.raises(UserError, match="before"):
        flow.change_status(case_id, "processing", at=timeutil.now() - timedelta(days=30))


def test_trashed_case_cannot_move(shop):
    case_id = _case_in(shop, "new")
    service.move_to_trash([case_id])
    with pytest.raises(UserError, match="trash"):
        flow.change_status(case_id, "handling")


def test_settle_with_a_followup(shop):
    case_id = _case_in(shop, "processing")
    t = timeutil.now()
    fid = flow.settle(case_id, handler="阿琳", comment="已退款", refund_fen="59.00",
                      followup_title="请买家修改评价", at=t)
    case = service.get_case(case_id)
    assert (case.status, case.refund_fen) == ("done", 5900)
    info = followups.get(fid)
    assert (info.customer_id, info.case_id, info.title) == (case.customer_id, case_id, "请买家修改评价")
    assert info.due_at == t + timedelta(days=1)
    due = t + timedelta(days=3)
    case2 = _case_in(shop, "handling")
    fid2 = flow.settle(case2, followup_title="回访", followup_due=due)
    assert followups.get(fid2).due_at == due
    assert flow.settle(_case_in(shop, "received")) is None


def test_settle_refuses_from_elsewhere_and_keeps_everything(shop):
    case_id = _case_in(shop, "awaiting_return")
    before = dump_tables()
    with pytest.raises(UserError, match="cannot be settled"):
        flow.settle(case_id, refund_fen="1.00", followup_title="回访")
    assert dump_tables() == before
    case2 = _case_in(shop, "processing")
    before = dump_tables()
    with pytest.raises(UserError):  # a bad follow-up title undoes the settling too
        flow.settle(case2, refund_fen="1.00", followup_title="   ")
    assert dump_tables() == before
    assert Case.get_by_id(case2).status == "processing"
