"""After-sales services: open and edit cases, read one back whole, the trash.

Every write validates first (the typed values through
desk.core.aftersales.cleaning, the reason through .reasons), then writes in one transaction (the case, its
items, its first event, its next deadline and the customer's case counts
together) and announces what it touched; reads return plain dataclasses.
Status changes live in desk.core.aftersales.flow.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from desk.core import changes, presets, settings, timeutil, versions
from desk.core.aftersales import deadlines, due, photos, reasons, shipping
from desk.core.aftersales.cleaning import (
    clean_carrier,
    clean_comment,
    clean_fields,
    clean_handler,
    clean_responsibility,
    clean_tracking,
)
from desk.core.aftersales.models import Case, CaseEvent, CaseItem, Reason
from desk.core.base import database
from desk.core.customers import fields
from desk.core.customers.figures import recompute_figures
from desk.core.customers.models import Customer
from desk.core.customers.service import live_customer
from desk.core.errors import QT_TRANSLATE_NOOP, UserError
from desk.core.orders.models import Order, OrderItem
from desk.core.text import clean_line

EDITABLE = (
    "kind", "reason", "responsibility", "order_id", "items", "refund_fen", "compensation_fen",
    "shipping_fen", "platform_refund_no", "handler", "free_shipping", "no_reason_return",
    "description", "return_carrier", "return_tracking_no", "return_by_surface",
    "reissue_carrier", "reissue_tracking_no",
)
AMOUNTS = ("refund_fen", "compensation_fen", "shipping_fen")


# -- plain data ---------------------------------------------------------------


@dataclass(frozen=True)
class ItemInfo:
    id: int
    order_item_id: int | None
    title: str
    quantity: int


@dataclass(frozen=True)
class EventInfo:
    id: int
    at: datetime
    kind: str  # status | comment | payer_override
    old_status: str  # for payer_override: the payer before
    new_status: str  # for payer_override: the payer after
    handler: str
    comment: str
    staff: str = ""  # who wrote it (the seat's staff name)


@dataclass(frozen=True)
class CaseDetail:
    id: int
    case_no: str
    customer_id: int
    nickname: str
    platform: str
    order_id: int | None
    order_no: str | None
    kind: str
    reason: str
    reason_name: str
    responsibility: str
    status: str
    handler: str
    items_text: str
    refund_fen: int
    compensation_fen: int
    shipping_fen: int
    platform_refund_no: str
    free_shipping: bool
    no_reason_return: bool
    shipping_payer: str
    shipping_payer_override: bool
    shipping_sentence: str  # English; translate in context "Shipping"
    description: str
    return_carrier: str
    return_tracking_no: str
    return_by_surface: bool
    reissue_carrier: str
    reissue_tracking_no: str
    opened_at: datetime
    status_changed_at: datetime
    first_response_at: datetime | None
    closed_at: datetime | None
    next_deadline_at: datetime | None
    next_deadline_key: str
    created_at: datetime
    updated_at: datetime
    deleted_at: datetime | None
    items: list[ItemInfo] = field(default_factory=list)
    events: list[EventInfo] = field(default_factory=list)  # oldest first: the timeline
    evidence: list[photos.PhotoInfo] = field(default_factory=list)
    version: int = field(default=0, compare=False)  # pass back to update_case (desk/core/versions.py)
    updated_by: str = field(default="", compare=False)


@dataclass(frozen=True)
class CaseSummary:
    id: int
    case_no: str
    kind: str
    status: str
    reason: str
    opened_at: datetime
    next_deadline_at: datetime | None


def _order(order_id: int, customer_id: int) -> Order:
    order = Order.get_or_none(Order.id == order_id)
    if order is None:
        raise UserError(QT_TRANSLATE_NOOP("UserError", "This order no longer exists."))
    if order.customer_id != customer_id:
        raise UserError(QT_TRANSLATE_NOOP("UserError", "That order is not one of this customer's."))
    return order


def _resolve_items(items: Sequence[tuple[int | str, int]], order_id: int | None
                   ) -> list[tuple[int | None, str, int]]:
    """(order item id, title, quantity) for each item; an order item must belong
    to the case's order and cannot be claimed more often than it was bought."""
    out = []
    for what, qty in items:
        if isinstance(what, int):
            item = OrderItem.get_or_none(OrderItem.id == what)
            if item is None or order_id is None or item.order_id != order_id:
                raise UserError(QT_TRANSLATE_NOOP(
                    "UserError", "An item on this case is not part of its order."))
            if qty > item.quantity:
                raise UserError(QT_TRANSLATE_NOOP(
                    "UserError", "“{title}” was bought {bought} time(s); the case cannot claim "
                                 "{claimed}."), title=item.title, bought=item.quantity, claimed=qty)
            out.append((item.id, item.title, qty))
        else:
            out.append((None, what, qty))
    return out


