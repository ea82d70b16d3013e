"""The quick-reply palette: a small window on top of everything, opened from
anywhere in the app. Type a code, words of the text or pinyin initials; Up and
Down choose, Enter copies the phrase filled in for the selected buyer (and its
picture) and hides the palette, Esc hides it.

It says whom it fills in for and shows the chosen phrase filled in, with every
value it cannot fill marked and a field for each right below: Enter copies
only once they are all filled (or another phrase is chosen). A copy confirms
itself with a note that fades on its own.

It is built once and kept hidden, so opening it costs a show, not a build.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QItemSelectionModel, Qt, QTimer
from PySide6.QtGui import QAction, QCursor, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QFormLayout,
    QFrame,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desk.core.errors import UserError
from desk.core.replies import placeholders, search
from desk.ui import selection as current
from desk.ui.errors import ERROR_STYLE, show_user_error, user_message
from desk.ui.replies import fill
from desk.ui.replies.models import PhrasesModel

LIMIT = 50
SHORTCUT = "F9"
NAVIGATION = {Qt.Key.Key_Up: -1, Qt.Key.Key_Down: 1, Qt.Key.Key_PageUp: -8, Qt.Key.Key_PageDown: 8}
COPIED_MS = 1500  # how long the "Copied" note stays


class CopiedNote(QLabel):
    """A small note that says the copy happened, where the palette was, and
    goes away by itself; it never takes the focus from the chat window."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent, Qt.WindowType.ToolTip | Qt.WindowType.FramelessWindowHint)
        self.setObjectName("paletteCopied")
        self.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)
        self.setStyleSheet("background: #2e7d32; color: white; padding: 8px 16px;"
                           " border-radius: 6px; font-weight: 600;")
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.hide)

    def flash(self, text: str, around: QWidget) -> None:
        self.setText(text)
        self.adjustSize()
        centre = around.frameGeometry().center()
        self.move(centre.x() - self.width() // 2, centre.y() - self.height() // 2)
        self.show()
        self.timer.start(COPIED_MS)


class Palette(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Tool | Qt.WindowType.WindowStaysOnTopHint
                         | Qt.WindowType.FramelessWindowHint)
        self.setObjectName("replyPalette")
        self._home = parent  # its parent when no dialog is open
        self.setWindowTitle(self.tr("Quick replies"))
        self.setFrameShape(QFrame.Shape.Box)
        self.resize(600, 440)
        self.field = QLineEdit()
        self.field.setObjectName("paletteSearch")
        self.field.setPlaceholderText(self.tr("Code, words of the text or pinyin initials…"))
        self.field.textChanged.connect(lambda _: self.refresh())
        self.target = QLabel()
        self.target.setObjectName("paletteTarget")
        self.target.setTextFormat(Qt.TextFormat.PlainText)
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
        self.list.selectionModel().currentRowChanged.connect(lambda *_: self.show_phrase())
        self.preview = QLabel()
        self.preview.setObjectName("palettePreview")
        self.preview.setTextFormat(Qt.TextFormat.RichText)
        self.preview.setWordWrap(True)
        self.preview.setFrameShape(QFrame.Shape.StyledPanel)
        self.preview.setMargin(6)
        self.preview.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        self.gaps_box = QWidget()
        self.gaps_box.setObjectName("paletteFields")
        self.gaps_form = QFormLayout(self.gaps_box)
        self.gaps_form.setContentsMargins(0, 0, 0, 0)
        self.gap_fields: dict[str, QLineEdit] = {}
        self.hint = QLabel()
        self.hint.setObjectName("paletteHint")
        self.copied = CopiedNote(self)
        self.answers: dict[str, str] = {}  # values typed into the fields, kept while it is open
        self.ctx: placeholders.Context | None = None
        self.filled: placeholders.Filled | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 6)
        layout.addWidget(self.field)
        layout.addWidget(self.target)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.preview)
        layout.addWidget(self.gaps_box)
        layout.addWidget(self.hint)
        self.field.installEventFilter(self)
        self._show_hint()
        current.selection.changed.connect(self._context_changed)

    def refresh(self) -> None:
        self.model.set_phrases(search.find(self.field.text(), LIMIT), None)
        self._select(0)
        self.show_phrase()

    # --- whom it fills in for, and the chosen phrase filled in ----------------------

    def _context_changed(self) -> None:
        if self.isVisible():
            self.load_context()
            self.show_phrase()

    def load_context(self) -> None:
        """Read the buyer and case in focus (and the shop name) afresh."""
        self.ctx = current.context()
        ctx = self.ctx
        if not ctx.nickname:
            self.target.setText(self.tr("No buyer selected: their details are asked for below"))
            self.target.setStyleSheet(ERROR_STYLE)
            return
        self.target.setStyleSheet("")
        if ctx.case_no and ctx.order_no:
            text = self.tr("For {nickname} · case {case} · order {order}")
        elif ctx.case_no:
            text = self.tr("For {nickname} · case {case}")
        elif ctx.order_no:
            text = self.tr("For {nickname} · order {order}")
        else:
            text = self.tr("For {nickname}")
        self.target.setText(text.format(nickname=ctx.nickname, case=ctx.case_no, order=ctx.order_no))

    def show_phrase(self) -> None:
        """The chosen phrase filled in, and a field for each value it still needs."""
        phrase = self.model.info(self.current_row())
        if self.ctx is None:
            self.load_context()
        self.filled = None if phrase is None else fill.fill_for(phrase, self.answers, self.ctx)
        self.preview.setText("" if self.filled is None else fill.preview_html(self.filled))
        self.preview.setVisible(self.filled is not None)
        self._build_fields()
        self._show_hint()

    def _build_fields(self) -> None:
        # Fields for the gaps of the phrase as chosen, before any answer: a value
        # typed in keeps its field while the user types.
        phrase = self.model.info(self.current_row())
        gaps = () if phrase is None else fill.fill_for(phrase, None, self.ctx).missing
        keys = [g.key for g in gaps]
        if keys == list(self.gap_fields):
            return
        self._clear_fields()
        for n, gap in enumerate(gaps):
            field = QLineEdit(self.answers.get(gap.key, ""))
            field.setObjectName(f"paletteFill_{n}")
            field.setMaxLength(500)
            field.setPlaceholderText(gap.text)
            field.setToolTip(fill.hint(gap))
            field.textEdited.connect(lambda text, key=gap.key: self._answer(key, text))
            field.installEventFilter(self)
            label = QLabel(fill.field_label(gap))
            self.gaps_form.addRow(label, field)
            # shown now, not on the next turn of the event loop: Enter may come first
            label.show()
            field.show()
            self.gap_fields[gap.key] = field
        self.gaps_box.setVisible(bool(gaps))

    def _clear_fields(self) -> None:
        while self.gaps_form.rowCount():
            self.gaps_form.removeRow(0)
        self.gap_fields = {}

    def _answer(self, key: str, text: str) -> None:
        self.answers[key] = text
        self.show_phrase()

    def _show_hint(self, refused: bool = False) -> None:
        if self.filled is not None and self.filled.missing:
            self.hint.setText(self.tr("Fill in the marked values to copy, or choose a phrase without them"))
            self.hint.setStyleSheet(ERROR_STYLE + ("; font-weight: 600" if refused else ""))
            self.hint.setEnabled(True)
        else:
            self.hint.setText(self.tr("↑↓ choose   Enter copy   Esc close"))
            self.hint.setStyleSheet("")
            self.hint.setEnabled(False)

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
        if watched in self.gap_fields.values() and event.type() == QEvent.Type.KeyPress:
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.send()
                return True
            if event.key() == Qt.Key.Key_Escape:
                self.dismiss()
                return True
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
        """Copy the chosen phrase filled in, count it, and get out of the way;
        while a value is missing, copy nothing and go to its field."""
        phrase = self.model.info(self.current_row())
        if phrase is None:
            return
        self.show_phrase()
        if self.filled is None or self.filled.missing:
            self._show_hint(refused=True)
            empty = next((f for f in self.gap_fields.values() if not f.text().strip()), None)
            (empty or self.field).setFocus()
            return
        try:
            fill.put_on_clipboard(phrase, self.filled.text)
        except UserError as e:
            show_user_error(self, user_message(e))
            return
        self.copied.flash(self.tr("Copied"), self)
        self.dismiss()

    def open(self) -> None:
        # A modal dialog (a case being edited) blocks every other window but its
        # own children: the palette opens as one of them while it is up.
        modal = QApplication.activeModalWidget()
        self._host(modal if modal is not None and modal is not self else self._home)
        self.field.blockSignals(True)
        self.field.clear()
        self.field.blockSignals(False)
        self.answers = {}
        self._clear_fields()
        self.load_context()
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
