"""Realistic, deterministic demo data: buyers, orders, notes, tags, follow-ups,
after-sales cases with photos, and quick replies.

The same seed and the same day give the same shop. Rows are written with
executemany in one transaction, so 100,000 customers take well under a minute.
"""

from __future__ import annotations

import io
import random
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime

from desk.core import changes, dialect, pinyin, timeutil
from desk.core.aftersales import deadlines, photos
from desk.core.base import database
from desk.core.customers.rules import lifecycle_from_orders
from desk.core.errors import QT_TRANSLATE_NOOP, Cancelled, UserError
from desk.core.paths import DataDir

MAX_CUSTOMERS = 1_000_000

PLATFORM_WEIGHTS = (("taobao", 45), ("tmall", 10), ("pdd", 20), ("jd", 10), ("douyin", 10), ("wechat", 5))

_NICK_HEADS = (
    "小", "阿", "大", "萌", "甜", "软", "胖", "二", "老", "蓝", "白", "粉", "橙", "夏", "冬", "南", "北",
    "星", "月", "云", "风", "林", "森", "花", "糖",
)
_NICK_BODIES = (
    "雨点点", "鱼儿", "桃子", "柠檬", "猫咪", "兔兔", "星星", "草莓", "奶茶", "布丁", "豆豆", "团子",
    "芒果", "糯米", "汤圆", "饺子", "丸子", "果冻", "橘子", "西瓜", "樱桃", "栗子", "麦兜", "熊猫",
    "小鹿", "锦鲤", "海盐", "薄荷", "可乐", "雪梨", "梨涡", "向日葵", "晴天", "微光", "暖阳", "清风",
)
_NICK_TAILS = ("", "", "", "酱", "呀", "吖", "666", "_", "1991", "2000", "88", "妈妈", "宝贝", "同学")
_ASCII_NICKS = ("lily", "coco", "momo", "vivi", "jojo", "kiki", "tony", "amy", "sunny", "lucky")
_SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾萧田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢"
_GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超霞平刚桂兰玉萍红梅琳欣怡子涵梓轩浩宇佳琪雨桐思远晓婷"
_PLACES = (
    ("浙江省", "杭州市", ("西湖区", "余杭区", "滨江区")), ("浙江省", "宁波市", ("海曙区", "鄞州区")),
    ("广东省", "广州市", ("天河区", "白云区", "番禺区")), ("广东省", "深圳市", ("南山区", "宝安区", "龙岗区")),
    ("江苏省", "南京市", ("鼓楼区", "江宁区")), ("江苏省", "苏州市", ("姑苏区", "吴中区")),
    ("上海市", "上海市", ("浦东新区", "徐汇区", "闵行区")), ("北京市", "北京市", ("朝阳区", "海淀区", "丰台区")),
    ("四川省", "成都市", ("武侯区", "锦江区", "高新区")), ("湖北省", "武汉市", ("洪山区", "江汉区")),
    ("山东省", "济南市", ("历下区", "市中区")), ("福建省", "厦门市", ("思明区", "湖里区")),
    ("河南省", "郑州市", ("金水区", "二七区")), ("湖南省", "长沙市", ("岳麓区", "芙蓉区")),
)
_STREETS = ("文一西路", "人民路", "解放路", "中山路", "建设路", "学院路", "长江路", "和平路", "花园街", "幸福里")
_PRODUCTS = (
    ("纯棉宽松短袖T恤", 5900), ("高腰显瘦牛仔裤", 12900), ("法式碎花连衣裙", 15900), ("冰丝防晒衬衫", 8900),
    ("加厚连帽卫衣", 13900), ("羊毛混纺针织开衫", 19900), ("轻薄羽绒马甲", 16900), ("休闲运动短裤", 4900),
    ("真丝印花丝巾", 9900), ("帆布托特包", 6900), ("纯棉船袜五双装", 2990), ("家居睡衣套装", 10900),
)
_COLORS = ("白色", "黑色", "燕麦色", "雾霾蓝", "奶油黄", "豆沙粉", "墨绿")
_SIZES = ("S", "M", "L", "XL", "XXL")
_CARRIERS = (("中通快递", "7", 14), ("圆通速递", "YT", 13), ("韵达快递", "43", 13), ("申通快递", "77", 13),
             ("顺丰速运", "SF", 13), ("极兔速递", "JT", 13), ("邮政EMS", "98", 11))
