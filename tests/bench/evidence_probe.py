"""Attach photos through the evidence panel in a fresh process and watch the
event loop: the longest gap between ticks of a 10 ms QTimer while the photos
are added and their thumbnails made, against the same timer with no work.

    python evidence_probe.py DATA_DIR PHOTO ...

DATA_DIR is a data folder of its own (a copy made for this run: the photos
are stored in its photos/ folder) whose database has a live case; the
first case is used. The probe builds an EvidencePanel on it, shows it, lets
the timer tick idle for IDLE_S (the baseline), then calls
`panel.add_sources(photos)` (what the Add button does after its file dialog)
and runs until the add is done and every photo's thumbnail is showing in the
list. Nothing in desk/ knows about this.

Prints one line: `BENCH_RESULT <json>` with seconds: `idle_gap` and
`busy_gap` (the longest tick gaps), `busy_gap_at` (when it ended, from the
add), `added` (the add's result came back), `thumbs` (each photo's first
showing of its thumbnail, sorted), `done`, and the tick counts.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication

TICK_MS = 10
IDLE_S = 1.0
GIVE_UP_S = 120.0


class Ticks:
    """A 10 ms timer that remembers the longest gap between its ticks."""

    def __init__(self) -> None:
        self.timer = QTimer(interval=TICK_MS)
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.timeout.connect(self._tick)
        self.on_tick = None
        self.reset()

    def reset(self) -> None:
        self.last = time.perf_counter()
        self.longest, self.longest_at, self.count = 0.0, self.last, 0

    def _tick(self) -> None:
        now = time.perf_counter()
        gap = now - self.last
        if gap > self.longest:
            self.longest, self.longest_at = gap, now
        self.last = now
        self.count += 1
        if self.on_tick:
            self.on_tick(now)


def main() -> int:
    data = Path(sys.argv[1])
    sources = sys.argv[2:]

    from desk.core import db, settings
    from desk.core.base import database
    from desk.ui import i18n
    from desk.ui.aftersales.evidence import EvidencePanel

    app = QApplication(sys.argv[:1])
    db.open_database(data / "shopdesk.sqlite3", data / "backups")
    i18n.install(app, settings.get("language"))
    case_id = database.execute_sql(
        "SELECT id FROM aftersales_case WHERE deleted_at IS NULL ORDER BY id LIMIT 1"
    ).fetchone()[0]

    panel = EvidencePanel(case_id)
    panel.resize(900, 600)
    panel.show()
    app.processEvents()

    ticks = Ticks()
    result: dict = {"photos": len(sources)}
    state: dict = {"t0": 0.0, "added": None, "shown": {}}

    def fail(why: str) -> None:
        print(why, file=sys.stderr, flush=True)
        ticks.timer.stop()
        app.exit(2)

    def idle_done() -> None:
        result["idle_gap"], result["idle_ticks"] = ticks.longest, ticks.count
        ticks.reset()
        ticks.on_tick = watch
        state["t0"] = time.perf_counter()
        if panel.add_sources(sources) is None:
            fail("the panel refused to add")

    def watch(now: float) -> None:
        if state["added"] is None and panel._adding is None:
            state["added"] = now
        loading = panel.loading_icon.cacheKey()
        for row in range(panel.list.count()):
            item = panel.list.item(row)
            if item.icon().cacheKey() != loading:
                state["shown"].setdefault(row, now)  # the n-th photo: placeholder or attached
        if (
            state["added"] is not None
            and panel.list.count() >= len(sources)
            and len(state["shown"]) >= len(sources)
            and panel.thumbnails_pending() == 0
        ):
            finish(now)
        elif now - state["t0"] > GIVE_UP_S:
            fail(f"not done after {GIVE_UP_S:.0f} s: {panel.status.text()!r}")

    def finish(now: float) -> None:
        ticks.timer.stop()
        ticks.on_tick = None
        t0 = state["t0"]
        result.update(
            busy_gap=ticks.longest,
            busy_gap_at=ticks.longest_at - t0,
            busy_ticks=ticks.count,
            added=state["added"] - t0,
            thumbs=sorted(t - t0 for t in state["shown"].values()),
            done=now - t0,
            listed=panel.list.count(),
            status=panel.status.text(),
        )
        app.quit()

    ticks.timer.start()
    QTimer.singleShot(int(IDLE_S * 1000), idle_done)
    if app.exec() != 0 or "done" not in result:
        raise SystemExit("the event loop ended early")
    print("BENCH_RESULT", json.dumps(result), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
