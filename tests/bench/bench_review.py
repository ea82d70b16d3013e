"""The Review page's figures at 100,000 customers: the time from a new
period to the numbers the page shows (all figures, breakdowns and charts of
the period and the period before, as the worker computes them), for the
periods a shop picks. Baseline: reading every order's payment time and amount
once (what a spreadsheet of the orders would have to go through)."""

from __future__ import annotations

import time
from datetime import date

from harness import Context, Measurement, alternate, bench, demo_data, median


@bench(
    "review",
    "Review page figures at 100,000 customers (this month, last month, last 30 days, this "
    "week; each with the period before); target: under 300 ms; baseline: one pass over every "
    "order's payment time and amount",
    target="0.3s",
)
def review(ctx: Context) -> list[Measurement]:
    from desk.core import db
    from desk.core.review import figures as rv

    data = demo_data(ctx)
    database = db.connect(data / "shopdesk.sqlite3")
    conn = database.connection()
    today = date.today()
    periods = {name: rv.preset(name, today) for name in
               ("this_month", "last_month", "last_30_days", "this_week")}
    try:
        def ours(period) -> float:
            t0 = time.perf_counter()
            rv.review(period)
            return time.perf_counter() - t0

        def baseline() -> float:
            t0 = time.perf_counter()
            conn.execute("SELECT paid_at, amount_fen FROM shop_order").fetchall()
            return time.perf_counter() - t0

        for period in periods.values():  # warm-up: page cache, statements, the rules
            ours(period)
        baseline()
        runs = {name: (lambda p=p: ours(p)) for name, p in periods.items()}
        runs["baseline"] = baseline
        times = alternate(runs, ctx.rounds(5))
        cases = rv.review(periods["this_month"]).figures["cases_opened"].value
    finally:
        db.close()
    base = median(times.pop("baseline"))
    worst = max(times, key=lambda k: median(times[k]))
    rows = [Measurement(median(times[worst]), base,
                        note=f"slowest period {worst} ({median(times[worst]) * 1000:.0f} ms, median of "
                             f"{len(times[worst])}); this month has {cases:,} cases")]
    rows += [Measurement(median(t), base, label=name) for name, t in times.items()]
    return rows