_NOTE_TEMPLATES = (
    "咨询了{p}，问有没有{c}，说等活动再买",
    "身高{h}cm 体重{w}kg，平时穿{s}码",
    "喜欢宽松款，不喜欢太紧身的",
    "问能不能便宜点，送了一双袜子",
    "收货后说颜色比图片深一点，已解释色差",
    "催发货，已告知48小时内发出",
    "要求顺丰发货，补了运费差价",
    "是老客户介绍来的，态度很好",
    "对{p}的面料很满意，说还会回购",
    "上次物流慢有点不高兴，这次优先发",
    "备注：收件时间只能是工作日",
    "问{p}会不会起球，已发实拍视频",
)
_FOLLOWUPS = ("提醒付款", "回访是否收到货", "询问穿着效果，邀请好评", "告知{p}到货了", "确认换货地址",
              "电话回访售后处理结果")
_CASE_DESCRIPTIONS = {
    "quality": "衣服洗了一次就开线了，买家发来照片",
    "wrong_item": "买的{c}收到的是别的颜色",
    "missing_item": "两件只收到一件，包裹里没有另一件",
    "damaged": "外包装破了，衣服有污渍",
    "lost": "物流显示三天没有更新，快递说找不到件",
    "not_received": "显示已签收但买家说没收到",
    "size": "买了{s}码穿着偏小，想换大一码",
    "color": "实物颜色和图片不一样",
    "no_reason": "不想要了，七天无理由退货",
    "other": "买家要求开发票后再退",
}
_KIND_BY_REASON = {
    "quality": ("return_refund", "exchange", "compensation"), "wrong_item": ("exchange", "return_refund"),
    "missing_item": ("reissue", "refund_only"), "damaged": ("compensation", "reissue", "return_refund"),
    "lost": ("reissue", "refund_only"), "not_received": ("refund_only", "reissue"),
    "size": ("exchange", "return_refund"), "color": ("return_refund", "compensation"),
    "no_reason": ("return_refund",), "other": ("refund_only", "repair"),
}
_QUALITY = {"quality", "wrong_item", "missing_item", "damaged", "lost", "not_received"}
_HANDLERS = ("小周", "阿琳", "店长")
_REPLIES = {
    "greet": (("nh", "亲，您好呀～欢迎光临{shop_name}，有什么可以帮您的吗？"),
              ("zs", "在的亲，客服小周为您服务，请问看中哪一款了呢？")),
    "ask": (("cm", "亲，方便告诉我您的身高和体重吗？我帮您推荐合适的尺码哦～"),
            ("ys", "这款有好几个颜色，亲平时喜欢浅色还是深色呀？")),
    "recommend": (("tj", "这款是店里的回头客最多的一款，面料软软的很舒服，亲可以放心入手～"),),
    "bargain": (("yh", "亲，价格已经是活动价啦，给您备注送一双袜子好不好呀～"),
                ("jg", "小店利润真的很薄，品质是有保证的，亲可以先买回去试试看～")),
    "confirm": (("hd", "亲，跟您核对一下收货信息：订单 {order_no}，地址没有问题的话我们今天就安排发货啦～"),),
    "goodbye": (("zj", "感谢亲的支持，收到货有任何问题随时找我哦，祝您生活愉快～"),),
    "followup": (("cf", "亲，看到您拍下还没付款，库存不多了哦，需要帮您保留吗？"),),
    "review": (("hp", "亲，宝贝用着还满意吗？满意的话麻烦给个五星好评，对我们真的很重要，谢谢亲～"),),
    "aftersales": (("sh", "亲，非常抱歉给您带来不便，麻烦拍一下商品和外包装的照片，我马上帮您处理～"),
                   ("th", "亲，退货地址已经发您了，寄回时请写上订单号 {order_no}，收到后马上给您退款哦～")),
    "shipping": (("wl", "亲，您的包裹由{carrier}配送，单号 {tracking_no}，可以随时查看物流哦～"),
                 ("fh", "亲，我们每天下午四点前的订单当天发出，请放心～")),
    "apology": (("dbq", "真的很抱歉，是我们的疏忽，这边马上给您补发，给您添麻烦了～"),),
}


