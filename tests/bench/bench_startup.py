"""Start-up: ShopDesk to a usable main window on the demo shop, against a
minimal PySide6 window started the same way; and the CLI against bare Python."""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from harness import (
    BenchError,
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

PROBE = Path(__file__).with_name("startup_probe.py")


@dataclass(frozen=True)
class _Start:
    usable: float  # seconds from just before the process started to a usable window
    exit: float  # ... to the process having exited
    rows: int  # rows in the table the window showed


def _start(ctx: Context, *args: str) -> _Start:
    run = run_timed([sys.executable, PROBE, *args], env=ctx.env(), timeout=120)
    for line in run.stdout.splitlines():
        if line.startswith("BENCH_USABLE "):
            _, at, rows = line.split()
            return _Start(float(at) - run.started, run.wall, int(rows))
    raise BenchError(
        f"startup_probe.py {args[0]} never reported a usable window: {run.stdout[-500:]!r}"
    )


def _wall(ctx: Context, cmd: Sequence[str]) -> Callable[[], float]:
    return lambda: run_timed(cmd, env=ctx.env()).wall


@bench(
    "startup",
    "fresh process to a usable main window (Today page painted with real rows) on the demo "
    "shop; baseline: a QMainWindow with a QTableView started the same way",
    target="2.0x",
)
def startup(ctx: Context) -> list[Measurement]:
    data = str(demo_data(ctx))
    rounds = ctx.rounds(15)  # this machine drifts: more rounds, steadier median
    gui = {
        "baseline": lambda: _start(ctx, "baseline"),
        "ours": lambda: _start(ctx, "shopdesk", "--data-dir", data),
    }
    shopdesk = shopdesk_cmd()
    cli = {
        "pass": _wall(ctx, [sys.executable, "-c", "pass"]),
        "version": _wall(ctx, [*shopdesk, "--version"]),
        "info": _wall(ctx, [*shopdesk, "--data-dir", data, "info"]),
    }
    # One discarded round: warms the page cache, writes the .pyc files, and lets the
    # first start record first_run_done so no welcome dialog appears.
    alternate(gui, 1)
    alternate(cli, 1)
    g = alternate(gui, rounds)
    c = alternate(cli, rounds)

    ours_usable = [s.usable for s in g["ours"]]
    base_usable = [s.usable for s in g["baseline"]]
    ours_exit = [s.exit for s in g["ours"]]
    base_exit = [s.exit for s in g["baseline"]]
    rows = g["ours"][-1].rows
    return [
        Measurement(
            median(ours_usable),
            median(base_usable),
            note=(
                f"{ctx.customers:,} customers, Today page showing {rows:,} rows; median of {rounds}, "
                f"ours {spread(ours_usable)}, baseline {spread(base_usable)}"
            ),
        ),
        Measurement(
            median(ours_exit),
            median(base_exit),
            label="to process exit",
            note="the same starts, timed until the process has exited",
        ),
        Measurement(
            median(c["version"]),
            median(c["pass"]),
            label="`shopdesk --version`",
            note="baseline: `python -c pass`",
        ),
        Measurement(
            median(c["info"]),
            median(c["pass"]),
            label="`shopdesk info`",
            note="on the same data folder; baseline: `python -c pass`",
        ),
    ]
