"""Two people on one row: the forms that edit customers, notes, cases, phrases
and follow-ups ask before saving over a change made after they were opened,
and both answers do what they say (asserted on the database)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QLineEdit, QPlainTextEdit, QWidget

from desk.core import settings, timeutil
from desk.core.aftersales import service as cases
from desk.core.aftersales.models import Case
from desk.core.customers import followups, notes
from desk.core.customers import service as customers
from desk.core.customers.models import Customer, Followup, Note
from desk.core.replies import service as replies
from desk.core.replies.models import Reply
from desk.ui import fmt, undo
from desk.ui.aftersales.case_dialog import CaseDialog
from desk.ui.conflict import ConflictDialog
from desk.ui.customers.detail import CustomerDialog
from desk.ui.customers.followup_dialog import FollowupDialog
from desk.ui.replies.editor import PhraseDialog

from .helpers import answering, click, type_text


@pytest.fixture(autouse=True)
def seat(shop_db):
    """This desk is 小李's; the history starts empty."""
    undo.reset()
    settings.set("handler", "小李")
    yield
    undo.reset()


def on_another_seat(write: Callable[[], object]) -> None:
    """小王 saves the same row meanwhile (the form already read it)."""
    settings.set("handler", "小王")
    try:
        write()
    finally:
        settings.set("handler", "小李")


def show(qtbot, dialog: QWidget) -> QWidget:
    qtbot.addWidget(dialog)
    with qtbot.waitExposed(dialog):
        dialog.show()
    return dialog


def retype(qtbot, edit: QLineEdit | QPlainTextEdit, text: str) -> None:
    edit.selectAll()
    qtbot.keyClick(edit, Qt.Key.Key_Delete)
    type_text(qtbot, edit, text)


def choosing(button: str, seen: list[str]):
    """Answer the conflict prompt with its `button` ('reload', 'overwrite', 'cancel')."""
    def answer(box: ConflictDialog) -> None:
        seen.append(box.text())
        target = {"reload": box.reload_button, "overwrite": box.overwrite_button,
                  "cancel": box.button(box.StandardButton.Cancel)}[button]
        target.click()
    return answering(ConflictDialog, answer)


@pytest.fixture
def buyer() -> int:
    return customers.create("taobao", "小雨点点", phone="13800001111")


def test_customer_form_overwrite_saves_mine_over_theirs(qtbot, buyer):
    dialog = show(qtbot, CustomerDialog(buyer))
    retype(qtbot, dialog.phone, "13700003333")
    on_another_seat(lambda: customers.update(buyer, phone="13900002222"))
    theirs = Customer.get_by_id(buyer)
    seen: list[str] = []
    with choosing("overwrite", seen):
        click(qtbot, dialog.save)
    assert seen == [f"This was changed by 小王 at {fmt.when(timeutil.to_epoch(theirs.updated_at))}, "
                    "after you opened it."]
    row = Customer.get_by_id(buyer)
    assert (row.phone, row.updated_by, row.version) == ("13700003333", "小李", 2)
    undo.stack().undo()  # the overwrite is one step: undo puts theirs back
    assert Customer.get_by_id(buyer).phone == "13900002222"


def test_customer_form_reload_shows_theirs_and_saves_nothing(qtbot, buyer):
    dialog = show(qtbot, CustomerDialog(buyer))
    retype(qtbot, dialog.phone, "13700003333")
    on_another_seat(lambda: customers.update(buyer, phone="13900002222"))
    with choosing("reload", []):
        click(qtbot, dialog.save)
    assert Customer.get_by_id(buyer).phone == "13900002222"
    assert dialog.phone.text() == "13900002222"
    assert "Not saved" in dialog.error.text() and dialog.error.isVisible()
    assert undo.stack().count() == 0
    retype(qtbot, dialog.phone, "13700003333")  # now on top of theirs: no question
    click(qtbot, dialog.save)
    assert Customer.get_by_id(buyer).phone == "13700003333"


def test_cancel_keeps_the_form_as_typed_and_writes_nothing(qtbot, buyer):
    dialog = show(qtbot, CustomerDialog(buyer))
    retype(qtbot, dialog.phone, "13700003333")
    on_another_seat(lambda: customers.update(buyer, region="杭州"))
    with choosing("cancel", []):
        click(qtbot, dialog.save)
    row = Customer.get_by_id(buyer)
    assert (row.phone, row.region, row.version) == ("13800001111", "杭州", 1)
    assert dialog.phone.text() == "13700003333"
    assert "Save again" in dialog.error.text()


