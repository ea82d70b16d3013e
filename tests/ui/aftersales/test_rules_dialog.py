"""Deadlines and reasons: presets per platform changed, switched off and put
back to the shipped values; the shop's clock; reasons added, renamed, switched
off and deleted when unused; refusals inline with nothing saved; every change
undoable. Opened from the After-sales page's More menu."""

from __future__ import annotations

from datetime import datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QToolButton,
)

from desk.core import settings
from desk.core.aftersales import deadlines, reasons, service
from desk.core.aftersales.models import Case
from desk.core.customers import service as customers
from desk.ui import undo
from desk.ui.aftersales.rules_dialog import AftersalesRulesDialog

from tests.ui.helpers import activate, answering, child, click_cell, column_texts, type_text


@pytest.fixture(autouse=True)
def fresh_history(qapp):
    undo.reset()
    yield
    undo.reset()



def click(qtbot, widget) -> None:
    assert widget.isEnabled(), widget.objectName()
    table = widget.parent().parent().parent() if isinstance(widget, QCheckBox) else None
    if isinstance(table, QTableWidget):  # a cell's check box: bring its row into view
        for row in range(table.rowCount()):
            if table.cellWidget(row, 4) is widget.parent():
                table.scrollTo(table.model().index(row, 4))
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def open_dialog(qtbot, tab: int = 0) -> AftersalesRulesDialog:
    dialog = AftersalesRulesDialog()
    dialog.tabs.setCurrentIndex(tab)
    qtbot.addWidget(dialog)
    with qtbot.waitExposed(dialog):
        dialog.show()
    activate(dialog)
    return dialog


def ctrl_z(qtbot, dialog, redo: bool = False) -> None:
    if QApplication.activeWindow() is not dialog:
        activate(dialog)
    modifiers = Qt.KeyboardModifier.ControlModifier
    if redo:
        modifiers |= Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(child(dialog, QTableWidget, "reasonsTable"), Qt.Key.Key_Z, modifiers)


def rule(platform: str, key: str) -> deadlines.RuleInfo:
    return next(r for r in deadlines.list_rules(platform) if r.key == key)


def pick_platform(dialog, code: str) -> None:
    combo = child(dialog, QComboBox, "rulesPlatform")
    combo.setCurrentIndex(combo.findData(code))


def set_spin(qtbot, spin: QSpinBox, value: int) -> None:
    """Type a value and press Enter, as a person does."""
    spin.setFocus()
    spin.selectAll()
    qtbot.keyClicks(spin, str(value))
    qtbot.keyClick(spin, Qt.Key.Key_Return)


def shown_row(dialog, key: str) -> list[str]:
    table = child(dialog, QTableWidget, "rulesTable")
    label = deadlines.LABELS[key]
    row = column_texts(table, 0).index(label)
    return [table.item(row, c).text() if table.item(row, c) else "" for c in range(table.columnCount())]


def reasons_table(dialog) -> QTableWidget:
    return child(dialog, QTableWidget, "reasonsTable")


def pick_reason(qtbot, dialog, name: str) -> None:
    table = reasons_table(dialog)
    click_cell(qtbot, table, column_texts(table, 0).index(name))
    assert dialog.current_reason().name == name


def reason_names() -> list[str]:
    return [r.name for r in reasons.listed(include_inactive=True)]


# -- deadlines --------------------------------------------------------------------------------


def test_changing_a_preset_shows_saves_recomputes_and_undoes(qtbot, shop_db):
    settings.set("handling_cutoff_hour", 24)
    cid = customers.create("taobao", "买家一")
    # opened at 11:00 in the shop's zone: the shop's own same-day target
    # (midnight) comes after the 3 hours set below, whatever the time is now
    case_id = service.open_case(cid, "refund_only", "quality",
                                opened_at=datetime(2024, 5, 1, 11, 0).astimezone())
    dialog = open_dialog(qtbot)
    pick_platform(dialog, "taobao")
    assert shown_row(dialog, "seller_respond")[3] == "5 day(s)"
    spin = child(dialog, QSpinBox, "ruleHours_seller_respond")
    assert spin.value() == 120

    set_spin(qtbot, spin, 3)
    assert rule("taobao", "seller_respond").hours == 3
    assert rule("tmall", "seller_respond").hours == 120  # only the chosen platform
    case = Case.get_by_id(case_id)
    assert (case.next_deadline_at - case.status_changed_at).total_seconds() == 3 * 3600
    assert shown_row(dialog, "seller_respond")[3] == "0.1 days"

    ctrl_z(qtbot, dialog)
    assert rule("taobao", "seller_respond").hours == 120
    assert child(dialog, QSpinBox, "ruleHours_seller_respond").value() == 120
    case = Case.get_by_id(case_id)
    assert (case.next_deadline_at - case.status_changed_at).total_seconds() != 3 * 3600


