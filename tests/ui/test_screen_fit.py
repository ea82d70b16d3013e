"""Every window and dialog fits a 1024×600 screen with its buttons on it, and
the main window opens inside the screen (a remembered geometry too)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QRect

from desk.core import settings
from desk.ui import screenfit

HERE = Path(__file__).resolve().parent
EVERY_WINDOW = {
    "main", "main-remembered", "settings", "first-run", "customer", "customer-tab-1",
    "customer-tab-2", "customer-tab-3", "customer-tab-4", "new-customer", "followup", "address",
    "new-tag", "tag-choice", "tag-manager", "duplicates", "trash", "case", "case-tab-1",
    "case-tab-2", "new-case", "new-case-for-buyer", "case-settle", "photo-viewer",
    "aftersales-rules", "export", "import", "mapping", "backups", "phrase", "phrase-prompt",
    "phrase-check", "phrase-columns", "phrase-import", "palette", "damaged-database"}


def test_every_window_and_its_buttons_fit_a_1024_by_600_screen(tmp_path):
    # the offscreen platform takes its screens from a JSON file (Qt 6.5+)
    config = tmp_path / "screen.json"
    config.write_text(json.dumps({"screens": [{"name": "netbook", "x": 0, "y": 0, "width": 1024,
                                               "height": 600, "logicalDpi": 96, "dpr": 1}]}))
    env = dict(os.environ, QT_QPA_PLATFORM=f"offscreen:configfile={config}")
    env.pop("SHOPDESK_DATA_DIR", None)
    data = tmp_path / "shop"
    done = subprocess.run([sys.executable, str(HERE / "fit_windows.py"), str(data)], env=env,
                          capture_output=True, text=True, timeout=900)
    assert done.returncode == 0, done.stderr[-3000:]
    result = json.loads(done.stdout.strip().splitlines()[-1])
    assert result["screen"] == [1024, 600]
    assert EVERY_WINDOW <= set(result["checked"]), EVERY_WINDOW - set(result["checked"])
    assert result["problems"] == []


def test_the_main_window_opens_inside_the_available_screen(make_window, monkeypatch):
    """The window-size logic asks screenfit.available_geometry (patched here to a
    1366×768 laptop with a task bar): 90% of it at first, centred; a geometry
    remembered on a big screen is brought back inside."""
    laptop = QRect(0, 0, 1366, 728)
    monkeypatch.setattr(screenfit, "available_geometry", lambda widget=None: laptop)
    window = make_window()
    assert window.width() <= 0.9 * 1366 and window.height() <= 0.9 * 728
    assert laptop.contains(window.frameGeometry())
    assert abs(window.frameGeometry().center().x() - laptop.center().x()) <= 2 * screenfit.BORDER
    window.setGeometry(400, 300, 1880, 1000)  # as left on a 1920×1080 monitor
    settings.set_state("main_window.geometry", bytes(window.saveGeometry().toBase64()).decode())
    window.close()
    again = make_window()
    assert laptop.contains(again.frameGeometry()), again.frameGeometry()
