"""Build one list page in a fresh process, report when its table first painted
its rows and how much memory the process holds then; optionally time sorting
on every column and jumping to the last row.

    python page_probe.py page SPEC.json    ShopDesk's Customers page (CustomersPage), or the
                                           page SPEC's "page" names ("aftersales": AftersalesPage)
    python page_probe.py bare SPEC.json    a bare lazy QAbstractTableModel in a QTableView

SPEC.json (written by bench_customers_page.py) gives the database, and for
`bare` the SQL the page's Listing runs (the same ids
query, the same rows query), the columns the page shows, the page's sort and
its table's size. Both sides set up the same way before the clock starts:
QApplication, the database open, imports done (the app's style sheet is the
sidebar's own, not on the pages). The
clock then runs from constructing the page (or the model and view) to the
first paint of the table's viewport, detected with an event filter; the
report is made on the next event-loop turn, once that paint is done.

Prints one line: `BENCH_RESULT <json>`. Nothing in desk/ knows about this.
"""

from __future__ import annotations

import json
import sys
import time
from array import array
from pathlib import Path

from PySide6.QtCore import QAbstractTableModel, QEvent, QEventLoop, QModelIndex, QObject, Qt, QTimer
from PySide6.QtWidgets import QApplication, QHeaderView, QTableView

NO_PAINT_MS = 20_000
PAGE_SIZE = 200  # rows fetched at a time by the bare model, as LazyTableModel does


def rss_kib() -> dict[str, int]:
    """VmRSS (resident now) and VmHWM (peak resident) of this process, in KiB."""
    out = {}
    for line in Path("/proc/self/status").read_text().splitlines():
        key, _, value = line.partition(":")
        if key in ("VmRSS", "VmHWM"):
            out[key] = int(value.split()[0])
    return out


class PaintWatch(QObject):
    """Runs an action and a local event loop until the viewport has painted
    once after it, and one more event-loop turn has passed."""

    def __init__(self, view: QTableView) -> None:
        super().__init__(view)
        self.viewport = view.viewport()
        self.armed = False
        self.loop = QEventLoop()
        self.guard = QTimer(self, singleShot=True, interval=NO_PAINT_MS)
        self.guard.timeout.connect(self._give_up)
        self.timed_out = False
        self.viewport.installEventFilter(self)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if self.armed and obj is self.viewport and event.type() == QEvent.Type.Paint:
            self.armed = False
            QTimer.singleShot(0, self.loop.quit)  # once this paint is done
        return False

    def _give_up(self) -> None:
        self.timed_out = True
        self.loop.quit()

    def run(self, action) -> float:
        """Seconds from calling `action` to the end of the next viewport paint."""
        self.armed, self.timed_out = True, False
        self.guard.start()
        t0 = time.perf_counter()
        action()
        self.loop.exec()
        elapsed = time.perf_counter() - t0
        self.guard.stop()
        if self.timed_out:
            raise RuntimeError(f"no paint within {NO_PAINT_MS} ms")
        return elapsed


# --- the bare side ---------------------------------------------------------------


