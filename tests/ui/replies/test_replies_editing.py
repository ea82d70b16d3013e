"""Managing phrases on the Quick replies page: the form with its preview, insert,
delete, duplicate, reorder (buttons, keys, drag), move to another group, and the
groups themselves; every change undoable."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QDate, QLocale, QModelIndex, Qt
from PySide6.QtGui import QAction, QColor, QImage, QTextDocumentFragment
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox, QPushButton

from desk.core import timeutil
from desk.core.customers import service as customers
from desk.core.orders.models import Order
from desk.core.replies import service
from desk.core.replies.models import Reply, ReplyGroup
from desk.ui import selection as current
from desk.ui import undo
from desk.ui.replies.editor import PhraseDialog
from desk.ui.replies.models import PhrasesModel

from tests.ui.helpers import activate, answering, child, click, click_cell, column_texts, type_text

MOVE = Qt.DropAction.MoveAction
CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture(autouse=True)
def fresh():
    """An empty undo history and no buyer selected, before and after."""
    undo.reset()
    current.reset()
    yield
    undo.reset()
    current.reset()


def gid(name: str) -> int:
    return ReplyGroup.get(ReplyGroup.name == name).id


@pytest.fixture
def phrases() -> dict[str, int]:
    """Three phrases in 议价, one in 道别."""
    g = gid("议价")
    ids = {code: service.add_phrase(g, f"{code} 的话", code) for code in ("aa", "bb", "cc")}
    ids["zz"] = service.add_phrase(gid("道别"), "再见啦～", "zz")
    return ids


@pytest.fixture
def page(qtbot, window, phrases):
    window.go("replies")
    page = window.pages["replies"]
    assert page.isVisible()
    show_group(page, "议价")
    return page


def show_group(page, name: str) -> None:
    model = page.groups.model()
    row = next(r for r in range(model.rowCount()) if model.index(r, 0).data() == name)
    page.groups.setCurrentIndex(model.index(row, 0))


def codes_in_db(name: str) -> list[str]:
    return [r.code for r in Reply.select().where(Reply.group == gid(name), Reply.deleted_at.is_null())
            .order_by(Reply.position)]


def shown_codes(page) -> list[str]:
    return column_texts(page.view, PhrasesModel.CODE)


def selected_code(page) -> str:
    return page.current().code


def select(qtbot, page, code: str) -> None:
    click_cell(qtbot, page.view, shown_codes(page).index(code), PhrasesModel.TEXT)
    assert selected_code(page) == code


def press_undo(qtbot, page) -> None:
    back_to(qtbot, page)
    qtbot.keyClick(page.view, Qt.Key.Key_Z, CTRL)


def back_to(qtbot, page) -> None:
    """Back in the main window after a dialog (a desktop does this; offscreen does not)."""
    activate(page)
    page.view.setFocus()


def preview(dialog: PhraseDialog) -> str:
    return QTextDocumentFragment.fromHtml(dialog.preview.text()).toPlainText()


# --- the form ---------------------------------------------------------------------


def test_new_phrase_through_the_form_and_undo(qtbot, page):
    def fill_and_save(dialog: PhraseDialog) -> None:
        qtbot.keyClicks(dialog.code, "yh")
        type_text(qtbot, dialog.body, "亲，给您优惠{?优惠金额}元")
        assert preview(dialog) == "亲，给您优惠[优惠金额]元"
        assert not dialog.warning.isVisible()
        dialog.accept()

    with answering(PhraseDialog, fill_and_save):
        click(qtbot, page.new_button)
    assert codes_in_db("议价") == ["aa", "bb", "cc", "yh"]
    assert Reply.get(Reply.code == "yh").body == "亲，给您优惠{?优惠金额}元"
    assert shown_codes(page) == ["aa", "bb", "cc", "yh"]
    assert selected_code(page) == "yh"

    press_undo(qtbot, page)
    assert codes_in_db("议价") == ["aa", "bb", "cc"]
    assert shown_codes(page) == ["aa", "bb", "cc"]
    undo.stack().redo()
    assert codes_in_db("议价") == ["aa", "bb", "cc", "yh"]


def test_the_form_previews_for_the_selected_buyer_and_flags_unknown_placeholders(qtbot, page, phrases):
    cid = customers.create("taobao", "小雨点点")
    Order.create(customer=cid, platform="taobao", order_no="4000000000000000001", status="shipped",
                 placed_at=timeutil.now(), carrier="中通快递", tracking_no="ZT778899")
    current.set_customer(cid)
    service.update_phrase(phrases["bb"], body="{nickname}您好，单号{tracking_no}")
    select(qtbot, page, "bb")

    def edit(dialog: PhraseDialog) -> None:
        assert dialog.preview_for.text() == "Preview for 小雨点点:"
        assert preview(dialog) == "小雨点点您好，单号ZT778899"
        dialog.body.moveCursor(dialog.body.textCursor().MoveOperation.End)
        type_text(qtbot, dialog.body, "，{快递}{订单}")
        assert dialog.warning.isVisible()
        assert "{订单}" in dialog.warning.text()
        # {快递} is an alias of {carrier}; the unknown one is shown as written
        assert preview(dialog) == "小雨点点您好，单号ZT778899，中通快递{订单}"
        dialog.insert.menu().findChild(type(dialog.insert.menu().actions()[0]), "insert_order_no").trigger()
        assert dialog.body.toPlainText().endswith("{订单}{order_no}")
        assert preview(dialog).endswith("中通快递{订单}4000000000000000001")
        dialog.accept()

    with answering(PhraseDialog, edit):
        qtbot.keyClick(page.view, Qt.Key.Key_F2)
    assert Reply.get_by_id(phrases["bb"]).body == "{nickname}您好，单号{tracking_no}，{快递}{订单}{order_no}"
    undo.stack().undo()
    assert Reply.get_by_id(phrases["bb"]).body == "{nickname}您好，单号{tracking_no}"


def test_the_form_keeps_a_refused_phrase_open_with_the_reason(qtbot, page, phrases):
    select(qtbot, page, "aa")

    def clear_text(dialog: PhraseDialog) -> None:
        dialog.body.clear()
        dialog.accept()
        assert dialog.isVisible()
        assert dialog.error.text() == "The phrase has no text."
        dialog.code.setText("a b")
        type_text(qtbot, dialog.body, "新的话")
        dialog.accept()
        assert dialog.isVisible()
        assert "space" in dialog.error.text()
        dialog.reject()

    with answering(PhraseDialog, clear_text):
        page.edit_current()
    assert Reply.get_by_id(phrases["aa"]).body == "aa 的话"
    assert undo.stack().count() == 0


def test_insert_above_the_selected_phrase(qtbot, page):
    select(qtbot, page, "bb")

    def write(dialog: PhraseDialog) -> None:
        type_text(qtbot, dialog.body, "插进来的")
        dialog.code.setText("ins")
        dialog.accept()

    with answering(PhraseDialog, write):
        qtbot.keyClick(page.view, Qt.Key.Key_Insert)
    assert codes_in_db("议价") == ["aa", "ins", "bb", "cc"]
    assert shown_codes(page) == ["aa", "ins", "bb", "cc"]


# --- delete, duplicate -----------------------------------------------------------------


def test_delete_goes_to_the_trash_and_undo_brings_it_back_in_place(qtbot, page, phrases):
    select(qtbot, page, "bb")
    qtbot.keyClick(page.view, Qt.Key.Key_Delete)
    assert codes_in_db("议价") == ["aa", "cc"]
    assert Reply.get_by_id(phrases["bb"]).deleted_at is not None
    assert shown_codes(page) == ["aa", "cc"]
    assert selected_code(page) == "cc"  # the next one, ready for another Del
    press_undo(qtbot, page)
    assert codes_in_db("议价") == ["aa", "bb", "cc"]
    assert shown_codes(page) == ["aa", "bb", "cc"]


def test_duplicate_puts_a_copy_below_without_the_code(qtbot, page, phrases):
    select(qtbot, page, "aa")
    qtbot.keyClick(page.view, Qt.Key.Key_D, CTRL)
    rows = list(Reply.select().where(Reply.group == gid("议价"), Reply.deleted_at.is_null())
                .order_by(Reply.position))
    assert [(r.code, r.body) for r in rows] == [("aa", "aa 的话"), ("", "aa 的话"), ("bb", "bb 的话"),
                                                  ("cc", "cc 的话")]
    assert page.current().id == rows[1].id  # the copy is selected, ready to edit
    undo.stack().undo()
    assert codes_in_db("议价") == ["aa", "bb", "cc"]


# --- reordering --------------------------------------------------------------------


def test_move_up_and_down_with_buttons_and_keys(qtbot, page):
    select(qtbot, page, "aa")
    assert not page.up_button.isEnabled()
    click(qtbot, page.down_button)
    assert codes_in_db("议价") == ["bb", "aa", "cc"]
    assert shown_codes(page) == ["bb", "aa", "cc"]
    assert selected_code(page) == "aa"  # the phrase stays selected as it moves
    qtbot.keyClick(page.view, Qt.Key.Key_Down, CTRL)
    assert codes_in_db("议价") == ["bb", "cc", "aa"]
    assert not page.down_button.isEnabled()
    qtbot.keyClick(page.view, Qt.Key.Key_Up, CTRL)
    qtbot.keyClick(page.view, Qt.Key.Key_Up, CTRL)
    assert codes_in_db("议价") == ["aa", "bb", "cc"]
    assert selected_code(page) == "aa"
    undo.stack().undo()
    assert codes_in_db("议价") == ["bb", "aa", "cc"]
    assert shown_codes(page) == ["bb", "aa", "cc"]
    undo.stack().undo()
    assert codes_in_db("议价") == ["bb", "cc", "aa"]
    undo.stack().undo()
    undo.stack().undo()
    assert codes_in_db("议价") == ["aa", "bb", "cc"]
    assert shown_codes(page) == ["aa", "bb", "cc"]


def test_drag_within_the_group(qtbot, page):
    model = page.model
    drag = model.mimeData([model.index(0, PhrasesModel.TEXT)])  # "aa"
    assert model.canDropMimeData(drag, MOVE, 3, 0, QModelIndex())
    assert model.dropMimeData(drag, MOVE, 3, 0, QModelIndex())  # after the last row
    assert codes_in_db("议价") == ["bb", "cc", "aa"]
    assert shown_codes(page) == ["bb", "cc", "aa"]
    drag = model.mimeData([model.index(2, PhrasesModel.CODE)])  # "aa" again, dropped on "bb"
    assert model.dropMimeData(drag, MOVE, -1, -1, model.index(0, 0))
    assert codes_in_db("议价") == ["aa", "bb", "cc"]
    undo.stack().undo()
    assert codes_in_db("议价") == ["bb", "cc", "aa"]
    undo.stack().undo()
    assert codes_in_db("议价") == ["aa", "bb", "cc"]


def test_search_results_cannot_be_reordered(qtbot, page):
    type_text(qtbot, page.search, "的话")
    assert sorted(shown_codes(page)) == ["aa", "bb", "cc"]
    assert not page.up_button.isEnabled() and not page.down_button.isEnabled()
    drag = page.model.mimeData([page.model.index(0, 0)])
    assert not page.model.canDropMimeData(drag, MOVE, 2, 0, QModelIndex())
    page.search.clear()
    assert shown_codes(page) == ["aa", "bb", "cc"]


# --- other groups ------------------------------------------------------------------


def test_move_to_another_group_by_menu_and_undo(qtbot, page, phrases):
    select(qtbot, page, "bb")
    menu = page.to_group_menu
    menu.aboutToShow.emit()
    target = menu.findChild(type(menu.actions()[0]), f"moveToGroup_{gid('道别')}")
    assert not menu.findChild(type(target), f"moveToGroup_{gid('议价')}").isEnabled()
    target.trigger()
    assert codes_in_db("议价") == ["aa", "cc"]
    assert codes_in_db("道别") == ["zz", "bb"]
    assert shown_codes(page) == ["aa", "cc"]
    undo.stack().undo()
    assert codes_in_db("议价") == ["aa", "bb", "cc"]
    assert codes_in_db("道别") == ["zz"]


def test_drop_a_phrase_onto_a_group(qtbot, page):
    drag = page.model.mimeData([page.model.index(2, 0)])  # "cc"
    groups = page.groups.model()
    farewell = next(groups.index(r, 0) for r in range(groups.rowCount())
                    if groups.index(r, 0).data() == "道别")
    assert not groups.canDropMimeData(drag, MOVE, 1, 0, QModelIndex())  # between groups: no
    assert groups.canDropMimeData(drag, MOVE, -1, -1, farewell)
    assert groups.dropMimeData(drag, MOVE, -1, -1, farewell)
    assert codes_in_db("道别") == ["zz", "cc"]
    assert shown_codes(page) == ["aa", "bb"]


# --- groups ------------------------------------------------------------------------


def group_names(page) -> list[str]:
    return column_texts(page.groups, 0)


def test_add_rename_reorder_and_delete_groups_with_undo(qtbot, page, phrases):
    seeded = group_names(page)
    assert seeded == [g.name for g in service.list_groups()]

    def name_it(text: str):
        def answer(dialog: QInputDialog) -> None:
            dialog.setTextValue(text)
            dialog.accept()
        return answer

    with answering(QInputDialog, name_it("回头客")):
        click(qtbot, page.group_buttons["addGroup"])
    # added below the current group (议价) and chosen
    at = seeded.index("议价") + 1
    assert group_names(page) == seeded[:at] + ["回头客"] + seeded[at:]
    assert [g.name for g in service.list_groups()] == group_names(page)
    assert page.groups.currentIndex().data() == "回头客"
    assert page.right.currentWidget() is page.view and shown_codes(page) == []

    with answering(QInputDialog, name_it("老客户")):
        click(qtbot, page.group_buttons["renameGroup"])
    assert "老客户" in group_names(page) and "回头客" not in group_names(page)

    click(qtbot, page.group_buttons["groupUp"])
    assert group_names(page)[at - 1:at + 1] == ["老客户", "议价"]
    assert [g.name for g in service.list_groups()] == group_names(page)

    undo.stack().undo()  # the move
    undo.stack().undo()  # the rename
    undo.stack().undo()  # the add
    assert [g.name for g in service.list_groups()] == seeded

    show_group(page, "议价")
    with answering(QMessageBox, lambda box: box.button(QMessageBox.StandardButton.Yes).click()):
        click(qtbot, page.group_buttons["deleteGroup"])
    assert "议价" not in group_names(page)
    assert not Reply.select().where(Reply.id.in_([phrases["aa"], phrases["bb"]])).exists()
    undo.stack().undo()
    assert group_names(page) == seeded
    assert codes_in_db("议价") == ["aa", "bb", "cc"]


def test_deleting_a_group_asks_first(qtbot, page):
    with answering(QMessageBox, lambda box: box.button(QMessageBox.StandardButton.No).click()):
        click(qtbot, page.group_buttons["deleteGroup"])
    assert "议价" in group_names(page)


def test_drag_a_group(qtbot, page):
    seeded = group_names(page)
    groups = page.groups.model()
    drag = groups.mimeData([groups.index(0, 0)])
    assert groups.dropMimeData(drag, MOVE, 3, 0, QModelIndex())
    want = seeded[1:3] + seeded[:1] + seeded[3:]
    assert group_names(page) == want
    assert [g.name for g in service.list_groups()] == want
    assert groups.moveRows(QModelIndex(), 5, 1, QModelIndex(), 0)  # as the list view moves a row
    assert [g.name for g in service.list_groups()] == [want[5]] + want[:5] + want[6:]
    undo.stack().undo()
    undo.stack().undo()
    assert [g.name for g in service.list_groups()] == seeded


def test_models_pass_the_model_tester(qtmodeltester, page):
    qtmodeltester.check(page.model)
    qtmodeltester.check(page.groups.model())


def test_a_picture_is_chosen_from_a_file(qtbot, tmp_path, monkeypatch, page, phrases):
    picture = tmp_path / "色卡.png"
    image = QImage(20, 20, QImage.Format.Format_RGB32)
    image.fill(QColor("#cc3366"))
    assert image.save(str(picture))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(picture), ""))
    select(qtbot, page, "cc")
    assert page.model.index(2, PhrasesModel.IMAGE).data(Qt.ItemDataRole.DecorationRole) is None

    def choose(dialog: PhraseDialog) -> None:
        assert not dialog.remove_picture.isEnabled()
        click(qtbot, child(dialog, QPushButton, "choosePicture"))
        assert not dialog.picture.pixmap().isNull()
        assert dialog.remove_picture.isEnabled()
        dialog.accept()

    with answering(PhraseDialog, choose):
        page.edit_current()
    assert Reply.get_by_id(phrases["cc"]).image_sha256
    assert page.model.index(2, PhrasesModel.IMAGE).data(Qt.ItemDataRole.DecorationRole) is not None

    def remove(dialog: PhraseDialog) -> None:
        click(qtbot, dialog.remove_picture)
        assert dialog.picture.text() == "No picture"
        dialog.accept()

    with answering(PhraseDialog, remove):
        page.edit_current()
    assert Reply.get_by_id(phrases["cc"]).image_sha256 == ""
    undo.stack().undo()
    assert Reply.get_by_id(phrases["cc"]).image_sha256
    assert service.get_phrase(phrases["cc"]).image_path.exists()


@pytest.fixture
def chinese():
    """The UI speaking Chinese (QLocale's default is what the translator set)."""
    before = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
    yield
    QLocale.setDefault(before)


def test_placeholders_are_offered_by_their_chinese_names_in_a_chinese_ui(qtbot, page, chinese):
    def insert(dialog: PhraseDialog) -> None:
        menu = dialog.insert.menu()
        texts = [a.text().split("\t")[-1] for a in menu.actions() if a.objectName().startswith("insert_")
                 and a.objectName() != "insert_prompt"]
        assert texts == ["{昵称}", "{订单号}", "{快递单号}", "{快递公司}", "{店铺名}", "{日期}", "{时间}",
                         "{剪贴板}"]
        menu.findChild(QAction, "insert_nickname").trigger()
        menu.findChild(QAction, "insert_date").trigger()
        with answering(QInputDialog, lambda d: (d.setTextValue("优惠金额"), d.accept())):
            menu.findChild(QAction, "insert_prompt").trigger()
        assert dialog.body.toPlainText() == "{昵称}{日期}{?优惠金额}"
        today = QDate.currentDate()
        assert preview(dialog) == f"{{昵称}}{today.year()}年{today.month()}月{today.day()}日[优惠金额]"
        assert not dialog.warning.isVisible()
        dialog.reject()

    with answering(PhraseDialog, insert):
        page.new_phrase()


def test_the_form_checks_the_code_as_it_is_typed(qtbot, page, phrases):
    def type_codes(dialog: PhraseDialog) -> None:
        type_text(qtbot, dialog.body, "新的一句")
        assert not dialog.warning.isVisible()
        qtbot.keyClicks(dialog.code, "a")  # the start of "aa"
        assert dialog.warning.text() == ('The code "a" is the start of the code "aa": typing one '
                                         "brings up the other too.")
        qtbot.keyClicks(dialog.code, "a")
        assert dialog.warning.text() == 'The code "aa" is also the code of "aa 的话".'
        qtbot.keyClicks(dialog.code, "a")  # "aa" is now the start of this one
        assert dialog.warning.text() == ('The code "aa" is the start of the code "aaa": typing one '
                                         "brings up the other too.")
        dialog.code.setText("Zq")
        assert dialog.warning.text() == 'The code "Zq" has capital letters; codes are typed in lower case.'
        dialog.code.setText("zq")
        assert not dialog.warning.isVisible()
        dialog.reject()

    with answering(PhraseDialog, type_codes):
        page.new_phrase()


def test_editing_a_phrase_does_not_clash_with_itself(qtbot, page, phrases):
    select(qtbot, page, "bb")

    def look(dialog: PhraseDialog) -> None:
        assert dialog.code.text() == "bb"
        assert not dialog.warning.isVisible()
        dialog.reject()

    with answering(PhraseDialog, look):
        page.edit_current()


def test_keys_in_the_group_list_act_on_groups(qtbot, page, phrases):
    seeded = group_names(page)
    at = seeded.index("议价")
    page.groups.setFocus()
    qtbot.keyClick(page.groups, Qt.Key.Key_Down, CTRL)
    assert [g.name for g in service.list_groups()][at + 1] == "议价"
    assert page.groups.currentIndex().data() == "议价"
    with answering(QMessageBox, lambda box: box.button(QMessageBox.StandardButton.No).click()):
        qtbot.keyClick(page.groups, Qt.Key.Key_Delete)
    assert codes_in_db("议价") == ["aa", "bb", "cc"]  # Del here is about the group, and it asked
    back_to(qtbot, page)
    page.groups.setFocus()
    with answering(QInputDialog, lambda d: (d.setTextValue("砍价"), d.accept())):
        qtbot.keyClick(page.groups, Qt.Key.Key_F2)
    assert group_names(page)[at + 1] == "砍价"