def test_note_edit_reload_puts_theirs_in_the_editor(qtbot, buyer):
    nid = notes.add(buyer, "要 M 码")
    dialog = show(qtbot, CustomerDialog(buyer))
    dialog.notes.setCurrentRow(0)
    dialog.edit_note()
    retype(qtbot, dialog.note_text, "要 L 码")
    on_another_seat(lambda: notes.edit(nid, "要 XL 码"))
    with choosing("reload", []):
        click(qtbot, dialog.add_note)
    assert Note.get_by_id(nid).body == "要 XL 码"
    assert dialog.note_text.toPlainText() == "要 XL 码"
    retype(qtbot, dialog.note_text, "要 L 码")  # on top of theirs now: no question
    click(qtbot, dialog.add_note)
    row = Note.get_by_id(nid)
    assert (row.body, row.updated_by, row.staff) == ("要 L 码", "小李", "小李")
    assert "小李" in dialog.notes.item(0).text()  # who wrote it, in the list


def test_case_form_overwrite_and_reload(qtbot, buyer):
    case_id = cases.open_case(buyer, "refund_only", "quality", description="衣服破洞")
    dialog = show(qtbot, CaseDialog(case_id=case_id))
    retype(qtbot, dialog.description, "我的说明")
    on_another_seat(lambda: cases.update_case(case_id, description="买家补了照片"))
    seen: list[str] = []
    with choosing("reload", seen):
        click(qtbot, dialog.save)
    assert "小王" in seen[0]
    assert Case.get_by_id(case_id).description == "买家补了照片"
    assert dialog.description.toPlainText() == "买家补了照片"

    retype(qtbot, dialog.description, "我的说明")
    on_another_seat(lambda: cases.update_case(case_id, refund_fen=500))
    with choosing("overwrite", []):
        click(qtbot, dialog.save)
    row = Case.get_by_id(case_id)
    assert (row.description, row.updated_by) == ("我的说明", "小李")
    assert row.refund_fen == 0  # mine over theirs: the whole form, as the person chose


def test_phrase_editor_overwrite(qtbot):
    gid = replies.add_group("售后")
    pid = replies.add_phrase(gid, "亲，收到了吗？", "sh")
    dialog = show(qtbot, PhraseDialog(None, gid, replies.get_phrase(pid)))
    retype(qtbot, dialog.body, "亲，包裹到了吗？")
    on_another_seat(lambda: replies.update_phrase(pid, body="亲，快递到了吗？"))
    with choosing("overwrite", []):
        dialog.findChild(QDialogButtonBox, "phraseButtons").button(
            QDialogButtonBox.StandardButton.Ok).click()
    row = Reply.get_by_id(pid)
    assert (row.body, row.updated_by, row.version) == ("亲，包裹到了吗？", "小李", 2)
    assert not dialog.isVisible()


def test_phrase_editor_reload(qtbot):
    gid = replies.add_group("售后")
    pid = replies.add_phrase(gid, "亲，收到了吗？", "sh")
    dialog = show(qtbot, PhraseDialog(None, gid, replies.get_phrase(pid)))
    retype(qtbot, dialog.body, "亲，包裹到了吗？")
    on_another_seat(lambda: replies.update_phrase(pid, body="亲，快递到了吗？", code="kd"))
    with choosing("reload", []):
        dialog.findChild(QDialogButtonBox, "phraseButtons").button(
            QDialogButtonBox.StandardButton.Ok).click()
    assert dialog.isVisible()
    assert (dialog.body.toPlainText(), dialog.code.text()) == ("亲，快递到了吗？", "kd")
    assert Reply.get_by_id(pid).body == "亲，快递到了吗？"


def test_follow_up_form_overwrite_and_reload(qtbot, buyer):
    due = datetime(2026, 12, 4, 2, 0, tzinfo=UTC)
    fid = followups.add(buyer, "提醒付款", due)
    dialog = show(qtbot, FollowupDialog(buyer, fid))
    retype(qtbot, dialog.title, "晚上提醒付款")
    on_another_seat(lambda: followups.reschedule(fid, due, title="明早提醒付款"))
    save = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save)
    with choosing("reload", []):
        save.click()
    assert dialog.title.text() == "明早提醒付款"
    assert Followup.get_by_id(fid).title == "明早提醒付款"

    retype(qtbot, dialog.title, "晚上提醒付款")
    on_another_seat(lambda: followups.reschedule(fid, due, title="下午提醒付款"))
    with choosing("overwrite", []):
        save.click()
    row = Followup.get_by_id(fid)
    assert (row.title, row.updated_by, row.staff) == ("晚上提醒付款", "小李", "小李")
