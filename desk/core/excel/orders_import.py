"""Importing the platforms' order exports into the customer file.

read_file() parses a file into orders (several item rows make one order) and
the rows that cannot be used; combine() joins several files of one platform
(Taobao's order and item reports); plan() compares them with the database
(the dry run) and lists every field it would change; apply() writes the plan
in one transaction and brings the buyers' figures and lifecycle groups up to
date. Buyers are matched by platform and nickname, never by phone (platforms
mask phones); a masked phone fills an empty one but never replaces a real
one. Importing a file twice changes nothing the second time.
"""

from __future__ import annotations

import functools
import json
import logging
import re
import time
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import tzinfo
from itertools import chain, islice
from pathlib import Path

from desk.core import changes, dialect, money, pinyin, timeutil
from desk.core.base import database
from desk.core.customers import bulk, fields
from desk.core.customers.figures import recompute_figures
from desk.core.customers.rules import lifecycle_from_orders
from desk.core.errors import QT_TRANSLATE_NOOP, Cancelled, UserError
from desk.core.excel import item_report, layouts, reading, values
from desk.core.money import format_fen

log = logging.getLogger(__name__)

_STEP = 1000
_WRITE_CACHE_KIB = 64 * 1024
_DEFER_INDEXES_FROM = 10_000  # new rows from which a table's indexes are built after the insert
_TEXT_MAX = 500  # longest address, title or message kept from a cell
ORDER_FIELDS = ("status", "placed_at", "paid_at", "shipped_at", "completed_at", "amount_fen",
                "shipping_fen", "items", "carrier", "tracking_no", "receiver_name",
                "receiver_phone", "receiver_address", "buyer_message")


class UnknownLayout(UserError):
    """No known header row: the caller asks which column holds which field.
    `rows` are the file's first rows as text, to choose the header from."""

    def __init__(self, path: Path, rows: list[list[str]], platform: str | None = None) -> None:
        if platform:  # a platform's export, downloaded without the receiver's details
            super().__init__(QT_TRANSLATE_NOOP(
                "UserError", "{name} is an order export without the buyer: it has no column for the "
                "buyer's nickname or the receiver (收货人). Download it again with the receiver's "
                "details included, or choose the columns yourself."), name=path.name)
        else:
            super().__init__(QT_TRANSLATE_NOOP(
                "UserError", "{name} does not look like an order export ShopDesk knows: no row names "
                "the order number, its status and the buyer. Choose the columns yourself."),
                name=path.name)
        self.rows = rows
        self.platform = platform


@dataclass(frozen=True)
class RowError:
    row: int  # as the spreadsheet numbers it (1 = first line)
    error: UserError  # the UI shows it translated
    file: str = ""  # which file, when several were read together

    @property
    def message(self) -> str:
        return str(self.error)

    def as_dict(self) -> dict:
        return {"row": self.row, "message": self.message} | ({"file": self.file} if self.file else {})


@dataclass(frozen=True)
class FieldChange:
    """One field an import would change: on order `order_no` of `buyer`, read
    from row `row`; `field` is a column of shop_order, or "customer_phone"."""

    row: int
    order_no: str
    buyer: str
    field: str
    old: object
    new: object
    file: str = ""

    def as_dict(self) -> dict:
        out = {"row": self.row, "order_no": self.order_no, "buyer": self.buyer, "field": self.field,
               "old": change_text(self.field, self.old), "new": change_text(self.field, self.new)}
        return out | ({"file": self.file} if self.file else {})


def change_text(key: str, value: object) -> str:
    """A changed value as plain text: times in local time, money in yuan."""
    if value is None or value == "":
        return ""
    if key.endswith("_at") and isinstance(value, int):
        return timeutil.from_epoch(value).astimezone().strftime("%Y-%m-%d %H:%M:%S")
    if key.endswith("_fen") and isinstance(value, int):
        from desk.core.money import format_fen

        return format_fen(value)
    return str(value)


@dataclass(slots=True)
class OrderRecord:
    row: int
    order_no: str
    nickname: str
    values: dict = field(default_factory=dict)  # ORDER_FIELDS found in the file (items as a list)
    phone: str = ""
    rows: list[int] = field(default_factory=list)  # every row of the order
    refunded: int = 0  # rows whose after-sales column says the money went back
    summary_items: bool = False  # items only sum the order up (Taobao's order report)
    file: str = ""  # which file, when several were read together

    @property
    def items_text(self) -> str:
        return item_report.items_text(self.values["items"])


@dataclass
class ParsedFile:
    path: Path
    platform: str
    header: layouts.Header
    orders: dict[str, OrderRecord]
    errors: list[RowError]
    rows: int  # data rows read (blank ones not counted)
    # item rows (from an item report) of orders not in `orders`: for the orders ShopDesk has
    item_orders: dict[str, item_report.OrderItems] = field(default_factory=dict)
    kind: str = "orders"  # "items": a Taobao/Tmall item report (宝贝报表)


@dataclass
class ImportPlan:
    platform: str
    new_customers: list[str] = field(default_factory=list)  # nicknames
    updated_customers: list[int] = field(default_factory=list)
    new_orders: list[OrderRecord] = field(default_factory=list)
    updated_orders: list[tuple[int, int, OrderRecord]] = field(default_factory=list)  # id, customer, rec
    unchanged: int = 0
    errors: list[RowError] = field(default_factory=list)
    changes: list[FieldChange] = field(default_factory=list)  # of the updated orders and buyers
    customer_phones: dict[int, str] = field(default_factory=dict)  # customer id -> phone to store
    applied: bool = False

    def summary(self) -> dict:
        """The figures the CLI prints with --json, with every row and field that changes."""
        return {
            "platform": self.platform,
            "new_customers": len(self.new_customers),
            "updated_customers": len(self.updated_customers),
            "new_orders": len(self.new_orders),
            "updated_orders": len(self.updated_orders),
            "unchanged": self.unchanged,
            "errors": [e.as_dict() for e in self.errors],
            "new_order_rows": [{"row": r.row, "order_no": r.order_no, "buyer": r.nickname}
                               | ({"file": r.file} if r.file else {}) for r in self.new_orders],
            "changes": [c.as_dict() for c in self.changes],
        }


