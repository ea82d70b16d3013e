"""Pinyin forms of Chinese text for search: full pinyin and initials, tone-free.

pypinyin's character table is loaded on first use, never at start-up: read
straight from the package's pinyin_dict.json (about 20 ms), not by importing
pypinyin, whose package import also loads its phrase table (0.15-0.5 s) that
this module never uses. Each character takes its most common reading; letters
and digits pass through lower-cased, everything else is dropped.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

_table: dict[int, str] | None = None
_MEMO_MAX = 65536  # characters remembered by the translate tables below


def _load() -> dict[int, str]:
    global _table
    if _table is None:
        _table = _read_table()
        if _table is None:  # laid out differently (a frozen build without the file): the module
            from pypinyin.pinyin_dict import pinyin_dict

            _table = pinyin_dict
    return _table


def _read_table() -> dict[int, str] | None:
    """pypinyin's single-character table as its `pinyin_dict` module builds
    it (the same JSON file, keys made ints), without importing the package."""
    import importlib.util
    import json
    from pathlib import Path

    try:
        spec = importlib.util.find_spec("pypinyin")
    except (ImportError, ValueError):
        return None
    for folder in (spec.submodule_search_locations or ()) if spec else ():
        try:
            raw = json.loads((Path(folder) / "pinyin_dict.json").read_text(encoding="utf-8"))
            return {int(k): v for k, v in raw.items()}
        except (OSError, ValueError, AttributeError):
            continue
    return None


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


class _Memo(dict):
    """code point -> replacement for str.translate, worked out on first use,
    so a text is converted in one C call once its characters have been seen."""

    def __init__(self, convert) -> None:
        super().__init__()
        self.convert = convert

    def __missing__(self, code: int) -> str:
        if len(self) >= _MEMO_MAX:
            self.clear()
        value = self[code] = self.convert(_char(chr(code)))
        return value


_FULL = _Memo(str)
_INITIALS = _Memo(lambda reading: reading[:1])  # ASCII letters and digits are one character


def full(text: str) -> str:
    """'小雨点点' -> 'xiaoyudiandian'."""
    return text.translate(_FULL)


def abbr(text: str) -> str:
    """'小雨点点' -> 'xydd'. ASCII letters and digits are kept whole."""
    return text.translate(_INITIALS)
