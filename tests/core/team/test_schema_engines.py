"""One schema, two engines: the peewee models, the SQLite schema and the
PostgreSQL schema the same migrations build describe the same tables, with the
same columns, kinds of type, nullability and defaults."""

from __future__ import annotations

import re
import sqlite3

import psycopg2
import pytest
from peewee import ForeignKeyField

from desk.core import db as core_db
from desk.core import server
from desk.core.models import ALL_MODELS

KIND = {"VARCHAR": "text", "TEXT": "text", "INT": "integer", "BOOL": "integer", "AUTO": "integer"}
SQLITE_KIND = {"TEXT": "text", "INTEGER": "integer"}
PG_KIND = {"text": "text", "bigint": "integer"}  # never int4/int2: see server.normalise_columns
# search tables kept by triggers: SQLite's FTS5 table (the server has GIN indexes
# on customer instead) and its positions table; the server's schema version table
SQLITE_ONLY = re.compile(r"^(customer_fts.*|search_position|sqlite_.*)$")
PG_ONLY = {server.SCHEMA_TABLE, "photo_store"}  # photo bytes: a local shop keeps files


@pytest.fixture(scope="module")
def sqlite_schema(tmp_path_factory):
    root = tmp_path_factory.mktemp("schema")
    path = root / "shop.sqlite3"
    core_db.migrate(path, root / "backups")
    conn = sqlite3.connect(path)
    tables = {}
    for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'"):
        if SQLITE_ONLY.match(name):
            continue
        cols = {}
        for _, col, declared, notnull, default, pk in conn.execute(f'PRAGMA table_info("{name}")'):
            cols[col] = (SQLITE_KIND[declared.upper()], bool(notnull or pk), _default(default))
        tables[name] = cols
    conn.close()
    return tables


@pytest.fixture
def pg_schema(pg_server, pg_database):
    rows = pg_server.sql(
        "SELECT c.table_name, c.column_name, c.data_type, c.is_nullable, c.column_default,"
        "       c.collation_name"
        " FROM information_schema.columns c JOIN information_schema.tables t"
        "   ON t.table_schema = c.table_schema AND t.table_name = c.table_name"
        " WHERE c.table_schema = 'public' AND t.table_type = 'BASE TABLE'", dbname=pg_database)
    tables: dict[str, dict] = {}
    for table, col, kind, nullable, default, collation in rows:
        if table in PG_ONLY:
            continue
        assert kind in PG_KIND, f"{table}.{col} is {kind} on the server"
        if kind == "text":
            assert collation == "C", f"{table}.{col} sorts by {collation}, not by code point"
        tables.setdefault(table, {})[col] = (PG_KIND[kind], nullable == "NO", _default(default))
    return tables


def _default(text: str | None) -> str | None:
    """A column default as both engines spell a literal: '' and 'x', 0, 1."""
    if text is None:
        return None
    return re.sub(r"::[a-z ]+$", "", text.strip()).strip("()")


def _model_columns(model) -> dict[str, tuple]:
    cols = {}
    for field in model._meta.sorted_fields:
        base = field.rel_field if isinstance(field, ForeignKeyField) else field
        cols[field.column_name] = (KIND[base.field_type], not field.null or field.primary_key)
    return cols


def test_both_engines_have_the_same_tables_and_columns(sqlite_schema, pg_schema):
    assert set(sqlite_schema) == set(pg_schema)
    for table, columns in sqlite_schema.items():
        assert pg_schema[table] == columns, table


def test_the_models_describe_both(sqlite_schema, pg_schema):
    models = {m._meta.table_name: m for m in ALL_MODELS}
    assert set(models) == set(pg_schema) - {"customer_gram"}
    for table, model in models.items():
        want = _model_columns(model)
        for engine, schema in (("SQLite", sqlite_schema), ("PostgreSQL", pg_schema)):
            got = {col: spec[:2] for col, spec in schema[table].items()}
            assert got == want, f"{engine}: {table}"


