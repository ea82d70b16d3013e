"""Order exports as the seller centres write them, made by the tests: title and
note rows above the header, header names with stray spaces, numbers wrapped as
="...", masked phones, money with ¥ and thousands separators, one row per
item, blank rows at the end."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path


@dataclass(frozen=True)
class SampleOrder:
    order_no: str
    nickname: str
    receiver: str
    phone: str
    address: str
    amount_fen: int
    status: str  # our code
    placed: datetime  # shop local time (the tests pass tz=SHOP_TZ)
    paid: datetime | None
    carrier: str
    tracking: str
    items: tuple[tuple[str, str, int], ...]  # title, options, quantity


ORDERS = (
    SampleOrder("3012345678901234567", "小雨点点", "王芳", "138****1234",
                "浙江省杭州市西湖区文一西路1号", 129_900, "completed",
                datetime(2025, 3, 1, 10, 0), datetime(2025, 3, 1, 10, 2, 0), "中通快递",
                "75312345678901", (("纯棉宽松短袖T恤", "白色;M", 2), ("高腰显瘦牛仔裤", "L", 1))),
    SampleOrder("3012345678901234568", "lily_2024", "李娜", "13912345678",
                "广东省深圳市南山区科技园2号", 5_990, "shipped",
                datetime(2025, 3, 2, 21, 30, 0), datetime(2025, 3, 2, 21, 31, 0), "顺丰速运",
                "SF1234567890123", (("纯棉船袜五双装", "", 2),)),
    SampleOrder("3012345678901234569", "小雨点点", "王芳", "138****1234",
                "浙江省杭州市西湖区文一西路1号", 15_900, "unpaid",
                datetime(2025, 3, 3, 8, 0, 0), None, "", "", (("法式碎花连衣裙", "S", 1),)),
)

STATUS_WORDS = {
    "taobao": {"completed": "交易成功", "shipped": "卖家已发货，等待买家确认", "unpaid": "等待买家付款"},
    "pdd": {"completed": "已签收", "shipped": "已发货，待收货", "unpaid": "待支付"},
    "jd": {"completed": "完成", "shipped": "等待确认收货", "unpaid": "等待付款"},
    "douyin": {"completed": "已完成", "shipped": "已发货", "unpaid": "待支付"},
}


def _yuan(fen: int) -> str:
    return f"{fen // 100:,}.{fen % 100:02d}"


def _when(moment: datetime | None, fmt: str = "%Y-%m-%d %H:%M:%S") -> str:
    return moment.strftime(fmt) if moment else ""


def taobao_csv(path: Path, encoding: str = "gb18030", orders=ORDERS, title: bool = True) -> Path:
    """Taobao/Tmall seller centre CSV: one row per item, order-level figures
    repeated, numbers as ="...", a trailing blank line or two."""
    buf = io.StringIO(newline="")
    w = csv.writer(buf)
    if title:
        w.writerow(["订单报表", "导出时间：2025-03-05 09:00"])
    w.writerow(["订单编号 ", " 买家会员名", "买家实际支付金额", "订单状态", "订单创建时间", "订单付款时间 ",
                "收货人姓名", "收货地址 ", "联系手机", "物流公司", "物流单号", "宝贝标题 ", "宝贝属性",
                "宝贝总数量", "买家留言"])
    for o in orders:
        for title_, options, qty in o.items:
            w.writerow([f'="{o.order_no}"', o.nickname, f"¥{_yuan(o.amount_fen)}",
                        STATUS_WORDS["taobao"][o.status], _when(o.placed), _when(o.paid), o.receiver,
                        o.address, f"'{o.phone}", o.carrier, f'="{o.tracking}"' if o.tracking else "",
                        title_, options, str(qty), ""])
    w.writerow([])
    w.writerow(["", "", "", ""])
    path.write_bytes(buf.getvalue().encode(encoding))
    return path


def _xlsx(path: Path, title: list | None, header: list[str], rows: list[list]) -> Path:
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    if title:
        ws.append(title)
        ws.append([])
    ws.append(header)
    for r in rows:
        ws.append(r)
    ws.append([None] * len(header))
    ws.append([])
    wb.save(path)
    return path


def pdd_xlsx(path: Path, orders=ORDERS) -> Path:
    """Pinduoduo: a title row, header names with spaces, amounts as numbers
    (one row per item, the order's amount on each), masked phones."""
    header = [" 订单号", "商品", "商品规格", "商品数量(件)", "用户实付金额(元)", "订单状态 ", "订单成交时间",
              "成团时间", "支付时间", "收货人", "手机", "详细地址", "快递公司", "快递单号"]
    rows = []
    for o in orders:
        for title, options, qty in o.items:
            rows.append([o.order_no.replace("301234", "250301-"), title, options, qty,
                         o.amount_fen / 100, STATUS_WORDS["pdd"][o.status], _when(o.placed),
                         _when(o.paid), _when(o.paid), o.receiver, o.phone, o.address, o.carrier, o.tracking])
    return _xlsx(path, ["拼多多商家后台 订单导出"], header, rows)


def jd_xlsx(path: Path, orders=ORDERS) -> Path:
    """JD: numeric order numbers (12 digits, exact in a double), real date
    cells, money with ¥ and separators as text."""
    header = ["订单号", "客户账号", "客户姓名", "联系电话", "客户地址", "应付金额", "订单状态", "下单时间",
              "付款确认时间", "商品名称", "订购数量", "快递公司", "运单号"]
    rows = []
    for n, o in enumerate(orders):
        for title, _options, qty in o.items:
            rows.append([280000000000 + n, o.nickname, o.receiver, o.phone, o.address,
                         f"¥{_yuan(o.amount_fen)}", STATUS_WORDS["jd"][o.status], o.placed, o.paid,
                         title, qty, o.carrier, o.tracking])
    return _xlsx(path, None, header, rows)


def douyin_rows(orders=ORDERS) -> tuple[list[str], list[list]]:
    """Douyin: each item row is a sub-order with its own share of the amount."""
    header = ["主订单编号", "子订单编号", "选购商品", "商品数量", "用户昵称", "收件人", "收件人手机号",
              "详细地址", "订单应付金额", "订单提交时间", "支付完成时间", "订单状态", "快递公司",
              "快递单号"]
    rows = []
    for o in orders:
        shares = [o.amount_fen // len(o.items)] * len(o.items)
        shares[0] += o.amount_fen - sum(shares)
        for k, ((title, _options, qty), share) in enumerate(zip(o.items, shares, strict=True)):
            rows.append([o.order_no, f"{o.order_no}{k}", title, qty, o.nickname, o.receiver, o.phone,
                         o.address, _yuan(share), _when(o.placed, "%Y/%m/%d %H:%M"),
                         _when(o.paid, "%Y/%m/%d %H:%M"), STATUS_WORDS["douyin"][o.status],
                         o.carrier, o.tracking])
    return header, rows


def douyin_xlsx(path: Path, orders=ORDERS) -> Path:
    header, rows = douyin_rows(orders)
    return _xlsx(path, None, header, rows)


def douyin_csv(path: Path, orders=ORDERS) -> Path:
    header, rows = douyin_rows(orders)
    buf = io.StringIO(newline="")
    w = csv.writer(buf)
    w.writerow(header)
    for r in rows:
        w.writerow([f"\t{v}" if i in (0, 1, 13) and v else v for i, v in enumerate(r)])
    path.write_bytes(b"\xef\xbb\xbf" + buf.getvalue().encode("utf-8"))
    return path


def custom_xlsx(path: Path, orders=ORDERS) -> Path:
    """A layout no platform uses: the user maps its columns by hand."""
    header = ["单号", "客户", "状态", "日期", "金额"]
    rows = [[o.order_no, o.nickname, STATUS_WORDS["taobao"][o.status], o.placed,
             _yuan(o.amount_fen)] for o in orders]
    return _xlsx(path, ["自制订单表"], header, rows)


CUSTOM_MAPPING = {"order_no": "单号", "nickname": "客户", "status": "状态", "placed_at": "日期",
                  "amount": "金额"}
