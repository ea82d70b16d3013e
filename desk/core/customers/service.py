"""Customer file services: create and edit buyers, their addresses, the trash.

Every write validates first, then writes in one transaction and announces the
rows it touched; read functions return plain dataclasses, never peewee rows.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from desk.core import changes, pinyin, timeutil, versions
from desk.core.base import database
from desk.core.customers import fields, figures, notes, tags
from desk.core.customers.figures import RiskFlag
from desk.core.customers.live import live_customer
from desk.core.customers.models import Address, Customer, CustomerTag, Tag, TagCategory
from desk.core.customers.notes import NoteInfo
from desk.core.customers.tags import TagInfo
from desk.core.errors import QT_TRANSLATE_NOOP, UserError
from desk.core.history import Cell, Step
from desk.core.orders import service as order_service
from desk.core.platforms import PLATFORMS
from desk.core.text import clean_line

IDENTITY_FIELDS = ("platform", "nickname", "real_name", "phone", "region")
ADDRESS_FIELDS = ("receiver", "phone", "province", "city", "district", "detail")
ADDRESS_PART_MAX = 32
ADDRESS_DETAIL_MAX = 200
RECEIVER_MAX = 32


@dataclass(frozen=True)
class AddressInfo:
    id: int
    receiver: str
    phone: str
    province: str
    city: str
    district: str
    detail: str
    is_default: bool
    version: int = field(default=0, compare=False)  # pass back to update_address (desk/core/versions.py)


@dataclass(frozen=True)
class CategoryInfo:
    id: int
    name: str
    color: str


@dataclass(frozen=True)
class CaseRow:
    id: int
    case_no: str
    kind: str  # a code of aftersales.models.CASE_KINDS
    status: str  # a code of aftersales.models.CASE_STATUSES
    reason: str  # the reason's code
    reason_name: str  # the shop's own name for it (the code when the reason is gone)
    next_deadline_at: datetime | None
    opened_at: datetime
    order_no: str | None


@dataclass(frozen=True)
class CustomerDetail:
    id: int
    platform: str
    nickname: str
    real_name: str
    phone: str
    region: str
    lifecycle: str
    lifecycle_manual: bool
    order_count: int
    paid_order_count: int
    unpaid_count: int
    total_spent_fen: int
    average_order_fen: int  # 客单价: total spent / paid orders, rounded to the fen
    is_repeat: bool
    first_order_at: datetime | None
    last_order_at: datetime | None
    last_contact_at: datetime | None
    case_count: int
    open_case_count: int
    source: str
    created_at: datetime
    updated_at: datetime
    deleted_at: datetime | None
    addresses: list[AddressInfo] = field(default_factory=list)
    tags: list[TagInfo] = field(default_factory=list)
    # (id, order_no, status, placed_at, amount_fen), newest first (orders.service.orders_of)
    orders: list[tuple[int, str, str, datetime, int]] = field(default_factory=list)
    cases: list[CaseRow] = field(default_factory=list)  # newest first, not the trashed
    notes: list[NoteInfo] = field(default_factory=list)  # pinned first, then newest
    risks: list[RiskFlag] = field(default_factory=list)
    # of the identity fields: pass back to update() (desk/core/versions.py)
    version: int = field(default=0, compare=False)
    updated_by: str = field(default="", compare=False)


# -- validation ---------------------------------------------------------------


def _platform(value: object) -> str:
    text = clean_line(value if value is None or isinstance(value, str) else str(value))
    if not text:
        raise UserError(QT_TRANSLATE_NOOP("UserError", "Choose the customer's platform."))
    if text not in PLATFORMS:
        raise UserError(QT_TRANSLATE_NOOP("UserError", "Unknown platform \"{platform}\"."),
                        platform=text[:40])
    return text


def clean_identity(values: dict) -> dict:
    """Identity fields checked and cleaned as the customer form saves them
    (UserError naming the field otherwise)."""
    out = {}
    if "platform" in values:
        out["platform"] = _platform(values["platform"])
    if "nickname" in values:
        out["nickname"] = fields.line(
            values["nickname"], fields.NICKNAME_MAX,
            required=QT_TRANSLATE_NOOP("UserError", "Nickname is required."),
            too_long=QT_TRANSLATE_NOOP("UserError", "The nickname can be at most {limit} characters "
                                       "(this one has {length})."))
    if "real_name" in values:
        out["real_name"] = fields.line(
            values["real_name"], fields.REAL_NAME_MAX,
            too_long=QT_TRANSLATE_NOOP("UserError", "The real name can be at most {limit} characters "
                                       "(this one has {length})."))
    if "region" in values:
        out["region"] = fields.line(
            values["region"], fields.REGION_MAX,
            too_long=QT_TRANSLATE_NOOP("UserError", "The region can be at most {limit} characters "
                                       "(this one has {length})."))
    if "phone" in values:
        out["phone"] = fields.phone(values["phone"])
    return out


def check_unique(platform: str, nickname: str, except_id: int | None = None) -> None:
    """Refuse a second live customer with the same platform and nickname."""
    query = Customer.select(Customer.id).where(
        Customer.platform == platform, Customer.nickname == nickname, Customer.deleted_at.is_null())
    if except_id is not None:
        query = query.where(Customer.id != except_id)
    if query.exists():
        raise UserError(
            QT_TRANSLATE_NOOP("UserError", "There is already a customer \"{nickname}\" on {platform}."),
            nickname=nickname, platform=platform)


def pinyin_columns(values: dict) -> dict:
    out = {}
    if "nickname" in values:
        out["nickname_py"] = pinyin.full(values["nickname"])
        out["nickname_abbr"] = pinyin.abbr(values["nickname"])
    if "real_name" in values:
        out["real_name_py"] = pinyin.full(values["real_name"])
        out["real_name_abbr"] = pinyin.abbr(values["real_name"])
    return out


def any_customers() -> bool:
    """Whether the file holds any buyer at all, those in the trash included
    (the first-run welcome is offered only to an empty shop)."""
    return Customer.select().exists()


# -- customers ----------------------------------------------------------------


def create(platform: str, nickname: str, real_name: str = "", phone: str = "",
           region: str = "", source: str = "manual") -> int:
    """A new customer; returns the id."""
    values = clean_identity({"platform": platform, "nickname": nickname, "real_name": real_name,
                              "phone": phone, "region": region})
    with changes.write(database) as pending:
        check_unique(values["platform"], values["nickname"])
        customer = Customer.create(**values, **pinyin_columns(values), source=source)
        pending.add("customer", [customer.id])
    return customer.id


def update(customer_id: int, version: int | None = None, **values: object) -> None:
    """Change identity fields (platform, nickname, real_name, phone, region).
    With `version` (what the form read), a change saved meanwhile raises
    versions.Conflict and nothing is written."""
    unknown = set(values) - set(IDENTITY_FIELDS)
    if unknown:
        raise TypeError(f"not identity fields: {sorted(unknown)}")
    clean = clean_identity(values)
    with changes.write(database) as pending:
        customer = live_customer(customer_id)
        versions.claim(Customer, customer.id, version)
        if "platform" in clean or "nickname" in clean:
            check_unique(clean.get("platform", customer.platform),
                         clean.get("nickname", customer.nickname), except_id=customer.id)
        (Customer.update(**clean, **pinyin_columns(clean), updated_at=timeutil.now())
         .where(Customer.id == customer.id).execute())
        pending.add("customer", [customer.id])


def average_order_fen(total_fen: int, paid_orders: int) -> int:
    """客单价: what a paid order brings on average, rounded half up to the fen."""
    return (2 * total_fen + paid_orders) // (2 * paid_orders) if paid_orders else 0


def get(customer_id: int) -> CustomerDetail:
    """Everything the detail page shows about one customer (trashed ones too)."""
    c = Customer.get_or_none(Customer.id == customer_id)
    if c is None:
        raise UserError(QT_TRANSLATE_NOOP("UserError", "This customer no longer exists."))
    return CustomerDetail(
        id=c.id, platform=c.platform, nickname=c.nickname, real_name=c.real_name, phone=c.phone,
        region=c.region, lifecycle=c.lifecycle, lifecycle_manual=bool(c.lifecycle_manual),
        order_count=c.order_count, paid_order_count=c.paid_order_count, unpaid_count=c.unpaid_count,
        total_spent_fen=c.total_spent_fen,
        average_order_fen=average_order_fen(c.total_spent_fen, c.paid_order_count),
        is_repeat=c.paid_order_count >= 2, first_order_at=c.first_order_at,
        last_order_at=c.last_order_at, last_contact_at=c.last_contact_at, case_count=c.case_count,
        open_case_count=c.open_case_count, source=c.source, created_at=c.created_at,
        updated_at=c.updated_at, deleted_at=c.deleted_at,
        addresses=addresses(c.id), tags=tags_of(c.id), orders=order_service.orders_of(c.id),
        cases=cases_of(c.id), notes=notes.list_notes(c.id), risks=figures.risk_flags(c.id),
        version=c.version, updated_by=c.updated_by,
    )


def tags_of(customer_id: int) -> list[TagInfo]:
    """A customer's tags, by category then tag position."""
    rows = (Tag.select(Tag, TagCategory)
            .join(CustomerTag, on=(CustomerTag.tag == Tag.id))
            .switch(Tag).join(TagCategory)
            .where(CustomerTag.customer == customer_id)
            .order_by(TagCategory.position, Tag.position, Tag.id))
    return [TagInfo(t.id, t.name, t.color or t.category.color, t.category.id, t.category.name)
            for t in rows]


