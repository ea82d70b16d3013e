"""Moving a shop up and back as the app does it: counted progress, Cancel
(the server's transaction rolled back, no file left), what a move would
copy, and leaving team mode (core and `shopdesk team leave`)."""

from __future__ import annotations

import json
import sqlite3

import pytest

from desk import cli
from desk.core import team, team_move, team_photos
from desk.core.errors import Cancelled, UserError
from desk.core.lock import WriterLock
from desk.core.paths import DataDir
from tests.core.team import test_team_move
from tests.core.team.test_team_move import join, photo_files, sqlite_tables

local_shop = test_team_move.local_shop  # the same demo shop with photos

pytestmark = pytest.mark.usefixtures("pgpass", "unbound")


def server_rows(pg_server, name) -> dict[str, list]:
    return {t: pg_server.sql(f'SELECT * FROM "{t}" ORDER BY 1', dbname=name)
            for t in (*team_move.tables(), team_photos.TABLE)}


def test_local_summary_counts_what_a_move_would_copy(local_shop, tmp_path):
    s = team_move.local_summary(local_shop)
    assert (s.customers, s.photo_files) == (60, len(photo_files(local_shop.photos)))
    assert s.photos == len(sqlite_tables(local_shop.db_path)["evidence"]) > 0
    assert s.cases == len(sqlite_tables(local_shop.db_path)["aftersales_case"]) > 0
    assert s.rows == sum(len(r) for r in sqlite_tables(local_shop.db_path).values())
    assert s.data_rows >= 60
    assert team_move.local_summary(DataDir(tmp_path / "none").ensure()) is None


def test_a_move_counts_every_row_and_photo_and_a_cancel_leaves_the_server_as_it_was(
        local_shop, pg_server, pg_database):
    join(local_shop, pg_server, pg_database)
    before = server_rows(pg_server, pg_database)
    seen: list[tuple[int, int]] = []
    stop = []

    def counted(done: int, total: int) -> None:
        seen.append((done, total))
        if done >= 60:  # past the first tables: the customers are on the server, uncommitted
            stop.append(True)

    with pytest.raises(Cancelled):
        team_move.move_from_local(local_shop, counted=counted, is_cancelled=lambda: bool(stop))
    assert 0 < seen[-1][0] < seen[-1][1]
    assert server_rows(pg_server, pg_database) == before  # rolled back: nothing half copied

    seen.clear()
    result = team_move.move_from_local(local_shop, counted=lambda d, t: seen.append((d, t)),
                                       is_cancelled=lambda: False)
    summary = team_move.local_summary(local_shop)
    assert seen[-1] == (summary.rows + summary.photo_files,) * 2
    assert [d for d, _ in seen] == sorted(d for d, _ in seen)
    assert sum(result.rows.values()) == summary.rows
    assert pg_server.sql("SELECT count(*) FROM customer", dbname=pg_database) == [(60,)]


def test_a_cancelled_export_leaves_no_file(local_shop, pg_server, pg_database, tmp_path):
    join(local_shop, pg_server, pg_database)
    team_move.move_from_local(local_shop)
    seat = DataDir(tmp_path / "seat").ensure()
    join(seat, pg_server, pg_database)
    out = tmp_path / "down.sqlite3"
    with pytest.raises(Cancelled):
        team_move.export_local(seat, out, counted=lambda d, t: None,
                               is_cancelled=lambda: True)
    assert not out.exists() and not [p for p in tmp_path.iterdir() if ".part" in p.name]
    seen = []
    done = team_move.export_local(seat, out, counted=lambda d, t: seen.append((d, t)))
    assert seen[-1][0] == seen[-1][1] == sum(done.rows.values()) + done.photos
    assert sqlite_tables(out) == sqlite_tables(local_shop.db_path)


