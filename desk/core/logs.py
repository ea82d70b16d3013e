"""Log files under the data folder's logs/, rotated so they never grow without end.

What is logged: events and tracebacks, never phone numbers, addresses or
note text (messages name rows by id).

Rotation happens at start-up (the log is moved aside once it passes 1 MB,
five old logs are kept): a desk app is started every day, and this keeps
logging.handlers (socket, pickle, ...) off the start-up path.
"""

from __future__ import annotations

import logging
from pathlib import Path

LOG_NAME = "shopdesk.log"
MAX_BYTES = 1_000_000
KEEP = 5


def rotate(path: Path) -> None:
    """shopdesk.log -> shopdesk.log.1 -> ... -> shopdesk.log.5 (dropped)."""
    try:
        if path.stat().st_size < MAX_BYTES:
            return
    except FileNotFoundError:
        return
    for n in range(KEEP - 1, 0, -1):
        older = path.with_name(f"{path.name}.{n}")
        if older.exists():
            older.replace(path.with_name(f"{path.name}.{n + 1}"))
    path.replace(path.with_name(f"{path.name}.1"))


class _LogFile(logging.FileHandler):
    """The log file. A record that cannot be written (a full disk, a folder
    made read-only) is dropped: logging's default prints a traceback on
    stderr for each one, on top of the message the app shows for the fault."""

    def handleError(self, record: logging.LogRecord) -> None:  # noqa: N802 - logging's name
        pass


def setup(logs_dir: Path, level: int = logging.INFO) -> Path:
    path = logs_dir / LOG_NAME
    try:
        rotate(path)
    except OSError:
        pass  # another process has it open (Windows): rotate next time
    root = logging.getLogger()
    for h in list(root.handlers):
        if getattr(h, "_shopdesk", False):
            root.removeHandler(h)
            h.close()
    handler = _LogFile(path, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    handler._shopdesk = True
    root.addHandler(handler)
    root.setLevel(level)
    # peewee logs every statement with its parameters (phone numbers, notes)
    # at DEBUG: never, whatever level the rest of the app logs at
    logging.getLogger("peewee").setLevel(max(level, logging.INFO))
    return path
