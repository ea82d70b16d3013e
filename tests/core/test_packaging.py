"""The package list in pyproject.toml names every package under desk/."""

from __future__ import annotations

import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_every_package_is_listed():
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]
    listed = set(config["packages"])
    on_disk = {
        ".".join(init.parent.relative_to(ROOT).parts)
        for init in (ROOT / "desk").rglob("__init__.py")
    }
    assert on_disk <= listed, f"add to pyproject.toml: {sorted(on_disk - listed)}"
    mapped = set(config["package-dir"])
    assert listed - on_disk == mapped - {"desk"}, "only the mapped folders live outside desk/"
    for package, folder in config["package-dir"].items():
        assert (ROOT / folder / "__init__.py").exists(), f"{package} -> {folder}/ has no __init__.py"
