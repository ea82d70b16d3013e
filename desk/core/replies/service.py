"""Quick-reply groups and phrases: add, edit, order, move, delete and restore.

Positions are 0..n-1 among a group's live phrases (and among the groups), so
an index from the UI is a position. A phrase in the trash keeps the position
it had, which is where `restore_phrase` puts it back.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from peewee import fn

from desk.core import changes, pinyin, presets, timeutil, versions
from desk.core.base import database
from desk.core.customers import fields
from desk.core.errors import QT_TRANSLATE_NOOP, UserError
from desk.core.replies.models import Reply, ReplyGroup
from desk.core.text import clean_line, strip_controls

ENTITY = "reply"  # announced with the ids of the phrases a write touched
GROUP_ENTITY = "reply_group"  # announced when groups are added, renamed, moved or deleted
BODY_MAX = 2000
CODE_MAX = 16
GROUP_NAME_MAX = 32

KEEP = object()  # "not given" to update_phrase: leave that column as it is


@dataclass(frozen=True)
class GroupInfo:
    id: int
    name: str
    stage: str
    position: int
    count: int  # live phrases

    @property
    def shown(self) -> str:
        """The name in the UI's language while it is the one ShopDesk shipped."""
        return presets.shown(presets.GROUP, self.stage, self.name)


@dataclass(frozen=True)
class PhraseInfo:
    id: int
    group_id: int
    group_name: str
    code: str
    body: str
    image_path: Path | None
    position: int
    use_count: int
    last_used_at: datetime | None
    version: int = field(default=0, compare=False)  # pass back to update_phrase (desk/core/versions.py)


@dataclass(frozen=True)
class PhraseSnapshot:
    """Every column of a phrase (live or in the trash), to put it back as it was."""

    id: int
    code: str
    body: str
    image_sha256: str
    image_ext: str
    position: int
    use_count: int
    last_used_at: int | None
    created_at: int
    updated_at: int
    deleted_at: int | None


@dataclass(frozen=True)
class GroupSnapshot:
    id: int
    name: str
    stage: str
    position: int
    created_at: int
    phrases: tuple[PhraseSnapshot, ...]


def fold(text: str) -> str:
    """How codes and searches compare text: full-width as half-width, lower case."""
    return unicodedata.normalize("NFKC", text).lower()


# -- validation -----------------------------------------------------------------------


def clean_body(value: object) -> str:
    """Multi-line text: controls removed, line breaks and tabs kept, outer
    blanks trimmed; refused (never cut) when empty or too long."""
    text = strip_controls(str(value or "").replace("\r\n", "\n").replace("\r", "\n")).strip()
    if not text:
        raise UserError(QT_TRANSLATE_NOOP("UserError", "The phrase has no text."))
    if len(text) > BODY_MAX:
        raise UserError(QT_TRANSLATE_NOOP(
            "UserError", "A phrase can be at most {limit} characters (this one has {length})."),
            limit=f"{BODY_MAX:,}", length=f"{len(text):,}")
    return text


def clean_code(value: object) -> str:
    """'' or a short code: no spaces inside, at most CODE_MAX characters.
    Case and width are kept as typed; the lint check points them out."""
    text = clean_line(value if value is None or isinstance(value, str) else str(value))
    if any(c.isspace() for c in text):
        raise UserError(QT_TRANSLATE_NOOP(
            "UserError", "The code \"{code}\" has a space in it; a code is typed as one word."),
            code=text[:40])
    if len(text) > CODE_MAX:
        raise UserError(QT_TRANSLATE_NOOP(
            "UserError", "A code can be at most {limit} characters (\"{code}\" has {length})."),
            limit=CODE_MAX, code=text[:40], length=len(text))
    return text


POSITION_DIGITS = 6


def parse_position(text: str) -> int:
    """A phrase's position as a file gives it: ASCII digits only ("①" and "²"
    are digits to str.isdigit, not to int()), at most POSITION_DIGITS of them."""
    if not (text.isascii() and text.isdigit()):
        raise UserError(QT_TRANSLATE_NOOP(
            "UserError", "The position \"{position}\" is not a whole number."), position=text[:20])
    if len(text.lstrip("0")) > POSITION_DIGITS:
        raise UserError(QT_TRANSLATE_NOOP("UserError", "The position \"{position}\" is too large."),
                        position=text[:20] + "…")
    return int(text)


def clean_group_name(value: object) -> str:
    return fields.line(
        value, GROUP_NAME_MAX, required=QT_TRANSLATE_NOOP("UserError", "The group needs a name."),
        too_long=QT_TRANSLATE_NOOP("UserError", "A group name can be at most {limit} characters "
                                   "(this one has {length})."))


