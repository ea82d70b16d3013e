"""Tag categories, tags, and tagging customers in bulk."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from peewee import fn

from desk.core import changes, pinyin, timeutil, versions
from desk.core.base import database
from desk.core.customers import fields
from desk.core.customers.models import Customer, CustomerTag, Tag, TagCategory
from desk.core.errors import QT_TRANSLATE_NOOP, UserError
from desk.core.history import Cell, Step
from desk.core.text import clean_line

NAME_MAX = 32
DESCRIPTION_MAX = 200
SUGGESTIONS = 20


@dataclass(frozen=True)
class TagInfo:
    """A tag as lists and chips show it (also in customers.service.CustomerDetail)."""

    id: int
    name: str
    color: str  # the tag's own colour, else its category's
    category_id: int
    category: str


def _category_name(value: object) -> str:
    return fields.line(
        value, NAME_MAX, required=QT_TRANSLATE_NOOP("UserError", "The category needs a name."),
        too_long=QT_TRANSLATE_NOOP("UserError", "A category name can be at most {limit} characters "
                                   "(this one has {length})."))


def _tag_name(value: object) -> str:
    return fields.line(
        value, NAME_MAX, required=QT_TRANSLATE_NOOP("UserError", "The tag needs a name."),
        too_long=QT_TRANSLATE_NOOP("UserError", "A tag name can be at most {limit} characters "
                                   "(this one has {length})."))


def _description(value: object) -> str:
    return fields.line(
        value, DESCRIPTION_MAX,
        too_long=QT_TRANSLATE_NOOP("UserError", "A tag description can be at most {limit} characters "
                                   "(this one has {length})."))


def _unique_category(name: str, except_id: int | None = None) -> None:
    q = TagCategory.select().where(fn.lower(TagCategory.name) == name.lower())
    if except_id is not None:
        q = q.where(TagCategory.id != except_id)
    if q.exists():
        raise UserError(QT_TRANSLATE_NOOP("UserError", "There is already a tag category \"{name}\"."),
                        name=name)


def _unique_tag(name: str, except_id: int | None = None) -> None:
    q = Tag.select().where(fn.lower(Tag.name) == name.lower())
    if except_id is not None:
        q = q.where(Tag.id != except_id)
    if q.exists():
        raise UserError(QT_TRANSLATE_NOOP("UserError", "There is already a tag \"{name}\"."), name=name)


def _category(category_id: int) -> TagCategory:
    category = TagCategory.get_or_none(TagCategory.id == category_id)
    if category is None:
        raise UserError(QT_TRANSLATE_NOOP("UserError", "This tag category no longer exists."))
    return category


def _tag(tag_id: int) -> Tag:
    tag = Tag.get_or_none(Tag.id == tag_id)
    if tag is None:
        raise UserError(QT_TRANSLATE_NOOP("UserError", "This tag no longer exists."))
    return tag


# -- categories ---------------------------------------------------------------


def create_category(name: str, color: str = "#607d8b") -> int:
    clean_name, clean_color = _category_name(name), fields.color(color)
    with changes.write(database) as pending:
        _unique_category(clean_name)
        position = (TagCategory.select(fn.coalesce(fn.max(TagCategory.position), -1)).scalar()) + 1
        category = TagCategory.create(name=clean_name, color=clean_color, position=position)
        pending.add("tag")
    return category.id


def update_category(category_id: int, name: str | None = None, color: str | None = None,
                    version: int | None = None) -> None:
    values: dict = {}
    if name is not None:
        values["name"] = _category_name(name)
    if color is not None:
        values["color"] = fields.color(color)
    with changes.write(database) as pending:
        _category(category_id)
        versions.claim(TagCategory, category_id, version)
        if "name" in values:
            _unique_category(values["name"], except_id=category_id)
        (TagCategory.update(**values, updated_at=timeutil.now())
         .where(TagCategory.id == category_id).execute())
        pending.add("tag")
        pending.add("customer")  # chips change colour or category


def delete_category(category_id: int) -> None:
    """Delete a category with its tags (customers lose those tags)."""
    with changes.write(database) as pending:
        _category(category_id)
        TagCategory.delete().where(TagCategory.id == category_id).execute()
        pending.add("tag")
        pending.add("customer")


# -- tags -----------------------------------------------------------------------


def create_tag(category_id: int, name: str, color: str | None = None, description: str = "") -> int:
    """A new tag; `color` None uses the category's colour."""
    clean_name = _tag_name(name)
    clean_color = None if color is None or not str(color).strip() else fields.color(color)
    clean_description = _description(description)
    with changes.write(database) as pending:
        _category(category_id)
        _unique_tag(clean_name)
        position = (Tag.select(fn.coalesce(fn.max(Tag.position), -1))
                    .where(Tag.category == category_id).scalar()) + 1
        tag = Tag.create(category=category_id, name=clean_name, color=clean_color,
                         description=clean_description, position=position,
                         name_py=pinyin.full(clean_name), name_abbr=pinyin.abbr(clean_name))
        pending.add("tag", [tag.id])
    return tag.id


