"""The rules' writes return their own undo (desk.core.history.Step): deadline
presets changed, switched off and reset, the shop's clock, reasons added,
changed and deleted. Each is made, undone, redone and undone again, and the
database must hold exactly the state before or after each time (ids and
positions kept; only the stamps that every save moves on, undo included, may
differ: updated_at, updated_by and the version)."""

from __future__ import annotations

from datetime import datetime

import pytest

from desk.core import settings
from desk.core.aftersales import deadlines, service
from desk.core.aftersales.models import Case
from desk.core.base import database
from desk.core.errors import UserError
from tests.core.history_checks import STAMPS, back_and_forth, table_rows

from .conftest import BEIJING

TABLES = {t: STAMPS for t in ("deadline_rule", "aftersales_case", "aftersales_reason", "setting")}


def state() -> dict[str, list[tuple]]:
    """Every row of the tables the rules touch, without the stamps."""
    return table_rows(TABLES)





def rule(platform: str, key: str) -> deadlines.RuleInfo:
    return next(r for r in deadlines.list_rules(platform) if r.key == key)


def reason(code: str) -> service.ReasonInfo | None:
    return next((r for r in service.reasons(include_inactive=True) if r.code == code), None)


@pytest.fixture
def open_case(shop):
    """A new Taobao case, its next deadline stored on it."""
    settings.set("handling_cutoff_hour", 24)
    cid = shop.customer()
    return service.open_case(cid, "refund_only", "quality",
                             opened_at=datetime(2024, 5, 1, 11, 0, tzinfo=BEIJING))


def next_deadline(case_id: int) -> float:
    case = Case.get_by_id(case_id)
    return (case.next_deadline_at - case.status_changed_at).total_seconds()


# -- deadline presets ----------------------------------------------------------------------


def test_changing_a_preset_s_hours_undoes_with_its_cases_deadlines(open_case):
    r = rule("taobao", "seller_respond")
    before, was = state(), next_deadline(open_case)
    info, step = deadlines.update_rule_step(r.id, hours=3)
    assert info.hours == 3 and rule("taobao", "seller_respond").hours == 3
    assert next_deadline(open_case) == 3 * 3600 != was
    after = state()
    back_and_forth(step, before, after, state)
    assert rule("taobao", "seller_respond").hours == r.hours
    assert next_deadline(open_case) == was


def test_switching_a_preset_off_undoes(open_case):
    r = rule("taobao", "seller_respond")
    before = state()
    _, step = deadlines.update_rule_step(r.id, active=False)
    assert not rule("taobao", "seller_respond").active
    back_and_forth(step, before, state(), state)
    assert rule("taobao", "seller_respond").active


def test_undo_gives_back_only_what_the_change_touched(shop):
    r = rule("jd", "review_revise")
    _, hours = deadlines.update_rule_step(r.id, hours=30)
    _, off = deadlines.update_rule_step(r.id, active=False)
    hours.undo()  # the older change taken back alone: the switch stays off
    assert (rule("jd", "review_revise").hours, rule("jd", "review_revise").active) == (r.hours, False)
    off.undo()
    assert rule("jd", "review_revise").active


def test_a_refused_preset_change_writes_nothing_and_gives_no_step(shop):
    r = rule("taobao", "seller_respond")
    before = state()
    with pytest.raises(UserError, match="between 1 hour"):
        deadlines.update_rule_step(r.id, hours=0)
    with pytest.raises(UserError, match="no longer exists"):
        deadlines.update_rule_step(987654, hours=5)
    assert state() == before


def test_resetting_a_platform_undoes_hours_switches_and_order(open_case):
    tb = deadlines.list_rules("taobao")
    deadlines.update_rule(tb[0].id, hours=7)
    deadlines.update_rule(tb[1].id, active=False)
    database.execute_sql("UPDATE deadline_rule SET position = 99 WHERE id = ?", (tb[2].id,))
    before = state()
    rules, step = deadlines.reset_rules_step("taobao")
    assert [r.id for r in rules] == [r.id for r in deadlines.list_rules("taobao")]
    assert all(r.active for r in rules) and rule("taobao", tb[0].key).hours != 7
    back_and_forth(step, before, state(), state)
    assert rule("taobao", tb[0].key).hours == 7 and not rule("taobao", tb[1].key).active
    assert rule("taobao", tb[2].key).position == 99


