"""A deadline in a table (a case's next one, a follow-up's due time): coloured
by how near it is, shown as the time left ("3 h left", "2 d overdue")."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtGui import QBrush, QColor

from desk.core import settings, timeutil
from desk.core.aftersales import due as deadlines
from desk.ui import fmt
from desk.ui.tablemodel import Column

UrgencyRole = Qt.ItemDataRole.UserRole + 10  # overdue | today | soon | fine | none

# urgency -> (background, text); light tints with dark text stay readable in both themes
COLOURS = {
    deadlines.OVERDUE: ("#f8d7da", "#842029"),
    deadlines.TODAY: ("#ffe0c2", "#7a3300"),
    deadlines.SOON: ("#fff3cd", "#664d03"),
    deadlines.FINE: (None, "#146c43"),
}

# (background brushes, text brushes) by urgency, made once
_BRUSHES = tuple({level: QBrush(QColor(pair[i])) for level, pair in COLOURS.items() if pair[i]}
                 for i in (0, 1))


class Urgency(QObject):
    """Tells how urgent a deadline is now. Reads the warning hours from the
    settings once (and again on `reload()`), not for every painted cell."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.reload()

    def reload(self) -> None:
        self.warn_hours = settings.get("deadline_warn_hours")
        self._day: tuple[int, int] | None = None  # (computed at, tonight's midnight), epochs

    def _end_of_today(self, now: int) -> int:
        """Tonight's local midnight as an epoch, worked out once a day rather
        than for every painted cell (a clock set back recomputes it)."""
        day = self._day
        if day is None or not day[0] <= now < day[1]:
            tonight = timeutil.to_epoch(deadlines.end_of_day(timeutil.from_epoch(now)))
            self._day = day = (now, tonight)
        return day[1]

    def of(self, epoch: int | None) -> str:
        """As deadlines.urgency (the core's rule), in whole seconds."""
        if epoch is None:
            return deadlines.NONE
        now = timeutil.to_epoch(timeutil.now())
        return deadlines.classify(epoch, now, self._end_of_today(now), self.warn_hours * 3600)

    def roles(self, role: int, epoch: Any) -> Any:
        if role == UrgencyRole:
            return self.of(epoch)
        if role == Qt.ItemDataRole.BackgroundRole:
            return _BRUSHES[0].get(self.of(epoch))
        if role == Qt.ItemDataRole.ForegroundRole:
            return _BRUSHES[1].get(self.of(epoch))
        return None

    def left_text(self, epoch: int) -> str:
        """'3 h left', '2 d overdue': the core's rounding (due.time_left), in words."""
        return left_words(deadlines.time_left(timeutil.from_epoch(epoch), timeutil.now()))

    def tooltip(self, epoch: int) -> str:
        """The exact time left and the moment: 'Overdue by 2 d 3 h (30/11/2026 08:55)'."""
        return self.tr("{left} ({when})").format(left=self.time_left(epoch), when=fmt.when(epoch))

    def time_left(self, epoch: int) -> str:
        """'Overdue by 2 d 3 h', 'Due in 45 min', ..."""
        seconds = epoch - timeutil.to_epoch(timeutil.now())
        minutes = abs(seconds) // 60
        days, hours, mins = minutes // 1440, minutes // 60 % 24, minutes % 60
        if days:
            span = self.tr("{d} d {h} h").format(d=days, h=hours)
        elif hours:
            span = self.tr("{h} h {m} min").format(h=hours, m=mins)
        else:
            span = self.tr("{m} min").format(m=mins)
        return (self.tr("Overdue by {span}") if seconds <= 0 else self.tr("Due in {span}")).format(span=span)

    def column(self, title, key: str = "next_deadline_at") -> Column:
        """A deadline column over the listing's `key` (epoch seconds): the time
        left in the urgency's colours, the moment itself on hover."""
        return Column(key, title, self.left_text, tooltip=self.tooltip, roles=self.roles)


def left_words(left: deadlines.TimeLeft) -> str:
    """A TimeLeft as the tables show it: '3 h left', '2 d overdue', '45 min left'."""
    n = left.amount
    translate = QCoreApplication.translate
    if left.overdue:
        if left.unit == deadlines.DAYS:
            return translate("Urgency", "%n d overdue", "", n)
        if left.unit == deadlines.HOURS:
            return translate("Urgency", "%n h overdue", "", n)
        return translate("Urgency", "%n min overdue", "", n)
    if left.unit == deadlines.DAYS:
        return translate("Urgency", "%n d left", "", n)
    if left.unit == deadlines.HOURS:
        return translate("Urgency", "%n h left", "", n)
    return translate("Urgency", "%n min left", "", n)


def deadline_label(key: str) -> str:
    """What the deadline is for, translated ('Answer the refund request')."""
    return QCoreApplication.translate("Deadline", deadlines.LABELS.get(key, key)) if key else ""
