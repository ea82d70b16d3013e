"""Groups and phrases: adding, editing, ordering, moving, deleting and putting back."""

from __future__ import annotations

import io

import pytest

from desk.core import pinyin
from desk.core.base import database
from desk.core.errors import UserError
from desk.core.replies import service
from tests.core.replies.conftest import texts


def _stored(pid: int) -> tuple:
    return database.execute_sql(
        "SELECT code, body, body_abbr, position, deleted_at FROM reply WHERE id = ?",
        (pid,)).fetchone()


def test_seeded_groups_in_order(db):
    groups = service.list_groups()
    assert [g.position for g in groups] == list(range(len(groups)))
    assert groups[0].name == "打招呼" and groups[0].stage == "greet" and groups[0].count == 0


def test_add_phrase_at_end_and_at_index(gid, announced):
    a = service.add_phrase(gid, "第一句")
    b = service.add_phrase(gid, "第三句", code="c3")
    c = service.add_phrase(gid, "第二句", index=1)
    assert texts(gid) == ["第一句", "第二句", "第三句"]
    assert service.positions(gid) == [a, c, b]
    assert [p.position for p in service.list_phrases(gid)] == [0, 1, 2]
    assert any(ch.entity == service.ENTITY and c in ch.ids for ch in announced)
    info = service.get_phrase(b)
    assert (info.code, info.group_name, info.use_count, info.image_path) == ("c3", "测试", 0, None)


def test_body_is_cleaned_and_initials_kept(gid):
    pid = service.add_phrase(gid, "  亲，您好\r\n欢迎光临\x07  ", code=" nh ")
    code, body, abbr, _, _ = _stored(pid)
    assert (code, body) == ("nh", "亲，您好\n欢迎光临")
    assert abbr == pinyin.abbr(body) == "qnhhygl"
    service.update_phrase(pid, body="在的亲")
    assert _stored(pid)[2] == "zdq"


@pytest.mark.parametrize("body, code", [
    ("", ""), ("  \n ", ""), ("x" * 2001, ""), ("好", "a b"), ("好", "x" * 17),
])
def test_invalid_phrases_refused(gid, body, code):
    with pytest.raises(UserError):
        service.add_phrase(gid, body, code=code)
    assert texts(gid) == []


def test_update_only_what_is_given(gid):
    pid = service.add_phrase(gid, "原文", code="yw")
    service.update_phrase(pid, code="YW2")
    assert _stored(pid)[:2] == ("YW2", "原文")
    service.update_phrase(pid, body="新文")
    assert _stored(pid)[:2] == ("YW2", "新文")
    with pytest.raises(UserError):
        service.update_phrase(pid, body="")
    assert _stored(pid)[1] == "新文"


def test_delete_and_restore_at_old_place(gid):
    ids = [service.add_phrase(gid, t) for t in "甲乙丙丁"]
    service.delete_phrase(ids[1])
    assert texts(gid) == ["甲", "丙", "丁"]
    assert [p.position for p in service.list_phrases(gid)] == [0, 1, 2]
    with pytest.raises(UserError):
        service.update_phrase(ids[1], body="x")  # in the trash: not editable
    service.restore_phrase(ids[1])
    assert texts(gid) == ["甲", "乙", "丙", "丁"]
    service.restore_phrase(ids[1])  # already back: nothing changes
    assert texts(gid) == ["甲", "乙", "丙", "丁"]


def test_move_within_and_between_groups(gid):
    other = service.add_group("其他")
    ids = [service.add_phrase(gid, t) for t in "甲乙丙"]
    service.move_phrase(ids[0], 2)
    assert texts(gid) == ["乙", "丙", "甲"]
    service.move_phrase(ids[0], -5)
    assert texts(gid) == ["甲", "乙", "丙"]
    service.add_phrase(other, "戊")
    service.move_phrase(ids[1], 0, gid=other)
    assert texts(gid) == ["甲", "丙"] and texts(other) == ["乙", "戊"]
    assert [p.position for p in service.list_phrases(gid)] == [0, 1]
    assert service.get_phrase(ids[1]).group_id == other


def test_duplicate_right_below_without_code(gid):
    a = service.add_phrase(gid, "甲", code="j")
    service.add_phrase(gid, "乙")
    copy = service.duplicate_phrase(a)
    assert texts(gid) == ["甲", "甲", "乙"]
    assert service.positions(gid)[1] == copy and service.get_phrase(copy).code == ""


def test_record_use(gid):
    pid = service.add_phrase(gid, "甲")
    service.record_use(pid)
    service.record_use(pid)
    info = service.get_phrase(pid)
    assert info.use_count == 2 and info.last_used_at is not None


def test_groups_add_rename_move(db, announced):
    first = service.list_groups()[0].id
    g = service.add_group("新组", index=0)
    assert service.list_groups()[0].id == g and service.list_groups()[1].id == first
    with pytest.raises(UserError):
        service.add_group("新组")
    with pytest.raises(UserError):
        service.add_group("  ")
    with pytest.raises(UserError):
        service.rename_group(first, "新组")
    service.rename_group(g, "改名")
    service.move_group(g, 99)
    groups = service.list_groups()
    assert groups[-1].id == g and groups[-1].name == "改名"
    assert [x.position for x in groups] == list(range(len(groups)))
    assert any(c.entity == service.GROUP_ENTITY for c in announced)
    assert service.group_by_name("改名") == g and service.group_by_name("无") is None


def test_delete_group_and_restore_everything(gid):
    ids = [service.add_phrase(gid, t, code=f"c{i}") for i, t in enumerate("甲乙丙")]
    service.record_use(ids[0])
    service.delete_phrase(ids[1])
    position = next(g.position for g in service.list_groups() if g.id == gid)
    before = database.execute_sql("SELECT * FROM reply WHERE group_id = ? ORDER BY id",
                                  (gid,)).fetchall()
    saved = service.delete_group(gid)
    assert gid not in [g.id for g in service.list_groups()]
    assert database.execute_sql("SELECT count(*) FROM reply WHERE group_id = ?", (gid,)).fetchone()[0] == 0
    assert service.restore_group(saved) == gid
    after = database.execute_sql("SELECT * FROM reply WHERE group_id = ? ORDER BY id", (gid,)).fetchall()
    assert after == before
    assert next(g.position for g in service.list_groups() if g.id == gid) == position
    assert texts(gid) == ["甲", "丙"]


def test_image_stored_and_removed(gid):
    from PIL import Image

    buf = io.BytesIO()
    Image.new("RGB", (4, 4), "red").save(buf, "PNG")
    pid = service.add_phrase(gid, "看图", image=(buf.getvalue(), "red.png"))
    path = service.get_phrase(pid).image_path
    assert path is not None and path.exists() and path.suffix == ".png"
    service.update_phrase(pid, image=None)
    assert service.get_phrase(pid).image_path is None
    with pytest.raises(UserError):
        service.update_phrase(pid, image=(b"not a picture", "x.png"))


def test_missing_rows_are_user_errors(db):
    with pytest.raises(UserError):
        service.get_phrase(12345)
    with pytest.raises(UserError):
        service.list_phrases(12345)
    with pytest.raises(UserError):
        service.add_phrase(12345, "x")
