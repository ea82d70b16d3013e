"""The quick-reply writes the app can take back: each makes its change and
returns `(result, step)` (desk.core.history), so the replies page, the phrase
editor and the check dialog only push the step.

Three kinds of change, three ways back, each exact (ids, positions, text,
pictures, the time a phrase went to the trash; only `updated_at` stamps move):

- rows a write added (a phrase, a copy, a group, the starter library): the
  undo takes them out of the tables, the redo puts the same rows back under
  the same ids (new ones only if an import took them meanwhile);
- one phrase changed or put in the trash (an edit, a delete, a check's fix):
  its columns and its group's order before and after;
- moves and renames: the old place or name, put back with the service.

An undo or redo raises a UserError, and writes nothing, when the data moved
on so that it cannot be done: the phrase or group is gone, a group to take
out has new phrases in it, a name is taken.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from desk.core import changes, timeutil, versions
from desk.core.base import database
from desk.core.customers import fields
from desk.core.errors import QT_TRANSLATE_NOOP, UserError
from desk.core.history import Cell, Step
from desk.core.replies import lint, service, starter
from desk.core.replies.models import Reply
from desk.core.replies.service import ENTITY, GROUP_ENTITY

# a phrase's columns an edit, a delete or a fix may change
_PHRASE_STATE = ("code", "body", "body_abbr", "image_sha256", "image_ext", "deleted_at")


def _gone() -> UserError:
    return UserError(QT_TRANSLATE_NOOP("UserError", "This phrase no longer exists."))


def _group_gone() -> UserError:
    return UserError(QT_TRANSLATE_NOOP("UserError", "This group of phrases no longer exists."))


def _order(wanted: Iterable[int], current: list[int]) -> list[int]:
    """`wanted` (those still in `current`), then the rest of `current` in its order."""
    present = set(current)
    order = [i for i in wanted if i in present]
    placed = set(order)
    return order + [i for i in current if i not in placed]


def _group_ids() -> list[int]:
    return [r[0] for r in database.execute_sql("SELECT id FROM reply_group ORDER BY position, id")]


def _announce(pending: changes.Pending, group_ids: list[int], phrase_ids: list[int]) -> None:
    """The groups (their counts) and phrases touched; nothing for none (an
    empty list would announce that everything changed)."""
    if group_ids:
        pending.add(GROUP_ENTITY, group_ids)
    if phrase_ids:
        pending.add(ENTITY, phrase_ids)


# -- rows a write added ------------------------------------------------------------------


@dataclass(frozen=True)
class _Added:
    """Whole rows of groups and phrases a write added, as they were right after
    it, with the order of the groups and of each touched group's phrases."""

    group_columns: tuple[str, ...]
    groups: tuple[tuple, ...]
    phrase_columns: tuple[str, ...]
    phrases: tuple[tuple, ...]
    group_order: tuple[int, ...]
    orders: tuple[tuple[int, tuple[int, ...]], ...]  # (group id, live phrase ids in order)

    def group_ids(self) -> list[int]:
        return [row[0] for row in self.groups]

    def phrase_ids(self) -> list[int]:
        return [row[0] for row in self.phrases]


def _rows(table: str, ids: list[int]) -> tuple[tuple[str, ...], tuple[tuple, ...]]:
    cursor = database.execute_sql(
        f"SELECT * FROM {table} WHERE id IN (SELECT value FROM json_each(?)) ORDER BY id",
        (fields.ids_param(ids),))
    return tuple(d[0] for d in cursor.description), tuple(cursor.fetchall())


def _capture(group_ids: list[int], phrase_ids: list[int]) -> _Added:
    group_columns, groups = _rows("reply_group", group_ids)
    phrase_columns, phrases = _rows("reply", phrase_ids)
    gid_at = phrase_columns.index("group_id")
    touched = sorted({row[gid_at] for row in phrases} | set(group_ids))
    return _Added(group_columns, groups, phrase_columns, phrases, tuple(_group_ids()),
                  tuple((g, tuple(service.positions(g))) for g in touched))


def _take_out(added: _Added) -> None:
    """Delete the added rows; the groups and phrases around them close up."""
    gid_at = added.phrase_columns.index("group_id")
    pids, gids = added.phrase_ids(), added.group_ids()
    with changes.write(database) as pending:
        there = database.execute_sql(
            "SELECT count(*) FROM reply WHERE id IN (SELECT value FROM json_each(?))",
            (fields.ids_param(pids),)).fetchone()[0]
        if there != len(pids):
            raise _gone()
        if gids:
            others = database.execute_sql(
                "SELECT g.name FROM reply r JOIN reply_group g ON g.id = r.group_id"
                " WHERE r.group_id IN (SELECT value FROM json_each(?))"
                " AND r.id NOT IN (SELECT value FROM json_each(?)) LIMIT 1",
                (fields.ids_param(gids), fields.ids_param(pids))).fetchone()
            if others is not None:
                raise UserError(QT_TRANSLATE_NOOP(
                    "UserError", "The group \"{name}\" has other phrases in it now."), name=others[0])
        database.execute_sql("DELETE FROM reply WHERE id IN (SELECT value FROM json_each(?))",
                             (fields.ids_param(pids),))
        database.execute_sql("DELETE FROM reply_group WHERE id IN (SELECT value FROM json_each(?))",
                             (fields.ids_param(gids),))
        live = set(_group_ids())
        for gid in {row[gid_at] for row in added.phrases} & live:
            service.renumber(pending, service.positions(gid))
        if gids:
            service.number_rows("reply_group", _group_ids())
        _announce(pending, gids or sorted({row[gid_at] for row in added.phrases}), pids)


