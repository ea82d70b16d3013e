"""The checked backup taken before a risky change (an import), for a local
shop and for a seat of a shop on a server alike."""

from __future__ import annotations

from pathlib import Path

from desk.core import backup
from desk.core.paths import DataDir


def before(reason: str, data: DataDir | None = None) -> Path:
    """A checked backup before a risky change (`before("import")`); the caller
    goes ahead only when this returns. On a team seat it is an export of the
    server shop into the seat's backups/ (the format a local backup has)."""
    data = data or backup.data_dir()
    if (data.root / "team.json").exists():  # a seat of a shop on a server
        from desk.core import team_backup

        return team_backup.take(data, reason)
    return backup.backup_now(data, reason)
