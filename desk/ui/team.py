"""Team mode in the app: opening a shop on a server at start, and Settings > Team.

Loaded only when it is needed: at start when the data folder says team mode
(team.json), and when the Settings dialog is opened. psycopg2 comes with
desk/core/server.py, and only on a server's shop.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressDialog,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desk.core import team
from desk.core.errors import Cancelled, UserError
from desk.core.paths import DataDir
from desk.ui import fmt
from desk.ui.ask import InlineError
from desk.ui.errors import ERROR_STYLE, report, user_message
from desk.ui.worker import Task, run_task, wait_all

log = logging.getLogger(__name__)

# the server shop this process has open: (address, password), None for a local shop
_opened: tuple | None = None


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
    while True:
        try:
            setup = team.load(data)
            secret = team.password(setup)
            with team.saying_where_the_password_is(setup, secret):
                database = _connect(data, setup.address, secret)
        except UserError as e:
            log.warning("the shop's server did not answer at start: %s", e)
            if not ask(e):
                return None
            continue
        log.info("team mode: the shop is on %s", setup.address)
        return database


def _connect(data: DataDir, address, secret: str | None):
    """The server's shop bound to every model, this seat's photos and own
    settings in its data folder, the other seats listened to."""
    global _opened
    from desk.core import live, server

    database = server.connect(address, secret, data.root)
    database.data_root = data.root  # photos/ and seat.json (as team.open_shop)
    live.start(address, secret)
    _opened = (address, secret)
    return database


def close_team_shop() -> None:
    global _opened
    from desk.core import live

    live.stop()
    _opened = None


# -- switching the open window to the other shop ------------------------------------------------

def _close_shop() -> None:
    from desk.core import db as core_db

    close_team_shop()
    core_db.close()


def _open_shop(data: DataDir) -> str:
    """Open the data folder's shop as the app does at start (team.json: its
    server, else the local file); "server" or "local"."""
    from desk.core import db as core_db

    setup = team.load(data)
    if setup is not None:
        secret = team.password(setup)
        with team.saying_where_the_password_is(setup, secret):
            _connect(data, setup.address, secret)
        return "server"
    core_db.open_database(data.db_path, data.backups)
    return "local"


def switch_shop(window, change: Callable[[], Any] | None = None) -> str:
    """Close the shop `window` shows and open the data folder's shop (local,
    or on its server) in its place, without a restart: background work
    finished first, the other seats no longer listened to, the pages taken
    out and built again on the new shop, the undo history cleared (a step
    of one shop must never run on another). `change` runs while no shop is
    open (leaving team mode swaps the local shop in). On a failure the shop
    it had is opened again, its pages with it, and the error is raised.
    Returns "server" or "local"."""
    from desk.core import changes
    from desk.core import db as core_db
    from desk.ui import undo
    from desk.ui.backups import ENTITIES

    data = window.data
    previous = _opened
    wait_all(120_000)
    QCoreApplication.sendPostedEvents()  # the last results reach the old shop's pages first
    window.detach_pages()
    _close_shop()
    try:
        if change is not None:
            change()
        mode = _open_shop(data)
    except BaseException:
        _close_shop()
        try:  # the shop it had stays open
            if previous is None:
                core_db.open_database(data.db_path, data.backups)
            else:
                _connect(data, *previous)
        except UserError as again:
            log.error("the shop open before could not be opened again: %s", again)
        window.shop_switched(QCoreApplication.translate("Team", "The shop was not changed."))
        raise
    undo.reset()
    from desk.ui import selection

    selection.reset()
    for entity in ENTITIES:  # what is kept beside the pages (the phrase index, badges) reads again
        changes.announce(entity)
    if mode == "server":
        where = QCoreApplication.translate("Team", "Now working with the shop on the server {server}.")
        text = where.format(server=str(team.load(data).address))
    else:
        text = QCoreApplication.translate("Team", "Now working with the local shop in {folder}.").format(
            folder=str(data.root))
    window.shop_switched(text)
    log.info("the window switched to the %s shop", mode)
    return mode


# -- Settings > Team ------------------------------------------------------------------------------

class _Relay(QObject):
    """Carries a worker's (done, total) to the main thread."""

    progressed = Signal(int, int)


