"""The order import on a shop on a PostgreSQL server: tests/core/excel/test_import.py's
tests, run once more on the server (the `db` fixture's postgresql engine).

Left out: two tests that read SQLite's own catalogue (typeof(), sqlite_master,
the dropped and rebuilt indexes of a large import, which the server does not
need). The checked backup before an import copies the SQLite file; a team
shop's backups are separate work, so it is set aside here."""

from __future__ import annotations

import functools

import pytest

from tests.core.excel import test_import as local

SQLITE_ONLY = {"test_long_order_numbers_stay_exact_text",
               "test_a_large_import_leaves_the_indexes_and_statistics_as_they_were"}


@pytest.fixture(autouse=True)
def no_backup(monkeypatch):
    from desk.core import checkpoint

    monkeypatch.setattr(checkpoint, "before", lambda reason, data=None: None)


def _on_server(test):
    @functools.wraps(test)
    def run(*args, **kwargs):
        return test(*args, **kwargs)

    return pytest.mark.parametrize("engine", ["postgresql"], indirect=True)(run)


for _name, _test in vars(local).items():
    if _name.startswith("test_") and callable(_test) and _name not in SQLITE_ONLY:
        globals()[_name] = _on_server(_test)
