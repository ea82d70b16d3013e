"""The app as a process: smoke run, no display, one instance per data folder, lean start-up."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from desk.core.paths import DataDir

REPO = Path(__file__).resolve().parents[2]


def env(**changes: str | None) -> dict[str, str]:
    out = {k: v for k, v in os.environ.items() if k != "SHOPDESK_DATA_DIR"}
    out["QT_QPA_PLATFORM"] = "offscreen"
    for key, value in changes.items():
        if value is None:
            out.pop(key, None)
        else:
            out[key] = value
    return out


def desk(*args: str, environ: dict[str, str] | None = None, timeout: float = 60) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "desk", *args], cwd=REPO, env=environ or env(),
                          capture_output=True, text=True, timeout=timeout)


@pytest.fixture(scope="module")
def demo_dir(tmp_path_factory) -> DataDir:
    data = DataDir(tmp_path_factory.mktemp("process") / "shop")
    done = desk("demo", "--customers", "200", "--data-dir", str(data.root))
    assert done.returncode == 0, done.stderr
    return data


@pytest.mark.parametrize("lang", [[], ["--lang", "zh_CN"]], ids=["default", "zh_CN"])
def test_smoke_run(demo_dir, lang):
    done = desk("--data-dir", str(demo_dir.root), *lang, "--smoke")
    assert done.returncode == 0, done.stderr
    assert "smoke ok" in done.stdout
    for page in ("today", "customers", "aftersales", "replies"):
        assert f"page:{page}" in done.stdout
    assert "Traceback" not in done.stderr
    assert "ERROR" not in (demo_dir.logs / "shopdesk.log").read_text("utf-8")


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="display check is for Linux")
def test_no_display_is_a_clear_message(tmp_path):
    done = desk("--data-dir", str(tmp_path / "shop"),
                environ=env(DISPLAY=None, WAYLAND_DISPLAY=None, QT_QPA_PLATFORM=None), timeout=30)
    assert done.returncode == 2, done.stderr
    assert done.stderr.startswith("shopdesk: No display found")
    assert "QT_QPA_PLATFORM=offscreen" in done.stderr
    assert "qt.qpa" not in done.stderr and "Aborted" not in done.stderr and "core dumped" not in done.stderr
    assert not (tmp_path / "shop" / "shopdesk.sqlite3").exists()  # nothing touched


def lock_is_held(path: Path) -> bool:
    """Ask the OS; only called once the holder has said it has the lock."""
    import fcntl

    with open(path, "rb") as f:
        try:
            fcntl.flock(f, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return True
        fcntl.flock(f, fcntl.LOCK_UN)
        return False


@pytest.mark.skipif(sys.platform == "win32", reason="flock check")
def test_second_instance_hands_over_to_the_first(demo_dir, tmp_path):
    log = demo_dir.logs / "shopdesk.log"
    log_start = log.stat().st_size if log.exists() else 0
    errors = tmp_path / "first.stderr"
    with open(errors, "w") as err:
        first = subprocess.Popen([sys.executable, "-m", "desk", "--data-dir", str(demo_dir.root)],
                                 cwd=REPO, env=env(), stdout=subprocess.DEVNULL, stderr=err)
    try:
        # The lock file names its holder once the lock is taken; the window (and
        # the socket a second instance knocks on) is up once the log says so.
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            assert first.poll() is None, errors.read_text()
            holder = demo_dir.lock_path.read_text() if demo_dir.lock_path.exists() else ""
            shown = log.exists() and "main window shown" in log.read_text("utf-8")[log_start:]
            if holder == str(first.pid) and shown:
                break
            time.sleep(0.1)
        else:
            pytest.fail("the first ShopDesk did not start: " + errors.read_text())
        assert lock_is_held(demo_dir.lock_path)

        started = time.monotonic()
        second = desk("--data-dir", str(demo_dir.root), timeout=30)
        elapsed = time.monotonic() - started
        assert second.returncode == 0, second.stderr
        assert "already open" in second.stderr
        assert elapsed < 15
        assert first.poll() is None  # the first one is still running
        assert demo_dir.lock_path.read_text() == str(first.pid)
    finally:
        first.terminate()
        first.wait(10)


LEAN = textwrap.dedent("""
    import json, sys
    from pathlib import Path
    from PySide6.QtWidgets import QApplication

    app = QApplication([])
    import desk.cli
    desk.cli.build_parser(commands=False)  # what main() builds when no subcommand is given
    import desk.ui.app
    import desk.ui.mainwindow
    from desk.core import db
    from desk.core.paths import DataDir

    data = DataDir(Path(sys.argv[1]))
    db.open_database(data.db_path, data.backups)
    window = desk.ui.mainwindow.MainWindow(data)
    window.show()
    app.processEvents()
    # the subcommands' modules are for the command line only
    HEAVY = ("openpyxl", "pypinyin", "PIL", "python_calamine",
             "desk.cli.backup", "desk.cli.replies", "desk.cli.transfer", "desk.cli.shop",
             "psycopg2", "desk.core.server", "desk.core.live")  # team mode only

    def heavy():
        loaded = [m for m in HEAVY if m in sys.modules]
        py = sys.modules.get("desk.core.pinyin")  # its table is read from pypinyin's data file
        if py is not None and py._table is not None:
            loaded.append("the pinyin table")
        return sorted(loaded)

    after_start = heavy()
    for key in window.pages_keys():
        window.go(key)
        app.processEvents()
    after_pages = heavy()
    window.close()
    db.close()
    from desk.core import pinyin
    pinyin.full("小")  # a control: a feature that needs pypinyin's table does load it
    print(json.dumps({"start": after_start, "pages": after_pages,
                      "control": pinyin._table is not None}))
