"""Cell values of the platforms' exports: numbers kept exactly as text, money
to fen without a float, times in the shop's zone."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desk.core.errors import UserError
from desk.core.excel import values

SHOP_TZ = timezone(timedelta(hours=8))


@given(st.integers(0, 10**30))
def test_integer_cells_are_order_numbers_exactly(n):
    assert values.number_text(n) == str(n)


@given(st.integers(0, 2**53 - 1))
def test_float_cells_are_accepted_while_exact(n):
    assert values.number_text(float(n)) == str(n)


@pytest.mark.parametrize("cell", [3.012345678901235e18, 2.0**53, 1.5, "3.01235E+18", "1e+18", True])
def test_numbers_that_lost_digits_are_refused(cell):
    with pytest.raises(UserError):
        values.number_text(cell)


@pytest.mark.parametrize(("cell", "text"), [
    ('="3012345678901234567"', "3012345678901234567"), ("\t3012345678901234567", "3012345678901234567"),
    ("'13812345678", "13812345678"), ("  收货人 ", "收货人"), (None, ""), (12.0, "12"),
    ("a\x00b\u202ec", "abc"),
])
def test_text_cells(cell, text):
    assert values.text(cell) == text


@given(st.integers(0, 10**13))
def test_money_text_with_sign_and_separators(fen):
    shown = f"{fen // 100:,}.{fen % 100:02d}"
    assert values.fen(f"¥{shown}") == fen
    assert values.fen(f"￥ {shown}元") == fen
    assert values.fen(f'="{shown}"') == fen


@given(st.integers(0, 10**13))
def test_money_number_cells(fen):
    assert values.fen(fen / 100) == fen
    if fen % 100 == 0:
        assert values.fen(fen // 100) == fen


def test_empty_money_and_quantities():
    assert values.fen("") is None and values.fen(None) is None
    assert values.quantity(None) == 1 and values.quantity("3件") == 3 and values.quantity(2.0) == 2
    for bad in ("两件", "0", -1, 2.5):
        with pytest.raises(UserError):
            values.quantity(bad)


@pytest.mark.parametrize("cell", ["2025-03-01 10:30:00", "2025/3/1 10:30", "2025-03-01T10:30",
                                  "2025年3月1日 10:30", '="2025-03-01 10:30:00"',
                                  datetime(2025, 3, 1, 10, 30)])
def test_times_are_read_in_the_shops_zone(cell):
    assert values.moment(cell, SHOP_TZ) == int(datetime(2025, 3, 1, 2, 30,
                                                         tzinfo=UTC).timestamp())


@pytest.mark.parametrize("cell", ["昨天", "2025-13-01 10:00", "2025-02-30"])
def test_bad_times(cell):
    with pytest.raises(UserError):
        values.moment(cell, SHOP_TZ)


def test_blank_times():
    assert values.moment("", SHOP_TZ) is None and values.moment("--", SHOP_TZ) is None
