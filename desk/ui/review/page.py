"""The Review page (复盘): a period's figures against the period before,
the cases broken down by reason, kind, responsibility, product and handler,
and charts; a figure or a bar opens the matching list. The numbers are
worked out on a worker thread; a newer request makes an older answer moot."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication, QDate, QSignalBlocker, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from desk.core.errors import UserError
from desk.core.review import figures as core
from desk.ui import fmt, labels
from desk.ui.errors import report, user_message
from desk.ui.review.charts import BarChart, ColumnChart
from desk.ui.review.staff_table import StaffTable
from desk.ui.worker import run_task

# figures that open a list when clicked: key -> which list
OPENS = {"new_customers": "customers", "cases_opened": "cases", "resolution_rate": "cases",
         "first_response_median": "cases", "first_response_p90": "cases",
         "overdue_cases": "overdue"}
FIGURE_COLUMNS = 5
BARS_SHOWN = 10  # the most frequent of each breakdown


def _qdate(d: date) -> QDate:
    return QDate(d.year, d.month, d.day)


def _date(q: QDate) -> date:
    return date(q.year(), q.month(), q.day())


class FigureCard(QFrame):
    """A figure: its name, the value, and the change against the period
    before, green when it is good news and red when not."""

    clicked = Signal(str)

    def __init__(self, key: str, title: str, clickable: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.key = key
        self.setObjectName(f"figure_{key}")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.title = QLabel(title)
        self.title.setWordWrap(True)
        self.value = QLabel("—")
        self.value.setObjectName("figureValue")
        font = self.value.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        self.value.setFont(font)
        self.change = QLabel("")
        self.change.setObjectName("figureChange")
        column = QVBoxLayout(self)
        column.setContentsMargins(10, 8, 10, 8)
        for w in (self.title, self.value, self.change):
            column.addWidget(w)
        self.clickable = clickable
        if clickable:
            self.setCursor(Qt.CursorShape.PointingHandCursor)
            self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

    def mouseReleaseEvent(self, event) -> None:  # noqa: N802 - Qt's name
        if self.clickable and event.button() == Qt.MouseButton.LeftButton:
            self.clicked.emit(self.key)

    def keyPressEvent(self, event) -> None:  # noqa: N802
        if self.clickable and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            self.clicked.emit(self.key)
        else:
            super().keyPressEvent(event)


class ReviewPage(QWidget):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("reviewPage")
        self.result: core.Review | None = None
        self._generation = 0
        self._stale = True

        self.preset = QComboBox()
        self.preset.setObjectName("reviewPeriod")
        for key, text in self._preset_names().items():
            self.preset.addItem(text, key)
        self.preset.setCurrentIndex(self.preset.findData("this_month"))
        self.first = self._date_edit("reviewFirst")
        self.last = self._date_edit("reviewLast")
        self.platform = QComboBox()
        self.platform.setObjectName("reviewPlatform")
        self.platform.addItem(self.tr("All platforms"), "")
        for code, name in labels.platforms().items():
            self.platform.addItem(name, code)
        self.compared = QLabel("")
        self.compared.setObjectName("reviewCompared")
        self.export_button = QPushButton(self.tr("&Export workbook…"))
        self.export_button.setObjectName("reviewExport")
        self.export_button.setToolTip(self.tr("The period's review as an Excel workbook with charts"))
        self.export_button.clicked.connect(self.export_workbook)
        self.state = QLabel("")
        self.state.setObjectName("reviewState")

        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Period:")))
        top.addWidget(self.preset)
        top.addWidget(self.first)
        top.addWidget(QLabel("–"))
        top.addWidget(self.last)
        top.addWidget(self.platform)
        top.addWidget(self.compared, 1)
        top.addWidget(self.state)
        top.addWidget(self.export_button)

        self.cards: dict[str, FigureCard] = {}
        grid = QGridLayout()
        grid.setSpacing(8)
        for n, (key, title) in enumerate(self._names(core.FIGURE_NAMES).items()):
            card = FigureCard(key, title, key in OPENS)
            card.clicked.connect(self.open_figure)
            self.cards[key] = card
            grid.addWidget(card, n // FIGURE_COLUMNS, n % FIGURE_COLUMNS)

        self.over_time = ColumnChart()
        self.over_time.setObjectName("reviewOverTime")
        self.over_time.clicked.connect(self._day_clicked)
        self.resolution = ColumnChart()
        self.resolution.setObjectName("reviewResolution")
        charts = QHBoxLayout()
        charts.addWidget(self._box(self.tr("Cases over time"), self.over_time), 3)
        charts.addWidget(self._box(self.tr("Time to resolution"), self.resolution), 2)

        self.bars: dict[str, BarChart] = {}
        breakdowns = QGridLayout()
        for n, (name, title) in enumerate(self._names(core.BREAKDOWN_NAMES).items()):
            chart = BarChart()
            chart.setObjectName(f"reviewBy_{name}")
            chart.clicked.connect(lambda index, name=name: self.open_bar(name, index))
            self.bars[name] = chart
            breakdowns.addWidget(self._box(title, chart), n // 3, n % 3)

        content = QWidget()
        body = QVBoxLayout(content)
        body.addLayout(grid)
        body.addLayout(charts)
        body.addLayout(breakdowns)
        self.staff = StaffTable()
        body.addWidget(self._box(self.tr("By staff"), self.staff))
        body.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(content)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(scroll, 1)

        self._debounce = QTimer(self, singleShot=True, interval=150)
        self._debounce.timeout.connect(self.refresh)
        self.preset.currentIndexChanged.connect(self._preset_chosen)
        for edit in (self.first, self.last):
            edit.dateChanged.connect(self._dates_edited)
        self.platform.currentIndexChanged.connect(self._debounce.start)
        QShortcut(QKeySequence("F5"), self, activated=self.refresh)
        self._preset_chosen()
        from desk.ui.bus import bus

        bus().changed.connect(self._on_change)

    # --- names ------------------------------------------------------------------

    def _preset_names(self) -> dict[str, str]:
        return {"this_week": self.tr("This week"), "this_month": self.tr("This month"),
                "last_month": self.tr("Last month"), "last_7_days": self.tr("Last 7 days"),
                "last_30_days": self.tr("Last 30 days"), "custom": self.tr("Custom range")}

    @staticmethod
    def _names(table: dict[str, str]) -> dict[str, str]:
        return {key: QCoreApplication.translate("Review", text) for key, text in table.items()}

    def _code_names(self, breakdown: str) -> dict[str, str]:
        if breakdown == "reason":
            from desk.core.aftersales import views

            return dict(views.reason_choices())
        if breakdown == "kind":
            return labels.case_kinds()
        if breakdown == "responsibility":
            return self._names(core.RESPONSIBILITY_NAMES)
        if breakdown == "handler":
            return {"": self.tr("(nobody)")}
        return {}

    # --- building ------------------------------------------------------------------

    def _date_edit(self, name: str) -> QDateEdit:
        edit = QDateEdit()
        edit.setObjectName(name)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat(fmt.DATE_FORMAT)
        return edit

    @staticmethod
    def _box(title: str, widget: QWidget) -> QGroupBox:
        box = QGroupBox(title)
        column = QVBoxLayout(box)
        column.addWidget(widget)
        return box

    # --- the period ------------------------------------------------------------------

    def _preset_chosen(self, *_args) -> None:
        key = self.preset.currentData()
        if key != "custom":
            period = core.preset(key, date.today())
            with QSignalBlocker(self.first), QSignalBlocker(self.last):
                self.first.setDate(_qdate(period.first))
                self.last.setDate(_qdate(period.last))
        self._debounce.start()

    def _dates_edited(self, *_args) -> None:
        with QSignalBlocker(self.preset):
            self.preset.setCurrentIndex(self.preset.findData("custom"))
        self._debounce.start()

    def period(self) -> core.Period:
        return core.Period(_date(self.first.date()), _date(self.last.date()))

    def set_period(self, first: date, last: date) -> None:
        with QSignalBlocker(self.first), QSignalBlocker(self.last):
            self.first.setDate(_qdate(first))
            self.last.setDate(_qdate(last))
        self._dates_edited()

    # --- computing --------------------------------------------------------------------

    def showEvent(self, event) -> None:  # noqa: N802
        super().showEvent(event)
        if self._stale:
            self._debounce.start()

    def _on_change(self, entity: str, _ids) -> None:
        if entity in ("case", "customer", "order", "followup", "reason", "note"):
            self._stale = True
            if self.isVisible():
                self._debounce.start()

    def refresh(self) -> None:
        self._debounce.stop()
        try:
            period = self.period()
        except UserError as e:
            self.state.setText(user_message(e))
            return
        self._stale = False
        self._generation += 1
        generation = self._generation
        self.state.setText(self.tr("Working out the figures…"))
        run_task(core.review, period, self.platform.currentData(),
                 on_success=lambda r: self._show(generation, r),
                 on_error=lambda e: self._failed(generation, e))

    def busy(self) -> bool:
        return self.state.text() == self.tr("Working out the figures…") or self._debounce.isActive()

    def _failed(self, generation: int, error: BaseException) -> None:
        if generation != self._generation:
            return
        self.state.setText("")
        report(error, self)

    def _show(self, generation: int, result: core.Review) -> None:
        if generation != self._generation:
            return  # a newer period was asked for meanwhile
        self.result = result
        self.state.setText("")
        prev = result.previous_period
        self.compared.setText(self.tr("compared with {first} – {last}").format(
            first=prev.first.isoformat(), last=prev.last.isoformat()))
        for key, figure in result.figures.items():
            card = self.cards[key]
            card.value.setText(self.value_text(figure.kind, figure.value))
            card.change.setText(self.change_text(figure))
            card.change.setStyleSheet(self._change_style(figure))
        self.over_time.set_data(
            [d.strftime("%m-%d") for d, _o, _c in result.series],
            [[o for _d, o, _c in result.series], [c for _d, _o, c in result.series]],
            [self.tr("Opened"), self.tr("Closed")], self.tr("No cases in this period"))
        buckets = self._names(core.BUCKET_NAMES)
        self.resolution.set_data([buckets[k] for k, _n in result.resolution_buckets],
                                 [[n for _k, n in result.resolution_buckets]],
                                 empty_text=self.tr("No case was closed in this period"))
        for name, chart in self.bars.items():
            names = self._code_names(name)
            rows = result.breakdowns[name][:BARS_SHOWN]  # the workbook has them all
            chart.set_data([names.get(code, code) for code, _n in rows], [[n for _c, n in rows]],
                           empty_text=self.tr("No cases in this period"))
        self.staff.set_rows(result.staff)

    # --- showing the numbers -------------------------------------------------------------

    def value_text(self, kind: str, value) -> str:
        if value is None:
            return "—"
        if kind == "rate":
            return f"{value * 100:.1f}%"
        if kind == "money":
            return fmt.money(int(value))
        if kind == "duration":
            return self.duration_text(value)
        return fmt.count(int(value))

    def duration_text(self, seconds: float) -> str:
        hours = seconds / 3600
        if hours < 1:
            return self.tr("{n} min").format(n=round(seconds / 60))
        if hours < 48:
            return self.tr("{n} h").format(n=f"{hours:.1f}")
        return self.tr("{n} d").format(n=f"{hours / 24:.1f}")

    def change_text(self, figure: core.Figure) -> str:
        change = figure.change
        if change is None:
            return self.tr("no comparison")
        if change == 0:
            return self.tr("no change")
        arrow = "▲" if change > 0 else "▼"
        if figure.kind == "rate":
            amount = self.tr("{n} points").format(n=f"{abs(change) * 100:.1f}")
        else:
            amount = self.value_text(figure.kind, abs(change))
        return f"{arrow} {amount}"

    def _change_style(self, figure: core.Figure) -> str:
        change = figure.change
        if not change:
            return ""
        good = (change < 0) if figure.key in core.LOWER_IS_BETTER else (change > 0)
        dark = self.palette().window().color().lightness() < 128  # lighter tints on a dark theme
        colours = ("#75d69c", "#f1aeb5") if dark else ("#146c43", "#b02a37")
        return f"color: {colours[0] if good else colours[1]};"

    # --- opening the lists --------------------------------------------------------------

    def _bounds(self) -> tuple[int, int]:
        return self.result.period.bounds() if self.result else self.period().bounds()

    def _platforms(self) -> tuple[str, ...]:
        platform = self.result.platform if self.result else self.platform.currentData()
        return (platform,) if platform else ()

    def open_figure(self, key: str) -> None:
        a, b = self._bounds()
        if OPENS.get(key) == "customers":
            from desk.core.customers.views import CustomerFilters

            self._open_customers(CustomerFilters(platforms=self._platforms(), first_order_from=a,
                                                 first_order_to=b))
        elif OPENS.get(key) == "cases":
            self._open_cases(opened_from=a, opened_to=b)
        elif OPENS.get(key) == "overdue":  # the very cases the figure counts
            self._open_cases(opened_from=a, opened_to=b, due="overdue")

    def open_bar(self, breakdown: str, index: int) -> None:
        if self.result is None or breakdown == "product":
            return  # the case list has no product filter; the bar's tooltip has the count
        code = self.result.breakdowns[breakdown][index][0]
        field = {"reason": "reasons", "kind": "kinds", "responsibility": "responsibilities",
                 "handler": "handlers"}[breakdown]
        a, b = self._bounds()
        self._open_cases(opened_from=a, opened_to=b, **{field: (code,)})

    def _day_clicked(self, index: int) -> None:
        if self.result is None:
            return
        from datetime import timedelta

        first = self.result.series[index][0]
        last = first + timedelta(days=6 if self.result.series_by_week else 0)
        zone_bounds = core.Period(first, min(last, self.result.period.last)).bounds()
        self._open_cases(opened_from=zone_bounds[0], opened_to=zone_bounds[1])

    def _open_cases(self, **values) -> None:
        from desk.core.aftersales.views import CaseFilters

        window = self.window()
        window.go("aftersales")
        window.page("aftersales").show_cases(CaseFilters(platforms=self._platforms(), **values))

    def _open_customers(self, filters) -> None:
        from desk.core.customers.views import ViewState

        window = self.window()
        window.go("customers")
        window.page("customers").show_state(ViewState(filters, "", "", False))

    # --- the workbook -----------------------------------------------------------------

    def export_workbook(self) -> None:
        """Pick the file, write it in the background, say where it went."""
        from pathlib import Path

        from PySide6.QtWidgets import QFileDialog

        from desk.ui.progress import run_with_progress
        from desk.ui.review.export import write_in_background

        try:
            period = self.period()
        except UserError as e:
            report(e, self)
            return
        suggested = self.tr("review {first} to {last}.xlsx").format(
            first=period.first.isoformat(), last=period.last.isoformat())
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export the review"), suggested,
                                              self.tr("Excel workbooks (*.xlsx)"))
        if not path:
            return
        out = Path(path if path.lower().endswith(".xlsx") else path + ".xlsx")
        run_with_progress(self, self.tr("Writing the review workbook…"), write_in_background, period,
                          self.platform.currentData(), out,
                          on_success=lambda written: self.state.setText(
                              self.tr("Saved to {path}").format(path=str(written))))
