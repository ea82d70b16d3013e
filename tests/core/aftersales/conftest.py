"""A small shop for the after-sales tests: customers through their service,
orders written directly (the orders pillar has no service yet)."""

from __future__ import annotations

import itertools
from datetime import UTC, datetime, timedelta, timezone

import pytest

from desk.core import changes
from desk.core.aftersales import due
from desk.core.base import database
from desk.core.customers import service as customers

T0 = int(datetime(2024, 5, 1, tzinfo=UTC).timestamp())
BEIJING = timezone(timedelta(hours=8))


class Shop:
    def __init__(self) -> None:
        self._serial = itertools.count(1)

    def customer(self, nickname: str | None = None, platform: str = "taobao") -> int:
        n = next(self._serial)
        return customers.create(platform, nickname or f"买家{n:03d}")

    def order(self, customer_id: int, items=(("纯棉T恤", 2, 5900),), free_shipping: bool = True,
              shipping_fen: int = 0, platform: str = "taobao") -> tuple[int, list[int], str]:
        """(order id, its item ids, its 19-digit order number)."""
        n = next(self._serial)
        order_no = f"{4000000000000000000 + n * 7919}"
        amount = sum(qty * price for _, qty, price in items) + shipping_fen
        oid = database.execute_sql(
            "INSERT INTO shop_order(customer_id, platform, order_no, status, placed_at, paid_at,"
            " amount_fen, shipping_fen, free_shipping, created_at, updated_at)"
            " VALUES (?, ?, ?, 'completed', ?, ?, ?, ?, ?, ?, ?)",
            (customer_id, platform, order_no, T0, T0 + 60, amount, shipping_fen,
             int(free_shipping), T0, T0)).lastrowid
        item_ids = [database.execute_sql(
            "INSERT INTO order_item(order_id, title, quantity, price_fen) VALUES (?, ?, ?, ?)",
            (oid, title, qty, price)).lastrowid for title, qty, price in items]
        return oid, item_ids, order_no


@pytest.fixture
def zone(monkeypatch):
    """The shop works in Beijing time, whatever this machine's zone is."""
    monkeypatch.setattr(due, "local_zone", lambda: BEIJING)
    return BEIJING


@pytest.fixture
def shop(db, zone) -> Shop:
    return Shop()


@pytest.fixture
def announced(db):
    seen: list[changes.Change] = []
    unsubscribe = changes.subscribe(seen.append)
    yield seen
    unsubscribe()


def dump_tables() -> dict[str, list[tuple]]:
    """Every row of the tables a case touches, for before/after comparisons."""
    conn = database.connection()
    return {t: sorted(conn.execute(f"SELECT * FROM {t}").fetchall(), key=repr)
            for t in ("aftersales_case", "case_item", "case_event", "customer", "followup",
                      "deadline_rule")}
