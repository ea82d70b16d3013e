"""Order imports on a server shop: two seats importing at the same moment (one
waits for the other, and the shop ends as if they ran one after the other),
the wait's cancel and its limit, a server stopped in the middle of an
import's COPY (nothing kept), and the COPY text itself."""

from __future__ import annotations

import threading
from datetime import datetime, timedelta, timezone

import peewee
import psycopg2
import pytest

from desk.core import checkpoint, server
from desk.core import db as core_db
from desk.core.base import database
from desk.core.errors import Cancelled, UserError
from desk.core.excel import orders_import
from desk.core.excel.orders_import import import_orders
from tests.conftest import PG_TEMPLATE
from tests.core.excel import samples
from tests.pgserver import SUPERUSER

SHOP_TZ = timezone(timedelta(hours=8))
WAIT = 60  # seconds: generous, for a loaded machine; never reached when all is well


@pytest.fixture(autouse=True)
def no_backup(monkeypatch):
    # the checked backup before an import is tests/core/team/test_seat.py's
    monkeypatch.setattr(checkpoint, "before", lambda reason, data=None: None)
    yield
    core_db.close()
    database.initialize(None)


def _address(cluster, name: str) -> server.ServerAddress:
    return server.ServerAddress(str(cluster.socket_dir), cluster.params()["port"], name, SUPERUSER)


def _orders(prefix: str, count: int, buyers: int, status: str = "shipped",
            start: int = 0) -> list[samples.SampleOrder]:
    base = datetime(2025, 3, 1, 9, 0)
    return [samples.SampleOrder(
        f"{prefix}{i:06d}", f"买家{i % buyers:03d}号", f"收货人{i % buyers}", "138****1234",
        "浙江省杭州市西湖区文一西路1号", 1_000 + i, status, base + timedelta(minutes=i),
        base + timedelta(minutes=i, seconds=30), "中通快递", f"ZT{i:010d}",
        (("纯棉短袖T恤", "白色;M", 1 + i % 3), ("船袜\t五双装\\", "", 1)))
        for i in range(start, start + count)]


def _files(tmp_path):
    """Two exports that overlap: B ships on some of A's orders (a status
    changed), adds orders for A's buyers and brings buyers of its own."""
    first = _orders("300", 400, 150)
    second = (_orders("300", 100, 150, status="completed")  # A's first 100, now completed
              + _orders("300", 300, 220, start=400))  # new orders, buyers 0..219 (some new)
    return (samples.taobao_csv(tmp_path / "a.csv", orders=first),
            samples.taobao_csv(tmp_path / "b.csv", orders=second))


def _rows(sql: str) -> list[tuple]:
    return sorted(database.execute_sql(sql).fetchall())


def _contents() -> dict[str, list[tuple]]:
    """The shop's imported rows without their ids and times of writing."""
    return {
        "customer": _rows(
            "SELECT platform, nickname, phone, region, nickname_py, nickname_abbr, order_count,"
            " paid_order_count, unpaid_count, total_spent_fen, first_order_at, last_order_at,"
            " lifecycle, source, version FROM customer"),
        "shop_order": _rows(
            "SELECT o.order_no, c.nickname, o.status, o.placed_at, o.paid_at, o.amount_fen,"
            " o.items, o.carrier, o.tracking_no, o.receiver_name, o.receiver_address, o.source"
            " FROM shop_order o JOIN customer c ON c.id = o.customer_id"),
        "order_item": _rows(
            "SELECT o.order_no, i.title, i.sku, i.quantity, i.price_fen"
            " FROM order_item i JOIN shop_order o ON o.id = i.order_id"),
        "address": _rows(
            "SELECT c.nickname, a.receiver, a.phone, a.detail, a.is_default"
            " FROM address a JOIN customer c ON c.id = a.customer_id"),
        "customer_gram": _rows(
            "SELECT g.gram, c.nickname FROM customer_gram g JOIN customer c ON c.id = g.customer_id"),
    }


