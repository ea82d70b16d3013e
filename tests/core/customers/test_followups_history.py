"""Follow-up changes return their own undo (desk.core.history.Step): added,
edited, marked done or not done, snoozed and deleted. Each is made, undone,
redone and undone again, and the follow-ups must be exactly as before or
after each time (ids, due times, reminders, done times; only the stamps every
save moves on, when, who and version, may differ)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from desk.core import timeutil
from desk.core.base import database
from desk.core.customers import followups, service
from desk.core.customers.models import Followup
from desk.core.errors import UserError
from desk.core.versions import Conflict
from tests.core.history_checks import STAMPS, back_and_forth, table_rows

NOW = datetime(2024, 6, 1, 9, 0, tzinfo=UTC)
TABLES = {"followup": STAMPS}


def state() -> dict[str, list[tuple]]:
    return table_rows(TABLES)


@pytest.fixture
def tasks(shop, monkeypatch):
    """Two follow-ups on a buyer, the first tied to a case and already
    announced (notified), the second done."""
    monkeypatch.setattr(timeutil, "now", lambda: NOW)
    cid = shop.customer("买家甲")
    case = shop.case(cid)
    first = followups.add(cid, "催付", NOW - timedelta(hours=1), case_id=case)
    second = followups.add(cid, "回访", NOW + timedelta(days=1))
    followups.take_newly_due(NOW)
    followups.set_done([second])
    return dict(cid=cid, case=case, ids=[first, second])


def test_adding_a_follow_up_undoes_and_comes_back_under_its_id(tasks):
    before = state()
    fid, step = followups.add_step(tasks["cid"], "发优惠券", NOW + timedelta(hours=3),
                                   case_id=tasks["case"])
    back_and_forth(step, before, state(), state)
    step.redo()
    assert Followup.get_by_id(fid).title == "发优惠券"


def test_editing_a_follow_up_undoes_its_title_time_and_reminder(tasks):
    first = tasks["ids"][0]
    before = state()
    _, step = followups.reschedule_step(first, NOW + timedelta(days=2), title="再催一次")
    assert Followup.get_by_id(first).notified_at is None  # due again: announced again
    back_and_forth(step, before, state(), state)
    assert Followup.get_by_id(first).notified_at is not None


@pytest.mark.parametrize("done", [True, False])
def test_marking_done_undoes_each_one_s_own_state(tasks, done):
    before = state()
    n, step = followups.set_done_step(tasks["ids"], done)
    assert n == 2
    back_and_forth(step, before, state(), state)


def test_snoozing_undoes_the_due_times_they_had(tasks):
    before = state()
    _, step = followups.snooze_step(tasks["ids"], NOW + timedelta(hours=5))
    back_and_forth(step, before, state(), state)


def test_deleting_undoes_under_the_same_ids_and_case(tasks):
    before = state()
    n, step = followups.delete_step(tasks["ids"])
    assert n == 2 and not Followup.select().exists()
    back_and_forth(step, before, state(), state)


def test_a_deleted_follow_up_whose_id_was_taken_comes_back_under_a_new_one(tasks):
    first = tasks["ids"][0]
    _, step = followups.delete_step([first])
    database.execute_sql("INSERT INTO followup(id, customer_id, title, due_at, created_at, updated_at)"
                         " VALUES (?, ?, '占位', 0, 0, 0)", (first, tasks["cid"]))
    step.undo()
    back = Followup.get(Followup.title == "催付")
    assert back.id != first
    step.redo()  # deletes the one that came back, not the newcomer
    assert Followup.get_by_id(first).title == "占位"
    assert not Followup.select().where(Followup.title == "催付").exists()


def test_refused_follow_up_changes_write_nothing(tasks):
    before = state()
    with pytest.raises(UserError, match="Say what to follow up"):
        followups.add_step(tasks["cid"], " ", NOW)
    with pytest.raises(UserError, match="Say what to follow up"):
        followups.reschedule_step(tasks["ids"][0], NOW, title="")
    with pytest.raises(UserError, match="time in the future"):
        followups.snooze_step(tasks["ids"], NOW - timedelta(minutes=1))
    with pytest.raises(UserError, match="no longer exist"):
        followups.set_done_step([tasks["ids"][0], 987654])
    with pytest.raises(UserError, match="no longer exist"):
        followups.delete_step([987654])
    assert state() == before


def test_undoing_fails_in_words_when_the_customer_went_to_the_trash(tasks):
    _, step = followups.snooze_step(tasks["ids"], NOW + timedelta(hours=5))
    service.move_to_trash([tasks["cid"]])
    with pytest.raises(UserError, match="in the trash"):
        step.undo()


def test_an_edit_over_a_change_made_meanwhile_is_refused_and_writes_nothing(tasks):
    first = tasks["ids"][0]
    read = followups.get(first).version
    followups.reschedule(first, NOW + timedelta(days=3), title="别处改的")
    before = state()
    with pytest.raises(Conflict):
        followups.reschedule_step(first, NOW + timedelta(days=2), title="我改的", version=read)
    assert state() == before
