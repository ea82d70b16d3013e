"""The log never holds phone numbers, addresses or note text: a demo shop and the
everyday operations (and the failures that get logged) run with logging on, then
the log files are searched for every phone, address and note in the database."""

from __future__ import annotations

import logging
import sqlite3
from datetime import timedelta

import pytest

from desk.core import backup, logs, restore, timeutil
from desk.core import db as core_db
from desk.core import demo as core_demo
from desk.core.aftersales import flow
from desk.core.aftersales import service as cases
from desk.core.base import database
from desk.core.customers import followups, notes
from desk.core.customers import service as customers
from desk.core.errors import UserError
from desk.core.paths import DataDir

SECRET_NOTE = "买家说她住在幸福小区7栋，晚上八点后送货"
SECRET_PHONE = "13912345678"
SECRET_ADDRESS = "锦绣路88弄5号1203室"


def _secrets(db_path) -> set[str]:
    conn = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    try:
        found = set()
        for sql in ("SELECT phone FROM customer", "SELECT phone FROM address",
                    "SELECT detail FROM address", "SELECT body FROM note"):
            found |= {r[0] for r in conn.execute(sql) if r[0] and len(r[0]) >= 6}
        return found
    finally:
        conn.close()


@pytest.fixture
def logged(tmp_path):
    data = DataDir(tmp_path / "shop").ensure()
    root = logging.getLogger()
    level = root.level
    path = logs.setup(data.logs)
    yield data, path
    for h in list(root.handlers):
        if getattr(h, "_shopdesk", False):
            root.removeHandler(h)
            h.close()
    root.setLevel(level)
    core_db.close()


def test_the_log_holds_no_phone_address_or_note(logged):
    data, log_path = logged
    core_db.open_database(data.db_path, data.backups)
    core_demo.generate(data, 150, seed=3)
    cid = customers.create("taobao", "隐私测试", real_name="王小丫", phone=SECRET_PHONE)
    customers.add_address(cid, receiver="王小丫", phone=SECRET_PHONE, province="上海市", city="上海市",
                          district="浦东新区", detail=SECRET_ADDRESS)
    nid = notes.add(cid, SECRET_NOTE)
    notes.edit(nid, SECRET_NOTE + "（已确认）")
    followups.add(cid, "回访：" + SECRET_NOTE[:8], timeutil.now() + timedelta(days=1))
    case = cases.open_case(cid, "refund_only", "damaged", description=SECRET_NOTE)
    flow.change_status(case, "handling", comment=SECRET_NOTE)
    with pytest.raises(UserError):
        customers.create("taobao", "隐私测试", phone=SECRET_PHONE)  # a duplicate: refused
    # failures that are logged: a full disk, a damaged database at start-up
    database.execute_sql(f"PRAGMA max_page_count = {database.execute_sql('PRAGMA page_count').fetchone()[0]}")
    with pytest.raises(core_db.StorageError):
        for _ in range(50):
            notes.add(cid, SECRET_NOTE * 50)
    database.execute_sql("PRAGMA max_page_count = 1073741823")
    good = backup.backup_now(data, "manual")
    core_db.close()
    raw = bytearray(data.db_path.read_bytes())
    raw[100:4096] = b"\xff" * 3996  # the schema page
    data.db_path.write_bytes(bytes(raw))
    check = restore.startup_check(data)
    assert check.status == "damaged"
    restore.restore(data, good)
    core_db.open_database(data.db_path, data.backups)
    logging.getLogger("desk").exception("a bug", exc_info=RuntimeError("something broke"))

    for h in logging.getLogger().handlers:
        h.flush()
    text = "\n".join(p.read_text("utf-8") for p in data.logs.glob("shopdesk.log*"))
    assert "backup written" in text and "write refused by the disk" in text, "the log was written"
    secrets = _secrets(data.db_path) | {SECRET_PHONE, SECRET_ADDRESS, SECRET_NOTE}
    assert len(secrets) > 100
    leaked = sorted(s for s in secrets if s in text)
    assert leaked == [], leaked[:5]
    for tail in (SECRET_PHONE[-8:], SECRET_NOTE[:6], SECRET_ADDRESS[:5]):
        assert tail not in text
