"""The typed settings registry: every option has a name, type, default and doc.

Values live in the database's `setting` table (as JSON), so they travel with
the shop's data to another computer. Nothing else reads or writes that table
but desk.core.uistate, the registry of UI state kept beside the options.
Reads are plain SQL (start-up reads settings before the ORM is loaded);
writes go through the ORM's transaction and change announcement.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from desk.core import changes, dbconn, seat, timeutil, uistate
from desk.core.errors import QT_TRANSLATE_NOOP, UserError
from desk.core.platforms import PLATFORMS


@dataclass(frozen=True)
class Option:
    name: str
    type: type
    default: Any
    doc: str
    choices: tuple | None = None
    minimum: int | None = None
    maximum: int | None = None
    seat: bool = False  # the desk's own, not the shop's: in team mode kept beside it (seat.py)

    def validate(self, value: Any) -> Any:
        if self.type is bool:
            if not isinstance(value, bool):
                raise UserError(QT_TRANSLATE_NOOP("UserError", "Setting {name}: expected yes or no."),
                                name=self.name)
        elif self.type is int:
            if isinstance(value, bool) or not isinstance(value, int):
                raise UserError(QT_TRANSLATE_NOOP("UserError", "Setting {name}: expected a whole number."),
                                name=self.name)
            if self.minimum is not None and value < self.minimum:
                raise UserError(QT_TRANSLATE_NOOP("UserError", "Setting {name}: at least {limit}."),
                                name=self.name, limit=self.minimum)
            if self.maximum is not None and value > self.maximum:
                raise UserError(QT_TRANSLATE_NOOP("UserError", "Setting {name}: at most {limit}."),
                                name=self.name, limit=self.maximum)
        elif self.type is str:
            if not isinstance(value, str):
                raise UserError(QT_TRANSLATE_NOOP("UserError", "Setting {name}: expected text."),
                                name=self.name)
            value = value.strip()
            if len(value) > 200:
                raise UserError(QT_TRANSLATE_NOOP("UserError", "Setting {name}: at most 200 characters."),
                                name=self.name)
        if self.choices is not None and value not in self.choices:
            raise UserError(QT_TRANSLATE_NOOP("UserError", "Setting {name}: must be one of {choices}."),
                            name=self.name, choices=", ".join(map(str, self.choices)))
        return value


OPTIONS: dict[str, Option] = {
    o.name: o
    for o in (
        Option("shop_name", str, "", "The shop's name, used in quick replies as {shop_name}."),
        Option("default_platform", str, "taobao", "Platform preset for new customers and imports.",
               choices=PLATFORMS),
        Option("language", str, "", "UI language: '' follows the system, 'en' or 'zh_CN'.",
               choices=("", "en", "zh_CN"), seat=True),
        Option("handler", str, "", "Who is at this desk (the staff name): recorded as the handler "
               "of case changes and as who wrote case events, notes and follow-ups and "
               "who last changed a row.", seat=True),
        Option("mask_phones", bool, True, "Show phone numbers as 138****1234 until asked."),
        Option("deadline_warn_hours", int, 24,
               "Warn when a case deadline is this many hours away.", minimum=1, maximum=720),
        Option("handling_cutoff_hour", int, 16,
               "Cases that come in before this hour are to be handled the same day, later ones "
               "by the end of the next day (24: all the same day).", minimum=1, maximum=24),
        Option("backup_every_hours", int, 4, "Back up the database this often while the app runs.",
               minimum=1, maximum=168),
        Option("first_run_done", bool, False, "The welcome dialog has been answered."),
    )
}


def _option(name: str) -> Option:
    try:
        return OPTIONS[name]
    except KeyError:
        raise KeyError(f"unknown setting {name!r}") from None


def _stored(key: str) -> str | None:
    row = dbconn.execute("SELECT value FROM setting WHERE key = ?", (key,)).fetchone()
    return row[0] if row is not None else None


def get(name: str) -> Any:
    option = _option(name)
    root = seat.folder() if option.seat else None
    value = _stored(name) if root is None else seat.get(root, name)
    if value is None:
        return option.default
    try:
        return option.validate(json.loads(value))
    except (ValueError, UserError):
        return option.default  # a hand-edited or outdated value falls back safely


def set_many(values: dict[str, Any]) -> None:
    """Validate all, then write all in one transaction."""
    from desk.core.appdata import put_setting
    from desk.core.base import database

    clean = {name: _option(name).validate(value) for name, value in values.items()}
    now = timeutil.now()
    root = seat.folder()
    mine = {name: json.dumps(value, ensure_ascii=False) for name, value in clean.items()
            if root is not None and OPTIONS[name].seat}
    with changes.write(database) as pending:
        for name, value in clean.items():
            if name not in mine:
                put_setting(name, json.dumps(value, ensure_ascii=False), now)
        if mine:
            seat.put(root, mine)
        pending.add("setting")


def set(name: str, value: Any) -> None:  # noqa: A001 - mirrors get()
    set_many({name: value})


def get_state(key: str) -> str | None:
    """UI state (window geometry, column layout), not user options, as stored
    text; its keys are declared in desk.core.uistate (an undeclared one is a KeyError)."""
    return uistate.get_text(key)


def set_state(key: str, value: str) -> None:
    uistate.set_text(key, value)
