"""What the cleanup screens list: customers in the trash, and customers by id, as plain rows."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from desk.core import timeutil
from desk.core.base import database
from desk.core.customers import fields


@dataclass(frozen=True)
class CustomerRow:
    id: int
    nickname: str
    platform: str
    phone: str
    order_count: int
    total_spent_fen: int
    last_order_at: datetime | None
    deleted_at: datetime | None  # set: in the trash


@dataclass(frozen=True)
class TrashSummary:
    """How much emptying the trash would delete."""

    customers: int
    orders: int
    cases: int
    notes: int
    followups: int
    addresses: int


_COLUMNS = ("id, nickname, platform, phone, order_count, total_spent_fen, last_order_at,"
            " deleted_at")


def _time(value: int | None) -> datetime | None:
    return None if value is None else timeutil.from_epoch(value)


def _row(r: tuple) -> CustomerRow:
    return CustomerRow(r[0], r[1], r[2], r[3], r[4], r[5], _time(r[6]), _time(r[7]))


def customers(ids: Iterable[int]) -> list[CustomerRow]:
    """The customers with these ids (live or trashed), in the order given;
    ids of customers that are gone are left out."""
    wanted = fields.id_list(ids)
    found = {r[0]: _row(r) for r in database.execute_sql(
        f"SELECT {_COLUMNS} FROM customer WHERE id IN (SELECT value FROM json_each(?))",
        (fields.ids_param(wanted),))}
    return [found[i] for i in wanted if i in found]


def trashed() -> list[CustomerRow]:
    """Every customer in the trash, the most recently deleted first."""
    return [_row(r) for r in database.execute_sql(
        f"SELECT {_COLUMNS} FROM customer WHERE deleted_at IS NOT NULL"
        " ORDER BY deleted_at DESC, id DESC")]


def summary() -> TrashSummary:
    """Counts of what sits in the trash, attached rows included."""
    trash = "(SELECT id FROM customer WHERE deleted_at IS NOT NULL)"
    counts = database.execute_sql(
        "SELECT (SELECT count(*) FROM customer WHERE deleted_at IS NOT NULL),"
        f" (SELECT count(*) FROM shop_order WHERE customer_id IN {trash}),"
        f" (SELECT count(*) FROM aftersales_case WHERE customer_id IN {trash}),"
        f" (SELECT count(*) FROM note WHERE customer_id IN {trash}),"
        f" (SELECT count(*) FROM followup WHERE customer_id IN {trash}),"
        f" (SELECT count(*) FROM address WHERE customer_id IN {trash})").fetchone()
    return TrashSummary(*counts)
