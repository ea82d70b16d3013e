"""The app's start on a database left behind by a fault: an emptied or foreign
file, a killed writer's hot journal, text that is not valid UTF-8, a folder
where the database should be. Never a traceback, never an empty shop in the
real one's place."""

from __future__ import annotations

import sqlite3

import pytest
from PySide6.QtWidgets import QMessageBox

from desk.core import backup, restore
from desk.core import db as core_db
from desk.core.customers import service as customers
from desk.ui.startup_check import DamagedDatabaseDialog, check_database_at_startup
from desk.ui.worker import wait_all
from tests.core.test_db_faults import _kill_a_writer, _nicknames
from tests.crash.shop import counts
from tests.ui.helpers import answering, column_texts
from tests.ui.test_process import desk


@pytest.fixture
def backed_up(qapp, shop_dir):
    """A shop with three customers and a backup of them, closed."""
    core_db.open_database(shop_dir.db_path, shop_dir.backups)
    for name in ("一号", "二号", "三号"):
        customers.create("taobao", name)
    good = backup.backup_now(shop_dir, "close")
    wait_all()
    core_db.close()
    restore.mark_clean_close(shop_dir)
    return good


@pytest.mark.parametrize("kind", ["empty", "foreign"])
def test_startup_on_a_file_without_shop_data_offers_the_newest_good_backup(backed_up, shop_dir, kind):
    for companion in restore._companions(shop_dir.db_path):
        companion.unlink(missing_ok=True)
    shop_dir.db_path.unlink()
    if kind == "empty":
        shop_dir.db_path.write_bytes(b"")
    else:
        conn = sqlite3.connect(shop_dir.db_path)
        conn.execute("CREATE TABLE contacts (name TEXT)")
        conn.commit()
        conn.close()
    content = shop_dir.db_path.read_bytes()
    seen = {}

    def restore_it(d):
        seen["title"], seen["text"] = d.windowTitle(), d.message.text()
        assert d.restore_button.isVisible() and not d.empty_button.isVisible()
        d.restore_button.click()

    with answering(DamagedDatabaseDialog, restore_it):
        with answering(QMessageBox, lambda box: box.accept()):
            assert check_database_at_startup(shop_dir) is True
    assert seen["title"] == "ShopDesk: no shop data in the database"
    assert ("the file is empty" if kind == "empty" else "another program") in seen["text"]
    assert "does not start an empty shop" in seen["text"]
    assert counts(shop_dir.db_path)["customer"] == 3
    kept = list(shop_dir.root.glob("shopdesk-damaged-*.sqlite3"))
    assert [k.read_bytes() for k in kept] == [content], "the file is kept as it was"


def test_startup_after_a_killed_writer_opens_the_rolled_back_shop(backed_up, shop_dir):
    before = _nicknames(shop_dir.db_path)
    (shop_dir.root / restore.CLOSED_MARK).unlink(missing_ok=True)
    _kill_a_writer(shop_dir.db_path, "delete")
    # nothing to answer: no dialog may show
    assert check_database_at_startup(shop_dir) is True
    assert shop_dir.db_path.exists()
    assert _nicknames(shop_dir.db_path) == before


def test_customers_with_invalid_utf8_are_listed_with_replacement_characters(qtbot, shop_dir, shop_db,
                                                                            make_window):
    cid = customers.create("taobao", "好好")
    customers.create("taobao", "另一位")
    conn = sqlite3.connect(shop_dir.db_path)
    conn.execute("UPDATE customer SET nickname = CAST(x'e5a5bdff' AS TEXT) WHERE id = ?", (cid,))
    conn.commit()
    conn.close()
    window = make_window()
    window.show_page(1)
    page = window.pages["customers"]
    qtbot.waitUntil(lambda: page.model.rowCount() == 2, timeout=60_000)
    from tests.ui.customers.test_customers import NICKNAME

    assert "好\ufffd" in column_texts(page.view, NICKNAME)


def test_the_app_with_a_folder_for_its_database_says_so(tmp_path):
    (tmp_path / "shop" / "shopdesk.sqlite3").mkdir(parents=True)
    done = desk("--data-dir", str(tmp_path / "shop"), "--smoke")
    assert done.returncode == 2, done.stderr
    assert "Traceback" not in done.stderr
    assert "it is a folder" in done.stderr


def test_the_app_starts_on_a_shop_with_invalid_utf8(tmp_path):
    root = tmp_path / "shop"
    made = desk("demo", "--customers", "30", "--data-dir", str(root))
    assert made.returncode == 0, made.stderr
    conn = sqlite3.connect(root / "shopdesk.sqlite3")
    conn.execute("UPDATE customer SET nickname = CAST(x'61ff62' || CAST(id AS BLOB) AS TEXT),"
                 " real_name = CAST(x'ff' AS TEXT)")
    conn.execute("UPDATE note SET body = CAST(x'ff' AS TEXT)")
    conn.execute("UPDATE reply SET body = CAST(x'ff' AS TEXT)")
    conn.commit()
    conn.close()
    done = desk("--data-dir", str(root), "--smoke")
    assert done.returncode == 0, done.stderr
    assert "smoke ok" in done.stdout
    assert "Traceback" not in done.stderr and "Error calling Python override" not in done.stderr
