"""Starting the GUI: display check, single instance, logging, translations, main window."""

from __future__ import annotations

import gc
import logging
import os
import sys
import zlib

from desk import APP_NAME, __version__
from desk.core.errors import UserError

log = logging.getLogger(__name__)
EXIT_USAGE = 2


def display_problem() -> str | None:
    """Why Qt could not open a window here, in words a person can act on
    (instead of Qt's abort), or None when it can."""
    if not sys.platform.startswith("linux"):
        return None
    platform = os.environ.get("QT_QPA_PLATFORM", "")
    if platform.startswith(("offscreen", "minimal", "vnc")):
        return None
    if not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        return ("No display found: ShopDesk needs a desktop session. Run it from your desktop, or "
                "set QT_QPA_PLATFORM=offscreen for a headless check (for example with --smoke).")
    if os.environ.get("DISPLAY") and not platform.startswith("wayland"):
        import ctypes.util

        if ctypes.util.find_library("xcb-cursor") is None:
            return ("Qt needs the system library libxcb-cursor0 to open a window. Install it with: "
                    "sudo apt-get install libxcb-cursor0")
    return None


def _server_name(root) -> str:
    # crc32 is plenty to tell data folders apart, and zlib is loaded already
    # (hashlib would add ~6 ms to start-up)
    return f"shopdesk-{zlib.crc32(str(root).encode('utf-8')):08x}"


def _raise_running_instance(name: str, patience_s: float = 3.0) -> bool:
    """Ask a ShopDesk already open on this data folder to come forward. Asked
    only when the data folder's lock is held, so the other one is running; it
    starts listening just after its window is shown, hence the patience."""
    import time

    from PySide6.QtNetwork import QLocalSocket

    deadline = time.monotonic() + patience_s
    while True:
        sock = QLocalSocket()
        sock.connectToServer(name)
        if sock.waitForConnected(500):
            break
        if time.monotonic() >= deadline:
            return False
        time.sleep(0.1)
    sock.write(b"raise\n")
    sock.flush()
    if sock.state() == QLocalSocket.LocalSocketState.ConnectedState:
        sock.waitForBytesWritten(500)
    sock.disconnectFromServer()
    return True


def _listen(name: str, window):
    """Answer later starts on this data folder by bringing `window` forward.
    QtNetwork is loaded here, after the window is up, not on the start path."""
    from PySide6.QtNetwork import QLocalServer

    server = QLocalServer(window)
    QLocalServer.removeServer(name)  # a socket left by a crash
    server.listen(name)

    def bring_forward() -> None:
        conn = server.nextPendingConnection()
        if conn is not None:
            conn.deleteLater()
        window.bring_forward()

    server.newConnection.connect(bring_forward)
    return server


def run_gui(args) -> int:
    # No cyclic garbage collection while the window is built: start-up makes
    # tens of thousands of objects and next to no garbage, and the collector's
    # passes over them cost more start-up time than they free. It is on again
    # once the window has painted (or when start-up ends any other way).
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _run_gui(args, collecting)
    finally:
        if collecting:
            gc.enable()


def _run_gui(args, collecting: bool) -> int:
    problem = display_problem()
    if problem:
        print(f"shopdesk: {problem}", file=sys.stderr)
        return EXIT_USAGE

    from desk.core import paths

    try:
        data = paths.resolve(args.data_dir).ensure()
    except UserError as e:
        print(f"shopdesk: {e}", file=sys.stderr)
        return EXIT_USAGE

    from PySide6.QtCore import QCoreApplication, Qt
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtWidgets import QApplication

    from desk.core import db, logs, settings
    from desk.core.lock import WriterLock

    QCoreApplication.setOrganizationName(APP_NAME)
    QCoreApplication.setApplicationName(APP_NAME)
    QCoreApplication.setApplicationVersion(__version__)
    QGuiApplication.setHighDpiScaleFactorRoundingPolicy(Qt.HighDpiScaleFactorRoundingPolicy.PassThrough)
    app = QApplication.instance() or QApplication(sys.argv[:1])

    server_name = _server_name(data.root)
    lock = WriterLock(data.lock_path)
    if not lock.acquire():
        if _raise_running_instance(server_name):
            print("shopdesk: ShopDesk is already open on this data folder; brought it forward.",
                  file=sys.stderr)
            return 0
        print(f"shopdesk: another ShopDesk process is writing to {data.root}; close it first.",
              file=sys.stderr)
        return EXIT_USAGE

    logs.setup(data.logs)
    log.info("ShopDesk %s starting (data folder %s)", __version__, data.root)
    from desk.core import restore
    from desk.ui import errors, i18n

    # before anything opens (and so could create) the database: never a local shop in its place
    if (data.root / "team.json").exists():  # team mode: the shop is on a server
        if collecting:
            gc.enable()
        return _run_team(app, args, data, lock, server_name)
    try:
        check = restore.startup_check(data)
    except UserError as e:  # a folder where the database should be, a disk that refuses the check
        return _refuse_to_start(app, args, e, lock)
    if check.status == "damaged":
        if args.smoke:  # an install check: no one is there to answer
            print(f"shopdesk: the database failed its check and was moved to {check.kept_at}",
                  file=sys.stderr)
            lock.release()
            return EXIT_USAGE
        from desk.ui.startup_check import check_database_at_startup

        if not check_database_at_startup(data, prepare=lambda: i18n.install(app, args.lang or ""),
                                         check=check):
            lock.release()
            return 0
    try:
        # without the ORM: peewee and the models load on first use, after the first paint
        db.open_database(data.db_path, data.backups, orm=False)
    except UserError as e:
        return _refuse_to_start(app, args, e, lock)
    language = i18n.install(app, args.lang or settings.get("language"))
    try:
        window = _build_window(app, data)
    except Exception:  # a bug before there is a window: say where the details are, exit
        log.exception("start-up failed")
        print(f"shopdesk: ShopDesk could not start; the details are in {data.logs}.", file=sys.stderr)
        return _finish(1, lock, data, clean=False)
    from PySide6.QtCore import QTimer

    # once the window has painted: later starts on this folder knock here
    QTimer.singleShot(200, lambda: _listen(server_name, window))
    if collecting:
        QTimer.singleShot(200, gc.enable)
    log.info("main window shown (language %s)", language)
    # From here on a bug shows a dialog and the app keeps running.
    errors.install_excepthook()

    if args.smoke:
        from desk.ui.smoke import run_smoke

        return _finish(run_smoke(app, window), lock, data)
    if not settings.get("first_run_done"):
        QTimer.singleShot(0, lambda: _welcome(window))  # (the ORM it needs is not loaded yet)
    return _finish(app.exec(), lock, data)


