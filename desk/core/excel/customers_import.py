"""Our own customer export read back: buyers matched by platform + nickname,
new ones added, changed names, phones, regions, groups and tags written, the
rest left alone, so exporting and importing the same file changes nothing.

The sheet is recognised by its header row (ShopDesk's export headers, in
English or in the Chinese of the translations); platform and group cells may
hold the stored code or the name the export wrote, in English or in any
translation ShopDesk has (desk.core.labels), whatever language the import
runs in. A masked phone (138****1234) is
never written over a real one.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from desk.core import changes
from desk.core import labels as code_labels
from desk.core.base import database
from desk.core.customers import figures, tags
from desk.core.customers import service as customers
from desk.core.customers.models import Customer
from desk.core.errors import QT_TRANSLATE_NOOP, UserError
from desk.core.excel import reading

# field -> the export's English header (context "Export")
HEADERS = {
    "nickname": "Nickname", "platform": "Platform", "real_name": "Real name", "phone": "Phone",
    "region": "Region", "lifecycle": "Group", "tags": "Tags",
}
IDENTITY = ("real_name", "phone", "region")
TAG_SEPARATORS = ("、", ",", "，", ";", "；")
HEADER_SEARCH_ROWS = 10


@dataclass
class CustomerRow:
    row: int
    platform: str
    nickname: str
    values: dict  # identity fields given in the file
    lifecycle: str | None
    tag_names: tuple[str, ...] | None
    customer_id: int | None = None
    changes: dict = field(default_factory=dict)  # what this import would write
    new_tags: tuple[int, ...] = ()


@dataclass
class RowError:
    row: int
    error: UserError

    @property
    def message(self) -> str:
        return str(self.error)


@dataclass
class CustomerPlan:
    new: list[CustomerRow] = field(default_factory=list)
    updated: list[CustomerRow] = field(default_factory=list)
    unchanged: int = 0
    errors: list[RowError] = field(default_factory=list)
    applied: bool = False

    def summary(self) -> dict:
        return {"new_customers": len(self.new), "updated_customers": len(self.updated),
                "unchanged": self.unchanged,
                "errors": [{"row": e.row, "message": e.message} for e in self.errors]}


def _header_names(translate) -> dict[str, str]:
    """Every header text we accept (folded) -> field."""
    out = {}
    for name, english in HEADERS.items():
        for text in (english, translate("Export", english), name):
            out[text.strip().casefold()] = name
    return out


def _find_header(rows: Sequence[list], translate) -> tuple[int, dict[str, int]] | None:
    names = _header_names(translate)
    for index, row in enumerate(rows[:HEADER_SEARCH_ROWS]):
        found = {}
        for col, cell in enumerate(row):
            name = names.get(str(cell or "").strip().casefold())
            if name and name not in found:
                found[name] = col
        if {"nickname", "platform"} <= set(found):
            return index, found
    return None


def is_customer_export(path: str | Path, translate=None) -> bool:
    """Whether the file's header is that of ShopDesk's customer export."""
    from desk.core.excel.translations import translator

    rows = []
    for row in reading.rows(path):
        rows.append(row)
        if len(rows) >= HEADER_SEARCH_ROWS:
            break
    return _find_header(rows, translate or _any_language(translator)) is not None


def _any_language(translator):
    zh = translator("zh_CN")
    return lambda context, text: zh(context, text)


def _code(kind: str, value: str, names: Mapping[str, str]) -> str | None:
    """The stored code of a platform or group cell: the code itself, its name
    in English or any translation (desk.core.labels), or one of `names`."""
    return code_labels.code_of(kind, value, names)


def _cell(row: list, col: int | None) -> str:
    if col is None or col >= len(row) or row[col] is None:
        return ""
    value = row[col]
    return str(int(value)) if isinstance(value, float) and value.is_integer() else str(value)


def read(path: str | Path, labels: Mapping[str, Mapping[str, str]] | None = None,
         translate=None) -> CustomerPlan:
    """The dry run: what importing the file would do (nothing is written)."""
    from desk.core.excel.translations import translator

    labels = labels or {}
    rows = list(reading.rows(path))
    found = _find_header(rows, translate or _any_language(translator))
    if found is None:
        raise UserError(QT_TRANSLATE_NOOP(
            "UserError", "{name} is not a customer list exported by ShopDesk: no Nickname and "
            "Platform columns were found."), name=Path(path).name)
    header_at, cols = found
    tag_ids = {t.name.casefold(): t.id for t in tags.all_tags()} if "tags" in cols else {}
    plan = CustomerPlan()
    seen: set[tuple[str, str]] = set()
    for offset, row in enumerate(rows[header_at + 1:], start=header_at + 2):
        if not any(str(c or "").strip() for c in row):
            continue
        try:
            if type(row) is reading.BadRow:
                raise row.error
            item = _parse(offset, row, cols, labels, tag_ids)
            key = (item.platform, item.nickname.casefold())
            if key in seen:
                raise UserError(QT_TRANSLATE_NOOP(
                    "UserError", "{nickname} on {platform} is in the file twice."),
                    nickname=item.nickname, platform=item.platform)
            seen.add(key)
            _compare(item)
        except UserError as e:
            plan.errors.append(RowError(offset, e))
            continue
        if item.customer_id is None:
            plan.new.append(item)
        elif item.changes or item.new_tags:
            plan.updated.append(item)
        else:
            plan.unchanged += 1
    return plan


def _parse(row_no: int, row: list, cols: dict[str, int], labels, tag_ids) -> CustomerRow:
    nickname = _cell(row, cols["nickname"]).strip()
    if not nickname:
        raise UserError(QT_TRANSLATE_NOOP("UserError", "The row has no nickname."))
    raw_platform = _cell(row, cols["platform"])
    platform = _code("platform", raw_platform, labels.get("platform", {}))
    if platform is None:
        raise UserError(QT_TRANSLATE_NOOP("UserError", "“{value}” is not a platform ShopDesk knows."),
                        value=raw_platform)
    values = {name: _cell(row, cols[name]).strip() for name in IDENTITY if name in cols}
    if "****" in values.get("phone", "") or "***" in values.get("phone", ""):
        values.pop("phone")  # masked on export: never written over the real number
    lifecycle = None
    if "lifecycle" in cols and _cell(row, cols["lifecycle"]).strip():
        raw = _cell(row, cols["lifecycle"])
        lifecycle = _code("lifecycle", raw, labels.get("lifecycle", {}))
        if lifecycle is None:
            raise UserError(QT_TRANSLATE_NOOP("UserError", "“{value}” is not a customer group."),
                            value=raw)
    names = None
    if "tags" in cols:
        text = _cell(row, cols["tags"])
        for sep in TAG_SEPARATORS[1:]:
            text = text.replace(sep, TAG_SEPARATORS[0])
        names = tuple(n.strip() for n in text.split(TAG_SEPARATORS[0]) if n.strip())
        unknown = [n for n in names if n.casefold() not in tag_ids]
        if unknown:
            raise UserError(QT_TRANSLATE_NOOP(
                "UserError", "There is no tag called “{name}”; add it under Manage tags first."),
                name=unknown[0])
        names = tuple(names)
    item = CustomerRow(row_no, platform, nickname, values, lifecycle, names)
    item.new_tags = tuple(tag_ids[n.casefold()] for n in names or ())
    return item


def _compare(item: CustomerRow) -> None:
    """Fill in the customer it matches and what would change (values are
    checked as the customer form checks them)."""
    clean = customers.clean_identity({"nickname": item.nickname, **item.values})
    current = (Customer.select().where(Customer.platform == item.platform,
                                       Customer.nickname == clean["nickname"],
                                       Customer.deleted_at.is_null()).first())
    if current is None:
        return
    item.customer_id = current.id
    item.changes = {k: v for k, v in clean.items()
                    if k in IDENTITY and v != (getattr(current, k) or "")}
    if item.lifecycle is not None and item.lifecycle != current.lifecycle:
        item.changes["lifecycle"] = item.lifecycle
    if item.tag_names is not None:
        have = {t for (t,) in database.execute_sql(
            "SELECT tag_id FROM customer_tag WHERE customer_id = ?", (current.id,))}
        item.new_tags = tuple(t for t in item.new_tags if t not in have)


def apply(plan: CustomerPlan, progress=None, is_cancelled=None) -> CustomerPlan:
    """Write the plan in one transaction after a checked backup. Rows with
    errors are left out (the preview lists them). (`progress` and
    `is_cancelled` as every background job takes them: a few thousand rows
    are written in a moment.)"""
    from desk.core import checkpoint

    if not plan.new and not plan.updated:
        plan.applied = True
        return plan
    checkpoint.before("import")
    with changes.write(database) as pending:
        for item in plan.new:
            item.customer_id = customers.create(item.platform, item.nickname, source="import",
                                                **item.values)
            if item.lifecycle is not None:
                figures.set_lifecycle([item.customer_id], item.lifecycle)
        for item in plan.updated:
            identity = {k: v for k, v in item.changes.items() if k in IDENTITY}
            if identity:
                customers.update(item.customer_id, **identity)
            if "lifecycle" in item.changes:
                figures.set_lifecycle([item.customer_id], item.changes["lifecycle"])
        pairs = [(item.customer_id, t) for item in (*plan.new, *plan.updated) for t in item.new_tags]
        if pairs:
            tags.set_pairs(pairs, True)
        pending.add("customer", [i.customer_id for i in (*plan.new, *plan.updated)])
    plan.applied = True
    return plan


def import_customers(path: str | Path, labels=None, dry_run: bool = False, progress=None,
                     is_cancelled=None) -> CustomerPlan:
    """Read the file (and, unless `dry_run`, write it): the preview and the
    import read it afresh, so what is written matches the database of the moment."""
    plan = read(path, labels)
    if is_cancelled is not None and is_cancelled():
        from desk.core.errors import Cancelled

        raise Cancelled()
    return plan if dry_run else apply(plan)
