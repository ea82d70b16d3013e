"""Team mode in the app: the window on a shop on a server shows what other
seats write, the start asks to try again while the server does not answer,
and Settings > Team shows and changes which engine the shop is on."""

from __future__ import annotations

import json
import sqlite3
import stat
import subprocess
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton

from desk.core import db as core_db
from desk.core import live, server, team, team_move
from desk.core.base import database
from desk.core.customers.models import Customer
from desk.core.paths import DataDir
from desk.ui import fmt
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


def test_the_start_says_when_the_keyring_gave_no_password(qapp, tmp_path):
    data = DataDir(tmp_path / "seat").ensure()
    team.save(data, team.TeamSetup(server.ServerAddress(str(tmp_path), 5999, "shop", "staff"),
                                   team.KEPT_IN_KEYRING))  # and no keyring here (pgpass fixture)
    shown = []

    def quit_(box: QMessageBox) -> None:
        shown.append(box.text())
        [button] = [b for b in box.buttons() if b.text() == "&Quit"]
        button.click()

    with answering(QMessageBox, quit_):
        assert team_ui.open_team_shop(data) is None
    assert len(shown) == 1 and "kept in the system's keyring, which gave none" in shown[0]


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
        assert page.move_box.isHidden() and page.leave_box.isHidden()
        qtbot.waitUntil(lambda: not page.busy, timeout=60_000)
        assert page.schema.text() == str(core_db.latest_version())

        page.url.setText("")
        page.join_button.click()
        assert "Give the server's address" in page.error.text() and not page.error.isHidden()

        page.url.setText(pg_server.url("team_made"))
        page.password.setText("s3cret:pw")
        page.init_button.click()  # an empty shop: nothing to move, the window switches at once
        qtbot.waitUntil(lambda: not page.busy and "now shows the shop on the server"
                        in page.message.text(), timeout=60_000)
        assert page.error.isHidden()
        assert page.mode.text() == "Team: the shop is on a PostgreSQL server"
        assert page.server.text() == f"socket {pg_server.socket_dir}:5432"
        assert page.database.text() == "team_made"
        assert page.user.text() == "shopdesk_test"
        qtbot.waitUntil(lambda: not page.busy, timeout=60_000)
        assert page.schema.text().startswith(f"{core_db.latest_version()} (PostgreSQL 1")
        assert isinstance(database.obj, server.ServerDatabase)  # no restart
        assert live.current() is not None and live.current().listening.wait(60)
        page.refresh()
        assert page.state.text() == "Connected; other seats' changes show here live"
        qtbot.waitUntil(lambda: not page.busy, timeout=60_000)
        assert page.setup_box.isHidden() and page.open_button.isHidden()
        assert page.password.text() == ""
        recorded = json.loads((shop_dir.root / "team.json").read_text("utf-8"))
        assert recorded["database"] == "team_made" and recorded["password"] == team.KEPT_IN_PGPASS
        assert "s3cret" not in (shop_dir.root / "team.json").read_text("utf-8")
        assert "s3cret\\:pw" in pgpass.read_text("utf-8")
        assert stat.S_IMODE(pgpass.stat().st_mode) == 0o600
        assert pg_server.sql("SELECT max(version) FROM shopdesk_schema", "team_made") == [
            (core_db.latest_version(),)]
        assert "Now working with the shop on the server" in window.statusBar().currentMessage()
        dialog.reject()
    finally:
        _back_to_local(shop_dir)
        pg_server.sql("DROP DATABASE IF EXISTS team_made WITH (FORCE)")


