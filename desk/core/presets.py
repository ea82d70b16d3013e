"""The names of the presets ShopDesk ships (after-sales reasons, quick-reply
groups) in the UI's language, until the shop renames them.

The presets are the shop's data and are stored in Chinese. The seed files
give each an English name too; while a preset still has the name it was
shipped with, the English UI shows the English one. Once the shop renames it,
its own text is shown in every language. The UI sets the language at start
(`set_language`); the CLI and the exports keep the stored names.

SQL reads the same rule through `shown_name(kind, key, name)`, a function
registered on every connection (desk.core.db.connect), so lists that sort
and filter in SQL show the same names as the forms.
"""

from __future__ import annotations

from functools import cache

REASON, GROUP = "reason", "group"
_SEEDS = {REASON: ("reasons.json", "code"), GROUP: ("reply_groups.json", "stage")}
_language = ""  # '' or 'zh_CN': the stored names; 'en': English for presets not renamed


def set_language(language: str) -> None:
    global _language
    _language = language or ""


def language() -> str:
    return _language


@cache
def shipped(kind: str) -> dict[str, tuple[str, str]]:
    """key -> (Chinese name, English name) of the presets of one kind."""
    import json

    from desk.core.resources import db_file

    seed, key = _SEEDS[kind]
    rows = json.loads(db_file("seed", seed).read_text(encoding="utf-8"))
    return {r[key]: (r["name"], r.get("name_en") or r["name"]) for r in rows}


def shown(kind: str, key: str | None, name: str | None) -> str | None:
    """The name to show for a reason (key: its code) or a reply group (key: its stage)."""
    if _language != "en" or not key or name is None:
        return name
    pair = shipped(kind).get(key)
    return pair[1] if pair is not None and pair[0] == name else name
