"""Input rules shared by the customer-file services: cleaning, lengths, phones, colours."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable

from desk.core.errors import QT_TRANSLATE_NOOP, UserError
from desk.core.text import clean_line

NICKNAME_MAX = 64
REAL_NAME_MAX = 32
REGION_MAX = 64

_MOBILE = re.compile(r"1[3-9]\d{9}")
# area code 0xx or 0xxx, a 7- or 8-digit number, an optional extension
_LANDLINE = re.compile(r"0\d{2,3}-?\d{7,8}(-\d{1,6})?")
# what the platforms show instead of the number: 138****1234
_MASKED = re.compile(r"1\d{2}\*{4}\d{4}")
_COLOR = re.compile(r"#[0-9a-fA-F]{6}")


def line(value: object, limit: int, *, too_long: str, required: str | None = None) -> str:
    """A one-line text field: controls and bidi overrides removed, trimmed,
    refused (never cut) when longer than `limit` characters. `too_long` and
    `required` are the messages, each marked for translation by the caller;
    `too_long` may use {limit} and {length}."""
    text = clean_line(value if value is None or isinstance(value, str) else str(value))
    if required is not None and not text:
        raise UserError(required)
    if len(text) > limit:
        raise UserError(too_long, limit=limit, length=len(text))
    return text


def phone(value: object) -> str:
    """'' or a valid phone: a mobile (spaces, dashes and +86 allowed when
    typed), a landline with its area code, or a platform-masked mobile kept as given."""
    text = clean_line(value if value is None or isinstance(value, str) else str(value))
    if not text:
        return ""
    if _MASKED.fullmatch(text):
        return text
    compact = re.sub(r"[\s()]", "", text)
    mobile = compact.replace("-", "")
    if mobile.startswith("+86"):
        mobile = mobile[3:]
    if _MOBILE.fullmatch(mobile):
        return mobile
    if _LANDLINE.fullmatch(compact):
        return compact
    raise UserError(
        QT_TRANSLATE_NOOP("UserError", "\"{phone}\" is not a phone number: use an 11-digit mobile "
                          "(13812345678), a landline with its area code (0571-88886666) or a "
                          "masked number (138****1234)."),
        phone=text[:40])


def is_masked(value: str) -> bool:
    return "*" in value


def phones_agree(masked: str, real: str) -> bool:
    """Whether `masked` (138****1000) could be `real` (13812341000): the same
    length and the same digit wherever the mask shows one."""
    return len(masked) == len(real) and all(m in ("*", r) for m, r in zip(masked, real, strict=True))


def better_phone(stored: str, given: str) -> str | None:
    """The phone to keep when a file gives `given` for a buyer stored with
    `stored`: None to keep what is stored. A masked number never replaces a
    real one; it fills an empty one, and a real one that agrees with a stored
    mask replaces it."""
    if not given or given == stored:
        return None
    if not stored:
        return given
    if is_masked(stored) and not is_masked(given) and phones_agree(stored, given):
        return given
    return None


def color(value: object) -> str:
    text = clean_line(value if value is None or isinstance(value, str) else str(value))
    if not _COLOR.fullmatch(text):
        raise UserError(QT_TRANSLATE_NOOP("UserError", "\"{color}\" is not a colour: use #rrggbb, "
                                          "for example #e53935."), color=text[:20])
    return text.lower()


def id_list(ids: Iterable[int]) -> list[int]:
    """Distinct ids, in the order given."""
    return list(dict.fromkeys(int(i) for i in ids))


def ids_param(ids: Iterable[int]) -> str:
    """Ids as one SQL parameter, read with `IN (SELECT value FROM json_each(?))`,
    so thousands of ids need neither thousands of placeholders nor a temp table."""
    return json.dumps(id_list(ids))