def test_settings_team_page_says_why_a_join_is_refused(qtbot, window, pg_server):
    dialog = SettingsDialog(window)
    qtbot.addWidget(dialog)
    page = dialog.team
    page.url.setText(pg_server.url("postgres"))
    page.join_button.click()
    qtbot.waitUntil(lambda: not page.busy and "holds no ShopDesk shop" in page.error.text(),
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


def test_the_team_tab_shows_its_rows_whole_in_a_narrow_window(qtbot, seat):
    """The tab's wrapped paragraphs (taller in Chinese, where the window is
    narrower) once squeezed its rows: it grows the dialog as far as the
    screen allows, and scrolls beyond that, never cutting a row."""
    dialog = SettingsDialog()
    qtbot.addWidget(dialog)
    dialog.team.data = seat
    dialog.tabs.setCurrentIndex(1)
    dialog.resize(460, 300)
    dialog.show()
    page = dialog.team
    page.refresh()
    qtbot.waitUntil(lambda: not page.busy, timeout=60_000)
    viewport = dialog.team_scroll.viewport()
    needed = page.layout().totalHeightForWidth(viewport.width())
    room = dialog.screen().availableGeometry().height()
    assert dialog.frameGeometry().height() <= room
    assert viewport.height() >= needed or dialog.team_scroll.verticalScrollBar().maximum() > 0
    assert page.height() >= needed  # every row at its own height, scrolled to when the screen is short


# -- moving up, back down, and switching the open window -----------------------------------------

@contextmanager
def replying(answers: dict[str, str]) -> Iterator[list[str]]:
    """While the block runs, answer each message box named in `answers` by
    clicking its button with that text; the names answered, in order."""
    answered: list[str] = []
    done: set[int] = set()

    def poll() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox) or id(box) in done or not box.isVisible():
            return
        done.add(id(box))
        answered.append(box.objectName())
        [button] = [b for b in box.buttons() if b.text() == answers[box.objectName()]]
        button.click()

    timer = QTimer(interval=20)
    timer.timeout.connect(poll)
    timer.start()
    try:
        yield answered
    finally:
        timer.stop()


def _local_counts(path) -> dict[str, int]:
    conn = sqlite3.connect(path)
    try:
        return {t: conn.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in team_move.tables()}
    finally:
        conn.close()


def _server_counts(pg_server, name) -> dict[str, int]:
    return {t: pg_server.sql(f'SELECT count(*) FROM "{t}"', dbname=name)[0][0]
            for t in team_move.tables()}


def _shown_nicknames(window) -> set[str]:
    window.go("customers")
    page = window.pages["customers"]
    return {page.model.index(r, 0).data() for r in range(page.model.rowCount())}


def _team_page(qtbot, window):
    dialog = SettingsDialog(window)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: not dialog.team.busy, timeout=60_000)
    return dialog, dialog.team


def _back_to_local(data: DataDir) -> None:
    """The server's shop a test switched to is closed, and the local file
    bound again: the window's timers (the palette, the badges) may still fire
    before it is deleted, and must not meet a dropped database."""
    assert wait_all(120_000)
    team_ui.close_team_shop()
    if isinstance(database.obj, server.ServerDatabase):
        core_db.close()
        core_db.open_database(data.db_path, data.backups)


@pytest.fixture
def switched_back(shop_dir):
    """Whatever shop a test switched the window to is closed at the end."""
    yield
    _back_to_local(shop_dir)


def test_move_up_through_the_tab_and_the_window_shows_the_server_shop(
        qtbot, demo_window, shop_dir, pg_server, empty_db, switched_back):
    from desk.core.customers import service as customers
    from desk.ui import undo

    window = demo_window
    window.go("customers")
    local_page = window.pages["customers"]
    qtbot.waitUntil(lambda: local_page.model.rowCount() > 0, timeout=60_000)
    undo.run("Add buyer", lambda: customers.create_step("taobao", "本地的买家"))
    assert undo.stack().canUndo()
    qtbot.waitUntil(lambda: "本地的买家" in _shown_nicknames(window), timeout=60_000)
    before = _shown_nicknames(window)
    window.go("today")
    local = _local_counts(shop_dir.db_path)
    dialog, page = _team_page(qtbot, window)
    page.url.setText(pg_server.url(empty_db))
    with replying({"teamMoveConfirm": "&Move"}) as answered:
        page.init_button.click()
        qtbot.waitUntil(lambda: "now shows the shop on the server" in page.message.text(),
                        timeout=120_000)
    assert answered == ["teamMoveConfirm"]
    assert page.error.isHidden()
    assert page.message.text().startswith(f"Moved {fmt.count(sum(local.values()))} rows and ")
    assert _server_counts(pg_server, empty_db) == local  # every table, row for row
    assert _local_counts(shop_dir.db_path) == local  # the local file kept as it was
    assert isinstance(database.obj, server.ServerDatabase)
    assert not undo.stack().canUndo() and undo.stack().count() == 0
    assert page.mode.text() == "Team: the shop is on a PostgreSQL server"
    assert page.move_box.isHidden() is False  # the local file is still there, with data
    assert not shiboken6.isValid(local_page)  # the old shop's page is gone, not left stale
    # the pages now read the server's shop: a name only the server has shows
    pg_server.sql("UPDATE customer SET nickname = '只在服务器上' WHERE nickname = '本地的买家'",
                  dbname=empty_db)
    shown = _shown_nicknames(window)
    assert shown == (before - {"本地的买家"}) | {"只在服务器上"}
    dialog.reject()
    again, page = _team_page(qtbot, window)
    assert page.mode.text() == "Team: the shop is on a PostgreSQL server"
    assert page.database.text() == empty_db
    assert page.open_button.isHidden()
    again.reject()


