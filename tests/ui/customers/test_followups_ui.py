"""Follow-ups in the UI: the form, one customer's panel, the snooze menu, and undo."""

from __future__ import annotations

import time as clock_time
from collections.abc import Callable, Sequence
from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QApplication,
    QDateTimeEdit,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desk.core import timeutil
from desk.core.customers import followups, service
from desk.core.customers.models import Followup
from desk.ui import fmt, undo
from desk.ui.customers import followups as ui_followups
from desk.ui.customers.followup_dialog import FollowupDialog
from desk.ui.customers.followups_panel import FollowupsPanel

from tests.ui.helpers import activate, answering, child, click, type_text

# A Thursday; the tests move the clock to the hour they need.
DAY = (2030, 5, 2)


def local(day: tuple[int, int, int], hour: int, minute: int = 0) -> datetime:
    return datetime(*day, hour, minute).astimezone()


def next_day(n: int = 1) -> tuple[int, int, int]:
    d = datetime(*DAY) + timedelta(days=n)
    return d.year, d.month, d.day


class Clock:
    def __init__(self) -> None:
        self.moment = local(DAY, 14, 30)

    def at(self, hour: int, minute: int = 0) -> None:
        self.moment = local(DAY, hour, minute)


@pytest.fixture(autouse=True)
def fresh_history():
    undo.reset()
    yield
    undo.reset()


def fix_clock(monkeypatch) -> Clock:
    """Fixes "now" for the app and its core alike (2030-05-02 14:30 local)."""
    c = Clock()
    monkeypatch.setattr(timeutil, "now", lambda: c.moment.astimezone(UTC))
    return c


@pytest.fixture
def clock(monkeypatch) -> Clock:
    return fix_clock(monkeypatch)


@pytest.fixture
def buyer(shop_db) -> int:
    service.create("taobao", "隔壁老王")
    return service.create("taobao", "小雨点点")


@pytest.fixture
def panel(qtbot, buyer) -> FollowupsPanel:
    """The panel in a window that has the app's Undo and Redo actions."""
    host = QWidget()
    host.setObjectName("host")
    undo.add_actions(host)
    panel = FollowupsPanel(buyer)
    QVBoxLayout(host).addWidget(panel)
    host.resize(720, 400)
    qtbot.addWidget(host)
    with qtbot.waitExposed(host):
        host.show()
    activate(host)
    yield panel
    del host  # kept alive (with the panel in it) until the test is done


def pick_from_menu(qtbot, open_menu: Callable[[], None], path: Sequence[str],
                   seen: list[dict[str, bool]] | None = None, timeout: float = 10.0) -> None:
    """`open_menu()` pops up a menu (a button with a menu pops it up a moment
    later; a context menu blocks while open); choose the actions named in
    `path` one level at a time, with the keyboard. Each level's actions go
    into `seen` as {name: enabled}."""
    steps = list(path)
    failures: list[str] = []
    deadline = clock_time.monotonic() + timeout
    last: list[QMenu] = []

    def poll() -> None:
        menu = QApplication.activePopupWidget()
        if clock_time.monotonic() > deadline:
            timer.stop()
            failures.append(f"no menu offered {steps[0]!r}")
            if isinstance(menu, QMenu):
                menu.close()
            return
        if not isinstance(menu, QMenu) or (last and menu is last[-1]):
            return
        found = [a for a in menu.actions() if a.objectName() == steps[0]]
        if not found:
            return
        last.append(menu)
        if seen is not None:
            seen.append({a.objectName(): a.isEnabled() for a in menu.actions() if not a.isSeparator()})
        action = found[0]
        steps.pop(0)
        menu.setActiveAction(action)
        if action.menu() is not None:
            qtbot.keyClick(menu, Qt.Key.Key_Right)
        else:
            timer.stop()
            qtbot.keyClick(menu, Qt.Key.Key_Return)

    timer = QTimer(interval=20)
    timer.timeout.connect(poll)
    timer.start()
    try:
        open_menu()
        qtbot.waitUntil(lambda: not steps or bool(failures), timeout=int(timeout * 1000) + 1000)
        qtbot.waitUntil(lambda: QApplication.activePopupWidget() is None)
    finally:
        timer.stop()
    assert not failures, failures[0]
    assert not steps, f"never chose {steps}"




