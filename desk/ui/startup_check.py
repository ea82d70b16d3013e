"""Start-up with a damaged database: the file has been moved aside (kept);
the user restores the newest good backup, opens the data folder, or quits.
Nothing opens (and so creates) a database until the user has chosen."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desk.core import backup, db, restore
from desk.core.errors import UserError
from desk.core.paths import DataDir
from desk.ui import fmt
from desk.ui.ask import AskDialog
from desk.ui.errors import show_user_error, user_message


class DamagedDatabaseDialog(AskDialog):
    RESTORE, FOLDER, EMPTY, QUIT = "restore", "folder", "empty", "quit"

    def __init__(self, check: restore.StartupCheck, data: DataDir, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.choice = self.QUIT
        self.setObjectName("damagedDatabaseDialog")
        self.setMinimumWidth(520)
        found = check.problems[0] if check.problems else ""
        if found in (db.FILE_EMPTY, db.FILE_NOT_OURS):
            self.setWindowTitle(self.tr("ShopDesk: no shop data in the database"))
            what = self.tr("the file is empty") if found == db.FILE_EMPTY else \
                self.tr("the file belongs to another program")
            text = self.tr(
                "ShopDesk checks its database when it starts, and this time it found no shop data in "
                "it: {what} (a copy that did not finish, a sync tool, or a file replaced by mistake?). "
                "ShopDesk does not start an empty shop in its place.\n\n"
                "Nothing was deleted: the file was moved aside as\n{kept}").format(
                what=what, kept=str(check.kept_at))
        else:
            self.setWindowTitle(self.tr("ShopDesk: the database is damaged"))
            text = self.tr(
                "ShopDesk checks its database when it starts, and this time the check failed: the file "
                "is damaged (a power cut, a failing disk, or a copy that did not finish?).\n\n"
                "Nothing was deleted: the damaged file was moved aside as\n{kept}").format(
                kept=str(check.kept_at))
        good = check.newest_good
        if good is not None:
            text += "\n\n" + self.tr("The newest good backup is from {when}. Changes made after it are "
                                     "not in it.").format(when=fmt.when(int(good.taken_at.timestamp())))
        else:
            text += "\n\n" + self.tr("There is no good backup in {folder}.").format(folder=str(data.backups))
        self.message = QLabel(text)
        self.message.setObjectName("damagedMessage")
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        buttons = QHBoxLayout()
        self.restore_button = self._button("restoreNewestButton", self.tr("&Restore the newest good backup"),
                                           self.RESTORE, buttons)
        self.restore_button.setVisible(good is not None)
        self.empty_button = self._button("startEmptyButton", self.tr("Start with an &empty database"),
                                         self.EMPTY, buttons)
        self.empty_button.setVisible(good is None)
        self._button("openFolderButton", self.tr("Open the data &folder"), self.FOLDER, buttons)
        buttons.addStretch(1)
        self._button("quitButton", self.tr("&Quit"), self.QUIT, buttons)
        (self.restore_button if good is not None else self.empty_button).setDefault(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.message)
        layout.addLayout(buttons)

    def _button(self, name: str, text: str, choice: str, row: QHBoxLayout) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(name)
        button.setAutoDefault(False)
        button.clicked.connect(lambda: self._choose(choice))
        row.addWidget(button)
        return button

    def _choose(self, choice: str) -> None:
        self.choice = choice
        self.accept()

    @classmethod
    def ask(cls, check: restore.StartupCheck, data: DataDir, parent: QWidget | None = None) -> str:
        return cls(check, data, parent).run_modal()

    answers_on_close = True

    def answer(self) -> str:
        return self.choice


def check_database_at_startup(data: DataDir, parent: QWidget | None = None,
                              prepare: Callable[[], None] | None = None,
                              check: restore.StartupCheck | None = None) -> bool:
    """Run the start-up check; True when the app may open the database (it was
    sound, is new, or a good backup was restored, or the user chose to start
    empty), False when the user chose to quit. Call it with the writer lock
    held, before db.open_database. `prepare` runs once before a dialog is
    shown (the app installs its translations there: the settings, which name
    the language, are in the database that could not be opened). `check`:
    the result of restore.startup_check when the caller has run it already."""
    check = check or restore.startup_check(data)
    if check.status != "damaged":
        return True
    if prepare is not None:
        prepare()
    while True:
        choice = DamagedDatabaseDialog.ask(check, data, parent)
        if choice == DamagedDatabaseDialog.FOLDER:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(data.root)))
            continue
        if choice == DamagedDatabaseDialog.EMPTY:
            return True
        if choice != DamagedDatabaseDialog.RESTORE or check.newest_good is None:
            return False
        try:
            restore.restore(data, check.newest_good.path)
        except UserError as e:
            show_user_error(parent, user_message(e))
            # offer the next good one, if there is one
            check = restore.StartupCheck(check.status, check.problems, check.kept_at,
                                         backup.newest_good(data, skip=[check.newest_good.path]))
            continue
        QMessageBox.information(parent, QApplication.translate("DamagedDatabaseDialog", "ShopDesk"),
                                QApplication.translate("DamagedDatabaseDialog",
                                                       "The backup was restored. ShopDesk opens it now."))
        return True
