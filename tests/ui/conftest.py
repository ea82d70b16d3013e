"""UI fixtures: a shop's data folder with its database open, and main windows on it."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

import pytest
from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import QApplication

from desk.core import db as core_db
from desk.core import demo as core_demo
from desk.core.paths import DataDir
from desk.ui.worker import wait_all
from tests.conftest import new_shop_database

from .helpers import activate, patient, typing_activates

# Demo data is generated as of this moment, so every run builds the same shop.
# It lies in the past: the demo's open follow-ups are all overdue "today".
FIXED_NOW = datetime(2025, 3, 14, 2, 0, tzinfo=UTC)
DEMO_CUSTOMERS = 400


@pytest.fixture
def qtbot(qtbot):
    """pytest-qt's qtbot, whose shortcut keys go to the active window and whose
    waits allow for a busy machine (see typing_activates and patient)."""
    typing_activates(qtbot)
    patient(qtbot)
    return qtbot


@pytest.fixture
def shop_dir(tmp_path) -> DataDir:
    return DataDir(tmp_path / "shop").ensure()


@pytest.fixture
def shop_db(qapp, shop_dir, migrated_template):
    """The migrated database of `shop_dir`; closed only after every worker is done."""
    database = new_shop_database(shop_dir, migrated_template)
    yield database
    # pytest-qt has closed the test's windows by now. A worker still running
    # would write into a closed database, and its result must still find it open.
    assert wait_all(120_000), "a background task did not finish"
    QApplication.processEvents()
    # Delete the closed windows now, so their pages stop listening to the
    # change bus before the next test opens another database.
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)
    core_db.close()


@pytest.fixture
def demo(shop_dir, shop_db) -> core_demo.DemoSummary:
    return core_demo.generate(shop_dir, DEMO_CUSTOMERS, seed=1, now=FIXED_NOW)


@pytest.fixture
def make_window(qtbot, shop_dir, shop_db) -> Callable:
    """Builds, shows and activates a MainWindow on the shop; pytest-qt closes it afterwards."""
    from desk.ui.mainwindow import MainWindow

    def make() -> MainWindow:
        window = MainWindow(shop_dir)
        qtbot.addWidget(window)
        with qtbot.waitExposed(window):
            window.show()
        activate(window)
        return window

    return make


@pytest.fixture
def window(make_window):
    """The main window on an empty shop."""
    return make_window()


@pytest.fixture
def demo_window(demo, make_window):
    """The main window on the demo shop."""
    return make_window()