def save(qtbot, dialog) -> None:
    click(qtbot, child(dialog, QDialogButtonBox, "followupButtons").button(
        QDialogButtonBox.StandardButton.Save))


def shown_due(dialog) -> datetime:
    return datetime.fromtimestamp(child(dialog, QDateTimeEdit, "followupDue")
                                  .dateTime().toSecsSinceEpoch(), UTC)


def rows(panel) -> list[tuple[str, str, str]]:
    items = [panel.list.topLevelItem(i) for i in range(panel.list.topLevelItemCount())]
    return [(it.text(0), it.text(1), it.text(2)) for it in items]


def select(qtbot, panel, title: str, modifier=Qt.KeyboardModifier.NoModifier) -> int:
    """Click the row with `title`; returns its follow-up id."""
    for i in range(panel.list.topLevelItemCount()):
        item = panel.list.topLevelItem(i)
        if item.text(1) == title:
            rect = panel.list.visualItemRect(item)
            qtbot.mouseClick(panel.list.viewport(), Qt.MouseButton.LeftButton, modifier, rect.center())
            return item.data(0, Qt.ItemDataRole.UserRole)
    raise AssertionError(f"no row {title!r}")


def when(moment: datetime) -> str:
    return fmt.when(timeutil.to_epoch(moment))




def undo_key(qtbot, panel) -> None:
    activate(panel)
    qtbot.keyClick(panel.list, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)


def redo_key(qtbot, panel) -> None:
    activate(panel)
    qtbot.keyClick(panel.list, Qt.Key.Key_Z,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)


# menus ask the offscreen platform for things it cannot do
popup_warnings = pytest.mark.qt_log_ignore("This plugin does not support raise",
                                           "does not support grabbing the keyboard")


# -- the form -------------------------------------------------------------------------


def test_add_with_a_quick_button_then_undo_and_redo(qtbot, clock, panel, buyer):
    assert rows(panel) == []
    assert child(panel, QLabel, "followupsEmpty").isVisible()

    def drive(dialog: FollowupDialog) -> None:
        assert dialog.windowTitle() == "Follow-up for 小雨点点"
        assert shown_due(dialog) == local(DAY, 20)  # tonight, still ahead at 14:30
        type_text(qtbot, child(dialog, QLineEdit, "followupTitle"), "提醒付款")
        click(qtbot, child(dialog, QPushButton, "followupTomorrow"))
        assert shown_due(dialog) == local(next_day(), 10)
        save(qtbot, dialog)

    with answering(FollowupDialog, drive):
        click(qtbot, child(panel, QPushButton, "followupsAdd"))

    [f] = Followup.select()
    assert (f.customer_id, f.title, f.due_at, f.done_at) == (buyer, "提醒付款", local(next_day(), 10), None)
    assert rows(panel) == [(when(local(next_day(), 10)), "提醒付款", "Open")]
    assert not child(panel, QLabel, "followupsEmpty").isVisible()
    assert undo.stack().undoText() == "Add follow-up"

    undo_key(qtbot, panel)
    assert Followup.select().count() == 0
    assert rows(panel) == []
    redo_key(qtbot, panel)
    assert [(g.id, g.title, g.due_at) for g in Followup.select()] == [(f.id, "提醒付款", f.due_at)]
    assert rows(panel) == [(when(local(next_day(), 10)), "提醒付款", "Open")]


def test_after_eight_in_the_evening_it_suggests_tomorrow_morning(qtbot, clock, buyer):
    clock.at(21, 15)
    dialog = FollowupDialog(buyer)
    qtbot.addWidget(dialog)
    assert shown_due(dialog) == local(next_day(), 10)
    assert not child(dialog, QPushButton, "followupTonight").isEnabled()
    click(qtbot, child(dialog, QPushButton, "followupIn1Hour"))
    assert shown_due(dialog) == local(DAY, 22, 15)


