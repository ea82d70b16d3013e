"""Row versions and staff names: two seats editing the same row never lose a
change silently. The second seat's save is refused with who changed it and
when; it may overwrite (save again with the version the conflict carries) or
reload (read theirs). Seat B runs on its own thread, so it has its own
connection to the same SQLite file, as a second desk would."""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from desk.core import settings, timeutil, versions
from desk.core.aftersales import flow
from desk.core.aftersales import service as cases
from desk.core.base import database
from desk.core.customers import followups, notes, tags
from desk.core.customers import service as customers
from desk.core.customers.models import Customer, Followup, Note, Tag
from desk.core.errors import UserError
from desk.core.replies import service as replies

T_B = datetime(2026, 12, 3, 6, 2, tzinfo=UTC)  # 14:02 in Beijing


def as_seat(name: str, write: Callable[[], Any], at: datetime | None = None) -> Any:
    """Run `write` as another seat: its own thread and connection, its staff name."""
    out: dict = {}
    main = database.connection()

    def run() -> None:
        try:
            out["own_connection"] = database.connection() is not main
            own = settings.get("handler")
            settings.set("handler", name)
            try:
                out["result"] = write()
                if at is not None:  # when seat B saved, for a clock-free message
                    database.execute_sql("UPDATE customer SET updated_at = ? WHERE updated_by = ?",
                                         (timeutil.to_epoch(at), name))
            finally:
                settings.set("handler", own)
        except BaseException as e:  # re-raised on the test's thread
            out["error"] = e
        finally:
            database.close()

    seat = threading.Thread(target=run)
    seat.start()
    seat.join(60)
    assert not seat.is_alive()
    if "error" in out:
        raise out["error"]
    assert out["own_connection"]
    return out.get("result")


@pytest.fixture
def seat_a(db):
    settings.set("handler", "小李")
    return "小李"


def test_a_second_save_over_a_newer_change_is_refused_with_who_and_when(seat_a, monkeypatch):
    cid = customers.create("taobao", "小雨点点", phone="13800001111")
    mine = customers.get(cid)  # seat A opens the form
    assert mine.version == 0

    as_seat("小王", lambda: customers.update(cid, version=0, phone="13900002222"), at=T_B)
    theirs = Customer.get_by_id(cid)
    assert (theirs.phone, theirs.version, theirs.updated_by) == ("13900002222", 1, "小王")

    with pytest.raises(versions.Conflict) as caught:
        customers.update(cid, version=mine.version, phone="13700003333")
    conflict = caught.value
    assert isinstance(conflict, UserError)
    assert (conflict.by, conflict.at, conflict.version) == ("小王", T_B, 1)
    local = T_B.astimezone().strftime("%H:%M")
    assert f"changed by 小王 at {local}" in str(conflict) or (
        # not today where the test runs: the date is given too
        f"changed by 小王 at {T_B.astimezone():%Y-%m-%d %H:%M}" in str(conflict))
    assert Customer.get_by_id(cid).phone == "13900002222"  # nothing written

    # reload: seat A reads theirs, and can save on top of it
    again = customers.get(cid)
    assert (again.phone, again.version, again.updated_by) == ("13900002222", 1, "小王")

    # overwrite: save mine with the version the conflict carried
    customers.update(cid, version=conflict.version, phone="13700003333")
    row = Customer.get_by_id(cid)
    assert (row.phone, row.version, row.updated_by) == ("13700003333", 2, "小李")


def test_the_message_gives_the_time_of_day_today_and_the_date_otherwise():
    at = datetime(2026, 12, 3, 6, 2, tzinfo=UTC)
    local = at.astimezone()
    assert versions._clock(at, now=at + timedelta(minutes=5)) == local.strftime("%H:%M")
    assert versions._clock(at, now=at + timedelta(days=3)) == local.strftime("%Y-%m-%d %H:%M")
    nameless = versions.Conflict("customer", 1, "", at, 3)
    assert "another desk or window" in str(nameless)


def test_a_save_without_a_version_still_bumps_it_so_open_forms_are_told(seat_a):
    cid = customers.create("taobao", "阿花")
    opened = customers.get(cid).version
    customers.update(cid, region="杭州")  # an import, a script: no version read
    with pytest.raises(versions.Conflict, match="小李"):
        customers.update(cid, version=opened, region="上海")
    assert Customer.get_by_id(cid).region == "杭州"


def test_a_row_deleted_meanwhile_is_a_plain_error(seat_a):
    cid = customers.create("taobao", "阿花")
    fid = followups.add(cid, "回访", datetime(2026, 12, 4, tzinfo=UTC))
    followups.delete([fid])
    with pytest.raises(UserError, match="no longer exist"):
        followups.reschedule(fid, datetime(2026, 12, 5, tzinfo=UTC), version=0)


def test_case_conflict_then_overwrite_and_reload(seat_a):
    cid = customers.create("taobao", "小雨点点")
    case_id = cases.open_case(cid, "refund_only", "quality", description="衣服破洞")
    mine = cases.get_case(case_id)

    as_seat("小王", lambda: cases.update_case(case_id, version=mine.version, description="买家补了照片"))
    with pytest.raises(versions.Conflict) as caught:
        cases.update_case(case_id, version=mine.version, description="我的说明")
    assert caught.value.by == "小王"
    assert cases.get_case(case_id).description == "买家补了照片"  # reload shows theirs
    cases.update_case(case_id, version=caught.value.version, description="我的说明")
    after = cases.get_case(case_id)
    assert (after.description, after.updated_by, after.version) == ("我的说明", "小李", mine.version + 2)


