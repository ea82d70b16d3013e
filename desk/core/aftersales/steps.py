"""The case form's writes, each with its undo: a case opened, edited, moved to
another status or remarked on, and its photos added, changed or removed.

Each `*_step` makes the change in one transaction and returns its result and a
`desk.core.history.Step`. The step holds the case's rows as they were before
and after the change (the case, its items, its timeline, its photos), so undo
and redo put back exactly those rows: a remark or a status move is taken off
the timeline rather than answered by another entry, and an undone opening
leaves no case behind. Before writing, a step checks that the rows it touched
are still as it left them; when the case moved on meanwhile (changed, trashed,
deleted), it refuses with a UserError and writes nothing. The stamps (when,
who, the version) and the next deadline are not compared: an undo or redo is
a new save, so it stamps the case and bumps its version (a form open on it is
told), and the deadline is computed again.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Any, TypeVar

from desk.core import changes, versions
from desk.core.aftersales import deadlines, flow, photos, service
from desk.core.aftersales.models import Case
from desk.core.base import database
from desk.core.customers.figures import recompute_figures
from desk.core.customers.service import live_customer
from desk.core.errors import QT_TRANSLATE_NOOP, UserError
from desk.core.history import Step

T = TypeVar("T")
Rows = dict[str, dict[int, dict[str, Any]]]  # table -> row id -> column -> stored value

CASE = "aftersales_case"
EVIDENCE = "evidence"
# the tables a case's rows live in, with the column that names the case
CASE_TABLES = ((CASE, "id"), ("case_item", "case_id"), ("case_event", "case_id"),
               (EVIDENCE, "case_id"))
PHOTO_TABLES = ((EVIDENCE, "case_id"),)
# stamped on every save (an undo is one too) or computed again after it; not compared
DERIVED = {CASE: frozenset({"updated_at", "updated_by", "version", "next_deadline_at",
                           "next_deadline_key"})}


def _snapshot(case_id: int, tables: Sequence[tuple[str, str]]) -> Rows:
    """Every row the case has in `tables`, as stored."""
    conn = database.connection()
    out: Rows = {}
    for table, link in tables:
        cursor = conn.execute(f"SELECT * FROM {table} WHERE {link} = ?", (case_id,))
        names = [d[0] for d in cursor.description]
        out[table] = {row[0]: dict(zip(names, row, strict=True)) for row in cursor.fetchall()}
    return out


def _content(table: str, row: dict[str, Any] | None) -> dict[str, Any] | None:
    if row is None:
        return None
    skip = DERIVED.get(table, frozenset())
    return {k: v for k, v in row.items() if k not in skip}


def _same(table: str, a: dict[str, Any] | None, b: dict[str, Any] | None) -> bool:
    return _content(table, a) == _content(table, b)


def _still(table: str, cur: dict[str, Any] | None, old: dict[str, Any] | None,
           new: dict[str, Any] | None) -> bool:
    """Whether a row the change touched is still as `old` had it: a row that
    goes must be there whole, an updated row in the columns the change sets.
    A row that comes back always can (under a new id if its own was taken)."""
    if old is None:
        return True
    if new is None or cur is None:
        return _same(table, cur, old)
    a, b = _content(table, old), _content(table, new)
    return all(cur[k] == a[k] for k in a if a[k] != b[k])


def _unchanged(before: Rows, after: Rows) -> bool:
    return all(before[t].keys() == after[t].keys()
               and all(_same(t, before[t][i], after[t][i]) for i in before[t]) for t in before)


def _moved_on(case_no: str) -> UserError:
    return UserError(QT_TRANSLATE_NOOP("UserError", "case {case_no} was changed meanwhile."),
                     case_no=case_no)


class _CaseChange:
    """A change to one case's rows, applied either way round."""

    def __init__(self, case_id: int, tables: Sequence[tuple[str, str]], before: Rows,
                 after: Rows) -> None:
        self.case_id, self.tables, self.before, self.after = case_id, tables, before, after
        row = after.get(CASE, {}).get(case_id) or before.get(CASE, {}).get(case_id)
        self.case_no = row["case_no"] if row else (Case.get_by_id(case_id).case_no)

    def step(self, label: str) -> Step:
        return Step(label, undo=lambda: self._apply(self.after, self.before),
                    redo=lambda: self._apply(self.before, self.after), entity="case")

    def _check(self, frm: Rows, to: Rows, now: Rows) -> None:
        touches_case = CASE in frm
        had = touches_case and self.case_id in frm[CASE]
        gets = touches_case and self.case_id in to[CASE]
        if (had and gets) or not touches_case:
            # the case stays: it must still be there and out of the trash
            service.live_case(self.case_id)
        elif had:  # the case goes: nothing may have come to hang on it since
            if not _unchanged(frm, now) or database.execute_sql(
                    "SELECT EXISTS (SELECT 1 FROM note WHERE case_id = ?)"
                    " OR EXISTS (SELECT 1 FROM followup WHERE case_id = ?)",
                    (self.case_id, self.case_id)).fetchone()[0]:
                raise _moved_on(self.case_no)
        else:  # the case comes back, under its own number
            if Case.get_or_none(Case.id == self.case_id) is not None:
                raise _moved_on(self.case_no)
            live_customer(to[CASE][self.case_id]["customer_id"])
        for table in frm:
            old, new, cur = frm[table], to[table], now[table]
            for rid in old.keys() | new.keys():
                if _same(table, old.get(rid), new.get(rid)):
                    continue  # not part of this change
                if not _still(table, cur.get(rid), old.get(rid), new.get(rid)):
                    raise _moved_on(self.case_no)

    def _apply(self, frm: Rows, to: Rows) -> None:
        with changes.write(database) as pending:
            now = _snapshot(self.case_id, self.tables)
            self._check(frm, to, now)
            conn = database.connection()
            case_rows = (frm.get(CASE, {}).get(self.case_id), to.get(CASE, {}).get(self.case_id))
            if case_rows[0] is None and case_rows[1] is not None:
                _insert(conn, CASE, case_rows[1])
            touched: dict[str, list[int]] = {}
            for table in to:
                if table == CASE:
                    continue
                old, new = frm[table], to[table]
                for rid in sorted(old.keys() | new.keys()):
                    if _same(table, old.get(rid), new.get(rid)):
                        continue
                    if new.get(rid) is None:
                        conn.execute(f"DELETE FROM {table} WHERE id = ?", (rid,))
                    elif old.get(rid) is None:
                        taken = conn.execute(f"SELECT 1 FROM {table} WHERE id = ?",
                                             (rid,)).fetchone()
                        row = new.pop(rid)
                        if taken:  # its id went to another row meanwhile: a new one
                            del row["id"]
                        row["id"] = _insert(conn, table, row)
                        new[row["id"]] = row
                        rid = row["id"]
                    else:
                        _update(conn, table, rid, old[rid], new[rid])
                    touched.setdefault(table, []).append(rid)
            if case_rows[0] is not None and case_rows[1] is None:
                conn.execute(f"DELETE FROM {CASE} WHERE id = ?", (self.case_id,))
            elif case_rows[0] is not None and not _same(CASE, *case_rows):
                _update(conn, CASE, self.case_id, _content(CASE, case_rows[0]),
                        _content(CASE, case_rows[1]))
            if case_rows[1] is not None and not _same(CASE, *case_rows):
                versions.claim(Case, self.case_id)  # a new save: a form open on the case is told
            if CASE in to:  # the case's own rows: its deadline and its buyer's figures follow
                if case_rows[1] is not None:
                    deadlines.refresh([self.case_id])
                customer = (case_rows[0] or case_rows[1])["customer_id"]
                recompute_figures([customer])
                pending.add("case", [self.case_id])
                pending.add("customer", [customer])
            if EVIDENCE in touched:
                pending.add("evidence", touched[EVIDENCE])


