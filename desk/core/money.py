"""Money is integer fen. Parsing never goes through a float."""

from __future__ import annotations

import re

from desk.core.errors import QT_TRANSLATE_NOOP, UserError

_AMOUNT = re.compile(r"^([+-]?)(\d+)(?:\.(\d{1,2})\d*)?$")
_STRIP = str.maketrans("", "", " ,，¥￥元RMBrmb\u00a0")


def parse_yuan(text: str) -> int:
    """'¥1,234.5' -> 123450 fen. Rejects anything that is not an amount."""
    cleaned = str(text).strip().translate(_STRIP)
    m = _AMOUNT.match(cleaned)
    if not m:
        raise UserError(QT_TRANSLATE_NOOP("UserError", "“{text}” is not an amount of money."), text=text)
    sign, whole, frac = m.groups()
    fen = int(whole) * 100 + int((frac or "0").ljust(2, "0"))
    return -fen if sign == "-" else fen


def format_fen(fen: int) -> str:
    """123450 -> '1234.50' (plain; the UI formats with QLocale)."""
    sign = "-" if fen < 0 else ""
    whole, frac = divmod(abs(fen), 100)
    return f"{sign}{whole}.{frac:02d}"

