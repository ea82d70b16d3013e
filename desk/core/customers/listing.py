"""The customer list and the follow-ups list, as lazy views read them."""

from __future__ import annotations

from datetime import datetime

from desk.core import timeutil
from desk.core.customers import search
from desk.core.listing import Filter, Listing

CUSTOMERS = Listing(
    source="customer c",
    id_sql="c.id",
    fields={
        "nickname": "c.nickname",
        "platform": "c.platform",
        "lifecycle": "c.lifecycle",
        "phone": "c.phone",
        "order_count": "c.order_count",
        "total_spent_fen": "c.total_spent_fen",
        "last_order_at": "c.last_order_at",
        "open_case_count": "c.open_case_count",
        "region": "c.region",
    },
    base_where="c.deleted_at IS NULL",
    default_sort="last_order_at",
)


def search_filter(query: str) -> Filter | None:
    """The search box: see desk.core.customers.search for what a query matches."""
    return search.search_filter(query)


FOLLOWUPS_DUE = Listing(
    source="followup f JOIN customer c ON c.id = f.customer_id",
    id_sql="f.id",
    fields={
        "due_at": "f.due_at",
        "title": "f.title",
        "nickname": "c.nickname",
        "platform": "c.platform",
        "customer_id": "c.id",
    },
    base_where="f.done_at IS NULL AND c.deleted_at IS NULL",
    default_sort="due_at",
)


def due_by(moment: datetime) -> Filter:
    """Open follow-ups due at or before `moment` (overdue included)."""
    return Filter("f.due_at <= ?", (timeutil.to_epoch(moment),))
