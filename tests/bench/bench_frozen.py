"""The frozen app (PyInstaller, dist/shopdesk, built by `bash .ci/build`)
against the source app started from the venv: cold start of the GUI and of
the CLI, and the size of what ships. Skipped, with a message, when there is
no frozen build."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

from harness import (
    Context,
    Measurement,
    alternate,
    bench,
    demo_data,
    median,
    run_timed,
    shopdesk_cmd,
    spread,
)

ROOT = Path(__file__).resolve().parents[2]
FROZEN = ROOT / "dist" / "shopdesk"
MIB = 1024 * 1024


def _size_mib(path: Path) -> float:
    if path.is_file():
        return path.stat().st_size / MIB
    return sum(p.lstat().st_size for p in path.rglob("*") if p.is_file() or p.is_symlink()) / MIB


def _timer(ctx: Context, cmd: list) -> Callable[[], float]:
    return lambda: run_timed(cmd, env=ctx.env(), timeout=300).wall


def _stale(ctx: Context, exe: Path) -> str:
    """Why the frozen build cannot stand for this checkout ('' when it can): it
    must carry the same migrations, or it refuses the demo shop's database."""
    import json

    from desk.core import db

    info = json.loads(run_timed([exe, "--data-dir", ctx.cache / "frozen-probe", "info", "--json"],
                                env=ctx.env()).stdout)
    if info["latest_schema_version"] != db.latest_version():
        return (f"the frozen build at {exe} has schema {info['latest_schema_version']}, "
                f"this checkout {db.latest_version()}")
    return ""


@bench(
    "frozen",
    "the frozen app (dist/shopdesk) opening every page and dialog with --smoke on the demo shop, "
    "as a fresh process; baseline: the source app (the venv's `shopdesk`) doing the same",
    target="1.5x",
)
def frozen(ctx: Context) -> list[Measurement]:
    exe = FROZEN / ("shopdesk.exe" if sys.platform == "win32" else "shopdesk")
    if not exe.exists():
        print(f"  frozen: skipped, no frozen build at {exe} (build it with: bash .ci/build)",
              file=sys.stderr)
        return []
    stale = _stale(ctx, exe)
    if stale:
        print(f"  frozen: skipped, {stale} (rebuild it with: bash .ci/build)", file=sys.stderr)
        return []
    data = str(demo_data(ctx))
    source = shopdesk_cmd()
    rounds = ctx.rounds(7)
    smoke = {
        "frozen": _timer(ctx, [exe, "--data-dir", data, "--smoke"]),
        "source": _timer(ctx, [*source, "--data-dir", data, "--smoke"]),
    }
    version = {
        "frozen": _timer(ctx, [exe, "--version"]),
        "source": _timer(ctx, [*source, "--version"]),
    }
    # one discarded round: the page cache, the source app's .pyc files
    alternate(smoke, 1)
    alternate(version, 1)
    s = alternate(smoke, rounds)
    v = alternate(version, rounds)
    rows = [
        Measurement(
            median(s["frozen"]), median(s["source"]),
            note=(f"{ctx.customers:,} customers; median of {rounds}, frozen {spread(s['frozen'])}, "
                  f"source {spread(s['source'])}"),
        ),
        Measurement(
            median(v["frozen"]), median(v["source"]), label="`shopdesk --version`",
            note=f"frozen {spread(v['frozen'])}, source {spread(v['source'])}",
        ),
    ]
    import PySide6

    rows.append(Measurement(
        _size_mib(FROZEN), _size_mib(Path(PySide6.__file__).parent), label="frozen folder size",
        unit="MiB", note="the whole dist/shopdesk folder; baseline: the PySide6 package in the venv alone",
    ))
    debs = sorted((ROOT / "dist").glob("shopdesk_*.deb"))
    if debs:
        rows.append(Measurement(
            _size_mib(debs[-1]), _size_mib(FROZEN), label=".deb size", unit="MiB",
            note=f"{debs[-1].name} (xz); baseline: the frozen folder it packs",
        ))
    return rows
