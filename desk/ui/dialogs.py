"""The app-wide dialogs: settings, first run, about, and backup."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QFrame,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desk import __version__
from desk.core import settings
from desk.core.platforms import PLATFORMS
from desk.ui import labels
from desk.ui.ask import AskDialog, InlineError


class SettingsDialog(AskDialog):
    """Edits the options of the settings registry; nothing is saved until OK."""

    def open_backups(self) -> None:
        """Settings > Backups: the same list as File > Backups…."""
        window = self.parentWidget()
        if window is not None and hasattr(window, "open_backups"):
            window.open_backups()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("settingsDialog")
        self.setWindowTitle(self.tr("Settings"))
        self.setMinimumWidth(460)
        form = QFormLayout()
        self.shop_name = QLineEdit(settings.get("shop_name"))
        self.shop_name.setObjectName("settingShopName")
        self.shop_name.setMaxLength(200)
        self.shop_name.setPlaceholderText(self.tr("Used in quick replies as {shop_name}"))
        self.handler = QLineEdit(settings.get("handler"))
        self.handler.setObjectName("settingHandler")
        self.handler.setMaxLength(200)
        self.handler.setPlaceholderText(self.tr("Your staff name, e.g. 小王"))
        self.handler.setToolTip(self.tr(
            "Recorded as the handler of the cases you change, as who wrote notes, follow-ups and "
            "case remarks, and shown to a colleague whose save meets a change of yours"))
        self.platform = QComboBox()
        self.platform.setObjectName("settingDefaultPlatform")
        names = labels.platforms()
        for code in PLATFORMS:
            self.platform.addItem(names[code], code)
        self.platform.setCurrentIndex(PLATFORMS.index(settings.get("default_platform")))
        self.language = QComboBox()
        self.language.setObjectName("settingLanguage")
        for code, name in labels.languages().items():
            self.language.addItem(name, code)
        self.language.setCurrentIndex(self.language.findData(settings.get("language")))
        self.mask_phones = QCheckBox(self.tr("Show phone numbers as 138****1234"))
        self.mask_phones.setObjectName("settingMaskPhones")
        self.mask_phones.setChecked(settings.get("mask_phones"))
        self.warn_hours = self._spin("deadline_warn_hours")
        self.backup_hours = self._spin("backup_every_hours")
        form.addRow(self.tr("Shop name:"), self.shop_name)
        form.addRow(self.tr("Your name (staff):"), self.handler)
        form.addRow(self.tr("Default platform:"), self.platform)
        form.addRow(self.tr("Language:"), self.language)
        form.addRow("", self.mask_phones)
        form.addRow(self.tr("Warn this many hours before a deadline:"), self.warn_hours)
        form.addRow(self.tr("Back up while running every (hours):"), self.backup_hours)
        self.backups_button = QPushButton(self.tr("&Backups…"))
        self.backups_button.setObjectName("settingBackups")
        self.backups_button.setAutoDefault(False)
        self.backups_button.setToolTip(self.tr("List the backups and restore one"))
        self.backups_button.clicked.connect(self.open_backups)
        form.addRow("", self.backups_button)
        self.note = QLabel(self.tr("A new language takes effect when ShopDesk next starts."))
        self.note.setWordWrap(True)
        self.note.setEnabled(False)
        self.error = InlineError("settingsError", wrap=False)
        buttons = self.add_buttons()
        general = QWidget()
        general_layout = QVBoxLayout(general)
        general_layout.addLayout(form)
        general_layout.addWidget(self.note)
        general_layout.addStretch(1)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("settingsTabs")
        self.tabs.addTab(general, self.tr("General"))
        from desk.ui.team import TeamPage

        window = parent if hasattr(parent, "detach_pages") else None  # the main window
        self.team = TeamPage(getattr(parent, "data", None), main_window=window)
        self.team.switched.connect(lambda _mode: self.reload_values())
        self.team.refreshed.connect(self.fit_to_tab)
        # the Team tab's wrapped paragraphs are taller in Chinese and on a
        # narrow window: it scrolls rather than squeezing its rows
        self.team_scroll = QScrollArea()
        self.team_scroll.setObjectName("settingsTeamScroll")
        self.team_scroll.setWidgetResizable(True)
        self.team_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.team_scroll.setWidget(self.team)
        self.tabs.addTab(self.team_scroll, self.tr("Team"))
        self.tabs.currentChanged.connect(lambda _index: self.fit_to_tab())
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def fit_to_tab(self) -> None:
        """Grow to show the Team tab whole (its wrapped text at the tab's
        width), as far as the screen allows; beyond that the tab scrolls."""
        if self.tabs.currentWidget() is not self.team_scroll or not self.isVisible():
            return
        viewport = self.team_scroll.viewport()
        layout = self.team.layout()
        width = viewport.width()
        wanted = (layout.totalHeightForWidth(width) if layout is not None and layout.hasHeightForWidth()
                  else self.team.sizeHint().height())
        missing = wanted - viewport.height()
        if missing <= 0:
            return
        room = self.screen().availableGeometry().height() - self.frameGeometry().height()
        grow = min(missing, max(0, room))
        if grow > 0:
            self.resize(self.width(), self.height() + grow)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.fit_to_tab()

    def reload_values(self) -> None:
        """The General tab read again: another shop was opened (Settings >
        Team), whose settings OK must not overwrite with the old shop's."""
        self.shop_name.setText(settings.get("shop_name"))
        self.handler.setText(settings.get("handler"))
        self.platform.setCurrentIndex(PLATFORMS.index(settings.get("default_platform")))
        self.language.setCurrentIndex(self.language.findData(settings.get("language")))
        self.mask_phones.setChecked(settings.get("mask_phones"))
        self.warn_hours.setValue(settings.get("deadline_warn_hours"))
        self.backup_hours.setValue(settings.get("backup_every_hours"))

    def _spin(self, name: str) -> QSpinBox:
        option = settings.OPTIONS[name]
        spin = QSpinBox()
        spin.setObjectName(f"setting_{name}")
        spin.setRange(option.minimum, option.maximum)
        spin.setValue(settings.get(name))
        return spin

    def values(self) -> dict:
        return {
            "shop_name": self.shop_name.text(),
            "handler": self.handler.text(),
            "default_platform": self.platform.currentData(),
            "language": self.language.currentData(),
            "mask_phones": self.mask_phones.isChecked(),
            "deadline_warn_hours": self.warn_hours.value(),
            "backup_every_hours": self.backup_hours.value(),
        }

    def validate(self) -> bool:
        settings.set_many(self.values())
        return True

    def answer(self) -> bool:
        return True

    @classmethod
    def ask(cls, parent: QWidget | None = None) -> bool:
        """True when the user saved new settings."""
        return bool(cls(parent).run_modal())


