"""The After-sales page at 50,000 cases (first paint against a bare lazy table
model over the same queries) and attaching 20 photos of 12 megapixels
through the evidence panel (the event loop's longest stall).

The page runs through `page_probe.py` (its `page` mode with `"page":
"aftersales"` in the spec, and `bare`), one fresh process per run, as
customers_page does. The photos run through `evidence_probe.py`.
"""

from __future__ import annotations

import functools
import json
import random
import shutil
import sqlite3
import sys
from pathlib import Path

from bench_customers_page import _listing_sql, _probe, _work, _write_spec
from harness import (
    BenchError,
    Context,
    Measurement,
    alternate,
    bench,
    demo_data,
    empty_data,
    median,
    run_timed,
    spread,
)

CASES = 50_000
WINDOW = (1280, 800)
EVIDENCE_PROBE = Path(__file__).with_name("evidence_probe.py")
PHOTOS = 20
PHOTO_SIZE = (4000, 3000)  # 12 megapixels
STALL_LIMIT_S = 0.1


# --- 50,000 cases ------------------------------------------------------------------


def cases_data(ctx: Context) -> Path:
    """A data folder with CASES after-sales cases, made once in the cache: a copy
    of the demo shop whose cases are copied in SQL until there are CASES of them.

    `shopdesk demo` makes about one case per 5 customers (22,000 at 100,000
    customers); 250,000 demo customers would take minutes. Each copy keeps
    every column of its original (customer, order, kind, status, times,
    deadlines: `next_deadline_at` follows from those, so `deadlines.refresh`
    has nothing to change) under a new id and case number (`-c1`, `-c2`, ...
    appended). Case items, events and evidence are not copied: the list does
    not read them."""
    from desk.core import db

    demo = demo_data(ctx)
    root = ctx.cache / f"cases-{CASES}-from-{demo.name}"
    if root.exists():
        return root
    part = root.with_name(root.name + ".part")
    shutil.rmtree(part, ignore_errors=True)
    print(f"  making {root} (once) …", file=sys.stderr, flush=True)
    part.mkdir(parents=True)
    (part / "backups").mkdir()
    src = sqlite3.connect(f"file:{demo / 'shopdesk.sqlite3'}?mode=ro", uri=True)
    dst = sqlite3.connect(part / "shopdesk.sqlite3")
    src.backup(dst)
    src.close()
    columns = [r[1] for r in dst.execute("PRAGMA table_info(aftersales_case)") if r[1] != "id"]
    cols = ", ".join(columns)
    picked = ", ".join("case_no || '-c' || :n" if c == "case_no" else c for c in columns)
    n = 0
    with dst:
        while (have := dst.execute("SELECT count(*) FROM aftersales_case").fetchone()[0]) < CASES:
            n += 1
            copied = dst.execute(
                f"INSERT INTO aftersales_case ({cols}) SELECT {picked} FROM aftersales_case"
                " WHERE case_no NOT LIKE '%-c%' ORDER BY id LIMIT :limit",
                {"n": n, "limit": CASES - have},
            )
            if copied.rowcount <= 0:
                raise BenchError(f"{demo} has no cases to copy")
    dst.execute("ANALYZE")
    dst.close()
    # the app's own check: migrations up to date, the database opens
    db.migrate(part / "shopdesk.sqlite3", part / "backups")
    part.rename(root)
    return root


FOLDER = "aftersales-bench"


def _write_spec_here(ctx: Context, name: str, spec: dict) -> Path:
    return _write_spec(ctx, name, spec, FOLDER)


