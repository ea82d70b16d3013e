"""The Customers page's filters: platform, group, tags, spend, orders, cases,
follow-ups, risk and last-order dates, combined with AND."""

from __future__ import annotations

from PySide6.QtCore import QDateTime, QSignalBlocker, Qt, QTime, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPushButton,
    QSpinBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
    QWidgetAction,
)

from desk.core.customers import tags
from desk.core.customers.views import TAG_MODES, CustomerFilters
from desk.ui import labels
from desk.ui.ask import AskDialog
from desk.ui.filterwidgets import ANY_DATE, date_edit, lay_out_rows

TagIdRole = Qt.ItemDataRole.UserRole + 1
NO_LIMIT = -1                  # the spin boxes' "any" value


class TagList(QWidget):
    """Every tag, grouped by category, with a box to narrow the list (pinyin
    works: `pf` finds 批发); tick the ones you want."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.filter = QLineEdit()
        self.filter.setObjectName("tagListFilter")
        self.filter.setClearButtonEnabled(True)
        self.filter.setPlaceholderText(self.tr("Find a tag…"))
        self.list = QListWidget()
        self.list.setObjectName("tagList")
        self.list.setMinimumSize(220, 260)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.filter)
        layout.addWidget(self.list)
        self.filter.textChanged.connect(self._narrow)
        self.list.itemChanged.connect(lambda _item: self.changed.emit())
        self.reload()

    def reload(self) -> None:
        ticked = set(self.checked())
        with QSignalBlocker(self.list):
            self.list.clear()
            category = None
            bold = QFont(self.list.font())
            bold.setBold(True)
            for tag in tags.all_tags():
                if tag.category != category:
                    category = tag.category
                    header = QListWidgetItem(category)
                    header.setFlags(Qt.ItemFlag.NoItemFlags)
                    header.setFont(bold)
                    self.list.addItem(header)
                item = QListWidgetItem(tag.name)
                item.setData(TagIdRole, tag.id)
                item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(Qt.CheckState.Checked if tag.id in ticked else Qt.CheckState.Unchecked)
                self.list.addItem(item)
        self._narrow(self.filter.text())

    def _items(self):
        for row in range(self.list.count()):
            item = self.list.item(row)
            if item.data(TagIdRole) is not None:
                yield item

    def checked(self) -> list[int]:
        return [item.data(TagIdRole) for item in self._items()
                if item.checkState() == Qt.CheckState.Checked]

    def names(self) -> list[str]:
        return [item.text() for item in self._items() if item.checkState() == Qt.CheckState.Checked]

    def set_checked(self, tag_ids) -> None:
        wanted = set(tag_ids)
        with QSignalBlocker(self.list):
            for item in self._items():
                item.setCheckState(Qt.CheckState.Checked if item.data(TagIdRole) in wanted
                                   else Qt.CheckState.Unchecked)
        self.changed.emit()

    def _narrow(self, text: str) -> None:
        text = text.strip()
        shown = {t.id for t in tags.tag_suggestions(text, limit=10_000)} if text else None
        for row in range(self.list.count()):
            item = self.list.item(row)
            tag_id = item.data(TagIdRole)
            item.setHidden(shown is not None and (tag_id is None or tag_id not in shown))


class TagChoiceDialog(AskDialog):
    """Pick tags for a bulk action on the selected customers."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("tagChoiceDialog")
        self.setWindowTitle(title)
        self.tags = TagList(self)
        buttons = self.add_buttons()
        self.ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setEnabled(False)
        self.tags.changed.connect(lambda: self.ok.setEnabled(bool(self.tags.checked())))
        layout = QVBoxLayout(self)
        layout.addWidget(self.tags)
        layout.addWidget(buttons)

    @classmethod
    def ask(cls, parent: QWidget | None, title: str) -> list[int] | None:
        return cls(title, parent).run_modal()

    def answer(self) -> list[int]:
        return self.tags.checked()


