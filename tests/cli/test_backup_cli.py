"""`shopdesk backup` and `shopdesk restore`, run as a user runs them: a separate process."""

from __future__ import annotations

import json
import sqlite3
import zipfile
from pathlib import Path

import pytest

from desk.core.lock import WriterLock
from tests.cli.test_cli import assert_user_error, copy_shop, demo_shop, shopdesk


@pytest.fixture(scope="module")
def demo(tmp_path_factory) -> Path:
    return demo_shop(tmp_path_factory, "backupcli", 60)


@pytest.fixture
def shop(demo, tmp_path) -> Path:
    """A copy of the demo shop this test may change."""
    return copy_shop(demo, tmp_path / "shop")


def _customers(db: Path) -> int:
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        return conn.execute("SELECT count(*) FROM customer").fetchone()[0]
    finally:
        conn.close()


def test_backup_into_the_backups_folder(shop):
    proc = shopdesk("--data-dir", shop, "backup")
    assert proc.returncode == 0, proc.stderr
    path = Path(proc.stdout.strip())
    assert path.parent == shop / "backups" and path.name.endswith("-manual.sqlite3")
    assert _customers(path) == 60
    assert "checked" in proc.stderr


def test_backup_to_a_file_while_shopdesk_holds_the_folder(shop, tmp_path):
    with WriterLock(shop / "shopdesk.lock"):  # reading is fine while the app runs
        proc = shopdesk("--data-dir", shop, "backup", "--out", tmp_path / "copy.sqlite3")
    assert proc.returncode == 0, proc.stderr
    assert _customers(tmp_path / "copy.sqlite3") == 60


def test_full_backup_and_restore_on_another_computer(shop, tmp_path):
    proc = shopdesk("--data-dir", shop, "backup", "--full", "--out", tmp_path / "move")
    assert proc.returncode == 0, proc.stderr
    archive = Path(proc.stdout.strip())
    assert archive == tmp_path / "move", "exactly the file --out names: no .zip added"
    assert not (tmp_path / "move.zip").exists()
    with zipfile.ZipFile(archive) as zf:
        manifest = json.loads(zf.read("manifest.json"))
    photos = [n for n in manifest["files"] if n.startswith("photos/")]
    assert photos, "the demo shop has photos"

    other = tmp_path / "other"
    proc = shopdesk("--data-dir", other, "restore", archive)
    assert proc.returncode == 0, proc.stderr
    assert _customers(other / "shopdesk.sqlite3") == 60
    for name in photos:
        assert (other / name).read_bytes() == (shop / name).read_bytes()
    assert shopdesk("--data-dir", other, "check").returncode == 0


def test_restore_keeps_the_current_database_aside(shop, tmp_path):
    copy = Path(shopdesk("--data-dir", shop, "backup", "--out", tmp_path / "b.sqlite3").stdout.strip())
    conn = sqlite3.connect(shop / "shopdesk.sqlite3")
    conn.execute("DELETE FROM followup")
    conn.commit()
    conn.close()
    proc = shopdesk("--data-dir", shop, "restore", copy)
    assert proc.returncode == 0, proc.stderr
    kept = list(shop.glob("shopdesk-replaced-*.sqlite3"))
    assert len(kept) == 1 and str(kept[0]) in proc.stderr
    assert _customers(kept[0]) == 60


@pytest.mark.parametrize("content", [b"", b"hello, not a backup\n", b"PK\x03\x04 broken zip"])
def test_restore_refuses_what_is_not_a_backup(shop, tmp_path, content):
    bad = tmp_path / "bad.zip"
    bad.write_bytes(content)
    before = (shop / "shopdesk.sqlite3").read_bytes()
    line = assert_user_error(shopdesk("--data-dir", shop, "restore", bad))
    assert "nothing was changed" in line
    assert (shop / "shopdesk.sqlite3").read_bytes() == before
    assert not list(shop.glob("shopdesk-replaced-*"))


def test_restore_refuses_while_shopdesk_is_open(shop, tmp_path):
    copy = Path(shopdesk("--data-dir", shop, "backup", "--out", tmp_path / "b.sqlite3").stdout.strip())
    before = (shop / "shopdesk.sqlite3").read_bytes()
    with WriterLock(shop / "shopdesk.lock"):
        line = assert_user_error(shopdesk("--data-dir", shop, "restore", copy))
    assert "ShopDesk is open on the data folder" in line
    assert (shop / "shopdesk.sqlite3").read_bytes() == before


def test_restore_a_missing_file(shop, tmp_path):
    assert "There is no file" in assert_user_error(shopdesk("--data-dir", shop, "restore", tmp_path / "no.zip"))


def test_backup_out_into_a_missing_folder(shop, tmp_path):
    line = assert_user_error(shopdesk("--data-dir", shop, "backup", "--full", "--out", tmp_path / "no" / "x.zip"))
    assert "does not exist" in line
