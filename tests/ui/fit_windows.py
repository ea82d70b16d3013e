"""Opens the main window and every dialog on a demo shop and checks that each
lies inside the screen's available area with all its buttons on it. Run by
test_screen_fit.py in a process of its own, on an offscreen screen of the size
under test (QT_QPA_PLATFORM=offscreen:configfile=...); prints one JSON line:
{"screen": [w, h], "checked": [names], "problems": [what is off the screen]}.

    python tests/ui/fit_windows.py DATA_DIR
"""

from __future__ import annotations

import json
import sys
import traceback
from pathlib import Path


def problems_of(name: str, window, area) -> list[str]:
    from PySide6.QtCore import QRect
    from PySide6.QtWidgets import QAbstractButton, QScrollArea

    out = []
    frame = window.frameGeometry()
    if not area.contains(frame):
        out.append(f"{name}: window {frame.getRect()} is not inside the screen {area.getRect()}")
    inside = QRect(window.mapToGlobal(window.rect().topLeft()), window.size())
    for button in window.findChildren(QAbstractButton):
        if not button.isVisible() or button.window() is not window:
            continue
        parent, scrolled = button.parentWidget(), False
        while parent is not None and parent is not window:
            if isinstance(parent, QScrollArea):
                scrolled = True  # reachable by scrolling
                break
            parent = parent.parentWidget()
        if scrolled:
            continue
        rect = QRect(button.mapToGlobal(button.rect().topLeft()), button.size())
        label = button.text().replace("&", "") or button.objectName() or type(button).__name__
        if not (area.contains(rect) and inside.contains(rect)):
            out.append(f"{name}: button “{label}” {rect.getRect()} is off the screen or the window")
    return out


def dialogs(window) -> list:
    """(name, factory) for every dialog of the app, built on the demo shop."""
    from desk.core.aftersales import photos, service
    from desk.core.base import database
    from desk.core.excel import exports
    from desk.core.replies import service as replies
    from desk.core.replies.placeholders import Gap
    from desk.core.replies.transfer import CsvPreview
    from desk.core.restore import StartupCheck
    from desk.ui.aftersales.case_dialog import CaseDialog
    from desk.ui.aftersales.case_settle import CaseSettleDialog
    from desk.ui.aftersales.photo_viewer import PhotoViewer
    from desk.ui.aftersales.rules_dialog import AftersalesRulesDialog
    from desk.ui.backups import BackupsDialog
    from desk.ui.customers.address_dialog import AddressDialog
    from desk.ui.customers.create import NewCustomerDialog
    from desk.ui.customers.detail import CustomerDialog
    from desk.ui.customers.duplicates import DuplicatesDialog
    from desk.ui.customers.filterbar import TagChoiceDialog
    from desk.ui.customers.followup_dialog import FollowupDialog
    from desk.ui.customers.tag_dialog import NewTagDialog
    from desk.ui.customers.tag_manager import TagManagerDialog
    from desk.ui.customers.trash import TrashDialog
    from desk.ui.dialogs import FirstRunDialog, SettingsDialog
    from desk.ui.replies.editor import PhraseDialog
    from desk.ui.replies.fill import PromptDialog
    from desk.ui.replies.lint import LintDialog
    from desk.ui.replies.transfer import ColumnMappingDialog
    from desk.ui.replies.transfer import ImportDialog as PhraseImportDialog
    from desk.ui.startup_check import DamagedDatabaseDialog
    from desk.ui.transfer.export_dialog import ExportDialog
    from desk.ui.transfer.import_dialog import ImportDialog
    from desk.ui.transfer.mapping_dialog import MappingDialog

    buyer = database.execute_sql("SELECT customer_id FROM aftersales_case ORDER BY id").fetchone()[0]
    case_id = database.execute_sql(
        "SELECT case_id FROM evidence WHERE deleted_at IS NULL ORDER BY id").fetchone()[0]
    open_case = database.execute_sql(
        "SELECT id FROM aftersales_case WHERE status IN ('handling', 'processing', 'received')"
        " AND deleted_at IS NULL ORDER BY id").fetchone()[0]
    group = replies.list_groups()[0]
    phrase = replies.list_phrases(group.id)[0]
    sogou = Path(sys.argv[1]) / "phrases.txt"
    sogou.write_text("fh,1=亲，您的包裹已经发出啦，请留意物流～\n", encoding="utf-8")
    preview = CsvPreview(["代码", "短语", "分组"], [["fh", "已发货", "物流"]] * 3, True,
                         {"code": 0, "text": 1, "group": 2})

    def case_tab(index):
        dialog = CaseDialog(case_id=case_id, parent=window)
        dialog.tabs.setCurrentIndex(index)
        return dialog

    def customer_tab(index):
        dialog = CustomerDialog(buyer, window)
        dialog.tabs.setCurrentIndex(index)
        return dialog

    return [
        ("settings", lambda: SettingsDialog(window)),
        ("first-run", lambda: FirstRunDialog(window)),
        ("customer", lambda: CustomerDialog(buyer, window)),
        *((f"customer-tab-{i}", lambda i=i: customer_tab(i)) for i in range(1, 5)),
        ("new-customer", lambda: NewCustomerDialog(window)),
        ("followup", lambda: FollowupDialog(buyer, parent=window)),
        ("address", lambda: AddressDialog(None, lambda values: None, window)),
        ("new-tag", lambda: NewTagDialog("VIP", lambda name, category: None, window)),
        ("tag-choice", lambda: TagChoiceDialog("Add tag", window)),
        ("tag-manager", lambda: TagManagerDialog(window)),
        ("duplicates", lambda: DuplicatesDialog(window)),
        ("trash", lambda: TrashDialog(window)),
        ("case", lambda: CaseDialog(case_id=case_id, parent=window)),
        *((f"case-tab-{i}", lambda i=i: case_tab(i)) for i in (1, 2)),
        ("new-case", lambda: CaseDialog(parent=window)),
        ("new-case-for-buyer", lambda: CaseDialog(customer_id=buyer, parent=window)),
        ("case-settle", lambda: CaseSettleDialog(service.get_case(open_case), window)),
        ("photo-viewer", lambda: PhotoViewer(photos.list_photos(case_id), 0, window)),
        ("aftersales-rules", lambda: AftersalesRulesDialog(window)),
        ("export", lambda: ExportDialog(None, exports.ALL, [], window)),
        ("import", lambda: ImportDialog(window)),
        ("mapping", lambda: MappingDialog([["订单编号", "买家会员名", "实付款"], ["1", "a", "9.90"]],
                                          window)),
        ("backups", lambda: BackupsDialog(window.data, window)),
        ("phrase", lambda: PhraseDialog(window, group.id, phrase)),
        ("phrase-prompt", lambda: PromptDialog([Gap("prompt", "尺码", "{?尺码}"),
                                                  Gap("known", "shop_name", "{shop_name}")], window)),
        ("phrase-check", lambda: LintDialog(window)),
        ("phrase-columns", lambda: ColumnMappingDialog(preview, window)),
        ("phrase-import", lambda: PhraseImportDialog(sogou, parent=window)),
        ("damaged-database", lambda: DamagedDatabaseDialog(
            StartupCheck("damaged", ("header",), window.data.db_path.with_suffix(".damaged")),
            window.data)),
    ]