def cases_of(customer_id: int) -> list[CaseRow]:
    """A customer's after-sales cases (not the trashed ones), newest first."""
    rows = database.execute_sql(
        "SELECT a.id, a.case_no, a.kind, a.status, a.reason,"
        " coalesce(shown_name('reason', r.code, r.name), a.reason),"
        " a.next_deadline_at, a.opened_at, o.order_no FROM aftersales_case a"
        " LEFT JOIN aftersales_reason r ON r.code = a.reason"
        " LEFT JOIN shop_order o ON o.id = a.order_id"
        " WHERE a.customer_id = ? AND a.deleted_at IS NULL"
        " ORDER BY a.opened_at DESC, a.id DESC", (customer_id,))
    return [CaseRow(r[0], r[1], r[2], r[3], r[4], r[5],
                    None if r[6] is None else timeutil.from_epoch(r[6]), timeutil.from_epoch(r[7]),
                    None if r[8] is None else str(r[8])) for r in rows]


def tag_with_new(customer_id: int, category_id: int, name: str) -> int:
    """Create a tag and give it to the customer in one transaction; returns the tag's id."""
    with changes.write(database):
        live_customer(customer_id)
        tag_id = tags.create_tag(category_id, name)
        tags.add_tags([customer_id], [tag_id])
    return tag_id