_UNSET = object()


def update_tag(tag_id: int, name: str | None = None, color: object = _UNSET,
               description: str | None = None, category_id: int | None = None,
               version: int | None = None) -> None:
    """Change a tag; color=None goes back to the category's colour. With
    `version`, a change saved meanwhile raises versions.Conflict."""
    values: dict = {}
    if name is not None:
        values["name"] = _tag_name(name)
        values["name_py"] = pinyin.full(values["name"])
        values["name_abbr"] = pinyin.abbr(values["name"])
    if color is not _UNSET:
        values["color"] = None if color is None or not str(color).strip() else fields.color(color)
    if description is not None:
        values["description"] = _description(description)
    with changes.write(database) as pending:
        _tag(tag_id)
        versions.claim(Tag, tag_id, version)
        if category_id is not None:
            values["category"] = _category(category_id).id
        if "name" in values:
            _unique_tag(values["name"], except_id=tag_id)
        Tag.update(**values, updated_at=timeutil.now()).where(Tag.id == tag_id).execute()
        pending.add("tag", [tag_id])
        pending.add("customer", _customers_with(tag_id))


def delete_tag(tag_id: int) -> None:
    """Delete a tag; customers lose it."""
    with changes.write(database) as pending:
        _tag(tag_id)
        affected = _customers_with(tag_id)
        Tag.delete().where(Tag.id == tag_id).execute()
        pending.add("tag", [tag_id])
        pending.add("customer", affected)


def _customers_with(tag_id: int) -> list[int]:
    return [r[0] for r in database.execute_sql(
        "SELECT customer_id FROM customer_tag WHERE tag_id = ?", (tag_id,))]


def all_tags() -> list[TagInfo]:
    rows = (Tag.select(Tag, TagCategory).join(TagCategory)
            .order_by(TagCategory.position, Tag.position, Tag.id))
    return [TagInfo(t.id, t.name, t.color or t.category.color, t.category.id, t.category.name)
            for t in rows]


# -- tagging customers ----------------------------------------------------------


def add_tags(customer_ids: Iterable[int], tag_ids: Iterable[int]) -> int:
    """Give every customer every tag; ones they already have are kept.
    Returns how many pairs were new."""
    cids, tids = fields.id_list(customer_ids), fields.id_list(tag_ids)
    with changes.write(database) as pending:
        found = Tag.select().where(Tag.id.in_(tids)).count()
        if found != len(tids):
            raise UserError(QT_TRANSLATE_NOOP("UserError", "Some of these tags no longer exist; "
                                              "nothing was changed."))
        if Customer.select().where(Customer.id.in_(cids)).count() != len(cids):
            raise UserError(QT_TRANSLATE_NOOP("UserError", "Some of these customers no longer exist; "
                                              "nothing was changed."))
        before = CustomerTag.select().where(CustomerTag.customer.in_(cids)).count()
        database.execute_sql(
            "INSERT OR IGNORE INTO customer_tag(customer_id, tag_id, created_at)"
            " SELECT c.value, t.value, ? FROM json_each(?) c, json_each(?) t",
            (timeutil.to_epoch(timeutil.now()), fields.ids_param(cids), fields.ids_param(tids)))
        added = CustomerTag.select().where(CustomerTag.customer.in_(cids)).count() - before
        pending.add("customer", cids)
    return added


def remove_tags(customer_ids: Iterable[int], tag_ids: Iterable[int]) -> int:
    """Take the tags off the customers; returns how many pairs were removed."""
    cids, tids = fields.id_list(customer_ids), fields.id_list(tag_ids)
    with changes.write(database) as pending:
        n = (CustomerTag.delete()
             .where(CustomerTag.customer.in_(cids), CustomerTag.tag.in_(tids)).execute())
        pending.add("customer", cids)
    return n