class BareModel(QAbstractTableModel):
    """The least a lazy table needs: the ordered ids of every row from one query,
    and the visible rows fetched by id a page at a time; values shown with str()."""

    def __init__(self, conn, spec: dict) -> None:
        super().__init__()
        self.conn = conn
        self.ids_sql: dict[str, str] = spec["ids_sql"]
        self.rows_sql: str = spec["rows_sql"]
        self.keys: list[str] = spec["columns"]
        fields: list[str] = spec["fields"]
        self.pos = [fields.index(k) + 1 for k in self.keys]
        self.ids = array("q")
        self.pages: dict[int, dict[int, tuple]] = {}
        self.sort_key, self.descending = spec["sort"]
        self.seconds_in_ids_query = 0.0
        self.ids_queries = 0
        self.loaded = False

    def load(self) -> None:
        self.beginResetModel()
        t0 = time.perf_counter()
        sql = self.ids_sql[self.sort_key].replace("{dir}", "DESC" if self.descending else "ASC")
        cursor = self.conn.execute(sql)
        ids = array("q")
        while batch := cursor.fetchmany(20000):
            ids.extend(r[0] for r in batch)
        self.ids = ids
        self.seconds_in_ids_query += time.perf_counter() - t0
        self.ids_queries += 1
        self.loaded = True
        self.pages.clear()
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.ids)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.keys)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.keys[section]
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if role != Qt.ItemDataRole.DisplayRole or not index.isValid():
            return None
        row = index.row()
        page_no = row // PAGE_SIZE
        page = self.pages.get(page_no)
        if page is None:
            part = self.ids[page_no * PAGE_SIZE : (page_no + 1) * PAGE_SIZE].tolist()
            sql = f"{self.rows_sql} ({','.join('?' * len(part))})"
            page = {r[0]: r for r in self.conn.execute(sql, part)}
            self.pages[page_no] = page
        found = page.get(self.ids[row])
        value = None if found is None else found[self.pos[index.column()]]
        return "" if value is None else str(value)

    def sort(self, column: int, order=Qt.SortOrder.AscendingOrder) -> None:
        # QTableView.sortByColumn calls this twice (through the header's signal and
        # directly), so a sort already in effect is skipped, as LazyTableModel does.
        key, descending = self.keys[column], order == Qt.SortOrder.DescendingOrder
        if self.loaded and (key, descending) == (self.sort_key, self.descending):
            return
        self.sort_key, self.descending = key, descending
        self.load()


def setup_bare(spec: dict):
    import sqlite3

    app = QApplication(sys.argv[:1])
    conn = sqlite3.connect(spec["db"])
    for name, value in spec["pragmas"].items():
        conn.execute(f"PRAGMA {name} = {value}")

    def build():
        model = BareModel(conn, spec)
        view = QTableView()
        view.setModel(model)
        view.verticalHeader().setVisible(False)
        view.verticalHeader().setDefaultSectionSize(spec["row_height"])
        view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        key, descending = spec["sort"]
        if key in model.keys:  # the header shows the page's order; this loads once
            view.horizontalHeader().setSortIndicator(
                model.keys.index(key),
                Qt.SortOrder.DescendingOrder if descending else Qt.SortOrder.AscendingOrder,
            )
            view.setSortingEnabled(True)
        else:  # the page's order is not a column: load in it, the header shows none
            model.load()
        for col, width in enumerate(spec["widths"]):
            if col in spec["hidden"]:
                view.setColumnHidden(col, True)
            else:
                view.setColumnWidth(col, width)
        view.resize(*spec["view_size"])
        view.show()
        return view, view, model

    def stats(model) -> dict:
        return {"ids_query_s": model.seconds_in_ids_query, "ids_queries": model.ids_queries}

    return app, build, stats


# --- our side --------------------------------------------------------------------


def setup_page(spec: dict):
    from desk.core import db, settings
    from desk.core.listing import Listing
    from desk.ui import i18n

    # The page's module is imported before the clock, as the first paint is what is
    # timed (the import is in the "whole process" figure).
    if spec.get("page", "customers") == "aftersales":
        from desk.ui.aftersales.page import AftersalesPage as Page
    else:
        from desk.ui.customers.page import CustomersPage as Page

    app = QApplication(sys.argv[:1])
    db.open_database(Path(spec["db"]), Path(spec["backups"]))
    i18n.install(app, settings.get("language"))

    timing = {"ids_query_s": 0.0, "ids_queries": 0, "rows_query_s": 0.0, "rows_queries": 0}
    real_ids, real_rows = Listing.ids, Listing.rows

    def ids(self, *args, **kwargs):
        t0 = time.perf_counter()
        try:
            return real_ids(self, *args, **kwargs)
        finally:
            timing["ids_query_s"] += time.perf_counter() - t0
            timing["ids_queries"] += 1

    def rows(self, *args, **kwargs):
        t0 = time.perf_counter()
        try:
            return real_rows(self, *args, **kwargs)
        finally:
            timing["rows_query_s"] += time.perf_counter() - t0
            timing["rows_queries"] += 1

    Listing.ids, Listing.rows = ids, rows  # only counts; the queries are the page's own

    def build():
        page = Page()
        page.resize(*spec["window_size"])
        page.show()
        return page, page.view, page.model

    def stats(model) -> dict:
        return dict(timing)

    return app, build, stats


