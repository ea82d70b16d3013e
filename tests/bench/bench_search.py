"""Customer search per keystroke, as the Customers page runs it, against one
plain LIKE scan over the nicknames; and what the search indexes cost on disk."""

from __future__ import annotations

import math
import shutil
import sqlite3
import time
from pathlib import Path

from harness import BenchError, Context, Measurement, bench, demo_data, median

# What is typed, and where it comes from in the demo shop. Nickname fragments
# of 1-4 characters (kept to those the demo's nicknames are made of), pinyin
# initials and full pinyin, real names, a tag; the phone tails, phones, order
# and tracking numbers are read from the data below.
TYPED = (
    "小", "雨", "猫", "莓", "酱", "点点", "柠檬", "奶茶", "兔兔", "锦鲤", "小雨点", "草莓酱", "糯米团",
    "向日葵", "小雨点点", "lily", "coco", "tb12", "x", "xy", "xydd", "ntt", "xiaoyu", "naicha",
    "caomei", "王伟", "张", "VIP",
)
PHONE_TAILS, PHONES, ORDER_NOS, TRACKING_NOS = 4, 2, 4, 2


def _queries(conn: sqlite3.Connection) -> list[str]:
    phones = [r[0] for r in conn.execute(
        "SELECT phone FROM customer WHERE phone <> '' ORDER BY id LIMIT ? OFFSET 5000",
        (PHONE_TAILS + PHONES,))]
    orders = [r[0] for r in conn.execute(
        "SELECT order_no FROM shop_order ORDER BY id LIMIT ? OFFSET 20000", (ORDER_NOS,))]
    tracking = [r[0] for r in conn.execute(
        "SELECT tracking_no FROM shop_order WHERE tracking_no <> '' ORDER BY id LIMIT ? OFFSET 40000",
        (TRACKING_NOS,))]
    return [*TYPED, *(p[-4:] for p in phones[:PHONE_TAILS]), *phones[PHONE_TAILS:], *orders, *tracking]


def p95(values: list[float]) -> float:
    """Nearest rank: the value 95 % of the queries take at most."""
    ordered = sorted(values)
    return ordered[math.ceil(0.95 * len(ordered)) - 1]


def _size_without_search(db: Path, work: Path) -> tuple[int, int]:
    """Bytes of the database VACUUMed as it is, and VACUUMed with the search
    tables and the search-only indexes of migration 3 dropped."""
    sizes = []
    for strip in (False, True):
        copy = work / f"size-{int(strip)}.sqlite3"
        copy.unlink(missing_ok=True)
        src = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
        dst = sqlite3.connect(copy)
        src.backup(dst)
        src.close()
        if strip:
            for statement in (
                "DROP TABLE customer_fts", "DROP TABLE customer_gram", "DROP TABLE search_position",
                "DROP INDEX customer_nickname_py", "DROP INDEX customer_nickname_abbr",
                "DROP INDEX customer_real_name_py", "DROP INDEX customer_real_name_abbr",
                "DROP INDEX customer_phone_tail", "DROP INDEX customer_search_sort",
            ):
                dst.execute(statement)
            dst.commit()
        dst.execute("VACUUM")
        dst.close()
        sizes.append(copy.stat().st_size)
        copy.unlink()
    return sizes[0], sizes[1]


@bench(
    "search",
    "customer search per keystroke at 100,000 customers, as the Customers page runs it (ids of "
    "the matches, default sort); baseline: SELECT id FROM customer WHERE nickname LIKE '%q%'",
    target="1.0x",
)
def search(ctx: Context) -> list[Measurement]:
    from desk.core import db
    from desk.core.customers.listing import CUSTOMERS
    from desk.core.customers.search import search_filter

    data = demo_data(ctx)
    db_path = data / "shopdesk.sqlite3"
    database = db.connect(db_path)
    conn = database.connection()
    try:
        queries = _queries(conn)
        if len(queries) != 40:
            raise BenchError(f"expected 40 queries, the demo data gave {len(queries)}")

        def ours(q: str) -> float:
            t0 = time.perf_counter()
            CUSTOMERS.ids([search_filter(q)], sort="last_order_at", descending=True)
            return time.perf_counter() - t0

        def baseline(q: str) -> float:
            t0 = time.perf_counter()
            conn.execute("SELECT id FROM customer WHERE nickname LIKE ?", (f"%{q}%",)).fetchall()
            return time.perf_counter() - t0

        for q in queries:  # warm-up round: page cache and statement cache, both sides
            ours(q)
            baseline(q)
        rounds = ctx.rounds(7)
        ours_t: dict[str, list[float]] = {q: [] for q in queries}
        base_t: dict[str, list[float]] = {q: [] for q in queries}
        for _ in range(rounds):
            for q in queries:
                ours_t[q].append(ours(q))
                base_t[q].append(baseline(q))
        ours_q = {q: median(v) for q, v in ours_t.items()}
        base_q = {q: median(v) for q, v in base_t.items()}
        slowest = max(ours_q, key=ours_q.get)
        hits = len(CUSTOMERS.ids([search_filter(slowest)]))
    finally:
        db.close()

    work = ctx.cache / "search-bench"
    work.mkdir(parents=True, exist_ok=True)
    with_search, without = _size_without_search(db_path, work)
    shutil.rmtree(work, ignore_errors=True)
    ours_p95, base_p95 = p95(list(ours_q.values())), p95(list(base_q.values()))
    mib = 1048576
    return [
        Measurement(
            ours_p95, base_p95,
            note=(
                f"p95 over {len(queries)} queries (each the median of {rounds} rounds, ours and the "
                f"baseline alternating): ours {ours_p95 * 1000:.1f} ms (target under 30 ms), "
                f"baseline {base_p95 * 1000:.1f} ms; the slowest, {slowest!r} ({hits:,} matches), "
                f"{ours_q[slowest] * 1000:.1f} ms; queries: nickname fragments of 1-4 characters, "
                "pinyin initials and full pinyin, real names, a tag, 4 phone tails, 2 phones, "
                "4 order numbers, 2 tracking numbers. Database size: "
                f"{with_search / mib:.1f} MiB with the search indexes, {without / mib:.1f} MiB "
                "without them (the FTS table, customer_gram and the pinyin, phone-tail and search-sort "
                f"indexes dropped; both VACUUMed): {with_search / without:.2f}x, target at most 2.5x"
            ),
        ),
        Measurement(
            median(list(ours_q.values())), median(list(base_q.values())), label="median query",
            note="the same runs: median over the queries",
        ),
    ]
