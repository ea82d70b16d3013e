"""The review per staff member: written through the services as two people
would (the staff name comes from each seat's setting), counted per name."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from desk.core import settings, timeutil
from desk.core.aftersales import flow
from desk.core.aftersales import service as cases
from desk.core.customers import followups, notes
from desk.core.customers import service as customers
from desk.core.review import figures as rv
from desk.core.review.staff import StaffRow, by_staff


def as_staff(name: str) -> None:
    settings.set("handler", name)


@pytest.fixture
def work(db):
    """小李 opens two cases and writes two notes; 小王 closes one case, remarks on
    the other, does a follow-up and writes a note; a trashed buyer's note and
    work from before staff names (no name) count apart."""
    as_staff("小李")
    a = customers.create("taobao", "买家甲")
    b = customers.create("jd", "买家乙")
    gone = customers.create("taobao", "买家丙")
    case_a = cases.open_case(a, "refund_only", "quality")
    case_b = cases.open_case(b, "exchange", "size")
    notes.add(a, "要 M 码")
    notes.add(b, "问了发货")
    fid = followups.add(b, "回访", timeutil.now() + timedelta(days=1))
    as_staff("小王")
    flow.change_status(case_a, "handling")
    flow.change_status(case_a, "done")
    cases.add_comment(case_b, "已联系买家")
    followups.set_done([fid])
    notes.add(a, "买家满意")
    notes.add(gone, "不算这条")
    customers.move_to_trash([gone])
    as_staff("")
    notes.add(b, "没署名")
    return {"a": a, "b": b}


def bounds() -> tuple[int, int]:
    now = timeutil.to_epoch(timeutil.now())
    return now - 3600, now + 3600


def test_each_staff_member_gets_their_own_work(work):
    assert by_staff(*bounds()) == [
        StaffRow("小王", cases_handled=2, cases_closed=1, followups_done=1, notes_written=1),
        StaffRow("小李", cases_handled=2, cases_closed=0, followups_done=0, notes_written=2),
        StaffRow("", cases_handled=0, cases_closed=0, followups_done=0, notes_written=1),
    ]


def test_a_platform_and_a_period_narrow_it(work):
    assert by_staff(*bounds(), platform="jd") == [
        StaffRow("小李", cases_handled=1, cases_closed=0, followups_done=0, notes_written=1),
        StaffRow("小王", cases_handled=1, cases_closed=0, followups_done=1, notes_written=0),
        StaffRow("", cases_handled=0, cases_closed=0, followups_done=0, notes_written=1),
    ]
    start, _ = bounds()
    assert by_staff(start - 7200, start) == []


def test_the_review_carries_the_staff_rows(work):
    today = timeutil.now().astimezone().date()
    review = rv.review(rv.Period(today - timedelta(days=1), today + timedelta(days=1)))
    assert [r.staff for r in review.staff] == ["小王", "小李", ""]
    assert isinstance(review.period.first, date)