def _welcome(window) -> None:
    """The first start on a data folder: ask how to begin, unless the shop
    already has customers (a folder from an older ShopDesk, a restore)."""
    from desk.core import settings
    from desk.core.customers import service as customers

    if not customers.any_customers():
        window.first_run()
    else:
        settings.set("first_run_done", True)


def _run_team(app, args, data, lock, server_name: str) -> int:
    """The shop on its server: connect (try again or quit while it does not
    answer), listen to the other seats, then the same window as ever. The
    local checks of the SQLite file do not apply; the server keeps the data."""
    from PySide6.QtCore import QTimer

    from desk.core import settings
    from desk.ui import errors, i18n
    from desk.ui import team as team_ui

    i18n.install(app, args.lang or "")
    if args.smoke:
        def ask(error: UserError) -> bool:  # an install check: no one is there to answer
            print(f"shopdesk: {error}", file=sys.stderr)
            return False
    else:
        ask = team_ui.ask_retry
    try:
        database = team_ui.open_team_shop(data, ask)
    except UserError as e:
        return _refuse_to_start(app, args, e, lock)
    if database is None:
        lock.release()
        return EXIT_USAGE if args.smoke else 0
    try:
        language = i18n.install(app, args.lang or settings.get("language"))
        window = _build_window(app, data)
    except UserError as e:
        team_ui.close_team_shop()
        return _refuse_to_start(app, args, e, lock)
    except Exception:  # a bug before there is a window: say where the details are, exit
        log.exception("start-up failed")
        print(f"shopdesk: ShopDesk could not start; the details are in {data.logs}.", file=sys.stderr)
        team_ui.close_team_shop()
        return _finish(1, lock, data, clean=False)
    QTimer.singleShot(200, lambda: _listen(server_name, window))
    log.info("main window shown (team mode, language %s)", language)
    errors.install_excepthook()
    try:
        if args.smoke:
            from desk.ui.smoke import run_smoke

            code = run_smoke(app, window)
        else:
            code = app.exec()
    finally:
        team_ui.close_team_shop()
    return _finish(code, lock, data, clean=False)


def _refuse_to_start(app, args, error: UserError, lock) -> int:
    """The database cannot be used: say why (a dialog, or stderr for --smoke), release, exit."""
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QMessageBox

    from desk.ui import errors, i18n

    if args.smoke:  # an install check: no one is there to close a dialog
        print(f"shopdesk: {error}", file=sys.stderr)
    else:
        i18n.install(app, args.lang or "")
        QMessageBox.critical(None, QCoreApplication.translate("Errors", "ShopDesk"),
                             errors.user_message(error))
    lock.release()
    return EXIT_USAGE


def _build_window(app, data):
    from PySide6.QtGui import QIcon

    from desk.core.resources import resource
    from desk.ui.mainwindow import MainWindow

    app.setWindowIcon(QIcon(str(resource("icons", "shopdesk.svg"))))
    window = MainWindow(data)
    window.show()
    return window


def _finish(code: int, lock, data, clean: bool = True) -> int:
    from desk.core import db, restore
    from desk.ui.worker import wait_all

    wait_all()
    live = sys.modules.get("desk.core.live")  # a team shop opened in Settings > Team
    if live is not None:
        live.stop()
    db.close()
    if clean:
        restore.mark_clean_close(data)  # the next start may skip the full quick check
    lock.release()
    logging.getLogger(__name__).info("ShopDesk closed with code %s", code)
    return code