class FirstRunDialog(AskDialog):
    """Shown on an empty data folder: the shop's name and who is at the desk,
    then start empty, load demo data, or import orders. The names are saved
    with the choice (Settings changes them later)."""

    EMPTY, DEMO, IMPORT = "empty", "demo", "import"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("firstRunDialog")
        self.setWindowTitle(self.tr("Welcome to ShopDesk"))
        self.choice: str | None = None
        intro = QLabel(self.tr(
            "<h3>Welcome to ShopDesk</h3>"
            "<p>Your customer file, after-sales cases and quick replies, in one place.</p>"))
        intro.setWordWrap(True)
        self.shop_name = QLineEdit(settings.get("shop_name"))
        self.shop_name.setObjectName("firstRunShopName")
        self.shop_name.setMaxLength(200)
        self.shop_name.setPlaceholderText(self.tr("As buyers see it, e.g. 暖暖小铺"))
        self.shop_name.setToolTip(self.tr("Quick replies fill it in where a phrase says {shop_name}"))
        self.handler = QLineEdit(settings.get("handler"))
        self.handler.setObjectName("firstRunHandler")
        self.handler.setMaxLength(200)
        self.handler.setPlaceholderText(self.tr("Recorded on the cases, notes and follow-ups you write"))
        form = QFormLayout()
        form.addRow(self.tr("&Shop name:"), self.shop_name)
        form.addRow(self.tr("&Your name:"), self.handler)
        later = QLabel(self.tr("Both can be changed later in Settings."))
        later.setEnabled(False)
        self.error = InlineError("firstRunError")
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(later)
        layout.addWidget(self.error)
        layout.addWidget(QLabel(self.tr("How would you like to begin?")))
        for key, text, hint in (
            (self.EMPTY, self.tr("Start empty"), self.tr("Add buyers and cases as they come.")),
            (self.DEMO, self.tr("Load demo data"),
             self.tr("A made-up shop with 2,000 buyers to try everything out.")),
            (self.IMPORT, self.tr("Import an order export…"),
             self.tr("Fill the customer file from the orders you download from the seller centre.")),
        ):
            button = QPushButton(text)
            button.setObjectName(f"firstRun_{key}")
            button.setToolTip(hint)
            button.setMinimumHeight(36)
            button.setAutoDefault(False)
            button.clicked.connect(lambda _=False, k=key: self._choose(k))
            layout.addWidget(button)
            small = QLabel(hint)
            small.setEnabled(False)
            small.setIndent(8)
            layout.addWidget(small)
        self.shop_name.setFocus()

    def _choose(self, key: str) -> None:
        self.choice = key
        self.accept()

    def validate(self) -> bool:
        settings.set_many({"shop_name": self.shop_name.text(), "handler": self.handler.text()})
        return True

    def answer(self) -> str | None:
        return self.choice

    @classmethod
    def ask(cls, parent: QWidget | None = None) -> str | None:
        return cls(parent).run_modal()


class AboutBox(QMessageBox):
    def __init__(self, parent: QWidget | None = None) -> None:
        from PySide6 import __version__ as pyside_version

        super().__init__(parent)
        self.setObjectName("aboutDialog")
        self.setWindowTitle(self.tr("About ShopDesk"))
        self.setTextFormat(Qt.TextFormat.RichText)
        self.setText(self.tr(
            "<h3>ShopDesk {version}</h3>"
            "<p>Customer file, after-sales register and quick replies for a small online shop.</p>"
            "<p>Qt for Python {qt}</p>"
        ).format(version=__version__, qt=pyside_version))
        self.setStandardButtons(QMessageBox.StandardButton.Ok)
