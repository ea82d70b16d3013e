"""Start a Qt app, report when its main window is usable, and quit.

    python startup_probe.py baseline              a minimal PySide6 window
    python startup_probe.py shopdesk [ARGS...]    ShopDesk's real start (desk.cli.main)

Both go through the same hook: when the app enters its event loop (after
`window.show()`), the visible table's viewport is watched; after its first
paint and one more event-loop turn the probe prints
`BENCH_USABLE <time.time()> <rows in that table>` and quits the loop, so the
app then shuts down its own way. Nothing in desk/ knows about this.
"""

from __future__ import annotations

import os
import sys
import time

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow, QTableView

NO_PAINT_MS = 20_000


class _UsableProbe(QObject):
    def __init__(self, view: QTableView) -> None:
        super().__init__(view)
        self.view = view
        self.painted = False
        view.viewport().installEventFilter(self)
        QTimer.singleShot(NO_PAINT_MS, self.give_up)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and not self.painted:
            self.painted = True
            QTimer.singleShot(0, self.report)  # once this paint is done
        return False

    def report(self) -> None:
        print("BENCH_USABLE", repr(time.time()), self.view.model().rowCount(), flush=True)
        QApplication.quit()

    def give_up(self) -> None:
        if not self.painted:
            print("BENCH_NO_PAINT", flush=True)
            QApplication.exit(3)


_real_exec = QApplication.exec


def _exec_with_probe(*_args: object) -> int:
    try:
        window = next(
            w
            for w in QApplication.topLevelWidgets()
            if isinstance(w, QMainWindow) and w.isVisible()
        )
        view = next(v for v in window.findChildren(QTableView) if v.isVisible())
    except StopIteration:
        # exit at once: raising here would reach ShopDesk's excepthook, which waits on a dialog
        print(
            "BENCH_PROBE_FAILED: no visible main window with a table", file=sys.stderr, flush=True
        )
        os._exit(4)
    _UsableProbe(view)
    return _real_exec()


def baseline() -> int:
    from PySide6.QtGui import QStandardItemModel

    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    view = QTableView()
    view.setModel(QStandardItemModel(50, 4))
    window.setCentralWidget(view)
    window.resize(1280, 800)  # ShopDesk's default size
    window.show()
    return app.exec()


def main() -> int:
    QApplication.exec = _exec_with_probe  # type: ignore[method-assign]
    mode, *args = sys.argv[1:]
    if mode == "baseline":
        return baseline()
    if mode == "shopdesk":
        from desk.cli import main as shopdesk_main

        return shopdesk_main(args)
    raise SystemExit(f"unknown mode {mode!r}")


if __name__ == "__main__":
    sys.exit(main())