@functools.cache
def _page_specs(ctx: Context) -> tuple[Path, Path, dict]:
    """Spec files for the page and the bare model; one discarded page run tells the
    columns, sort and table size the bare side copies."""
    from desk.core import db
    from desk.core.aftersales.listing import CASES as LISTING

    data = cases_data(ctx)
    page = _write_spec_here(
        ctx,
        "page",
        {
            "page": "aftersales",
            "db": str(data / "shopdesk.sqlite3"),
            "backups": str(data / "backups"),
            "window_size": list(WINDOW),
        },
    )
    first = _probe(ctx, "page", page)
    if first["rows"] < CASES * 0.9:
        raise BenchError(f"the page showed {first['rows']:,} rows of {CASES:,} cases")
    ids_sql, rows_sql = _listing_sql(LISTING)  # sort_sql included
    bare = _write_spec_here(
        ctx,
        "bare",
        {
            "db": str(data / "shopdesk.sqlite3"),
            "pragmas": dict(db.PRAGMAS),
            "ids_sql": ids_sql,
            "rows_sql": rows_sql,
            "fields": list(LISTING.fields),
            **{
                k: first[k]
                for k in ("columns", "hidden", "widths", "view_size", "row_height", "sort")
            },
        },
    )
    return page, bare, first


@bench(
    "aftersales_page",
    "After-sales page at 50,000 cases, from constructing the page to the first paint of its "
    "table with rows; baseline: a bare lazy QAbstractTableModel over the same queries",
    target="1.5x",
)
def aftersales_page(ctx: Context) -> list[Measurement]:
    page, bare, first = _page_specs(ctx)
    runs = {
        "ours": lambda: _probe(ctx, "page", page),
        "baseline": lambda: _probe(ctx, "bare", bare),
    }
    alternate(runs, 1)
    r = alternate(runs, ctx.rounds(9))
    ours, base = [x["page_s"] for x in r["ours"]], [x["page_s"] for x in r["baseline"]]
    ours_ids = median([x["first_paint"]["ids_query_s"] for x in r["ours"]])
    base_ids = median([x["first_paint"]["ids_query_s"] for x in r["baseline"]])
    ours_rows = median([x["first_paint"]["rows_query_s"] for x in r["ours"]])
    q = r["ours"][-1]["first_paint"]
    return [
        Measurement(
            median(ours),
            median(base),
            note=(
                f"{first['rows']:,} rows, {len(first['columns'])} columns "
                f"({len(first['columns']) - len(first['hidden'])} shown), sorted by "
                f"{first['sort'][0]} {'desc' if first['sort'][1] else 'asc'}; median of {len(ours)} "
                f"fresh processes each, ours {spread(ours)}, baseline {spread(base)}; in that: the ids "
                f"query {ours_ids * 1000:.0f} ms ours ({q['ids_queries']} run), {base_ids * 1000:.0f} ms "
                f"baseline; the rows queries {ours_rows * 1000:.0f} ms ours ({q['rows_queries']} run). "
                f"Data: the 100,000-customer demo shop with its cases copied in SQL up to {CASES:,}"
            ),
        ),
        Measurement(
            median([x["whole_s"] for x in r["ours"]]),
            median([x["whole_s"] for x in r["baseline"]]),
            label="whole process",
            note="the same runs, from just before the process started",
        ),
    ]


# --- 20 photos of 12 megapixels ------------------------------------------------------


def photos(ctx: Context) -> list[Path]:
    """PHOTOS JPEGs of 4000x3000, made once in the cache: smooth random colour
    fields with noise on top, so they weigh what phone photos weigh (a few MB),
    each different."""
    root = ctx.cache / f"photos-{PHOTOS}x{PHOTO_SIZE[0]}x{PHOTO_SIZE[1]}"
    files = [root / f"IMG_{i:04d}.jpg" for i in range(1, PHOTOS + 1)]
    if root.exists():
        return files
    from PIL import Image

    part = root.with_name(root.name + ".part")
    shutil.rmtree(part, ignore_errors=True)
    part.mkdir(parents=True)
    print(f"  making {root} (once) …", file=sys.stderr, flush=True)
    rng = random.Random(20261123)
    for f in files:
        small = Image.frombytes("RGB", (40, 30), rng.randbytes(40 * 30 * 3))
        img = small.resize(PHOTO_SIZE, Image.Resampling.BICUBIC)
        noise = Image.effect_noise(PHOTO_SIZE, 40).convert("RGB")
        Image.blend(img, noise, 0.25).save(part / f.name, "JPEG", quality=90)
    part.rename(root)
    return files


