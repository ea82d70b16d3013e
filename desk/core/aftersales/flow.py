"""The status flow of a case: which moves are offered, and making one.

new → handling → awaiting_return (the buyer sends it back) → returning (on its
way) → received → processing (refund, reissue or repair under way) → done;
or rejected / closed. A finished case (done, rejected, closed) can be
reopened: it goes back to handling.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from desk.core import changes, settings, timeutil, versions
from desk.core.aftersales import deadlines, service
from desk.core.aftersales.models import CASE_STATUSES, Case, CaseEvent, DeadlineRule
from desk.core.base import database
from desk.core.customers import followups
from desk.core.customers.figures import recompute_figures
from desk.core.errors import QT_TRANSLATE_NOOP, UserError

# status -> the statuses a case can move to from it, in the order buttons show them
TRANSITIONS: dict[str, tuple[str, ...]] = {
    "new": ("handling", "awaiting_return", "processing", "rejected", "closed"),
    "handling": ("awaiting_return", "processing", "done", "rejected", "closed"),
    "awaiting_return": ("returning", "handling", "closed"),
    "returning": ("received", "handling"),
    "received": ("processing", "done", "handling", "rejected"),
    "processing": ("done", "handling"),
    "done": ("handling",),
    "rejected": ("handling", "closed"),
    "closed": ("handling",),
}
FINISHED = ("done", "rejected", "closed")
CLOSING = ("done", "closed")  # these set closed_at
REOPEN_TO = "handling"

DEFAULT_FOLLOWUP_AFTER = timedelta(days=1)


def offered(status: str) -> tuple[str, ...]:
    """The statuses a case in `status` can move to."""
    return TRANSITIONS.get(status, ())


def is_reopening(old: str, new: str) -> bool:
    return old in FINISHED and new not in FINISHED


def _at(value: datetime | None, case: Case) -> datetime:
    if value is None:
        at = timeutil.now()
    elif not isinstance(value, datetime) or value.tzinfo is None:
        raise ValueError("the time of a status change must be an aware datetime")
    else:
        at = value.replace(microsecond=0)
    if at < case.status_changed_at:
        raise UserError(QT_TRANSLATE_NOOP(
            "UserError", "A status change cannot be dated before the case's last change."))
    return at


def _move(case: Case, new_status: str, handler: str, comment: str, at: datetime | None) -> int:
    """Validate and make one move inside the caller's write; returns the event id."""
    if new_status not in CASE_STATUSES:
        raise UserError(QT_TRANSLATE_NOOP("UserError", "Choose the case's new status."))
    if new_status == case.status:
        raise UserError(QT_TRANSLATE_NOOP("UserError", "The case already has this status."))
    if new_status not in offered(case.status):
        raise UserError(QT_TRANSLATE_NOOP(
            "UserError", "A case cannot go straight to that status from the one it has now."))
    when = _at(at, case)
    who = handler or settings.get("handler") or case.handler
    values: dict = {"status": new_status, "status_changed_at": when, "updated_at": timeutil.now()}
    if case.first_response_at is None and case.status == "new":
        values["first_response_at"] = when
    if new_status in CLOSING:
        values["closed_at"] = when
    elif case.closed_at is not None:
        values["closed_at"] = None  # reopened
    if not case.handler and who:
        values["handler"] = who
    Case.update(**values).where(Case.id == case.id).execute()
    event = CaseEvent.create(case=case.id, at=when, kind="status", old_status=case.status,
                             new_status=new_status, handler=who, comment=comment,
                             staff=versions.staff())
    deadlines.refresh([case.id])
    recompute_figures([case.customer_id])
    return event.id


def change_status(case_id: int, new_status: str, handler: str = "", comment: str = "",
                  at: datetime | None = None) -> int:
    """Move a case to another status (only the moves TRANSITIONS offers); the
    change is logged on the case's timeline and its next deadline computed
    again. `handler` defaults to the settings' handler; `at` (default now) may
    backdate the change, never before the previous one. Returns the event id."""
    who, note = service.clean_handler(handler), service.clean_comment(comment)
    with changes.write(database) as pending:
        case = service.live_case(case_id)
        event_id = _move(case, new_status, who, note, at)
        pending.add("case", [case.id])
        pending.add("customer", [case.customer_id])
    return event_id


def settle(case_id: int, handler: str = "", comment: str = "",
           refund_fen: int | str | None = None, compensation_fen: int | str | None = None,
           followup_title: str | None = None, followup_due: datetime | None = None,
           at: datetime | None = None) -> int | None:
    """Finish a case (status done) with its final amounts, and optionally put a
    follow-up on the customer ("ask the buyer to revise the review"), due at
    `followup_due` or a day after settling, never after the platform's window
    for revising a review. All or nothing; returns the follow-up's id, if any."""
    who, note = service.clean_handler(handler), service.clean_comment(comment)
    amounts = {}
    if refund_fen is not None:
        amounts["refund_fen"] = service.fen(refund_fen)
    if compensation_fen is not None:
        amounts["compensation_fen"] = service.fen(compensation_fen)
    with changes.write(database) as pending:
        case = service.live_case(case_id)
        if "done" not in offered(case.status):
            raise UserError(QT_TRANSLATE_NOOP(
                "UserError", "This case cannot be settled from the status it has now."))
        if amounts:
            service.update_case(case.id, **amounts)
            case = service.live_case(case_id)
        _move(case, "done", who, note, at)
        followup_id = None
        if followup_title is not None:
            done_at = Case.get_by_id(case.id).status_changed_at
            due = followup_due or min(done_at + DEFAULT_FOLLOWUP_AFTER,
                                      _review_window_end(case.platform, done_at))
            followup_id = followups.add(case.customer_id, followup_title, due, case_id=case.id)
        pending.add("case", [case.id])
        pending.add("customer", [case.customer_id])
    return followup_id


def _review_window_end(platform: str, done_at: datetime) -> datetime:
    rule = DeadlineRule.get_or_none(DeadlineRule.platform == platform,
                                    DeadlineRule.key == "review_revise", DeadlineRule.active)
    if rule is None:
        return done_at + DEFAULT_FOLLOWUP_AFTER
    return done_at + timedelta(hours=rule.hours)
