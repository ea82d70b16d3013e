"""The typed settings registry over the `setting` table."""

from __future__ import annotations

import json

import pytest

from desk.core import changes, settings
from desk.core.errors import UserError
from desk.core.models import Setting
from tests.core.engines import committed, stored_setting


@pytest.fixture
def announced(db, data_dir):
    """Changes announced, each with the settings committed when it arrived
    (read through a second connection, which sees only committed rows)."""
    seen = []

    def listener(change):
        seen.append((change, dict(committed(data_dir, "SELECT key, value FROM setting"))))

    unsubscribe = changes.subscribe(listener)
    yield seen
    unsubscribe()


def test_defaults_when_unset(db):
    assert Setting.select().count() == 0
    for name, option in settings.OPTIONS.items():
        assert settings.get(name) == option.default, name
    assert settings.get("default_platform") == "taobao"
    assert settings.get("mask_phones") is True
    assert settings.get("deadline_warn_hours") == 24


@pytest.mark.parametrize("name, value, stored", [
    ("shop_name", "  小雨的店 ", "小雨的店"),   # text is trimmed
    ("default_platform", "pdd", "pdd"),
    ("language", "zh_CN", "zh_CN"),
    ("language", "", ""),
    ("mask_phones", False, False),
    ("first_run_done", True, True),
    ("deadline_warn_hours", 1, 1),
    ("deadline_warn_hours", 720, 720),
    ("backup_every_hours", 12, 12),
    ("handling_cutoff_hour", 24, 24),
])
def test_round_trip(db, name, value, stored):
    settings.set(name, value)
    got = settings.get(name)
    assert got == stored and type(got) is type(stored)
    assert json.loads(stored_setting(name)) == stored


def test_every_option_round_trips(db):
    """Each type once, through set_many, with a value other than the default."""
    values = {"shop_name": "店", "mask_phones": False, "deadline_warn_hours": 48,
              "default_platform": "jd", "language": "en", "handler": "小周",
              "backup_every_hours": 1, "first_run_done": True, "handling_cutoff_hour": 12}
    assert set(values) == set(settings.OPTIONS)
    settings.set_many(values)
    assert {name: settings.get(name) for name in values} == values


@pytest.mark.parametrize("name, value", [
    ("mask_phones", "yes"),
    ("mask_phones", 1),
    ("deadline_warn_hours", True),
    ("deadline_warn_hours", "24"),
    ("deadline_warn_hours", 2.5),
    ("deadline_warn_hours", 0),
    ("deadline_warn_hours", 721),
    ("backup_every_hours", 169),
    ("default_platform", "amazon"),
    ("language", "fr"),
    ("shop_name", 5),
    ("shop_name", "x" * 201),
])
def test_invalid_value_raises_and_writes_nothing(announced, name, value):
    with pytest.raises(UserError, match=name):
        settings.set(name, value)
    assert Setting.select().count() == 0
    assert settings.get(name) == settings.OPTIONS[name].default
    assert announced == []


def test_set_many_with_one_bad_value_writes_none(announced):
    settings.set("handler", "阿琳")
    announced.clear()
    with pytest.raises(UserError, match="deadline_warn_hours"):
        settings.set_many({"shop_name": "小雨的店", "handler": "小周", "deadline_warn_hours": 0})
    assert settings.get("shop_name") == ""
    assert settings.get("handler") == "阿琳"
    assert json.loads(stored_setting("handler")) == "阿琳"
    assert Setting.select().where(Setting.key != "handler").count() == 0  # nothing else written
    assert announced == []


def test_announced_after_commit(announced):
    settings.set_many({"shop_name": "小雨的店", "mask_phones": False})
    assert len(announced) == 1
    change, committed = announced[0]
    assert change == changes.Change("setting")
    assert json.loads(committed["shop_name"]) == "小雨的店"
    assert json.loads(committed["mask_phones"]) is False


def test_unknown_setting(announced):
    with pytest.raises(KeyError, match="no_such"):
        settings.get("no_such")
    with pytest.raises(KeyError, match="no_such"):
        settings.set("no_such", 1)
    with pytest.raises(KeyError):
        settings.set_many({"shop_name": "ok", "no_such": 1})
    assert Setting.select().count() == 0
    assert announced == []


@pytest.mark.parametrize("raw", ["not json", "9999", '"24"', "true"])
def test_bad_stored_value_falls_back_to_default(db, raw):
    Setting.create(key="deadline_warn_hours", value=raw, updated_at=0)
    assert settings.get("deadline_warn_hours") == 24


def test_ui_state_is_separate_from_options(db):
    assert settings.get_state("main_window.geometry") is None
    settings.set_state("main_window.geometry", "AdnQywAD")
    assert settings.get_state("main_window.geometry") == "AdnQywAD"
    assert stored_setting("state.main_window.geometry") == "AdnQywAD"
    with pytest.raises(KeyError):
        settings.get("state.main_window.geometry")
    with pytest.raises(KeyError, match="undeclared"):
        settings.set_state("main/geometry", "AdnQywAD")  # not in desk.core.uistate
