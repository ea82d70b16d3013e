"""Customer list filters, and saved views (a named filter + sort).

A `CustomerFilters` says which buyers the list shows; every part is optional
and the parts combine with AND. It travels as JSON in a saved view, so a view
saved by an older version, or edited by hand, is read leniently: unknown keys
are ignored and malformed values dropped, never a crash.

The preset views live here in code (their names are translated); the shop's
own views are rows of `saved_view` with page = 'customers'.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field, fields
from datetime import datetime

from desk.core import changes, timeutil
from desk.core.appdata import SavedView
from desk.core.base import database
from desk.core.customers.figures import risk_codes_sql
from desk.core.errors import QT_TRANSLATE_NOOP, UserError
from desk.core.history import Cell, Step
from desk.core.listing import Filter
from desk.core.platforms import PLATFORMS
from desk.core.text import clean_line

PAGE = "customers"
TAG_MODES = ("any", "all", "none")
LIFECYCLES = ("inquiry", "unpaid", "shipped", "customer")
NAME_MAX = 40
VIEWS_MAX = 100


@dataclass(frozen=True)
class CustomerFilters:
    platforms: tuple[str, ...] = ()
    lifecycles: tuple[str, ...] = ()
    tag_ids: tuple[int, ...] = ()
    tag_mode: str = "any"                 # any | all | none of tag_ids
    spend_min_fen: int | None = None
    spend_max_fen: int | None = None
    orders_min: int | None = None
    orders_max: int | None = None
    open_case: bool = False               # has an open after-sales case
    followup_due: bool = False            # has an open follow-up due by `due_by`
    risky: bool = False                   # has at least one risk flag
    last_order_from: int | None = None    # epoch seconds, inclusive
    last_order_to: int | None = None      # epoch seconds, exclusive
    first_order_from: int | None = None   # epoch seconds, inclusive (new buyers of a period)
    first_order_to: int | None = None     # epoch seconds, exclusive

    def is_empty(self) -> bool:
        return self == CustomerFilters()

    def sql(self, due_by: datetime | None = None) -> list[Filter]:
        """The SQL conditions over customer `c` (see customers.listing.CUSTOMERS)."""
        out: list[Filter] = []
        if self.platforms:
            out.append(Filter("c.platform IN (SELECT value FROM json_each(?))",
                              (json.dumps(list(self.platforms)),)))
        if self.lifecycles:
            out.append(Filter("c.lifecycle IN (SELECT value FROM json_each(?))",
                              (json.dumps(list(self.lifecycles)),)))
        if self.tag_ids:
            ids = json.dumps(list(self.tag_ids))
            having = "SELECT ct.customer_id FROM customer_tag ct WHERE ct.tag_id IN (SELECT value FROM json_each(?))"
            if self.tag_mode == "all":
                out.append(Filter(f"c.id IN ({having} GROUP BY ct.customer_id"
                                  " HAVING count(DISTINCT ct.tag_id) = ?)", (ids, len(set(self.tag_ids)))))
            elif self.tag_mode == "none":
                out.append(Filter(f"c.id NOT IN ({having})", (ids,)))
            else:
                out.append(Filter(f"c.id IN ({having})", (ids,)))
        for column, low, high in (("c.total_spent_fen", self.spend_min_fen, self.spend_max_fen),
                                  ("c.order_count", self.orders_min, self.orders_max)):
            if low is not None:
                out.append(Filter(f"{column} >= ?", (low,)))
            if high is not None:
                out.append(Filter(f"{column} <= ?", (high,)))
        if self.open_case:
            out.append(Filter("c.open_case_count > 0"))
        if self.followup_due:
            moment = timeutil.to_epoch(due_by or timeutil.now())
            out.append(Filter("c.id IN (SELECT customer_id FROM followup"
                              " WHERE done_at IS NULL AND due_at <= ?)", (moment,)))
        if self.risky:
            out.append(Filter(f"{risk_codes_sql('c')} <> ''"))
        if self.last_order_from is not None:
            out.append(Filter("c.last_order_at >= ?", (self.last_order_from,)))
        if self.last_order_to is not None:
            out.append(Filter("c.last_order_at < ?", (self.last_order_to,)))
        if self.first_order_from is not None:
            out.append(Filter("c.first_order_at >= ?", (self.first_order_from,)))
        if self.first_order_to is not None:
            out.append(Filter("c.first_order_at < ?", (self.first_order_to,)))
        return out

    def to_json(self) -> dict:
        """Only the parts that are set, so saved views stay short and readable."""
        default = CustomerFilters()
        return {k: (list(v) if isinstance(v, tuple) else v) for k, v in asdict(self).items()
                if v != getattr(default, k)}

    @classmethod
    def from_json(cls, data: object) -> CustomerFilters:
        """Lenient: anything malformed is left out rather than refused."""
        if not isinstance(data, dict):
            return cls()
        values: dict = {}
        for f in fields(cls):
            if f.name not in data:
                continue
            v = data[f.name]
            if f.name in ("platforms", "lifecycles"):
                allowed = PLATFORMS if f.name == "platforms" else LIFECYCLES
                if isinstance(v, list):
                    values[f.name] = tuple(x for x in v if x in allowed)
            elif f.name == "tag_ids":
                if isinstance(v, list):
                    values[f.name] = tuple(x for x in v if isinstance(x, int) and not isinstance(x, bool))
            elif f.name == "tag_mode":
                if v in TAG_MODES:
                    values[f.name] = v
            elif f.name in ("open_case", "followup_due", "risky"):
                if isinstance(v, bool):
                    values[f.name] = v
            elif isinstance(v, int) and not isinstance(v, bool) and abs(v) < 2 ** 53:
                values[f.name] = v
        return cls(**values)


@dataclass(frozen=True)
class ViewState:
    """What a saved view restores: the filters, the search text and the sort."""

    filters: CustomerFilters = field(default_factory=CustomerFilters)
    search: str = ""
    sort: str = ""             # a CUSTOMERS field; '' = the list's default
    descending: bool = True

    def to_json(self) -> str:
        return json.dumps({"filters": self.filters.to_json(), "search": self.search,
                           "sort": self.sort, "descending": self.descending}, ensure_ascii=False)

    @classmethod
    def from_json(cls, text: str) -> ViewState:
        try:
            data = json.loads(text)
        except (TypeError, ValueError):
            return cls()
        if not isinstance(data, dict):
            return cls()
        search = data.get("search")
        sort = data.get("sort")
        return cls(filters=CustomerFilters.from_json(data.get("filters")),
                   search=search[:200] if isinstance(search, str) else "",
                   sort=sort if isinstance(sort, str) else "",
                   descending=data.get("descending") is not False)


@dataclass(frozen=True)
class View:
    """A view in the picker. Presets have id None and a `key`; their `name`
    is the English text, marked for translation in the "SavedViews" context."""

    id: int | None
    name: str
    state: ViewState
    key: str = ""

    @property
    def preset(self) -> bool:
        return self.id is None


PRESETS: tuple[View, ...] = (
    View(None, QT_TRANSLATE_NOOP("SavedViews", "Unpaid orders to chase"),
         ViewState(CustomerFilters(lifecycles=("unpaid",)), sort="last_order_at"), "unpaid"),
    View(None, QT_TRANSLATE_NOOP("SavedViews", "Repeat buyers"),
         ViewState(CustomerFilters(orders_min=2), sort="total_spent_fen"), "repeat"),
    View(None, QT_TRANSLATE_NOOP("SavedViews", "Buyers with open cases"),
         ViewState(CustomerFilters(open_case=True), sort="open_case_count"), "open_cases"),
    View(None, QT_TRANSLATE_NOOP("SavedViews", "Follow-ups due"),
         ViewState(CustomerFilters(followup_due=True), sort="last_order_at"), "followups"),
    View(None, QT_TRANSLATE_NOOP("SavedViews", "Risky buyers"),
         ViewState(CustomerFilters(risky=True), sort="last_order_at"), "risky"),
)


def _name(value: object) -> str:
    name = clean_line(str(value or ""))
    if not name:
        raise UserError(QT_TRANSLATE_NOOP("UserError", "Give the view a name."))
    if len(name) > NAME_MAX:
        raise UserError(QT_TRANSLATE_NOOP("UserError", "A view name can be at most {limit} characters."),
                        limit=NAME_MAX)
    return name


def saved_views() -> list[View]:
    """The shop's own views, in the order they were made."""
    return [View(v.id, v.name, ViewState.from_json(v.state))
            for v in SavedView.select().where(SavedView.page == PAGE)
            .order_by(SavedView.position, SavedView.id)]


