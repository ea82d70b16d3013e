"""The phrase check and its one-click fixes."""

from __future__ import annotations

import pytest

from desk.core.base import database
from desk.core.errors import UserError
from desk.core.replies import lint, service


def _kinds(problems, pid=None) -> list[str]:
    return [p.kind for p in problems if pid is None or p.pid == pid]


def test_clean_library_has_no_problems(gid):
    service.add_phrase(gid, "亲{昵称}，您好", code="nh")
    service.add_phrase(gid, "订单{order_no}，优惠{?金额}元", code="dd")
    assert lint.check() == []


def test_code_problems_and_fixes(gid):
    first = service.add_phrase(gid, "第一", code="hp")
    dup = service.add_phrase(gid, "第二", code="HP")
    wide = service.add_phrase(gid, "第三", code="ｗｌ")
    short = service.add_phrase(gid, "第四", code="h")
    problems = lint.check()
    assert _kinds(problems, first) == []
    assert _kinds(problems, dup) == ["duplicate_code", "upper_code"]
    assert _kinds(problems, wide) == ["fullwidth_code"]
    assert _kinds(problems, short) == ["prefix_code"]
    prefix = next(p for p in problems if p.kind == "prefix_code")
    assert prefix.fix is None and "hp" in prefix.message()
    with pytest.raises(UserError):
        lint.apply_fix(prefix)

    lint.apply_fix(next(p for p in problems if p.kind == "fullwidth_code"))
    assert service.get_phrase(wide).code == "wl"
    upper = next(p for p in problems if p.kind == "upper_code")
    lint.apply_fix(upper)
    assert service.get_phrase(dup).code == "hp"
    with pytest.raises(UserError):  # the code changed since the check
        lint.apply_fix(next(p for p in problems if p.kind == "duplicate_code"))
    lint.apply_fix(next(p for p in lint.check() if p.kind == "duplicate_code"))
    assert service.get_phrase(dup).code == "" and service.get_phrase(first).code == "hp"


def test_text_problems(gid):
    long = service.add_phrase(gid, "长" * (lint.LONG_TEXT + 1))
    empty = service.add_phrase(gid, "会被清空")
    database.execute_sql("UPDATE reply SET body = '  ' WHERE id = ?", (empty,))
    problems = lint.check()
    assert _kinds(problems, long) == ["long_text"] and _kinds(problems, empty) == ["empty_text"]
    lint.apply_fix(next(p for p in problems if p.kind == "empty_text"))
    assert empty not in service.positions(gid)


def test_unknown_placeholders(gid):
    pid = service.add_phrase(gid, "亲｛昵称｝，单号{ｔｒａｃｋｉｎｇ_ｎｏ}，{whatever}")
    problems = [p for p in lint.check() if p.kind == "unknown_placeholder"]
    assert {p.values["placeholder"]: p.fix is not None for p in problems} == {
        "{ｔｒａｃｋｉｎｇ_ｎｏ}": True, "{whatever}": False, "｛昵称｝": True}
    for p in problems:
        if p.fix:
            lint.apply_fix(p)
    assert service.get_phrase(pid).body == "亲{昵称}，单号{tracking_no}，{whatever}"
    assert [p.values["placeholder"] for p in lint.check()] == ["{whatever}"]


def test_check_given_phrases_only(gid):
    a = service.add_phrase(gid, "甲", code="x")
    service.add_phrase(gid, "乙", code="x")
    assert lint.check([service.get_phrase(a)]) == []


def test_check_plan_points_at_file_lines(gid, tmp_path):
    from desk.core.replies import transfer

    service.add_phrase(gid, "库里已有", code="hp")
    path = tmp_path / "p.txt"
    path.write_text("HP,1=新的一句\nok,1=好的{订单}\nfine,1=没问题\n", encoding="utf-8")
    plan = transfer.read_file(path, group="另一组")
    found = [(line, p.kind) for line, p in lint.check_plan(plan)]
    assert found == [(1, "duplicate_code"), (1, "upper_code"), (2, "unknown_placeholder")]
