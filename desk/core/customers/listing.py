"""The customer list and the follow-ups list, as lazy views read them."""

from __future__ import annotations

from datetime import datetime

from desk.core import timeutil
from desk.core.customers.risk import risk_codes_sql
from desk.core.listing import Filter, Listing

# A customer's tags as "name<US>colour" items joined by <RS>, in category order:
# the list shows them as coloured chips, and sorts by the same text.
TAGS_SQL = (
    "coalesce((SELECT group_concat(name || char(31) || color, char(30)) FROM"
    " (SELECT t.name AS name, coalesce(t.color, tc.color) AS color FROM customer_tag ct"
    " JOIN tag t ON t.id = ct.tag_id JOIN tag_category tc ON tc.id = t.category_id"
    " WHERE ct.customer_id = c.id ORDER BY tc.position, t.position, t.id) AS chips), '')"
)


def split_tags(value: str | None) -> list[tuple[str, str]]:
    """The tags column's value as (name, colour) pairs."""
    if not value:
        return []
    return [tuple(item.split("\x1f", 1)) if "\x1f" in item else (item, "#607d8b")
            for item in value.split("\x1e")]


CUSTOMERS = Listing(
    source="customer c",
    id_sql="c.id",
    fields={
        "nickname": "c.nickname",
        "platform": "c.platform",
        "lifecycle": "c.lifecycle",
        "tags": TAGS_SQL,
        "phone": "c.phone",
        "order_count": "c.order_count",
        "total_spent_fen": "c.total_spent_fen",
        "avg_order_fen": "(CASE WHEN c.paid_order_count > 0 THEN"
                         " (2 * c.total_spent_fen + c.paid_order_count) / (2 * c.paid_order_count)"
                         " ELSE 0 END)",
        "last_order_at": "c.last_order_at",
        "last_contact_at": "c.last_contact_at",
        "open_case_count": "c.open_case_count",
        "risk": risk_codes_sql("c"),
        "region": "c.region",
        "real_name": "c.real_name",
    },
    base_where="c.deleted_at IS NULL",
    default_sort="last_order_at",
    # Sorting by tags groups buyers by their first tag (tag ids follow the
    # categories' order); one covering-index probe per row instead of a join.
    sort_sql={"tags": "(SELECT min(ct.tag_id) FROM customer_tag ct WHERE ct.customer_id = c.id)"},
    # The search box's matches in the list's default order, read from a small
    # index (migration 0004) rather than from 5,000+ customer rows.
    by_id_source={"last_order_at": "customer c INDEXED BY customer_search_sort"},
    server_row_sql={"risk": risk_codes_sql("c", per_row=True)},
)


FOLLOWUPS_DUE = Listing(
    # Every follow-up has its customer: a LEFT JOIN, which SQLite leaves out of
    # the ids query when nothing reads `c` (the Today page at start-up).
    source="followup f LEFT JOIN customer c ON c.id = f.customer_id",
    id_sql="f.id",
    fields={
        "due_at": "f.due_at",
        "title": "f.title",
        "nickname": "c.nickname",
        "platform": "c.platform",
        "customer_id": "c.id",
    },
    base_where="f.done_at IS NULL"
               " AND f.customer_id NOT IN (SELECT id FROM customer WHERE deleted_at IS NOT NULL)",
    default_sort="due_at",
)


def due_by(moment: datetime) -> Filter:
    """Open follow-ups due at or before `moment` (overdue included)."""
    return Filter("f.due_at <= ?", (timeutil.to_epoch(moment),))
