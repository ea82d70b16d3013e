"""Every file of the bad-input corpus through every entry point that accepts
it: photo attach, restore, order import, reply import. A hostile file is
refused with a user error (a message, no traceback), writes nothing and
reads in bounded memory; a tricky one may be read, but no formula is run and
no bidi override is stored."""

from __future__ import annotations

import importlib
import tracemalloc
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from desk.core import db as core_db
from desk.core import restore
from desk.core.aftersales import photos
from desk.core.aftersales import service as cases
from desk.core.customers import service as customers
from desk.core.errors import UserError
from desk.core.paths import DataDir
from tests.corpus.make_corpus import BIDI_CONTROLS, CORPUS, FORMULAS, build
from tests.crash.shop import counts

MEMORY_LIMIT = 80 * 1024 * 1024  # Python allocations while one file is read


@dataclass(frozen=True)
class Shop:
    data: DataDir
    case: int


def _module(name: str):
    """An entry point's module, imported when the test runs: a missing one
    fails the test loudly (it is not skipped)."""
    try:
        return importlib.import_module(name)
    except ImportError as e:
        pytest.fail(f"entry point module {name} is missing: {e}")


def attach_photo(path: Path, shop: Shop):
    report = photos.add_photos(shop.case, [path])
    if report.refused:
        raise report.refused[0].error
    return report


def restore_backup(path: Path, shop: Shop):
    core_db.close()  # as the app does before a restore
    try:
        return restore.restore(shop.data, path)
    finally:
        core_db.open_database(shop.data.db_path, shop.data.backups)


def import_orders(path: Path, shop: Shop):
    return _module("desk.core.excel.orders_import").import_orders(path)


def import_replies(path: Path, shop: Shop):
    transfer = _module("desk.core.replies.transfer")
    return transfer.apply(transfer.read_file(path))


# entry point -> (function, the file names it accepts)
ENTRY_POINTS: dict[str, tuple[Callable, Callable[[str], bool]]] = {
    "photo attach": (attach_photo, lambda name: True),  # a person can drop any file on the case
    "restore": (restore_backup, lambda name: True),
    "order import": (import_orders, lambda name: name.endswith((".xlsx", ".csv"))),
    "reply import": (import_replies, lambda name: name.endswith((".xlsx", ".csv", ".txt"))),
}
PAIRS = [(item.name, entry) for item in CORPUS for entry, (_, accepts) in ENTRY_POINTS.items()
         if accepts(item.name)]
HOSTILE = {item.name for item in CORPUS if item.hostile}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> dict[str, Path]:
    return build(tmp_path_factory.mktemp("corpus"))


@pytest.fixture
def shop(db, data_dir) -> Shop:
    cid = customers.create("taobao", "已有买家", phone="13800138000")
    return Shop(data_dir, cases.open_case(cid, "refund_only", "damaged"))


def _files(data: DataDir) -> dict[str, int]:
    return {str(p.relative_to(data.root)): p.stat().st_size for p in data.root.rglob("*")
            if p.is_file() and "logs" not in p.parts and not p.name.startswith("shopdesk.sqlite3")
            and p.name not in ("shopdesk.lock",)}


def _texts(db_path: Path) -> list[str]:
    import sqlite3

    conn = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    try:
        out = []
        for sql in ("SELECT nickname, real_name FROM customer", "SELECT body FROM reply",
                    "SELECT receiver, detail FROM address"):
            for row in conn.execute(sql):
                out += [v for v in row if isinstance(v, str)]
        return out
    finally:
        conn.close()


@pytest.mark.parametrize(("name", "entry"), PAIRS, ids=[f"{e}:{n}" for n, e in PAIRS])
def test_bad_input(corpus, shop, name, entry):
    run, _ = ENTRY_POINTS[entry]
    path = corpus[name]
    rows_before, files_before = counts(shop.data.db_path), _files(shop.data)
    tracemalloc.start()
    try:
        result = run(path, shop)
        error = None
    except UserError as e:
        result, error = None, e
    finally:
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
    assert peak < MEMORY_LIMIT, f"{peak / 1048576:.0f} MiB to read {name}"
    if error is not None:
        message = str(error)
        assert message and "Traceback" not in message and len(message) < 600, message
        assert counts(shop.data.db_path) == rows_before, "a refused file wrote something"
        assert _files(shop.data) == files_before, "a refused file left files behind"
        return
    assert name not in HOSTILE, f"{entry} accepted {name}: {result!r}"
    texts = _texts(shop.data.db_path)
    assert not [t for t in texts if BIDI_CONTROLS & set(t)], "a bidi override was stored"
    if "formulas" in name:  # kept as the text it is (perhaps quoted), never replaced by its value
        for formula in FORMULAS:
            assert any(formula in t for t in texts), (formula, texts)


def test_every_entry_point_is_tried():
    assert {entry for _, entry in PAIRS} == set(ENTRY_POINTS)
    assert len(CORPUS) >= 19 and len(PAIRS) >= 60
