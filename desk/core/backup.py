"""Backups of the database with SQLite's online backup API."""

from __future__ import annotations

import time
from pathlib import Path

from desk.core import db
from desk.core.base import database
from desk.core.errors import QT_TRANSLATE_NOOP, UserError
from desk.core.paths import DataDir


def backup_now(data: DataDir, reason: str = "manual") -> Path:
    """Write a checked copy of the database into backups/ and return its path."""
    stamp = time.strftime("%Y%m%d-%H%M%S")
    target = data.backups / f"shopdesk-{stamp}-{reason}.sqlite3"
    n = 1
    while target.exists():
        n += 1
        target = data.backups / f"shopdesk-{stamp}-{reason}-{n}.sqlite3"
    try:
        db.backup_to(database.connection(), target)
    except OSError as e:
        raise UserError(QT_TRANSLATE_NOOP("UserError", "The backup could not be written to {folder}: {reason}."),
                        folder=data.backups, reason=e.strerror or e) from e
    problems = db.integrity_problems(target)
    if problems:
        target.unlink(missing_ok=True)
        raise UserError(QT_TRANSLATE_NOOP(
            "UserError", "The backup failed its check and was removed; the database itself is unchanged."))
    return target