# -- reading ------------------------------------------------------------------


def read_file(
    path: str | Path,
    platform: str | None = None,
    mapping: Mapping[str, str] | None = None,
    *,
    tz: tzinfo | None = None,
    limits: reading.Limits = reading.LIMITS,
    progress: Callable[[int, int], None] | None = None,
    is_cancelled: Callable[[], bool] | None = None,
) -> ParsedFile:
    """Parse an order export. `platform` overrides the detected one; `mapping`
    (field -> column name) replaces the known column names."""
    path = Path(path)
    if platform is not None and platform not in layouts.IMPORT_PLATFORMS:
        raise UserError(QT_TRANSLATE_NOOP("UserError", "Unknown platform \"{platform}\"."),
                        platform=str(platform)[:40])
    source = reading.rows(path, limits)
    top = list(islice(source, layouts.HEADER_SEARCH_ROWS))
    if all(_blank(r) for r in top):
        raise UserError(QT_TRANSLATE_NOOP("UserError", "{name} holds no rows."), name=path.name)
    if mapping:
        missing = [f for f in ("order_no", "status") if not mapping.get(f)]
        if missing or not any(mapping.get(f) for f in layouts.BUYER):
            raise UserError(layouts.INCOMPLETE)
        header = layouts.header_by_mapping(top, mapping)
    else:
        header = layouts.find_header(top)
        if header is None:
            items_header = layouts.find_item_header(top)
            if items_header is not None:
                return _read_item_report(path, platform, items_header, top, source, is_cancelled)
    if header is None:
        raise UnknownLayout(path, [[values.text(c) for c in r] for r in top], layouts.without_buyer(top))
    total = reading.estimate_rows(path) if progress else 0
    chosen = platform or detect(header)
    layout = layouts.LAYOUT_BY_PLATFORM.get(chosen)
    per_row = bool(layout and layout.amount_per_row)

    orders: dict[str, OrderRecord] = {}
    errors: list[RowError] = []
    bad: dict[str, int] = {}  # order number -> first row that cannot be used
    count = 0
    add_row = _RowParser(header.columns, tz, per_row).add
    rows = chain(top[header.row + 1:], source)
    for number, cells in enumerate(rows, start=header.row + 2):
        if _blank(cells):
            continue
        count += 1
        if type(cells) is reading.BadRow:
            errors.append(RowError(number, cells.error))
            continue
        if count % _STEP == 0:
            if is_cancelled and is_cancelled():
                raise Cancelled()
            if progress:
                progress(count, max(total, count))
        try:
            add_row(orders, cells, number)
        except UserError as e:
            errors.append(RowError(number, e))
            key = _key_or_none(cells, header.columns)
            if key:
                bad.setdefault(key, number)
    if count == 0:
        raise UserError(QT_TRANSLATE_NOOP("UserError", "{name} has a header row but no orders under "
                                          "it."), name=path.name)
    for key, first_bad in bad.items():  # an order with a row that cannot be used is left out whole
        record = orders.pop(key, None)
        for row in record.rows if record else ():
            errors.append(RowError(row, UserError(QT_TRANSLATE_NOOP(
                "UserError", "Order {order_no} is left out: its row {row} cannot be used."),
                order_no=key, row=first_bad)))
    errors.sort(key=lambda e: e.row)
    summary = bool(layout and layout.summary_items)
    for record in orders.values():
        record.summary_items = summary
        if record.refunded and record.refunded == len(record.rows):  # every item went back
            record.values["status"] = "closed"
    return ParsedFile(path, chosen, header, orders, errors, count)


def _read_item_report(path: Path, platform: str | None, header: layouts.Header, top: list,
                      source: Iterator, is_cancelled: Callable[[], bool] | None) -> ParsedFile:
    """A Taobao/Tmall 宝贝报表: the items of orders, no buyers."""
    chosen = platform or _default_taobao()
    if chosen not in layouts.ITEM_REPORT_PLATFORMS:
        raise UserError(QT_TRANSLATE_NOOP(
            "UserError", "{name} is an item report (宝贝报表), which only Taobao and Tmall give; "
            "choose one of them as the platform."), name=path.name)
    numbered = ((n, cells) for n, cells in enumerate(chain(top[header.row + 1:], source),
                                                      start=header.row + 2) if not _blank(cells))

    undecodable: list[tuple[int, UserError]] = []

    def checked():
        for k, pair in enumerate(numbered, start=1):
            if k % _STEP == 0 and is_cancelled and is_cancelled():
                raise Cancelled()
            if type(pair[1]) is reading.BadRow:
                undecodable.append((pair[0], pair[1].error))
                continue
            yield pair

    found, problems = item_report.read_rows(checked(), header.columns)
    problems = [*problems, *undecodable]
    count = sum(len(entry.rows) for entry in found.values()) + len(problems)
    if count == 0:
        raise UserError(QT_TRANSLATE_NOOP("UserError", "{name} has a header row but no orders under "
                                          "it."), name=path.name)
    errors = sorted((RowError(n, e) for n, e in problems), key=lambda e: e.row)
    return ParsedFile(path, chosen, header, {}, errors, count, item_orders=found, kind="items")


def _default_taobao() -> str:
    from desk.core import settings

    return "tmall" if settings.get("default_platform") == "tmall" else "taobao"


