"""A buyer's figures and lifecycle group from their orders and cases, and risk flags.

The figures are stored on the customer row so a list of 100,000 can sort on
them; recompute_figures() brings them up to date in one UPDATE for any number
of customers.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from desk.core import changes, timeutil
from desk.core.aftersales.models import OPEN_STATUSES
from desk.core.base import database
from desk.core.customers import fields
from desk.core.customers.models import LIFECYCLES
from desk.core.customers.risk import (  # noqa: F401 - part of this module's interface
    AFTERSALES_MIN_CASES,
    AFTERSALES_RATE,
    BAD_REVIEW_TAG,
    NEVER_PAID_MIN,
    RISK_AFTERSALES,
    RISK_CATEGORY,
    RISK_NEVER_PAYS,
    RISK_REVIEW,
    RISK_TAGGED,
    risk_codes_sql,
)
from desk.core.errors import QT_TRANSLATE_NOOP, UserError
from desk.core.history import Step

_PAID = "o.paid_at IS NOT NULL AND o.status <> 'closed'"
_OPEN = ", ".join(f"'{s}'" for s in OPEN_STATUSES)

# The same rule as rules.lifecycle_from_orders, as SQL over one customer's orders
# (a test checks the two agree for every combination of statuses).
_LIFECYCLE_SQL = """CASE
    WHEN EXISTS (SELECT 1 FROM shop_order o WHERE o.customer_id = customer.id
                 AND o.status = 'unpaid') THEN 'unpaid'
    WHEN EXISTS (SELECT 1 FROM shop_order o WHERE o.customer_id = customer.id
                 AND o.status IN ('shipped', 'paid')) THEN 'shipped'
    WHEN EXISTS (SELECT 1 FROM shop_order o WHERE o.customer_id = customer.id
                 AND o.status = 'completed') THEN 'customer'
    ELSE 'inquiry' END"""

_RECOMPUTE = f"""
UPDATE customer SET
  (order_count, paid_order_count, unpaid_count, total_spent_fen, first_order_at, last_order_at) =
  (SELECT count(*),
          coalesce(sum(CASE WHEN {_PAID} THEN 1 ELSE 0 END), 0),
          coalesce(sum(CASE WHEN o.status = 'closed' AND o.paid_at IS NULL THEN 1 ELSE 0 END), 0),
          coalesce(sum(CASE WHEN {_PAID} THEN o.amount_fen ELSE 0 END), 0),
          min(o.placed_at), max(o.placed_at)
     FROM shop_order o WHERE o.customer_id = customer.id),
  (case_count, open_case_count) =
  (SELECT count(*), coalesce(sum(CASE WHEN a.status IN ({_OPEN}) THEN 1 ELSE 0 END), 0)
     FROM aftersales_case a WHERE a.customer_id = customer.id AND a.deleted_at IS NULL),
  lifecycle = CASE WHEN lifecycle_manual = 1 THEN lifecycle ELSE {_LIFECYCLE_SQL} END
