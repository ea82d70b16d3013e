"""The tag manager: categories and tags added, renamed, recoloured, described
and deleted through the dialog; refusals shown inline with nothing saved; every
change undoable, a deleted tag coming back on its customers."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QColorDialog,
    QComboBox,
    QDialogButtonBox,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QPushButton,
    QTableWidget,
)

from desk.core.customers import service, tags
from desk.core.customers.models import Tag, TagCategory
from desk.ui import undo
from desk.ui.customers.tag_manager import ColorRole, TagManagerDialog

from tests.ui.helpers import activate, answering, child, click, click_cell, column_texts, type_text

PRESET_CATEGORIES = ["性格", "购买习惯", "风险", "客户价值", "偏好"]
RISK_TAGS = ["差评型", "挑剔型", "砍价型", "频繁退货"]


@pytest.fixture(autouse=True)
def fresh_history(qapp):
    undo.reset()
    yield
    undo.reset()




def open_dialog(qtbot) -> TagManagerDialog:
    dialog = TagManagerDialog()
    qtbot.addWidget(dialog)
    with qtbot.waitExposed(dialog):
        dialog.show()
    activate(dialog)
    return dialog


def ctrl_z(qtbot, dialog) -> None:
    activate(dialog)
    # to the table: the button clicked last may be disabled by now
    qtbot.keyClick(table(dialog), Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)


def categories(dialog) -> QListWidget:
    return child(dialog, QListWidget, "tagCategories")


def table(dialog) -> QTableWidget:
    return child(dialog, QTableWidget, "tagTable")


def category_names(dialog) -> list[str]:
    view = categories(dialog)
    return [view.item(i).text() for i in range(view.count())]


def pick_category(qtbot, dialog, name: str) -> None:
    view = categories(dialog)
    [item] = view.findItems(name, Qt.MatchFlag.MatchExactly)
    view.scrollToItem(item)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                     view.visualItemRect(item).center())
    assert view.currentItem().text() == name


def pick_tag(qtbot, dialog, name: str) -> None:
    click_cell(qtbot, table(dialog), column_texts(table(dialog), 0).index(name))
    assert dialog.current_tag_id() == tag_id(name)


def tag_id(name: str) -> int:
    return Tag.get(Tag.name == name).id


def error(dialog) -> QLabel:
    return child(dialog, QLabel, "tagManagerError")


def typing(qtbot, text: str, name: str | None = None):
    """An answer for a QInputDialog: clear its field, type `text`, press OK."""

    def answer(dialog: QInputDialog) -> None:
        if name is not None:
            assert dialog.objectName() == name
        edit = dialog.findChild(QLineEdit)
        edit.selectAll()
        qtbot.keyClick(edit, Qt.Key.Key_Backspace)
        if text:
            type_text(qtbot, edit, text)
        assert edit.text() == text
        click(qtbot, dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok))

    return answer


def picking(qtbot, color: str):
    """An answer for the colour dialog: choose `color`, press OK."""

    def answer(dialog: QColorDialog) -> None:
        assert dialog.objectName() == "tagColorDialog"
        dialog.setCurrentColor(QColor(color))
        click(qtbot, dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok))

    return answer


def ask_name(qtbot, dialog, button: str, text: str, name: str | None = None) -> None:
    with answering(QInputDialog, typing(qtbot, text, name)):
        click(qtbot, child(dialog, QPushButton, button))


def test_shows_categories_and_their_tags(qtbot, shop_db):
    a, b, trashed = (service.create("taobao", n) for n in ("甲", "乙", "丙"))
    tags.add_tags([a, b, trashed], [tag_id("差评型")])
    service.move_to_trash([trashed])  # not counted
    dialog = open_dialog(qtbot)
    assert category_names(dialog) == PRESET_CATEGORIES
    assert categories(dialog).currentItem().text() == "性格"  # the first one is open
    assert categories(dialog).currentItem().data(ColorRole) == "#5c6bc0"

    pick_category(qtbot, dialog, "风险")
    view = table(dialog)
    assert column_texts(view, 0) == RISK_TAGS
    assert column_texts(view, 1) == ["Category's"] * 4
    assert [view.item(r, 0).data(ColorRole) for r in range(4)] == ["#e53935"] * 4
    assert column_texts(view, 2)[0] == "给过中差评，售后优先处理"
    assert column_texts(view, 3) == ["2", "0", "0", "0"]
    assert child(dialog, QLabel, "tagManagerTagsLabel").text() == "Tags in “风险”: 4"
    assert not child(dialog, QPushButton, "deleteTag").isEnabled()  # no tag chosen yet
    pick_tag(qtbot, dialog, "挑剔型")
    assert child(dialog, QPushButton, "deleteTag").isEnabled()


def test_add_a_category_and_a_tag_in_it_then_undo_both(qtbot, shop_db):
    dialog = open_dialog(qtbot)
    ask_name(qtbot, dialog, "addCategory", "尺码", "newCategoryName")
    assert category_names(dialog) == PRESET_CATEGORIES + ["尺码"]
    assert categories(dialog).currentItem().text() == "尺码"  # the new one is open
    category = TagCategory.get(TagCategory.name == "尺码")
    assert column_texts(table(dialog), 0) == []
    assert dialog.changed

    ask_name(qtbot, dialog, "addTag", "小个子", "newTagName")
    tag = Tag.get(Tag.name == "小个子")
    assert (tag.category_id, tag.color, tag.description) == (category.id, None, "")
    assert column_texts(table(dialog), 0) == ["小个子"]
    assert dialog.current_tag_id() == tag.id  # and chosen
    assert undo.stack().undoText() == "Add tag “小个子”"

    ctrl_z(qtbot, dialog)
    assert not Tag.select().where(Tag.name == "小个子").exists()
    assert column_texts(table(dialog), 0) == []
    ctrl_z(qtbot, dialog)
    assert not TagCategory.select().where(TagCategory.name == "尺码").exists()
    assert category_names(dialog) == PRESET_CATEGORIES


def test_rename_a_tag_and_a_duplicate_name_is_refused_inline(qtbot, shop_db):
    dialog = open_dialog(qtbot)
    friendly = tag_id("友善型")
    pick_tag(qtbot, dialog, "友善型")
    ask_name(qtbot, dialog, "renameTag", "随和型", "renameTagName")
    assert Tag.get_by_id(friendly).name == "随和型"
    assert column_texts(table(dialog), 0)[0] == "随和型"
    assert not error(dialog).isVisible()

    ask_name(qtbot, dialog, "renameTag", "vip")
    assert error(dialog).isVisible()
    assert error(dialog).text() == "There is already a tag \"vip\"."
    assert Tag.get_by_id(friendly).name == "随和型"  # nothing saved
    assert undo.stack().count() == 1
    assert column_texts(table(dialog), 0)[0] == "随和型"

    ctrl_z(qtbot, dialog)
    assert Tag.get_by_id(friendly).name == "友善型"
    assert column_texts(table(dialog), 0)[0] == "友善型"


def test_rename_a_category_and_a_taken_name_is_refused(qtbot, shop_db):
    dialog = open_dialog(qtbot)
    pick_category(qtbot, dialog, "偏好")
    ask_name(qtbot, dialog, "renameCategory", "喜好", "renameCategoryName")
    assert category_names(dialog)[-1] == "喜好"
    ask_name(qtbot, dialog, "renameCategory", "风险")
    assert error(dialog).text() == "There is already a tag category \"风险\"."
    assert category_names(dialog)[-1] == "喜好"
    undo.stack().undo()
    assert category_names(dialog)[-1] == "偏好"
    assert TagCategory.select().where(TagCategory.name == "偏好").exists()


def test_empty_long_and_control_character_names_are_refused(qtbot, shop_db):
    dialog = open_dialog(qtbot)
    before = TagCategory.select().count(), Tag.select().count()
    ask_name(qtbot, dialog, "addCategory", "")
    assert error(dialog).text() == "The category needs a name."
    assert category_names(dialog) == PRESET_CATEGORIES

    ask_name(qtbot, dialog, "addTag", "x" * 33)
    assert error(dialog).text() == "A tag name can be at most 32 characters (this one has 33)."
    with answering(QInputDialog, lambda d: (d.setTextValue("\u202e\x07 "), d.accept())):
        click(qtbot, child(dialog, QPushButton, "addTag"))
    assert error(dialog).text() == "The tag needs a name."
    assert (TagCategory.select().count(), Tag.select().count()) == before
    assert undo.stack().count() == 0 and not dialog.changed

    ask_name(qtbot, dialog, "addTag", "OK")  # a good name clears the message
    assert not error(dialog).isVisible()


def test_recolour_a_category_and_a_tag(qtbot, shop_db):
    dialog = open_dialog(qtbot)
    pick_category(qtbot, dialog, "风险")
    with answering(QColorDialog, picking(qtbot, "#123456")):
        click(qtbot, child(dialog, QPushButton, "recolorCategory"))
    assert TagCategory.get(TagCategory.name == "风险").color == "#123456"
    assert categories(dialog).currentItem().data(ColorRole) == "#123456"
    view = table(dialog)
    assert [view.item(r, 1).data(ColorRole) for r in range(4)] == ["#123456"] * 4

    pick_tag(qtbot, dialog, "砍价型")
    with answering(QColorDialog, picking(qtbot, "#ABCDEF")):
        click(qtbot, child(dialog, QPushButton, "recolorTag"))
    assert Tag.get(Tag.name == "砍价型").color == "#abcdef"
    assert column_texts(view, 1) == ["Category's", "Category's", "#abcdef", "Category's"]
    assert view.item(2, 0).data(ColorRole) == "#abcdef"

    click(qtbot, child(dialog, QPushButton, "resetTagColor"))
    assert Tag.get(Tag.name == "砍价型").color is None
    assert view.item(2, 0).data(ColorRole) == "#123456"

    ctrl_z(qtbot, dialog)
    assert Tag.get(Tag.name == "砍价型").color == "#abcdef"
    ctrl_z(qtbot, dialog)
    assert Tag.get(Tag.name == "砍价型").color is None
    ctrl_z(qtbot, dialog)
    assert TagCategory.get(TagCategory.name == "风险").color == "#e53935"
    assert categories(dialog).currentItem().data(ColorRole) == "#e53935"


def test_edit_a_description(qtbot, shop_db):
    dialog = open_dialog(qtbot)
    pick_category(qtbot, dialog, "客户价值")
    pick_tag(qtbot, dialog, "批发")
    ask_name(qtbot, dialog, "editTagDescription", "一次买十件以上", "tagDescription")
    assert Tag.get(Tag.name == "批发").description == "一次买十件以上"
    assert column_texts(table(dialog), 2)[1] == "一次买十件以上"
    ask_name(qtbot, dialog, "editTagDescription", "长" * 201)
    assert error(dialog).text().startswith("A tag description can be at most 200 characters")
    assert Tag.get(Tag.name == "批发").description == "一次买十件以上"
    undo.stack().undo()
    assert Tag.get(Tag.name == "批发").description == "批量采购"


def test_move_a_tag_to_another_category(qtbot, shop_db):
    dialog = open_dialog(qtbot)
    pick_category(qtbot, dialog, "偏好")
    pick_tag(qtbot, dialog, "喜欢新款")
    new = tag_id("喜欢新款")

    def choose(box: QInputDialog) -> None:
        assert box.objectName() == "moveTagCategory"
        combo = box.findChild(QComboBox)
        assert [combo.itemText(i) for i in range(combo.count())] == PRESET_CATEGORIES[:-1]
        combo.setCurrentIndex(combo.findText("客户价值"))
        click(qtbot, box.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok))

    with answering(QInputDialog, choose):
        click(qtbot, child(dialog, QPushButton, "moveTag"))
    assert Tag.get_by_id(new).category.name == "客户价值"
    assert categories(dialog).currentItem().text() == "客户价值"  # it follows the tag
    assert column_texts(table(dialog), 0) == ["VIP", "批发", "老客", "喜欢新款"]
    assert dialog.current_tag_id() == new
    assert table(dialog).item(3, 0).data(ColorRole) == "#f9a825"

    ctrl_z(qtbot, dialog)
    assert Tag.get_by_id(new).category.name == "偏好"
    assert [t.name for t in Tag.select().where(Tag.category == Tag.get_by_id(new).category_id)
            .order_by(Tag.position)] == ["尺码偏小", "尺码偏大", "喜欢新款"]
    assert column_texts(table(dialog), 0) == ["VIP", "批发", "老客"]


def test_delete_a_tag_with_customers_then_undo_and_redo(qtbot, shop_db):
    a, b, c = (service.create("taobao", n) for n in ("甲", "乙", "丙"))
    bad = tag_id("差评型")
    tags.add_tags([a, b], [bad])
    tags.add_tags([c], [tag_id("挑剔型")])
    before = Tag.get_by_id(bad).__data__.copy()
    dialog = open_dialog(qtbot)
    pick_category(qtbot, dialog, "风险")
    pick_tag(qtbot, dialog, "差评型")
    shown: list[tuple[str, str]] = []

    def cancel(box: QMessageBox) -> None:
        assert box.objectName() == "confirmDeleteTag"
        shown.append((box.text(), box.informativeText()))
        assert box.defaultButton() is box.button(QMessageBox.StandardButton.Cancel)
        click(qtbot, box.button(QMessageBox.StandardButton.Cancel))

    with answering(QMessageBox, cancel):
        click(qtbot, child(dialog, QPushButton, "deleteTag"))
    assert shown[0][0] == "Delete the tag “差评型”?"
    assert "2 customer(s) carry it" in shown[0][1]
    assert Tag.select().where(Tag.id == bad).exists() and undo.stack().count() == 0

    with answering(QMessageBox, lambda box: click(qtbot, child(box, QPushButton,
                                                               "confirmDeleteTagButton"))):
        click(qtbot, child(dialog, QPushButton, "deleteTag"))
    assert not Tag.select().where(Tag.id == bad).exists()
    assert tags.tag_pairs([a, b, c], [bad]) == []
    assert column_texts(table(dialog), 0) == RISK_TAGS[1:]
    assert undo.stack().undoText() == "Delete tag “差评型”"

    ctrl_z(qtbot, dialog)
    after = Tag.get_by_id(bad).__data__.copy()
    before.pop("updated_at"), after.pop("updated_at")
    assert after == before  # same id, name, colour, description, position
    assert tags.tag_pairs([a, b, c], [bad]) == sorted([(a, bad), (b, bad)])
    assert [t.name for t in service.get(a).tags] == ["差评型"]
    assert column_texts(table(dialog), 0) == RISK_TAGS
    assert column_texts(table(dialog), 3) == ["2", "1", "0", "0"]

    undo.stack().redo()
    assert not Tag.select().where(Tag.id == bad).exists()
    undo.stack().undo()
    assert tags.tag_pairs([a, b, c], [bad]) == sorted([(a, bad), (b, bad)])


def test_delete_a_category_then_undo(qtbot, shop_db):
    a = service.create("taobao", "甲")
    risk = TagCategory.get(TagCategory.name == "风险").id
    ids = [tag_id(n) for n in RISK_TAGS]
    tags.add_tags([a], ids[:2])
    dialog = open_dialog(qtbot)
    pick_category(qtbot, dialog, "风险")
    shown: list[str] = []

    def confirm(box: QMessageBox) -> None:
        assert box.objectName() == "confirmDeleteCategory"
        assert box.text() == "Delete the tag category “风险”?"
        shown.append(box.informativeText())
        click(qtbot, child(box, QPushButton, "confirmDeleteCategoryButton"))

    with answering(QMessageBox, confirm):
        click(qtbot, child(dialog, QPushButton, "deleteCategory"))
    assert "4 tag(s)" in shown[0] and "1 customer(s) will lose them" in shown[0]
    assert not TagCategory.select().where(TagCategory.id == risk).exists()
    assert not Tag.select().where(Tag.id.in_(ids)).exists()
    assert "风险" not in category_names(dialog)
    assert categories(dialog).currentItem() is not None  # another one is open

    undo.stack().undo()
    assert category_names(dialog) == PRESET_CATEGORIES
    assert TagCategory.get_by_id(risk).color == "#e53935"
    assert [t.id for t in Tag.select().where(Tag.category == risk).order_by(Tag.position)] == ids
    assert tags.tag_pairs([a], ids) == sorted((a, t) for t in ids[:2])


def test_refreshes_when_tags_change_elsewhere(qtbot, shop_db):
    a = service.create("taobao", "甲")
    dialog = open_dialog(qtbot)
    pick_category(qtbot, dialog, "客户价值")
    tags.create_tag(TagCategory.get(TagCategory.name == "客户价值").id, "团购")
    assert column_texts(table(dialog), 0) == ["VIP", "批发", "老客", "团购"]
    tags.add_tags([a], [tag_id("VIP")])
    assert column_texts(table(dialog), 3)[0] == "1"


def test_ask_reports_whether_anything_changed(qtbot, shop_db):
    with answering(TagManagerDialog, lambda dialog: dialog.reject()):
        assert TagManagerDialog.ask(None) is False

    def change_then_close(dialog: TagManagerDialog) -> None:
        undo.run("add", lambda: tags.create_category_step("新"))
        dialog.reject()

    with answering(TagManagerDialog, change_then_close):
        assert TagManagerDialog.ask(None) is True