def combine(files: Sequence[ParsedFile]) -> ParsedFile:
    """Several files read as one: orders by order number from the order files,
    and the item reports' rows joined to them (replacing the order report's
    one-line summary of the items). Item rows of orders not in the files are
    kept for the orders ShopDesk already has."""
    if len(files) == 1:
        return files[0]
    order_files = [f for f in files if f.kind == "orders"]
    platforms = {f.platform for f in order_files} or {files[0].platform}
    if len(platforms) > 1:
        raise UserError(QT_TRANSLATE_NOOP(
            "UserError", "These files come from different platforms ({platforms}); import them one "
            "after another."), platforms=", ".join(sorted(platforms)))
    platform = platforms.pop()
    if len(order_files) < len(files) and platform not in layouts.ITEM_REPORT_PLATFORMS:
        raise UserError(QT_TRANSLATE_NOOP(
            "UserError", "An item report (宝贝报表) only goes with Taobao or Tmall orders."))
    orders: dict[str, OrderRecord] = {}
    errors: list[RowError] = []
    item_orders: dict[str, item_report.OrderItems] = {}
    for f in files:
        name = f.path.name
        errors.extend(RowError(e.row, e.error, name) for e in f.errors)
        for key, record in f.orders.items():
            record.file = name
            if key in orders:
                errors.append(RowError(record.row, UserError(QT_TRANSLATE_NOOP(
                    "UserError", "Order {order_no} is also in {other}; that file's row is used."),
                    order_no=key, other=orders[key].file), name))
                continue
            orders[key] = record
        for key, entry in f.item_orders.items():
            known = item_orders.setdefault(key, item_report.OrderItems(entry.row, file=name))
            known.rows.extend(entry.rows)
            known.items.extend(entry.items)
    for key in [k for k in item_orders if k in orders]:
        record = orders[key]
        record.values["items"] = item_orders.pop(key).items
        record.summary_items = False
    first = order_files[0] if order_files else files[0]
    return ParsedFile(first.path, platform, first.header, orders, errors,
                      sum(f.rows for f in files), item_orders,
                      "orders" if order_files else "items")


def detect(header: layouts.Header) -> str:
    found = layouts.detect_platform(header.names)
    if found == "taobao":
        from desk.core import settings

        if settings.get("default_platform") == "tmall":
            return "tmall"  # Tmall's files look like Taobao's
    return found


def _blank(cells: Sequence) -> bool:
    for c in cells:  # a loop that stops at the first cell with something in it
        if c is not None and c != "" and not (type(c) is str and not c.strip()):
            return False
    return True


def _cell(cells: Sequence, columns: Mapping[str, int], name: str):
    i = columns.get(name)
    return cells[i] if i is not None and i < len(cells) else None


def _key_or_none(cells: Sequence, columns: Mapping[str, int]) -> str | None:
    try:
        return values.number_text(_cell(cells, columns, "order_no")) or None
    except UserError:
        return None


def _line(value: object, limit: int = _TEXT_MAX) -> str:
    if type(value) is str and value.isprintable() and not value.startswith(values.SPECIAL):
        return value[:limit].rstrip()  # the common case, without values.text's work
    return values.text(value)[:limit]


@functools.lru_cache(maxsize=256)
def _status_code(text: str) -> str | None:
    return layouts.status_code(text)  # a file has a handful of status texts, repeated


def _status(value: object) -> str | None:
    text = _line(value)
    if not text:
        return None
    status = _status_code(text)
    if status is None:
        raise UserError(QT_TRANSLATE_NOOP("UserError", "Unknown order status “{status}”."),
                        status=text[:40])
    return status


def _money(value: object) -> int | None:
    fen = values.fen(value)
    if fen is not None and fen < 0:
        raise UserError(QT_TRANSLATE_NOOP("UserError", "The amount {amount} is negative."),
                        amount=_line(value, 40))
    return fen


def _tracking(value: object) -> str:
    return values.number_text(value)[:64]


# Order-level fields: (field of the file, key in OrderRecord.values, parser; the
# parser takes the cell and the time zone). An empty result means "not given".
_ORDER_FIELDS = (
    ("status", "status", lambda v, tz: _status(v)),
    ("placed_at", "placed_at", values.moment),
    ("paid_at", "paid_at", values.moment),
    ("shipped_at", "shipped_at", values.moment),
    ("completed_at", "completed_at", values.moment),
    ("amount", "amount_fen", lambda v, tz: _money(v)),
    ("shipping", "shipping_fen", lambda v, tz: _money(v)),
    ("carrier", "carrier", lambda v, tz: _line(v)),
    ("receiver", "receiver_name", lambda v, tz: _line(v)),
    ("address", "receiver_address", lambda v, tz: _line(v)),
    ("buyer_message", "buyer_message", lambda v, tz: _line(v)),
    ("tracking_no", "tracking_no", lambda v, tz: _tracking(v)),
    ("phone", "receiver_phone", lambda v, tz: _line(v, 40)),
)
# The same parsers taking the cell only (the time zone bound once per file).
_PARSERS = {"status": _status, "amount_fen": _money, "shipping_fen": _money, "carrier": _line,
            "receiver_name": _line, "receiver_address": _line, "buyer_message": _line,
            "tracking_no": _tracking, "receiver_phone": functools.partial(_line, limit=40)}


# Fields whose cells repeat across a file (a handful of statuses and carriers;
# times, amounts and quantities shared by many orders): a text cell's parsed
# value is remembered per file, so a repeated cell costs one dict lookup.
_REPEATING = frozenset({"status", "placed_at", "paid_at", "shipped_at", "completed_at",
                        "amount_fen", "shipping_fen", "carrier"})
_MEMO_MAX = 1 << 16  # cells remembered per column
_LINE_LIMITS = {"carrier": _TEXT_MAX, "receiver_name": _TEXT_MAX, "receiver_address": _TEXT_MAX,
                "buyer_message": _TEXT_MAX, "receiver_phone": 40}  # fields read by _line alone