def test_switching_a_preset_off_and_back_through_undo(qtbot, shop_db):
    dialog = open_dialog(qtbot)
    pick_platform(dialog, "jd")
    box = child(dialog, QCheckBox, "ruleActive_review_revise")
    assert box.isChecked()
    click(qtbot, box)
    assert not rule("jd", "review_revise").active
    assert not child(dialog, QSpinBox, "ruleHours_review_revise").isEnabled()
    ctrl_z(qtbot, dialog)
    assert rule("jd", "review_revise").active
    assert child(dialog, QCheckBox, "ruleActive_review_revise").isChecked()
    ctrl_z(qtbot, dialog, redo=True)
    assert not rule("jd", "review_revise").active
    assert not child(dialog, QCheckBox, "ruleActive_review_revise").isChecked()


def test_restore_defaults_for_one_platform_and_undo(qtbot, shop_db):
    deadlines.update_rule(rule("pdd", "buyer_ship_return").id, hours=50)
    deadlines.update_rule(rule("pdd", "seller_respond").id, active=False)
    deadlines.update_rule(rule("taobao", "buyer_ship_return").id, hours=60)
    dialog = open_dialog(qtbot)
    pick_platform(dialog, "pdd")
    assert child(dialog, QSpinBox, "ruleHours_buyer_ship_return").value() == 50

    click(qtbot, child(dialog, QPushButton, "rulesReset"))
    assert rule("pdd", "buyer_ship_return").hours == 168
    assert rule("pdd", "seller_respond").active
    assert rule("taobao", "buyer_ship_return").hours == 60
    assert child(dialog, QSpinBox, "ruleHours_buyer_ship_return").value() == 168
    assert child(dialog, QCheckBox, "ruleActive_seller_respond").isChecked()

    ctrl_z(qtbot, dialog)
    assert rule("pdd", "buyer_ship_return").hours == 50
    assert not rule("pdd", "seller_respond").active
    assert child(dialog, QSpinBox, "ruleHours_buyer_ship_return").value() == 50


def test_platforms_show_their_own_values(qtbot, shop_db):
    deadlines.update_rule(rule("douyin", "buyer_respond_refusal").id, hours=72)
    dialog = open_dialog(qtbot)
    pick_platform(dialog, "taobao")
    assert child(dialog, QSpinBox, "ruleHours_buyer_respond_refusal").value() == 168
    pick_platform(dialog, "douyin")
    assert child(dialog, QSpinBox, "ruleHours_buyer_respond_refusal").value() == 72
    assert "Rejected" in shown_row(dialog, "buyer_respond_refusal")[1]
    assert "surface mail" in shown_row(dialog, "seller_confirm_surface")[1]


def test_shop_clock_is_saved_and_undone(qtbot, shop_db):
    dialog = open_dialog(qtbot)
    cutoff = child(dialog, QSpinBox, "rulesCutoffHour")
    warn = child(dialog, QSpinBox, "rulesWarnHours")
    assert cutoff.value() == 16 and warn.value() == 24
    set_spin(qtbot, cutoff, 18)
    set_spin(qtbot, warn, 48)
    assert settings.get("handling_cutoff_hour") == 18
    assert settings.get("deadline_warn_hours") == 48
    ctrl_z(qtbot, dialog)
    assert settings.get("deadline_warn_hours") == 24
    assert warn.value() == 24
    ctrl_z(qtbot, dialog)
    assert settings.get("handling_cutoff_hour") == 16
    assert cutoff.value() == 16


# -- reasons --------------------------------------------------------------------------------


def test_reasons_list_shows_flags(qtbot, shop_db):
    reasons.update_reason("other", active=False)
    dialog = open_dialog(qtbot, tab=1)
    table = reasons_table(dialog)
    names = column_texts(table, 0)
    assert names == reason_names()
    row = names.index("质量问题")
    assert table.item(row, 1).text() == "yes" and table.item(row, 2).text() == ""
    row = names.index("七天无理由")
    assert table.item(row, 1).text() == "" and table.item(row, 2).text() == "yes"
    assert table.item(names.index("其他"), 3).text() == "switched off"


def test_add_a_reason_then_undo_and_redo(qtbot, shop_db):
    dialog = open_dialog(qtbot, tab=1)
    name = child(dialog, QLineEdit, "reasonName")
    type_text(qtbot, name, "吊牌缺失")
    click(qtbot, child(dialog, QCheckBox, "reasonNewQuality"))
    click(qtbot, child(dialog, QPushButton, "reasonAdd"))
    added = reasons.listed()[-1]
    assert (added.name, added.is_quality, added.active) == ("吊牌缺失", True, True)
    assert column_texts(reasons_table(dialog), 0)[-1] == "吊牌缺失"
    assert name.text() == ""
    assert not child(dialog, QLabel, "reasonsError").isVisibleTo(dialog)

    ctrl_z(qtbot, dialog)
    assert "吊牌缺失" not in reason_names()
    assert "吊牌缺失" not in column_texts(reasons_table(dialog), 0)
    ctrl_z(qtbot, dialog, redo=True)
    assert reasons.listed()[-1].code == added.code
    assert column_texts(reasons_table(dialog), 0)[-1] == "吊牌缺失"


