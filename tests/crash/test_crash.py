"""Kill a writing process at random moments: nothing reported committed is lost,
the database always passes `shopdesk check`, a killed writer's lock never
blocks the next one, and two writers never run at once on one data folder.
(A small number of cycles here; `python tests/crash/harness.py` runs 100.)"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time

from desk.core.lock import WriterLock
from tests.crash import harness


def test_ten_kills_lose_no_committed_transaction(tmp_path):
    figures = harness.run(tmp_path / "shop", cycles=10, seed=7, max_wait=0.4)
    assert figures.cycles == 10
    assert figures.committed > 50, "the writer got some work done between kills"
    assert figures.lost == []
    assert figures.failed_checks == []
    assert figures.locked_out == 0, "a lock left by a killed writer blocked the next start"


def test_the_check_finds_a_transaction_that_is_not_there(tmp_path):
    figures = harness.run(tmp_path / "shop", cycles=1, seed=3, max_wait=0.2)
    db = tmp_path / "shop" / "shopdesk.sqlite3"
    assert figures.lost == []
    made_up = ["customer 999999 t1", "note 999999 t2", "status 1 t-never", "edit 1 t999999999",
               "followup 999999 t3", "case 999999 t4", "bulk 999999 t5-0"]
    assert sorted(harness.missing(db, made_up)) == sorted(made_up)


def _writer(root, first=0):
    proc = subprocess.Popen([sys.executable, str(harness.WRITER), str(root), str(first), "1"],
                            cwd=harness.ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    return proc, proc.stdout.readline().strip()


def _stop(proc):
    if proc.poll() is None:
        os.kill(proc.pid, signal.SIGKILL)
    proc.wait(30)
    proc.stdout.close()
    proc.stderr.close()


def test_two_processes_never_write_at_once(tmp_path):
    root = tmp_path / "shop"
    first, said = _writer(root)
    try:
        assert said == "ready"
        second, said_second = _writer(root, first=harness.SEQ_PER_CYCLE)
        try:
            assert said_second == "locked"
            assert second.wait(30) == 3, "the second writer gives up without writing"
        finally:
            _stop(second)
        assert WriterLock(root / "shopdesk.lock").acquire() is False
        # the CLI's writing commands are refused too, with a plain message
        from tests.cli.test_cli import assert_user_error, shopdesk

        assert "Another ShopDesk" in assert_user_error(shopdesk("--data-dir", root, "demo", "--customers", "1"))
        assert "ShopDesk is open" in assert_user_error(
            shopdesk("--data-dir", root, "restore", root / "shopdesk.sqlite3"))
    finally:
        _stop(first)
    # killed: the lock is gone with the process, though its file stays
    assert (root / "shopdesk.lock").exists()
    lock = WriterLock(root / "shopdesk.lock")
    assert lock.acquire() is True
    lock.release()


def test_a_stale_lock_file_with_a_dead_pid_does_not_block(tmp_path):
    root = tmp_path / "shop"
    root.mkdir()
    # the pid of a process that has ended, written by hand as a crash would leave it
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    (root / "shopdesk.lock").write_text(str(dead.pid))
    proc, said = _writer(root)
    try:
        assert said == "ready"
        time.sleep(random.uniform(0.05, 0.2))
    finally:
        _stop(proc)
