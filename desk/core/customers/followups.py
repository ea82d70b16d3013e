"""Follow-ups: tasks with a due time on a customer."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from desk.core import changes, timeutil
from desk.core.aftersales.models import Case
from desk.core.base import database
from desk.core.customers import fields
from desk.core.customers.listing import FOLLOWUPS_DUE, due_by
from desk.core.customers.models import Customer, Followup
from desk.core.customers.service import live_customer
from desk.core.errors import QT_TRANSLATE_NOOP, UserError

TITLE_MAX = 200


def due_count(moment: datetime) -> int:
    """Open follow-ups due by `moment`, overdue included (the Today badge)."""
    return FOLLOWUPS_DUE.count([due_by(moment)])


def _title(value: object) -> str:
    return fields.line(
        value, TITLE_MAX, required=QT_TRANSLATE_NOOP("UserError", "Say what to follow up."),
        too_long=QT_TRANSLATE_NOOP("UserError", "A follow-up can be at most {limit} characters "
                                   "(this one has {length})."))


def _due(value: object) -> datetime:
    if not isinstance(value, datetime) or value.tzinfo is None:
        # a programming error, not the user's: the form always attaches the local zone
        raise ValueError("due time must be an aware datetime")
    return value.replace(microsecond=0)


def _existing(followup_ids: Iterable[int]) -> tuple[list[int], set[int]]:
    """The ids, and the customers they belong to; refuses when any is gone."""
    ids = fields.id_list(followup_ids)
    rows = list(Followup.select(Followup.id, Followup.customer).where(Followup.id.in_(ids)))
    if len(rows) != len(ids):
        raise UserError(QT_TRANSLATE_NOOP(
            "UserError", "Some of these follow-ups no longer exist; nothing was changed."))
    return ids, {r.customer_id for r in rows}


def add(customer_id: int, title: str, due_at: datetime, case_id: int | None = None) -> int:
    clean, due = _title(title), _due(due_at)
    with changes.write(database) as pending:
        live_customer(customer_id)
        if case_id is not None and not Case.select().where(
                Case.id == case_id, Case.customer == customer_id).exists():
            raise UserError(QT_TRANSLATE_NOOP("UserError", "That after-sales case is not one of this "
                                              "customer's."))
        followup = Followup.create(customer=customer_id, title=clean, due_at=due, case_id=case_id)
        pending.add("followup", [followup.id])
        pending.add("customer", [customer_id])
    return followup.id


def set_done(followup_ids: Iterable[int], done: bool = True) -> int:
    """Mark follow-ups done (or not done again); returns how many changed."""
    with changes.write(database) as pending:
        ids, customers = _existing(followup_ids)
        now = timeutil.now()
        n = (Followup.update(done_at=now if done else None, updated_at=now)
             .where(Followup.id.in_(ids)).execute())
        pending.add("followup", ids)
        pending.add("customer", customers)
    return n


mark_done = set_done  # the name the Today page uses


def _move(followup_ids: Iterable[int], due: datetime, title: str | None = None) -> int:
    values: dict = {"due_at": due, "notified_at": None}  # due again: notify again
    if title is not None:
        values["title"] = title
    with changes.write(database) as pending:
        ids, customers = _existing(followup_ids)
        n = (Followup.update(**values, updated_at=timeutil.now())
             .where(Followup.id.in_(ids)).execute())
        pending.add("followup", ids)
        pending.add("customer", customers)
    return n


def snooze(followup_ids: Iterable[int], until: datetime) -> int:
    """Put follow-ups off until a later time (they stay open)."""
    due = _due(until)
    if due <= timeutil.now():
        raise UserError(QT_TRANSLATE_NOOP("UserError", "Snooze until a time in the future."))
    return _move(followup_ids, due)


def reschedule(followup_id: int, due_at: datetime, title: str | None = None) -> None:
    """Give one follow-up a new due time (any time, past ones too) and optionally a new title."""
    _move([followup_id], _due(due_at), None if title is None else _title(title))


def delete(followup_ids: Iterable[int]) -> int:
    with changes.write(database) as pending:
        ids, customers = _existing(followup_ids)
        n = Followup.delete().where(Followup.id.in_(ids)).execute()
        pending.add("followup", ids)
        pending.add("customer", customers)
    return n


@dataclass(frozen=True)
class DueNotice:
    followup_id: int
    title: str
    nickname: str


def take_newly_due(moment: datetime) -> list[DueNotice]:
    """Open follow-ups that have fallen due by `moment` and were not announced
    yet; marks them announced, so each is announced once (until snoozed)."""
    query = (Followup.select(Followup.id, Followup.title, Customer.nickname)
             .join(Customer)
             .where(Followup.done_at.is_null(), Followup.notified_at.is_null(),
                    Followup.due_at <= moment, Customer.deleted_at.is_null())
             .order_by(Followup.due_at)
             .tuples())
    with changes.write(database):
        notices = [DueNotice(fid, title, nick) for fid, title, nick in query]
        if notices:
            Followup.update(notified_at=timeutil.now()).where(
                Followup.id.in_([n.followup_id for n in notices])).execute()
    return notices