def tag_categories() -> list[CategoryInfo]:
    """Every tag category, in their order: where a new tag can go."""
    return [CategoryInfo(c.id, c.name, c.color)
            for c in TagCategory.select().order_by(TagCategory.position, TagCategory.id)]


# -- addresses ----------------------------------------------------------------


def addresses(customer_id: int) -> list[AddressInfo]:
    """Default first, then newest first."""
    rows = (Address.select().where(Address.customer == customer_id)
            .order_by(Address.is_default.desc(), Address.created_at.desc(), Address.id.desc()))
    return [AddressInfo(a.id, a.receiver, a.phone, a.province, a.city, a.district, a.detail,
                        bool(a.is_default), a.version) for a in rows]


def _clean_address(values: dict) -> dict:
    too_long = QT_TRANSLATE_NOOP("UserError", "This part of the address can be at most {limit} "
                                 "characters (this one has {length}).")
    out = {}
    for name in ("province", "city", "district"):
        if name in values:
            out[name] = fields.line(values[name], ADDRESS_PART_MAX, too_long=too_long)
    if "detail" in values:
        out["detail"] = fields.line(
            values["detail"], ADDRESS_DETAIL_MAX,
            too_long=QT_TRANSLATE_NOOP("UserError", "The street address can be at most {limit} "
                                       "characters (this one has {length})."))
    if "receiver" in values:
        out["receiver"] = fields.line(
            values["receiver"], RECEIVER_MAX,
            too_long=QT_TRANSLATE_NOOP("UserError", "The receiver's name can be at most {limit} "
                                       "characters (this one has {length})."))
    if "phone" in values:
        out["phone"] = fields.phone(values["phone"])
    return out


