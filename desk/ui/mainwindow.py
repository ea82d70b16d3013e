"""The main window: sidebar navigation, pages, menus and the status bar."""

from __future__ import annotations

import sys
from importlib import import_module

from PySide6.QtCore import QByteArray, QCoreApplication, Qt, QTimer, QUrl
from PySide6.QtGui import QAction, QCloseEvent, QDesktopServices, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QListWidgetItem,
    QMainWindow,
    QMenu,
    QMessageBox,
    QStackedWidget,
    QSystemTrayIcon,
    QWidget,
)

from desk.core import logs, settings, timeutil
from desk.core.customers.listing import FOLLOWUPS_DUE, due_by
from desk.core.paths import DataDir
from desk.ui import fmt, undo
from desk.ui.bus import bus
from desk.ui.sidebar import GLYPH_ROLE, make_sidebar

# key, module and class of the page (imported on first visit), sidebar icon (sidebar.GLYPHS)
PAGES = (
    ("today", "desk.ui.today.page", "TodayPage", "calendar"),
    ("customers", "desk.ui.customers.page", "CustomersPage", "person"),
    ("aftersales", "desk.ui.aftersales.page", "AftersalesPage", "return"),
    ("replies", "desk.ui.replies.page", "RepliesPage", "bubble"),
    ("review", "desk.ui.review.page", "ReviewPage", "chart"),
)
KEYS = [key for key, *_ in PAGES]


