"""The Customers page: filters, saved views, bulk actions with undo, columns, new customer."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QDate, QDateTime, Qt, QTime
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QInputDialog, QMessageBox

from desk.core import settings
from desk.core.base import database
from desk.core.customers import tags
from desk.core.customers.models import Customer
from desk.ui import undo
from desk.ui.customers.create import NewCustomerDialog
from desk.ui.customers.filterbar import TagChoiceDialog, TagIdRole
from desk.ui.customers.page import CustomersPage
from desk.ui.tablemodel import IdRole

from tests.ui.helpers import activate, answering, click_cell, type_text


@pytest.fixture
def page(qtbot, demo_window) -> CustomersPage:
    qtbot.keyClick(demo_window.sidebar, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    customers = demo_window.pages["customers"]
    assert customers.isVisible()
    return customers


def settle(qtbot, page) -> None:
    """Wait for the pause after a change, then for the table to follow."""
    qtbot.waitUntil(lambda: not page._debounce.isActive())
    QApplication.processEvents()


def shown(page) -> list[int]:
    return [page.model.index(r, 0).data(IdRole) for r in range(page.model.rowCount())]


def live_ids(where: str, params: tuple = ()) -> set[int]:
    return {r[0] for r in database.execute_sql(
        f"SELECT id FROM customer c WHERE deleted_at IS NULL AND ({where})", params)}


def open_filters(qtbot, page) -> None:
    if not page.filter_bar.isVisible():
        qtbot.mouseClick(page.filters_button, Qt.MouseButton.LeftButton)
    assert page.filter_bar.isVisible()


def choose(combo, data) -> None:
    combo.setCurrentIndex(combo.findData(data))


def tick_tags(tag_list, names: list[str]) -> None:
    for row in range(tag_list.list.count()):
        item = tag_list.list.item(row)
        if item.data(TagIdRole) is not None and item.text() in names:
            item.setCheckState(Qt.CheckState.Checked)


def test_filters_combine_platform_group_and_spend(qtbot, page):
    open_filters(qtbot, page)
    bar = page.filter_bar
    choose(bar.platform, "pdd")
    settle(qtbot, page)
    assert set(shown(page)) == live_ids("platform = 'pdd'")
    choose(bar.lifecycle, "customer")
    bar.spend_min.setValue(100)
    settle(qtbot, page)
    want = live_ids("platform = 'pdd' AND lifecycle = 'customer' AND total_spent_fen >= 10000")
    assert want and set(shown(page)) == want
    assert page.filters_button.text() == "Filters (3)"
    assert page.count_label.text() == f"{len(want)} row(s)"
    qtbot.mouseClick(bar.clear_button, Qt.MouseButton.LeftButton)
    settle(qtbot, page)
    assert len(shown(page)) == len(live_ids("1"))
    assert page.filters_button.text() == "Filters"


def test_tag_filter_any_all_and_none(qtbot, page):
    open_filters(qtbot, page)
    bar = page.filter_bar
    names = [r[0] for r in database.execute_sql(
        "SELECT t.name FROM customer_tag ct JOIN tag t ON t.id = ct.tag_id"
        " GROUP BY t.id ORDER BY count(*) DESC LIMIT 2")]
    a, b = (tags.tag_suggestions(n)[0].id for n in names)
    tick_tags(bar.tag_list, names)
    settle(qtbot, page)
    has = "id IN (SELECT customer_id FROM customer_tag WHERE tag_id = ?)"
    assert set(shown(page)) == live_ids(f"{has} OR {has.replace('?', '?2')}", (a, b))
    assert "、".join(names) in bar.tag_button.text() or "…" in bar.tag_button.text()
    choose(bar.tag_mode, "all")
    settle(qtbot, page)
    assert set(shown(page)) == live_ids(f"{has} AND {has.replace('?', '?2')}", (a, b))
    choose(bar.tag_mode, "none")
    settle(qtbot, page)
    assert set(shown(page)) == live_ids(f"NOT ({has} OR {has.replace('?', '?2')})", (a, b))


def test_case_followup_orders_and_date_filters(qtbot, page):
    open_filters(qtbot, page)
    bar = page.filter_bar
    bar.open_case.setChecked(True)
    settle(qtbot, page)
    assert set(shown(page)) == live_ids("open_case_count > 0") != set()
    bar.open_case.setChecked(False)
    bar.followup_due.setChecked(True)
    settle(qtbot, page)
    # the demo's open follow-ups all lie in the past
    assert set(shown(page)) == live_ids("id IN (SELECT customer_id FROM followup WHERE done_at IS NULL)")
    bar.followup_due.setChecked(False)
    bar.orders_min.setValue(2)
    bar.orders_max.setValue(3)
    settle(qtbot, page)
    assert set(shown(page)) == live_ids("order_count BETWEEN 2 AND 3") != set()
    bar.orders_min.setValue(-1)
    bar.orders_max.setValue(-1)
    day = QDate(2025, 1, 10)
    bar.since.setDate(day)
    bar.until.setDate(day.addDays(30))
    settle(qtbot, page)
    start = QDateTime(day, QTime(0, 0)).toSecsSinceEpoch()
    end = QDateTime(day.addDays(31), QTime(0, 0)).toSecsSinceEpoch()
    assert set(shown(page)) == live_ids("last_order_at >= ? AND last_order_at < ?", (start, end)) != set()


def test_filters_work_with_the_search_box(qtbot, page):
    open_filters(qtbot, page)
    choose(page.filter_bar.platform, "taobao")
    type_text(qtbot, page.search, "1")
    settle(qtbot, page)
    assert shown(page)
    assert all(Customer.get_by_id(i).platform == "taobao" for i in shown(page))


def test_preset_views_and_a_saved_view(qtbot, page):
    page.choose_view("repeat")
    assert set(shown(page)) == live_ids("order_count >= 2")
    assert page.filter_bar.isVisible() and page.filter_bar.orders_min.value() == 2
    page.choose_view("open_cases")
    assert set(shown(page)) == live_ids("open_case_count > 0")

    choose(page.filter_bar.platform, "jd")
    settle(qtbot, page)

    def name_it(dialog: QInputDialog) -> None:
        dialog.setTextValue("京东老客")
        dialog.accept()

    with answering(QInputDialog, name_it):
        qtbot.mouseClick(page.save_view_button, Qt.MouseButton.LeftButton)
    assert page.views.currentText() == "京东老客"
    want = live_ids("open_case_count > 0 AND platform = 'jd'")

    page.choose_view("")
    assert len(shown(page)) == len(live_ids("1"))
    view_id = page.views.itemData(page.views.findText("京东老客"))
    page.choose_view(view_id)
    assert set(shown(page)) == want
    assert page.filter_bar.platform.currentData() == "jd" and page.filter_bar.open_case.isChecked()

    # deleting a view is undoable
    qtbot.mouseClick(page.delete_view_button, Qt.MouseButton.LeftButton)
    assert page.views.findText("京东老客") == -1
    undo.stack().undo()
    assert page.views.findText("京东老客") >= 0


def test_a_view_without_a_name_is_refused(qtbot, page):
    def blank(dialog: QInputDialog) -> None:
        dialog.setTextValue("   ")
        dialog.accept()

    def read(box: QMessageBox) -> None:
        assert "name" in box.text()
        box.accept()

    with answering(QMessageBox, read):
        with answering(QInputDialog, blank):
            qtbot.mouseClick(page.save_view_button, Qt.MouseButton.LeftButton)
    assert database.execute_sql("SELECT count(*) FROM saved_view").fetchone()[0] == 0


def select_rows(qtbot, page, rows: list[int]) -> list[int]:
    click_cell(qtbot, page.view, rows[0])
    for row in rows[1:]:
        click_cell(qtbot, page.view, row, modifier=Qt.KeyboardModifier.ControlModifier)
    return page.selected_ids()


def test_bulk_add_tag_then_undo_and_redo(qtbot, page, demo_window):
    vip = tags.tag_suggestions("VIP")[0]
    tags.add_tags([shown(page)[0]], [vip.id])  # one already has it: undo must leave that one
    QApplication.processEvents()
    ids = select_rows(qtbot, page, [0, 1, 2])
    assert len(ids) == 3
    before = set(tags.tag_pairs(ids, [vip.id]))

    def pick(dialog: TagChoiceDialog) -> None:
        assert not dialog.ok.isEnabled()
        type_text(qtbot, dialog.tags.filter, "VIP")
        tick_tags(dialog.tags, ["VIP"])
        qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)

    with answering(TagChoiceDialog, pick):
        qtbot.mouseClick(page.add_tag_button, Qt.MouseButton.LeftButton)
    assert set(tags.tag_pairs(ids, [vip.id])) == {(i, vip.id) for i in ids}
    qtbot.waitUntil(lambda: "VIP" in page.model.index(page.model.row_of(ids[1]),
                                                      page.column_of("tags")).data())
    activate(page)

    qtbot.keyClick(page.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert set(tags.tag_pairs(ids, [vip.id])) == before
    qtbot.keyClick(page.view, Qt.Key.Key_Z,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert set(tags.tag_pairs(ids, [vip.id])) == {(i, vip.id) for i in ids}


def test_bulk_remove_tag_and_undo(qtbot, page):
    vip = tags.tag_suggestions("VIP")[0]
    tags.add_tags(shown(page)[3:5], [vip.id])
    QApplication.processEvents()
    ids = select_rows(qtbot, page, [3, 4])

    def pick(dialog: TagChoiceDialog) -> None:
        tick_tags(dialog.tags, ["VIP"])
        qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)

    with answering(TagChoiceDialog, pick):
        qtbot.mouseClick(page.remove_tag_button, Qt.MouseButton.LeftButton)
    assert tags.tag_pairs(ids, [vip.id]) == []
    undo.stack().undo()
    assert len(tags.tag_pairs(ids, [vip.id])) == 2


def test_set_group_in_bulk_and_undo(qtbot, page):
    ids = select_rows(qtbot, page, [0, 5])
    before = {c.id: (c.lifecycle, c.lifecycle_manual) for c in Customer.select().where(Customer.id.in_(ids))}
    page.group_button.menu().findChild(type(page.group_button.menu().actions()[0]),
                                       "setGroup_unpaid").trigger()
    after = {c.id: (c.lifecycle, c.lifecycle_manual) for c in Customer.select().where(Customer.id.in_(ids))}
    assert set(after.values()) == {("unpaid", True)}
    undo.stack().undo()
    again = {c.id: (c.lifecycle, c.lifecycle_manual) for c in Customer.select().where(Customer.id.in_(ids))}
    assert again == before


def test_move_to_trash_with_delete_key_and_undo(qtbot, page):
    ids = select_rows(qtbot, page, [0, 1])

    def yes(box: QMessageBox) -> None:
        assert "2 customer(s)" in box.text()
        box.button(QMessageBox.StandardButton.Yes).click()

    with answering(QMessageBox, yes):
        qtbot.keyClick(page.view, Qt.Key.Key_Delete)
    assert Customer.select().where(Customer.id.in_(ids), Customer.deleted_at.is_null()).count() == 0
    qtbot.waitUntil(lambda: not set(ids) & set(shown(page)))
    activate(page)
    qtbot.keyClick(page.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert Customer.select().where(Customer.id.in_(ids), Customer.deleted_at.is_null()).count() == 2
    qtbot.waitUntil(lambda: set(ids) <= set(shown(page)))


def test_bulk_buttons_need_a_selection(qtbot, page):
    page.view.clearSelection()
    assert not page.add_tag_button.isEnabled() and not page.trash_button.isEnabled()
    click_cell(qtbot, page.view, 0)
    assert page.add_tag_button.isEnabled() and page.trash_button.isEnabled()


def test_show_phones_on_demand(qtbot, page):
    column = page.column_of("phone")
    row = next(r for r in range(page.model.rowCount()) if page.model.index(r, column).data())
    assert "****" in page.model.index(row, column).data()
    qtbot.mouseClick(page.phones_button, Qt.MouseButton.LeftButton)
    full = page.model.index(row, column).data()
    assert "****" not in full and full == Customer.get_by_id(page.model.id_at(row)).phone
    qtbot.mouseClick(page.phones_button, Qt.MouseButton.LeftButton)
    assert "****" in page.model.index(row, column).data()
    assert settings.get("mask_phones") is True  # on demand only: the setting is unchanged


def test_columns_can_be_hidden_moved_and_are_remembered(qtbot, page, make_window):
    header = page.view.horizontalHeader()
    region = page.column_of("region")
    assert header.isSectionHidden(region)  # hidden until asked for
    menu = page.column_menu()
    menu.findChild(type(menu.actions()[0]), "column_region").setChecked(True)
    menu.findChild(type(menu.actions()[0]), "column_tags").setChecked(False)
    assert not header.isSectionHidden(region)
    assert header.isSectionHidden(page.column_of("tags"))
    assert not menu.findChild(type(menu.actions()[0]), "column_nickname").isEnabled()
    header.moveSection(header.visualIndex(page.column_of("risk")), 1)
    page.save_columns()

    other = make_window()
    qtbot.keyClick(other.sidebar, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    again = other.pages["customers"]
    h2 = again.view.horizontalHeader()
    assert not h2.isSectionHidden(again.column_of("region"))
    assert h2.isSectionHidden(again.column_of("tags"))
    assert h2.logicalIndex(1) == again.column_of("risk")


def test_a_damaged_column_layout_falls_back(qtbot, shop_db, make_window):
    settings.set_state("customers.columns", "{not json")
    window = make_window()
    qtbot.keyClick(window.sidebar, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    page = window.pages["customers"]
    assert page.view.horizontalHeader().isSectionHidden(page.column_of("region"))
    assert not page.view.horizontalHeader().isSectionHidden(page.column_of("tags"))


def test_new_customer_with_bad_input_then_good_and_undo(qtbot, page):
    from desk.ui.customers.detail import CustomerDialog

    existing = Customer.get_by_id(shown(page)[0])

    def fill(dialog: NewCustomerDialog) -> None:
        ok = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
        qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)  # no nickname
        assert dialog.isVisible() and dialog.error.isVisible()
        assert "nickname" in dialog.error.text().lower()
        choose(dialog.platform, existing.platform)
        type_text(qtbot, dialog.nickname, existing.nickname)
        qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)  # taken on that platform
        assert dialog.isVisible() and existing.nickname in dialog.error.text()
        dialog.nickname.clear()
        type_text(qtbot, dialog.nickname, "新来的买家🙂")
        dialog.phone.setText("12")
        qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)  # bad phone
        assert dialog.isVisible() and dialog.error.isVisible()
        dialog.phone.setText("13900001111")
        qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)

    before = Customer.select().count()
    with answering(CustomerDialog, lambda d: d.reject()):
        with answering(NewCustomerDialog, fill):
            qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    assert Customer.select().count() == before + 1  # the refused tries saved nothing
    made = Customer.get(Customer.nickname == "新来的买家🙂")
    assert made.phone == "13900001111"
    assert made.id in shown(page)
    undo.stack().undo()
    assert Customer.get_by_id(made.id).deleted_at is not None
    undo.stack().redo()
    assert Customer.get_by_id(made.id).deleted_at is None


def test_tag_chips_paint_in_the_tag_colour(qtbot, page):
    vip = tags.tag_suggestions("VIP")[0]
    tags.update_tag(vip.id, color="#ff00ff")
    first = shown(page)[0]
    tags.add_tags([first], [vip.id])
    column = page.column_of("tags")
    qtbot.waitUntil(lambda: "VIP" in (page.model.index(page.model.row_of(first), column).data() or ""))
    index = page.model.index(page.model.row_of(first), column)
    page.view.scrollTo(index)
    rect = page.view.visualRect(index)
    image = page.view.viewport().grab().toImage()
    ratio = page.view.viewport().devicePixelRatioF()
    magenta = sum(1 for x in range(rect.left(), rect.right()) for y in range(rect.top(), rect.bottom())
                  if image.pixelColor(int(x * ratio), int(y * ratio)).name() == "#ff00ff")
    assert magenta > 50  # a chip, not just text
    other = page.model.index(page.model.row_of(first), page.column_of("nickname"))
    r2 = page.view.visualRect(other)
    assert not any(image.pixelColor(int(x * ratio), int(y * ratio)).name() == "#ff00ff"
                   for x in range(r2.left(), r2.right()) for y in range(r2.top(), r2.bottom()))


def test_duplicates_trash_and_tags_open_from_the_more_menu(qtbot, page):
    from desk.ui.customers.duplicates import DuplicatesDialog
    from desk.ui.customers.trash import TrashDialog

    more = page.more.menu()
    with answering(DuplicatesDialog, lambda d: d.reject()):
        more.findChild(type(more.actions()[0]), "actionDuplicates").trigger()
    with answering(TrashDialog, lambda d: d.reject()):
        more.findChild(type(more.actions()[0]), "actionTrash").trigger()
    from desk.ui.customers.tag_manager import TagManagerDialog

    with answering(TagManagerDialog, lambda d: d.reject()):
        more.findChild(type(more.actions()[0]), "actionManageTags").trigger()