@dataclass
class DemoSummary:
    customers: int = 0
    orders: int = 0
    notes: int = 0
    followups: int = 0
    cases: int = 0
    photos: int = 0
    replies: int = 0
    extra: dict[str, int] = field(default_factory=dict)


def _demo_photo(rng: random.Random, index: int) -> bytes:
    """A small JPEG that looks like a parcel photo (boxes, tape, a stain)."""
    from PIL import Image, ImageDraw

    img = Image.new("RGB", (640, 480), (rng.randrange(200, 240),) * 3)
    d = ImageDraw.Draw(img)
    d.rectangle((120, 100, 520, 400), fill=(196, 160, 110), outline=(120, 90, 50), width=6)
    d.rectangle((300, 100, 340, 400), fill=(210, 190, 150))
    if index % 2:
        d.line((150, 380, 260, 250, 330, 330), fill=(80, 50, 30), width=8)
    d.ellipse((380 + index * 5, 200, 460, 280), fill=(150, 120, 90))
    buf = io.BytesIO()
    img.save(buf, "JPEG", quality=80)
    return buf.getvalue()


class _Generator:
    def __init__(self, seed: int, now: datetime) -> None:
        self.rng = random.Random(seed)
        self.now = int(now.timestamp())
        self.platforms = [p for p, w in PLATFORM_WEIGHTS for _ in range(w)]
        self.used: set[tuple[str, str]] = set()
        self.order_serial = 0

    def nickname(self, platform: str) -> str:
        rng = self.rng
        while True:
            roll = rng.random()
            if roll < 0.12:
                nick = f"{rng.choice(_ASCII_NICKS)}_{rng.randrange(100, 9999)}"
            elif roll < 0.22:
                nick = f"tb{rng.randrange(10**7, 10**10)}"
            else:
                nick = rng.choice(_NICK_HEADS) + rng.choice(_NICK_BODIES) + rng.choice(_NICK_TAILS)
            if (platform, nick) in self.used:
                nick = f"{nick}{rng.randrange(10, 99999)}"
            if (platform, nick) not in self.used:
                self.used.add((platform, nick))
                return nick

    def real_name(self) -> str:
        rng = self.rng
        return rng.choice(_SURNAMES) + "".join(rng.choice(_GIVEN) for _ in range(rng.choice((1, 2))))

    def phone(self) -> str:
        rng = self.rng
        return f"1{rng.choice('3456789')}{rng.randrange(10**9):09d}"

    def order_no(self, platform: str, placed: int) -> str:
        self.order_serial += 1
        serial = self.order_serial
        if platform == "pdd":
            day = datetime.fromtimestamp(placed, UTC).strftime("%y%m%d")
            return f"{day}-{self.rng.randrange(10**8, 10**9)}{serial:06d}"
        if platform == "jd":
            return f"{self.rng.randrange(21, 39)}{self.rng.randrange(100, 999)}{serial:07d}"
        if platform == "wechat":
            return f"WX{placed}{serial:06d}"
        # Taobao, Tmall and Douyin: 19 digits, more than a float can hold exactly.
        return f"{self.rng.randrange(1, 4)}{self.rng.randrange(10**10, 10**11)}{serial:07d}"

    def tracking(self) -> tuple[str, str]:
        name, prefix, digits = self.rng.choice(_CARRIERS)
        return name, f"{prefix}{self.rng.randrange(10 ** (digits - 1), 10**digits)}"