def save_view(name: str, state: ViewState) -> int:
    """Save under `name`; a view of the same name is replaced. Returns its id."""
    name = _name(name)
    now = timeutil.now()
    with changes.write(database) as pending:
        existing = SavedView.get_or_none(SavedView.page == PAGE, SavedView.name == name)
        if existing is not None:
            existing.state, existing.updated_at = state.to_json(), now
            existing.save()
            view_id = existing.id
        else:
            if SavedView.select().where(SavedView.page == PAGE).count() >= VIEWS_MAX:
                raise UserError(QT_TRANSLATE_NOOP("UserError", "There are already {limit} saved views; "
                                                  "delete one first."), limit=VIEWS_MAX)
            position = (SavedView.select().where(SavedView.page == PAGE).count())
            view_id = SavedView.insert(page=PAGE, name=name, state=state.to_json(), position=position,
                                       created_at=now, updated_at=now).execute()
        pending.add("saved_view", [view_id])
    return view_id


def delete_view(view_id: int) -> ViewState | None:
    """Delete a saved view; returns what it held (to save it again on undo)."""
    with changes.write(database) as pending:
        row = SavedView.get_or_none(SavedView.id == view_id, SavedView.page == PAGE)
        if row is None:
            return None
        state = ViewState.from_json(row.state)
        row.delete_instance()
        pending.add("saved_view", [view_id])
    return state


