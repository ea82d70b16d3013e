"""The Settings and First-run dialogs, answered through the main window."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialogButtonBox, QLineEdit, QProgressDialog, QPushButton

from desk.core import settings, timeutil
from desk.core.aftersales.due import end_of_day
from desk.core.customers import followups
from desk.core.customers.models import Customer
from desk.core.models import Setting
from desk.ui import fmt, labels
from desk.ui.dialogs import FirstRunDialog, SettingsDialog
from desk.ui.worker import wait_all

from .helpers import answering, type_text


def press(qtbot, dialog, which: QDialogButtonBox.StandardButton) -> None:
    qtbot.mouseClick(dialog.findChild(QDialogButtonBox).button(which), Qt.MouseButton.LeftButton)


def open_settings(window) -> None:
    window.findChild(QAction, "actionSettings").trigger()


def test_settings_are_saved_on_ok(qtbot, window):
    assert settings.get("shop_name") == ""
    assert settings.get("default_platform") == "taobao"
    seen = {}

    def fill_in(dialog: SettingsDialog) -> None:
        name = dialog.findChild(type(dialog.shop_name), "settingShopName")
        name.setFocus()
        type_text(qtbot, name, "小美的店")
        platform = dialog.findChild(type(dialog.platform), "settingDefaultPlatform")
        seen["shown"] = platform.currentText()
        platform.setFocus()
        qtbot.keyClicks(platform, "Pin")  # keyboard search picks "Pinduoduo"
        seen["picked"] = platform.currentData()
        press(qtbot, dialog, QDialogButtonBox.StandardButton.Ok)
        seen["open"] = dialog.isVisible()

    with answering(SettingsDialog, fill_in):
        open_settings(window)

    assert seen == {"shown": labels.platforms()["taobao"], "picked": "pdd", "open": False}
    assert settings.get("shop_name") == "小美的店"
    assert settings.get("default_platform") == "pdd"
    assert settings.get("mask_phones") is True  # untouched options keep their values
    assert settings.get("deadline_warn_hours") == 24


def test_cancel_saves_nothing(qtbot, window):
    def change_then_cancel(dialog: SettingsDialog) -> None:
        type_text(qtbot, dialog.shop_name, "不要保存")
        press(qtbot, dialog, QDialogButtonBox.StandardButton.Cancel)

    with answering(SettingsDialog, change_then_cancel):
        open_settings(window)
    assert settings.get("shop_name") == ""
    assert Setting.select().where(Setting.key == "shop_name").count() == 0


def test_a_bad_value_shows_the_error_and_writes_nothing(qtbot, window, monkeypatch):
    good = SettingsDialog.values

    def values_with_a_bad_platform(self):
        return {**good(self), "default_platform": "ebay"}

    monkeypatch.setattr(SettingsDialog, "values", values_with_a_bad_platform)
    rows_before = {s.key: s.value for s in Setting.select()}
    seen = {}

    def try_ok_then_cancel(dialog: SettingsDialog) -> None:
        error = dialog.findChild(type(dialog.error), "settingsError")
        assert not error.isVisible()
        type_text(qtbot, dialog.shop_name, "小美的店")
        press(qtbot, dialog, QDialogButtonBox.StandardButton.Ok)
        seen["open"] = dialog.isVisible()
        seen["error shown"] = error.isVisible()
        seen["error"] = error.text()
        seen["rows"] = {s.key: s.value for s in Setting.select()}
        press(qtbot, dialog, QDialogButtonBox.StandardButton.Cancel)

    with answering(SettingsDialog, try_ok_then_cancel):
        open_settings(window)

    assert seen["open"] and seen["error shown"]
    assert "default_platform" in seen["error"] and "taobao" in seen["error"]
    assert seen["rows"] == rows_before  # not even the good shop name was written
    assert settings.get("shop_name") == ""
    assert settings.get("default_platform") == "taobao"


def test_settings_dialog_ask_reports_the_answer(qtbot, shop_db):
    with answering(SettingsDialog, lambda d: press(qtbot, d, QDialogButtonBox.StandardButton.Ok)):
        assert SettingsDialog.ask() is True
    with answering(SettingsDialog, lambda d: press(qtbot, d, QDialogButtonBox.StandardButton.Cancel)):
        assert SettingsDialog.ask() is False


def choose(qtbot, key: str):
    def click(dialog: FirstRunDialog) -> None:
        qtbot.mouseClick(dialog.findChild(QPushButton, f"firstRun_{key}"), Qt.MouseButton.LeftButton)
    return click


def test_first_run_demo_fills_the_shop(qtbot, window):
    assert settings.get("first_run_done") is False
    with answering(FirstRunDialog, choose(qtbot, "demo")):
        window.first_run()
    qtbot.waitUntil(lambda: "Demo data loaded" in window.statusBar().currentMessage(), timeout=60_000)
    assert wait_all()
    assert Customer.select().count() == 2000
    assert window.statusBar().currentMessage() == f"Demo data loaded: {fmt.count(2000)} customers"
    assert settings.get("first_run_done") is True
    progress = window.findChild(QProgressDialog, "progressDialog")
    assert progress is not None and not progress.isVisible()
    # the open views heard about it
    from desk.core.aftersales import deadlines

    due = followups.due_count(end_of_day(timeutil.now())) + deadlines.due_count(deadlines.end_of_day(timeutil.now()))
    assert window.sidebar.item(0).text() == (f"Today  ({due})" if due else "Today")
    window.go("customers")
    assert window.pages["customers"].model.rowCount() == 2000


def test_first_run_import_opens_the_import_and_a_cancel_writes_nothing(qtbot, window):
    from desk.ui.transfer.import_dialog import ImportDialog

    opened = []

    def cancel(dialog: ImportDialog) -> None:
        opened.append(dialog.objectName())
        dialog.reject()

    with answering(FirstRunDialog, choose(qtbot, "import")), answering(ImportDialog, cancel):
        window.first_run()
    assert opened == ["importDialog"]
    assert wait_all()
    assert Customer.select().count() == 0
    # nothing was imported, so the welcome asks again next time
    assert settings.get("first_run_done") is False


@pytest.mark.parametrize("key", ["empty", None])
def test_first_run_empty_or_closed(qtbot, window, key):
    answer = choose(qtbot, key) if key else (lambda dialog: dialog.reject())
    with answering(FirstRunDialog, answer):
        window.first_run()
    assert Customer.select().count() == 0
    # Closing the welcome dialog without choosing asks again next time.
    assert settings.get("first_run_done") is (key == "empty")


def test_first_run_asks_for_the_shop_name_and_who_is_at_the_desk(qtbot, window):
    seen = {}

    def name_then_start(dialog: FirstRunDialog) -> None:
        shop = dialog.findChild(QLineEdit, "firstRunShopName")
        me = dialog.findChild(QLineEdit, "firstRunHandler")
        seen["empty"] = (shop.text(), me.text())
        type_text(qtbot, shop, "  暖暖小铺 ")
        type_text(qtbot, me, "小王")
        qtbot.mouseClick(dialog.findChild(QPushButton, "firstRun_empty"), Qt.MouseButton.LeftButton)

    with answering(FirstRunDialog, name_then_start):
        window.first_run()
    assert seen["empty"] == ("", "")
    assert (settings.get("shop_name"), settings.get("handler")) == ("暖暖小铺", "小王")
    assert settings.get("first_run_done") is True

    # Settings shows them and changes them
    def rename(dialog: SettingsDialog) -> None:
        seen["settings"] = (dialog.shop_name.text(), dialog.handler.text())
        dialog.shop_name.clear()
        type_text(qtbot, dialog.shop_name, "暖暖家居")
        press(qtbot, dialog, QDialogButtonBox.StandardButton.Ok)

    with answering(SettingsDialog, rename):
        open_settings(window)
    assert seen["settings"] == ("暖暖小铺", "小王")
    assert settings.get("shop_name") == "暖暖家居"


def test_closing_the_welcome_keeps_no_names(qtbot, window):
    def type_then_close(dialog: FirstRunDialog) -> None:
        type_text(qtbot, dialog.findChild(QLineEdit, "firstRunShopName"), "暖暖小铺")
        dialog.reject()

    with answering(FirstRunDialog, type_then_close):
        window.first_run()
    assert settings.get("shop_name") == ""
    assert Setting.select().where(Setting.key == "shop_name").count() == 0
