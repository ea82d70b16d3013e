"""Tray notices for case deadlines: each coming deadline is announced once."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from desk.core import changes, timeutil
from desk.core.aftersales.deadlines import LABELS
from desk.core.base import database


@dataclass(frozen=True)
class CaseNotice:
    case_id: int
    case_no: str
    nickname: str
    deadline_at: datetime
    deadline_key: str

    @property
    def label(self) -> str:
        """English name of the deadline (translate it in context "Deadline")."""
        return LABELS.get(self.deadline_key, self.deadline_key)


def take_newly_due(moment: datetime, warn_hours: int) -> list[CaseNotice]:
    """Live cases whose next deadline falls within `warn_hours` of `moment`
    (overdue ones included) and was not announced yet, soonest first; marks
    each deadline announced. A case whose next deadline changes is announced
    again when the new one comes near."""
    limit = timeutil.to_epoch(moment + timedelta(hours=warn_hours))
    with changes.write(database):
        rows = database.execute_sql(
            "SELECT a.id, a.case_no, c.nickname, a.next_deadline_at, a.next_deadline_key"
            " FROM aftersales_case a JOIN customer c ON c.id = a.customer_id"
            " WHERE a.next_deadline_at <= ? AND a.deleted_at IS NULL AND c.deleted_at IS NULL"
            " AND a.notified_deadline_at IS NOT a.next_deadline_at"
            " ORDER BY a.next_deadline_at, a.id", (limit,)).fetchall()
        # Not a change anyone edits: no updated_at, and nothing for the lists to reload.
        for start in range(0, len(rows), 500):
            part = [r[0] for r in rows[start:start + 500]]
            database.execute_sql(
                "UPDATE aftersales_case SET notified_deadline_at = next_deadline_at"
                f" WHERE id IN ({','.join('?' * len(part))})", part)
    return [CaseNotice(r[0], r[1], r[2], timeutil.from_epoch(r[3]), r[4]) for r in rows]
