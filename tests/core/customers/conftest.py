"""A small shop to test against: customers made through the service, orders
and cases written directly (their own services belong to other pillars)."""

from __future__ import annotations

import itertools
from datetime import UTC, datetime

import pytest

from desk.core import changes
from desk.core.base import database
from desk.core.customers import service

T0 = int(datetime(2024, 5, 1, tzinfo=UTC).timestamp())


class Shop:
    def __init__(self) -> None:
        self._serial = itertools.count(1)

    def customer(self, nickname: str = "小雨点点", platform: str = "taobao", **kw) -> int:
        return service.create(platform, nickname, **kw)

    def order(self, customer_id: int, status: str = "completed", amount_fen: int = 10000,
              paid: bool | None = None, placed_at: int | None = None) -> int:
        n = next(self._serial)
        placed = T0 + n * 3600 if placed_at is None else placed_at
        if paid is None:
            paid = status != "unpaid"
        cursor = database.execute_sql(
            "INSERT INTO shop_order(customer_id, platform, order_no, status, placed_at, paid_at,"
            " amount_fen, created_at, updated_at) VALUES (?, 'taobao', ?, ?, ?, ?, ?, ?, ?)",
            (customer_id, f"{4000000000000000000 + n}", status, placed, placed + 60 if paid else None,
             amount_fen, placed, placed))
        return cursor.lastrowid

    def case(self, customer_id: int, status: str = "new", order_id: int | None = None) -> int:
        n = next(self._serial)
        cursor = database.execute_sql(
            "INSERT INTO aftersales_case(case_no, customer_id, order_id, platform, kind, reason,"
            " status, opened_at, status_changed_at, created_at, updated_at)"
            " VALUES (?, ?, ?, 'taobao', 'refund_only', 'quality', ?, ?, ?, ?, ?)",
            (f"SH-{n:06d}", customer_id, order_id, status, T0, T0, T0, T0))
        return cursor.lastrowid

    def tag_id(self, name: str) -> int:
        return database.execute_sql("SELECT id FROM tag WHERE name = ?", (name,)).fetchone()[0]


@pytest.fixture
def shop(db) -> Shop:
    return Shop()


@pytest.fixture
def announced(db):
    """Every change announced while the test runs."""
    seen: list[changes.Change] = []
    unsubscribe = changes.subscribe(seen.append)
    yield seen
    unsubscribe()


def dump_tables(skip: tuple[str, ...] = ()) -> dict[str, list[tuple]]:
    """Every row of every ordinary table, in a stable order, for before/after
    comparisons, without the `skip` columns. Full-text indexes are left out:
    their internal segments may be laid out differently for the same content."""
    conn = database.connection()
    from desk.core import dialect, team_move

    if dialect.on_server():  # the same tables, but for SQLite's full-text ones
        tables = [name for (name,) in conn.execute(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()"
            " AND table_type = 'BASE TABLE' AND table_name <> 'shopdesk_schema'")]
        out = {}
        for t in tables:
            columns = [c for (c,) in conn.execute(
                "SELECT column_name FROM information_schema.columns WHERE table_schema ="
                " current_schema() AND table_name = ? ORDER BY ordinal_position", (t,))
                if c not in skip]
            # the shop's record of its last backup is the backup's, not the change's (an import
            # or a transfer backs the shop up first, even when the change then fails)
            where = f" WHERE key <> '{team_move.BACKUP_RECORD}'" if t == "setting" else ""
            out[t] = sorted(conn.execute(f"SELECT {', '.join(columns)} FROM {t}{where}").fetchall(), key=repr)
        return out
    schema = conn.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
    ).fetchall()
    virtual = [name for name, sql in schema if sql.upper().startswith("CREATE VIRTUAL TABLE")]
    tables = [name for name, _ in schema
              if name not in virtual and not any(name.startswith(v + "_") for v in virtual)]
    out = {}
    for t in tables:
        columns = [r[1] for r in conn.execute(f"PRAGMA table_info({t})") if r[1] not in skip]
        out[t] = sorted(conn.execute(f"SELECT {', '.join(columns)} FROM {t}").fetchall(), key=repr)
    return out


# who saved a row last, when and its version: an undo is a new save, so these move on
STAMPS = ("version", "updated_by", "updated_at")
