"""Turns core's change announcements into one Qt signal, delivered on the main thread."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from desk.core import changes


class ChangeBus(QObject):
    # entity name, frozenset of ids (empty: too broad to list)
    changed = Signal(str, object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        # emit() from a worker thread is queued to the receivers' (main) thread
        changes.subscribe(lambda c: self.changed.emit(c.entity, c.ids))


_bus: ChangeBus | None = None


def bus() -> ChangeBus:
    """The one bus of the process (subscribed to core for the app's lifetime)."""
    global _bus
    if _bus is None:
        _bus = ChangeBus()
    return _bus
