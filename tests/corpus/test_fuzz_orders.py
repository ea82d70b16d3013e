"""Fuzzing the order import's rows: whatever the cells of an order export hold,
reading and planning it gives a result or our user error, nothing else, and
a dry run writes nothing."""

from __future__ import annotations

import csv
import io
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desk.core.errors import UserError
from tests.corpus.make_corpus import BIDI, FORMULAS, ORDER_HEADER
from tests.crash.shop import counts

# the kinds of text that turn up in real cells, and what breaks parsers
cell = st.one_of(
    st.text(max_size=30),
    st.sampled_from(FORMULAS + BIDI + ("", " ", "0", "-1", "1e309", "NaN", "59.00", "¥59", "５９．００",
                                        "2025-02-30 25:61:00", "2025/3/1", "45000.5", "交易成功", "等待买家付款",
                                        "4000000000000000001", "\x00", "\ufeff", "\r", '"', "\u0085")),
    st.integers(min_value=-(10**20), max_value=10**20).map(str),
    st.floats(allow_nan=True, allow_infinity=True).map(repr),
)
rows = st.lists(st.lists(cell, min_size=0, max_size=len(ORDER_HEADER) + 2), min_size=1, max_size=8)


def _csv(header, body) -> bytes:
    buf = io.StringIO()
    w = csv.writer(buf)
    w.writerow(header)
    for r in body:
        w.writerow(r)
    return buf.getvalue().encode("utf-8", errors="surrogatepass")


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(rows, st.booleans())
def test_any_rows_give_a_plan_or_a_user_error(db, data_dir, body, with_header):
    from desk.core.excel import orders_import

    before = counts(data_dir.db_path)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "orders.csv"
        try:
            path.write_bytes(_csv(ORDER_HEADER if with_header else (), body))
        except UnicodeEncodeError:
            return
        try:
            result = orders_import.import_orders(path, dry_run=True)
        except UserError as e:
            assert str(e)
        else:
            assert result is not None
    assert counts(data_dir.db_path) == before