def test_two_seats_importing_at_once_end_as_one_after_the_other(tmp_path, pg_server, pg_database,
                                                                 monkeypatch):
    """Seat A has planned its import (its transaction open) when seat B starts
    its own: B waits until A has committed, then plans on what A wrote. The
    old way, B planned the same new orders and buyers as A and failed on them
    with the database's own message."""
    file_a, file_b = _files(tmp_path)
    db = server.connect(_address(pg_server, pg_database), data_root=tmp_path)
    a_planning = threading.Event()  # A's import transaction is open
    b_reached = threading.Event()  # B waits for A (or, without the wait, has planned)
    real_plan = orders_import.plan

    def plan(parsed):
        if threading.current_thread().name == "seat-a":
            a_planning.set()
        result = real_plan(parsed)
        if threading.current_thread().name == "seat-a":
            assert b_reached.wait(WAIT), "seat B never came to its import"
        else:
            b_reached.set()
        return result

    monkeypatch.setattr(orders_import, "plan", plan)
    results, errors, waited = {}, {}, []

    def seat(name, path, **kwargs):
        try:
            results[name] = import_orders(path, "taobao", tz=SHOP_TZ, **kwargs)
        except BaseException as e:  # noqa: BLE001 - reported by the test below
            errors[name] = e
            a_planning.set()
            b_reached.set()
        finally:
            db.close()  # this thread's connection

    a = threading.Thread(target=seat, args=("a", file_a), name="seat-a")
    a.start()
    assert a_planning.wait(WAIT)
    b = threading.Thread(target=seat, args=("b", file_b), name="seat-b",
                         kwargs={"waiting": lambda: (waited.append(True), b_reached.set())})
    b.start()
    a.join(WAIT)
    b.join(WAIT)
    assert not a.is_alive() and not b.is_alive()
    assert errors == {}
    assert waited == [True]  # B was told it waits for another seat
    assert len(results["a"].new_orders) == 400
    assert len(results["b"].new_orders) == 300  # planned after A: A's 100 orders are updates
    assert len(results["b"].updated_orders) == 100
    together = _contents()
    assert len(together["shop_order"]) == 700

    # the same two files, one after the other, in another shop
    monkeypatch.setattr(orders_import, "plan", real_plan)
    core_db.close()
    pg_server.sql(f"CREATE DATABASE one_after_other TEMPLATE {PG_TEMPLATE}")
    try:
        server.connect(_address(pg_server, "one_after_other"), data_root=tmp_path)
        import_orders(file_a, "taobao", tz=SHOP_TZ)
        import_orders(file_b, "taobao", tz=SHOP_TZ)
        assert _contents() == together
    finally:
        core_db.close()
        pg_server.sql("DROP DATABASE IF EXISTS one_after_other WITH (FORCE)")


@pytest.fixture
def other_seat_importing(pg_server, pg_database, tmp_path):
    """Another seat's import under way: its connection holds the import lock."""
    server.connect(_address(pg_server, pg_database), data_root=tmp_path)
    other = psycopg2.connect(**pg_server.params(pg_database))
    other.autocommit = True
    with other.cursor() as cur:
        cur.execute("SELECT pg_advisory_lock(%s)", (orders_import.IMPORT_LOCK,))
    yield other
    other.close()


def _counts() -> tuple:
    return database.execute_sql(
        "SELECT (SELECT count(*) FROM customer), (SELECT count(*) FROM shop_order),"
        " (SELECT count(*) FROM order_item), (SELECT count(*) FROM address),"
        " (SELECT count(*) FROM customer_gram)").fetchone()


def test_an_import_waits_for_the_other_seats_then_runs(tmp_path, other_seat_importing):
    path = samples.taobao_csv(tmp_path / "t.csv")

    def waiting():  # told it waits: the other seat's import then ends
        with other_seat_importing.cursor() as cur:
            cur.execute("SELECT pg_advisory_unlock(%s)", (orders_import.IMPORT_LOCK,))

    result = import_orders(path, "taobao", tz=SHOP_TZ, waiting=waiting)
    assert len(result.new_orders) == 3
    assert _counts()[:3] == (2, 3, 4)


def test_an_import_waits_at_most_so_long_then_says_so(tmp_path, other_seat_importing, monkeypatch):
    monkeypatch.setattr(orders_import, "IMPORT_WAIT_S", 0.3)
    path = samples.taobao_csv(tmp_path / "t.csv")
    with pytest.raises(UserError, match="Another seat has been importing orders into the shop"
                                        " for more than 0 minutes") as caught:
        import_orders(path, "taobao", tz=SHOP_TZ)
    assert "nothing was changed" in str(caught.value)
    assert _counts() == (0, 0, 0, 0, 0)


def test_a_waiting_import_can_be_cancelled(tmp_path, other_seat_importing):
    path = samples.taobao_csv(tmp_path / "t.csv")
    told = []
    with pytest.raises(Cancelled):
        import_orders(path, "taobao", tz=SHOP_TZ, waiting=lambda: told.append(1),
                      is_cancelled=lambda: bool(told))
    assert _counts() == (0, 0, 0, 0, 0)


