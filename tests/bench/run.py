"""Run the benchmarks in tests/bench/bench_*.py and print ours vs. baseline.

    python tests/bench/run.py [--only NAME ...] [--customers N] [--repeat N]
                              [--cache DIR] [--write-docs] [--list]

Exit code 1 when a benchmark misses its target or fails to run. With
--write-docs the table replaces the marked section of docs/performance.md.
"""

from __future__ import annotations

import argparse
import datetime
import importlib
import os
import platform
import re
import sys
import tempfile
import traceback
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
DOCS = HERE.parent.parent / "docs" / "performance.md"
BEGIN, END = "<!-- bench:begin -->", "<!-- bench:end -->"

sys.path.insert(0, str(HERE))  # the benchmarks import `harness` as a top-level module

from harness import REGISTRY, Benchmark, Context, Measurement  # noqa: E402


@dataclass(frozen=True)
class Row:
    name: str
    ours: str
    baseline: str
    ratio: str
    target: str
    result: str
    note: str
    failed: bool


def load() -> None:
    for path in sorted(HERE.glob("bench_*.py")):
        importlib.import_module(path.stem)


def rows_for(b: Benchmark, ctx: Context) -> list[Row]:
    print(f"running {b.name} …", file=sys.stderr, flush=True)
    try:
        measured = b.fn(ctx)
    except Exception as e:
        traceback.print_exc()
        return [
            Row(
                b.name,
                "-",
                "-",
                "-",
                str(b.target or "-"),
                "ERROR",
                f"{type(e).__name__}: {e}",
                failed=True,
            )
        ]
    return [_row(b, m) for m in measured]


def _row(b: Benchmark, m: Measurement) -> Row:
    target = b.target if not m.label else None
    if target is None:
        result, failed = "info", False
    else:
        failed = not target.met(m)
        result = "FAIL" if failed else "pass"
    name = f"{b.name}: {m.label}" if m.label else b.name
    if m.unit == "MiB":  # memory: the ratio column gives the difference
        ours, baseline, ratio = (
            f"{m.ours:.1f} MiB",
            f"{m.baseline:.1f} MiB",
            f"{m.ours - m.baseline:+.1f} MiB",
        )
    else:
        ours, baseline, ratio = f"{m.ours:.3f} s", f"{m.baseline:.3f} s", f"{m.ratio:.2f}x"
    return Row(
        name,
        ours,
        baseline,
        ratio,
        str(target or "-"),
        result,
        m.note,
        failed,
    )


HEADER = ("benchmark", "ours", "baseline", "ratio", "target", "result")


def _cells(r: Row) -> tuple[str, ...]:
    return r.name, r.ours, r.baseline, r.ratio, r.target, r.result


def text_table(rows: list[Row]) -> str:
    table = [HEADER, *map(_cells, rows)]
    widths = [max(len(line[i]) for line in table) for i in range(len(HEADER))]
    return "\n".join(
        "  ".join(
            c.ljust(w) if i == 0 else c.rjust(w)
            for i, (c, w) in enumerate(zip(line, widths, strict=True))
        ).rstrip()
        for line in table
    )


def markdown(rows: list[Row], ctx: Context) -> str:
    lines = [
        f"Measured {datetime.date.today().isoformat()} with "
        f"`python tests/bench/run.py --write-docs` ({ctx.customers:,} demo customers) on:",
        "",
        machine(),
        "",
        "| " + " | ".join(HEADER) + " |",
        "|" + "---|" * len(HEADER),
        *("| " + " | ".join(_cells(r)) + " |" for r in rows),
        "",
        *(f"- {r.name}: {r.note}" for r in rows if r.note),
    ]
    return "\n".join(lines)


def machine() -> str:
    try:
        cpus = len(os.sched_getaffinity(0))  # what nproc prints
    except AttributeError:
        cpus = os.cpu_count() or 0
    model = _proc_field("/proc/cpuinfo", "model name")
    mem = _proc_field("/proc/meminfo", "MemTotal")
    ram = f"{int(mem.split()[0]) / 1048576:.1f} GiB RAM" if mem else "RAM unknown"
    import PySide6

    return (
        f"{platform.system()} {platform.machine()}, {cpus} CPUs"
        f"{f' ({model})' if model else ''}, {ram}, Python {platform.python_version()}, "
        f"PySide6 {PySide6.__version__}"
    )


def _proc_field(path: str, key: str) -> str:
    try:
        text = Path(path).read_text()
    except OSError:
        return ""
    m = re.search(rf"^{key}\s*:\s*(.+)$", text, re.M)
    return m.group(1).strip() if m else ""


def write_docs(section: str) -> None:
    text = DOCS.read_text(encoding="utf-8")
    start, end = text.find(BEGIN), text.find(END)
    if start < 0 or end < start:
        raise SystemExit(f"{DOCS}: no {BEGIN} … {END} section to fill")
    DOCS.write_text(
        text[: start + len(BEGIN)] + "\n" + section + "\n" + text[end:], encoding="utf-8"
    )
    print(f"wrote {DOCS}", file=sys.stderr)


def main(argv: list[str] | None = None) -> int:
    load()
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--only",
        nargs="+",
        metavar="NAME",
        choices=sorted(REGISTRY),
        help=f"run only these ({', '.join(sorted(REGISTRY))})",
    )
    parser.add_argument(
        "--customers",
        type=int,
        default=100_000,
        metavar="N",
        help="demo customers in the data folder under test (default 100000)",
    )
    parser.add_argument(
        "--repeat",
        type=int,
        metavar="N",
        help="rounds per benchmark (default: each benchmark's own)",
    )
    parser.add_argument(
        "--cache",
        type=Path,
        metavar="DIR",
        default=Path(tempfile.gettempdir()) / "shopdesk-bench",
        help="where demo data folders are kept between runs (default %(default)s)",
    )
    parser.add_argument(
        "--write-docs",
        action="store_true",
        help=f"put the table into {DOCS.relative_to(HERE.parent.parent)}",
    )
    parser.add_argument("--list", action="store_true", help="list the benchmarks and exit")
    args = parser.parse_args(argv)
    if args.list:
        for b in REGISTRY.values():
            print(f"{b.name} (target {b.target or 'none'}): {b.doc}")
        return 0
    if args.write_docs and args.only:
        parser.error("--write-docs records a full run; leave out --only")

    args.cache.mkdir(parents=True, exist_ok=True)
    ctx = Context(customers=args.customers, cache=args.cache, repeat=args.repeat)
    rows = [r for name in (args.only or REGISTRY) for r in rows_for(REGISTRY[name], ctx)]
    print(text_table(rows))
    for r in rows:
        if r.note:
            print(f"  {r.name}: {r.note}")
    if args.write_docs:
        write_docs(markdown(rows, ctx))
    return 1 if any(r.failed for r in rows) else 0


if __name__ == "__main__":
    sys.exit(main())
