"""Importing the platforms' order exports into the customer file.

read_file() parses a file into orders (several item rows make one order) and
the rows that cannot be used; plan() compares them with the database (the
dry run); apply() writes the plan in one transaction and brings the buyers'
figures and lifecycle groups up to date. Buyers are matched by platform and
nickname, never by phone (platforms mask phones). Importing a file twice
changes nothing the second time.
"""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import tzinfo
from itertools import chain, islice
from pathlib import Path

from desk.core import changes, money, timeutil
from desk.core.base import database
from desk.core.customers import bulk, fields
from desk.core.customers.figures import recompute_figures
from desk.core.customers.service import pinyin_columns
from desk.core.errors import QT_TRANSLATE_NOOP, Cancelled, UserError
from desk.core.excel import layouts, reading, values
from desk.core.money import format_fen

_STEP = 1000
_WRITE_CACHE_KIB = 64 * 1024
_TEXT_MAX = 500  # longest address, title or message kept from a cell
ORDER_FIELDS = ("status", "placed_at", "paid_at", "shipped_at", "completed_at", "amount_fen",
                "shipping_fen", "items", "carrier", "tracking_no", "receiver_name",
                "receiver_phone", "receiver_address", "buyer_message")


class UnknownLayout(UserError):
    """No known header row: the caller asks which column holds which field.
    `rows` are the file's first rows as text, to choose the header from."""

    def __init__(self, path: Path, rows: list[list[str]]) -> None:
        super().__init__(QT_TRANSLATE_NOOP(
            "UserError", "{name} does not look like an order export ShopDesk knows: no row names "
            "the order number, its status and the buyer. Choose the columns yourself."),
            name=path.name)
        self.rows = rows


@dataclass(frozen=True)
class RowError:
    row: int  # as the spreadsheet numbers it (1 = first line)
    error: UserError  # the UI shows it translated

    @property
    def message(self) -> str:
        return str(self.error)


@dataclass(slots=True)
class OrderRecord:
    row: int
    order_no: str
    nickname: str
    values: dict = field(default_factory=dict)  # ORDER_FIELDS found in the file (items as a list)
    phone: str = ""
    rows: list[int] = field(default_factory=list)  # every row of the order

    @property
    def items_text(self) -> str:
        return "; ".join(" ".join(p for p in (t, s) if p) + f" ×{q}" for t, s, q, _ in self.values["items"])


@dataclass
class ParsedFile:
    path: Path
    platform: str
    header: layouts.Header
    orders: dict[str, OrderRecord]
    errors: list[RowError]
    rows: int  # data rows read (blank ones not counted)


