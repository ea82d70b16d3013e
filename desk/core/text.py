"""Small text rules shared by forms, imports and exports."""

from __future__ import annotations

import re

# C0 controls except tab and newline, DEL, C1 controls, and the bidi
# overrides that can make a nickname display as something else.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


# A lone surrogate is no character at all: it is how Python hands over bytes
# that were not UTF-8 (a command-line argument, a file name), and SQLite
# cannot store it (UnicodeEncodeError). Every text field passes through
# strip_controls, so it is cleaned here, once: U+FFFD marks where it was.
_SURROGATE = re.compile(r"[\ud800-\udfff]")


def clean_surrogates(text: str) -> str:
    return _SURROGATE.sub("\ufffd", text)


def strip_controls(text: str) -> str:
    return _CONTROL.sub("", clean_surrogates(text))


def clean_line(text: str | None) -> str:
    """One-line field: controls and line breaks removed, spaces trimmed."""
    if text is None:
        return ""
    return strip_controls(str(text)).replace("\n", " ").replace("\t", " ").strip()


def mask_phone(phone: str | None) -> str:
    """13812341234 -> 138****1234; short or odd numbers keep only their tail."""
    if not phone:
        return ""
    digits = phone.strip()
    if len(digits) >= 11:
        return f"{digits[:3]}****{digits[-4:]}"
    if len(digits) > 4:
        return "*" * (len(digits) - 4) + digits[-4:]
    return digits
