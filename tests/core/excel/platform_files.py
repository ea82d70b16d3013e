"""Order exports shaped like the seller centres' current downloads: their real
header rows, column for column, as open-source tools that read them write
them down (each builder names its source), with realistic rows: 19-digit
order numbers kept as text (`="…"` in CSV, a leading tab in Douyin's CSV),
masked names and phones (张**, 138****1000, Taobao's `'138****1000`),
orders of several items, refunded and closed orders.

Times are the shop's local time (the tests read them with tz=UTC+8).
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

# -- Taobao / Tmall -------------------------------------------------------------

# Source: github.com/c2003070110/TBTool, src/com/walk_nie/taobao/object/OrderObject.java
# (the 订单报表 columns in export order; one row per order, the item columns
# sum the order up: all titles in 宝贝标题, the kinds in 宝贝种类).
TAOBAO_ORDER_HEADER = [
    "订单编号", "买家会员名", "买家支付宝账号", "买家应付货款", "买家应付邮费", "买家支付积分", "总金额",
    "返点积分", "买家实际支付金额", "买家实际支付积分", "订单状态", "买家留言", "收货人姓名", "收货地址",
    "运送方式", "联系电话", "联系手机", "订单创建时间", "订单付款时间", "宝贝标题", "宝贝种类", "物流单号",
    "物流公司", "订单备注", "宝贝总数量", "店铺Id", "店铺名称", "订单关闭原因",
]

# Source: github.com/c2003070110/TBTool, src/com/walk_nie/taobao/object/OrderDetailObject.java
# (the 宝贝报表: one row per item, joined to the orders on 订单编号).
TAOBAO_ITEM_HEADER = ["订单编号", "标题", "价格", "购买数量", "外部系统编号", "商品属性", "套餐信息", "备注",
                      "订单状态", "商家编码"]

TB_A, TB_B, TB_C, TB_D = ("3712094518830221746", "3712094518830221747", "3712094518830221748",
                          "3712094518830221749")


def _wrap(number: str) -> str:
    return f'="{number}"'


def taobao_orders_rows() -> list[list[str]]:
    """Four orders of two buyers; A has two kinds of item, C was refunded and closed."""
    def row(no, nick, alipay, goods, post, paid, status, message, receiver, address, mobile, placed,
            paid_at, titles, kinds, tracking, carrier, qty, close_reason=""):
        return [_wrap(no), nick, alipay, goods, post, "0", paid, "0", paid, "0", status, message,
                receiver, address, "快递", "", f"'{mobile}", placed, paid_at, titles, str(kinds),
                _wrap(tracking) if tracking else "", carrier, "", str(qty), "123456789", "小雨家居旗舰店",
                close_reason]
    return [
        row(TB_A, "tb_xiaoyu2019", "138****1000", "207.00", "0.00", "207.00", "交易成功", "尽快发货哦",
            "张**", "浙江省 杭州市 西湖区 文一西路***号", "138****1000", "2025-03-01 10:00:05",
            "2025-03-01 10:01:30", "纯棉宽松短袖T恤，高腰显瘦牛仔裤", 2, "75312345678901", "中通快递", 3),
        row(TB_B, "tb_xiaoyu2019", "138****1000", "59.90", "0.00", "59.90", "买家已付款，等待卖家发货", "",
            "张**", "浙江省 杭州市 西湖区 文一西路***号", "138****1000", "2025-03-04 21:15:00",
            "2025-03-04 21:15:40", "纯棉船袜五双装", 1, "", "", 2),
        row(TB_C, "lily_2024", "139****2233", "159.00", "10.00", "169.00", "交易关闭", "",
            "李**", "广东省 深圳市 南山区 科技园***号", "139****2233", "2025-03-02 08:00:00",
            "2025-03-02 08:00:30", "法式碎花连衣裙", 1, "", "", 1, "买家申请退款，退款成功"),
        row(TB_D, "lily_2024", "139****2233", "89.00", "0.00", "89.00", "卖家已发货，等待买家确认", "",
            "李**", "广东省 深圳市 南山区 科技园***号", "139****2233", "2025-03-03 12:30:00",
            "2025-03-03 12:31:00", "真丝发圈三件套", 1, "SF1402345678901", "顺丰速运", 1),
    ]


TAOBAO_ITEMS_ROWS = [
    [_wrap(TB_A), "纯棉宽松短袖T恤", "69.00", "2", "", "颜色分类：白色;尺码：M", "", "", "交易成功", "TX-001-W-M"],
    [_wrap(TB_A), "高腰显瘦牛仔裤", "69.00", "1", "", "尺码：L", "", "", "交易成功", "NZ-002-L"],
    [_wrap(TB_B), "纯棉船袜五双装", "29.95", "2", "", "颜色分类：混色", "五双装", "", "买家已付款，等待卖家发货",
     "WZ-003"],
]


def _gbk_csv(path: Path, header: list[str], rows: list[list[str]]) -> Path:
    """As the seller centre saves it: GB18030, CRLF, a blank line at the end."""
    buf = io.StringIO(newline="")
    w = csv.writer(buf)
    w.writerow(header)
    w.writerows(rows)
    w.writerow([])
    path.write_bytes(buf.getvalue().encode("gb18030"))
    return path


def taobao_orders_csv(path: Path, rows: list[list[str]] | None = None) -> Path:
    return _gbk_csv(path, TAOBAO_ORDER_HEADER, taobao_orders_rows() if rows is None else rows)


def taobao_items_csv(path: Path, rows: list[list[str]] | None = None) -> Path:
    return _gbk_csv(path, TAOBAO_ITEM_HEADER, TAOBAO_ITEMS_ROWS if rows is None else rows)


# -- Pinduoduo ------------------------------------------------------------------

# Source: github.com/huaxiexiyan/catguild,
# catguild-business/src/main/java/cn/catguild/business/erp/presentation/model/OnlineOrderImportRequest.java
# (its closing comment lists the export's header in order). That list has
# the receiver's province to street but no receiver: the export carries 收货人,
# 手机 and 详细地址 when the seller includes the receiver's details, and
# ShopDesk needs them to know the buyer, so they stand after 街道/镇 here.
PDD_HEADER = [
    "商品", "订单号", "订单状态", "商品数量(件)", "是否审核中", "支付时间", "承诺发货时间", "承诺送达时间",
    "发货时间", "确认收货时间", "商品id", "商品规格", "样式ID", "商品一级类目", "商品二级类目", "商品三级类目",
    "商品四级类目", "商家编码-规格维度", "商家编码-商品维度", "商家备注", "买家留言", "售后状态", "消费者资料",
    "订单成交时间", "消费者资料上传时间", "赠品名称", "赠品id", "赠品规格", "赠品数量", "团ID", "团身份",
    "是否已开始配送", "配送员是否已送达", "配送状态", "同城是否普通快递", "商品总价(元)", "邮费(元)",
    "店铺优惠折扣(元)", "平台优惠折扣(元)", "多多支付立减金额(元)", "上门安装费(元)", "送货入户费(元)",
    "送货入户并安装费(元)", "用户实付金额(元)", "商家实收金额(元)", "快递单号", "快递公司", "省", "市", "区",
    "街道/镇", "收货人", "手机", "详细地址", "配送员手机号", "是否抽奖或0元试用", "是否顺丰加价",
    "用户购买手机号", "旅行类信息", "充值号码", "是否门店自提", "门店名称", "门店自定义编码", "关联货品编码",
    "货品名称", "货品类型", "子货品", "仓库名称", "仓库所在地址", "海淘清关订单号", "支付ID", "支付方式", "保税仓",
    "是否直播间成交", "是否直播间引导成交", "预约配送时间", "是否节能补贴", "是否分期", "分期期数", "手续费承担方",
    "是否无痕发货", "订单来源", "是否社区团购", "小区送达情况", "分期方式",
]
PDD_A, PDD_B, PDD_C = "250301-471920384757221", "250302-471920384757222", "250303-471920384757223"


def pdd_rows() -> list[dict]:
    """One row per order (Pinduoduo orders have one item); C refunded after it was signed for."""
    return [
        {"商品": "加厚珊瑚绒睡衣女冬季套装", "订单号": PDD_A, "订单状态": "已签收", "商品数量(件)": 1,
         "支付时间": "2025-03-01 20:01:10", "发货时间": "2025-03-02 09:00:00",
         "确认收货时间": "2025-03-05 18:00:00", "商品规格": "粉色;XL", "售后状态": "无售后或售后取消",
         "订单成交时间": "2025-03-01 20:01:10", "商品总价(元)": 89.9, "邮费(元)": 0, "用户实付金额(元)": 79.9,
         "商家实收金额(元)": 79.9, "快递单号": "YT7512345678901", "快递公司": "圆通快递", "省": "河南省",
         "市": "郑州市", "区": "金水区", "街道/镇": "花园路街道", "收货人": "王**", "手机": "137****5521",
         "详细地址": "河南省郑州市金水区花园路街道****", "支付方式": "微信"},
        {"商品": "纯棉四件套 床单被套", "订单号": PDD_B, "订单状态": "已发货，待签收", "商品数量(件)": 2,
         "支付时间": "2025-03-02 11:20:00", "发货时间": "2025-03-03 10:00:00", "商品规格": "1.8m床;灰色",
         "售后状态": "无售后或售后取消", "订单成交时间": "2025-03-02 11:20:00", "商品总价(元)": 258,
         "邮费(元)": 0, "用户实付金额(元)": 238, "商家实收金额(元)": 238, "快递单号": "JT0012345678901",
         "快递公司": "极兔速递", "省": "河南省", "市": "郑州市", "区": "金水区", "街道/镇": "花园路街道",
         "收货人": "王**", "手机": "137****5521", "详细地址": "河南省郑州市金水区花园路街道****", "支付方式": "支付宝"},
        {"商品": "儿童保温杯", "订单号": PDD_C, "订单状态": "已签收", "商品数量(件)": 1,
         "支付时间": "2025-03-03 09:00:00", "发货时间": "2025-03-03 17:00:00",
         "确认收货时间": "2025-03-06 12:00:00", "商品规格": "蓝色 500ml", "售后状态": "退款成功",
         "订单成交时间": "2025-03-03 09:00:00", "商品总价(元)": 39.9, "邮费(元)": 0, "用户实付金额(元)": 39.9,
         "商家实收金额(元)": 39.9, "快递单号": "ZT7800001111222", "快递公司": "中通快递", "省": "四川省",
         "市": "成都市", "区": "武侯区", "街道/镇": "玉林街道", "收货人": "赵**", "手机": "186****0042",
         "详细地址": "四川省成都市武侯区玉林街道****", "支付方式": "微信"},
    ]


def _xlsx(path: Path, header: list[str], rows: list[dict], title: list | None = None) -> Path:
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    if title:
        ws.append(title)
    ws.append(header)
    for row in rows:
        ws.append([row.get(name, "") for name in header])
    wb.save(path)
    return path


def pdd_xlsx(path: Path, rows: list[dict] | None = None) -> Path:
    return _xlsx(path, PDD_HEADER, pdd_rows() if rows is None else rows)


# -- JD -------------------------------------------------------------------------

# Source: the 京东 seller centre order export as read, column by column, by
# com.chengzg.oms.service.impl.OrderInfoServiceImpl#getOrderInfoByExcel (a
# public OMS, found in the search corpus); the order of the columns is the
# export's (订单号 … 仓库名称). One row per item, the order's figures repeated.
JD_HEADER = [
    "订单号", "商品ID", "商品名称", "订购数量", "下单时间", "京东价", "订单金额", "结算金额", "余额支付", "应付金额",
    "订单状态", "订单类型", "下单帐号", "客户姓名", "客户地址", "联系电话", "订单备注", "发票类型", "发票抬头",
    "发票内容", "商家备注", "商家备注等级（等级1-5为由高到低）", "运费金额", "付款确认时间", "增值税发票", "货号",
    "订单完成时间", "订单来源", "订单渠道", "送装服务", "服务费", "仓库id", "仓库名称",
]
JD_A, JD_B, JD_C = "300123456789", "300123456790", "300123456791"


def jd_rows() -> list[dict]:
    common = {"订单类型": "普通订单", "发票类型": "电子发票", "发票抬头": "个人", "发票内容": "明细",
              "订单来源": "移动端", "订单渠道": "京东APP", "仓库名称": "商家仓"}
    a = common | {"订单号": JD_A, "订单金额": "298.00", "结算金额": "298.00", "余额支付": "0.00",
                  "应付金额": "298.00", "订单状态": "完成", "下单帐号": "jd_4a7c****e2", "客户姓名": "刘**",
                  "客户地址": "北京朝阳区望京街道****", "联系电话": "135****7788", "运费金额": "0.00",
                  "下单时间": "2025-03-01 09:12:33", "付款确认时间": "2025-03-01 09:13:01",
                  "订单完成时间": "2025-03-06 19:00:00"}
    b = common | {"订单号": JD_B, "订单金额": "49.00", "结算金额": "49.00", "余额支付": "0.00", "应付金额": "49.00",
                  "订单状态": "等待出库", "下单帐号": "jd_4a7c****e2", "客户姓名": "刘**",
                  "客户地址": "北京朝阳区望京街道****", "联系电话": "135****7788", "运费金额": "6.00",
                  "下单时间": "2025-03-04 22:40:00", "付款确认时间": "2025-03-04 22:40:20"}
    c = common | {"订单号": JD_C, "订单金额": "129.00", "结算金额": "0.00", "余额支付": "0.00", "应付金额": "129.00",
                  "订单状态": "已取消", "下单帐号": "jd_9f01****77", "客户姓名": "陈**",
                  "客户地址": "上海浦东新区张江镇****", "联系电话": "150****6601", "运费金额": "0.00",
                  "下单时间": "2025-03-02 14:00:00", "付款确认时间": "2025-03-02 14:00:30"}
    return [
        a | {"商品ID": "100012345678", "商品名称": "智能保温杯 316不锈钢", "订购数量": "2", "京东价": "99.00",
             "货号": "BWB-316"},
        a | {"商品ID": "100012345679", "商品名称": "杯套 硅胶防滑", "订购数量": "1", "京东价": "100.00",
             "货号": "BT-01"},
        b | {"商品ID": "100012345680", "商品名称": "替换杯盖", "订购数量": "1", "京东价": "49.00", "货号": "BG-02"},
        c | {"商品ID": "100012345681", "商品名称": "焖烧罐 1L", "订购数量": "1", "京东价": "129.00",
             "货号": "MSG-1L"},
    ]


def jd_xlsx(path: Path, rows: list[dict] | None = None) -> Path:
    return _xlsx(path, JD_HEADER, jd_rows() if rows is None else rows)


# -- Douyin (抖店) ----------------------------------------------------------------

# Source: the 抖店 order report (标准报表) columns as stored, in order, by a
# public "finance_orders" model (@cool-midway TypeORM entity FinanceOrdersEntity,
# "财务模块-订单信息", found in the search corpus). One row per sub-order
# (子订单), each with its own 订单应付金额; no buyer nickname (达人昵称 is the
# influencer's), so the receiver stands for the buyer.
DOUYIN_HEADER = [
    "主订单编号", "子订单编号", "选购商品", "商品规格", "商品数量", "商品ID", "商家编码", "商品单价", "订单应付金额",
    "运费", "优惠总金额", "平台优惠", "商家优惠", "达人优惠", "商家改价", "支付优惠", "红包抵扣", "支付方式",
    "手续费", "收件人", "收件人手机号", "省", "市", "区", "街道", "详细地址", "是否修改过地址", "买家留言",
    "订单提交时间", "旗帜颜色", "商家备注", "订单完成时间", "支付完成时间", "APP渠道", "流量来源", "订单状态",
    "承诺发货时间", "订单类型", "鲁班落地页ID", "达人ID", "达人昵称", "所属门店ID", "售后状态", "取消原因",
    "预约发货时间", "仓库ID", "仓库名称", "是否安心购", "广告渠道", "流量类型", "流量体裁", "流量渠道", "发货主体",
    "发货主体明细", "发货时间", "降价类优惠", "平台实际承担优惠金额", "商家实际承担优惠金额", "达人实际承担优惠金额",
    "预计送达时间", "是否平台仓自流转", "车型", "预约送达时间", "建议发货时间（起）", "建议发货时间（止）",
]
DY_A, DY_B = "6921836475501928374", "6921836475501928375"


def douyin_rows() -> list[dict]:
    """A: two sub-orders (one refunded); B: one sub-order, refunded in full."""
    buyer = {"收件人": "孙**", "收件人手机号": "152****3344", "省": "湖北省", "市": "武汉市", "区": "洪山区",
             "街道": "珞南街道", "详细地址": "珞喻路****号", "是否修改过地址": "否", "APP渠道": "抖音",
             "流量来源": "直播", "达人昵称": "好物小姐姐", "达人ID": "88990011", "订单类型": "普通订单",
             "支付方式": "抖音支付"}
    a = buyer | {"主订单编号": DY_A, "订单提交时间": "2025/03/01 20:05:11", "支付完成时间": "2025/03/01 20:05:40",
                 "订单状态": "已完成", "订单完成时间": "2025/03/07 10:00:00", "运费": "0.00"}
    b = buyer | {"主订单编号": DY_B, "订单提交时间": "2025/03/02 21:00:00", "支付完成时间": "2025/03/02 21:00:30",
                 "订单状态": "已关闭", "运费": "0.00"}
    return [
        a | {"子订单编号": DY_A[:-1] + "5", "选购商品": "玻尿酸补水面膜 10片装", "商品规格": "10片", "商品数量": "2",
             "商品ID": "3612345678901234567", "商品单价": "49.90", "订单应付金额": "89.80", "售后状态": "-"},
        a | {"子订单编号": DY_A[:-1] + "6", "选购商品": "洁面乳 温和氨基酸", "商品规格": "120g", "商品数量": "1",
             "商品ID": "3612345678901234568", "商品单价": "39.90", "订单应付金额": "29.90",
             "售后状态": "退款成功"},
        b | {"子订单编号": DY_B[:-1] + "6", "选购商品": "防晒喷雾 SPF50", "商品规格": "150ml", "商品数量": "1",
             "商品ID": "3612345678901234569", "商品单价": "69.00", "订单应付金额": "59.00", "售后状态": "退款成功"},
    ]


def douyin_csv(path: Path, rows: list[dict] | None = None) -> Path:
    """抖店's CSV: UTF-8 with BOM; long numbers led by a tab so spreadsheets keep them as text."""
    buf = io.StringIO(newline="")
    w = csv.writer(buf)
    w.writerow(DOUYIN_HEADER)
    numbers = {"主订单编号", "子订单编号", "商品ID", "收件人手机号"}
    for row in douyin_rows() if rows is None else rows:
        w.writerow([f"\t{row.get(n, '')}" if n in numbers and row.get(n) else row.get(n, "")
                    for n in DOUYIN_HEADER])
    path.write_bytes(b"\xef\xbb\xbf" + buf.getvalue().encode("utf-8"))
    return path


