"""Moving a shop up to its server and back: move-from-local, export-local,
the photos on the server, and a server killed in the middle of a move."""

from __future__ import annotations

import hashlib
import io
import os
import sqlite3

import pytest

from desk import cli
from desk.core import backup, team, team_move, team_photos
from desk.core import db as core_db
from desk.core.aftersales import photos
from desk.core.base import database
from desk.core.errors import UserError
from desk.core.paths import DataDir
from tests.conftest import new_shop_database

pytestmark = pytest.mark.usefixtures("pgpass", "unbound")


def png(seed: int) -> bytes:
    from PIL import Image

    buf = io.BytesIO()
    Image.new("RGB", (40 + seed, 30), (seed * 7 % 256, 90, 200)).save(buf, "PNG")
    return buf.getvalue()


@pytest.fixture
def local_shop(data_dir, migrated_template, tmp_path):
    """A local shop with demo data (customers, orders, cases with photos,
    phrases), a phrase with a picture and a photo added by hand; closed."""
    from desk.core import demo
    from desk.core.aftersales.models import Case
    from desk.core.replies import service as replies

    new_shop_database(data_dir, migrated_template)
    demo.generate(data_dir, 60, seed=4)
    case = Case.select().order_by(Case.id).first()
    picture = tmp_path / "hello.png"
    picture.write_bytes(png(1))
    group = database.execute_sql("SELECT id FROM reply_group ORDER BY id").fetchone()[0]
    replies.add_phrase(group, "您好，这是我们的包装示意图", image=picture)
    report = photos.add_photos(case.id, [(png(2), "damage.png")], kind="damage")
    assert report.added
    core_db.close()
    database.initialize(None)
    return data_dir


def table_rows(conn, table: str, cols: list[str]) -> list[tuple]:
    names = ", ".join(f'"{c}"' for c in cols)
    return sorted(tuple(r) for r in conn.execute(f'SELECT {names} FROM "{table}"'))


def sqlite_tables(path) -> dict[str, list[tuple]]:
    conn = sqlite3.connect(path)
    try:
        out = {}
        for t in team_move.tables():
            cols = [r[1] for r in conn.execute(f'PRAGMA table_info("{t}")')]
            out[t] = table_rows(conn, t, cols)
        return out
    finally:
        conn.close()


def photo_files(folder) -> dict[str, bytes]:
    return {name: path.read_bytes() for name, path in backup.stored_photos(folder)}


def server_shop(pg_server, name) -> dict[str, int]:
    return {t: pg_server.sql(f'SELECT count(*) FROM "{t}"', dbname=name)[0][0]
            for t in (*team_move.tables(), team_photos.TABLE)}


def join(data: DataDir, pg_server, name: str) -> None:
    team.join(data, pg_server.url(name))