def _insert(table: str, columns: tuple[str, ...], row: tuple, keep_id: bool) -> int:
    names = columns if keep_id else columns[1:]
    values = row if keep_id else row[1:]
    cursor = database.execute_sql(
        f"INSERT INTO {table} ({', '.join(names)}) VALUES ({', '.join('?' * len(names))})", values)
    return row[0] if keep_id else cursor.lastrowid


def _free(table: str, row_id: int) -> bool:
    return database.execute_sql(f"SELECT 1 FROM {table} WHERE id = ?", (row_id,)).fetchone() is None


def _put_back(added: _Added) -> _Added:
    """Insert the rows again, in their places; the rows as now stored (an id
    taken meanwhile gives the row a new one)."""
    name_at, gid_at = added.group_columns.index("name"), added.phrase_columns.index("group_id")
    with changes.write(database) as pending:
        group_ids: dict[int, int] = {}
        for row in added.groups:
            service.check_unique_group(row[name_at])
            group_ids[row[0]] = _insert("reply_group", added.group_columns, row,
                                        _free("reply_group", row[0]))
        phrase_ids: dict[int, int] = {}
        for row in added.phrases:
            gid = group_ids.get(row[gid_at], row[gid_at])
            if _free("reply_group", gid):
                raise _group_gone()
            row = (*row[:gid_at], gid, *row[gid_at + 1:])
            phrase_ids[row[0]] = _insert("reply", added.phrase_columns, row, _free("reply", row[0]))
        service.number_rows("reply_group", _order(
            [group_ids.get(g, g) for g in added.group_order], _group_ids()))
        for gid, order in added.orders:
            gid = group_ids.get(gid, gid)
            if not _free("reply_group", gid):
                service.renumber(pending, _order(
                    [phrase_ids.get(p, p) for p in order], service.positions(gid)))
        _announce(pending, list(group_ids.values()) or [g for g, _ in added.orders],
                  list(phrase_ids.values()))
        return _capture(list(group_ids.values()), list(phrase_ids.values()))


def _adding(label: str, write: Callable[[], tuple[Any, list[int], list[int]]]) -> tuple[Any, Step]:
    """Run `write` (returning its result and the group and phrase ids it
    added) with the step that takes those rows out and puts them back."""
    with changes.write(database):
        result, group_ids, phrase_ids = write()
        rows = Cell(_capture(group_ids, phrase_ids))

    def redo() -> None:
        rows.value = _put_back(rows.value)

    return result, Step(label, undo=lambda: _take_out(rows.value), redo=redo, entity=ENTITY)


# -- one phrase changed -------------------------------------------------------------------


@dataclass(frozen=True)
class _PhraseState:
    values: tuple  # _PHRASE_STATE's columns
    order: tuple[int, ...]  # the group's live phrases


def _state(pid: int) -> tuple[int, _PhraseState]:
    row = database.execute_sql(
        f"SELECT group_id, {', '.join(_PHRASE_STATE)} FROM reply WHERE id = ?", (pid,)).fetchone()
    if row is None:
        raise _gone()
    return row[0], _PhraseState(tuple(row[1:]), tuple(service.positions(row[0])))


def _set_state(pid: int, state: _PhraseState) -> None:
    with changes.write(database) as pending:
        gid, _now = _state(pid)
        database.execute_sql(
            f"UPDATE reply SET {', '.join(f'{c} = ?' for c in _PHRASE_STATE)}, updated_at = ?"
            " WHERE id = ?", (*state.values, timeutil.to_epoch(timeutil.now()), pid))
        versions.bump(Reply, [pid])  # an undo is a new save
        service.renumber(pending, _order(
            state.order, service.positions(gid)), pid)


def _changing(label: str, pid: int, write: Callable[[], Any]) -> tuple[Any, Step]:
    """Run `write`, which changes phrase `pid` (its text, code, picture, or
    puts it in the trash), with the step that sets it back and again."""
    with changes.write(database):
        _gid, before = _state(pid)
        result = write()
        _gid, after = _state(pid)
    return result, Step(label, undo=lambda: _set_state(pid, before),
                        redo=lambda: _set_state(pid, after), entity=ENTITY)


