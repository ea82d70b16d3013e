"""Every table, in one place, for counts, checks and the schema test."""

from __future__ import annotations

from desk.core.aftersales.models import Case, CaseEvent, CaseItem, DeadlineRule, Evidence, Reason
from desk.core.appdata import ImportPreset, SavedView, Setting
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

ALL_MODELS = (
    Setting, Customer, Address, TagCategory, Tag, CustomerTag, Order, OrderItem,
    Reason, Case, CaseItem, CaseEvent, Evidence, DeadlineRule, Note, Followup,
    ReplyGroup, Reply, SavedView, ImportPreset,
)