class FilterBar(QWidget):
    """Emits `changed` whenever a filter is set; `filters()` reads them all."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("customerFilters")
        self._quiet = False

        self.platform = QComboBox()
        self.platform.setObjectName("filterPlatform")
        self.platform.addItem(self.tr("Any platform"), "")
        for code, name in labels.platforms().items():
            self.platform.addItem(name, code)
        self.lifecycle = QComboBox()
        self.lifecycle.setObjectName("filterLifecycle")
        self.lifecycle.addItem(self.tr("Any group"), "")
        for code, name in labels.lifecycles().items():
            self.lifecycle.addItem(name, code)

        self.tag_button = QToolButton()
        self.tag_button.setObjectName("filterTags")
        self.tag_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.tag_list = TagList()
        menu = QMenu(self.tag_button)
        holder = QWidgetAction(menu)
        holder.setDefaultWidget(self.tag_list)
        menu.addAction(holder)
        self.tag_button.setMenu(menu)
        self.tag_mode = QComboBox()
        self.tag_mode.setObjectName("filterTagMode")
        for mode, text in zip(TAG_MODES, (self.tr("any of"), self.tr("all of"), self.tr("none of")),
                              strict=True):
            self.tag_mode.addItem(text, mode)

        self.open_case = QCheckBox(self.tr("Open after-sales case"))
        self.open_case.setObjectName("filterOpenCase")
        self.followup_due = QCheckBox(self.tr("Follow-up due"))
        self.followup_due.setObjectName("filterFollowupDue")
        self.risky = QCheckBox(self.tr("Risk flag"))
        self.risky.setObjectName("filterRisky")

        self.spend_min = self._spin("filterSpendMin", 10_000_000)
        self.spend_max = self._spin("filterSpendMax", 10_000_000)
        self.orders_min = self._spin("filterOrdersMin", 100_000)
        self.orders_max = self._spin("filterOrdersMax", 100_000)
        self.since = self._date("filterSince")
        self.until = self._date("filterUntil")
        self.first_since = self._date("filterFirstSince")
        self.first_until = self._date("filterFirstUntil")
        self.clear_button = QPushButton(self.tr("Clear filters"))
        self.clear_button.setObjectName("filterClear")
        self.clear_button.clicked.connect(self.clear)

        lay_out_rows(self, (
            (self.platform, self.lifecycle, self.open_case, self.followup_due, self.risky),
            (QLabel(self.tr("Tags:")), self.tag_mode, self.tag_button, QLabel(self.tr("Spend ¥")),
             self.spend_min, QLabel("–"), self.spend_max),
            (QLabel(self.tr("Orders")), self.orders_min, QLabel("–"), self.orders_max,
             QLabel(self.tr("Last order")), self.since, QLabel("–"), self.until,
             QLabel(self.tr("First order")), self.first_since, QLabel("–"), self.first_until),
        ), self.clear_button)

        for combo in (self.platform, self.lifecycle, self.tag_mode):
            combo.currentIndexChanged.connect(self._changed)
        for box in (self.open_case, self.followup_due, self.risky):
            box.toggled.connect(self._changed)
        for spin in (self.spend_min, self.spend_max, self.orders_min, self.orders_max):
            spin.valueChanged.connect(self._changed)
        for edit in (self.since, self.until, self.first_since, self.first_until):
            edit.dateChanged.connect(self._changed)
        self.tag_list.changed.connect(self._changed)
        self._retitle_tags()

    def _spin(self, name: str, maximum: int) -> QSpinBox:
        spin = QSpinBox()
        spin.setObjectName(name)
        spin.setRange(NO_LIMIT, maximum)
        spin.setSpecialValueText(self.tr("any"))
        spin.setValue(NO_LIMIT)
        spin.setMinimumWidth(80)
        return spin

    def _date(self, name: str) -> QDateEdit:
        return date_edit(name, self.tr("any"))

    def _changed(self, *_args) -> None:
        self._retitle_tags()
        if not self._quiet:
            self.changed.emit()

    def _retitle_tags(self) -> None:
        names = self.tag_list.names()
        if not names:
            self.tag_button.setText(self.tr("choose…"))
        else:
            text = "、".join(names)
            self.tag_button.setText(text if len(text) <= 24 else text[:23] + "…")
        self.tag_button.setToolTip("、".join(names))

    # --- reading and setting ------------------------------------------------

    @staticmethod
    def _limit(spin: QSpinBox, scale: int = 1) -> int | None:
        return None if spin.value() == NO_LIMIT else spin.value() * scale

    @staticmethod
    def _day(edit: QDateEdit, next_day: bool = False) -> int | None:
        date = edit.date()
        if date == ANY_DATE:
            return None
        if next_day:
            date = date.addDays(1)
        return QDateTime(date, QTime(0, 0)).toSecsSinceEpoch()  # local midnight

    def filters(self) -> CustomerFilters:
        platform, lifecycle = self.platform.currentData(), self.lifecycle.currentData()
        return CustomerFilters(
            platforms=(platform,) if platform else (),
            lifecycles=(lifecycle,) if lifecycle else (),
            tag_ids=tuple(self.tag_list.checked()),
            tag_mode=self.tag_mode.currentData(),
            spend_min_fen=self._limit(self.spend_min, 100),
            spend_max_fen=self._limit(self.spend_max, 100),
            orders_min=self._limit(self.orders_min),
            orders_max=self._limit(self.orders_max),
            open_case=self.open_case.isChecked(),
            followup_due=self.followup_due.isChecked(),
            risky=self.risky.isChecked(),
            last_order_from=self._day(self.since),
            last_order_to=self._day(self.until, next_day=True),
            first_order_from=self._day(self.first_since),
            first_order_to=self._day(self.first_until, next_day=True),
        )

    def active_count(self) -> int:
        f = self.filters()
        return sum(bool(x) for x in (
            f.platforms, f.lifecycles, f.tag_ids, f.spend_min_fen is not None or f.spend_max_fen is not None,
            f.orders_min is not None or f.orders_max is not None, f.open_case, f.followup_due, f.risky,
            f.last_order_from is not None or f.last_order_to is not None,
            f.first_order_from is not None or f.first_order_to is not None))

    def set_filters(self, f: CustomerFilters) -> None:
        """Show `f` in the widgets (a saved view was chosen); emits `changed` once.
        Only the first platform and group of a view are shown: the bar picks one of each."""
        self._quiet = True
        try:
            self.platform.setCurrentIndex(max(0, self.platform.findData(f.platforms[0] if f.platforms else "")))
            self.lifecycle.setCurrentIndex(
                max(0, self.lifecycle.findData(f.lifecycles[0] if f.lifecycles else "")))
            self.tag_list.set_checked(f.tag_ids)
            self.tag_mode.setCurrentIndex(max(0, self.tag_mode.findData(f.tag_mode)))
            for spin, value, scale in ((self.spend_min, f.spend_min_fen, 100),
                                       (self.spend_max, f.spend_max_fen, 100),
                                       (self.orders_min, f.orders_min, 1),
                                       (self.orders_max, f.orders_max, 1)):
                spin.setValue(NO_LIMIT if value is None else min(spin.maximum(), value // scale))
            self.open_case.setChecked(f.open_case)
            self.followup_due.setChecked(f.followup_due)
            self.risky.setChecked(f.risky)
            for edit, value, back in ((self.since, f.last_order_from, 0), (self.until, f.last_order_to, 1),
                                      (self.first_since, f.first_order_from, 0),
                                      (self.first_until, f.first_order_to, 1)):
                if value is None:
                    edit.setDate(ANY_DATE)
                else:
                    edit.setDate(QDateTime.fromSecsSinceEpoch(value).date().addDays(-back))
        finally:
            self._quiet = False
        self._retitle_tags()
        self.changed.emit()

    def clear(self) -> None:
        self.set_filters(CustomerFilters())

    def reload_tags(self) -> None:
        self.tag_list.reload()
        self._retitle_tags()