def _require_place(values: dict) -> None:
    if not any(values.get(k) for k in ("province", "city", "district", "detail")):
        raise UserError(QT_TRANSLATE_NOOP("UserError", "The address is empty."))


def _newest_address(customer_id: int, excluding: int | None = None) -> int | None:
    query = Address.select(Address.id).where(Address.customer == customer_id)
    if excluding is not None:
        query = query.where(Address.id != excluding)
    newest = query.order_by(Address.created_at.desc(), Address.id.desc()).first()
    return None if newest is None else newest.id


def _promote_latest(customer_id: int) -> None:
    """Make the newest address the default when none is."""
    if Address.select().where(Address.customer == customer_id, Address.is_default.is_set()).exists():
        return
    latest = _newest_address(customer_id)
    if latest is not None:
        Address.update(is_default=True).where(Address.id == latest).execute()


def _existing_address(address_id: int) -> Address:
    """The address, with its customer checked to be live."""
    address = Address.get_or_none(Address.id == address_id)
    if address is None:
        raise UserError(QT_TRANSLATE_NOOP("UserError", "This address no longer exists."))
    live_customer(address.customer_id)
    return address


def add_address(customer_id: int, receiver: str = "", phone: str = "", province: str = "",
                city: str = "", district: str = "", detail: str = "",
                is_default: bool = False) -> int:
    """A new address; the first one, or one marked default, becomes the default."""
    clean = _clean_address({"receiver": receiver, "phone": phone, "province": province,
                            "city": city, "district": district, "detail": detail})
    _require_place(clean)
    with changes.write(database) as pending:
        live_customer(customer_id)
        if is_default:
            Address.update(is_default=False).where(Address.customer == customer_id).execute()
        address = Address.create(customer=customer_id, is_default=bool(is_default), **clean)
        _promote_latest(customer_id)
        pending.add("customer", [customer_id])
    return address.id


def update_address(address_id: int, version: int | None = None, **values: object) -> None:
    """Change an address's fields or make it the default (is_default=True).
    Unsetting the default hands it to the newest other address, if any. With
    `version`, a change saved meanwhile raises versions.Conflict."""
    unknown = set(values) - set(ADDRESS_FIELDS) - {"is_default"}
    if unknown:
        raise TypeError(f"not address fields: {sorted(unknown)}")
    clean = _clean_address(values)
    with changes.write(database) as pending:
        address = _existing_address(address_id)
        versions.claim(Address, address.id, version)
        cid = address.customer_id
        merged = {k: clean.get(k, getattr(address, k)) for k in ADDRESS_FIELDS}
        _require_place(merged)
        if values.get("is_default"):
            Address.update(is_default=False).where(Address.customer == cid).execute()
            clean["is_default"] = True
        elif "is_default" in values and address.is_default:
            clean["is_default"] = False
            newest_other = _newest_address(cid, excluding=address.id)
            if newest_other is None:
                clean["is_default"] = True  # the only address stays the default
            else:
                Address.update(is_default=True).where(Address.id == newest_other).execute()
        Address.update(**clean, updated_at=timeutil.now()).where(Address.id == address.id).execute()
        pending.add("customer", [cid])


