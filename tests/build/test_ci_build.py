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


def test_workflow_builds_on_all_three_systems_and_uploads():
    text = WORKFLOW.read_text(encoding="utf-8")
    for runner in ("windows-latest", "macos-latest", "ubuntu-latest"):
        assert f"runs-on: {runner}" in text
    assert "iscc" in text.lower() and "hdiutil create" in text and "bash .ci/build" in text
    assert text.count("actions/upload-artifact@") == 3
    assert "\t" not in text  # YAML forbids tabs for indentation
