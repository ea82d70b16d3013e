"""The test cluster itself: a socket only, no TCP, a fresh database per test."""

from __future__ import annotations


def test_cluster_listens_on_its_socket_only(pg_server, pg_database):
    (version,), = pg_server.sql("SHOW server_version_num")
    assert int(version) >= 150000
    (listen,), = pg_server.sql("SHOW listen_addresses")
    assert listen == ""
    (current,), = pg_server.sql("SELECT current_database()", dbname=pg_database)
    assert current == pg_database


def test_each_test_gets_its_own_database(pg_server, pg_database):
    pg_server.sql("CREATE TABLE scribble (x bigint)", dbname=pg_database)
    other = pg_database + "_x"
    pg_server.sql(f"CREATE DATABASE {other} TEMPLATE shopdesk_template")
    try:
        tables = pg_server.sql("SELECT tablename FROM pg_tables WHERE tablename = 'scribble'", dbname=other)
        assert tables == []
    finally:
        pg_server.sql(f"DROP DATABASE {other}")
