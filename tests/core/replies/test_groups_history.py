"""The group writes and the starter library return their own undo
(desk.core.replies.steps): a group added, renamed, moved and deleted with its
phrases, and the starter phrases loaded. Made, undone, redone and undone
again, the quick-reply tables must hold exactly the state before or after."""

from __future__ import annotations

import pytest

from desk.core.base import database
from desk.core.errors import UserError
from desk.core.replies import service, steps
from tests.core.history_checks import STAMPS, back_and_forth, table_rows
from tests.core.replies.conftest import texts

TABLES = {"reply_group": STAMPS, "reply": STAMPS}


def state() -> dict[str, list[tuple]]:
    return table_rows(TABLES)


@pytest.fixture
def library(gid):
    """The seeded groups, then 测试 with 甲 乙 丙 (乙 in the trash)."""
    a = service.add_phrase(gid, "甲", code="ja")
    b = service.add_phrase(gid, "乙")
    c = service.add_phrase(gid, "丙")
    service.delete_phrase(b)
    return dict(gid=gid, a=a, b=b, c=c)


def order() -> list[int]:
    return [g.id for g in service.list_groups()]


def test_adding_a_group_in_the_middle_undoes_and_redoes_under_its_id(library):
    before = state()
    gid, step = steps.add_group_step(" 售后话术 ", index=2)
    assert order()[2] == gid
    back_and_forth(step, before, state(), state)
    step.redo()
    assert order()[2] == gid and service.list_groups()[2].name == "售后话术"


def test_a_rename_gives_the_old_name_back(library):
    before = state()
    _, step = steps.rename_group_step(library["gid"], "新名字")
    back_and_forth(step, before, state(), state)


@pytest.mark.parametrize("index", [0, 3, 5])
def test_a_moved_group_goes_back_to_its_place(library, index):
    before = state()
    _, step = steps.move_group_step(library["gid"], index)
    assert state() != before
    back_and_forth(step, before, state(), state)


def test_a_deleted_group_comes_back_with_its_phrases_and_its_trash(library):
    gid = library["gid"]
    before = state()
    saved, step = steps.delete_group_step(gid)
    assert saved.name == "测试" and gid not in order()
    back_and_forth(step, before, state(), state)
    assert texts(gid) == ["甲", "丙"]


def test_loading_the_starter_library_is_taken_back_with_the_groups_it_added(library):
    service.delete_group(service.list_groups()[0].id)  # the starter brings this one back
    before = state()
    added, step = steps.load_starter_step()
    assert added and len(service.list_groups()) > len(before["reply_group"])
    back_and_forth(step, before, state(), state)


def test_loading_the_starter_twice_adds_nothing_the_second_time(library):
    steps.load_starter_step()
    before = state()
    added, step = steps.load_starter_step()
    assert added == []
    back_and_forth(step, before, before, state)


# -- refusals write nothing; undo after the data moved on is a UserError ------------------


def test_refused_group_writes_leave_everything_as_it_was(library):
    before = state()
    with pytest.raises(UserError):
        steps.add_group_step("测试")  # taken
    with pytest.raises(UserError):
        steps.rename_group_step(library["gid"], "  ")
    with pytest.raises(UserError):
        steps.move_group_step(12345, 0)
    with pytest.raises(UserError):
        steps.delete_group_step(12345)
    assert state() == before


def test_undoing_a_new_group_that_got_phrases_meanwhile_is_refused(library):
    gid, step = steps.add_group_step("新组")
    service.add_phrase(gid, "别处加的")  # an import, say: not in the history
    moved_on = state()
    with pytest.raises(UserError, match="other phrases"):
        step.undo()
    assert state() == moved_on


def test_undoing_a_rename_of_a_group_gone_meanwhile_is_refused(library):
    _, step = steps.rename_group_step(library["gid"], "新名字")
    service.delete_group(library["gid"])
    moved_on = state()
    with pytest.raises(UserError):
        step.undo()
    assert state() == moved_on


def test_bringing_a_group_back_under_a_name_taken_meanwhile_is_refused(library):
    _, step = steps.delete_group_step(library["gid"])
    service.add_group("测试")
    moved_on = state()
    with pytest.raises(UserError):
        step.undo()
    assert state() == moved_on


def test_redoing_a_new_group_whose_name_was_taken_meanwhile_is_refused(library):
    gid, step = steps.add_group_step("新组")
    step.undo()
    service.add_group("新组")
    moved_on = state()
    with pytest.raises(UserError):
        step.redo()
    assert state() == moved_on
    assert database.execute_sql("SELECT count(*) FROM reply_group WHERE name = '新组'").fetchone()[0] == 1


def test_taking_back_a_starter_load_that_added_nothing_announces_nothing(library, announced):
    steps.load_starter_step()
    _, step = steps.load_starter_step()
    announced.clear()
    step.undo()
    step.redo()
    assert announced == []