def items_text(items: Iterable[tuple[int | None, str, int]]) -> str:
    """One line for the lists: 'T恤 ×2; 袜子'."""
    return "; ".join(title if qty == 1 else f"{title} ×{qty}" for _, title, qty in items)


def _write_items(case_id: int, items: list[tuple[int | None, str, int]]) -> None:
    CaseItem.delete().where(CaseItem.case == case_id).execute()
    for order_item_id, title, qty in items:
        CaseItem.create(case=case_id, order_item=order_item_id, title=title, quantity=qty)


def _check_refund(refund_fen: int, order: Order | None) -> None:
    if order is not None and refund_fen > order.amount_fen:
        raise UserError(QT_TRANSLATE_NOOP(
            "UserError", "The refund is more than the buyer paid for the order ({paid} yuan)."),
            paid=f"{order.amount_fen // 100}.{order.amount_fen % 100:02d}")


def live_case(case_id: int) -> Case:
    """The case, refusing one that is gone or in the trash."""
    case = Case.get_or_none(Case.id == case_id)
    if case is None:
        raise UserError(QT_TRANSLATE_NOOP("UserError", "This after-sales case no longer exists."))
    if case.deleted_at is not None:
        raise UserError(QT_TRANSLATE_NOOP(
            "UserError", "Case {case_no} is in the trash; restore it first."), case_no=case.case_no)
    return case


def case_number(case_id: int, opened_at: datetime) -> str:
    """SH<local date>-<id>: sorts by date, unique by the row's id."""
    local = opened_at.astimezone(due.local_zone())
    return f"SH{local:%Y%m%d}-{case_id:06d}"


def _opened(value: datetime | None) -> datetime:
    now = timeutil.now()
    if value is None:
        return now
    if not isinstance(value, datetime) or value.tzinfo is None:
        raise ValueError("opened_at must be an aware datetime")
    if value > now + timedelta(minutes=5):
        raise UserError(QT_TRANSLATE_NOOP("UserError", "A case cannot be opened in the future."))
    return value.replace(microsecond=0)


# -- opening and editing ----------------------------------------------------------------


