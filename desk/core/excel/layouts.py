"""The platforms' order exports as data: what each column is called, which
columns tell the platforms apart, and what their order statuses mean.

A file's header row is the first row (of the first few) in which the order
number and a buyer column are found; the platform is the one whose own
column names match best.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from desk.core.errors import QT_TRANSLATE_NOOP

# What an order import reads, with the names the field goes by in the
# seller centres' exports (compared without spaces, case or bracket width).
FIELD_NAMES: dict[str, tuple[str, ...]] = {
    "order_no": ("订单编号", "订单号", "主订单编号", "订单ID", "订单id"),
    "nickname": ("买家会员名", "买家昵称", "用户昵称", "买家账号", "客户账号", "用户名"),
    "receiver": ("收货人姓名", "收货人", "收件人", "收件人姓名", "客户姓名"),
    "phone": ("联系手机", "手机号", "收货人手机号", "收件人手机号", "收件人手机", "手机", "联系电话"),
    "address": ("收货地址", "详细地址", "收货人地址", "收件地址", "客户地址"),
    "amount": ("买家实际支付金额", "实付金额", "用户实付金额(元)", "用户实付金额", "订单应付金额",
               "应付金额", "订单金额", "实收款"),
    "shipping": ("买家应付邮费", "邮费", "运费", "运费(元)"),
    "status": ("订单状态", "交易状态"),
    "placed_at": ("订单创建时间", "下单时间", "订单提交时间", "订单成交时间", "创建时间", "拍下时间"),
    "paid_at": ("订单付款时间", "支付时间", "付款时间", "支付完成时间", "付款确认时间"),
    "shipped_at": ("发货时间", "卖家发货时间"),
    "completed_at": ("确认收货时间", "完成时间", "订单完成时间", "交易成功时间"),
    "carrier": ("物流公司", "快递公司"),
    "tracking_no": ("物流单号", "快递单号", "运单号"),
    "item_title": ("宝贝标题", "商品名称", "商品标题", "选购商品", "商品"),
    "sku": ("宝贝属性", "商品属性", "商品规格", "销售属性", "规格"),
    "quantity": ("宝贝总数量", "宝贝数量", "商品数量", "商品数量(件)", "购买数量", "订购数量", "数量"),
    "buyer_message": ("买家留言", "买家备注", "订单备注"),
}

# The fields, in the order the mapping dialog lists them, with English names
# marked for translation; the first three must be mapped.
FIELD_LABELS: dict[str, str] = {
    "order_no": QT_TRANSLATE_NOOP("ImportField", "Order number"),
    "nickname": QT_TRANSLATE_NOOP("ImportField", "Buyer nickname"),
    "status": QT_TRANSLATE_NOOP("ImportField", "Order status"),
    "receiver": QT_TRANSLATE_NOOP("ImportField", "Receiver"),
    "phone": QT_TRANSLATE_NOOP("ImportField", "Receiver phone"),
    "address": QT_TRANSLATE_NOOP("ImportField", "Address"),
    "amount": QT_TRANSLATE_NOOP("ImportField", "Amount paid"),
    "shipping": QT_TRANSLATE_NOOP("ImportField", "Shipping fee"),
    "placed_at": QT_TRANSLATE_NOOP("ImportField", "Time placed"),
    "paid_at": QT_TRANSLATE_NOOP("ImportField", "Time paid"),
    "shipped_at": QT_TRANSLATE_NOOP("ImportField", "Time shipped"),
    "completed_at": QT_TRANSLATE_NOOP("ImportField", "Time completed"),
    "carrier": QT_TRANSLATE_NOOP("ImportField", "Carrier"),
    "tracking_no": QT_TRANSLATE_NOOP("ImportField", "Tracking number"),
    "item_title": QT_TRANSLATE_NOOP("ImportField", "Item title"),
    "sku": QT_TRANSLATE_NOOP("ImportField", "Item options"),
    "quantity": QT_TRANSLATE_NOOP("ImportField", "Quantity"),
    "buyer_message": QT_TRANSLATE_NOOP("ImportField", "Buyer message"),
}
REQUIRED = ("order_no", "status")
# A buyer is found by nickname; files without one use the receiver's name.
BUYER = ("nickname", "receiver")
INCOMPLETE = QT_TRANSLATE_NOOP("UserError", "Choose at least the columns of the order number, the "
                               "order status and the buyer.")


@dataclass(frozen=True)
class Layout:
    """A platform's export: `signature` are column names only its files have;
    `amount_per_row`: each item row carries its own part of the amount (sum
    them) rather than the order's total (take it once)."""

    platform: str
    signature: tuple[str, ...]
    amount_per_row: bool = False


