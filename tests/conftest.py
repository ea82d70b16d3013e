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
# the core suite: every test of these folders that uses `db` runs on both engines
BOTH_BY_DEFAULT = ("core", "cli")


def _engines(metafunc) -> tuple[str, ...]:
    """The engines a test that uses `db` runs on. SHOPDESK_TEST_ENGINES:
    unset, the core suite (tests/core, tests/cli) and tests marked
    both_engines run on both; `both`, every test; `sqlite`, SQLite only (a
    quicker run while working). A test marked sqlite_only examines SQLite
    itself (its files, pragmas, query plans) and runs on SQLite only."""
    import os

    definition = metafunc.definition
    if definition.get_closest_marker("sqlite_only"):
        return ("sqlite",)
    choice = os.environ.get("SHOPDESK_TEST_ENGINES", "").strip().lower()
    if choice == "sqlite":
        return ("sqlite",)
    if choice == "both" or definition.get_closest_marker("both_engines"):
        return ENGINES
    tests_root = Path(__file__).parent
    try:
        folder = Path(str(definition.path)).relative_to(tests_root).parts[0]
    except ValueError:
        return ("sqlite",)
    return ENGINES if folder in BOTH_BY_DEFAULT else ("sqlite",)


def pytest_generate_tests(metafunc):
    """A test that uses `db` gets the `engine` it runs on (see _engines)."""
    if "db" not in metafunc.fixturenames:
        return
    if any("engine" in m.args[0] for m in metafunc.definition.iter_markers("parametrize")):
        return  # the test names its engines itself
    engines = _engines(metafunc)
    if engines != ("sqlite",):
        metafunc.parametrize("engine", engines, indirect=True)


def pytest_collection_modifyitems(config, items):
    """A sqlite_only test says why (one line), so the reason is never lost."""
    for item in items:
        marker = item.get_closest_marker("sqlite_only")
        if marker is not None and not (marker.args and str(marker.args[0]).strip()):
            raise pytest.UsageError(f"{item.nodeid}: sqlite_only needs its reason as a sentence")


@pytest.fixture
def engine(request) -> str:
    """The engine the `db` fixture opens (SQLite unless the test is parametrised)."""
    return getattr(request, "param", "sqlite")


@pytest.fixture
def db(request, engine, data_dir, migrated_template):
    """The migrated database, bound to every model; closed afterwards. On
    PostgreSQL: the data folder is a seat of a shop on the test server
    (team.json, opened by team.open_shop as the app opens it), the shop
    empty as a new one is (pg_shop)."""
    if engine == "postgresql":
        from desk.core import team
        from desk.core.team import NOT_KEPT, TeamSetup

        shop = request.getfixturevalue("pg_shop")
        team.save(data_dir, TeamSetup(shop.address(), NOT_KEPT))
        database = team.open_shop(data_dir)
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


