"""The phrase writes return their own undo (desk.core.replies.steps): a phrase
added, copied, edited, put in the trash, moved in its group or to another,
and fixed by the check. Each is made, undone, redone and undone again, and the
quick-reply tables must hold exactly the state before or after each time:
ids, positions, text, codes, pictures, the trash (only the stamps may move:
updated_at, updated_by and the version)."""

from __future__ import annotations

import io

import pytest

from desk.core.base import database
from desk.core.errors import UserError
from desk.core.replies import lint, service, steps
from tests.core.history_checks import STAMPS, back_and_forth, table_rows
from tests.core.replies.conftest import texts

TABLES = {"reply_group": STAMPS, "reply": STAMPS}


def state() -> dict[str, list[tuple]]:
    return table_rows(TABLES)


def png() -> tuple[bytes, str]:
    from PIL import Image

    buf = io.BytesIO()
    Image.new("RGB", (4, 4), "blue").save(buf, "PNG")
    return buf.getvalue(), "blue.png"


@pytest.fixture
def library(gid):
    """Group 测试 with 甲 乙 丙 丁 (乙 has a code and a picture, 丙 is in the trash),
    and a second group 其他 with one phrase."""
    a = service.add_phrase(gid, "甲", code="ja")
    b = service.add_phrase(gid, "乙", code="yi", image=png())
    c = service.add_phrase(gid, "丙")
    d = service.add_phrase(gid, "丁")
    service.delete_phrase(c)
    other = service.add_group("其他")
    x = service.add_phrase(other, "戊")
    return dict(gid=gid, a=a, b=b, c=c, d=d, other=other, x=x)


def test_adding_a_phrase_in_the_middle_undoes_and_redoes_under_its_id(library):
    gid = library["gid"]
    before = state()
    pid, step = steps.add_phrase_step(gid, "新的一句", code="xd", index=1, image=png())
    assert texts(gid) == ["甲", "新的一句", "乙", "丁"]
    back_and_forth(step, before, state(), state)
    assert database.execute_sql("SELECT count(*) FROM reply WHERE id = ?", (pid,)).fetchone()[0] == 0
    step.redo()
    assert service.positions(gid)[1] == pid and service.get_phrase(pid).image_path is not None


def test_a_copy_goes_and_comes_back_below_its_phrase(library):
    before = state()
    copy, step = steps.duplicate_phrase_step(library["b"])
    assert service.positions(library["gid"]) == [library["a"], library["b"], copy, library["d"]]
    back_and_forth(step, before, state(), state)


@pytest.mark.parametrize("change", [dict(body="乙改过了"), dict(code="y2"), dict(image=None),
                                    dict(body="全改", code="qg", image=None)])
def test_an_edit_gives_back_text_code_and_picture(library, change):
    before = state()
    _, step = steps.update_phrase_step(library["b"], **change)
    assert state() != before
    back_and_forth(step, before, state(), state)


def test_a_new_picture_is_taken_back(library):
    before = state()
    _, step = steps.update_phrase_step(library["a"], image=png())
    assert service.get_phrase(library["a"]).image_path is not None
    back_and_forth(step, before, state(), state)
    assert service.get_phrase(library["a"]).image_path is None


def test_a_deleted_phrase_comes_back_in_its_place(library):
    gid = library["gid"]
    before = state()
    _, step = steps.delete_phrase_step(library["b"])
    assert texts(gid) == ["甲", "丁"]
    back_and_forth(step, before, state(), state)
    assert texts(gid) == ["甲", "乙", "丁"]


@pytest.mark.parametrize("index", [1, 2, 99])
def test_a_move_in_the_group_is_taken_back(library, index):
    before = state()
    _, step = steps.move_phrase_step(library["a"], index)
    assert state() != before
    back_and_forth(step, before, state(), state)


def test_a_move_to_another_group_goes_back_to_its_group_and_place(library):
    before = state()
    _, step = steps.move_to_group_step(library["b"], library["other"])
    assert texts(library["other"]) == ["戊", "乙"] and texts(library["gid"]) == ["甲", "丁"]
    back_and_forth(step, before, state(), state)


