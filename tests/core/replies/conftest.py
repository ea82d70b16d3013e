"""Fixtures for the quick-reply tests: the migrated database with its seeded
groups, and every change announced while a test runs."""

from __future__ import annotations

import pytest

from desk.core import changes
from desk.core.replies import service


@pytest.fixture
def announced(db):
    seen: list[changes.Change] = []
    unsubscribe = changes.subscribe(seen.append)
    yield seen
    unsubscribe()


@pytest.fixture
def gid(db) -> int:
    """A fresh, empty group."""
    return service.add_group("测试")


def texts(gid: int) -> list[str]:
    return [p.body for p in service.list_phrases(gid)]


@pytest.fixture
def shop(db):
    """Customers, orders and cases to fill placeholders from."""
    from tests.core.customers.conftest import Shop

    return Shop()