# -- phrases ------------------------------------------------------------------------------


def add_phrase_step(gid: int, body: str, code: str = "", index: int | None = None,
                    image: Path | None = None) -> tuple[int, Step]:
    """service.add_phrase(), with its undo; the new phrase's id."""
    def write():
        pid = service.add_phrase(gid, body, code, index, image)
        return pid, [], [pid]

    return _adding("Add phrase", write)


def duplicate_phrase_step(pid: int) -> tuple[int, Step]:
    """service.duplicate_phrase(), with its undo; the copy's id."""
    def write():
        copy = service.duplicate_phrase(pid)
        return copy, [], [copy]

    return _adding(f"Duplicate phrase {pid}", write)


def update_phrase_step(pid: int, *, body: object = service.KEEP, code: object = service.KEEP,
                       image: object = service.KEEP, version: int | None = None) -> tuple[None, Step]:
    """service.update_phrase(), with the step that gives back the text, code
    and picture it had; `version` as update_phrase takes it."""
    return _changing(f"Edit phrase {pid}", pid,
                     lambda: service.update_phrase(pid, body=body, code=code, image=image,
                                                   version=version))


def delete_phrase_step(pid: int) -> tuple[None, Step]:
    """service.delete_phrase() (into the trash), with the step that puts it back in its place."""
    return _changing(f"Delete phrase {pid}", pid, lambda: service.delete_phrase(pid))


def fix_step(problem: lint.Problem) -> tuple[None, Step]:
    """lint.apply_fix(), with the step that puts the phrase back as it was."""
    return _changing(f"Fix {problem.kind} of phrase {problem.pid}", problem.pid,
                     lambda: lint.apply_fix(problem))


def move_phrase_step(pid: int, index: int, gid: int | None = None) -> tuple[None, Step]:
    """service.move_phrase() (to `index` in its group, or in group `gid`),
    with the step that puts it back in its group and place."""
    with changes.write(database):
        source = service.phrase_row(pid).group_id
        back = service.positions(source).index(pid)
        service.move_phrase(pid, index, gid)
        target = service.get_phrase(pid).group_id
        there = service.positions(target).index(pid)
    return None, Step(f"Move phrase {pid}", undo=lambda: service.move_phrase(pid, back, source),
                      redo=lambda: service.move_phrase(pid, there, target), entity=ENTITY)


def move_to_group_step(pid: int, gid: int) -> tuple[None, Step]:
    """The phrase to the end of group `gid`, with its undo."""
    return move_phrase_step(pid, len(service.positions(gid)), gid)


# -- groups -------------------------------------------------------------------------------


def add_group_step(name: str, index: int | None = None) -> tuple[int, Step]:
    """service.add_group(), with its undo; the new group's id."""
    def write():
        gid = service.add_group(name, index)
        return gid, [gid], []

    return _adding("Add group", write)


def rename_group_step(gid: int, name: str) -> tuple[None, Step]:
    """service.rename_group(), with the step that gives the old name back."""
    with changes.write(database):
        old = service.group_row(gid).name
        service.rename_group(gid, name)
        new = service.group_row(gid).name
    return None, Step(f"Rename group {old}", undo=lambda: service.rename_group(gid, old),
                      redo=lambda: service.rename_group(gid, new), entity=GROUP_ENTITY)


def move_group_step(gid: int, index: int) -> tuple[None, Step]:
    """service.move_group(), with the step that puts it back in its place."""
    with changes.write(database):
        service.group_row(gid)
        back = _group_ids().index(gid)
        service.move_group(gid, index)
        there = _group_ids().index(gid)
    return None, Step(f"Move group {gid}", undo=lambda: service.move_group(gid, back),
                      redo=lambda: service.move_group(gid, there), entity=GROUP_ENTITY)


def delete_group_step(gid: int) -> tuple[service.GroupSnapshot, Step]:
    """service.delete_group() with its phrases, with the step that puts them
    all back (ids kept unless taken meanwhile)."""
    current = Cell(gid)
    saved = Cell(service.delete_group(gid))

    def undo() -> None:
        current.value = service.restore_group(saved.value)

    def redo() -> None:
        saved.value = service.delete_group(current.value)

    return saved.value, Step(f"Delete group {saved.value.name}", undo=undo, redo=redo,
                             entity=GROUP_ENTITY)


# -- the starter library ------------------------------------------------------------------


def load_starter_step() -> tuple[list[int], Step]:
    """starter.load_starter(), with the step that takes out the phrases (and
    the groups) it added; the ids of the phrases added."""
    def write():
        groups_before = set(_group_ids())
        phrases_before = {r[0] for r in database.execute_sql("SELECT id FROM reply")}
        starter.load_starter()
        gids = sorted(set(_group_ids()) - groups_before)
        pids = sorted({r[0] for r in database.execute_sql("SELECT id FROM reply")} - phrases_before)
        return pids, gids, pids

    return _adding("Load starter phrases", write)
