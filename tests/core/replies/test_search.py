"""The palette's lookup: ranking by code, text and pinyin initials, use and recency."""

from __future__ import annotations

import sqlite3

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desk.core import pinyin
from desk.core.replies import search, service

# the core suite on both engines (tests/conftest.py: db)
pytestmark = pytest.mark.both_engines


def _bodies(found) -> list[str]:
    return [p.body for p in found]


def test_code_exact_then_prefix_then_text(gid):
    service.add_phrase(gid, "含有 hp 的一句话")
    service.add_phrase(gid, "前缀匹配", code="hpx")
    service.add_phrase(gid, "完全匹配", code="hp")
    service.add_phrase(gid, "无关", code="zz")
    assert _bodies(search.find("hp")) == ["完全匹配", "前缀匹配", "含有 hp 的一句话"]
    assert _bodies(search.find("HP")) == _bodies(search.find("ｈｐ")) == _bodies(search.find("hp"))


def test_text_and_pinyin_initials(gid):
    service.add_phrase(gid, "亲，您好呀，欢迎光临")
    service.add_phrase(gid, "感谢亲的支持")
    assert _bodies(search.find("欢迎")) == ["亲，您好呀，欢迎光临"]
    assert _bodies(search.find("hygl")) == ["亲，您好呀，欢迎光临"]
    assert _bodies(search.find("gxq")) == ["感谢亲的支持"]
    assert search.find("不存在的话") == []


def test_ties_by_use_then_recency(gid, monkeypatch):
    from datetime import UTC, datetime

    from desk.core import timeutil

    a = service.add_phrase(gid, "甲 好")
    b = service.add_phrase(gid, "乙 好")
    c = service.add_phrase(gid, "丙 好")
    assert _bodies(search.find("好")) == ["甲 好", "乙 好", "丙 好"]  # library order
    monkeypatch.setattr(timeutil, "now", lambda: datetime(2024, 1, 1, tzinfo=UTC))
    service.record_use(c)
    monkeypatch.setattr(timeutil, "now", lambda: datetime(2024, 1, 2, tzinfo=UTC))
    service.record_use(b)
    assert _bodies(search.find("好")) == ["乙 好", "丙 好", "甲 好"]
    service.record_use(a)
    service.record_use(a)
    assert _bodies(search.find("好")) == ["甲 好", "乙 好", "丙 好"]
    assert _bodies(search.find("")) == ["甲 好", "乙 好", "丙 好"]
    assert len(search.find("好", limit=2)) == 2


def test_index_follows_edits_and_deletes(gid):
    pid = service.add_phrase(gid, "原来的话", code="yl")
    assert _bodies(search.find("yl")) == ["原来的话"]
    service.update_phrase(pid, body="改过的话", code="gg")
    assert search.find("yl") == [] and _bodies(search.find("gg")) == ["改过的话"]
    service.delete_phrase(pid)
    assert search.find("gg") == []
    service.restore_phrase(pid)
    assert _bodies(search.find("ggdh")) == ["改过的话"]


def test_index_sees_another_process_commit(gid, data_dir, engine):
    service.add_phrase(gid, "本进程")
    assert search.find("另一个") == []
    insert = ("INSERT INTO reply(group_id, code, body, body_abbr, created_at, updated_at)"
              " VALUES (?, 'lw', '另一个进程写的', '', 0, 0)")
    if engine == "sqlite":
        conn = sqlite3.connect(data_dir.db_path)
        with conn:
            conn.execute(insert, (gid,))
    else:  # another seat on the same server
        import psycopg2

        from desk.core.base import database

        conn = psycopg2.connect(**database.obj.address.params())
        with conn, conn.cursor() as cur:
            cur.execute(insert.replace("?", "%s"), (gid,))
    conn.close()
    assert _bodies(search.find("另一个")) == ["另一个进程写的"]


@settings(max_examples=40, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])  # each example cleans up
@given(st.lists(st.sampled_from(["亲您好", "快递", "发货", "好评返现", "尺码", "hp", "a1"]),
                min_size=1, max_size=6),
       st.sampled_from(["亲", "快", "kd", "fh", "hp", "h", "尺码", "x"]))
def test_matches_agree_with_plain_rules(db, bodies, query):
    """Everything found matches by code or text or initials, and nothing that matches is missed."""
    gid = service.add_group(f"g{len(service.list_groups())}")
    for i, body in enumerate(bodies):
        service.add_phrase(gid, f"{body}{i}", code=body[:2] if body.isascii() else "")
    found = {p.id for p in search.find(query, limit=10_000)}
    expected = {p.id for p in service.all_phrases()
                if p.code.lower().startswith(query) or query in p.body.lower()
                or (query.isascii() and query in pinyin.abbr(p.body))}
    assert found == expected
    service.delete_group(gid)


def test_index_follows_reorders_and_group_changes(gid):
    ids = [service.add_phrase(gid, t + " 好") for t in "甲乙丙"]
    assert _bodies(search.find("好")) == ["甲 好", "乙 好", "丙 好"]
    service.move_phrase(ids[2], 0)
    assert _bodies(search.find("好")) == ["丙 好", "甲 好", "乙 好"]
    assert [p.position for p in search.find("好")] == [0, 1, 2]
    service.rename_group(gid, "改名了")
    assert {p.group_name for p in search.find("好")} == {"改名了"}
    other = service.add_group("前面", index=0)
    service.move_phrase(ids[1], 0, gid=other)
    assert _bodies(search.find("好")) == ["乙 好", "丙 好", "甲 好"]
    service.delete_group(other)
    assert _bodies(search.find("好")) == ["丙 好", "甲 好"]
