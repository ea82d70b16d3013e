"""A new tag from the customer dialog's tag field: its name and which category it goes in."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from desk.core.customers import service
from desk.core.errors import UserError
from desk.ui.errors import ERROR_STYLE, user_message


class NewTagDialog(QDialog):
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
        self.error = QLabel()
        self.error.setObjectName("newTagError")
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        self.error.hide()
        form = QFormLayout()
        form.addRow(self.tr("&Name:"), self.name)
        form.addRow(self.tr("&Category:"), self.category)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setObjectName("newTagOk")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.category.setFocus()  # the name is usually right as typed

    def accept(self) -> None:
        if self.category.currentIndex() < 0:
            self.error.setText(self.tr("There is no tag category to put the tag in."))
            self.error.show()
            return
        try:
            self._save(self.name.text(), self.category.currentData())
        except UserError as e:
            self.error.setText(user_message(e))
            self.error.show()
            return
        super().accept()

    @classmethod
    def ask(cls, parent: QWidget | None, name: str,
            save: Callable[[str, int], object]) -> tuple[str, int] | None:
        """Offer to create tag `name`; `save(name, category_id)` runs on OK.
        Returns (name, category id) as saved, or None when cancelled."""
        dialog = cls(name, save, parent)
        try:
            if dialog.exec() == QDialog.DialogCode.Accepted:
                return dialog.name.text(), dialog.category.currentData()
            return None
        finally:
            dialog.deleteLater()
