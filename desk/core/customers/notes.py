"""Notes on a customer: a dated timeline, pinned ones first, deletes undoable."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime

from desk.core import changes, timeutil, versions
from desk.core.aftersales.models import Case
from desk.core.base import database
from desk.core.customers import fields
from desk.core.customers.live import live_customer
from desk.core.customers.models import Customer, Note
from desk.core.errors import QT_TRANSLATE_NOOP, UserError
from desk.core.history import Step
from desk.core.orders.models import Order
from desk.core.text import strip_controls

BODY_MAX = 10_000


@dataclass(frozen=True)
class NoteInfo:
    id: int
    customer_id: int
    body: str
    pinned: bool
    order_id: int | None
    order_no: str | None
    case_id: int | None
    case_no: str | None
    created_at: datetime
    updated_at: datetime
    deleted_at: datetime | None
    staff: str = ""  # who wrote it
    version: int = field(default=0, compare=False)  # pass back to edit() (desk/core/versions.py)
    updated_by: str = field(default="", compare=False)


def _body(value: object) -> str:
    """Multi-line text: controls removed but line breaks and tabs kept;
    refused, never cut, when too long."""
    text = strip_controls(str(value or "").replace("\r\n", "\n").replace("\r", "\n")).strip()
    if not text:
        raise UserError(QT_TRANSLATE_NOOP("UserError", "The note is empty."))
    if len(text) > BODY_MAX:
        raise UserError(
            QT_TRANSLATE_NOOP("UserError", "A note can be at most {limit} characters (this one has "
                              "{length}); split it into several notes."),
            limit=f"{BODY_MAX:,}", length=f"{len(text):,}")
    return text


def _check_links(customer_id: int, order_id: int | None, case_id: int | None) -> None:
    if order_id is not None and not Order.select().where(
            Order.id == order_id, Order.customer == customer_id).exists():
        raise UserError(QT_TRANSLATE_NOOP("UserError", "That order is not one of this customer's."))
    if case_id is not None and not Case.select().where(
            Case.id == case_id, Case.customer == customer_id).exists():
        raise UserError(QT_TRANSLATE_NOOP("UserError", "That after-sales case is not one of this "
                                          "customer's."))


def _note(note_id: int) -> Note:
    note = Note.get_or_none(Note.id == note_id)
    if note is None:
        raise UserError(QT_TRANSLATE_NOOP("UserError", "This note no longer exists."))
    return note


def add(customer_id: int, body: str, pinned: bool = False, order_id: int | None = None,
        case_id: int | None = None) -> int:
    text = _body(body)
    with changes.write(database) as pending:
        live_customer(customer_id)
        _check_links(customer_id, order_id, case_id)
        note = Note.create(customer=customer_id, body=text, pinned=bool(pinned), order_id=order_id,
                           case_id=case_id, staff=versions.staff())
        # A note is written when the buyer was in touch: it dates the last contact.
        Customer.update(last_contact_at=note.created_at).where(Customer.id == customer_id).execute()
        pending.add("note", [note.id])
        pending.add("customer", [customer_id])
    return note.id


_KEEP = object()


def edit(note_id: int, body: str | None = None, order_id: object = _KEEP,
         case_id: object = _KEEP, version: int | None = None) -> None:
    """Change a note's text and/or its link (None unlinks). With `version`
    (what the editor read), a change saved meanwhile raises versions.Conflict."""
    values: dict = {}
    if body is not None:
        values["body"] = _body(body)
    with changes.write(database) as pending:
        note = _note(note_id)
        versions.claim(Note, note_id, version)
        if order_id is not _KEEP:
            values["order_id"] = order_id
        if case_id is not _KEEP:
            values["case_id"] = case_id
        _check_links(note.customer_id, values.get("order_id"), values.get("case_id"))
        Note.update(**values, updated_at=timeutil.now()).where(Note.id == note_id).execute()
        pending.add("note", [note_id])
        pending.add("customer", [note.customer_id])


def _bulk(note_ids: Iterable[int], **values: object) -> int:
    ids = fields.id_list(note_ids)
    with changes.write(database) as pending:
        rows = list(Note.select(Note.id, Note.customer).where(Note.id.in_(ids)))
        if len(rows) != len(ids):
            raise UserError(QT_TRANSLATE_NOOP("UserError", "Some of these notes no longer exist; "
                                              "nothing was changed."))
        n = Note.update(**values, updated_at=timeutil.now()).where(Note.id.in_(ids)).execute()
        versions.bump(Note, ids)
        pending.add("note", ids)
        pending.add("customer", {r.customer_id for r in rows})
    return n


def set_pinned(note_ids: Iterable[int], pinned: bool = True) -> int:
    return _bulk(note_ids, pinned=bool(pinned))


def delete(note_ids: Iterable[int], at: int | None = None) -> int:
    """Soft delete (at `at`, default now): restore() undoes it. A buyer's last
    contact that a deleted note dated goes back to their newest remaining note
    (so undoing a note just added puts the last contact back)."""
    with changes.write(database):
        n = _bulk(note_ids, deleted_at=timeutil.now() if at is None else at)
        _redate_contacts(note_ids, deleted=True)
    return n


def restore(note_ids: Iterable[int]) -> int:
    with changes.write(database):
        n = _bulk(note_ids, deleted_at=None)
        _redate_contacts(note_ids, deleted=False)
    return n


def _redate_contacts(note_ids: Iterable[int], deleted: bool) -> None:
    """Keep each buyer's last contact the time of their newest live note after
    `note_ids` left (deleted) or came back. A last contact later than every
    note concerned did not come from them and stays."""
    for customer_id, newest in database.execute_sql(
            "SELECT customer_id, max(created_at) FROM note"
            " WHERE id IN (SELECT value FROM json_each(?)) GROUP BY customer_id",
            (fields.ids_param(note_ids),)).fetchall():
        if deleted:
            database.execute_sql(
                "UPDATE customer SET last_contact_at = (SELECT max(created_at) FROM note"
                " WHERE customer_id = ? AND deleted_at IS NULL) WHERE id = ?"
                " AND last_contact_at IS NOT NULL AND last_contact_at <= ?",
                (customer_id, customer_id, newest))
        else:
            database.execute_sql(
                "UPDATE customer SET last_contact_at = ? WHERE id = ?"
                " AND (last_contact_at IS NULL OR last_contact_at < ?)",
                (newest, customer_id, newest))


_SELECT = (
    "SELECT n.id, n.customer_id, n.body, n.pinned, n.order_id, o.order_no, n.case_id,"
    " a.case_no, n.created_at, n.updated_at, n.deleted_at, n.staff, n.version, n.updated_by"
    " FROM note n"
    " LEFT JOIN shop_order o ON o.id = n.order_id"
    " LEFT JOIN aftersales_case a ON a.id = n.case_id")


def _info(r: tuple) -> NoteInfo:
    def when(value):
        return None if value is None else timeutil.from_epoch(value)

    return NoteInfo(r[0], r[1], r[2], bool(r[3]), r[4], None if r[5] is None else str(r[5]), r[6],
                    r[7], when(r[8]), when(r[9]), when(r[10]), r[11], r[12], r[13])


def get_note(note_id: int) -> NoteInfo:
    """One note (in the trash or not), as an edit's undo needs it."""
    row = database.execute_sql(_SELECT + " WHERE n.id = ?", (note_id,)).fetchone()
    if row is None:
        raise UserError(QT_TRANSLATE_NOOP("UserError", "This note no longer exists."))
    return _info(row)


