"""Reading a buyer's orders: the list a customer's page shows, the choices a
case form offers (with what was in each order), and one order with its items."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from desk.core import timeutil
from desk.core.base import database
from desk.core.errors import QT_TRANSLATE_NOOP, UserError
from desk.core.orders.models import Order, OrderItem


def orders_of(customer_id: int) -> list[tuple[int, str, str, datetime, int]]:
    """A customer's orders, newest first, as (id, order_no, status, placed_at, amount_fen)."""
    rows = database.execute_sql(
        "SELECT id, order_no, status, placed_at, amount_fen FROM shop_order"
        " WHERE customer_id = ? ORDER BY placed_at DESC, id DESC", (customer_id,))
    return [(r[0], str(r[1]), r[2], timeutil.from_epoch(r[3]), r[4]) for r in rows]


@dataclass(frozen=True)
class OrderItemInfo:
    id: int
    title: str
    sku: str
    quantity: int
    price_fen: int


@dataclass(frozen=True)
class OrderInfo:
    id: int
    customer_id: int
    order_no: str
    amount_fen: int
    shipping_fen: int
    free_shipping: bool
    carrier: str
    tracking_no: str
    items: list[OrderItemInfo] = field(default_factory=list)


@dataclass(frozen=True)
class OrderChoice:
    """One of a buyer's orders as the case form lists it."""

    id: int
    order_no: str
    placed_at: datetime
    amount_fen: int
    titles: tuple[str, ...]  # what was in it, in the order's item order


def order_choices(customer_id: int) -> list[OrderChoice]:
    """A buyer's orders, newest first, each with its items' titles: the case
    form's order list (the first one is the default of a new case)."""
    orders = database.execute_sql(
        "SELECT id, order_no, placed_at, amount_fen FROM shop_order WHERE customer_id = ?"
        " ORDER BY placed_at DESC, id DESC", (customer_id,)).fetchall()
    titles: dict[int, list[str]] = {}
    for order_id, title in database.execute_sql(
            "SELECT i.order_id, i.title FROM order_item i JOIN shop_order o ON o.id = i.order_id"
            " WHERE o.customer_id = ? ORDER BY i.order_id, i.id", (customer_id,)):
        titles.setdefault(order_id, []).append(title)
    return [OrderChoice(oid, str(no), timeutil.from_epoch(placed), amount,
                        tuple(titles.get(oid, ()))) for oid, no, placed, amount in orders]


def order_info(order_id: int) -> OrderInfo:
    """An order with its items, for pre-filling a case."""
    order = Order.get_or_none(Order.id == order_id)
    if order is None:
        raise UserError(QT_TRANSLATE_NOOP("UserError", "This order no longer exists."))
    items = [OrderItemInfo(i.id, i.title, i.sku, i.quantity, i.price_fen)
             for i in OrderItem.select().where(OrderItem.order == order.id).order_by(OrderItem.id)]
    return OrderInfo(order.id, order.customer_id, str(order.order_no), order.amount_fen,
                     order.shipping_fen, bool(order.free_shipping), order.carrier,
                     order.tracking_no, items)
