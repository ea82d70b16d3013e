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


def test_usage_counts_live_customers(shop):
    a, b, gone = shop.customer("甲"), shop.customer("乙"), shop.customer("丙")
    cat = tags.create_category("测试")
    one, two, unused = (tags.create_tag(cat, n) for n in ("一", "二", "三"))
    tags.add_tags([a, b, gone], [one])
    tags.add_tags([a], [two])
    service.move_to_trash([gone])
    usage = tags.tag_usage()
    assert (usage[one], usage[two], unused in usage) == (2, 1, False)
    details = tags.tags_in(cat)
    assert [(d.name, d.customers, d.own_color, d.color) for d in details] == [
        ("一", 2, None, "#607d8b"), ("二", 1, None, "#607d8b"), ("三", 0, None, "#607d8b")]
    assert tags.category_usage(cat) == tags.CategoryUsage(tags=3, customers=2)
    with pytest.raises(UserError, match="no longer exists"):
        tags.category_usage(9999)


def test_a_deleted_tag_comes_back_as_it_was(shop, announced):
    a, b, trashed = shop.customer("甲"), shop.customer("乙"), shop.customer("丙")
    cat = tags.create_category("测试", "#123456")
    first = tags.create_tag(cat, "先")
    tid = tags.create_tag(cat, "中", color="#abcdef", description="说明")
    last = tags.create_tag(cat, "后")
    tags.add_tags([a, trashed], [tid])
    tags.add_tags([b], [first])
    service.move_to_trash([trashed])
    before = Tag.get_by_id(tid).__data__.copy()

    saved = tags.delete_tag_undoable(tid)
    assert not Tag.select().where(Tag.id == tid).exists()
    assert saved.customer_ids == tuple(sorted([a, trashed]))
    assert tags.tag_pairs([a, b, trashed], [tid]) == []

    announced.clear()
    assert tags.restore_tag(saved) == tid  # the same id, free again
    after = Tag.get_by_id(tid).__data__.copy()
    before.pop("updated_at"), after.pop("updated_at")
    assert after == before
    assert [d.name for d in tags.tags_in(cat)] == ["先", "中", "后"]
    assert tags.tag_pairs([a, b, trashed], [tid, first, last]) == sorted(
        [(a, tid), (trashed, tid), (b, first)])
    assert changes.Change("tag", frozenset({tid})) in announced

    with pytest.raises(UserError, match='already a tag "中"'):
        tags.restore_tag(saved)  # it is back already


def test_a_tag_restored_when_its_id_was_taken_gets_a_new_one(shop):
    a = shop.customer("甲")
    cat = tags.create_category("测试")
    tid = tags.create_tag(cat, "旧")
    tags.add_tags([a], [tid])
    saved = tags.delete_tag_undoable(tid)
    # the id taken meanwhile (SQLite may hand out a freed highest id again;
    # a server's identity never does, but a row can come in under it, e.g. moved up)
    database.execute_sql("INSERT INTO tag(id, category_id, name, created_at, updated_at)"
                         " VALUES (?, ?, '新', 0, 0)", (tid, cat))
    taken = tid
    new_id = tags.restore_tag(saved)
    assert new_id != tid and Tag.get_by_id(new_id).name == "旧"
    assert tags.tag_pairs([a], [new_id, taken]) == [(a, new_id)]


def test_a_tag_cannot_come_back_without_its_category(shop):
    cat = tags.create_category("测试")
    saved = tags.delete_tag_undoable(tags.create_tag(cat, "孤"))
    tags.delete_category(cat)
    with pytest.raises(UserError, match="category no longer exists"):
        tags.restore_tag(saved)
    assert not Tag.select().where(Tag.name == "孤").exists()


def test_a_deleted_category_comes_back_with_its_tags_and_customers(shop):
    a, b = shop.customer("甲"), shop.customer("乙")
    cat = tags.create_category("测试", "#aa0000")
    t1 = tags.create_tag(cat, "一", description="第一")
    t2 = tags.create_tag(cat, "二", color="#00ff00")
    tags.add_tags([a, b], [t1])
    tags.add_tags([b], [t2])
    position = TagCategory.get_by_id(cat).position
    before = [(t.id, t.name, t.color, t.description, t.position)
              for t in Tag.select().where(Tag.category == cat).order_by(Tag.id)]

    saved = tags.delete_category_undoable(cat)
    assert [t.name for t in saved.tags] == ["一", "二"]
    assert not TagCategory.select().where(TagCategory.id == cat).exists()
    assert tags.tag_pairs([a, b], [t1, t2]) == []

    assert tags.restore_category(saved) == (cat, {t1: t1, t2: t2})
    c = TagCategory.get_by_id(cat)
    assert (c.name, c.color, c.position) == ("测试", "#aa0000", position)
    assert [(t.id, t.name, t.color, t.description, t.position)
            for t in Tag.select().where(Tag.category == cat).order_by(Tag.id)] == before
    assert tags.tag_pairs([a, b], [t1, t2]) == sorted([(a, t1), (b, t1), (b, t2)])


def test_a_category_restore_that_clashes_changes_nothing(shop):
    cat = tags.create_category("测试")
    tags.create_tag(cat, "一")
    saved = tags.delete_category_undoable(cat)
    other = tags.create_category("别的")
    tags.create_tag(other, "一")  # the tag's name is taken now
    with pytest.raises(UserError, match='already a tag "一"'):
        tags.restore_category(saved)
    assert not TagCategory.select().where(TagCategory.name == "测试").exists()


def test_move_a_tag_to_another_category_and_back(shop, announced):
    a = shop.customer("甲")
    one, two = tags.create_category("一类", "#111111"), tags.create_category("二类", "#222222")
    x, y = tags.create_tag(one, "甲标"), tags.create_tag(one, "乙标")
    tags.create_tag(two, "丙标")
    tags.add_tags([a], [y])
    announced.clear()
    assert tags.move_tag(x, two) == (one, 0)
    assert [d.name for d in tags.tags_in(two)] == ["丙标", "甲标"]  # last there
    assert [t.color for t in tags.all_tags() if t.id == x] == ["#222222"]
    assert changes.Change("tag", frozenset({x})) in announced
    assert tags.move_tag(y, one) == (one, 1)  # already there: unchanged
    assert tags.move_tag(x, one, 0) == (two, 1)  # an undo puts it back where it was
    assert [d.name for d in tags.tags_in(one)] == ["甲标", "乙标"]
    with pytest.raises(UserError, match="category no longer exists"):
        tags.move_tag(x, 9999)
    with pytest.raises(UserError, match="tag no longer exists"):
        tags.move_tag(9999, one)
    assert Tag.get_by_id(x).category_id == one
