"""The after-sales case list, as lazy views (and the CLI) read it."""

from __future__ import annotations

from desk.core.listing import Listing

CASES = Listing(
    # customer, shop_order and aftersales_reason are joined on unique keys, so SQLite
    # leaves them out of the id query unless a filter or the sort needs them.
    source="aftersales_case a LEFT JOIN customer c ON c.id = a.customer_id"
           " LEFT JOIN shop_order o ON o.id = a.order_id"
           " LEFT JOIN aftersales_reason r ON r.code = a.reason",
    id_sql="a.id",
    fields={
        "case_no": "a.case_no",
        "nickname": "c.nickname",
        "order_no": "o.order_no",
        "kind": "a.kind",
        "reason": "coalesce(shown_name('reason', r.code, r.name), a.reason)",
        "status": "a.status",
        "handler": "a.handler",
        "amount_fen": "a.refund_fen + a.compensation_fen",
        "refund_fen": "a.refund_fen",
        "opened_at": "a.opened_at",
        "next_deadline_at": "a.next_deadline_at",
        "next_deadline_key": "a.next_deadline_key",
        "platform": "a.platform",
        "responsibility": "a.responsibility",
        "tracking_no": "coalesce(nullif(a.return_tracking_no, ''), nullif(a.reissue_tracking_no, ''),"
                       " o.tracking_no)",
        "customer_id": "a.customer_id",
    },
    # A trashed buyer's cases leave the list with them (as they leave the due
    # counts). Said without `c`, so the ids query needs no customer row per case:
    # every case has its customer, and SQLite drops a LEFT JOIN nothing reads
    # (the Today page's due cases: one lookup in the few trashed buyers'
    # ids instead of a customer row per case, 3x faster on a cold cache).
    base_where="a.deleted_at IS NULL"
               " AND a.customer_id NOT IN (SELECT id FROM customer WHERE deleted_at IS NOT NULL)",
    default_sort="opened_at",
    # Cases without a deadline (settled ones) come last whichever way the
    # deadline column is sorted: the direction is appended to the last term.
    sort_sql={"next_deadline_at": "(a.next_deadline_at IS NULL), a.next_deadline_at"},
)
