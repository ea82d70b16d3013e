"""Team mode: the shop on a PostgreSQL server, side by side with the same
shop in SQLite, in one run (100,000 demo customers).

The benchmark starts its own throwaway cluster (tests/pgserver.py, the test
fixture's code), with the durability a real server has (fsync, full page
writes, synchronous commit on; PostgreSQL's default 128 MB of shared
buffers), reached through its Unix socket on this machine: a seat on
another computer adds the network's round trips. The demo shop's SQLite
file is copied into a migrated database on it, table by table (COPY; the
server's triggers keep its short-gram table as the rows arrive), and
ANALYZEd. The cluster is stopped when the run ends. Where PostgreSQL's
server programs are missing, each benchmark says so in a "skipped" row.

- team_customers_page: the Customers page's first paint (page_probe.py in a
  fresh process), on the server against on the SQLite file;
- team_search: the search per keystroke (the 40 queries of bench_search.py),
  p95 over the queries, on the server against on the SQLite file;
- team_import: importing 100,000 order rows (.csv, bench_import.py's file)
  into an empty shop, on the server against into an empty SQLite file;
- team_seat_latency: from a change committed on one seat (another process)
  to its arrival on this seat's change bus; absolute, with a bare
  psycopg2 NOTIFY round trip as the baseline.
"""

from __future__ import annotations

import atexit
import functools
import io
import json
import sqlite3
import sys
import threading
import time
from pathlib import Path

from harness import (
    BenchError,
    Context,
    Measurement,
    alternate,
    bench,
    demo_data,
    empty_data,
    median,
    run_timed,
    spread,
)

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
PROBE = HERE / "team_probe.py"
WINDOW = (1280, 800)
SEAT_CHANGES = 40

if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))  # tests/pgserver.py, the test fixture's cluster


@functools.cache
def _missing() -> str | None:
    from tests import pgserver

    return pgserver.missing_reason()


def _skipped() -> list[Measurement]:
    return [Measurement(0.0, 0.0, label="skipped", note=f"skipped: {_missing()}")]


