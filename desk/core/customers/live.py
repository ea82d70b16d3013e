"""The check every write on a customer starts with: the customer is there and not in the trash."""

from __future__ import annotations

from desk.core.customers.models import Customer
from desk.core.errors import QT_TRANSLATE_NOOP, UserError


def live_customer(customer_id: int) -> Customer:
    """The customer, refusing one that is gone or in the trash."""
    customer = Customer.get_or_none(Customer.id == customer_id)
    if customer is None:
        raise UserError(QT_TRANSLATE_NOOP("UserError", "This customer no longer exists."))
    if customer.deleted_at is not None:
        raise UserError(QT_TRANSLATE_NOOP("UserError", "\"{nickname}\" is in the trash; restore them "
                                          "first."), nickname=customer.nickname)
    return customer