def tag_pairs(customer_ids: Iterable[int], tag_ids: Iterable[int]) -> list[tuple[int, int]]:
    """The (customer, tag) pairs among these that exist now: what an undo restores."""
    cids, tids = fields.id_list(customer_ids), fields.id_list(tag_ids)
    rows = database.execute_sql(
        "SELECT customer_id, tag_id FROM customer_tag"
        " WHERE customer_id IN (SELECT value FROM json_each(?))"
        " AND tag_id IN (SELECT value FROM json_each(?))",
        (fields.ids_param(cids), fields.ids_param(tids)))
    return sorted((c, t) for c, t in rows)


def set_pairs(pairs: Iterable[tuple[int, int]], present: bool) -> int:
    """Put back (present=True) or take off exactly these (customer, tag) pairs:
    the inverse of a bulk tag change. Pairs whose customer or tag is gone are skipped."""
    import json

    pairs = [(int(c), int(t)) for c, t in pairs]
    if not pairs:
        return 0
    param = json.dumps(pairs)
    with changes.write(database) as pending:
        if present:
            cursor = database.execute_sql(
                "INSERT OR IGNORE INTO customer_tag(customer_id, tag_id, created_at)"
                " SELECT json_extract(p.value, '$[0]'), json_extract(p.value, '$[1]'), ?"
                " FROM json_each(?) p"
                " WHERE EXISTS (SELECT 1 FROM customer WHERE id = json_extract(p.value, '$[0]'))"
                " AND EXISTS (SELECT 1 FROM tag WHERE id = json_extract(p.value, '$[1]'))",
                (timeutil.to_epoch(timeutil.now()), param))
        else:
            cursor = database.execute_sql(
                "DELETE FROM customer_tag WHERE (customer_id, tag_id) IN"
                " (SELECT json_extract(p.value, '$[0]'), json_extract(p.value, '$[1]')"
                " FROM json_each(?) p)", (param,))
        pending.add("customer", sorted({c for c, _ in pairs}))
    return cursor.rowcount

def _like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def tag_suggestions(prefix: str, limit: int = SUGGESTIONS) -> list[TagInfo]:
    """Tags for a completer: the name contains the text, or its pinyin
    (full or initials) starts with it. Name matches come first."""
    text = clean_line(prefix)[:NAME_MAX]
    if not text:
        return all_tags()[:limit]
    low = _like(text.lower())
    rows = database.execute_sql(
        "SELECT t.id FROM tag t JOIN tag_category tc ON tc.id = t.category_id"
        " WHERE t.name LIKE ? ESCAPE '\\' OR t.name_abbr LIKE ? ESCAPE '\\'"
        " OR t.name_py LIKE ? ESCAPE '\\'"
        " ORDER BY (t.name LIKE ? ESCAPE '\\') DESC, tc.position, t.position, t.id LIMIT ?",
        (f"%{_like(text)}%", f"{low}%", f"{low}%", f"{_like(text)}%", limit))
    order = [r[0] for r in rows]
    by_id = {t.id: t for t in all_tags() if t.id in set(order)}
    return [by_id[i] for i in order]


# -- managing tags: usage, details, and deletes that can be taken back -------------


@dataclass(frozen=True)
class TagDetail:
    """A tag as the tag manager shows it."""

    id: int
    category_id: int
    name: str
    own_color: str | None  # None: it uses its category's colour
    color: str  # the colour it is drawn in
    description: str
    position: int
    customers: int  # live customers (not in the trash) who carry it


@dataclass(frozen=True)
class CategoryUsage:
    tags: int
    customers: int  # live customers carrying at least one of its tags


@dataclass(frozen=True)
class DeletedTag:
    """Everything needed to put a deleted tag back as it was."""

    id: int
    category_id: int
    name: str
    color: str | None
    description: str
    position: int
    created_at: int
    customer_ids: tuple[int, ...]  # every customer who carried it, the trash included


@dataclass(frozen=True)
class DeletedCategory:
    id: int
    name: str
    color: str
    position: int
    created_at: int
    tags: tuple[DeletedTag, ...]


_LIVE_USES = ("SELECT ct.tag_id, count(*) FROM customer_tag ct"
              " JOIN customer c ON c.id = ct.customer_id WHERE c.deleted_at IS NULL")


def tag_usage() -> dict[int, int]:
    """How many live customers carry each tag; tags nobody carries are left out."""
    return dict(database.execute_sql(_LIVE_USES + " GROUP BY ct.tag_id").fetchall())