def test_leave_goes_back_to_an_export_of_the_server_shop(local_shop, pg_server, pg_database,
                                                         tmp_path, capsys):
    join(local_shop, pg_server, pg_database)
    team_move.move_from_local(local_shop)
    pg_server.sql("INSERT INTO customer (platform, nickname, created_at, updated_at)"
                  " VALUES ('taobao', '团队里加的买家', 1, 1)", dbname=pg_database)
    out = tmp_path / "down.sqlite3"
    assert cli.main(["--data-dir", str(local_shop.root), "team", "export-local", "--out",
                     str(out)]) == 0
    capsys.readouterr()
    assert cli.main(["--data-dir", str(local_shop.root), "team", "leave", "--from", str(out)]) == 0
    said = capsys.readouterr().out
    assert "works with its local shop again" in said and "team-left-" in said
    assert not team.team_file(local_shop).exists()
    [left] = local_shop.root.glob("team-left-*.json")
    assert json.loads(left.read_text("utf-8"))["database"] == pg_database
    assert team.load(local_shop) is None
    assert sqlite_tables(local_shop.db_path) == sqlite_tables(out)
    conn = sqlite3.connect(local_shop.db_path)
    try:
        assert conn.execute("SELECT count(*) FROM customer WHERE nickname = '团队里加的买家'"
                            ).fetchone() == (1,)
    finally:
        conn.close()
    assert cli.main(["--data-dir", str(local_shop.root), "team", "status"]) == 0
    assert "local shop in" in capsys.readouterr().out


def test_leave_without_a_file_uses_the_local_shop_kept_in_the_folder(local_shop, pg_server,
                                                                      pg_database, capsys):
    join(local_shop, pg_server, pg_database)
    before = sqlite_tables(local_shop.db_path)
    assert cli.main(["--data-dir", str(local_shop.root), "team", "leave"]) == 0
    assert "what was done on the server since is not in it" in capsys.readouterr().out
    assert team.load(local_shop) is None
    assert sqlite_tables(local_shop.db_path) == before


def test_leave_refusals_change_nothing(data_dir, pg_server, pg_database, tmp_path, capsys):
    argv = ["--data-dir", str(data_dir.root), "team", "leave"]
    assert cli.main(argv) == 2
    assert "already works with a local shop; there is no team mode to leave" in \
        capsys.readouterr().err
    join(data_dir, pg_server, pg_database)
    assert cli.main(argv) == 2  # no local shop to go back to
    err = capsys.readouterr().err
    assert "has no local shop to go back to (there is no local shop file)" in err
    assert "shopdesk team export-local" in err and "Traceback" not in err
    data_dir.db_path.write_bytes(b"not a database at all, just some words" * 100)
    assert cli.main(argv) == 2
    assert "has no local shop to go back to" in capsys.readouterr().err
    data_dir.db_path.unlink()
    bad = tmp_path / "bad.sqlite3"
    bad.write_bytes(b"")
    assert cli.main([*argv, "--from", str(bad)]) == 2
    assert "Traceback" not in capsys.readouterr().err
    assert team.load(data_dir) is not None and not list(data_dir.root.glob("team-left-*"))
    lock = WriterLock(data_dir.lock_path)
    assert lock.acquire()
    try:  # the app has the folder open
        assert cli.main(argv) == 2
        assert "ShopDesk is open on the data folder" in capsys.readouterr().err
    finally:
        lock.release()
    assert team.load(data_dir) is not None
    with pytest.raises(UserError, match="no local shop to go back to"):
        team.leave(data_dir)


def test_no_scheduled_backup_of_the_local_file_while_the_server_shop_is_open(
        local_shop, pg_server, pg_database):
    import os

    from desk.core import backup

    join(local_shop, pg_server, pg_database)
    before = backup.list_backups(local_shop)
    newest = max((b.path.stat().st_mtime for b in before), default=0)
    os.utime(local_shop.db_path, (newest + 60, newest + 60))  # changed since its last backup
    team.open_shop(local_shop)  # the window switched to the server's shop; the local file stays
    assert backup.backup_if_due(local_shop, "close") is None
    assert backup.backup_if_due(local_shop, "periodic") is None
    assert backup.list_backups(local_shop) == before
