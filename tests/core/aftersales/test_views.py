"""After-sales list filters and search over CASES, and the tray's case notices."""

from __future__ import annotations

import re
from datetime import datetime, timedelta

import pytest

from desk.core import timeutil
from desk.core.aftersales import flow, notices, service, views
from desk.core.aftersales.listing import CASES
from desk.core.aftersales.models import OPEN_STATUSES, Case
from desk.core.aftersales.views import CaseFilters
from desk.core.base import database
from desk.core.customers import service as customers

from .conftest import BEIJING

H = timedelta(hours=1)
NOW = datetime(2024, 6, 10, 11, 0, tzinfo=BEIJING)


def ids(*filters) -> list[int]:
    return list(CASES.ids([f for f in filters if f is not None]))


def found(filters: CaseFilters, now: datetime = NOW) -> set[int]:
    return set(CASES.ids(filters.sql(now, BEIJING)))


@pytest.fixture
def cases(shop):
    """A handful of cases that differ in every way the filters look at."""
    rain = shop.customer("小雨点点")
    wind = shop.customer("大风车", platform="jd")
    rain_order, _, rain_no = shop.order(rain)
    rain_order2, _, rain_no2 = shop.order(rain)
    wind_order, _, wind_no = shop.order(wind, platform="jd")
    database.execute_sql("UPDATE shop_order SET tracking_no = 'SF1400000001' WHERE id = ?", (wind_order,))
    c = {
        # opened 2024-06-01 09:00 Beijing: the handling target (that midnight) has passed
        "quality": service.open_case(rain, "return_refund", "quality", order_id=rain_order,
                                     handler="小王", refund_fen="59", tracking_no="YT9900000001",
                                     opened_at=datetime(2024, 6, 1, 9, 0, tzinfo=BEIJING)),
        # opened this morning: due tonight
        "size": service.open_case(rain, "exchange", "size", order_id=rain_order2, handler="小李",
                                  opened_at=datetime(2024, 6, 10, 8, 0, tzinfo=BEIJING)),
        # jd, a reissue after a carrier's loss; closed: no deadline
        "lost": service.open_case(wind, "reissue", "lost", order_id=wind_order, responsibility="carrier",
                                  handler="小王", carrier="中通", tracking_no="ZT7700000002",
                                  opened_at=datetime(2024, 5, 20, 15, 0, tzinfo=BEIJING)),
    }
    flow.change_status(c["lost"], "closed", at=datetime(2024, 5, 21, 10, 0, tzinfo=BEIJING))
    numbers = {"rain": rain_no, "rain2": rain_no2, "wind": wind_no}
    return c, numbers, {"rain": rain, "wind": wind}


def test_every_filter_narrows_the_list(cases):
    c, _, _ = cases
    everything = set(c.values())
    assert found(CaseFilters()) == everything
    assert found(CaseFilters(statuses=("closed",))) == {c["lost"]}
    assert found(CaseFilters(statuses=OPEN_STATUSES)) == {c["quality"], c["size"]}
    assert found(CaseFilters(kinds=("exchange", "reissue"))) == {c["size"], c["lost"]}
    assert found(CaseFilters(reasons=("quality",))) == {c["quality"]}
    assert found(CaseFilters(responsibilities=("carrier",))) == {c["lost"]}
    assert found(CaseFilters(responsibilities=("buyer",))) == {c["size"]}  # from the reason
    assert found(CaseFilters(platforms=("jd",))) == {c["lost"]}
    assert found(CaseFilters(handlers=("小王",))) == {c["quality"], c["lost"]}
    # parts combine with AND
    assert found(CaseFilters(handlers=("小王",), platforms=("taobao",))) == {c["quality"]}
    assert found(CaseFilters(handlers=("小王",), kinds=("exchange",))) == set()


def test_opened_dates_are_a_half_open_range(cases):
    c, _, _ = cases
    june = timeutil.to_epoch(datetime(2024, 6, 1, tzinfo=BEIJING))
    quality_opened = timeutil.to_epoch(Case.get_by_id(c["quality"]).opened_at)
    assert found(CaseFilters(opened_from=june)) == {c["quality"], c["size"]}
    assert found(CaseFilters(opened_to=june)) == {c["lost"]}
    assert found(CaseFilters(opened_from=quality_opened, opened_to=quality_opened + 1)) == {c["quality"]}
    assert found(CaseFilters(opened_from=quality_opened + 1, opened_to=june + 9 * 86400)) == set()


