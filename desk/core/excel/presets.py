"""Named column mappings for order exports of a layout ShopDesk does not
know, kept in the shop's settings so they travel with its data."""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass

from desk.core import changes, settings
from desk.core.base import database
from desk.core.errors import QT_TRANSLATE_NOOP, UserError
from desk.core.excel.layouts import BUYER, FIELD_LABELS, IMPORT_PLATFORMS, INCOMPLETE, REQUIRED
from desk.core.text import clean_line

_KEY = "import_presets"
NAME_MAX = 40


@dataclass(frozen=True)
class Preset:
    name: str
    platform: str
    columns: dict[str, str]  # field -> column name in the file


def all_presets() -> list[Preset]:
    """Every saved preset, by name; a damaged entry is skipped, never a crash."""
    try:
        raw = json.loads(settings.get_state(_KEY) or "{}")
    except ValueError:
        return []
    out = []
    for name, value in sorted(raw.items() if isinstance(raw, dict) else ()):
        try:
            out.append(_checked(name, value["platform"], value["columns"]))
        except (KeyError, TypeError, UserError):
            continue
    return out


def get(name: str) -> Preset:
    for preset in all_presets():
        if preset.name == name:
            return preset
    raise UserError(QT_TRANSLATE_NOOP("UserError", "There is no column preset called “{name}”."),
                    name=name[:NAME_MAX])


def _checked(name: object, platform: object, columns: object) -> Preset:
    name = clean_line(str(name))
    if not name:
        raise UserError(QT_TRANSLATE_NOOP("UserError", "Give the preset a name."))
    if len(name) > NAME_MAX:
        raise UserError(QT_TRANSLATE_NOOP("UserError", "A preset name can be at most {limit} "
                                          "characters."), limit=NAME_MAX)
    if platform not in IMPORT_PLATFORMS:
        raise UserError(QT_TRANSLATE_NOOP("UserError", "Unknown platform \"{platform}\"."),
                        platform=str(platform)[:40])
    if not isinstance(columns, Mapping):
        raise UserError(INCOMPLETE)
    clean = {f: clean_line(str(c)) for f, c in columns.items() if f in FIELD_LABELS and c}
    if not all(f in clean for f in REQUIRED) or not any(f in clean for f in BUYER):
        raise UserError(INCOMPLETE)
    return Preset(name, str(platform), clean)


def save(name: str, platform: str, columns: Mapping[str, str]) -> Preset:
    """Save (or replace) a preset."""
    preset = _checked(name, platform, columns)
    _write({**{p.name: p for p in all_presets()}, preset.name: preset})
    return preset


def delete(name: str) -> None:
    _write({p.name: p for p in all_presets() if p.name != name})


def _write(presets: dict[str, Preset]) -> None:
    value = json.dumps({n: {"platform": p.platform, "columns": p.columns} for n, p in presets.items()},
                       ensure_ascii=False)
    with changes.write(database) as pending:
        settings.set_state(_KEY, value)
        pending.add("setting")
