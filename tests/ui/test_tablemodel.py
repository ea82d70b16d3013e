"""The lazy table model: Qt's model contract, 100,000 rows, and sorting from the header."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication

from desk.core.base import database
from desk.core.customers.listing import CUSTOMERS
from desk.ui import fmt
from desk.ui.customers.page import CustomersPage
from desk.ui.tablemodel import Column, IdRole, LazyTableModel, RawRole

DISPLAY = Qt.ItemDataRole.DisplayRole


@pytest.fixture
def customers_page(qtbot, shop_db):
    page = CustomersPage()
    qtbot.addWidget(page)
    page.resize(1000, 600)
    with qtbot.waitExposed(page):
        page.show()
    return page


def test_model_contract_with_demo_data(demo, customers_page, qtmodeltester):
    model = customers_page.model
    assert model.rowCount() == demo.customers
    qtmodeltester.check(model)
    model.sort(5, Qt.SortOrder.AscendingOrder)
    customers_page.search.setText("小")
    customers_page.apply_filters()
    assert 0 < model.rowCount() < demo.customers
    qtmodeltester.check(model)


def test_model_contract_when_empty(customers_page, qtmodeltester):
    model = customers_page.model
    assert model.rowCount() == 0
    assert customers_page.count_label.text() == "0 row(s)"
    qtmodeltester.check(model)


def test_model_contract_on_a_bare_listing(demo, qtmodeltester):
    """The model alone, with columns that format, align and explain."""
    model = LazyTableModel(CUSTOMERS, [
        Column("nickname", lambda: "Nickname"),
        Column("total_spent_fen", lambda: "Spent", fmt.money, Qt.AlignmentFlag.AlignRight,
               tooltip=lambda v: f"{v} fen"),
    ])
    model.reload()
    assert model.rowCount() == demo.customers
    qtmodeltester.check(model)


N_BIG = 100_000


def _insert_minimal_customers(n: int) -> None:
    rows = [("taobao", f"buyer{i:06d}", f"139{i:08d}", 1_600_000_000 + i * 60, i * 100,
             1_600_000_000, 1_600_000_000) for i in range(n)]
    with database.atomic():
        database.connection().executemany(
            "INSERT INTO customer(platform, nickname, phone, last_order_at, total_spent_fen,"
            " created_at, updated_at) VALUES (?,?,?,?,?,?,?)", rows)


def test_a_hundred_thousand_rows_scroll_end_to_end(qtbot, shop_db, customers_page):
    _insert_minimal_customers(N_BIG)
    customers_page.apply_filters()
    model, view = customers_page.model, customers_page.view
    assert model.rowCount() == N_BIG
    assert customers_page.count_label.text() == f"{fmt.count(N_BIG)} row(s)"

    view.scrollToBottom()
    QApplication.processEvents()
    bottom = view.rowAt(view.viewport().height() - 1)
    assert bottom == N_BIG - 1
    # Sorted newest order first (the page's default): the last row is the oldest.
    assert model.index(N_BIG - 1, 0).data() == "buyer000000"
    assert model.index(0, 0).data() == f"buyer{N_BIG - 1:06d}"

    # Step back up a screenful at a time, painting each page of rows.
    step = max(1, view.viewport().height() // view.verticalHeader().defaultSectionSize())
    for row in range(N_BIG - 1, -1, -step * 50):
        view.scrollTo(model.index(row, 0))
        view.viewport().repaint()
    view.scrollToTop()
    QApplication.processEvents()
    assert view.rowAt(0) == 0

    nicknames = set()
    for row in range(N_BIG):
        nicknames.add(model.data(model.index(row, 0), DISPLAY))
    assert len(nicknames) == N_BIG  # every row read back its own customer, none blank
    assert "" not in nicknames
    phones = {model.index(row, customers_page.column_of("phone")).data() for row in range(0, N_BIG, 997)}
    assert all(p.startswith("139****") for p in phones)
    assert len(model._pages) <= model.MAX_PAGES  # the row cache stays bounded

    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert headers[0] == "Nickname" and headers[customers_page.column_of("phone")] == "Phone" and None not in headers
    assert model.headerData(model.columnCount(), Qt.Orientation.Horizontal) is None
    assert model.headerData(N_BIG - 1, Qt.Orientation.Vertical) == str(N_BIG)


def _click_header(qtbot, view, column: int) -> None:
    header = view.horizontalHeader()
    x = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, header.height() // 2))


@pytest.mark.parametrize("column, key", [(6, "total_spent_fen"), (0, "nickname"), (5, "order_count"),
                                         (11, "risk"), (7, "avg_order_fen")])
def test_clicking_a_header_sorts_in_sql(qtbot, demo, customers_page, column, key):
    model, view = customers_page.model, customers_page.view
    header = view.horizontalHeader()
    expression = CUSTOMERS.fields[key]
    smallest, largest = database.connection().execute(
        f"SELECT min({expression}), max({expression}) FROM customer c WHERE c.deleted_at IS NULL").fetchone()
    assert smallest != largest

    _click_header(qtbot, view, column)
    assert header.sortIndicatorSection() == column
    first_order = header.sortIndicatorOrder()
    expected = largest if first_order == Qt.SortOrder.DescendingOrder else smallest
    assert model.index(0, column).data(RawRole) == expected

    _click_header(qtbot, view, column)
    assert header.sortIndicatorOrder() != first_order
    expected = smallest if first_order == Qt.SortOrder.DescendingOrder else largest
    assert model.index(0, column).data(RawRole) == expected
    assert model.index(0, column).data() == model.columns[column].display(expected)

    # The whole column is in order, as SQL sorted it.
    values = [model.index(r, column).data(RawRole) for r in range(model.rowCount())]
    assert values == sorted(values, reverse=values[0] == largest)
    assert len({model.index(r, 0).data(IdRole) for r in range(model.rowCount())}) == demo.customers


def test_sorting_by_tags_groups_buyers_by_their_first_tag(qtbot, demo, customers_page):
    model, view = customers_page.model, customers_page.view
    column = customers_page.column_of("tags")
    _click_header(qtbot, view, column)
    first_tag = dict(database.connection().execute(
        "SELECT customer_id, min(tag_id) FROM customer_tag GROUP BY customer_id").fetchall())
    keys = [first_tag.get(model.index(r, 0).data(IdRole), 0) for r in range(model.rowCount())]
    assert keys == sorted(keys) or keys == sorted(keys, reverse=True)
    assert len(set(keys)) > 3


def test_a_short_page_size_fetches_a_screenful_at_a_time(shop_db, monkeypatch):
    """The Today page's lists fetch 50 rows at a time: every row still reads
    back its own customer, in order, from pages of that size."""
    _insert_minimal_customers(130)
    model = LazyTableModel(CUSTOMERS, [Column("nickname", lambda: "Nickname")])
    model.page_size = 50
    model.sort(0, Qt.SortOrder.AscendingOrder)
    model.reload()
    fetched: list[int] = []
    listing = type(CUSTOMERS)
    rows = listing.rows
    monkeypatch.setattr(listing, "rows", lambda self, ids: (fetched.append(len(ids)), rows(self, ids))[1])
    assert model.index(0, 0).data() == "buyer000000"
    assert fetched == [50]
    names = [model.index(row, 0).data() for row in range(130)]
    assert names == [f"buyer{i:06d}" for i in range(130)]
    assert fetched == [50, 50, 30]