def get_address(address_id: int) -> AddressInfo:
    a = _existing_address(address_id)
    return AddressInfo(a.id, a.receiver, a.phone, a.province, a.city, a.district, a.detail,
                       bool(a.is_default), a.version)


def default_address(customer_id: int) -> int | None:
    row = Address.select(Address.id).where(Address.customer == customer_id, Address.is_default.is_set()).first()
    return None if row is None else row.id


def remove_address(address_id: int, default_to: int | None = None) -> dict:
    """Delete an address; removing the default promotes the newest remaining one,
    or `default_to` when given (what undoing "add a default address" needs).
    Returns the removed row as plain data, for restore_address()."""
    with changes.write(database) as pending:
        address = _existing_address(address_id)
        cid = address.customer_id
        token = {"id": address.id, "customer_id": cid, "is_default": bool(address.is_default),
                 "created_at": timeutil.to_epoch(address.created_at),
                 "updated_at": timeutil.to_epoch(address.updated_at),
                 **{k: getattr(address, k) for k in ADDRESS_FIELDS}}
        address.delete_instance()
        if default_to is not None and Address.select().where(
                Address.id == default_to, Address.customer == cid).exists():
            Address.update(is_default=False).where(Address.customer == cid).execute()
            Address.update(is_default=True).where(Address.id == default_to).execute()
        _promote_latest(cid)
        pending.add("customer", [cid])
    return token


def restore_address(token: dict) -> int:
    """Put back an address remove_address() took away: same id, same place in
    the list, and the default again if it was."""
    clean = _clean_address({k: token.get(k, "") for k in ADDRESS_FIELDS})
    _require_place(clean)
    cid = int(token["customer_id"])
    with changes.write(database) as pending:
        live_customer(cid)
        if Address.select().where(Address.id == int(token["id"])).exists():
            raise UserError(QT_TRANSLATE_NOOP("UserError", "This address is already there."))
        if token.get("is_default"):
            Address.update(is_default=False).where(Address.customer == cid).execute()
        Address.insert(id=int(token["id"]), customer=cid, is_default=bool(token.get("is_default")),
                       created_at=int(token["created_at"]), updated_at=int(token["updated_at"]),
                       **clean).execute()
        _promote_latest(cid)
        pending.add("customer", [cid])
    return int(token["id"])


# -- trash --------------------------------------------------------------------


def move_to_trash(customer_ids: list[int], at: int | None = None) -> int:
    """Trash customers (at `at`, default now); their orders, notes, cases and
    tags stay attached. Returns how many were moved (ones already in the trash
    are skipped)."""
    ids = fields.id_list(customer_ids)
    with changes.write(database) as pending:
        now = timeutil.now() if at is None else at
        n = (Customer.update(deleted_at=now, updated_at=now)
             .where(Customer.id.in_(ids), Customer.deleted_at.is_null()).execute())
        pending.add("customer", ids)
    return n


def restore(customer_ids: list[int]) -> int:
    """Bring customers back from the trash; refuses all of them when one would
    clash with a live customer of the same platform and nickname."""
    ids = fields.id_list(customer_ids)
    with changes.write(database) as pending:
        trashed = list(Customer.select(Customer.id, Customer.platform, Customer.nickname)
                       .where(Customer.id.in_(ids), Customer.deleted_at.is_null(False)))
        seen: set[tuple[str, str]] = set()
        for c in trashed:
            key = (c.platform, c.nickname)
            if key in seen:
                raise UserError(
                    QT_TRANSLATE_NOOP("UserError", "Two of these customers are both \"{nickname}\" on "
                                      "{platform}; restore only one of them."),
                    nickname=c.nickname, platform=c.platform)
            seen.add(key)
            check_unique(c.platform, c.nickname)
        n = (Customer.update(deleted_at=None, updated_at=timeutil.now())
             .where(Customer.id.in_([c.id for c in trashed])).execute())
        pending.add("customer", [c.id for c in trashed])
    return n


