"""Render every page and every dialog with demo data on a 1366×768 laptop
screen, in zh_CN and en, into docs/screenshots/. Run it with the project's venv:

    QT_QPA_PLATFORM=offscreen .venv/bin/python docs/screenshots/render.py

Each language renders in its own process (a translator is per application), on
an offscreen screen of that size (the offscreen platform's JSON screen
configuration), so the windows size themselves as they would on the laptop.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
LANGS = ("zh_CN", "en")
SCREEN = (1366, 768)


def wait_until(app, ready, seconds: float = 30) -> None:
    import time

    deadline = time.monotonic() + seconds
    while not ready() and time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.01)
    for _ in range(5):  # the layout settles (charts grow to show every bar)
        app.processEvents()


def dialogs(window, buyer_id: int, case_id: int) -> list:
    """(file name, dialog) for every dialog, on the demo shop."""
    from desk.core.aftersales import photos
    from desk.core.aftersales import service as cases
    from desk.core.base import database
    from desk.core.excel import exports
    from desk.core.replies import service as replies
    from desk.core.replies.transfer import CsvPreview
    from desk.ui.aftersales.case_dialog import CaseDialog
    from desk.ui.aftersales.case_settle import CaseSettleDialog
    from desk.ui.aftersales.photo_viewer import PhotoViewer
    from desk.ui.aftersales.rules_dialog import AftersalesRulesDialog
    from desk.ui.backups import BackupsDialog
    from desk.ui.customers.address_dialog import AddressDialog
    from desk.ui.customers.create import NewCustomerDialog
    from desk.ui.customers.detail import CustomerDialog
    from desk.ui.customers.duplicates import DuplicatesDialog
    from desk.ui.customers.followup_dialog import FollowupDialog
    from desk.ui.customers.tag_manager import TagManagerDialog
    from desk.ui.customers.trash import TrashDialog
    from desk.ui.dialogs import FirstRunDialog, SettingsDialog
    from desk.ui.replies.editor import PhraseDialog
    from desk.ui.replies.lint import LintDialog
    from desk.ui.replies.transfer import ColumnMappingDialog
    from desk.ui.transfer.export_dialog import ExportDialog
    from desk.ui.transfer.import_dialog import ImportDialog
    from desk.ui.transfer.mapping_dialog import MappingDialog

    group = replies.list_groups()[0]
    phrase = replies.list_phrases(group.id)[2]
    with_photos = database.execute_sql(
        "SELECT case_id FROM evidence WHERE deleted_at IS NULL GROUP BY case_id"
        " ORDER BY count(*) DESC").fetchone()[0]
    open_case = database.execute_sql(
        "SELECT id FROM aftersales_case WHERE status IN ('handling', 'processing', 'received')"
        " AND deleted_at IS NULL ORDER BY id").fetchone()[0]

    def customer(tab=None):
        dialog = CustomerDialog(buyer_id, window)
        if tab is not None:
            dialog.tabs.setCurrentIndex(tab)
        return dialog

    def settings_tab(index):
        dialog = SettingsDialog(window)
        dialog.tabs.setCurrentIndex(index)
        return dialog

    def case(which, tab=0):
        dialog = CaseDialog(case_id=which, parent=window)
        dialog.tabs.setCurrentIndex(tab)
        return dialog

    preview = CsvPreview(["代码", "短语", "分组"], [["fh", "亲，已经发货啦", "物流"]] * 4, True,
                         {"code": 0, "text": 1, "group": 2})
    return [
        ("settings", lambda: SettingsDialog(window)), ("settings-team", lambda: settings_tab(1)),
        ("first-run", lambda: FirstRunDialog(window)),
        ("customer", customer), ("customer-cases", lambda: customer(1)),
        ("customer-followups", lambda: customer(3)),
        ("new-customer", lambda: NewCustomerDialog(window)),
        ("followup", lambda: FollowupDialog(buyer_id, parent=window)),
        ("address", lambda: AddressDialog(None, lambda values: None, window)),
        ("duplicates", lambda: DuplicatesDialog(window)), ("trash", lambda: TrashDialog(window)),
        ("tag-manager", lambda: TagManagerDialog(window)),
        ("case", lambda: case(case_id)), ("case-history", lambda: case(case_id, 1)),
        ("case-photos", lambda: case(with_photos, 2)),
        ("photo-viewer", lambda: PhotoViewer(photos.list_photos(with_photos), 0, window)),
        ("case-settle", lambda: CaseSettleDialog(cases.get_case(open_case), window)),
        ("new-case", lambda: CaseDialog(parent=window)),
        ("new-case-for-buyer", lambda: CaseDialog(customer_id=buyer_id, parent=window)),
        ("aftersales-rules", lambda: AftersalesRulesDialog(window)),
        ("export", lambda: ExportDialog(None, exports.ALL, [], window)),
        ("import", lambda: ImportDialog(window)),
        ("import-mapping", lambda: MappingDialog(
            [["订单编号", "买家会员名", "实付款", "订单状态"], ["3950000000000000001", "小雨点点", "59.00",
                                                     "交易成功"]], window)),
        ("backups", lambda: BackupsDialog(window.data, window)),
        ("phrase", lambda: PhraseDialog(window, group.id, phrase)),
        ("phrase-check", lambda: LintDialog(window)),
        ("phrase-columns", lambda: ColumnMappingDialog(preview, window)),
    ]


def laptop_env(tmp: Path) -> dict[str, str]:
    """The environment for a rendering process: Qt's offscreen platform with
    one 1366×768 screen at 96 dpi (its description written into `tmp`)."""
    screen = tmp / "screen.json"
    screen.write_text(json.dumps({"windowFrameMargins": False, "screens": [
        {"name": "laptop", "x": 0, "y": 0, "width": SCREEN[0], "height": SCREEN[1],
         "logicalDpi": 96, "dpr": 1}]}))
    return dict(os.environ, QT_QPA_PLATFORM=f"offscreen:configfile={screen}")


def open_window(lang: str, data_dir: str):
    """The application in `lang` and its main window on the shop in
    `data_dir`, shown as maximised on the laptop: (app, window)."""
    from PySide6.QtWidgets import QApplication

    from desk.core import db, paths
    from desk.ui import i18n
    from desk.ui.mainwindow import MainWindow

    app = QApplication([])
    data = paths.resolve(data_dir)
    db.open_database(data.db_path, data.backups)
    i18n.compile_all()
    i18n.install(app, lang)
    window = MainWindow(data)
    window.show()
    window.setGeometry(0, 0, *SCREEN)
    return app, window


def render(lang: str, data_dir: str) -> None:
    from desk.core import db
    from desk.ui.replies.palette import prepare_palette

    app, window = open_window(lang, data_dir)
    for key in window.pages_keys():
        window.go(key)
        app.processEvents()
        if key == "review":  # its figures are worked out on a worker thread
            wait_until(app, lambda: window.page("review").result is not None)
        window.grab().save(str(HERE / f"{lang}-{key}.png"))

    # The Customers page with its filters open, a preset view chosen and a row selected.
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
    case_id = window.page("aftersales").model.id_at(0)

    from desk.core.customers import service
    service.move_to_trash([customers.model.id_at(5), customers.model.id_at(6)])
    for name, make in dialogs(window, buyer_id, case_id):
        dialog = make()
        dialog.show()
        wait_until(app, lambda: True, 0)
        dialog.grab().save(str(HERE / f"{lang}-dialog-{name}.png"))
        dialog.close()
    palette = prepare_palette(window)
    palette.open()
    palette.field.setText("fh")
    app.processEvents()
    palette.grab().save(str(HERE / f"{lang}-dialog-palette.png"))
    palette.hide()
    window.close()
    db.close()


def main() -> None:
    if len(sys.argv) == 3:
        render(sys.argv[1], sys.argv[2])
        return
    with tempfile.TemporaryDirectory() as tmp:
        env = laptop_env(Path(tmp))
        data = str(Path(tmp) / "shop")
        cli = [sys.executable, "-m", "desk", "--data-dir", data]
        subprocess.run([*cli, "demo", "--customers", "2000", "--seed", "7"], check=True, env=env)
        for lang in LANGS:
            subprocess.run([sys.executable, __file__, lang, data], check=True, env=env)
    print(f"screenshots written to {HERE}")


if __name__ == "__main__":
    main()
