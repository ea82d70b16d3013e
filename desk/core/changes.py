"""Change notification: core announces what a committed write touched.

Services collect changes while they write and announce them only after the
transaction commits (a rolled-back write announces nothing). The UI layer
subscribes once and turns each announcement into a Qt signal.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterable
from contextlib import contextmanager
from dataclasses import dataclass, field

log = logging.getLogger(__name__)

Listener = Callable[["Change"], None]
_listeners: list[Listener] = []
# called inside the outermost write's transaction, just before it commits,
# with the database and {entity: ids}: team mode's NOTIFY (desk/core/live.py),
# which the server then delivers to the other seats only if the write commits
BeforeCommit = Callable[[object, dict[str, set[int]]], None]
_before_commit: list[BeforeCommit] = []


@dataclass(frozen=True)
class Change:
    """`entity` is a table-level name ('customer', 'case', 'reply', ...);
    `ids` the rows touched, empty when the change is too broad to list."""

    entity: str
    ids: frozenset[int] = field(default_factory=frozenset)


def subscribe(listener: Listener) -> Callable[[], None]:
    _listeners.append(listener)
    return lambda: _listeners.remove(listener)


def before_commit(hook: BeforeCommit) -> Callable[[], None]:
    _before_commit.append(hook)
    return lambda: _before_commit.remove(hook)


def announce(entity: str, ids: Iterable[int] = ()) -> None:
    change = Change(entity, frozenset(ids))
    for listener in list(_listeners):
        try:
            listener(change)
        except Exception:  # a broken view must not undo a committed write
            log.exception("change listener failed for %s", entity)


class Pending:
    def __init__(self) -> None:
        self._by_entity: dict[str, set[int]] = {}

    def add(self, entity: str, ids: Iterable[int] = ()) -> None:
        self._by_entity.setdefault(entity, set()).update(ids)

    def touched(self) -> dict[str, set[int]]:
        return {entity: set(ids) for entity, ids in self._by_entity.items()}

    def flush(self) -> None:
        for entity, ids in self._by_entity.items():
            announce(entity, ids)
        self._by_entity.clear()


_local = threading.local()


@contextmanager
def write(db):
    """One short write transaction; changes recorded on the yielded object are
    announced after the outermost transaction commits. Nested calls share it."""
    outer = getattr(_local, "pending", None)
    if outer is not None:
        with db.atomic():
            yield outer
        return
    pending = _local.pending = Pending()
    try:
        with db.atomic():
            yield pending
            if _before_commit and pending._by_entity:
                for hook in list(_before_commit):
                    hook(db, pending.touched())
    except Exception as e:
        # bulk writes go to the raw connection (executemany), past the
        # database's own translation: a full or read-only disk is the
        # shop owner's to fix, not a bug
        from desk.core.db import storage_error

        problem = storage_error(e, getattr(db, "database", "") or "")
        if problem is None:
            raise
        log.info("a write was refused by the disk: %s", e)
        raise problem from None
    finally:
        _local.pending = None
    pending.flush()
