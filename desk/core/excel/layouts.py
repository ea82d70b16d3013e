"""The platforms' order exports as data: what each column is called, which
columns tell the platforms apart, and what their order statuses mean.

A file's header row is the first row (of the first few) in which the order
number and a buyer column are found; the platform is the one whose own
column names match best. Where a file has two columns for one field (Taobao's
联系电话 and 联系手机), the name listed first in FIELD_NAMES wins.

Taobao and Tmall give orders and their items as two files: the 订单报表 (one
row per order, the item columns only sum the order up) and the 宝贝报表 (one
row per item, no buyer), joined on 订单编号. The item report is recognised by
ITEM_NAMES.

The column sets are the platforms' current exports as open-source tools that
read them write them down; the tests' fixtures name each source.
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
    "nickname": ("买家会员名", "买家昵称", "用户昵称", "下单帐号", "下单账号", "买家账号", "客户账号",
                 "用户名"),
    "receiver": ("收货人姓名", "收货人", "收件人", "收件人姓名", "客户姓名"),
    # Taobao has both: 联系手机 (the mobile, what staff search by) and 联系电话 (a landline, mostly empty)
    "phone": ("联系手机", "手机号", "收货人手机号", "收件人手机号", "收件人手机", "手机", "联系电话"),
    "address": ("收货地址", "详细地址", "收货人地址", "收件人地址", "收件地址", "客户地址"),
    "amount": ("买家实际支付金额", "订单实际支付金额", "实付金额", "用户实付金额(元)", "用户实付金额",
               "订单应付金额", "应付金额", "订单金额", "实收款"),
    "shipping": ("买家应付邮费", "邮费", "邮费(元)", "运费", "运费(元)", "运费金额", "订单运费"),
    "status": ("订单状态", "交易状态"),
    "placed_at": ("订单创建时间", "下单时间", "订单下单时间", "订单提交时间", "订单成交时间", "创建时间",
                  "拍下时间"),
    "paid_at": ("订单付款时间", "支付时间", "付款时间", "支付完成时间", "付款确认时间"),
    "shipped_at": ("发货时间", "卖家发货时间", "订单发货时间"),
    "completed_at": ("确认收货时间", "完成时间", "订单完成时间", "订单确认收货时间", "交易成功时间"),
    "carrier": ("物流公司", "快递公司"),
    "tracking_no": ("物流单号", "快递单号", "运单号"),
    "item_title": ("宝贝标题", "商品名称", "商品标题", "选购商品", "商品"),
    "sku": ("宝贝属性", "商品属性", "商品规格", "销售属性", "规格"),
    "quantity": ("宝贝总数量", "宝贝数量", "商品数量", "商品数量(件)", "购买数量", "订购数量", "数量"),
    "buyer_message": ("买家留言", "买家备注", "订单备注"),
    # Not offered in the mapping dialog: a refunded order's status says little
    # (PDD: 已取消 or even 已签收), its after-sales column says 退款成功.
    "refund_status": ("售后状态", "退款状态", "商品售后"),
    # Douyin and Pinduoduo give the province to the street in columns of their
    # own, and in 详细地址 only the rest (Douyin) or everything (Pinduoduo).
    "province": ("省", "省份"),
    "city": ("市", "城市"),
    "district": ("区", "区县"),
    "street": ("街道", "街道/镇"),
}
ADDRESS_PARTS = ("province", "city", "district", "street")

# The Taobao/Tmall 宝贝报表: one row per item of an order, joined to the
# 订单报表 on 订单编号 (its 订单状态 is the item's, its 价格 the unit price).
ITEM_NAMES: dict[str, tuple[str, ...]] = {
    "order_no": ("订单编号",),
    "item_title": ("标题",),
    "price": ("价格",),
    "quantity": ("购买数量",),
    "sku": ("商品属性",),
    "package": ("套餐信息",),
}
ITEM_REQUIRED = ("order_no", "item_title", "quantity")

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
    them) rather than the order's total (take it once); `summary_items`: the
    item columns only sum the order up (Taobao's 订单报表: all titles in one
    cell), so they never replace items an item report gave."""

    platform: str
    signature: tuple[str, ...]
    amount_per_row: bool = False
    summary_items: bool = False


LAYOUTS: tuple[Layout, ...] = (
    Layout("taobao", ("买家会员名", "买家支付宝账号", "买家应付货款", "买家实际支付金额", "宝贝标题",
                      "宝贝种类", "宝贝总数量", "订单付款时间", "联系手机", "收货人姓名", "买家应付邮费"),
           summary_items=True),
    Layout("pdd", ("用户实付金额(元)", "商家实收金额(元)", "商品数量(件)", "商品总价(元)", "邮费(元)",
                   "多多支付立减金额(元)", "成团时间", "商家编码-SKU维度", "商家编码-规格维度", "样式ID",
                   "商品规格", "手机")),
    Layout("jd", ("下单帐号", "客户账号", "客户姓名", "订购数量", "付款确认时间", "客户地址", "应付金额",
                  "京东价", "结算金额", "余额支付")),
    Layout("douyin", ("主订单编号", "子订单编号", "选购商品", "收件人手机号", "订单提交时间",
                      "支付完成时间", "是否修改过地址", "达人昵称", "APP渠道"), amount_per_row=True),
    Layout("wechat", ("订单下单时间", "收件人手机", "订单实际支付金额", "订单实际收款金额", "商品编码(平台)",
                      "SKU编码(自定义)", "带货账号昵称", "打标颜色", "订单完成结算时间", "商品已退款金额")),
)
LAYOUT_BY_PLATFORM = {layout.platform: layout for layout in LAYOUTS}
# Tmall's seller centre writes Taobao's layout.
LAYOUT_BY_PLATFORM["tmall"] = Layout("tmall", LAYOUT_BY_PLATFORM["taobao"].signature, summary_items=True)
IMPORT_PLATFORMS = ("taobao", "tmall", "pdd", "jd", "douyin", "wechat")
# The item report comes from these platforms' seller centre only.
ITEM_REPORT_PLATFORMS = ("taobao", "tmall")
HEADER_SEARCH_ROWS = 30