def check_unique_group(name: str, except_id: int | None = None) -> None:
    q = ReplyGroup.select().where(fn.lower(ReplyGroup.name) == name.lower())
    if except_id is not None:
        q = q.where(ReplyGroup.id != except_id)
    if q.exists():
        raise UserError(QT_TRANSLATE_NOOP("UserError", "There is already a group \"{name}\"."),
                        name=name)


def group_row(gid: int) -> ReplyGroup:
    group = ReplyGroup.get_or_none(ReplyGroup.id == gid)
    if group is None:
        raise UserError(QT_TRANSLATE_NOOP("UserError", "This group of phrases no longer exists."))
    return group


def phrase_row(pid: int, live: bool = True) -> Reply:
    q = Reply.select().where(Reply.id == pid)
    if live:
        q = q.where(Reply.deleted_at.is_null())
    phrase = q.first()
    if phrase is None:
        raise UserError(QT_TRANSLATE_NOOP("UserError", "This phrase no longer exists."))
    return phrase


def _image(image: Path | None) -> tuple[str, str]:
    """(sha256, ext) of a picture stored in the photo store, ('', '') for None."""
    if image is None:
        return "", ""
    from desk.core.aftersales import photos

    data, name = photos.read_source(image)
    checked = photos.check_image(data, name)
    return photos.store_bytes(photos.photos_dir(), checked.data, checked.ext), checked.ext


# -- reading --------------------------------------------------------------------------

_PHRASE_SQL = ("SELECT r.id, r.group_id, g.name, r.code, r.body, r.image_sha256, r.image_ext,"
               " r.position, r.use_count, r.last_used_at, r.version FROM reply r"
               " JOIN reply_group g ON g.id = r.group_id")


def phrase_info(r: tuple, photos: Path | None = None, version: int = 0) -> PhraseInfo:
    """A PhraseInfo from a row of _PHRASE_SQL's first ten columns."""
    image = None
    if r[5]:
        from desk.core.aftersales.photos import photo_path, photos_dir

        image = photo_path(photos or photos_dir(), r[5], r[6])
    return PhraseInfo(r[0], r[1], r[2], r[3], r[4], image, r[7], r[8],
                      None if r[9] is None else timeutil.from_epoch(r[9]), version)


def phrases_where(where: str = "r.deleted_at IS NULL", params: tuple = (),
                  order: str = "g.position, g.id, r.position, r.id") -> list[PhraseInfo]:
    """Phrases matching a SQL condition over `r` (reply) and `g` (its group)."""
    rows = database.execute_sql(f"{_PHRASE_SQL} WHERE {where} ORDER BY {order}", params).fetchall()
    return [phrase_info(r[:10], version=r[10]) for r in rows]


def list_groups() -> list[GroupInfo]:
    rows = database.execute_sql(
        "SELECT g.id, g.name, g.stage, g.position,"
        " (SELECT count(*) FROM reply r WHERE r.group_id = g.id AND r.deleted_at IS NULL)"
        " FROM reply_group g ORDER BY g.position, g.id")
    return [GroupInfo(*r) for r in rows]


def group_by_name(name: str) -> int | None:
    """The id of the group with this name (any letter case), or None."""
    row = ReplyGroup.select(ReplyGroup.id).where(
        fn.lower(ReplyGroup.name) == clean_line(name).lower()).first()
    return None if row is None else row.id


def list_phrases(gid: int) -> list[PhraseInfo]:
    group_row(gid)
    return phrases_where("r.group_id = ? AND r.deleted_at IS NULL", (gid,), "r.position, r.id")


def all_phrases() -> list[PhraseInfo]:
    """Every live phrase, group by group, in order."""
    return phrases_where()


def get_phrase(pid: int) -> PhraseInfo:
    found = phrases_where("r.id = ?", (pid,))
    if not found:
        raise UserError(QT_TRANSLATE_NOOP("UserError", "This phrase no longer exists."))
    return found[0]


def phrase_by_code(code: str) -> PhraseInfo:
    """The live phrase with this code (compared as `fold` does); of several,
    the most used, then the first in the library."""
    wanted = fold(clean_line(code))
    found = [p for p in phrases_where("r.deleted_at IS NULL AND r.code <> ''",
                                      order="r.use_count DESC, g.position, g.id, r.position, r.id")
             if fold(p.code) == wanted] if wanted else []
    if not found:
        raise UserError(QT_TRANSLATE_NOOP("UserError", "No phrase has the code \"{code}\"."),
                        code=clean_line(code)[:40])
    return found[0]