_TRASH_COUNTS = {
    "customers": "SELECT count(*) FROM customer WHERE deleted_at IS NOT NULL",
    "orders": "SELECT count(*) FROM shop_order WHERE customer_id IN ({trash})",
    "cases": "SELECT count(*) FROM aftersales_case WHERE customer_id IN ({trash})",
    "notes": "SELECT count(*) FROM note WHERE customer_id IN ({trash})",
    "followups": "SELECT count(*) FROM followup WHERE customer_id IN ({trash})",
    "addresses": "SELECT count(*) FROM address WHERE customer_id IN ({trash})",
    "tags": "SELECT count(*) FROM customer_tag WHERE customer_id IN ({trash})",
}


def empty_trash() -> dict[str, int]:
    """Delete trashed customers for good, with everything attached to them.
    Returns how many rows of each kind went."""
    trash = "SELECT id FROM customer WHERE deleted_at IS NOT NULL"
    with changes.write(database) as pending:
        counts = {name: database.execute_sql(sql.format(trash=trash)).fetchone()[0]
                  for name, sql in _TRASH_COUNTS.items()}
        ids = [r[0] for r in database.execute_sql(trash)]
        database.execute_sql("DELETE FROM customer WHERE deleted_at IS NOT NULL")
        pending.add("customer", ids)
        for entity in ("order", "case", "note", "followup"):
            pending.add(entity)
    return counts


# -- the same writes, each with its undo (desk.core.history) --------------------------


def _still_there(customer_ids: list[int]) -> None:
    """Refuse an undo or redo when one of the customers was deleted for good meanwhile."""
    found = Customer.select().where(Customer.id.in_(customer_ids)).count()
    if found != len(customer_ids):
        raise UserError(QT_TRANSLATE_NOOP("UserError", "Some of these customers were deleted for good "
                                          "since (the trash was emptied)."))


def _trash_again(customer_ids: list[int], at: int | None = None) -> None:
    _still_there(customer_ids)
    move_to_trash(customer_ids, at)


def _restore_again(customer_ids: list[int]) -> None:
    _still_there(customer_ids)
    restore(customer_ids)


def create_step(platform: str, nickname: str, real_name: str = "", phone: str = "",
                region: str = "", source: str = "manual") -> tuple[int, Step]:
    """create(), with the step that moves the new customer to the trash and
    brings them back (the same id, so later steps still find them)."""
    customer_id = create(platform, nickname, real_name, phone, region, source)
    return customer_id, Step(f"New customer {customer_id}", undo=lambda: _trash_again([customer_id]),
                             redo=lambda: _restore_again([customer_id]), entity="customer")


def update_step(customer_id: int, version: int | None = None,
                **values: object) -> tuple[None, Step]:
    """update() (checked against `version` when given), with the step that
    gives back the identity fields it changed."""
    with changes.write(database):
        customer = live_customer(customer_id)
        old = {name: getattr(customer, name) for name in values if name in IDENTITY_FIELDS}
        update(customer_id, version=version, **values)
    return None, Step(f"Edit customer {customer_id}", undo=lambda: update(customer_id, **old),
                      redo=lambda: update(customer_id, **values), entity="customer")


def tag_with_new_step(customer_id: int, category_id: int, name: str) -> tuple[int, Step]:
    """tag_with_new(), with the step that deletes the new tag (the customer
    loses it) and puts it back on them under its id. Returns the tag's id."""
    tag_id = tag_with_new(customer_id, category_id, name)
    cell = Cell(tag_id)
    saved = Cell(None)

    def undo() -> None:
        saved.value = tags.delete_tag_undoable(cell.value)

    def redo() -> None:
        cell.value = tags.restore_tag(saved.value)

    return tag_id, Step(f"New tag {name.strip()} on customer {customer_id}", undo=undo, redo=redo,
                        entity="tag")


