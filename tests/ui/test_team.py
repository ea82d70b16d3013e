"""Team mode in the app: the window on a shop on a server shows what other
seats write, the start asks to try again while the server does not answer,
and Settings > Team shows and changes which engine the shop is on."""

from __future__ import annotations

import json
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import QApplication, QMessageBox

from desk.core import db as core_db
from desk.core import live, server, team
from desk.core.base import database
from desk.core.customers.models import Customer
from desk.core.paths import DataDir
from desk.ui import team as team_ui
from desk.ui.dialogs import SettingsDialog
from desk.ui.worker import wait_all
from tests.core.team.test_live import SEAT_B
from tests.ui.helpers import answering
from tests.ui.test_process import desk

pytestmark = pytest.mark.usefixtures("pgpass")

ROOT = Path(__file__).resolve().parents[2]


def _let_go() -> None:
    assert wait_all(120_000), "a background task did not finish"
    QApplication.processEvents()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)
    team_ui.close_team_shop()
    core_db.close()
    database.initialize(None)


@pytest.fixture
def seat(qapp, tmp_path, pg_server, pg_database):
    """A data folder joined to a shop on the test server, opened as the app does."""
    data = DataDir(tmp_path / "seat").ensure()
    team.join(data, pg_server.url(pg_database))
    asked = []
    assert team_ui.open_team_shop(data, asked.append) is not None
    assert not asked
    yield data
    _let_go()


