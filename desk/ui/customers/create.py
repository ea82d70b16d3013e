"""A new customer: platform, nickname and the few details known at first contact."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from desk.core import settings
from desk.core.customers import service
from desk.ui import labels, undo
from desk.ui.ask import AskDialog, InlineError


class NewCustomerDialog(AskDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("newCustomerDialog")
        self.setWindowTitle(self.tr("New customer"))
        self.created: int | None = None
        self.platform = QComboBox()
        self.platform.setObjectName("newPlatform")
        for code, name in labels.platforms().items():
            self.platform.addItem(name, code)
        self.platform.setCurrentIndex(max(0, self.platform.findData(settings.get("default_platform"))))
        self.nickname = self._line("newNickname", self.tr("The buyer's name on the platform"))
        self.phone = self._line("newPhone", self.tr("Mobile or landline, optional"))
        self.real_name = self._line("newRealName", self.tr("Optional"))
        self.error = InlineError("newCustomerError")
        form = QFormLayout()
        form.addRow(self.tr("&Platform"), self.platform)
        form.addRow(self.tr("&Nickname"), self.nickname)
        form.addRow(self.tr("P&hone"), self.phone)
        form.addRow(self.tr("&Real name"), self.real_name)
        buttons = self.add_buttons()
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.nickname.setFocus()

    def _line(self, name: str, hint: str) -> QLineEdit:
        line = QLineEdit()
        line.setObjectName(name)
        line.setPlaceholderText(hint)
        line.setMaxLength(600)  # the service says what the real limit is
        return line

    def validate(self) -> bool:
        values = dict(platform=self.platform.currentData(), nickname=self.nickname.text(),
                      phone=self.phone.text(), real_name=self.real_name.text())
        made: list[int] = []

        def create() -> int:
            made.append(service.create(**values))
            return made[0]

        def again() -> int:  # redo: the undone customer comes back from the trash
            service.restore(made)
            return made[0]

        self.created = undo.perform(self.tr("New customer"), create,
                                    undo=lambda cid: service.move_to_trash([cid]), redo=again)
        return True

    def answer(self) -> int | None:
        return self.created

    @classmethod
    def ask(cls, parent: QWidget | None) -> int | None:
        """The new customer's id, or None when cancelled."""
        return cls(parent).run_modal()
