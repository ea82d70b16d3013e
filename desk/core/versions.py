"""Who changed a row, and refusing a save over a change made since it was read.

Every row a person edits carries `version` and `updated_by` (migration 0008).
A save through core calls `claim()` inside its transaction: one
`UPDATE … SET version = version + 1 WHERE id = ? AND version = ?`. When another
seat (or another window) saved the row after this one read it, no row matches
and the save is refused with a `Conflict` naming who changed it and when, so a
change is never lost silently. The caller may then reload (show theirs) or
save again with the version the conflict carries (overwrite: mine over theirs).

A write that does not come from something a person read (an import, a bulk
action, an undo) passes no version: it still bumps it, so an open form that
read the row before is told. The same SQL runs on SQLite and PostgreSQL.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from desk.core import settings, timeutil
from desk.core.base import Stamped
from desk.core.errors import QT_TRANSLATE_NOOP, UserError


def staff() -> str:
    """The staff name of this seat (Settings > Your name), '' when not set."""
    return settings.get("handler")


def _clock(at: datetime, now: datetime | None = None) -> str:
    """14:02 today, else 2026-12-01 14:02 (local time)."""
    local = at.astimezone()
    today = (now or timeutil.now()).astimezone().date()
    return local.strftime("%H:%M") if local.date() == today else local.strftime("%Y-%m-%d %H:%M")


class Conflict(UserError):
    """The row was saved elsewhere after it was read: `by` (staff name, maybe
    '') at `at`; `version` is the row's version now (save with it to overwrite)."""

    def __init__(self, table: str, row_id: int, by: str, at: datetime, version: int) -> None:
        self.table = table
        self.row_id = row_id
        self.by = by
        self.at = at
        self.version = version
        if by:
            super().__init__(QT_TRANSLATE_NOOP(
                "UserError", "This was changed by {staff} at {time} after you opened it."),
                staff=by, time=_clock(at))
        else:
            super().__init__(QT_TRANSLATE_NOOP(
                "UserError", "This was changed at {time} (on another desk or window) after you "
                "opened it."), time=_clock(at))


def claim(model: type[Stamped], row_id: int, expected: int | None = None) -> int:
    """Bump the row's version and record this seat as the one who saved it,
    inside the caller's transaction; with `expected`, only if the row is still
    at that version, else raise `Conflict`. Returns the new version."""
    who = staff()
    query = (model.update(version=model.version + 1, updated_by=who, updated_at=timeutil.now())
             .where(model.id == row_id))
    if expected is not None:
        query = query.where(model.version == expected)
    if query.execute():
        if expected is not None:
            return expected + 1
        return model.select(model.version).where(model.id == row_id).scalar()
    row = (model.select(model.version, model.updated_by, model.updated_at)
           .where(model.id == row_id).first())
    if row is None:
        raise UserError(QT_TRANSLATE_NOOP("UserError", "This was deleted meanwhile (on another "
                                          "desk or window); nothing was saved."))
    raise Conflict(model._meta.table_name, row_id, row.updated_by, row.updated_at, row.version)


def bump(model: type[Stamped], ids: Iterable[int]) -> None:
    """Bump the version of rows a bulk action changed (no check: nobody read
    them one by one), so forms open on them are told on their next save."""
    ids = list(ids)
    if ids:
        (model.update(version=model.version + 1, updated_by=staff(), updated_at=timeutil.now())
         .where(model.id.in_(ids)).execute())


def version_of(model: type[Stamped], row_id: int) -> int:
    """The row's version now (0 when it is gone)."""
    return model.select(model.version).where(model.id == row_id).scalar() or 0
