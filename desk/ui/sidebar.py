"""The main window's page list: a flat column on the window's colour, the
current page on a rounded highlight, each page with a small line icon.
Painted by a delegate rather than a style sheet: any style sheet sends its
widget through Qt's style-sheet style, which costs start-up time. The icons
are drawn here in the text's colour (the style's standard icons cost start-up
time too, and had to be borrowed from unrelated file-dialog pictures)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QPainter, QPainterPath, QPalette, QPen
from PySide6.QtWidgets import QFrame, QListWidget, QStyledItemDelegate, QStyleOptionViewItem

ROW_HEIGHT = 40
MARGIN_X, MARGIN_Y, RADIUS, PADDING = 6, 2, 6, 10
ICON = 20
GLYPH_ROLE = Qt.ItemDataRole.UserRole + 1  # an item's icon: a key of GLYPHS


# Each glyph draws in a 20x20 box at the origin with the painter's pen.

def _calendar(p: QPainter) -> None:
    p.drawRoundedRect(QRectF(2.5, 4, 15, 13.5), 2, 2)
    p.drawLine(QPointF(2.5, 8), QPointF(17.5, 8))
    p.drawLine(QPointF(6.5, 2), QPointF(6.5, 5.5))
    p.drawLine(QPointF(13.5, 2), QPointF(13.5, 5.5))
    p.drawLine(QPointF(6.5, 12.5), QPointF(9, 15))
    p.drawLine(QPointF(9, 15), QPointF(13.5, 10.5))


def _person(p: QPainter) -> None:
    p.drawEllipse(QPointF(10, 6.5), 3.5, 3.5)
    shoulders = QPainterPath(QPointF(3, 18))
    shoulders.cubicTo(QPointF(3, 11.5), QPointF(17, 11.5), QPointF(17, 18))
    p.drawPath(shoulders)


def _return(p: QPainter) -> None:
    p.drawArc(QRectF(3, 3, 14, 14), 100 * 16, 290 * 16)  # most of a circle, open at the top left
    p.drawLine(QPointF(8.8, 3.2), QPointF(5.4, 1.4))
    p.drawLine(QPointF(8.8, 3.2), QPointF(6.6, 6.4))


def _bubble(p: QPainter) -> None:
    bubble = QPainterPath()
    bubble.addRoundedRect(QRectF(2.5, 3, 15, 11), 3, 3)
    tail = QPainterPath(QPointF(6, 14))
    tail.lineTo(QPointF(5, 18))
    tail.lineTo(QPointF(10, 14))
    p.drawPath(bubble.united(tail))
    for x in (6.5, 10, 13.5):
        p.drawPoint(QPointF(x, 8.5))


def _chart(p: QPainter) -> None:
    p.drawLine(QPointF(2.5, 17.5), QPointF(17.5, 17.5))
    for x, top in ((4.5, 11), (8.5, 5), (12.5, 8.5)):
        p.drawRect(QRectF(x, top, 3, 17.5 - top))


GLYPHS: dict[str, Callable[[QPainter], None]] = {
    "calendar": _calendar, "person": _person, "return": _return, "bubble": _bubble, "chart": _chart,
}


class _Delegate(QStyledItemDelegate):
    def sizeHint(self, option, index) -> QSize:  # noqa: N802 - Qt's name
        return QSize(option.rect.width(), ROW_HEIGHT)

    def paint(self, painter: QPainter, option, index) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        selected = self.parent().selectionModel().isSelected(index)
        box = QRectF(opt.rect).adjusted(MARGIN_X, MARGIN_Y, -MARGIN_X, -MARGIN_Y)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if selected:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(opt.palette.brush(QPalette.ColorRole.Highlight))
            painter.drawRoundedRect(box, RADIUS, RADIUS)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.WindowText
        colour = opt.palette.color(role)
        x = box.left() + PADDING
        glyph = GLYPHS.get(index.data(GLYPH_ROLE))
        if glyph is not None:
            painter.save()
            painter.translate(x, box.top() + (box.height() - ICON) / 2)
            painter.setPen(QPen(colour, 1.6, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap,
                                Qt.PenJoinStyle.RoundJoin))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            glyph(painter)
            painter.restore()
            x += ICON + 8
        painter.setPen(colour)
        painter.setFont(opt.font)
        painter.drawText(QRectF(x, box.top(), box.right() - x, box.height()),
                         int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft), opt.text)
        painter.restore()


def make_sidebar(width: int = 168) -> QListWidget:
    sidebar = QListWidget()
    sidebar.setObjectName("sidebar")
    sidebar.setFixedWidth(width)
    sidebar.setFrameShape(QFrame.Shape.NoFrame)
    sidebar.setIconSize(QSize(ICON, ICON))
    sidebar.setItemDelegate(_Delegate(sidebar))
    sidebar.setViewportMargins(0, 8, 0, 0)
    palette = sidebar.palette()
    palette.setColor(QPalette.ColorRole.Base, palette.color(QPalette.ColorRole.Window))
    sidebar.setPalette(palette)
    font = sidebar.font()
    font.setPointSizeF(font.pointSizeF() * 1.1)
    sidebar.setFont(font)
    return sidebar