def tags_in(category_id: int) -> list[TagDetail]:
    """The category's tags in their order, with their own colour, description and use."""
    category = _category(category_id)
    uses = tag_usage()
    rows = Tag.select().where(Tag.category == category_id).order_by(Tag.position, Tag.id)
    return [TagDetail(t.id, category.id, t.name, t.color, t.color or category.color, t.description,
                      t.position, uses.get(t.id, 0)) for t in rows]


def category_usage(category_id: int) -> CategoryUsage:
    """What deleting the category would take away: its tags, and how many live
    customers would lose at least one tag."""
    _category(category_id)
    tag_count = Tag.select().where(Tag.category == category_id).count()
    customers = database.execute_sql(
        "SELECT count(DISTINCT ct.customer_id) FROM customer_tag ct"
        " JOIN tag t ON t.id = ct.tag_id JOIN customer c ON c.id = ct.customer_id"
        " WHERE t.category_id = ? AND c.deleted_at IS NULL", (category_id,)).fetchone()[0]
    return CategoryUsage(tag_count, customers)


def _snapshot(tag: Tag) -> DeletedTag:
    return DeletedTag(tag.id, tag.category_id, tag.name, tag.color, tag.description, tag.position,
                      timeutil.to_epoch(tag.created_at), tuple(sorted(_customers_with(tag.id))))


def delete_tag_undoable(tag_id: int) -> DeletedTag:
    """Delete a tag like `delete_tag`, returning what `restore_tag` needs to put it back."""
    with changes.write(database):
        saved = _snapshot(_tag(tag_id))
        delete_tag(tag_id)
    return saved


def delete_category_undoable(category_id: int) -> DeletedCategory:
    """Delete a category with its tags like `delete_category`, returning what
    `restore_category` needs to put them back."""
    with changes.write(database):
        c = _category(category_id)
        saved = DeletedCategory(
            c.id, c.name, c.color, c.position, timeutil.to_epoch(c.created_at),
            tuple(_snapshot(t) for t in
                  Tag.select().where(Tag.category == category_id).order_by(Tag.position, Tag.id)))
        delete_category(category_id)
    return saved


def _free(model, row_id: int) -> bool:
    return not model.select().where(model.id == row_id).exists()


def restore_tag(saved: DeletedTag, category_id: int | None = None) -> int:
    """Put a deleted tag back with its name, colour, description and position,
    on the customers who carried it (those since deleted for good are skipped).
    It keeps its id unless that was taken meanwhile. Returns its id."""
    name = _tag_name(saved.name)
    with changes.write(database) as pending:
        category = _category(saved.category_id if category_id is None else category_id)
        _unique_tag(name)
        values = dict(category=category.id, name=name, color=saved.color,
                      description=_description(saved.description), position=saved.position,
                      name_py=pinyin.full(name), name_abbr=pinyin.abbr(name),
                      created_at=timeutil.from_epoch(saved.created_at), updated_at=timeutil.now())
        if _free(Tag, saved.id):
            values["id"] = saved.id
        tag_id = Tag.insert(**values).execute()
        set_pairs([(c, tag_id) for c in saved.customer_ids], present=True)
        pending.add("tag", [tag_id])
    return tag_id


def restore_category(saved: DeletedCategory) -> tuple[int, dict[int, int]]:
    """Put a deleted category back with its tags and their customers.
    Returns the category's id and each tag's {old id: id now} (the same
    unless an id was taken meanwhile)."""
    name = _category_name(saved.name)
    with changes.write(database) as pending:
        _unique_category(name)
        values = dict(name=name, color=saved.color, position=saved.position,
                      created_at=timeutil.from_epoch(saved.created_at), updated_at=timeutil.now())
        if _free(TagCategory, saved.id):
            values["id"] = saved.id
        category_id = TagCategory.insert(**values).execute()
        ids = {t.id: restore_tag(t, category_id) for t in saved.tags}
        pending.add("tag")
        pending.add("customer")
    return category_id, ids


def move_tag(tag_id: int, category_id: int, position: int | None = None) -> tuple[int, int]:
    """Put a tag in another category, last there (or at `position`, for an undo).
    Returns the category and position it had before."""
    with changes.write(database) as pending:
        tag = _tag(tag_id)
        target = _category(category_id)
        before = (tag.category_id, tag.position)
        if target.id == tag.category_id and position is None:
            return before
        if position is None:
            position = (Tag.select(fn.coalesce(fn.max(Tag.position), -1))
                        .where(Tag.category == target.id).scalar()) + 1
        versions.bump(Tag, [tag_id])
        (Tag.update(category=target.id, position=position, updated_at=timeutil.now())
         .where(Tag.id == tag_id).execute())
        pending.add("tag", [tag_id])
        pending.add("customer", _customers_with(tag_id))  # chips change colour
    return before


