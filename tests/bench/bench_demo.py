"""Demo data: `shopdesk demo --customers N` against inserting the same rows
with bare sqlite3 into the same schema."""

from __future__ import annotations

import shutil
import sqlite3
import time
from pathlib import Path

from harness import Context, Measurement, bench, median, run_timed, shopdesk_cmd, spread


def _bare_inserts(source: Path, folder: Path) -> tuple[float, dict[str, int]]:
    """Seconds to insert every row `shopdesk demo` wrote into `source` again,
    read into memory beforehand, with executemany into a fresh database with
    the same schema, pragmas and one transaction; and the rows per table."""
    from desk.core import db

    folder.mkdir(parents=True)
    target = folder / "bare.sqlite3"
    db.migrate(target, folder)  # the app's schema and seed rows
    src = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    dst = sqlite3.connect(target, isolation_level=None)
    try:
        for name, value in db.PRAGMAS.items():
            dst.execute(f"PRAGMA {name} = {value}")
        tables = [
            r[0]
            for r in dst.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY rowid"
            )
        ]  # parents first
        counts: dict[str, int] = {}
        elapsed = 0.0
        dst.execute("BEGIN")
        for table in tables:
            if dst.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0]:
                continue  # seed rows, written by the migration in both
            rows = src.execute(f'SELECT * FROM "{table}"').fetchall()
            if not rows:
                continue
            marks = ",".join("?" * len(rows[0]))
            t0 = time.perf_counter()
            dst.executemany(f'INSERT INTO "{table}" VALUES ({marks})', rows)
            elapsed += time.perf_counter() - t0
            counts[table] = len(rows)
        t0 = time.perf_counter()
        dst.execute("COMMIT")
        return elapsed + time.perf_counter() - t0, counts
    finally:
        src.close()
        dst.close()


@bench(
    "demo",
    "`shopdesk demo --customers N` into an empty data folder, as a fresh process; baseline: "
    "the same rows inserted with bare sqlite3 executemany into the same schema",
    target="60s",
)
def demo(ctx: Context) -> list[Measurement]:
    from desk.core.paths import DB_NAME

    work = ctx.cache / "demo-bench"
    ours: list[float] = []
    bare: list[float] = []
    counts: dict[str, int] = {}
    for _ in range(ctx.rounds(3)):
        shutil.rmtree(work, ignore_errors=True)
        run = run_timed(
            [
                *shopdesk_cmd(),
                "--data-dir",
                work / "shop",
                "demo",
                "--customers",
                str(ctx.customers),
            ],
            env=ctx.env(),
            timeout=1800,
        )
        ours.append(run.wall)
        seconds, counts = _bare_inserts(work / "shop" / DB_NAME, work / "bare")
        bare.append(seconds)
    shutil.rmtree(work, ignore_errors=True)
    return [
        Measurement(
            median(ours),
            median(bare),
            note=(
                f"{ctx.customers:,} customers, {counts.get('shop_order', 0):,} orders, "
                f"{counts.get('note', 0):,} notes, {sum(counts.values()):,} rows in {len(counts)} tables; "
                f"median of {len(ours)}, ours {spread(ours)}, baseline {spread(bare)}"
            ),
        )
    ]
