"""Backups of a shop on a server: the seat that takes the scheduled ones, the
schedule's rules with the server's change counter, a server gone in the
middle, the closing backup's bound; restore, check and info on a team seat."""

from __future__ import annotations

import threading
import time
from datetime import timedelta

import pytest

from desk import cli
from desk.core import backup, change_counter, seat, team, team_backup, team_photos
from desk.core.errors import UserError
from desk.core.paths import DataDir
from tests.core.team.test_team_move import (
    join,
    server_shop,
    sqlite_tables,
)
from tests.core.team.test_team_move import local_shop as local_shop  # the fixture, by name

pytestmark = pytest.mark.usefixtures("pgpass", "unbound")


def _joined(tmp_path, name: str, pg_server, pg_database, takes: bool = True) -> DataDir:
    data = DataDir(tmp_path / name).ensure()
    join(data, pg_server, pg_database)
    team_backup.set_takes_backups(data, takes)
    return data


def _another_seat_writes(pg_server, pg_database) -> None:
    pg_server.sql("UPDATE reply_group SET position = position", dbname=pg_database)


def _files(data: DataDir) -> list[str]:
    return sorted(p.name for p in data.backups.iterdir()) if data.backups.exists() else []


def test_the_seat_that_made_the_shop_takes_the_backups_a_joined_seat_does_not(
        tmp_path, pg_server, empty_db):
    first = DataDir(tmp_path / "first")
    first.root.mkdir()
    team.init(first, pg_server.url(empty_db))
    second = DataDir(tmp_path / "second")
    second.root.mkdir()
    team.join(second, pg_server.url(empty_db))
    assert team_backup.takes_backups(first)
    assert not team_backup.takes_backups(second)
    assert seat.get(first.root, team_backup.SEAT_KEY) == "yes"

    assert team_backup.backup_if_due(second, "close") is None  # not its job
    assert _files(second) == []
    made = team_backup.backup_if_due(first, "close")
    assert made is not None and made.parent == first.backups
    assert [b.reason for b in backup.list_backups(first)] == ["close"]

    # the role moves: the second seat takes it, the first gives it up
    team_backup.set_takes_backups(second, True)
    team_backup.set_takes_backups(first, False)
    _another_seat_writes(pg_server, empty_db)
    assert team_backup.backup_if_due(first, "close") is None
    assert team_backup.backup_if_due(second, "close") is not None


def test_a_backup_is_due_when_the_server_shop_changed_and_the_last_is_old_enough(
        tmp_path, pg_server, pg_database):
    data = _joined(tmp_path, "seat", pg_server, pg_database)
    first = team_backup.backup_if_due(data, "close")
    assert first is not None
    state = team_backup.state(data)
    assert not state.changed  # recording the backup is not a change of the shop
    assert state.last.file == first.name and state.last.reason == "close"
    assert team_backup.backup_if_due(data, "close") is None  # nothing changed
    assert team_backup.backup_if_due(data, "periodic", timedelta(hours=4),
                                     now=state.last.at + 5 * 3600) is None

    _another_seat_writes(pg_server, pg_database)
    assert team_backup.state(data).changed
    every = timedelta(hours=4)
    assert team_backup.backup_if_due(data, "periodic", every, now=state.last.at + 3600) is None
    later = team_backup.backup_if_due(data, "periodic", every, now=state.last.at + 5 * 3600)
    assert later is not None and later != first
    assert {b.reason for b in backup.list_backups(data)} == {"close", "periodic"}
    assert team_backup.backup_if_due(data, "close") is None


def test_two_seats_with_the_role_do_not_both_back_up_the_same_shop(tmp_path, pg_server, pg_database):
    a = _joined(tmp_path, "a", pg_server, pg_database)
    b = _joined(tmp_path, "b", pg_server, pg_database)
    assert team_backup.backup_if_due(a, "close") is not None
    assert team_backup.backup_if_due(b, "close") is None  # a has it already
    _another_seat_writes(pg_server, pg_database)
    assert team_backup.backup_if_due(b, "close") is not None
    assert team_backup.backup_if_due(a, "close") is None