class Server:
    """The throwaway cluster with two databases: `template` (migrated, empty)
    and `demo` (the demo shop's rows)."""

    TEMPLATE, DEMO = "shop_template", "shop_demo"

    def __init__(self, ctx: Context) -> None:
        from desk.core import server
        from tests import pgserver

        print("  starting a PostgreSQL cluster for the team benchmarks …", file=sys.stderr, flush=True)
        self.cluster = pgserver.start_cluster()
        atexit.register(self.cluster.destroy)
        # a real server's durability and memory, not the test cluster's shortcuts
        for setting in ("fsync = on", "full_page_writes = on", "synchronous_commit = on",
                        "shared_buffers = '128MB'"):
            self.cluster.sql(f"ALTER SYSTEM SET {setting}")
        self.cluster.stop()
        self.cluster.start()
        self.cluster.sql(f"CREATE DATABASE {self.TEMPLATE}")
        conn = self.connect(self.TEMPLATE)
        try:
            server.migrate(conn)
        finally:
            conn.close()
        self.version = self.cluster.sql("SHOW server_version")[0][0]
        self._serial = 0
        self._ctx = ctx
        self._demo = False

    def demo(self) -> str:
        """The demo shop's database, copied from its SQLite file on first use."""
        if not self._demo:
            self.cluster.sql(f"CREATE DATABASE {self.DEMO} TEMPLATE {self.TEMPLATE}")
            t0 = time.perf_counter()
            rows = copy_shop(demo_data(self._ctx) / "shopdesk.sqlite3", self.connect(self.DEMO))
            print(f"  copied {rows:,} rows of the demo shop to the server in "
                  f"{time.perf_counter() - t0:.0f} s", file=sys.stderr, flush=True)
            self._demo = True
        return self.DEMO

    def connect(self, name: str):
        import psycopg2

        return psycopg2.connect(**self.cluster.params(name))

    def address(self, name: str) -> dict:
        p = self.cluster.params(name)
        return {"host": p["host"], "port": p["port"], "dbname": p["dbname"], "user": p["user"]}

    def fresh(self) -> str:
        """A new empty shop (a copy of the migrated template)."""
        self._serial += 1
        name = f"shop_empty_{self._serial}"
        self.cluster.sql(f"CREATE DATABASE {name} TEMPLATE {self.TEMPLATE}")
        return name

    def drop(self, name: str) -> None:
        self.cluster.sql(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


@functools.cache
def _server(ctx: Context) -> Server:
    return Server(ctx)


def _pg_text(value) -> str:
    """A value in COPY's text format."""
    if value is None:
        return r"\N"
    if isinstance(value, bytes):
        return "\\\\x" + value.hex()
    text = str(value)
    return (text.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n")
            .replace("\r", "\\r"))


def copy_shop(sqlite_path: Path, conn) -> int:
    """Every table of the shop from the SQLite file into the server's
    (migrated, empty) database, parents before children, in one transaction;
    identity counters moved past the copied ids. The rows copied."""
    import peewee

    from desk.core.models import ALL_MODELS

    src = sqlite3.connect(f"file:{sqlite_path}?mode=ro", uri=True)
    total = 0
    try:
        with conn.cursor() as cur:
            # the migrations' seed rows (presets) come with the shop's own copy
            tables = ", ".join(f'"{m._meta.table_name}"' for m in ALL_MODELS)
            cur.execute(f"TRUNCATE {tables}, customer_gram RESTART IDENTITY CASCADE")
            for model in peewee.sort_models(ALL_MODELS):
                table = model._meta.table_name
                cur.execute("SELECT column_name FROM information_schema.columns"
                            " WHERE table_schema = current_schema() AND table_name = %s", (table,))
                on_server = {r[0] for r in cur.fetchall()}
                columns = [r[1] for r in src.execute(f'PRAGMA table_info("{table}")')
                           if r[1] in on_server]
                if not columns:
                    continue
                names = ", ".join(f'"{c}"' for c in columns)
                rows = src.execute(f'SELECT {names} FROM "{table}"')
                while True:
                    chunk = rows.fetchmany(20_000)
                    if not chunk:
                        break
                    buf = io.StringIO()
                    for row in chunk:
                        buf.write("\t".join(map(_pg_text, row)) + "\n")
                    buf.seek(0)
                    cur.copy_expert(f'COPY "{table}" ({names}) FROM STDIN', buf)
                    total += len(chunk)
                if "id" in columns:
                    cur.execute(f"""SELECT setval(pg_get_serial_sequence('"{table}"', 'id'),
                                    coalesce((SELECT max(id) FROM "{table}"), 0) + 1, false)""")
        conn.commit()
        conn.autocommit = True
        with conn.cursor() as cur:
            cur.execute("VACUUM ANALYZE")
    finally:
        src.close()
        conn.close()
    return total


def _spec(ctx: Context, name: str, spec: dict) -> Path:
    work = ctx.cache / "team-bench"
    work.mkdir(parents=True, exist_ok=True)
    path = work / f"{name}.json"
    path.write_text(json.dumps(spec, indent=1), "utf-8")
    return path


def _probe(ctx: Context, *args, timeout: float = 900):
    return run_timed([sys.executable, PROBE, *map(str, args)], env=ctx.env(), timeout=timeout)


def _page_result(run) -> dict:
    for line in run.stdout.splitlines():
        if line.startswith("BENCH_RESULT "):
            return json.loads(line.split(" ", 1)[1])
    raise BenchError(f"team_probe.py page reported nothing: {run.stdout[-500:]!r}")


# --- the Customers page ----------------------------------------------------------------------

@bench("team_customers_page",
       "Customers page at 100,000 customers, first paint, the shop on a PostgreSQL server; "
       "baseline: the same page on the same shop in SQLite", target="1.5x")
def team_customers_page(ctx: Context) -> list[Measurement]:
    if _missing():
        return _skipped()
    srv = _server(ctx)
    data = demo_data(ctx)
    local = _spec(ctx, "page-local", {"db": str(data / "shopdesk.sqlite3"),
                                      "backups": str(data / "backups"), "window_size": list(WINDOW)})
    on_server = _spec(ctx, "page-server", {"server": srv.address(srv.demo()), "db": "-", "backups": "-",
                                           "window_size": list(WINDOW)})
    runs = {"server": lambda: _page_result(_probe(ctx, "page", on_server)),
            "local": lambda: _page_result(_probe(ctx, "page", local))}
    alternate(runs, 1)  # discarded: caches warm, .pyc written
    r = alternate(runs, ctx.rounds(7))
    rows = {x["rows"] for x in r["server"]} | {x["rows"] for x in r["local"]}
    if len(rows) != 1 or rows.pop() < ctx.customers * 0.9:
        raise BenchError(f"the pages showed different or too few rows: {rows}")
    ours, base = [x["page_s"] for x in r["server"]], [x["page_s"] for x in r["local"]]
    ids_s = median([x["first_paint"]["ids_query_s"] for x in r["server"]])
    ids_l = median([x["first_paint"]["ids_query_s"] for x in r["local"]])
    rows_s = median([x["first_paint"]["rows_query_s"] for x in r["server"]])
    rows_l = median([x["first_paint"]["rows_query_s"] for x in r["local"]])
    return [Measurement(median(ours), median(base), note=(
        f"PostgreSQL {srv.version} on this machine (Unix socket); median of {len(ours)} fresh "
        f"processes each, server {spread(ours)}, SQLite {spread(base)}; in that the ids query "
        f"{ids_s * 1000:.0f} ms on the server, {ids_l * 1000:.0f} ms in SQLite; the rows queries "
        f"{rows_s * 1000:.0f} ms and {rows_l * 1000:.0f} ms"))]


# --- search ----------------------------------------------------------------------------------

@bench("team_search",
       "customer search per keystroke at 100,000 customers (bench_search.py's 40 queries), p95, "
       "the shop on a PostgreSQL server; baseline: the same searches in SQLite", target="1.5x")
def team_search(ctx: Context) -> list[Measurement]:
    if _missing():
        return _skipped()
    from bench_search import _queries, p95

    from desk.core import db, server
    from desk.core.base import database
    from desk.core.customers.listing import CUSTOMERS
    from desk.core.customers.search import search_filter

    srv = _server(ctx)
    local = db.connect(demo_data(ctx) / "shopdesk.sqlite3")
    queries = _queries(local.connection())
    remote = server.connect(server.ServerAddress(**srv.address(srv.demo())))
    engines = {"server": remote, "local": local}
    try:
        def run(engine: str, q: str) -> tuple[float, int]:
            database.initialize(engines[engine])
            t0 = time.perf_counter()
            found = CUSTOMERS.ids([search_filter(q)], sort="last_order_at", descending=True)
            return time.perf_counter() - t0, len(found)

        counts = {}
        for q in queries:  # warm-up round, and the same matches on both
            counts[q] = {engine: run(engine, q)[1] for engine in engines}
        differ = {q: c for q, c in counts.items() if c["server"] != c["local"]}
        times: dict[str, dict[str, list[float]]] = {e: {q: [] for q in queries} for e in engines}
        rounds = ctx.rounds(5)
        for _ in range(rounds):
            for q in queries:
                for engine in engines:
                    times[engine][q].append(run(engine, q)[0])
    finally:
        remote.close()
        local.close()
        database.initialize(None)
    per_q = {e: {q: median(v) for q, v in t.items()} for e, t in times.items()}
    slowest = max(per_q["server"], key=per_q["server"].get)
    if differ:
        raise BenchError(f"the server found other numbers of buyers: {differ}")
    return [
        Measurement(p95(list(per_q["server"].values())), p95(list(per_q["local"].values())), note=(
            f"p95 over {len(queries)} queries, each the median of {rounds} rounds (server and "
            f"SQLite alternating, every query finding as many buyers on both); the slowest on the "
            f"server {slowest!r} ({counts[slowest]['server']:,} matches) "
            f"{per_q['server'][slowest] * 1000:.1f} ms, in SQLite {per_q['local'][slowest] * 1000:.1f} ms")),
        Measurement(median(list(per_q["server"].values())), median(list(per_q["local"].values())),
                    label="median query", note="the same runs: median over the queries"),
    ]


# --- the order import ------------------------------------------------------------------------

@bench("team_import",
       "import a 100,000-row Taobao order export (.csv) into an empty shop on a PostgreSQL "
       "server; baseline: the same import into an empty SQLite shop", target="2.0x")
def team_import(ctx: Context) -> list[Measurement]:
    if _missing():
        return _skipped()
    import shutil

    from bench_import import ROWS, make_csv

    srv = _server(ctx)
    work = ctx.cache / "import-bench"
    work.mkdir(parents=True, exist_ok=True)
    path = work / f"taobao-{ROWS}.csv"
    if not path.exists():
        make_csv(path)
    empty = empty_data(ctx)

    def on_server() -> dict:
        name = srv.fresh()
        try:
            spec = _spec(ctx, "import-server", {"server": srv.address(name)})
            return json.loads(_probe(ctx, "import", spec, path).stdout)
        finally:
            srv.drop(name)

    def local() -> dict:
        data = ctx.cache / "team-bench" / "import-local"
        shutil.rmtree(data, ignore_errors=True)
        shutil.copytree(empty, data)
        try:
            spec = _spec(ctx, "import-local", {"db": str(data / "shopdesk.sqlite3")})
            return json.loads(_probe(ctx, "import", spec, path).stdout)
        finally:
            shutil.rmtree(data, ignore_errors=True)

    r = alternate({"server": on_server, "local": local}, ctx.rounds(3))
    for side, results in r.items():
        for x in results:
            if x["errors"] or x["orders"] != ROWS // 2:
                raise BenchError(f"the import on {side} gave {x}")
    ours, base = [x["seconds"] for x in r["server"]], [x["seconds"] for x in r["local"]]
    return [Measurement(median(ours), median(base), note=(
        f"median of {len(ours)} fresh processes each, server {spread(ours)}, SQLite {spread(base)}; "
        f"{ROWS // 2:,} orders, {ROWS:,} items and 30,000 new buyers in one transaction; neither "
        "side takes the checked backup the app takes first (a team shop's backup is separate work)"))]


# --- one seat's change on another ------------------------------------------------------------

def _bare_round_trip(srv: Server, name: str, rounds: int) -> list[float]:
    """A NOTIFY on one psycopg2 connection until a second one has it."""
    import select

    sender, listener = srv.connect(name), srv.connect(name)
    sender.autocommit = listener.autocommit = True
    out = []
    try:
        with listener.cursor() as cur:
            cur.execute("LISTEN bare_bench")
        with sender.cursor() as cur:
            for i in range(rounds):
                t0 = time.perf_counter()
                cur.execute("SELECT pg_notify('bare_bench', %s)", (str(i),))
                while not listener.notifies:
                    select.select([listener], [], [], 5)
                    listener.poll()
                out.append(time.perf_counter() - t0)
                listener.notifies.clear()
    finally:
        sender.close()
        listener.close()
    return out


@bench("team_seat_latency",
       "a change committed on one seat (another process) until it is on another seat's change "
       "bus, the shop on a PostgreSQL server; worst of 40; baseline: a bare psycopg2 NOTIFY "
       "round trip", target="1s")
def team_seat_latency(ctx: Context) -> list[Measurement]:
    if _missing():
        return _skipped()
    from desk.core import live, server

    srv = _server(ctx)
    heard: list[tuple[str, frozenset, float]] = []
    cond = threading.Condition()

    def announce(entity, ids) -> None:
        with cond:
            heard.append((entity, frozenset(ids), time.monotonic()))
            cond.notify_all()

    name = srv.fresh()  # the demo shop stays as it is for the other benchmarks
    listener = live.Listener(server.ServerAddress(**srv.address(name)), seat="bench",
                             announce=announce).start()
    try:
        if not listener.listening.wait(60):
            raise BenchError(f"the listener did not connect: {listener.problem}")
        spec = _spec(ctx, "seat", {"server": srv.address(name)})
        run = _probe(ctx, "seat", spec, SEAT_CHANGES)
        written = [(int(a), float(b)) for a, b in (line.split() for line in run.stdout.splitlines())]
        with cond:
            # two creations, then the updates
            if not cond.wait_for(lambda: len(heard) >= SEAT_CHANGES + 2, 60):
                raise BenchError(f"heard {len(heard)} of {SEAT_CHANGES + 2} changes")
        got = heard[2:]
        if [(e, ids) for e, ids, _ in got] != [("customer", frozenset({cid})) for cid, _ in written]:
            raise BenchError("the changes arrived other than as written")
        delays = [at - sent for (_, _, at), (_, sent) in zip(got, written, strict=True)]
        bare = _bare_round_trip(srv, name, SEAT_CHANGES)
    finally:
        listener.stop()
        srv.drop(name)
    return [
        Measurement(max(delays), max(bare), note=(
            f"{len(delays)} changes (a buyer's region) written back to back by another process; "
            f"from the start of each write (its commit included) to its arrival on this seat's bus: "
            f"an upper bound of the delay after the commit: median {median(delays) * 1000:.1f} ms, "
            f"worst {max(delays) * 1000:.1f} ms; the bare NOTIFY round trip median "
            f"{median(bare) * 1000:.2f} ms, worst {max(bare) * 1000:.2f} ms")),
        Measurement(median(delays), median(bare), label="median", note="the same changes"),
    ]

