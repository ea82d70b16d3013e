"""Customer list filters and saved views."""

from __future__ import annotations

import pytest

from desk.core.customers import views
from desk.core.customers.listing import CUSTOMERS
from desk.core.customers.views import CustomerFilters, ViewState
from desk.core.errors import UserError


def test_filters_survive_a_json_round_trip():
    f = CustomerFilters(platforms=("jd",), lifecycles=("unpaid",), tag_ids=(3, 4), tag_mode="all",
                        spend_min_fen=100, orders_max=5, open_case=True, risky=True,
                        last_order_from=1_700_000_000)
    state = ViewState(f, "小雨", "total_spent_fen", False)
    assert ViewState.from_json(state.to_json()) == state
    assert CustomerFilters().to_json() == {}


@pytest.mark.parametrize("text", ["", "null", "[]", "{not json", '"x"', '{"filters": 5}',
                                  '{"filters": {"platforms": "jd", "tag_ids": [1, "x", true],'
                                  ' "tag_mode": "most", "orders_min": "2", "open_case": 1,'
                                  ' "spend_min_fen": 1e400, "zzz": 1}, "search": 7}'])
def test_a_damaged_view_reads_as_no_filter(text):
    state = ViewState.from_json(text)
    assert state.search == ""
    assert state.filters.platforms == () and state.filters.tag_mode == "any"
    assert state.filters.orders_min is None and state.filters.open_case is False
    assert state.filters.tag_ids in ((), (1,))


def test_unknown_platforms_are_dropped():
    f = CustomerFilters.from_json({"platforms": ["jd", "amazon"], "lifecycles": ["vip"]})
    assert f.platforms == ("jd",) and f.lifecycles == ()


def test_every_filter_is_valid_sql(shop):
    a = shop.customer("甲", platform="jd")
    shop.order(a, amount_fen=50_000)
    from desk.core.customers.figures import recompute_figures
    recompute_figures([a])
    f = CustomerFilters(platforms=("jd",), lifecycles=("customer",), tag_ids=(shop.tag_id("VIP"),),
                        tag_mode="none", spend_min_fen=10_000, spend_max_fen=60_000, orders_min=1,
                        orders_max=3, last_order_from=0, last_order_to=2 ** 40)
    assert list(CUSTOMERS.ids(f.sql())) == [a]
    for mode in ("any", "all"):
        assert list(CUSTOMERS.ids(CustomerFilters(tag_ids=(shop.tag_id("VIP"),), tag_mode=mode).sql())) == []
    assert list(CUSTOMERS.ids(CustomerFilters(open_case=True, followup_due=True, risky=True).sql())) == []


def test_save_replace_and_delete_a_view(shop):
    state = ViewState(CustomerFilters(open_case=True))
    first = views.save_view("  售后中  ", state)
    assert [(v.id, v.name) for v in views.saved_views()] == [(first, "售后中")]
    again = views.save_view("售后中", ViewState(CustomerFilters(risky=True)))
    assert again == first and views.saved_views()[0].state.filters.risky
    assert views.delete_view(first).filters.risky
    assert views.saved_views() == [] and views.delete_view(first) is None


@pytest.mark.parametrize("name", ["", "   ", "\x00\x07", "长" * 41])
def test_view_names_are_checked(shop, name):
    with pytest.raises(UserError):
        views.save_view(name, ViewState())
    assert views.saved_views() == []


def test_presets_are_valid():
    keys = [p.key for p in views.PRESETS]
    assert len(set(keys)) == len(keys) and all(p.preset for p in views.PRESETS)
    for p in views.PRESETS:
        assert p.state.sort in CUSTOMERS.fields
