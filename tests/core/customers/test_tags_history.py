"""The tag manager's writes return their own undo (desk.core.history.Step):
categories and tags added, renamed, recoloured, described, moved and deleted.
Each is made, undone, redone and undone again, and the database must hold
exactly the state before or after each time: ids, positions, colours and the
customers who carry a tag (only the updated_at stamps, the versions, which
every save bumps, undo included, and the time a customer got a tag that was
deleted and put back, may differ)."""

from __future__ import annotations

import pytest

from desk.core.base import database
from desk.core.customers import tags
from desk.core.customers.models import Tag, TagCategory
from desk.core.errors import UserError
from tests.core.history_checks import STAMPS, back_and_forth, table_rows

# table: columns left out of the comparison
TABLES = {"tag_category": STAMPS, "tag": STAMPS,
          "customer_tag": ("created_at",), "customer": STAMPS}


def state() -> dict[str, list[tuple]]:
    return table_rows(TABLES)





def carriers(tag_id: int) -> list[int]:
    return sorted(r[0] for r in database.execute_sql(
        "SELECT customer_id FROM customer_tag WHERE tag_id = ?", (tag_id,)))


@pytest.fixture
def sizes(shop):
    """A category 尺码 (third in the list of categories) with three tags, two
    customers carrying the middle one and one the last."""
    first, second = shop.customer("买家甲"), shop.customer("买家乙")
    cat = tags.create_category("尺码", "#aa5500")
    small = tags.create_tag(cat, "小个子", description="身高155以下")
    middle = tags.create_tag(cat, "微胖", color="#112233", description="推荐宽松款")
    big = tags.create_tag(cat, "大码")
    tags.add_tags([first, second], [middle])
    tags.add_tags([second], [big])
    return dict(cat=cat, small=small, middle=middle, big=big, customers=(first, second))


# -- categories ------------------------------------------------------------------------


def test_adding_a_category_undoes_and_redoes_under_its_id_and_place(sizes):
    before = state()
    category_id, step = tags.create_category_step(" 风格 ", "#00AA00")
    c = TagCategory.get_by_id(category_id)
    assert (c.name, c.color) == ("风格", "#00aa00")
    assert c.position == max(x.position for x in TagCategory.select())
    back_and_forth(step, before, state(), state)
    assert not TagCategory.select().where(TagCategory.id == category_id).exists()
    step.redo()
    assert TagCategory.get_by_id(category_id).position == c.position


def test_a_tag_added_to_a_new_category_is_undone_first(sizes):
    before = state()
    category_id, add_category = tags.create_category_step("风格")
    tag_id, add_tag = tags.create_tag_step(category_id, "文艺")
    after = state()
    add_tag.undo()
    add_category.undo()
    assert state() == before
    add_category.redo()
    add_tag.redo()
    assert state() == after and Tag.get_by_id(tag_id).category_id == category_id


@pytest.mark.parametrize("change", [dict(name="身材"), dict(color="#000000"),
                                    dict(name="体型", color="#ffffff")])
def test_renaming_and_recolouring_a_category_undoes(sizes, change):
    before = state()
    _, step = tags.update_category_step(sizes["cat"], **change)
    c = TagCategory.get_by_id(sizes["cat"])
    assert all(getattr(c, k) == v for k, v in change.items())
    back_and_forth(step, before, state(), state)
    c = TagCategory.get_by_id(sizes["cat"])
    assert (c.name, c.color) == ("尺码", "#aa5500")


def test_deleting_a_category_undoes_with_its_tags_and_their_customers(sizes):
    before = state()
    saved, step = tags.delete_category_step(sizes["cat"])
    assert saved.name == "尺码" and len(saved.tags) == 3
    assert not Tag.select().where(Tag.category == sizes["cat"]).exists()
    assert carriers(sizes["middle"]) == []
    back_and_forth(step, before, state(), state)
    assert [t.id for t in tags.tags_in(sizes["cat"])] == [sizes["small"], sizes["middle"], sizes["big"]]
    assert carriers(sizes["middle"]) == sorted(sizes["customers"])
    assert Tag.get_by_id(sizes["middle"]).color == "#112233"


def test_refused_category_changes_write_nothing(sizes):
    before = state()
    with pytest.raises(UserError, match="already a tag category"):
        tags.create_category_step("尺码")
    with pytest.raises(UserError, match="already a tag category"):
        other = TagCategory.select().where(TagCategory.id != sizes["cat"]).first()
        tags.update_category_step(sizes["cat"], name=other.name)
    with pytest.raises(UserError, match="is not a colour"):
        tags.update_category_step(sizes["cat"], color="red")
    with pytest.raises(UserError, match="no longer exists"):
        tags.delete_category_step(987654)
    assert state() == before


# -- tags ------------------------------------------------------------------------------


