"""--smoke: open every page and every dialog reachable from the menus once, then exit.

Used by CI and the installer's smoke test. Modal dialogs are closed by a
timer as soon as they appear, so the real menu actions run unchanged.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

from desk.ui.dialogs import FirstRunDialog
from desk.ui.worker import wait_all

log = logging.getLogger(__name__)
SKIP = {"actionQuit", "actionOpenDataFolder", "actionOpenLog"}  # leave the app / start other programs


def _close_modals() -> None:
    widget = QApplication.activeModalWidget()
    if isinstance(widget, QMessageBox | QDialog):
        widget.reject()


def run_smoke(app: QApplication, window) -> int:
    closer = QTimer(interval=50)
    closer.timeout.connect(_close_modals)
    closer.start()
    opened = []
    try:
        for key in window.pages_keys():
            window.go(key)
            app.processEvents()
            opened.append(f"page:{key}")
        for menu in (window.menuBar().actions()):
            for action in menu.menu().actions():
                if action.isSeparator() or action.objectName() in SKIP:
                    continue
                action.trigger()
                app.processEvents()
                opened.append(action.objectName())
        dialog = FirstRunDialog(window)
        dialog.show()
        app.processEvents()
        dialog.reject()
        opened.append("firstRunDialog")
        wait_all()
        app.processEvents()
    except Exception:
        log.exception("smoke run failed")
        return 1
    finally:
        closer.stop()
    print(f"smoke ok: {len(opened)} pages and actions opened: {', '.join(opened)}")
    window.close()
    return 0
