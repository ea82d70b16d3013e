"""Every review figure on a hand-made shop where the answers are known:
period edges at local midnight, a case spanning the boundary, a reopened
case, trashed buyers left out, empty periods."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

import pytest

from desk.core.base import database
from desk.core.errors import UserError
from desk.core.review import figures as rv
from desk.core.review.figures import Period

BEIJING = timezone(timedelta(hours=8))
MAY = Period(date(2024, 5, 1), date(2024, 5, 31))
NOW = datetime(2024, 6, 10, tzinfo=UTC)
H = 3600


def at(y, m, d, hh=12, mm=0) -> int:
    """Epoch of a Beijing wall-clock time."""
    return int(datetime(y, m, d, hh, mm, tzinfo=BEIJING).timestamp())


class Shop:
    def __init__(self) -> None:
        self.n = 0

    def customer(self, platform="taobao", first_order_at=None, trashed=False) -> int:
        self.n += 1
        return database.execute_sql(
            "INSERT INTO customer(platform, nickname, first_order_at, deleted_at, created_at,"
            " updated_at) VALUES (?, ?, ?, ?, 0, 0)",
            (platform, f"buyer{self.n}", first_order_at, 1 if trashed else None)).lastrowid

    def order(self, cid, paid_at, amount=10000, status="completed", platform="taobao") -> int:
        self.n += 1
        return database.execute_sql(
            "INSERT INTO shop_order(customer_id, platform, order_no, status, placed_at, paid_at,"
            " amount_fen, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, 0, 0)",
            (cid, platform, f"{4000000000000000000 + self.n}", status, paid_at - 60, paid_at,
             amount)).lastrowid

    def case(self, cid, moves, *, kind="refund_only", reason="quality", responsibility="seller",
             handler="小王", refund=0, comp=0, items=(), platform="taobao", no_reason=False,
             trashed=False, deadline=None) -> int:
        """moves: [(epoch, status)], the first one opens the case; `deadline`:
        its stored next deadline (epoch)."""
        opened = moves[0][0]
        status, changed = moves[-1][1], moves[-1][0]
        first = moves[1][0] if len(moves) > 1 else None
        closed = changed if status in ("done", "closed") else None
        self.n += 1
        case_id = database.execute_sql(
            "INSERT INTO aftersales_case(case_no, customer_id, platform, kind, reason, responsibility,"
            " status, handler, refund_fen, compensation_fen, no_reason_return, opened_at,"
            " status_changed_at, first_response_at, closed_at, deleted_at, next_deadline_at,"
            " created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,0,0)",
            (f"SH-{self.n:06d}", cid, platform, kind, reason, responsibility, status, handler, refund,
             comp, int(no_reason), opened, changed, first, closed, 1 if trashed else None,
             deadline)).lastrowid
        prev = ""
        for when, st in moves:
            database.execute_sql(
                "INSERT INTO case_event(case_id, at, kind, old_status, new_status, handler, comment)"
                " VALUES (?, ?, 'status', ?, ?, ?, '')", (case_id, when, prev, st, handler))
            prev = st
        for title in items:
            database.execute_sql("INSERT INTO case_item(case_id, title, quantity) VALUES (?, ?, 1)",
                                 (case_id, title))
        return case_id

    def followup(self, cid, due_at, done_at=None) -> None:
        database.execute_sql(
            "INSERT INTO followup(customer_id, title, due_at, done_at, created_at, updated_at)"
            " VALUES (?, 'call back', ?, ?, 0, 0)", (cid, due_at, done_at))


@pytest.fixture
def shop(db) -> Shop:
    return Shop()


def figures(period=MAY, platform="") -> dict:
    r = rv.review(period, platform, tz=BEIJING, now=NOW)
    return {k: f.value for k, f in r.figures.items()}


def test_periods_and_presets():
    today = date(2024, 3, 14)  # a Thursday
    assert rv.preset("this_week", today) == Period(date(2024, 3, 11), today)
    assert rv.preset("this_month", today) == Period(date(2024, 3, 1), today)
    assert rv.preset("last_month", today) == Period(date(2024, 2, 1), date(2024, 2, 29))
    assert rv.preset("last_7_days", today).days == 7
    assert MAY.previous() == Period(date(2024, 4, 1), date(2024, 4, 30))  # a month: the month before
    assert Period(date(2024, 3, 1), date(2024, 3, 31)).previous() == Period(date(2024, 2, 1), date(2024, 2, 29))
    # the month so far: the same days of the month before (cut at its end)
    assert Period(date(2024, 11, 1), date(2024, 11, 23)).previous() == Period(date(2024, 10, 1), date(2024, 10, 23))
    assert Period(date(2024, 3, 1), date(2024, 3, 30)).previous() == Period(date(2024, 2, 1), date(2024, 2, 29))
    assert Period(date(2024, 5, 10), date(2024, 5, 16)).previous() == Period(date(2024, 5, 3), date(2024, 5, 9))
    assert MAY.bounds(BEIJING) == (at(2024, 5, 1, 0), at(2024, 6, 1, 0))
    with pytest.raises(UserError):
        Period(date(2024, 5, 2), date(2024, 5, 1))


def test_an_empty_shop_has_counts_of_zero_and_no_rates(shop):
    values = figures()
    assert values["orders"] == values["cases_opened"] == values["overdue_cases"] == 0
    assert values["repeat_rate"] is None and values["resolution_rate"] is None
    assert values["resolution_median"] is None and values["followups_on_time"] is None
    review = rv.review(MAY, tz=BEIJING, now=NOW)
    assert [d for d, *_ in review.series][0] == date(2024, 5, 1) and len(review.series) == 31
    assert all(o == c == 0 for _, o, c in review.series)


def test_buyers_orders_and_repeat_rate(shop):
    a = shop.customer(first_order_at=at(2024, 4, 10))
    shop.order(a, at(2024, 4, 10))                        # before May
    shop.order(a, at(2024, 5, 5), 2000)                   # repeat: bought before
    b = shop.customer(first_order_at=at(2024, 5, 3))
    shop.order(b, at(2024, 5, 3), 10000)
    shop.order(b, at(2024, 5, 20), 5000)                  # repeat: twice in May
    c = shop.customer(first_order_at=at(2024, 5, 31, 23, 30))
    shop.order(c, at(2024, 5, 31, 23, 30), 700)           # the last half hour of May, Beijing time
    shop.order(c, at(2024, 5, 9), 999, status="closed")   # closed: not counted
    d = shop.customer("pdd", first_order_at=at(2024, 6, 1, 0, 10))
    shop.order(d, at(2024, 6, 1, 0, 10), platform="pdd")  # ten minutes into June
    e = shop.customer(first_order_at=at(2024, 5, 6), trashed=True)
    shop.order(e, at(2024, 5, 6))                         # in the trash: left out
    values = figures()
    assert values["new_customers"] == 2                   # b and c
    assert (values["orders"], values["spend_fen"]) == (4, 2000 + 10000 + 5000 + 700)
    assert values["repeat_rate"] == pytest.approx(2 / 3)
    june = figures(Period(date(2024, 6, 1), date(2024, 6, 30)))
    assert (june["new_customers"], june["orders"], june["repeat_rate"]) == (1, 1, 0)
    assert figures(platform="pdd")["orders"] == 0
    r = rv.review(MAY, tz=BEIJING, now=NOW)
    assert r.figures["orders"].previous == 1 and r.figures["orders"].change == 3


def test_cases_times_rates_money_and_breakdowns(shop):
    cid = shop.customer()
    opened = at(2024, 5, 2, 10)
    # answered in 2 h, done in 48 h
    shop.case(cid, [(opened, "new"), (opened + 2 * H, "handling"), (opened + 48 * H, "done")],
              refund=3000, items=("T恤",))
    # opened in April, closed in May: counts as closed in May, not opened
    shop.case(cid, [(at(2024, 4, 29), "new"), (at(2024, 4, 29) + 4 * H, "handling"),
                    (at(2024, 5, 3), "closed")], kind="exchange", reason="size",
              responsibility="buyer", handler="阿琳", comp=500)
    # answered after 6 days: missed the 5-day answer deadline; still open
    late = at(2024, 5, 10)
    shop.case(cid, [(late, "new"), (late + 144 * H, "handling")], reason="size", items=("T恤", "帽子"))
    # a no-reason return answered after 3 days: 2-day deadline missed; reopened and done again
    nr = at(2024, 5, 20)
    shop.case(cid, [(nr, "new"), (nr + 72 * H, "handling"), (nr + 80 * H, "done"),
                    (nr + 90 * H, "handling"), (nr + 100 * H, "done")],
              reason="no_reason", no_reason=True, responsibility="buyer", refund=1000,
              items=("帽子",))
    # opened the last evening of May, never answered: 5 days not yet over on May 31
    shop.case(cid, [(at(2024, 5, 31, 22), "new")], handler="阿琳")
    # trashed: left out
    shop.case(cid, [(at(2024, 5, 5), "new")], trashed=True)
    r = rv.review(MAY, tz=BEIJING, now=NOW)
    values = {k: f.value for k, f in r.figures.items()}
    assert (values["cases_opened"], values["cases_closed"]) == (4, 3)
    assert values["resolution_rate"] == pytest.approx(2 / 4)
    assert values["first_response_median"] == pytest.approx(72 * H)  # 2 h, 72 h, 144 h
    assert values["first_response_p90"] == pytest.approx(72 * H + 0.8 * 72 * H)
    spans = sorted([48 * H, at(2024, 5, 3) - at(2024, 4, 29), 100 * H])
    assert values["resolution_median"] == spans[1]
    assert (values["refunds_fen"], values["compensation_fen"]) == (4000, 0)  # comp was on a closed case
    assert r.breakdowns["reason"] == [("quality", 2), ("no_reason", 1), ("size", 1)]  # most first
    assert r.breakdowns["product"] == [("T恤", 2), ("帽子", 2)]
    assert dict(r.breakdowns["handler"]) == {"小王": 3, "阿琳": 1}
    assert dict(r.breakdowns["responsibility"]) == {"seller": 3, "buyer": 1}
    assert dict(r.resolution_buckets)["1_3d"] == 1 and dict(r.resolution_buckets)["3_7d"] == 2
    series = {d: (o, c) for d, o, c in r.series}
    assert series[date(2024, 5, 2)] == (1, 0) and series[date(2024, 5, 3)] == (0, 1)
    assert series[date(2024, 5, 31)] == (1, 0)
    # a case counts in the period it was opened in, wherever its deadline falls
    june = figures(Period(date(2024, 6, 1), date(2024, 6, 30)))
    assert june["cases_opened"] == 0 and june["overdue_cases"] == 0


def test_overdue_now_is_the_today_pages_and_the_lists_overdue(shop):
    """The figure counts, of the cases opened in the period, exactly those the
    one definition (due.overdue_filter) calls overdue at `now`: the Today page,
    the After-sales filter and `aftersales list --due overdue` agree."""
    from desk.core.aftersales import due
    from desk.core.aftersales.listing import CASES
    from desk.core.aftersales.views import CaseFilters

    cid = shop.customer()
    now = NOW.timestamp()
    late = shop.case(cid, [(at(2024, 5, 2), "new")], deadline=now - 3 * 86400)        # overdue
    shop.case(cid, [(at(2024, 5, 3), "new")], deadline=now + H)                       # not yet
    shop.case(cid, [(at(2024, 5, 4), "new")])                                         # no deadline
    shop.case(cid, [(at(2024, 5, 5), "new"), (at(2024, 5, 6), "done")])               # settled
    shop.case(cid, [(at(2024, 5, 7), "new")], deadline=now - H, trashed=True)         # trashed
    waiting = shop.case(cid, [(at(2024, 5, 8), "new"), (at(2024, 5, 9), "rejected")],
                        deadline=now)  # the buyer's answer to a refusal: due this very second
    april = shop.case(cid, [(at(2024, 4, 20), "new")], deadline=now - 40 * 86400)     # before May
    r = rv.review(MAY, tz=BEIJING, now=NOW)
    assert r.figures["overdue_cases"].value == 2
    assert r.figures["overdue_cases"].previous == 1  # April's
    overdue = due.overdue_filter(NOW)
    assert sorted(CASES.ids([overdue])) == sorted([late, waiting, april])
    assert due.due_count(NOW) == 3 and [c.id for c in due.due_cases(NOW)] == [april, late, waiting]
    a, b = MAY.bounds(BEIJING)
    opened_in_may = CaseFilters(opened_from=a, opened_to=b, due="overdue").sql(NOW, BEIJING)
    assert sorted(CASES.ids(opened_in_may)) == sorted([late, waiting])
    assert figures(platform="pdd")["overdue_cases"] == 0


def test_follow_ups_on_time(shop):
    cid = shop.customer()
    shop.followup(cid, at(2024, 5, 3), at(2024, 5, 2))        # early
    shop.followup(cid, at(2024, 5, 4), at(2024, 5, 4))        # on the minute
    shop.followup(cid, at(2024, 5, 5), at(2024, 5, 6))        # late
    shop.followup(cid, at(2024, 5, 6))                         # not done
    shop.followup(cid, at(2024, 6, 1, 0, 1), at(2024, 5, 30))  # due in June
    assert figures()["followups_on_time"] == pytest.approx(2 / 4)


def test_long_periods_are_charted_by_week(shop):
    year = rv.review(Period(date(2024, 1, 1), date(2024, 12, 31)), tz=BEIJING, now=NOW)
    assert year.series_by_week and year.series[0][0] == date(2024, 1, 1)
    assert all(d.weekday() == 0 for d, *_ in year.series)
