"""Case deadlines: the platforms' clocks, the shop's own handling target, urgency.

Two kinds of clock run on a case:

- platform deadlines, one per `deadline_rule` row of the case's platform:
  the clock starts when the case enters the rule's status and runs while it
  stays there (the seller must answer a new request within 5 days, ...);
- the shop's handling target, an internal clock: a case that comes in before
  the cut-off hour (16:00 by default) is to be handled the same day, a later
  one by the end of the next day. It runs only while the shop has work to do
  and pauses while the case waits on the buyer or the carrier, so a week in
  the post does not make the shop late. Reopening a case starts it afresh.

The earliest running deadline is stored on the case (`next_deadline_at`,
`next_deadline_key`), so lists sort by it and the Today page finds what is
due with one indexed query. It changes only when the case does (a status
change, an edit, an edited rule), never by the passing of time.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, time, timedelta, tzinfo

from desk.core import changes, settings, timeutil, versions
from desk.core.aftersales import due
from desk.core.aftersales.due import (  # noqa: F401 - part of this module's interface
    FINE,
    HANDLING_KEY,
    LABELS,
    NONE,
    OVERDUE,
    SOON,
    TODAY,
    URGENCIES,
    DueCase,
    due_cases,
    due_count,
    due_filter,
    end_of_day,
    today_filter,
    urgency,
)
from desk.core.aftersales.models import Case, CaseEvent, DeadlineRule
from desk.core.base import database
from desk.core.customers import fields
from desk.core.errors import QT_TRANSLATE_NOOP, UserError
from desk.core.history import Step
from desk.core.resources import db_file

# The shop's handling clock runs in these statuses, pauses in these, and stops in the rest.
RUNNING = ("new", "handling", "received", "processing")
PAUSED = ("awaiting_return", "returning")
FINAL = ("done", "rejected", "closed")
# No deadline at all once the shop's work is over (a rejected case still waits
# for the buyer's answer to the refusal).
NO_DEADLINES = ("done", "closed")

MAX_RULE_HOURS = 24 * 365

# -- rules ----------------------------------------------------------------------


@dataclass(frozen=True)
class RuleInfo:
    id: int
    platform: str
    key: str
    start_status: str
    condition: str  # '' | no_reason | express | surface
    hours: int
    active: bool
    position: int

    @property
    def label(self) -> str:
        """The rule's English name (translate it in context "Deadline")."""
        return LABELS.get(self.key, self.key)


def _rule_info(r: DeadlineRule) -> RuleInfo:
    return RuleInfo(r.id, r.platform, r.key, r.start_status, r.condition, r.hours,
                    bool(r.active), r.position)


def list_rules(platform: str | None = None) -> list[RuleInfo]:
    """The deadline presets, by platform then in their order."""
    query = DeadlineRule.select()
    if platform is not None:
        query = query.where(DeadlineRule.platform == platform)
    rows = query.order_by(DeadlineRule.platform, DeadlineRule.position, DeadlineRule.id)
    return [_rule_info(r) for r in rows]


