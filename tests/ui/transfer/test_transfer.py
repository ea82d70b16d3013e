"""The export dialog (progress, cancel, masked phones, selected rows), the
import dialog's preview and import, and the column mapping with presets."""

from __future__ import annotations

from openpyxl import load_workbook
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QProgressDialog,
    QPushButton,
    QTableWidget,
)

from desk.core.base import database
from desk.core.excel import presets
from desk.core.listing import Filter
from desk.ui.transfer.export_dialog import ExportDialog
from desk.ui.transfer.import_dialog import ImportDialog
from desk.ui.transfer.mapping_dialog import MappingDialog
from desk.ui.worker import wait_all
from tests.core.excel import samples

from tests.ui.helpers import answering, child, click


def rows(sql, *params):
    return database.execute_sql(sql, params).fetchall()


def fill_export(qtbot, target, mask: bool):
    def answer(dialog):
        child(dialog, QLineEdit, "exportPath").setText(str(target))
        child(dialog, QCheckBox, "exportMask").setChecked(mask)
        click(qtbot, child(dialog, QPushButton, "exportOk"))
    return answer


def test_export_a_filtered_list_with_masked_phones(demo_window, qtbot, tmp_path):
    target = tmp_path / "客户.xlsx"
    with answering(ExportDialog, fill_export(qtbot, target, mask=True)):
        task = ExportDialog.ask(demo_window, "customers", filters=[Filter("c.platform = ?", ("jd",)), None],
                                sort="nickname")
    assert task is not None
    assert wait_all()
    qtbot.waitUntil(lambda: "Exported" in demo_window.statusBar().currentMessage())
    ws = load_workbook(target).worksheets[0]
    header, *body = [list(r) for r in ws.iter_rows(values_only=True)]
    expected = [n for (n,) in rows("SELECT nickname FROM customer WHERE platform = 'jd'"
                                   " AND deleted_at IS NULL ORDER BY nickname, id")]
    assert [r[0] for r in body] == expected
    assert {r[1] for r in body} == {"JD"}  # the platform's name as the UI shows it
    phones = [r[header.index("Phone")] for r in body if r[header.index("Phone")]]
    assert phones and all("****" in p for p in phones)
    assert str(target) in demo_window.statusBar().currentMessage()


def test_export_only_the_selected_rows(demo_window, qtbot, tmp_path):
    target = tmp_path / "cases.xlsx"
    picked = [i for (i,) in rows("SELECT id FROM aftersales_case ORDER BY id DESC LIMIT 3")]

    def answer(dialog):
        assert child(dialog, QComboBox, "exportRows").currentData() == "selected"
        fill_export(qtbot, target, mask=False)(dialog)

    with answering(ExportDialog, answer):
        ExportDialog.ask(demo_window, "aftersales", selected=picked)
    assert wait_all()
    body = list(load_workbook(target).worksheets[0].iter_rows(min_row=2, values_only=True))
    numbers = dict(rows("SELECT id, case_no FROM aftersales_case"))
    assert [r[0] for r in body] == [numbers[i] for i in picked]


def test_cancel_leaves_no_file(demo_window, qtbot, tmp_path):
    folder = tmp_path / "out"
    folder.mkdir()
    target = folder / "all.xlsx"
    with answering(ExportDialog, fill_export(qtbot, target, mask=False)):
        task = ExportDialog.ask(demo_window)
    progress = demo_window.findChild(QProgressDialog, "progressDialog")
    assert progress.windowTitle() == "Exporting to Excel"  # what it does, not "ShopDesk"
    progress.findChild(QPushButton).click()  # Cancel
    assert task.cancelled
    assert wait_all()
    qtbot.wait(50)
    assert list(folder.iterdir()) == []


def test_closing_the_export_dialog_exports_nothing(window, tmp_path):
    def answer(dialog):
        child(dialog, QLineEdit, "exportPath").setText(str(tmp_path / "x.xlsx"))
        dialog.reject()

    with answering(ExportDialog, answer):
        assert ExportDialog.ask(window, "orders") is None
    assert not (tmp_path / "x.xlsx").exists()


def _wait_summary(qtbot, dialog, text):
    summary = child(dialog, type(dialog.summary), "importSummary")
    qtbot.waitUntil(lambda: text in summary.text(), timeout=10_000)


