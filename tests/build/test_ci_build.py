"""The Linux build script (.ci/build) and the installers workflow are well-formed."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

BUILD = ROOT / ".ci" / "build"
WORKFLOW = ROOT / ".github" / "workflows" / "installers.yml"


def test_build_script_is_valid_bash():
    bash = shutil.which("bash")
    if bash is None:
        pytest.skip("no bash here")
    subprocess.run([bash, "-n", str(BUILD)], check=True)


def test_build_script_checks_what_the_issue_asks():
    text = BUILD.read_text(encoding="utf-8")
    for needle in ("--version", "demo --customers 200", "export all", "--smoke", "dpkg -i",
                   "dpkg -r shopdesk", "build_spec/shopdesk.spec", "build_spec/deb.py"):
        assert needle in text


def test_build_script_runs_the_frozen_app_in_team_mode():
    """Team mode on a throwaway PostgreSQL cluster, skipped without PostgreSQL
    only outside CI, and a local shop's window without the driver."""
    text = BUILD.read_text(encoding="utf-8")
    for needle in ("tests/pgserver.py", "team init", "team status --json", "backup --out",
                   "team export-local", "team_app --smoke", "may not create tables",
                   '"${CI:-}" != true', "psycopg2/_psycopg", "libpq"):
        assert needle in text


def test_the_cluster_helper_starts_and_stops_from_the_command_line(tmp_path):
    import os
    import sys

    from tests import pgserver

    if pgserver.missing_reason():
        if os.environ.get("CI") == "true":
            pytest.fail(pgserver.missing_reason())
        pytest.skip(pgserver.missing_reason())
    helper = [sys.executable, str(ROOT / "tests" / "pgserver.py")]
    assert subprocess.run([*helper, "missing"], capture_output=True, text=True,
                          check=True).stdout == "\n"
    started = subprocess.run([*helper, "start", "shop"], capture_output=True, text=True,
                             check=True, timeout=300).stdout.splitlines()
    folder, url = Path(started[0]), started[1]
    try:
        assert url.startswith("postgresql://") and "/shop?host=" in url
        subprocess.run([*helper, "sql", str(folder), "CREATE TABLE t (x int)"], check=True,
                       timeout=60)
    finally:
        subprocess.run([*helper, "stop", str(folder)], check=True, timeout=300)
    assert not folder.exists()


def test_workflow_builds_on_all_three_systems_and_uploads():
    text = WORKFLOW.read_text(encoding="utf-8")
    for runner in ("windows-latest", "macos-latest", "ubuntu-latest"):
        assert f"runs-on: {runner}" in text
    assert "iscc" in text.lower() and "hdiutil create" in text and "bash .ci/build" in text
    assert text.count("actions/upload-artifact@") == 3
    assert "\t" not in text  # YAML forbids tabs for indentation
