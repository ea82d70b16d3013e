"""Importing phrases: the preview (new / changed / duplicate / error by line)
before anything is written, the group for a Sogou file, the CSV column
mapping; and exporting."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QLocale, QPoint, Qt
from PySide6.QtWidgets import QDialogButtonBox

from desk.core.replies import service, transfer
from desk.core.replies.models import Reply, ReplyGroup
from desk.ui import undo
from desk.ui.replies.transfer import (
    ColumnMappingDialog,
    ImportDialog,
    PlanModel,
)
from desk.ui.worker import wait_all

from tests.ui.helpers import answering, click, column_texts

SOGOU = (
    "; 搜狗自定义短语\n"
    "hy,1=您好，欢迎光临\n"           # 2: already in the group with other text: changed
    "这一行没有等号\n"                 # 3: error
    "a b,1=编码里有空格\n"             # 4: error
    "wl,x=位置不是数字\n"              # 5: error
    "xx,1=谢谢亲的支持\n"              # 6: new
    "zj,2=再见啦\n"                   # 7: the same as the library's: duplicate
    "kd,1=我们默认发中通快递\n"          # 8: new
)


@pytest.fixture(autouse=True)
def fresh():
    undo.reset()
    yield
    undo.reset()


def gid(name: str) -> int:
    return ReplyGroup.get(ReplyGroup.name == name).id


@pytest.fixture
def page(qtbot, window):
    service.add_phrase(gid("道别"), "您好", "hy")
    service.add_phrase(gid("道别"), "再见啦", "zj")
    window.go("replies")
    return window.pages["replies"]


def live() -> list[tuple[str, str, str]]:
    return [(r.group.name, r.code, r.body) for r in
            Reply.select().join(ReplyGroup).where(Reply.deleted_at.is_null())
            .order_by(ReplyGroup.position, Reply.position)]


def sogou_file(tmp_path, encoding="utf-16"):
    path = tmp_path / "PhraseEdit.txt"
    path.write_bytes(SOGOU.replace("\n", "\r\n").encode(encoding))  # utf-16 writes its BOM
    return path


def tick(qtbot, box) -> None:
    """Click a check box on its box (a wide one does not take clicks right of its text)."""
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(8, box.height() // 2))


def wait_for_plan(qtbot, dialog: ImportDialog) -> None:
    qtbot.waitUntil(lambda: dialog.plan is not None and dialog._task is None, timeout=10_000)


def test_sogou_file_with_bad_lines_is_previewed_and_written_only_on_apply(qtbot, tmp_path, page):
    path = sogou_file(tmp_path)
    before = live()

    def check(dialog: ImportDialog) -> None:
        wait_for_plan(qtbot, dialog)
        # into a new group first: everything that reads is new
        assert dialog.summary.text() == ("4 new · 0 changed · 0 duplicate(s), left out · 3 error(s)\n"
                                         f"New groups: {transfer.DEFAULT_GROUP}\nRead as utf-16-le.")
        table = dialog.table
        assert set(column_texts(table, PlanModel.GROUP)) == {transfer.DEFAULT_GROUP}
        dialog.group.setCurrentIndex(dialog.group.findData(gid("道别")))
        wait_for_plan(qtbot, dialog)
        assert dialog.summary.text().startswith("2 new · 1 changed · 1 duplicate(s), left out · 3 error(s)")
        assert set(column_texts(table, PlanModel.GROUP)) == {"道别"}
        assert column_texts(table, PlanModel.LINE) == ["2", "3", "4", "5", "6", "7", "8"]
        assert column_texts(table, PlanModel.KIND) == ["Changed", "Error", "Error", "Error", "New",
                                                       "Duplicate", "New"]
        notes = column_texts(table, PlanModel.NOTE)
        assert notes[1] == "There is no \"=\" in this line; a phrase is written code,position=text."
        assert "space" in notes[2]
        assert notes[3] == "The position \"x\" is not a whole number."
        assert live() == before  # nothing written by reading
        assert not dialog.apply_button.isEnabled()  # errors: not without skipping them
        dialog.only_errors.setChecked(True)
        assert column_texts(table, PlanModel.LINE) == ["3", "4", "5"]
        tick(qtbot, dialog.skip_errors)
        assert dialog.apply_button.isEnabled()
        assert live() == before
        click(qtbot, dialog.apply_button)

    with answering(ImportDialog, check):
        result = page.import_file(path)
    assert result == {"new": 2, "changed": 1, "duplicate": 1, "error": 3, "groups": 0}
    assert [(c, b) for g, c, b in live() if g == "道别"] == [
        ("hy", "您好，欢迎光临"), ("zj", "再见啦"), ("xx", "谢谢亲的支持"), ("kd", "我们默认发中通快递")]
    assert page.window().statusBar().currentMessage() == "Imported: 2 new, 1 changed."


def test_cancel_writes_nothing(qtbot, tmp_path, page):
    path = tmp_path / "clean.txt"
    path.write_text("nh,1=你好呀\n", encoding="gb18030")
    before = live()

    def cancel(dialog: ImportDialog) -> None:
        wait_for_plan(qtbot, dialog)
        assert dialog.apply_button.isEnabled()  # a clean file needs no ticking
        dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel).click()

    with answering(ImportDialog, cancel):
        assert page.import_file(path) is None
    assert live() == before


def test_a_file_that_is_not_text_is_refused_plainly(qtbot, tmp_path, page):
    path = tmp_path / "照片.txt"
    path.write_bytes(bytes(range(256)) * 40)

    def check(dialog: ImportDialog) -> None:
        qtbot.waitUntil(lambda: dialog._task is None, timeout=10_000)
        assert dialog.plan is None
        assert dialog.summary.text() == ("照片.txt is not a text file (is it a picture, an archive "
                                         "or a program?).")
        assert not dialog.apply_button.isEnabled()
        dialog.reject()

    with answering(ImportDialog, check):
        page.import_file(path)


def test_csv_column_mapping_with_a_preview(qtbot, tmp_path, page):
    path = tmp_path / "话术.csv"
    path.write_text("备注,短语,快捷码\n售后,亲，麻烦拍照看看,pz\n售后,马上给您补发,bf\n", encoding="utf-8-sig")
    before = live()

    def map_columns(dialog: ColumnMappingDialog) -> None:
        # the header names the text and the code; "备注" is not a known name
        assert dialog.combos["text"].currentData() == 1
        assert dialog.combos["code"].currentData() == 2
        assert dialog.combos["group"].currentData() is None
        assert column_texts(dialog.table, 0) == ["", ""]
        dialog.combos["text"].setCurrentIndex(0)  # (none)
        assert not dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).isEnabled()
        dialog.combos["text"].setCurrentIndex(dialog.combos["text"].findData(1))
        dialog.combos["group"].setCurrentIndex(dialog.combos["group"].findData(0))
        assert column_texts(dialog.table, 0) == ["售后", "售后"]
        assert column_texts(dialog.table, 2) == ["亲，麻烦拍照看看", "马上给您补发"]
        dialog.accept()

    def preview(dialog: ImportDialog) -> None:
        wait_for_plan(qtbot, dialog)
        assert column_texts(dialog.table, PlanModel.GROUP) == ["售后", "售后"]
        assert column_texts(dialog.table, PlanModel.KIND) == ["New", "New"]
        assert "New groups: 售后" in dialog.summary.text()
        assert live() == before
        click(qtbot, dialog.apply_button)

    with answering(ColumnMappingDialog, map_columns), answering(ImportDialog, preview):
        page.import_file(path)
    assert [(g, c, b) for g, c, b in live() if g == "售后"] == [
        ("售后", "pz", "亲，麻烦拍照看看"), ("售后", "bf", "马上给您补发")]


def test_plan_model_passes_the_model_tester(qtbot, qtmodeltester, tmp_path, page):
    dialog = ImportDialog(sogou_file(tmp_path, "utf-8"), parent=page)
    qtbot.addWidget(dialog)
    wait_for_plan(qtbot, dialog)
    assert dialog.plan.encoding.startswith("utf-8")
    qtmodeltester.check(dialog.model)


@pytest.mark.parametrize("name", ["快捷短语.xlsx", "PhraseEdit.txt"])
def test_export_reads_back_as_duplicates(qtbot, tmp_path, page, name):
    path = tmp_path / name
    page.export_to(path)
    assert wait_all()
    qtbot.waitUntil(lambda: "exported" in page.window().statusBar().currentMessage())
    assert page.window().statusBar().currentMessage() == f"2 phrase(s) exported to {name}."
    plan = transfer.read_file(path, group=gid("道别"))
    assert plan.counts == {"new": 0, "changed": 0, "duplicate": 2, "error": 0}


def test_a_100000_line_file_is_read_in_the_background(qtbot, tmp_path, page):
    path = tmp_path / "大文件.txt"
    path.write_text("".join(f"c{i},1=第{i}句话\n" if i % 1000 else f"坏行 {i}\n" for i in range(100_000)),
                    encoding="gb18030")

    def check(dialog: ImportDialog) -> None:
        assert dialog.summary.text() == "Reading 大文件.txt…"  # the dialog is up before the file is read
        assert not dialog.apply_button.isEnabled()
        wait_for_plan(qtbot, dialog)
        big = QLocale().toString(99_900)  # counts are written the locale's way
        assert dialog.summary.text().startswith(f"{big} new · 0 changed · 0 duplicate(s), left out · "
                                                "100 error(s)")
        assert dialog.model.rowCount() == 100_000
        tick(qtbot, dialog.only_errors)
        assert column_texts(dialog.table, PlanModel.LINE)[:2] == ["1", "1001"]
        assert dialog.model.rowCount() == 100
        assert live() == [("道别", "hy", "您好"), ("道别", "zj", "再见啦")]
        tick(qtbot, dialog.skip_errors)
        click(qtbot, dialog.apply_button)

    with answering(ImportDialog, check, timeout=60):
        result = page.import_file(path)
    assert result["new"] == 99_900
    assert Reply.select().join(ReplyGroup).where(ReplyGroup.name == transfer.DEFAULT_GROUP).count() == 99_900
