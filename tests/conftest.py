"""Shared fixtures: a fresh data folder, and the database opened in it."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from desk.core import db as core_db
from desk.core.paths import DataDir


@pytest.fixture(scope="session")
def migrated_template(tmp_path_factory) -> Path:
    """A database migrated once for the whole run. Each test's database starts as
    a copy of it, which is what migrating a new file gives, without running
    every migration again for each of a thousand tests."""
    folder = DataDir(tmp_path_factory.mktemp("template") / "data").ensure()
    core_db.open_database(folder.db_path, folder.backups)
    core_db.close()  # checkpointed: the file alone is the whole database
    leftovers = [p.name for p in folder.root.iterdir() if p.name.startswith(folder.db_path.name + "-")]
    assert not leftovers, f"the template database left {leftovers} beside it"
    return folder.db_path


def new_shop_database(data_dir: DataDir, template: Path):
    """The migrated database of an empty shop in `data_dir`, opened."""
    shutil.copyfile(template, data_dir.db_path)
    database = core_db.open_database(data_dir.db_path, data_dir.backups)
    assert core_db.schema_version(database.connection()) == core_db.latest_version()
    return database


@pytest.fixture
def data_dir(tmp_path) -> DataDir:
    return DataDir(tmp_path / "data").ensure()


@pytest.fixture
def db(data_dir, migrated_template):
    """The migrated database, bound to every model; closed afterwards."""
    database = new_shop_database(data_dir, migrated_template)
    yield database
    core_db.close()