def open_case(customer_id: int, kind: str, reason: str, order_id: int | None = None,
              responsibility: str | None = None, items: Sequence[tuple[int | str, int]] = (),
              refund_fen: int | str = 0, compensation_fen: int | str = 0,
              shipping_fen: int | str = 0, platform_refund_no: str = "", handler: str = "",
              free_shipping: bool | None = None, description: str = "", carrier: str = "",
              tracking_no: str = "", no_reason_return: bool | None = None,
              return_by_surface: bool = False, opened_at: datetime | None = None) -> int:
    """A new case for a customer, optionally on one of their orders; returns its id.

    `responsibility` defaults from the reason (a quality reason: the shop's);
    `free_shipping` from the order (else yes); `no_reason_return` from the
    reason; `carrier`/`tracking_no` are the reissue's for a reissue, else the
    return's. Amounts are fen or yuan text. The handler defaults to the one in
    the settings. `opened_at` (default now) backdates a request the buyer made
    on the platform earlier."""
    clean = clean_fields({
        "kind": kind, "items": items, "refund_fen": refund_fen, "compensation_fen": compensation_fen,
        "shipping_fen": shipping_fen, "platform_refund_no": platform_refund_no,
        "handler": handler, "description": description, "return_by_surface": return_by_surface,
    })
    if responsibility is not None:
        clean["responsibility"] = clean_responsibility(responsibility)
    carrier_clean, tracking_clean = clean_carrier(carrier), clean_tracking(tracking_no)
    prefix = "reissue" if clean["kind"] == "reissue" else "return"
    clean[f"{prefix}_carrier"], clean[f"{prefix}_tracking_no"] = carrier_clean, tracking_clean
    opened = _opened(opened_at)
    with changes.write(database) as pending:
        customer = live_customer(customer_id)
        reason_row = reasons.for_case(reason, must_be_active=True)
        order = None if order_id is None else _order(order_id, customer.id)
        _check_refund(clean["refund_fen"], order)
        resolved = _resolve_items(clean.pop("items"), None if order is None else order.id)
        if not clean.get("handler"):
            clean["handler"] = settings.get("handler")
        clean.setdefault("responsibility", "seller" if reason_row.is_quality else "buyer")
        if free_shipping is None:
            free_shipping = True if order is None else bool(order.free_shipping)
        clean["free_shipping"] = bool(free_shipping)
        clean["no_reason_return"] = (bool(reason_row.no_reason) if no_reason_return is None
                                     else bool(no_reason_return))
        clean["shipping_payer"] = shipping.payer_for(clean["free_shipping"],
                                                     clean["responsibility"], clean["kind"])
        case = Case.create(
            case_no=f"new-{uuid.uuid4().hex}", customer=customer.id,
            order=None if order is None else order.id,
            platform=order.platform if order is not None else customer.platform,
            reason=reason_row.code, status="new", items=items_text(resolved),
            opened_at=opened, status_changed_at=opened, **clean)
        Case.update(case_no=case_number(case.id, opened)).where(Case.id == case.id).execute()
        _write_items(case.id, resolved)
        CaseEvent.create(case=case.id, at=opened, kind="status", old_status="", new_status="new",
                         handler=clean["handler"], staff=versions.staff())
        deadlines.refresh([case.id])
        recompute_figures([customer.id])
        pending.add("case", [case.id])
        pending.add("customer", [customer.id])
    return case.id


def update_case(case_id: int, version: int | None = None, **values: object) -> None:
    """Change a case's fields (see EDITABLE); the status changes through
    flow.change_status. The shipping payer follows the rule unless it was
    set by hand; the next deadline is computed again. With `version` (what
    the form read), a change saved meanwhile raises versions.Conflict."""
    unknown = set(values) - set(EDITABLE)
    if unknown:
        raise TypeError(f"not editable case fields: {sorted(unknown)}")
    clean = clean_fields({k: v for k, v in values.items() if k not in ("reason", "order_id")})
    with changes.write(database) as pending:
        case = live_case(case_id)
        versions.claim(Case, case.id, version)
        if "reason" in values and values["reason"] != case.reason:
            clean["reason"] = reasons.for_case(values["reason"], must_be_active=True).code
        order_id = values.get("order_id", case.order_id)
        if order_id is not None and not isinstance(order_id, int):
            raise TypeError("order_id is an order's id or None")
        order = None if order_id is None else _order(order_id, case.customer_id)
        if "order_id" in values:
            clean["order"] = None if order is None else order.id
            if order is not None:
                clean["platform"] = order.platform
        _check_refund(clean.get("refund_fen", case.refund_fen), order)
        if "items" in clean:
            resolved = _resolve_items(clean.pop("items"), order_id)
            _write_items(case.id, resolved)
            clean["items"] = items_text(resolved)
        elif "order_id" in values and order_id != case.order_id:
            # items picked from the old order cannot stay on the case
            if CaseItem.select().where(CaseItem.case == case.id,
                                       CaseItem.order_item.is_null(False)).exists():
                raise UserError(QT_TRANSLATE_NOOP(
                    "UserError", "Some items on this case come from its order; pick the items again "
                                 "for the new order."))
        if not case.shipping_payer_override:
            clean["shipping_payer"] = shipping.payer_for(
                clean.get("free_shipping", case.free_shipping),
                clean.get("responsibility", case.responsibility), clean.get("kind", case.kind))
        Case.update(**clean, updated_at=timeutil.now()).where(Case.id == case.id).execute()
        deadlines.refresh([case.id])
        pending.add("case", [case.id])
        pending.add("customer", [case.customer_id])


