"""Money is integer fen. Parsing never goes through a float."""

from __future__ import annotations

import re

from desk.core.errors import QT_TRANSLATE_NOOP, UserError

_AMOUNT = re.compile(r"^([+-]?)([0-9]+)(?:\.([0-9]{1,2})[0-9]*)?$")
_STRIP = str.maketrans("", "", " ,，¥￥元RMBrmb\u00a0")
# The largest amount one field holds: 100 billion yuan. Far above any order or
# refund, and far enough below 64-bit fen (9.2e18) that sums over 900,000 of
# them (a buyer's total spend, the review's figures) stay exact in SQLite.
MAX_FEN = 10**13
_MAX_WHOLE_DIGITS = 11


def parse_yuan(text: str) -> int:
    """'¥1,234.5' -> 123450 fen. Rejects anything that is not an amount, or
    is more than MAX_FEN."""
    cleaned = str(text).strip().translate(_STRIP)
    m = _AMOUNT.match(cleaned)
    if not m:
        raise UserError(QT_TRANSLATE_NOOP("UserError", "“{text}” is not an amount of money."),
                        text=_short(text))
    sign, whole, frac = m.groups()
    if len(whole.lstrip("0")) > _MAX_WHOLE_DIGITS + 1:  # before int(): 5,000 digits are not read
        raise too_much(text)
    fen = int(whole) * 100 + int((frac or "0").ljust(2, "0"))
    return check_fen(-fen if sign == "-" else fen, text)


def check_fen(fen: int, shown: object) -> int:
    """`fen` when it is within ±MAX_FEN, else the UserError of too_much."""
    if -MAX_FEN <= fen <= MAX_FEN:
        return fen
    raise too_much(shown)


def too_much(shown: object) -> UserError:
    return UserError(QT_TRANSLATE_NOOP(
        "UserError", "“{text}” is more money than ShopDesk records in one amount (at most "
        "{most} yuan)."), text=_short(shown), most=f"{MAX_FEN // 100:,}")


def _short(text: object) -> str:
    s = str(text)
    return s if len(s) <= 40 else s[:40] + "…"


def format_fen(fen: int) -> str:
    """123450 -> '1234.50' (plain; the UI formats with QLocale)."""
    sign = "-" if fen < 0 else ""
    whole, frac = divmod(abs(fen), 100)
    return f"{sign}{whole}.{frac:02d}"
