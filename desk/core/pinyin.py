"""Pinyin forms of Chinese text for search: full pinyin and initials, tone-free.

pypinyin's character table is loaded on first use (it costs ~100 ms), never at
start-up. Each character takes its most common reading; letters and digits
pass through lower-cased, everything else is dropped.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

_table: dict[int, str] | None = None


def _load() -> dict[int, str]:
    global _table
    if _table is None:
        from pypinyin.pinyin_dict import pinyin_dict

        _table = pinyin_dict
    return _table


@lru_cache(maxsize=65536)
def _char(ch: str) -> str:
    """One character's tone-free reading ('' when it has none)."""
    if ch.isascii():
        return ch.lower() if ch.isalnum() else ""
    reading = _load().get(ord(ch))
    if not reading:
        return ""
    first = reading.split(",", 1)[0]
    decomposed = unicodedata.normalize("NFD", first).replace("u\u0308", "v")  # ü, ǘ, ǚ, ǜ -> v
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


def full(text: str) -> str:
    """'小雨点点' -> 'xiaoyudiandian'."""
    return "".join(_char(c) for c in text)


def abbr(text: str) -> str:
    """'小雨点点' -> 'xydd'. ASCII letters and digits are kept whole."""
    out = []
    for c in text:
        if c.isascii():
            out.append(_char(c))
        else:
            r = _char(c)
            if r:
                out.append(r[0])
    return "".join(out)
