"""Change notification: announced after the commit, never for a rollback."""

from __future__ import annotations

import pytest

from desk.core import changes
from desk.core.models import Setting
from tests.core.engines import committed


@pytest.fixture
def heard(db, data_dir):
    """Changes announced, each with the setting keys committed when it arrived."""
    seen = []

    def listener(change):
        keys = {r[0] for r in committed(data_dir, "SELECT key FROM setting")}  # committed only
        seen.append((change, keys))

    unsubscribe = changes.subscribe(listener)
    yield seen
    unsubscribe()


def _put(key: str) -> None:
    Setting.delete().where(Setting.key == key).execute()  # REPLACE, on either engine
    Setting.create(key=key, value="1", updated_at=0)


def test_announced_after_commit_only(db, heard):
    with changes.write(db) as pending:
        _put("a")
        pending.add("customer", [1, 2])
        pending.add("customer", [3])
        pending.add("reply")
        assert heard == []
    assert heard == [
        (changes.Change("customer", frozenset({1, 2, 3})), {"a"}),
        (changes.Change("reply"), {"a"}),
    ]


def test_nothing_announced_on_rollback(db, heard):
    with pytest.raises(RuntimeError):
        with changes.write(db) as pending:
            _put("a")
            pending.add("customer", [1])
            raise RuntimeError("boom")
    assert heard == []
    assert Setting.select().count() == 0

    # the failed write leaves nothing behind for the next one
    with changes.write(db) as pending:
        _put("b")
        pending.add("note", [9])
    assert heard == [(changes.Change("note", frozenset({9})), {"b"})]


def test_nested_write_announces_once_after_outer_commit(db, heard):
    with changes.write(db) as outer:
        _put("a")
        outer.add("customer", [1])
        with changes.write(db) as inner:
            assert inner is outer
            _put("b")
            inner.add("customer", [2])
            inner.add("note", [5])
        assert heard == []
        _put("c")
    assert heard == [
        (changes.Change("customer", frozenset({1, 2})), {"a", "b", "c"}),
        (changes.Change("note", frozenset({5})), {"a", "b", "c"}),
    ]


def test_rollback_of_outer_drops_inner_changes(db, heard):
    with pytest.raises(RuntimeError):
        with changes.write(db) as outer:
            with changes.write(db) as inner:
                _put("b")
                inner.add("note", [5])
            outer.add("customer", [1])
            raise RuntimeError("boom")
    assert heard == []
    assert Setting.select().count() == 0


def test_a_failing_listener_does_not_stop_the_others(db, heard, caplog):
    def broken(change):
        raise ValueError("a broken view")

    later = []
    undo = [changes.subscribe(broken), changes.subscribe(later.append)]  # broken runs first
    try:
        with changes.write(db) as pending:
            _put("a")
            pending.add("case", [4])
    finally:
        for unsubscribe in undo:
            unsubscribe()
    assert later == [changes.Change("case", frozenset({4}))]
    assert heard == [(changes.Change("case", frozenset({4})), {"a"})]
    assert Setting.select().count() == 1
    assert "change listener failed for case" in caplog.text