_MISSING = object()
_ABSENT = 1 << 62  # the position of a column the file does not have
_SPECIAL = values.SPECIAL


def _remembered(memo: dict, parse: Callable[[object], object], cell: object):
    """parse(cell), remembered in `memo` for a text cell (never for another
    type: 1, 1.0 and True are one key to a dict)."""
    if type(cell) is not str:
        return parse(cell)
    value = memo.get(cell, _MISSING)
    if value is _MISSING:
        value = parse(cell)
        if len(memo) < _MEMO_MAX:
            memo[cell] = value
    return value


class _RowParser:
    """Parses the rows of one file into orders. The columns' positions and the
    parsers are looked up once per file, not for every row and cell; a plain
    text cell is taken as it is without a call, and repeated cells are parsed
    once (see _REPEATING)."""

    def __init__(self, columns: Mapping[str, int], tz: tzinfo | None, per_row: bool) -> None:
        self.columns = columns
        self.per_row = per_row
        moment = functools.partial(values.moment, tz=tz)
        # (position, key, parser, memo or None, _line's limit or None) of the order-level
        # fields the file has, in _ORDER_FIELDS' order
        self.fields = tuple((columns[name], key, _PARSERS.get(key, moment),
                             {} if key in _REPEATING else None, _LINE_LIMITS.get(key))
                            for name, key, _parse in _ORDER_FIELDS if name in columns)
        self.order_no = columns.get("order_no")
        self.nickname = columns.get("nickname")
        self.refund = columns.get("refund_status")
        self.title = columns.get("item_title")
        self.sku = columns.get("sku")
        self.quantity = columns.get("quantity")
        self.quantities: dict = {}
        self.address_parts = tuple(columns.get(n) for n in layouts.ADDRESS_PARTS) if (
            "province" in columns) else None
        # the same positions, a missing column as one past any row (so its cell reads None)
        self.at = tuple(_ABSENT if i is None else i for i in (
            self.order_no, self.nickname, self.title, self.sku, self.quantity))
        self.last_cell: str | None = None  # the previous row's order-number cell (text) ...
        self.last_no = ""  # ... and the order number it reads as

    def add(self, orders: dict[str, OrderRecord], cells: Sequence, number: int) -> None:
        width = len(cells)

        def get(i: int | None):
            return cells[i] if i is not None and i < width else None

        order_at, nick_at, title_at, sku_at, quantity_at = self.at
        cell = cells[order_at] if order_at < width else None
        if type(cell) is str and cell == self.last_cell:  # the order's next item row
            order_no = self.last_no
        else:
            order_no = values.order_number(cell)
            if type(cell) is str:
                self.last_cell, self.last_no = cell, order_no
        record = orders.get(order_no)
        per_row = self.per_row
        # A further item row of an order: only what the order's first rows left open is read.
        known = record.values if record is not None else {}
        found: dict = {}
        for i, key, parse, memo, limit in self.fields:
            if key in known and not (per_row and key == "amount_fen"):
                continue
            cell = cells[i] if i < width else None
            if memo is not None and type(cell) is str:  # _remembered, without the call
                value = memo.get(cell, _MISSING)
                if value is _MISSING:
                    value = parse(cell)
                    if len(memo) < _MEMO_MAX:
                        memo[cell] = value
            elif limit is not None and type(cell) is str and cell.isprintable() and not (
                    cell.startswith(_SPECIAL)):
                value = cell[:limit].rstrip()  # _line's common case, without the call
            else:
                value = parse(cell)
            if value is not None and value != "":
                found[key] = value
        if "receiver_address" in found and self.address_parts is not None:
            found["receiver_address"] = _full_address(found["receiver_address"],
                                                      [get(i) for i in self.address_parts])
        refunded = self.refund is not None and layouts.is_refunded(_line(get(self.refund)))
        nickname = _line(cells[nick_at] if nick_at < width else None, fields.NICKNAME_MAX + 1) or (
            found.get("receiver_name") or known.get("receiver_name", "") if self.nickname is None
            else "")
        title = _line(cells[title_at] if title_at < width else None)
        item = (title, _line(cells[sku_at] if sku_at < width else None, 200),
                _remembered(self.quantities, values.quantity,
                            cells[quantity_at] if quantity_at < width else None), 0) if title \
            else None

        if record is None:
            if not nickname:
                raise UserError(QT_TRANSLATE_NOOP("UserError", "Order {order_no} names no buyer."),
                                order_no=order_no)
            if len(nickname) > fields.NICKNAME_MAX:  # cleaning never lengthens it
                fields.line(nickname, fields.NICKNAME_MAX, too_long=QT_TRANSLATE_NOOP(
                    "UserError", "The nickname can be at most {limit} characters (this one has "
                    "{length})."))
            if "status" not in found:
                raise UserError(QT_TRANSLATE_NOOP("UserError", "Order {order_no} has no status."),
                                order_no=order_no)
            found["items"] = [item] if item else []
            orders[order_no] = OrderRecord(number, order_no, nickname, found,
                                           found.get("receiver_phone", ""), [number], int(refunded))
            return
        if nickname and nickname != record.nickname:
            raise UserError(QT_TRANSLATE_NOOP("UserError", "Order {order_no} names two buyers "
                                              "(“{first}” and “{second}”)."),
                            order_no=order_no, first=record.nickname, second=nickname)
        record.rows.append(number)
        record.refunded += refunded
        if item:
            known["items"].append(item)
        for key, value in found.items():
            if key == "amount_fen" and per_row:
                total = known.get(key, 0) + value
                known[key] = money.check_fen(total, format_fen(total), values.ORDER_MAX_FEN)
            else:
                known.setdefault(key, value)