def positions(gid: int) -> list[int]:
    """The group's live phrase ids in order."""
    return [r[0] for r in database.execute_sql(
        "SELECT id FROM reply WHERE group_id = ? AND deleted_at IS NULL ORDER BY position, id",
        (gid,))]


def _group_order() -> list[int]:
    return [r[0] for r in database.execute_sql("SELECT id FROM reply_group ORDER BY position, id")]


# -- ordering helpers -----------------------------------------------------------------


def number_rows(table: str, ids: list[int]) -> list[int]:
    """Write positions 0..n-1 in the order given; returns the ids that moved.
    One keyed update per moved row, so a group of 100,000 imported phrases
    costs what it moves, not its size squared."""
    current = dict(database.execute_sql(
        f"SELECT id, position FROM {table} WHERE id IN (SELECT value FROM json_each(?))",
        (fields.ids_param(ids),)).fetchall())
    moved = [(i, row_id) for i, row_id in enumerate(ids) if current.get(row_id) != i]
    if moved:
        database.connection().executemany(f"UPDATE {table} SET position = ? WHERE id = ?", moved)
    return [row_id for _, row_id in moved]


def renumber(pending: changes.Pending, order: list[int], *changed: int) -> None:
    """Number a group's phrases in this order; the phrases that moved, and
    `changed`, are announced."""
    touched = [*number_rows("reply", order), *changed]
    if touched:  # an empty list would announce "everything changed"
        pending.add(ENTITY, touched)


def _insert_at(order: list[int], item: int, index: int | None) -> list[int]:
    order = [i for i in order if i != item]
    at = len(order) if index is None else max(0, min(int(index), len(order)))
    order.insert(at, item)
    return order


# -- groups ---------------------------------------------------------------------------


def add_group(name: str, index: int | None = None, stage: str = "") -> int:
    clean = clean_group_name(name)
    with changes.write(database) as pending:
        check_unique_group(clean)
        group = ReplyGroup.create(name=clean, stage=clean_line(stage)[:32],
                                  position=len(_group_order()))
        number_rows("reply_group", _insert_at(_group_order(), group.id, index))
        pending.add(GROUP_ENTITY, [group.id])
    return group.id


def rename_group(gid: int, name: str) -> None:
    clean = clean_group_name(name)
    with changes.write(database) as pending:
        group_row(gid)
        check_unique_group(clean, except_id=gid)
        versions.claim(ReplyGroup, gid)
        ReplyGroup.update(name=clean, updated_at=timeutil.now()).where(ReplyGroup.id == gid).execute()
        pending.add(GROUP_ENTITY, [gid])
        pending.add(ENTITY, positions(gid))  # phrases show their group's name


def move_group(gid: int, index: int) -> None:
    with changes.write(database) as pending:
        group_row(gid)
        number_rows("reply_group", _insert_at(_group_order(), gid, index))
        pending.add(GROUP_ENTITY, [gid])


def _snapshot_phrase(r: Reply) -> PhraseSnapshot:
    def epoch(dt):
        return None if dt is None else timeutil.to_epoch(dt)

    return PhraseSnapshot(r.id, r.code, r.body, r.image_sha256, r.image_ext, r.position,
                          r.use_count, epoch(r.last_used_at), epoch(r.created_at),
                          epoch(r.updated_at), epoch(r.deleted_at))


def delete_group(gid: int) -> GroupSnapshot:
    """Delete a group with all its phrases; the snapshot puts them back."""
    with changes.write(database) as pending:
        g = group_row(gid)
        phrases = Reply.select().where(Reply.group == gid).order_by(Reply.position, Reply.id)
        saved = GroupSnapshot(g.id, g.name, g.stage, g.position, timeutil.to_epoch(g.created_at),
                              tuple(_snapshot_phrase(r) for r in phrases))
        ReplyGroup.delete().where(ReplyGroup.id == gid).execute()
        number_rows("reply_group", _group_order())
        pending.add(GROUP_ENTITY, [gid])
        pending.add(ENTITY, [p.id for p in saved.phrases])
    return saved


def _free(model, row_id: int) -> bool:
    return not model.select().where(model.id == row_id).exists()