def test_preview_then_import(shop_db, qtbot, tmp_path):
    path = samples.taobao_csv(tmp_path / "orders.csv")
    bad = tmp_path / "bad.csv"
    bad.write_text(path.read_text(encoding="gb18030").replace("交易成功", "火星状态", 1),
                   encoding="utf-8")

    def answer(dialog):
        # before a file is chosen: a hint on what to choose, no empty table of problems
        table = child(dialog, QTableWidget, "importProblems")
        hint = child(dialog, QLabel, "importHint")
        assert hint.isVisible() and "seller centre" in hint.text() and not table.isVisible()
        child(dialog, QLineEdit, "importPath").setText(str(bad))
        click(qtbot, child(dialog, QPushButton, "importPreview"))
        _wait_summary(qtbot, dialog, "New orders: 2")
        assert table.isVisible() and not hint.isVisible()
        assert table.rowCount() == 2  # both rows of the two-item order
        assert "火星状态" in table.item(0, 1).text()
        assert rows("SELECT count(*) FROM shop_order") == [(0,)]  # a preview writes nothing
        click(qtbot, child(dialog, QPushButton, "importRun"))

    with answering(ImportDialog, answer):
        result = ImportDialog.ask(None)
    assert result is not None and result.applied
    assert rows("SELECT count(*), count(DISTINCT customer_id) FROM shop_order") == [(2, 2)]


def test_an_unreadable_file_is_explained_in_the_dialog(shop_db, qtbot, tmp_path):
    (tmp_path / "empty.xlsx").write_bytes(b"")

    def answer(dialog):
        child(dialog, QLineEdit, "importPath").setText(str(tmp_path / "empty.xlsx"))
        click(qtbot, child(dialog, QPushButton, "importPreview"))
        error = dialog.findChild(type(dialog.error), "importError")
        qtbot.waitUntil(lambda: "is empty" in error.text(), timeout=10_000)
        assert not child(dialog, QPushButton, "importRun").isEnabled()
        dialog.reject()

    with answering(ImportDialog, answer):
        assert ImportDialog.ask(None) is None


def test_an_unknown_layout_is_mapped_by_hand_and_saved_as_a_preset(shop_db, qtbot, tmp_path):
    path = samples.custom_xlsx(tmp_path / "mine.xlsx")

    def choose(dialog):
        assert child(dialog, type(dialog.header_row), "mappingHeaderRow").value() == 3
        for field, column in samples.CUSTOM_MAPPING.items():
            box = child(dialog, QComboBox, f"mappingField_{field}")
            box.setCurrentIndex(box.findData(column))
        platform = child(dialog, QComboBox, "mappingPlatform")
        platform.setCurrentIndex(platform.findData("jd"))
        child(dialog, QLineEdit, "mappingPresetName").setText("我的表格")
        dialog.accept()

    def answer(dialog):
        child(dialog, QLineEdit, "importPath").setText(str(path))
        with answering(MappingDialog, choose):
            click(qtbot, child(dialog, QPushButton, "importPreview"))
            _wait_summary(qtbot, dialog, "New orders: 3")
        assert child(dialog, QComboBox, "importPlatform").currentData() == "jd"
        click(qtbot, child(dialog, QPushButton, "importRun"))

    with answering(ImportDialog, answer):
        ImportDialog.ask(None)
    assert [(p.name, p.platform) for p in presets.all_presets()] == [("我的表格", "jd")]
    assert rows("SELECT DISTINCT platform FROM shop_order") == [("jd",)]


def test_a_preset_fills_the_mapping(shop_db, qtbot, tmp_path):
    presets.save("我的表格", "pdd", samples.CUSTOM_MAPPING)
    sample_rows = [["自制订单表"], [], ["单号", "客户", "状态", "日期", "金额"]]
    dialog = MappingDialog(sample_rows)
    qtbot.addWidget(dialog)
    preset = child(dialog, QComboBox, "mappingPreset")
    preset.setCurrentIndex(preset.findData("我的表格"))
    assert dialog.header_row.value() == 3
    assert dialog.mapping() == samples.CUSTOM_MAPPING
    assert child(dialog, QComboBox, "mappingPlatform").currentData() == "pdd"


def test_an_incomplete_mapping_is_refused_in_the_dialog(shop_db, qtbot):
    dialog = MappingDialog([["单号", "客户", "备注"]])
    qtbot.addWidget(dialog)
    dialog.accept()
    assert dialog.isVisible() is False and dialog.result() == 0
    assert "at least" in child(dialog, type(dialog.error), "mappingError").text()


def test_the_customers_page_exports_what_it_lists(demo_window, qtbot, tmp_path):
    from PySide6.QtGui import QAction

    demo_window.go("customers")
    page = demo_window.page("customers")
    page.search.setText("小")
    page.apply_filters()
    listed = [page.model.id_at(r) for r in range(page.model.rowCount())]
    names = dict(rows("SELECT id, nickname FROM customer"))
    target = tmp_path / "listed.xlsx"
    with answering(ExportDialog, fill_export(qtbot, target, mask=False)):
        page.findChild(QAction, "customersExport").trigger()
    assert wait_all()
    body = list(load_workbook(target).worksheets[0].iter_rows(min_row=2, values_only=True))
    assert 0 < len(body) == len(listed)
    assert [r[0] for r in body] == [names[i] for i in listed]  # the page's order too


