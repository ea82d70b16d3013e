"""Team mode's core: making and joining a shop on a server, what the data
folder records, where the password goes, and the server's faults in words."""

from __future__ import annotations

import json
import stat

import psycopg2
import pytest

from desk.core import db as core_db
from desk.core import server, team
from desk.core.base import database
from desk.core.customers.models import Customer
from desk.core.errors import UserError
from tests.conftest import new_shop_database

pytestmark = pytest.mark.usefixtures("pgpass", "unbound")


def _with_password(url: str, password: str) -> str:
    from urllib.parse import quote

    return url.replace("@/", f":{quote(password, safe='')}@/", 1)


def test_init_makes_a_shop_and_records_the_server_without_the_password(
        data_dir, pg_server, empty_db, pgpass):
    setup = team.init(data_dir, _with_password(pg_server.url(empty_db), "s3cret:with\\marks"))

    assert setup.password_kept == team.KEPT_IN_PGPASS
    recorded = team.team_file(data_dir).read_text("utf-8")
    assert "s3cret" not in recorded
    assert json.loads(recorded) == {
        "mode": "server", "host": str(pg_server.socket_dir), "port": 5432, "database": empty_db,
        "user": "shopdesk_test", "password": "pgpass"}
    assert stat.S_IMODE(pgpass.stat().st_mode) == 0o600
    assert pgpass.read_text("utf-8").splitlines() == [
        f"{str(pg_server.socket_dir)}:5432:{empty_db}:shopdesk_test:s3cret\\:with\\\\marks"]
    (version,), = pg_server.sql(f"SELECT max(version) FROM {server.SCHEMA_TABLE}", dbname=empty_db)
    assert version == core_db.latest_version()
    assert not data_dir.db_path.exists()  # no local database beside a server shop

    st = team.status(data_dir)
    assert (st.mode, st.address, st.schema_version, st.problem) == (
        "server", setup.address, core_db.latest_version(), "")
    assert int(st.server_version.split(".")[0]) >= 15

    team.open_shop(data_dir)
    assert isinstance(database.obj, server.ServerDatabase)
    assert Customer.select().count() == 0
    from desk.core.aftersales.photos import photos_dir

    assert photos_dir() == data_dir.photos  # the seat's own folder, never the working directory


def test_a_second_password_replaces_the_first_and_keeps_other_lines(pg_server, pgpass):
    address = server.ServerAddress("db.example", 5432, "shop", "clerk")
    pgpass.write_text("# mine\nother.host:5432:*:me:pw\n", "utf-8")
    team.write_pgpass(address, "one")
    team.write_pgpass(address, "two")
    assert pgpass.read_text("utf-8").splitlines() == [
        "# mine", "other.host:5432:*:me:pw", "db.example:5432:shop:clerk:two"]


def test_the_password_goes_to_the_keyring_when_there_is_one(data_dir, pg_server, empty_db, pgpass):
    import keyring
    from keyring.backend import KeyringBackend

    class Memory(KeyringBackend):
        priority = 1
        kept: dict = {}

        def get_password(self, service, username):
            return self.kept.get((service, username))

        def set_password(self, service, username, password):
            self.kept[(service, username)] = password

        def delete_password(self, service, username):
            self.kept.pop((service, username), None)

    keyring.set_keyring(Memory())
    setup = team.init(data_dir, _with_password(pg_server.url(empty_db), "k3y"))
    assert setup.password_kept == team.KEPT_IN_KEYRING
    assert not pgpass.exists()
    assert "k3y" not in team.team_file(data_dir).read_text("utf-8")
    assert team.password(team.load(data_dir)) == "k3y"


def test_init_refuses_a_database_with_other_data(data_dir, pg_server, empty_db):
    pg_server.sql("CREATE TABLE invoices (id bigint)", dbname=empty_db)
    with pytest.raises(UserError, match=r"already holds other data \(public\.invoices\)"):
        team.init(data_dir, pg_server.url(empty_db))
    assert pg_server.sql(f"SELECT to_regclass('{server.SCHEMA_TABLE}')", dbname=empty_db) == [(None,)]
    assert not team.team_file(data_dir).exists()


def test_init_refuses_a_database_that_holds_a_shop_and_join_takes_it(data_dir, pg_server, pg_database):
    with pytest.raises(UserError, match="already holds a ShopDesk shop.*team join"):
        team.init(data_dir, pg_server.url(pg_database))
    assert not team.team_file(data_dir).exists()
    setup = team.join(data_dir, pg_server.url(pg_database))
    assert team.load(data_dir) == setup


def test_join_refuses_a_database_without_a_shop(data_dir, pg_server, empty_db):
    with pytest.raises(UserError, match="holds no ShopDesk shop.*team init"):
        team.join(data_dir, pg_server.url(empty_db))
    assert not team.team_file(data_dir).exists()