def set_shipping_payer(case_id: int, payer: str | None, handler: str = "",
                       comment: str = "") -> None:
    """Override who pays the return shipping (None: follow the rule again); the
    change is recorded as an event on the case's timeline."""
    if payer is not None and payer not in shipping.PAYERS:
        raise UserError(QT_TRANSLATE_NOOP("UserError", "Choose who pays the return shipping."))
    who, note = clean_handler(handler), clean_comment(comment)
    with changes.write(database) as pending:
        case = live_case(case_id)
        new = payer if payer is not None else shipping.payer_for(
            case.free_shipping, case.responsibility, case.kind)
        if new == case.shipping_payer and bool(case.shipping_payer_override) == (payer is not None):
            return
        Case.update(shipping_payer=new, shipping_payer_override=payer is not None,
                    updated_at=timeutil.now()).where(Case.id == case.id).execute()
        CaseEvent.create(case=case.id, at=timeutil.now(), kind="payer_override",
                         old_status=case.shipping_payer, new_status=new,
                         handler=who or settings.get("handler") or case.handler, comment=note,
                         staff=versions.staff())
        pending.add("case", [case.id])


def add_comment(case_id: int, comment: str, handler: str = "") -> int:
    """A remark on the case's timeline; returns the event's id."""
    note, who = clean_comment(comment), clean_handler(handler)
    if not note:
        raise UserError(QT_TRANSLATE_NOOP("UserError", "The comment is empty."))
    with changes.write(database) as pending:
        case = live_case(case_id)
        event = CaseEvent.create(case=case.id, at=timeutil.now(), kind="comment",
                                 handler=who or settings.get("handler") or case.handler,
                                 comment=note, staff=versions.staff())
        pending.add("case", [case.id])
    return event.id


def remove_comment(event_id: int) -> None:
    """Take a remark off the timeline (undo of add_comment); status changes stay."""
    with changes.write(database) as pending:
        event = CaseEvent.get_or_none(CaseEvent.id == event_id, CaseEvent.kind == "comment")
        if event is None:
            raise UserError(QT_TRANSLATE_NOOP("UserError", "This comment is no longer on the case."))
        event.delete_instance()
        pending.add("case", [event.case_id])


# -- reading ----------------------------------------------------------------------------


