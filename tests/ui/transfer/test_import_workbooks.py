"""The import dialog with the files shops have besides .xlsx and .csv: an
old .xls and a LibreOffice/WPS .ods are previewed and imported; a sheet
whose cells reach far to the right is explained in the dialog and nothing
is written."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QLineEdit, QPushButton

from desk.core.base import database
from desk.ui.transfer.import_dialog import ImportDialog
from tests.core.excel import handmade as h

from tests.ui.helpers import answering, child, click

TAOBAO = ["订单编号", "买家会员名", "买家实际支付金额", "订单状态", "订单创建时间", "宝贝标题", "宝贝总数量"]


def count_orders() -> int:
    return database.execute_sql("SELECT count(*) FROM shop_order").fetchone()[0]


def _ods(path):
    return h.ods(path, [
        h.ods_row([h.ods_cell(n) for n in TAOBAO]),
        h.ods_row([h.ods_cell("3012345678901234567"), h.ods_cell("小雨点点"), h.ods_cell(1299),
                   h.ods_cell("交易成功"), h.ods_cell("2025-03-01 10:00:00"), h.ods_cell("T恤"),
                   h.ods_cell(2)]),
        h.ods_row([h.ods_cell(None, 1024)], repeat=1048574)])


@pytest.mark.parametrize(("name", "orders"), [("jd.xls", 3), ("orders.ods", 1)])
def test_an_xls_or_ods_is_previewed_and_imported(shop_db, qtbot, tmp_path, name, orders):
    path = h.FILES / name if name.endswith(".xls") else _ods(tmp_path / name)

    def answer(dialog):
        child(dialog, QLineEdit, "importPath").setText(str(path))
        click(qtbot, child(dialog, QPushButton, "importPreview"))
        summary = child(dialog, type(dialog.summary), "importSummary")
        qtbot.waitUntil(lambda: f"New orders: {orders}" in summary.text(), timeout=60_000)
        assert count_orders() == 0
        click(qtbot, child(dialog, QPushButton, "importRun"))

    with answering(ImportDialog, answer):
        result = ImportDialog.ask(None)
    assert result is not None and result.applied and not result.errors
    assert count_orders() == orders


def test_a_sheet_reaching_far_right_is_explained(shop_db, qtbot, tmp_path):
    path = h.far_right_xlsx(tmp_path / "far.xlsx", 13_000)

    def answer(dialog):
        child(dialog, QLineEdit, "importPath").setText(str(path))
        click(qtbot, child(dialog, QPushButton, "importPreview"))
        error = dialog.findChild(type(dialog.error), "importError")
        qtbot.waitUntil(lambda: "12,356,631 columns" in error.text(), timeout=60_000)
        assert not child(dialog, QPushButton, "importRun").isEnabled()
        dialog.reject()

    with answering(ImportDialog, answer):
        assert ImportDialog.ask(None) is None
    assert count_orders() == 0
