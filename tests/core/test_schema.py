"""The peewee models and the migrated schema describe the same tables (no drift)."""

from __future__ import annotations

import sqlite3

import pytest
from peewee import ForeignKeyField

from desk.core import db as core_db
from desk.core.models import ALL_MODELS

# peewee's field_type -> the declared SQLite type the migrations use for it
AFFINITY = {"VARCHAR": "TEXT", "TEXT": "TEXT", "INT": "INTEGER", "BOOL": "INTEGER", "AUTO": "INTEGER"}


@pytest.fixture(scope="module")
def schema(tmp_path_factory):
    root = tmp_path_factory.mktemp("schema")
    path = root / "shop.sqlite3"
    core_db.migrate(path, root / "backups")
    conn = sqlite3.connect(path)
    yield conn
    conn.close()


def _columns(conn, table) -> dict[str, tuple]:
    """name -> (type, notnull, pk) from PRAGMA table_info."""
    return {r[1]: (r[2].upper(), bool(r[3]), r[5]) for r in conn.execute(f"PRAGMA table_info({table})")}


def _field_type(field) -> str:
    if isinstance(field, ForeignKeyField):
        field = field.rel_field
    return field.field_type


def test_same_tables(schema):
    tables = {r[0] for r in schema.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")}
    # search indexes kept by triggers (migration 3), not data anyone edits: no models
    tables -= {t for t in tables if t.startswith("customer_fts")}
    tables -= {"customer_gram", "search_position"}
    models = {m._meta.table_name for m in ALL_MODELS}
    assert len(models) == len(ALL_MODELS), "two models share a table"
    assert tables == models


@pytest.mark.parametrize("model", ALL_MODELS, ids=lambda m: m._meta.table_name)
def test_model_matches_table(schema, model):
    table = model._meta.table_name
    columns = _columns(schema, table)
    fields = {f.column_name: f for f in model._meta.sorted_fields}

    assert set(fields) == set(columns), f"{table}: model and migration disagree on columns"

    for name, field in fields.items():
        declared, notnull, _ = columns[name]
        assert AFFINITY[_field_type(field)] == declared, f"{table}.{name}"
        if not field.primary_key:
            assert field.null == (not notnull), f"{table}.{name}: NULL allowed in one, not the other"

    table_pk = [name for name, (_, _, pk) in sorted(columns.items(), key=lambda c: c[1][2]) if pk]
    model_pk = [f.column_name for f in model._meta.get_primary_keys()]
    assert sorted(table_pk) == sorted(model_pk), f"{table}: primary key"


@pytest.mark.parametrize("model", ALL_MODELS, ids=lambda m: m._meta.table_name)
def test_model_foreign_keys_exist_in_table(schema, model):
    table = model._meta.table_name
    in_table = {
        r[3]: (r[2], r[4], r[6])  # from -> (table, to, on_delete)
        for r in schema.execute(f"PRAGMA foreign_key_list({table})")
    }
    for field in model._meta.sorted_fields:
        if isinstance(field, ForeignKeyField):
            expected = (field.rel_model._meta.table_name, field.rel_field.column_name,
                        (field.on_delete or "NO ACTION").upper())
            assert in_table.get(field.column_name) == expected, f"{table}.{field.column_name}"


NUMBER_COLUMNS = {
    ("shop_order", "order_no"), ("shop_order", "tracking_no"), ("shop_order", "receiver_phone"),
    ("customer", "phone"), ("address", "phone"), ("aftersales_case", "case_no"),
    ("aftersales_case", "platform_refund_no"), ("aftersales_case", "return_tracking_no"),
    ("aftersales_case", "reissue_tracking_no"),
}


def test_order_phone_and_tracking_numbers_are_text(schema):
    """19-digit order numbers must never meet INTEGER or REAL affinity."""
    found = set()
    for model in ALL_MODELS:
        table = model._meta.table_name
        for name, (declared, _, _) in _columns(schema, table).items():
            if name.endswith(("order_no", "phone", "tracking_no", "refund_no", "case_no")):
                found.add((table, name))
                assert declared == "TEXT", f"{table}.{name} is {declared}"
    assert NUMBER_COLUMNS <= found
