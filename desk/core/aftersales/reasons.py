"""The shop's list of case reasons: listed in the shop's order, added, renamed,
flagged (a quality fault, a 7-day no-reason return), switched off or deleted
while no case has used them; each write also as a step with its undo."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from desk.core import changes, presets
from desk.core.aftersales.models import Case, Reason
from desk.core.base import database
from desk.core.customers import fields
from desk.core.errors import QT_TRANSLATE_NOOP, UserError
from desk.core.history import Step
from desk.core.text import strip_controls

REASON_NAME_MAX = 20


@dataclass(frozen=True)
class ReasonInfo:
    code: str
    name: str
    is_quality: bool
    active: bool
    no_reason: bool = False  # a 7-day no-reason return: its cases get the shorter answer deadline

    @property
    def shown(self) -> str:
        """The name in the UI's language while it is the one ShopDesk shipped."""
        return presets.shown(presets.REASON, self.code, self.name)


def listed(include_inactive: bool = False) -> list[ReasonInfo]:
    """The case reasons in the shop's order (the form's list: the active ones)."""
    query = Reason.select()
    if not include_inactive:
        query = query.where(Reason.active.is_set())
    return [_reason_info(r) for r in query.order_by(Reason.position, Reason.id)]


def for_case(code: object, must_be_active: bool) -> Reason:
    """The reason a case is given (a new reason must be one in use)."""
    reason = Reason.get_or_none(Reason.code == code) if isinstance(code, str) else None
    if reason is None or (must_be_active and not reason.active):
        raise UserError(QT_TRANSLATE_NOOP("UserError", "Choose a reason for the case."))
    return reason


def _reason_name(value: object, except_code: str | None = None) -> str:
    raw = "" if value is None else str(value)
    if raw != strip_controls(raw) or "\n" in raw or "\t" in raw:
        raise UserError(QT_TRANSLATE_NOOP(
            "UserError", "A reason's name cannot contain line breaks or control characters."))
    name = fields.line(
        raw, REASON_NAME_MAX, required=QT_TRANSLATE_NOOP("UserError", "The reason needs a name."),
        too_long=QT_TRANSLATE_NOOP("UserError", "A reason's name can be at most {limit} characters "
                                   "(this one has {length})."))
    for r in Reason.select(Reason.code, Reason.name):
        if r.code != except_code and r.name.casefold() == name.casefold():
            raise UserError(QT_TRANSLATE_NOOP("UserError", "There is already a reason \"{name}\"."),
                            name=name)
    return name


def _reason_row(code: str) -> Reason:
    row = Reason.get_or_none(Reason.code == code)
    if row is None:
        raise UserError(QT_TRANSLATE_NOOP("UserError", "This reason no longer exists."))
    return row


def _reason_info(r: Reason) -> ReasonInfo:
    return ReasonInfo(r.code, r.name, bool(r.is_quality), bool(r.active), bool(r.no_reason))


def reason_used(code: str) -> int:
    """How many cases (the trash included) have this reason."""
    return Case.select().where(Case.reason == code).count()


def create_reason(name: str, is_quality: bool = False, *, code: str | None = None,
                  position: int | None = None, active: bool = True,
                  no_reason: bool = False, row_id: int | None = None) -> ReasonInfo:
    """A new reason at the end of the list (`code`/`position`/`row_id`: put a
    deleted one back where it was, under its own row id when that is free)."""
    clean = _reason_name(name)
    with changes.write(database) as pending:
        if code is None:
            code = f"r{uuid.uuid4().hex[:8]}"
        elif Reason.select().where(Reason.code == code).exists():
            raise UserError(QT_TRANSLATE_NOOP("UserError", "There is already a reason \"{name}\"."),
                            name=clean)
        if position is None:
            last = Reason.select(Reason.position).order_by(Reason.position.desc()).first()
            position = 0 if last is None else last.position + 1
        values = dict(code=code, name=clean, is_quality=bool(is_quality), position=position,
                      active=bool(active), no_reason=bool(no_reason))
        if row_id is not None and not Reason.select().where(Reason.id == row_id).exists():
            values["id"] = row_id
        row = Reason.create(**values)
        pending.add("reason", [row.id])
    return _reason_info(row)