def _insert(conn, table: str, row: dict[str, Any]) -> int:
    names = list(row)
    cursor = conn.execute(f"INSERT INTO {table} ({', '.join(names)}) VALUES "
                          f"({', '.join('?' for _ in names)})", [row[n] for n in names])
    return cursor.lastrowid


def _update(conn, table: str, rid: int, old: dict[str, Any], new: dict[str, Any]) -> None:
    names = [n for n in new if n != "id" and (old.get(n) != new[n])]
    if names:
        conn.execute(f"UPDATE {table} SET {', '.join(f'{n} = ?' for n in names)} WHERE id = ?",
                     [new[n] for n in names] + [rid])


def _recorded(label: str, case_id: int, tables: Sequence[tuple[str, str]],
              write: Callable[[], T]) -> tuple[T, Step | None]:
    """Run `write` in one transaction with the case's rows read before and
    after it; the step is None when nothing changed."""
    try:
        with changes.write(database):
            before = _snapshot(case_id, tables)
            result = write()
            after = _snapshot(case_id, tables)
            if _unchanged(before, after):
                raise _NothingChanged(result)  # not even a new updated_at stamp stays
    except _NothingChanged as nothing:
        return nothing.result, None
    return result, _CaseChange(case_id, tables, before, after).step(label)


class _NothingChanged(Exception):
    def __init__(self, result: Any) -> None:
        super().__init__()
        self.result = result


# -- the case -----------------------------------------------------------------------------