def _other_seat_writes(data: DataDir) -> list[int]:
    """Another process, on the same shop, adds five buyers (as seat B)."""
    a = team.load(data).address
    done = subprocess.run([sys.executable, "-c", SEAT_B, a.host, str(a.port), a.dbname, a.user],
                          capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert done.returncode == 0, done.stderr
    return [int(line.split()[0]) for line in done.stdout.splitlines() if line]


def test_the_customers_page_shows_what_another_seat_adds(qtbot, seat):
    from desk.ui.mainwindow import MainWindow

    window = MainWindow(seat)
    qtbot.addWidget(window)
    window.show()
    window.go("customers")
    page = window.pages["customers"]
    assert page.model.rowCount() == 0
    assert live.current().listening.wait(60)
    ids = _other_seat_writes(seat)
    qtbot.waitUntil(lambda: page.model.rowCount() == 5, timeout=60_000)
    shown = {page.model.index(page.model.row_of(i), 0).data() for i in ids}
    assert shown == {f"seat-b-{n}" for n in range(5)}
    assert page.count_label.text() == "5 row(s)"
    assert live.current().heard == 5


def test_the_start_asks_to_try_again_until_the_server_answers(qapp, tmp_path, pg_server, pg_database):
    data = DataDir(tmp_path / "seat").ensure()
    setup = team.join(data, pg_server.url(pg_database))
    good = setup.address
    team.save(data, team.TeamSetup(server.ServerAddress(good.host, 5999, good.dbname, good.user),
                                   team.NOT_KEPT))
    asked = []

    def ask(error) -> bool:
        asked.append(str(error))
        if len(asked) == 1:
            return True  # try again, still wrong
        team.save(data, setup)  # the server's address put right meanwhile
        return True

    try:
        assert team_ui.open_team_shop(data, ask) is not None
        assert len(asked) == 2 and all("cannot reach the shop's server" in m for m in asked)
        assert live.current() is not None and live.current().listening.wait(60)
        assert Customer.select().count() == 0
    finally:
        _let_go()


def test_quit_when_the_server_does_not_answer(qapp, tmp_path):
    data = DataDir(tmp_path / "seat").ensure()
    team.save(data, team.TeamSetup(server.ServerAddress(str(tmp_path), 5999, "shop", "staff"),
                                   team.NOT_KEPT))

    def quit_(box: QMessageBox) -> None:
        assert box.objectName() == "serverProblem"
        assert "cannot open the shop on its server" in box.text()
        assert "cannot reach the shop's server" in box.text()
        [button] = [b for b in box.buttons() if b.text() == "&Quit"]
        button.click()

    with answering(QMessageBox, quit_):
        assert team_ui.open_team_shop(data) is None
    assert live.current() is None


def test_the_app_on_an_unreachable_server_says_so_without_a_traceback(tmp_path):
    data = DataDir(tmp_path / "seat").ensure()
    team.save(data, team.TeamSetup(server.ServerAddress(str(tmp_path), 5999, "shop", "staff"),
                                   team.NOT_KEPT))
    done = desk("--data-dir", str(data.root), "--smoke")
    assert done.returncode == 2, done.stderr
    assert "Traceback" not in done.stderr
    assert "cannot reach the shop's server" in done.stderr
    assert not data.db_path.exists()  # no local shop made in the server's place


def test_the_app_opens_a_team_shop(tmp_path, pg_server, pg_database):
    data = DataDir(tmp_path / "seat").ensure()
    team.join(data, pg_server.url(pg_database))
    done = desk("--data-dir", str(data.root), "--smoke")
    assert done.returncode == 0, done.stderr
    assert "smoke ok" in done.stdout
    assert "Traceback" not in done.stderr
    assert not data.db_path.exists()


def test_settings_team_page_on_a_local_shop_makes_a_team_shop(qtbot, window, shop_dir, pg_server, pgpass):
    pg_server.sql("CREATE DATABASE team_made")
    try:
        dialog = SettingsDialog(window)
        qtbot.addWidget(dialog)
        page = dialog.team
        assert dialog.tabs.tabText(1) == "Team"
        assert page.mode.text() == "Local: the shop is on this computer"
        assert not page.setup_box.isHidden()
        qtbot.waitUntil(lambda: not page.busy, timeout=60_000)
        assert page.schema.text() == str(core_db.latest_version())

        page.url.setText("")
        page.join_button.click()
        assert "Give the server's address" in page.message.text()

        page.url.setText(pg_server.url("team_made"))
        page.password.setText("s3cret:pw")
        page.init_button.click()
        qtbot.waitUntil(lambda: not page.busy and "Restart ShopDesk" in page.message.text(),
                        timeout=60_000)
        assert page.mode.text() == "Team: the shop is on a PostgreSQL server"
        assert page.server.text() == f"socket {pg_server.socket_dir}:5432"
        assert page.database.text() == "team_made"
        assert page.user.text() == "shopdesk_test"
        qtbot.waitUntil(lambda: not page.busy, timeout=60_000)
        assert page.schema.text().startswith(f"{core_db.latest_version()} (PostgreSQL 1")
        assert page.state.text().startswith("Not connected")  # this run is still on the local shop
        assert page.setup_box.isHidden()
        assert page.password.text() == ""
        recorded = json.loads((shop_dir.root / "team.json").read_text("utf-8"))
        assert recorded["database"] == "team_made" and recorded["password"] == team.KEPT_IN_PGPASS
        assert "s3cret" not in (shop_dir.root / "team.json").read_text("utf-8")
        assert "s3cret\\:pw" in pgpass.read_text("utf-8")
        assert stat.S_IMODE(pgpass.stat().st_mode) == 0o600
        assert pg_server.sql("SELECT max(version) FROM shopdesk_schema", "team_made") == [
            (core_db.latest_version(),)]
        dialog.reject()
    finally:
        wait_all(120_000)
        pg_server.sql("DROP DATABASE IF EXISTS team_made WITH (FORCE)")


def test_settings_team_page_says_why_a_join_is_refused(qtbot, window, pg_server):
    dialog = SettingsDialog(window)
    qtbot.addWidget(dialog)
    page = dialog.team
    page.url.setText(pg_server.url("postgres"))
    page.join_button.click()
    qtbot.waitUntil(lambda: not page.busy and "holds no ShopDesk shop" in page.message.text(),
                    timeout=60_000)
    assert page.join_button.isEnabled()
    assert page.mode.text() == "Local: the shop is on this computer"
    assert not (window.data.root / "team.json").exists()


def test_settings_team_page_on_a_team_shop(qtbot, seat, pg_database):
    dialog = SettingsDialog()
    dialog.team.data = seat
    dialog.team.refresh()
    qtbot.addWidget(dialog)
    page = dialog.team
    assert page.mode.text() == "Team: the shop is on a PostgreSQL server"
    assert page.database.text() == pg_database
    assert page.setup_box.isHidden()
    qtbot.waitUntil(lambda: not page.busy, timeout=60_000)
    assert page.schema.text().startswith(f"{core_db.latest_version()} (PostgreSQL ")
    assert live.current().listening.wait(60)
    page.refresh()
    assert page.state.text() == "Connected; other seats' changes show here live"
    qtbot.waitUntil(lambda: not page.busy, timeout=60_000)


def test_an_import_waits_for_another_seats_import_and_says_so(qtbot, seat, pg_server, pg_database,
                                                               tmp_path):
    """File > Import on a seat while another seat imports: the progress dialog
    says it waits for that import, and the import runs once that one is done."""
    import psycopg2
    from PySide6.QtWidgets import QLineEdit, QProgressDialog, QPushButton

    from desk.core.excel import orders_import
    from desk.ui.transfer.import_dialog import ImportDialog
    from tests.core.excel import samples
    from tests.ui.helpers import child, click

    def orders() -> int:
        return database.execute_sql("SELECT count(*) FROM shop_order").fetchone()[0]

    path = samples.taobao_csv(tmp_path / "orders.csv")
    other = psycopg2.connect(**pg_server.params(pg_database))  # the other seat, importing
    other.autocommit = True
    other.cursor().execute("SELECT pg_advisory_lock(%s)", (orders_import.IMPORT_LOCK,))

    def answer(dialog):
        child(dialog, QLineEdit, "importPath").setText(str(path))
        click(qtbot, child(dialog, QPushButton, "importPreview"))
        summary = child(dialog, type(dialog.summary), "importSummary")
        qtbot.waitUntil(lambda: "New orders: 3" in summary.text(), timeout=60_000)
        click(qtbot, child(dialog, QPushButton, "importRun"))

        def told() -> bool:
            progress = dialog.findChild(QProgressDialog, "progressDialog")
            return progress is not None and progress.labelText().startswith(
                "Another seat is importing orders into the shop. This import starts when")

        qtbot.waitUntil(told, timeout=60_000)
        assert orders() == 0
        other.cursor().execute("SELECT pg_advisory_unlock(%s)", (orders_import.IMPORT_LOCK,))

    try:
        with answering(ImportDialog, answer):
            result = ImportDialog.ask(None)
    finally:
        other.close()
    assert result is not None and result.applied
    assert orders() == 3
    # the backup an import takes first went to this seat's folder (an export of the server shop)
    from desk.core import backup

    assert [b.reason for b in backup.list_backups(seat)] == ["import"]
