"""Two small charts drawn with QPainter (no QtCharts: it is not in
PySide6-Essentials and would double the bundle): horizontal bars for a
breakdown, and columns for counts over time or a distribution. Text and
lines follow the palette, so they read in light and dark themes; a bar or
column can be clicked (and chosen with the keyboard: arrows, Enter)."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

SERIES_COLOURS = ("#4e79a7", "#f28e2b")
MARGIN = 8


class _Chart(QWidget):
    """Shared by both charts: the data, the hovered/current item, clicks."""

    clicked = Signal(int)  # the index of the bar or column

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.labels: list[str] = []
        self.series: list[list[float]] = []  # one list of values per series
        self.names: list[str] = []  # series names, for the legend and tooltips
        self.empty_text = ""
        self.current = -1
        self.setMouseTracking(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def set_data(self, labels: list[str], series: list[list[float]], names: list[str] | None = None,
                 empty_text: str = "") -> None:
        self.labels, self.series = list(labels), [list(s) for s in series]
        self.names = list(names or [])
        self.empty_text = empty_text
        self.current = min(self.current, len(self.labels) - 1)
        self.updateGeometry()
        self.update()

    def is_empty(self) -> bool:
        return not self.labels or not any(v for s in self.series for v in s)

    def top(self) -> float:
        return max((v for s in self.series for v in s), default=0) or 1

    def rect_of(self, index: int) -> QRectF:  # the clickable area of an item
        raise NotImplementedError

    def index_at(self, pos) -> int:
        for i in range(len(self.labels)):
            if self.rect_of(i).contains(pos):
                return i
        return -1

    def tip(self, index: int) -> str:
        values = [s[index] for s in self.series]
        if len(values) == 1:
            return f"{self.labels[index]}: {values[0]:g}"
        return self.labels[index] + "\n" + "\n".join(
            f"{name}: {v:g}" for name, v in zip(self.names, values, strict=False))

    def mouseMoveEvent(self, event) -> None:  # noqa: N802 - Qt's name
        index = self.index_at(event.position())
        if index >= 0:
            QToolTip.showText(event.globalPosition().toPoint(), self.tip(index), self)
            self.setCursor(Qt.CursorShape.PointingHandCursor)
        else:
            QToolTip.hideText()
            self.unsetCursor()

    def mouseReleaseEvent(self, event) -> None:  # noqa: N802
        index = self.index_at(event.position())
        if index >= 0 and event.button() == Qt.MouseButton.LeftButton:
            self.current = index
            self.update()
            self.clicked.emit(index)

    def keyPressEvent(self, event) -> None:  # noqa: N802
        key, n = event.key(), len(self.labels)
        if n and key in (Qt.Key.Key_Down, Qt.Key.Key_Right):
            self.current = min(n - 1, self.current + 1)
        elif n and key in (Qt.Key.Key_Up, Qt.Key.Key_Left):
            self.current = max(0, self.current - 1)
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space) and self.current >= 0:
            self.clicked.emit(self.current)
            return
        else:
            super().keyPressEvent(event)
            return
        self.update()

    def paint_empty(self, painter: QPainter) -> bool:
        if not self.is_empty():
            return False
        painter.setPen(self.palette().color(QPalette.ColorRole.PlaceholderText))
        painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, self.empty_text)
        return True

    def paint_focus(self, painter: QPainter) -> None:
        if self.hasFocus() and self.current >= 0:
            painter.setPen(self.palette().color(QPalette.ColorRole.Highlight))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(self.rect_of(self.current).adjusted(-1, -1, 1, 1))


class BarChart(_Chart):
    """Horizontal bars, one per label, longest first as given; the count at the end."""

    ROW = 24

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(360, max(80, MARGIN * 2 + self.ROW * len(self.labels)))

    def set_data(self, *args, **kwargs) -> None:
        super().set_data(*args, **kwargs)
        self.setMinimumHeight(self.sizeHint().height())  # every bar shows; the page scrolls

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        return QSize(200, 60)

    def _label_width(self) -> int:
        metrics = QFontMetrics(self.font())
        widest = max((metrics.horizontalAdvance(t) for t in self.labels), default=0)
        return min(widest + 8, self.width() // 3)

    def rect_of(self, index: int) -> QRectF:
        return QRectF(MARGIN, MARGIN + index * self.ROW, self.width() - 2 * MARGIN, self.ROW - 4)

    def paintEvent(self, _event) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if self.paint_empty(painter):
            return
        metrics = QFontMetrics(self.font())
        label_w = self._label_width()
        value_w = metrics.horizontalAdvance("0000000") + 8
        room = max(10, self.width() - 2 * MARGIN - label_w - value_w)
        text = self.palette().color(QPalette.ColorRole.WindowText)
        top = self.top()
        values = self.series[0] if self.series else []
        for i, label in enumerate(self.labels):
            row = self.rect_of(i)
            painter.setPen(text)
            painter.drawText(QRectF(row.left(), row.top(), label_w - 6, row.height()),
                             Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                             metrics.elidedText(label, Qt.TextElideMode.ElideRight, label_w - 6))
            value = values[i] if i < len(values) else 0
            width = room * value / top
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(SERIES_COLOURS[0]))
            painter.drawRoundedRect(QRectF(row.left() + label_w, row.top() + 3, max(width, 1),
                                           row.height() - 6), 2, 2)
            painter.setPen(text)
            painter.drawText(QRectF(row.left() + label_w + width + 4, row.top(), value_w, row.height()),
                             Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, f"{value:g}")
        self.paint_focus(painter)


class ColumnChart(_Chart):
    """Columns, one group per label (side by side for two series), with a
    baseline, the top value marked, and labels thinned to fit."""

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(480, 200)

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        return QSize(200, 120)

    def _plot(self) -> QRectF:
        metrics = QFontMetrics(self.font())
        legend = metrics.height() + 4 if len(self.series) > 1 else 0
        left = metrics.horizontalAdvance(f"{self.top():g}") + MARGIN + 4
        return QRectF(left, MARGIN + legend, self.width() - left - MARGIN,
                      self.height() - 2 * MARGIN - legend - metrics.height() - 2)

    def rect_of(self, index: int) -> QRectF:
        plot = self._plot()
        step = plot.width() / max(1, len(self.labels))
        return QRectF(plot.left() + index * step, plot.top(), step, plot.height())

    def paintEvent(self, _event) -> None:  # noqa: N802
        painter = QPainter(self)
        if self.paint_empty(painter):
            return
        metrics = QFontMetrics(self.font())
        plot = self._plot()
        text = self.palette().color(QPalette.ColorRole.WindowText)
        line = self.palette().color(QPalette.ColorRole.Mid)
        top = self.top()
        painter.setPen(line)
        painter.drawLine(plot.bottomLeft(), plot.bottomRight())
        painter.drawLine(plot.topLeft().x(), plot.top(), plot.right(), plot.top())
        painter.setPen(text)
        painter.drawText(QRectF(0, plot.top() - metrics.height() / 2, plot.left() - 4, metrics.height()),
                         Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, f"{top:g}")
        painter.drawText(QRectF(0, plot.bottom() - metrics.height() / 2, plot.left() - 4,
                                metrics.height()),
                         Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, "0")
        n = len(self.series)
        step = plot.width() / max(1, len(self.labels))
        label_every = max(1, int((metrics.horizontalAdvance("00-00") + 8) // max(step, 1)) + 1)
        for i, label in enumerate(self.labels):
            slot = self.rect_of(i)
            width = max(1.0, (slot.width() - 2) * 0.8 / n)
            for k, values in enumerate(self.series):
                height = plot.height() * values[i] / top
                painter.fillRect(QRectF(slot.left() + slot.width() * 0.1 + k * width,
                                        plot.bottom() - height, width, height),
                                 QColor(SERIES_COLOURS[k % len(SERIES_COLOURS)]))
            if i % label_every == 0:
                painter.setPen(text)
                painter.drawText(QRectF(slot.left() - step, plot.bottom() + 2, step * 3,
                                        metrics.height()), Qt.AlignmentFlag.AlignHCenter, label)
        if n > 1:  # legend
            x = plot.left()
            for k, name in enumerate(self.names):
                painter.fillRect(QRectF(x, MARGIN + 2, 10, 10), QColor(SERIES_COLOURS[k]))
                painter.setPen(text)
                painter.drawText(int(x + 14), int(MARGIN + metrics.ascent()), name)
                x += 24 + metrics.horizontalAdvance(name)
        self.paint_focus(painter)
