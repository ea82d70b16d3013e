"""The platforms' current order exports (platform_files: real header rows,
sources named there): recognised by their columns, statuses and refunds
mapped, masked names and phones kept and found, Taobao's two reports joined,
and the plan naming every field it would change."""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone

from desk.core import db as core_db
from desk.core.base import database
from desk.core.customers import search
from desk.core.excel import orders_import
from desk.core.excel.orders_import import import_orders

from . import platform_files as pf

SHOP_TZ = timezone(timedelta(hours=8))


def rows(sql, *params):
    return database.execute_sql(sql, params).fetchall()


def epoch(text: str) -> int:
    return int(datetime.strptime(text, "%Y-%m-%d %H:%M:%S").replace(tzinfo=SHOP_TZ).timestamp())


def orders_by_no():
    return {r[0]: r[1:] for r in rows(
        "SELECT o.order_no, o.status, o.amount_fen, o.shipping_fen, o.receiver_name, o.receiver_phone,"
        " c.nickname, c.platform, (SELECT count(*) FROM order_item i WHERE i.order_id = o.id)"
        " FROM shop_order o JOIN customer c ON c.id = o.customer_id")}


def items_of(order_no):
    return rows("SELECT i.title, i.sku, i.quantity, i.price_fen FROM order_item i JOIN shop_order o"
                " ON o.id = i.order_id WHERE o.order_no = ? ORDER BY i.id", order_no)


def found(query):
    return {m.nickname for m in search.find(query)}


def test_taobao_order_report_keeps_the_masked_phone_and_finds_the_buyer_by_its_tail(db, tmp_path):
    result = import_orders(pf.taobao_orders_csv(tmp_path / "ExportOrderList.csv"), tz=SHOP_TZ)
    assert result.platform == "taobao" and not result.errors
    got = orders_by_no()
    assert set(got) == {pf.TB_A, pf.TB_B, pf.TB_C, pf.TB_D}  # 19 digits, exact, as text
    assert [got[n][0] for n in (pf.TB_A, pf.TB_B, pf.TB_C, pf.TB_D)] == [
        "completed", "paid", "closed", "shipped"]
    assert got[pf.TB_A][1:6] == (20_700, 0, "张**", "138****1000", "tb_xiaoyu2019")
    assert got[pf.TB_C][1:3] == (16_900, 1_000)
    # the apostrophe that keeps the number text is gone; the mask is kept as given
    assert rows("SELECT nickname, phone FROM customer ORDER BY nickname") == [
        ("lily_2024", "139****2233"), ("tb_xiaoyu2019", "138****1000")]
    assert rows("SELECT placed_at, paid_at FROM shop_order WHERE order_no = ?", pf.TB_A) == [
        (epoch("2025-03-01 10:00:05"), epoch("2025-03-01 10:01:30"))]
    assert items_of(pf.TB_A) == [("纯棉宽松短袖T恤，高腰显瘦牛仔裤", "", 3, 0)]  # the report's summary
    # what the buyer tells staff: the last four digits
    for query in ("1000", "尾号1000", "手机尾号 1000", "138****1000"):
        assert found(query) == {"tb_xiaoyu2019"}, query


def test_taobao_order_and_item_reports_together(db, tmp_path):
    orders = pf.taobao_orders_csv(tmp_path / "ExportOrderList.csv")
    items = pf.taobao_items_csv(tmp_path / "ExportOrderDetailList.csv")
    result = import_orders([orders, items], tz=SHOP_TZ)
    assert not result.errors and len(result.new_orders) == 4
    assert items_of(pf.TB_A) == [("纯棉宽松短袖T恤", "颜色分类：白色;尺码：M", 2, 6_900),
                                 ("高腰显瘦牛仔裤", "尺码：L", 1, 6_900)]
    assert items_of(pf.TB_B) == [("纯棉船袜五双装", "颜色分类：混色; 五双装", 2, 2_995)]
    assert items_of(pf.TB_C) == [("法式碎花连衣裙", "", 1, 0)]  # not in the item report: its summary
    again = import_orders([items, orders], tz=SHOP_TZ)
    assert (len(again.new_orders), len(again.updated_orders), again.unchanged) == (0, 0, 4)


