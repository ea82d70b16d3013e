"""The data folder's writer lock: one writer, released on exit or on a crash."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from desk.core.errors import UserError
from desk.core.lock import WriterLock

ROOT = Path(__file__).resolve().parents[2]

HOLDER = textwrap.dedent("""
    import sys, time
    from pathlib import Path
    from desk.core.lock import WriterLock
    lock = WriterLock(Path(sys.argv[1]))
    print("held" if lock.acquire() else "busy", flush=True)
    time.sleep(120)
""")


def test_second_holder_is_refused_until_release(tmp_path):
    path = tmp_path / "shopdesk.lock"
    first, second = WriterLock(path), WriterLock(path)
    assert first.acquire() is True
    try:
        assert second.acquire() is False
        assert path.read_text() == str(os.getpid())
    finally:
        first.release()
    assert second.acquire() is True
    second.release()
    second.release()  # a second release is harmless


def test_context_manager_explains_a_busy_folder(tmp_path):
    path = tmp_path / "shopdesk.lock"
    with WriterLock(path):
        with pytest.raises(UserError, match="Another ShopDesk"):
            with WriterLock(path):
                pass
    with WriterLock(path) as lock:  # released on exit
        assert lock._fd is not None


def test_lock_of_a_killed_process_does_not_block(tmp_path):
    path = tmp_path / "shopdesk.lock"
    proc = subprocess.Popen([sys.executable, "-c", HOLDER, str(path)], cwd=ROOT,
                            stdout=subprocess.PIPE, text=True)
    try:
        assert proc.stdout.readline().strip() == "held"
        assert path.read_text() == str(proc.pid)
        assert WriterLock(path).acquire() is False
        proc.kill()  # SIGKILL: no chance to clean up
        proc.wait(10)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait(10)
        proc.stdout.close()
    assert path.exists(), "the stale lock file is still there"
    lock = WriterLock(path)
    assert lock.acquire() is True
    assert path.read_text() == str(os.getpid())
    lock.release()