def _one_case(ctx: Context) -> Path:
    """A freshly migrated data folder with one buyer and one case (made once)."""
    root = ctx.cache / f"{empty_data(ctx).name}-one-case"
    if root.exists():
        return root
    part = root.with_name(root.name + ".part")
    shutil.rmtree(part, ignore_errors=True)
    shutil.copytree(empty_data(ctx), part)
    t0 = 1_714_521_600
    with sqlite3.connect(part / "shopdesk.sqlite3") as conn:
        conn.execute(
            "INSERT INTO customer(platform, nickname, created_at, updated_at)"
            " VALUES ('taobao', '小雨点点', ?, ?)",
            (t0, t0),
        )
        conn.execute(
            "INSERT INTO aftersales_case(case_no, customer_id, platform, kind, reason, status,"
            " opened_at, status_changed_at, created_at, updated_at)"
            " VALUES ('SH-000042', 1, 'taobao', 'return_refund', 'damaged', 'new', ?, ?, ?, ?)",
            (t0, t0, t0, t0),
        )
    part.rename(root)
    return root


def _evidence_run(ctx: Context, files: list[Path]) -> dict:
    """One probe process on its own copy of the one-case folder (empty photos/)."""
    work = _work(ctx, FOLDER) / "evidence-run"
    shutil.rmtree(work, ignore_errors=True)
    shutil.copytree(_one_case(ctx), work)
    run = run_timed([sys.executable, EVIDENCE_PROBE, work, *files], env=ctx.env(), timeout=300)
    shutil.rmtree(work, ignore_errors=True)
    for line in run.stdout.splitlines():
        if line.startswith("BENCH_RESULT "):
            result = json.loads(line.split(" ", 1)[1])
            if result["listed"] != len(files) or len(result["thumbs"]) != len(files):
                raise BenchError(f"{result['listed']} photos listed of {len(files)}: {result}")
            return result
    raise BenchError(f"evidence_probe.py reported nothing: {run.stdout[-500:]!r}")


@bench(
    "evidence_add",
    "attaching 20 photos of 12 megapixels through the evidence panel until every thumbnail shows: "
    "the longest gap between ticks of a 10 ms timer; baseline: the same timer idle",
    target=f"{STALL_LIMIT_S}s",
)
def evidence_add(ctx: Context) -> list[Measurement]:
    files = photos(ctx)
    mib = sum(f.stat().st_size for f in files) / 1048576
    _evidence_run(ctx, files)  # discarded: bytecode, disk cache
    runs = [_evidence_run(ctx, files) for _ in range(ctx.rounds(5))]
    gaps = [r["busy_gap"] for r in runs]
    idle = [r["idle_gap"] for r in runs]
    done = [r["done"] for r in runs]
    first = [r["thumbs"][0] for r in runs]
    added = [r["added"] for r in runs]
    worst = max(runs, key=lambda r: r["busy_gap"])
    return [
        Measurement(
            median(gaps),
            median(idle),
            note=(
                f"{len(files)} JPEGs of {PHOTO_SIZE[0]}x{PHOTO_SIZE[1]} ({mib:.0f} MiB); median of "
                f"{len(runs)} fresh processes, longest gap {min(gaps) * 1000:.0f}–{max(gaps) * 1000:.0f} ms "
                f"(the worst {worst['busy_gap_at']:.2f} s after the add started), idle "
                f"{min(idle) * 1000:.0f}–{max(idle) * 1000:.0f} ms; stored after {median(added):.2f} s, "
                f"thumbnails from {median(first):.2f} s to {median(done):.2f} s"
            ),
        ),
        Measurement(
            median(done),
            median(added),
            label="until every thumbnail shows",
            note=(
                f"seconds from add_sources until the last thumbnail is in the list "
                f"({spread(done)}); baseline: until the add's result came back ({spread(added)}); "
                f"the first thumbnail showed after {median(first):.2f} s"
            ),
        ),
    ]
