"""Seats see each other: a committed write on one seat reaches the other
seats' change bus through NOTIFY (desk/core/live.py), on a real server."""

from __future__ import annotations

import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path

import pytest

from desk.core import changes, live, server
from desk.core import db as core_db
from desk.core.base import database
from desk.core.customers import service as customers
from desk.core.errors import UserError
from tests.pgserver import SUPERUSER

ROOT = Path(__file__).resolve().parents[3]


@pytest.fixture(autouse=True)
def unbound():
    yield
    live.stop_publishing()
    core_db.close()
    database.initialize(None)


def _address(cluster, name: str) -> server.ServerAddress:
    return server.ServerAddress(str(cluster.socket_dir), cluster.params()["port"], name, SUPERUSER)


class Heard:
    """What a listener announced, with when (monotonic clock, shared by the
    processes of one machine)."""

    def __init__(self) -> None:
        self.items: list[tuple[str, frozenset[int], float]] = []
        self.cond = threading.Condition()

    def __call__(self, entity: str, ids) -> None:
        with self.cond:
            self.items.append((entity, frozenset(ids), time.monotonic()))
            self.cond.notify_all()

    def wait_for(self, test, timeout: float = 60) -> list:
        with self.cond:
            assert self.cond.wait_for(lambda: test(self.items), timeout), self.items
            return list(self.items)


@pytest.fixture
def listening(pg_server, pg_database):
    heard = Heard()
    listener = live.Listener(_address(pg_server, pg_database), seat="listener-seat",
                             announce=heard).start()
    try:
        assert listener.listening.wait(60), listener.problem
        yield listener, heard
    finally:
        listener.stop()
    assert not listener.alive


# -- the payload ------------------------------------------------------------------------------

def test_a_payload_names_the_seat_and_what_was_touched():
    text = live.encode("s1", {"customer": {13, 12}, "note": set()})
    assert text == "s1 customer:12,13 note:"
    seat, found = live.decode(text)
    assert seat == "s1"
    assert found == [changes.Change("customer", frozenset({12, 13})), changes.Change("note")]


def test_a_payload_too_long_drops_the_longest_id_list_first_then_says_everything():
    many = set(range(100_000, 102_000))
    text = live.encode("s1", {"customer": many, "case": {5}})
    assert len(text.encode()) <= live.MAX_PAYLOAD
    assert live.decode(text)[1] == [changes.Change("case", frozenset({5})), changes.Change("customer")]
    tiny = live.encode("s1", {"customer": {1}, "case": {2}}, limit=12)
    assert tiny == "s1 *"
    assert {c.entity for c in live.decode(tiny)[1]} == set(live.ENTITIES)
    assert all(not c.ids for c in live.decode("s1 customer:x")[1])  # unreadable: everything


# -- on the server ----------------------------------------------------------------------------

SEAT_B = textwrap.dedent("""
    import sys, time
    from desk.core import live, server
    from desk.core.customers import service
    host, port, name, user = sys.argv[1:5]
    server.connect(server.ServerAddress(host, int(port), name, user))
    live.publish()
    for i in range(5):
        cid = service.create("taobao", f"seat-b-{i}")
        print(cid, time.monotonic(), flush=True)
""")


def test_a_write_in_another_process_reaches_this_ones_bus_within_a_second(pg_server, pg_database,
                                                                          listening):
    listener, heard = listening
    a = _address(pg_server, pg_database)
    done = subprocess.run([sys.executable, "-c", SEAT_B, a.host, str(a.port), a.dbname, a.user],
                          capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert done.returncode == 0, done.stderr
    written = [(int(cid), float(at)) for cid, at in (line.split() for line in done.stdout.split("\n") if line)]
    assert len(written) == 5
    items = heard.wait_for(lambda got: len(got) >= 5)
    assert [(e, ids) for e, ids, _ in items] == [("customer", frozenset({cid})) for cid, _ in written]
    delays = [got - at for (_, _, got), (_, at) in zip(items, written, strict=True)]
    assert max(delays) <= 1.0, delays
    assert listener.heard == 5


def test_only_committed_writes_are_sent_and_a_seat_skips_its_own(pg_server, pg_database, listening):
    listener, heard = listening
    server.connect(_address(pg_server, pg_database))
    live.publish()
    own = live.Listener(_address(pg_server, pg_database), announce=heard).start()  # this seat's id
    try:
        assert own.listening.wait(60)
        with pytest.raises(UserError):
            with changes.write(database) as pending:
                pending.add("customer", [999])
                customers.create("taobao", "")  # no nickname: refused, the write rolls back
        kept = customers.create("taobao", "小雨")
        items = heard.wait_for(lambda got: len(got) >= 1)
    finally:
        own.stop()
    # the rolled-back write sent nothing (NOTIFYs arrive in commit order);
    # this seat's own listener skipped the write it made itself
    assert [(e, ids) for e, ids, _ in items] == [("customer", frozenset({kept}))]
    assert own.heard == 0


def test_the_listener_comes_back_with_the_server_and_reloads_everything(pg_server, pg_database,
                                                                       listening):
    listener, heard = listening
    try:
        pg_server.stop("fast")
        deadline = time.monotonic() + 60
        while listener.state != "reconnecting" and time.monotonic() < deadline:
            listener._stop.wait(0.05)
        assert listener.state == "reconnecting" and not listener.listening.is_set()
        assert listener.problem
    finally:
        pg_server.start()
    assert listener.listening.wait(60)
    items = heard.wait_for(lambda got: len(got) >= len(live.ENTITIES))
    assert {(e, ids) for e, ids, _ in items} == {(e, frozenset()) for e in live.ENTITIES}
    server.connect(_address(pg_server, pg_database))
    live.publish()
    live.SEAT, seat = "writer-seat", live.SEAT
    try:
        cid = customers.create("taobao", "回来了")
    finally:
        live.SEAT = seat
    heard.wait_for(lambda got: ("customer", frozenset({cid})) in [(e, i) for e, i, _ in got])
