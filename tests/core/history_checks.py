"""Checks shared by the undo-history tests: the rows of some tables, and a
step made, undone, redone and undone again against them."""

from __future__ import annotations

from collections.abc import Callable, Mapping

from desk.core.base import database
from desk.core.history import Step

# what every save moves on, an undo too (it is a new save): when, who, the version
STAMPS = ("updated_at", "updated_by", "version")


def table_rows(tables: Mapping[str, tuple[str, ...]]) -> dict[str, list[tuple]]:
    """Every row of each table (table -> columns left out of the comparison), in a fixed order."""
    conn = database.connection()
    out = {}
    for table, skip in tables.items():
        columns = [r[1] for r in conn.execute(f"PRAGMA table_info({table})") if r[1] not in skip]
        out[table] = sorted(conn.execute(f"SELECT {', '.join(columns)} FROM {table}").fetchall(),
                            key=repr)
    return out


def back_and_forth(step: Step, before: dict, after: dict, state: Callable[[], dict]) -> None:
    """The step's change is there; undo, redo and undo again give exactly `before`/`after`."""
    assert isinstance(step, Step) and step.label
    assert state() == after
    step.undo()
    assert state() == before
    step.redo()
    assert state() == after
    step.undo()
    assert state() == before
