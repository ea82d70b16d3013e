"""Render Settings > Team on a 1366×768 laptop screen, in zh_CN and en, into
docs/screenshots/: the tab on a local shop, the question before moving it up,
and the tab on a team shop (after switching the window to it, as the tab does).
Needs the PostgreSQL server programs (as the team-mode tests do); a throwaway
cluster listening on 127.0.0.1 is started and removed. Run it with the venv:

    QT_QPA_PLATFORM=offscreen .venv/bin/python docs/screenshots/render_team.py

(render.py renders every other window; it renders the local tab as well.)
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from render import HERE, LANGS, SCREEN, laptop_env, open_window  # beside this script

ROOT = HERE.parents[1]
PORT = 5432  # on 127.0.0.1 only; the cluster's socket lives in its own folder
URL = f"postgresql://shopdesk@127.0.0.1:{PORT}/shop"


def render(lang: str, data_dir: str) -> None:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    from desk.core import db, live, team, team_move
    from desk.ui import team as team_ui
    from desk.ui.dialogs import SettingsDialog

    app, window = open_window(lang, data_dir)
    data = window.data

    def shot(dialog, name: str) -> None:
        dialog.show()
        for _ in range(50):
            app.processEvents()
            if not getattr(dialog, "busy", False) and not getattr(getattr(dialog, "team", None),
                                                                  "busy", False):
                break
            import time

            time.sleep(0.05)
        app.processEvents()
        w, h = dialog.width(), dialog.height()
        assert w <= SCREEN[0] and h <= SCREEN[1] - 40, f"{name}: {w}x{h} does not fit the screen"
        dialog.grab().save(str(HERE / f"{lang}-dialog-{name}.png"))

    settings = SettingsDialog(window)
    settings.tabs.setCurrentIndex(1)
    settings.team.url.setText(URL)
    shot(settings, "settings-team")
    settings.close()

    # the folder joins a new shop on the server; the question before the move up
    setup = team.init(data, URL)
    settings = SettingsDialog(window)
    settings.tabs.setCurrentIndex(1)
    settings.show()

    def grab_question() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            app.processEvents()
            box.grab().save(str(HERE / f"{lang}-dialog-settings-team-move.png"))
            box.reject()
        else:
            QTimer.singleShot(50, grab_question)

    QTimer.singleShot(100, grab_question)
    settings.team._confirm_move(team_move.local_summary(data), setup.address)
    settings.close()

    team_ui.switch_shop(window)  # the window onto the server's shop, as the tab does it
    settings = SettingsDialog(window)
    settings.tabs.setCurrentIndex(1)
    assert live.current().listening.wait(60)
    settings.team.refresh()
    shot(settings, "settings-team-server")
    settings.close()
    window.close()
    team_ui.close_team_shop()
    db.close()


def main() -> None:
    if len(sys.argv) == 3:
        render(sys.argv[1], sys.argv[2])
        return
    sys.path.insert(0, str(ROOT))
    from tests import pgserver

    cluster = pgserver.Cluster(pgserver.bindir())
    cluster.init()
    with open(cluster.data / "postgresql.conf", "a", encoding="utf-8") as conf:
        conf.write("listen_addresses = '127.0.0.1'\n")
    with open(cluster.data / "pg_hba.conf", "a", encoding="utf-8") as hba:
        hba.write("host all all 127.0.0.1/32 trust\n")
    try:
        cluster.start()
        cluster.sql("CREATE ROLE shopdesk LOGIN")
        with tempfile.TemporaryDirectory() as tmp:
            env = dict(laptop_env(Path(tmp)), PGPASSFILE=str(Path(tmp) / "pgpass"))
            demo = Path(tmp) / "demo"
            cli = [sys.executable, "-m", "desk", "--data-dir", str(demo)]
            subprocess.run([*cli, "demo", "--customers", "2000", "--seed", "7"], check=True, env=env,
                           cwd=ROOT)
            for lang in LANGS:
                cluster.sql("DROP DATABASE IF EXISTS shop WITH (FORCE)")
                cluster.sql("CREATE DATABASE shop OWNER shopdesk")
                data = Path(tmp) / f"shop-{lang}"
                shutil.copytree(demo, data)
                subprocess.run([sys.executable, __file__, lang, str(data)], check=True, env=env,
                               cwd=ROOT)
    finally:
        cluster.destroy()
    print(f"Settings > Team screenshots written to {HERE}")


if __name__ == "__main__":
    main()