@pytest.mark.parametrize("button, expected", [
    ("followupIn1Hour", local(DAY, 15, 30)),
    ("followupTonight", local(DAY, 20)),
    ("followupTomorrow", local(next_day(), 10)),
    ("followupIn3Days", local(next_day(3), 10)),
])
def test_quick_buttons(qtbot, clock, buyer, button, expected):
    dialog = FollowupDialog(buyer)
    qtbot.addWidget(dialog)
    child(dialog, QDateTimeEdit, "followupDue").setDateTime(
        child(dialog, QDateTimeEdit, "followupDue").dateTime().addDays(30))
    click(qtbot, child(dialog, QPushButton, button))
    assert shown_due(dialog) == expected


def test_a_title_the_service_refuses_is_shown_and_nothing_is_saved(qtbot, clock, panel):
    def drive(dialog: FollowupDialog) -> None:
        error = child(dialog, QLabel, "followupError")
        title = child(dialog, QLineEdit, "followupTitle")
        save(qtbot, dialog)  # empty
        assert dialog.isVisible()
        assert error.isVisible() and error.text() == "Say what to follow up."
        assert Followup.select().count() == 0
        type_text(qtbot, title, "催" * 201)
        save(qtbot, dialog)
        assert dialog.isVisible()
        assert error.text() == "A follow-up can be at most 200 characters (this one has 201)."
        assert Followup.select().count() == 0
        title.clear()
        type_text(qtbot, title, "周五回访")
        save(qtbot, dialog)

    with answering(FollowupDialog, drive):
        click(qtbot, child(panel, QPushButton, "followupsAdd"))
    assert [f.title for f in Followup.select()] == ["周五回访"]
    assert undo.stack().count() == 1  # the refused tries left no history


def test_cancel_saves_nothing(qtbot, clock, panel):
    def drive(dialog: FollowupDialog) -> None:
        type_text(qtbot, child(dialog, QLineEdit, "followupTitle"), "不要了")
        dialog.reject()

    with answering(FollowupDialog, drive):
        click(qtbot, child(panel, QPushButton, "followupsAdd"))
    assert Followup.select().count() == 0
    assert undo.stack().count() == 0


def test_edit_on_double_click_then_undo_restores_title_and_due(qtbot, clock, panel, buyer):
    due = local(DAY, 18)
    fid = followups.add(buyer, "提醒付款", due)
    select(qtbot, panel, "提醒付款")

    def drive(dialog: FollowupDialog) -> None:
        assert dialog.windowTitle() == "Edit follow-up for 小雨点点"
        title = child(dialog, QLineEdit, "followupTitle")
        assert title.text() == "提醒付款"
        assert shown_due(dialog) == due
        title.clear()
        type_text(qtbot, title, "周五回访换货")
        click(qtbot, child(dialog, QPushButton, "followupIn3Days"))
        save(qtbot, dialog)

    item = panel.list.topLevelItem(0)
    with answering(FollowupDialog, drive):
        qtbot.mouseDClick(panel.list.viewport(), Qt.MouseButton.LeftButton,
                          Qt.KeyboardModifier.NoModifier, panel.list.visualItemRect(item).center())

    f = Followup.get_by_id(fid)
    assert (f.title, f.due_at) == ("周五回访换货", local(next_day(3), 10))
    assert rows(panel) == [(when(local(next_day(3), 10)), "周五回访换货", "Open")]
    assert undo.stack().undoText() == "Edit follow-up"

    undo.stack().undo()
    f = Followup.get_by_id(fid)
    assert (f.title, f.due_at) == ("提醒付款", due)
    assert rows(panel) == [(when(due), "提醒付款", "Open")]


def test_saving_an_unchanged_edit_records_nothing(qtbot, clock, panel, buyer):
    followups.add(buyer, "提醒付款", local(DAY, 18))
    select(qtbot, panel, "提醒付款")
    with answering(FollowupDialog, lambda d: save(qtbot, d)):
        qtbot.keyClick(panel.list, Qt.Key.Key_F2)
    assert undo.stack().count() == 0


# -- the panel ----------------------------------------------------------------------------