def test_a_server_stopped_in_the_middle_of_an_import_keeps_nothing(tmp_path, pg_server, pg_database,
                                                                   monkeypatch):
    server.connect(_address(pg_server, pg_database), data_root=tmp_path)
    file_a, _ = _files(tmp_path)
    real_copy = server.SqliteStyleConnection.copy_rows
    copied = []

    def copy_rows(self, table, columns, rows):
        if table == "order_item":  # buyers, addresses and orders sent: the server dies
            pg_server.stop("immediate")
        copied.append(table)
        return real_copy(self, table, columns, rows)

    monkeypatch.setattr(server.SqliteStyleConnection, "copy_rows", copy_rows)
    try:
        with pytest.raises(server.ServerGone, match="nothing of it was written"):
            import_orders(file_a, "taobao", tz=SHOP_TZ)
    finally:
        pg_server.start()
    assert copied == ["customer", "address", "shop_order", "order_item"]
    core_db.close()
    server.connect(_address(pg_server, pg_database), data_root=tmp_path)
    assert _counts() == (0, 0, 0, 0, 0)
    monkeypatch.setattr(server.SqliteStyleConnection, "copy_rows", real_copy)
    assert len(import_orders(file_a, "taobao", tz=SHOP_TZ).new_orders) == 400  # and again, whole


def test_copy_keeps_tabs_line_breaks_backslashes_and_nulls(tmp_path, pg_server, pg_database):
    server.connect(_address(pg_server, pg_database), data_root=tmp_path)
    conn = database.connection()
    rows = [(1, "a\tb", "line\nbreak\r\n", None, True), (2, "back\\slash \\N", "", "普通", False),
            (3, "\\t", "\\\\", "x", None)]
    with database.atomic():
        database.execute_sql("CREATE TEMP TABLE t (id BIGINT, a TEXT, b TEXT, c TEXT, d BIGINT)")
        conn.copy_rows("t", ("id", "a", "b", "c", "d"), iter(rows))
        got = database.execute_sql("SELECT id, a, b, c, d FROM t ORDER BY id").fetchall()
    assert got == [(1, "a\tb", "line\nbreak\r\n", None, 1), (2, "back\\slash \\N", "", "普通", 0),
                   (3, "\\t", "\\\\", "x", None)]
    with pytest.raises(peewee.OperationalError, match="a text holds a NUL character"), \
            database.atomic():  # the COPY stops; the transaction keeps nothing
        database.execute_sql("CREATE TEMP TABLE u (id BIGINT, a TEXT)")
        conn.copy_rows("u", ("id", "a"), [(4, "fine"), (5, "nul\0here")])
    assert database.execute_sql("SELECT to_regclass('u')").fetchone() == (None,)


def test_new_buyers_get_their_short_grams_per_statement(tmp_path, pg_server, pg_database):
    """Migration 0010's statement trigger: every new row's pieces, as the row
    trigger cut them (customer_grams), for a COPY and a plain INSERT; a row
    put back with its old id whose pieces were left behind does not fail."""
    server.connect(_address(pg_server, pg_database), data_root=tmp_path)
    conn = database.connection()
    with database.atomic():
        conn.copy_rows("customer", ("id", "platform", "nickname", "real_name", "created_at",
                                    "updated_at"),
                       [(10, "taobao", "小雨点点", "王芳", 0, 0), (11, "taobao", "Lily_2024", "", 0, 0)])
        database.execute_sql("INSERT INTO customer(platform, nickname, created_at, updated_at)"
                             " VALUES ('jd', 'AbCd', 0, 0)")
    expected = _rows("SELECT g, c.id FROM customer c, customer_grams(c.nickname, c.real_name) g")
    assert _rows("SELECT gram, customer_id FROM customer_gram") == expected
    assert ("雨点", 10) in expected and ("li", 11) in expected and ("芳", 10) in expected
    database.execute_sql("INSERT INTO customer_gram VALUES ('小雨', 12), ('zz', 12)")  # left behind
    database.execute_sql("INSERT INTO customer(id, platform, nickname, created_at, updated_at)"
                         " VALUES (12, 'taobao', '小雨伞', 0, 0)")
    assert _rows("SELECT gram FROM customer_gram WHERE customer_id = 12") == [
        ("zz",), ("伞",), ("小雨",), ("雨伞",)]