def get_case(case_id: int) -> CaseDetail:
    """Everything the case form shows (a trashed case too)."""
    c = Case.get_or_none(Case.id == case_id)
    if c is None:
        raise UserError(QT_TRANSLATE_NOOP("UserError", "This after-sales case no longer exists."))
    customer = Customer.get_by_id(c.customer_id)
    order = None if c.order_id is None else Order.get_or_none(Order.id == c.order_id)
    reason = Reason.get_or_none(Reason.code == c.reason)
    items = [ItemInfo(i.id, i.order_item_id, i.title, i.quantity)
             for i in CaseItem.select().where(CaseItem.case == c.id).order_by(CaseItem.id)]
    events = [EventInfo(e.id, e.at, e.kind, e.old_status, e.new_status, e.handler, e.comment, e.staff)
              for e in CaseEvent.select().where(CaseEvent.case == c.id)
              .order_by(CaseEvent.at, CaseEvent.id)]
    evidence = photos.list_photos(c.id)  # the photos module owns evidence rows
    return CaseDetail(
        id=c.id, case_no=c.case_no, customer_id=c.customer_id, nickname=customer.nickname,
        platform=c.platform, order_id=c.order_id,
        order_no=None if order is None else str(order.order_no), kind=c.kind, reason=c.reason,
        reason_name=c.reason if reason is None else presets.shown(presets.REASON, reason.code, reason.name),
        responsibility=c.responsibility,
        status=c.status, handler=c.handler, items_text=c.items, refund_fen=c.refund_fen,
        compensation_fen=c.compensation_fen, shipping_fen=c.shipping_fen,
        platform_refund_no=c.platform_refund_no, free_shipping=bool(c.free_shipping),
        no_reason_return=bool(c.no_reason_return), shipping_payer=c.shipping_payer,
        shipping_payer_override=bool(c.shipping_payer_override),
        shipping_sentence=shipping.sentence(c.shipping_payer or shipping.NOBODY,
                                            bool(c.shipping_payer_override), bool(c.free_shipping),
                                            c.responsibility, c.kind),
        description=c.description, return_carrier=c.return_carrier,
        return_tracking_no=c.return_tracking_no, return_by_surface=bool(c.return_by_surface),
        reissue_carrier=c.reissue_carrier, reissue_tracking_no=c.reissue_tracking_no,
        opened_at=c.opened_at, status_changed_at=c.status_changed_at,
        first_response_at=c.first_response_at, closed_at=c.closed_at,
        next_deadline_at=c.next_deadline_at, next_deadline_key=c.next_deadline_key,
        created_at=c.created_at, updated_at=c.updated_at, deleted_at=c.deleted_at,
        items=items, events=events, evidence=evidence, version=c.version, updated_by=c.updated_by,
    )


def cases_for_order(order_id: int) -> list[CaseSummary]:
    """An order's cases (not the trashed ones), newest first: the order's history."""
    rows = (Case.select().where(Case.order == order_id, Case.deleted_at.is_null())
            .order_by(Case.opened_at.desc(), Case.id.desc()))
    return [CaseSummary(c.id, c.case_no, c.kind, c.status, c.reason, c.opened_at,
                        c.next_deadline_at) for c in rows]


def case_id_by_number(case_no: str) -> int:
    """The id of the case with this number (trashed ones too)."""
    row = Case.get_or_none(Case.case_no == clean_line(case_no))
    if row is None:
        raise UserError(QT_TRANSLATE_NOOP("UserError", "There is no case {case_no}."),
                        case_no=clean_line(case_no)[:40])
    return row.id


# -- trash ------------------------------------------------------------------------------


def move_to_trash(case_ids: Iterable[int]) -> int:
    """Trash cases; returns how many were moved. The customers' case counts follow."""
    return _set_trashed(case_ids, True)


def restore(case_ids: Iterable[int]) -> int:
    """Bring cases back from the trash; their deadlines are computed again."""
    return _set_trashed(case_ids, False)


def _set_trashed(case_ids: Iterable[int], trashed: bool) -> int:
    ids = fields.id_list(case_ids)
    with changes.write(database) as pending:
        now = timeutil.now()
        rows = list(Case.select(Case.id, Case.customer).where(
            Case.id.in_(ids), Case.deleted_at.is_null(trashed)))
        moved = [r.id for r in rows]
        if moved:
            (Case.update(deleted_at=now if trashed else None, updated_at=now)
             .where(Case.id.in_(moved)).execute())
            if not trashed:
                deadlines.refresh(moved)
            customers = sorted({r.customer_id for r in rows})
            recompute_figures(customers)
            pending.add("case", moved)
            pending.add("customer", customers)
    return len(moved)
