"""The typed registry of UI state: how the shop left its windows and lists.

Not options a person sets (those are desk.core.settings' OPTIONS) but what
the app remembers by itself: window geometry, list column layouts, named
import column presets. Every key is declared here once, with its type, its
default and what it is for; reading or writing a key that is not declared is
a KeyError (and a test scans desk/ for keys used but not declared).

Values live in the `setting` table under "state.<name>", so they travel
with the shop's data. A value that cannot be read (hand-edited, or written
by another version) reads as the default, never as a crash.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from desk.core import dbconn, seat, timeutil

PREFIX = "state."


@dataclass(frozen=True)
class StateKey:
    name: str
    type: type  # str: opaque text (a Qt geometry in base64); dict: a JSON object
    doc: str
    seat: bool = True  # the desk's own (its screen, its layout): in team mode kept beside it

    @property
    def default(self) -> Any:
        return {} if self.type is dict else None

    def decode(self, text: str) -> Any:
        if self.type is str:
            return text
        try:
            value = json.loads(text)
        except ValueError:
            return self.default
        return value if isinstance(value, dict) else self.default

    def encode(self, value: Any) -> str:
        if not isinstance(value, self.type):
            raise TypeError(f"UI state {self.name!r} is a {self.type.__name__}, "
                            f"not {type(value).__name__}")
        return value if self.type is str else json.dumps(value, ensure_ascii=False)


KEYS: dict[str, StateKey] = {
    k.name: k
    for k in (
        StateKey("main_window.geometry", str,
                 "The main window's size and place (QWidget.saveGeometry, base64)."),
        StateKey("customers.columns", dict,
                 "The customer list's columns: order, hidden, widths (listpage.save_columns)."),
        StateKey("aftersales.columns.2", dict,
                 "The after-sales list's columns, since the deadline column came first "
                 "(a layout under the older name is left behind)."),
        StateKey("import_presets", dict,
                 "Named column mappings for order exports of an unknown layout "
                 "(desk.core.excel.presets): name -> platform and columns.", seat=False),
    )
}


def key(name: str) -> StateKey:
    """The declaration of `name`; a KeyError for a key not declared above."""
    if name not in KEYS:
        raise KeyError(f"undeclared UI state {name!r}: declare it in desk/core/uistate.py")
    return KEYS[name]


def get(name: str) -> Any:
    """The value as its type; the default when never saved or unreadable."""
    entry = key(name)
    text = get_text(name)
    return entry.default if text is None else entry.decode(text)


def set(name: str, value: Any) -> None:  # noqa: A001 - mirrors get()
    set_text(name, key(name).encode(value))


def get_text(name: str) -> str | None:
    """The stored text, as saved (None: never saved)."""
    root = seat.folder() if key(name).seat else None
    if root is not None:
        return seat.get(root, PREFIX + name)
    # plain SQL: the window's geometry and the Today page's columns are read
    # before the first paint, when the ORM is not loaded yet
    row = dbconn.execute("SELECT value FROM setting WHERE key = ?", (PREFIX + name,)).fetchone()
    return row[0] if row is not None else None


def set_text(name: str, text: str) -> None:
    from desk.core.appdata import put_setting

    root = seat.folder() if key(name).seat else None
    if root is not None:
        seat.put(root, {PREFIX + name: text})
    else:
        put_setting(PREFIX + name, text, timeutil.now())
