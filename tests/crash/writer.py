"""The crash harness's child: writes through ShopDesk's core services for ever,
and prints one line per transaction after it has committed:

    <kind> <row id> <token>

kinds: customer (created, nickname c-<token>), edit (real_name <token>),
note (body "note <token>"), bulk (one transaction of several notes, one line
per note), case (opened), status (a case_event with comment <token>),
followup (title "fu <token>"), import (a quick-reply import of a few
phrases "imp <token>-<n>", one line per phrase, after its checked backup). Tokens are t<sequence>; the sequence starts
where argv[2] says, so tokens stay unique across runs.

    python tests/crash/writer.py DATA_DIR FIRST_SEQUENCE SEED
"""

from __future__ import annotations

import random
import sys
from datetime import timedelta
from pathlib import Path

from desk.core import changes, db, timeutil
from desk.core.aftersales import flow, service
from desk.core.base import database
from desk.core.customers import followups, notes
from desk.core.customers import service as customers
from desk.core.lock import WriterLock
from desk.core.paths import DataDir
from desk.core.replies import transfer


def say(line: str) -> None:
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


def main(root: str, first: int, seed: int) -> int:
    data = DataDir(Path(root)).ensure()
    lock = WriterLock(data.lock_path)
    if not lock.acquire():  # a lock left by the killed run must not block this one
        say("locked")
        return 3
    db.open_database(data.db_path, data.backups)
    tmp = data.root / "crash-imports"
    tmp.mkdir(exist_ok=True)
    rng = random.Random(seed)
    seq = first

    def customer_ids() -> list[int]:
        return [r[0] for r in database.execute_sql("SELECT id FROM customer WHERE deleted_at IS NULL")]

    def open_cases() -> list[int]:
        return [r[0] for r in database.execute_sql(
            "SELECT id FROM aftersales_case WHERE deleted_at IS NULL")]

    say("ready")
    while True:
        seq += 1
        token = f"t{seq}"
        ids = customer_ids()
        op = rng.choice(("customer", "edit", "note", "bulk", "case", "status", "status", "followup",
                         "import") if ids else ("customer",))
        if op == "customer":
            say(f"customer {customers.create('taobao', f'c-{token}')} {token}")
        elif op == "edit":
            cid = rng.choice(ids)
            customers.update(cid, real_name=token)
            say(f"edit {cid} {token}")
        elif op == "note":
            say(f"note {notes.add(rng.choice(ids), f'note {token}')} {token}")
        elif op == "bulk":
            made = []
            with changes.write(database):
                for n in range(rng.randint(5, 40)):
                    made.append((notes.add(rng.choice(ids), f"note {token}-{n}"), f"{token}-{n}"))
            for nid, tok in made:
                say(f"bulk {nid} {tok}")
        elif op == "case":
            say(f"case {service.open_case(rng.choice(ids), 'refund_only', 'damaged')} {token}")
        elif op == "status":
            cases = open_cases()
            if not cases:
                continue
            case = rng.choice(cases)
            status = service.live_case(case).status
            new = rng.choice(flow.offered(status))
            flow.change_status(case, new, comment=token)
            say(f"status {case} {token}")
        elif op == "import":
            phrases = tmp / f"{token}.txt"
            phrases.write_text("".join(f"i{token}x{n},1=imp {token}-{n}\n"
                                       for n in range(rng.randint(2, 20))), encoding="utf-8")
            transfer.apply(transfer.read_file(phrases, group="导入"))
            phrases.unlink()
            for rid, body in database.execute_sql(
                    "SELECT id, body FROM reply WHERE body LIKE ?", (f"imp {token}-%",)).fetchall():
                say(f"import {rid} {body[4:]}")
        elif op == "followup":
            fid = followups.add(rng.choice(ids), f"fu {token}", timeutil.now() + timedelta(days=1))
            say(f"followup {fid} {token}")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], int(sys.argv[2]), int(sys.argv[3])))