def update_rule(rule_id: int, *, hours: int | None = None, active: bool | None = None) -> RuleInfo:
    """Change a preset's length or switch it off; the cases it applies to get
    their next deadline again in the same transaction."""
    values: dict = {}
    if hours is not None:
        if isinstance(hours, bool) or not isinstance(hours, int):
            raise TypeError("hours must be a whole number")
        if not 1 <= hours <= MAX_RULE_HOURS:
            raise UserError(QT_TRANSLATE_NOOP(
                "UserError", "A deadline must be between 1 hour and {days} days."),
                days=MAX_RULE_HOURS // 24)
        values["hours"] = hours
    if active is not None:
        values["active"] = bool(active)
    with changes.write(database) as pending:
        rule = DeadlineRule.get_or_none(DeadlineRule.id == rule_id)
        if rule is None:
            raise UserError(QT_TRANSLATE_NOOP("UserError", "This deadline rule no longer exists."))
        if values:
            (DeadlineRule.update(**values, updated_at=timeutil.now())
             .where(DeadlineRule.id == rule.id).execute())
            versions.bump(DeadlineRule, [rule.id])
            affected = [c.id for c in Case.select(Case.id).where(
                Case.platform == rule.platform, Case.status == rule.start_status,
                Case.deleted_at.is_null())]
            refresh(affected)
            pending.add("deadline_rule", [rule.id])
    return _rule_info(DeadlineRule.get_by_id(rule_id))


def seed_rules() -> dict:
    """The shipped presets (db/seed/deadlines.json, also what migration 0002
    writes): {"platforms": [...], "rules": [{key, start_status, condition, hours}]}."""
    return json.loads(db_file("seed", "deadlines.json").read_text(encoding="utf-8"))


def _refresh_statuses(platform: str, statuses: Iterable[str]) -> None:
    affected = [c.id for c in Case.select(Case.id).where(
        Case.platform == platform, Case.status.in_(sorted(set(statuses))),
        Case.deleted_at.is_null())]
    refresh(affected)


def reset_rules(platform: str) -> list[RuleInfo]:
    """Put a platform's presets back to the shipped values (hours, on, order;
    a missing one is added again) and recompute its cases' deadlines. Returns
    the rules as they were, for restore_rules()."""
    seed = seed_rules()
    if platform not in seed["platforms"]:
        raise UserError(QT_TRANSLATE_NOOP("UserError", "Unknown platform."))
    before = list_rules(platform)
    now = timeutil.now()
    with changes.write(database) as pending:
        by_key = {r.key: r for r in before}
        for pos, rule in enumerate(seed["rules"]):
            values = dict(start_status=rule["start_status"], condition=rule["condition"],
                          hours=rule["hours"], active=True, position=pos, updated_at=now)
            if rule["key"] in by_key:
                (DeadlineRule.update(**values)
                 .where(DeadlineRule.id == by_key[rule["key"]].id).execute())
                versions.bump(DeadlineRule, [by_key[rule["key"]].id])
            else:
                DeadlineRule.create(platform=platform, key=rule["key"], created_at=now, **values)
        _refresh_statuses(platform, [r.start_status for r in before]
                          + [r["start_status"] for r in seed["rules"]])
        pending.add("deadline_rule", [r.id for r in list_rules(platform)])
    return before


def restore_rules(rules: Iterable[RuleInfo]) -> None:
    """Give rules back the hours, switch and order they had (undo of a reset)."""
    rules = list(rules)
    now = timeutil.now()
    with changes.write(database) as pending:
        for r in rules:
            (DeadlineRule.update(hours=r.hours, active=r.active, position=r.position, updated_at=now)
             .where(DeadlineRule.id == r.id).execute())
            versions.bump(DeadlineRule, [r.id])  # an undo is a new save
        for platform in {r.platform for r in rules}:
            _refresh_statuses(platform, [r.start_status for r in rules if r.platform == platform])
        pending.add("deadline_rule", [r.id for r in rules])


def set_shop_clock(cutoff_hour: int | None = None, warn_hours: int | None = None) -> None:
    """Change the shop's own clock settings (through settings.set_many, which
    validates them); a new cut-off hour recomputes the open cases' deadlines."""
    values = {}
    if cutoff_hour is not None:
        values["handling_cutoff_hour"] = cutoff_hour
    if warn_hours is not None:
        values["deadline_warn_hours"] = warn_hours
    if not values:
        return
    with changes.write(database):
        old_cutoff = settings.get("handling_cutoff_hour")
        settings.set_many(values)
        if settings.get("handling_cutoff_hour") != old_cutoff:
            refresh(c.id for c in Case.select(Case.id).where(
                Case.status.in_(RUNNING), Case.deleted_at.is_null()))


# -- the same writes, each with its undo ----------------------------------------------


def update_rule_step(rule_id: int, *, hours: int | None = None,
                     active: bool | None = None) -> tuple[RuleInfo, Step]:
    """update_rule(), with the step that gives the rule back the hours and
    switch it had (its cases' deadlines recomputed each way)."""
    with changes.write(database):
        before = next((r for r in list_rules() if r.id == rule_id), None)
        after = update_rule(rule_id, hours=hours, active=active)
    assert before is not None  # update_rule refused a missing rule
    old = dict(hours=None if hours is None else before.hours,
               active=None if active is None else before.active)
    return after, Step(
        f"Change deadline {before.key} of {before.platform}",
        undo=lambda: update_rule(rule_id, **old),
        redo=lambda: update_rule(rule_id, hours=hours, active=active),
        entity="deadline_rule")


def reset_rules_step(platform: str) -> tuple[list[RuleInfo], Step]:
    """reset_rules(), with the step that gives the rules back their hours,
    switches and order. Returns the rules as they are now."""
    held = {"before": reset_rules(platform)}

    def redo() -> None:
        held["before"] = reset_rules(platform)

    return list_rules(platform), Step(
        f"Restore the default deadlines of {platform}",
        undo=lambda: restore_rules(held["before"]), redo=redo, entity="deadline_rule")


def set_shop_clock_step(cutoff_hour: int | None = None,
                        warn_hours: int | None = None) -> tuple[None, Step]:
    """set_shop_clock(), with the step that puts both values back."""
    old = (settings.get("handling_cutoff_hour"), settings.get("deadline_warn_hours"))
    set_shop_clock(cutoff_hour, warn_hours)
    return None, Step("Change the shop's clock", undo=lambda: set_shop_clock(*old),
                      redo=lambda: set_shop_clock(cutoff_hour, warn_hours), entity="setting")


def _active_rules(platform: str) -> list[RuleInfo]:
    return [r for r in list_rules(platform) if r.active]


def applicable_rules(rules: Iterable[RuleInfo], status: str, no_reason_return: bool,
                     return_by_surface: bool) -> list[RuleInfo]:
    """The rules whose clock runs in `status`. A rule with a condition the case
    meets replaces the unconditional ones of that status (a no-reason return
    gets 2 days to answer instead of 5)."""
    if status in NO_DEADLINES:
        return []
    met = {"no_reason"} if no_reason_return else set()
    met.add("surface" if return_by_surface else "express")
    here = [r for r in rules if r.start_status == status]
    special = [r for r in here if r.condition and r.condition in met]
    return special or [r for r in here if not r.condition]


# -- the handling clock -----------------------------------------------------------


def handling_target(start: datetime, tz: tzinfo, cutoff_hour: int) -> datetime:
    """When a case that came in at `start` should be handled without pauses:
    the end of that local day when it came before the cut-off hour, else the
    end of the next day. `cutoff_hour` 24 means every case the same day."""
    local = start.astimezone(tz)
    days = 1 if local.hour < cutoff_hour else 2
    midnight = datetime.combine(local.date() + timedelta(days=days), time(0), tzinfo=tz)
    return midnight.astimezone(start.tzinfo)


@dataclass(frozen=True)
class Stretch:
    """A stretch of the case's life in one status; `end` None: still in it."""

    status: str
    start: datetime
    end: datetime | None


def stretches(opened_at: datetime, status: str, status_changed_at: datetime,
              moves: Sequence[tuple[datetime, str]]) -> list[Stretch]:
    """The case's statuses over time from its status events ((time, new status),
    in order). A case with no events (written by hand) is new from its opening
    until its last change, then in its current status."""
    points = [(at, new) for at, new in moves if new]
    if not points:
        points = [(opened_at, "new")]
        if status != "new":
            points.append((max(status_changed_at, opened_at), status))
    out = []
    for i, (at, new) in enumerate(points):
        end = points[i + 1][0] if i + 1 < len(points) else None
        out.append(Stretch(new, at, end))
    return out


def clock_due(stretches_: Sequence[Stretch], budget: timedelta) -> datetime | None:
    """When `budget` of running time is used up, counting only stretches in a
    running status; None while the clock is paused or stopped before that."""
    remaining = budget
    for s in stretches_:
        if s.status in RUNNING:
            if s.end is None or s.end - s.start >= remaining:
                return s.start + remaining
            remaining -= s.end - s.start
        elif s.end is None:
            return None  # waiting on the buyer or the carrier, or finished
    return None


def running_time(stretches_: Sequence[Stretch], until: datetime) -> timedelta:
    """Running time of the clock from its first stretch up to `until`."""
    total = timedelta(0)
    for s in stretches_:
        if s.status not in RUNNING or s.start >= until:
            continue
        end = until if s.end is None else min(s.end, until)
        total += max(end - s.start, timedelta(0))
    return total


def handling_due(all_stretches: Sequence[Stretch], tz: tzinfo, cutoff_hour: int) -> datetime | None:
    """The internal clock's deadline: it starts when the case opens, afresh when it
    is reopened, and runs only in RUNNING statuses."""
    start = 0
    for i in range(1, len(all_stretches)):
        if all_stretches[i - 1].status in FINAL and all_stretches[i].status not in FINAL:
            start = i
    clock = all_stretches[start:]
    if not clock or clock[-1].status not in RUNNING:
        return None
    began = clock[0].start
    return clock_due(clock, handling_target(began, tz, cutoff_hour) - began)


# -- a case's deadlines ---------------------------------------------------------------


@dataclass(frozen=True)
class Deadline:
    key: str  # a rule's key, or HANDLING_KEY for the shop's own target
    at: datetime
    internal: bool

    @property
    def label(self) -> str:
        """English name of the deadline (translate it in context "Deadline")."""
        return LABELS.get(self.key, self.key)


@dataclass(frozen=True)
class CaseClock:
    """What the deadline engine needs to know about a case."""

    platform: str
    status: str
    opened_at: datetime
    status_changed_at: datetime
    no_reason_return: bool
    return_by_surface: bool
    moves: tuple[tuple[datetime, str], ...]  # status events: (time, new status), in order


def running_deadlines(case: CaseClock, rules: Iterable[RuleInfo], tz: tzinfo,
                      cutoff_hour: int) -> list[Deadline]:
    """Every deadline whose clock is running now, earliest first."""
    out = [Deadline(r.key, case.status_changed_at + timedelta(hours=r.hours), False)
           for r in applicable_rules(rules, case.status, case.no_reason_return,
                                     case.return_by_surface)]
    if case.status in RUNNING:
        due = handling_due(stretches(case.opened_at, case.status, case.status_changed_at,
                                     case.moves), tz, cutoff_hour)
        if due is not None:
            out.append(Deadline(HANDLING_KEY, due, True))
    return sorted(out, key=lambda d: (d.at, d.internal, d.key))


def next_deadline(case: CaseClock, rules: Iterable[RuleInfo], tz: tzinfo,
                  cutoff_hour: int) -> Deadline | None:
    """The earliest running deadline, or None."""
    found = running_deadlines(case, rules, tz, cutoff_hour)
    return found[0] if found else None


def clock_of(case_id: int) -> CaseClock:
    case = Case.get_by_id(case_id)
    moves = tuple((e.at, e.new_status) for e in CaseEvent.select(CaseEvent.at, CaseEvent.new_status)
                  .where(CaseEvent.case == case_id, CaseEvent.kind == "status")
                  .order_by(CaseEvent.at, CaseEvent.id))
    return CaseClock(case.platform, case.status, case.opened_at, case.status_changed_at,
                     bool(case.no_reason_return), bool(case.return_by_surface), moves)


def deadlines_of(case_id: int, tz: tzinfo | None = None) -> list[Deadline]:
    """A case's running deadlines, earliest first (what the case form lists)."""
    clock = clock_of(case_id)
    return running_deadlines(clock, _active_rules(clock.platform), tz or due.local_zone(),
                             settings.get("handling_cutoff_hour"))


def refresh(case_ids: Iterable[int], tz: tzinfo | None = None) -> None:
    """Store each case's next deadline on its row (inside the caller's write)."""
    ids = fields.id_list(case_ids)
    if not ids:
        return
    zone = tz or due.local_zone()
    cutoff = settings.get("handling_cutoff_hour")
    rules: dict[str, list[RuleInfo]] = {}
    with changes.write(database) as pending:
        for case_id in ids:
            clock = clock_of(case_id)
            if clock.platform not in rules:
                rules[clock.platform] = _active_rules(clock.platform)
            found = next_deadline(clock, rules[clock.platform], zone, cutoff)
            Case.update(next_deadline_at=None if found is None else found.at,
                        next_deadline_key="" if found is None else found.key
                        ).where(Case.id == case_id).execute()
        pending.add("case", ids)
