"""Backup and restore of the 100,000-customer demo database, against a plain
file copy (shutil.copyfile) of the same database in the same run."""

from __future__ import annotations

import shutil
import time
from pathlib import Path

from harness import BenchError, Context, Measurement, alternate, bench, demo_data, median, spread


def _work(ctx: Context) -> Path:
    """A copy of the demo data folder's database to back up and restore into
    (the cached demo folder is never changed)."""
    from desk.core.paths import DataDir

    work = DataDir(ctx.cache / "backup-bench")
    shutil.rmtree(work.root, ignore_errors=True)
    work.ensure()
    shutil.copyfile(demo_data(ctx) / "shopdesk.sqlite3", work.db_path)
    return work


def _timed(fn) -> float:
    t0 = time.perf_counter()
    fn()
    return time.perf_counter() - t0


@bench(
    "backup",
    "an automatic backup of the 100,000-customer demo database, as when the app closes (online "
    "backup API, quick check and foreign-key check of the copy, thinning); baseline: "
    "shutil.copyfile of the database file",
    target="4.0x",
)
def backup_bench(ctx: Context) -> list[Measurement]:
    from desk.core import backup, db, restore

    work = _work(ctx)
    size = work.db_path.stat().st_size
    copies = work.root / "copies"
    copies.mkdir()
    db.connect(work.db_path)
    n = iter(range(10_000))

    def ours() -> float:
        return _timed(lambda: backup.backup_now(work, "close"))

    def manual() -> float:
        return _timed(lambda: backup.backup_now(work, "manual"))

    def copy_only() -> float:
        return _timed(lambda: db.backup_to(db.database.connection(), copies / f"api-{next(n)}.sqlite3"))

    def baseline() -> float:
        return _timed(lambda: shutil.copyfile(work.db_path, copies / f"copy-{next(n)}.sqlite3"))

    try:
        baseline(), ours()  # warm-up: the file in the page cache for both
        rounds = ctx.rounds(3)
        backed = alternate({"ours": ours, "manual": manual, "copy_only": copy_only, "baseline": baseline},
                           rounds)
        newest = backup.list_backups(work)[0].path
        if db.integrity_problems(newest):
            raise BenchError("the backup failed its check")
    finally:
        db.close()

    # restore: the backup swapped in for the database (checked, migrated if older, kept aside)
    target = work.root / "restore-baseline.sqlite3"

    def restore_ours() -> float:
        took = _timed(lambda: restore.restore(work, newest))
        for kept in work.root.glob("shopdesk-replaced-*.sqlite3"):
            kept.unlink()
        return took

    def restore_baseline() -> float:
        return _timed(lambda: shutil.copyfile(newest, target))

    restored = alternate({"ours": restore_ours, "baseline": restore_baseline}, rounds)
    shutil.rmtree(work.root, ignore_errors=True)
    mib = size / 1048576
    return [
        Measurement(
            median(backed["ours"]), median(backed["baseline"]),
            note=(f"{mib:.0f} MiB database, median of {rounds} rounds (ours {spread(backed['ours'])}, "
                  f"copy {spread(backed['baseline'])})"),
        ),
        Measurement(
            median(backed["manual"]), median(backed["baseline"]), label="manual backup",
            note=f"Back up now / shopdesk backup: the full integrity check ({spread(backed['manual'])})",
        ),
        Measurement(
            median(backed["copy_only"]), median(backed["baseline"]), label="online backup API only",
            note="the copy without the check: what the backup API costs over a file copy",
        ),
        Measurement(
            median(restored["ours"]), median(restored["baseline"]), label="restore",
            note=(f"restore of that backup: copy into the data folder, full check, swap with the "
                  f"current database kept aside ({spread(restored['ours'])}); baseline: copyfile"),
        ),
    ]