def generate(
    data_dir: DataDir,
    customers: int,
    seed: int = 1,
    now: datetime | None = None,
    progress: Callable[[int, int], None] | None = None,
    is_cancelled: Callable[[], bool] | None = None,
) -> DemoSummary:
    """Fill an empty customer file with demo data, all in one transaction."""
    from desk.core.customers.models import Customer

    if not 0 <= customers <= MAX_CUSTOMERS:
        raise UserError(QT_TRANSLATE_NOOP("UserError", "The demo can have between 0 and {most} customers."),
                        most=f"{MAX_CUSTOMERS:,}")
    existing = Customer.select().count()
    if existing:
        raise UserError(
            QT_TRANSLATE_NOOP("UserError", "This data folder already holds {count} customers; demo "
                              "data goes into an empty one. Use another folder (--data-dir)."),
            count=f"{existing:,}",
        )
    now = now or timeutil.now()
    g = _Generator(seed, now)
    rng = g.rng
    conn = database.connection()
    summary = DemoSummary()
    tag_ids = [r[0] for r in conn.execute("SELECT id FROM tag ORDER BY id")]
    reason_codes = [r[0] for r in conn.execute("SELECT code FROM aftersales_reason ORDER BY position")]
    groups = dict(conn.execute("SELECT stage, id FROM reply_group"))
    photo_pool = []
    if customers:
        for i in range(6):
            data = _demo_photo(rng, i)
            photo_pool.append((photos.store_bytes(data_dir.photos, data, "jpg"), len(data)))

    chunk = 1000  # cancel is checked between chunks
    with changes.write(database) as pending:
        next_customer = (conn.execute("SELECT coalesce(max(id), 0) FROM customer").fetchone()[0]) + 1
        next_order = (conn.execute("SELECT coalesce(max(id), 0) FROM shop_order").fetchone()[0]) + 1
        next_case = (conn.execute("SELECT coalesce(max(id), 0) FROM aftersales_case").fetchone()[0]) + 1
        first_case = next_case
        for start in range(0, customers, chunk):
            if is_cancelled and is_cancelled():
                raise Cancelled()
            rows = _Batch()
            for _ in range(min(chunk, customers - start)):
                _one_customer(g, next_customer, next_order, next_case, rows, tag_ids, reason_codes,
                              photo_pool)
                next_customer += 1
                next_order += rows.orders_added
                next_case += rows.cases_added
            rows.write(conn)
            summary.customers += rows.n_customers
            summary.orders += len(rows.orders)
            summary.notes += len(rows.notes)
            summary.followups += len(rows.followups)
            summary.cases += len(rows.cases)
            summary.photos += len(rows.evidence)
            if progress:
                progress(min(start + chunk, customers), customers)
        # Open cases get their next deadline from the same engine as every other
        # case (platform presets and the shop's handling clock), in this transaction.
        deadlines.refresh(r[0] for r in conn.execute(
            "SELECT id FROM aftersales_case WHERE id >= ? AND status NOT IN ('done', 'closed')",
            (first_case,)))
        summary.replies = _replies(conn, groups, g.now)
        dialect.ids_given(conn, "customer", "shop_order", "aftersales_case")
        pending.add("customer")
        pending.add("order")
        pending.add("case")
        pending.add("reply")
    # Fresh statistics, so the list's sorts and searches get good query plans at once.
    database.execute_sql("ANALYZE")
    return summary


