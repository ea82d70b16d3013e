"""The server's reading of SQL written the SQLite way (desk/core/dialect.py),
read once per text: the same text with other values gives their own values."""

from __future__ import annotations

import pytest

from desk.core import dialect


def test_the_same_text_with_other_values():
    sql = ("SELECT id FROM customer WHERE note = 'why? 100%' AND id IN (SELECT value FROM"
           " json_each(?)) AND nickname LIKE ? AND substr(phone, -4) = ?")
    text = ("SELECT id FROM customer WHERE note = 'why? 100%%' AND id = ANY(%s)"
            " AND nickname LIKE %s AND right(phone, 4) = %s")
    assert dialect.to_server(sql, ("[1, 2]", "a%", "1234")) == (text, ([1, 2], "a%", "1234"))
    assert dialect.to_server(sql, ([3], "b", "5678")) == (text, ([3], "b", "5678"))
    assert dialect.to_server(sql, [b"[]", "c", "0000"]) == (text, ([], "c", "0000"))


def test_inserts_and_missing_values():
    assert dialect.to_server("INSERT OR IGNORE INTO t(a) VALUES (?);", (1,)) == (
        "INSERT INTO t(a) VALUES (%s) ON CONFLICT DO NOTHING", (1,))
    assert dialect.to_server("SELECT 1") == ("SELECT 1", ())
    with pytest.raises(IndexError):
        dialect.to_server("SELECT ? + ?", (1,))
