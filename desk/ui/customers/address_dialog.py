"""The editor for one shipping address: receiver, phone, province, city, district, street."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QCheckBox,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from desk.ui.ask import AskDialog, InlineError

FIELDS = ("receiver", "phone", "province", "city", "district", "detail")


class AddressDialog(AskDialog):
    """Collects an address and hands it to `save`; a UserError from `save`
    is shown under the fields and the dialog stays open to fix it."""

    def __init__(self, values: dict | None, save: Callable[[dict], object],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("addressDialog")
        self._save = save
        self._adding = adding = values is None
        self.setWindowTitle(self.tr("New address") if adding else self.tr("Edit address"))
        self.setMinimumWidth(480)
        self.fields: dict[str, QLineEdit] = {}
        for name in FIELDS:
            edit = QLineEdit()
            edit.setObjectName("address" + name.capitalize())
            edit.setText((values or {}).get(name, ""))
            self.fields[name] = edit
        self.fields["phone"].setPlaceholderText(self.tr("13812345678 or 0571-88886666"))
        self.fields["province"].setPlaceholderText(self.tr("Province"))
        self.fields["city"].setPlaceholderText(self.tr("City"))
        self.fields["district"].setPlaceholderText(self.tr("District"))
        self.fields["detail"].setPlaceholderText(self.tr("Street, building, room"))
        self.default = QCheckBox(self.tr("Make this the &default address"))
        self.default.setObjectName("addressDefault")
        # An existing address becomes the default with "Make default" in the list.
        self.default.setVisible(adding)
        self.error = InlineError("addressError")

        place = QHBoxLayout()
        for name in ("province", "city", "district"):
            place.addWidget(self.fields[name])
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self.tr("&Receiver:"), self.fields["receiver"])
        form.addRow(self.tr("&Phone:"), self.fields["phone"])
        form.addRow(self.tr("Pro&vince / city / district:"), place)
        # the buddy of a row whose field is a layout: give the label its first field
        form.labelForField(place).setBuddy(self.fields["province"])
        form.addRow(self.tr("&Street address:"), self.fields["detail"])
        form.addRow(self.default)
        buttons = self.add_buttons()
        buttons.button(QDialogButtonBox.StandardButton.Ok).setObjectName("addressOk")
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setObjectName("addressCancel")
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def values(self) -> dict:
        out: dict = {name: edit.text() for name, edit in self.fields.items()}
        if self._adding:
            out["is_default"] = self.default.isChecked()
        return out

    def validate(self) -> bool:
        self._save(self.values())
        return True

    answer = values

    @classmethod
    def ask(cls, parent: QWidget | None, values: dict | None,
            save: Callable[[dict], object]) -> dict | None:
        """Edit `values` (None: a new address). `save(values)` runs on OK;
        returns the saved values, or None when cancelled."""
        return cls(values, save, parent).run_modal()