def test_item_report_after_the_orders_fills_their_items_once(db, tmp_path):
    orders = pf.taobao_orders_csv(tmp_path / "orders.csv")
    items = pf.taobao_items_csv(tmp_path / "items.csv")
    import_orders(orders, tz=SHOP_TZ)
    dry = import_orders(items, dry_run=True, tz=SHOP_TZ)
    assert [(c.row, c.order_no, c.buyer, c.field) for c in dry.changes] == [
        (2, pf.TB_A, "tb_xiaoyu2019", "items"), (4, pf.TB_B, "tb_xiaoyu2019", "items")]
    assert dry.changes[0].old == "纯棉宽松短袖T恤，高腰显瘦牛仔裤 ×3"
    assert dry.changes[0].new == "纯棉宽松短袖T恤 颜色分类：白色;尺码：M ×2; 高腰显瘦牛仔裤 尺码：L ×1"
    done = import_orders(items, tz=SHOP_TZ)
    assert len(done.updated_orders) == 2
    assert len(items_of(pf.TB_A)) == 2 and len(items_of(pf.TB_B)) == 1
    assert rows("SELECT items FROM shop_order WHERE order_no = ?", pf.TB_A) == [(dry.changes[0].new,)]
    # the item report again, then the order report again: nothing doubles, nothing goes back
    assert import_orders(items, tz=SHOP_TZ).unchanged == 2
    back = import_orders(orders, tz=SHOP_TZ)
    assert (back.unchanged, back.changes) == (4, [])
    assert len(items_of(pf.TB_A)) == 2 and items_of(pf.TB_A)[0][3] == 6_900


def test_item_report_before_the_orders_says_what_to_import_first(db, tmp_path):
    items = pf.taobao_items_csv(tmp_path / "items.csv")
    result = import_orders(items, tz=SHOP_TZ)
    assert [e.row for e in result.errors] == [2, 3, 4]
    assert "import its order report (订单报表) first, or both files together" in result.errors[0].message
    assert rows("SELECT count(*) FROM shop_order") == [(0,)]
    import_orders(pf.taobao_orders_csv(tmp_path / "orders.csv"), tz=SHOP_TZ)
    assert len(import_orders(items, tz=SHOP_TZ).updated_orders) == 2
    assert len(items_of(pf.TB_A)) == 2


def test_pinduoduo_export(db, tmp_path):
    result = import_orders(pf.pdd_xlsx(tmp_path / "orders_export.xlsx"), tz=SHOP_TZ)
    assert result.platform == "pdd" and not result.errors
    got = orders_by_no()
    assert got[pf.PDD_A][:6] == ("completed", 7_990, 0, "王**", "137****5521", "王**")
    assert got[pf.PDD_B][0] == "shipped"
    assert got[pf.PDD_C][0] == "closed"  # signed for, then refunded (售后状态 退款成功)
    assert rows("SELECT nickname, phone, region FROM customer ORDER BY nickname") == [
        ("王**", "137****5521", "河南省郑州市"), ("赵**", "186****0042", "四川省成都市")]
    assert found("尾号5521") == {"王**"}


def test_pinduoduo_export_without_the_receiver_says_what_is_missing(db, tmp_path):
    import pytest

    header = [n for n in pf.PDD_HEADER if n not in ("收货人", "手机", "详细地址")]
    path = pf._xlsx(tmp_path / "orders_export.xlsx", header, pf.pdd_rows())
    with pytest.raises(orders_import.UnknownLayout) as raised:
        import_orders(path, tz=SHOP_TZ)
    assert raised.value.platform == "pdd"
    assert "Download it again with the receiver's details included" in str(raised.value)
    assert raised.value.rows[0][:3] == ["商品", "订单号", "订单状态"]  # for choosing the columns by hand


