"""`shopdesk team init | join | status` against the test server."""

from __future__ import annotations

import json

import pytest

from desk import cli
from desk.core import db as core_db
from desk.core import server

pytestmark = pytest.mark.usefixtures("pgpass", "unbound")


def run(data, *argv):
    return cli.main(["--data-dir", str(data.root), "team", *argv])


def one_line(err: str) -> str:
    lines = err.splitlines()
    assert len(lines) == 1, err
    assert "Traceback" not in err
    return lines[0]


def test_init_then_status(data_dir, pg_server, empty_db, capsys):
    assert run(data_dir, "init", pg_server.url(empty_db)) == 0
    out = capsys.readouterr().out
    assert f"made the shop on shopdesk_test@socket {pg_server.socket_dir}:5432/{empty_db}" in out
    assert "password: not stored" in out

    assert run(data_dir, "status") == 0
    out = capsys.readouterr().out
    assert f"schema version: {core_db.latest_version()} (this ShopDesk: {core_db.latest_version()})" in out
    assert "server:         PostgreSQL 1" in out

    assert run(data_dir, "status", "--json") == 0
    st = json.loads(capsys.readouterr().out)
    assert st["mode"] == "server" and st["server"]["database"] == empty_db
    assert st["schema_version"] == st["latest_schema_version"] and st["problem"] is None


def test_status_of_a_local_folder(data_dir, capsys):
    assert run(data_dir, "status") == 0
    assert capsys.readouterr().out.startswith(f"local shop in {data_dir.root}")


def test_join_refuses_a_newer_schema_in_one_line(data_dir, pg_server, pg_database, capsys):
    newer = core_db.latest_version() + 1
    pg_server.sql(f"INSERT INTO {server.SCHEMA_TABLE} VALUES ({newer}, 'later', 0, 'x')",
                  dbname=pg_database)
    assert run(data_dir, "join", pg_server.url(pg_database)) == 2
    err = one_line(capsys.readouterr().err)
    assert err.startswith("shopdesk: The shop on the server was updated by a newer ShopDesk")


def test_init_refuses_a_used_database_in_one_line(data_dir, pg_server, empty_db, capsys):
    pg_server.sql("CREATE TABLE stock (sku text)", dbname=empty_db)
    assert run(data_dir, "init", pg_server.url(empty_db)) == 2
    assert "already holds other data (public.stock)" in one_line(capsys.readouterr().err)


def test_a_stopped_server_is_one_line_not_a_traceback(data_dir, pg_server, pg_database, capsys):
    assert run(data_dir, "join", pg_server.url(pg_database)) == 0
    capsys.readouterr()
    pg_server.stop()
    try:
        assert run(data_dir, "status") == 1
        assert "not reachable:  ShopDesk cannot reach the shop's server" in capsys.readouterr().out
        assert cli.main(["--data-dir", str(data_dir.root), "customers", "search", "小雨"]) == 2
        assert "cannot reach the shop's server" in one_line(capsys.readouterr().err)
    finally:
        pg_server.start()


def test_commands_work_on_the_server_shop(data_dir, pg_server, pg_database, capsys):
    from desk.core import server as core_server
    from desk.core.customers import service as customers

    assert run(data_dir, "join", pg_server.url(pg_database)) == 0
    address, _ = core_server.parse_url(pg_server.url(pg_database))
    core_server.connect(address, data_root=data_dir.root)
    customers.create("taobao", "小雨点点")
    core_db.close()
    capsys.readouterr()
    assert cli.main(["--data-dir", str(data_dir.root), "customers", "search", "雨点", "--json"]) == 0
    found = json.loads(capsys.readouterr().out)
    assert [c["nickname"] for c in found] == ["小雨点点"]
    assert cli.main(["--data-dir", str(data_dir.root), "aftersales", "list"]) == 0
    assert not data_dir.db_path.exists()  # the server's shop, not a new local one


def test_an_import_while_another_seat_imports_waits_then_says_so(data_dir, pg_server, pg_database,
                                                                  tmp_path, capsys, monkeypatch):
    import psycopg2

    from desk.core import checkpoint
    from desk.core.excel import orders_import
    from tests.core.excel import samples

    assert run(data_dir, "join", pg_server.url(pg_database)) == 0
    capsys.readouterr()
    monkeypatch.setattr(checkpoint, "before", lambda reason, data=None: None)
    monkeypatch.setattr(orders_import, "IMPORT_WAIT_S", 0.3)
    other = psycopg2.connect(**pg_server.params(pg_database))  # the other seat's import
    try:
        with other.cursor() as cur:
            cur.execute("SELECT pg_advisory_xact_lock(%s)", (orders_import.IMPORT_LOCK,))
            path = samples.taobao_csv(tmp_path / "t.csv")
            assert cli.main(["--data-dir", str(data_dir.root), "import", "orders", str(path)]) == 2
    finally:
        other.close()
    err = capsys.readouterr().err
    assert "Traceback" not in err
    waiting, refused = err.splitlines()
    assert waiting == ("Another seat is importing orders into the shop; this import starts when "
                       "that one has finished…")
    assert refused.startswith("shopdesk: Another seat has been importing orders into the shop")
    assert pg_server.sql("SELECT count(*) FROM shop_order", dbname=pg_database) == [(0,)]
