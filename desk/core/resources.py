"""Finds bundled files the same way in a checkout, a wheel and a frozen bundle."""

from __future__ import annotations

import sys
from importlib import import_module
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from importlib.abc import Traversable


def _package_dir(package: str) -> Traversable:
    """The package's folder when it is one on disk (a checkout, an installed
    wheel, a PyInstaller folder with its data files), else whatever
    importlib.resources gives (a zip import). importlib.resources costs a few
    milliseconds to import, so the start path does without it."""
    module = sys.modules.get(package) or import_module(package)
    origin = getattr(module, "__file__", None)
    if origin:
        here = Path(origin).parent
        if here.is_dir():
            return here
    from importlib import resources

    return resources.files(package)


def resource(*parts: str) -> Traversable:
    """A file or folder under resources/ (icons, translations, starter data)."""
    node = _package_dir("desk.resources")
    for part in parts:
        node = node / part
    return node


def db_file(*parts: str) -> Traversable:
    """A file or folder under db/ (migrations, seed data)."""
    node = _package_dir("desk.db")
    for part in parts:
        node = node / part
    return node
