"""The main window's page list: a flat column on the window's colour, the
current page on a rounded highlight. Painted by a delegate rather than a
style sheet: any style sheet sends its widget through Qt's style-sheet
style, which costs start-up time."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QPainter, QPalette
from PySide6.QtWidgets import QFrame, QListWidget, QStyle, QStyledItemDelegate, QStyleOptionViewItem

ROW_HEIGHT = 40
MARGIN_X, MARGIN_Y, RADIUS, PADDING = 6, 2, 6, 10
ICON = 20


class _Delegate(QStyledItemDelegate):
    def sizeHint(self, option, index) -> QSize:  # noqa: N802 - Qt's name
        return QSize(option.rect.width(), ROW_HEIGHT)

    def paint(self, painter: QPainter, option, index) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        box = QRectF(opt.rect).adjusted(MARGIN_X, MARGIN_Y, -MARGIN_X, -MARGIN_Y)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if selected:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(opt.palette.brush(QPalette.ColorRole.Highlight))
            painter.drawRoundedRect(box, RADIUS, RADIUS)
        x = box.left() + PADDING
        if not opt.icon.isNull():
            top = box.top() + (box.height() - ICON) / 2
            opt.icon.paint(painter, int(x), int(top), ICON, ICON)
            x += ICON + 8
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.WindowText
        painter.setPen(opt.palette.color(role))
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