def test_a_cancelled_move_leaves_the_server_empty_and_the_local_shop_open(
        qtbot, demo_window, shop_dir, pg_server, empty_db, monkeypatch, switched_back):
    window = demo_window
    before = _shown_nicknames(window)
    assert len(before) > 300
    window.go("today")
    release = threading.Event()
    add = team_move._Steps.add

    def held(steps, n: int) -> None:  # the copy waits, midway, until Cancel was pressed
        assert release.wait(120)
        add(steps, n)

    monkeypatch.setattr(team_move._Steps, "add", held)
    dialog, page = _team_page(qtbot, window)
    page.url.setText(pg_server.url(empty_db))
    with replying({"teamMoveConfirm": "&Move"}):
        page.init_button.click()
        qtbot.waitUntil(lambda: page.progress is not None and page.progress.isVisible(),
                        timeout=60_000)
    progress = page.progress
    assert progress.objectName() == "teamProgress"
    [cancel] = progress.findChildren(QPushButton)
    cancel.click()
    release.set()
    qtbot.waitUntil(lambda: not page.busy and "Cancelled" in page.error.text(), timeout=120_000)
    assert "nothing was copied, the shop on the server is as it was" in page.error.text()
    assert _server_counts(pg_server, empty_db)["customer"] == 0
    assert pg_server.sql("SELECT count(*) FROM shop_order", dbname=empty_db) == [(0,)]
    assert not isinstance(database.obj, server.ServerDatabase)  # the local shop stays open
    assert _shown_nicknames(window) == before
    # the folder is a team folder now: the tab offers to open it, and the move again
    assert not page.open_button.isHidden() and not page.move_box.isHidden()
    assert page.state.text() == "Not open in this window"
    page.open_button.click()
    qtbot.waitUntil(lambda: "now shows the shop on the server" in page.message.text(),
                    timeout=60_000)
    assert isinstance(database.obj, server.ServerDatabase)
    assert _shown_nicknames(window) == set()
    dialog.reject()


def test_export_and_switch_back_shows_the_local_shop(
        qtbot, demo_window, shop_dir, pg_server, pg_database, switched_back):
    from desk.core import team_move as moving
    from desk.core.customers import service as customers
    from desk.ui import undo

    window = demo_window
    team.join(shop_dir, pg_server.url(pg_database))
    moving.move_from_local(shop_dir, replace=True)
    dialog, page = _team_page(qtbot, window)
    assert not page.open_button.isHidden()
    page.open_button.click()
    qtbot.waitUntil(lambda: "now shows the shop on the server" in page.message.text(),
                    timeout=60_000)
    assert not page.leave_box.isHidden()
    # a buyer added on the server, with its undo step
    undo.run("Add buyer", lambda: customers.create_step("taobao", "团队里加的"))
    assert undo.stack().canUndo()
    before = set(_shown_nicknames(window))
    assert "团队里加的" in before
    with replying({"teamExportConfirm": "&Write it there",
                   "teamLeaveConfirm": "&Switch to the local copy"}) as answered:
        page.export_button.click()
        qtbot.waitUntil(lambda: "now shows the local shop" in page.message.text(),
                        timeout=120_000)
    assert answered == ["teamExportConfirm", "teamLeaveConfirm"]
    assert page.error.isHidden()
    assert not isinstance(database.obj, server.ServerDatabase)
    assert live.current() is None
    assert not (shop_dir.root / "team.json").exists()
    [left] = shop_dir.root.glob("team-left-*.json")
    assert json.loads(left.read_text("utf-8"))["database"] == pg_database
    [copy] = shop_dir.backups.glob("shopdesk-server-*.sqlite3")
    assert _local_counts(shop_dir.db_path) == _local_counts(copy) == \
        _server_counts(pg_server, pg_database)
    assert not undo.stack().canUndo() and undo.stack().count() == 0
    assert _shown_nicknames(window) == before  # the local copy, with the server's buyer
    assert page.mode.text() == "Local: the shop is on this computer"
    assert not page.setup_box.isHidden() and page.leave_box.isHidden()
    dialog.reject()


