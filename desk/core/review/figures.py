"""The review of a period: figures with their change against the period
before, the breakdowns of the cases and the series the charts draw.

A period is a range of the shop's local days, first and last included. What
each figure counts:

- new customers: buyers whose first order was placed in the period;
- repeat-buyer rate: of the buyers who paid for an order in the period, the
  share with at least two paid orders up to the period's end;
- orders, spend: orders paid in the period (closed ones left out) and their amount;
- cases opened / closed: opened in the period / closed (done or closed) in it;
- resolution rate: of the cases opened in the period, the share closed by its end;
- first response, resolution: time from opening to the first status change,
  and to closing (median and 90th percentile), over the cases opened / closed
  in the period;
- overdue now: of the cases opened in the period, those overdue at this moment
  (due.overdue_filter: not settled, next deadline passed), the very cases the
  Today page and `shopdesk aftersales list --due overdue` count as overdue;
- refunds, compensation: on the cases settled as done in the period;
- follow-ups on time: of the follow-ups due in the period, the share done by
  their due time.

Trashed customers and cases are left out everywhere.
"""

from __future__ import annotations

import calendar
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta, tzinfo

from desk.core import timeutil
from desk.core.aftersales import due
from desk.core.base import database
from desk.core.errors import QT_TRANSLATE_NOOP, UserError
from desk.core.review.staff import StaffRow, by_staff

PRESETS = ("this_week", "this_month", "last_month", "last_7_days", "last_30_days")
WEEKLY_FROM_DAYS = 62  # longer periods are charted by week
MAX_DAYS = 3660
# resolution-time buckets: (key, upper bound in hours, exclusive; None: no bound)
BUCKETS = (("under_1h", 1), ("1_4h", 4), ("4_24h", 24), ("1_3d", 72), ("3_7d", 168), ("over_7d", None))
BREAKDOWNS = ("reason", "kind", "responsibility", "product", "handler")


@dataclass(frozen=True)
class Period:
    first: date
    last: date  # included

    def __post_init__(self) -> None:
        if self.last < self.first:
            raise UserError(QT_TRANSLATE_NOOP("UserError", "The period ends before it starts."))
        if (self.last - self.first).days >= MAX_DAYS:
            raise UserError(QT_TRANSLATE_NOOP("UserError", "A review covers at most ten years."))

    @property
    def days(self) -> int:
        return (self.last - self.first).days + 1

    def previous(self) -> Period:
        """The period to compare with: for a month, or the first days of one,
        the same days of the month before (1-23 Nov against 1-23 Oct); else
        the same number of days just before."""
        if self.first.day == 1 and (self.first.year, self.first.month) == (self.last.year, self.last.month):
            start = (self.first - timedelta(days=1)).replace(day=1)
            end = min(start + timedelta(days=self.last.day - 1), _month_end(start))
            if self.last == _month_end(self.last):
                end = _month_end(start)  # a whole month against the whole month before
            return Period(start, end)
        return Period(self.first - timedelta(days=self.days), self.first - timedelta(days=1))

    def bounds(self, tz: tzinfo | None = None) -> tuple[int, int]:
        """Epoch seconds: local midnight starting the first day, and ending the last."""
        zone = tz or due.local_zone()
        start = datetime.combine(self.first, time(0), tzinfo=zone)
        end = datetime.combine(self.last + timedelta(days=1), time(0), tzinfo=zone)
        return timeutil.to_epoch(start), timeutil.to_epoch(end)


def _month_end(day: date) -> date:
    return day.replace(day=calendar.monthrange(day.year, day.month)[1])


def preset(name: str, today: date) -> Period:
    if name == "this_week":
        return Period(today - timedelta(days=today.weekday()), today)
    if name == "this_month":
        return Period(today.replace(day=1), today)
    if name == "last_month":
        last = today.replace(day=1) - timedelta(days=1)
        return Period(last.replace(day=1), last)
    if name == "last_7_days":
        return Period(today - timedelta(days=6), today)
    if name == "last_30_days":
        return Period(today - timedelta(days=29), today)
    raise ValueError(f"unknown period {name!r}")