def test_overdue_and_due_today(cases):
    c, _, _ = cases
    quality_due = Case.get_by_id(c["quality"]).next_deadline_at
    size_due = Case.get_by_id(c["size"]).next_deadline_at
    assert quality_due < NOW < size_due <= datetime(2024, 6, 11, tzinfo=BEIJING)
    assert found(CaseFilters(due="overdue")) == {c["quality"]}
    assert found(CaseFilters(due="today")) == {c["quality"], c["size"]}
    # a minute after the second deadline, both are overdue
    assert found(CaseFilters(due="overdue"), size_due + timedelta(minutes=1)) == {c["quality"], c["size"]}
    # the evening before the first one was due, nothing is due "today"
    assert found(CaseFilters(due="today"), datetime(2024, 5, 31, 20, 0, tzinfo=BEIJING)) == set()
    with pytest.raises(ValueError):
        CaseFilters(due="tomorrow").sql(NOW)


def test_search_by_case_number_exact_prefix_and_lower_case(cases):
    c, _, _ = cases
    quality_no = Case.get_by_id(c["quality"]).case_no
    assert quality_no.startswith("SH20240601-")
    assert ids(views.search_filter(quality_no)) == [c["quality"]]
    assert ids(views.search_filter(f"  {quality_no.lower()} ")) == [c["quality"]]
    assert set(ids(views.search_filter("sh202406"))) == {c["quality"], c["size"]}
    assert set(ids(views.search_filter("SH2024"))) == set(c.values())


def test_search_by_order_number_finds_only_that_orders_case(cases):
    c, numbers, _ = cases
    # both of 小雨点点's cases are hers; the order number names one of them
    assert ids(views.search_filter(numbers["rain2"])) == [c["size"]]
    assert ids(views.search_filter(numbers["rain"][:-2])) == [c["quality"]]  # a prefix of 6+ characters
    assert ids(views.search_filter(numbers["rain"][:-1] + "x")) == []
    # a 19-digit number is TEXT: one digit off is another number
    other = numbers["rain2"][:-1] + str((int(numbers["rain2"][-1]) + 1) % 10)
    assert c["size"] not in ids(views.search_filter(other))


def test_search_by_tracking_number_of_the_return_the_reissue_or_the_parcel(cases):
    c, _, _ = cases
    assert ids(views.search_filter("YT9900000001")) == [c["quality"]]
    assert ids(views.search_filter("yt9900000001")) == [c["quality"]]
    assert ids(views.search_filter("ZT7700000002")) == [c["lost"]]
    assert ids(views.search_filter("SF1400000001")) == [c["lost"]]  # the order's own parcel
    assert ids(views.search_filter("YT99")) == []  # tracking numbers match whole


def test_search_by_buyer(cases):
    c, numbers, people = cases
    assert set(ids(views.search_filter("小雨"))) == {c["quality"], c["size"]}
    assert set(ids(views.search_filter("xydd"))) == {c["quality"], c["size"]}  # pinyin initials
    assert ids(views.search_filter("大风车")) == [c["lost"]]
    assert ids(views.search_filter("nobody-like-this")) == []
    # an order without a case leads to its buyer's cases
    database.execute_sql(
        "INSERT INTO shop_order(customer_id, platform, order_no, status, placed_at, amount_fen,"
        " shipping_fen, free_shipping, created_at, updated_at)"
        " VALUES (?, 'jd', '5000000000000000001', 'completed', 0, 100, 0, 1, 0, 0)",
        (people["wind"],))
    assert ids(views.search_filter("5000000000000000001")) == [c["lost"]]


def test_blank_and_odd_queries(cases):
    assert views.search_filter("") is None
    assert views.search_filter("   ") is None
    assert ids(views.search_filter("\x00")) == []
    assert ids(views.search_filter('"; DROP TABLE aftersales_case; --')) == []
    assert ids(views.search_filter("%")) == []
    assert Case.select().count() == 3


