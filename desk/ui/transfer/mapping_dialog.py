"""The column mapping for an order export ShopDesk does not recognise: which
row is the header, which column holds each field, saved as a named preset."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desk.core.errors import UserError
from desk.core.excel import layouts, presets
from desk.ui import labels, screenfit
from desk.ui.ask import AskDialog, InlineError

_SAMPLE_ROWS = 8  # of the file, shown above the choices


class MappingDialog(AskDialog):
    def __init__(self, rows: Sequence[Sequence[str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mappingDialog")
        self.setWindowTitle(self.tr("Choose the columns"))
        self.setMinimumWidth(560)
        self.rows = [list(r) for r in rows]
        intro = QLabel(self.tr("ShopDesk does not know this file's layout. Say which row holds the "
                               "column names and which column holds each field; save the choice as "
                               "a preset to import files like this one directly next time."))
        intro.setWordWrap(True)
        self.sample = QTableWidget(0, 0)
        self.sample.setObjectName("mappingSample")
        self.sample.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.sample.setMinimumHeight(150)
        self.sample.setMaximumHeight(200)
        shown = self.rows[:_SAMPLE_ROWS]
        self.sample.setRowCount(len(shown))
        self.sample.setColumnCount(max((len(r) for r in shown), default=0))
        for i, row in enumerate(shown):
            for j, text in enumerate(row):
                self.sample.setItem(i, j, QTableWidgetItem(text))
        self.preset = QComboBox()
        self.preset.setObjectName("mappingPreset")
        self.preset.addItem(self.tr("(none)"), "")
        for p in presets.all_presets():
            self.preset.addItem(p.name, p.name)
        self.header_row = QSpinBox()
        self.header_row.setObjectName("mappingHeaderRow")
        self.header_row.setRange(1, max(1, len(self.rows)))
        self.header_row.setValue(_likely_header(self.rows) + 1)
        self.platform = QComboBox()
        self.platform.setObjectName("mappingPlatform")
        names = labels.platforms()
        for code in layouts.IMPORT_PLATFORMS:
            self.platform.addItem(names.get(code, code), code)
        self.fields: dict[str, QComboBox] = {}
        form = QFormLayout()
        form.addRow(self.tr("&Preset:"), self.preset)
        form.addRow(self.tr("&Header row:"), self.header_row)
        form.addRow(self.tr("P&latform:"), self.platform)
        for field, english in layouts.FIELD_LABELS.items():
            box = QComboBox()
            box.setObjectName(f"mappingField_{field}")
            self.fields[field] = box
            label = QCoreApplication.translate("ImportField", english)
            required = field in layouts.REQUIRED or field == "nickname"
            form.addRow(f"{label} *:" if required else f"{label}:", box)
        self.name = QLineEdit()
        self.name.setObjectName("mappingPresetName")
        self.name.setPlaceholderText(self.tr("Name, to save as a preset (optional)"))
        form.addRow(self.tr("&Save as:"), self.name)
        self.error = InlineError("mappingError")
        buttons = self.add_buttons()
        buttons.setObjectName("mappingButtons")
        # the sample and the long list of fields scroll; OK and Cancel stay on screen
        body = QWidget()
        column = QVBoxLayout(body)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(intro)
        column.addWidget(self.sample)
        column.addLayout(form)
        column.addWidget(self.error)
        layout = QVBoxLayout(self)
        layout.addWidget(screenfit.scrolling(body, "mappingScroll"), 1)
        layout.addWidget(buttons)
        screenfit.first_size(self, 640, 840)
        self.header_row.valueChanged.connect(lambda _: self._fill_columns({}))
        self.preset.currentIndexChanged.connect(self._preset_chosen)
        self._fill_columns({})

    def header_names(self) -> list[str]:
        index = self.header_row.value() - 1
        return [c for c in self.rows[index] if c] if index < len(self.rows) else []

    def _fill_columns(self, chosen: Mapping[str, str]) -> None:
        names = self.header_names()
        guessed = layouts.match_columns(names)
        for field, box in self.fields.items():
            box.clear()
            box.addItem(self.tr("— not in the file —"), "")
            for name in names:
                box.addItem(name, name)
            want = chosen.get(field) or (names[guessed[field]] if field in guessed else "")
            box.setCurrentIndex(max(0, box.findData(want)))

    def _preset_chosen(self) -> None:
        name = self.preset.currentData()
        if not name:
            return
        preset = presets.get(name)
        wanted = {layouts.normalize(c) for c in preset.columns.values()}
        for i, row in enumerate(self.rows):
            if wanted <= {layouts.normalize(c) for c in row}:
                self.header_row.setValue(i + 1)
                break
        self.platform.setCurrentIndex(max(0, self.platform.findData(preset.platform)))
        self._fill_columns(preset.columns)
        self.name.setText(preset.name)

    def mapping(self) -> dict[str, str]:
        return {field: box.currentData() for field, box in self.fields.items() if box.currentData()}

    def validate(self) -> bool:
        mapping = self.mapping()
        if self.name.text().strip():
            presets.save(self.name.text(), self.platform.currentData(), mapping)
        elif not (all(f in mapping for f in layouts.REQUIRED)
                  and any(f in mapping for f in layouts.BUYER)):
            raise UserError(layouts.INCOMPLETE)
        return True

    def answer(self) -> tuple[str, dict]:
        return self.platform.currentData(), self.mapping()

    @classmethod
    def ask(cls, parent: QWidget | None, rows: Sequence[Sequence[str]]) -> tuple[str, dict] | None:
        """(platform, field -> column name), or None when cancelled."""
        return cls(rows, parent).run_modal()


def _likely_header(rows: Sequence[Sequence[str]]) -> int:
    """The first row with three or more filled cells (title rows have one or two)."""
    for i, row in enumerate(rows):
        if sum(1 for c in row if c) >= 3:
            return i
    return 0
