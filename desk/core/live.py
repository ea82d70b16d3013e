"""Seats see each other: what one seat commits reaches the others' change bus.

In team mode every write that goes through `changes.write` also sends
`NOTIFY` on the shop's channel, inside its own transaction: the server
delivers it when (and only if) the write commits, to every connection that
listens on that channel in the same database, which is the shop. The
payload is compact text, the seat that wrote it and what it touched:

    "<seat> customer:12,13 case:7 note:"

`entity:` with no ids means "too many to list" (the change bus's empty set).
A payload that would pass the server's limit (8000 bytes) loses its ids,
largest list first, and at worst becomes "<seat> *": everything changed.

Each seat runs one `Listener`: its own connection (autocommit, `LISTEN`),
in its own thread, never the UI's. What OTHER seats changed is announced on
`desk/core/changes.py`'s bus, so the open pages reload as they do for the
seat's own writes (desk/ui/bus.py queues the signal to the main thread). A
seat's own notifications are recognised by the seat id and skipped: it has
already announced them itself. When the server goes away the listener
tries again every few seconds; once back it announces everything, since
what was missed meanwhile cannot be known.

psycopg2 is imported only here and in desk/core/server.py, and only in
team mode.
"""

from __future__ import annotations

import logging
import threading
import uuid
from collections.abc import Iterable

from desk.core import changes
from desk.core.server import ServerAddress

log = logging.getLogger(__name__)

CHANNEL = "shopdesk_changes"  # LISTEN/NOTIFY channels are per database: one shop
MAX_PAYLOAD = 7900  # bytes; the server refuses 8000 and more
EVERYTHING = "*"
# what the open pages show: announced, without ids, for "everything changed"
ENTITIES = ("customer", "note", "followup", "order", "case", "evidence", "tag", "reason",
            "deadline_rule", "reply", "reply_group", "saved_view", "setting")
RETRY_S = (0.5, 1, 2, 4)  # waits between reconnects; the last one repeats
POLL_S = 0.25  # how often the listener looks at its stop flag

SEAT = uuid.uuid4().hex[:12]  # this process, as its notifications name it


# -- the payload ------------------------------------------------------------------------------

def encode(seat: str, touched: dict[str, Iterable[int]], limit: int = MAX_PAYLOAD) -> str:
    """The NOTIFY payload for what a write touched (see the module's doc)."""
    lists = {entity: sorted(set(ids)) for entity, ids in sorted(touched.items())}

    def text() -> str:
        parts = [f"{entity}:{','.join(map(str, ids))}" for entity, ids in lists.items()]
        return " ".join([seat, *parts])

    while len(text().encode("utf-8")) > limit:
        longest = max(lists, key=lambda e: len(lists[e]), default=None)
        if longest is None or not lists[longest]:
            return f"{seat} {EVERYTHING}"
        lists[longest] = []
    return text()


def decode(payload: str) -> tuple[str, list[changes.Change]]:
    """The seat and the changes a payload names (every entity for `*`);
    a payload that cannot be read counts as everything."""
    seat, _, rest = payload.strip().partition(" ")
    found: list[changes.Change] = []
    for part in rest.split():
        if part == EVERYTHING:
            return seat, everything()
        entity, sep, ids = part.partition(":")
        try:
            numbers = frozenset(int(i) for i in ids.split(",") if i)
        except ValueError:
            return seat, everything()
        if not entity or not sep:
            return seat, everything()
        found.append(changes.Change(entity, numbers))
    return seat, found


def everything() -> list[changes.Change]:
    return [changes.Change(entity) for entity in ENTITIES]


# -- sending ----------------------------------------------------------------------------------

def notify(db, touched: dict[str, set[int]]) -> None:
    """`changes.before_commit` hook: NOTIFY in the write's own transaction,
    only when the write is on a server."""
    from desk.core.server import ServerDatabase

    target = getattr(db, "obj", db)  # the models' DatabaseProxy, or a database
    if not isinstance(target, ServerDatabase):
        return
    target.execute_sql("SELECT pg_notify(?, ?)", (CHANNEL, encode(SEAT, touched)))