def _full_address(address: str, cells: Sequence) -> str:
    """The address with the province, city, district and street in front when
    the file gives them in columns of their own and not in the address
    (`cells`: those four cells, None for one the file does not have)."""
    parts = [p for p in (_line(c, 40) for c in cells) if p and p not in ("-", "--")]
    if not parts or address.startswith(parts[0]):
        return address
    return ("".join(parts) + address)[:_TEXT_MAX]


# -- planning -----------------------------------------------------------------


def plan(parsed: ParsedFile) -> ImportPlan:
    """What importing `parsed` would change, without writing anything."""
    out = ImportPlan(parsed.platform, errors=list(parsed.errors))
    conn = database.connection()
    platform = parsed.platform
    records = list(parsed.orders.values())
    existing: dict[str, tuple] = {}
    keys = "id, customer_id, " + ", ".join(ORDER_FIELDS)
    numbers = [r.order_no for r in records] + list(parsed.item_orders)
    for part in _chunks(numbers):
        for row in conn.execute(
                f"SELECT order_no, {keys} FROM shop_order WHERE platform = ?"
                " AND order_no IN (SELECT value FROM json_each(?))", (platform, json.dumps(part))):
            existing[row[0]] = row[1:]
    items_by_order = {}
    ids = [row[0] for row in existing.values()]
    for part in _chunks(ids):
        for order_id, n in conn.execute(
                "SELECT order_id, count(*) FROM order_item WHERE order_id IN"
                " (SELECT value FROM json_each(?)) GROUP BY order_id", (json.dumps(part),)):
            items_by_order[order_id] = n
    customers = _customer_rows(platform, {r.nickname for r in records})
    new_nicks: dict[str, None] = {}
    touched: dict[int, None] = {}
    for record in records:
        row = existing.get(record.order_no)
        if row is None:
            if "placed_at" not in record.values and "paid_at" not in record.values:
                out.errors.append(RowError(record.row, UserError(QT_TRANSLATE_NOOP(
                    "UserError", "Order {order_no} has no time placed."), order_no=record.order_no),
                    record.file))
                continue
            out.new_orders.append(record)
            known = customers.get(record.nickname)
            if known is None:
                new_nicks.setdefault(record.nickname)
            else:
                touched.setdefault(known[0])
            continue
        order_id, customer_id, *stored = row
        now = dict(zip(ORDER_FIELDS, stored, strict=True))
        changed = _changes(record, now, items_by_order.get(order_id, 0))
        if changed:
            out.updated_orders.append((order_id, customer_id, _only(record, changed)))
            out.changes.extend(FieldChange(record.row, record.order_no, record.nickname, key, old, new,
                                           record.file) for key, old, new in changed)
            touched.setdefault(customer_id)
        else:
            out.unchanged += 1
    _plan_items(parsed, existing, out, touched)
    _plan_phones(records, customers, out, touched)
    out.errors.sort(key=lambda e: (e.file, e.row))
    out.new_customers = list(new_nicks)
    out.updated_customers = list(touched)
    return out


def _plan_items(parsed: ParsedFile, existing: dict[str, tuple], out: ImportPlan,
                touched: dict[int, None]) -> None:
    """Item report rows of orders that are not in the order files: they fill in
    the items of the orders ShopDesk has."""
    if not parsed.item_orders:
        return
    conn = database.connection()
    buyers = dict(conn.execute(
        "SELECT o.id, c.nickname FROM shop_order o JOIN customer c ON c.id = o.customer_id"
        " WHERE o.id IN (SELECT value FROM json_each(?))",
        (json.dumps([existing[k][0] for k in parsed.item_orders if k in existing]),)))
    stored_items: dict[int, list[tuple]] = {}
    for order_id, *item in conn.execute(
            "SELECT order_id, title, sku, quantity, price_fen FROM order_item WHERE order_id IN"
            " (SELECT value FROM json_each(?)) ORDER BY id", (json.dumps(list(buyers)),)):
        stored_items.setdefault(order_id, []).append(tuple(item))
    for order_no, entry in parsed.item_orders.items():
        name = entry.file
        row = existing.get(order_no)
        if row is None:
            for number in entry.rows:
                out.errors.append(RowError(number, UserError(QT_TRANSLATE_NOOP(
                    "UserError", "Order {order_no} is not in ShopDesk yet: import its order report "
                    "(订单报表) first, or both files together."), order_no=order_no), name))
            continue
        order_id, customer_id = row[0], row[1]
        if stored_items.get(order_id, []) == [tuple(i) for i in entry.items]:
            out.unchanged += 1
            continue
        old = dict(zip(ORDER_FIELDS, row[2:], strict=True))["items"]
        record = OrderRecord(entry.row, order_no, buyers.get(order_id, ""), {"items": entry.items},
                             rows=list(entry.rows), file=name)
        out.updated_orders.append((order_id, customer_id, record))
        out.changes.append(FieldChange(entry.row, order_no, record.nickname, "items", old,
                                       record.items_text, name))
        touched.setdefault(customer_id)


def _plan_phones(records: list[OrderRecord], customers: dict[str, tuple[int, str]],
                 out: ImportPlan, touched: dict[int, None]) -> None:
    """Known buyers' phones the file fills in (an empty one, or a masked one
    whose real number the file gives); a real phone is never masked over."""
    best: dict[str, tuple[str, OrderRecord]] = {}  # nickname -> (phone, the row it is from)
    for record in sorted((r for r in records if r.nickname in customers), key=_when):
        phone = _phone(record.phone)
        current = best[record.nickname][0] if record.nickname in best else customers[record.nickname][1]
        if fields.better_phone(current, phone) is not None:
            best[record.nickname] = (phone, record)
    for nick, (phone, record) in best.items():
        cid, stored = customers[nick]
        out.customer_phones[cid] = phone
        out.changes.append(FieldChange(record.row, record.order_no, nick, "customer_phone",
                                       stored, phone, record.file))
        touched.setdefault(cid)


