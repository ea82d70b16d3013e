"""The follow-up times the quick buttons and the snooze menu offer, from a fixed
`now` (no clock). Times are local: the tests build `now` in this machine's zone
and compare local wall-clock times, so they pass in any zone."""

from __future__ import annotations

from datetime import datetime

import pytest

from desk.core.customers import due_times


def local(y, mo, d, h, mi=0, s=0) -> datetime:
    return datetime(y, mo, d, h, mi, s).astimezone()


def wall(moment: datetime) -> tuple:
    """A moment as the local clock reads it, to the second."""
    return moment.astimezone().timetuple()[:6]


NOW = local(2030, 5, 1, 14, 30, 45)  # a Wednesday afternoon


def test_in_an_hour_drops_the_seconds():
    assert wall(due_times.in_an_hour(NOW)) == (2030, 5, 1, 15, 30, 0)


def test_fixed_hours_of_today_tomorrow_and_later_days():
    assert wall(due_times.tonight(NOW)) == (2030, 5, 1, 20, 0, 0)
    assert wall(due_times.tomorrow_at(NOW, 10)) == (2030, 5, 2, 10, 0, 0)
    assert wall(due_times.tomorrow_morning(NOW)) == (2030, 5, 2, 9, 0, 0)
    assert wall(due_times.in_days(NOW, 3)) == (2030, 5, 4, 10, 0, 0)
    # across a month and a year end
    assert wall(due_times.tomorrow_at(local(2030, 12, 31, 23, 0), 9)) == (2031, 1, 1, 9, 0, 0)


@pytest.mark.parametrize("day", range(5, 12))  # Sunday 5 May .. Saturday 11 May 2030
def test_next_week_is_the_coming_monday_at_nine(day):
    expected = (2030, 5, 6 if day == 5 else 13, 9, 0, 0)
    assert wall(due_times.next_week(local(2030, 5, day, 8))) == expected


def test_default_is_tonight_while_ahead_else_tomorrow_at_ten():
    assert wall(due_times.default_due(NOW)) == (2030, 5, 1, 20, 0, 0)
    assert wall(due_times.default_due(local(2030, 5, 1, 20, 0))) == (2030, 5, 2, 10, 0, 0)
    assert wall(due_times.default_due(local(2030, 5, 1, 21, 15))) == (2030, 5, 2, 10, 0, 0)


def test_snooze_choices_in_order_and_tonight_only_while_ahead():
    assert [key for key, _ in due_times.SNOOZE] == ["hour", "tonight", "tomorrow", "nextWeek"]
    afternoon = {key: due_times.offered(until(NOW), NOW) for key, until in due_times.SNOOZE}
    assert afternoon == {"hour": True, "tonight": True, "tomorrow": True, "nextWeek": True}
    late = local(2030, 5, 1, 20, 30)
    evening = {key: due_times.offered(until(late), late) for key, until in due_times.SNOOZE}
    assert evening == {"hour": True, "tonight": False, "tomorrow": True, "nextWeek": True}
    eight = local(2030, 5, 1, 20, 0)  # tonight's 20:00 is not ahead at 20:00 itself
    assert not due_times.offered(due_times.tonight(eight), eight)