def test_a_shop_that_cannot_be_opened_leaves_the_one_open_as_it_was(
        qtbot, demo_window, shop_dir, tmp_path):
    window = demo_window
    shown = _shown_nicknames(window)
    window.go("today")
    team.save(shop_dir, team.TeamSetup(server.ServerAddress(str(tmp_path), 5999, "shop", "staff"),
                                       team.NOT_KEPT))
    dialog, page = _team_page(qtbot, window)
    page.open_button.click()
    assert "cannot reach the shop's server" in page.error.text()
    assert not page.error.isHidden()
    assert not isinstance(database.obj, server.ServerDatabase)
    assert live.current() is None
    assert _shown_nicknames(window) == shown
    assert window.statusBar().currentMessage() == "The shop was not changed."
    dialog.reject()


def test_the_app_keeps_this_seats_own_settings_in_its_data_folder(seat):
    from desk.core import seat as seats
    from desk.core import settings

    assert seats.folder() == seat.root  # photos/ and seat.json: this seat's, not the shop's
    settings.set("handler", "小王")
    assert json.loads(json.loads((seat.root / seats.SEAT_FILE).read_text("utf-8"))["handler"]) \
        == "小王"
    assert settings.get("handler") == "小王"


def test_a_local_copy_where_chosen_then_staying_in_team_mode(
        qtbot, window, shop_dir, pg_server, pg_database, tmp_path, monkeypatch, switched_back):
    from PySide6.QtWidgets import QFileDialog

    team.join(shop_dir, pg_server.url(pg_database))
    dialog, page = _team_page(qtbot, window)
    page.open_button.click()
    qtbot.waitUntil(lambda: "now shows the shop on the server" in page.message.text(),
                    timeout=60_000)
    chosen = tmp_path / "copies" / "our-shop"  # no suffix given: .sqlite3 is added
    chosen.parent.mkdir()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(chosen), ""))
    with replying({"teamExportConfirm": "&Choose another place…",
                   "teamLeaveConfirm": "Stay in &team mode"}) as answered:
        page.export_button.click()
        qtbot.waitUntil(lambda: len(answered) == 2 and not page.busy, timeout=120_000)
    copy = chosen.with_name("our-shop.sqlite3")
    assert f"The local copy is written: {copy}" in page.message.text()
    assert core_db.shop_problem(copy) is None and core_db.integrity_problems(copy) == []
    assert not [p for p in copy.parent.iterdir() if p != copy]  # no .part left beside it
    assert (shop_dir.root / "team.json").exists()
    assert isinstance(database.obj, server.ServerDatabase)  # still the server's shop
    assert page.mode.text() == "Team: the shop is on a PostgreSQL server"
    dialog.reject()


def test_a_server_shop_with_data_is_replaced_only_after_a_second_question(
        qtbot, demo_window, shop_dir, pg_server, pg_database, switched_back):
    window = demo_window
    team.join(shop_dir, pg_server.url(pg_database))
    pg_server.sql("INSERT INTO customer (platform, nickname, created_at, updated_at)"
                  " VALUES ('taobao', '服务器上已有的', 1, 1)", dbname=pg_database)
    dialog, page = _team_page(qtbot, window)
    buyers = _local_counts(shop_dir.db_path)["customer"]
    assert not page.move_box.isHidden()
    assert f"also holds a local shop: {fmt.count(buyers)} buyers" in page.move_text.text()
    with replying({"teamMoveConfirm": "&Move", "teamReplaceConfirm": "&Keep the server's"}) as answered:
        page.move_button.click()
        qtbot.waitUntil(lambda: len(answered) == 2 and not page.busy, timeout=120_000)
    assert answered == ["teamMoveConfirm", "teamReplaceConfirm"]
    assert page.error.text() == "Nothing was copied: the shop on the server already holds data."
    assert pg_server.sql("SELECT nickname FROM customer", dbname=pg_database) == [("服务器上已有的",)]
    assert not isinstance(database.obj, server.ServerDatabase)  # the local shop stays open
    with replying({"teamMoveConfirm": "&Move", "teamReplaceConfirm": "&Replace it"}) as answered:
        page.move_button.click()
        qtbot.waitUntil(lambda: "now shows the shop on the server" in page.message.text(),
                        timeout=120_000)
    assert answered == ["teamMoveConfirm", "teamReplaceConfirm"]
    assert _server_counts(pg_server, pg_database) == _local_counts(shop_dir.db_path)
    assert isinstance(database.obj, server.ServerDatabase)
    dialog.reject()


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
