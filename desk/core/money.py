"""Money is integer fen. Parsing never goes through a float."""

from __future__ import annotations

import re

from desk.core.errors import QT_TRANSLATE_NOOP, UserError

_AMOUNT = re.compile(r"^([+-]?)([0-9]+)(?:\.([0-9]{1,2})[0-9]*)?$")
_STRIP = str.maketrans("", "", " ,，¥￥元RMBrmb\u00a0")
# The largest amount parse_yuan accepts: nine of them still add up within 64-bit
# fen (9.2e18). Imports cap an order's amount far lower (values.ORDER_MAX_FEN).
MAX_FEN = 10**18


def parse_yuan(text: str, most: int = MAX_FEN) -> int:
    """'¥1,234.5' -> 123450 fen. Rejects anything that is not an amount, or
    is more than `most` fen."""
    cleaned = str(text).strip().translate(_STRIP)
    m = _AMOUNT.match(cleaned)
    if not m:
        raise UserError(QT_TRANSLATE_NOOP("UserError", "“{text}” is not an amount of money."),
                        text=_short(text))
    sign, whole, frac = m.groups()
    if len(whole.lstrip("0")) > len(str(most // 100)):  # before int(): 5,000 digits are not read
        raise too_much(text, most)
    fen = int(whole) * 100 + int((frac or "0").ljust(2, "0"))
    return check_fen(-fen if sign == "-" else fen, text, most)


def check_fen(fen: int, shown: object, most: int = MAX_FEN) -> int:
    """`fen` when it is within ±`most`, else the UserError of too_much."""
    if -most <= fen <= most:
        return fen
    raise too_much(shown, most)


def too_much(shown: object, most: int = MAX_FEN) -> UserError:
    return UserError(QT_TRANSLATE_NOOP(
        "UserError", "“{text}” is more money than ShopDesk records in one amount (at most "
        "{most} yuan)."), text=_short(shown), most=f"{most // 100:,}")


def _short(text: object) -> str:
    s = str(text)
    return s if len(s) <= 40 else s[:40] + "…"


def format_fen(fen: int) -> str:
    """123450 -> '1234.50' (plain; the UI formats with QLocale)."""
    sign = "-" if fen < 0 else ""
    whole, frac = divmod(abs(fen), 100)
    return f"{sign}{whole}.{frac:02d}"
