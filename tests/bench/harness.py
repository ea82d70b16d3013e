"""The benchmark registry (@bench) and the helpers benchmarks share: timed
subprocess runs, alternating rounds, and the cached demo data folder."""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")


class BenchError(RuntimeError):
    """A benchmark could not measure what it claims to (a crash, a wrong result)."""


@dataclass(frozen=True)
class Target:
    """`2.0x`: ours at most 2.0 times the baseline; `60s`: ours at most 60 seconds;
    `+10MiB`: ours at most 10 MiB more than the baseline (memory, in MiB)."""

    limit: float
    ratio: bool
    over: bool = False  # judged on ours - baseline

    @classmethod
    def parse(cls, text: str) -> Target:
        spec = text.strip().lower()
        if spec.startswith("+") and spec.endswith("mib"):
            return cls(float(spec[1:-3]), ratio=False, over=True)
        if spec.endswith("x"):
            return cls(float(spec[:-1]), ratio=True)
        if spec.endswith("s"):
            return cls(float(spec[:-1]), ratio=False)
        raise ValueError(
            f"target {text!r}: write it as '2.0x' (ratio), '60s' (seconds) or '+10MiB' (over the baseline)"
        )

    def met(self, m: Measurement) -> bool:
        if self.over:
            return m.ours - m.baseline <= self.limit
        return (m.ratio if self.ratio else m.ours) <= self.limit

    def __str__(self) -> str:
        if self.over:
            return f"<= +{self.limit:g} MiB"
        return f"<= {self.limit:.1f}x" if self.ratio else f"<= {self.limit:g} s"


@dataclass(frozen=True)
class Measurement:
    """Seconds (or, with unit="MiB", memory) for our code and for its baseline,
    measured in the same run.

    The row with an empty `label` is the benchmark's own and is judged
    against its target; labelled rows are informative."""

    ours: float
    baseline: float
    label: str = ""
    note: str = ""
    unit: str = "s"  # "s" or "MiB"

    @property
    def ratio(self) -> float:
        return self.ours / self.baseline if self.baseline > 0 else float("inf")


@dataclass(frozen=True)
class Context:
    customers: int  # demo customers in the data folder under test
    cache: Path  # kept between runs: demo data folders
    repeat: int | None  # rounds per benchmark; None: the benchmark's own default

    def rounds(self, default: int) -> int:
        return self.repeat or default

    def env(self) -> dict[str, str]:
        """The environment for measured processes: headless Qt, no data folder
        from the caller's shell, and bytecode caches as an installed app has
        them (kept under the cache, so the source tree stays clean, even where
        PYTHONDONTWRITEBYTECODE is set)."""
        env = {
            k: v
            for k, v in os.environ.items()
            if k not in ("SHOPDESK_DATA_DIR", "PYTHONDONTWRITEBYTECODE")
        }
        env["QT_QPA_PLATFORM"] = "offscreen"
        env["PYTHONPYCACHEPREFIX"] = str(self.cache / "pycache")
        return env


BenchFn = Callable[[Context], list[Measurement]]


@dataclass(frozen=True)
class Benchmark:
    name: str
    doc: str
    target: Target | None
    fn: BenchFn


REGISTRY: dict[str, Benchmark] = {}


def bench(name: str, doc: str, target: str | None = None) -> Callable[[BenchFn], BenchFn]:
    """Register a benchmark: `fn(ctx)` returns its measurements."""

    def register(fn: BenchFn) -> BenchFn:
        if name in REGISTRY:
            raise ValueError(f"benchmark {name!r} registered twice")
        REGISTRY[name] = Benchmark(name, doc, Target.parse(target) if target else None, fn)
        return fn

    return register


# --- helpers -------------------------------------------------------------------


@dataclass(frozen=True)
class Run:
    started: float  # time.time() just before the process was started
    wall: float  # seconds from then until it exited
    stdout: str


def run_timed(
    cmd: Sequence[str | os.PathLike[str]],
    env: Mapping[str, str] | None = None,
    timeout: float = 300,
) -> Run:
    """Run `cmd` to completion and time it; a non-zero exit is a BenchError."""
    started = time.time()
    t0 = time.perf_counter()
    proc = subprocess.run(
        [str(c) for c in cmd], env=env, capture_output=True, text=True, timeout=timeout
    )
    wall = time.perf_counter() - t0
    if proc.returncode != 0:
        raise BenchError(
            f"{' '.join(map(str, cmd))} exited with {proc.returncode}:\n{proc.stderr[-2000:]}"
        )
    return Run(started, wall, proc.stdout)


def alternate(runs: Mapping[str, Callable[[], T]], rounds: int) -> dict[str, list[T]]:
    """Call every function once per round, round after round, so that a change
    in the machine's load falls on ours and the baseline alike."""
    out: dict[str, list[T]] = {key: [] for key in runs}
    for _ in range(rounds):
        for key, fn in runs.items():
            out[key].append(fn())
    return out


def median(values: Sequence[float]) -> float:
    return statistics.median(values)


def spread(values: Sequence[float]) -> str:
    return f"{min(values):.3f}–{max(values):.3f} s"


def shopdesk_cmd() -> list[str]:
    """How a user starts ShopDesk: the installed `shopdesk` script of this Python."""
    script = Path(sys.executable).with_name("shopdesk")
    return [str(script)] if script.exists() else [sys.executable, "-m", "desk"]


def empty_data(ctx: Context) -> Path:
    """A data folder with a freshly migrated database and no customers, made
    once per schema version and kept in the cache."""
    from desk.core import db
    from desk.core.paths import DataDir

    root = ctx.cache / f"empty-schema{db.latest_version()}"
    if root.exists():
        return root
    part = root.with_name(root.name + ".part")
    shutil.rmtree(part, ignore_errors=True)
    data = DataDir(part).ensure()
    db.open_database(data.db_path, data.backups)
    db.close()
    part.rename(root)  # only a finished folder gets the real name
    return root


def demo_data(ctx: Context) -> Path:
    """A data folder with `ctx.customers` demo customers, made once per schema
    version and kept in the cache (100,000 customers take about half a minute)."""
    from desk.core import db

    root = ctx.cache / f"demo-{ctx.customers}-schema{db.latest_version()}"
    if root.exists():
        return root
    part = root.with_name(root.name + ".part")
    shutil.rmtree(part, ignore_errors=True)
    print(f"  making {root} (once) …", file=sys.stderr, flush=True)
    run_timed(
        [*shopdesk_cmd(), "--data-dir", part, "demo", "--customers", str(ctx.customers)],
        env=ctx.env(),
        timeout=1800,
    )
    part.rename(root)  # only a finished folder gets the real name
    return root
