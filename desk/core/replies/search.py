"""Finding a phrase as the palette does, one keystroke at a time.

All live phrases are held in memory (5,000 phrases are a few hundred KB),
kept current from the change announcements: the phrases announced are read
again; a change to groups, or a commit by another connection (a worker, the
CLI importing while the app runs), reloads them all. A keystroke costs a
scan in Python, not a query. Ranking: exact code, then code prefix,
then the text containing the query or its pinyin initials containing it;
ties by use count, then the most recently used, then the library's order.
Codes, text and query are compared NFKC-normalised and lower-cased, so a
full-width `ｈｐ` or `HP` finds the code `hp`.
"""

from __future__ import annotations

import threading
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from itertools import accumulate

from desk.core import changes, dialect
from desk.core.base import database
from desk.core.replies import service
from desk.core.replies.service import PhraseInfo, fold

_SEP, _END = "\x00", "\x01"


@dataclass(frozen=True)
class _Entry:
    info: PhraseInfo
    code: str  # folded
    body: str  # folded
    abbr: str  # pinyin initials of the body
    rank: tuple  # tie order: most used, most recently used, library order


class _Index:
    def __init__(self, key: object, entries: list[_Entry]) -> None:
        self.key = key
        self.by_id = {e.info.id: e for e in entries}
        self._build()

    def _build(self) -> None:
        self.entries = sorted(self.by_id.values(), key=lambda e: e.rank)
        self.by_code: dict[str, list[_Entry]] = {}
        for e in self.entries:
            if e.code:
                self.by_code.setdefault(e.code, []).append(e)
        self.codes = sorted(self.by_code)
        # Every entry's text and initials in one string, in tie order, so a
        # keystroke is a few str.find calls in C rather than a loop in Python.
        # The separators never occur in a query; initials are letters and
        # digits, so only such a query can match them.
        pieces = [f"{e.body}{_SEP}{e.abbr}{_END}" for e in self.entries]
        self.starts = list(accumulate((len(p) for p in pieces), initial=0))
        self.text = "".join(pieces)

    def patch(self, ids: set[int]) -> None:
        """Read these phrases again (gone from the result: deleted or trashed)."""
        for i in ids:
            self.by_id.pop(i, None)
        self.by_id.update((e.info.id, e) for e in _load(ids))
        self._build()


_lock = threading.Lock()
_index: _Index | None = None
_generation = 0  # moves when the whole index must be read again
_dirty: set[int] = set()  # phrases announced as changed since the index was read


def _on_change(change: changes.Change) -> None:
    global _generation
    if change.entity == service.ENTITY and change.ids:
        with _lock:
            _dirty.update(change.ids)
    elif change.entity in (service.ENTITY, service.GROUP_ENTITY):
        _generation += 1


changes.subscribe(_on_change)


def invalidate() -> None:
    """Drop the index (for writes made without an announcement)."""
    global _generation
    _generation += 1


def _load(ids: set[int] | None = None) -> list[_Entry]:
    """Index entries of every live phrase, or of these ones."""
    import json

    where, params = "", ()
    if ids is not None:
        where, params = " AND r.id IN (SELECT value FROM json_each(?))", (json.dumps(sorted(ids)),)
    rows = database.execute_sql(
        "SELECT r.id, r.group_id, g.name, r.code, r.body, r.image_sha256, r.image_ext,"
        " r.position, r.use_count, r.last_used_at, r.body_abbr, g.position FROM reply r"
        " JOIN reply_group g ON g.id = r.group_id WHERE r.deleted_at IS NULL" + where,
        params).fetchall()
    from desk.core.aftersales.photos import photos_dir

    photos = photos_dir()
    return [_Entry(service.phrase_info(r, photos), fold(r[3]), fold(r[4]), r[10],
                   (-r[8], -(r[9] or 0), r[11], r[1], r[7], r[0])) for r in rows]


# On a server, other seats' commits: every insert or update gives a row a new
# xmin, a delete lowers the count (the tables are a few thousand rows at most).
_SERVER_VERSION = (
    "SELECT (SELECT count(*) || ':' || coalesce(sum(xmin::text::bigint), 0) FROM reply)"
    " || '/' || (SELECT count(*) || ':' || coalesce(sum(xmin::text::bigint), 0) FROM reply_group)")


def _current() -> _Index:
    global _index
    # data_version moves when another connection (a worker thread, the CLI
    # importing phrases while the app runs) commits; our own writes are announced.
    version = database.execute_sql(_SERVER_VERSION if dialect.on_server()
                                   else "PRAGMA data_version").fetchone()[0]
    key = (database.obj, getattr(database.obj, "database", None), _generation, version)
    with _lock:
        if _index is None or _index.key != key:
            _dirty.clear()
            _index = _Index(key, _load())
        elif _dirty:
            _index.patch(set(_dirty))
            _dirty.clear()
        return _index


def _code_prefixed(index: _Index, q: str) -> list[_Entry]:
    """Entries whose code starts with q (and is not q), in tie order."""
    found: list[_Entry] = []
    at = bisect_left(index.codes, q)
    while at < len(index.codes) and index.codes[at].startswith(q):
        if index.codes[at] != q:
            found += index.by_code[index.codes[at]]
        at += 1
    return sorted(found, key=lambda e: e.rank)


def find(query: str, limit: int = 50) -> list[PhraseInfo]:
    """The phrases for what is typed, best first; an empty query gives the
    most used and most recently used phrases."""
    index = _current()
    limit = max(0, int(limit))
    q = fold(str(query or "")).replace(_SEP, "").replace(_END, "").strip()
    if not q:
        return [e.info for e in index.entries[:limit]]
    out: list[_Entry] = list(index.by_code.get(q, ()))
    if len(out) < limit:
        out += _code_prefixed(index, q)
    taken = {e.info.id for e in out}
    at = 0
    while len(out) < limit:
        hit = index.text.find(q, at)
        if hit < 0:
            break
        i = bisect_right(index.starts, hit) - 1
        if index.entries[i].info.id not in taken:
            out.append(index.entries[i])
        at = index.starts[i + 1]  # on to the next phrase
    return [e.info for e in out[:limit]]
