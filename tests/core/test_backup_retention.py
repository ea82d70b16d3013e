"""Which backups thinning keeps: the rules as properties over any history of backups."""

from __future__ import annotations

from datetime import datetime, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from desk.core import backup
from desk.core.backup import DAILY_FOR, KEEP_LAST, MONTHLY_FOR, WEEKLY_FOR, keep

NOW = datetime(2026, 11, 23, 14, 30, 0)

# backup times from 2 years back to a little after NOW (a clock set wrong)
moments = st.integers(min_value=-2 * 366 * 86400, max_value=3 * 86400).map(
    lambda s: NOW + timedelta(seconds=s))
histories = st.lists(moments, max_size=300, unique=True)


def _pairs(times):
    return [(t, i) for i, t in enumerate(times)]


def _newest_per(times, window, bucket):
    """The newest backup of each bucket within `window` of NOW."""
    newest = {}
    for t in times:
        if NOW - window < t <= NOW:
            b = bucket(t)
            if b not in newest or t > newest[b]:
                newest[b] = t
    return set(newest.values())


@settings(max_examples=400, deadline=None)
@given(histories)
def test_the_rules_hold_for_any_history(times):
    kept_ids = keep(_pairs(times), NOW)
    kept = {times[i] for i in kept_ids}
    assert kept_ids <= set(range(len(times)))
    # the last 10
    assert set(sorted(times, reverse=True)[:KEEP_LAST]) <= kept
    # one a day for a week, one a week for a month, one a month for a year (the newest of each)
    assert _newest_per(times, DAILY_FOR, lambda t: t.date()) <= kept
    assert _newest_per(times, WEEKLY_FOR, lambda t: t.isocalendar()[:2]) <= kept
    assert _newest_per(times, MONTHLY_FOR, lambda t: (t.year, t.month)) <= kept
    # a clock that was wrong never costs a backup
    assert {t for t in times if t > NOW} <= kept
    # and nothing else is kept
    expected = (set(sorted(times, reverse=True)[:KEEP_LAST]) | {t for t in times if t > NOW}
                | _newest_per(times, DAILY_FOR, lambda t: t.date())
                | _newest_per(times, WEEKLY_FOR, lambda t: t.isocalendar()[:2])
                | _newest_per(times, MONTHLY_FOR, lambda t: (t.year, t.month)))
    assert kept == expected


@settings(max_examples=200, deadline=None)
@given(histories)
def test_thinning_twice_changes_nothing_and_order_does_not_matter(times):
    pairs = _pairs(times)
    kept = keep(pairs, NOW)
    assert keep([p for p in pairs if p[1] in kept], NOW) == kept
    assert keep(list(reversed(pairs)), NOW) == kept


@settings(max_examples=200, deadline=None)
@given(st.lists(moments.filter(lambda t: t <= NOW), max_size=500, unique=True))
def test_what_is_kept_is_bounded(times):
    # 10 + 7 days + 5-6 ISO weeks + 13 months, however many backups there were
    assert len(keep(_pairs(times), NOW)) <= KEEP_LAST + 7 + 6 + 13


def test_a_year_of_hourly_backups_keeps_the_expected_ones():
    times = [NOW - timedelta(hours=h) for h in range(366 * 24)]
    kept = sorted((times[i] for i in keep(_pairs(times), NOW)), reverse=True)
    assert kept[:KEEP_LAST] == times[:KEEP_LAST]
    days = {t.date() for t in kept if NOW - t < DAILY_FOR}
    assert {NOW.date() - timedelta(days=d) for d in range(7)} <= days
    assert min(kept) > NOW - MONTHLY_FOR
    assert len(kept) < 40


def test_an_empty_history_keeps_nothing():
    assert keep([], NOW) == set()


def test_names_parse_back():
    assert backup.parse_name("shopdesk-20261123-143000-close.sqlite3") == (NOW, "close")
    assert backup.parse_name("shopdesk-20261123-143000-import-3.sqlite3") == (NOW, "import")
    assert backup.parse_name("pre-migration-v4-20261123-143000.sqlite3") == (NOW, "migration")
    for other in ("shopdesk-20261341-000000-close.sqlite3", "notes.txt", "shopdesk-full-20261123-143000.zip",
                  "shopdesk-20261123-143000-close.sqlite3.part", ".archive-12.sqlite3",
                  "shopdesk-20261123-1430-close.sqlite3"):
        assert backup.parse_name(other) is None, other


# -- a shop that lost its data never thins its real backups away -------------------------

rows = st.integers(min_value=0, max_value=1000)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(moments, rows), max_size=120, unique_by=lambda b: b[0]))
def test_thinning_never_lowers_the_most_data_any_backup_holds(history):
    """With the fullest doomed backup spared, what is kept holds as much data
    as the fullest backup ever did, and at most one backup more is kept."""
    if not history:
        return
    times = [t for t, _ in history]
    held = dict(enumerate(n for _, n in history))
    kept = keep(_pairs(times), NOW)
    newest = max(range(len(times)), key=lambda i: times[i])
    kept.add(newest)  # thinning never removes the backup just written
    doomed = [(times[i], i, held[i]) for i in range(len(times)) if i not in kept]
    extra = backup.spare(doomed, held[newest])
    final = kept | ({extra} if extra is not None else set())
    assert max(held[i] for i in final) == max(held.values())
    if extra is not None:
        assert held[extra] > held[newest] and extra not in kept


def test_spare_picks_the_newest_of_the_fullest_and_only_when_it_holds_more():
    t = [NOW - timedelta(hours=h) for h in range(4)]
    assert backup.spare([(t[3], "a", 300), (t[2], "b", 300), (t[1], "c", 5)], 0) == "b"
    assert backup.spare([(t[3], "a", 300)], 300) is None
    assert backup.spare([], 0) is None


def test_an_emptied_shop_backing_itself_up_keeps_the_last_backup_with_its_data(data_dir):
    """The reported case: three good backups of the same day (customers in
    them), then the database holds nothing and is backed up 11 times. The
    newest good backup survives the thinning; the two older ones go."""
    from desk.core import db as core_db
    from tests.crash.shop import counts, fill

    def take(at: datetime):
        return backup.write_checked_copy(
            data_dir.backups / f"shopdesk-{at:%Y%m%d-%H%M%S}-manual.sqlite3", thorough=False)

    morning = NOW.replace(hour=9, minute=0, second=0)
    core_db.open_database(data_dir.db_path, data_dir.backups)
    fill(n_customers=30, n_photos=0)
    good = [take(morning + timedelta(seconds=s)) for s in range(3)]
    core_db.close()
    data_dir.db_path.unlink()  # an empty shop where the real one was
    core_db.open_database(data_dir.db_path, data_dir.backups)
    try:
        for s in range(11):
            written = take(morning + timedelta(hours=1, seconds=s))
            backup.thin(data_dir, just_written=written, now=morning + timedelta(hours=2))
    finally:
        core_db.close()
    left = {b.path for b in backup.list_backups(data_dir)}
    assert good[2] in left, "the newest backup with the shop's data was thinned away"
    assert not {good[0], good[1]} & left
    assert counts(good[2])["customer"] == 30
    assert len(left) == KEEP_LAST + 1
