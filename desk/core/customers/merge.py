"""Keeping the file clean: finding duplicate customers, merging two, undoing a merge."""

from __future__ import annotations

from dataclasses import dataclass

from desk.core import changes, timeutil, versions
from desk.core.base import database
from desk.core.customers import fields
from desk.core.customers.figures import recompute_figures
from desk.core.customers.models import Customer
from desk.core.customers.service import check_unique, live_customer, pinyin_columns
from desk.core.customers.trash import CustomerRow, customers
from desk.core.errors import QT_TRANSLATE_NOOP, UserError

TOKEN_VERSION = 1
# Tables whose rows move wholesale from the dropped customer to the kept one.
_MOVED = {"orders": "shop_order", "notes": "note", "cases": "aftersales_case",
          "followups": "followup"}
# Identity fields the kept customer takes from the dropped one when its own are empty.
_FILLED = ("real_name", "phone", "region")


def find_duplicates() -> list[list[int]]:
    """Groups of live customers that look like one buyer: the same phone
    (masked numbers don't count), or the same nickname on another platform.
    Each group is sorted; groups are ordered by their first id."""
    pairs = database.execute_sql(
        "SELECT a.id, b.id FROM customer a JOIN customer b ON b.phone = a.phone AND b.id > a.id"
        " WHERE a.phone <> '' AND instr(a.phone, '*') = 0"
        " AND a.deleted_at IS NULL AND b.deleted_at IS NULL"
        " UNION "
        "SELECT a.id, b.id FROM customer a JOIN customer b ON b.nickname = a.nickname"
        " AND b.platform <> a.platform AND b.id > a.id"
        " WHERE a.deleted_at IS NULL AND b.deleted_at IS NULL")
    parent: dict[int, int] = {}

    def root(x: int) -> int:
        while parent.setdefault(x, x) != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for a, b in pairs:
        ra, rb = root(a), root(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    groups: dict[int, list[int]] = {}
    for x in parent:
        groups.setdefault(root(x), []).append(x)
    return sorted(sorted(g) for g in groups.values())


@dataclass(frozen=True)
class DuplicateGroup:
    """Customers that look like one buyer, and why."""

    customers: list[CustomerRow]
    phones: list[str]  # numbers two or more of them share
    nicknames: list[str]  # nicknames they share across platforms


def duplicate_groups() -> list[DuplicateGroup]:
    """find_duplicates(), with each group's customers and what they share."""
    groups = []
    for ids in find_duplicates():
        rows = customers(ids)
        phones: dict[str, int] = {}
        platforms: dict[str, set[str]] = {}
        for c in rows:
            if c.phone and not fields.is_masked(c.phone):
                phones[c.phone] = phones.get(c.phone, 0) + 1
            platforms.setdefault(c.nickname, set()).add(c.platform)
        groups.append(DuplicateGroup(
            rows, sorted(p for p, n in phones.items() if n > 1),
            sorted(n for n, p in platforms.items() if len(p) > 1)))
    return groups


def _pair(keep_id: int, drop_id: int) -> None:
    if keep_id == drop_id:
        raise UserError(QT_TRANSLATE_NOOP("UserError", "Choose two different customers to merge."))
    live_customer(keep_id)
    live_customer(drop_id)


def _ids(table: str, customer_id: int) -> list[int]:
    return [r[0] for r in database.execute_sql(
        f"SELECT id FROM {table} WHERE customer_id = ? ORDER BY id", (customer_id,))]


def _new_tags(keep_id: int, drop_id: int) -> list[int]:
    return [r[0] for r in database.execute_sql(
        "SELECT tag_id FROM customer_tag WHERE customer_id = ? AND tag_id NOT IN"
        " (SELECT tag_id FROM customer_tag WHERE customer_id = ?) ORDER BY tag_id",
        (drop_id, keep_id))]


def merge_preview(keep_id: int, drop_id: int) -> dict[str, int]:
    """How much would move from `drop_id` to `keep_id`: orders, notes, cases,
    follow-ups, addresses, and tags the kept customer does not have yet."""
    _pair(keep_id, drop_id)
    counts = {name: len(_ids(table, drop_id)) for name, table in _MOVED.items()}
    counts["addresses"] = len(_ids("address", drop_id))
    counts["tags"] = len(_new_tags(keep_id, drop_id))
    return counts


def _row(customer_id: int) -> dict:
    cursor = database.execute_sql("SELECT * FROM customer WHERE id = ?", (customer_id,))
    names = [d[0] for d in cursor.description]
    return dict(zip(names, cursor.fetchone(), strict=True))


def merge(keep_id: int, drop_id: int) -> dict:
    """Move everything of `drop_id` to `keep_id`, fill the kept customer's
    empty identity fields from the dropped one, and put the dropped one in
    the trash. Returns an undo token (plain, JSON-safe data) for unmerge()."""
    with changes.write(database) as pending:
        _pair(keep_id, drop_id)
        keep_row, drop_row = _row(keep_id), _row(drop_id)
        token: dict = {"version": TOKEN_VERSION, "keep": keep_id, "drop": drop_id,
                       "keep_row": keep_row, "drop_row": drop_row}
        for name, table in _MOVED.items():
            token[name] = _ids(table, drop_id)
            database.execute_sql(f"UPDATE {table} SET customer_id = ? WHERE customer_id = ?",
                                 (keep_id, drop_id))
        token["addresses"] = [list(r) for r in database.execute_sql(
            "SELECT id, is_default FROM address WHERE customer_id = ? ORDER BY id", (drop_id,))]
        keep_has_default = database.execute_sql(
            "SELECT 1 FROM address WHERE customer_id = ? AND is_default", (keep_id,)).fetchone()
        database.execute_sql(
            "UPDATE address SET customer_id = ?, is_default = is_default AND ? WHERE customer_id = ?",
            (keep_id, 0 if keep_has_default else 1, drop_id))
        token["drop_tags"] = [list(r) for r in database.execute_sql(
            "SELECT tag_id, created_at FROM customer_tag WHERE customer_id = ? ORDER BY tag_id",
            (drop_id,))]
        token["added_tags"] = _new_tags(keep_id, drop_id)
        database.execute_sql(
            "UPDATE customer_tag SET customer_id = ? WHERE customer_id = ? AND tag_id IN"
            " (SELECT value FROM json_each(?))",
            (keep_id, drop_id, fields.ids_param(token["added_tags"])))
        database.execute_sql("DELETE FROM customer_tag WHERE customer_id = ?", (drop_id,))

        filled = {f: drop_row[f] for f in _FILLED if not keep_row[f] and drop_row[f]}
        filled.update(pinyin_columns(filled))
        contacts = [t for t in (keep_row["last_contact_at"], drop_row["last_contact_at"]) if t]
        now = timeutil.to_epoch(timeutil.now())
        values = {**filled, "last_contact_at": max(contacts) if contacts else None,
                  "updated_at": now}
        database.execute_sql(
            "UPDATE customer SET " + ", ".join(f"{k} = ?" for k in values) + " WHERE id = ?",
            (*values.values(), keep_id))
        database.execute_sql("UPDATE customer SET deleted_at = ?, updated_at = ? WHERE id = ?",
                             (now, now, drop_id))
        versions.bump(Customer, [keep_id, drop_id])
        recompute_figures([keep_id, drop_id])
        pending.add("customer", [keep_id, drop_id])
        for entity in ("order", "note", "case", "followup"):
            pending.add(entity)
    return token


def unmerge(token: dict) -> None:
    """Undo merge(): everything that moved goes back, both customers get their
    earlier fields back, and the dropped one leaves the trash."""
    if not isinstance(token, dict) or token.get("version") != TOKEN_VERSION:
        raise ValueError("not a merge undo token")
    keep_id, drop_id = token["keep"], token["drop"]
    with changes.write(database) as pending:
        drop = database.execute_sql("SELECT deleted_at, platform, nickname FROM customer"
                                    " WHERE id = ?", (drop_id,)).fetchone()
        keep = database.execute_sql("SELECT 1 FROM customer WHERE id = ?", (keep_id,)).fetchone()
        if drop is None or keep is None:
            raise UserError(QT_TRANSLATE_NOOP("UserError", "The merge cannot be undone: one of the "
                                              "customers was deleted for good."))
        if drop[0] is None:
            raise UserError(QT_TRANSLATE_NOOP("UserError", "The merge cannot be undone: \"{nickname}\" "
                                              "was restored from the trash since."), nickname=drop[2])
        check_unique(token["drop_row"]["platform"], token["drop_row"]["nickname"], except_id=drop_id)
        for name, table in _MOVED.items():
            database.execute_sql(
                f"UPDATE {table} SET customer_id = ? WHERE customer_id = ?"
                " AND id IN (SELECT value FROM json_each(?))",
                (drop_id, keep_id, fields.ids_param(token[name])))
        conn = database.connection()
        conn.executemany("UPDATE address SET customer_id = ?, is_default = ? WHERE id = ?",
                         [(drop_id, flag, aid) for aid, flag in token["addresses"]])
        database.execute_sql(
            "DELETE FROM customer_tag WHERE customer_id = ? AND tag_id IN"
            " (SELECT value FROM json_each(?))", (keep_id, fields.ids_param(token["added_tags"])))
        conn.executemany("INSERT OR IGNORE INTO customer_tag(customer_id, tag_id, created_at)"
                         " VALUES (?, ?, ?)", [(drop_id, t, at) for t, at in token["drop_tags"]])
        for row in (token["keep_row"], token["drop_row"]):
            names = [k for k in row if k not in ("id", "version")]  # a new version, below
            database.execute_sql(
                "UPDATE customer SET " + ", ".join(f"{k} = ?" for k in names) + " WHERE id = ?",
                (*(row[k] for k in names), row["id"]))
        versions.bump(Customer, [keep_id, drop_id])  # an undo is a new save
        # orders may have changed since the merge; figures follow what is there now
        recompute_figures([keep_id, drop_id])
        pending.add("customer", [keep_id, drop_id])
        for entity in ("order", "note", "case", "followup"):
            pending.add(entity)
