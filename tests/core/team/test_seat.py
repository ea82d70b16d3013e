"""What belongs to one seat of a team shop: its staff name, its language and
its window layout are kept in its own data folder, not in the shared database;
the shop's own settings stay shared. A local shop keeps everything in its file."""

from __future__ import annotations

import json

import pytest

from desk.core import db as core_db
from desk.core import seat, settings, team, uistate
from desk.core.base import database
from desk.core.customers import notes, service
from desk.core.paths import DataDir

pytestmark = pytest.mark.usefixtures("pgpass", "unbound")


def _seat(tmp_path, name: str, pg_server, pg_database) -> DataDir:
    data = DataDir(tmp_path / name)
    data.root.mkdir()
    team.join(data, pg_server.url(pg_database))
    return data


def _use(data: DataDir) -> None:
    core_db.close()
    database.initialize(team.open_shop(data))


def test_each_seat_keeps_its_own_staff_name_language_and_layout(tmp_path, pg_server, pg_database):
    first = _seat(tmp_path, "first", pg_server, pg_database)
    second = _seat(tmp_path, "second", pg_server, pg_database)

    _use(first)
    settings.set_many({"handler": "小王", "language": "zh_CN", "shop_name": "好物小店"})
    uistate.set("customers.columns", {"hidden": ["phone"]})
    uistate.set("import_presets", {"ERP": {"platform": "taobao", "columns": {}}})
    buyer_id = service.create("taobao", "seat-buyer")
    notes.add(buyer_id, "first seat's note")

    _use(second)
    assert settings.get("handler") == ""  # not the first seat's name
    assert settings.get("language") == ""
    assert settings.get("shop_name") == "好物小店"  # the shop's own: shared
    assert uistate.get("customers.columns") == {}
    assert "ERP" in uistate.get("import_presets")  # presets are the shop's
    settings.set("handler", "小李")
    notes.add(buyer_id, "second seat's note")

    _use(first)
    assert settings.get("handler") == "小王"
    assert uistate.get("customers.columns") == {"hidden": ["phone"]}
    written = {n.body: n.staff for n in notes.list_notes(buyer_id)}
    assert written == {"first seat's note": "小王", "second seat's note": "小李"}
    on_disk = json.loads((first.root / seat.SEAT_FILE).read_text("utf-8"))
    assert on_disk["handler"] == '"小王"' and on_disk["language"] == '"zh_CN"'
    assert "shop_name" not in on_disk
    # nothing of a seat's own went into the shared table
    keys = {r[0] for r in database.execute_sql("SELECT key FROM setting")}
    assert "handler" not in keys and "state.customers.columns" not in keys


@pytest.mark.sqlite_only("a local shop's own behaviour: no seat folder, the name in its database")
def test_a_local_shop_keeps_the_staff_name_in_its_database(db, data_dir):
    settings.set("handler", "小张")
    assert seat.folder() is None
    assert not (data_dir.root / seat.SEAT_FILE).exists()
    assert database.execute_sql("SELECT value FROM setting WHERE key = 'handler'").fetchone()[0] \
        == '"小张"'


def test_a_damaged_seat_file_reads_as_the_defaults(tmp_path, pg_server, pg_database):
    data = _seat(tmp_path, "seat", pg_server, pg_database)
    (data.root / seat.SEAT_FILE).write_text("{not json", "utf-8")
    _use(data)
    assert settings.get("handler") == ""
    settings.set("handler", "小赵")
    assert settings.get("handler") == "小赵"


def test_an_order_import_on_a_team_seat_backs_the_shop_up_first(tmp_path, pg_server, pg_database):
    """The checked backup an import takes first is, on a team seat, an export of
    the server shop into the seat's backups/ (a SQLite shop restore can load)."""
    from desk.core import backup
    from desk.core import db as local_db
    from desk.core.excel.orders_import import import_orders
    from tests.core.excel import samples

    data = _seat(tmp_path, "seat", pg_server, pg_database)
    _use(data)
    source = samples.taobao_csv(tmp_path / "taobao.csv")
    result = import_orders(source)
    assert len(result.new_orders) > 0
    made = backup.list_backups(data)
    assert [b.reason for b in made] == ["import"]
    assert local_db.integrity_problems(made[0].path) == []
    assert not data.db_path.exists()  # never a local shop beside the server's
