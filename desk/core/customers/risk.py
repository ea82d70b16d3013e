"""Which buyers are risky, as SQL the customer list can sort and filter on.
Kept apart from figures.py so the list's definition loads without the
after-sales models (it is on the start-up path)."""

from __future__ import annotations

# Risk thresholds: after-sales cases per paid order, from this many cases on.
AFTERSALES_RATE = 0.3
AFTERSALES_MIN_CASES = 2
# Orders placed and closed without ever being paid (拍下不买).
NEVER_PAID_MIN = 2
# A tag with this name marks a buyer who may leave a bad review (差评风险);
# any other tag in the risk category is a risk the shop named itself (砍价型,
# 挑剔型…), flagged as such and never as a review.
BAD_REVIEW_TAG = "差评型"
RISK_CATEGORY = "风险"

RISK_AFTERSALES = "aftersales"
RISK_REVIEW = "review_risk"
RISK_TAGGED = "risk_tag"
RISK_NEVER_PAYS = "never_pays"


def risk_codes_sql(alias: str = "c", per_row: bool = False) -> str:
    """A SQL expression over customer `alias` giving its risk codes joined by
    commas ('' for none), for a list column or a filter.

    `per_row`: the same codes, worded for a few rows picked by id (a page of
    the list): a PostgreSQL server runs an EXISTS over every customer's tags
    once (a hashed subplan, right for sorting or filtering the whole table,
    but about 10 ms for a page of 100 rows), a subquery with LIMIT 1 per row."""
    def tag_exists(condition: str) -> str:
        query = (f"SELECT 1 FROM customer_tag ct JOIN tag t ON t.id = ct.tag_id"
                 f" JOIN tag_category tc ON tc.id = t.category_id WHERE ct.customer_id = {alias}.id"
                 f" AND {condition}")
        return f"({query} LIMIT 1) IS NOT NULL" if per_row else f"EXISTS ({query})"

    parts = [
        f"CASE WHEN {alias}.case_count >= {AFTERSALES_MIN_CASES} AND {alias}.case_count >="
        f" {AFTERSALES_RATE} * {alias}.paid_order_count THEN '{RISK_AFTERSALES}' END",
        f"CASE WHEN {tag_exists(f't.name = {BAD_REVIEW_TAG!r}')} THEN '{RISK_REVIEW}' END",
        f"CASE WHEN {tag_exists(f'tc.name = {RISK_CATEGORY!r} AND t.name <> {BAD_REVIEW_TAG!r}')}"
        f" THEN '{RISK_TAGGED}' END",
        f"CASE WHEN {alias}.unpaid_count >= {NEVER_PAID_MIN} THEN '{RISK_NEVER_PAYS}' END",
    ]
    return "rtrim(" + " || ".join(f"coalesce({p} || ',', '')" for p in parts) + ", ',')"