def test_our_own_customer_list_comes_back_through_file_import(demo_window, qtbot, tmp_path):
    from desk.core.customers.models import Customer
    from desk.core.excel import exports
    out = tmp_path / "customers.xlsx"
    exports.export("customers", out, translate=QCoreApplication.translate)
    wb = load_workbook(out)
    ws = wb.worksheets[0]
    nickname = ws.cell(row=2, column=1).value
    ws.cell(row=2, column=3, value="改过的名字")  # Real name
    wb.save(out)
    total = rows("SELECT count(*) FROM customer WHERE deleted_at IS NULL")[0][0]

    def answer(dialog):
        child(dialog, QLineEdit, "importPath").setText(str(out))
        click(qtbot, child(dialog, QPushButton, "importPreview"))
        _wait_summary(qtbot, dialog, "Updated customers: 1")
        assert f"Unchanged: {total - 1}" in child(dialog, QLabel, "importSummary").text()
        assert Customer.get(Customer.nickname == nickname).real_name != "改过的名字"
        click(qtbot, child(dialog, QPushButton, "importRun"))

    with answering(ImportDialog, answer):
        assert demo_window.import_orders()
    assert Customer.get(Customer.nickname == nickname).real_name == "改过的名字"
    assert "1 updated customers" in demo_window.statusBar().currentMessage()


def test_a_chinese_customer_list_comes_back_through_file_import(demo_window, qtbot, tmp_path):
    """Written in Chinese (淘宝, 咨询: as `shopdesk --lang zh_CN export customers`
    writes it), read back by an app running in English."""
    from desk.core.customers.models import Customer
    from desk.core.excel import exports
    from desk.core.excel.translations import translator

    out = tmp_path / "客户.xlsx"
    exports.export("customers", out, translate=translator("zh_CN"))
    wb = load_workbook(out)
    ws = wb.worksheets[0]
    header = [c.value for c in ws[1]]
    assert header[:2] == ["昵称", "平台"]
    assert "淘宝" in {r[1] for r in ws.iter_rows(min_row=2, values_only=True)}
    nickname = ws.cell(row=2, column=1).value
    ws.cell(row=2, column=header.index("地区") + 1, value="浙江省宁波市")
    wb.save(out)
    total = rows("SELECT count(*) FROM customer WHERE deleted_at IS NULL")[0][0]

    def answer(dialog):
        child(dialog, QLineEdit, "importPath").setText(str(out))
        click(qtbot, child(dialog, QPushButton, "importPreview"))
        _wait_summary(qtbot, dialog, "Updated customers: 1")
        assert f"Unchanged: {total - 1}" in child(dialog, QLabel, "importSummary").text()
        assert dialog.plan.errors == []
        click(qtbot, child(dialog, QPushButton, "importRun"))

    with answering(ImportDialog, answer):
        assert demo_window.import_orders()
    assert Customer.get(Customer.nickname == nickname).region == "浙江省宁波市"


def test_the_preview_lists_each_new_order_and_each_changed_field(shop_db, qtbot, tmp_path):
    from desk.core.excel.orders_import import import_orders
    from desk.ui import fmt
    from tests.core.excel import platform_files as pf

    import_orders(pf.taobao_orders_csv(tmp_path / "before.csv"))
    later = pf.taobao_orders_rows()
    later[1][10] = "卖家已发货，等待买家确认"  # order B (row 3) has shipped
    later.append(list(later[3]))
    later[-1][0] = '="3712094518830221750"'  # a new order (row 6)
    path = pf.taobao_orders_csv(tmp_path / "later.csv", later)

    def answer(dialog):
        child(dialog, QLineEdit, "importPath").setText(str(path))
        click(qtbot, child(dialog, QPushButton, "importPreview"))
        _wait_summary(qtbot, dialog, "Updated orders: 1")
        summary = child(dialog, QLabel, "importSummary").text()
        assert "New orders: 1" in summary and "Unchanged orders: 3" in summary
        table = child(dialog, QTableWidget, "importChanges")
        assert table.isVisibleTo(dialog)
        shown = [[table.item(r, c).text() for c in range(table.columnCount())]
                 for r in range(table.rowCount())]
        assert shown == [
            ["3", pf.TB_B, "tb_xiaoyu2019", "Order status", "Paid", "Shipped"],
            ["6", "3712094518830221750", "lily_2024", "New order", "", f"Shipped, {fmt.money(8_900)}"],
        ]
        assert rows("SELECT status FROM shop_order WHERE order_no = ?", pf.TB_B) == [("paid",)]
        click(qtbot, child(dialog, QPushButton, "importRun"))

    with answering(ImportDialog, answer):
        result = ImportDialog.ask(None)
    assert result is not None and result.applied
    assert rows("SELECT status FROM shop_order WHERE order_no = ?", pf.TB_B) == [("shipped",)]
