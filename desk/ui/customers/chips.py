"""Tags drawn as small coloured chips inside a table cell."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPainter
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from desk.core.customers.listing import split_tags
from desk.ui.tablemodel import RawRole


def text_color(background: QColor) -> QColor:
    """Black or white, whichever reads better on `background`."""
    r, g, b = background.redF(), background.greenF(), background.blueF()
    return QColor("#1a1a1a") if 0.299 * r + 0.587 * g + 0.114 * b > 0.6 else QColor("#ffffff")


class TagChipsDelegate(QStyledItemDelegate):
    """Paints the tags column's raw value ("name<US>colour" items) as chips;
    what does not fit ends in "+N". The cell's text stays the plain names, for
    copying, tooltips and accessibility."""

    PAD_X, GAP = 6, 4

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index) -> None:
        tags = split_tags(index.data(RawRole))
        if not tags:
            super().paint(painter, option, index)
            return
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        widget = opt.widget
        style = widget.style() if widget else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        metrics = QFontMetrics(opt.font)
        rect = opt.rect.adjusted(4, 4, -4, -4)
        x = rect.left()
        height = min(rect.height(), metrics.height() + 4)
        top = rect.top() + (rect.height() - height) / 2
        for n, (name, color) in enumerate(tags):
            width = metrics.horizontalAdvance(name) + 2 * self.PAD_X
            rest = len(tags) - n - 1
            more = metrics.horizontalAdvance(f"+{rest}") + 6 if rest else 0
            if x + width + more > rect.right() and n > 0:
                painter.setPen(opt.palette.text().color())
                painter.drawText(QRectF(x, top, rect.right() - x, height),
                                 Qt.AlignmentFlag.AlignVCenter, f"+{len(tags) - n}")
                break
            background = QColor(color)
            if not background.isValid():
                background = QColor("#607d8b")
            chip = QRectF(x, top, min(width, rect.right() - x), height)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(background)
            painter.drawRoundedRect(chip, height / 2, height / 2)
            painter.setPen(text_color(background))
            painter.drawText(chip, Qt.AlignmentFlag.AlignCenter,
                             metrics.elidedText(name, Qt.TextElideMode.ElideRight, int(chip.width()) - 4))
            x += width + self.GAP
        painter.restore()
