"""Who pays the return shipping: every combination against the shop's rule table."""

from __future__ import annotations

import itertools

import pytest

from desk.core.aftersales import shipping
from desk.core.aftersales.models import CASE_KINDS, RESPONSIBILITIES

# The table from the after-sales rules, written out independently of the code:
# (free shipping, the buyer is not to blame, return or exchange) ->
# (payer, refund covers the original shipping, words the sentence must contain)
EXPECTED = {
    (True, True, "return"): ("seller", True, ("shop pays", "full refund")),
    (True, True, "exchange"): ("seller_both", None, ("both ways", "pays it back")),
    (True, False, "return"): ("buyer", True, ("buyer pays", "full refund")),
    (True, False, "exchange"): ("buyer_return", None, ("buyer pays", "replacement free")),
    (False, True, "return"): ("seller", True, ("shop pays", "full refund")),
    (False, True, "exchange"): ("seller", None, ("shop pays the return shipping",)),
    (False, False, "return"): ("buyer", False, ("buyer pays", "item only")),
    (False, False, "exchange"): ("buyer_both", None, ("buyer pays shipping both ways",)),
}
GOES_BACK = {"return_refund": "return", "exchange": "exchange", "repair": "exchange"}


@pytest.mark.parametrize(("free", "responsibility", "kind"),
                         list(itertools.product((True, False), RESPONSIBILITIES, CASE_KINDS)))
def test_every_combination(free, responsibility, kind):
    rule = shipping.rule_for(free, responsibility, kind)
    assert shipping.payer_for(free, responsibility, kind) == rule.payer
    assert rule.payer in shipping.PAYERS
    if kind not in GOES_BACK:
        assert rule.payer == shipping.NOBODY
        assert rule.refund_includes_shipping is None
        assert "Nothing is sent back" in rule.template
        return
    shops_fault = responsibility != "buyer"
    payer, covers_shipping, words = EXPECTED[(free, shops_fault, GOES_BACK[kind])]
    assert rule.payer == payer
    assert rule.refund_includes_shipping is covers_shipping
    for w in words:
        assert w in rule.template
    assert shipping.sentence(rule.payer, False, free, responsibility, kind) == rule.template


def test_table_covers_every_cell_once():
    assert set(shipping.RULES) == set(EXPECTED)
    templates = [r.template for r in shipping.RULES.values()] + [shipping.NOTHING_SENT_BACK.template]
    assert len(set(templates)) == len(templates), "two cells share a sentence"


def test_carrier_and_supplier_faults_are_the_shops_towards_the_buyer():
    for who in ("seller", "carrier", "supplier"):
        assert shipping.payer_for(False, who, "return_refund") == "seller"
    assert shipping.payer_for(False, "buyer", "return_refund") == "buyer"


@pytest.mark.parametrize("payer", shipping.PAYERS)
def test_every_payer_has_an_override_sentence(payer):
    text = shipping.sentence(payer, True, True, "buyer", "return_refund")
    assert text.startswith("Set by hand")
    assert text == shipping.OVERRIDE_TEMPLATES[payer]


def test_every_kind_has_a_movement():
    assert set(shipping.MOVEMENT) == set(CASE_KINDS)
