"""Ordinary files only (never a FIFO or a device), and the litter of killed
processes: only ShopDesk's own names, only of processes that have ended."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from desk.core import files
from desk.core.errors import UserError

pytestmark = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this system")


def test_a_fifo_is_refused_without_blocking(tmp_path):
    fifo = tmp_path / "orders.csv"
    os.mkfifo(fifo)
    # nobody writes to it: opening it the usual way would block for ever
    with pytest.raises(UserError, match="orders.csv is not an ordinary file"):
        files.open_regular(fifo)
    with pytest.raises(UserError, match="not an ordinary file"):
        files.check_regular(fifo)


def test_a_device_is_refused():
    with pytest.raises(UserError, match="zero is not an ordinary file"):
        files.open_regular("/dev/zero")


def test_ordinary_files_and_folders(tmp_path):
    f = tmp_path / "a.csv"
    f.write_bytes(b"x,y\n")
    with files.open_regular(f) as handle:
        assert handle.read() == b"x,y\n"  # blocking reads again, as usual
    link = tmp_path / "link.csv"
    link.symlink_to(f)
    assert files.check_regular(link).st_size == 4
    with pytest.raises(IsADirectoryError):
        files.check_regular(tmp_path)
    with pytest.raises(FileNotFoundError):
        files.open_regular(tmp_path / "missing.csv")


def test_an_output_over_a_fifo_or_device_is_refused(tmp_path):
    fifo = tmp_path / "out.zip"
    os.mkfifo(fifo)
    with pytest.raises(UserError, match="not an ordinary file"):
        files.check_output(fifo)
    with pytest.raises(UserError, match="not an ordinary file"):
        files.check_output("/dev/null")
    files.check_output(tmp_path / "new.zip")  # not there yet: fine
    (tmp_path / "old.zip").write_bytes(b"")
    files.check_output(tmp_path / "old.zip")  # replaced: fine


def _dead_pid() -> int:
    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    proc.wait()
    return proc.pid


LITTER = (".archive-{pid}.sqlite3", ".archive-{pid}.sqlite3.{pid}.part",
          ".archive-{pid}.sqlite3.{pid}.part-journal", ".restoring-{pid}.sqlite3",
          ".restoring-{pid}.sqlite3-wal", "shopdesk-20261201-101010-manual.sqlite3.{pid}.part",
          "pre-migration-v3-20261201-101010.sqlite3.{pid}.part", ".incoming-restore-{pid}",
          ".incoming-{pid}-k2j3h4")


def test_only_litter_of_ended_processes_is_removed(tmp_path):
    dead, live = _dead_pid(), os.getppid()  # our parent runs for sure
    for pid in (dead, live, os.getpid()):
        for name in LITTER:
            (tmp_path / name.format(pid=pid)).write_bytes(b"half")
    # not ours, or not litter: never touched
    others = ["shopdesk.sqlite3", "shopdesk-20261201-101010-manual.sqlite3", f"movie.{dead}.part",
              f"notes-{dead}.sqlite3", ".archive-x.sqlite3", "shopdesk.sqlite3-wal", f"{dead}.part"]
    for name in others:
        (tmp_path / name).write_bytes(b"keep")
    removed = files.remove_litter(tmp_path)
    assert sorted(p.name for p in removed) == sorted(n.format(pid=dead) for n in LITTER)
    left = sorted(p.name for p in tmp_path.iterdir())
    assert left == sorted(others + [n.format(pid=p) for n in LITTER for p in (live, os.getpid())])


def test_beside_an_output_only_that_outputs_parts_go(tmp_path):
    dead, live = _dead_pid(), os.getppid()
    names = [f"shop.zip.{dead}.part", f"shop.zip.{live}.part", f"other.zip.{dead}.part", "shop.zip.part",
             f"shop.zip.{dead}.part-journal"]
    for name in names:
        (tmp_path / name).write_bytes(b"x")
    removed = files.remove_litter(tmp_path, output=tmp_path / "shop.zip")
    assert sorted(p.name for p in removed) == [f"shop.zip.{dead}.part", f"shop.zip.{dead}.part-journal"]


def test_part_path_names_this_process(tmp_path):
    assert files.part_path(tmp_path / "a.zip") == tmp_path / f"a.zip.{os.getpid()}.part"


@pytest.mark.parametrize("write", ["export", "phrases", "backup", "review"])
def test_core_writers_never_replace_a_pipe_or_device(db, tmp_path, write):
    from desk.core import backup
    from desk.core.excel import exports
    from desk.core.replies import transfer
    from desk.core.review import figures
    from desk.core.review.workbook import write_review

    fifo = tmp_path / "out.xlsx"
    os.mkfifo(fifo)
    for target in (fifo, "/dev/null"):
        with pytest.raises(UserError, match="not an ordinary file"):
            if write == "export":
                exports.export("replies", target)
            elif write == "phrases":
                transfer.export_sogou(target)
            elif write == "backup":
                backup.write_checked_copy(Path(target))
            else:
                period = figures.preset("this_month", date(2026, 11, 20))
                write_review(figures.review(period), target, code_names={"reason": {}})
    assert fifo.exists() and not fifo.is_file()


def test_unused_name_counts_up_past_the_names_taken(tmp_path):
    from desk.core.files import unused_name

    assert unused_name(tmp_path, "shopdesk-x", ".sqlite3") == tmp_path / "shopdesk-x.sqlite3"
    (tmp_path / "shopdesk-x.sqlite3").write_bytes(b"")
    (tmp_path / "shopdesk-x-2.sqlite3").write_bytes(b"")
    assert unused_name(tmp_path, "shopdesk-x", ".sqlite3") == tmp_path / "shopdesk-x-3.sqlite3"