def _chunks(items: list, size: int = 50_000) -> Iterator[list]:
    for start in range(0, len(items), size):
        yield items[start:start + size]


def _customers(platform: str, nicknames: set[str]) -> dict[str, int]:
    """Live customers of `platform` by nickname."""
    return {nick: row[0] for nick, row in _customer_rows(platform, nicknames).items()}


def _customer_rows(platform: str, nicknames: set[str]) -> dict[str, tuple[int, str]]:
    """Live customers of `platform` by nickname: (id, phone)."""
    out = {}
    conn = database.connection()
    for part in _chunks(sorted(nicknames)):
        for nick, cid, phone in conn.execute(
                "SELECT nickname, id, phone FROM customer WHERE platform = ? AND deleted_at IS NULL"
                " AND nickname IN (SELECT value FROM json_each(?))", (platform, json.dumps(part))):
            out[nick] = (cid, phone)
    return out


def _changes(record: OrderRecord, stored: dict, item_rows: int) -> list[tuple[str, object, object]]:
    """(field, stored value, new value) for every field `record` changes."""
    out = []
    for key, value in record.values.items():
        if key == "items":
            if not value or (record.summary_items and item_rows):
                continue  # a summary never replaces the items an item report gave
            if record.items_text != stored["items"] or item_rows != len(value):
                out.append((key, stored["items"], record.items_text))
        elif key == "receiver_phone" and fields.is_masked(value) and not fields.is_masked(
                stored[key]) and fields.phones_agree(value, stored[key]):
            continue  # the file masks the number ShopDesk has in full
        elif stored[key] != value:
            out.append((key, stored[key], value))
    return out


def _only(record: OrderRecord, changed: list[tuple]) -> OrderRecord:
    """`record` with only the values that change."""
    keep = {key for key, _old, _new in changed}
    return OrderRecord(record.row, record.order_no, record.nickname,
                       {k: v for k, v in record.values.items() if k in keep}, record.phone,
                       record.rows, record.refunded, record.summary_items, record.file)


def _when(record: OrderRecord) -> int:
    v = record.values
    return v.get("placed_at") or v.get("paid_at") or 0


# -- writing ------------------------------------------------------------------

_REGION = re.compile(r"^(.{2,8}?(?:省|自治区|特别行政区)|北京市|上海市|天津市|重庆市)(.{2,10}?(?:市|自治州|地区|盟))?")


def region_of(address: str) -> str:
    """'浙江省杭州市西湖区…' -> '浙江省杭州市'; '' when it does not start with a province."""
    m = _REGION.match(address)
    if not m:
        return ""
    province, city = m.group(1), m.group(2) or ""
    return (province if province == city else province + city)[:fields.REGION_MAX]


def apply(parsed: ParsedFile, is_cancelled: Callable[[], bool] | None = None,
          waiting: Callable[[], None] | None = None) -> ImportPlan:
    """Import `parsed`: a checked backup first (a failed one stops the import),
    then one transaction, all or nothing. Returns what was done. On a server,
    while another seat imports, `waiting` is called once and the import waits
    for it (see `_one_import_at_a_time`)."""
    from desk.core import checkpoint

    checkpoint.before("import")
    now = timeutil.to_epoch(timeutil.now())
    conn = database.connection()
    if dialect.on_server():  # the server sizes its own memory
        return _apply(parsed, conn, now, is_cancelled, waiting)
    cache = conn.execute("PRAGMA cache_size").fetchone()[0]
    # While writing, a large import's pages stay in memory instead of spilling
    # to the WAL in the middle of the transaction; put back afterwards.
    conn.execute(f"PRAGMA cache_size = -{_WRITE_CACHE_KIB}")
    try:
        return _apply(parsed, conn, now)
    finally:
        conn.execute(f"PRAGMA cache_size = {int(cache)}")