@pytest.mark.parametrize("text", ["", "色差", "x" * 21])
def test_bad_reason_names_show_inline_and_save_nothing(qtbot, shop_db, text):
    before = reason_names()
    dialog = open_dialog(qtbot, tab=1)
    if text:
        type_text(qtbot, child(dialog, QLineEdit, "reasonName"), text)
    click(qtbot, child(dialog, QPushButton, "reasonAdd"))
    error = child(dialog, QLabel, "reasonsError")
    assert error.isVisibleTo(dialog) and error.text()
    assert reason_names() == before
    assert undo.stack().count() == 0


def test_rename_and_switch_off_a_used_reason_it_cannot_be_deleted(qtbot, shop_db):
    cid = customers.create("taobao", "买家二")
    case_id = service.open_case(cid, "return_refund", "size")
    dialog = open_dialog(qtbot, tab=1)
    pick_reason(qtbot, dialog, "尺码不合适")
    table = reasons_table(dialog)
    assert table.item(column_texts(table, 0).index("尺码不合适"), 4).text() == "1"
    assert not child(dialog, QPushButton, "reasonDelete").isEnabled()
    name = child(dialog, QLineEdit, "reasonName")
    assert name.text() == "尺码不合适"
    name.selectAll()
    qtbot.keyClick(name, Qt.Key.Key_Backspace)
    type_text(qtbot, name, "尺码不对")
    click(qtbot, child(dialog, QPushButton, "reasonRename"))
    assert service.get_case(case_id).reason_name == "尺码不对"
    assert "尺码不对" in column_texts(table, 0)

    toggle = child(dialog, QPushButton, "reasonToggle")
    click(qtbot, toggle)
    info = next(r for r in reasons.listed(include_inactive=True) if r.code == "size")
    assert not info.active
    assert "size" not in [r.code for r in reasons.listed()]
    assert toggle.text().replace("&", "") == "Switch on"

    ctrl_z(qtbot, dialog)
    assert "size" in [r.code for r in reasons.listed()]
    ctrl_z(qtbot, dialog)
    assert service.get_case(case_id).reason_name == "尺码不合适"


def test_quality_flag_toggles_and_undoes(qtbot, shop_db):
    dialog = open_dialog(qtbot, tab=1)
    pick_reason(qtbot, dialog, "色差")
    click(qtbot, child(dialog, QPushButton, "reasonQuality"))
    assert next(r for r in reasons.listed() if r.code == "color").is_quality
    table = reasons_table(dialog)
    assert table.item(column_texts(table, 0).index("色差"), 1).text() == "yes"
    ctrl_z(qtbot, dialog)
    assert not next(r for r in reasons.listed() if r.code == "color").is_quality


def test_no_reason_flag_toggles_undoes_and_sets_new_cases(qtbot, shop_db):
    from desk.core.aftersales.models import Case
    from desk.core.customers import service as customers

    dialog = open_dialog(qtbot, tab=1)
    table = reasons_table(dialog)
    assert table.item(column_texts(table, 0).index("七天无理由"), 2).text() == "yes"  # seeded
    pick_reason(qtbot, dialog, "尺码不合适")
    code = dialog.current_reason().code
    click(qtbot, child(dialog, QPushButton, "reasonNoReason"))
    assert next(r for r in reasons.listed() if r.code == code).no_reason
    row = column_texts(table, 0).index(dialog.current_reason().name)
    assert table.item(row, 2).text() == "yes"
    buyer = customers.create("taobao", "阿明")
    case = service.open_case(buyer, "return_refund", code)
    assert Case.get_by_id(case).no_reason_return  # the shorter deadline applies
    ctrl_z(qtbot, dialog)
    assert not next(r for r in reasons.listed() if r.code == code).no_reason


def test_delete_an_unused_reason_and_undo_puts_it_back_in_place(qtbot, shop_db):
    order = reason_names()
    dialog = open_dialog(qtbot, tab=1)
    pick_reason(qtbot, dialog, "快递丢件")
    click(qtbot, child(dialog, QPushButton, "reasonDelete"))
    assert "快递丢件" not in reason_names()
    assert "快递丢件" not in column_texts(reasons_table(dialog), 0)
    ctrl_z(qtbot, dialog)
    assert reason_names() == order
    assert column_texts(reasons_table(dialog), 0) == order


# -- opening it -------------------------------------------------------------------------------


def test_opened_from_the_after_sales_more_menu(qtbot, shop_db):
    from desk.ui.aftersales.page import AftersalesPage

    page = AftersalesPage()
    qtbot.addWidget(page)
    more = page.findChild(QToolButton, "aftersalesMore")
    action = next(a for a in more.menu().actions() if a.objectName() == "actionAftersalesRules")

    def answer(dialog: AftersalesRulesDialog) -> None:
        assert dialog.objectName() == "aftersalesRulesDialog"
        dialog.reject()

    with answering(AftersalesRulesDialog, answer):
        action.trigger()
