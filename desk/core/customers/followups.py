"""Follow-ups: tasks with a due time on a customer."""

from __future__ import annotations

from datetime import datetime

from desk.core import changes, timeutil
from desk.core.base import database
from desk.core.customers.listing import FOLLOWUPS_DUE, due_by
from desk.core.customers.models import Followup
from desk.core.errors import UserError


def due_count(moment: datetime) -> int:
    """Open follow-ups due by `moment`, overdue included (the Today badge)."""
    return FOLLOWUPS_DUE.count([due_by(moment)])


def mark_done(followup_id: int, done: bool = True) -> None:
    with changes.write(database) as pending:
        row = Followup.get_or_none(Followup.id == followup_id)
        if row is None:
            raise UserError("This follow-up no longer exists.")
        row.done_at = timeutil.now() if done else None
        row.save()
        pending.add("followup", [followup_id])
