"""Notes: a timeline per customer, pinned first, soft deletes for undo."""

from __future__ import annotations

import pytest

from desk.core import changes
from desk.core.base import database
from desk.core.customers import notes, service
from desk.core.customers.models import Note
from desk.core.errors import UserError


def _bodies(cid, **kw):
    return [n.body for n in notes.list_notes(cid, **kw)]


def _age(note_id, at):
    database.execute_sql("UPDATE note SET created_at = ? WHERE id = ?", (at, note_id))


def test_newest_first_with_pinned_on_top(shop, announced):
    cid = shop.customer()
    a = notes.add(cid, "第一条")
    b = notes.add(cid, "第二条", pinned=True)
    c = notes.add(cid, "第三条")
    for i, n in enumerate((a, b, c)):
        _age(n, 1000 + i)
    assert _bodies(cid) == ["第二条", "第三条", "第一条"]
    notes.set_pinned([b], False)
    notes.set_pinned([a])
    assert _bodies(cid) == ["第一条", "第三条", "第二条"]
    assert changes.Change("note", frozenset({a})) in announced
    assert changes.Change("customer", frozenset({cid})) in announced


def test_body_keeps_lines_drops_controls(shop):
    cid = shop.customer()
    nid = notes.add(cid, "  身高160\r\n体重50\t穿M码\x00\u202e  ")
    assert Note.get_by_id(nid).body == "身高160\n体重50\t穿M码"
    notes.edit(nid, "🍓 𠮷野家")
    assert _bodies(cid) == ["🍓 𠮷野家"]


@pytest.mark.parametrize("body, message", [
    ("", "note is empty"), (" \n\t ", "note is empty"), ("\x07\u202a", "note is empty"),
    ("字" * 10_001, "at most 10,000 characters \\(this one has 10,001\\)"),
])
def test_bad_bodies_are_refused(shop, announced, body, message):
    cid = shop.customer()
    announced.clear()
    with pytest.raises(UserError, match=message):
        notes.add(cid, body)
    assert Note.select().count() == 0 and announced == []
    nid = notes.add(cid, "原来的")
    with pytest.raises(UserError, match=message):
        notes.edit(nid, body)
    assert Note.get_by_id(nid).body == "原来的"


def test_ten_thousand_characters_are_kept_whole(shop):
    cid = shop.customer()
    body = "𠮷" * 10_000
    nid = notes.add(cid, body)
    assert Note.get_by_id(nid).body == body


def test_delete_and_restore(shop):
    cid = shop.customer()
    a, b = notes.add(cid, "甲"), notes.add(cid, "乙")
    assert notes.delete([a, b]) == 2
    assert _bodies(cid) == []
    assert sorted(_bodies(cid, include_deleted=True)) == ["乙", "甲"]
    assert notes.restore([a]) == 1
    assert _bodies(cid) == ["甲"]
    with pytest.raises(UserError, match="no longer exist"):
        notes.delete([a, 9999])
    assert _bodies(cid) == ["甲"]


def test_links_must_belong_to_the_customer(shop):
    cid, other = shop.customer("甲"), shop.customer("乙")
    order, foreign_order = shop.order(cid), shop.order(other)
    case, foreign_case = shop.case(cid), shop.case(other)
    nid = notes.add(cid, "问了发货", order_id=order, case_id=case)
    [info] = notes.list_notes(cid)
    assert (info.order_id, info.case_id, info.case_no) == (order, case, "SH-000003")
    assert info.order_no.startswith("4000")
    with pytest.raises(UserError, match="not one of this customer's"):
        notes.add(cid, "x", order_id=foreign_order)
    with pytest.raises(UserError, match="not one of this customer's"):
        notes.add(cid, "x", case_id=foreign_case)
    with pytest.raises(UserError, match="not one of this customer's"):
        notes.edit(nid, order_id=foreign_order)
    notes.edit(nid, order_id=None)
    assert notes.list_notes(cid)[0].order_id is None
    assert notes.list_notes(cid)[0].case_id == case


def test_no_notes_on_missing_or_trashed_customers(shop):
    cid = shop.customer()
    service.move_to_trash([cid])
    with pytest.raises(UserError, match="in the trash"):
        notes.add(cid, "x")
    with pytest.raises(UserError, match="no longer exists"):
        notes.add(9999, "x")
    with pytest.raises(UserError, match="no longer exists"):
        notes.edit(9999, "x")


def test_get_note_and_edit_body_and_link(shop, announced):
    cid = shop.customer()
    order, case = shop.order(cid), shop.case(cid)
    nid = notes.add(cid, "问了尺码", order_id=order)
    info = notes.get_note(nid)
    assert (info.body, info.order_id, info.order_no, info.case_id) == (
        "问了尺码", order, "4000000000000000001", None)
    announced.clear()
    notes.edit(nid, "问了尺码，穿M", order_id=None, case_id=case)
    info = notes.get_note(nid)
    assert (info.body, info.order_id, info.case_id, info.case_no) == ("问了尺码，穿M", None, case, "SH-000002")
    assert changes.Change("note", frozenset({nid})) in announced
    notes.edit(nid, order_id=order)  # the body is kept when not given
    assert (notes.get_note(nid).body, notes.get_note(nid).order_id) == ("问了尺码，穿M", order)
    notes.delete([nid])
    assert notes.get_note(nid).deleted_at is not None  # an undo still finds it
    with pytest.raises(UserError, match="no longer exists"):
        notes.get_note(nid + 100)


def test_an_edit_past_the_limit_is_refused_and_keeps_the_note(shop):
    cid = shop.customer()
    nid = notes.add(cid, "短")
    with pytest.raises(UserError, match="at most 10,000 characters \\(this one has 10,001\\)"):
        notes.edit(nid, "长" * 10_001)
    with pytest.raises(UserError, match="The note is empty"):
        notes.edit(nid, "\x00\x07 ")
    assert notes.get_note(nid).body == "短"


def test_a_new_note_dates_the_last_contact(shop):
    from desk.core.customers import notes
    from desk.core.customers.models import Customer

    cid = shop.customer("联系过")
    assert Customer.get_by_id(cid).last_contact_at is None
    note_id = notes.add(cid, "问了尺码")
    assert Customer.get_by_id(cid).last_contact_at == notes.get_note(note_id).created_at


def test_undoing_a_note_puts_the_last_contact_back(shop):
    from desk.core.customers.models import Customer

    def contact(cid):
        return database.execute_sql("SELECT last_contact_at FROM customer WHERE id = ?",
                                    (cid,)).fetchone()[0]

    cid = shop.customer("回滚")
    first = notes.add(cid, "上周问过尺码")
    _age(first, 1_700_000_000)
    database.execute_sql("UPDATE customer SET last_contact_at = 1700000000 WHERE id = ?", (cid,))
    second = notes.add(cid, "今天又来问了")
    assert contact(cid) > 1_700_000_000
    notes.delete([second])  # the undo of adding it
    assert contact(cid) == 1_700_000_000
    notes.restore([second])  # redo
    assert Customer.get_by_id(cid).last_contact_at == notes.get_note(second).created_at
    notes.delete([second, first])
    assert contact(cid) is None  # no note left dates a contact
    # a contact later than the notes concerned did not come from them
    other = shop.customer("别人")
    old = notes.add(other, "旧备注")
    _age(old, 1_600_000_000)
    database.execute_sql("UPDATE customer SET last_contact_at = 1700000000 WHERE id = ?", (other,))
    notes.delete([old])
    assert contact(other) == 1_700_000_000