def list_notes(customer_id: int, include_deleted: bool = False) -> list[NoteInfo]:
    """Pinned notes first, then newest first."""
    rows = database.execute_sql(
        _SELECT + " WHERE n.customer_id = ?"
        + ("" if include_deleted else " AND n.deleted_at IS NULL")
        + " ORDER BY n.pinned DESC, n.created_at DESC, n.id DESC", (customer_id,))
    return [_info(r) for r in rows]


# -- the same writes, each with its undo (desk.core.history) --------------------------


def add_step(customer_id: int, body: str, pinned: bool = False, order_id: int | None = None,
             case_id: int | None = None) -> tuple[int, Step]:
    """add(), with the step that takes the note away again (the buyer's last
    contact going back to what it was) and writes it back under its id."""
    with changes.write(database):
        contact = database.execute_sql("SELECT last_contact_at FROM customer WHERE id = ?",
                                       (customer_id,)).fetchone()
        note_id = add(customer_id, body, pinned=pinned, order_id=order_id, case_id=case_id)
        cursor = database.execute_sql("SELECT * FROM note WHERE id = ?", (note_id,))
        row = dict(zip([d[0] for d in cursor.description], cursor.fetchone(), strict=True))
    contact_before = None if contact is None else contact[0]

    def undo() -> None:
        with changes.write(database) as pending:
            _note(note_id)
            Note.delete().where(Note.id == note_id).execute()
            # the note dated the last contact: it goes back to what it was
            database.execute_sql("UPDATE customer SET last_contact_at = ? WHERE id = ?"
                                 " AND last_contact_at = ?",
                                 (contact_before, customer_id, row["created_at"]))
            pending.add("note", [note_id])
            pending.add("customer", [customer_id])

    def redo() -> None:
        with changes.write(database) as pending:
            live_customer(customer_id)
            if Note.select().where(Note.id == note_id).exists():
                raise UserError(QT_TRANSLATE_NOOP("UserError", "This note is already there."))
            _check_links(customer_id, row["order_id"], row["case_id"])
            database.execute_sql(
                f"INSERT INTO note({', '.join(row)}) VALUES ({', '.join('?' * len(row))})",
                tuple(row.values()))
            _redate_contacts([note_id], deleted=False)
            pending.add("note", [note_id])
            pending.add("customer", [customer_id])

    return note_id, Step(f"Add note {note_id}", undo=undo, redo=redo, entity="note")