def test_adding_a_tag_undoes_and_redoes_under_its_id_and_place(sizes):
    before = state()
    tag_id, step = tags.create_tag_step(sizes["cat"], " 高个子 ")
    t = Tag.get_by_id(tag_id)
    assert (t.name, t.position, t.name_abbr) == ("高个子", 3, "ggz")
    back_and_forth(step, before, state(), state)
    step.redo()
    assert Tag.get_by_id(tag_id).position == 3


def test_a_tag_given_to_customers_after_it_was_added_comes_back_on_them(sizes):
    tag_id, step = tags.create_tag_step(sizes["cat"], "高个子")
    first = sizes["customers"][0]
    tags.add_tags([first], [tag_id])
    step.undo()
    assert not Tag.select().where(Tag.id == tag_id).exists()
    step.redo()
    assert carriers(tag_id) == [first]


@pytest.mark.parametrize("change", [dict(name="娇小"), dict(color="#00ff00"), dict(color=None),
                                    dict(description="小码优先"),
                                    dict(name="娇小", description="")])
def test_changing_a_tag_undoes_the_fields_it_changed(sizes, change):
    tag_id = sizes["middle"]  # has a colour of its own and a description
    before = state()
    _, step = tags.update_tag_step(tag_id, **change)
    t = Tag.get_by_id(tag_id)
    assert all(getattr(t, k) == v for k, v in change.items())
    back_and_forth(step, before, state(), state)
    t = Tag.get_by_id(tag_id)
    assert (t.name, t.color, t.description, t.name_abbr) == ("微胖", "#112233", "推荐宽松款", "wp")


def test_giving_a_tag_of_the_category_s_colour_its_own_undoes_to_none(sizes):
    before = state()
    _, step = tags.update_tag_step(sizes["small"], color="#abcdef")
    assert Tag.get_by_id(sizes["small"]).color == "#abcdef"
    back_and_forth(step, before, state(), state)
    assert Tag.get_by_id(sizes["small"]).color is None


def test_moving_a_tag_undoes_to_its_category_and_place(sizes):
    target = tags.create_category("风格")
    tags.create_tag(target, "文艺")
    before = state()
    was, step = tags.move_tag_step(sizes["small"], target)
    assert was == (sizes["cat"], 0)
    t = Tag.get_by_id(sizes["small"])
    assert (t.category_id, t.position) == (target, 1)
    back_and_forth(step, before, state(), state)
    assert [t.id for t in tags.tags_in(sizes["cat"])] == [sizes["small"], sizes["middle"], sizes["big"]]


def test_deleting_a_tag_undoes_with_its_customers_colour_and_place(sizes):
    before = state()
    saved, step = tags.delete_tag_step(sizes["middle"])
    assert saved.customer_ids == tuple(sorted(sizes["customers"]))
    assert not Tag.select().where(Tag.id == sizes["middle"]).exists()
    back_and_forth(step, before, state(), state)
    t = Tag.get_by_id(sizes["middle"])
    assert (t.position, t.color, t.description) == (1, "#112233", "推荐宽松款")
    assert carriers(sizes["middle"]) == sorted(sizes["customers"])


def test_a_deleted_tag_whose_id_was_taken_comes_back_under_a_new_one(sizes):
    saved, step = tags.delete_tag_step(sizes["big"])
    database.execute_sql(
        "INSERT INTO tag(id, category_id, name, created_at, updated_at) VALUES (?, ?, '占位', 0, 0)",
        (sizes["big"], sizes["cat"]))
    step.undo()
    back = Tag.get(Tag.name == "大码")
    assert back.id != sizes["big"] and carriers(back.id) == [sizes["customers"][1]]
    step.redo()  # the redo deletes the one that came back, not the newcomer
    assert not Tag.select().where(Tag.name == "大码").exists()
    assert Tag.get_by_id(sizes["big"]).name == "占位"


def test_refused_tag_changes_write_nothing(sizes):
    before = state()
    with pytest.raises(UserError, match='already a tag "大码"'):
        tags.create_tag_step(sizes["cat"], "大码")
    with pytest.raises(UserError, match='already a tag "大码"'):
        tags.update_tag_step(sizes["small"], name="大码")
    with pytest.raises(UserError, match="at most 200 characters"):
        tags.update_tag_step(sizes["small"], description="长" * 201)
    with pytest.raises(UserError, match="no longer exists"):
        tags.move_tag_step(sizes["small"], 987654)
    with pytest.raises(UserError, match="no longer exists"):
        tags.delete_tag_step(987654)
    assert state() == before


def test_undo_fails_in_words_when_the_tag_moved_on(sizes):
    _, step = tags.update_tag_step(sizes["small"], name="娇小")
    tags.delete_tag(sizes["small"])  # deleted another way meanwhile
    with pytest.raises(UserError, match="no longer exists"):
        step.undo()
