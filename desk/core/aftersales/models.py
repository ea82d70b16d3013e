"""Tables of the after-sales register."""

from __future__ import annotations

from peewee import CharField, ForeignKeyField, IntegerField, TextField

from desk.core.aftersales.codes import (  # noqa: F401 - part of this module's interface
    CASE_KINDS,
    CASE_STATUSES,
    EVIDENCE_KINDS,
    OPEN_STATUSES,
    RESPONSIBILITIES,
)
from desk.core.base import BaseModel, FenField, FlagField, Stamped, UtcField
from desk.core.customers.models import Customer
from desk.core.orders.models import Order, OrderItem


class Reason(BaseModel):
    code = CharField(unique=True)
    name = CharField()
    is_quality = FlagField(default=False)
    position = IntegerField(default=0)
    active = FlagField(default=True)
    no_reason = FlagField(default=False)  # a 7-day no-reason return (migration 0007)

    class Meta:
        table_name = "aftersales_reason"


class Case(Stamped):
    case_no = CharField(unique=True)
    customer = ForeignKeyField(Customer, backref="cases", on_delete="CASCADE")
    order = ForeignKeyField(Order, null=True, backref="cases", on_delete="SET NULL")
    platform = CharField()
    kind = CharField()
    reason = CharField()
    responsibility = CharField(default="seller")
    status = CharField(default="new")
    handler = CharField(default="")
    items = CharField(default="")
    refund_fen = FenField(default=0)
    compensation_fen = FenField(default=0)
    shipping_fen = FenField(default=0)
    platform_refund_no = CharField(default="")
    free_shipping = FlagField(default=True)
    no_reason_return = FlagField(default=False)
    shipping_payer = CharField(default="")
    shipping_payer_override = FlagField(default=False)
    description = TextField(default="")
    return_carrier = CharField(default="")
    return_tracking_no = CharField(default="")
    return_by_surface = FlagField(default=False)
    reissue_carrier = CharField(default="")
    reissue_tracking_no = CharField(default="")
    opened_at = UtcField()
    status_changed_at = UtcField()
    first_response_at = UtcField(null=True)
    closed_at = UtcField(null=True)
    next_deadline_at = UtcField(null=True)
    next_deadline_key = CharField(default="")
    notified_deadline_at = UtcField(null=True)  # the deadline last announced in the tray
    deleted_at = UtcField(null=True)

    class Meta:
        table_name = "aftersales_case"


class CaseItem(BaseModel):
    case = ForeignKeyField(Case, backref="case_items", on_delete="CASCADE")
    order_item = ForeignKeyField(OrderItem, null=True, on_delete="SET NULL")
    title = CharField()
    quantity = IntegerField(default=1)


class CaseEvent(BaseModel):
    case = ForeignKeyField(Case, backref="events", on_delete="CASCADE")
    at = UtcField()
    kind = CharField(default="status")
    old_status = CharField(default="")
    new_status = CharField(default="")
    handler = CharField(default="")
    comment = TextField(default="")
    staff = CharField(default="")  # the staff name of the seat that wrote it


class Evidence(BaseModel):
    case = ForeignKeyField(Case, backref="evidence", on_delete="CASCADE")
    sha256 = CharField()
    ext = CharField()
    kind = CharField(default="other")
    caption = CharField(default="")
    original_name = CharField(default="")
    size_bytes = IntegerField(default=0)
    width = IntegerField(default=0)
    height = IntegerField(default=0)
    added_at = UtcField()
    deleted_at = UtcField(null=True)


class DeadlineRule(Stamped):
    platform = CharField()
    key = CharField()
    start_status = CharField()
    condition = CharField(default="")
    hours = IntegerField()
    active = FlagField(default=True)
    position = IntegerField(default=0)

    class Meta:
        indexes = ((("platform", "key"), True),)