def test_a_portable_migration_gets_the_servers_types(pg_server, pg_database):
    """A later migration in SQL both engines read (ALTER TABLE ... ADD COLUMN x
    INTEGER, as SQLite spells it) gets 64-bit integers and code-point text."""
    conn = psycopg2.connect(**pg_server.params(pg_database))
    try:
        with conn, conn.cursor() as cur:
            for statement in core_db.split_sql(
                    "ALTER TABLE aftersales_case ADD COLUMN reminded_at INTEGER;\n"
                    "ALTER TABLE customer ADD COLUMN wechat TEXT NOT NULL DEFAULT '';\n"):
                cur.execute(statement)
            server.normalise_columns(cur)
            cur.execute("SELECT table_name, column_name, data_type, collation_name"
                        " FROM information_schema.columns"
                        " WHERE column_name IN ('reminded_at', 'wechat') ORDER BY 1")
            assert cur.fetchall() == [("aftersales_case", "reminded_at", "bigint", None),
                                      ("customer", "wechat", "text", "C")]
    finally:
        conn.close()


def test_twins_are_not_migrations_of_their_own():
    names = [m.filename for m in core_db.migrations()]
    assert not [n for n in names if ".postgresql." in n]
    assert len(names) == core_db.latest_version()
    twins = [m for m in core_db.migrations() if server._twin(m) is not None]
    assert [m.version for m in twins] == [1, 3, 9, 10]


def test_the_server_records_every_migration(pg_server, pg_database):
    rows = pg_server.sql(f"SELECT version, name FROM {server.SCHEMA_TABLE} ORDER BY version",
                         dbname=pg_database)
    assert rows == [(m.version, m.name) for m in core_db.migrations()]


def test_a_failed_migration_leaves_nothing_and_keeps_the_ones_before(pg_server, monkeypatch):
    pg_server.sql("CREATE DATABASE cut_off")
    real_apply = server.apply

    def apply(m, cur):
        real_apply(m, cur)
        if m.version == 5:
            raise RuntimeError("cut off")

    monkeypatch.setattr(server, "apply", apply)
    conn = psycopg2.connect(**pg_server.params("cut_off"))
    try:
        with pytest.raises(RuntimeError):
            server.migrate(conn)
        (version,), = pg_server.sql(f"SELECT max(version) FROM {server.SCHEMA_TABLE}", dbname="cut_off")
        assert version == 4
        # 0005's column was added, then taken back with the rest of its transaction
        assert pg_server.sql("SELECT 1 FROM information_schema.columns"
                             " WHERE column_name = 'notified_deadline_at'", dbname="cut_off") == []
        monkeypatch.setattr(server, "apply", real_apply)
        assert server.migrate(conn) == list(range(5, core_db.latest_version() + 1))
    finally:
        conn.close()
        pg_server.sql("DROP DATABASE cut_off WITH (FORCE)")


def test_a_newer_schema_is_refused(pg_server, pg_database):
    newer = core_db.latest_version() + 1
    pg_server.sql(f"INSERT INTO {server.SCHEMA_TABLE} VALUES ({newer}, 'later', 0, 'ShopDesk 9')",
                  dbname=pg_database)
    conn = psycopg2.connect(**pg_server.params(pg_database))
    try:
        with pytest.raises(server.UserError, match=f"newer ShopDesk \\(schema {newer}"):
            server.migrate(conn)
    finally:
        conn.close()


def test_two_seats_migrating_at_once_apply_each_migration_once(pg_server):
    """Two seats starting on a new database at the same moment: the advisory
    lock lets one apply each migration, the other finds it done."""
    import threading

    pg_server.sql("CREATE DATABASE racing")
    results: dict[int, list[int] | BaseException] = {}
    start = threading.Barrier(2)

    def seat(n: int) -> None:
        conn = psycopg2.connect(**pg_server.params("racing"))
        try:
            start.wait(timeout=60)
            results[n] = server.migrate(conn)
        except BaseException as e:  # reported below
            results[n] = e
        finally:
            conn.close()

    threads = [threading.Thread(target=seat, args=(n,)) for n in (1, 2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    try:
        assert not [r for r in results.values() if isinstance(r, BaseException)], results
        assert sorted(results[1] + results[2]) == list(range(1, core_db.latest_version() + 1))
        rows = pg_server.sql(f"SELECT version FROM {server.SCHEMA_TABLE} ORDER BY 1", dbname="racing")
        assert [v for (v,) in rows] == list(range(1, core_db.latest_version() + 1))
        (tags,), = pg_server.sql("SELECT count(*) FROM tag", dbname="racing")
        import json

        from desk.core.resources import db_file

        seeded = json.loads(db_file("seed", "tags.json").read_text("utf-8"))
        assert tags == sum(len(c["tags"]) for c in seeded)  # the seed ran once
    finally:
        pg_server.sql("DROP DATABASE racing WITH (FORCE)")
