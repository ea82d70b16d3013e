"""The Taobao/Tmall 宝贝报表 (item report): one row per item, joined to the
orders on 订单编号.

The seller centre gives an order's items in a file of their own; the order
report (订单报表) has only a one-cell summary of them. Read together, the
item rows replace the summary; read after the orders were imported, they
fill in the items of the orders ShopDesk has (replacing, never adding to,
what is stored); an order report read afterwards leaves them alone.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from desk.core.errors import QT_TRANSLATE_NOOP, UserError
from desk.core.excel import values

_TEXT_MAX = 500


@dataclass(slots=True)
class OrderItems:
    """The item rows of one order in an item report."""

    row: int  # the first row
    rows: list[int] = field(default_factory=list)
    items: list[tuple[str, str, int, int]] = field(default_factory=list)  # title, options, qty, price
    file: str = ""  # which file, when several were read together


def read_rows(rows: Iterable[tuple[int, Sequence]], columns: Mapping[str, int]
              ) -> tuple[dict[str, OrderItems], list[tuple[int, UserError]]]:
    """(row number, cells) pairs of an item report -> items by order number,
    and the rows that cannot be used."""
    orders: dict[str, OrderItems] = {}
    errors: list[tuple[int, UserError]] = []
    for number, cells in rows:
        try:
            order_no, item = _item(cells, columns)
        except UserError as e:
            errors.append((number, e))
            continue
        entry = orders.get(order_no)
        if entry is None:
            entry = orders[order_no] = OrderItems(number)
        entry.rows.append(number)
        entry.items.append(item)
    return orders, errors


def _item(cells: Sequence, columns: Mapping[str, int]) -> tuple[str, tuple[str, str, int, int]]:
    width = len(cells)
    get = {name: cells[i] for name, i in columns.items() if i < width}.get
    order_no = values.order_number(get("order_no"))
    title = values.text(get("item_title"))[:_TEXT_MAX]
    if not title:
        raise UserError(QT_TRANSLATE_NOOP("UserError", "Order {order_no}: an item row has no title."),
                        order_no=order_no)
    # 商品属性 (colour, size) and 套餐信息 (the bundle) both describe what was chosen
    options = "; ".join(p for p in (values.text(get("sku")), values.text(get("package"))) if p)[:200]
    price = values.fen(get("price"))
    if price is not None and price < 0:
        raise UserError(QT_TRANSLATE_NOOP("UserError", "The amount {amount} is negative."),
                        amount=values.text(get("price"))[:40])
    return order_no, (title, options, values.quantity(get("quantity")), price or 0)


def items_text(items: Sequence[tuple]) -> str:
    """How an order's items read in one line (stored on the order)."""
    return "; ".join([f"{t} {s} ×{q}" if t and s else f"{t or s} ×{q}" for t, s, q, _ in items])