class MainWindow(QMainWindow):
    def __init__(self, data: DataDir) -> None:
        super().__init__()
        self.data = data
        self.setObjectName("mainWindow")
        self.setWindowTitle(self.tr("ShopDesk"))
        self.sidebar = make_sidebar()
        self.stack = QStackedWidget()
        self.stack.setObjectName("pages")
        self.pages: dict[str, QWidget] = {}
        for key, _, _, icon in PAGES:
            item = QListWidgetItem("")
            item.setData(Qt.ItemDataRole.UserRole, key)
            item.setData(GLYPH_ROLE, icon)
            self.sidebar.addItem(item)
            self.stack.addWidget(QWidget())  # replaced by the real page on first visit
        self._retitle_sidebar()
        central = QWidget()
        row = QHBoxLayout(central)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        row.addWidget(self.sidebar)
        row.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        self._build_menus()
        self.sidebar.currentRowChanged.connect(self.show_page)
        self.statusBar().setObjectName("statusBar")
        bus().changed.connect(self._on_change)
        self._restore_geometry()
        self.sidebar.setCurrentRow(0)
        # The Today page lists exactly what the badge counts: load it now and
        # read its counts rather than count the same rows twice at start-up.
        today = self.page("today")
        today.apply_filters()
        self._retitle_sidebar(*today.due_counts())
        self.statusBar().showMessage(
            self.tr("Data folder: {folder}").format(folder=str(self.data.root)))
        # Refresh the Today badge as time passes (a follow-up falls due).
        self._clock = QTimer(self, interval=60_000)
        self._clock.timeout.connect(self.refresh_badges)
        self._clock.timeout.connect(self.announce_due)
        self._clock.start()
        self.auto_backup = None  # every few hours while open, and on closing; started just after start-up
        QTimer.singleShot(1000, self.automatic_backups)
        self.tray: QSystemTrayIcon | None = None
        if QSystemTrayIcon.isSystemTrayAvailable():
            self.tray = QSystemTrayIcon(QApplication.windowIcon(), self)
            self.tray.setObjectName("trayIcon")
            self.tray.setToolTip(self.tr("ShopDesk"))
            self.tray.activated.connect(lambda _reason: self.bring_forward())
            self.tray.messageClicked.connect(lambda: (self.bring_forward(), self.go("today")))
            menu = QMenu(self)
            menu.setObjectName("trayMenu")
            menu.addAction(self.tr("Quick replies palette"), self.open_palette)
            menu.addAction(self.tr("Show ShopDesk"), self.bring_forward)
            self.tray.setContextMenu(menu)
            self.tray.show()
        QTimer.singleShot(3000, self.announce_due)  # what fell due while the app was closed
        # the palette is built hidden once the window is up: F9 then shows it at once
        QTimer.singleShot(2000, self._prepare_palette)

    # --- pages ------------------------------------------------------------

    def page(self, key: str) -> QWidget:
        """The page for `key`, built on first use (keeps start-up fast)."""
        if key not in self.pages:
            index = KEYS.index(key)
            _, module, cls, _ = PAGES[index]
            page = getattr(import_module(module), cls)(self)
            placeholder = self.stack.widget(index)
            self.stack.insertWidget(index, page)
            self.stack.removeWidget(placeholder)
            placeholder.deleteLater()
            self.pages[key] = page
        return self.pages[key]

    def show_page(self, row: int) -> None:
        if row < 0:
            return
        key = PAGES[row][0]
        page = self.page(key)
        self.stack.setCurrentWidget(page)
        if self.sidebar.currentRow() != row:
            self.sidebar.setCurrentRow(row)

    def detach_pages(self) -> None:
        """The shop the pages show is closing: each page built so far is
        deleted now (so it stops listening and cannot show the old shop's
        rows), a placeholder takes its place, and the next visit builds it
        on the shop open then (see shop_switched)."""
        import shiboken6

        for key in list(self.pages):
            page = self.pages.pop(key)
            index = KEYS.index(key)
            self.stack.insertWidget(index, QWidget())
            self.stack.removeWidget(page)
            shiboken6.delete(page)

    def shop_switched(self, message: str) -> None:
        """Another shop is open in this data folder (desk/ui/team.py
        switch_shop): the page in view built on it, the badges counted again."""
        self.show_page(max(self.sidebar.currentRow(), 0))
        self.refresh_badges()
        self.statusBar().showMessage(message, 15_000)

    def pages_keys(self) -> list[str]:
        return list(KEYS)

    def go(self, key: str) -> None:
        self.show_page(KEYS.index(key))

    def _retitle_sidebar(self, followups_due: int = 0, cases_due: int = 0) -> None:
        due = followups_due + cases_due
        titles = {
            "today": self.tr("Today") + (f"  ({due})" if due else ""),
            "customers": self.tr("Customers"),
            "aftersales": self.tr("After-sales"),
            "replies": self.tr("Quick replies"),
            "review": self.tr("Review"),
        }
        for row in range(self.sidebar.count()):
            item = self.sidebar.item(row)
            item.setText(titles[item.data(Qt.ItemDataRole.UserRole)])
        tips = [self.tr("%n follow-up(s) due today or overdue", "", followups_due)] if followups_due else []
        if cases_due:
            tips.append(self.tr("%n case deadline(s) today or overdue", "", cases_due))
        self.sidebar.item(0).setToolTip("\n".join(tips))

    def refresh_badges(self) -> None:
        from desk.core.aftersales import due

        # the same moment as the Today page's lists (due.today_filter)
        tonight = due.end_of_day(timeutil.now())
        followups = FOLLOWUPS_DUE.count([due_by(tonight)])
        cases = due.due_count(tonight)
        self._retitle_sidebar(followups, cases)
        self.statusBar().showMessage(
            self.tr("Data folder: {folder}").format(folder=str(self.data.root)))

    def announce_due(self) -> None:
        """A tray notification for follow-ups that have fallen due and case
        deadlines within the warning hours of the settings (each once)."""
        if self.tray is None:
            return  # no tray here: leave them unannounced for a desktop that has one
        from desk.core.aftersales import notices as case_notices
        from desk.core.customers import followups

        now = timeutil.now()
        notices = followups.take_newly_due(now)
        cases = case_notices.take_newly_due(now, settings.get("deadline_warn_hours"))
        if not notices and not cases:
            return
        lines = [f"{n.title} — {n.nickname}" for n in notices]
        lines += [f"{c.case_no} {c.nickname} — "
                  f"{QCoreApplication.translate('Deadline', c.label)} {fmt.when(timeutil.to_epoch(c.deadline_at))}"
                  for c in cases]
        total = len(lines)
        lines = lines[:5]
        if total > 5:
            lines.append(self.tr("and %n more", "", total - 5))
        if not cases:
            title = self.tr("%n follow-up(s) due", "", len(notices))
        elif not notices:
            title = self.tr("%n case deadline(s) coming up", "", len(cases))
        else:
            title = self.tr("%n reminder(s)", "", total)
        self.tray.showMessage(title, "\n".join(lines), QSystemTrayIcon.MessageIcon.Information, 15_000)

    def bring_forward(self) -> None:
        self.setWindowState(self.windowState() & ~Qt.WindowState.WindowMinimized)
        self.show()
        self.raise_()
        self.activateWindow()

    def _on_change(self, entity: str, ids) -> None:
        if entity in ("followup", "customer", "case"):
            self.refresh_badges()

    # --- menus ------------------------------------------------------------

    def _action(self, menu, name: str, text: str, slot, shortcut=None) -> QAction:
        action = QAction(text, self)
        action.setObjectName(name)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        menu.addAction(action)
        return action

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("&File"))
        file_menu.setObjectName("menuFile")
        self._action(file_menu, "actionImport", self.tr("&Import…"), self.import_orders, "Ctrl+I")
        self._action(file_menu, "actionExport", self.tr("&Export…"), self.export_data, "Ctrl+E")
        self._action(file_menu, "actionBackup", self.tr("&Back up now"), self.backup_now, "Ctrl+B")
        self._action(file_menu, "actionBackups", self.tr("Bac&kups…"), self.open_backups)
        file_menu.addSeparator()
        self._action(file_menu, "actionSettings", self.tr("&Settings…"), self.open_settings, "Ctrl+,")
        file_menu.addSeparator()
        self._action(file_menu, "actionQuit", self.tr("&Quit"), self.close, QKeySequence.StandardKey.Quit)

        edit_menu = bar.addMenu(self.tr("&Edit"))
        edit_menu.setObjectName("menuEdit")
        undo.reset()  # a history belongs to the shop this window shows
        current = sys.modules.get("desk.ui.selection")  # (not loaded at start-up)
        if current is not None:
            current.reset()  # so is the buyer quick replies are filled in for
        for action in undo.add_actions(self):
            edit_menu.addAction(action)

        go_menu = bar.addMenu(self.tr("&Go"))
        go_menu.setObjectName("menuGo")
        for n, key in enumerate(KEYS, start=1):
            self._action(go_menu, f"actionGo_{key}", self.sidebar.item(n - 1).text(),
                         lambda _=False, k=key: self.go(k), f"Ctrl+{n}")
        go_menu.addSeparator()
        self._action(go_menu, "actionFind", self.tr("&Find"), self.focus_search, QKeySequence.StandardKey.Find)
        self._action(go_menu, "actionReplyPalette", self.tr("Quick replies &palette…"),
                     self.open_palette, "F9")

        help_menu = bar.addMenu(self.tr("&Help"))
        help_menu.setObjectName("menuHelp")
        self._action(help_menu, "actionOpenDataFolder", self.tr("Open &data folder"),
                     lambda: self._open_path(self.data.root))
        self._action(help_menu, "actionOpenLog", self.tr("Open &log"),
                     lambda: self._open_path(self.data.logs / logs.LOG_NAME))
        help_menu.addSeparator()
        self._action(help_menu, "actionAbout", self.tr("&About ShopDesk"), self.about)

    def open_palette(self) -> None:
        from desk.ui.replies.palette import show_palette

        show_palette(self)

    def _prepare_palette(self) -> None:
        from desk.ui.replies.palette import prepare_palette

        prepare_palette(self)

    def focus_search(self) -> None:
        page = self.stack.currentWidget()
        if hasattr(page, "focus_search"):
            page.focus_search()

    def _open_path(self, path) -> None:
        if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))):
            QMessageBox.information(self, self.tr("ShopDesk"), str(path))

    def about(self) -> None:
        from desk.ui.dialogs import AboutBox

        AboutBox(self).exec()

    def open_settings(self) -> None:
        from desk.ui.dialogs import SettingsDialog

        if SettingsDialog.ask(self):
            for page in self.pages.values():
                page.apply_filters()  # e.g. phone masking changed

    def import_orders(self) -> bool:
        """File > Import…: a platform's order export into the customer file;
        True when something was imported."""
        from desk.ui.transfer.import_dialog import ImportDialog

        result = ImportDialog.ask(self)
        if result is None:
            return False
        s = result.summary()
        if "new_orders" in s:
            text = self.tr("Imported {new} new and {updated} updated orders, {buyers} new customers")
        else:
            text = self.tr("Imported {buyers} new and {changed} updated customers")
        self.statusBar().showMessage(text.format(
            new=fmt.count(s.get("new_orders", 0)), updated=fmt.count(s.get("updated_orders", 0)),
            buyers=fmt.count(s["new_customers"]), changed=fmt.count(s["updated_customers"])), 10_000)
        return True

    def export_data(self) -> None:
        """File > Export…: everything, or one list, as a workbook."""
        from desk.ui.transfer.export_dialog import ExportDialog

        ExportDialog.ask(self)

    def open_backups(self) -> None:
        from desk.ui.backups import BackupsDialog

        if BackupsDialog.ask(self, self.data) is not None:
            self.statusBar().showMessage(self.tr("Backup restored"), 10_000)

    def backup_now(self) -> None:
        from desk.ui.backups import back_up
        from desk.ui.worker import run_task

        self.statusBar().showMessage(self.tr("Backing up…"))
        run_task(back_up, self.data, on_success=lambda path: self.statusBar().showMessage(
            self.tr("Backed up to {path}").format(path=str(path)), 10_000))

    # --- first run ----------------------------------------------------------

    def first_run(self) -> None:
        """On an empty data folder, ask how to begin (once)."""
        from desk.core import demo
        from desk.ui.dialogs import FirstRunDialog
        from desk.ui.progress import run_with_progress

        choice = FirstRunDialog.ask(self)
        if choice == FirstRunDialog.EMPTY:
            settings.set("first_run_done", True)
        elif choice == FirstRunDialog.DEMO:

            def loaded(summary) -> None:
                settings.set("first_run_done", True)
                self.statusBar().showMessage(self.tr("Demo data loaded: {n} customers").format(
                    n=fmt.count(summary.customers)), 10_000)

            # a failed or cancelled load leaves the welcome to be asked again
            run_with_progress(self, self.tr("Loading demo data…"), demo.generate, self.data, 2000,
                              on_success=loaded)
        elif choice == FirstRunDialog.IMPORT and self.import_orders():
            settings.set("first_run_done", True)

    # --- window state -------------------------------------------------------

    def _restore_geometry(self) -> None:
        """As the window was left, brought inside this screen (it may be a
        smaller one); the first time 1280×800 or less, centred."""
        from desk.ui import screenfit

        saved = settings.get_state("main_window.geometry")
        if saved and self.restoreGeometry(QByteArray.fromBase64(saved.encode())):
            screenfit.clamp(self)
        else:
            screenfit.first_size(self, 1280, 800, screenfit.MAIN_SHARE, centre=True)

    def automatic_backups(self):
        if self.auto_backup is None:
            from desk.ui.backups import AutoBackup

            self.auto_backup = AutoBackup(self.data, self)
            self.auto_backup.problem.connect(lambda text: self.statusBar().showMessage(text))
        return self.auto_backup

    def closeEvent(self, event: QCloseEvent) -> None:
        settings.set_state("main_window.geometry", bytes(self.saveGeometry().toBase64()).decode())
        self.hide()  # gone at once; the closing backup (a second or two for a big shop) follows
        self.automatic_backups().on_close()
        super().closeEvent(event)
        QApplication.instance().quit()
