"""What each export writes: one sheet per kind of record, queried in SQL.

A list page passes its current filters and sort (a Selection over its
Listing) or the ids the user picked; headers and sheet names come in English
marked for translation (context "Export") and go through the caller's
`translate`; stored codes (platform, status, ...) are written as their names
(desk.core.labels through the same `translate`, unless the caller passes
`labels`), never as the codes, so a shop's spreadsheet reads in its language.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import tzinfo

from desk.core import labels as code_labels
from desk.core.aftersales.listing import CASES
from desk.core.base import database
from desk.core.customers.listing import CUSTOMERS, split_tags
from desk.core.errors import QT_TRANSLATE_NOOP, UserError
from desk.core.excel.writer import Column, Sheet, WriteResult, write_workbook
from desk.core.listing import Filter, Listing

KINDS = ("customers", "orders", "aftersales", "followups", "replies", "all")
Translate = Callable[[str, str], str]
# code kind ("platform", "lifecycle", "order_status", "case_kind", "case_status",
# "responsibility") -> stored code -> the name to write
Labels = Mapping[str, Mapping[str, str]]


def untranslated(context: str, text: str) -> str:
    return text


@dataclass(frozen=True)
class Selection:
    """Which rows, in what order: the list's filters and sort, or the ids
    the user picked (written in the order given)."""

    filters: tuple[Filter, ...] = ()
    sort: str | None = None
    descending: bool = False
    ids: tuple[int, ...] | None = None


ALL = Selection()

ORDERS = Listing(
    source="shop_order o JOIN customer c ON c.id = o.customer_id",
    id_sql="o.id",
    fields={"placed_at": "o.placed_at", "order_no": "o.order_no", "nickname": "c.nickname",
            "amount_fen": "o.amount_fen", "status": "o.status", "customer_id": "o.customer_id"},
    base_where="c.deleted_at IS NULL",
    default_sort="placed_at",
)
FOLLOWUPS = Listing(
    source="followup f JOIN customer c ON c.id = f.customer_id",
    id_sql="f.id",
    fields={"due_at": "f.due_at", "title": "f.title", "nickname": "c.nickname",
            "done_at": "f.done_at", "customer_id": "f.customer_id"},
    base_where="c.deleted_at IS NULL",
    default_sort="due_at",
)
REPLIES = Listing(
    source="reply r JOIN reply_group g ON g.id = r.group_id",
    id_sql="r.id",
    fields={"group": "g.name", "code": "r.code", "body": "r.body"},
    base_where="r.deleted_at IS NULL",
    sort_sql={"group": "g.position, g.id, r.position"},
    default_sort="group",
)


@dataclass(frozen=True)
class _Spec:
    """One kind of export: its sheet name, its list, and its columns as
    (English header, kind, SQL expression, code kind for `labels` or '')."""

    sheet: str
    listing: Listing
    source: str
    columns: tuple[tuple[str, str, str, str], ...]
    convert: Callable[[tuple], tuple] | None = None


_CUSTOMER_SPEC = _Spec(
    QT_TRANSLATE_NOOP("Export", "Customers"), CUSTOMERS, "customer c",
    (
        (QT_TRANSLATE_NOOP("Export", "Nickname"), "text", "c.nickname", ""),
        (QT_TRANSLATE_NOOP("Export", "Platform"), "text", "c.platform", "platform"),
        (QT_TRANSLATE_NOOP("Export", "Real name"), "text", "c.real_name", ""),
        (QT_TRANSLATE_NOOP("Export", "Phone"), "phone", "c.phone", ""),
        (QT_TRANSLATE_NOOP("Export", "Region"), "text", "c.region", ""),
        (QT_TRANSLATE_NOOP("Export", "Group"), "text", "c.lifecycle", "lifecycle"),
        (QT_TRANSLATE_NOOP("Export", "Tags"), "text", CUSTOMERS.fields["tags"], ""),
        (QT_TRANSLATE_NOOP("Export", "Orders"), "int", "c.order_count", ""),
        (QT_TRANSLATE_NOOP("Export", "Paid orders"), "int", "c.paid_order_count", ""),
        (QT_TRANSLATE_NOOP("Export", "Total spent"), "money", "c.total_spent_fen", ""),
        (QT_TRANSLATE_NOOP("Export", "Average order"), "money", CUSTOMERS.fields["avg_order_fen"], ""),
        (QT_TRANSLATE_NOOP("Export", "First order"), "datetime", "c.first_order_at", ""),
        (QT_TRANSLATE_NOOP("Export", "Last order"), "datetime", "c.last_order_at", ""),
        (QT_TRANSLATE_NOOP("Export", "Last contact"), "datetime", "c.last_contact_at", ""),
        (QT_TRANSLATE_NOOP("Export", "After-sales cases"), "int", "c.case_count", ""),
        (QT_TRANSLATE_NOOP("Export", "Open cases"), "int", "c.open_case_count", ""),
        (QT_TRANSLATE_NOOP("Export", "Address"), "text",
         "(SELECT a.province || a.city || a.district || a.detail FROM address a"
         " WHERE a.customer_id = c.id ORDER BY a.is_default DESC, a.id LIMIT 1)", ""),
        (QT_TRANSLATE_NOOP("Export", "Added"), "datetime", "c.created_at", ""),
    ),
    convert=lambda row: (*row[:6], "、".join(name for name, _ in split_tags(row[6])), *row[7:]),
)

_ORDER_SPEC = _Spec(
    QT_TRANSLATE_NOOP("Export", "Orders"), ORDERS, ORDERS.source,
    (
        (QT_TRANSLATE_NOOP("Export", "Order number"), "code", "o.order_no", ""),
        (QT_TRANSLATE_NOOP("Export", "Platform"), "text", "o.platform", "platform"),
        (QT_TRANSLATE_NOOP("Export", "Buyer"), "text", "c.nickname", ""),
        (QT_TRANSLATE_NOOP("Export", "Status"), "text", "o.status", "order_status"),
        (QT_TRANSLATE_NOOP("Export", "Placed"), "datetime", "o.placed_at", ""),
        (QT_TRANSLATE_NOOP("Export", "Paid"), "datetime", "o.paid_at", ""),
        (QT_TRANSLATE_NOOP("Export", "Shipped"), "datetime", "o.shipped_at", ""),
        (QT_TRANSLATE_NOOP("Export", "Completed"), "datetime", "o.completed_at", ""),
        (QT_TRANSLATE_NOOP("Export", "Amount paid"), "money", "o.amount_fen", ""),
        (QT_TRANSLATE_NOOP("Export", "Shipping"), "money", "o.shipping_fen", ""),
        (QT_TRANSLATE_NOOP("Export", "Items"), "text", "o.items", ""),
        (QT_TRANSLATE_NOOP("Export", "Carrier"), "text", "o.carrier", ""),
        (QT_TRANSLATE_NOOP("Export", "Tracking number"), "code", "o.tracking_no", ""),
        (QT_TRANSLATE_NOOP("Export", "Receiver"), "text", "o.receiver_name", ""),
        (QT_TRANSLATE_NOOP("Export", "Receiver phone"), "phone", "o.receiver_phone", ""),
        (QT_TRANSLATE_NOOP("Export", "Address"), "text", "o.receiver_address", ""),
        (QT_TRANSLATE_NOOP("Export", "Buyer message"), "text", "o.buyer_message", ""),
    ),
)

_CASE_SPEC = _Spec(
    QT_TRANSLATE_NOOP("Export", "After-sales"), CASES, CASES.source,
    (
        (QT_TRANSLATE_NOOP("Export", "Case number"), "code", "a.case_no", ""),
        (QT_TRANSLATE_NOOP("Export", "Buyer"), "text", "c.nickname", ""),
        (QT_TRANSLATE_NOOP("Export", "Platform"), "text", "a.platform", "platform"),
        (QT_TRANSLATE_NOOP("Export", "Order number"), "code", "o.order_no", ""),
        (QT_TRANSLATE_NOOP("Export", "Kind"), "text", "a.kind", "case_kind"),
        (QT_TRANSLATE_NOOP("Export", "Reason"), "text", "coalesce(r.name, a.reason)", ""),
        (QT_TRANSLATE_NOOP("Export", "Responsibility"), "text", "a.responsibility",
         "responsibility"),
        (QT_TRANSLATE_NOOP("Export", "Status"), "text", "a.status", "case_status"),
        (QT_TRANSLATE_NOOP("Export", "Handler"), "text", "a.handler", ""),
        (QT_TRANSLATE_NOOP("Export", "Items"), "text", "a.items", ""),
        (QT_TRANSLATE_NOOP("Export", "Refund"), "money", "a.refund_fen", ""),
        (QT_TRANSLATE_NOOP("Export", "Compensation"), "money", "a.compensation_fen", ""),
        (QT_TRANSLATE_NOOP("Export", "Opened"), "datetime", "a.opened_at", ""),
        (QT_TRANSLATE_NOOP("Export", "Closed"), "datetime", "a.closed_at", ""),
        (QT_TRANSLATE_NOOP("Export", "Next deadline"), "datetime", "a.next_deadline_at", ""),
        (QT_TRANSLATE_NOOP("Export", "Events"), "int",
         "(SELECT count(*) FROM case_event e WHERE e.case_id = a.id)", ""),
        (QT_TRANSLATE_NOOP("Export", "Photos"), "int",
         "(SELECT count(*) FROM evidence v WHERE v.case_id = a.id AND v.deleted_at IS NULL)", ""),
        (QT_TRANSLATE_NOOP("Export", "Return tracking number"), "code", "a.return_tracking_no", ""),
        (QT_TRANSLATE_NOOP("Export", "Description"), "text", "a.description", ""),
    ),
)

_FOLLOWUP_SPEC = _Spec(
    QT_TRANSLATE_NOOP("Export", "Follow-ups"), FOLLOWUPS,
    FOLLOWUPS.source + " LEFT JOIN aftersales_case a ON a.id = f.case_id",
    (
        (QT_TRANSLATE_NOOP("Export", "Due"), "datetime", "f.due_at", ""),
        (QT_TRANSLATE_NOOP("Export", "Task"), "text", "f.title", ""),
        (QT_TRANSLATE_NOOP("Export", "Buyer"), "text", "c.nickname", ""),
        (QT_TRANSLATE_NOOP("Export", "Platform"), "text", "c.platform", "platform"),
        (QT_TRANSLATE_NOOP("Export", "Case number"), "code", "a.case_no", ""),
        (QT_TRANSLATE_NOOP("Export", "Done"), "datetime", "f.done_at", ""),
        (QT_TRANSLATE_NOOP("Export", "Added"), "datetime", "f.created_at", ""),
    ),
)

_REPLY_SPEC = _Spec(
    QT_TRANSLATE_NOOP("Export", "Quick replies"), REPLIES, REPLIES.source,
    (
        (QT_TRANSLATE_NOOP("Export", "Group"), "text", "g.name", ""),
        (QT_TRANSLATE_NOOP("Export", "Code"), "code", "r.code", ""),
        (QT_TRANSLATE_NOOP("Export", "Text"), "text", "r.body", ""),
        # 1 first within its group, as `replies import` reads it back
        (QT_TRANSLATE_NOOP("Export", "Position"), "int", "r.position + 1", ""),
        (QT_TRANSLATE_NOOP("Export", "Times used"), "int", "r.use_count", ""),
        (QT_TRANSLATE_NOOP("Export", "Last used"), "datetime", "r.last_used_at", ""),
    ),
)

SPECS = {"customers": _CUSTOMER_SPEC, "orders": _ORDER_SPEC, "aftersales": _CASE_SPEC,
         "followups": _FOLLOWUP_SPEC, "replies": _REPLY_SPEC}

_CHUNK = 500


def _rows(spec: _Spec, ids: Sequence[int], labels: Labels) -> Iterator[tuple]:
    """The rows of `ids`, in that order, fetched a chunk at a time."""
    columns = ", ".join(sql for _, _, sql, _ in spec.columns)
    coded = [(i, labels[code]) for i, (_, _, _, code) in enumerate(spec.columns)
             if code and code in labels]
    id_sql = spec.listing.id_sql
    conn = database.connection()
    for start in range(0, len(ids), _CHUNK):
        part = ids[start:start + _CHUNK]
        marks = ",".join("?" * len(part))
        found = {row[0]: row[1:] for row in conn.execute(
            f"SELECT {id_sql}, {columns} FROM {spec.source} WHERE {id_sql} IN ({marks})", list(part))}
        for row_id in part:
            row = found.get(row_id)
            if row is None:  # deleted since the ids were read
                continue
            if spec.convert:
                row = spec.convert(row)
            if coded:
                row = list(row)
                for i, names in coded:
                    row[i] = names.get(row[i], row[i])
            yield row


def sheet(kind: str, selection: Selection = ALL, translate: Translate = untranslated,
          labels: Labels | None = None) -> Sheet:
    """The sheet of one kind of record (not "all"); `labels` None: the names
    of desk.core.labels in `translate`'s language."""
    spec = SPECS[kind]
    if labels is None:
        labels = code_labels.all_names(translate)
    if selection.ids is not None:
        ids = list(dict.fromkeys(selection.ids))
    else:
        ids = spec.listing.ids(selection.filters, selection.sort, selection.descending)
    columns = [Column(translate("Export", header), col_kind) for header, col_kind, _, _ in spec.columns]
    return Sheet(translate("Export", spec.sheet), columns, _rows(spec, ids, labels), len(ids))


def export(
    kind: str,
    path: str | os.PathLike,
    selection: Selection = ALL,
    *,
    mask_phones: bool = False,
    translate: Translate = untranslated,
    labels: Labels | None = None,
    tz: tzinfo | None = None,
    max_rows: int | None = None,
    progress: Callable[[int, int], None] | None = None,
    is_cancelled: Callable[[], bool] | None = None,
) -> WriteResult:
    """Write one kind of record (or "all": a sheet each) to an .xlsx file."""
    if kind not in KINDS:
        raise UserError(QT_TRANSLATE_NOOP("UserError", "Nothing called \"{kind}\" can be exported."),
                        kind=str(kind)[:40])
    kinds = list(SPECS) if kind == "all" else [kind]
    # The ids are read in one read transaction, so the sheets agree with each other.
    with database.atomic():
        sheets = [sheet(k, selection if kind != "all" else ALL, translate, labels) for k in kinds]
        extra = {} if max_rows is None else {"max_rows": max_rows}
        return write_workbook(path, sheets, mask_phones=mask_phones, tz=tz, progress=progress,
                              is_cancelled=is_cancelled, **extra)