def test_a_newer_schema_is_refused_on_join_and_on_open(data_dir, pg_server, pg_database):
    team.join(data_dir, pg_server.url(pg_database))
    newer = core_db.latest_version() + 1
    pg_server.sql(f"INSERT INTO {server.SCHEMA_TABLE} VALUES ({newer}, 'later', 0, 'ShopDesk 9')",
                  dbname=pg_database)
    message = f"updated by a newer ShopDesk \\(schema {newer}; this version knows up to " \
              f"{core_db.latest_version()}\\)"
    with pytest.raises(UserError, match=message):
        team.open_shop(data_dir)
    other = data_dir.root.parent / "other"
    from desk.core.paths import DataDir

    with pytest.raises(UserError, match=message):
        team.join(DataDir(other).ensure(), pg_server.url(pg_database))
    assert not team.team_file(DataDir(other)).exists()


def test_an_older_server_is_refused():
    class Old:
        server_version = 140010

    with pytest.raises(UserError, match=r"runs PostgreSQL 14\.10; ShopDesk needs PostgreSQL 15"):
        server.require_version(Old(), server.ServerAddress("h", 5432, "d", "u"))


def test_a_folder_with_a_local_shop_keeps_it_when_joining(data_dir, migrated_template,
                                                          pg_server, pg_database):
    new_shop_database(data_dir, migrated_template)
    Customer.create(platform="taobao", nickname="小雨")
    core_db.close()
    before = data_dir.db_path.read_bytes()
    team.join(data_dir, pg_server.url(pg_database))
    assert team.team_file(data_dir).exists()
    # the local shop is left as it was, for `team move-from-local` to copy up
    assert data_dir.db_path.read_bytes() == before
    assert core_db.data_rows(data_dir.db_path) == 1


@pytest.mark.parametrize("url, message", [
    ("mysql://u@h/db", "is not a server address"),
    ("postgresql://h/db", "must name the user and the database"),
    ("postgresql://u@h:port/db", "The port in .* is not a number"),
    ("postgresql://u:pw@h/db?nonsense=1", r"postgresql://u:\*\*\*@h/db\?nonsense=1 cannot be read"),
])
def test_a_bad_address_is_refused(data_dir, url, message):
    with pytest.raises(UserError, match=message):
        team.init(data_dir, url)


def test_an_unreachable_server_is_said_so(data_dir, pg_server):
    url = pg_server.url("postgres").replace("port=5432", "port=5999")
    with pytest.raises(UserError, match="cannot reach the shop's server"):
        team.init(data_dir, url)


def test_a_password_the_keyring_no_longer_gives_is_said_in_words(data_dir, tmp_path, pgpass):
    """team.json says the password is in the keyring, and no keyring answers
    here now (a session without one, a locked one): the message says where
    the password was, not only that the server cannot be reached."""
    from desk.core import team_move

    address = server.ServerAddress(str(tmp_path / "no-server"), 5999, "shop", "clerk")
    team.save(data_dir, team.TeamSetup(address, team.KEPT_IN_KEYRING))
    keyring_said = r"cannot reach the shop's server .*kept in the system's keyring, which gave none"
    with pytest.raises(UserError, match=keyring_said) as caught:
        team.open_shop(data_dir)
    assert str(pgpass) in str(caught.value)
    assert "kept in the system's keyring" in team.status(data_dir).problem
    with pytest.raises(UserError, match=keyring_said):
        team_move.export_local(data_dir, tmp_path / "out.sqlite3")
    # kept in libpq's file: the server's words alone
    team.save(data_dir, team.TeamSetup(address, team.KEPT_IN_PGPASS))
    with pytest.raises(UserError, match="cannot reach the shop's server") as caught:
        team.open_shop(data_dir)
    assert "kept in the system's keyring" not in str(caught.value)


def test_a_server_stopped_mid_write_keeps_nothing_and_reconnects(data_dir, pg_server, pg_database):
    team.join(data_dir, pg_server.url(pg_database))
    db = team.open_shop(data_dir)
    try:
        with pytest.raises(server.ServerGone) as caught:
            with db.atomic():
                Customer.create(platform="taobao", nickname="first")
                pg_server.stop("immediate")
                Customer.create(platform="taobao", nickname="second")
        assert "broke, so this change was not saved (nothing of it was written)" in str(caught.value)
        assert str(pg_server.socket_dir) in str(caught.value)
        with pytest.raises(UserError, match="cannot reach the shop's server"):
            Customer.select().count()
    finally:
        pg_server.start()
    assert Customer.select().count() == 0  # a new connection; the cut-off transaction is gone whole
    Customer.create(platform="taobao", nickname="after")
    assert [c.nickname for c in Customer.select()] == ["after"]


def test_a_row_another_seat_holds_is_busy_not_a_hang(data_dir, pg_server, pg_database, monkeypatch):
    monkeypatch.setattr(server, "LOCK_TIMEOUT_MS", 200)
    team.join(data_dir, pg_server.url(pg_database))
    team.open_shop(data_dir)
    c = Customer.create(platform="taobao", nickname="小雨")
    other = psycopg2.connect(**pg_server.params(pg_database))
    try:
        with other.cursor() as cur:
            cur.execute("UPDATE customer SET region = 'x' WHERE id = %s", (c.id,))
            with pytest.raises(server.ServerBusy, match="another seat is changing the same records"):
                Customer.update(region="y").where(Customer.id == c.id).execute()
        other.rollback()
    finally:
        other.close()
    Customer.update(region="y").where(Customer.id == c.id).execute()
    assert Customer.get_by_id(c.id).region == "y"
