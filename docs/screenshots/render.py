"""Render every page and the main dialogs with demo data at 1280x800, in zh_CN
and en, into docs/screenshots/. Run it with the project's venv:

    QT_QPA_PLATFORM=offscreen .venv/bin/python docs/screenshots/render.py

Each language renders in its own process (a translator is per application).
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
LANGS = ("zh_CN", "en")


def wait_until(app, ready, seconds: float = 30) -> None:
    import time

    deadline = time.monotonic() + seconds
    while not ready() and time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.01)
    for _ in range(5):  # the layout settles (charts grow to show every bar)
        app.processEvents()


def extra_dialogs(window) -> list:
    """The Excel, backup and quick-reply dialogs (with a phrase of the demo shop)."""
    from desk.core.excel import exports
    from desk.core.replies import service as replies
    from desk.ui.backups import BackupsDialog
    from desk.ui.replies.editor import PhraseDialog
    from desk.ui.replies.palette import prepare_palette
    from desk.ui.transfer.export_dialog import ExportDialog
    from desk.ui.transfer.import_dialog import ImportDialog

    group = replies.list_groups()[0]
    phrase = replies.list_phrases(group.id)[2]
    palette = prepare_palette(window)
    palette.resize(560, 420)
    palette.field.setText("fh")
    return [("export", ExportDialog(None, exports.ALL, [], window)), ("import", ImportDialog(window)),
            ("backups", BackupsDialog(window.data, window)),
            ("phrase", PhraseDialog(window, group.id, phrase)), ("palette", palette)]


def render(lang: str, data_dir: str) -> None:
    from PySide6.QtWidgets import QApplication

    from desk.core import db, paths
    from desk.ui import i18n
    from desk.ui.dialogs import FirstRunDialog, SettingsDialog
    from desk.ui.mainwindow import MainWindow

    app = QApplication([])
    data = paths.resolve(data_dir)
    db.open_database(data.db_path, data.backups)
    i18n.install(app, lang)
    window = MainWindow(data)
    window.resize(1280, 800)
    window.show()
    for key in window.pages_keys():
        window.go(key)
        app.processEvents()
        if key == "review":  # its figures are worked out on a worker thread
            wait_until(app, lambda: window.page("review").result is not None)
        window.grab().save(str(HERE / f"{lang}-{key}.png"))
    from desk.ui.customers.create import NewCustomerDialog
    from desk.ui.customers.detail import CustomerDialog
    from desk.ui.customers.duplicates import DuplicatesDialog
    from desk.ui.customers.followup_dialog import FollowupDialog
    from desk.ui.customers.trash import TrashDialog

    # The Customers page with its filters open, a preset view chosen and a few rows selected.
    window.go("customers")
    customers = window.page("customers")
    customers.choose_view("repeat")
    customers.view.selectRow(1)
    app.processEvents()
    window.grab().save(str(HERE / f"{lang}-customers-filtered.png"))
    customers.choose_view("")
    customers.toggle_filters()
    app.processEvents()

    buyer_id = customers.model.id_at(0)
    from desk.ui.aftersales.case_dialog import CaseDialog
    from desk.ui.aftersales.rules_dialog import AftersalesRulesDialog

    cases = window.page("aftersales")
    case_dialog = CaseDialog(case_id=cases.model.id_at(0), parent=window)
    buyer = CustomerDialog(buyer_id, window)
    followups = CustomerDialog(buyer_id, window)
    followups.tabs.setCurrentWidget(followups.followups)
    from desk.core.customers import service
    service.move_to_trash([customers.model.id_at(5), customers.model.id_at(6)])
    for name, dialog in (("settings", SettingsDialog(window)), ("first-run", FirstRunDialog(window)),
                         ("customer", buyer), ("customer-followups", followups),
                         ("new-customer", NewCustomerDialog(window)),
                         ("followup", FollowupDialog(buyer_id, parent=window)),
                         ("duplicates", DuplicatesDialog(window)), ("trash", TrashDialog(window)),
                         ("case", case_dialog), ("aftersales-rules", AftersalesRulesDialog(window)),
                         ("new-case", CaseDialog(customer_id=buyer_id, parent=window)),
                         *extra_dialogs(window)):
        dialog.show()
        app.processEvents()
        dialog.grab().save(str(HERE / f"{lang}-dialog-{name}.png"))
        dialog.close()
    window.close()
    db.close()


def main() -> None:
    if len(sys.argv) == 3:
        render(sys.argv[1], sys.argv[2])
        return
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    with tempfile.TemporaryDirectory() as tmp:
        cli = [sys.executable, "-m", "desk", "--data-dir", tmp]
        subprocess.run([*cli, "demo", "--customers", "2000", "--seed", "7"], check=True)
        for lang in LANGS:
            subprocess.run([sys.executable, __file__, lang, tmp], check=True)
    print(f"screenshots written to {HERE}")


if __name__ == "__main__":
    main()