def test_every_write_statement_moves_the_change_counter_on_every_table(tmp_path, pg_server, pg_database):
    data = _joined(tmp_path, "seat", pg_server, pg_database)
    team_backup.take(data)
    for statement in ("INSERT INTO tag_category (name, created_at, updated_at) VALUES ('x', 1, 1)",
                      "UPDATE tag_category SET name = 'y' WHERE name = 'x'",
                      "DELETE FROM tag_category WHERE name = 'y'",
                      "TRUNCATE customer_gram, customer CASCADE",
                      f"DELETE FROM {team_photos.TABLE}"):
        pg_server.sql(statement, dbname=pg_database)
        assert team_backup.state(data).changed, statement
        team_backup.take(data)
        assert not team_backup.state(data).changed


def test_a_shop_made_before_the_counter_gets_it_at_its_first_backup(tmp_path, pg_server, pg_database):
    for table in change_counter.tracked_tables():
        pg_server.sql(f'DROP TRIGGER {change_counter.TRIGGER} ON "{table}"', dbname=pg_database)
    pg_server.sql(f"DROP SEQUENCE {change_counter.SEQUENCE}", dbname=pg_database)
    data = _joined(tmp_path, "seat", pg_server, pg_database)
    assert team_backup.backup_if_due(data, "close") is not None
    assert team_backup.backup_if_due(data, "close") is None
    _another_seat_writes(pg_server, pg_database)
    assert team_backup.backup_if_due(data, "close") is not None


def test_a_seat_writing_while_the_counter_is_installed_is_not_waited_for(
        tmp_path, pg_server, pg_database, capsys):
    import psycopg2

    for table in change_counter.tracked_tables():
        pg_server.sql(f'DROP TRIGGER {change_counter.TRIGGER} ON "{table}"', dbname=pg_database)
    data = _joined(tmp_path, "seat", pg_server, pg_database)
    # check and info only look: they install nothing
    assert cli.main(["--data-dir", str(data.root), "info", "--json"]) == 0
    assert '"changed_since_backup": true' in capsys.readouterr().out
    assert cli.main(["--data-dir", str(data.root), "check"]) == 0
    assert pg_server.sql(f"SELECT count(*) FROM pg_trigger WHERE tgname = '{change_counter.TRIGGER}'",
                         dbname=pg_database) == [(0,)]

    other = psycopg2.connect(**pg_server.params(pg_database))
    try:
        with other.cursor() as cur:  # another seat in the middle of a write
            cur.execute("LOCK TABLE customer IN ROW EXCLUSIVE MODE")
        made = team_backup.backup_if_due(data, "close")
        assert made is not None  # taken, the counter left for later
        assert team_backup.state(data).changed  # unknown counts as changed
    finally:
        other.rollback()
        other.close()
    assert team_backup.backup_if_due(data, "close") is not None  # the counter is in now
    assert team_backup.backup_if_due(data, "close") is None