def day_start(moment: datetime) -> int:
    """Epoch seconds at local midnight starting `moment`'s day (date filters are by local day)."""
    local = moment.astimezone()
    return timeutil.to_epoch(local.replace(hour=0, minute=0, second=0, microsecond=0))


def delete_view_step(view_id: int) -> tuple[ViewState | None, Step]:
    """delete_view(), with the step that puts the view back with its id and
    place (a new id if that was taken meanwhile) and deletes it again."""
    with changes.write(database):
        row = SavedView.get_or_none(SavedView.id == view_id, SavedView.page == PAGE)
        if row is None:
            raise UserError(QT_TRANSLATE_NOOP("UserError", "This view no longer exists."))
        saved = dict(name=row.name, state=row.state, position=row.position, page=PAGE,
                     builtin=row.builtin, created_at=row.created_at)
        state = delete_view(view_id)
    cell = Cell(view_id)

    def undo() -> None:
        with changes.write(database) as pending:
            if SavedView.select().where(SavedView.page == PAGE,
                                        SavedView.name == saved["name"]).exists():
                raise UserError(QT_TRANSLATE_NOOP("UserError", "A view \"{name}\" was saved since; rename "
                                                  "or delete it first."),
                                name=saved["name"])
            values = dict(saved, updated_at=timeutil.now())
            if not SavedView.select().where(SavedView.id == cell.value).exists():
                values["id"] = cell.value
            cell.value = SavedView.insert(**values).execute()
            pending.add("saved_view", [cell.value])

    return state, Step(f"Delete view {saved['name']}", undo=undo,
                       redo=lambda: delete_view(cell.value), entity="saved_view")