def test_open_ones_first_by_due_then_done_struck_and_overdue_highlighted(qtbot, clock, panel, buyer):
    other = service.create("douyin", "别人")
    later = followups.add(buyer, "下周回访", local(next_day(5), 9))
    overdue = followups.add(buyer, "提醒付款", local(DAY, 9))
    done = followups.add(buyer, "已回访", local(DAY, 8))
    followups.add(other, "别人的跟进", local(DAY, 8))
    followups.set_done([done])
    done_at = Followup.get_by_id(done).done_at

    assert rows(panel) == [
        (when(local(DAY, 9)), "提醒付款", "Overdue"),
        (when(local(next_day(5), 9)), "下周回访", "Open"),
        (when(local(DAY, 8)), "已回访", f"Done {when(done_at)}"),
    ]
    items = [panel.list.topLevelItem(i) for i in range(3)]
    assert [it.data(0, Qt.ItemDataRole.UserRole) for it in items] == [overdue, later, done]
    assert items[0].background(1).color() == ui_followups.OVERDUE_BACKGROUND
    assert items[1].background(1).style() == Qt.BrushStyle.NoBrush
    assert [QFont(it.font(1)).strikeOut() for it in items] == [False, False, True]
    assert items[2].foreground(1).color() == ui_followups.DONE_TEXT


def test_done_toggle_and_its_undo(qtbot, clock, panel, buyer):
    a = followups.add(buyer, "提醒付款", local(DAY, 9))
    followups.add(buyer, "周五回访", local(next_day(1), 9))
    done_button = child(panel, QPushButton, "followupsDone")
    assert not done_button.isEnabled()  # nothing selected

    select(qtbot, panel, "提醒付款")
    assert done_button.text() == "Mar&k done"
    click(qtbot, done_button)
    assert Followup.get_by_id(a).done_at == clock.moment
    assert [r[1:] for r in rows(panel)] == [("周五回访", "Open"),
                                            ("提醒付款", f"Done {when(clock.moment)}")]
    assert panel.selected_ids() == [a]  # still selected, now at the bottom
    assert done_button.text() == "Mar&k not done"

    qtbot.keyClick(panel.list, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)  # undone again
    assert Followup.get_by_id(a).done_at is None
    assert rows(panel)[0][1:] == ("提醒付款", "Overdue")

    undo_key(qtbot, panel)  # undoes "not done"
    assert Followup.get_by_id(a).done_at == clock.moment
    undo_key(qtbot, panel)  # undoes "done"
    assert Followup.get_by_id(a).done_at is None
    assert rows(panel)[0][1:] == ("提醒付款", "Overdue")


@popup_warnings
def test_snooze_from_the_menu_and_undo_puts_it_back(qtbot, clock, panel, buyer):
    a = followups.add(buyer, "提醒付款", local(DAY, 9))
    b = followups.add(buyer, "回访", local(DAY, 10))
    Followup.update(notified_at=local(DAY, 9)).execute()  # already in the tray
    select(qtbot, panel, "提醒付款")
    select(qtbot, panel, "回访", Qt.KeyboardModifier.ControlModifier)
    seen: list[dict[str, bool]] = []

    pick_from_menu(qtbot, lambda: click(qtbot, child(panel, QPushButton, "followupsSnooze")),
                   ["snooze_tomorrow"], seen)

    assert seen == [{"snooze_hour": True, "snooze_tonight": True, "snooze_tomorrow": True,
                     "snooze_nextWeek": True}]
    for fid in (a, b):
        f = Followup.get_by_id(fid)
        assert (f.due_at, f.notified_at, f.done_at) == (local(next_day(), 9), None, None)
    assert [r[2] for r in rows(panel)] == ["Open", "Open"]
    assert undo.stack().undoText() == "Snooze 2 follow-up(s)"

    undo_key(qtbot, panel)
    assert [(f.due_at, f.notified_at) for f in Followup.select().order_by(Followup.id)] == [
        (local(DAY, 9), local(DAY, 9)), (local(DAY, 10), local(DAY, 9))]
    assert [r[2] for r in rows(panel)] == ["Overdue", "Overdue"]


@popup_warnings
def test_snooze_tonight_is_not_offered_after_eight(qtbot, clock, panel, buyer):
    clock.at(20, 30)
    followups.add(buyer, "提醒付款", local(DAY, 9))
    select(qtbot, panel, "提醒付款")
    seen: list[dict[str, bool]] = []
    pick_from_menu(qtbot, lambda: click(qtbot, child(panel, QPushButton, "followupsSnooze")),
                   ["snooze_nextWeek"], seen)
    assert seen == [{"snooze_hour": True, "snooze_tonight": False, "snooze_tomorrow": True,
                     "snooze_nextWeek": True}]
    assert Followup.get().due_at == local((2030, 5, 6), 9)  # Monday


