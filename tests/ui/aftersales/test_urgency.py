"""The colour of a deadline in the tables agrees with the deadline engine,
also across midnight and when the clock is set back."""

from __future__ import annotations

from datetime import datetime, time, timedelta

from desk.core import timeutil
from desk.core.aftersales import deadlines
from desk.ui.aftersales.urgency import Urgency

OFFSETS = (-3600, -1, 0, 1, 59, 3600, 4 * 3600, 23 * 3600, 24 * 3600, 24 * 3600 + 1, 3 * 86400)


def test_urgency_matches_the_engine_around_midnight(shop_db, monkeypatch):
    urgency = Urgency()
    today = datetime.now().astimezone().date()
    local_midnight = datetime.combine(today + timedelta(days=1), time(0)).astimezone()
    moments = [local_midnight + timedelta(seconds=s) for s in (-86400, -3601, -1, 0, 1, 7200)]
    moments += list(reversed(moments))  # the clock set back
    for moment in moments:
        now = moment.astimezone(timeutil.UTC).replace(microsecond=0)
        monkeypatch.setattr(timeutil, "now", lambda now=now: now)
        for offset in OFFSETS:
            at = now + timedelta(seconds=offset)
            expected = deadlines.urgency(at, now, urgency.warn_hours)
            assert urgency.of(timeutil.to_epoch(at)) == expected, (moment, offset)
    assert urgency.of(None) == deadlines.NONE
