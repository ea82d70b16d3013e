"""Windows that fit the screen: the main window and the big dialogs open
inside the screen's available area (a 1024×600 netbook, a 1366×768 laptop)
however big they would like to be, and a geometry remembered on a bigger
screen is brought back onto this one. Qt itself keeps a dialog's position on
the screen; its size is ours to keep (first_size, and layouts whose minimum
fits: long forms scroll)."""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QFrame, QScrollArea, QWidget

MAIN_SHARE = 0.9  # the main window's first size: at most this share of the screen
TITLE_BAR = 32  # room left for a title bar the window manager has not drawn yet
BORDER = 8  # and for its borders


def available_geometry(widget: QWidget | None = None) -> QRect:
    """The usable area (without task bars) of the screen `widget` is on, else
    of the primary screen. Tests replace this to pretend a small screen."""
    screen = None
    if widget is not None:
        parent = widget.parentWidget()
        screen = (parent.window() if parent is not None else widget).screen()
    screen = screen or QGuiApplication.primaryScreen()
    return screen.availableGeometry() if screen is not None else QRect(0, 0, 1024, 600)


def _frame(window: QWidget) -> QSize:
    """What the window manager adds around the window (title bar, borders);
    known once the window has been shown, nothing before."""
    extra = window.frameGeometry().size() - window.geometry().size()
    return QSize(max(0, extra.width()), max(0, extra.height()))


def clamp(window: QWidget, area: QRect | None = None) -> None:
    """Make `window` no bigger than the available area and move it inside it."""
    area = area if area is not None else available_geometry(window)
    frame = _frame(window) if window.isVisible() else QSize(2 * BORDER, TITLE_BAR + BORDER)
    most = QSize(max(1, area.width() - frame.width()), max(1, area.height() - frame.height()))
    minimum = window.minimumSize()
    if minimum.width() > most.width() or minimum.height() > most.height():
        window.setMinimumSize(min(minimum.width(), most.width()), min(minimum.height(), most.height()))
    size = window.size().boundedTo(most)
    if size != window.size():
        window.resize(size)
    outer = QSize(size.width() + frame.width(), size.height() + frame.height())
    pos = window.frameGeometry().topLeft() if window.isVisible() else window.pos()
    x = min(max(pos.x(), area.left()), area.left() + area.width() - outer.width())
    y = min(max(pos.y(), area.top()), area.top() + area.height() - outer.height())
    if (x, y) != (pos.x(), pos.y()):
        window.move(x, y)


def first_size(window: QWidget, width: int, height: int, share: float = 1.0,
               centre: bool = False) -> None:
    """Size `window` to width × height, but at most `share` of the available
    area (title bar allowed for); `centre` also centres it there (the main
    window; a dialog is placed over its parent by Qt)."""
    area = available_geometry(window)
    extra = _frame(window) if window.isVisible() else QSize(2 * BORDER, TITLE_BAR + BORDER)
    most = QSize(int((area.width() - extra.width()) * share),
                 int((area.height() - extra.height()) * share))
    window.resize(QSize(width, height).boundedTo(most))
    if centre:
        window.move(area.left() + (area.width() - extra.width() - window.width()) // 2,
                    area.top() + (area.height() - extra.height() - window.height()) // 2)


def scrolling(content: QWidget, name: str = "") -> QScrollArea:
    """`content` in a frameless scroll area: a long form that still fits a
    small screen (it scrolls instead of pushing the buttons off it)."""
    area = QScrollArea()
    if name:
        area.setObjectName(name)
    area.setWidget(content)
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    return area
