"""Tables of orders and their items."""

from __future__ import annotations

from peewee import CharField, ForeignKeyField, IntegerField

from desk.core.base import BaseModel, FenField, FlagField, Stamped, UtcField
from desk.core.customers.models import Customer

ORDER_STATUSES = ("unpaid", "paid", "shipped", "completed", "closed")


class Order(Stamped):
    customer = ForeignKeyField(Customer, backref="orders", on_delete="CASCADE")
    platform = CharField()
    order_no = CharField()  # text, always: 19-digit numbers must never pass through a float
    status = CharField()
    placed_at = UtcField()
    paid_at = UtcField(null=True)
    shipped_at = UtcField(null=True)
    completed_at = UtcField(null=True)
    amount_fen = FenField(default=0)
    shipping_fen = FenField(default=0)
    items = CharField(default="")
    carrier = CharField(default="")
    tracking_no = CharField(default="")
    receiver_name = CharField(default="")
    receiver_phone = CharField(default="")
    receiver_address = CharField(default="")
    buyer_message = CharField(default="")
    free_shipping = FlagField(default=True)
    source = CharField(default="manual")

    class Meta:
        table_name = "shop_order"


class OrderItem(BaseModel):
    order = ForeignKeyField(Order, backref="order_items", on_delete="CASCADE")
    title = CharField()
    sku = CharField(default="")
    quantity = IntegerField(default=1)
    price_fen = FenField(default=0)
