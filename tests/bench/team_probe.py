"""The measured processes of bench_team.py (a shop on a PostgreSQL server
beside the same shop in SQLite), one fresh process per run:

    team_probe.py page SPEC.json           the Customers page's first paint
                                           (page_probe.py; SPEC's "server"
                                           opens the shop on the server)
    team_probe.py import SPEC.json FILE    the order import of FILE into an
                                           empty shop (SPEC: "server" or "db")
    team_probe.py seat SPEC.json N         another seat: N changes, each line
                                           "<customer id> <monotonic clock>"
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))


def _open(spec: dict) -> None:
    """Open the spec's shop, on the server or in its SQLite file, for the models."""
    from desk.core import db

    if "server" in spec:
        from desk.core import live, server

        server.connect(server.ServerAddress(**spec["server"]))
        live.publish()  # a seat on a server tells the others what it writes
    else:
        db.connect(Path(spec["db"]))


def page(spec_path: str) -> int:
    import page_probe

    from desk.core import db

    spec = json.loads(Path(spec_path).read_text("utf-8"))
    if "server" in spec:
        db.open_database = lambda path, backups: _open(spec)  # what run_gui does in team mode
    sys.argv = [sys.argv[0], "page", spec_path]
    return page_probe.main()


def import_(spec_path: str, path: str) -> int:
    from desk.core import checkpoint, db
    from desk.core.excel import orders_import

    spec = json.loads(Path(spec_path).read_text("utf-8"))
    _open(spec)
    # The checked backup before an import (a copy of the SQLite file; on a
    # team seat an export of the server shop) is left out on both sides, so
    # the figures compare the import itself.
    checkpoint.before = lambda reason, data=None: None
    t0 = time.perf_counter()
    result = orders_import.import_orders(Path(path), "taobao")
    seconds = time.perf_counter() - t0
    db.close()
    print(json.dumps({"seconds": seconds, "orders": len(result.new_orders),
                      "errors": len(result.errors)}))
    return 0


def seat(spec_path: str, n: str) -> int:
    from desk.core.customers import service

    spec = json.loads(Path(spec_path).read_text("utf-8"))
    _open(spec)
    ids = [service.create("taobao", f"另一台-{time.monotonic_ns()}-{i}") for i in range(2)]
    for i in range(int(n)):
        # stamped as the write starts: the listener may hear the commit before
        # this process runs again, so a stamp after it could come out later
        started = time.monotonic()
        service.update(ids[i % 2], region=f"区域{i}")
        print(ids[i % 2], started, flush=True)
    return 0


if __name__ == "__main__":
    mode, *rest = sys.argv[1:]
    sys.exit({"page": page, "import": import_, "seat": seat}[mode](*rest))