LAYOUTS: tuple[Layout, ...] = (
    Layout("taobao", ("买家会员名", "买家实际支付金额", "宝贝标题", "宝贝总数量", "订单付款时间",
                      "联系手机", "收货人姓名", "买家应付邮费")),
    Layout("pdd", ("用户实付金额(元)", "商品数量(件)", "成团时间", "商家编码-SKU维度", "商品规格",
                   "手机")),
    Layout("jd", ("客户账号", "客户姓名", "订购数量", "付款确认时间", "客户地址", "应付金额")),
    Layout("douyin", ("主订单编号", "子订单编号", "选购商品", "收件人手机号", "订单提交时间",
                      "支付完成时间"), amount_per_row=True),
)
LAYOUT_BY_PLATFORM = {layout.platform: layout for layout in LAYOUTS}
# Tmall's seller centre writes Taobao's layout.
LAYOUT_BY_PLATFORM["tmall"] = Layout("tmall", LAYOUT_BY_PLATFORM["taobao"].signature)
IMPORT_PLATFORMS = ("taobao", "tmall", "pdd", "jd", "douyin")
HEADER_SEARCH_ROWS = 30

# Order status words -> our status, tried in this order (a closed order's
# text may mention payment, a shipped one's may mention confirming).
STATUS_RULES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("closed", ("关闭", "取消", "退款成功", "已退款")),
    ("unpaid", ("等待买家付款", "待付款", "未付款", "待支付", "未支付")),
    ("completed", ("交易成功", "已完成", "完成", "已签收", "已收货")),
    ("shipped", ("已发货", "待收货", "已出库", "运输中", "配送中", "等待确认收货")),
    ("paid", ("已付款", "已支付", "待发货", "待出库", "待配货", "等待卖家发货", "待成团")),
)
ENGLISH_STATUSES = ("unpaid", "paid", "shipped", "completed", "closed")

_SPACES = re.compile(r"\s+")
_WIDE = str.maketrans("（）：", "():")


def normalize(name: object) -> str:
    """A header name as compared: no spaces, ASCII brackets, lower case."""
    if name is None:
        return ""
    return _SPACES.sub("", str(name)).translate(_WIDE).lower()


_ALIASES: dict[str, str] = {}
for _field, _names in FIELD_NAMES.items():
    for _name in _names:
        _ALIASES.setdefault(normalize(_name), _field)


def status_code(text: str) -> str | None:
    """Our status for a platform's status text, None when it means nothing to us."""
    t = normalize(text)
    if t in ENGLISH_STATUSES:
        return t
    for code, words in STATUS_RULES:
        if any(w in t for w in words):
            return code
    return None


@dataclass(frozen=True)
class Header:
    """Where the header is (0-based row index) and which column each field is in."""

    row: int
    columns: Mapping[str, int]
    names: tuple[str, ...]  # the header row's cells as written (spaces trimmed)


def match_columns(cells: Sequence[object]) -> dict[str, int]:
    """Fields found in a header row by their known names (first column wins)."""
    found: dict[str, int] = {}
    for i, cell in enumerate(cells):
        field = _ALIASES.get(normalize(cell))
        if field and field not in found:
            found[field] = i
    return found


def find_header(rows: Sequence[Sequence[object]]) -> Header | None:
    """The first row among `rows` that names the order number, the status and a buyer."""
    for index, cells in enumerate(rows[:HEADER_SEARCH_ROWS]):
        found = match_columns(cells)
        if all(f in found for f in REQUIRED) and any(f in found for f in BUYER):
            return Header(index, found, tuple(_trimmed(c) for c in cells))
    return None


def header_by_mapping(rows: Sequence[Sequence[object]], mapping: Mapping[str, str]) -> Header | None:
    """The first row that holds every column a mapping (field -> column name) names."""
    wanted = {field: normalize(name) for field, name in mapping.items() if name}
    for index, cells in enumerate(rows[:HEADER_SEARCH_ROWS]):
        names = [normalize(c) for c in cells]
        if all(n in names for n in wanted.values()):
            return Header(index, {f: names.index(n) for f, n in wanted.items()},
                          tuple(_trimmed(c) for c in cells))
    return None


def detect_platform(header_names: Sequence[str]) -> str:
    """The platform whose own column names the header has most of (Taobao on a tie)."""
    names = {normalize(n) for n in header_names}
    best, score = "taobao", 0
    for layout in LAYOUTS:
        hits = sum(normalize(s) in names for s in layout.signature)
        if hits > score:
            best, score = layout.platform, hits
    return best


def _trimmed(cell: object) -> str:
    return "" if cell is None else _SPACES.sub(" ", str(cell)).strip()