class _Batch:
    def __init__(self) -> None:
        self.customers: list[tuple] = []
        self.addresses: list[tuple] = []
        self.orders: list[tuple] = []
        self.items: list[tuple] = []
        self.notes: list[tuple] = []
        self.tags: list[tuple] = []
        self.followups: list[tuple] = []
        self.cases: list[tuple] = []
        self.case_items: list[tuple] = []
        self.events: list[tuple] = []
        self.evidence: list[tuple] = []
        self.orders_added = 0
        self.cases_added = 0

    @property
    def n_customers(self) -> int:
        return len(self.customers)

    def write(self, conn) -> None:
        conn.executemany(
            "INSERT INTO customer(id, platform, nickname, real_name, phone, region, lifecycle,"
            " nickname_py, nickname_abbr, real_name_py, real_name_abbr, order_count,"
            " paid_order_count, unpaid_count, total_spent_fen, first_order_at, last_order_at,"
            " last_contact_at, case_count, open_case_count, source, created_at, updated_at)"
            " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,'demo',?,?)", self.customers)
        conn.executemany(
            "INSERT INTO address(customer_id, receiver, phone, province, city, district, detail,"
            " is_default, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?)", self.addresses)
        conn.executemany(
            "INSERT INTO shop_order(id, customer_id, platform, order_no, status, placed_at, paid_at,"
            " shipped_at, completed_at, amount_fen, shipping_fen, items, carrier, tracking_no,"
            " receiver_name, receiver_phone, receiver_address, free_shipping, source, created_at,"
            " updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,'demo',?,?)", self.orders)
        conn.executemany(
            "INSERT INTO order_item(order_id, title, sku, quantity, price_fen) VALUES (?,?,?,?,?)",
            self.items)
        conn.executemany(
            "INSERT INTO customer_tag(customer_id, tag_id, created_at) VALUES (?,?,?)", self.tags)
        conn.executemany(
            "INSERT INTO aftersales_case(id, case_no, customer_id, order_id, platform, kind, reason,"
            " responsibility, status, handler, items, refund_fen, compensation_fen, free_shipping,"
            " no_reason_return, description, return_carrier, return_tracking_no, opened_at,"
            " status_changed_at, first_response_at, closed_at, next_deadline_at, next_deadline_key,"
            " created_at, updated_at)"
            " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", self.cases)
        conn.executemany(  # the claimed item is the order's own
            "INSERT INTO case_item(case_id, order_item_id, title, quantity) SELECT ?, i.id, ?, ?"
            " FROM order_item i WHERE i.order_id = ?", self.case_items)
        # the demo's staff: whoever handles a case made its moves; notes and
        # follow-ups go round the team by buyer (no draw: the rest stays as seeded)
        conn.executemany(
            "INSERT INTO case_event(case_id, at, kind, old_status, new_status, handler, comment,"
            " staff) VALUES (?,?,?,?,?,?,?,?)", [(*e, e[5]) for e in self.events])
        conn.executemany(
            "INSERT INTO evidence(case_id, sha256, ext, kind, caption, original_name, size_bytes,"
            " width, height, added_at) VALUES (?,?,'jpg',?,?,?,?,640,480,?)", self.evidence)
        conn.executemany(
            "INSERT INTO note(customer_id, body, pinned, order_id, created_at, updated_at, staff)"
            " VALUES (?,?,?,?,?,?,?)", [(*n, _staff(n[0])) for n in self.notes])
        conn.executemany(
            "INSERT INTO followup(customer_id, title, due_at, done_at, created_at, updated_at, staff,"
            " done_by) VALUES (?,?,?,?,?,?,?,?)",
            [(*f, _staff(f[0]), "" if f[3] is None else _staff(f[0])) for f in self.followups])


_DAY = 86400


def _staff(customer_id: int) -> str:
    return _HANDLERS[customer_id % len(_HANDLERS)]