def edit_step(note_id: int, body: str, order_id: int | None = None, case_id: int | None = None,
              version: int | None = None) -> tuple[None, Step]:
    """edit() of the text and link (checked against `version` when given),
    with the step that gives back the old ones."""
    with changes.write(database):
        old = get_note(note_id)
        edit(note_id, body, order_id=order_id, case_id=case_id, version=version)
    return None, Step(f"Edit note {note_id}",
                      undo=lambda: edit(note_id, old.body, order_id=old.order_id,
                                        case_id=old.case_id),
                      redo=lambda: edit(note_id, body, order_id=order_id, case_id=case_id),
                      entity="note")


def set_pinned_step(note_ids: Iterable[int], pinned: bool = True) -> tuple[int, Step]:
    """set_pinned(), with the step that pins or unpins each note as it was."""
    ids = fields.id_list(note_ids)
    with changes.write(database):
        was = {n.id: bool(n.pinned) for n in Note.select(Note.id, Note.pinned).where(Note.id.in_(ids))}
        n = set_pinned(ids, pinned)

    def undo() -> None:
        with changes.write(database):
            for flag in (True, False):
                group = [i for i in ids if was[i] is flag]
                if group:
                    set_pinned(group, flag)

    return n, Step(f"{'Pin' if pinned else 'Unpin'} {len(ids)} note(s)", undo=undo,
                   redo=lambda: set_pinned(ids, pinned), entity="note")


def delete_step(note_ids: Iterable[int]) -> tuple[int, Step]:
    """delete(), with the step that restores the notes (and the last contact they dated)."""
    ids = fields.id_list(note_ids)
    at = timeutil.now()  # a redo deletes them as of the same moment
    n = delete(ids, at)
    return n, Step(f"Delete {len(ids)} note(s)", undo=lambda: restore(ids),
                   redo=lambda: delete(ids, at), entity="note")
