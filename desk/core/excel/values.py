"""Cell values of the platforms' exports turned into what we store: text
numbers exactly, money in fen without a float, local times as UTC epochs."""

from __future__ import annotations

import functools
import re
import time as _time
from datetime import date, datetime, time, tzinfo
from decimal import Decimal

from desk.core.errors import QT_TRANSLATE_NOOP, UserError
from desk.core.money import check_fen, parse_yuan
from desk.core.text import clean_line

# Exact integers a double holds; beyond this a numeric cell has lost digits.
FLOAT_EXACT = 2**53
# The times an order may have: a shop's orders are not older than 1970 (epoch
# seconds stay positive everywhere) and not later than 2100.
YEARS = (1970, 2100)
QUANTITY_MAX = 100_000
# The largest amount of one order (100 billion yuan): a buyer's total over
# 900,000 such orders still fits 64-bit fen, so sums never overflow in SQLite.
ORDER_MAX_FEN = 10**13
_WRAPPED = re.compile(r'^="(.*)"$', re.DOTALL)
_DATETIME = re.compile(
    r"^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?"
    r"(?:[ T]+(\d{1,2})[:时](\d{1,2})(?:[:分](\d{1,2})(?:\.\d+)?秒?)?)?$")
_SCIENTIFIC = re.compile(r"^\d(?:\.\d+)?[eE]\+?\d+$")


# A text cell starting with one of these needs more than trimming.
SPECIAL = ("=", "'", " ")


def text(value: object) -> str:
    """A cell as one line of text: `="..."` unwrapped, a leading tab or
    apostrophe (how exports keep numbers as text) dropped."""
    if type(value) is str and value.isprintable() and not value.startswith(SPECIAL):
        return value.rstrip()  # the common case: plain text, nothing to unwrap or remove
    if type(value) is str and value.startswith('="') and value.endswith('"') and len(value) > 2:
        inner = value[2:-1]  # ="3012345678901234567", how CSV exports keep numbers as text
        if inner.isprintable() and inner == inner.strip() and not inner.startswith("'"):
            return inner  # what the unwrapping below gives for it, without its work
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    s = str(value)
    m = _WRAPPED.match(s.strip())
    if m:
        s = m.group(1)
    s = clean_line(s)
    if s.startswith("'"):
        s = s[1:].strip()
    return s


def number_text(value: object) -> str:
    """An order or tracking number as text, exactly. A numeric cell is
    accepted only while a double holds it exactly; a number shown in
    scientific notation has lost its digits."""
    if type(value) is str and value.isalnum() and value.isascii() and "e" not in value.lower():
        return value  # the common case: 3012345678901234567, SF1234567890123
    if isinstance(value, bool):
        raise UserError(QT_TRANSLATE_NOOP("UserError", "“{value}” is not an order number."),
                        value=value)
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if value.is_integer() and 0 <= value < FLOAT_EXACT:
            return str(int(value))
        raise UserError(QT_TRANSLATE_NOOP(
            "UserError", "The number {value} was saved as a number and has lost digits (a spreadsheet "
            "keeps 15); export the file again as .csv, or with this column as text."), value=repr(value))
    s = text(value)
    if _SCIENTIFIC.match(s):
        raise UserError(QT_TRANSLATE_NOOP(
            "UserError", "The number {value} was saved as a number and has lost digits (a spreadsheet "
            "keeps 15); export the file again as .csv, or with this column as text."), value=s)
    return s



def order_number(value: object) -> str:
    """The order number a cell holds (as number_text reads it), refused when
    empty or longer than any platform's."""
    order_no = number_text(value)
    if not order_no:
        raise UserError(QT_TRANSLATE_NOOP("UserError", "The order number is empty."))
    if len(order_no) > 64:
        raise UserError(QT_TRANSLATE_NOOP("UserError", "“{value}” is not an order number."),
                        value=order_no[:40] + "…")
    return order_no

def fen(value: object) -> int | None:
    """Money in fen; None for an empty cell. At most ORDER_MAX_FEN."""
    amount = _fen(value)
    return None if amount is None else check_fen(amount, value, ORDER_MAX_FEN)


