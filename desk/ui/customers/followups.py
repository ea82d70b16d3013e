"""Follow-ups in the UI: the snooze menu (listing and labelling the times
desk.core.customers.due_times works out), and the undoable changes the panel (followups_panel), the
follow-up dialog and the Today page share."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import datetime

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QColor
from PySide6.QtWidgets import QMenu, QWidget

from desk.core import timeutil
from desk.core.customers import due_times
from desk.ui import fmt, undo

OVERDUE_BACKGROUND = QColor("#ffebee")
OVERDUE_TEXT = QColor("#b71c1c")
DONE_TEXT = QColor("#9e9e9e")
FollowupIdRole = Qt.ItemDataRole.UserRole

translate = QCoreApplication.translate


def _core():
    """The follow-up service, imported on first use: the Today page builds its
    menus from this module at start-up, and the service brings the customer,
    order and case models with it (kept off the start path)."""
    from desk.core.customers import followups

    return followups


# -- the snooze menu (its times are core's, desk.core.customers.due_times) ----------


def local_now() -> datetime:
    """Now, in the local zone (through timeutil, so tests can fix the clock)."""
    return timeutil.now().astimezone()


def snooze_menu(parent: QWidget, on_pick: Callable[[datetime], None],
                name: str = "snoozeMenu") -> QMenu:
    """The snooze choices; `on_pick(until)` gets the chosen time. "Tonight" is
    offered only while 20:00 is still ahead."""
    menu = QMenu(translate("Followups", "Snooze"), parent)
    menu.setObjectName(name)
    menu.menuAction().setObjectName(f"{name}Action")
    menu.setToolTipsVisible(True)
    labels = {
        "hour": translate("Followups", "For 1 hour"),
        "tonight": translate("Followups", "Until tonight 20:00"),
        "tomorrow": translate("Followups", "Until tomorrow morning"),
        "nextWeek": translate("Followups", "Until next week"),
    }
    choices: list[tuple[QAction, Callable[[datetime], datetime]]] = []
    for key, until in due_times.SNOOZE:
        action = menu.addAction(labels[key])
        action.setObjectName(f"snooze_{key}")
        action.triggered.connect(lambda _=False, u=until: on_pick(u(local_now())))
        choices.append((action, until))

    def refresh() -> None:
        now = local_now()
        for action, until in choices:
            moment = until(now)
            action.setEnabled(due_times.offered(moment, now))
            action.setToolTip(fmt.when(timeutil.to_epoch(moment)))

    menu.aboutToShow.connect(refresh)
    return menu


# -- undoable changes: core makes each one and hands back its undo step ------------


def add(customer_id: int, title: str, due_at: datetime, case_id: int | None = None) -> int:
    return undo.run(translate("Followups", "Add follow-up"),
                    lambda: _core().add_step(customer_id, title, due_at, case_id))


def edit(followup_id: int, title: str, due_at: datetime, version: int | None = None,
         parent: QWidget | None = None, reload: Callable[[], object] | None = None) -> None:
    """With `version` (what the form read), a change saved meanwhile asks
    the person to reload or overwrite (desk/ui/conflict.py)."""
    from desk.ui import conflict  # (it needs the models: not on the start path)

    def write(checked: int | None = None):
        return _core().reschedule_step(followup_id, due_at, title=title, version=checked)

    undo.run(translate("Followups", "Edit follow-up"),
             write if version is None else conflict.guarded(parent, write, version, reload))


def set_done(followup_ids: Iterable[int], done: bool = True) -> int:
    ids = list(followup_ids)
    text = (translate("Followups", "Mark %n follow-up(s) done", "", len(ids)) if done
            else translate("Followups", "Mark %n follow-up(s) not done", "", len(ids)))
    return undo.run(text, lambda: _core().set_done_step(ids, done))


def snooze(followup_ids: Iterable[int], until: datetime) -> int:
    ids = list(followup_ids)
    return undo.run(translate("Followups", "Snooze %n follow-up(s)", "", len(ids)),
                    lambda: _core().snooze_step(ids, until))


def delete(followup_ids: Iterable[int]) -> int:
    ids = list(followup_ids)
    return undo.run(translate("Followups", "Delete %n follow-up(s)", "", len(ids)),
                    lambda: _core().delete_step(ids))
