"""Every table, in one place, for counts, checks and the schema test."""

from __future__ import annotations

from peewee import CharField, IntegerField, TextField

from desk.core.aftersales.models import Case, CaseEvent, CaseItem, DeadlineRule, Evidence, Reason
from desk.core.base import BaseModel, FlagField, Stamped, UtcField
from desk.core.customers.models import (
    Address,
    Customer,
    CustomerTag,
    Followup,
    Note,
    Tag,
    TagCategory,
)
from desk.core.orders.models import Order, OrderItem
from desk.core.replies.models import Reply, ReplyGroup


class Setting(BaseModel):
    key = CharField(primary_key=True)
    value = TextField()
    updated_at = UtcField()


class SavedView(Stamped):
    page = CharField()
    name = CharField()
    state = TextField()
    builtin = FlagField(default=False)
    position = IntegerField(default=0)


class ImportPreset(Stamped):
    name = CharField(unique=True)
    platform = CharField()
    mapping = TextField()


ALL_MODELS = (
    Setting, Customer, Address, TagCategory, Tag, CustomerTag, Order, OrderItem,
    Reason, Case, CaseItem, CaseEvent, Evidence, DeadlineRule, Note, Followup,
    ReplyGroup, Reply, SavedView, ImportPreset,
)
