"""Sending a phrase: ask for its prompted fields, fill it for the selected
buyer, put it (and its picture) on the clipboard and count the use."""

from __future__ import annotations

from PySide6.QtCore import QLocale, QMimeData
from PySide6.QtGui import QGuiApplication, QImage
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from desk.core.replies import placeholders, service
from desk.core.replies.service import PhraseInfo
from desk.ui.replies import current


class PromptDialog(QDialog):
    """One line per prompted field ({?优惠金额}); Tab between them, Enter sends."""

    def __init__(self, labels: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("replyPromptDialog")
        self.setWindowTitle(self.tr("Fill in the phrase"))
        form = QFormLayout()
        self.fields: dict[str, QLineEdit] = {}
        for n, label in enumerate(labels):
            field = QLineEdit()
            field.setObjectName(f"replyPrompt_{n}")
            field.setMaxLength(500)
            form.addRow(QLabel(label + "："), field)
            self.fields[label] = field
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def answers(self) -> dict[str, str]:
        return {label: field.text().strip() for label, field in self.fields.items()}

    @classmethod
    def ask(cls, parent: QWidget | None, labels: list[str]) -> dict[str, str] | None:
        dialog = cls(labels, parent)
        return dialog.answers() if dialog.exec() == QDialog.DialogCode.Accepted else None


def filled(phrase: PhraseInfo, parent: QWidget | None = None) -> str | None:
    """The phrase filled in for the selected buyer; None when the user
    cancelled the questions of its prompted fields."""
    answers: dict[str, str] = {}
    labels = placeholders.prompts(phrase.body)
    if labels:
        answers = PromptDialog.ask(parent, labels)
        if answers is None:
            return None
    return placeholders.render(phrase.body, current.context(), answers, localised=chinese_ui())


def copy_phrase(phrase: PhraseInfo, parent: QWidget | None = None) -> str | None:
    """Fill the phrase, put it on the clipboard and count the use; returns
    the text copied, or None when the user cancelled."""
    text = filled(phrase, parent)
    if text is None:
        return None
    data = QMimeData()
    data.setText(text)
    if phrase.image_path is not None:
        image = QImage(str(phrase.image_path))
        if not image.isNull():  # a picture gone from the store still sends the text
            data.setImageData(image)
    QGuiApplication.clipboard().setMimeData(data)
    service.record_use(phrase.id)
    return text


def chinese_ui() -> bool:
    """True when the UI speaks Chinese: placeholders are shown and inserted by
    their Chinese alias ({昵称}) and dates written 2024年5月1日."""
    return QLocale().language() == QLocale.Language.Chinese
