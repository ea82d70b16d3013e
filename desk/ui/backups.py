"""Settings > Backups: the backups in the data folder with their date, reason
and size; back up now; restore one (the current database is kept aside).

On a seat of a shop on a server (team mode) the same page lists this seat's
backups of the server shop; backing up exports the server shop, a restore
replaces the server shop (after backing it up) for every seat, and the
automatic backups run only on the seat that takes them
(desk/core/team_backup.py)."""

from __future__ import annotations

import logging
from datetime import timedelta
from pathlib import Path

from PySide6.QtCore import QLocale, QObject, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desk.core import backup, changes, db, restore, settings, team
from desk.core.errors import UserError
from desk.core.paths import DataDir
from desk.ui import fmt, undo
from desk.ui.ask import AskDialog, Buttons
from desk.ui.errors import show_user_error, user_message
from desk.ui.worker import run_task, wait_all

log = logging.getLogger(__name__)
PathRole = Qt.ItemDataRole.UserRole + 1
# what the open pages show, announced after a restore so they all reload
ENTITIES = ("customer", "note", "followup", "order", "case", "evidence", "tag", "reason",
            "deadline_rule", "reply", "saved_view", "setting")


def is_team_seat(data: DataDir) -> bool:
    """Whether the window's shop is the data folder's shop on a server (the
    open shop decides: a window may switch between its local and its team
    shop while it runs)."""
    from desk.core import dialect

    return dialect.on_server() and team.team_file(data).exists()


def back_up(data: DataDir, reason: str = "manual") -> Path:
    """A backup now, of the shop this data folder works with (on a server or local)."""
    if is_team_seat(data):
        from desk.core import team_backup

        return team_backup.take(data, reason)
    return backup.backup_now(data, reason)


def announce_everything() -> None:
    undo.reset()
    for entity in ENTITIES:
        changes.announce(entity)


def restore_in_app(parent: QWidget | None, data: DataDir, source: Path) -> restore.RestoreResult | None:
    """Restore `source` while the app runs: the app already holds the data
    folder, so every connection is closed, the backup swapped in and the
    database opened again; the pages reload and the undo history, which
    speaks of rows that may be gone, is cleared. None (with the reason shown)
    when the backup was refused; the database is then open as before."""
    wait_all()
    db.close()
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        result = restore.restore(data, source)
    except UserError as e:
        result = None
        error = e
    finally:
        db.open_database(data.db_path, data.backups)
        QApplication.restoreOverrideCursor()
    if result is None:
        show_user_error(parent, user_message(error))
        return None
    announce_everything()
    return result


def _team_tick(data: DataDir, every: timedelta) -> tuple[Path | None, bool]:
    """The periodic check on a team seat, in a worker: (the backup taken or
    None, whether no seat has backed the shop up for more than a day)."""
    from desk.core import team_backup

    path = team_backup.backup_if_due(data, "periodic", every)
    return path, path is None and team_backup.state(data).stale()


