"""Tag categories, tags, bulk tagging and the tag completer."""

from __future__ import annotations

import pytest

from desk.core import changes
from desk.core.base import database
from desk.core.customers import service, tags
from desk.core.customers.models import CustomerTag, Tag, TagCategory
from desk.core.errors import UserError


def test_category_and_tag_crud(shop, announced):
    cat = tags.create_category(" 尺码 ", "#AABBCC")
    c = TagCategory.get_by_id(cat)
    assert (c.name, c.color) == ("尺码", "#aabbcc")
    tid = tags.create_tag(cat, "小个子", description="身高155以下")
    t = Tag.get_by_id(tid)
    assert (t.name_py, t.name_abbr, t.color, t.position) == ("xiaogezi", "xgz", None, 0)
    assert tags.create_tag(cat, "大码", color="#112233") and Tag.get(Tag.name == "大码").position == 1
    assert changes.Change("tag", frozenset({tid})) in announced

    tags.update_tag(tid, name="娇小", color="#00ff00")
    t = Tag.get_by_id(tid)
    assert (t.name, t.name_abbr, t.color) == ("娇小", "jx", "#00ff00")
    tags.update_tag(tid, color=None)
    assert Tag.get_by_id(tid).color is None
    tags.update_category(cat, name="体型", color="#000000")
    [info] = [x for x in tags.all_tags() if x.id == tid]
    assert (info.category, info.color) == ("体型", "#000000")  # the category's colour

    tags.delete_tag(tid)
    assert not Tag.select().where(Tag.id == tid).exists()
    tags.delete_category(cat)
    assert not Tag.select().where(Tag.name == "大码").exists()


@pytest.mark.parametrize("color", ["red", "#12345", "#1234567", "#gggggg", "", "123456"])
def test_bad_colours(shop, color):
    with pytest.raises(UserError, match="is not a colour"):
        tags.create_category("新分类", color)
    assert not TagCategory.select().where(TagCategory.name == "新分类").exists()


def test_names_required_unique_and_capped(shop):
    cat = tags.create_category("分类A")
    with pytest.raises(UserError, match='already a tag category "分类a"'):
        tags.create_category("分类a")
    with pytest.raises(UserError, match="needs a name"):
        tags.create_category("\u202e ")
    with pytest.raises(UserError, match='already a tag "VIP"'):
        tags.create_tag(cat, "vip".upper())
    with pytest.raises(UserError, match='already a tag "vip"'):
        tags.create_tag(cat, "vip")
    with pytest.raises(UserError, match="needs a name"):
        tags.create_tag(cat, "  ")
    with pytest.raises(UserError, match="at most 32 characters"):
        tags.create_tag(cat, "标" * 33)
    with pytest.raises(UserError, match="no longer exists"):
        tags.create_tag(9999, "孤儿")
    tid = tags.create_tag(cat, "🍓𠮷")
    tags.update_tag(tid, name="🍓𠮷")  # its own name again is fine
    with pytest.raises(UserError, match='already a tag "老客"'):
        tags.update_tag(tid, name="老客")


def test_bulk_tagging_is_idempotent(shop, announced):
    a, b = shop.customer("甲"), shop.customer("乙")
    vip, wholesale = shop.tag_id("VIP"), shop.tag_id("批发")
    announced.clear()
    assert tags.add_tags([a, b], [vip]) == 2
    assert tags.add_tags([a, b], [vip, wholesale]) == 2
    assert tags.add_tags([a, b], [vip, wholesale]) == 0
    assert announced[0] == changes.Change("customer", frozenset({a, b}))
    assert [t.name for t in service.get(a).tags] == ["VIP", "批发"]
    assert tags.remove_tags([a], [vip, wholesale]) == 2
    assert tags.remove_tags([a], [vip]) == 0
    assert [t.name for t in service.get(a).tags] == []
    assert [t.name for t in service.get(b).tags] == ["VIP", "批发"]


def test_tagging_with_a_missing_tag_or_customer_changes_nothing(shop):
    a = shop.customer()
    with pytest.raises(UserError, match="tags no longer exist"):
        tags.add_tags([a], [shop.tag_id("VIP"), 9999])
    with pytest.raises(UserError, match="customers no longer exist"):
        tags.add_tags([a, 9999], [shop.tag_id("VIP")])
    assert CustomerTag.select().count() == 0


def test_thousands_at_once(shop):
    with database.atomic():  # one commit for the set-up, not 1500
        ids = [shop.customer(f"买家{i}") for i in range(1500)]
    assert tags.add_tags(ids, [shop.tag_id("老客")]) == 1500
    assert tags.remove_tags(ids, [shop.tag_id("老客")]) == 1500


@pytest.mark.parametrize("query, expected", [
    ("差评", ["差评型"]),
    ("cpx", ["差评型"]),
    ("CP", ["差评型"]),
    ("chaping", ["差评型"]),
    ("型", None),  # many
    ("vip", ["VIP"]),
    ("zzz", []),
    ("%", []),
    ("_", []),
])
def test_suggestions(shop, query, expected):
    names = [t.name for t in tags.tag_suggestions(query)]
    if expected is None:
        assert len(names) > 5 and all("型" in n for n in names)
    else:
        assert names == expected


def test_suggestions_put_name_starts_first_and_cap(shop):
    names = [t.name for t in tags.tag_suggestions("尺码")]
    assert names == ["尺码偏小", "尺码偏大"]
    assert len(tags.tag_suggestions("", limit=3)) == 3
    assert len(tags.tag_suggestions("型", limit=2)) == 2


def test_tag_pairs_round_trip_undoes_a_bulk_change(shop):
    from desk.core.customers import tags

    a = service.create("taobao", "甲")
    b = service.create("taobao", "乙")
    vip = tags.create_tag(tags.create_category("测试"), "测试标签")
    tags.add_tags([a], [vip])
    before = tags.tag_pairs([a, b], [vip])
    assert before == [(a, vip)]
    tags.add_tags([a, b], [vip])
    new = sorted(set(tags.tag_pairs([a, b], [vip])) - set(before))
    assert new == [(b, vip)]
    assert tags.set_pairs(new, present=False) == 1
    assert tags.tag_pairs([a, b], [vip]) == [(a, vip)]
    assert tags.set_pairs([(a, vip), (b, vip)], present=True) == 1
    assert tags.tag_pairs([a, b], [vip]) == [(a, vip), (b, vip)]
    assert tags.set_pairs([(999, vip)], present=True) == 0