class TeamPage(QWidget):
    """Which engine the shop is on, the server and whether it answers; on a
    local shop, making or joining a shop on a server; on a team folder,
    moving the local shop up, writing the server's shop down as a local one
    and going back to it. With `main_window` (set by the Settings dialog)
    the window switches to the other shop at once (switch_shop)."""

    switched = Signal(str)  # "server" | "local": the window now shows that shop
    refreshed = Signal()  # the server's answers shown: the tab's text may have grown

    def __init__(self, data: DataDir | None, parent: QWidget | None = None,
                 main_window: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("teamPage")
        self.data = data
        self.main_window = main_window
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
        self.open_button = QPushButton(self.tr("&Open the shop on the server in this window"))
        self.open_button.setObjectName("teamOpen")
        self.open_button.setAutoDefault(False)
        self.open_button.clicked.connect(lambda: self._switch())
        opener = QHBoxLayout()
        opener.addWidget(self.open_button)
        opener.addStretch(1)

        # the shop's scheduled backups: which seat takes them, and the last one
        self.backup_box = QGroupBox(self.tr("Backups of the shop on the server"))
        self.backup_box.setObjectName("teamBackups")
        self.takes_backups = QCheckBox(self.tr("This seat takes the shop's scheduled backups"))
        self.takes_backups.setObjectName("teamTakesBackups")
        self.takes_backups.setToolTip(self.tr(
            "When ShopDesk closes and every few hours while it is open, this seat writes a backup of "
            "the shop on the server into its own backups folder, if the shop changed. One seat is "
            "enough: best the one that is open most."))
        self.takes_backups.toggled.connect(self._set_takes_backups)
        self.last_backup = self._value("teamLastBackup")
        backups = QFormLayout(self.backup_box)
        backups.addRow(self.takes_backups)
        backups.addRow(self.tr("Last backup:"), self.last_backup)

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
            "server, and every seat sees the others' changes within a second. A new team shop "
            "can take this computer's shop with it; the local file is kept as it is."))
        hint.setWordWrap(True)
        hint.setEnabled(False)
        box = QVBoxLayout(self.setup_box)
        box.addLayout(form)
        box.addLayout(buttons)
        box.addWidget(hint)

        self.move_box = QGroupBox(self.tr("This computer's shop"))
        self.move_box.setObjectName("teamMoveBox")
        self.move_text = QLabel()
        self.move_text.setObjectName("teamMoveText")
        self.move_text.setWordWrap(True)
        self.move_button = QPushButton(self.tr("Mo&ve this shop to the server…"))
        self.move_button.setObjectName("teamMove")
        self.move_button.setAutoDefault(False)
        self.move_button.clicked.connect(self.offer_move)
        row = QHBoxLayout()
        row.addWidget(self.move_button)
        row.addStretch(1)
        box = QVBoxLayout(self.move_box)
        box.addWidget(self.move_text)
        box.addLayout(row)

        self.leave_box = QGroupBox(self.tr("A local copy, or back to working alone"))
        self.leave_box.setObjectName("teamLeaveBox")
        leave_text = QLabel(self.tr(
            "Writes the shop on the server, with its photos, as a local shop in this data folder "
            "(or where you choose). This seat can then go back to working alone on it; the shop "
            "on the server stays as it is for the other seats."))
        leave_text.setWordWrap(True)
        self.export_button = QPushButton(self.tr("Make a &local copy / leave team mode…"))
        self.export_button.setObjectName("teamExport")
        self.export_button.setAutoDefault(False)
        self.export_button.clicked.connect(self.offer_export)
        row = QHBoxLayout()
        row.addWidget(self.export_button)
        row.addStretch(1)
        box = QVBoxLayout(self.leave_box)
        box.addWidget(leave_text)
        box.addLayout(row)

        self.message = QLabel()
        self.message.setObjectName("teamMessage")
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message.hide()
        self.error = InlineError("teamError")
        self.error.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QVBoxLayout(self)
        layout.addLayout(facts)
        layout.addLayout(opener)
        layout.addWidget(self.backup_box)
        layout.addWidget(self.setup_box)
        layout.addWidget(self.move_box)
        layout.addWidget(self.leave_box)
        layout.addWidget(self.message)
        layout.addWidget(self.error)
        layout.addStretch(1)
        self.busy = False
        self.progress: QProgressDialog | None = None
        self.task: Task | None = None
        self.summary = None  # the local shop's team_move.LocalSummary, when there is one
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
        self.summary = self._local_summary()
        if setup is None:
            self.mode.setText(self.tr("Local: the shop is on this computer"))
            for label in (self.server, self.database, self.user):
                label.setText(self.tr("—"))
            self.state.setText(self.tr("Not needed"))
            self.schema.setText(self.tr("checking…"))
            self.setup_box.setVisible(True)
            self.backup_box.setVisible(False)
            self.move_box.setVisible(False)
            self.leave_box.setVisible(False)
            self.open_button.setVisible(False)
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
            self.leave_box.setVisible(True)
            self.open_button.setVisible(self.main_window is not None and _opened is None)
            local = self.summary
            self.move_box.setVisible(local is not None and local.data_rows > 0)
            if local is not None:
                self.move_text.setText(self.tr(
                    "This data folder also holds a local shop: {customers} buyers, {cases} "
                    "after-sales cases, {photos} photos. Copy it to the shop on the server to work "
                    "on it as a team.").format(customers=fmt.count(local.customers),
                                               cases=fmt.count(local.cases),
                                               photos=fmt.count(local.photos)))
            self._show_backups()
        self.busy = True
        run_task(_look, self.data, on_success=self._show_status, on_error=self._status_failed)

    def _show_backups(self) -> None:
        from desk.core import team_backup

        self.backup_box.setVisible(True)
        self.takes_backups.blockSignals(True)
        self.takes_backups.setChecked(team_backup.takes_backups(self.data))
        self.takes_backups.blockSignals(False)
        self.last_backup.setText(self.tr("checking…"))
        self.last_backup.setStyleSheet("")

    def _set_takes_backups(self, on: bool) -> None:
        from desk.core import team_backup

        team_backup.set_takes_backups(self.data, on)

    def _show_last_backup(self, state) -> None:
        from desk.ui import fmt

        last = state.last
        if last is None:
            text = self.tr("None yet")
        else:
            when = fmt.when(last.at)
            if last.staff:
                text = self.tr("{when} by {staff}'s seat ({computer})").format(
                    when=when, staff=last.staff, computer=last.host)
            else:
                text = self.tr("{when} by the seat on {computer}").format(when=when, computer=last.host)
        if state.stale():
            text += "\n" + self.tr(
                "No seat has backed up the shop for more than a day. Tick the box above on one seat "
                "(best the one that is open most), or back up by hand: File > Back up now.")
            self.last_backup.setStyleSheet(ERROR_STYLE)
        self.last_backup.setText(text)

    def _last_backup_failed(self, error: BaseException) -> None:
        if not isinstance(error, UserError):
            report(error, self)
            return
        self.last_backup.setText(self.tr("unknown: {reason}").format(reason=user_message(error)))

    def _local_summary(self):
        from desk.core import team_move

        try:
            return team_move.local_summary(self.data)
        except UserError as e:  # a damaged local file: the move says so when asked
            log.warning("the local shop cannot be read: %s", e)
            return None

    def _listener_state(self) -> str:
        from desk.core import live

        listener = live.current()
        if listener is None:
            if self.main_window is not None:
                return self.tr("Not open in this window")
            return self.tr("Not connected (restart ShopDesk to open the team shop)")
        if listener.state == "listening":
            return self.tr("Connected; other seats' changes show here live")
        if listener.state == "reconnecting":
            return self.tr("The server does not answer; trying again ({reason})").format(
                reason=listener.problem)
        return self.tr("Connecting…")

    def _show_status(self, found: tuple) -> None:
        self.busy = False
        status, backups = found
        if status.mode == "server" and backups is None:
            self.last_backup.setText(self.tr("unknown"))
        if isinstance(backups, UserError):
            self._last_backup_failed(backups)
        elif backups is not None:
            self._show_last_backup(backups)
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
        self.refreshed.emit()

    def _status_failed(self, error: BaseException) -> None:
        self.busy = False
        if not isinstance(error, UserError):
            report(error, self)
            return
        self.schema.setText(self.tr("unknown"))
        self._say(user_message(error), error=True)

    def _say(self, text: str, error: bool = False) -> None:
        """A line under the tab: what happened, or (in red) why not."""
        if error:
            self.message.hide()
            self.error.show_message(text)
        else:
            self.error.clear_message()
            self.message.setText(text)
            self.message.show()

    def _enable(self, on: bool) -> None:
        for button in (self.init_button, self.join_button, self.move_button, self.export_button,
                       self.open_button):
            button.setEnabled(on)

    # -- init, join ------------------------------------------------------------------------

    def _set_up(self, action) -> None:
        url = self.url.text().strip()
        if not url:
            self._say(self.tr("Give the server's address, e.g. postgresql://user@host:5432/shop."),
                      error=True)
            return
        secret = self.password.text()
        if secret:
            url = _with_password(url, secret)
        self._enable(False)
        self.busy = True
        self._say(self.tr("Connecting to the server…"))
        run_task(action, self.data, url, on_success=lambda s: self._set_up_done(s, action),
                 on_error=self._set_up_failed)

    def _set_up_done(self, setup: team.TeamSetup, action=None) -> None:
        self.busy = False
        self.password.clear()
        self._enable(True)
        self.refresh()
        if self.main_window is None:
            self._say(self.tr("This data folder now works with the shop on {server}. Restart "
                              "ShopDesk to open it.").format(server=str(setup.address)))
            return
        local = self.summary
        if action is team.init and local is not None and local.data_rows > 0:
            if self._confirm_move(local, setup.address):
                self._move(replace=False)
                return
            self._say(self.tr("This data folder now works with the shop on {server}; this "
                              "computer's shop was not copied.").format(server=str(setup.address)))
        self._switch()

    def _set_up_failed(self, error: BaseException) -> None:
        self.busy = False
        self._enable(True)
        if not isinstance(error, UserError):
            report(error, self)
            return
        self._say(user_message(error), error=True)

    # -- moving the local shop up ---------------------------------------------------------------

    def offer_move(self) -> None:
        setup = team.load(self.data)
        local = self._local_summary()
        if setup is None or local is None:
            self.refresh()
            return
        if self._confirm_move(local, setup.address):
            self._move(replace=False)

    def _confirm_move(self, local, address) -> bool:
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Move this shop to the server"), self.tr(
            "Copy this computer's shop to the server {server}?\n\n{customers} buyers, {cases} "
            "after-sales cases and {photos} photos ({rows} rows in all) are copied in one go. If "
            "anything goes wrong, or you cancel, the server keeps nothing of it.\n\nThe local "
            "file stays in the data folder as it is; this window then shows the shop on the "
            "server.").format(server=str(address), customers=fmt.count(local.customers),
                              cases=fmt.count(local.cases), photos=fmt.count(local.photos),
                              rows=fmt.count(local.rows)), parent=self)
        box.setObjectName("teamMoveConfirm")
        move = box.addButton(self.tr("&Move"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(self.tr("&Not now"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(move)
        box.exec()
        return box.clickedButton() is move

    def _move(self, replace: bool) -> None:
        from desk.core import team_move

        self._run(self.tr("Moving the shop to the server…"), team_move.move_from_local, self.data,
                  replace=replace, on_success=self._moved, on_error=self._move_failed)

    def _moved(self, result) -> None:
        moved = self.tr("Moved {rows} rows and {photos} photo files to the server.").format(
            rows=fmt.count(sum(result.rows.values())), photos=fmt.count(result.photos))
        self._switch(moved)

    def _move_failed(self, error: BaseException) -> None:
        from desk.core import team_move

        self.refresh()
        if isinstance(error, Cancelled):
            self._say(self.tr("Cancelled: nothing was copied, the shop on the server is as it "
                              "was."), error=True)
        elif isinstance(error, team_move.ServerHoldsData):
            if self._confirm_replace(error):
                self._move(replace=True)
            else:
                self._say(self.tr("Nothing was copied: the shop on the server already holds "
                                  "data."), error=True)
        elif isinstance(error, UserError):
            self._say(user_message(error), error=True)
        else:
            report(error, self)

    def _confirm_replace(self, error: UserError) -> bool:
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Move this shop to the server"),
                          user_message(error) + "\n\n" + self.tr(
                              "Replace the shop on the server with this computer's? What is on "
                              "the server now is lost unless a seat has a backup of it."),
                          parent=self)
        box.setObjectName("teamReplaceConfirm")
        box.addButton(self.tr("&Replace it"), QMessageBox.ButtonRole.DestructiveRole)
        keep = box.addButton(self.tr("&Keep the server's"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(keep)
        box.exec()
        return box.clickedButton() is not None and box.clickedButton() is not keep

    # -- down to a local shop, and leaving team mode -------------------------------------------

    def offer_export(self) -> None:
        from desk.core import team_move

        setup = team.load(self.data)
        if setup is None:
            self.refresh()
            return
        out = team_move.default_export_path(self.data)
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Make a local copy"), self.tr(
            "Write the shop on the server {server} as a local shop?\n\nEvery table and photo is "
            "copied from one moment of the server into a new file in {folder}. The shop on the "
            "server stays as it is for the other seats. Afterwards this seat can go back to "
            "working alone on the copy.").format(server=str(setup.address), folder=str(out.parent)),
            parent=self)
        box.setObjectName("teamExportConfirm")
        here = box.addButton(self.tr("&Write it there"), QMessageBox.ButtonRole.AcceptRole)
        elsewhere = box.addButton(self.tr("&Choose another place…"), QMessageBox.ButtonRole.ActionRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(here)
        box.exec()
        if box.clickedButton() is elsewhere:
            chosen, _ = QFileDialog.getSaveFileName(
                self, self.tr("Make a local copy"), str(out),
                self.tr("ShopDesk shop (*.sqlite3)"))
            if not chosen:
                return
            out = Path(chosen)
            if out.suffix.lower() != ".sqlite3":
                out = out.with_name(out.name + ".sqlite3")
        elif box.clickedButton() is not here:
            return
        self._run(self.tr("Writing a local copy…"), team_move.export_local, self.data, out,
                  on_success=self._exported, on_error=self._export_failed)

    def _exported(self, result) -> None:
        self.refresh()
        written = self.tr("The local copy is written: {path} ({rows} rows, {photos} photo files).").format(
            path=str(result.path), rows=fmt.count(sum(result.rows.values())),
            photos=fmt.count(result.photos))
        self._say(written)
        if self.main_window is None:
            return
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Leave team mode"), written + "\n\n" + self.tr(
            "Switch this seat to the local copy now? This seat then works alone on it: the data "
            "folder's present local file is kept aside, and the server's address is kept as "
            "team-left-….json. The other seats go on with the shop on the server."), parent=self)
        box.setObjectName("teamLeaveConfirm")
        leave = box.addButton(self.tr("&Switch to the local copy"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(self.tr("Stay in &team mode"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(leave)
        box.exec()
        if box.clickedButton() is leave:
            self._switch(change=lambda: team.leave(self.data, result.path))

    def _export_failed(self, error: BaseException) -> None:
        self.refresh()
        if isinstance(error, Cancelled):
            self._say(self.tr("Cancelled: no local copy was written."), error=True)
        elif isinstance(error, UserError):
            self._say(user_message(error), error=True)
        else:
            report(error, self)

    # -- the worker behind a progress bar, and the switch ------------------------------------

    def _run(self, label: str, fn: Callable[..., Any], *args: Any,
             on_success: Callable[[Any], None], on_error: Callable[[BaseException], None],
             **kwargs: Any) -> Task:
        """`fn(*args, counted=, is_cancelled=)` in a worker behind a progress bar with Cancel."""
        import threading

        dialog = QProgressDialog(label, self.tr("Cancel"), 0, 0, self)
        dialog.setObjectName("teamProgress")
        dialog.setWindowTitle(label.rstrip("…. "))
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(0)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        relay = _Relay(dialog)
        stop = threading.Event()

        def counted(done: int, total: int) -> None:
            if dialog.maximum() != total:
                dialog.setMaximum(max(total, 1))
            dialog.setValue(done)

        def cancel() -> None:
            stop.set()
            dialog.setLabelText(self.tr("Cancelling…"))

        def over(then: Callable[[Any], None], value: Any) -> None:
            self.busy = False
            self.progress = self.task = None
            dialog.close()
            dialog.deleteLater()
            self._enable(True)
            then(value)

        relay.progressed.connect(counted)
        dialog.canceled.connect(cancel)
        self.progress = dialog
        self.busy = True
        self._enable(False)
        self.error.clear_message()
        dialog.show()
        self.task = run_task(fn, *args, counted=relay.progressed.emit, is_cancelled=stop.is_set,
                             on_success=lambda r: over(on_success, r),
                             on_error=lambda e: over(on_error, e), **kwargs)
        return self.task

    def _switch(self, done: str = "", change: Callable[[], Any] | None = None) -> None:
        """The window onto the data folder's shop now (switch_shop); a failure in words here."""
        from PySide6.QtWidgets import QApplication

        if self.main_window is None:
            return
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            mode = switch_shop(self.main_window, change)
        except UserError as e:
            self.refresh()
            self._say(user_message(e), error=True)
            return
        finally:
            QApplication.restoreOverrideCursor()
        self.refresh()
        if mode == "server":
            text = self.tr("This window now shows the shop on the server.")
        else:
            text = self.tr("This window now shows the local shop; this seat works alone again.")
        self._say(f"{done} {text}".strip())
        self.switched.emit(mode)


def _look(data: DataDir) -> tuple:
    """In a worker: the data folder's shop (team.status) and, on a server
    that answers, its backups (team_backup.State, or the UserError saying
    why not)."""
    from desk.core import team_backup

    status = team.status(data)
    if status.mode != "server" or status.problem:
        return status, None
    try:
        return status, team_backup.state(data)
    except UserError as e:
        return status, e


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