# -- the tag manager's writes, each with its undo (desk.core.history) ---------------


def create_category_step(name: str, color: str = "#607d8b") -> tuple[int, Step]:
    """create_category(), with the step that deletes the new category and puts
    it back with its id and place. Returns its id."""
    category_id = create_category(name, color)
    cell = Cell(category_id)
    saved = Cell(None)

    def undo() -> None:
        saved.value = delete_category_undoable(cell.value)

    def redo() -> None:
        cell.value, _ = restore_category(saved.value)

    return category_id, Step(f"Add tag category {name.strip()}", undo=undo, redo=redo, entity="tag")


def update_category_step(category_id: int, name: str | None = None,
                         color: str | None = None) -> tuple[None, Step]:
    """update_category(), with the step that gives back the name or colour it changed."""
    with changes.write(database):
        c = _category(category_id)
        old = dict(name=None if name is None else c.name, color=None if color is None else c.color)
        update_category(category_id, name=name, color=color)
    return None, Step(f"Change tag category {old['name'] or c.name}",
                      undo=lambda: update_category(category_id, **old),
                      redo=lambda: update_category(category_id, name=name, color=color),
                      entity="tag")


def delete_category_step(category_id: int) -> tuple[DeletedCategory, Step]:
    """delete_category(), with the step that puts the category back with its
    tags, their places and their customers (ids kept unless taken meanwhile)."""
    cell = Cell(category_id)
    saved = Cell(delete_category_undoable(category_id))

    def undo() -> None:
        cell.value, _ = restore_category(saved.value)

    def redo() -> None:
        saved.value = delete_category_undoable(cell.value)

    return saved.value, Step(f"Delete tag category {saved.value.name}", undo=undo, redo=redo,
                             entity="tag")


def create_tag_step(category_id: int, name: str, color: str | None = None,
                    description: str = "") -> tuple[int, Step]:
    """create_tag(), with the step that deletes the new tag and puts it back
    with its id and place. Returns its id."""
    tag_id = create_tag(category_id, name, color, description)
    cell = Cell(tag_id)
    saved = Cell(None)

    def undo() -> None:
        saved.value = delete_tag_undoable(cell.value)

    def redo() -> None:
        cell.value = restore_tag(saved.value)

    return tag_id, Step(f"Add tag {name.strip()}", undo=undo, redo=redo, entity="tag")


def update_tag_step(tag_id: int, name: str | None = None, color: object = _UNSET,
                    description: str | None = None) -> tuple[None, Step]:
    """update_tag(), with the step that gives back the name, own colour
    (None: the category's) or description it changed."""
    given: dict = {k: v for k, v in dict(name=name, description=description).items()
                   if v is not None}
    if color is not _UNSET:
        given["color"] = color
    with changes.write(database):
        tag = _tag(tag_id)
        old = {k: getattr(tag, k) for k in given}
        update_tag(tag_id, **given)
    return None, Step(f"Change tag {tag.name}", undo=lambda: update_tag(tag_id, **old),
                      redo=lambda: update_tag(tag_id, **given), entity="tag")


def move_tag_step(tag_id: int, category_id: int) -> tuple[tuple[int, int], Step]:
    """move_tag() (last in the other category), with the step that puts it back
    in its category and place. Returns the category and position it had."""
    with changes.write(database):
        before = move_tag(tag_id, category_id)
        after = (category_id, _tag(tag_id).position)
    return before, Step(f"Move tag {tag_id}", undo=lambda: move_tag(tag_id, *before),
                        redo=lambda: move_tag(tag_id, *after), entity="tag")


def delete_tag_step(tag_id: int) -> tuple[DeletedTag, Step]:
    """delete_tag(), with the step that puts the tag back with its place,
    colour, description and customers (its id kept unless taken meanwhile)."""
    cell = Cell(tag_id)
    saved = Cell(delete_tag_undoable(tag_id))

    def undo() -> None:
        cell.value = restore_tag(saved.value)

    def redo() -> None:
        saved.value = delete_tag_undoable(cell.value)

    return saved.value, Step(f"Delete tag {saved.value.name}", undo=undo, redo=redo, entity="tag")