def test_jd_export(db, tmp_path):
    result = import_orders(pf.jd_xlsx(tmp_path / "jd.xlsx"), tz=SHOP_TZ)
    assert result.platform == "jd" and not result.errors
    got = orders_by_no()
    # the order's figures repeat on each item row: taken once
    assert got[pf.JD_A] == ("completed", 29_800, 0, "刘**", "135****7788", "jd_4a7c****e2", "jd", 2)
    assert got[pf.JD_B][:3] == ("paid", 4_900, 600)
    assert got[pf.JD_C][0] == "closed"
    assert {r[0] for r in rows("SELECT nickname FROM customer")} == {"jd_4a7c****e2", "jd_9f01****77"}
    assert items_of(pf.JD_A) == [("智能保温杯 316不锈钢", "", 2, 0), ("杯套 硅胶防滑", "", 1, 0)]


def test_douyin_export(db, tmp_path):
    result = import_orders(pf.douyin_csv(tmp_path / "抖店订单.csv"), tz=SHOP_TZ)
    assert result.platform == "douyin" and not result.errors
    got = orders_by_no()
    assert set(got) == {pf.DY_A, pf.DY_B}  # the tab that keeps them text is gone
    # each sub-order's amount is its own share; one refunded sub-order leaves the order complete
    assert got[pf.DY_A][:6] == ("completed", 11_970, 0, "孙**", "152****3344", "孙**")
    assert got[pf.DY_A][7] == 2
    assert got[pf.DY_B][0] == "closed"
    assert rows("SELECT placed_at FROM shop_order WHERE order_no = ?", pf.DY_A) == [
        (epoch("2025-03-01 20:05:11"),)]
    assert found("3344") == {"孙**"}
    # the province to the street come in columns of their own: put in front of the address
    assert rows("SELECT region FROM customer") == [("湖北省武汉市",)]
    assert rows("SELECT DISTINCT receiver_address FROM shop_order") == [("湖北省武汉市洪山区珞南街道珞喻路****号",)]


def test_wechat_shop_export(db, tmp_path):
    result = import_orders(pf.wechat_xlsx(tmp_path / "微信小店订单.xlsx"), tz=SHOP_TZ)
    assert result.platform == "wechat" and not result.errors
    got = orders_by_no()
    assert got[pf.WX_A] == ("completed", 7_800, 0, "周**", "177****9012", "周**", "wechat", 2)
    assert got[pf.WX_B][0] == "closed"  # 商品售后: 退款成功
    assert rows("SELECT region FROM customer") == [("江苏省南京市",)]
    assert rows("SELECT shipped_at, completed_at FROM shop_order WHERE order_no = ?", pf.WX_A) == [
        (epoch("2025-03-02 10:00:00"), epoch("2025-03-05 09:00:00"))]
    assert found("9012") == {"周**"}


def test_a_masked_phone_never_replaces_a_real_one(db, tmp_path):
    real = pf.taobao_orders_rows()
    for row in real:
        row[16] = row[16].replace("138****1000", "13812341000")
    import_orders(pf.taobao_orders_csv(tmp_path / "real.csv", real), tz=SHOP_TZ)
    assert rows("SELECT phone FROM customer WHERE nickname = 'tb_xiaoyu2019'") == [("13812341000",)]
    masked = import_orders(pf.taobao_orders_csv(tmp_path / "masked.csv"), dry_run=True, tz=SHOP_TZ)
    assert masked.changes == [] and masked.unchanged == 4
    import_orders(pf.taobao_orders_csv(tmp_path / "masked.csv"), tz=SHOP_TZ)
    assert rows("SELECT phone FROM customer WHERE nickname = 'tb_xiaoyu2019'") == [("13812341000",)]
    assert rows("SELECT DISTINCT receiver_phone FROM shop_order WHERE order_no IN (?, ?)",
                pf.TB_A, pf.TB_B) == [("13812341000",)]
    assert found("138****1000") == {"tb_xiaoyu2019"}  # the mask finds the real number