@pytest.mark.sqlite_only("SQLite's query plan (EXPLAIN QUERY PLAN)")
def test_search_reads_indexes_not_the_case_table(cases):
    """The search's own lookups are index searches; only the outer list may walk an index."""
    c, numbers, _ = cases
    f = views.search_filter(numbers["rain"])
    plan = database.execute_sql(
        f"EXPLAIN QUERY PLAN SELECT a.id FROM {CASES.source} WHERE {f.sql}", f.params).fetchall()
    details = [row[-1] for row in plan]
    scans = [d for d in details if re.match(r"SCAN (a|x|c|o|r|aftersales_case|shop_order|customer)\b", d)]
    assert not scans, details


def test_deadline_sort_puts_cases_without_one_last_both_ways(cases):
    c, _, _ = cases
    assert list(CASES.ids(sort="next_deadline_at")) == [c["quality"], c["size"], c["lost"]]
    assert list(CASES.ids(sort="next_deadline_at", descending=True)) == [c["size"], c["quality"], c["lost"]]


def test_listing_fields(cases):
    c, numbers, _ = cases
    row = dict(zip(CASES.keys, CASES.rows([c["quality"]])[c["quality"]], strict=True))
    assert row["order_no"] == numbers["rain"] and isinstance(row["order_no"], str)
    assert (row["nickname"], row["reason"], row["kind"], row["handler"]) == (
        "小雨点点", "质量问题", "return_refund", "小王")
    assert row["amount_fen"] == 5900 and row["tracking_no"] == "YT9900000001"
    assert row["next_deadline_key"] == "handling"
    assert row["platform"] == "taobao" and row["responsibility"] == "seller"


def test_a_trashed_buyers_cases_leave_the_list(cases):
    c, _, people = cases
    customers.move_to_trash([people["wind"]])
    assert c["lost"] not in ids()
    service.move_to_trash([c["size"]])
    assert ids() == [c["quality"]]


@pytest.mark.sqlite_only("SQLite's query plan (EXPLAIN QUERY PLAN)")
def test_the_due_cases_query_reads_no_customer_row(cases):
    """The Today page asks for the due cases' ids at start-up: a trashed buyer's
    cases are left out through the few trashed ids, not a customer row per case."""
    from desk.core.aftersales import due

    today = due.today_filter(NOW)
    plan = " | ".join(row[3] for row in database.execute_sql(
        f"EXPLAIN QUERY PLAN SELECT {CASES.id_sql} FROM {CASES.source}"
        f" WHERE ({CASES.base_where}) AND ({today.sql})"
        f" ORDER BY {CASES.sort_sql['next_deadline_at']}, a.id", today.params))
    assert "SEARCH c " not in plan and "SCAN c" not in plan, plan


def test_filter_bar_choices(cases):
    assert views.handler_choices() == sorted({"小王", "小李"})
    codes = [code for code, _ in views.reason_choices()]
    assert codes[:3] == ["quality", "wrong_item", "missing_item"] and "no_reason" in codes


# -- tray notices ------------------------------------------------------------------------


def test_case_deadlines_are_announced_once_and_again_when_they_change(cases):
    c, _, _ = cases
    quality_due = Case.get_by_id(c["quality"]).next_deadline_at
    first = notices.take_newly_due(NOW, 1)
    assert [n.case_id for n in first] == [c["quality"]]  # overdue; tonight's is 13 h away
    assert first[0].deadline_at == quality_due and first[0].nickname == "小雨点点"
    assert first[0].label == "Shop's own handling target"
    assert notices.take_newly_due(NOW, 1) == []
    # with a day's warning the other one comes in, once
    assert [n.case_id for n in notices.take_newly_due(NOW, 24)] == [c["size"]]
    assert notices.take_newly_due(NOW, 24) == []
    # a new status, a new deadline: announced again when it comes near
    flow.change_status(c["quality"], "awaiting_return", at=NOW)
    new_due = Case.get_by_id(c["quality"]).next_deadline_at
    assert new_due == NOW + 168 * H
    assert notices.take_newly_due(NOW, 24) == []
    again = notices.take_newly_due(new_due - 2 * H, 24)
    assert [(n.case_id, n.deadline_key) for n in again] == [(c["quality"], "buyer_ship_return")]


def test_trashed_and_settled_cases_are_not_announced(cases):
    c, _, _ = cases
    service.move_to_trash([c["quality"]])
    flow.change_status(c["size"], "closed", at=NOW)
    assert notices.take_newly_due(NOW + 1000 * H, 24) == []
    assert Case.get_by_id(c["size"]).notified_deadline_at is None
