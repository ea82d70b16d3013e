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
    mapped = {}
    for package, folder in config["package-dir"].items():
        assert (ROOT / folder / "__init__.py").exists(), f"{package} -> {folder}/ has no __init__.py"
        if package != "desk":
            mapped[package] = ROOT / folder
    # a mapped folder's sub-folders ship as packages of their own, or setuptools
    # warns that it would leave them out
    outside = {
        ".".join((package, *sub.relative_to(folder).parts))
        for package, folder in mapped.items()
        for sub in [folder, *folder.rglob("*")]
        if sub.is_dir() and sub.name != "__pycache__"
    }
    assert outside <= listed, f"add to pyproject.toml: {sorted(outside - listed)}"
    assert listed - on_disk == outside, "only the mapped folders live outside desk/"
