"""The streaming workbook writer: types, formats, safe values, sheet overflow,
progress, cancel and failure leaving nothing behind."""

from __future__ import annotations

import zipfile
from datetime import UTC, datetime, timedelta, timezone

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook

from desk.core.errors import Cancelled, UserError
from desk.core.excel.safe import CELL_MAX, CUT_MARK
from desk.core.excel.writer import Column, Sheet, display_width, sheet_title, write_workbook

SHOP_TZ = timezone(timedelta(hours=8))
T = int(datetime(2025, 3, 1, 2, 30, tzinfo=UTC).timestamp())  # 10:30 in the shop


def write(path, rows, columns=None, **kw):
    columns = columns or [Column("Value")]
    return write_workbook(path, [Sheet("Data", columns, rows, len(rows))], tz=SHOP_TZ, **kw)


def cells(path, sheet=0):
    ws = load_workbook(path).worksheets[sheet]
    return [[c for c in row] for row in ws.iter_rows()]


def test_kinds_are_written_as_real_types(tmp_path):
    path = tmp_path / "out.xlsx"
    columns = [Column("Order number", "code"), Column("Amount", "money"), Column("Placed", "datetime"),
               Column("Day", "date"), Column("Count", "int"), Column("Phone", "phone")]
    write(path, [("3012345678901234567", 123456, T, T, 3, "13812345678"),
                 (4000000000000000001, 1, None, None, None, "")], columns)
    header, first, second = cells(path)
    assert [c.value for c in header] == ["Order number", "Amount", "Placed", "Day", "Count", "Phone"]
    assert all(c.font.b for c in header)
    order, amount, placed, day, count, phone = first
    assert order.value == "3012345678901234567" and order.data_type == "s"
    assert amount.value == 1234.56 and amount.data_type == "n" and "¥" in amount.number_format
    assert amount.number_format.endswith("#,##0.00")
    assert placed.value == datetime(2025, 3, 1, 10, 30) and placed.is_date
    assert day.value == datetime(2025, 3, 1) and day.is_date
    assert count.value == 3 and count.data_type == "n"
    assert phone.value == "13812345678" and phone.data_type == "s"
    assert second[0].value == "4000000000000000001"  # an int order number is still text
    assert second[2].value is None


def test_header_is_frozen_filtered_and_columns_are_wide_enough(tmp_path):
    path = tmp_path / "out.xlsx"
    write(path, [("一个很长很长的中文地址在这里",)] * 3)
    ws = load_workbook(path).worksheets[0]
    assert ws.freeze_panes == "A2"
    assert ws.auto_filter.ref == "A1:A4"
    assert ws.column_dimensions["A"].width >= display_width("一个很长很长的中文地址在这里")


@pytest.mark.parametrize("text", ["=1+2", "=HYPERLINK(\"http://x\",\"y\")", "+1", "-1", "@SUM(A1)",
                                  "\tx", "\r=1"])
def test_formula_like_text_is_stored_as_text(tmp_path, text):
    path = tmp_path / "out.xlsx"
    write(path, [(text,)])
    [[_], [cell]] = cells(path)
    assert cell.data_type == "s"
    assert cell.value == text.replace("\r", "\n")  # as written (XML reads a CR as a newline)
    assert cell.quotePrefix  # Excel keeps it text when the cell is edited
    with zipfile.ZipFile(path) as z:
        sheet = z.read("xl/worksheets/sheet1.xml").decode()
    assert "<f>" not in sheet and "<f " not in sheet


def test_control_characters_are_removed_and_long_text_is_cut(tmp_path):
    path = tmp_path / "out.xlsx"
    long = "长" * (CELL_MAX + 10)
    write(path, [("a\x00b\x07c\x1fd\te\nf",), (long,)])
    [[_], [clean], [cut]] = cells(path)
    assert clean.value == "abcd\te\nf"
    assert len(cut.value) == CELL_MAX and cut.value.endswith(CUT_MARK)


def test_masked_phones(tmp_path):
    path = tmp_path / "out.xlsx"
    write(path, [("13812341234",), ("0571-88886666",)], [Column("Phone", "phone")],
          mask_phones=True)
    assert [c[0].value for c in cells(path)[1:]] == ["138****1234", "057****6666"]


def test_rows_past_the_sheet_limit_continue_on_another_sheet(tmp_path):
    path = tmp_path / "out.xlsx"
    result = write(path, [(str(i),) for i in range(7)], max_rows=3)
    wb = load_workbook(path)
    assert wb.sheetnames == ["Data", "Data (2)", "Data (3)"]
    assert [[c.value for c in r] for r in wb["Data (2)"].iter_rows()] == [["Value"], ["3"], ["4"], ["5"]]
    assert wb["Data (3)"].auto_filter.ref == "A1:A2"
    assert result.rows == 7 and result.sheets == 3


