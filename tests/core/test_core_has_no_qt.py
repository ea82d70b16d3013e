"""Core and the CLI never import Qt, and the CLI starts without the heavy libraries."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

IMPORT_ALL = """
import importlib, json, pkgutil, sys
import desk.cli, desk.core, desk.db.migrations
names = ["desk.cli", "desk.db", "desk.db.migrations"]
for pkg in (desk.core, desk.cli, desk.db.migrations):
    names += [m.name for m in pkgutil.walk_packages(pkg.__path__, pkg.__name__ + ".")]
for name in names:
    importlib.import_module(name)
print(json.dumps({"imported": names, "modules": sorted(sys.modules)}))
"""

START_UP = """
import json, sys
import desk.cli, desk.core.db
desk.cli.build_parser()
print(json.dumps({"modules": sorted(sys.modules)}))
"""


def _run(code: str) -> dict:
    proc = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True,
                          timeout=60)
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout)


def _top(modules) -> set[str]:
    return {m.split(".")[0] for m in modules}


def test_core_cli_and_migrations_do_not_import_qt():
    out = _run(IMPORT_ALL)
    imported = set(out["imported"])
    # the walk really found the tree, not just the packages' __init__
    assert {"desk.core.db", "desk.core.demo", "desk.core.settings", "desk.core.customers.models",
            "desk.core.aftersales.photos", "desk.db.migrations.0002_seed", "desk.cli.common",
            "desk.cli.transfer"} <= imported
    qt = sorted(m for m in out["modules"] if m.startswith(("PySide6", "shiboken6")))
    assert qt == [], f"Qt imported by core: {qt[:5]}"


def test_cli_start_up_stays_lean():
    loaded = _top(_run(START_UP)["modules"])
    assert "desk" in loaded
    heavy = loaded & {"openpyxl", "pypinyin", "PIL", "PySide6", "shiboken6"}
    assert heavy == set()
