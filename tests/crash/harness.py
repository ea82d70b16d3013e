"""Crash harness: a child process writes through ShopDesk's core (writer.py)
and is killed with SIGKILL at a random moment, again and again on the same
data folder. After every kill, `shopdesk check` must pass and every
transaction the child reported as committed must be in the database.

    python tests/crash/harness.py [--cycles 100] [--seed 1] [--max-wait 0.6] [--keep DIR]

Prints the figures (cycles, committed transactions seen, lost ones) and exits
1 when anything was lost or a check failed.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import os
import random
import signal
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
WRITER = Path(__file__).with_name("writer.py")
SEQ_PER_CYCLE = 1_000_000

# kind -> (query for the row's text, what it must be for `token`)
_EXPECT = {
    "customer": ("SELECT nickname FROM customer WHERE id = ?", "c-{token}"),
    "note": ("SELECT body FROM note WHERE id = ?", "note {token}"),
    "bulk": ("SELECT body FROM note WHERE id = ?", "note {token}"),
    "followup": ("SELECT title FROM followup WHERE id = ?", "fu {token}"),
    "import": ("SELECT body FROM reply WHERE id = ?", "imp {token}"),
}


@dataclass
class Figures:
    cycles: int = 0
    committed: int = 0  # transactions reported committed, over all cycles
    lost: list[str] = field(default_factory=list)  # reported committed, not found
    failed_checks: list[str] = field(default_factory=list)
    locked_out: int = 0  # starts refused by a lock left by a killed child

    @property
    def ok(self) -> bool:
        return not (self.lost or self.failed_checks or self.locked_out)


def _seq(token: str) -> int:
    return int(token[1:].split("-")[0])


def missing(db_path: Path, reported: list[str]) -> list[str]:
    """The reported lines whose transaction is not in the database."""
    conn = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    lost = []
    try:
        newest_edit: dict[int, int] = {}
        for line in reported:
            kind, row_id, token = line.split(" ")
            rid = int(row_id)
            if kind in _EXPECT:
                sql, expected = _EXPECT[kind]
                row = conn.execute(sql, (rid,)).fetchone()
                if row is None or row[0] != expected.format(token=token):
                    lost.append(line)
            elif kind == "case":
                if conn.execute("SELECT 1 FROM aftersales_case WHERE id = ?", (rid,)).fetchone() is None:
                    lost.append(line)
            elif kind == "status":
                if conn.execute("SELECT 1 FROM case_event WHERE case_id = ? AND comment = ?",
                                (rid, token)).fetchone() is None:
                    lost.append(line)
            elif kind == "edit":
                newest_edit[rid] = max(newest_edit.get(rid, 0), _seq(token))
            else:
                raise ValueError(f"unknown line from the writer: {line!r}")
        for rid, seq in newest_edit.items():
            # a later edit (perhaps committed but not yet reported) may have replaced it
            row = conn.execute("SELECT real_name FROM customer WHERE id = ?", (rid,)).fetchone()
            if row is None or not row[0].startswith("t") or _seq(row[0]) < seq:
                lost.append(f"edit {rid} t{seq}")
    finally:
        conn.close()
    return lost


def shopdesk_check(root: Path) -> tuple[int, str]:
    """`shopdesk check` on the data folder, in this process; (exit code, output)."""
    from desk.cli import main

    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(["--data-dir", str(root), "check"])
    return code, out.getvalue() + err.getvalue()


def _drain(stream, into: list[str]) -> None:
    for line in stream:
        into.append(line)


def one_cycle(root: Path, cycle: int, rng: random.Random, max_wait: float, figures: Figures) -> None:
    env = {k: v for k, v in os.environ.items() if k != "SHOPDESK_DATA_DIR"}
    proc = subprocess.Popen(
        [sys.executable, str(WRITER), str(root), str(cycle * SEQ_PER_CYCLE), str(rng.randrange(1 << 30))],
        cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    lines: list[str] = []
    reader = threading.Thread(target=_drain, args=(proc.stdout, lines), daemon=True)
    reader.start()
    try:
        deadline = time.monotonic() + 60
        while not lines and proc.poll() is None and time.monotonic() < deadline:
            time.sleep(0.005)
        if lines and lines[0] == "locked\n":
            figures.locked_out += 1
        elif not lines or lines[0] != "ready\n":
            raise RuntimeError(f"the writer did not start: {proc.stderr.read() if proc.poll() is not None else ''}")
        time.sleep(rng.uniform(0.0, max_wait))
    finally:
        if proc.poll() is None:
            os.kill(proc.pid, signal.SIGKILL)
        proc.wait(30)
        reader.join(30)
        proc.stdout.close()
        stderr = proc.stderr.read()
        proc.stderr.close()
    if proc.returncode not in (-signal.SIGKILL, 3):
        raise RuntimeError(f"the writer stopped by itself ({proc.returncode}):\n{stderr[-3000:]}")
    # a line cut off by the kill was never fully reported
    reported = [line.rstrip("\n") for line in lines[1:] if line.endswith("\n")]
    figures.cycles += 1
    figures.committed += len(reported)
    code, output = shopdesk_check(root)
    if code != 0:
        figures.failed_checks.append(f"cycle {cycle}: {output.strip()}")
    figures.lost += missing(root / "shopdesk.sqlite3", reported)


def run(root: Path, cycles: int, seed: int = 1, max_wait: float = 0.6, progress=None) -> Figures:
    rng = random.Random(seed)
    figures = Figures()
    for cycle in range(cycles):
        one_cycle(root, cycle, rng, max_wait, figures)
        if progress:
            progress(cycle + 1, figures)
    return figures


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cycles", type=int, default=100)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--max-wait", type=float, default=0.6, help="longest run before the kill, seconds")
    parser.add_argument("--keep", metavar="DIR", help="data folder to use (and keep); default: a temporary one")
    args = parser.parse_args(argv)

    def progress(done: int, f: Figures) -> None:
        print(f"\rcycle {done}/{args.cycles}: {f.committed} committed, {len(f.lost)} lost",
              end="", file=sys.stderr, flush=True)

    started = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(args.keep) if args.keep else Path(tmp) / "shop"
        figures = run(root, args.cycles, args.seed, args.max_wait, progress)
    print(file=sys.stderr)
    print(f"kill cycles: {figures.cycles}")
    print(f"transactions reported committed: {figures.committed}")
    print(f"committed transactions lost: {len(figures.lost)}")
    print(f"failed `shopdesk check`: {len(figures.failed_checks)}")
    print(f"starts blocked by a stale lock: {figures.locked_out}")
    print(f"time: {time.perf_counter() - started:.0f} s")
    for line in figures.lost[:20] + figures.failed_checks[:20]:
        print(f"  {line}")
    return 0 if figures.ok else 1


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    sys.exit(main())
