"""Merging two customers and deleting a saved view return their own undo
(desk.core.history.Step). Each is made, undone, redone and undone again, and
every table must hold exactly the state before or after each time (only the
stamps every save moves on, when, who and version, and when a tag was given,
may differ)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from desk.core import timeutil
from desk.core.customers import figures, followups, merge, notes, service, tags
from desk.core.customers.views import (
    CustomerFilters,
    ViewState,
    delete_view_step,
    save_view,
    saved_views,
)
from desk.core.errors import UserError
from tests.core.history_checks import STAMPS, back_and_forth, table_rows

NOW = datetime(2024, 6, 1, 9, 0, tzinfo=UTC)
TABLES = {"customer": STAMPS, "shop_order": STAMPS, "aftersales_case": STAMPS, "note": STAMPS,
          "followup": STAMPS, "address": STAMPS, "customer_tag": ("created_at",),
          "saved_view": STAMPS}


def state() -> dict[str, list[tuple]]:
    return table_rows(TABLES)


@pytest.fixture
def pair(shop, monkeypatch):
    monkeypatch.setattr(timeutil, "now", lambda: NOW)
    keep = shop.customer("小雨点点", "taobao", phone="13812345678")
    drop = shop.customer("小雨点点", "pdd", real_name="王芳", phone="13900001111")
    service.add_address(keep, detail="一号")
    service.add_address(drop, detail="二号", is_default=True)
    tags.add_tags([keep], [shop.tag_id("VIP")])
    tags.add_tags([drop], [shop.tag_id("VIP"), shop.tag_id("差评型")])
    order = shop.order(drop)
    shop.case(drop, "handling", order_id=order)
    notes.add(drop, "尺码M", order_id=order)
    followups.add(drop, "催付", NOW)
    figures.recompute_figures([keep, drop])
    return keep, drop


def test_a_merge_undoes_and_redoes_exactly(pair):
    keep, drop = pair
    before = state()
    token, step = merge.merge_step(keep, drop)
    assert token["drop"] == drop and service.get(drop).deleted_at is not None
    assert service.get(keep).real_name == "王芳"
    back_and_forth(step, before, state(), state)


def test_a_refused_merge_writes_nothing(pair):
    keep, _ = pair
    before = state()
    with pytest.raises(UserError, match="two different customers"):
        merge.merge_step(keep, keep)
    assert state() == before


def test_undoing_a_merge_fails_in_words_once_the_dropped_one_is_back(pair):
    keep, drop = pair
    _, step = merge.merge_step(keep, drop)
    service.restore([drop])
    with pytest.raises(UserError, match="restored from the trash since"):
        step.undo()


def test_deleting_a_view_undoes_under_its_id_and_place(pair):
    first = save_view("催付", ViewState(CustomerFilters(lifecycles=("unpaid",))))
    middle = save_view("老客", ViewState(CustomerFilters(orders_min=2), sort="total_spent_fen"))
    save_view("有售后", ViewState(CustomerFilters(open_case=True)))
    before = state()
    saved, step = delete_view_step(middle)
    assert saved.filters.orders_min == 2
    back_and_forth(step, before, state(), state)
    step.redo()
    step.undo()
    assert [v.id for v in saved_views()][:2] == [first, middle]


def test_undoing_a_view_delete_fails_in_words_when_the_name_was_used_again(pair):
    view = save_view("老客", ViewState(CustomerFilters(orders_min=2)))
    _, step = delete_view_step(view)
    save_view("老客", ViewState(CustomerFilters(orders_min=3)))
    with pytest.raises(UserError, match="view"):
        step.undo()
    with pytest.raises(UserError, match="no longer exists"):
        delete_view_step(987654)