class ShopPool:
    """One server database that the `db` tests take in turn, emptied back to
    a new shop's rows after each (one round trip of about 10-20 ms, where
    CREATE DATABASE ... TEMPLATE takes 0.25-0.7 s on a busy machine). A test
    that changed the schema (a table, column, trigger, function, schema or
    extension), or whose reset fails (its connections still hold rows, the
    server was stopped), gets its database dropped: the next test takes a
    new copy of the template."""

    _SCHEMA = """
        SELECT md5(string_agg(x, ',' ORDER BY x)) FROM (
          SELECT c.relname || ':' || c.relkind::text || ':' || c.relnatts::text AS x
            FROM pg_class c WHERE c.relnamespace = current_schema()::regnamespace
          UNION ALL SELECT t.tgrelid::regclass::text || ':' || t.tgname || ':' || t.tgenabled::text
            FROM pg_trigger t WHERE NOT t.tgisinternal
          UNION ALL SELECT a.attrelid::regclass::text || '.' || a.attname || ':'
                           || format_type(a.atttypid, a.atttypmod)
            FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
           WHERE c.relnamespace = current_schema()::regnamespace AND a.attnum > 0
             AND NOT a.attisdropped
          UNION ALL SELECT p.oid::regprocedure::text || ':' || md5(p.prosrc)
            FROM pg_proc p WHERE p.pronamespace = current_schema()::regnamespace
          UNION ALL SELECT 'schema ' || nspname FROM pg_namespace
          UNION ALL SELECT 'extension ' || extname FROM pg_extension) s"""

    def __init__(self, cluster) -> None:
        self.cluster = cluster
        self.name: str | None = None
        self._reset_sql = ""  # the whole reset, one statement (made from the first new shop)
        self._conn = None  # kept open between tests

    def address(self):
        from desk.core import server

        if self.name is None:
            self.name = f"shop_{next(_pg_serial)}"
            self.cluster.sql(f"CREATE DATABASE {self.name} TEMPLATE {PG_TEMPLATE}")
            if not self._reset_sql:
                self._reset_sql = self._make_reset()
        return server.ServerAddress(str(self.cluster.socket_dir), self.cluster.params()["port"],
                                    self.name, self.cluster.params()["user"])

    def _connection(self):
        import psycopg2

        if self._conn is None or self._conn.closed:
            self._conn = psycopg2.connect(**self.cluster.params(self.name), connect_timeout=10,
                                          options="-c lock_timeout=2000")
        return self._conn

    def _make_reset(self) -> str:
        """A new shop's rows (the seeded presets), id sequences and schema, as
        one PL/pgSQL block that refuses a changed schema, then empties every
        table (no triggers, no reference checks: session_replication_role)
        and puts the rows and sequences back."""
        conn = self._connection()
        try:
            with conn.cursor() as cur:
                cur.execute(self._SCHEMA)
                fingerprint = cur.fetchone()[0]
                cur.execute("SELECT relname FROM pg_class WHERE relkind = 'r'"
                            " AND relnamespace = current_schema()::regnamespace"
                            " AND relname <> 'shopdesk_schema' ORDER BY 1")
                tables = [r[0] for r in cur.fetchall()]
                steps = [f'DELETE FROM "{t}";' for t in tables]
                for table in tables:
                    cur.execute(f'SELECT * FROM "{table}"')
                    rows = cur.fetchall()
                    if rows:
                        names = ", ".join(f'"{d[0]}"' for d in cur.description)
                        marks = "(" + ", ".join(["%s"] * len(cur.description)) + ")"
                        values = ", ".join(cur.mogrify(marks, r).decode("utf-8") for r in rows)
                        steps.append(f'INSERT INTO "{table}" ({names}) OVERRIDING SYSTEM VALUE'
                                     f" VALUES {values};")
                cur.execute("SELECT schemaname || '.' || sequencename, last_value FROM pg_sequences"
                            " WHERE schemaname = current_schema()")
                steps += [f"PERFORM setval('{seq}', {last or 1}, {last is not None});"
                          for seq, last in cur.fetchall()]
        finally:
            conn.rollback()
        body = "\n    ".join(steps)
        return f"""DO $reset$ BEGIN
    IF ({self._SCHEMA}) IS DISTINCT FROM '{fingerprint}' THEN
        RAISE EXCEPTION 'the test changed the schema';
    END IF;
    SET LOCAL session_replication_role = replica;
    {body}
END $reset$"""

    def reset(self) -> None:
        """The database back to a new shop's rows, or dropped (see the class)."""
        if self.name is None or not self.cluster.running:
            self.close()
            self.name = None
            return
        import psycopg2

        try:
            conn = self._connection()
            with conn.cursor() as cur:
                cur.execute(self._reset_sql)
            conn.commit()
        except psycopg2.Error:
            self.drop()

    def close(self) -> None:
        if self._conn is not None and not self._conn.closed:
            try:
                self._conn.close()
            except Exception:  # a broken socket: nothing more to close
                pass
        self._conn = None

    def drop(self) -> None:
        self.close()
        if self.name is not None and self.cluster.running:
            self.cluster.sql(f"DROP DATABASE IF EXISTS {self.name} WITH (FORCE)")
        self.name = None


@pytest.fixture(scope="session")
def _shop_pool(pg_server):
    pool = ShopPool(pg_server)
    yield pool
    pool.drop()


@pytest.fixture
def pg_shop(_shop_pool):
    """The server database of a new, empty shop (ShopPool): its `address()`."""
    yield _shop_pool
    _shop_pool.reset()


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