@dataclass(frozen=True)
class Figure:
    key: str
    kind: str  # count | rate | money | duration (seconds)
    value: float | int | None  # None: nothing to measure (a rate of no cases)
    previous: float | int | None

    @property
    def change(self) -> float | int | None:
        if self.value is None or self.previous is None:
            return None
        return self.value - self.previous


@dataclass(frozen=True)
class Review:
    period: Period
    previous_period: Period
    platform: str  # '' for all
    figures: dict[str, Figure]
    breakdowns: dict[str, list[tuple[str, int]]]  # most first
    series: list[tuple[date, int, int]]  # (day or week start, opened, closed)
    series_by_week: bool
    resolution_buckets: list[tuple[str, int]] = field(default_factory=list)
    staff: list[StaffRow] = field(default_factory=list)  # review/staff.py


# -- the figures of one period ------------------------------------------------------


def _percentile(values: list[int], q: float) -> float | None:
    """Linear-interpolated percentile (q in 0..1) of the values; None for none."""
    if not values:
        return None
    ordered = sorted(values)
    pos = (len(ordered) - 1) * q
    low = int(pos)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (pos - low)


def _platform(alias: str, platform: str) -> tuple[str, tuple]:
    return (f" AND {alias}.platform = ?", (platform,)) if platform else ("", ())


def _one(sql: str, params: tuple) -> tuple:
    return database.execute_sql(sql, params).fetchone()


def _raw(period: Period, platform: str, tz: tzinfo, now: int) -> dict[str, float | int | None]:
    a, b = period.bounds(tz)
    cp, cparams = _platform("c", platform)
    op, oparams = _platform("o", platform)
    ap, aparams = _platform("a", platform)
    out: dict[str, float | int | None] = {}

    out["new_customers"] = _one(
        f"SELECT count(*) FROM customer c WHERE c.deleted_at IS NULL AND c.first_order_at >= ?"
        f" AND c.first_order_at < ?{cp}", (a, b, *cparams))[0]

    # (both use the partial covering indexes of migration "review")
    paid = "o.paid_at IS NOT NULL AND o.status <> 'closed'"
    live = "o.customer_id NOT IN (SELECT id FROM customer WHERE deleted_at IS NOT NULL)"
    orders, spend = _one(
        f"SELECT count(*), coalesce(sum(o.amount_fen), 0) FROM shop_order o WHERE {paid}"
        f" AND o.paid_at >= ? AND o.paid_at < ? AND {live}{op}", (a, b, *oparams))
    out["orders"], out["spend_fen"] = orders, spend
    # a repeat buyer paid twice in the period, or once before it
    buyers, repeat = _one(
        f"SELECT count(*), coalesce(sum(n >= 2 OR EXISTS (SELECT 1 FROM shop_order o WHERE"
        f" o.customer_id = p.customer_id AND {paid} AND o.paid_at < ?)), 0) FROM (SELECT"
        f" o.customer_id, count(*) n FROM shop_order o WHERE {paid} AND o.paid_at >= ?"
        f" AND o.paid_at < ? AND {live}{op} GROUP BY o.customer_id) p", (a, a, b, *oparams))
    out["repeat_rate"] = repeat / buyers if buyers else None

    live = "a.deleted_at IS NULL AND c.deleted_at IS NULL"
    opened = database.execute_sql(
        f"SELECT a.id, a.opened_at, a.first_response_at, a.closed_at FROM aftersales_case a"
        f" JOIN customer c ON c.id = a.customer_id WHERE {live} AND a.opened_at >= ?"
        f" AND a.opened_at < ?{ap}", (a, b, *aparams)).fetchall()
    out["cases_opened"] = len(opened)
    resolved = sum(1 for _i, _o, _f, closed in opened if closed is not None and closed < b)
    out["resolution_rate"] = resolved / len(opened) if opened else None
    responses = [first - op_at for _i, op_at, first, _c in opened
                 if first is not None and first < b]
    out["first_response_median"] = _percentile(responses, 0.5)
    out["first_response_p90"] = _percentile(responses, 0.9)
    overdue = due.overdue_filter(timeutil.from_epoch(now))
    out["overdue_cases"] = _one(
        f"SELECT count(*) FROM aftersales_case a JOIN customer c ON c.id = a.customer_id"
        f" WHERE {live} AND a.opened_at >= ? AND a.opened_at < ? AND {overdue.sql}{ap}",
        (a, b, *overdue.params, *aparams))[0]

    closed = database.execute_sql(
        f"SELECT a.opened_at, a.closed_at, a.status, a.refund_fen, a.compensation_fen"
        f" FROM aftersales_case a JOIN customer c ON c.id = a.customer_id WHERE {live}"
        f" AND a.closed_at >= ? AND a.closed_at < ?{ap}", (a, b, *aparams)).fetchall()
    out["cases_closed"] = len(closed)
    spans = [max(0, c - o) for o, c, *_ in closed]
    out["resolution_median"] = _percentile(spans, 0.5)
    out["resolution_p90"] = _percentile(spans, 0.9)
    out["refunds_fen"] = sum(r for _o, _c, status, r, _m in closed if status == "done")
    out["compensation_fen"] = sum(m for _o, _c, status, _r, m in closed if status == "done")

    total, on_time = _one(
        f"SELECT count(*), coalesce(sum(f.done_at IS NOT NULL AND f.done_at <= f.due_at), 0)"
        f" FROM followup f JOIN customer c ON c.id = f.customer_id WHERE c.deleted_at IS NULL"
        f" AND f.due_at >= ? AND f.due_at < ?{cp}", (a, b, *cparams))
    out["followups_on_time"] = on_time / total if total else None
    out["_spans"] = spans  # for the distribution chart
    return out



