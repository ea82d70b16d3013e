"""A disk that refuses writes (full: PRAGMA max_page_count; read-only): a clear
user error, nothing saved before is lost, and work goes on once there is room."""

from __future__ import annotations

import pytest

from desk.core import changes
from desk.core import db as core_db
from desk.core.base import database
from desk.core.customers import notes
from desk.core.customers import service as customers
from desk.core.errors import UserError

BIG = "很长的备注" * 2000  # ~30 KB of text: several pages


def _pages() -> int:
    return database.execute_sql("PRAGMA page_count").fetchone()[0]


def _fill_the_disk() -> None:
    """From now on the database may not grow by more than a page or two."""
    database.execute_sql(f"PRAGMA max_page_count = {_pages() + 1}")


def _make_room() -> None:
    database.execute_sql("PRAGMA max_page_count = 1073741823")


@pytest.fixture
def saved(db):
    ids = [customers.create("taobao", f"买家{i}", phone=f"1380000000{i}") for i in range(3)]
    notes.add(ids[0], "已保存的备注")
    return ids


def test_a_full_disk_is_a_clear_user_error_and_nothing_saved_is_lost(saved, data_dir):
    seen = []
    unsubscribe = changes.subscribe(seen.append)
    _fill_the_disk()
    try:
        with pytest.raises(core_db.StorageError) as info:
            for _ in range(20):
                notes.add(saved[1], BIG)
    finally:
        unsubscribe()
    assert isinstance(info.value, UserError)
    assert str(info.value).startswith("The disk is full")
    assert str(data_dir.root) in str(info.value)
    # the refused write announced nothing and left no part of itself
    written = [c for c in seen if c.entity == "note"]
    assert len(notes.list_notes(saved[1])) == len(written)
    assert [n.body for n in notes.list_notes(saved[0])] == ["已保存的备注"]
    assert customers.get(saved[2]).phone == "13800000002"
    # work goes on once there is room again, on the same connection
    _make_room()
    note = notes.add(saved[1], BIG)
    assert notes.get_note(note).body == BIG
    assert core_db.integrity_problems(data_dir.db_path) == []


def test_a_full_disk_inside_nested_transactions_is_still_a_user_error(saved):
    """SQLite rolls the whole transaction back by itself; the savepoint rollback
    and the outer rollback that follow must not hide the error."""
    before = customers.get(saved[0]).nickname
    _fill_the_disk()
    with pytest.raises(core_db.StorageError, match="disk is full"):
        with changes.write(database):
            customers.update(saved[0], nickname="改了名字")
            with database.atomic():
                for _ in range(20):
                    notes.add(saved[0], BIG)
    _make_room()
    assert customers.get(saved[0]).nickname == before
    assert not database.connection().in_transaction
    customers.update(saved[0], nickname="终于改了")
    assert customers.get(saved[0]).nickname == "终于改了"


def test_a_read_only_database_is_a_clear_user_error(saved):
    database.execute_sql("PRAGMA query_only = 1")  # what SQLite says on a read-only folder or file
    try:
        with pytest.raises(core_db.StorageError, match="cannot be written to"):
            customers.create("taobao", "只读")
        assert customers.get(saved[0]).nickname == "买家0"
    finally:
        database.execute_sql("PRAGMA query_only = 0")
    assert customers.create("taobao", "又可以写了") > 0


def test_a_read_only_database_file_is_a_clear_user_error(tmp_path):
    path = tmp_path / "shop.sqlite3"
    core_db.migrate(path, tmp_path / "backups")
    ro = core_db.ShopDatabase(f"file:{path}?mode=ro", uri=True)
    try:
        with pytest.raises(core_db.StorageError, match="cannot be written to"):
            ro.execute_sql("INSERT INTO setting(key, value, updated_at) VALUES ('x', '1', 0)")
    finally:
        ro.close()


def test_other_sqlite_errors_stay_bugs(db):
    with pytest.raises(Exception) as info:
        database.execute_sql("SELECT * FROM no_such_table")
    assert not isinstance(info.value, UserError)
