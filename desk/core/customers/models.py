"""Tables of the customer file."""

from __future__ import annotations

from peewee import CharField, CompositeKey, ForeignKeyField, IntegerField, TextField

from desk.core import timeutil
from desk.core.base import BaseModel, FenField, FlagField, Stamped, UtcField

# A buyer moves through these as their orders do (unless set by hand).
LIFECYCLES = ("inquiry", "unpaid", "shipped", "customer")


class Customer(Stamped):
    platform = CharField()
    nickname = CharField()
    real_name = CharField(default="")
    phone = CharField(default="")
    region = CharField(default="")
    lifecycle = CharField(default="inquiry")
    lifecycle_manual = FlagField(default=False)
    nickname_py = CharField(default="")
    nickname_abbr = CharField(default="")
    real_name_py = CharField(default="")
    real_name_abbr = CharField(default="")
    order_count = IntegerField(default=0)
    paid_order_count = IntegerField(default=0)
    unpaid_count = IntegerField(default=0)
    total_spent_fen = FenField(default=0)
    first_order_at = UtcField(null=True)
    last_order_at = UtcField(null=True)
    last_contact_at = UtcField(null=True)
    case_count = IntegerField(default=0)
    open_case_count = IntegerField(default=0)
    source = CharField(default="manual")
    deleted_at = UtcField(null=True)


class Address(Stamped):
    customer = ForeignKeyField(Customer, backref="addresses", on_delete="CASCADE")
    receiver = CharField(default="")
    phone = CharField(default="")
    province = CharField(default="")
    city = CharField(default="")
    district = CharField(default="")
    detail = CharField(default="")
    is_default = FlagField(default=False)


class TagCategory(Stamped):
    name = CharField(unique=True)
    color = CharField(default="#607d8b")
    position = IntegerField(default=0)


class Tag(Stamped):
    category = ForeignKeyField(TagCategory, backref="tags", on_delete="CASCADE")
    name = CharField(unique=True)
    color = CharField(null=True)
    description = CharField(default="")
    position = IntegerField(default=0)
    name_py = CharField(default="")
    name_abbr = CharField(default="")


class CustomerTag(BaseModel):
    customer = ForeignKeyField(Customer, on_delete="CASCADE")
    tag = ForeignKeyField(Tag, on_delete="CASCADE")
    created_at = UtcField(default=timeutil.now)

    class Meta:
        primary_key = CompositeKey("customer", "tag")
        without_rowid = True


class Note(Stamped):
    customer = ForeignKeyField(Customer, backref="notes", on_delete="CASCADE")
    body = TextField()
    pinned = FlagField(default=False)
    # deferred: orders and cases are defined in their own pillars
    order_id = IntegerField(null=True)
    case_id = IntegerField(null=True)
    deleted_at = UtcField(null=True)
    staff = CharField(default="")  # who wrote it


class Followup(Stamped):
    customer = ForeignKeyField(Customer, backref="followups", on_delete="CASCADE")
    case_id = IntegerField(null=True)
    title = CharField()
    due_at = UtcField()
    done_at = UtcField(null=True)
    notified_at = UtcField(null=True)
    staff = CharField(default="")  # who set it
    done_by = CharField(default="")  # who marked it done