def test_a_server_gone_during_a_scheduled_backup_is_said_in_words_and_leaves_no_file(
        tmp_path, pg_server, pg_database):
    data = _joined(tmp_path, "seat", pg_server, pg_database)

    cuts = []

    def cut(_text: str) -> None:  # after the first table of the export
        if not cuts:
            cuts.append(1)
            pg_server.sql("SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                          f" WHERE datname = '{pg_database}' AND pid <> pg_backend_pid()")

    with pytest.raises(UserError, match="cannot reach the shop's server") as raised:
        team_backup.backup_if_due(data, "periodic", progress=cut)
    assert "Traceback" not in str(raised.value)
    assert _files(data) == []  # neither a backup nor an unfinished one
    assert team_backup.state(data).last is None  # and nothing recorded
    # the next one works
    assert team_backup.backup_if_due(data, "periodic") is not None


def test_the_closing_backup_never_keeps_the_app_waiting_past_its_bound(tmp_path, monkeypatch):
    data = DataDir(tmp_path / "seat").ensure()
    released = threading.Event()
    outcome = []

    def slow(_data, reason, progress):  # a server that answers, but slowly: forever
        try:
            while not released.is_set():
                progress("customer: 1/100000")
                time.sleep(0.01)
        except BaseException as e:
            outcome.append(type(e).__name__)
            raise

    monkeypatch.setattr(team_backup, "backup_if_due", slow)
    started = time.monotonic()
    assert team_backup.close_backup(data, wait_s=0.5) is None
    assert time.monotonic() - started < 30
    assert outcome == ["_TooLate"]  # the backup was told to give up, not left running
    released.set()


def test_the_closing_backup_returns_the_backup(tmp_path, pg_server, pg_database):
    data = _joined(tmp_path, "seat", pg_server, pg_database)
    made = team_backup.close_backup(data)
    assert made is not None and made.exists()
    assert team_backup.close_backup(data) is None  # unchanged since


def _shop_rows(path) -> dict:
    """Every table of a backup, the backup record itself left out."""
    found = sqlite_tables(path)
    found["setting"] = [r for r in found["setting"] if r[0] != team_backup.RECORD_KEY]
    return found


def test_a_shop_not_backed_up_for_a_day_is_stale(tmp_path, pg_server, pg_database):
    data = _joined(tmp_path, "seat", pg_server, pg_database)
    state = team_backup.state(data)
    assert state.last is None
    assert not state.stale(state.made_at + 3600)  # a new shop
    assert state.stale(state.made_at + 2 * 86400)
    team_backup.take(data)
    state = team_backup.state(data)
    assert not state.stale(state.last.at + 23 * 3600)
    assert state.stale(state.last.at + 25 * 3600)


# -- restore, check and info on a team seat ------------------------------------------------------

def test_restore_on_a_team_seat_replaces_the_server_shop_after_backing_it_up(
        local_shop, pg_server, pg_database, tmp_path, capsys):
    join(local_shop, pg_server, pg_database)
    cli.main(["--data-dir", str(local_shop.root), "team", "move-from-local"])
    seat = _joined(tmp_path, "seat", pg_server, pg_database)
    saved = team_backup.take(seat)
    saved_rows = _shop_rows(saved)
    photos_before = server_shop(pg_server, pg_database)[team_photos.TABLE]
    pg_server.sql("DELETE FROM note", dbname=pg_database)
    pg_server.sql("INSERT INTO tag_category (name, created_at, updated_at) VALUES ('后来的', 1, 1)",
                  dbname=pg_database)
    changed = team_backup.take(seat, out=tmp_path / "changed.sqlite3")
    capsys.readouterr()

    argv = ["--data-dir", str(seat.root), "restore", str(saved)]
    assert cli.main(argv) == 0
    captured = capsys.readouterr()
    assert "into the shop on the server" in captured.err
    kept = [b for b in backup.list_backups(seat) if b.reason == "restore"]
    assert len(kept) == 1 and f"kept as {kept[0].path}" in captured.err
    assert _shop_rows(kept[0].path) == _shop_rows(changed)  # the shop as it was
    assert not seat.db_path.exists()  # no local file the seat does not use
    # the restored shop is not what the last backup holds: the schedule takes one
    state = team_backup.state(seat)
    assert state.last.reason == "restore" and state.last.file == kept[0].path.name
    assert state.changed
    # the server holds the backup again, row for row; its photos stay
    back = team_backup.take(seat, out=tmp_path / "back.sqlite3")
    assert _shop_rows(back) == saved_rows
    assert server_shop(pg_server, pg_database)[team_photos.TABLE] == photos_before


def test_restore_on_a_team_seat_refuses_what_is_not_a_backup_and_takes_no_backup(
        tmp_path, pg_server, pg_database, capsys):
    seat = _joined(tmp_path, "seat", pg_server, pg_database)
    before = server_shop(pg_server, pg_database)
    junk = tmp_path / "junk.sqlite3"
    junk.write_bytes(b"not a database at all, but long enough to be read" * 200)
    for source in (junk, tmp_path / "missing.sqlite3"):
        assert cli.main(["--data-dir", str(seat.root), "restore", str(source)]) == 2
        err = capsys.readouterr().err
        assert err.startswith("shopdesk: ") and "Traceback" not in err
        assert "nothing was moved" in err or "There is no ShopDesk database" in err
    assert backup.list_backups(seat) == []
    assert server_shop(pg_server, pg_database) == before


def test_check_on_a_team_seat_checks_the_server_shop(local_shop, pg_server, pg_database, tmp_path,
                                                     capsys):
    import psycopg2

    join(local_shop, pg_server, pg_database)
    cli.main(["--data-dir", str(local_shop.root), "team", "move-from-local"])
    seat = _joined(tmp_path, "seat", pg_server, pg_database)
    capsys.readouterr()
    argv = ["--data-dir", str(seat.root), "check"]
    assert cli.main(argv) == 0
    assert capsys.readouterr().out.startswith("ok: the shop on the server")
    assert cli.main([*argv, "--thorough"]) == 0
    assert "(photos checked)" in capsys.readouterr().out

    # damage the server shop as only someone at the server itself could
    conn = psycopg2.connect(**pg_server.params(pg_database))
    try:
        with conn.cursor() as cur:
            cur.execute("DELETE FROM customer_gram WHERE customer_id = (SELECT min(id) FROM customer)")
            cur.execute("SET session_replication_role = replica")  # foreign keys not enforced
            cur.execute("INSERT INTO note (customer_id, body, created_at, updated_at)"
                        " VALUES (999999, 'orphan', 1, 1)")
            cur.execute(f"UPDATE {team_photos.TABLE} SET data = 'x'::bytea"
                        f" WHERE sha256 = (SELECT min(sha256) FROM {team_photos.TABLE})")
        conn.commit()
    finally:
        conn.close()
    assert cli.main(argv) == 1
    captured = capsys.readouterr()
    assert "short-search table lacks" in captured.out
    assert "row(s) of note point at a missing customer" in captured.out
    assert "photo" not in captured.out  # only with --thorough
    assert "problem(s) found in the shop on the server" in captured.err
    assert cli.main([*argv, "--thorough"]) == 1
    assert "does not match its checksum" in capsys.readouterr().out


def test_a_full_archive_from_a_team_seat_is_recorded_as_the_shop_s_last_backup(
        tmp_path, pg_server, pg_database, capsys):
    seat = _joined(tmp_path, "seat", pg_server, pg_database)
    out = tmp_path / "full.zip"
    assert cli.main(["--data-dir", str(seat.root), "backup", "--full", "--out", str(out)]) == 0
    assert out.exists() and capsys.readouterr().out.strip() == str(out)
    state = team_backup.state(seat)
    assert state.last.file == "full.zip" and not state.changed


def test_info_on_a_team_seat_shows_the_server_shop_and_its_last_backup(
        tmp_path, pg_server, pg_database, capsys):
    import json

    seat = _joined(tmp_path, "seat", pg_server, pg_database)
    argv = ["--data-dir", str(seat.root), "info"]
    assert cli.main([*argv, "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["mode"] == "server" and out["database"] == pg_database
    assert out["schema_version"] == out["latest_schema_version"]
    assert out["rows"]["customer"] == 0 and out["rows"]["reply_group"] > 0
    assert out["last_backup"] is None and out["changed_since_backup"]
    assert out["this_seat_takes_backups"]
    team_backup.take(seat)
    assert cli.main(argv) == 0
    text = capsys.readouterr().out
    assert "mode:           team" in text
    assert "last backup:" in text and "shopdesk-" in text and "unchanged since" in text


def test_check_and_info_on_a_team_seat_whose_server_is_gone_refuse_in_words(
        tmp_path, pg_server, pg_database, capsys):
    seat = _joined(tmp_path, "seat", pg_server, pg_database)
    setup = team.load(seat)
    from dataclasses import replace

    moved = replace(setup, address=replace(setup.address, port=1))
    team.save(seat, moved)
    for command in ("check", "info", "restore"):
        extra = [str(tmp_path / "x.sqlite3")] if command == "restore" else []
        assert cli.main(["--data-dir", str(seat.root), command, *extra]) == 2
        err = capsys.readouterr().err
        assert err.startswith("shopdesk: ") and "Traceback" not in err, (command, err)
