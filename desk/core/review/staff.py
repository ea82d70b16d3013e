"""The review's figures per staff member: who handled and closed cases, did
follow-ups and wrote notes in the period (the staff names recorded since
migration 0008; earlier work has no name and counts under '').

- cases handled: cases with at least one entry by them on the timeline in the
  period (a status change, a remark, a shipping-payer override; opening one);
- cases closed: cases they moved to done or closed in the period;
- follow-ups done: follow-ups they marked done in the period;
- notes written: notes they wrote in the period (not in the trash).

Trashed customers and cases are left out, as everywhere in the review.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from desk.core.aftersales.flow import CLOSING
from desk.core.base import database
from desk.core.errors import QT_TRANSLATE_NOOP

COLUMNS = ("cases_handled", "cases_closed", "followups_done", "notes_written")
COLUMN_NAMES = {  # translated in context "Review"
    "staff": QT_TRANSLATE_NOOP("Review", "Staff"),
    "cases_handled": QT_TRANSLATE_NOOP("Review", "Cases handled"),
    "cases_closed": QT_TRANSLATE_NOOP("Review", "Cases closed"),
    "followups_done": QT_TRANSLATE_NOOP("Review", "Follow-ups done"),
    "notes_written": QT_TRANSLATE_NOOP("Review", "Notes written"),
}
NO_NAME = QT_TRANSLATE_NOOP("Review", "(no name)")
TITLE = QT_TRANSLATE_NOOP("Review", "By staff")


@dataclass(frozen=True)
class StaffRow:
    staff: str  # '' for work recorded without a name
    cases_handled: int
    cases_closed: int
    followups_done: int
    notes_written: int

    @property
    def total(self) -> int:
        return self.cases_handled + self.cases_closed + self.followups_done + self.notes_written


def by_staff(start: int, end: int, platform: str = "") -> list[StaffRow]:
    """Per staff name, over [start, end) in epoch seconds; the busiest first."""
    case_platform = " AND a.platform = ?" if platform else ""
    extra = (platform,) if platform else ()
    # the buyers left out: the few in the trash (a set probed per row, cheaper
    # than a join per note), and with a platform, those of the others
    left_out = ("(SELECT id FROM customer WHERE deleted_at IS NOT NULL OR platform <> ?)" if platform
                else "(SELECT id FROM customer WHERE deleted_at IS NOT NULL)")
    counts: dict[str, dict[str, int]] = defaultdict(lambda: dict.fromkeys(COLUMNS, 0))
    live_case = ("JOIN aftersales_case a ON a.id = e.case_id JOIN customer c ON c.id = a.customer_id"
                 " WHERE a.deleted_at IS NULL AND c.deleted_at IS NULL AND e.at >= ? AND e.at < ?")
    closing = ", ".join("?" * len(CLOSING))
    queries = (
        ("cases_handled", f"SELECT e.staff, count(DISTINCT e.case_id) FROM case_event e {live_case}"
                          f"{case_platform} GROUP BY e.staff", (start, end, *extra)),
        ("cases_closed", f"SELECT e.staff, count(DISTINCT e.case_id) FROM case_event e {live_case}"
                         f" AND e.kind = 'status' AND e.new_status IN ({closing}){case_platform}"
                         f" GROUP BY e.staff", (start, end, *CLOSING, *extra)),
        ("followups_done", "SELECT f.done_by, count(*) FROM followup f WHERE f.done_at >= ?"
                           f" AND f.done_at < ? AND f.customer_id NOT IN {left_out}"
                           " GROUP BY f.done_by", (start, end, *extra)),
        ("notes_written", "SELECT n.staff, count(*) FROM note n WHERE n.created_at >= ?"
                          f" AND n.created_at < ? AND n.deleted_at IS NULL AND n.customer_id NOT IN"
                          f" {left_out} GROUP BY n.staff", (start, end, *extra)),
    )
    for column, sql, params in queries:
        for name, n in database.execute_sql(sql, params):
            counts[name or ""][column] = n
    rows = [StaffRow(name, **values) for name, values in counts.items()]
    return sorted(rows, key=lambda r: (-r.total, r.staff == "", r.staff))