def test_move_up_and_export_back_is_the_same_shop_row_for_row_and_photo_for_photo(
        local_shop, pg_server, pg_database, tmp_path, capsys):
    join(local_shop, pg_server, pg_database)
    assert cli.main(["--data-dir", str(local_shop.root), "team", "move-from-local"]) == 0
    captured = capsys.readouterr()
    assert "customer: 60/60" in captured.err  # progress on stderr
    assert "photo(s) to the server" in captured.out
    up = server_shop(pg_server, pg_database)
    local = sqlite_tables(local_shop.db_path)
    assert up["customer"] == 60 and up["evidence"] > 0
    assert {t: n for t, n in up.items() if t != team_photos.TABLE} == \
        {t: len(rows) for t, rows in local.items()}
    assert up[team_photos.TABLE] == len(photo_files(local_shop.photos)) >= 2
    # the server's ids go on after the moved ones
    top = max(r[0] for r in local["tag_category"])
    assert pg_server.sql("INSERT INTO tag_category (name, created_at, updated_at)"
                         " VALUES ('新分类', 1, 1)"
                         " RETURNING id", dbname=pg_database) == [(top + 1,)]
    pg_server.sql("DELETE FROM tag_category WHERE name = '新分类'", dbname=pg_database)

    # back down, on another seat whose photo folder is empty
    seat = DataDir(tmp_path / "seat").ensure()
    join(seat, pg_server, pg_database)
    out = tmp_path / "down.sqlite3"
    assert cli.main(["--data-dir", str(seat.root), "team", "export-local", "--out", str(out)]) == 0
    assert capsys.readouterr().out.strip() == str(out)
    assert not [p for p in out.parent.iterdir() if p.name.endswith(".part")]
    assert sqlite_tables(out) == local
    assert photo_files(seat.photos) == photo_files(local_shop.photos)
    # a valid local shop: ShopDesk's own checks, and restore takes it
    assert core_db.integrity_problems(out) == []
    assert core_db.shop_problem(out) is None
    assert core_db.inspect(out)[0] == core_db.latest_version()
    fresh = DataDir(tmp_path / "fresh").ensure()
    assert cli.main(["--data-dir", str(fresh.root), "restore", str(out)]) == 0
    assert sqlite_tables(fresh.db_path) == local
    conn = sqlite3.connect(fresh.db_path)
    try:  # the search tables the triggers keep were filled as the rows went in
        nick = conn.execute("SELECT nickname FROM customer ORDER BY id LIMIT 1").fetchone()[0]
        hits = conn.execute("SELECT count(*) FROM customer_fts WHERE customer_fts MATCH ?",
                            (f'"{nick[:3]}"',)).fetchone()[0]
    finally:
        conn.close()
    assert hits >= 1


def test_a_server_shop_with_data_is_replaced_only_when_asked(local_shop, pg_server, pg_database,
                                                               capsys):
    join(local_shop, pg_server, pg_database)
    pg_server.sql("INSERT INTO customer (platform, nickname, created_at, updated_at)"
                  " VALUES ('taobao', '服务器上的买家', 1, 1)", dbname=pg_database)
    argv = ["--data-dir", str(local_shop.root), "team", "move-from-local"]
    assert cli.main(argv) == 2
    err = capsys.readouterr().err
    assert "already holds data (1 customers" in err and "--replace" in err
    assert "Traceback" not in err
    assert server_shop(pg_server, pg_database)["customer"] == 1
    assert cli.main([*argv, "--replace"]) == 0
    assert "replaced 1 rows of shop data" in capsys.readouterr().out
    assert pg_server.sql("SELECT count(*) FROM customer WHERE nickname = '服务器上的买家'",
                         dbname=pg_database)[0][0] == 0
    assert server_shop(pg_server, pg_database)["customer"] == 60


def test_texts_keep_their_tabs_line_breaks_and_backslashes_and_a_nul_is_refused(
        local_shop, pg_server, pg_database, capsys):
    tricky = "第一行\t制表\\反斜杠\n第二行\r\n\\N 不是空"
    conn = sqlite3.connect(local_shop.db_path)
    with conn:
        conn.execute("UPDATE customer SET real_name = ? WHERE id = 1", (tricky,))
        conn.execute("UPDATE customer SET last_contact_at = NULL WHERE id = 2")
    conn.close()
    join(local_shop, pg_server, pg_database)
    team_move.move_from_local(local_shop)
    assert pg_server.sql("SELECT real_name FROM customer WHERE id = 1", dbname=pg_database) == \
        [(tricky,)]
    assert pg_server.sql("SELECT last_contact_at FROM customer WHERE id = 2",
                         dbname=pg_database) == [(None,)]

    conn = sqlite3.connect(local_shop.db_path)
    with conn:
        conn.execute("UPDATE customer SET real_name = ? WHERE id = 3", ("a\0b",))
    conn.close()
    argv = ["--data-dir", str(local_shop.root), "team", "move-from-local", "--replace"]
    assert cli.main(argv) == 2
    err = capsys.readouterr().err
    assert "A row of customer cannot be kept on the server (a text holds a NUL character" in err
    assert pg_server.sql("SELECT real_name FROM customer WHERE id = 1", dbname=pg_database) == \
        [(tricky,)]  # the shop moved before is still there, whole


