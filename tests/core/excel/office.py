"""LibreOffice as the tests use it: a headless conversion with a profile of
its own (so parallel runs do not share one), judged by the file it writes.

LibreOffice prints warnings that say nothing about the file (for example
"warning: failed to launch javaldx - java may not function correctly" where
Java is missing), so its stderr is only shown when no file came out.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

OFFICE = shutil.which("soffice") or shutil.which("libreoffice")
needs_office = pytest.mark.skipif(OFFICE is None, reason="LibreOffice is not installed here")
TIMEOUT = 600  # a first start on a busy two-core machine takes a while


def convert(path: Path, to: str, outdir: Path, profile: Path) -> Path:
    """`path` converted by LibreOffice into `outdir` as `to` ("xlsx", "csv", "ods");
    the converted file, or a failure naming what LibreOffice said."""
    outdir.mkdir(parents=True, exist_ok=True)
    target = outdir / f"{path.stem}.{to.split(':')[0]}"
    target.unlink(missing_ok=True)
    proc = subprocess.run(
        [OFFICE, f"-env:UserInstallation={profile.resolve().as_uri()}", "--headless", "--norestore",
         "--convert-to", to, "--outdir", str(outdir), str(path)],
        capture_output=True, text=True, timeout=TIMEOUT)
    if not target.is_file() or target.stat().st_size == 0:
        pytest.fail(f"LibreOffice wrote no {target.name} (exit {proc.returncode}):\n"
                    f"{proc.stdout}\n{proc.stderr}")
    return target
