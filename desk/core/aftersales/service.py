"""After-sales services: open and edit cases, read one back whole, the trash.

Every write validates first, then writes in one transaction (the case, its
items, its first event, its next deadline and the customer's case counts
together) and announces what it touched; reads return plain dataclasses.
Status changes live in desk.core.aftersales.flow.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from desk.core import changes, presets, settings, timeutil, versions
from desk.core.aftersales import deadlines, due, photos, shipping
from desk.core.aftersales.models import (
    CASE_KINDS,
    RESPONSIBILITIES,
    Case,
    CaseEvent,
    CaseItem,
    Reason,
)
from desk.core.base import database
from desk.core.customers import fields
from desk.core.customers.figures import recompute_figures
from desk.core.customers.models import Customer
from desk.core.customers.service import live_customer
from desk.core.errors import QT_TRANSLATE_NOOP, UserError
from desk.core.history import Step
from desk.core.money import parse_yuan
from desk.core.orders.models import Order, OrderItem
from desk.core.text import clean_line, strip_controls

HANDLER_MAX = 32
CARRIER_MAX = 32
TRACKING_MAX = 40
REFUND_NO_MAX = 64
ITEM_TITLE_MAX = 100
ITEM_QTY_MAX = 9999
ITEMS_MAX = 50
DESCRIPTION_MAX = 2000
COMMENT_MAX = 500
AMOUNT_MAX_FEN = 1_000_000_000  # ten million yuan: anything above is a typo
_TRACKING = re.compile(r"[A-Za-z0-9-]+")

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


# -- validation ---------------------------------------------------------------


def _line(value: object, limit: int, too_long: str, required: str | None = None) -> str:
    return fields.line(value, limit, too_long=too_long, required=required)


def clean_handler(value: object) -> str:
    return _line(value, HANDLER_MAX, QT_TRANSLATE_NOOP(
        "UserError", "The handler's name can be at most {limit} characters (this one has {length})."))


def clean_comment(value: object) -> str:
    text = strip_controls("" if value is None else str(value)).strip()
    if len(text) > COMMENT_MAX:
        raise UserError(QT_TRANSLATE_NOOP(
            "UserError", "A comment can be at most {limit} characters (this one has {length})."),
            limit=COMMENT_MAX, length=len(text))
    return text


def _kind(value: object) -> str:
    if value not in CASE_KINDS:
        raise UserError(QT_TRANSLATE_NOOP("UserError", "Choose what kind of case this is."))
    return value


def _responsibility(value: object) -> str:
    if value not in RESPONSIBILITIES:
        raise UserError(QT_TRANSLATE_NOOP(
            "UserError", "Choose who is responsible: the shop, the buyer, the carrier or the "
                         "supplier."))
    return value


def fen(value: object) -> int:
    """An amount in fen from a whole number of fen or yuan text ("12.50", "¥1,299");
    never through a float. Refuses negative and absurd amounts."""
    if isinstance(value, bool) or isinstance(value, float):
        raise TypeError("amounts are integer fen or yuan text, never float")
    if value is None or (isinstance(value, str) and not value.strip()):
        return 0
    amount = value if isinstance(value, int) else parse_yuan(str(value))
    if amount < 0:
        raise UserError(QT_TRANSLATE_NOOP("UserError", "An amount cannot be negative."))
    if amount > AMOUNT_MAX_FEN:
        raise UserError(QT_TRANSLATE_NOOP(
            "UserError", "{amount} yuan is more than any after-sales case can be worth; check the "
                         "amount."), amount=f"{amount // 100:,}")
    return amount


def _tracking(value: object) -> str:
    text = re.sub(r"\s", "", clean_line(value if value is None or isinstance(value, str)
                                        else str(value)))
    if not text:
        return ""
    if len(text) > TRACKING_MAX or not _TRACKING.fullmatch(text):
        raise UserError(QT_TRANSLATE_NOOP(
            "UserError", "“{number}” is not a tracking number: use letters, digits and dashes, "
                         "at most {limit}."), number=text[:TRACKING_MAX + 5], limit=TRACKING_MAX)
    return text


def _carrier(value: object) -> str:
    return _line(value, CARRIER_MAX, QT_TRANSLATE_NOOP(
        "UserError", "The carrier's name can be at most {limit} characters (this one has {length})."))


def _refund_no(value: object) -> str:
    return _line(value, REFUND_NO_MAX, QT_TRANSLATE_NOOP(
        "UserError", "The platform's refund number can be at most {limit} characters (this one has "
                     "{length})."))


def _description(value: object) -> str:
    text = strip_controls("" if value is None else str(value)).strip()
    if len(text) > DESCRIPTION_MAX:
        raise UserError(QT_TRANSLATE_NOOP(
            "UserError", "The description can be at most {limit} characters (this one has "
                         "{length})."), limit=DESCRIPTION_MAX, length=len(text))
    return text


def _items(value: object) -> list[tuple[int | str, int]]:
    """[(order item id or a name, quantity)], checked for shape; the order
    items themselves are checked against the order inside the write."""
    if value is None:
        return []
    if isinstance(value, (str, bytes)):
        raise TypeError("items is a list of (order item id or name, quantity)")
    out: list[tuple[int | str, int]] = []
    for entry in value:
        what, qty = entry
        if isinstance(qty, bool) or not isinstance(qty, int):
            raise TypeError("an item's quantity is a whole number")
        if not 1 <= qty <= ITEM_QTY_MAX:
            raise UserError(QT_TRANSLATE_NOOP(
                "UserError", "An item's quantity must be between 1 and {most}."), most=ITEM_QTY_MAX)
        if isinstance(what, int) and not isinstance(what, bool):
            out.append((what, qty))
        else:
            out.append((_line(what, ITEM_TITLE_MAX, QT_TRANSLATE_NOOP(
                "UserError", "An item's name can be at most {limit} characters (this one has "
                             "{length})."), required=QT_TRANSLATE_NOOP(
                "UserError", "Name the item, or pick it from the order.")), qty))
    if len(out) > ITEMS_MAX:
        raise UserError(QT_TRANSLATE_NOOP("UserError", "A case can list at most {most} items."),
                        most=ITEMS_MAX)
    return out


_CLEANERS = {
    "kind": _kind,
    "responsibility": _responsibility,
    "items": _items,
    "refund_fen": fen,
    "compensation_fen": fen,
    "shipping_fen": fen,
    "platform_refund_no": _refund_no,
    "handler": clean_handler,
    "free_shipping": bool,
    "no_reason_return": bool,
    "return_by_surface": bool,
    "description": _description,
    "return_carrier": _carrier,
    "return_tracking_no": _tracking,
    "reissue_carrier": _carrier,
    "reissue_tracking_no": _tracking,
}


def _clean(values: dict) -> dict:
    out = {}
    for name, value in values.items():
        cleaner = _CLEANERS.get(name)
        out[name] = value if cleaner is None else cleaner(value)
    return out


# -- lookups inside a write ---------------------------------------------------------


def _reason(code: object, must_be_active: bool) -> Reason:
    reason = Reason.get_or_none(Reason.code == code) if isinstance(code, str) else None
    if reason is None or (must_be_active and not reason.active):
        raise UserError(QT_TRANSLATE_NOOP("UserError", "Choose a reason for the case."))
    return reason


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
    clean = _clean({
        "kind": kind, "items": items, "refund_fen": refund_fen, "compensation_fen": compensation_fen,
        "shipping_fen": shipping_fen, "platform_refund_no": platform_refund_no,
        "handler": handler, "description": description, "return_by_surface": return_by_surface,
    })
    if responsibility is not None:
        clean["responsibility"] = _responsibility(responsibility)
    carrier_clean, tracking_clean = _carrier(carrier), _tracking(tracking_no)
    prefix = "reissue" if clean["kind"] == "reissue" else "return"
    clean[f"{prefix}_carrier"], clean[f"{prefix}_tracking_no"] = carrier_clean, tracking_clean
    opened = _opened(opened_at)
    with changes.write(database) as pending:
        customer = live_customer(customer_id)
        reason_row = _reason(reason, must_be_active=True)
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
    clean = _clean({k: v for k, v in values.items() if k not in ("reason", "order_id")})
    with changes.write(database) as pending:
        case = live_case(case_id)
        versions.claim(Case, case.id, version)
        if "reason" in values and values["reason"] != case.reason:
            clean["reason"] = _reason(values["reason"], must_be_active=True).code
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


# -- lists for the case form --------------------------------------------------------------


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


@dataclass(frozen=True)
class OrderItemInfo:
    id: int
    title: str
    sku: str
    quantity: int
    price_fen: int


@dataclass(frozen=True)
class OrderInfo:
    id: int
    customer_id: int
    order_no: str
    amount_fen: int
    shipping_fen: int
    free_shipping: bool
    carrier: str
    tracking_no: str
    items: list[OrderItemInfo] = field(default_factory=list)


def reasons(include_inactive: bool = False) -> list[ReasonInfo]:
    """The case reasons in the shop's order (the form's list: the active ones)."""
    query = Reason.select()
    if not include_inactive:
        query = query.where(Reason.active)
    return [_reason_info(r) for r in query.order_by(Reason.position, Reason.id)]


@dataclass(frozen=True)
class OrderChoice:
    """One of a buyer's orders as the case form lists it."""

    id: int
    order_no: str
    placed_at: datetime
    amount_fen: int
    titles: tuple[str, ...]  # what was in it, in the order's item order


