"""Reading a buyer's orders: the customer page's list, the case form's choices
with what was in each order, and one order with its items. Order numbers stay
text (19 digits)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from desk.core.base import database
from desk.core.customers import service as customers
from desk.core.errors import UserError
from desk.core.orders import service

T0 = int(datetime(2024, 5, 1, tzinfo=UTC).timestamp())


def order(customer_id: int, order_no: str, placed: int = T0, status: str = "completed",
          items=(("纯棉T恤", 1, 5900),), free_shipping: bool = True) -> int:
    amount = sum(qty * price for _, qty, price in items)
    oid = database.execute_sql(
        "INSERT INTO shop_order(customer_id, platform, order_no, status, placed_at, amount_fen,"
        " shipping_fen, free_shipping, carrier, tracking_no, created_at, updated_at)"
        " VALUES (?, 'taobao', ?, ?, ?, ?, 0, ?, '顺丰', 'SF1', ?, ?)",
        (customer_id, order_no, status, placed, amount, int(free_shipping), T0, T0)).lastrowid
    for title, qty, price in items:
        database.execute_sql("INSERT INTO order_item(order_id, title, sku, quantity, price_fen)"
                             " VALUES (?, ?, '', ?, ?)", (oid, title, qty, price))
    return oid


@pytest.fixture
def buyer(db):
    return customers.create("taobao", "挑订单")


def test_orders_of_lists_newest_first_with_text_order_numbers(buyer):
    first = order(buyer, "4000000000000000001", items=(("袜子", 1, 500),))
    second = order(buyer, "4000000000000000002", placed=T0 + 60, status="unpaid")
    order(customers.create("taobao", "别人"), "4000000000000000003")
    rows = service.orders_of(buyer)
    assert [r[0] for r in rows] == [second, first]
    assert rows[1][1:3] == ("4000000000000000001", "completed") and rows[1][4] == 500
    assert rows[1][3] == datetime.fromtimestamp(T0, UTC)
    assert service.orders_of(customers.create("taobao", "没下过单")) == []


def test_order_choices_are_newest_first_with_what_was_in_them(buyer):
    old = order(buyer, "4000000000000000011", items=(("纯棉T恤", 1, 5900), ("帆布包", 1, 3900)))
    new = order(buyer, "4000000000000000012", placed=T0 + 86400, items=(("雨伞", 1, 2900),))
    order(customers.create("taobao", "别人"), "4000000000000000013")
    choices = service.order_choices(buyer)
    assert [c.id for c in choices] == [new, old]
    assert choices[0].titles == ("雨伞",) and choices[1].titles == ("纯棉T恤", "帆布包")
    assert choices[1].order_no == "4000000000000000011" and choices[1].amount_fen == 9800
    assert service.order_choices(customers.create("taobao", "没下过单")) == []


def test_an_order_with_its_items(buyer):
    oid = order(buyer, "4000000000000000021", items=(("纯棉T恤", 2, 5900), ("袜子", 1, 500)),
                free_shipping=False)
    info = service.order_info(oid)
    assert (info.customer_id, info.order_no, info.amount_fen) == (buyer, "4000000000000000021", 12300)
    assert (info.free_shipping, info.carrier, info.tracking_no) == (False, "顺丰", "SF1")
    assert [(i.title, i.quantity, i.price_fen) for i in info.items] == [("纯棉T恤", 2, 5900),
                                                                         ("袜子", 1, 500)]
    with pytest.raises(UserError, match="no longer exists"):
        service.order_info(987654)