def add_address_step(customer_id: int, **values: object) -> tuple[int, Step]:
    """add_address(), with the step that removes it again (the default going
    back to the address that had it) and puts it back under its id."""
    with changes.write(database):
        default_before = default_address(customer_id)
        address_id = add_address(customer_id, **values)
    removed = Cell(None)

    def undo() -> None:
        removed.value = remove_address(address_id, default_to=default_before)

    def redo() -> None:
        restore_address(removed.value)

    return address_id, Step(f"Add address {address_id}", undo=undo, redo=redo, entity="customer")


def update_address_step(address_id: int, version: int | None = None,
                        **values: object) -> tuple[None, Step]:
    """update_address() of the address's fields (checked against `version`
    when given), with the step that gives them back."""
    if "is_default" in values:
        raise TypeError("make_default_address_step() changes the default")
    with changes.write(database):
        before = get_address(address_id)
        old = {name: getattr(before, name) for name in values if name in ADDRESS_FIELDS}
        update_address(address_id, version=version, **values)
    return None, Step(f"Edit address {address_id}", undo=lambda: update_address(address_id, **old),
                      redo=lambda: update_address(address_id, **values), entity="customer")


def make_default_address_step(address_id: int) -> tuple[None, Step]:
    """Make the address the customer's default, with the step that gives the
    default back to the one that had it."""
    with changes.write(database):
        previous = default_address(_existing_address(address_id).customer_id)
        update_address(address_id, is_default=True)

    def undo() -> None:
        if previous is not None and previous != address_id:
            update_address(previous, is_default=True)

    return None, Step(f"Make address {address_id} the default", undo=undo,
                      redo=lambda: update_address(address_id, is_default=True), entity="customer")


def remove_address_step(address_id: int) -> tuple[dict, Step]:
    """remove_address(), with the step that puts it back (same id, place and
    default). Returns the removed row as plain data."""
    removed = remove_address(address_id)
    return removed, Step(f"Remove address {address_id}", undo=lambda: restore_address(removed),
                         redo=lambda: remove_address(address_id), entity="customer")


def move_to_trash_step(customer_ids: list[int]) -> tuple[int, Step]:
    """move_to_trash(), with the step that restores the customers it moved
    (refused, in words, when a live customer has taken one's name meanwhile)."""
    ids = fields.id_list(customer_ids)
    with changes.write(database):
        moved = [c.id for c in Customer.select(Customer.id).where(
            Customer.id.in_(ids), Customer.deleted_at.is_null()).order_by(Customer.id)]
        at = timeutil.now()  # a redo trashes them as of the same moment
        n = move_to_trash(moved, at)
    return n, Step(f"Move {n} customer(s) to the trash", undo=lambda: _restore_again(moved),
                   redo=lambda: _trash_again(moved, at), entity="customer")


def _back_to_trash(deleted_at: dict[int, int]) -> None:
    """Put customers back in the trash with the times they were first trashed
    (the trash lists the most recently deleted first)."""
    with changes.write(database) as pending:
        _still_there(list(deleted_at))
        now = timeutil.to_epoch(timeutil.now())
        database.connection().executemany(
            "UPDATE customer SET deleted_at = ?, updated_at = ? WHERE id = ?",
            [(at, now, cid) for cid, at in deleted_at.items()])
        pending.add("customer", list(deleted_at))


def restore_step(customer_ids: list[int]) -> tuple[int, Step]:
    """restore(), with the step that puts them back in the trash as they were."""
    ids = fields.id_list(customer_ids)
    with changes.write(database):
        trashed = {cid: at for cid, at in database.execute_sql(
            "SELECT id, deleted_at FROM customer WHERE deleted_at IS NOT NULL"
            " AND id IN (SELECT value FROM json_each(?)) ORDER BY id", (fields.ids_param(ids),))}
        n = restore(list(trashed))
    return n, Step(f"Restore {n} customer(s)", undo=lambda: _back_to_trash(trashed),
                   redo=lambda: _restore_again(list(trashed)), entity="customer")