# -- WeChat 小店 ------------------------------------------------------------------

# Source: the 微信小店 (formerly 视频号小店) order download as listed, column by
# column, in WEIXIN_VIDEO_ORDER_HEADERS of a public finance tool's "微信小店
# hardcoded processors" module (found in the search corpus), the same names
# two other public readers of the file use (收件人姓名, 收件人手机, 省/市/区,
# 收件人地址, 订单实际支付金额, 商品编码(平台)). One row per item, the order's
# figures repeated; no buyer nickname, so the receiver stands for the buyer.
WECHAT_HEADER = [
    "订单号", "订单下单时间", "订单发货时间", "订单确认收货时间", "订单完成结算时间", "订单状态", "发货方式",
    "收件人姓名", "收件人地址", "省", "市", "区", "收件人手机", "买家备注", "商家备注", "打标颜色", "商品总价",
    "订单实际支付金额", "订单实际收款金额", "订单运费", "商品优惠", "跨店优惠", "商品改价", "积分抵扣", "支付方式",
    "支付时间", "交易单号", "物流公司", "快递单号", "技术服务费", "技术服务费（将以人气卡形式返还）",
    "运费险预计投保费用", "带货方式", "带货账号类型", "带货账号昵称", "带货费用渠道", "带货费用类型", "带货费用",
    "带货佣金率", "礼物单号", "商品名称", "商品编码(平台)", "商品编码(自定义)", "SKU编码(自定义)", "商品属性",
    "商品价格(单件)", "商品实际价格(单件)", "商品实际价格(总共)", "是否预售", "商品数量", "商品平台券优惠",
    "商品平均运费", "定制信息", "定制预览图", "商品发货", "商品售后", "商品已退款金额",
]
WX_A, WX_B = "3719283746501928374", "3719283746501928375"


