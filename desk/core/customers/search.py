"""The customer search box: one query, every way a shop owner remembers a buyer.

A query matches a customer by nickname or real-name substring, phone (whole,
its first digits, or its tail of 4+ digits), order or tracking number (exact;
orders also by a prefix of 6+ characters), tag name, and the pinyin of the
nickname and real name (full or initials, as a prefix: `xydd` and `xiaoyu`
find 小雨点点).

Each way is a cheap indexed lookup that yields customer ids (the indexes are
made and kept current by db/migrations/0003_customer_search.sql); the filter
is `c.id IN (<their union>)`, so the list still sorts in SQL. Substrings of
3+ characters go through the FTS5 trigram index (on a server: pg_trgm GIN
indexes), shorter ones through the two-character pieces in customer_gram. Nothing here scans the customer table.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from desk.core import dialect
from desk.core.customers.listing import CUSTOMERS
from desk.core.listing import Filter
from desk.core.text import mask_phone, strip_controls

ORDER_PREFIX_MIN = 6  # shorter order-number prefixes match too many orders to be useful
PHONE_PREFIX_MIN = 3
PHONE_TAIL_MIN = 4

_PHONE = re.compile(r"^\+?[\d\s-]+$")
# What staff type for a phone's tail ("尾号1000", "手机尾号 1000") or a platform's mask ("138****1000")
_TAIL_WORDS = re.compile(r"^(?:手机)?(?:尾号|后四位)[:：\s]*(\d{4,})$")
_MASKED = re.compile(r"^(\d{3})\*{4}(\d{4})$")
_PINYIN = re.compile(r"^[a-z0-9]+$")
_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")


def _after(prefix: str) -> str | None:
    """The smallest string greater than every string starting with `prefix`
    (None: there is none), for `col >= prefix AND col < _after(prefix)`."""
    while prefix:
        code = ord(prefix[-1]) + 1
        if 0xD800 <= code <= 0xDFFF:  # surrogates cannot be stored; skip past them
            code = 0xE000
        if code <= 0x10FFFF:
            return prefix[:-1] + chr(code)
        prefix = prefix[:-1]
    return None


def _fts_phrase(text: str) -> str:
    """`text` as one FTS5 string: quotes doubled, so AND, NEAR(, -, * are just text."""
    return '"' + text.replace('"', '""') + '"'


def _like_substring(text: str) -> str:
    """`text` anywhere, as an ILIKE pattern whose %, _ and \\ are just text."""
    return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def _prefix(column: str, prefix: str, params: list) -> str:
    """`column` starts with `prefix`, as a range an ordinary index serves."""
    upper = _after(prefix)
    if upper is None:
        params.append(prefix)
        return f"{column} >= ?"
    params.extend((prefix, upper))
    return f"{column} >= ? AND {column} < ?"


def search_filter(query: str) -> Filter | None:
    """The customers `query` finds (None for a blank query: no filter)."""
    q = query.strip()
    if not q:
        return None
    q = strip_controls(q)  # SQLite would cut a string at NUL, and cannot store a lone surrogate
    if not q:
        return Filter("0 = 1")
    low = q.translate(_ASCII_LOWER)  # as SQLite's lower() does, for customer_gram
    parts: list[str] = []
    params: list = []

    # Nickname and real name: substrings.
    if len(q) >= 3 and dialect.on_server():  # pg_trgm GIN indexes (the 0003 twin)
        parts.append("SELECT id FROM customer WHERE nickname ILIKE ? ESCAPE '\\'"
                     " OR real_name ILIKE ? ESCAPE '\\'")
        params.extend([_like_substring(q)] * 2)
    elif len(q) >= 3:
        parts.append("SELECT rowid FROM customer_fts WHERE customer_fts MATCH ?")
        params.append(_fts_phrase(q))
    elif len(q) == 2:
        parts.append("SELECT customer_id FROM customer_gram WHERE gram = ?")
        params.append(low)
    else:
        parts.append("SELECT customer_id FROM customer_gram WHERE "
                     + _prefix("gram", low, params))

    # Phone: the whole number, its first digits, or its tail; a platform's mask
    # (stored masked, or the real number it hides) by its first three and last four.
    tail = _TAIL_WORDS.match(q)
    if tail:
        q = tail.group(1)
    masked = _MASKED.match(q)
    if masked:
        parts.append("SELECT id FROM customer WHERE phone <> '' AND substr(phone, -4) = ?"
                     " AND substr(phone, 1, 3) = ? AND length(phone) = 11")
        params.extend((masked.group(2), masked.group(1)))
    if _PHONE.match(q):
        digits = re.sub(r"\D", "", q)
        if len(digits) >= PHONE_PREFIX_MIN:
            parts.append("SELECT id FROM customer WHERE phone <> '' AND "
                         + _prefix("phone", digits, params))
        if len(digits) >= PHONE_TAIL_MIN:
            parts.append("SELECT id FROM customer WHERE phone <> '' AND substr(phone, -4) = ?"
                         f" AND {dialect.tail_param('phone')} = ?")
            params.extend((digits[-4:], -len(digits), digits))

    # Orders: order number (exact, or a long enough prefix) and tracking number.
    numbers = sorted({q, q.upper()})
    marks = ",".join("?" * len(numbers))
    parts.append(f"SELECT customer_id FROM shop_order WHERE order_no IN ({marks})")
    params.extend(numbers)
    if len(q) >= ORDER_PREFIX_MIN:
        parts.append("SELECT customer_id FROM shop_order WHERE "
                     + _prefix("order_no", q, params))
    parts.append(f"SELECT customer_id FROM shop_order WHERE tracking_no <> '' AND tracking_no IN ({marks})")
    params.extend(numbers)

    # Tags: the exact name, or (from two characters on) part of it. The tag table is small.
    tag_match = "instr(lower(name), ?) > 0" if len(q) >= 2 else "lower(name) = ?"
    parts.append("SELECT customer_id FROM customer_tag WHERE tag_id IN"
                 f" (SELECT id FROM tag WHERE {tag_match})")
    params.append(low)

    # Pinyin of nickname and real name, full or initials, as prefixes.
    # One letter: full pinyin starts with the same letter as the initials, so
    # the initials alone answer it (and the union stays half as long).
    if _PINYIN.match(low):
        for name in ("nickname", "real_name"):
            for column in (f"{name}_abbr",) if len(low) == 1 else (f"{name}_py", f"{name}_abbr"):
                parts.append(f"SELECT id FROM customer WHERE {column} <> '' AND "
                             + _prefix(column, low, params))

    union = " UNION ALL ".join(parts)
    if dialect.on_server():
        # The server's planner guesses 200 rows for a UNION inside IN and
        # joins it through a hash aggregate, one probe per match; as an array
        # the matches are sorted and de-duplicated once and read from the sort
        # index in id order (a third faster for a query finding thousands of
        # buyers), and the plan is the same whatever the query finds.
        return Filter(f"c.id = ANY(ARRAY({union}))", tuple(params), by_id=True)
    return Filter(f"c.id IN ({union})", tuple(params), by_id=True)


@dataclass(frozen=True)
class Match:
    """One customer found, as the CLI prints it."""

    id: int
    nickname: str
    platform: str
    phone: str  # masked: 138****1234
    order_count: int
    total_spent_fen: int


def find(query: str, limit: int | None = None) -> list[Match]:
    """What the Customers page shows for `query`, in its default order (latest
    order first); `limit` keeps the first so many."""
    f = search_filter(query)
    ids = CUSTOMERS.ids([f] if f else [], sort="last_order_at", descending=True)
    if limit is not None:
        ids = ids[:limit]
    rows = CUSTOMERS.rows(ids)
    keys = CUSTOMERS.keys
    out = []
    for cid in ids:
        row = dict(zip(keys, rows[cid], strict=True))
        out.append(Match(cid, row["nickname"], row["platform"], mask_phone(row["phone"]),
                         row["order_count"], row["total_spent_fen"]))
    return out
