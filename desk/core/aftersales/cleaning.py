"""Cleaning what a person typed into a case: names and numbers trimmed and
bounded, amounts in fen from yuan text (never through a float), tracking numbers
checked, items checked for shape. Each cleaner returns the stored value or
raises a UserError saying what is wrong."""

from __future__ import annotations

import re

from desk.core.aftersales.models import CASE_KINDS, RESPONSIBILITIES
from desk.core.customers import fields
from desk.core.errors import QT_TRANSLATE_NOOP, UserError
from desk.core.money import parse_yuan
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


def clean_kind(value: object) -> str:
    if value not in CASE_KINDS:
        raise UserError(QT_TRANSLATE_NOOP("UserError", "Choose what kind of case this is."))
    return value


def clean_responsibility(value: object) -> str:
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


def clean_tracking(value: object) -> str:
    text = re.sub(r"\s", "", clean_line(value if value is None or isinstance(value, str)
                                        else str(value)))
    if not text:
        return ""
    if len(text) > TRACKING_MAX or not _TRACKING.fullmatch(text):
        raise UserError(QT_TRANSLATE_NOOP(
            "UserError", "“{number}” is not a tracking number: use letters, digits and dashes, "
                         "at most {limit}."), number=text[:TRACKING_MAX + 5], limit=TRACKING_MAX)
    return text


def clean_carrier(value: object) -> str:
    return _line(value, CARRIER_MAX, QT_TRANSLATE_NOOP(
        "UserError", "The carrier's name can be at most {limit} characters (this one has {length})."))


def clean_refund_no(value: object) -> str:
    return _line(value, REFUND_NO_MAX, QT_TRANSLATE_NOOP(
        "UserError", "The platform's refund number can be at most {limit} characters (this one has "
                     "{length})."))


def clean_description(value: object) -> str:
    text = strip_controls("" if value is None else str(value)).strip()
    if len(text) > DESCRIPTION_MAX:
        raise UserError(QT_TRANSLATE_NOOP(
            "UserError", "The description can be at most {limit} characters (this one has "
                         "{length})."), limit=DESCRIPTION_MAX, length=len(text))
    return text


def clean_items(value: object) -> list[tuple[int | str, int]]:
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
    "kind": clean_kind,
    "responsibility": clean_responsibility,
    "items": clean_items,
    "refund_fen": fen,
    "compensation_fen": fen,
    "shipping_fen": fen,
    "platform_refund_no": clean_refund_no,
    "handler": clean_handler,
    "free_shipping": bool,
    "no_reason_return": bool,
    "return_by_surface": bool,
    "description": clean_description,
    "return_carrier": clean_carrier,
    "return_tracking_no": clean_tracking,
    "reissue_carrier": clean_carrier,
    "reissue_tracking_no": clean_tracking,
}


def clean_fields(values: dict) -> dict:
    out = {}
    for name, value in values.items():
        cleaner = _CLEANERS.get(name)
        out[name] = value if cleaner is None else cleaner(value)
    return out
