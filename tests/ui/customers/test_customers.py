"""The Customers page: search as you type, and phone masking."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialogButtonBox

from desk.core import pinyin, settings
from desk.core.customers.models import Customer
from desk.ui.dialogs import SettingsDialog
from desk.ui.tablemodel import IdRole

from tests.ui.helpers import answering, column_texts, type_text

NICKNAME, PHONE = 0, 4


def add_customer(nickname: str, phone: str = "", real_name: str = "", platform: str = "other") -> Customer:
    """A buyer as the customer file stores one (pinyin forms included)."""
    return Customer.create(
        platform=platform, nickname=nickname, phone=phone, real_name=real_name,
        nickname_py=pinyin.full(nickname), nickname_abbr=pinyin.abbr(nickname),
        real_name_py=pinyin.full(real_name), real_name_abbr=pinyin.abbr(real_name))


def expected_ids(query: str) -> set[int]:
    """Who the search should find, by the rule the search box promises: nickname or
    real name containing the text, phone starting or ending with it, pinyin
    (full or initials) starting with it."""
    q = query.strip().lower()
    found = set()
    for c in Customer.select().where(Customer.deleted_at.is_null()):
        if (q in c.nickname.lower() or q in c.real_name.lower()
                or (c.phone and (c.phone.startswith(q) or c.phone.endswith(q)))
                or c.nickname_abbr.startswith(q) or c.nickname_py.startswith(q)
                or c.real_name_abbr.startswith(q)):
            found.add(c.id)
    return found


def shown_ids(page) -> set[int]:
    model = page.model
    return {model.index(r, 0).data(IdRole) for r in range(model.rowCount())}


@pytest.fixture
def customers(qtbot, demo_window):
    qtbot.keyClick(demo_window.sidebar, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    page = demo_window.pages["customers"]
    assert page.isVisible()
    return page


def type_search(qtbot, page, text: str) -> None:
    page.search.clear()
    type_text(qtbot, page.search, text)
    # the table follows after a short pause in typing
    qtbot.waitUntil(lambda: not page._debounce.isActive())


def test_search_by_nickname_substring(qtbot, demo, demo_window):
    mine = add_customer("柠檬味的夏天")
    qtbot.keyClick(demo_window.sidebar, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    page = demo_window.pages["customers"]
    search = demo_window.findChild(type(page.search), "customersPageSearch")
    assert search is page.search
    assert page.model.rowCount() == demo.customers + 1

    type_search(qtbot, page, "柠檬")
    want = expected_ids("柠檬")
    assert mine.id in want and 1 < len(want) < demo.customers
    assert shown_ids(page) == want
    assert all("柠檬" in nick for nick in column_texts(page.view, NICKNAME))
    assert page.count_label.text() == f"{len(want)} row(s)"

    page.search.clear()
    qtbot.waitUntil(lambda: page.model.rowCount() == demo.customers + 1)
    assert page.count_label.text() == f"{demo.customers + 1} row(s)"


def test_search_by_last_four_phone_digits(qtbot, demo, demo_window):
    mine = add_customer("尾号买家", phone="13800004321")
    qtbot.keyClick(demo_window.sidebar, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    page = demo_window.pages["customers"]

    type_search(qtbot, page, "4321")
    want = expected_ids("4321")
    assert mine.id in want and len(want) < demo.customers
    assert shown_ids(page) == want
    row = page.model.row_of(mine.id)
    assert page.model.index(row, PHONE).data() == "138****4321"
    assert page.count_label.text() == f"{len(want)} row(s)"


def test_search_by_pinyin_initials(qtbot, demo, demo_window):
    mine = add_customer("小雨点点")
    other = add_customer("大雨点点")
    qtbot.keyClick(demo_window.sidebar, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    page = demo_window.pages["customers"]

    type_search(qtbot, page, "xydd")
    want = expected_ids("xydd")
    shown = shown_ids(page)
    assert mine.id in shown and other.id not in shown
    assert shown == want
    assert all(n.startswith("小雨点点") for n in column_texts(page.view, NICKNAME))
    assert page.count_label.text() == f"{len(want)} row(s)"


def test_search_with_no_match_shows_nothing(qtbot, customers):
    type_search(qtbot, customers, "没有这个人zzz")
    assert customers.model.rowCount() == 0
    assert customers.count_label.text() == "0 row(s)"
    hint = customers.empty_hint
    assert hint.isVisible() and hint.text() == "No customer matches the search or the filters."
    type_search(qtbot, customers, "")
    assert not hint.isVisible()


def test_an_empty_shop_says_how_to_fill_the_list(qtbot, window, monkeypatch):
    from desk.ui.customers.create import NewCustomerDialog

    window.go("customers")
    page = window.page("customers")
    page.apply_filters()
    assert page.model.rowCount() == 0
    assert page.empty_hint.isVisible()
    assert 'href="import"' in page.empty_hint.text() and 'href="new"' in page.empty_hint.text()
    asked = []
    monkeypatch.setattr(window, "import_orders", lambda: asked.append("import"))
    page.empty_hint.linkActivated.emit("import")
    assert asked == ["import"]
    with answering(NewCustomerDialog, lambda dialog: dialog.reject()):
        page.empty_hint.linkActivated.emit("new")  # opens the new-customer form
    add_customer("第一位")
    page.apply_filters()
    assert page.model.rowCount() == 1 and not page.empty_hint.isVisible()


def test_phone_masked_until_the_setting_is_turned_off(qtbot, demo_window):
    mine = add_customer("电话买家", phone="13812341234")
    qtbot.keyClick(demo_window.sidebar, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    page = demo_window.pages["customers"]

    def phone_shown() -> str:
        return page.model.index(page.model.row_of(mine.id), PHONE).data()

    assert settings.get("mask_phones") is True
    assert phone_shown() == "138****1234"
    assert "13812341234" not in column_texts(page.view, PHONE)

    def untick_and_save(dialog: SettingsDialog) -> None:
        box = dialog.findChild(type(dialog.mask_phones), "settingMaskPhones")
        assert box.isChecked()
        qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=box.rect().center())
        assert not box.isChecked()
        ok = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
        qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)

    with answering(SettingsDialog, untick_and_save):
        demo_window.findChild(QAction, "actionSettings").trigger()

    assert settings.get("mask_phones") is False
    assert phone_shown() == "13812341234"
    assert all("*" not in p for p in column_texts(page.view, PHONE))
