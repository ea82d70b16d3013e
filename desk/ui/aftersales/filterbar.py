"""The After-sales page's filters: status, kind, reason, responsibility,
platform, handler, opening dates and deadlines, combined with AND."""

from __future__ import annotations

from PySide6.QtCore import QDateTime, QSignalBlocker, QTime, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QLabel,
    QPushButton,
    QWidget,
)

from desk.core.aftersales import views
from desk.core.aftersales.models import OPEN_STATUSES
from desk.core.aftersales.views import CaseFilters
from desk.ui import labels
from desk.ui.filterwidgets import ANY_DATE, date_edit, lay_out_rows

OPEN = "__open__"             # the status box's "any open status"


class CaseFilterBar(QWidget):
    """Emits `changed` whenever a filter is set; `filters()` reads them all."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("caseFilters")
        self._quiet = False

        self.status = self._combo("caseFilterStatus", self.tr("Any status"))
        self.status.addItem(self.tr("Open (not settled)"), OPEN)
        self._fill(self.status, labels.case_statuses().items())
        self.kind = self._combo("caseFilterKind", self.tr("Any kind"))
        self._fill(self.kind, labels.case_kinds().items())
        self.reason = self._combo("caseFilterReason", self.tr("Any reason"))
        self._fill(self.reason, views.reason_choices())
        self.responsibility = self._combo("caseFilterResponsibility", self.tr("Anyone responsible"))
        self._fill(self.responsibility, (
            ("seller", self.tr("Shop's fault")), ("buyer", self.tr("Buyer's side")),
            ("carrier", self.tr("Carrier's fault")), ("supplier", self.tr("Supplier's fault"))))
        self.platform = self._combo("caseFilterPlatform", self.tr("Any platform"))
        self._fill(self.platform, labels.platforms().items())
        self.handler = self._combo("caseFilterHandler", self.tr("Any handler"))
        # The handler names are read from every case: done when the bar is
        # first shown, not while the page opens (it starts hidden).
        self._handlers_stale = True
        self.due = self._combo("caseFilterDue", self.tr("Any deadline"))
        self.due.addItem(self.tr("Overdue"), "overdue")
        self.due.addItem(self.tr("Due today or overdue"), "today")
        self.since = self._date("caseFilterSince")
        self.until = self._date("caseFilterUntil")
        self.clear_button = QPushButton(self.tr("Clear filters"))
        self.clear_button.setObjectName("caseFilterClear")
        self.clear_button.clicked.connect(self.clear)

        lay_out_rows(self, (
            (self.status, self.kind, self.reason, self.responsibility, self.due),
            (self.platform, self.handler, QLabel(self.tr("Opened")), self.since, QLabel("–"),
             self.until),
        ), self.clear_button)

        for combo in (self.status, self.kind, self.reason, self.responsibility, self.platform,
                      self.handler, self.due):
            combo.currentIndexChanged.connect(self._changed)
        for edit in (self.since, self.until):
            edit.dateChanged.connect(self._changed)

    def _combo(self, name: str, any_text: str) -> QComboBox:
        combo = QComboBox()
        combo.setObjectName(name)
        combo.addItem(any_text, "")
        return combo

    @staticmethod
    def _fill(combo: QComboBox, items) -> None:
        for code, name in items:
            combo.addItem(name, code)

    def _date(self, name: str) -> QDateEdit:
        return date_edit(name, self.tr("any"))

    def _changed(self, *_args) -> None:
        if not self._quiet:
            self.changed.emit()

    def reload_reasons(self) -> None:
        """The reason list again, after a reason was added, renamed or switched off."""
        current = self.reason.currentData() or ""
        with QSignalBlocker(self.reason):
            while self.reason.count() > 1:
                self.reason.removeItem(1)
            self._fill(self.reason, views.reason_choices())
            self.reason.setCurrentIndex(max(0, self.reason.findData(current)))

    def showEvent(self, event) -> None:
        if self._handlers_stale:
            self.reload_handlers()
        super().showEvent(event)

    def reload_handlers(self) -> None:
        """The handler list from the cases (a new handler's name appears after a change).
        While the bar is hidden this only marks the list for reading when it is shown."""
        if not self.isVisible():
            self._handlers_stale = True
            return
        self._handlers_stale = False
        current = self.handler.currentData() or ""
        with QSignalBlocker(self.handler):
            while self.handler.count() > 1:
                self.handler.removeItem(1)
            names = views.handler_choices()
            if current and current not in names:
                names.append(current)  # keep the choice the user made
            for name in names:
                self.handler.addItem(name, name)
            self.handler.setCurrentIndex(max(0, self.handler.findData(current)))

    # --- reading and setting ------------------------------------------------

    @staticmethod
    def _day(edit: QDateEdit, next_day: bool = False) -> int | None:
        date = edit.date()
        if date == ANY_DATE:
            return None
        if next_day:
            date = date.addDays(1)
        return QDateTime(date, QTime(0, 0)).toSecsSinceEpoch()  # local midnight

    @staticmethod
    def _one(combo: QComboBox) -> tuple[str, ...]:
        value = combo.currentData()
        return (value,) if value else ()

    def filters(self) -> CaseFilters:
        status = self.status.currentData()
        return CaseFilters(
            statuses=OPEN_STATUSES if status == OPEN else self._one(self.status),
            kinds=self._one(self.kind),
            reasons=self._one(self.reason),
            responsibilities=self._one(self.responsibility),
            platforms=self._one(self.platform),
            handlers=self._one(self.handler),
            opened_from=self._day(self.since),
            opened_to=self._day(self.until, next_day=True),
            due=self.due.currentData() or "",
        )

    def active_count(self) -> int:
        f = self.filters()
        return sum(bool(x) for x in (
            f.statuses, f.kinds, f.reasons, f.responsibilities, f.platforms, f.handlers,
            f.opened_from is not None or f.opened_to is not None, f.due))

    def clear(self) -> None:
        """Every filter back to "any"; emits `changed` once."""
        self.set_filters(CaseFilters())

    def set_filters(self, f: CaseFilters) -> None:
        """Show `f` in the widgets (the first value of each part: the bar picks
        one); emits `changed` once."""
        self._quiet = True
        try:
            status = OPEN if f.statuses == OPEN_STATUSES else f.statuses[0] if f.statuses else ""
            self.status.setCurrentIndex(max(0, self.status.findData(status)))
            if f.handlers and self.handler.findData(f.handlers[0]) < 0:
                self.handler.addItem(f.handlers[0], f.handlers[0])  # before the list is read
            for combo, values in ((self.kind, f.kinds), (self.reason, f.reasons),
                                  (self.responsibility, f.responsibilities),
                                  (self.platform, f.platforms), (self.handler, f.handlers)):
                combo.setCurrentIndex(max(0, combo.findData(values[0] if values else "")))
            self.due.setCurrentIndex(max(0, self.due.findData(f.due)))
            for edit, value, back in ((self.since, f.opened_from, 0), (self.until, f.opened_to, 1)):
                edit.setDate(ANY_DATE if value is None else
                             QDateTime.fromSecsSinceEpoch(value).date().addDays(-back))
        finally:
            self._quiet = False
        self.changed.emit()
