"""Log files under the data folder's logs/, rotated so they never grow without end.

What is logged: events and tracebacks, never phone numbers, addresses or
note text (messages name rows by id).
"""

from __future__ import annotations

import logging
import logging.handlers
from pathlib import Path

LOG_NAME = "shopdesk.log"


def setup(logs_dir: Path, level: int = logging.INFO) -> Path:
    path = logs_dir / LOG_NAME
    root = logging.getLogger()
    for h in list(root.handlers):
        if getattr(h, "_shopdesk", False):
            root.removeHandler(h)
            h.close()
    handler = logging.handlers.RotatingFileHandler(path, maxBytes=1_000_000, backupCount=5, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    handler._shopdesk = True
    root.addHandler(handler)
    root.setLevel(level)
    return path
