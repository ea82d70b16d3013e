"""Deadlines and reasons: the platforms' deadline presets, the shop's own clock
and the list of case reasons. Each change is a core write that returns its own
undo step, which goes on the app's undo history."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QSignalBlocker, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desk.core import settings
from desk.core.aftersales import deadlines, reasons
from desk.core.errors import UserError
from desk.core.history import Step
from desk.core.platforms import PLATFORMS
from desk.ui import labels, undo
from desk.ui.ask import Buttons, ChangesWindow, InlineError
from desk.ui.bus import bus

# rules table columns
R_NAME, R_STARTS, R_HOURS, R_DAYS, R_ACTIVE = range(5)
# reasons table columns
N_NAME, N_QUALITY, N_NO_REASON, N_ACTIVE, N_CASES = range(5)


def _option_limits(name: str) -> tuple[int, int]:
    option = settings.OPTIONS[name]
    return option.minimum, option.maximum


class AftersalesRulesDialog(ChangesWindow):
    """Deadline presets per platform, the shop's clock, and the reason list."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("aftersalesRulesDialog")
        self.setWindowTitle(self.tr("Deadlines and reasons"))
        self.resize(760, 520)
        self.changed = False
        self._rule_ids: list[int] = []
        self._reasons: list[reasons.ReasonInfo] = []

        self.tabs = QTabWidget()
        self.tabs.setObjectName("rulesTabs")
        self.tabs.addTab(self._build_deadlines(), self.tr("Deadlines"))
        self.tabs.addTab(self._build_reasons(), self.tr("Reasons"))

        buttons = self.add_buttons(Buttons.Close)
        buttons.setObjectName("rulesButtons")
        for button in buttons.buttons():  # Enter in a spin box or the name field must not close it
            button.setAutoDefault(False)
            button.setDefault(False)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(buttons)

        undo.add_actions(self)
        undo.stack().indexChanged.connect(self._history_moved)
        bus().changed.connect(self._on_change)
        self.show_rules()
        self.show_shop_clock()
        self.show_reasons()

    # -- building ------------------------------------------------------------------

    def _button(self, name: str, text: str, tip: str, slot: Callable[[], None]) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(name)
        button.setToolTip(tip)
        button.setAutoDefault(False)
        button.clicked.connect(slot)
        return button

    def _build_deadlines(self) -> QWidget:
        page = QWidget()
        page.setObjectName("rulesDeadlinesTab")
        self.platform = QComboBox()
        self.platform.setObjectName("rulesPlatform")
        for code, name in labels.platforms().items():
            if code in PLATFORMS:
                self.platform.addItem(name, code)
        self.platform.currentIndexChanged.connect(lambda _i: self.show_rules())
        self.reset_button = self._button(
            "rulesReset", self.tr("Restore defaults"),
            self.tr("Put this platform's deadlines back to the shipped values"), self.reset_rules)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Platform:")))
        top.addWidget(self.platform)
        top.addStretch(1)
        top.addWidget(self.reset_button)

        self.rules = QTableWidget(0, 5)
        self.rules.setObjectName("rulesTable")
        self.rules.setHorizontalHeaderLabels([
            self.tr("Deadline"), self.tr("Starts when the case is"), self.tr("Length (hours)"),
            self.tr("Days"), self.tr("On")])
        self.rules.verticalHeader().hide()
        self.rules.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.rules.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        header = self.rules.horizontalHeader()
        header.setSectionResizeMode(R_NAME, QHeaderView.ResizeMode.Stretch)
        for col in (R_STARTS, R_HOURS, R_DAYS, R_ACTIVE):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)

        clock = QGroupBox(self.tr("The shop's own clock"))
        clock.setObjectName("rulesShopClock")
        low, high = _option_limits("handling_cutoff_hour")
        self.cutoff = QSpinBox()
        self.cutoff.setObjectName("rulesCutoffHour")
        self.cutoff.setRange(low, high)
        self.cutoff.setSuffix(self.tr(":00"))
        self.cutoff.setKeyboardTracking(False)
        self.cutoff.setToolTip(self.tr("Cases that come in before this hour are to be handled the "
                                       "same day, later ones by the end of the next day"))
        self.cutoff.valueChanged.connect(lambda v: self.set_shop_clock(cutoff_hour=v))
        low, high = _option_limits("deadline_warn_hours")
        self.warn = QSpinBox()
        self.warn.setObjectName("rulesWarnHours")
        self.warn.setRange(low, high)
        self.warn.setSuffix(self.tr(" h"))
        self.warn.setKeyboardTracking(False)
        self.warn.setToolTip(self.tr("A deadline this close is shown as soon and notified"))
        self.warn.valueChanged.connect(lambda v: self.set_shop_clock(warn_hours=v))
        form = QFormLayout(clock)
        form.addRow(self.tr("Same-day handling for cases before:"), self.cutoff)
        form.addRow(self.tr("Warn when a deadline is within:"), self.warn)

        self.rules_error = InlineError("rulesError")
        layout = QVBoxLayout(page)
        layout.addLayout(top)
        layout.addWidget(self.rules, 1)
        layout.addWidget(clock)
        layout.addWidget(self.rules_error)
        return page

    def _build_reasons(self) -> QWidget:
        page = QWidget()
        page.setObjectName("rulesReasonsTab")
        self.reasons = QTableWidget(0, 5)
        self.reasons.setObjectName("reasonsTable")
        self.reasons.setHorizontalHeaderLabels([
            self.tr("Reason"), self.tr("Quality fault"), self.tr("7-day no-reason"),
            self.tr("In use"), self.tr("Cases")])
        self.reasons.verticalHeader().hide()
        self.reasons.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.reasons.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.reasons.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.reasons.horizontalHeader()
        header.setSectionResizeMode(N_NAME, QHeaderView.ResizeMode.Stretch)
        for col in (N_QUALITY, N_NO_REASON, N_ACTIVE, N_CASES):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        self.reasons.itemSelectionChanged.connect(self._reason_selected)

        self.reason_name = QLineEdit()
        self.reason_name.setObjectName("reasonName")
        self.reason_name.setPlaceholderText(self.tr("Name of the reason"))
        self.reason_name.returnPressed.connect(self.add_reason)
        self.reason_quality = QCheckBox(self.tr("Quality fault (the shop's fault)"))
        self.reason_quality.setObjectName("reasonNewQuality")
        self.add_button = self._button("reasonAdd", self.tr("&Add"),
                                       self.tr("Add a reason with this name"), self.add_reason)
        self.rename_button = self._button("reasonRename", self.tr("&Rename"),
                                          self.tr("Give the selected reason this name"),
                                          self.rename_reason)
        self.quality_button = self._button("reasonQuality", self.tr("&Quality fault on/off"),
                                           self.tr("Whether the reason is the shop's fault (who pays "
                                                   "return shipping)"), self.toggle_quality)
        self.no_reason_button = self._button(
            "reasonNoReason", self.tr("&7-day no-reason on/off"),
            self.tr("Whether new cases with this reason are 7-day no-reason returns (the shorter "
                    "answer deadline)"), self.toggle_no_reason)
        self.active_button = self._button("reasonToggle", self.tr("&Switch off"),
                                          self.tr("A switched-off reason stays on its cases but is "
                                                  "no longer offered"), self.toggle_active)
        self.delete_button = self._button("reasonDelete", self.tr("&Delete"),
                                          self.tr("Delete a reason no case uses"), self.delete_reason)
        entry = QHBoxLayout()
        entry.addWidget(self.reason_name, 1)
        entry.addWidget(self.reason_quality)
        entry.addWidget(self.add_button)
        actions = QHBoxLayout()
        for b in (self.rename_button, self.quality_button, self.no_reason_button, self.active_button,
                  self.delete_button):
            actions.addWidget(b)
        actions.addStretch(1)
        self.reasons_hint = QLabel(self.tr("A reason that cases use cannot be deleted; switch it "
                                           "off and the form stops offering it."))
        self.reasons_hint.setObjectName("reasonsHint")
        self.reasons_hint.setWordWrap(True)
        self.reasons_error = InlineError("reasonsError")
        layout = QVBoxLayout(page)
        layout.addWidget(self.reasons, 1)
        layout.addLayout(entry)
        layout.addLayout(actions)
        layout.addWidget(self.reasons_hint)
        layout.addWidget(self.reasons_error)
        return page

    # -- showing -------------------------------------------------------------------

    def current_platform(self) -> str:
        return self.platform.currentData()

    def show_rules(self) -> None:
        """The platform's presets; rebuilt only when the rows differ, else the
        values are updated in place (a spin box may be the one that changed)."""
        rules = deadlines.list_rules(self.current_platform())
        statuses = labels.case_statuses()
        if [r.id for r in rules] != self._rule_ids:
            self._rule_ids = [r.id for r in rules]
            for row in range(self.rules.rowCount()):  # the view deletes them later: unname them now
                for col in (R_HOURS, R_ACTIVE):
                    old = self.rules.cellWidget(row, col)
                    if old is not None:
                        for w in [old, *old.findChildren(QWidget)]:
                            w.setObjectName("")
            self.rules.setRowCount(0)
            self.rules.setRowCount(len(rules))
            for row, rule in enumerate(rules):
                spin = QSpinBox()
                spin.setObjectName(f"ruleHours_{rule.key}")
                spin.setRange(1, deadlines.MAX_RULE_HOURS)
                spin.setKeyboardTracking(False)
                spin.valueChanged.connect(lambda v, rid=rule.id: self.set_hours(rid, v))
                self.rules.setCellWidget(row, R_HOURS, spin)
                box = QCheckBox()
                box.setObjectName(f"ruleActive_{rule.key}")
                box.setToolTip(self.tr("Whether this deadline runs on the platform's cases"))
                box.toggled.connect(lambda on, rid=rule.id: self.set_active(rid, on))
                holder = QWidget()  # centred in its cell
                centre = QHBoxLayout(holder)
                centre.setContentsMargins(0, 0, 0, 0)
                centre.addWidget(box, 0, Qt.AlignmentFlag.AlignCenter)
                self.rules.setCellWidget(row, R_ACTIVE, holder)
        for row, rule in enumerate(rules):
            name = QCoreApplication.translate("Deadline", rule.label)
            self.rules.setItem(row, R_NAME, QTableWidgetItem(name))
            self.rules.setItem(row, R_STARTS, QTableWidgetItem(
                labels.label(statuses, rule.start_status) + self._condition_text(rule.condition)))
            days = rule.hours / 24
            self.rules.setItem(row, R_DAYS, QTableWidgetItem(
                self.tr("%n day(s)", "", int(days)) if rule.hours % 24 == 0
                else self.tr("{days} days").format(days=f"{days:.1f}")))
            spin = self.rules.cellWidget(row, R_HOURS)
            with QSignalBlocker(spin):
                spin.setValue(rule.hours)
            box = self.rules.cellWidget(row, R_ACTIVE).findChild(QCheckBox)
            with QSignalBlocker(box):
                box.setChecked(rule.active)
            spin.setEnabled(rule.active)

    def _condition_text(self, condition: str) -> str:
        return {
            "no_reason": self.tr(" (7-day no-reason return)"),
            "express": self.tr(" (returned by express)"),
            "surface": self.tr(" (returned by surface mail)"),
        }.get(condition, "")

    def show_shop_clock(self) -> None:
        with QSignalBlocker(self.cutoff):
            self.cutoff.setValue(settings.get("handling_cutoff_hour"))
        with QSignalBlocker(self.warn):
            self.warn.setValue(settings.get("deadline_warn_hours"))

    def show_reasons(self, select: str | None = None) -> None:
        if select is None:
            current = self.current_reason()
            select = None if current is None else current.code
        self._reasons = reasons.listed(include_inactive=True)
        with QSignalBlocker(self.reasons):
            self.reasons.setRowCount(len(self._reasons))
            yes = self.tr("yes")
            for row, r in enumerate(self._reasons):
                used = reasons.reason_used(r.code)
                name = QTableWidgetItem(r.shown)
                name.setData(Qt.ItemDataRole.UserRole, r.code)
                if not r.active:
                    font = name.font()
                    font.setItalic(True)
                    name.setFont(font)
                self.reasons.setItem(row, N_NAME, name)
                self.reasons.setItem(row, N_QUALITY, QTableWidgetItem(yes if r.is_quality else ""))
                self.reasons.setItem(row, N_NO_REASON, QTableWidgetItem(yes if r.no_reason else ""))
                self.reasons.setItem(row, N_ACTIVE, QTableWidgetItem(
                    yes if r.active else self.tr("switched off")))
                count = QTableWidgetItem(str(used))
                count.setData(Qt.ItemDataRole.UserRole, used)
                self.reasons.setItem(row, N_CASES, count)
            self.reasons.clearSelection()
            for row, r in enumerate(self._reasons):
                if r.code == select:
                    self.reasons.selectRow(row)
        self._reason_selected(fill=False)

    def current_reason(self) -> reasons.ReasonInfo | None:
        rows = self.reasons.selectionModel().selectedRows() if self.reasons.selectionModel() else []
        if not rows or rows[0].row() >= len(self._reasons):
            return None
        return self._reasons[rows[0].row()]

    def _reason_selected(self, fill: bool = True) -> None:
        reason = self.current_reason()
        chosen = reason is not None
        for b in (self.rename_button, self.quality_button, self.no_reason_button, self.active_button):
            b.setEnabled(chosen)
        used = 0
        if chosen:
            row = self._reasons.index(reason)
            used = self.reasons.item(row, N_CASES).data(Qt.ItemDataRole.UserRole)
            if fill:
                self.reason_name.setText(reason.name)
        self.delete_button.setEnabled(chosen and used == 0)
        self.active_button.setText(self.tr("&Switch on") if chosen and not reason.active
                                   else self.tr("&Switch off"))

    def _on_change(self, entity: str, _ids) -> None:
        if entity == "deadline_rule":
            self.show_rules()
        elif entity == "setting":
            self.show_shop_clock()
        elif entity in ("reason", "case"):
            self.show_reasons()

    def _history_moved(self, _index: int) -> None:
        self.changed = True

    # -- changing ------------------------------------------------------------------

    def _perform(self, error: InlineError, text: str, write: Callable[[], tuple[Any, Step]]) -> bool:
        """Make a change through a core write that returns its undo step, and
        record the step; a refusal is shown inline and nothing is saved."""
        try:
            undo.run(text, write)
        except UserError as e:
            error.show_error(e)
            return False
        error.hide()
        self.changed = True
        return True

    def _rule(self, rule_id: int) -> deadlines.RuleInfo | None:
        return next((r for r in deadlines.list_rules() if r.id == rule_id), None)

    def set_hours(self, rule_id: int, hours: int) -> None:
        rule = self._rule(rule_id)
        if rule is None or rule.hours == hours:
            return
        label = QCoreApplication.translate("Deadline", rule.label)
        if not self._perform(self.rules_error, self.tr("Change deadline “{name}”").format(name=label),
                             lambda: deadlines.update_rule_step(rule_id, hours=hours)):
            self.show_rules()

    def set_active(self, rule_id: int, on: bool) -> None:
        rule = self._rule(rule_id)
        if rule is None or rule.active == on:
            return
        label = QCoreApplication.translate("Deadline", rule.label)
        text = (self.tr("Switch on deadline “{name}”") if on
                else self.tr("Switch off deadline “{name}”")).format(name=label)
        if not self._perform(self.rules_error, text,
                             lambda: deadlines.update_rule_step(rule_id, active=on)):
            self.show_rules()

    def reset_rules(self) -> None:
        platform = self.current_platform()
        self._perform(self.rules_error,
                      self.tr("Restore the default deadlines of {platform}")
                      .format(platform=self.platform.currentText()),
                      lambda: deadlines.reset_rules_step(platform))

    def set_shop_clock(self, cutoff_hour: int | None = None, warn_hours: int | None = None) -> None:
        if (cutoff_hour is None or cutoff_hour == settings.get("handling_cutoff_hour")) and (
                warn_hours is None or warn_hours == settings.get("deadline_warn_hours")):
            return
        text = (self.tr("Change the same-day cut-off hour") if cutoff_hour is not None
                else self.tr("Change the deadline warning"))
        if not self._perform(self.rules_error, text,
                             lambda: deadlines.set_shop_clock_step(cutoff_hour, warn_hours)):
            self.show_shop_clock()

    def add_reason(self) -> None:
        name, quality = self.reason_name.text(), self.reason_quality.isChecked()
        made: list[reasons.ReasonInfo] = []

        def write() -> tuple[reasons.ReasonInfo, Step]:
            reason, step = reasons.create_reason_step(name, quality)
            made.append(reason)
            return reason, step

        if self._perform(self.reasons_error, self.tr("Add reason “{name}”").format(name=name.strip()),
                         write):
            self.reason_name.clear()
            self.reason_quality.setChecked(False)
            self.show_reasons(select=made[0].code)

    def rename_reason(self) -> None:
        reason = self.current_reason()
        if reason is None:
            return
        name = self.reason_name.text()
        if self._perform(self.reasons_error,
                         self.tr("Rename reason “{name}”").format(name=reason.name),
                         lambda: reasons.update_reason_step(reason.code, name=name)):
            self.show_reasons(select=reason.code)

    def toggle_quality(self) -> None:
        reason = self.current_reason()
        if reason is None:
            return
        self._perform(self.reasons_error,
                      self.tr("Change the quality flag of “{name}”").format(name=reason.name),
                      lambda: reasons.update_reason_step(reason.code,
                                                         is_quality=not reason.is_quality))

    def toggle_no_reason(self) -> None:
        reason = self.current_reason()
        if reason is None:
            return
        self._perform(self.reasons_error,
                      self.tr("Change the 7-day no-reason flag of “{name}”").format(name=reason.name),
                      lambda: reasons.update_reason_step(reason.code, no_reason=not reason.no_reason))

    def toggle_active(self) -> None:
        reason = self.current_reason()
        if reason is None:
            return
        text = (self.tr("Switch on reason “{name}”") if not reason.active
                else self.tr("Switch off reason “{name}”")).format(name=reason.name)
        self._perform(self.reasons_error, text,
                      lambda: reasons.update_reason_step(reason.code, active=not reason.active))

    def delete_reason(self) -> None:
        reason = self.current_reason()
        if reason is None:
            return
        if self._perform(self.reasons_error,
                         self.tr("Delete reason “{name}”").format(name=reason.name),
                         lambda: reasons.delete_reason_step(reason.code)):
            self.reason_name.clear()

    # -- asking --------------------------------------------------------------------
