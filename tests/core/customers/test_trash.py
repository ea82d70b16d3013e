"""What the cleanup screens read: the trash list and its counts, customers by
id, and duplicate groups with the reason they match."""

from __future__ import annotations

from desk.core.base import database
from desk.core.customers import figures, merge, notes, service, trash


def test_trashed_lists_only_the_trash_newest_first(shop):
    a = shop.customer("甲", phone="13812345678")
    b = shop.customer("乙", "pdd")
    shop.customer("丙")
    shop.order(a, amount_fen=12345)
    figures.recompute_figures([a])
    service.move_to_trash([a])
    service.move_to_trash([b])
    assert [r.id for r in trash.trashed()] == [b, a]  # same second: the later id first
    database.execute_sql("UPDATE customer SET deleted_at = deleted_at + 60 WHERE id = ?", (a,))
    rows = trash.trashed()
    assert [r.id for r in rows] == [a, b]
    row = rows[0]
    assert (row.nickname, row.platform, row.phone, row.order_count, row.total_spent_fen) == (
        "甲", "taobao", "13812345678", 1, 12345)
    assert row.deleted_at is not None and row.deleted_at.tzinfo is not None
    assert row.last_order_at is not None
    service.restore([a, b])
    assert trash.trashed() == []


def test_summary_counts_what_emptying_deletes(shop):
    a, b, live = shop.customer("甲"), shop.customer("乙"), shop.customer("丙")
    shop.order(a)
    shop.order(a)
    shop.order(live)
    shop.case(b)
    notes.add(b, "尺码M")
    service.add_address(a, detail="一号")
    assert trash.summary() == trash.TrashSummary(0, 0, 0, 0, 0, 0)
    service.move_to_trash([a, b])
    expected = trash.summary()
    assert expected == trash.TrashSummary(customers=2, orders=2, cases=1, notes=1, followups=0,
                                          addresses=1)
    counts = service.empty_trash()
    assert {k: counts[k] for k in ("customers", "orders", "cases", "notes", "followups",
                                   "addresses")} == expected.__dict__


def test_customers_by_id_keep_the_order_given(shop):
    a, b = shop.customer("甲"), shop.customer("乙")
    service.move_to_trash([b])
    assert [r.id for r in trash.customers([b, 999, a, b])] == [b, a]
    assert trash.customers([]) == []


def test_duplicate_groups_say_why_they_match(shop):
    a = shop.customer("小雨", "taobao", phone="13812345678")
    b = shop.customer("雨点", "pdd", phone="13812345678")
    c = shop.customer("雨点", "jd", phone="138****5678")
    d = shop.customer("座机", "taobao", phone="0571-88886666")
    e = shop.customer("座机", "wechat", phone="0571-88886666")
    shop.customer("无关", "taobao")
    groups = merge.duplicate_groups()
    assert [[r.id for r in g.customers] for g in groups] == merge.find_duplicates() == [
        [a, b, c], [d, e]]
    assert (groups[0].phones, groups[0].nicknames) == (["13812345678"], ["雨点"])
    assert (groups[1].phones, groups[1].nicknames) == (["0571-88886666"], ["座机"])
    assert groups[0].customers[2].phone == "138****5678"
