"""What belongs to one seat rather than to the shop.

A local shop keeps everything in its database. A team shop's database is
shared by every seat, but the person at a desk (the staff name every case
event, note and follow-up records), the UI language and the window's layout
are that desk's own: in team mode they are kept in the data folder's
`seat.json` instead (settings' `seat` options, uistate's `seat` keys).
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

from desk.core import files

SEAT_FILE = "seat.json"
# "yes": this seat takes the team shop's scheduled backups (desk/core/team_backup.py);
# `team init` gives the role to the seat that made the shop
TAKES_BACKUPS = "takes_backups"


def folder() -> Path | None:
    """The data folder of this seat when its shop is on a server; None for a
    local shop (and before any shop is open)."""
    base = sys.modules.get("desk.core.base")  # not loaded yet: a local start
    if base is None:
        return None
    db = base.database.obj
    root = getattr(db, "data_root", None)
    if root is None or not getattr(db, "is_server", False):
        return None
    return Path(root)


def _read(root: Path) -> dict[str, str]:
    try:
        data = json.loads((root / SEAT_FILE).read_text("utf-8"))
    except (OSError, ValueError):
        return {}  # never written, or damaged by hand: the defaults
    return {k: v for k, v in data.items() if isinstance(k, str) and isinstance(v, str)} \
        if isinstance(data, dict) else {}


def get(root: Path, key: str) -> str | None:
    return _read(root).get(key)


def put(root: Path, values: dict[str, str]) -> None:
    """Store `values` (stored texts by key) beside the others, replacing the
    file in one step (a power cut leaves the old file or the new one)."""
    data = _read(root)
    data.update(values)
    target = root / SEAT_FILE
    part = target.with_name(SEAT_FILE + ".part")
    with open(part, "w", encoding="utf-8") as f:
        json.dump(data, f, ensure_ascii=False, indent=1, sort_keys=True)
        f.flush()
        os.fsync(f.fileno())
    os.replace(part, target)
    files.sync_folder(root)