def wechat_rows() -> list[dict]:
    """A: two items, completed; B: one item, refunded."""
    buyer = {"收件人姓名": "周**", "收件人手机": "177****9012", "省": "江苏省", "市": "南京市", "区": "鼓楼区",
             "收件人地址": "江苏省南京市鼓楼区中山路****号", "发货方式": "快递", "支付方式": "微信支付"}
    a = buyer | {"订单号": WX_A, "订单下单时间": "2025-03-01 12:00:00", "支付时间": "2025-03-01 12:00:30",
                 "订单发货时间": "2025-03-02 10:00:00", "订单确认收货时间": "2025-03-05 09:00:00",
                 "订单状态": "已完成", "商品总价": "83.00", "订单实际支付金额": "78.00", "订单实际收款金额": "78.00",
                 "订单运费": "0.00", "交易单号": "4200002345202503011234567890", "物流公司": "韵达快递",
                 "快递单号": "4312345678901", "商品售后": "无售后"}
    b = buyer | {"订单号": WX_B, "订单下单时间": "2025-03-03 19:30:00", "支付时间": "2025-03-03 19:30:20",
                 "订单状态": "已发货", "商品总价": "45.00", "订单实际支付金额": "45.00", "订单实际收款金额": "0.00",
                 "订单运费": "0.00", "交易单号": "4200002345202503031234567891", "物流公司": "中通快递",
                 "快递单号": "75388887777666", "商品售后": "退款成功"}
    return [
        a | {"商品名称": "手工皂三块装", "商品编码(平台)": "10000123456789", "商品属性": "薰衣草", "商品数量": "1",
             "商品价格(单件)": "45.00"},
        a | {"商品名称": "起泡网", "商品编码(平台)": "10000123456790", "商品属性": "白色", "商品数量": "2",
             "商品价格(单件)": "19.00"},
        b | {"商品名称": "手工皂三块装", "商品编码(平台)": "10000123456789", "商品属性": "玫瑰", "商品数量": "1",
             "商品价格(单件)": "45.00"},
    ]


def wechat_xlsx(path: Path, rows: list[dict] | None = None) -> Path:
    return _xlsx(path, WECHAT_HEADER, wechat_rows() if rows is None else rows)
