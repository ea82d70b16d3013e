"""What is due when: the deadline labels, urgency and the "due by" filters the
Today page, the badge and the lists use. Light on imports (no models), as it
is on the start-up path; the deadline engine itself is deadlines.py."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, time, timedelta, tzinfo

from desk.core import dbconn, settings, timeutil
from desk.core.errors import QT_TRANSLATE_NOOP
from desk.core.listing import Filter

HANDLING_KEY = "handling"

LABELS = {
    "seller_respond": QT_TRANSLATE_NOOP("Deadline", "Answer the refund request"),
    "seller_respond_no_reason": QT_TRANSLATE_NOOP("Deadline", "Answer the no-reason return request"),
    "buyer_ship_return": QT_TRANSLATE_NOOP("Deadline", "Buyer sends the item back"),
    "seller_confirm_express": QT_TRANSLATE_NOOP("Deadline", "Confirm receipt of the return"),
    "seller_confirm_surface": QT_TRANSLATE_NOOP("Deadline", "Confirm receipt of the return (surface mail)"),
    "buyer_respond_refusal": QT_TRANSLATE_NOOP("Deadline", "Buyer answers the refusal"),
    "review_revise": QT_TRANSLATE_NOOP("Deadline", "Buyer can revise the review"),
    HANDLING_KEY: QT_TRANSLATE_NOOP("Deadline", "Shop's own handling target"),
}

# urgency() results, most urgent first
OVERDUE, TODAY, SOON, FINE, NONE = "overdue", "today", "soon", "fine", "none"
URGENCIES = (OVERDUE, TODAY, SOON, FINE, NONE)


def local_zone() -> tzinfo:
    """The zone the shop works in: this computer's."""
    return datetime.now().astimezone().tzinfo


# -- what is due ---------------------------------------------------------------------


def end_of_day(moment: datetime, tz: tzinfo | None = None) -> datetime:
    """The local midnight that ends `moment`'s day."""
    zone = tz or local_zone()
    local = moment.astimezone(zone)
    return datetime.combine(local.date() + timedelta(days=1), time(0), tzinfo=zone)


def due_filter(moment: datetime) -> Filter:
    """Cases whose next deadline falls at or before `moment` (overdue included),
    for the CASES listing. A settled case (done, closed) has no deadline."""
    return Filter("a.next_deadline_at <= ?", (timeutil.to_epoch(moment),))


def overdue_filter(now: datetime) -> Filter:
    """What "overdue" means everywhere (the Today page, the After-sales filter,
    the review's figure, `shopdesk aftersales list --due overdue`): the case's
    next deadline, the shop's or the buyer's, has passed. Over case `a` of the
    CASES listing."""
    return due_filter(now)


def today_filter(now: datetime, tz: tzinfo | None = None) -> Filter:
    """Cases due by the end of today, overdue ones included: the Today page's list."""
    return due_filter(end_of_day(now, tz))


@dataclass(frozen=True)
class DueCase:
    id: int
    case_no: str
    customer_id: int
    nickname: str
    status: str
    next_deadline_at: datetime
    next_deadline_key: str

    @property
    def label(self) -> str:
        return LABELS.get(self.next_deadline_key, self.next_deadline_key)


def due_cases(moment: datetime) -> list[DueCase]:
    """Live cases with a deadline at or before `moment`, soonest first."""
    rows = dbconn.execute(
        "SELECT a.id, a.case_no, a.customer_id, c.nickname, a.status, a.next_deadline_at,"
        " a.next_deadline_key FROM aftersales_case a JOIN customer c ON c.id = a.customer_id"
        " WHERE a.next_deadline_at <= ? AND a.deleted_at IS NULL AND c.deleted_at IS NULL"
        " ORDER BY a.next_deadline_at, a.id", (timeutil.to_epoch(moment),))
    return [DueCase(r[0], r[1], r[2], r[3], r[4], timeutil.from_epoch(r[5]), r[6]) for r in rows]


def due_count(moment: datetime) -> int:
    return dbconn.execute(
        "SELECT count(*) FROM aftersales_case a JOIN customer c ON c.id = a.customer_id"
        " WHERE a.next_deadline_at <= ? AND a.deleted_at IS NULL AND c.deleted_at IS NULL",
        (timeutil.to_epoch(moment),)).fetchone()[0]


def urgency(deadline: datetime | None, now: datetime, warn_hours: int | None = None,
            tz: tzinfo | None = None) -> str:
    """overdue (passed), today (later today, local time, up to the midnight that
    ends it), soon (within the warning
    hours of the settings), fine (later), none (no deadline)."""
    if deadline is None:
        return NONE
    hours = settings.get("deadline_warn_hours") if warn_hours is None else warn_hours
    return classify(deadline, now, end_of_day(now, tz), timedelta(hours=hours))


def classify(deadline, now, day_end, warn):
    """The urgency rule itself, over datetimes (`warn` a timedelta) or epoch
    seconds (`warn` in seconds), for tables that classify many cells against
    one `day_end` (the midnight ending `now`'s day): overdue up to `now`,
    today up to and including `day_end`, soon within `warn`, else fine."""
    if deadline is None:
        return NONE
    if deadline <= now:
        return OVERDUE
    if deadline <= day_end:
        return TODAY  # up to and including the midnight that ends today, as today_filter
    if deadline - now <= warn:
        return SOON
    return FINE


# time_left() units
MINUTES, HOURS, DAYS = "minutes", "hours", "days"


@dataclass(frozen=True)
class TimeLeft:
    """How long until a deadline, or how long it is overdue, in one unit:
    "3 h left", "2 days overdue"."""

    amount: int
    unit: str  # MINUTES | HOURS | DAYS
    overdue: bool


def time_left(deadline: datetime, now: datetime) -> TimeLeft:
    """The time left until `deadline` (or past it) in the largest whole unit:
    minutes under an hour, hours under a day, else days. Rounded down, so
    "3 h left" means at least three hours and "2 days overdue" at least two
    days; never 0 (a deadline reached this very minute is 1 min overdue)."""
    seconds = int((deadline - now).total_seconds())
    overdue = seconds <= 0
    span = abs(seconds)
    if span < 3600:
        return TimeLeft(max(1, span // 60), MINUTES, overdue)
    if span < 86400:
        return TimeLeft(span // 3600, HOURS, overdue)
    return TimeLeft(span // 86400, DAYS, overdue)