def test_snooze_is_only_for_open_ones(qtbot, clock, panel, buyer):
    fid = followups.add(buyer, "已办", local(DAY, 9))
    followups.set_done([fid])
    select(qtbot, panel, "已办")
    assert not child(panel, QPushButton, "followupsSnooze").isEnabled()
    assert child(panel, QPushButton, "followupsDelete").isEnabled()


def test_delete_key_and_undo_brings_it_back_as_it_was(qtbot, clock, panel, buyer):
    from desk.core.base import database

    database.execute_sql(
        "INSERT INTO aftersales_case(case_no, customer_id, platform, kind, reason, status, opened_at,"
        " status_changed_at, created_at, updated_at)"
        " VALUES ('SH-000001', ?, 'taobao', 'exchange', 'quality', 'new', 0, 0, 0, 0)", (buyer,))
    case_id = database.execute_sql("SELECT id FROM aftersales_case").fetchone()[0]
    fid = followups.add(buyer, "回访换货", local(DAY, 9), case_id=case_id)
    before = followups.get(fid)
    select(qtbot, panel, "回访换货")

    qtbot.keyClick(panel.list, Qt.Key.Key_Delete)
    assert Followup.select().count() == 0
    assert rows(panel) == []
    assert undo.stack().undoText() == "Delete 1 follow-up(s)"

    undo_key(qtbot, panel)
    assert followups.get(fid) == before  # same id, case, times
    assert rows(panel) == [(when(local(DAY, 9)), "回访换货", "Overdue")]
    redo_key(qtbot, panel)
    assert Followup.select().count() == 0


@popup_warnings
def test_context_menu_offers_the_same_actions(qtbot, clock, panel, buyer):
    fid = followups.add(buyer, "提醒付款", local(DAY, 9))
    select(qtbot, panel, "提醒付款")
    seen: list[dict[str, bool]] = []
    pos = panel.list.visualItemRect(panel.list.topLevelItem(0)).center()
    pick_from_menu(qtbot, lambda: panel.list.customContextMenuRequested.emit(pos),
                   ["followupsSnoozeMenuAction", "snooze_hour"], seen)
    assert list(seen[0]) == ["followupsAddAction", "followupsEditAction", "followupsDoneAction",
                             "followupsSnoozeMenuAction", "followupsDeleteAction"]
    assert all(seen[0].values())
    assert Followup.get_by_id(fid).due_at == local(DAY, 15, 30)

    pick_from_menu(qtbot, lambda: panel.list.customContextMenuRequested.emit(pos),
                   ["followupsDoneAction"])
    assert Followup.get_by_id(fid).done_at is not None


def test_the_panel_follows_changes_made_elsewhere(qtbot, clock, panel, buyer):
    other = service.create("douyin", "别人")
    fid = followups.add(buyer, "提醒付款", local(DAY, 18))
    followups.add(other, "别人的跟进", local(DAY, 18))
    assert [r[1] for r in rows(panel)] == ["提醒付款"]
    followups.reschedule(fid, local(DAY, 9), title="马上催付")
    assert rows(panel) == [(when(local(DAY, 9)), "马上催付", "Overdue")]
    followups.delete([fid])
    assert rows(panel) == []


def test_undo_of_a_delete_fails_in_words_once_the_buyer_is_in_the_trash(qtbot, clock, panel, buyer):
    followups.add(buyer, "提醒付款", local(DAY, 9))
    select(qtbot, panel, "提醒付款")
    click(qtbot, child(panel, QPushButton, "followupsDelete"))
    service.move_to_trash([buyer])
    shown: list[str] = []

    def read(box: QMessageBox) -> None:
        shown.append(box.text())
        box.accept()

    with answering(QMessageBox, read):
        undo_key(qtbot, panel)
    assert shown == ["“Delete 1 follow-up(s)” cannot be undone or redone any more: "
                     "\"小雨点点\" is in the trash; restore them first."]
    assert Followup.select().count() == 0
    assert undo.stack().count() == 0  # the step is gone from the history