def _apply(parsed: ParsedFile, conn, now: int, is_cancelled: Callable[[], bool] | None = None,
           waiting: Callable[[], None] | None = None) -> ImportPlan:
    server = dialect.on_server()
    with changes.write(database) as pending:
        if server:  # one seat's import at a time, planned on what the one before wrote
            _one_import_at_a_time(conn, is_cancelled, waiting)
        result = plan(parsed)
        platform = result.platform
        latest: dict[str, OrderRecord] = {}
        new_nicks = set(result.new_customers)
        tallies: dict[str, _Tally] = {}
        for record in result.new_orders:
            if record.nickname in new_nicks:
                last = latest.get(record.nickname)
                if last is None or _placed(record) >= _placed(last):
                    latest[record.nickname] = record
                tally = tallies.get(record.nickname)
                if tally is None:
                    tally = tallies[record.nickname] = _Tally()
                tally.add(record)
        new_rows = []
        phones = {}  # the new buyers' phones, checked once for the buyer and the address
        for nick in result.new_customers:
            record = latest[nick]
            phone = phones[nick] = _phone(record.phone)
            # the search columns as customers.service.pinyin_columns gives them (no real name)
            new_rows.append((platform, nick, phone,
                             region_of(record.values.get("receiver_address", "")),
                             pinyin.full(nick), pinyin.abbr(nick), "", "", *tallies[nick].row(),
                             "import", now, now))
        if server:
            # ids from the server's sequences: other seats may add buyers and
            # orders meanwhile, and COPY sends the rows with their ids
            ids = dict(zip(result.new_customers, _server_ids(conn, "customer", len(new_rows)),
                           strict=True))
            conn.copy_rows("customer", ("id", *_CUSTOMER_COLUMNS),
                           ((ids[row[1]], *row) for row in new_rows))
        else:
            last_customer = conn.execute("SELECT coalesce(max(id), 0) FROM customer").fetchone()[0]
            with _indexes_built_after(conn, "customer", len(new_rows) >= max(_DEFER_INDEXES_FROM,
                                                                              last_customer)):
                bulk.insert_many(conn, _insert_sql("customer", _CUSTOMER_COLUMNS), new_rows)
            # the new buyers are the rows after last_customer (this transaction writes alone)
            ids = dict(conn.execute("SELECT nickname, id FROM customer WHERE id > ?",
                                    (last_customer,)))
        ids.update(_customers(platform, {r.nickname for r in result.new_orders} - new_nicks))
        new_ids = [ids[n] for n in result.new_customers]
        address_rows = [(ids[n], latest[n].values.get("receiver_name", "")[:32], phones[n],
                         latest[n].values.get("receiver_address", "")[:200], 1, now, now)
                        for n in result.new_customers if latest[n].values.get("receiver_address")]
        if server:
            conn.copy_rows("address", _ADDRESS_COLUMNS, address_rows)
            numbered = list(zip(_server_ids(conn, "shop_order", len(result.new_orders)),
                                result.new_orders, strict=True))
            # generators, so the rows are not held in memory a second time
            conn.copy_rows("shop_order", _ORDER_COLUMNS, (
                _order_row(order_id, ids[r.nickname], platform, r, now) for order_id, r in numbered))
            conn.copy_rows("order_item", _ITEM_COLUMNS, (
                (order_id, *item) for order_id, r in numbered for item in r.values["items"]))
        else:
            conn.executemany(_insert_sql("address", _ADDRESS_COLUMNS), address_rows)
            first_id = conn.execute("SELECT coalesce(max(id), 0) + 1 FROM shop_order").fetchone()[0]
            numbered = list(enumerate(result.new_orders, start=first_id))
            with _indexes_built_after(conn, "shop_order", len(numbered) >= max(
                    _DEFER_INDEXES_FROM, first_id - 1)):
                conn.executemany(_insert_sql("shop_order", _ORDER_COLUMNS), (
                    _order_row(order_id, ids[r.nickname], platform, r, now)
                    for order_id, r in numbered))
            _write_items(conn, ((order_id, *item) for order_id, r in numbered
                                for item in r.values["items"]))
        for order_id, _customer, record in result.updated_orders:
            v = dict(record.values)
            items = v.pop("items", None)
            if items:
                v["items"] = record.items_text
                conn.execute("DELETE FROM order_item WHERE order_id = ?", (order_id,))
                _write_items(conn, [(order_id, *item) for item in items])
            sets = ", ".join(f"{k} = ?" for k in v)
            conn.execute(f"UPDATE shop_order SET {sets}, updated_at = ? WHERE id = ?",
                         (*v.values(), now, order_id))
        # a phone filled in is a change an open customer form must be told of
        conn.executemany("UPDATE customer SET phone = ?, updated_at = ?, version = version + 1"
                         " WHERE id = ?",
                         [(phone, now, cid) for cid, phone in result.customer_phones.items()])
        affected = [*new_ids, *result.updated_customers]
        recompute_figures(result.updated_customers)  # the new buyers have theirs from their rows
        pending.add("customer", affected)
        pending.add("order")
        result.applied = True
    return result


_CUSTOMER_COLUMNS = ("platform", "nickname", "phone", "region", "nickname_py", "nickname_abbr",
                     "real_name_py", "real_name_abbr", "order_count", "paid_order_count",
                     "unpaid_count", "total_spent_fen", "first_order_at", "last_order_at",
                     "lifecycle", "source", "created_at", "updated_at")
_ADDRESS_COLUMNS = ("customer_id", "receiver", "phone", "detail", "is_default", "created_at",
                    "updated_at")
_ORDER_COLUMNS = ("id", "customer_id", "platform", "order_no", "status", "placed_at", "paid_at",
                  "shipped_at", "completed_at", "amount_fen", "shipping_fen", "items", "carrier",
                  "tracking_no", "receiver_name", "receiver_phone", "receiver_address",
                  "buyer_message", "source", "created_at", "updated_at")
_ITEM_COLUMNS = ("order_id", "title", "sku", "quantity", "price_fen")
# pg_advisory_xact_lock's key for an order import on a server ("SDimport")
IMPORT_LOCK = int.from_bytes(b"SDimport", "big") & 0x7FFF_FFFF_FFFF_FFFF
IMPORT_WAIT_S = 600.0  # how long an import waits for another seat's before it gives up
_WAIT_STEP_S = 0.25


def _insert_sql(table: str, columns: Sequence[str]) -> str:
    return (f"INSERT INTO {table}({', '.join(columns)})"
            f" VALUES ({','.join('?' * len(columns))})")


def _server_ids(conn, table: str, count: int) -> list[int]:
    """`count` new ids from the server's sequence of `table`, ascending."""
    if not count:
        return []
    return sorted(row[0] for row in conn.execute(
        f"SELECT nextval(pg_get_serial_sequence('{table}', 'id')) FROM generate_series(1, ?)",
        (count,)))


def _one_import_at_a_time(conn, is_cancelled: Callable[[], bool] | None,
                          waiting: Callable[[], None] | None) -> None:
    """Wait until no other seat imports orders into the server shop, then
    hold that until this transaction ends (an advisory lock: the server lets
    it go at the commit or rollback, or when the connection breaks). Two
    imports at once then end as the one after the other would: the second
    is planned on what the first wrote. `waiting` is told once that it
    waits; a cancel is honoured while it does; after IMPORT_WAIT_S it gives up
    in words, having written nothing."""
    def taken() -> bool:
        return bool(conn.execute("SELECT pg_try_advisory_xact_lock(?)",
                                 (IMPORT_LOCK,)).fetchone()[0])

    if taken():
        return
    log.info("another seat is importing orders: waiting for it")
    if waiting is not None:
        waiting()
    give_up = time.monotonic() + IMPORT_WAIT_S
    while True:
        if is_cancelled is not None and is_cancelled():
            raise Cancelled()
        if time.monotonic() > give_up:
            raise UserError(QT_TRANSLATE_NOOP(
                "UserError", "Another seat has been importing orders into the shop for more than "
                "{minutes} minutes, so this import did not start (nothing was changed). Try again "
                "when that import has finished."), minutes=round(IMPORT_WAIT_S / 60))
        time.sleep(_WAIT_STEP_S)
        if taken():
            return


