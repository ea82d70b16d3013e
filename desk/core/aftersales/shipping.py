"""Who pays the return shipping: the shop's rule table, kept as data.

The table follows the after-sales rules shops work by: whether the item was
sold with free shipping (包邮), whether the fault is the shop's side (a quality
problem, a wrong or damaged item: anyone but the buyer is responsible), and
whether the buyer wants their money back or a replacement. The case stores
the payer the rule gives, or the one the user chose instead (an override).
"""

from __future__ import annotations

from dataclasses import dataclass

from desk.core.errors import QT_TRANSLATE_NOOP

# Payer codes stored in aftersales_case.shipping_payer.
SELLER = "seller"              # the shop pays the return leg
SELLER_BOTH = "seller_both"    # the shop pays both ways (reimburses the buyer's return fee)
BUYER = "buyer"                # the buyer pays the return leg
BUYER_RETURN = "buyer_return"  # the buyer pays the return leg, the shop sends the replacement free
BUYER_BOTH = "buyer_both"      # the buyer pays both ways
NOBODY = "none"                # nothing is sent back
PAYERS = (SELLER, SELLER_BOTH, BUYER, BUYER_RETURN, BUYER_BOTH, NOBODY)

# What travels back for each kind of case.
RETURN, EXCHANGE, NO_RETURN = "return", "exchange", "none"
MOVEMENT = {
    "return_refund": RETURN,
    "exchange": EXCHANGE,
    "repair": EXCHANGE,  # the item goes back and comes back, as in an exchange
    "refund_only": NO_RETURN,
    "reissue": NO_RETURN,
    "compensation": NO_RETURN,
}


@dataclass(frozen=True)
class ShippingRule:
    """`payer` is one of PAYERS; `template` a plain sentence for the form, marked
    for translation in context "Shipping"; `refund_includes_shipping` says
    whether a refund covers the original shipping fee too (None: no refund)."""

    payer: str
    template: str
    refund_includes_shipping: bool | None


# (free shipping, shop's fault, movement) -> rule
RULES: dict[tuple[bool, bool, str], ShippingRule] = {
    (True, True, RETURN): ShippingRule(SELLER, QT_TRANSLATE_NOOP(
        "Shipping", "The shop pays the buyer's return shipping, and the buyer gets a full refund."),
        True),
    (True, True, EXCHANGE): ShippingRule(SELLER_BOTH, QT_TRANSLATE_NOOP(
        "Shipping", "The shop pays shipping both ways: the buyer pays the return fee first and the "
                    "shop pays it back."), None),
    (True, False, RETURN): ShippingRule(BUYER, QT_TRANSLATE_NOOP(
        "Shipping", "The buyer pays the return shipping, and gets a full refund."), True),
    (True, False, EXCHANGE): ShippingRule(BUYER_RETURN, QT_TRANSLATE_NOOP(
        "Shipping", "The buyer pays to send the item back; the shop sends the replacement free."),
        None),
    (False, True, RETURN): ShippingRule(SELLER, QT_TRANSLATE_NOOP(
        "Shipping", "The shop pays the return shipping, and the buyer gets a full refund."), True),
    (False, True, EXCHANGE): ShippingRule(SELLER, QT_TRANSLATE_NOOP(
        "Shipping", "The shop pays the return shipping."), None),
    (False, False, RETURN): ShippingRule(BUYER, QT_TRANSLATE_NOOP(
        "Shipping", "The buyer pays the return shipping; the refund covers the item only, not the "
                    "original shipping fee."), False),
    (False, False, EXCHANGE): ShippingRule(BUYER_BOTH, QT_TRANSLATE_NOOP(
        "Shipping", "The buyer pays shipping both ways."), None),
}

NOTHING_SENT_BACK = ShippingRule(NOBODY, QT_TRANSLATE_NOOP(
    "Shipping", "Nothing is sent back, so there is no return shipping to pay."), None)

# Sentences for a payer the user chose by hand.
OVERRIDE_TEMPLATES = {
    SELLER: QT_TRANSLATE_NOOP("Shipping", "Set by hand: the shop pays the return shipping."),
    SELLER_BOTH: QT_TRANSLATE_NOOP("Shipping", "Set by hand: the shop pays shipping both ways."),
    BUYER: QT_TRANSLATE_NOOP("Shipping", "Set by hand: the buyer pays the return shipping."),
    BUYER_RETURN: QT_TRANSLATE_NOOP("Shipping", "Set by hand: the buyer pays to send the item back; "
                                                "the shop sends the replacement free."),
    BUYER_BOTH: QT_TRANSLATE_NOOP("Shipping", "Set by hand: the buyer pays shipping both ways."),
    NOBODY: QT_TRANSLATE_NOOP("Shipping", "Set by hand: nobody pays return shipping."),
}


def shop_at_fault(responsibility: str) -> bool:
    """The rules' "quality problem": the buyer is not to blame. A carrier's or a
    supplier's fault is the shop's towards the buyer (the shop claims from them)."""
    return responsibility != "buyer"


def rule_for(free_shipping: bool, responsibility: str, kind: str) -> ShippingRule:
    """The rule for a case; kinds where nothing goes back have no return shipping."""
    movement = MOVEMENT[kind]
    if movement == NO_RETURN:
        return NOTHING_SENT_BACK
    return RULES[(bool(free_shipping), shop_at_fault(responsibility), movement)]


def payer_for(free_shipping: bool, responsibility: str, kind: str) -> str:
    return rule_for(free_shipping, responsibility, kind).payer


def sentence(payer: str, override: bool, free_shipping: bool, responsibility: str,
             kind: str) -> str:
    """The template to show for a case's stored payer (English; the UI translates
    it in context "Shipping")."""
    if override:
        return OVERRIDE_TEMPLATES[payer]
    return rule_for(free_shipping, responsibility, kind).template
