"""After-sales list filters and search: which cases the After-sales page shows.

A `CaseFilters` value says which cases the list shows; every part is optional
and the parts combine with AND. `search_filter(query)` is the search box:
case, order and tracking numbers first, then the buyer. Both yield Filters
over the CASES listing (case `a`, customer `c`, order `o`).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime, tzinfo

from desk.core import dbconn
from desk.core.aftersales import due
from desk.core.aftersales.codes import OPEN_STATUSES
from desk.core.customers import search as customer_search
from desk.core.listing import Filter

# any | overdue (due.overdue_filter) | due by the end of today, overdue included
DUE_CHOICES = ("", "overdue", "today")
CASE_NO_PREFIX_MIN = 4  # "SH" alone is the start of every case number


@dataclass(frozen=True)
class CaseFilters:
    statuses: tuple[str, ...] = ()
    kinds: tuple[str, ...] = ()
    reasons: tuple[str, ...] = ()            # aftersales_reason codes
    responsibilities: tuple[str, ...] = ()
    platforms: tuple[str, ...] = ()
    handlers: tuple[str, ...] = ()
    opened_from: int | None = None           # epoch seconds, inclusive
    opened_to: int | None = None             # epoch seconds, exclusive
    due: str = ""                            # one of DUE_CHOICES; "today" includes overdue

    def is_empty(self) -> bool:
        return self == CaseFilters()

    def sql(self, now: datetime, tz: tzinfo | None = None) -> list[Filter]:
        """The SQL conditions over the CASES listing; `now` and `tz` place "today"."""
        out: list[Filter] = []
        for column, values in (("a.status", self.statuses), ("a.kind", self.kinds),
                               ("a.reason", self.reasons), ("a.responsibility", self.responsibilities),
                               ("a.platform", self.platforms), ("a.handler", self.handlers)):
            if len(values) == 1:
                out.append(Filter(f"{column} = ?", (values[0],)))
            elif values:
                out.append(Filter(f"{column} IN (SELECT value FROM json_each(?))",
                                  (json.dumps(list(values), ensure_ascii=False),)))
        if self.opened_from is not None:
            out.append(Filter("a.opened_at >= ?", (self.opened_from,)))
        if self.opened_to is not None:
            out.append(Filter("a.opened_at < ?", (self.opened_to,)))
        if self.due == "overdue":
            out.append(due.overdue_filter(now))
        elif self.due == "today":
            out.append(due.today_filter(now, tz))
        elif self.due:
            raise ValueError(f"unknown due filter {self.due!r}")
        return out


OPEN = CaseFilters(statuses=OPEN_STATUSES)


def _range(column: str, prefix: str, params: list) -> str:
    """`column` starts with `prefix`, as a range the column's index serves."""
    upper = customer_search._after(prefix)
    if upper is None:
        params.append(prefix)
        return f"{column} >= ?"
    params.extend((prefix, upper))
    return f"{column} >= ? AND {column} < ?"


def _number_matches(q: str) -> tuple[str, list]:
    """Case ids whose case, order or tracking number is `q` (a long enough
    prefix of a case or order number too), as a UNION of index lookups."""
    numbers = sorted({q, q.upper()})
    marks = ",".join("?" * len(numbers))
    parts: list[str] = []
    params: list = []
    # Case numbers are upper-case: sh20250314 finds SH20250314-000012.
    if len(q) >= CASE_NO_PREFIX_MIN:
        parts.append("SELECT id FROM aftersales_case WHERE " + _range("case_no", q.upper(), params))
    else:
        parts.append("SELECT id FROM aftersales_case WHERE case_no = ?")
        params.append(q.upper())
    orders = [f"order_no IN ({marks})"]
    params_orders: list = list(numbers)
    if len(q) >= customer_search.ORDER_PREFIX_MIN:
        orders.append(_range("order_no", q, params_orders))
    for condition in orders:
        parts.append(f"SELECT id FROM aftersales_case WHERE order_id IN"
                     f" (SELECT id FROM shop_order WHERE {condition})")
    params.extend(params_orders)
    for column in ("return_tracking_no", "reissue_tracking_no"):
        parts.append(f"SELECT id FROM aftersales_case WHERE {column} <> '' AND {column} IN ({marks})")
        params.extend(numbers)
    # the tracking number of the order's own parcel
    parts.append("SELECT id FROM aftersales_case WHERE order_id IN"
                 f" (SELECT id FROM shop_order WHERE tracking_no <> '' AND tracking_no IN ({marks}))")
    params.extend(numbers)
    return " UNION ALL ".join(parts), params


def search_filter(query: str) -> Filter | None:
    """The search box (None for a blank query: no filter).

    A case, order or tracking number finds just the cases it names. Anything
    else is looked for as a buyer, the way the Customers page searches
    (nickname, pinyin, phone, ...), and finds that buyer's cases. Every part
    is an indexed lookup; nothing scans the case table per keystroke."""
    if not query.strip():
        return None
    q = query.strip().replace("\x00", "")  # SQLite would cut a string there
    if not q:
        return Filter("0 = 1")
    numbers, params = _number_matches(q)
    buyers = customer_search.search_filter(q)
    sql = numbers
    if buyers is not None:
        # A number that names cases does not also list the rest of its buyer's cases.
        sql += (" UNION ALL SELECT x.id FROM aftersales_case x WHERE x.customer_id IN"
                f" (SELECT c.id FROM customer c WHERE {buyers.sql}) AND NOT EXISTS ({numbers})")
        params = [*params, *buyers.params, *params]
    return Filter(f"a.id IN ({sql})", tuple(params), by_id=True)


# -- choices for the filter bar --------------------------------------------------------


def reason_choices() -> list[tuple[str, str]]:
    """(code, name) of every reason, switched-off ones too (old cases have them)."""
    return [(code, name) for code, name in dbconn.execute(
        "SELECT code, shown_name('reason', code, name) FROM aftersales_reason"
        " ORDER BY position, id")]


def handler_choices() -> list[str]:
    """The handlers named on live cases, alphabetically."""
    return [h for (h,) in dbconn.execute(
        "SELECT DISTINCT handler FROM aftersales_case WHERE handler <> '' AND deleted_at IS NULL"
        " ORDER BY handler")]