# Order status words -> our status, tried in this order (a closed order's
# text may mention payment, a shipped one's may mention confirming).
STATUS_RULES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("closed", ("关闭", "取消", "退款成功", "已退款", "全额退款")),
    ("unpaid", ("等待买家付款", "待付款", "未付款", "待支付", "未支付", "等待付款")),
    ("completed", ("交易成功", "已完成", "完成", "已签收", "已收货")),
    ("shipped", ("已发货", "部分发货", "待收货", "已出库", "运输中", "配送中", "等待确认收货", "待签收")),
    ("paid", ("已付款", "已支付", "待发货", "备货中", "待出库", "待配货", "等待卖家发货", "待成团", "锁定",
              "暂停")),
)
# An after-sales column that says the money went back: the order is closed.
REFUNDED = ("退款成功", "已退款", "全额退款", "退款完成")
ENGLISH_STATUSES = ("unpaid", "paid", "shipped", "completed", "closed")

_SPACES = re.compile(r"\s+")
_WIDE = str.maketrans("（）：", "():")


def normalize(name: object) -> str:
    """A header name as compared: no spaces, ASCII brackets, lower case."""
    if name is None:
        return ""
    return _SPACES.sub("", str(name)).translate(_WIDE).lower()


# normalized name -> (field, rank): the lower the rank, the better the column
_ALIASES: dict[str, tuple[str, int]] = {}
for _field, _names in FIELD_NAMES.items():
    for _rank, _name in enumerate(_names):
        _ALIASES.setdefault(normalize(_name), (_field, _rank))
_ITEM_ALIASES = {normalize(n): f for f, names in ITEM_NAMES.items() for n in names}


def status_code(text: str) -> str | None:
    """Our status for a platform's status text, None when it means nothing to us."""
    t = normalize(text)
    if t in ENGLISH_STATUSES:
        return t
    for code, words in STATUS_RULES:
        if any(w in t for w in words):
            return code
    return None


def is_refunded(text: str) -> bool:
    """An after-sales status saying the buyer got the money back."""
    t = normalize(text)
    return any(w in t for w in REFUNDED)


@dataclass(frozen=True)
class Header:
    """Where the header is (0-based row index) and which column each field is in."""

    row: int
    columns: Mapping[str, int]
    names: tuple[str, ...]  # the header row's cells as written (spaces trimmed)


def match_columns(cells: Sequence[object]) -> dict[str, int]:
    """Fields found in a header row by their known names: of two columns for
    one field, the better-ranked name wins, then the first column."""
    best: dict[str, tuple[int, int]] = {}
    for i, cell in enumerate(cells):
        hit = _ALIASES.get(normalize(cell))
        if hit and (hit[0] not in best or hit[1] < best[hit[0]][0]):
            best[hit[0]] = (hit[1], i)
    return {field: i for field, (_rank, i) in best.items()}


def find_item_header(rows: Sequence[Sequence[object]]) -> Header | None:
    """The header of a Taobao/Tmall 宝贝报表 (an item report), if `rows` start one:
    the order number, the title and the quantity, and no buyer column."""
    for index, cells in enumerate(rows[:HEADER_SEARCH_ROWS]):
        found: dict[str, int] = {}
        for i, cell in enumerate(cells):
            field = _ITEM_ALIASES.get(normalize(cell))
            if field and field not in found:
                found[field] = i
        if all(f in found for f in ITEM_REQUIRED):
            if any(f in match_columns(cells) for f in BUYER):
                return None  # an order export whose item column happens to be 标题
            return Header(index, found, tuple(_trimmed(c) for c in cells))
    return None


def find_header(rows: Sequence[Sequence[object]]) -> Header | None:
    """The first row among `rows` that names the order number, the status and a buyer."""
    for index, cells in enumerate(rows[:HEADER_SEARCH_ROWS]):
        found = match_columns(cells)
        if all(f in found for f in REQUIRED) and any(f in found for f in BUYER):
            return Header(index, found, tuple(_trimmed(c) for c in cells))
    return None


def without_buyer(rows: Sequence[Sequence[object]]) -> str | None:
    """The platform whose export `rows` start, when its header has the order
    number and the status but no buyer column (downloaded without the
    receiver's details); None for anything else."""
    for cells in rows[:HEADER_SEARCH_ROWS]:
        found = match_columns(cells)
        if all(f in found for f in REQUIRED) and not any(f in found for f in BUYER):
            names = {normalize(c) for c in cells}
            for layout in LAYOUTS:
                if sum(normalize(n) in names for n in layout.signature) >= 3:
                    return layout.platform
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