def test_progress_reaches_the_total(tmp_path):
    seen = []
    write(tmp_path / "out.xlsx", [(str(i),) for i in range(2500)],
          progress=lambda done, total: seen.append((done, total)))
    assert seen[-1] == (2500, 2500)
    assert [d for d, _ in seen] == sorted(d for d, _ in seen)


def _leftovers(folder):
    return sorted(p.name for p in folder.iterdir())


def test_cancel_leaves_nothing_and_keeps_an_existing_file(tmp_path):
    path = tmp_path / "out.xlsx"
    path.write_bytes(b"the old file")
    calls = []

    def cancelled() -> bool:
        calls.append(1)
        return len(calls) > 2

    with pytest.raises(Cancelled):
        write(path, [(str(i),) for i in range(10_000)], is_cancelled=cancelled)
    assert path.read_bytes() == b"the old file"
    assert _leftovers(tmp_path) == ["out.xlsx"]


def test_a_failure_while_writing_leaves_nothing(tmp_path):
    def rows():
        yield ("one",)
        raise RuntimeError("the database went away")

    path = tmp_path / "out.xlsx"
    with pytest.raises(RuntimeError):
        write_workbook(path, [Sheet("Data", [Column("Value")], rows(), 2)])
    assert _leftovers(tmp_path) == []


def test_a_folder_or_a_missing_folder_is_a_user_error(tmp_path):
    with pytest.raises(UserError, match="is a folder"):
        write(tmp_path, [("x",)])
    with pytest.raises(UserError, match="does not exist"):
        write(tmp_path / "nowhere" / "out.xlsx", [("x",)])


def test_sheet_titles_are_valid_and_unique():
    taken: set[str] = set()
    assert sheet_title("Orders", taken) == "Orders"
    assert sheet_title("orders", taken) == "orders (2)"
    assert sheet_title("a/b:c*d?[e]", taken) == "a b c d  e"
    assert len(sheet_title("x" * 40, taken)) == 31


_TEXT = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\r"), max_size=60)


@settings(max_examples=40, deadline=None)
@given(st.lists(st.tuples(_TEXT, st.integers(-10**12, 10**12)), min_size=1, max_size=8))
def test_text_and_money_round_trip(tmp_path_factory, rows):
    from desk.core.excel.safe import clean_text

    path = tmp_path_factory.mktemp("rt") / "out.xlsx"
    write(path, rows, [Column("Text"), Column("Amount", "money")])
    back = [[c.value for c in r] for r in cells(path)[1:]]
    for (text, fen), (got_text, got_amount) in zip(rows, back, strict=True):
        assert got_text == (clean_text(text) or None)
        assert round(got_amount * 100) == fen


def assert_prints_landscape_fitted_with_the_header(ws, title_rows="$1:$1"):
    setup = ws.page_setup
    assert (setup.orientation, setup.fitToWidth, setup.fitToHeight) == ("landscape", 1, 0)
    assert ws.sheet_properties.pageSetUpPr.fitToPage is True
    assert ws.print_title_rows == title_rows


def test_every_sheet_has_a_named_header_font_and_prints_fitted_to_the_width(tmp_path):
    path = tmp_path / "out.xlsx"
    write(path, [(n,) for n in range(5)], max_rows=3)  # two sheets: the continued one too
    wb = load_workbook(path)
    assert len(wb.worksheets) == 2
    for ws in wb.worksheets:
        font = ws["A1"].font
        assert (font.name, font.sz, font.b) == ("Microsoft YaHei", 11, True)
        assert_prints_landscape_fitted_with_the_header(ws)


@pytest.mark.parametrize("text", [
    "a & b <c> \"q\" 'x'", "  leading", "trailing  ", "\tstarts with a tab", "a\r\nb", "end\r",
    "]]>", "😀 emoji", "line\nbreak", "\x85", "x\ufffey", "s\ud800x", "&#13;", "<t>fake</t>",
])
def test_text_reads_back_as_written(tmp_path, text):
    from desk.core.excel.safe import clean_text

    path = tmp_path / "out.xlsx"
    write(path, [(text, text)], [Column("Text"), Column("Code", "code")])
    row = cells(path)[1]
    as_read = clean_text(text).replace("\r\n", "\n").replace("\r", "\n")  # XML's line ends
    assert [c.value for c in row] == [as_read] * 2
    assert all(c.data_type == "s" for c in row)
