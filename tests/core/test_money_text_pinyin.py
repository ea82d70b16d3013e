"""Money parsing, one-line text rules and pinyin search forms."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desk.core import pinyin
from desk.core.errors import UserError
from desk.core.money import format_fen, parse_yuan
from desk.core.text import clean_line, mask_phone, strip_controls

# --- money --------------------------------------------------------------------


@pytest.mark.parametrize("text, fen", [
    ("¥1,234.5", 123450),
    ("0.01", 1),
    ("-3", -300),
    ("+3", 300),
    ("12.345", 1234),   # digits past the fen are cut off, never rounded
    ("12.999", 1299),
    ("￥ 88 元", 8800),
    ("1，000.00", 100000),  # full-width comma
    ("RMB 5.5", 550),
    ("  7\u00a0", 700),
    ("0", 0),
    (1999, 199900),      # a number cell from a spreadsheet
])
def test_parse_yuan(text, fen):
    assert parse_yuan(text) == fen


@pytest.mark.parametrize("text", ["", "abc", "¥", "1.2.3", "--1", "1e5", ".5", "5.", "nan",
                                  "12 34 x", "3-", "1/2"])
def test_parse_yuan_rejects_garbage(text):
    with pytest.raises(UserError, match="not an amount"):
        parse_yuan(text)


def test_format_fen():
    assert format_fen(123450) == "1234.50"
    assert format_fen(1) == "0.01"
    assert format_fen(-5) == "-0.05"
    assert format_fen(0) == "0.00"


@given(st.integers(min_value=-(10**18), max_value=10**18))
def test_format_then_parse_is_identity(fen):
    assert parse_yuan(format_fen(fen)) == fen


@given(st.integers(min_value=0, max_value=10**15))
def test_parse_with_symbol_and_thousands(fen):
    yuan, rest = divmod(fen, 100)
    assert parse_yuan(f"¥{yuan:,}.{rest:02d}") == fen


# --- text ---------------------------------------------------------------------


@given(st.text(alphabet="0123456789", min_size=19, max_size=19))
def test_clean_line_keeps_a_19_digit_order_number(order_no):
    assert clean_line(order_no) == order_no
    assert clean_line(f"  {order_no}\t") == order_no


def test_clean_line():
    assert clean_line(None) == ""
    assert clean_line(" 小雨\u202e点点 ") == "小雨点点"
    assert clean_line("a\tb\nc") == "a b c"


def test_strip_controls():
    assert strip_controls("a\x00b\x1bc\u202ed\te\nf\x7f\x85g") == "abcd\te\nfg"
    assert strip_controls("\u2066x\u2069") == "x"
    assert strip_controls("小雨点点 ok") == "小雨点点 ok"


@pytest.mark.parametrize("phone, shown", [
    ("13812341234", "138****1234"),
    ("", ""),
    (None, ""),
    ("12345", "*2345"),
    ("1234", "1234"),
])
def test_mask_phone(phone, shown):
    assert mask_phone(phone) == shown


# --- pinyin -------------------------------------------------------------------


def test_pinyin_full_and_abbr():
    assert pinyin.full("小雨点点") == "xiaoyudiandian"
    assert pinyin.abbr("小雨点点") == "xydd"


def test_pinyin_mixed_text():
    assert pinyin.abbr("Lily小雨") == "lilyxy"
    assert pinyin.full("Lily小雨") == "lilyxiaoyu"
    assert pinyin.abbr("小雨!88 点") == "xy88d"  # punctuation and spaces dropped
    assert pinyin.full("") == pinyin.abbr("") == ""


def test_pinyin_u_umlaut_is_v():
    assert pinyin.full("绿女") == "lvnv"


def test_pinyin_table_is_pypinyins_own():
    """The table is read from pypinyin's data file without importing the
    package (which loads its phrase table too); it must be the very table
    pypinyin's own module builds from that file."""
    from pypinyin.pinyin_dict import pinyin_dict

    assert pinyin._read_table() == pinyin_dict


def test_pinyin_does_not_import_pypinyin():
    import subprocess
    import sys

    code = ("import sys; from desk.core import pinyin; "
            "assert pinyin.full('小雨') == 'xiaoyu' and pinyin.abbr('Lily小雨') == 'lilyxy'; "
            "print('pypinyin' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


@given(st.text(max_size=12))
def test_pinyin_forms_character_by_character(text):
    """full and abbr as the per-character rule gives them, whatever the text."""
    readings = [pinyin._char(c) for c in text]
    assert pinyin.full(text) == "".join(readings)
    assert pinyin.abbr(text) == "".join(r[:1] for r in readings)