@pytest.mark.parametrize("kind", ["duplicate_code", "upper_code", "fullwidth_code",
                                  "empty_text", "unknown_placeholder"])
def test_a_fix_of_the_check_is_taken_back(gid, kind):
    service.add_phrase(gid, "第一", code="hp")
    dup = service.add_phrase(gid, "第二", code="HP")
    service.add_phrase(gid, "第三", code="ｗｌ")
    service.add_phrase(gid, "亲｛昵称｝，您好")
    empty = service.add_phrase(gid, "会被清空")
    service.add_phrase(gid, "最后一句")
    database.execute_sql("UPDATE reply SET body = '  ' WHERE id = ?", (empty,))
    problem = next(p for p in lint.check() if p.kind == kind and p.fix is not None
                   and (kind != "upper_code" or p.pid == dup))
    before = state()
    _, step = steps.fix_step(problem)
    assert state() != before
    back_and_forth(step, before, state(), state)


# -- refusals write nothing; undo after the data moved on is a UserError ------------------


def test_refused_writes_leave_everything_as_it_was(library):
    before = state()
    with pytest.raises(UserError):
        steps.add_phrase_step(library["gid"], "   ")
    with pytest.raises(UserError):
        steps.update_phrase_step(library["a"], code="has space")
    with pytest.raises(UserError):
        steps.delete_phrase_step(library["c"])  # already in the trash
    with pytest.raises(UserError):
        steps.move_phrase_step(12345, 0)
    with pytest.raises(UserError):
        steps.duplicate_phrase_step(library["c"])
    assert state() == before


def test_undoing_an_added_phrase_that_was_removed_meanwhile_is_refused(library):
    pid, step = steps.add_phrase_step(library["gid"], "新的")
    database.execute_sql("DELETE FROM reply WHERE id = ?", (pid,))
    moved_on = state()
    with pytest.raises(UserError):
        step.undo()
    assert state() == moved_on


def test_undoing_an_edit_of_a_phrase_gone_for_good_is_refused(library):
    _, step = steps.update_phrase_step(library["a"], body="改")
    database.execute_sql("DELETE FROM reply WHERE id = ?", (library["a"],))
    moved_on = state()
    with pytest.raises(UserError):
        step.undo()
    assert state() == moved_on


def test_undoing_a_move_of_a_phrase_deleted_meanwhile_is_refused(library):
    _, step = steps.move_phrase_step(library["a"], 2)
    service.delete_phrase(library["a"])
    moved_on = state()
    with pytest.raises(UserError):
        step.undo()
    assert state() == moved_on


def test_a_redo_whose_id_was_taken_meanwhile_comes_back_under_a_new_one(library):
    gid = library["gid"]
    pid, step = steps.add_phrase_step(gid, "新的", index=0)
    step.undo()
    taken = service.add_phrase(gid, "别处加的")  # an import, say: not in the history
    # it takes the phrase's id: SQLite gives the free id out again; a server
    # never does, but a row can come in under it (moved up from a local shop)
    database.execute_sql("UPDATE reply SET id = ? WHERE id = ?", (pid, taken))
    step.redo()
    assert texts(gid) == ["新的", "甲", "乙", "丁", "别处加的"]
    step.undo()
    assert texts(gid) == ["甲", "乙", "丁", "别处加的"]


def test_undo_and_redo_announce_the_phrases_and_groups_they_touch(library, announced):
    pid, step = steps.add_phrase_step(library["gid"], "新的")
    for call in (step.undo, step.redo):
        announced.clear()
        call()
        assert any(ch.entity == service.ENTITY and pid in ch.ids for ch in announced)
        assert any(ch.entity == service.GROUP_ENTITY and library["gid"] in ch.ids for ch in announced)
    _, step = steps.delete_phrase_step(library["a"])
    announced.clear()
    step.undo()
    assert any(ch.entity == service.ENTITY and library["a"] in ch.ids for ch in announced)