def test_the_shop_clock_undoes_both_values_and_the_open_cases(open_case):
    settings.set("deadline_warn_hours", 6)
    before, was = state(), Case.get_by_id(open_case).next_deadline_at
    _, step = deadlines.set_shop_clock_step(cutoff_hour=9)
    assert settings.get("handling_cutoff_hour") == 9
    assert Case.get_by_id(open_case).next_deadline_at != was  # due the next day now
    after = state()
    back_and_forth(step, before, after, state)
    assert (settings.get("handling_cutoff_hour"), settings.get("deadline_warn_hours")) == (24, 6)
    assert Case.get_by_id(open_case).next_deadline_at == was

    _, step = deadlines.set_shop_clock_step(warn_hours=12)
    assert settings.get("deadline_warn_hours") == 12
    back_and_forth(step, before, state(), state)
    assert settings.get("deadline_warn_hours") == 6


def test_a_refused_clock_writes_nothing(shop):
    before = state()
    with pytest.raises(UserError):
        deadlines.set_shop_clock_step(cutoff_hour=99)
    assert state() == before


# -- reasons -------------------------------------------------------------------------------


def test_adding_a_reason_undoes_and_redoes_with_its_code_and_place(shop):
    before = state()
    made, step = service.create_reason_step("  颜色和图片不一样 ", is_quality=True)
    assert (made.name, made.is_quality, made.active) == ("颜色和图片不一样", True, True)
    position = service.reason_position(made.code)
    assert service.reasons()[-1] == made  # last in the list
    after = state()
    back_and_forth(step, before, after, state)
    assert reason(made.code) is None
    step.redo()
    assert reason(made.code) == made and service.reason_position(made.code) == position


@pytest.mark.parametrize("change", [dict(name="质量瑕疵"), dict(is_quality=False),
                                    dict(no_reason=True), dict(active=False),
                                    dict(name="换个名字", no_reason=True)])
def test_changing_a_reason_undoes_the_fields_it_changed(shop, change):
    before = state()
    was, step = service.update_reason_step("quality", **change)
    assert was.code == "quality" and was.name != "换个名字"
    now = reason("quality")
    assert all(getattr(now, k) == v for k, v in change.items())
    back_and_forth(step, before, state(), state)
    assert reason("quality") == was


def test_a_refused_reason_change_writes_nothing(shop):
    other = service.reasons()[1]
    before = state()
    with pytest.raises(UserError, match="already a reason"):
        service.update_reason_step("quality", name=other.name)
    with pytest.raises(UserError, match="needs a name"):
        service.create_reason_step("  ")
    assert state() == before


def test_deleting_a_reason_undoes_with_its_code_flags_and_place(shop):
    target = service.reasons()[1]  # one in the middle of the list
    service.update_reason(target.code, no_reason=True, is_quality=True)
    service.update_reason(target.code, active=False)
    was = reason(target.code)
    position = service.reason_position(target.code)
    before = state()
    deleted, step = service.delete_reason_step(target.code)
    assert deleted == was and reason(target.code) is None
    back_and_forth(step, before, state(), state)
    assert reason(target.code) == was and service.reason_position(target.code) == position


def test_a_used_reason_is_not_deleted_and_gives_no_step(open_case):
    before = state()
    with pytest.raises(UserError, match="cannot be deleted"):
        service.delete_reason_step("quality")
    assert state() == before


def test_undo_fails_in_words_when_the_reason_moved_on(shop):
    made, step = service.create_reason_step("临时")
    service.delete_reason(made.code)  # gone another way meanwhile
    with pytest.raises(UserError, match="no longer exists"):
        step.undo()
