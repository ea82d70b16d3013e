"""Follow-ups: tasks with a due time on a customer."""

from __future__ import annotations

from datetime import datetime

from desk.core import changes, timeutil
from desk.core.base import database
from desk.core.customers.listing import FOLLOWUPS_DUE, due_by
from desk.core.customers.models import Followup
from desk.core.errors import QT_TRANSLATE_NOOP, UserError


def due_count(moment: datetime) -> int:
    """Open follow-ups due by `moment`, overdue included (the Today badge)."""
    return FOLLOWUPS_DUE.count([due_by(moment)])


def mark_done(followup_ids: list[int], done: bool = True) -> int:
    """Mark follow-ups done (or not done again); returns how many changed."""
    ids = list(followup_ids)
    with changes.write(database) as pending:
        n = (Followup.update(done_at=timeutil.now() if done else None, updated_at=timeutil.now())
             .where(Followup.id.in_(ids)).execute())
        if n != len(set(ids)):
            raise UserError(QT_TRANSLATE_NOOP(
                "UserError", "Some of these follow-ups no longer exist; nothing was changed."))
        pending.add("followup", ids)
    return n