class AutoBackup(QObject):
    """The app's automatic backups: every `backup_every_hours` while it runs
    (checked every quarter of an hour, in a worker; skipped when nothing
    changed) and one when it closes (`on_close`). A failure is shown once,
    not again until a backup has worked.

    On a team seat the backups are of the server shop and run only on the
    seat that takes them; "changed" is the server's change counter. The
    first check runs at start; a failure (a server that does not answer) is
    said in words in the status bar (`problem`), as is a shop that no seat
    has backed up for more than a day."""

    CHECK_MS = 15 * 60 * 1000
    backed_up = Signal(object)  # the new backup's Path
    problem = Signal(str)  # a team seat's backup failed or is overdue, in words

    def __init__(self, data: DataDir, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.data = data
        self._running = False
        self._failing = False
        self.timer = QTimer(self, interval=self.CHECK_MS)
        self.timer.timeout.connect(self.tick)
        self.timer.start()
        if self.team:
            QTimer.singleShot(0, self, self.tick)

    @property
    def team(self) -> bool:
        """Asked at each backup: the window may have switched shops meanwhile."""
        return is_team_seat(self.data)

    def tick(self) -> None:
        if self._running:
            return
        self._running = True
        every = timedelta(hours=settings.get("backup_every_hours"))
        if self.team:
            run_task(_team_tick, self.data, every, on_success=self._team_done, on_error=self._failed)
            return
        run_task(backup.backup_if_due, self.data, "periodic", every,
                 on_success=self._done, on_error=self._failed)

    def _team_done(self, outcome: tuple[Path | None, bool]) -> None:
        path, overdue = outcome
        self._done(path)
        if overdue:
            self.problem.emit(self.tr(
                "No seat has backed up the shop on the server for more than a day. Tick \"This seat "
                "takes the shop's scheduled backups\" in Settings > Team on one seat."))

    def _done(self, path: Path | None) -> None:
        self._running = False
        if path is not None:
            self._failing = False
            self.backed_up.emit(path)

    def _failed(self, error: BaseException) -> None:
        self._running = False
        if self.team and isinstance(error, UserError):
            log.warning("automatic backup of the server shop failed: %s", error)
            self.problem.emit(self.tr("The automatic backup of the shop on the server failed: {reason}")
                              .format(reason=user_message(error)))
            return
        if not self._failing:
            self._failing = True
            from desk.ui.errors import report

            report(error)
        else:
            log.warning("automatic backup failed again: %s", error)

    def on_close(self) -> Path | None:
        """The closing backup, on the calling thread (the window is going
        away); a failure is logged, never keeps the app from closing."""
        self.timer.stop()
        wait_all()
        if self.team:  # bounded: a slow server never keeps the app from closing
            from desk.core import team_backup

            return team_backup.close_backup(self.data)
        db.refresh_statistics()  # before the copy, so the next close finds nothing new
        try:
            return backup.backup_if_due(self.data, "close")
        except Exception:
            log.exception("the closing backup failed")
            return None


class BackupsDialog(AskDialog):
    def __init__(self, data: DataDir, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.data = data
        self.restored: restore.RestoreResult | None = None
        self.setObjectName("backupsDialog")
        self.setWindowTitle(self.tr("Backups"))
        self.resize(640, 420)
        self.team = is_team_seat(data)
        if self.team:
            intro = QLabel(self.tr(
                "The shop is on a server. These are this seat's backups of it: by hand, before an "
                "import or a restore, and, on the seat that takes the shop's scheduled backups "
                "(Settings > Team), when ShopDesk closes and every few hours. Restoring one replaces "
                "the shop on the server for every seat, after a backup of it as it is."))
        else:
            intro = QLabel(self.tr(
                "ShopDesk backs up the database when it closes, every few hours while it runs, and "
                "before an update or an import. It keeps the last 10, then one a day for a week, one a "
                "week for a month and one a month for a year."))
        intro.setWordWrap(True)
        self.table = QTableWidget(0, 3)
        self.table.setObjectName("backupsTable")
        self.table.setHorizontalHeaderLabels([self.tr("Date"), self.tr("Reason"), self.tr("Size")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.table.itemDoubleClicked.connect(lambda _item: self.restore_selected())
        self.status = QLabel()
        self.status.setObjectName("backupsStatus")
        self.status.setWordWrap(True)

        self.backup_button = QPushButton(self.tr("&Back up now"))
        self.backup_button.setObjectName("backupNowButton")
        self.backup_button.clicked.connect(self.back_up_now)
        self.restore_button = QPushButton(self.tr("&Restore…"))
        self.restore_button.setObjectName("restoreButton")
        self.restore_button.setEnabled(False)
        self.restore_button.clicked.connect(self.restore_selected)
        folder = QPushButton(self.tr("Open &folder"))
        folder.setObjectName("openBackupsFolderButton")
        folder.clicked.connect(lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(data.backups))))
        close = self.add_buttons(Buttons.Close)
        buttons = QHBoxLayout()
        for b in (self.backup_button, self.restore_button, folder):
            buttons.addWidget(b)
        buttons.addStretch(1)
        buttons.addWidget(close)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.status)
        layout.addLayout(buttons)
        self.refresh()

    def reason_text(self, reason: str) -> str:
        return {
            "manual": self.tr("Backed up by hand"),
            "close": self.tr("ShopDesk closed"),
            "periodic": self.tr("Every few hours"),
            "import": self.tr("Before an import"),
            "migration": self.tr("Before a ShopDesk update"),
            "restore": self.tr("Before a restore"),
        }.get(reason, reason)

    def refresh(self, select: Path | None = None) -> None:
        found = backup.list_backups(self.data)
        self.table.setRowCount(len(found))
        locale = QLocale()
        for row, b in enumerate(found):
            cells = (fmt.when(int(b.taken_at.timestamp())), self.reason_text(b.reason),
                     locale.formattedDataSize(b.size))
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(PathRole, str(b.path))
                if col == 2:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(row, col, item)
            if select is not None and b.path == select:
                self.table.selectRow(row)
        self.table.resizeColumnToContents(0)
        if not found:
            self.status.setText(self.tr("No backups yet."))
        self._selection_changed()

    def selected_path(self) -> Path | None:
        rows = self.table.selectionModel().selectedRows()
        return Path(self.table.item(rows[0].row(), 0).data(PathRole)) if rows else None

    def _selection_changed(self) -> None:
        self.restore_button.setEnabled(self.selected_path() is not None)

    def back_up_now(self) -> None:
        self.backup_button.setEnabled(False)
        self.status.setText(self.tr("Backing up…"))

        def done(path: Path) -> None:
            self.backup_button.setEnabled(True)
            self.status.setText(self.tr("Backed up and checked: {name}").format(name=path.name))
            self.refresh(select=path)

        def failed(error: BaseException) -> None:
            self.backup_button.setEnabled(True)
            self.status.setText("")
            from desk.ui.errors import report

            report(error, self)

        run_task(back_up, self.data, "manual", on_success=done, on_error=failed)

    def restore_selected(self) -> None:
        path = self.selected_path()
        if path is None:
            return
        row = self.table.currentRow()
        when = self.table.item(row, 0).text()
        if self.team:
            question = self.tr(
                "Replace the shop on the server with the backup of {when}?\n\nEvery seat will "
                "see the shop as it was then; changes made since will not be in it. The shop as "
                "it is now is backed up first, so nothing is lost.")
        else:
            question = self.tr(
                "Replace the shop's data with the backup of {when}?\n\nChanges made since then will "
                "not be in ShopDesk. The current database is kept in the data folder, so nothing "
                "is deleted.")
        answer = QMessageBox.question(
            self, self.tr("Restore backup"), question.format(when=when),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel)
        if answer != QMessageBox.StandardButton.Yes:
            return
        if self.team:
            self._restore_on_server(path, when)
            return
        result = restore_in_app(self, self.data, path)
        if result is None:
            return
        self.restored = result
        kept = result.kept_aside.name if result.kept_aside else "-"
        self.status.setText(self.tr("Restored the backup of {when}. The previous database is kept as {kept}.")
                            .format(when=when, kept=kept))
        self.refresh()

    def _restore_on_server(self, path: Path, when: str) -> None:
        """What `shopdesk restore` does on a team seat (asked first in
        restore_selected): the server shop replaced in one server transaction,
        after a backup of it; in a worker."""
        from desk.core import team_backup

        for button in (self.backup_button, self.restore_button):
            button.setEnabled(False)
        self.table.setEnabled(False)
        self.status.setText(self.tr("Backing up the shop on the server, then restoring…"))

        def finished() -> None:
            self.table.setEnabled(True)
            self.backup_button.setEnabled(True)
            self.refresh()

        def done(result: team_backup.ServerRestore) -> None:
            self.restored = result
            announce_everything()
            finished()
            self.status.setText(self.tr(
                "Restored the backup of {when} into the shop on the server. The shop as it was is "
                "kept as {kept}.").format(when=when, kept=result.kept.name))

        def failed(error: BaseException) -> None:
            finished()
            if not isinstance(error, UserError):
                from desk.ui.errors import report

                report(error, self)
                return
            self.status.setText(self.tr("Not restored: {reason}").format(reason=user_message(error)))

        run_task(team_backup.restore, self.data, path, on_success=done, on_error=failed)

    @classmethod
    def ask(cls, parent: QWidget | None, data: DataDir) -> restore.RestoreResult | None:
        """Show the dialog; the result of a restore made in it, else None."""
        return cls(data, parent).run_modal()

    answers_on_close = True

    def answer(self) -> restore.RestoreResult | None:
        return self.restored