def test_move_refusals_say_why_and_exit_2(data_dir, tmp_path, pg_server, pg_database, capsys):
    argv = ["--data-dir", str(data_dir.root), "team", "move-from-local"]
    assert cli.main(argv) == 2  # not a team folder
    assert "works with a local shop, not with a server" in capsys.readouterr().err
    join(data_dir, pg_server, pg_database)
    assert cli.main(argv) == 2  # no local shop in it
    assert "There is no ShopDesk database at" in capsys.readouterr().err
    other = tmp_path / "other.sqlite3"
    other.write_bytes(b"")
    assert cli.main([*argv, "--from", str(other)]) == 2
    assert "holds no ShopDesk shop (the file is empty)" in capsys.readouterr().err
    assert cli.main(["--data-dir", str(tmp_path / "plain"), "team", "export-local"]) == 2
    assert "works with a local shop" in capsys.readouterr().err


def test_a_server_killed_mid_move_keeps_its_shop_as_it_was(local_shop, pg_server, pg_database):
    join(local_shop, pg_server, pg_database)
    before = {t: pg_server.sql(f'SELECT * FROM "{t}" ORDER BY 1', dbname=pg_database)
              for t in team_move.tables()}
    assert before["reply_group"]  # the seeded rows a new shop holds

    def kill(text: str) -> None:
        if text.startswith("aftersales_case:") and pg_server.running:
            pg_server.stop("immediate")  # the server dies in the middle of the copy

    try:
        with pytest.raises(UserError, match="broke during the move. The server keeps nothing of an "
                                            "unfinished move: its shop is exactly as it was"):
            team_move.move_from_local(local_shop, progress=kill)
    finally:
        if not pg_server.running:
            pg_server.start()
    after = {t: pg_server.sql(f'SELECT * FROM "{t}" ORDER BY 1', dbname=pg_database)
             for t in team_move.tables()}
    assert after == before
    assert pg_server.sql(f"SELECT count(*) FROM {team_photos.TABLE}", dbname=pg_database) == [(0,)]


def test_a_seat_holding_the_shop_makes_the_move_wait_then_refuse_in_words(
        local_shop, pg_server, pg_database, capsys):
    import psycopg2

    join(local_shop, pg_server, pg_database)
    seat = psycopg2.connect(**pg_server.params(pg_database))
    try:
        with seat.cursor() as cur:  # another seat in the middle of reading the customers
            cur.execute("SELECT count(*) FROM customer")
        argv = ["--data-dir", str(local_shop.root), "team", "move-from-local"]
        assert cli.main(argv) == 2
        err = capsys.readouterr().err
        assert "Another seat is working with the shop on the server" in err
        assert "Traceback" not in err
    finally:
        seat.close()
    assert server_shop(pg_server, pg_database)["customer"] == 0


def test_an_older_backup_is_moved_through_a_migrated_copy(local_shop, pg_server, pg_database,
                                                          tmp_path):
    old = tmp_path / "old.sqlite3"
    conn = sqlite3.connect(local_shop.db_path)
    try:
        conn.backup(dst := sqlite3.connect(old))
        dst.close()
    finally:
        conn.close()
    digest = hashlib.sha256(old.read_bytes()).hexdigest()
    join(local_shop, pg_server, pg_database)
    result = team_move.move_from_local(local_shop, source=old)
    assert result.rows["customer"] == 60
    assert hashlib.sha256(old.read_bytes()).hexdigest() == digest  # the backup is only read


