"""Cell values that are safe to hand to Excel: never a formula, no forbidden
characters, never longer than a cell holds."""

from __future__ import annotations

import re

# Excel refuses C0 controls other than tab, newline and carriage return
# (openpyxl.cell.cell.ILLEGAL_CHARACTERS_RE); we drop the others as well, and
# what XML cannot hold at all (U+FFFE, U+FFFF, lone surrogates).
ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
# A text starting with one of these is a formula to a spreadsheet (or becomes
# one when someone edits the cell, or saves the sheet as CSV).
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
CELL_MAX = 32_767
CUT_MARK = "…[cut]"


def clean_text(text: str) -> str:
    """Forbidden characters removed, cut with a visible marker when too long."""
    if ILLEGAL.search(text):
        text = ILLEGAL.sub("", text)
    if len(text) > CELL_MAX:
        text = text[:CELL_MAX - len(CUT_MARK)] + CUT_MARK
    return text


def looks_like_formula(text: str) -> bool:
    return text.startswith(FORMULA_START)
