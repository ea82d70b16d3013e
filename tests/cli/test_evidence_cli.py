"""`shopdesk aftersales evidence`, through add_evidence_command on a parser of its own."""

from __future__ import annotations

import argparse
import io
import zipfile
from datetime import UTC, datetime

import pytest
from openpyxl import load_workbook
from PIL import Image

from desk.core import db as core_db
from desk.core.aftersales import photos
from desk.core.base import database
from desk.core.errors import UserError
from desk.evidence_cli import add_evidence_command

T0 = int(datetime(2024, 5, 1, tzinfo=UTC).timestamp())


def run(*argv: str) -> int:
    """What `shopdesk` does with the command: user errors on stderr, exit 2."""
    parser = argparse.ArgumentParser(prog="shopdesk")
    parser.add_argument("--data-dir")
    group = parser.add_subparsers(dest="command").add_parser("aftersales")
    add_evidence_command(group.add_subparsers(dest="action", required=True))
    args = parser.parse_args(argv)
    try:
        return args.func(args)
    except UserError as e:
        import sys

        print(f"shopdesk: {e}", file=sys.stderr)
        return 2
    finally:
        core_db.close()


@pytest.fixture
def shop(data_dir):
    core_db.open_database(data_dir.db_path, data_dir.backups)
    database.execute_sql("INSERT INTO customer(platform, nickname, created_at, updated_at)"
                         " VALUES ('taobao', '小雨', ?, ?)", (T0, T0))
    database.execute_sql(
        "INSERT INTO aftersales_case(case_no, customer_id, platform, kind, reason, status,"
        " opened_at, status_changed_at, created_at, updated_at)"
        " VALUES ('SH-000007', 1, 'taobao', 'reissue', 'missing', 'new', ?, ?, ?, ?)",
        (T0, T0, T0, T0))
    buf = io.BytesIO()
    Image.new("RGB", (64, 48), (90, 30, 30)).save(buf, "JPEG")
    photos.add_photos(1, [(buf.getvalue(), "p.jpg")], kind="chat")
    core_db.close()
    return data_dir


def test_writes_the_pack(shop, tmp_path, capsys):
    out = tmp_path / "evidence"
    assert run("--data-dir", str(shop.root), "aftersales", "evidence", "SH-000007",
               "--out", str(out)) == 0
    captured = capsys.readouterr()
    assert captured.out.strip() == str(out), "written exactly where --out says, no .zip added"
    assert sorted(p.name for p in tmp_path.iterdir() if p.name != shop.root.name) == ["evidence"]
    assert "1 photo(s)" in captured.err
    with zipfile.ZipFile(out) as z:
        assert z.namelist() == ["01-chat-screenshot.jpg", "SH-000007-index.xlsx"]
        book = load_workbook(io.BytesIO(z.read("SH-000007-index.xlsx")))
    assert book["Case"]["B1"].value == "SH-000007"


def test_data_dir_after_the_command(shop, tmp_path):
    assert run("aftersales", "evidence", "SH-000007", "--out", str(tmp_path / "a.zip"),
               "--data-dir", str(shop.root)) == 0
    assert (tmp_path / "a.zip").is_file()


@pytest.mark.parametrize("case_no, out, message", [
    ("SH-999", "a.zip", "There is no after-sales case SH-999"),
    ("SH-000007", "missing/a.zip", "does not exist"),
    ("SH-000007", ".", "is a folder"),
])
def test_user_errors_go_to_stderr_with_exit_2(shop, tmp_path, capsys, case_no, out, message):
    code = run("--data-dir", str(shop.root), "aftersales", "evidence", case_no,
               "--out", str(tmp_path / out))
    captured = capsys.readouterr()
    assert code == 2
    assert captured.out == ""
    assert captured.err.startswith("shopdesk: ") and message in captured.err
    assert len(captured.err.splitlines()) == 1


def test_no_database(tmp_path, capsys):
    assert run("--data-dir", str(tmp_path / "empty"), "aftersales", "evidence", "SH-1",
               "--out", str(tmp_path / "a.zip")) == 2
    assert "There is no ShopDesk database" in capsys.readouterr().err
