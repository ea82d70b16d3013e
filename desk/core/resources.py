"""Finds bundled files the same way in a checkout, a wheel and a frozen bundle."""

from __future__ import annotations

from importlib import resources
from importlib.abc import Traversable


def resource(*parts: str) -> Traversable:
    """A file or folder under resources/ (icons, translations, starter data)."""
    node = resources.files("desk.resources")
    for part in parts:
        node = node / part
    return node


def db_file(*parts: str) -> Traversable:
    """A file or folder under db/ (migrations, seed data)."""
    node = resources.files("desk.db")
    for part in parts:
        node = node / part
    return node