def restore_group(saved: GroupSnapshot) -> int:
    """Put a deleted group back at its place with its phrases (trashed ones
    included). Ids are kept unless taken meanwhile. Returns the group's id."""
    name = clean_group_name(saved.name)
    with changes.write(database) as pending:
        check_unique_group(name)
        values = dict(name=name, stage=saved.stage, position=len(_group_order()),
                      created_at=timeutil.from_epoch(saved.created_at), updated_at=timeutil.now())
        if _free(ReplyGroup, saved.id):
            values["id"] = saved.id
        gid = ReplyGroup.insert(**values).execute()
        number_rows("reply_group", _insert_at(_group_order(), gid, saved.position))
        ids = []
        for p in saved.phrases:
            row = dict(group=gid, code=p.code, body=p.body, body_abbr=pinyin.abbr(p.body),
                       image_sha256=p.image_sha256, image_ext=p.image_ext, position=p.position,
                       use_count=p.use_count, last_used_at=p.last_used_at,
                       created_at=p.created_at, updated_at=p.updated_at, deleted_at=p.deleted_at)
            if _free(Reply, p.id):
                row["id"] = p.id
            ids.append(Reply.insert(**row).execute())
        number_rows("reply", positions(gid))
        pending.add(GROUP_ENTITY, [gid])
        pending.add(ENTITY, ids)
    return gid


# -- phrases --------------------------------------------------------------------------


def add_phrase(gid: int, body: str, code: str = "", index: int | None = None,
               image: Path | None = None) -> int:
    """A new phrase in the group, at `index` (None: at the end)."""
    text, clean = clean_body(body), clean_code(code)
    sha, ext = _image(image)
    with changes.write(database) as pending:
        group_row(gid)
        order = positions(gid)
        phrase = Reply.create(group=gid, code=clean, body=text, body_abbr=pinyin.abbr(text),
                              image_sha256=sha, image_ext=ext, position=len(order))
        renumber(pending, _insert_at(order, phrase.id, index), phrase.id)
    return phrase.id


def update_phrase(pid: int, *, body: object = KEEP, code: object = KEEP,
                  image: object = KEEP, version: int | None = None) -> None:
    """Change what is given; image=None takes the picture off. With `version`
    (what the editor read), a change saved meanwhile raises versions.Conflict."""
    values: dict = {}
    if body is not KEEP:
        values["body"] = clean_body(body)
        values["body_abbr"] = pinyin.abbr(values["body"])
    if code is not KEEP:
        values["code"] = clean_code(code)
    if image is not KEEP:
        values["image_sha256"], values["image_ext"] = _image(image)
    with changes.write(database) as pending:
        phrase_row(pid)
        versions.claim(Reply, pid, version)
        if values:
            Reply.update(**values, updated_at=timeutil.now()).where(Reply.id == pid).execute()
        pending.add(ENTITY, [pid])


def delete_phrase(pid: int) -> None:
    """Into the trash: restore_phrase undoes it."""
    with changes.write(database) as pending:
        phrase = phrase_row(pid)
        Reply.update(deleted_at=timeutil.now()).where(Reply.id == pid).execute()
        renumber(pending, positions(phrase.group_id))
        pending.add(ENTITY, [pid])


def restore_phrase(pid: int) -> None:
    """Out of the trash, back at the position it had."""
    with changes.write(database) as pending:
        phrase = phrase_row(pid, live=False)
        if phrase.deleted_at is None:
            return
        order = positions(phrase.group_id)
        Reply.update(deleted_at=None).where(Reply.id == pid).execute()
        renumber(pending, _insert_at(order, pid, phrase.position), pid)


def move_phrase(pid: int, index: int, gid: int | None = None) -> None:
    """To `index` in its group, or in group `gid` when given."""
    with changes.write(database) as pending:
        phrase = phrase_row(pid)
        source = phrase.group_id
        target = source if gid is None else group_row(gid).id
        if target != source:
            Reply.update(group=target, updated_at=timeutil.now()).where(Reply.id == pid).execute()
            versions.bump(Reply, [pid])
            renumber(pending, positions(source))
            pending.add(GROUP_ENTITY, [source, target])  # counts change
        renumber(pending, _insert_at(positions(target), pid, index), pid)


def duplicate_phrase(pid: int) -> int:
    """A copy right below the phrase, without its code (codes should be unique)."""
    with changes.write(database) as pending:
        p = phrase_row(pid)
        order = positions(p.group_id)
        copy = Reply.create(group=p.group_id, code="", body=p.body, body_abbr=pinyin.abbr(p.body),
                            image_sha256=p.image_sha256, image_ext=p.image_ext,
                            position=len(order))
        renumber(pending, _insert_at(order, copy.id, order.index(pid) + 1), copy.id)
    return copy.id


def record_use(pid: int) -> None:
    """The phrase was sent: it ranks higher in the palette."""
    with changes.write(database) as pending:
        phrase_row(pid)
        Reply.update(use_count=Reply.use_count + 1, last_used_at=timeutil.now()).where(
            Reply.id == pid).execute()
        pending.add(ENTITY, [pid])
