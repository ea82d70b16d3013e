"""The starter library: loaded once, idempotent, into the seeded groups."""

from __future__ import annotations

import json

import pytest

from desk.core.errors import UserError
from desk.core.replies import service, starter


@pytest.fixture
def starter_file(tmp_path):
    path = tmp_path / "starter.json"
    path.write_text(json.dumps([
        {"group": "打招呼", "code": "nh", "body": "亲，您好～"},
        {"group": "打招呼", "code": "zs", "body": "在的亲～"},
        {"group": "道别", "code": "zj", "body": "感谢支持，再见～"},
        {"group": "新的组", "code": "xx", "body": "新组里的话"},
        {"group": "道别", "code": "NH", "body": "代码和第一句撞了"},
    ], ensure_ascii=False), encoding="utf-8")
    return path


def test_load_into_groups_once(db, starter_file):
    greet = service.group_by_name("打招呼")
    existing = service.add_phrase(greet, "在的亲～", code="zai")
    assert starter.load_starter(starter_file) == 4
    assert [p.body for p in service.list_phrases(greet)] == ["在的亲～", "亲，您好～"]
    assert service.get_phrase(existing).code == "zai"
    bye = service.list_phrases(service.group_by_name("道别"))
    assert [(p.code, p.body) for p in bye] == [("zj", "感谢支持，再见～"), ("", "代码和第一句撞了")]
    assert [p.body for p in service.list_phrases(service.group_by_name("新的组"))] == ["新组里的话"]
    assert starter.load_starter(starter_file) == 0


def test_broken_starter_file(db, tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text('[{"group": "打招呼"}]', encoding="utf-8")
    with pytest.raises(UserError, match="starter"):
        starter.load_starter(bad)
    with pytest.raises(UserError):
        starter.load_starter(tmp_path / "missing.json")
    assert service.all_phrases() == []


def test_bundled_starter_is_found_through_the_package():
    phrases = starter.read_starter()
    assert len(phrases) >= 80
    assert all(p.body for p in phrases)