def test_a_real_phone_replaces_its_mask_and_fills_an_empty_one(db, tmp_path):
    import_orders(pf.taobao_orders_csv(tmp_path / "masked.csv"), tz=SHOP_TZ)
    database.execute_sql("UPDATE customer SET phone = '' WHERE nickname = 'lily_2024'")
    real = pf.taobao_orders_rows()
    for row in real:
        row[16] = row[16].replace("138****1000", "13812341000")
    dry = import_orders(pf.taobao_orders_csv(tmp_path / "real.csv", real), dry_run=True, tz=SHOP_TZ)
    phones = {(c.buyer, c.old, c.new) for c in dry.changes if c.field == "customer_phone"}
    assert phones == {("tb_xiaoyu2019", "138****1000", "13812341000"), ("lily_2024", "", "139****2233")}
    import_orders(pf.taobao_orders_csv(tmp_path / "real.csv", real), tz=SHOP_TZ)
    assert rows("SELECT nickname, phone FROM customer ORDER BY nickname") == [
        ("lily_2024", "139****2233"), ("tb_xiaoyu2019", "13812341000")]


def test_the_plan_names_each_row_and_field_that_changes(db, tmp_path):
    import_orders(pf.taobao_orders_csv(tmp_path / "before.csv"), tz=SHOP_TZ)
    later = pf.taobao_orders_rows()
    later[1][10] = "卖家已发货，等待买家确认"  # order B shipped
    later[1][21], later[1][22] = '="75399998888777"', "中通快递"
    dry = import_orders(pf.taobao_orders_csv(tmp_path / "after.csv", later), dry_run=True, tz=SHOP_TZ)
    assert [(c.row, c.order_no, c.buyer, c.field, c.old, c.new) for c in dry.changes] == [
        (3, pf.TB_B, "tb_xiaoyu2019", "status", "paid", "shipped"),
        (3, pf.TB_B, "tb_xiaoyu2019", "carrier", "", "中通快递"),
        (3, pf.TB_B, "tb_xiaoyu2019", "tracking_no", "", "75399998888777"),
    ]
    as_json = json.loads(json.dumps(dry.summary(), ensure_ascii=False))
    assert {"row": 3, "order_no": pf.TB_B, "buyer": "tb_xiaoyu2019", "field": "status", "old": "paid",
            "new": "shipped"} in as_json["changes"]
    assert as_json["updated_orders"] == 1 and as_json["unchanged"] == 3
    # money and times read as the shop reads them
    changed = orders_import.FieldChange(2, "1", "x", "amount_fen", 12_345, 100)
    assert (changed.as_dict()["old"], changed.as_dict()["new"]) == ("123.45", "1.00")


def test_a_dry_run_needs_no_database(tmp_path):
    path = pf.taobao_orders_csv(tmp_path / "orders.csv")
    before = sorted(tmp_path.rglob("*"))
    with core_db.scratch():
        result = import_orders(path, dry_run=True, tz=SHOP_TZ)
    assert (len(result.new_customers), len(result.new_orders), result.errors) == (2, 4, [])
    assert sorted(tmp_path.rglob("*")) == before


def test_an_item_report_goes_only_with_taobao_or_tmall_orders(db, tmp_path):
    import pytest

    from desk.core.errors import UserError

    items = pf.taobao_items_csv(tmp_path / "items.csv")
    with pytest.raises(UserError, match="only goes with Taobao or Tmall"):
        import_orders([pf.jd_xlsx(tmp_path / "jd.xlsx"), items], tz=SHOP_TZ)
    with pytest.raises(UserError, match="which only Taobao and Tmall give"):
        import_orders(items, "pdd", tz=SHOP_TZ)
    with pytest.raises(UserError, match="different platforms"):
        import_orders([pf.jd_xlsx(tmp_path / "jd.xlsx"), pf.douyin_csv(tmp_path / "dy.csv")], tz=SHOP_TZ)
    assert rows("SELECT count(*) FROM shop_order") == [(0,)]
