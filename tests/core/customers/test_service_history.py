"""The customer page's and list's writes return their own undo
(desk.core.history.Step): new customers, identity edits, the trash, groups,
tags given and taken in bulk, a tag made on the spot, and addresses. Each is
made, undone, redone and undone again, and the touched tables must hold
exactly the state before or after each time (only the stamps every save moves
on, when, who and version, and the time a customer got a tag back, may
differ)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from desk.core import timeutil
from desk.core.base import database
from desk.core.customers import figures, service, tags
from desk.core.customers.models import Address, Customer
from desk.core.errors import UserError
from desk.core.versions import Conflict
from tests.core.history_checks import STAMPS, back_and_forth, table_rows

NOW = datetime(2024, 6, 1, 9, 30, tzinfo=UTC)
TABLES = {"customer": STAMPS, "address": STAMPS, "tag": STAMPS, "customer_tag": ("created_at",)}


def state() -> dict[str, list[tuple]]:
    return table_rows(TABLES)


@pytest.fixture
def clock(monkeypatch):
    """A fixed clock: a redo stamps deleted_at with the same time as the change."""
    monkeypatch.setattr(timeutil, "now", lambda: NOW)


@pytest.fixture
def pair(shop):
    first = shop.customer("买家甲", phone="13812345678", region="浙江")
    second = shop.customer("买家乙", "pdd")
    shop.order(first, "unpaid")
    figures.recompute_figures([first])
    return first, second


# -- customers ---------------------------------------------------------------------------


def test_a_new_customer_goes_to_the_trash_on_undo_and_comes_back_on_redo(shop, clock):
    before = state()
    cid, step = service.create_step("taobao", " 新买家 ", phone="138 1234 5678")
    after = state()
    assert service.get(cid).phone == "13812345678"
    step.undo()
    assert Customer.get_by_id(cid).deleted_at == NOW  # the trash keeps it, as it always did
    assert [r for r in state()["customer"] if r[0] != cid] == before["customer"]
    step.redo()
    assert state() == after
    step.undo()
    assert Customer.get_by_id(cid).deleted_at == NOW


def test_editing_identity_undoes_the_fields_it_changed(pair):
    first, _ = pair
    before = state()
    _, step = service.update_step(first, nickname="甲 改名", phone="", real_name="王芳",
                                  region="浙江", platform="taobao")
    c = Customer.get_by_id(first)
    assert (c.nickname, c.phone, c.real_name, c.nickname_abbr) == ("甲 改名", "", "王芳", "jgm")
    back_and_forth(step, before, state(), state)
    c = Customer.get_by_id(first)
    assert (c.nickname, c.nickname_py, c.phone, c.real_name) == ("买家甲", "maijiajia", "13812345678", "")


def test_refused_identity_edits_write_nothing(pair):
    first, second = pair
    service.update(second, platform="taobao")
    before = state()
    with pytest.raises(UserError, match="already a customer"):
        service.update_step(first, nickname="买家乙")
    with pytest.raises(UserError, match="Nickname is required"):
        service.update_step(first, nickname=" ")
    with pytest.raises(UserError, match="no longer exists"):
        service.update_step(987654, nickname="谁")
    assert state() == before


def test_undoing_an_edit_fails_in_words_when_the_customer_went_to_the_trash(pair):
    first, _ = pair
    _, step = service.update_step(first, nickname="新名字")
    service.move_to_trash([first])
    with pytest.raises(UserError, match="in the trash"):
        step.undo()


# -- the trash ---------------------------------------------------------------------------


def test_moving_to_the_trash_undoes_only_the_customers_it_moved(pair, shop, monkeypatch):
    first, second = pair
    already = shop.customer("早就删了")
    service.move_to_trash([already])
    database.execute_sql("UPDATE customer SET deleted_at = 1000 WHERE id = ?", (already,))
    before = state()
    n, step = service.move_to_trash_step([first, second, already])
    assert n == 2
    after = state()
    # the clock moves on before the undo and the redo: redone, the customers
    # go to the trash as of the first moment, exactly as they did
    ticks = iter(range(10**9, 10**9 + 100))
    monkeypatch.setattr(timeutil, "now", lambda: next(ticks))
    back_and_forth(step, before, after, state)
    assert Customer.get_by_id(already).deleted_at == timeutil.from_epoch(1000)


def test_restoring_undoes_to_the_trash_with_the_first_deletion_times(pair, clock):
    first, second = pair
    service.move_to_trash([first, second])
    database.execute_sql("UPDATE customer SET deleted_at = 1000 + id WHERE id IN (?, ?)",
                         (first, second))
    before = state()
    n, step = service.restore_step([first, second])
    assert n == 2 and service.get(first).deleted_at is None
    back_and_forth(step, before, state(), state)


def test_undoing_a_move_to_the_trash_fails_in_words_when_the_name_was_taken(pair):
    first, _ = pair
    _, step = service.move_to_trash_step([first])
    shop_again = service.create("taobao", "买家甲")
    with pytest.raises(UserError, match="already a customer"):
        step.undo()
    service.move_to_trash([shop_again])
    step.undo()
    assert service.get(first).deleted_at is None


def test_undo_after_the_trash_was_emptied_fails_in_words(pair):
    first, _ = pair
    _, step = service.move_to_trash_step([first])
    service.empty_trash()
    with pytest.raises(UserError, match="deleted for good"):
        step.undo()


def test_restoring_a_clash_writes_nothing(pair):
    first, _ = pair
    service.move_to_trash([first])
    service.create("taobao", "买家甲")
    before = state()
    with pytest.raises(UserError, match="already a customer"):
        service.restore_step([first])
    assert state() == before


# -- lifecycle groups --------------------------------------------------------------------


def test_a_group_set_by_hand_undoes_to_each_customer_s_own_group(pair):
    first, second = pair  # first follows its unpaid order; second is set by hand
    figures.set_lifecycle([second], "customer")
    before = state()
    _, step = figures.set_lifecycle_step([first, second], "shipped")
    assert {c.lifecycle for c in Customer.select()} == {"shipped"}
    back_and_forth(step, before, state(), state)
    assert (service.get(first).lifecycle, service.get(first).lifecycle_manual) == ("unpaid", False)
    assert (service.get(second).lifecycle, service.get(second).lifecycle_manual) == ("customer", True)


def test_back_to_automatic_undoes_to_the_hand_set_group(pair):
    first, _ = pair
    figures.set_lifecycle([first], "inquiry")
    before = state()
    _, step = figures.set_lifecycle_step([first], None)
    assert (service.get(first).lifecycle, service.get(first).lifecycle_manual) == ("unpaid", False)
    back_and_forth(step, before, state(), state)


def test_an_unknown_group_writes_nothing(pair):
    before = state()
    with pytest.raises(UserError, match="Unknown lifecycle group"):
        figures.set_lifecycle_step(list(pair), "vip")
    assert state() == before


# -- tags on customers -------------------------------------------------------------------


def test_adding_tags_in_bulk_undoes_only_the_pairs_that_were_new(pair, shop):
    first, second = pair
    vip, picky = shop.tag_id("VIP"), shop.tag_id("挑剔型")
    tags.add_tags([first], [vip])
    before = state()
    added, step = tags.add_tags_step([first, second], [vip, picky])
    assert added == 3
    back_and_forth(step, before, state(), state)
    assert tags.tag_pairs([first, second], [vip, picky]) == [(first, vip)]


def test_removing_tags_in_bulk_undoes_exactly_the_pairs_taken_off(pair, shop):
    first, second = pair
    vip, picky = shop.tag_id("VIP"), shop.tag_id("挑剔型")
    tags.add_tags([first, second], [vip])
    tags.add_tags([second], [picky])
    before = state()
    removed, step = tags.remove_tags_step([first, second], [vip, picky])
    assert removed == 3
    back_and_forth(step, before, state(), state)


def test_undoing_a_tag_removal_fails_in_words_when_the_tag_was_deleted(pair, shop):
    first, _ = pair
    vip = shop.tag_id("VIP")
    tags.add_tags([first], [vip])
    _, step = tags.remove_tags_step([first], [vip])
    tags.delete_tag(vip)
    with pytest.raises(UserError, match="no longer exists"):
        step.undo()


def test_tagging_with_a_gone_tag_writes_nothing(pair):
    before = state()
    with pytest.raises(UserError, match="no longer exist"):
        tags.add_tags_step(list(pair), [987654])
    assert state() == before


def test_a_tag_made_on_the_customer_page_undoes_and_comes_back_on_them(pair):
    first, _ = pair
    category = service.tag_categories()[0].id
    before = state()
    tag_id, step = service.tag_with_new_step(first, category, " 爱砍价 ")
    assert [t.id for t in service.tags_of(first)] == [tag_id]
    back_and_forth(step, before, state(), state)
    step.redo()
    assert [t.name for t in service.tags_of(first)] == ["爱砍价"]


def test_a_tag_made_for_a_trashed_customer_writes_nothing(pair):
    first, _ = pair
    service.move_to_trash([first])
    before = state()
    with pytest.raises(UserError, match="in the trash"):
        service.tag_with_new_step(first, service.tag_categories()[0].id, "新标签")
    assert state() == before


# -- addresses ---------------------------------------------------------------------------


@pytest.fixture
def homes(pair):
    first, _ = pair
    old = service.add_address(first, receiver="王芳", province="浙江省", city="杭州市", detail="一号")
    new = service.add_address(first, receiver="王芳", province="上海市", detail="二号")
    return first, old, new


def test_adding_a_default_address_undoes_the_default_back(homes):
    first, old, _new = homes
    before = state()
    address_id, step = service.add_address_step(first, detail="三号", is_default=True)
    assert service.default_address(first) == address_id
    back_and_forth(step, before, state(), state)
    assert service.default_address(first) == old
    step.redo()
    assert service.default_address(first) == address_id


def test_editing_an_address_undoes_its_fields(homes):
    _, old, _new = homes
    before = state()
    _, step = service.update_address_step(old, receiver="李雷", phone="13900001111", detail="")
    back_and_forth(step, before, state(), state)


def test_making_an_address_the_default_undoes_to_the_one_that_had_it(homes):
    first, old, new = homes
    before = state()
    _, step = service.make_default_address_step(new)
    assert service.default_address(first) == new
    back_and_forth(step, before, state(), state)
    assert service.default_address(first) == old


@pytest.mark.parametrize("which", ["old", "new"])
def test_removing_an_address_undoes_under_its_id_and_default(homes, which):
    first, old, new = homes
    address_id = old if which == "old" else new  # the default, and not
    before = state()
    removed, step = service.remove_address_step(address_id)
    assert removed["id"] == address_id
    back_and_forth(step, before, state(), state)


def test_refused_address_changes_write_nothing(homes):
    first, old, _new = homes
    before = state()
    with pytest.raises(UserError, match="address is empty"):
        service.add_address_step(first, receiver="只有名字")
    with pytest.raises(UserError, match="address is empty"):
        service.update_address_step(old, province="", city="", district="", detail="")
    with pytest.raises(UserError, match="no longer exists"):
        service.make_default_address_step(987654)
    with pytest.raises(UserError, match="no longer exists"):
        service.remove_address_step(987654)
    assert state() == before


def test_undoing_an_address_edit_fails_in_words_when_it_was_removed(homes):
    _, old, _new = homes
    _, step = service.update_address_step(old, detail="改了")
    service.remove_address(old)
    with pytest.raises(UserError, match="no longer exists"):
        step.undo()
    assert not Address.select().where(Address.id == old).exists()


def test_a_save_over_a_change_made_meanwhile_is_refused_and_writes_nothing(homes):
    first, old, _new = homes
    read, address_read = service.get(first).version, service.get_address(old).version
    service.update(first, region="上海")  # saved elsewhere after the form read it
    service.update_address(old, detail="别处改的")
    before = state()
    with pytest.raises(Conflict):
        service.update_step(first, version=read, phone="13900001111")
    with pytest.raises(Conflict):
        service.update_address_step(old, version=address_read, detail="我改的")
    assert state() == before
    _, step = service.update_step(first, version=service.get(first).version, phone="13900001111")
    step.undo()
    assert service.get(first).phone == "13812345678"