@dataclass
class ImportPlan:
    platform: str
    new_customers: list[str] = field(default_factory=list)  # nicknames
    updated_customers: list[int] = field(default_factory=list)
    new_orders: list[OrderRecord] = field(default_factory=list)
    updated_orders: list[tuple[int, int, OrderRecord]] = field(default_factory=list)  # id, customer, rec
    unchanged: int = 0
    errors: list[RowError] = field(default_factory=list)
    applied: bool = False

    def summary(self) -> dict:
        """The figures the CLI prints with --json."""
        return {
            "platform": self.platform,
            "new_customers": len(self.new_customers),
            "updated_customers": len(self.updated_customers),
            "new_orders": len(self.new_orders),
            "updated_orders": len(self.updated_orders),
            "unchanged": self.unchanged,
            "errors": [{"row": e.row, "message": e.message} for e in self.errors],
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
        raise UnknownLayout(path, [[values.text(c) for c in r] for r in top])
    total = reading.estimate_rows(path) if progress else 0
    chosen = platform or detect(header)
    layout = layouts.LAYOUT_BY_PLATFORM.get(chosen)
    per_row = bool(layout and layout.amount_per_row)

    orders: dict[str, OrderRecord] = {}
    errors: list[RowError] = []
    bad: dict[str, int] = {}  # order number -> first row that cannot be used
    count = 0
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
            _add_row(orders, header.columns, cells, number, tz, per_row)
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
    return ParsedFile(path, chosen, header, orders, errors, count)


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


def _add_row(orders: dict[str, OrderRecord], columns: Mapping[str, int], cells: Sequence,
             number: int, tz: tzinfo | None, per_row: bool) -> None:
    width = len(cells)
    get = {name: cells[i] for name, i in columns.items() if i < width}.get

    order_no = values.number_text(get("order_no"))
    if not order_no:
        raise UserError(QT_TRANSLATE_NOOP("UserError", "The order number is empty."))
    if len(order_no) > 64:
        raise UserError(QT_TRANSLATE_NOOP("UserError", "“{value}” is not an order number."),
                        value=order_no[:40] + "…")
    record = orders.get(order_no)
    # A further item row of an order: only what the order's first rows left open is read.
    known = record.values if record is not None else {}
    found: dict = {}
    for name, key, parse in _ORDER_FIELDS:
        if name in columns and (key not in known or (per_row and key == "amount_fen")):
            value = parse(get(name), tz)
            if value is not None and value != "":
                found[key] = value
    nickname = _line(get("nickname"), fields.NICKNAME_MAX + 1) or (
        found.get("receiver_name") or known.get("receiver_name", "") if "nickname" not in columns
        else "")
    title = _line(get("item_title"))
    item = (title, _line(get("sku"), 200), values.quantity(get("quantity")), 0) if title else None

    if record is None:
        if not nickname:
            raise UserError(QT_TRANSLATE_NOOP("UserError", "Order {order_no} names no buyer."),
                            order_no=order_no)
        fields.line(nickname, fields.NICKNAME_MAX, too_long=QT_TRANSLATE_NOOP(
            "UserError", "The nickname can be at most {limit} characters (this one has {length})."))
        if "status" not in found:
            raise UserError(QT_TRANSLATE_NOOP("UserError", "Order {order_no} has no status."),
                            order_no=order_no)
        found["items"] = [item] if item else []
        orders[order_no] = OrderRecord(number, order_no, nickname, found,
                                       found.get("receiver_phone", ""), [number])
        return
    if nickname and nickname != record.nickname:
        raise UserError(QT_TRANSLATE_NOOP("UserError", "Order {order_no} names two buyers "
                                          "(“{first}” and “{second}”)."),
                        order_no=order_no, first=record.nickname, second=nickname)
    record.rows.append(number)
    if item:
        known["items"].append(item)
    for key, value in found.items():
        if key == "amount_fen" and per_row:
            total = known.get(key, 0) + value
            known[key] = money.check_fen(total, format_fen(total), values.ORDER_MAX_FEN)
        else:
            known.setdefault(key, value)


# -- planning -----------------------------------------------------------------


def plan(parsed: ParsedFile) -> ImportPlan:
    """What importing `parsed` would change, without writing anything."""
    out = ImportPlan(parsed.platform, errors=list(parsed.errors))
    conn = database.connection()
    platform = parsed.platform
    records = list(parsed.orders.values())
    existing: dict[str, tuple] = {}
    keys = "id, customer_id, " + ", ".join(ORDER_FIELDS)
    for part in _chunks([r.order_no for r in records]):
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
    customers = _customers(platform, {r.nickname for r in records})
    new_nicks: dict[str, None] = {}
    touched: dict[int, None] = {}
    for record in records:
        row = existing.get(record.order_no)
        if row is None:
            if "placed_at" not in record.values and "paid_at" not in record.values:
                out.errors.append(RowError(record.row, UserError(QT_TRANSLATE_NOOP(
                    "UserError", "Order {order_no} has no time placed."), order_no=record.order_no)))
                continue
            out.new_orders.append(record)
            cid = customers.get(record.nickname)
            if cid is None:
                new_nicks.setdefault(record.nickname)
            else:
                touched.setdefault(cid)
            continue
        order_id, customer_id, *stored = row
        now = dict(zip(ORDER_FIELDS, stored, strict=True))
        if _differs(record, now, items_by_order.get(order_id, 0)):
            out.updated_orders.append((order_id, customer_id, record))
            touched.setdefault(customer_id)
        else:
            out.unchanged += 1
    out.errors.sort(key=lambda e: e.row)
    out.new_customers = list(new_nicks)
    out.updated_customers = list(touched)
    return out


def _chunks(items: list, size: int = 50_000) -> Iterator[list]:
    for start in range(0, len(items), size):
        yield items[start:start + size]


def _customers(platform: str, nicknames: set[str]) -> dict[str, int]:
    """Live customers of `platform` by nickname."""
    out = {}
    conn = database.connection()
    for part in _chunks(sorted(nicknames)):
        out.update(conn.execute(
            "SELECT nickname, id FROM customer WHERE platform = ? AND deleted_at IS NULL"
            " AND nickname IN (SELECT value FROM json_each(?))", (platform, json.dumps(part))))
    return out


def _differs(record: OrderRecord, stored: dict, item_rows: int) -> bool:
    for key, value in record.values.items():
        if key == "items":
            if value and (record.items_text != stored["items"] or item_rows != len(value)):
                return True
        elif stored[key] != value:
            return True
    return False


# -- writing ------------------------------------------------------------------

_REGION = re.compile(r"^(.{2,8}?(?:省|自治区|特别行政区)|北京市|上海市|天津市|重庆市)(.{2,10}?(?:市|自治州|地区|盟))?")


def region_of(address: str) -> str:
    """'浙江省杭州市西湖区…' -> '浙江省杭州市'; '' when it does not start with a province."""
    m = _REGION.match(address)
    if not m:
        return ""
    province, city = m.group(1), m.group(2) or ""
    return (province if province == city else province + city)[:fields.REGION_MAX]


def apply(parsed: ParsedFile) -> ImportPlan:
    """Import `parsed`: a checked backup first (a failed one stops the import),
    then one transaction, all or nothing. Returns what was done."""
    from desk.core import backup

    backup.before("import")
    now = timeutil.to_epoch(timeutil.now())
    conn = database.connection()
    cache = conn.execute("PRAGMA cache_size").fetchone()[0]
    # While writing, a large import's pages stay in memory instead of spilling
    # to the WAL in the middle of the transaction; put back afterwards.
    conn.execute(f"PRAGMA cache_size = -{_WRITE_CACHE_KIB}")
    try:
        return _apply(parsed, conn, now)
    finally:
        conn.execute(f"PRAGMA cache_size = {int(cache)}")


def _apply(parsed: ParsedFile, conn, now: int) -> ImportPlan:
    with changes.write(database) as pending:
        result = plan(parsed)
        platform = result.platform
        latest: dict[str, OrderRecord] = {}
        new_nicks = set(result.new_customers)
        for record in result.new_orders:
            if record.nickname in new_nicks:
                last = latest.get(record.nickname)
                if last is None or _placed(record) >= _placed(last):
                    latest[record.nickname] = record
        new_rows = []
        for nick in result.new_customers:
            record = latest[nick]
            identity = {"nickname": nick, "real_name": ""}
            new_rows.append((platform, nick, _phone(record.phone),
                             region_of(record.values.get("receiver_address", "")),
                             *pinyin_columns(identity).values(), now, now))
        bulk.insert_many(
            conn,
            "INSERT INTO customer(platform, nickname, phone, region, nickname_py, nickname_abbr,"
            " real_name_py, real_name_abbr, source, created_at, updated_at)"
            " VALUES (?,?,?,?,?,?,?,?,'import',?,?)", new_rows)
        ids = _customers(platform, {r.nickname for r in result.new_orders})
        new_ids = [ids[n] for n in result.new_customers]
        conn.executemany(
            "INSERT INTO address(customer_id, receiver, phone, detail, is_default, created_at,"
            " updated_at) VALUES (?,?,?,?,1,?,?)",
            [(ids[n], latest[n].values.get("receiver_name", "")[:32], _phone(latest[n].phone),
              latest[n].values.get("receiver_address", "")[:200], now, now)
             for n in result.new_customers if latest[n].values.get("receiver_address")])
        first_id = conn.execute("SELECT coalesce(max(id), 0) + 1 FROM shop_order").fetchone()[0]
        numbered = list(enumerate(result.new_orders, start=first_id))
        # generators, so the rows are not held in memory a second time
        conn.executemany(
            "INSERT INTO shop_order(id, customer_id, platform, order_no, status, placed_at, paid_at,"
            " shipped_at, completed_at, amount_fen, shipping_fen, items, carrier, tracking_no,"
            " receiver_name, receiver_phone, receiver_address, buyer_message, source, created_at,"
            " updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,'import',?,?)",
            (_order_row(order_id, ids[r.nickname], platform, r, now) for order_id, r in numbered))
        _write_items(conn, ((order_id, *item) for order_id, r in numbered for item in r.values["items"]))
        for order_id, _customer, record in result.updated_orders:
            v = dict(record.values)
            items = v.pop("items")
            if items:
                v["items"] = record.items_text
                conn.execute("DELETE FROM order_item WHERE order_id = ?", (order_id,))
                _write_items(conn, [(order_id, *item) for item in items])
            sets = ", ".join(f"{k} = ?" for k in v)
            conn.execute(f"UPDATE shop_order SET {sets}, updated_at = ? WHERE id = ?",
                         (*v.values(), now, order_id))
        affected = [*new_ids, *result.updated_customers]
        recompute_figures(affected)
        pending.add("customer", affected)
        pending.add("order")
        result.applied = True
    return result


def _order_row(order_id: int, customer_id: int, platform: str, record: OrderRecord,
               now: int) -> tuple:
    v = record.values
    return (order_id, customer_id, platform, record.order_no, v["status"], _placed(record),
            v.get("paid_at"), v.get("shipped_at"), v.get("completed_at"), v.get("amount_fen", 0),
            v.get("shipping_fen", 0), record.items_text if v["items"] else "", v.get("carrier", ""),
            v.get("tracking_no", ""), v.get("receiver_name", ""), v.get("receiver_phone", ""),
            v.get("receiver_address", ""), v.get("buyer_message", ""), now, now)


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
    path: str | Path,
    platform: str | None = None,
    mapping: Mapping[str, str] | None = None,
    *,
    dry_run: bool = False,
    tz: tzinfo | None = None,
    limits: reading.Limits = reading.LIMITS,
    progress: Callable[[int, int], None] | None = None,
    is_cancelled: Callable[[], bool] | None = None,
) -> ImportPlan:
    """Read, then plan (dry run) or apply. Nothing is written for a file that
    cannot be read; the rows that cannot be used are listed in the result."""
    parsed = read_file(path, platform, mapping, tz=tz, limits=limits, progress=progress,
                       is_cancelled=is_cancelled)
    if is_cancelled and is_cancelled():
        raise Cancelled()
    return plan(parsed) if dry_run else apply(parsed)

