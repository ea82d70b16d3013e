"""The after-sales case list, as lazy views read it."""

from __future__ import annotations

from desk.core.listing import Listing

CASES = Listing(
    source="aftersales_case a JOIN customer c ON c.id = a.customer_id"
           " LEFT JOIN shop_order o ON o.id = a.order_id",
    id_sql="a.id",
    fields={
        "case_no": "a.case_no",
        "nickname": "c.nickname",
        "order_no": "o.order_no",
        "kind": "a.kind",
        "reason": "(SELECT name FROM aftersales_reason r WHERE r.code = a.reason)",
        "status": "a.status",
        "handler": "a.handler",
        "refund_fen": "a.refund_fen",
        "opened_at": "a.opened_at",
        "next_deadline_at": "a.next_deadline_at",
    },
    base_where="a.deleted_at IS NULL",
    default_sort="opened_at",
)