KINDS = {
    "new_customers": "count", "repeat_rate": "rate", "orders": "count", "spend_fen": "money",
    "cases_opened": "count", "cases_closed": "count", "resolution_rate": "rate",
    "first_response_median": "duration", "first_response_p90": "duration",
    "resolution_median": "duration", "resolution_p90": "duration", "overdue_cases": "count",
    "refunds_fen": "money", "compensation_fen": "money", "followups_on_time": "rate",
}
# What the page and the workbook call things (translated in context "Review")
FIGURE_NAMES = {
    "new_customers": QT_TRANSLATE_NOOP("Review", "New customers"),
    "repeat_rate": QT_TRANSLATE_NOOP("Review", "Repeat buyers"),
    "orders": QT_TRANSLATE_NOOP("Review", "Paid orders"),
    "spend_fen": QT_TRANSLATE_NOOP("Review", "Sales"),
    "followups_on_time": QT_TRANSLATE_NOOP("Review", "Follow-ups done on time"),
    "cases_opened": QT_TRANSLATE_NOOP("Review", "Cases opened"),
    "cases_closed": QT_TRANSLATE_NOOP("Review", "Cases closed"),
    "resolution_rate": QT_TRANSLATE_NOOP("Review", "Resolved (of opened)"),
    "overdue_cases": QT_TRANSLATE_NOOP("Review", "Overdue now (of the cases opened)"),
    "refunds_fen": QT_TRANSLATE_NOOP("Review", "Refunds paid"),
    "first_response_median": QT_TRANSLATE_NOOP("Review", "First response, median"),
    "first_response_p90": QT_TRANSLATE_NOOP("Review", "First response, 90% within"),
    "resolution_median": QT_TRANSLATE_NOOP("Review", "Resolution, median"),
    "resolution_p90": QT_TRANSLATE_NOOP("Review", "Resolution, 90% within"),
    "compensation_fen": QT_TRANSLATE_NOOP("Review", "Compensation paid"),
}
BREAKDOWN_NAMES = {
    "reason": QT_TRANSLATE_NOOP("Review", "Cases by reason"),
    "kind": QT_TRANSLATE_NOOP("Review", "Cases by kind"),
    "responsibility": QT_TRANSLATE_NOOP("Review", "Cases by responsibility"),
    "product": QT_TRANSLATE_NOOP("Review", "Cases by product"),
    "handler": QT_TRANSLATE_NOOP("Review", "Cases by handler"),
}
BUCKET_NAMES = {
    "under_1h": QT_TRANSLATE_NOOP("Review", "< 1 h"), "1_4h": QT_TRANSLATE_NOOP("Review", "1–4 h"),
    "4_24h": QT_TRANSLATE_NOOP("Review", "4–24 h"), "1_3d": QT_TRANSLATE_NOOP("Review", "1–3 d"),
    "3_7d": QT_TRANSLATE_NOOP("Review", "3–7 d"), "over_7d": QT_TRANSLATE_NOOP("Review", "> 7 d"),
}
RESPONSIBILITY_NAMES = {
    "seller": QT_TRANSLATE_NOOP("Review", "Shop's fault"),
    "buyer": QT_TRANSLATE_NOOP("Review", "Buyer's side"),
    "carrier": QT_TRANSLATE_NOOP("Review", "Carrier's fault"),
    "supplier": QT_TRANSLATE_NOOP("Review", "Supplier's fault"),
}
# lower is better for these (the page colours a change by whether it is good news)
LOWER_IS_BETTER = frozenset({"first_response_median", "first_response_p90", "resolution_median",
                             "resolution_p90", "overdue_cases", "refunds_fen",
                             "compensation_fen", "cases_opened"})