def update_reason(code: str, *, name: str | None = None, is_quality: bool | None = None,
                  active: bool | None = None, no_reason: bool | None = None) -> ReasonInfo:
    """Rename a reason, change its quality or 7-day no-reason flag, or switch
    it off (cases keep it; the form offers only the active ones; the flags
    are the defaults of new cases, open ones keep theirs). Returns the reason
    as it was."""
    with changes.write(database) as pending:
        row = _reason_row(code)
        before = _reason_info(row)
        values: dict = {}
        if name is not None:
            values["name"] = _reason_name(name, except_code=code)
        if is_quality is not None:
            values["is_quality"] = bool(is_quality)
        if no_reason is not None:
            values["no_reason"] = bool(no_reason)
        if active is not None:
            values["active"] = bool(active)
            if not active and row.active and not Reason.select().where(
                    Reason.active.is_set(), Reason.code != code).exists():
                raise UserError(QT_TRANSLATE_NOOP(
                    "UserError", "Keep at least one reason in use: a case needs one."))
        if values:
            Reason.update(**values).where(Reason.id == row.id).execute()
            pending.add("reason", [row.id])
    return before


def reason_position(code: str) -> int:
    return _reason_row(code).position


def delete_reason(code: str) -> ReasonInfo:
    """Delete a reason no case has ever used; a used one can only be switched
    off. Returns it as it was (create_reason(..., code=, position=) puts it back)."""
    with changes.write(database) as pending:
        row = _reason_row(code)
        used = reason_used(code)
        if used:
            raise UserError(QT_TRANSLATE_NOOP(
                "UserError", "{count} case(s) have the reason \"{name}\", so it cannot be deleted; "
                "switch it off instead."), count=used, name=row.name)
        if row.active and not Reason.select().where(Reason.active.is_set(), Reason.code != code).exists():
            raise UserError(QT_TRANSLATE_NOOP(
                "UserError", "Keep at least one reason in use: a case needs one."))
        before = _reason_info(row)
        Reason.delete().where(Reason.id == row.id).execute()
        pending.add("reason", [row.id])
    return before


# -- the reason list's writes, each with its undo ----------------------------------------


def create_reason_step(name: str, is_quality: bool = False) -> tuple[ReasonInfo, Step]:
    """create_reason(), with the step that deletes the new reason and puts it
    back under the same code, in the same place."""
    with changes.write(database):
        made = create_reason(name, is_quality)
        row = _reason_row(made.code)
    return made, Step(
        f"Add reason {made.name}", undo=lambda: delete_reason(made.code),
        redo=lambda: create_reason(made.name, made.is_quality, code=made.code,
                                   position=row.position, row_id=row.id),
        entity="reason")


def update_reason_step(code: str, *, name: str | None = None, is_quality: bool | None = None,
                       active: bool | None = None,
                       no_reason: bool | None = None) -> tuple[ReasonInfo, Step]:
    """update_reason(), with the step that gives back the fields it changed.
    Returns the reason as it was, like update_reason()."""
    given = {k: v for k, v in dict(name=name, is_quality=is_quality, active=active,
                                   no_reason=no_reason).items() if v is not None}
    before = update_reason(code, **given)
    old = {k: getattr(before, k) for k in given}
    return before, Step(f"Change reason {before.name}", undo=lambda: update_reason(code, **old),
                        redo=lambda: update_reason(code, **given), entity="reason")


def delete_reason_step(code: str) -> tuple[ReasonInfo, Step]:
    """delete_reason(), with the step that puts the reason back with its code,
    flags and place in the list. Returns it as it was."""
    with changes.write(database):
        row = _reason_row(code)
        before = delete_reason(code)
    return before, Step(
        f"Delete reason {before.name}",
        undo=lambda: create_reason(before.name, before.is_quality, code=before.code,
                                   position=row.position, active=before.active,
                                   no_reason=before.no_reason, row_id=row.id),
        redo=lambda: delete_reason(code), entity="reason")
