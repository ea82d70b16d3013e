"""The app's own saves, as a child process for the fault-injection suite:
opens the data folder as the app does (writer lock, start-up check,
open_database) and makes COUNT saves. Each save is a new buyer with an
after-sales case, in one transaction (customers.service.create and
aftersales.service.open_case), then a photo added to the case (its own
save: the file stored under its sha256, then its row).

    python tests/crash/saver.py DATA_DIR COUNT

A refused write (a full disk) ends as the app's CLI ends: one line on
stderr, exit 2.
"""

from __future__ import annotations

import sys
from pathlib import Path

from desk.core import changes, db, logs, restore
from desk.core.aftersales import photos, service
from desk.core.base import database
from desk.core.customers import service as customers
from desk.core.errors import UserError
from desk.core.lock import WriterLock
from desk.core.paths import DataDir
from tests.crash.shop import image_bytes


def main(root: str, count: int) -> int:
    data = DataDir(Path(root)).ensure()
    with WriterLock(data.lock_path):
        logs.setup(data.logs)  # as the app: the log file, never stderr
        check = restore.startup_check(data)
        if check.status == "damaged":
            print(f"shopdesk: damaged: {check.problems}", file=sys.stderr)
            return 1
        db.open_database(data.db_path, data.backups)
        try:
            for n in range(count):
                with changes.write(database):
                    cid = customers.create("taobao", f"save-{n}")
                    case = service.open_case(cid, "refund_only", "damaged")
                photos.add_photos(case, [(image_bytes((n % 256, 40, 90), size=(120, 90)), f"p{n}.png")])
        finally:
            db.close()
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main(sys.argv[1], int(sys.argv[2])))
    except UserError as e:
        print(f"shopdesk: {e}", file=sys.stderr)
        sys.exit(2)