class _Tally:
    """A new buyer's figures and lifecycle group from their new orders, as
    figures.recompute_figures works them out in SQL (a new buyer has no other
    orders, no cases and no group set by hand; a test checks the two agree)."""

    __slots__ = ("orders", "paid", "unpaid", "spent", "first", "last", "statuses")

    def __init__(self) -> None:
        self.orders = self.paid = self.unpaid = self.spent = 0
        self.first = self.last = None
        self.statuses: set[str] = set()

    def add(self, record: OrderRecord) -> None:
        v = record.values
        status, paid_at = v["status"], v.get("paid_at")
        self.orders += 1
        if paid_at is not None and status != "closed":
            self.paid += 1
            self.spent += v.get("amount_fen", 0)
        elif status == "closed" and paid_at is None:
            self.unpaid += 1
        placed = _placed(record)
        self.first = placed if self.first is None else min(self.first, placed)
        self.last = placed if self.last is None else max(self.last, placed)
        self.statuses.add(status)

    def row(self) -> tuple:
        """order_count, paid_order_count, unpaid_count, total_spent_fen,
        first_order_at, last_order_at, lifecycle"""
        return (self.orders, self.paid, self.unpaid, self.spent, self.first, self.last,
                lifecycle_from_orders(self.statuses))


@contextmanager
def _indexes_built_after(conn, table: str, defer: bool) -> Iterator[None]:
    """When `defer`, the table's plain (not unique) indexes are dropped for the
    block and built again after it, with the planner's statistics for them as
    they were: one sort per index instead of a b-tree insert per row, which
    pays when the block adds at least as many rows as the table had. Call it
    inside the write transaction: a rollback puts everything back."""
    if not defer or dialect.on_server():  # the server's indexes take bulk inserts well
        yield
        return
    found = conn.execute("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ?"
                         " AND sql IS NOT NULL AND sql NOT LIKE 'CREATE UNIQUE%'", (table,)).fetchall()
    stats = []
    if found and conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'sqlite_stat1'").fetchone():
        stats = conn.execute("SELECT tbl, idx, stat FROM sqlite_stat1 WHERE idx IN"
                             " (SELECT value FROM json_each(?))",
                             (json.dumps([name for name, _sql in found]),)).fetchall()
    for name, _sql in found:
        conn.execute(f'DROP INDEX "{name}"')
    yield
    if stats:  # dropping an index deletes its statistics
        conn.executemany("INSERT INTO sqlite_stat1(tbl, idx, stat) VALUES (?,?,?)", stats)
    for _name, sql in found:
        conn.execute(sql)
    if stats:
        conn.execute("ANALYZE sqlite_schema")  # the planner reads the statistics again


def _order_row(order_id: int, customer_id: int, platform: str, record: OrderRecord,
               now: int) -> tuple:
    v = record.values
    return (order_id, customer_id, platform, record.order_no, v["status"], _placed(record),
            v.get("paid_at"), v.get("shipped_at"), v.get("completed_at"), v.get("amount_fen", 0),
            v.get("shipping_fen", 0), record.items_text if v["items"] else "", v.get("carrier", ""),
            v.get("tracking_no", ""), v.get("receiver_name", ""), v.get("receiver_phone", ""),
            v.get("receiver_address", ""), v.get("buyer_message", ""), "import", now, now)


def _placed(record: OrderRecord) -> int:
    v = record.values
    return v.get("placed_at") or v["paid_at"]


def _phone(text: str) -> str:
    """The buyer's phone as given (masked or not) when it is a phone number at all."""
    try:
        return fields.phone(text)
    except UserError:
        return ""


def _write_items(conn, rows: Iterable[tuple]) -> None:
    """(order id, title, options, quantity, price in fen) rows."""
    conn.executemany("INSERT INTO order_item(order_id, title, sku, quantity, price_fen)"
                     " VALUES (?,?,?,?,?)", rows)


def import_orders(
    path: str | Path | Sequence[str | Path],
    platform: str | None = None,
    mapping: Mapping[str, str] | None = None,
    *,
    dry_run: bool = False,
    tz: tzinfo | None = None,
    limits: reading.Limits = reading.LIMITS,
    progress: Callable[[int, int], None] | None = None,
    is_cancelled: Callable[[], bool] | None = None,
    waiting: Callable[[], None] | None = None,
) -> ImportPlan:
    """Read, then plan (dry run) or apply. Nothing is written for a file that
    cannot be read; the rows that cannot be used are listed in the result.
    Several paths (Taobao's order and item reports) are read as one import.
    `waiting` is called when, on a server shop, the import waits for another
    seat's to finish."""
    paths = [path] if isinstance(path, str | Path) else list(path)
    with _collector_paused():
        parsed = combine([read_file(p, platform, mapping, tz=tz, limits=limits, progress=progress,
                                    is_cancelled=is_cancelled) for p in paths])
        if is_cancelled and is_cancelled():
            raise Cancelled()
        return plan(parsed) if dry_run else apply(parsed, is_cancelled, waiting)


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Python's cyclic garbage collector held off while a file is imported.
    An import allocates millions of objects that stay alive until it ends (the
    rows, then the parsed orders), so the collector's full passes over them
    find nothing to free: six passes, 0.8 s of a 100,000-row import, measured.
    The few cycles the import leaves are collected once it is back on."""
    import gc

    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()