def order_choices(customer_id: int) -> list[OrderChoice]:
    """A buyer's orders, newest first, each with its items' titles: the case
    form's order list (the first one is the default of a new case)."""
    orders = database.execute_sql(
        "SELECT id, order_no, placed_at, amount_fen FROM shop_order WHERE customer_id = ?"
        " ORDER BY placed_at DESC, id DESC", (customer_id,)).fetchall()
    titles: dict[int, list[str]] = {}
    for order_id, title in database.execute_sql(
            "SELECT i.order_id, i.title FROM order_item i JOIN shop_order o ON o.id = i.order_id"
            " WHERE o.customer_id = ? ORDER BY i.order_id, i.id", (customer_id,)):
        titles.setdefault(order_id, []).append(title)
    return [OrderChoice(oid, str(no), timeutil.from_epoch(placed), amount,
                        tuple(titles.get(oid, ()))) for oid, no, placed, amount in orders]


def order_info(order_id: int) -> OrderInfo:
    """An order with its items, for pre-filling a case."""
    order = Order.get_or_none(Order.id == order_id)
    if order is None:
        raise UserError(QT_TRANSLATE_NOOP("UserError", "This order no longer exists."))
    items = [OrderItemInfo(i.id, i.title, i.sku, i.quantity, i.price_fen)
             for i in OrderItem.select().where(OrderItem.order == order.id).order_by(OrderItem.id)]
    return OrderInfo(order.id, order.customer_id, str(order.order_no), order.amount_fen,
                     order.shipping_fen, bool(order.free_shipping), order.carrier,
                     order.tracking_no, items)


# -- the shop's reason list ---------------------------------------------------------------

REASON_NAME_MAX = 20


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
                    Reason.active, Reason.code != code).exists():
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
        if row.active and not Reason.select().where(Reason.active, Reason.code != code).exists():
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
