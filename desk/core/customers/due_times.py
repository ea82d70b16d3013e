"""When a follow-up falls due: the times the follow-up form's quick buttons and
the snooze menu offer, worked out from a given `now` (an aware local time; the
callers read the clock). Plain date arithmetic, no models: the Today page
builds its snooze menu at start-up."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, time, timedelta


def _at(day: date, hour: int) -> datetime:
    """`hour`:00 on `day`, local time, aware."""
    return datetime.combine(day, time(hour)).astimezone()


def in_an_hour(now: datetime) -> datetime:
    return (now + timedelta(hours=1)).replace(second=0)


def tonight(now: datetime) -> datetime:
    """20:00 today, which may have passed."""
    return _at(now.date(), 20)


def tomorrow_at(now: datetime, hour: int) -> datetime:
    return _at(now.date() + timedelta(days=1), hour)


def in_days(now: datetime, days: int) -> datetime:
    """10:00, `days` days from today."""
    return _at(now.date() + timedelta(days=days), 10)


def next_week(now: datetime) -> datetime:
    """Monday morning (09:00) of next week."""
    return _at(now.date() + timedelta(days=7 - now.weekday()), 9)


def default_due(now: datetime) -> datetime:
    """Tonight at 20:00 while that is ahead, else tomorrow at 10:00."""
    return tonight(now) if tonight(now) > now else tomorrow_at(now, 10)


def tomorrow_morning(now: datetime) -> datetime:
    return tomorrow_at(now, 9)


# The snooze menu's choices, in its order: (key, until). The menu labels them by key.
SNOOZE: tuple[tuple[str, Callable[[datetime], datetime]], ...] = (
    ("hour", in_an_hour),
    ("tonight", tonight),
    ("tomorrow", tomorrow_morning),
    ("nextWeek", next_week),
)


def offered(until: datetime, now: datetime) -> bool:
    """A choice is offered only while its time is still ahead ("tonight" after 20:00 is not)."""
    return until > now
