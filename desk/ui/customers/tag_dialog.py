"""A new tag from the customer dialog's tag field: its name and which category it goes in."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from desk.core.customers import service
from desk.ui.ask import AskDialog, Buttons, InlineError


class NewTagDialog(AskDialog):
    """Collects a name and a category and hands them to `save`; a UserError
    from `save` (a name taken, too long) is shown and the dialog stays open."""

    def __init__(self, name: str, save: Callable[[str, int], object],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("newTagDialog")
        self.setWindowTitle(self.tr("New tag"))
        self.setMinimumWidth(360)
        self._save = save
        self.name = QLineEdit(name)
        self.name.setObjectName("newTagName")
        self.category = QComboBox()
        self.category.setObjectName("newTagCategory")
        for category in service.tag_categories():
            self.category.addItem(category.name, category.id)
        self.error = InlineError("newTagError")
        form = QFormLayout()
        form.addRow(self.tr("&Name:"), self.name)
        form.addRow(self.tr("&Category:"), self.category)
        buttons = self.add_buttons()
        buttons.button(Buttons.Ok).setObjectName("newTagOk")
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.category.setFocus()  # the name is usually right as typed

    def validate(self) -> bool:
        if self.category.currentIndex() < 0:
            self.error.show_message(self.tr("There is no tag category to put the tag in."))
            return False
        self._save(self.name.text(), self.category.currentData())
        return True

    def answer(self) -> tuple[str, int]:
        return self.name.text(), self.category.currentData()

    @classmethod
    def ask(cls, parent: QWidget | None, name: str,
            save: Callable[[str, int], object]) -> tuple[str, int] | None:
        """Offer to create tag `name`; `save(name, category_id)` runs on OK.
        Returns (name, category id) as saved, or None when cancelled."""
        return cls(name, save, parent).run_modal()