def test_phrase_note_followup_address_and_tag_are_guarded_too(seat_a):
    cid = customers.create("taobao", "小雨点点")
    nid = notes.add(cid, "要 M 码")
    fid = followups.add(cid, "提醒付款", datetime(2026, 12, 4, tzinfo=UTC))
    aid = customers.add_address(cid, province="浙江", city="杭州", detail="文三路 1 号")
    gid = replies.add_group("售后")
    pid = replies.add_phrase(gid, "亲，收到了吗？", "sh")
    tag_id = tags.create_tag(tags.create_category("尺码"), "偏小")

    edits = [
        (lambda v: notes.edit(nid, "要 L 码", version=v), lambda: notes.get_note(nid).version),
        (lambda v: followups.reschedule(fid, datetime(2026, 12, 6, tzinfo=UTC), version=v),
         lambda: followups.get(fid).version),
        (lambda v: customers.update_address(aid, detail="文三路 2 号", version=v),
         lambda: customers.get_address(aid).version),
        (lambda v: replies.update_phrase(pid, body="亲，到了吗？", version=v),
         lambda: replies.get_phrase(pid).version),
        (lambda v: tags.update_tag(tag_id, description="比标准小一码", version=v),
         lambda: Tag.get_by_id(tag_id).version),
    ]
    for write, read in edits:
        opened = read()
        as_seat("小王", lambda write=write, opened=opened: write(opened))
        with pytest.raises(versions.Conflict, match="小王"):
            write(opened)
        write(read())  # saved over theirs with the version read now
        assert read() == opened + 2


def test_notes_followups_and_case_events_record_who(seat_a):
    cid = customers.create("taobao", "小雨点点")
    nid = notes.add(cid, "问了尺码")
    fid = followups.add(cid, "回访", datetime(2026, 12, 4, tzinfo=UTC))
    case_id = cases.open_case(cid, "refund_only", "quality")
    as_seat("小王", lambda: (flow.change_status(case_id, "handling"),
                            cases.add_comment(case_id, "已联系买家"),
                            followups.set_done([fid])))
    assert notes.get_note(nid).staff == "小李"
    done = followups.get(fid)
    assert (done.staff, done.done_by, done.updated_by) == ("小李", "小王", "小王")
    events = cases.get_case(case_id).events
    assert [(e.kind, e.staff) for e in events] == [
        ("status", "小李"), ("status", "小王"), ("comment", "小王")]
    followups.set_done([fid], done=False)
    assert followups.get(fid).done_by == ""


def test_bulk_writes_and_undo_bump_the_version(seat_a):
    cid = customers.create("taobao", "小雨点点")
    nid = notes.add(cid, "置顶这条")
    notes.set_pinned([nid])
    assert Note.get_by_id(nid).version == 1
    fid = followups.add(cid, "回访", datetime(2026, 12, 4, tzinfo=UTC))
    before = followups.snapshot([fid])
    followups.set_done([fid])
    followups.restore_followups(before)  # the undo of "done" is a new save
    row = Followup.get_by_id(fid)
    assert (row.done_at, row.version, row.updated_by) == (None, 2, "小李")

    category = tags.create_category("风格")
    tag_id = tags.create_tag(category, "文艺")
    _, step = tags.update_tag_step(tag_id, name="文青")
    step.undo()
    assert (Tag.get_by_id(tag_id).name, Tag.get_by_id(tag_id).version) == ("文艺", 2)
    step.redo()
    assert Tag.get_by_id(tag_id).version == 3


def test_deadline_rule_tag_and_phrase_moves_record_who_and_bump(seat_a):
    from desk.core.aftersales import deadlines
    from desk.core.aftersales.models import DeadlineRule
    from desk.core.replies.models import Reply

    rule = DeadlineRule.select().first()
    _, step = deadlines.update_rule_step(rule.id, hours=rule.hours + 1)
    step.undo()
    row = DeadlineRule.get_by_id(rule.id)
    assert (row.hours, row.version, row.updated_by) == (rule.hours, 2, "小李")

    category = tags.create_category("风格")
    tag_id = tags.create_tag(category, "文艺")
    tags.move_tag(tag_id, tags.create_category("尺码"))
    assert Tag.get_by_id(tag_id).version == 1

    first, second = replies.add_group("售后"), replies.add_group("催付")
    pid = replies.add_phrase(first, "亲，收到了吗？")
    replies.move_phrase(pid, 0, second)
    assert (Reply.get_by_id(pid).version, Reply.get_by_id(pid).updated_by) == (1, "小李")


def test_a_phrase_edit_taken_back_is_a_new_save(seat_a):
    from desk.core.replies import steps
    from desk.core.replies.models import Reply

    gid = replies.add_group("售后")
    pid = replies.add_phrase(gid, "亲，收到了吗？")
    opened = replies.get_phrase(pid).version
    _, step = steps.update_phrase_step(pid, body="亲，到了吗？", version=opened)
    step.undo()
    row = Reply.get_by_id(pid)
    assert (row.body, row.version) == ("亲，收到了吗？", opened + 2)
    with pytest.raises(versions.Conflict):  # a form that read it before the undo is told
        steps.update_phrase_step(pid, body="亲，在吗？", version=opened + 1)
