"""Creating and editing customers, their addresses, and the trash."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from desk.core import changes
from desk.core.base import database
from desk.core.customers import followups, notes, service, tags
from desk.core.customers.figures import recompute_figures
from desk.core.customers.listing import CUSTOMERS
from desk.core.customers.models import Address, Customer
from desk.core.errors import UserError
from desk.core.orders import service as order_service

from .conftest import dump_tables

# the core suite on both engines (tests/conftest.py: db)
pytestmark = pytest.mark.both_engines

BIDI = "\u202e"


def test_create_stores_clean_fields_and_pinyin(shop, announced):
    cid = service.create("taobao", "  小雨点点 ", real_name="王芳", phone="13812345678",
                         region="浙江省杭州市")
    c = Customer.get_by_id(cid)
    assert (c.nickname, c.real_name, c.phone, c.region) == ("小雨点点", "王芳", "13812345678", "浙江省杭州市")
    assert (c.nickname_py, c.nickname_abbr) == ("xiaoyudiandian", "xydd")
    assert (c.real_name_py, c.real_name_abbr) == ("wangfang", "wf")
    assert announced == [changes.Change("customer", frozenset({cid}))]


@pytest.mark.parametrize("nickname, message", [
    ("", "Nickname is required"),
    ("   \t ", "Nickname is required"),
    ("\x00\x07" + BIDI, "Nickname is required"),
    ("x" * 500, "at most 64 characters \\(this one has 500\\)"),
])
def test_bad_nickname_is_refused_and_nothing_is_saved(shop, announced, nickname, message):
    with pytest.raises(UserError, match=message) as e:
        service.create("taobao", nickname)
    assert e.value.template.endswith(".") and "{" not in str(e.value)
    assert Customer.select().count() == 0
    assert announced == []


@pytest.mark.parametrize("field, value, limit", [
    ("real_name", "王" * 33, 32), ("region", "省" * 65, 64),
])
def test_length_caps(shop, field, value, limit):
    with pytest.raises(UserError, match=f"at most {limit} characters"):
        service.create("taobao", "ok", **{field: value})
    service.create("taobao", "ok", **{field: value[:limit]})


def test_nickname_of_exactly_64_characters_and_rare_characters(shop):
    nick = "𠮷" * 64  # one code point each, though outside the BMP
    cid = service.create("jd", nick)
    assert service.get(cid).nickname == nick
    emoji = service.create("taobao", "🍓草莓🍓酱")
    assert service.get(emoji).nickname == "🍓草莓🍓酱"
    assert Customer.get_by_id(emoji).nickname_abbr == "cmj"


def test_controls_and_bidi_overrides_are_stripped(shop):
    cid = service.create("taobao", f"小雨{BIDI}点点\x1b\n", real_name="\u2066王芳\u2069")
    d = service.get(cid)
    assert (d.nickname, d.real_name) == ("小雨点点", "王芳")


@pytest.mark.parametrize("platform, message", [
    ("", "Choose the customer's platform"), ("amazon", "Unknown platform \"amazon\""),
])
def test_platform_required_and_known(shop, platform, message):
    with pytest.raises(UserError, match=message):
        service.create(platform, "小雨")


@pytest.mark.parametrize("given, stored", [
    ("13812345678", "13812345678"),
    ("138 1234 5678", "13812345678"),
    ("+86 138-1234-5678", "13812345678"),
    ("0571-88886666", "0571-88886666"),
    ("010-12345678", "010-12345678"),
    ("057188886666", "057188886666"),
    ("0571-88886666-123", "0571-88886666-123"),
    ("138****1234", "138****1234"),
    ("", ""),
])
def test_phone_formats_accepted(shop, given, stored):
    cid = service.create("taobao", "买家", phone=given)
    assert service.get(cid).phone == stored


@pytest.mark.parametrize("phone", [
    "1381234567", "138123456789", "23812345678", "12812345678", "88886666", "abc",
    "138****123", "１３８１２３４５６７８", "13812345678a",
])
def test_phone_formats_refused(shop, phone):
    with pytest.raises(UserError, match="is not a phone number"):
        service.create("taobao", "买家", phone=phone)
    assert Customer.select().count() == 0


def test_nickname_unique_per_platform_among_live_customers(shop):
    a = shop.customer("小雨点点", "taobao")
    with pytest.raises(UserError, match='already a customer "小雨点点" on taobao'):
        service.create("taobao", " 小雨点点")
    service.create("pdd", "小雨点点")  # another platform is fine
    service.move_to_trash([a])
    service.create("taobao", "小雨点点")  # the trashed one does not count


def test_update_changes_fields_and_pinyin(shop, announced):
    cid = shop.customer("小雨点点")
    announced.clear()
    service.update(cid, nickname="草莓酱", real_name="李娜", phone="0571-88886666")
    c = Customer.get_by_id(cid)
    assert (c.nickname, c.nickname_abbr, c.real_name_py, c.phone) == (
        "草莓酱", "cmj", "lina", "0571-88886666")
    assert announced == [changes.Change("customer", frozenset({cid}))]


def test_update_refuses_a_duplicate_but_keeping_its_own_name_is_fine(shop):
    a = shop.customer("小雨点点")
    b = shop.customer("草莓酱")
    service.update(a, nickname="小雨点点", region="杭州")
    with pytest.raises(UserError, match="already a customer \"草莓酱\""):
        service.update(a, nickname="草莓酱")
    with pytest.raises(UserError, match="Nickname is required"):
        service.update(b, nickname=" ")
    assert Customer.get_by_id(b).nickname == "草莓酱"


def test_update_refuses_unknown_fields_and_trashed_or_missing_customers(shop):
    cid = shop.customer()
    with pytest.raises(TypeError):
        service.update(cid, lifecycle="customer")
    service.move_to_trash([cid])
    with pytest.raises(UserError, match="in the trash"):
        service.update(cid, region="x")
    with pytest.raises(UserError, match="no longer exists"):
        service.update(9999, region="x")


def test_get_figures(shop):
    cid = shop.customer()
    for amount in (10000, 5001):
        shop.order(cid, "completed", amount)
    shop.order(cid, "closed", 9900, paid=False)
    recompute_figures([cid])
    d = service.get(cid)
    assert (d.order_count, d.paid_order_count, d.unpaid_count) == (3, 2, 1)
    assert d.total_spent_fen == 15001
    assert d.average_order_fen == 7501  # 7500.5 rounds half up
    assert d.is_repeat and d.lifecycle == "customer" and not d.lifecycle_manual
    assert d.addresses == [] and d.tags == []


def test_get_holds_everything_the_customer_page_shows(shop):
    cid = shop.customer()
    placed = [shop.order(cid, "completed", 100) for _ in range(6)]
    cases = [shop.case(cid, order_id=placed[0]), shop.case(cid)]
    old = notes.add(cid, "旧的")
    pinned = notes.add(cid, "置顶的", pinned=True, case_id=cases[1])
    gone = notes.add(cid, "删掉的")
    notes.delete([gone])
    address = service.add_address(cid, detail="一号")
    recompute_figures([cid])
    d = service.get(cid)
    assert [o[0] for o in d.orders] == placed[::-1]
    assert d.orders[0] == order_service.orders_of(cid)[0] and d.orders[0][1].isdigit()
    assert [c.id for c in d.cases] == [c.id for c in service.cases_of(cid)] and len(d.cases) == 2
    assert [n.id for n in d.notes] == [pinned, old] and d.notes[0].case_no is not None
    assert [f.code for f in d.risks] == ["aftersales"]  # 2 cases for 6 paid orders
    assert [a.id for a in d.addresses] == [address]


def test_average_order_value():
    assert service.average_order_fen(0, 0) == 0
    assert service.average_order_fen(10000, 3) == 3333
    assert service.average_order_fen(20000, 3) == 6667


def test_get_missing_customer(shop):
    with pytest.raises(UserError, match="no longer exists"):
        service.get(12345)


# -- addresses ------------------------------------------------------------------


def _defaults(cid):
    return [a.id for a in Address.select().where(Address.customer == cid, Address.is_default.is_set())]


def test_first_address_is_default_and_a_new_default_clears_the_old(shop):
    cid = shop.customer()
    a = service.add_address(cid, receiver="王芳", phone="13812345678", province="浙江省",
                            city="杭州市", detail="文一西路1号")
    assert _defaults(cid) == [a]
    b = service.add_address(cid, detail="人民路2号")
    assert _defaults(cid) == [a]
    c = service.add_address(cid, detail="中山路3号", is_default=True)
    assert _defaults(cid) == [c]
    service.update_address(b, is_default=True)
    assert _defaults(cid) == [b]
    assert [x.id for x in service.get(cid).addresses] == [b, c, a]


def test_removing_the_default_promotes_the_newest(shop):
    cid = shop.customer()
    a = service.add_address(cid, detail="一号")
    b = service.add_address(cid, detail="二号")
    c = service.add_address(cid, detail="三号")
    service.update_address(a, is_default=True)
    service.remove_address(a)
    assert _defaults(cid) == [c]
    service.remove_address(b)
    assert _defaults(cid) == [c]
    service.remove_address(c)
    assert _defaults(cid) == []


def test_unsetting_the_default_hands_it_on_and_the_only_one_stays_default(shop):
    cid = shop.customer()
    a = service.add_address(cid, detail="一号")
    service.update_address(a, is_default=False)
    assert _defaults(cid) == [a]
    b = service.add_address(cid, detail="二号")
    service.update_address(a, is_default=False, detail="一号楼")
    assert _defaults(cid) == [b]
    assert Address.get_by_id(a).detail == "一号楼"


def test_bad_addresses(shop):
    cid = shop.customer()
    with pytest.raises(UserError, match="address is empty"):
        service.add_address(cid, receiver="王芳")
    with pytest.raises(UserError, match="street address can be at most 200"):
        service.add_address(cid, detail="路" * 201)
    with pytest.raises(UserError, match="not a phone number"):
        service.add_address(cid, detail="路", phone="12345")
    a = service.add_address(cid, detail="路")
    with pytest.raises(UserError, match="address is empty"):
        service.update_address(a, detail="  ")
    with pytest.raises(UserError, match="no longer exists"):
        service.remove_address(a + 100)
    assert Address.get_by_id(a).detail == "路"


# -- trash ----------------------------------------------------------------------


def test_trash_keeps_everything_attached_and_restore_brings_it_back(shop, announced):
    cid = shop.customer()
    other = shop.customer("草莓酱")
    shop.order(cid)
    service.add_address(cid, detail="一号")
    announced.clear()
    assert service.move_to_trash([cid, cid]) == 1
    assert service.move_to_trash([cid]) == 0
    assert service.get(cid).deleted_at is not None
    assert database.execute_sql("SELECT count(*) FROM shop_order WHERE customer_id = ?",
                                (cid,)).fetchone()[0] == 1
    assert list(CUSTOMERS.ids()) == [other]
    assert service.restore([cid]) == 1
    assert service.get(cid).deleted_at is None
    assert sorted(CUSTOMERS.ids()) == [cid, other]
    assert all(c.entity == "customer" and cid in c.ids for c in announced)


def test_restore_refuses_when_the_name_was_taken_again(shop):
    a = shop.customer("小雨点点")
    service.move_to_trash([a])
    b = shop.customer("小雨点点")
    with pytest.raises(UserError, match='already a customer "小雨点点" on taobao'):
        service.restore([a])
    assert service.get(a).deleted_at is not None
    service.move_to_trash([b])
    with pytest.raises(UserError, match="restore only one"):
        service.restore([a, b])
    assert service.restore([b]) == 1


def test_empty_trash_deletes_for_good_with_everything_attached(shop, announced):
    keep = shop.customer("留下")
    gone = shop.customer("删除")
    o = shop.order(gone)
    shop.case(gone, order_id=o)
    shop.order(keep)
    service.add_address(gone, detail="一号")
    notes.add(gone, "尺码偏小")
    followups.add(gone, "回访", datetime(2024, 6, 1, tzinfo=UTC))
    tags.add_tags([gone, keep], [shop.tag_id("VIP")])
    service.move_to_trash([gone])
    announced.clear()
    counts = service.empty_trash()
    assert counts == {"customers": 1, "orders": 1, "cases": 1, "notes": 1, "followups": 1,
                      "addresses": 1, "tags": 1}
    assert [c.id for c in Customer.select()] == [keep]
    for table in ("shop_order", "customer_tag"):
        assert database.execute_sql(f"SELECT count(*) FROM {table}").fetchone()[0] == 1
    for table in ("aftersales_case", "note", "followup", "address"):
        assert database.execute_sql(f"SELECT count(*) FROM {table}").fetchone()[0] == 0
    assert changes.Change("customer", frozenset({gone})) in announced
    assert service.empty_trash()["customers"] == 0


# -- undoing address changes ----------------------------------------------------


def test_remove_then_restore_address_puts_back_the_same_row(shop, announced):
    cid = shop.customer()
    a = service.add_address(cid, receiver="王芳", phone="13812345678", province="浙江省",
                            city="杭州市", district="西湖区", detail="文一西路1号")
    b = service.add_address(cid, detail="人民路2号")
    database.execute_sql("UPDATE address SET created_at = created_at - 100 WHERE id = ?", (a,))
    before = dump_tables()
    token = service.remove_address(a)  # the default: b takes over
    assert _defaults(cid) == [b]
    assert token["id"] == a and token["is_default"] and token["detail"] == "文一西路1号"
    announced.clear()
    assert service.restore_address(token) == a
    assert dump_tables() == before
    assert announced == [changes.Change("customer", frozenset({cid}))]
    with pytest.raises(UserError, match="already there"):
        service.restore_address(token)


def test_remove_address_can_hand_the_default_back(shop):
    cid = shop.customer()
    a = service.add_address(cid, detail="一号")
    b = service.add_address(cid, detail="二号")
    c = service.add_address(cid, detail="三号", is_default=True)
    service.remove_address(c, default_to=a)  # undoing "add c as the default"
    assert _defaults(cid) == [a]
    service.remove_address(a, default_to=a + 100)  # gone: the newest takes it
    assert _defaults(cid) == [b]
    assert service.default_address(cid) == b
    assert service.get_address(b).detail == "二号"
    assert service.default_address(shop.customer("别人")) is None


def test_restore_address_of_a_trashed_customer_is_refused(shop):
    cid = shop.customer()
    token = service.remove_address(service.add_address(cid, detail="一号"))
    service.move_to_trash([cid])
    with pytest.raises(UserError, match="in the trash"):
        service.restore_address(token)
    assert Address.select().count() == 0


# -- cases, tag categories, new tags ------------------------------------------------


def test_cases_of_gives_plain_rows_newest_first_without_the_trashed(shop):
    cid = shop.customer()
    order = shop.order(cid)
    old = shop.case(cid, order_id=order)
    new = shop.case(cid, status="done")
    gone = shop.case(cid)
    shop.case(shop.customer("别人"))
    database.execute_sql("UPDATE aftersales_case SET opened_at = opened_at + 60, kind = 'exchange',"
                         " reason = 'size', next_deadline_at = ? WHERE id = ?", (1714600000, new))
    database.execute_sql("UPDATE aftersales_case SET reason = 'retired' WHERE id = ?", (old,))
    database.execute_sql("UPDATE aftersales_case SET deleted_at = 1 WHERE id = ?", (gone,))
    rows = service.cases_of(cid)
    assert [r.id for r in rows] == [new, old]
    assert (rows[0].kind, rows[0].status, rows[0].reason, rows[0].reason_name) == (
        "exchange", "done", "size", "尺码不合适")
    assert rows[0].next_deadline_at == datetime.fromtimestamp(1714600000, UTC)
    assert rows[0].order_no is None
    assert (rows[1].reason_name, rows[1].order_no, rows[1].next_deadline_at) == (
        "retired", "4000000000000000001", None)


def test_tag_categories_in_their_order(shop):
    names = [c.name for c in service.tag_categories()]
    assert names and len(names) == len(set(names))
    made = tags.create_category("尺码")
    assert service.tag_categories()[-1] == service.CategoryInfo(made, "尺码", "#607d8b")


def test_tag_with_new_creates_and_tags_in_one_go(shop, announced):
    cid = shop.customer()
    category = service.tag_categories()[0].id
    tag_id = service.tag_with_new(cid, category, " 回头客 ")
    assert [(t.id, t.name, t.category_id) for t in service.tags_of(cid)] == [(tag_id, "回头客", category)]
    count = len(tags.all_tags())
    with pytest.raises(UserError, match='already a tag "回头客"'):
        service.tag_with_new(cid, category, "回头客")
    with pytest.raises(UserError, match="at most 32 characters"):
        service.tag_with_new(cid, category, "长" * 500)
    service.move_to_trash([cid])
    with pytest.raises(UserError, match="in the trash"):
        service.tag_with_new(cid, category, "新的")
    assert len(tags.all_tags()) == count


def test_any_customers_counts_the_trash_too(db):
    assert not service.any_customers()  # a new, empty shop: the first-run welcome is offered
    cid = service.create("taobao", "小雨点点")
    assert service.any_customers()
    service.move_to_trash([cid])
    assert service.any_customers()  # a buyer in the trash still means the shop is in use
