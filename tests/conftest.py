"""Shared fixtures: a fresh data folder, and the database opened in it."""

from __future__ import annotations

import pytest

from desk.core import db as core_db
from desk.core.paths import DataDir


@pytest.fixture
def data_dir(tmp_path) -> DataDir:
    return DataDir(tmp_path / "data").ensure()


@pytest.fixture
def db(data_dir):
    """The migrated database, bound to every model; closed afterwards."""
    database = core_db.open_database(data_dir.db_path, data_dir.backups)
    yield database
    core_db.close()
