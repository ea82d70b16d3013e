"""Follow-ups: tasks with a due time on a customer."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime

from desk.core import changes, timeutil, versions
from desk.core.aftersales.models import Case
from desk.core.base import database
from desk.core.customers import fields
from desk.core.customers.listing import FOLLOWUPS_DUE, due_by
from desk.core.customers.models import Customer, Followup
from desk.core.errors import QT_TRANSLATE_NOOP, UserError

TITLE_MAX = 200


def _live_customer(customer_id: int):
    # Imported when first needed: the Today page imports this module at start-up,
    # and the customer service module is not needed to list what is due.
    from desk.core.customers.service import live_customer

    return live_customer(customer_id)


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
        _live_customer(customer_id)
        if case_id is not None and not Case.select().where(
                Case.id == case_id, Case.customer == customer_id).exists():
            raise UserError(QT_TRANSLATE_NOOP("UserError", "That after-sales case is not one of this "
                                              "customer's."))
        followup = Followup.create(customer=customer_id, title=clean, due_at=due, case_id=case_id,
                                   staff=versions.staff())
        pending.add("followup", [followup.id])
        pending.add("customer", [customer_id])
    return followup.id


def set_done(followup_ids: Iterable[int], done: bool = True) -> int:
    """Mark follow-ups done (or not done again); returns how many changed."""
    with changes.write(database) as pending:
        ids, customers = _existing(followup_ids)
        now = timeutil.now()
        n = (Followup.update(done_at=now if done else None, done_by=versions.staff() if done else "",
                             updated_at=now)
             .where(Followup.id.in_(ids)).execute())
        versions.bump(Followup, ids)
        pending.add("followup", ids)
        pending.add("customer", customers)
    return n


mark_done = set_done  # the name the Today page uses


def _move(followup_ids: Iterable[int], due: datetime, title: str | None = None,
          version: int | None = None) -> int:
    values: dict = {"due_at": due, "notified_at": None}  # due again: notify again
    if title is not None:
        values["title"] = title
    with changes.write(database) as pending:
        ids, customers = _existing(followup_ids)
        if version is not None:
            versions.claim(Followup, ids[0], version)
        n = (Followup.update(**values, updated_at=timeutil.now())
             .where(Followup.id.in_(ids)).execute())
        if version is None:
            versions.bump(Followup, ids)
        pending.add("followup", ids)
        pending.add("customer", customers)
    return n


def snooze(followup_ids: Iterable[int], until: datetime) -> int:
    """Put follow-ups off until a later time (they stay open)."""
    due = _due(until)
    if due <= timeutil.now():
        raise UserError(QT_TRANSLATE_NOOP("UserError", "Snooze until a time in the future."))
    return _move(followup_ids, due)


def reschedule(followup_id: int, due_at: datetime, title: str | None = None,
               version: int | None = None) -> None:
    """Give one follow-up a new due time (any time, past ones too) and optionally a new title.
    With `version` (what the form read), a change saved meanwhile raises versions.Conflict."""
    _move([followup_id], _due(due_at), None if title is None else _title(title), version)


def delete(followup_ids: Iterable[int]) -> int:
    with changes.write(database) as pending:
        ids, customers = _existing(followup_ids)
        n = Followup.delete().where(Followup.id.in_(ids)).execute()
        pending.add("followup", ids)
        pending.add("customer", customers)
    return n


@dataclass(frozen=True)
class FollowupInfo:
    """One follow-up as plain data; also the snapshot that `restore_followups` puts back."""

    id: int
    customer_id: int
    case_id: int | None
    title: str
    due_at: datetime
    done_at: datetime | None
    notified_at: datetime | None
    created_at: datetime
    staff: str = ""  # who set it
    done_by: str = ""  # who marked it done
    version: int = field(default=0, compare=False)  # pass back to reschedule() (desk/core/versions.py)
    updated_by: str = field(default="", compare=False)

    @property
    def done(self) -> bool:
        return self.done_at is not None

    def overdue(self, moment: datetime) -> bool:
        return self.done_at is None and self.due_at <= moment


def _info(f: Followup) -> FollowupInfo:
    return FollowupInfo(f.id, f.customer_id, f.case_id, f.title, f.due_at, f.done_at,
                        f.notified_at, f.created_at, f.staff, f.done_by, f.version, f.updated_by)


def of_customer(customer_id: int) -> list[FollowupInfo]:
    """All of a customer's follow-ups: open ones first, soonest due first; then
    the done ones, most recently done first."""
    rows = [_info(f) for f in Followup.select().where(Followup.customer == customer_id)]
    # a customer has a handful: sorting here keeps the two orders readable
    open_ = sorted((f for f in rows if not f.done), key=lambda f: (f.due_at, f.id))
    done = sorted((f for f in rows if f.done), key=lambda f: (f.done_at, f.id), reverse=True)
    return open_ + done


def snapshot(followup_ids: Iterable[int]) -> list[FollowupInfo]:
    """The follow-ups as they are now, in the order asked; refuses when any is gone."""
    ids = fields.id_list(followup_ids)
    found = {f.id: _info(f) for f in Followup.select().where(Followup.id.in_(ids))}
    if len(found) != len(ids):
        raise UserError(QT_TRANSLATE_NOOP(
            "UserError", "Some of these follow-ups no longer exist; nothing was changed."))
    return [found[i] for i in ids]


def get(followup_id: int) -> FollowupInfo:
    return snapshot([followup_id])[0]


def restore_followups(snapshot: Iterable[FollowupInfo]) -> list[int]:
    """Put follow-ups back exactly as a snapshot has them (the undo of any
    change, deleting included); returns their ids, in the snapshot's order.

    A follow-up still there gets its title, times and done state back. One that
    was deleted is written again, under its old id when that is free, so the
    rest of the undo history still finds it. A case that has gone since is
    left off; a customer that has gone (or is in the trash) refuses it all.
    """
    infos = list(snapshot)
    out: list[int] = []
    with changes.write(database) as pending:
        for info in infos:
            _live_customer(info.customer_id)
            case_id = info.case_id
            if case_id is not None and not Case.select().where(
                    Case.id == case_id, Case.customer == info.customer_id).exists():
                case_id = None
            values = {"title": info.title, "due_at": info.due_at, "done_at": info.done_at,
                      "notified_at": info.notified_at, "case_id": case_id,
                      "done_by": info.done_by, "updated_at": timeutil.now()}
            row = Followup.get_or_none(Followup.id == info.id)
            if row is not None and (row.customer_id, row.created_at) == (info.customer_id,
                                                                          info.created_at):
                Followup.update(**values).where(Followup.id == info.id).execute()
                versions.bump(Followup, [info.id])  # an undo is a new save
                fid = info.id
            else:  # deleted; its id may have gone to another follow-up since
                values.update(customer=info.customer_id, created_at=info.created_at, staff=info.staff)
                if row is None:
                    values["id"] = info.id
                fid = Followup.insert(**values).execute()
            out.append(fid)
            pending.add("customer", [info.customer_id])
        pending.add("followup", out)
    return out


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