def main() -> int:
    from PySide6.QtCore import QByteArray
    from PySide6.QtWidgets import QApplication

    from desk.core import db, demo, paths, settings
    from desk.ui.mainwindow import MainWindow
    from desk.ui.replies.palette import prepare_palette
    from desk.ui.worker import wait_all

    app = QApplication([])
    area = app.primaryScreen().availableGeometry()
    data = paths.resolve(sys.argv[1])
    data.ensure()
    db.open_database(data.db_path, data.backups)
    demo.generate(data, 200, seed=5)
    settings.set("first_run_done", True)
    checked: list[str] = []
    problems: list[str] = []

    def check(name: str, make) -> None:
        try:
            window = make()
            window.show()
            for _ in range(3):
                app.processEvents()
            problems.extend(problems_of(name, window, area))
            checked.append(name)
            window.close()
        except Exception:  # noqa: BLE001 - reported, the other windows still checked
            problems.append(f"{name}: {traceback.format_exc(limit=3)}")

    # the main window the first time, and with a geometry remembered on a big screen
    main = MainWindow(data)
    check("main", lambda: main)
    big = QByteArray(main.saveGeometry())
    main.setGeometry(300, 200, 1800, 1000)
    settings.set_state("main_window.geometry", bytes(main.saveGeometry().toBase64()).decode())
    window = MainWindow(data)
    check("main-remembered", lambda: window)
    del big
    window.show()
    for name, make in dialogs(window):
        check(name, make)
    palette = prepare_palette(window)
    palette.open()
    app.processEvents()
    problems.extend(problems_of("palette", palette, area))
    checked.append("palette")
    palette.hide()
    wait_all(30_000)
    print(json.dumps({"screen": [area.width(), area.height()], "checked": checked,
                      "problems": problems}, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