def _fen(value: object) -> int | None:
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        raise UserError(QT_TRANSLATE_NOOP("UserError", "“{text}” is not an amount of money."),
                        text=value)
    if isinstance(value, int):
        return value * 100
    if isinstance(value, float):
        if value != value or value in (float("inf"), float("-inf")):
            raise UserError(QT_TRANSLATE_NOOP("UserError", "“{text}” is not an amount of money."),
                            text=value)
        # repr is the shortest text that reads back as this double: the figure the file shows
        return parse_yuan(format(Decimal(repr(value)), "f"), ORDER_MAX_FEN)
    s = text(value)
    return None if not s else parse_yuan(s, ORDER_MAX_FEN)


def quantity(value: object) -> int:
    if value is None or value == "":
        return 1
    if isinstance(value, int) and not isinstance(value, bool):
        n = value
    elif isinstance(value, float) and value.is_integer():
        n = int(value)
    else:
        s = text(value).replace(",", "").removesuffix("件")
        # ASCII digits only: "²" and "①" are digits to str.isdigit, not to int()
        if not (s.isascii() and s.isdigit()) or len(s) > 9:
            raise UserError(QT_TRANSLATE_NOOP("UserError", "“{value}” is not a quantity."),
                            value=s[:40])
        n = int(s)
    if not 0 < n <= QUANTITY_MAX:
        raise UserError(QT_TRANSLATE_NOOP("UserError", "“{value}” is not a quantity."), value=n)
    return n


def moment(value: object, tz: tzinfo | None) -> int | None:
    """A time as the file shows it (the shop's local time) -> UTC epoch seconds."""
    if value is None or value == "":
        return None
    if type(value) is str:  # an order's times repeat on its rows (and as paid, placed)
        return _text_moment(value, tz, None if tz else (_time.timezone, _time.altzone, _time.tzname))
    return _moment(value, tz)


@functools.lru_cache(maxsize=1024)
def _text_moment(value: str, tz: tzinfo | None, local_zone: tuple | None) -> int | None:
    """(`local_zone` keys the cache to the computer's zone when there is no shop zone.)"""
    if len(value) == 19 and value[4] == "-" and value[10] == " ":
        try:  # 2025-03-01 10:00:00, as nearly every export writes it: the C parser
            return _epoch(datetime.fromisoformat(value), value, tz)
        except ValueError:
            pass
    return _moment(value, tz)


def _moment(value: object, tz: tzinfo | None) -> int | None:
    if isinstance(value, datetime):
        local = value
    elif isinstance(value, date):
        local = datetime.combine(value, time())
    elif not isinstance(value, str):  # a time of day or a duration alone
        raise UserError(QT_TRANSLATE_NOOP("UserError", "“{value}” is not a date and time."),
                        value=str(value)[:40])
    else:
        s = text(value)
        if not s or s in ("-", "--", "null", "NULL"):
            return None
        m = _DATETIME.match(s)
        if not m:
            raise UserError(QT_TRANSLATE_NOOP("UserError", "“{value}” is not a date and time."),
                            value=s[:40])
        parts = [int(p) if p else 0 for p in m.groups()]
        try:
            local = datetime(*parts)
        except ValueError:
            raise UserError(QT_TRANSLATE_NOOP("UserError", "“{value}” is not a date and time."),
                            value=s[:40]) from None
    return _epoch(local, value, tz)


def _epoch(local: datetime, value: object, tz: tzinfo | None) -> int:
    if not YEARS[0] <= local.year <= YEARS[1]:  # before converting: year 1 or 9999 overflows
        raise UserError(QT_TRANSLATE_NOOP(
            "UserError", "“{value}” is not a date ShopDesk can store (years {first} to {last})."),
            value=local.strftime("%Y-%m-%d %H:%M:%S") if local.year >= 1000 else str(local)[:40],
            first=YEARS[0], last=YEARS[1])
    if local.tzinfo is None:
        local = local.replace(tzinfo=tz) if tz else local.astimezone()
    return max(int(local.timestamp()), 0)
