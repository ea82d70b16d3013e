"""The quick-reply palette: a small window on top of everything, opened from
anywhere in the app. Type a code, words of the text or pinyin initials; Up and
Down choose, Enter copies the phrase filled in for the selected buyer (and its
picture) and hides the palette, Esc hides it.

It is built once and kept hidden, so opening it costs a show, not a build.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QItemSelectionModel, Qt
from PySide6.QtGui import QAction, QCursor, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QFrame,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desk.core.errors import UserError
from desk.core.replies import search
from desk.ui.errors import show_user_error, user_message
from desk.ui.replies import fill
from desk.ui.replies.models import PhrasesModel

LIMIT = 50
SHORTCUT = "F9"
NAVIGATION = {Qt.Key.Key_Up: -1, Qt.Key.Key_Down: 1, Qt.Key.Key_PageUp: -8, Qt.Key.Key_PageDown: 8}


class Palette(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Tool | Qt.WindowType.WindowStaysOnTopHint
                         | Qt.WindowType.FramelessWindowHint)
        self.setObjectName("replyPalette")
        self._home = parent  # its parent when no dialog is open
        self.setWindowTitle(self.tr("Quick replies"))
        self.setFrameShape(QFrame.Shape.Box)
        self.resize(600, 380)
        self.field = QLineEdit()
        self.field.setObjectName("paletteSearch")
        self.field.setPlaceholderText(self.tr("Code, words of the text or pinyin initials…"))
        self.field.textChanged.connect(lambda _: self.refresh())
        self.model = PhrasesModel(self)
        self.list = QTableView()
        self.list.setObjectName("paletteResults")
        self.list.setModel(self.model)
        self.list.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.list.setShowGrid(False)
        self.list.setWordWrap(False)
        self.list.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # typing stays in the field
        self.list.horizontalHeader().hide()
        self.list.verticalHeader().hide()
        self.list.verticalHeader().setDefaultSectionSize(26)
        self.list.horizontalHeader().setSectionResizeMode(PhrasesModel.TEXT, QHeaderView.ResizeMode.Stretch)
        self.list.setColumnWidth(PhrasesModel.CODE, 70)
        self.list.setColumnWidth(PhrasesModel.IMAGE, 28)
        self.list.setColumnHidden(PhrasesModel.USED, True)
        self.list.clicked.connect(lambda ix: self._select(ix.row()))
        self.list.doubleClicked.connect(lambda _: self.send())
        self.hint = QLabel(self.tr("↑↓ choose   Enter copy   Esc close"))
        self.hint.setObjectName("paletteHint")
        self.hint.setEnabled(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 6)
        layout.addWidget(self.field)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.hint)
        self.field.installEventFilter(self)

    def refresh(self) -> None:
        self.model.set_phrases(search.find(self.field.text(), LIMIT), None)
        self._select(0)

    def current_row(self) -> int:
        return self.list.currentIndex().row()

    def _select(self, row: int) -> None:
        if not self.model.rowCount():
            return
        row = max(0, min(row, self.model.rowCount() - 1))
        index = self.model.index(row, PhrasesModel.TEXT)
        self.list.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
        self.list.scrollTo(index)

    def eventFilter(self, watched, event) -> bool:
        if watched is self.field and event.type() == QEvent.Type.KeyPress:
            key = event.key()
            if key in NAVIGATION:
                self._select(self.current_row() + NAVIGATION[key])
                return True
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.send()
                return True
            if key == Qt.Key.Key_Escape:
                self.dismiss()
                return True
        return super().eventFilter(watched, event)

    def keyPressEvent(self, event) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.dismiss()
            return
        super().keyPressEvent(event)

    def _host(self, widget: QWidget | None) -> None:
        if widget is not None and self.parentWidget() is not widget:
            self.setParent(widget, self.windowFlags())

    def dismiss(self) -> None:
        """Hide, and go back to the main window if a dialog was hosting the palette."""
        self.hide()
        if self._home is not None and shiboken6.isValid(self._home):
            self._host(self._home)

    def send(self) -> None:
        """Copy the chosen phrase filled in, count it, and get out of the way."""
        phrase = self.model.info(self.current_row())
        if phrase is None:
            return
        try:
            text = fill.copy_phrase(phrase, self)
        except UserError as e:
            show_user_error(self, user_message(e))
            return
        if text is None:
            self.field.setFocus()  # the questions were cancelled: choose again
            return
        self.dismiss()

    def open(self) -> None:
        # A modal dialog (a case being edited) blocks every other window but its
        # own children: the palette opens as one of them while it is up.
        modal = QApplication.activeModalWidget()
        self._host(modal if modal is not None and modal is not self else self._home)
        self.field.blockSignals(True)
        self.field.clear()
        self.field.blockSignals(False)
        self.refresh()
        screen = QGuiApplication.screenAt(QCursor.pos()) or QGuiApplication.primaryScreen()
        area = screen.availableGeometry()
        self.move(area.x() + (area.width() - self.width()) // 2, area.y() + area.height() // 5)
        self.show()
        self.activateWindow()
        self.field.setFocus(Qt.FocusReason.ActiveWindowFocusReason)


_palette: Palette | None = None


def prepare_palette(parent: QWidget | None = None) -> Palette:
    """The palette, built (hidden) on first call and reused after."""
    global _palette
    if _palette is None or not shiboken6.isValid(_palette):
        _palette = Palette(parent)
        _palette.ensurePolished()
        _palette.winId()  # the native window is made now, not when first shown
        _palette.refresh()  # loads the search index too
    elif parent is not None and _palette._home is not parent:
        _palette._home = parent  # another main window (another shop opened)
        if not _palette.isVisible():
            _palette._host(parent)
    return _palette


def show_palette(parent: QWidget | None = None) -> Palette:
    """Open the palette (the shortcut and the tray menu call this); `parent`
    is the main window."""
    palette = prepare_palette(parent)
    palette.open()
    return palette


def _main_window(widget: QWidget) -> QWidget:
    while widget.parentWidget() is not None:
        widget = widget.parentWidget()
    return widget


def add_action(widget: QWidget) -> QAction:
    """The palette's shortcut (F9) on a window: the main window, and each dialog
    that stays open while the user chats (a modal dialog blocks the main
    window's shortcuts)."""
    action = QAction(QCoreApplication.translate("Palette", "Quick replies palette…"), widget)
    action.setObjectName("actionReplyPalette")
    action.setShortcut(QKeySequence(SHORTCUT))
    action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
    action.triggered.connect(lambda: show_palette(_main_window(widget)))
    widget.addAction(action)
    return action
