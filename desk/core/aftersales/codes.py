"""The codes an after-sales case is described by, apart from the tables, so
lists and filters can name them without defining the models (the Today page
reads them at start-up)."""

from __future__ import annotations

CASE_KINDS = ("refund_only", "return_refund", "exchange", "reissue", "repair", "compensation")
RESPONSIBILITIES = ("seller", "buyer", "carrier", "supplier")
CASE_STATUSES = (
    "new", "handling", "awaiting_return", "returning", "received", "processing",
    "done", "rejected", "closed",
)
OPEN_STATUSES = CASE_STATUSES[:6]
EVIDENCE_KINDS = ("damage", "package", "slip", "chat", "other")