# --- both --------------------------------------------------------------------------


def sort_and_jump(view: QTableView, model, watch: PaintWatch, rounds: int) -> dict:
    """Every column ascending and descending, each followed by a jump to the last
    row; `rounds` times over. Seconds per (column, order) and per jump."""
    header = view.horizontalHeader()
    ncols = model.columnCount()
    sorts: dict[str, list[float]] = {}
    jumps: dict[str, list[float]] = {}
    for _ in range(rounds):
        for col in range(ncols):
            for order in (Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder):
                if (header.sortIndicatorSection(), header.sortIndicatorOrder()) == (col, order):
                    continue  # already so: nothing would reload
                name = f"{col} {'desc' if order == Qt.SortOrder.DescendingOrder else 'asc'}"
                sorts.setdefault(name, []).append(
                    watch.run(lambda c=col, o=order: view.sortByColumn(c, o))
                )
                jumps.setdefault(name, []).append(watch.run(view.scrollToBottom))
                watch.run(view.scrollToTop)
    return {"sorts": sorts, "jumps": jumps}


def main() -> int:
    mode, spec_path = sys.argv[1:3]
    spec = json.loads(Path(spec_path).read_text(encoding="utf-8"))
    if mode == "page":
        app, build, stats = setup_page(spec)
    elif mode == "bare":
        app, build, stats = setup_bare(spec)
    else:
        raise SystemExit(f"unknown mode {mode!r}")
    result: dict = {"mode": mode, "ready_at": time.time()}
    out: dict = {}

    def first_paint():
        t0 = time.perf_counter()
        widget, view, model = build()
        out.update(widget=widget, view=view, model=model)
        watch = PaintWatch(view)
        out["watch"] = watch
        watch.armed = True
        watch.guard.start()
        watch.loop.exec()
        if watch.timed_out:
            raise RuntimeError("the table never painted")
        result["page_s"] = time.perf_counter() - t0
        result["painted_at"] = time.time()
        result["memory_kib"] = rss_kib()
        result["rows"] = model.rowCount()
        result["first_paint"] = stats(model)

    first_paint()
    view, model, watch = out["view"], out["model"], out["watch"]
    header = view.horizontalHeader()
    result["columns"] = [getattr(c, "key", None) for c in getattr(model, "columns", [])] or list(
        getattr(model, "keys", [])
    )
    result["hidden"] = [i for i in range(model.columnCount()) if header.isSectionHidden(i)]
    result["widths"] = [view.columnWidth(i) for i in range(model.columnCount())]
    result["view_size"] = [view.width(), view.height()]
    result["row_height"] = view.verticalHeader().defaultSectionSize()
    key = getattr(model, "_sort_key", None) or getattr(model, "sort_key", None)
    descending = getattr(model, "_descending", getattr(model, "descending", False))
    result["sort"] = [key, bool(descending)]
    rounds = int(spec.get("sort_rounds", 0))
    if rounds:
        result.update(sort_and_jump(view, model, watch, rounds))
        result["after_sorting"] = stats(model)
    print("BENCH_RESULT", json.dumps(result), flush=True)
    out["widget"].close()
    app.processEvents()
    return 0


if __name__ == "__main__":
    sys.exit(main())
