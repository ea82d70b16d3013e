"""The phrase form: code, text with placeholders, an optional picture, and a
live preview of the text filled in for the buyer selected in the app."""

from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desk.core.replies import lint, placeholders, service, steps
from desk.core.replies.service import CODE_MAX, PhraseInfo
from desk.ui import conflict, undo
from desk.ui import selection as current
from desk.ui.ask import AskDialog, InlineError
from desk.ui.errors import user_message
from desk.ui.replies.fill import chinese_ui

PICTURES = "*.png *.jpg *.jpeg *.gif *.bmp *.webp"
DRAFT = -1  # the id a new phrase is checked under


def placeholder_text(name: str) -> str:
    """How the editor writes a known placeholder: by its Chinese alias in the zh_CN UI."""
    return "{" + (placeholders.ALIAS_OF[name] if chinese_ui() else name) + "}"


def preview_html(body: str, ctx: placeholders.Context) -> str:
    """The text as it will be sent, marked up: filled values green, prompted
    fields blue (asked when sent), unknown placeholders red."""
    out, at = [], 0
    for t in placeholders.tokens(body):
        out.append(html.escape(body[at:t.start]))
        if t.kind == "known":
            value = placeholders.value(t.name, ctx, chinese_ui())
            shown = html.escape(value) if value else f"<i>{html.escape(t.text)}</i>"
            out.append(f'<span style="background:#e3f2e1">{shown}</span>')
        elif t.kind == "prompt":
            out.append(f'<span style="background:#e1ecf8">[{html.escape(t.name)}]</span>')
        else:
            out.append(f'<span style="color:#c62828; text-decoration: underline">'
                       f'{html.escape(t.text)}</span>')
        at = t.end
    out.append(html.escape(body[at:]))
    return "".join(out).replace("\n", "<br>")