WHERE id IN (SELECT value FROM json_each(?))
"""


def recompute_figures(customer_ids: Iterable[int]) -> None:
    """Order and case figures, and the lifecycle group unless it was set by
    hand, recomputed from the orders and cases. Not an edit: updated_at stays."""
    ids = fields.id_list(customer_ids)
    if not ids:
        return
    with changes.write(database) as pending:
        database.execute_sql(_RECOMPUTE, (fields.ids_param(ids),))
        pending.add("customer", ids)


def set_lifecycle(customer_ids: Iterable[int], group: str) -> None:
    """Put customers in a lifecycle group by hand; orders no longer move them."""
    if group not in LIFECYCLES:
        raise UserError(QT_TRANSLATE_NOOP("UserError", "Unknown lifecycle group \"{group}\"."),
                        group=str(group)[:40])
    ids = fields.id_list(customer_ids)
    with changes.write(database) as pending:
        database.execute_sql(
            "UPDATE customer SET lifecycle = ?, lifecycle_manual = 1, updated_at = ?"
            " WHERE id IN (SELECT value FROM json_each(?))",
            (group, timeutil.to_epoch(timeutil.now()), fields.ids_param(ids)))
        pending.add("customer", ids)


def clear_manual_lifecycle(customer_ids: Iterable[int]) -> None:
    """Let the orders decide the lifecycle group again (recomputed at once)."""
    ids = fields.id_list(customer_ids)
    with changes.write(database) as pending:
        database.execute_sql(
            "UPDATE customer SET lifecycle_manual = 0, updated_at = ?"
            " WHERE lifecycle_manual = 1 AND id IN (SELECT value FROM json_each(?))",
            (timeutil.to_epoch(timeutil.now()), fields.ids_param(ids)))
        recompute_figures(ids)
        pending.add("customer", ids)



def lifecycle_states(customer_ids: Iterable[int]) -> list[tuple[int, str, bool]]:
    """(id, group, set by hand) of each customer: what undoing a group change puts back."""
    ids = fields.id_list(customer_ids)
    rows = database.execute_sql(
        "SELECT id, lifecycle, lifecycle_manual FROM customer"
        " WHERE id IN (SELECT value FROM json_each(?)) ORDER BY id", (fields.ids_param(ids),))
    return [(cid, group, bool(manual)) for cid, group, manual in rows]


def restore_lifecycles(states: Iterable[tuple[int, str, bool]]) -> None:
    """Put back groups read by lifecycle_states(); automatic ones are recomputed
    from the orders as they are now. Customers gone since are skipped."""
    states = list(states)
    manual = [(cid, group) for cid, group, by_hand in states if by_hand]
    automatic = [cid for cid, _group, by_hand in states if not by_hand]
    with changes.write(database) as pending:
        now = timeutil.to_epoch(timeutil.now())
        for cid, group in manual:
            if group in LIFECYCLES:
                database.execute_sql("UPDATE customer SET lifecycle = ?, lifecycle_manual = 1,"
                                     " updated_at = ? WHERE id = ?", (group, now, cid))
        if automatic:
            database.execute_sql(
                "UPDATE customer SET lifecycle_manual = 0, updated_at = ?"
                " WHERE id IN (SELECT value FROM json_each(?))", (now, fields.ids_param(automatic)))
            recompute_figures(automatic)
        pending.add("customer", [cid for cid, _g, _m in states])


def set_lifecycle_step(customer_ids: Iterable[int], group: str | None) -> tuple[None, Step]:
    """Put customers in a group by hand (group None: back to following their
    orders), with the step that gives each customer back the group it had and
    whether that was set by hand."""
    ids = fields.id_list(customer_ids)

    def change() -> None:
        if group is None:
            clear_manual_lifecycle(ids)
        else:
            set_lifecycle(ids, group)

    with changes.write(database):
        before = lifecycle_states(ids)
        change()
    label = f"Group {group} for {len(ids)} customer(s)" if group else "Groups follow the orders again"
    return None, Step(label, undo=lambda: restore_lifecycles(before), redo=change, entity="customer")


# -- risk flags -----------------------------------------------------------------

def risk_flags_for(customer_ids: Iterable[int]) -> dict[int, list[str]]:
    """Risk codes of many customers in one query (every id given is a key)."""
    ids = fields.id_list(customer_ids)
    out: dict[int, list[str]] = {i: [] for i in ids}
    rows = database.execute_sql(
        f"SELECT c.id, {risk_codes_sql('c')} FROM customer c"
        " WHERE c.id IN (SELECT value FROM json_each(?))", (fields.ids_param(ids),))
    for cid, codes in rows:
        out[cid] = codes.split(",") if codes else []
    return out


@dataclass(frozen=True)
class RiskFlag:
    """`template` is marked for translation (context "RiskFlag"), `values` fill it; `reason` is the
    English text (the UI shows the translation on hover)."""

    code: str
    template: str
    values: dict

    @property
    def reason(self) -> str:
        return self.template.format(**self.values)


def risk_flags(customer_id: int) -> list[RiskFlag]:
    """A customer's risk flags with the reason for each, from their history."""
    row = database.execute_sql(
        "SELECT case_count, paid_order_count, unpaid_count FROM customer WHERE id = ?",
        (customer_id,)).fetchone()
    if row is None:
        return []
    cases, paid, unpaid = row
    flags = []
    if cases >= AFTERSALES_MIN_CASES and cases >= AFTERSALES_RATE * paid:
        flags.append(RiskFlag(RISK_AFTERSALES, QT_TRANSLATE_NOOP(
            "RiskFlag", "{cases} after-sales cases for {paid} paid orders."),
            {"cases": cases, "paid": paid}))
    tags = database.execute_sql(
        "SELECT t.name FROM customer_tag ct JOIN tag t ON t.id = ct.tag_id"
        " JOIN tag_category tc ON tc.id = t.category_id WHERE ct.customer_id = ?"
        " AND (t.name = ? OR tc.name = ?) ORDER BY tc.position, t.position, t.id",
        (customer_id, BAD_REVIEW_TAG, RISK_CATEGORY)).fetchall()
    if any(name == BAD_REVIEW_TAG for (name,) in tags):
        flags.append(RiskFlag(RISK_REVIEW, QT_TRANSLATE_NOOP(
            "RiskFlag", "Tagged {tags}: may leave a bad review."), {"tags": BAD_REVIEW_TAG}))
    others = [name for (name,) in tags if name != BAD_REVIEW_TAG]
    if others:
        flags.append(RiskFlag(RISK_TAGGED, QT_TRANSLATE_NOOP("RiskFlag", "Tagged {tags}."),
                              {"tags": ", ".join(others)}))
    if unpaid >= NEVER_PAID_MIN:
        flags.append(RiskFlag(RISK_NEVER_PAYS, QT_TRANSLATE_NOOP(
            "RiskFlag", "{count} orders placed and never paid."), {"count": unpaid}))
    return flags