_unhook = None


def publish() -> None:
    """Send this process's writes to the other seats (idempotent)."""
    global _unhook
    if _unhook is None:
        _unhook = changes.before_commit(notify)


def stop_publishing() -> None:
    global _unhook
    if _unhook is not None:
        _unhook()
        _unhook = None


# -- listening --------------------------------------------------------------------------------

class Listener:
    """A thread with its own connection that LISTENs on the shop's channel
    and announces what other seats changed. `state` is "connecting",
    "listening" or "reconnecting" (the server does not answer)."""

    def __init__(self, address: ServerAddress, password: str | None = None, *,
                 seat: str = SEAT, announce=changes.announce) -> None:
        self.address = address
        self._password = password
        self.seat = seat
        self._announce = announce
        self._stop = threading.Event()
        self.listening = threading.Event()  # set while connected and listening
        self.state = "connecting"
        self.problem = ""
        self.heard = 0  # notifications from other seats, for status and tests
        self._thread = threading.Thread(target=self._run, name="shopdesk-listener", daemon=True)

    def start(self) -> Listener:
        self._thread.start()
        return self

    def stop(self, timeout: float = 10) -> None:
        self._stop.set()
        self._thread.join(timeout)

    @property
    def alive(self) -> bool:
        return self._thread.is_alive()

    def _connect(self):
        import psycopg2

        from desk.core import server

        params = server.connect_params(self.address, self._password)
        params["application_name"] = "ShopDesk listener"
        conn = psycopg2.connect(**params)
        conn.autocommit = True
        with conn.cursor() as cur:
            cur.execute(f"LISTEN {CHANNEL}")
        return conn

    def _run(self) -> None:
        import psycopg2

        attempt = 0
        lost = False
        while not self._stop.is_set():
            try:
                conn = self._connect()
            except psycopg2.Error as e:
                self._waiting(e, attempt)
                attempt += 1
                lost = True
                continue
            attempt = 0
            self.state, self.problem = "listening", ""
            self.listening.set()
            log.info("listening for the other seats' changes on %s", self.address)
            if lost:  # what they changed while we could not hear is unknown
                self._deliver(everything())
            try:
                self._listen(conn)
            except psycopg2.Error as e:
                lost = True
                self.listening.clear()
                log.warning("the listener lost the server: %s", str(e).strip().splitlines()[:1])
                self._waiting(e, attempt)
            finally:
                try:
                    conn.close()
                except Exception:  # a broken socket: nothing more to close
                    pass
        self.listening.clear()
        self.state = "stopped"

    def _waiting(self, error: BaseException, attempt: int) -> None:
        self.state = "reconnecting"
        self.problem = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
        self._stop.wait(RETRY_S[min(attempt, len(RETRY_S) - 1)])

    def _listen(self, conn) -> None:
        import select

        while not self._stop.is_set():
            ready, _, _ = select.select([conn], [], [], POLL_S)
            if not ready:
                continue
            conn.poll()  # raises OperationalError when the server is gone
            notes, conn.notifies[:] = list(conn.notifies), []
            for note in notes:
                seat, found = decode(note.payload)
                if seat == self.seat:
                    continue
                self.heard += 1
                self._deliver(found)

    def _deliver(self, found: list[changes.Change]) -> None:
        for change in found:
            self._announce(change.entity, change.ids)


_listener: Listener | None = None


def start(address: ServerAddress, password: str | None = None) -> Listener:
    """Team mode on: publish this seat's writes and listen to the others'."""
    global _listener
    publish()
    if _listener is None or not _listener.alive:
        _listener = Listener(address, password).start()
    return _listener


def current() -> Listener | None:
    return _listener


def stop() -> None:
    """Team mode off (the app closes): stop listening and publishing."""
    global _listener
    stop_publishing()
    if _listener is not None:
        _listener.stop()
        _listener = None
