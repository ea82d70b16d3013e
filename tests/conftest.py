"""Shared fixtures: a fresh data folder, and the database opened in it."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from desk.core import db as core_db
from desk.core.paths import DataDir


@pytest.fixture(scope="session")
def migrated_template(tmp_path_factory) -> Path:
    """A database migrated once for the whole run. Each test's database starts as
    a copy of it, which is what migrating a new file gives, without running
    every migration again for each of a thousand tests."""
    folder = DataDir(tmp_path_factory.mktemp("template") / "data").ensure()
    core_db.open_database(folder.db_path, folder.backups)
    core_db.close()  # checkpointed: the file alone is the whole database
    leftovers = [p.name for p in folder.root.iterdir() if p.name.startswith(folder.db_path.name + "-")]
    assert not leftovers, f"the template database left {leftovers} beside it"
    return folder.db_path


def new_shop_database(data_dir: DataDir, template: Path):
    """The migrated database of an empty shop in `data_dir`, opened."""
    shutil.copyfile(template, data_dir.db_path)
    database = core_db.open_database(data_dir.db_path, data_dir.backups)
    assert core_db.schema_version(database.connection()) == core_db.latest_version()
    return database


@pytest.fixture
def data_dir(tmp_path) -> DataDir:
    return DataDir(tmp_path / "data").ensure()


ENGINES = ("sqlite", "postgresql")


def pytest_generate_tests(metafunc):
    """Tests marked both_engines run once on SQLite and once on PostgreSQL
    (the `db` fixture gives the engine's database). SHOPDESK_TEST_ENGINES=both
    does it for every test that uses `db`: how far the rest of the suite is
    from running on a server (docs/team.md)."""
    import os

    every = os.environ.get("SHOPDESK_TEST_ENGINES", "") == "both"
    if "db" in metafunc.fixturenames and (
            every or metafunc.definition.get_closest_marker("both_engines")):
        metafunc.parametrize("engine", ENGINES, indirect=True)


@pytest.fixture
def engine(request) -> str:
    """The engine the `db` fixture opens: SQLite unless the test is marked both_engines."""
    return getattr(request, "param", "sqlite")


@pytest.fixture
def db(request, engine, data_dir, migrated_template):
    """The migrated database, bound to every model; closed afterwards. On
    PostgreSQL: a fresh database on the test server (pg_server), copied from
    the migrated template."""
    if engine == "postgresql":
        from desk.core import server
        from tests.pgserver import SUPERUSER

        cluster = request.getfixturevalue("pg_server")
        name = request.getfixturevalue("pg_database")
        address = server.ServerAddress(str(cluster.socket_dir), cluster.params()["port"], name, SUPERUSER)
        database = server.connect(address, data_root=data_dir.root)
        yield database
        core_db.close()
        return
    database = new_shop_database(data_dir, migrated_template)
    yield database
    core_db.close()


# -- PostgreSQL (team mode) -------------------------------------------------------------

PG_TEMPLATE = "shopdesk_template"


@pytest.fixture(scope="session")
def pg_server():
    """A throwaway PostgreSQL cluster for the session (tests/pgserver.py), with
    a migrated template database that each test's database is copied from.
    Without the server programs: a failure under CI (.ci/setup installs them),
    else the test is skipped with the reason."""
    import os

    from tests import pgserver

    reason = pgserver.missing_reason()
    if reason is not None:
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(f"PostgreSQL is needed on CI: {reason}", pytrace=False)
        pytest.skip(reason)
    cluster = pgserver.start_cluster()
    try:
        cluster.sql(f"CREATE DATABASE {PG_TEMPLATE}")
        _migrate_template(cluster)
        yield cluster
    finally:
        cluster.destroy()


def _migrate_template(cluster) -> None:
    import psycopg2

    from desk.core import server

    conn = psycopg2.connect(**cluster.params(PG_TEMPLATE))
    try:
        server.migrate(conn)
    finally:
        conn.close()


_pg_serial = iter(range(1, 1_000_000))


@pytest.fixture
def pg_database(pg_server) -> str:
    """The name of a fresh database on the test cluster, copied from the
    migrated template; dropped after the test (its connections closed)."""
    name = f"shop_{next(_pg_serial)}"
    pg_server.sql(f"CREATE DATABASE {name} TEMPLATE {PG_TEMPLATE}")
    yield name
    if pg_server.running:
        pg_server.sql(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


@pytest.fixture
def pgpass(tmp_path, monkeypatch) -> Path:
    """libpq's password file of the test, and no keyring: a team-mode test
    never touches the user's own (use it with `usefixtures`, or by name for its path)."""
    import keyring
    from keyring.backends import fail

    path = tmp_path / "pgpass"
    monkeypatch.setenv("PGPASSFILE", str(path))
    previous = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    yield path
    keyring.set_keyring(previous)


@pytest.fixture
def unbound():
    """After the test: the shop closed and the models bound to nothing."""
    from desk.core.base import database

    yield
    core_db.close()
    database.initialize(None)


@pytest.fixture
def empty_db(pg_server):
    """A new, empty database on the test server (no shop in it)."""
    import os

    name = f"empty_{os.urandom(4).hex()}"
    pg_server.sql(f"CREATE DATABASE {name}")
    yield name
    if pg_server.running:
        pg_server.sql(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
