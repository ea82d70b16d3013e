"""Team mode in the app: opening a shop on a server at start, and Settings > Team.

Loaded only when it is needed: at start when the data folder says team mode
(team.json), and when the Settings dialog is opened. psycopg2 comes with
desk/core/server.py, and only on a server's shop.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desk.core import team
from desk.core.errors import UserError
from desk.core.paths import DataDir
from desk.ui.errors import ERROR_STYLE, report, user_message
from desk.ui.worker import run_task

log = logging.getLogger(__name__)


# -- start: the shop on its server -------------------------------------------------------------

def ask_retry(error: UserError) -> bool:
    """The server does not answer at start: try again (True) or quit."""
    box = QMessageBox(QMessageBox.Icon.Warning, QCoreApplication.translate("Team", "ShopDesk"),
                      QCoreApplication.translate("Team", "ShopDesk cannot open the shop on its server.")
                      + "\n\n" + user_message(error))
    box.setObjectName("serverProblem")
    retry = box.addButton(QCoreApplication.translate("Team", "&Try again"), QMessageBox.ButtonRole.AcceptRole)
    box.addButton(QCoreApplication.translate("Team", "&Quit"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(retry)
    box.exec()
    return box.clickedButton() is retry


def open_team_shop(data: DataDir, ask: Callable[[UserError], bool] = ask_retry):
    """Connect to the data folder's server and listen to the other seats;
    asks `ask` to try again while the server does not answer. The database,
    or None when the user chose to quit."""
    from desk.core import live, server

    while True:
        try:
            setup = team.load(data)
            secret = team.password(setup)
            database = server.connect(setup.address, secret, data.root)
            # this seat's folder: its backups (the one before an import), seat.json, photos
            database.data_root = data.root
        except UserError as e:
            log.warning("the shop's server did not answer at start: %s", e)
            if not ask(e):
                return None
            continue
        live.start(setup.address, secret)
        log.info("team mode: the shop is on %s", setup.address)
        return database


def close_team_shop() -> None:
    from desk.core import live

    live.stop()


# -- Settings > Team ------------------------------------------------------------------------------

class TeamPage(QWidget):
    """Which engine the shop is on, the server and whether it answers; on a
    local shop, making or joining a shop on a server."""

    def __init__(self, data: DataDir | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("teamPage")
        self.data = data
        self.mode = self._value("teamMode")
        self.server = self._value("teamServer")
        self.database = self._value("teamDatabase")
        self.user = self._value("teamUser")
        self.schema = self._value("teamSchema")
        self.state = self._value("teamState")
        facts = QFormLayout()
        facts.addRow(self.tr("Mode:"), self.mode)
        facts.addRow(self.tr("Server:"), self.server)
        facts.addRow(self.tr("Database:"), self.database)
        facts.addRow(self.tr("User:"), self.user)
        facts.addRow(self.tr("Schema version:"), self.schema)
        facts.addRow(self.tr("Connection:"), self.state)

        self.setup_box = QGroupBox(self.tr("Work as a team on a PostgreSQL server"))
        self.setup_box.setObjectName("teamSetup")
        self.url = QLineEdit()
        self.url.setObjectName("teamUrl")
        self.url.setPlaceholderText("postgresql://user@host:5432/shop")
        self.password = QLineEdit()
        self.password.setObjectName("teamPassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(self.tr("Kept in the system's keyring, never in the data folder"))
        self.init_button = QPushButton(self.tr("&Make a new team shop"))
        self.init_button.setObjectName("teamInit")
        self.init_button.setToolTip(self.tr("Create the shop in an empty database on the server"))
        self.join_button = QPushButton(self.tr("&Join a team shop"))
        self.join_button.setObjectName("teamJoin")
        self.join_button.setToolTip(self.tr("Work with a shop another seat made on the server"))
        for button, action in ((self.init_button, team.init), (self.join_button, team.join)):
            button.setAutoDefault(False)
            button.clicked.connect(lambda _=False, a=action: self._set_up(a))
        form = QFormLayout()
        form.addRow(self.tr("Server &address:"), self.url)
        form.addRow(self.tr("&Password:"), self.password)
        buttons = QHBoxLayout()
        buttons.addWidget(self.init_button)
        buttons.addWidget(self.join_button)
        buttons.addStretch(1)
        hint = QLabel(self.tr(
            "Each seat keeps its own data folder; the customers, cases and phrases are on the "
            "server, and every seat sees the others' changes within a second. Making a team shop "
            "needs an empty data folder (no customers yet)."))
        hint.setWordWrap(True)
        hint.setEnabled(False)
        box = QVBoxLayout(self.setup_box)
        box.addLayout(form)
        box.addLayout(buttons)
        box.addWidget(hint)
        self.message = QLabel()
        self.message.setObjectName("teamMessage")
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message.hide()
        layout = QVBoxLayout(self)
        layout.addLayout(facts)
        layout.addWidget(self.setup_box)
        layout.addWidget(self.message)
        layout.addStretch(1)
        self.busy = False
        self.refresh()

    def _value(self, name: str) -> QLabel:
        label = QLabel()
        label.setObjectName(name)
        label.setWordWrap(True)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        return label

    def refresh(self) -> None:
        """Show what the data folder says now; ask the server for the rest in a worker."""
        if self.data is None:
            return
        try:
            setup = team.load(self.data)
        except UserError as e:
            self._say(user_message(e), error=True)
            return
        if setup is None:
            self.mode.setText(self.tr("Local: the shop is on this computer"))
            for label in (self.server, self.database, self.user):
                label.setText(self.tr("—"))
            self.state.setText(self.tr("Not needed"))
            self.schema.setText(self.tr("checking…"))
            self.setup_box.setVisible(True)
        else:
            a = setup.address
            self.mode.setText(self.tr("Team: the shop is on a PostgreSQL server"))
            where = a.host if not a.host.startswith("/") else self.tr("socket {folder}").format(folder=a.host)
            self.server.setText(f"{where}:{a.port}")
            self.database.setText(a.dbname)
            self.user.setText(a.user)
            self.schema.setText(self.tr("checking…"))
            self.state.setText(self._listener_state())
            self.setup_box.setVisible(False)
        self.busy = True
        run_task(team.status, self.data, on_success=self._show_status, on_error=self._status_failed)

    def _listener_state(self) -> str:
        from desk.core import live

        listener = live.current()
        if listener is None:
            return self.tr("Not connected (restart ShopDesk to open the team shop)")
        if listener.state == "listening":
            return self.tr("Connected; other seats' changes show here live")
        if listener.state == "reconnecting":
            return self.tr("The server does not answer; trying again ({reason})").format(
                reason=listener.problem)
        return self.tr("Connecting…")

    def _show_status(self, status: team.Status) -> None:
        self.busy = False
        if status.schema_version is None:
            self.schema.setText(self.tr("unknown"))
        elif status.mode == "server" and status.server_version:
            self.schema.setText(self.tr("{schema} (PostgreSQL {server})").format(
                schema=status.schema_version, server=status.server_version))
        else:
            self.schema.setText(str(status.schema_version))
        if status.problem:
            self.state.setText(self.tr("The server does not answer: {problem}").format(
                problem=status.problem))

    def _status_failed(self, error: BaseException) -> None:
        self.busy = False
        if not isinstance(error, UserError):
            report(error, self)
            return
        self.schema.setText(self.tr("unknown"))
        self._say(user_message(error), error=True)

    def _say(self, text: str, error: bool = False) -> None:
        self.message.setStyleSheet(ERROR_STYLE if error else "")
        self.message.setText(text)
        self.message.show()

    def _set_up(self, action) -> None:
        url = self.url.text().strip()
        if not url:
            self._say(self.tr("Give the server's address, e.g. postgresql://user@host:5432/shop."),
                      error=True)
            return
        secret = self.password.text()
        if secret:
            url = _with_password(url, secret)
        self.init_button.setEnabled(False)
        self.join_button.setEnabled(False)
        self.busy = True
        self._say(self.tr("Connecting to the server…"))
        run_task(action, self.data, url, on_success=self._set_up_done, on_error=self._set_up_failed)

    def _set_up_done(self, setup: team.TeamSetup) -> None:
        self.busy = False
        self.password.clear()
        self.init_button.setEnabled(True)
        self.join_button.setEnabled(True)
        self.refresh()
        self._say(self.tr("This data folder now works with the shop on {server}. Restart ShopDesk "
                          "to open it.").format(server=str(setup.address)))

    def _set_up_failed(self, error: BaseException) -> None:
        self.busy = False
        self.init_button.setEnabled(True)
        self.join_button.setEnabled(True)
        if not isinstance(error, UserError):
            report(error, self)
            return
        self._say(user_message(error), error=True)


def _with_password(url: str, secret: str) -> str:
    """The URL with the password given in its own field (it replaces one in the URL)."""
    from urllib.parse import quote

    head, sep, rest = url.partition("://")
    if not sep:
        return url  # not a URL: parse_url says so in words
    userinfo, at, hostpart = rest.partition("@")
    if not at:
        return url
    user = userinfo.split(":", 1)[0]
    return f"{head}://{user}:{quote(secret, safe='')}@{hostpart}"
