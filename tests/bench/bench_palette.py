"""The quick-reply palette with 5,000 phrases: from the shortcut (show_palette,
as F9 and the tray menu call it) to the palette painted on screen, with the
palette built hidden beforehand as the main window does just after start-up;
baseline: showing a plain tool window with a search field and a list of 50
items. The first shortcut without that preparation is reported too."""

from __future__ import annotations

import os
import shutil
import time

from harness import Context, Measurement, bench, median

PHRASES = 5_000


def _painted(widget, show) -> float:
    """Seconds from calling `show()` until `widget` has been painted."""
    from PySide6.QtCore import QEvent, QObject
    from PySide6.QtWidgets import QApplication

    class Watch(QObject):
        painted = False

        def eventFilter(self, obj, event):  # noqa: N802 - Qt's name
            if event.type() == QEvent.Type.Paint:
                self.painted = True
            return False

    watch = Watch()
    widget.installEventFilter(watch)
    t0 = time.perf_counter()
    show()
    deadline = t0 + 5
    while not watch.painted and time.perf_counter() < deadline:
        QApplication.processEvents()
    elapsed = time.perf_counter() - t0
    widget.removeEventFilter(watch)
    return elapsed


@bench(
    "palette",
    "quick-reply palette with 5,000 phrases: shortcut to palette painted (built hidden after "
    "start-up, as the app does); baseline: showing a plain tool window with a field and a "
    "50-item list; target: under 100 ms",
    target="0.1s",
)
def palette(ctx: Context) -> list[Measurement]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from bench_replies import _fill
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication, QLineEdit, QListWidget, QVBoxLayout, QWidget

    from desk.core import db
    from desk.core.paths import DataDir
    from desk.ui.replies import palette as palette_ui

    app = QApplication.instance() or QApplication([])
    work = ctx.cache / "palette-bench"
    shutil.rmtree(work, ignore_errors=True)
    data = DataDir(work / "shop").ensure()
    db.open_database(data.db_path, data.backups)
    try:
        _fill(PHRASES)
        home = QWidget()
        home.resize(800, 600)
        home.show()
        app.processEvents()

        t0 = time.perf_counter()
        first = palette_ui.show_palette(home)  # no preparation: builds it and loads the index
        while not first.isVisible():
            app.processEvents()
        unprepared = time.perf_counter() - t0
        first.hide()
        first.deleteLater()
        palette_ui._palette = None
        app.processEvents()
        palette_ui.prepare_palette(home)  # what the main window does two seconds after start-up

        plain = QWidget(home, Qt.WindowType.Tool | Qt.WindowType.FramelessWindowHint)
        column = QVBoxLayout(plain)
        column.addWidget(QLineEdit())
        items = QListWidget()
        items.addItems([f"第{i}句：亲，今天下单明天发货" for i in range(50)])
        column.addWidget(items)
        plain.resize(560, 420)

        ours_t, base_t = [], []
        for _ in range(ctx.rounds(15)):
            ours_t.append(_painted(palette_ui.prepare_palette(home),
                                   lambda: palette_ui.show_palette(home)))
            palette_ui.prepare_palette(home).hide()
            base_t.append(_painted(plain, plain.show))
            plain.hide()
            app.processEvents()
    finally:
        db.close()
    return [
        Measurement(median(ours_t), median(base_t),
                    note=f"median of {len(ours_t)} opens: ours {median(ours_t) * 1000:.1f} ms "
                         f"(slowest {max(ours_t) * 1000:.1f} ms), baseline {median(base_t) * 1000:.1f} ms"),
        Measurement(unprepared, median(base_t), label="first shortcut, not prepared",
                    note="built on the first shortcut (index of 5,000 phrases loaded then)"),
    ]