def test_photos_on_the_server_reach_every_seat_and_the_evidence_pack(
        pg_server, pg_database, tmp_path):
    from desk.core.aftersales import service
    from desk.core.customers import service as customers
    from desk.core.replies import service as replies

    first = DataDir(tmp_path / "first").ensure()
    join(first, pg_server, pg_database)
    team.open_shop(first)
    buyer = customers.create("taobao", "阿杰")
    reason = database.execute_sql("SELECT code FROM aftersales_reason ORDER BY position").fetchone()[0]
    case_id = service.open_case(buyer, "refund_only", reason)
    report = photos.add_photos(case_id, [(png(3), "box.png"), (b"not a photo", "x.png")],
                               kind="package")
    assert [r.status for r in report.results] == ["added", "refused"]  # the same checks
    sha = report.added[0].sha256
    assert pg_server.sql(f"SELECT sha256, ext, size_bytes FROM {team_photos.TABLE}",
                         dbname=pg_database) == [(sha, "png", len(png(3)))]
    picture = tmp_path / "wrap.png"
    picture.write_bytes(png(4))
    group = database.execute_sql("SELECT id FROM reply_group ORDER BY id").fetchone()[0]
    phrase = replies.add_phrase(group, "包装图在这里", image=picture)
    core_db.close()
    database.initialize(None)

    second = DataDir(tmp_path / "second").ensure()  # another seat: no photo file yet
    join(second, pg_server, pg_database)
    team.open_shop(second)
    assert photos.photos_dir() == second.photos
    [info] = photos.list_photos(case_id)
    assert info.path == photos.photo_path(second.photos, sha, "png")
    assert info.path.read_bytes() == png(3)
    assert photos.make_thumbnail(sha, "png") is not None
    pack = photos.evidence_pack(case_id, tmp_path / "pack.zip")
    assert (pack.photos, pack.missing) == (1, 0)
    image = replies.get_phrase(phrase).image_path  # the phrase's picture another seat added
    assert image.parent.parent == second.photos and image.read_bytes() == png(4)


def test_a_photo_damaged_on_the_server_is_not_used(pg_server, pg_database, tmp_path):
    seat = DataDir(tmp_path / "seat").ensure()
    join(seat, pg_server, pg_database)
    team.open_shop(seat)
    sha = hashlib.sha256(png(5)).hexdigest()
    team_photos.put(sha, "png", png(6))  # bytes that do not hash to the name
    assert photos.fetch_missing(seat.photos, [(sha, "png")]) == 0
    assert not photos.photo_path(seat.photos, sha, "png").exists()


def test_backup_from_a_team_seat_is_a_local_backup_restore_and_move_can_load(
        local_shop, pg_server, pg_database, tmp_path, capsys):
    join(local_shop, pg_server, pg_database)
    team_move.move_from_local(local_shop)
    local = sqlite_tables(local_shop.db_path)
    seat = DataDir(tmp_path / "seat").ensure()
    join(seat, pg_server, pg_database)

    assert cli.main(["--data-dir", str(seat.root), "backup"]) == 0
    plain = capsys.readouterr().out.strip()
    assert plain.startswith(str(seat.backups / "shopdesk-"))
    assert [b.reason for b in backup.list_backups(seat)] == ["manual"]
    assert sqlite_tables(plain) == local
    assert core_db.integrity_problems(plain) == []

    full = tmp_path / "full.zip"
    assert cli.main(["--data-dir", str(seat.root), "backup", "--full", "--out", str(full)]) == 0
    assert "photo(s)" in capsys.readouterr().err
    import zipfile

    with zipfile.ZipFile(full) as z:
        names = set(z.namelist())
    assert {f"photos/{n[7:]}" for n in photo_files(local_shop.photos)} <= names

    fresh = DataDir(tmp_path / "fresh").ensure()
    assert cli.main(["--data-dir", str(fresh.root), "restore", str(full)]) == 0
    assert sqlite_tables(fresh.db_path) == local
    assert photo_files(fresh.photos) == photo_files(local_shop.photos)

    # the full archive goes up with move-from-local, photos included, on an emptied server
    pg_server.sql(f"TRUNCATE {team_photos.TABLE}", dbname=pg_database)
    assert cli.main(["--data-dir", str(seat.root), "team", "move-from-local", "--from", str(full),
                     "--replace"]) == 0
    assert server_shop(pg_server, pg_database)["customer"] == 60
    assert server_shop(pg_server, pg_database)[team_photos.TABLE] == len(
        photo_files(local_shop.photos))

    # the plain backup goes back up with move-from-local
    assert cli.main(["--data-dir", str(seat.root), "team", "move-from-local", "--from", plain,
                     "--replace"]) == 0
    assert server_shop(pg_server, pg_database)["customer"] == 60
    assert os.path.exists(plain)
