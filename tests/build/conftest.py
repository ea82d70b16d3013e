"""The build recipes live in build_spec/, which is no package: import its modules by path."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
BUILD_SPEC = ROOT / "build_spec"
if str(BUILD_SPEC) not in sys.path:
    sys.path.insert(0, str(BUILD_SPEC))
