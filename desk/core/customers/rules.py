"""Rules of the customer file that follow from a buyer's orders."""

from __future__ import annotations

from collections.abc import Iterable


def lifecycle_from_orders(statuses: Iterable[str]) -> str:
    """The lifecycle group a buyer's order statuses put them in.

    An unpaid order to chase wins; then goods on their way; then any order
    that went through makes them a customer; otherwise they only asked.
    """
    seen = set(statuses)
    if "unpaid" in seen:
        return "unpaid"
    if "shipped" in seen or "paid" in seen:
        return "shipped"
    if "completed" in seen:
        return "customer"
    return "inquiry"
