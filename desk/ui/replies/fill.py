"""Sending a phrase: fill it for the selected buyer, ask for whatever it still
needs, put it (and its picture) on the clipboard and count the use.

Nothing half-filled is copied: `placeholders.fill` says what is missing (no
buyer selected, no shop name, a prompted field), and the user either gives
each value or does not copy.
"""

from __future__ import annotations

import html

from PySide6.QtCore import QCoreApplication, QLocale, QMimeData
from PySide6.QtGui import QGuiApplication, QImage
from PySide6.QtWidgets import (
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from desk.core.replies import placeholders, service
from desk.core.replies.placeholders import Filled, Gap
from desk.core.replies.service import PhraseInfo
from desk.ui import selection as current
from desk.ui.ask import AskDialog, Buttons

# How a value the phrase cannot be sent without is marked in a preview.
MISSING_STYLE = "background-color: #fde2e1; color: #b3261e; font-weight: 600;"


def describe(gap: Gap) -> str:
    """What the user is asked to give for a gap, in the UI's language."""
    if gap.kind == "known":
        names = {
            "nickname": QCoreApplication.translate("ReplyFill", "Buyer's nickname"),
            "order_no": QCoreApplication.translate("ReplyFill", "Order number"),
            "tracking_no": QCoreApplication.translate("ReplyFill", "Tracking number"),
            "carrier": QCoreApplication.translate("ReplyFill", "Carrier"),
            "shop_name": QCoreApplication.translate("ReplyFill", "Shop name"),
            "clipboard": QCoreApplication.translate("ReplyFill", "Text to paste"),
        }
        return names.get(gap.key, gap.text)
    return gap.key if gap.kind == "prompt" else gap.text


def field_label(gap: Gap) -> str:
    return QCoreApplication.translate("ReplyFill", "{what}:").format(what=describe(gap))


def hint(gap: Gap) -> str:
    """A tooltip for a gap's field: where the value would have come from."""
    if gap.kind == "known" and gap.key == "shop_name":
        return QCoreApplication.translate("ReplyFill", "Set the shop name once in Settings and it is "
                                                       "filled in by itself")
    if gap.kind == "known" and gap.key != "clipboard":
        return QCoreApplication.translate("ReplyFill", "Select the buyer or the case first and it is "
                                                       "filled in by itself")
    if gap.kind == "unknown":
        return QCoreApplication.translate("ReplyFill", "Not a placeholder ShopDesk knows: write what "
                                                       "goes in its place")
    return ""


def preview_html(filled: Filled) -> str:
    """The filled text as rich text, every missing value marked."""
    out = []
    for piece, gap in filled.parts:
        text = html.escape(piece).replace("\n", "<br>")
        out.append(f'<span style="{MISSING_STYLE}">{text}</span>' if gap else text)
    return "".join(out)


class PromptDialog(AskDialog):
    """One line per missing value ({?优惠金额}, or the shop name when none is
    set); Tab between them, Enter sends once every one is filled."""

    def __init__(self, gaps: list[Gap], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("replyPromptDialog")
        self.setWindowTitle(self.tr("Fill in the phrase"))
        form = QFormLayout()
        self.fields: dict[str, QLineEdit] = {}
        for n, gap in enumerate(gaps):
            field = QLineEdit()
            field.setObjectName(f"replyPrompt_{n}")
            field.setMaxLength(500)
            field.setToolTip(hint(gap))
            field.textChanged.connect(self._check)
            form.addRow(QLabel(field_label(gap)), field)
            self.fields[gap.key] = field
        self.buttons = self.add_buttons()
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self._check()

    def _check(self) -> None:
        done = all(f.text().strip() for f in self.fields.values())
        self.buttons.button(Buttons.Ok).setEnabled(done)

    def validate(self) -> bool:
        empty = next((f for f in self.fields.values() if not f.text().strip()), None)
        if empty is not None:  # Enter in a field while another is still empty
            empty.setFocus()
            return False
        return True

    def answers(self) -> dict[str, str]:
        return {key: field.text().strip() for key, field in self.fields.items()}

    @classmethod
    def ask(cls, parent: QWidget | None, gaps: list[Gap]) -> dict[str, str] | None:
        return cls(gaps, parent).run_modal()

    answer = answers


def fill_for(phrase: PhraseInfo, answers: dict[str, str] | None = None,
             ctx: placeholders.Context | None = None) -> Filled:
    """The phrase filled in for the buyer and case in focus."""
    return placeholders.fill(phrase.body, ctx if ctx is not None else current.context(), answers,
                             localised=chinese_ui())


def filled(phrase: PhraseInfo, parent: QWidget | None = None) -> str | None:
    """The phrase filled in for the selected buyer; what the data does not
    give is asked for. None when the user cancelled the questions."""
    ctx = current.context()
    result = fill_for(phrase, ctx=ctx)
    if result.missing:
        answers = PromptDialog.ask(parent, list(result.missing))
        if answers is None:
            return None
        result = fill_for(phrase, answers, ctx)
        if not result.complete:
            return None
    return result.text


def put_on_clipboard(phrase: PhraseInfo, text: str) -> None:
    """The text (and the phrase's picture) on the clipboard, and the use counted."""
    data = QMimeData()
    data.setText(text)
    if phrase.image_path is not None:
        image = QImage(str(phrase.image_path))
        if not image.isNull():  # a picture gone from the store still sends the text
            data.setImageData(image)
    QGuiApplication.clipboard().setMimeData(data)
    service.record_use(phrase.id)


def copy_phrase(phrase: PhraseInfo, parent: QWidget | None = None) -> str | None:
    """Fill the phrase, put it on the clipboard and count the use; returns
    the text copied, or None when the user cancelled."""
    text = filled(phrase, parent)
    if text is None:
        return None
    put_on_clipboard(phrase, text)
    return text


def chinese_ui() -> bool:
    """True when the UI speaks Chinese: placeholders are shown and inserted by
    their Chinese alias ({昵称}) and dates written 2024年5月1日."""
    return QLocale().language() == QLocale.Language.Chinese