def open_case_step(customer_id: int, *, payer: str | None = None,
                   **values: Any) -> tuple[int, Step]:
    """service.open_case() and, when `payer` is given, who pays the return
    shipping set by hand, as one change. Its undo deletes the case again (as
    long as nothing was added to it since); redo puts it back under its number."""
    with changes.write(database):
        case_id = service.open_case(customer_id, **values)
        if payer is not None:
            service.set_shipping_payer(case_id, payer)
        after = _snapshot(case_id, CASE_TABLES)
    before: Rows = {table: {} for table, _ in CASE_TABLES}
    change = _CaseChange(case_id, CASE_TABLES, before, after)
    return case_id, change.step(f"Open case {change.case_no}")


def edit_case_step(case_id: int, *, payer: str | None, carrier: str | None = None,
                   tracking_no: str | None = None, version: int | None = None,
                   **values: Any) -> tuple[bool, Step | None]:
    """service.update_case() and set_shipping_payer() as one change (`payer`
    None: the rule decides). `carrier`/`tracking_no` are the reissue's for a
    reissue, else the return's, as in open_case; `version` is what the form
    read (a change saved meanwhile raises versions.Conflict). Returns whether
    anything changed, and the step (None when nothing did)."""
    def write() -> None:
        kind = values.get("kind") or service.live_case(case_id).kind
        prefix = "reissue" if kind == "reissue" else "return"
        fields = dict(values)
        if carrier is not None:
            fields[f"{prefix}_carrier"] = carrier
        if tracking_no is not None:
            fields[f"{prefix}_tracking_no"] = tracking_no
        service.update_case(case_id, version=version, **fields)
        service.set_shipping_payer(case_id, payer)

    _, step = _recorded("Edit case", case_id, CASE_TABLES, write)
    return step is not None, step


def change_status_step(case_id: int, new_status: str, comment: str = "",
                       handler: str = "") -> tuple[int, Step]:
    """flow.change_status(); undo takes the move off the timeline and gives the
    case back its status, times and deadline. Returns the event's id."""
    event_id, step = _recorded(f"Move case to {new_status}", case_id, CASE_TABLES,
                               lambda: flow.change_status(case_id, new_status, handler=handler,
                                                          comment=comment))
    assert step is not None  # a move always writes its event
    return event_id, step


def add_comment_step(case_id: int, comment: str, handler: str = "") -> tuple[int, Step]:
    """service.add_comment(); undo takes the remark off the timeline."""
    event_id, step = _recorded("Add remark", case_id, CASE_TABLES,
                               lambda: service.add_comment(case_id, comment, handler=handler))
    assert step is not None
    return event_id, step


# -- its photos ------------------------------------------------------------------------------


def add_photos_step(case_id: int, sources: Iterable, **options: Any
                    ) -> tuple[photos.AddReport, Step | None]:
    """photos.add_photos() (same options: progress, cancelling, the photos
    folder), with a step when any photo was attached: undo takes the new ones
    off the case and sends the ones it brought back from the trash back there.
    The files stay in the photos folder. The photos are checked and stored
    before the one short write that attaches them, so this step reads the
    case's photo rows around the whole call."""
    before = _snapshot(case_id, PHOTO_TABLES)
    report = photos.add_photos(case_id, sources, **options)
    after = _snapshot(case_id, PHOTO_TABLES)
    if not report.evidence_ids or _unchanged(before, after):
        return report, None
    ids = set(report.evidence_ids)
    # only the rows this call attached (new, or back from the trash) belong to the step
    before = {EVIDENCE: {i: r for i, r in before[EVIDENCE].items() if i in ids}}
    after = {EVIDENCE: {i: r for i, r in after[EVIDENCE].items() if i in ids}}
    return report, _CaseChange(case_id, PHOTO_TABLES, before, after).step(
        f"Add {len(ids)} photo(s)")


def _photos_case(evidence_ids: Sequence[int]) -> int:
    cases = {r.case_id for r in photos.Evidence.select(photos.Evidence.case)
             .where(photos.Evidence.id.in_(list(evidence_ids)))}
    if len(cases) != 1:
        raise UserError(QT_TRANSLATE_NOOP("UserError", "This photo is no longer on the case."))
    return cases.pop()


def edit_photos_step(evidence_ids: Sequence[int], kind: str | None = None,
                     caption: str | None = None) -> tuple[None, Step | None]:
    """photos.edit_photo() for each of one case's photos; the step gives each
    its own kind and caption back (None when nothing changed)."""
    ids = list(evidence_ids)

    def write() -> None:
        for i in ids:
            photos.edit_photo(i, kind=kind, caption=caption)

    return _recorded("Edit photos", _photos_case(ids), PHOTO_TABLES, write)


def remove_photos_step(evidence_ids: Sequence[int]) -> tuple[None, Step]:
    """photos.remove_photos() (to the case's trash); undo brings them back."""
    ids = list(evidence_ids)
    result, step = _recorded("Remove photos", _photos_case(ids), PHOTO_TABLES,
                             lambda: photos.remove_photos(ids))
    assert step is not None
    return result, step