class PhraseDialog(AskDialog):
    def __init__(self, parent: QWidget | None, group_id: int, phrase: PhraseInfo | None = None,
                 index: int | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("phraseDialog")
        self.setWindowTitle(self.tr("Edit phrase") if phrase else self.tr("New phrase"))
        self.setMinimumWidth(520)
        self.phrase, self.index = phrase, index
        self.phrase_id: int | None = None
        self._image: Path | None = phrase.image_path if phrase else None
        self._image_changed = False
        undo.add_actions(self)

        self.group = QComboBox()
        self.group.setObjectName("phraseGroup")
        for g in service.list_groups():
            self.group.addItem(g.name, g.id)
        self.group.setCurrentIndex(max(0, self.group.findData(group_id)))
        self.group.setEnabled(phrase is None)  # an existing phrase moves with Move to group
        self.code = QLineEdit(phrase.code if phrase else "")
        self.code.setObjectName("phraseCode")
        self.code.setMaxLength(CODE_MAX)
        self.code.setPlaceholderText(self.tr("e.g. hy (optional)"))
        self.body = QPlainTextEdit(phrase.body if phrase else "")
        self.body.setObjectName("phraseBody")
        self.body.setTabChangesFocus(True)
        self.body.setMinimumHeight(110)

        self.insert = QToolButton()
        self.insert.setObjectName("insertPlaceholder")
        self.insert.setText(self.tr("Insert placeholder"))
        self.insert.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.insert.setMenu(self._placeholder_menu())

        self.picture = QLabel()
        self.picture.setObjectName("phrasePicture")
        choose = QPushButton(self.tr("Choose picture…"))
        choose.setObjectName("choosePicture")
        choose.clicked.connect(self.choose_picture)
        self.remove_picture = QPushButton(self.tr("No picture"))
        self.remove_picture.setObjectName("removePicture")
        self.remove_picture.clicked.connect(lambda: self.set_picture(None))
        pictures = QHBoxLayout()
        pictures.addWidget(self.picture, 1)
        pictures.addWidget(choose)
        pictures.addWidget(self.remove_picture)

        self.preview_for = QLabel()
        self.preview_for.setObjectName("previewFor")
        self.preview_for.setEnabled(False)
        self.preview = QLabel()
        self.preview.setObjectName("phrasePreview")
        self.preview.setWordWrap(True)
        self.preview.setTextFormat(Qt.TextFormat.RichText)
        self.preview.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.preview.setStyleSheet("QLabel { border: 1px solid palette(mid); padding: 6px; }")
        self.warning = InlineError("phraseWarning")
        self.warning.show()
        self.error = InlineError("phraseError")

        form = QFormLayout()
        form.addRow(self.tr("Group:"), self.group)
        form.addRow(self.tr("Code:"), self.code)
        text_row = QHBoxLayout()
        text_row.addStretch(1)
        text_row.addWidget(self.insert)
        form.addRow(self.tr("Text:"), text_row)
        form.addRow(self.body)
        form.addRow(self.tr("Picture:"), pictures)
        buttons = self.add_buttons()
        buttons.setObjectName("phraseButtons")
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.preview_for)
        layout.addWidget(self.preview)
        layout.addWidget(self.warning)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

        self._context = current.context()
        nickname = self._context.nickname
        self.preview_for.setText(self.tr("Preview for {nickname}:").format(nickname=nickname) if nickname
                                 else self.tr("Preview (no buyer selected in ShopDesk):"))
        self.body.textChanged.connect(self.update_preview)
        self.code.textChanged.connect(lambda _: self.update_preview())
        self._library: list[PhraseInfo] | None = None  # read on first check, for code clashes
        self._checked: tuple[str, list[str]] = ("", [])
        self.set_picture(self._image, changed=False)
        self.update_preview()
        self.body.setFocus()

    def _placeholder_menu(self) -> QMenu:
        menu = QMenu(self)
        titles = {
            "nickname": self.tr("Buyer's nickname"), "order_no": self.tr("Order number"),
            "tracking_no": self.tr("Tracking number"), "carrier": self.tr("Carrier"),
            "shop_name": self.tr("Shop name"), "date": self.tr("Today's date"),
            "time": self.tr("Time now"), "clipboard": self.tr("What is on the clipboard"),
        }
        for name in placeholders.NAMES:
            text = placeholder_text(name)
            action = menu.addAction(f"{titles[name]}\t{text}", lambda t=text: self.insert_text(t))
            action.setObjectName(f"insert_{name}")
        menu.addSeparator()
        menu.addAction(self.tr("Asked when sent…"), self.insert_prompt).setObjectName("insert_prompt")
        return menu

    def insert_text(self, text: str) -> None:
        self.body.insertPlainText(text)
        self.body.setFocus()

    def insert_prompt(self) -> None:
        label, ok = QInputDialog.getText(
            self, self.tr("Asked when sent"),
            self.tr("What to ask for when the phrase is sent (e.g. 优惠金额):"))
        label = label.strip().replace("{", "").replace("}", "")
        if ok and label:
            self.insert_text("{?" + label + "}")

    def update_preview(self) -> None:
        body = self.body.toPlainText()
        self.preview.setText(preview_html(body, self._context))
        bad = placeholders.unknown(body)
        known = "  ".join(placeholder_text(n) for n in placeholders.NAMES)
        lines = [self.tr("Unknown placeholder: {names}. Known ones: {known}; "
                         "{{?label}} asks when the phrase is sent.").format(
            names="  ".join("{" + n + "}" for n in bad), known=known)] if bad else []
        lines += self.code_problems()
        self.warning.setText("\n".join(lines))
        self.warning.setVisible(bool(lines))

    def code_problems(self) -> list[str]:
        """What the phrase check would say about the code as typed (clashes
        with the library's codes, capitals, full-width letters)."""
        code = self.code.text().strip()
        if not code:
            return []
        if self._checked[0] == code:
            return self._checked[1]  # typing in the text does not check the code again
        if self._library is None:
            self._library = service.all_phrases()
        mine = self.phrase.id if self.phrase else DRAFT
        draft = PhraseInfo(mine, 0, "", code, "-", None, 0, 0, None)
        others = [p for p in self._library if p.id != mine]
        codes = ("duplicate_code", "prefix_code", "fullwidth_code", "upper_code")
        found = [p for p in lint.check([*others, draft]) if p.kind in codes and (
            p.pid == mine or p.values.get("longer") == service.fold(code))]
        self._checked = (code, [user_message(p.as_error()) for p in found])
        return self._checked[1]

    def choose_picture(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Choose a picture"), "",
                                              self.tr("Pictures ({patterns})").format(patterns=PICTURES))
        if path:
            self.set_picture(Path(path))

    def set_picture(self, path: Path | None, changed: bool = True) -> None:
        self._image = path
        self._image_changed = self._image_changed or changed
        pixmap = QPixmap(str(path)) if path else QPixmap()
        if path is None:
            self.picture.setText(self.tr("No picture"))
        elif pixmap.isNull():
            self.picture.setText(path.name)
        else:
            self.picture.setPixmap(pixmap.scaled(64, 64, Qt.AspectRatioMode.KeepAspectRatio,
                                                 Qt.TransformationMode.SmoothTransformation))
        self.picture.setToolTip(str(path) if path else "")
        self.remove_picture.setEnabled(path is not None)

    def validate(self) -> bool:
        self.phrase_id = self._save()
        return True

    def answer(self) -> int | None:
        return self.phrase_id

    def _save(self) -> int:
        body, code = self.body.toPlainText(), self.code.text()
        if self.phrase is None:
            gid, index, image = self.group.currentData(), self.index, self._image
            return undo.run(self.tr("New phrase"),
                            lambda: steps.add_phrase_step(gid, body, code, index, image))
        pid = self.phrase.id
        new = {"body": body, "code": code}
        if self._image_changed:
            new["image"] = self._image
        undo.run(self.tr("Edit phrase"),
                 conflict.guarded(self, lambda v: steps.update_phrase_step(pid, version=v, **new),
                                  self.phrase.version, reload=lambda: self.show_phrase(pid)))
        return pid

    def show_phrase(self, pid: int) -> None:
        """The phrase as it is now (after a conflict: theirs), to edit again."""
        self.phrase = service.get_phrase(pid)
        self.code.setText(self.phrase.code)
        self.body.setPlainText(self.phrase.body)
        self._image_changed = False
        self.set_picture(self.phrase.image_path, changed=False)

    @classmethod
    def ask(cls, parent: QWidget | None, group_id: int, phrase: PhraseInfo | None = None,
            index: int | None = None) -> int | None:
        """The id of the phrase added or edited, or None when cancelled."""
        return cls(parent, group_id, phrase, index).run_modal()
