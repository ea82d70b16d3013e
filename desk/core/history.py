"""Steps: a core write's own undo, handed back with its result.

A service function that can be taken back returns `(result, step)`: the change
is already made, and the `Step` holds the two calls that undo and redo it, so
the caller (the app's undo history, a script, a test) never copies a "before"
state or works out a reverse itself. As in Anki's pylib, where an operation
returns its changes and its undo, the rule for taking a change back lives next
to the rule for making it, and is tested without Qt.

`undo()` puts back exactly the state before the change (ids and positions
kept); `redo()` makes the change again after an undo. They are called in turn
(undo, redo, undo, ...), each on the state the other left. Either may raise a
`UserError` when the data moved on meanwhile (the row was deleted elsewhere).

The label is plain English for logs and scripts; the app shows its own
translated wording for the same step.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Step:
    label: str
    undo: Callable[[], Any]
    redo: Callable[[], Any]
    entity: str = ""  # what it changes: 'tag', 'reason', 'deadline_rule', 'setting'


class Cell:
    """A value a step's later calls share, such as the id of a row that an
    undo put back under a new id because its own was taken meanwhile."""

    def __init__(self, value: Any) -> None:
        self.value = value