def _breakdowns(period: Period, platform: str, tz: tzinfo) -> dict[str, list[tuple[str, int]]]:
    a, b = period.bounds(tz)
    ap, aparams = _platform("a", platform)
    where = (f"a.deleted_at IS NULL AND c.deleted_at IS NULL AND a.opened_at >= ? AND a.opened_at < ?"
             f"{ap}")
    out = {}
    for name in ("reason", "kind", "responsibility", "handler"):
        out[name] = [(code, n) for code, n in database.execute_sql(
            f"SELECT a.{name}, count(*) n FROM aftersales_case a JOIN customer c ON c.id = a.customer_id"
            f" WHERE {where} GROUP BY a.{name} ORDER BY n DESC, a.{name}", (a, b, *aparams))]
    out["product"] = [(title, n) for title, n in database.execute_sql(
        f"SELECT i.title, count(DISTINCT a.id) n FROM case_item i JOIN aftersales_case a"
        f" ON a.id = i.case_id JOIN customer c ON c.id = a.customer_id WHERE {where}"
        f" GROUP BY i.title ORDER BY n DESC, i.title", (a, b, *aparams))]
    return out


def _series(period: Period, platform: str, tz: tzinfo) -> tuple[list[tuple[date, int, int]], bool]:
    a, b = period.bounds(tz)
    ap, aparams = _platform("a", platform)
    weekly = period.days > WEEKLY_FROM_DAYS

    def bucket(epoch: int) -> date:
        day = datetime.fromtimestamp(epoch, tz).date()
        return day - timedelta(days=day.weekday()) if weekly else day

    opened: Counter = Counter()
    closed: Counter = Counter()
    for column, counter in (("opened_at", opened), ("closed_at", closed)):
        for (at,) in database.execute_sql(
                f"SELECT a.{column} FROM aftersales_case a JOIN customer c ON c.id = a.customer_id"
                f" WHERE a.deleted_at IS NULL AND c.deleted_at IS NULL AND a.{column} >= ?"
                f" AND a.{column} < ?{ap}", (a, b, *aparams)):
            counter[bucket(at)] += 1
    first = bucket(a)
    step = timedelta(days=7 if weekly else 1)
    out = []
    day = first
    while day <= period.last:
        out.append((day, opened[day], closed[day]))
        day += step
    return out, weekly


def _buckets(spans: list[int]) -> list[tuple[str, int]]:
    counts = Counter()
    for seconds in spans:
        hours = seconds / 3600
        for key, upper in BUCKETS:
            if upper is None or hours < upper:
                counts[key] += 1
                break
    return [(key, counts[key]) for key, _ in BUCKETS]


def review(period: Period, platform: str = "", *, tz: tzinfo | None = None,
           now: datetime | None = None, is_cancelled=None) -> Review:
    """Everything the Review page and the workbook show for the period."""
    zone = tz or due.local_zone()
    moment = timeutil.to_epoch(now or timeutil.now())
    previous = period.previous()
    current = _raw(period, platform, zone, moment)
    if is_cancelled and is_cancelled():
        from desk.core.errors import Cancelled

        raise Cancelled()
    before = _raw(previous, platform, zone, moment)
    figures = {key: Figure(key, kind, current[key], before[key]) for key, kind in KINDS.items()}
    series, weekly = _series(period, platform, zone)
    return Review(period, previous, platform, figures, _breakdowns(period, platform, zone),
                  series, weekly, _buckets(current["_spans"]),
                  by_staff(*period.bounds(zone), platform))
