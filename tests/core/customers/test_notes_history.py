"""Notes written on the customer page return their own undo
(desk.core.history.Step): added, edited (text and link), pinned and deleted.
Each is made, undone, redone and undone again, and the notes and the buyer's
last contact must be exactly as before or after each time (only the stamps
every save moves on, when, who and version, may differ)."""

from __future__ import annotations

import pytest

from desk.core.base import database
from desk.core.customers import notes
from desk.core.customers.models import Note
from desk.core.errors import UserError
from desk.core.versions import Conflict
from tests.core.history_checks import STAMPS, back_and_forth, table_rows

TABLES = {"note": STAMPS, "customer": STAMPS}


def state() -> dict[str, list[tuple]]:
    return table_rows(TABLES)


@pytest.fixture
def buyer(shop):
    """A buyer with an order, a case, and two notes; the last contact came from
    a chat an hour after the older note, not from a note."""
    cid = shop.customer("买家甲")
    order = shop.order(cid)
    case = shop.case(cid, order_id=order)
    old = notes.add(cid, "身高160 体重50")
    pinned = notes.add(cid, "只要顺丰", pinned=True)
    database.execute_sql("UPDATE note SET created_at = 1000 WHERE id = ?", (old,))
    database.execute_sql("UPDATE note SET created_at = 2000 WHERE id = ?", (pinned,))
    database.execute_sql("UPDATE customer SET last_contact_at = 5000 WHERE id = ?", (cid,))
    return dict(cid=cid, order=order, case=case, old=old, pinned=pinned)


def last_contact(cid: int) -> int | None:
    return database.execute_sql("SELECT last_contact_at FROM customer WHERE id = ?",
                                (cid,)).fetchone()[0]


def test_adding_a_note_undoes_it_and_the_last_contact_it_dated(buyer):
    before = state()
    note_id, step = notes.add_step(buyer["cid"], " 问了M码 ", order_id=buyer["order"])
    assert last_contact(buyer["cid"]) > 5000
    back_and_forth(step, before, state(), state)
    assert last_contact(buyer["cid"]) == 5000
    assert not Note.select().where(Note.id == note_id).exists()  # gone, not in a trash
    step.redo()
    assert notes.get_note(note_id).order_id == buyer["order"]


def test_a_note_added_to_a_buyer_never_contacted_undoes_to_no_contact(shop):
    cid = shop.customer("新客")
    before = state()
    _, step = notes.add_step(cid, "第一次咨询")
    back_and_forth(step, before, state(), state)
    assert last_contact(cid) is None


@pytest.mark.parametrize("change", [dict(body="身高162"), dict(body="同上", link="order"),
                                    dict(body="同上", link="case")])
def test_editing_a_note_undoes_its_text_and_link(buyer, change):
    link = change.get("link")
    before = state()
    _, step = notes.edit_step(buyer["old"], change["body"],
                    order_id=buyer["order"] if link == "order" else None,
                    case_id=buyer["case"] if link == "case" else None)
    back_and_forth(step, before, state(), state)


@pytest.mark.parametrize("pinned", [True, False])
def test_pinning_undoes_each_note_as_it_was(buyer, pinned):
    ids = [buyer["old"], buyer["pinned"]]
    before = state()
    n, step = notes.set_pinned_step(ids, pinned)
    assert n == 2 and {x.pinned for x in notes.list_notes(buyer["cid"])} == {pinned}
    back_and_forth(step, before, state(), state)


def test_deleting_a_note_undoes_it_and_the_last_contact(buyer, monkeypatch):
    database.execute_sql("UPDATE customer SET last_contact_at = 2000 WHERE id = ?", (buyer["cid"],))
    before = state()
    _, step = notes.delete_step([buyer["pinned"]])
    assert last_contact(buyer["cid"]) == 1000  # the newest note left
    after = state()
    # the clock moves on before the undo and redo (a slow machine, a server):
    # redone, the note is deleted as of the same moment, exactly as it was
    ticks = iter(range(10**9, 10**9 + 100))
    monkeypatch.setattr(notes.timeutil, "now", lambda: next(ticks))
    back_and_forth(step, before, after, state)


def test_refused_note_changes_write_nothing(buyer, shop):
    other = shop.customer("买家乙")
    foreign_order = shop.order(other)
    before = state()
    with pytest.raises(UserError, match="note is empty"):
        notes.add_step(buyer["cid"], "  ")
    with pytest.raises(UserError, match="not one of this customer's"):
        notes.add_step(buyer["cid"], "看这个单", order_id=foreign_order)
    with pytest.raises(UserError, match="not one of this customer's"):
        notes.edit_step(buyer["old"], "看这个单", order_id=foreign_order)
    with pytest.raises(UserError, match="no longer exist"):
        notes.set_pinned_step([buyer["old"], 987654])
    with pytest.raises(UserError, match="no longer exist"):
        notes.delete_step([987654])
    assert state() == before


def test_undoing_fails_in_words_when_the_note_or_customer_moved_on(buyer):
    from desk.core.customers import service

    _, edit = notes.edit_step(buyer["old"], "改了")
    note_id, add = notes.add_step(buyer["cid"], "新的")
    database.execute_sql("DELETE FROM note WHERE id IN (?, ?)", (buyer["old"], note_id))
    with pytest.raises(UserError, match="no longer exists"):
        edit.undo()
    with pytest.raises(UserError, match="no longer exists"):
        add.undo()
    service.move_to_trash([buyer["cid"]])
    with pytest.raises(UserError, match="in the trash"):
        add.redo()


def test_an_edit_over_a_change_made_meanwhile_is_refused_and_writes_nothing(buyer):
    read = notes.get_note(buyer["old"]).version
    notes.edit(buyer["old"], "别处改的")
    before = state()
    with pytest.raises(Conflict):
        notes.edit_step(buyer["old"], "我改的", version=read)
    assert state() == before