def _one_customer(g: _Generator, cid: int, next_order: int, next_case: int, b: _Batch,
                  tag_ids: list[int], reason_codes: list[str], photo_pool: list) -> None:
    rng, now = g.rng, g.now
    platform = rng.choice(g.platforms)
    nick = g.nickname(platform)
    real = g.real_name() if rng.random() < 0.7 else ""
    phone = g.phone() if rng.random() < 0.85 else ""
    province, city, districts = rng.choice(_PLACES)
    district = rng.choice(districts)
    created = now - rng.randrange(_DAY, 720 * _DAY)
    detail = f"{rng.choice(_STREETS)}{rng.randrange(1, 999)}号{rng.randrange(1, 30)}幢{rng.randrange(101, 2501)}室"
    b.addresses.append((cid, real or nick, phone, province, city, district, detail, 1, created, created))

    # Orders: most buyers have one to three, a few are loyal, some only asked.
    n_orders = rng.choices((0, 1, 2, 3, 4, 6, 10), weights=(8, 24, 22, 16, 12, 11, 7))[0]
    statuses, spent, paid_count, unpaid_closed = [], 0, 0, 0
    first_at = last_at = None
    order_ids = []
    b.orders_added = b.cases_added = 0
    for k in range(n_orders):
        oid = next_order + k
        placed = rng.randrange(created, now)
        age = now - placed
        if age < 2 * _DAY:
            status = rng.choices(("unpaid", "paid", "shipped", "closed"), weights=(25, 25, 40, 10))[0]
        elif age < 10 * _DAY:
            status = rng.choices(("shipped", "completed", "closed"), weights=(40, 50, 10))[0]
        else:
            status = rng.choices(("completed", "closed"), weights=(93, 7))[0]
        title, price = rng.choice(_PRODUCTS)
        qty = rng.choice((1, 1, 1, 2, 3))
        color, size = rng.choice(_COLORS), rng.choice(_SIZES)
        free = rng.random() < 0.8
        shipping_fen = 0 if free else 800
        amount = price * qty + shipping_fen
        item_text = f"{title} {color} {size} ×{qty}"
        paid_at = shipped_at = completed_at = None
        carrier = tracking = ""
        never_paid = status == "closed" and rng.random() < 0.6
        if status != "unpaid" and not never_paid:
            paid_at = placed + rng.randrange(30, 3600)
        if status in ("shipped", "completed"):
            shipped_at = paid_at + rng.randrange(3600, 2 * _DAY)
            carrier, tracking = g.tracking()
        if status == "completed":
            completed_at = min(shipped_at + rng.randrange(2 * _DAY, 8 * _DAY), now)
        if paid_at and status != "closed":
            spent += amount
            paid_count += 1
        if never_paid:
            unpaid_closed += 1
        statuses.append(status)
        first_at = placed if first_at is None else min(first_at, placed)
        last_at = placed if last_at is None else max(last_at, placed)
        b.orders.append((
            oid, cid, platform, g.order_no(platform, placed), status, placed, paid_at, shipped_at,
            completed_at, amount, shipping_fen, item_text, carrier, tracking, real or nick, phone,
            f"{province}{city}{district}{detail}", int(free), placed, completed_at or placed,
        ))
        b.items.append((oid, title, f"{color}/{size}", qty, price))
        order_ids.append((oid, placed, status, item_text, amount, free, title, qty))
    b.orders_added = n_orders

    # After-sales: about one delivered order in twelve.
    open_cases = n_cases = 0
    for oid, placed, status, item_text, amount, free, title, qty in order_ids:
        if status not in ("completed", "shipped") or rng.random() > 0.08:
            continue
        case_id = next_case + b.cases_added
        b.cases_added += 1
        n_cases += 1
        reason = rng.choice(reason_codes)
        kind = rng.choice(_KIND_BY_REASON.get(reason, ("refund_only",)))
        opened = min(placed + rng.randrange(2 * _DAY, 12 * _DAY), now - 3600)
        age = now - opened
        path = ["new", "handling"]
        if kind in ("return_refund", "exchange", "repair"):
            path += ["awaiting_return", "returning", "received"]
        path += ["processing", "done"]
        if age > 20 * _DAY:
            reached = len(path)
        else:
            reached = rng.randrange(1, len(path) + 1)
        flow = path[:reached]
        if age > 20 * _DAY and rng.random() < 0.1:
            flow = ["new", "handling", "rejected", "closed"]
        status_now = flow[-1]
        if status_now not in ("done", "closed", "rejected"):
            open_cases += 1
        handler = rng.choice(_HANDLERS)
        t = opened
        prev = ""
        first_event = len(b.events)
        for st in flow:
            b.events.append((case_id, t, "status", prev, st, handler, ""))
            prev = st
            t = min(t + rng.randrange(1800, 2 * _DAY), now)
        last_change = b.events[-1][1]
        responded = b.events[first_event + 1][1] if len(flow) > 1 else None
        closed = last_change if status_now in ("done", "closed") else None
        deadline_at, deadline_key = None, ""  # the deadline engine fills them in at the end
        refund = amount if kind in ("refund_only", "return_refund") else 0
        comp = rng.choice((500, 1000, 2000)) if kind == "compensation" else 0
        desc = _CASE_DESCRIPTIONS.get(reason, "").format(c=rng.choice(_COLORS), s=rng.choice(_SIZES))
        b.cases.append((
            case_id, f"SH{datetime.fromtimestamp(opened, UTC).strftime('%Y%m%d')}-{case_id:06d}", cid, oid,
            platform, kind, reason, "seller" if reason in _QUALITY else "buyer", status_now, handler,
            item_text, refund, comp, int(free), int(reason == "no_reason"), desc,
            *(g.tracking() if status_now in ("returning", "received", "processing", "done")
              and kind in ("return_refund", "exchange", "repair") else ("", "")),
            opened, last_change, responded, closed, deadline_at, deadline_key, opened, last_change,
        ))
        b.case_items.append((case_id, title, qty, oid))
        if photo_pool and reason in ("quality", "damaged", "wrong_item", "color"):
            for j in range(rng.randrange(1, 4)):
                sha, size = photo_pool[(case_id + j) % len(photo_pool)]
                kind_ev = ("damage", "package", "slip", "chat")[j % 4]
                b.evidence.append((case_id, sha, kind_ev, "买家发来的照片", f"IMG_{case_id}_{j}.jpg",
                                   size, opened + 600))

    # Notes, newest first in the UI; some pinned.
    n_notes = rng.choices((0, 2, 4, 6, 10), weights=(5, 20, 30, 30, 15))[0]
    for _ in range(n_notes):
        at = rng.randrange(created, now)
        body = rng.choice(_NOTE_TEMPLATES).format(
            p=rng.choice(_PRODUCTS)[0], c=rng.choice(_COLORS), s=rng.choice(_SIZES),
            h=rng.randrange(150, 186), w=rng.randrange(42, 85))
        linked = rng.choice(order_ids)[0] if order_ids and rng.random() < 0.2 else None
        b.notes.append((cid, body, int(rng.random() < 0.05), linked, at, at))

    if tag_ids and rng.random() < 0.35:
        for tid in rng.sample(tag_ids, rng.randrange(1, 4)):
            b.tags.append((cid, tid, created))

    if rng.random() < 0.03:
        due = now + rng.randrange(-3 * _DAY, 5 * _DAY)
        title = rng.choice(_FOLLOWUPS).format(p=rng.choice(_PRODUCTS)[0])
        done = due if due < now - _DAY and rng.random() < 0.5 else None
        b.followups.append((cid, title, due, done, due - _DAY, due - _DAY))

    last_contact = max([created, *(o[1] for o in order_ids)]) if order_ids else created
    b.customers.append((
        cid, platform, nick, real, phone, f"{province}{city}", lifecycle_from_orders(statuses),
        pinyin.full(nick), pinyin.abbr(nick), pinyin.full(real), pinyin.abbr(real),
        n_orders, paid_count, unpaid_closed, spent, first_at, last_at, last_contact, n_cases,
        open_cases, created, last_contact,
    ))


def _replies(conn, groups: dict[str, int], now: int) -> int:
    """The demo shop's phrases: a few of its own, then the starter library
    (codes already taken are left off, as loading it in the app does)."""
    from desk.core.replies.starter import read_starter

    rows, codes, texts = [], set(), set()
    by_name = {name.lower(): gid for gid, name in conn.execute("SELECT id, name FROM reply_group")}
    positions: dict[int, int] = {}

    def add(gid: int, code: str, body: str) -> None:
        if body in texts:
            return
        code = code if code and code.lower() not in codes else ""
        codes.add(code.lower())
        texts.add(body)
        positions[gid] = positions.get(gid, -1) + 1
        rows.append((gid, code, body, pinyin.abbr(body), positions[gid], now, now))

    for stage, phrases in _REPLIES.items():
        if stage in groups:
            for code, body in phrases:
                add(groups[stage], code, body)
    for phrase in read_starter():
        gid = by_name.get(phrase.group.lower())
        if gid is not None:
            add(gid, phrase.code, phrase.body)
    conn.executemany(
        "INSERT INTO reply(group_id, code, body, body_abbr, position, created_at, updated_at)"
        " VALUES (?,?,?,?,?,?,?)", rows)
    return len(rows)