""")


def test_start_up_stays_lean(demo_dir):
    """The heavy libraries load when a feature needs them, not when the window opens."""
    done = subprocess.run([sys.executable, "-c", LEAN, str(demo_dir.root)], cwd=REPO, env=env(),
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    loaded = json.loads(done.stdout.strip().splitlines()[-1])
    assert loaded == {"start": [], "pages": [], "control": True}


FIRST_PAINT = textwrap.dedent("""
    import json, sys
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication, QMainWindow, QTableView

    ORM = ("peewee", "desk.core.base", "desk.core.shopdb")
    seen = {}

    class FirstPaint(QObject):
        def eventFilter(self, obj, event):
            if event.type() == QEvent.Type.Paint and "orm" not in seen:
                from desk.core import dbconn

                seen["orm"] = sorted(m for m in ORM if m in sys.modules)
                seen["models"] = sorted(m for m in sys.modules if m.endswith(".models"))
                start_conn = dbconn.connection()
                QTimer.singleShot(0, lambda: after_paint(start_conn))
            return False

    def after_paint(start_conn):
        window.go("customers")  # a page that uses the models
        from desk.core.base import database

        seen["same_connection"] = database.connection() is start_conn
        seen["customers_shown"] = window.stack.currentWidget().model.rowCount()
        QApplication.quit()

    real_exec = QApplication.exec

    def exec_with_probe(*_args):
        global window
        window = next(w for w in QApplication.topLevelWidgets()
                      if isinstance(w, QMainWindow) and w.isVisible())
        view = next(v for v in window.findChildren(QTableView) if v.isVisible())
        probe = FirstPaint(view)
        view.viewport().installEventFilter(probe)
        code = real_exec()
        print(json.dumps(seen))
        return code

    QApplication.exec = exec_with_probe
    from desk.cli import main
    sys.exit(main(["--data-dir", sys.argv[1]]))
""")


def test_the_first_paint_comes_before_the_orm(demo_dir):
    """The window paints before peewee and the models are imported; then the
    ORM works on the very connection the start opened."""
    for start in ("first", "later"):  # the first start on a folder records its welcome
        done = subprocess.run([sys.executable, "-c", FIRST_PAINT, str(demo_dir.root)], cwd=REPO,
                              env=env(), capture_output=True, text=True, timeout=60)
        assert done.returncode == 0, (start, done.stderr)
    seen = json.loads(done.stdout.strip().splitlines()[-1])
    assert seen == {"orm": [], "models": [], "same_connection": True, "customers_shown": 200}


BROKEN_START = """
import sys
from desk.ui import mainwindow

def broken(self, data):
    raise RuntimeError("boom while building the window")

mainwindow.MainWindow.__init__ = broken
from desk.cli import main
sys.exit(main(["--data-dir", sys.argv[1], "--smoke"]))
"""


def test_a_bug_during_start_up_exits_with_a_pointer_to_the_log(tmp_path):
    done = subprocess.run([sys.executable, "-c", BROKEN_START, str(tmp_path)], cwd=REPO, env=env(),
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 1
    assert "could not start" in done.stderr and str(tmp_path / "logs") in done.stderr
    assert "Traceback" not in done.stderr
    log = (tmp_path / "logs" / "shopdesk.log").read_text(encoding="utf-8")
    assert "start-up failed" in log and "boom while building the window" in log
    # the data folder is free again
    assert desk("--data-dir", str(tmp_path), "info").returncode == 0
