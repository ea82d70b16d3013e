"""Files that are not what they seem, run as a user runs them (a separate
process): a pipe or a device where a file was expected, --out written
exactly as named, a restored archive's photos checked like attached ones,
and the litter of killed full backups removed (only a dead process's)."""

from __future__ import annotations

import hashlib
import json
import os
import resource
import signal
import sqlite3
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from desk.core import backup, files, restore
from desk.core.paths import DataDir
from tests.cli.test_cli import ROOT, assert_user_error, copy_shop, demo_shop, shopdesk
from tests.crash.shop import image_bytes

pytestmark = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this system")


@pytest.fixture(scope="module")
def demo(tmp_path_factory) -> Path:
    return demo_shop(tmp_path_factory, "filefaults", 30)


@pytest.fixture
def shop(demo, tmp_path) -> Path:
    return copy_shop(demo, tmp_path / "shop")


@pytest.fixture
def fifo(tmp_path) -> Path:
    path = tmp_path / "pipe"
    os.mkfifo(path)
    return path


def _state(root: Path) -> tuple[bytes, list[str]]:
    """The database's bytes and the photo files: what must not change."""
    return ((root / "shopdesk.sqlite3").read_bytes(),
            sorted(str(p.relative_to(root)) for p in (root / "photos").rglob("*") if p.is_file()))


# -- a pipe or a device where a file was expected ------------------------------------------


@pytest.mark.parametrize("command", [
    ("import", "orders", "{src}"),
    ("import", "orders", "--dry-run", "{src}"),
    ("import", "customers", "{src}"),
    ("replies", "import", "{src}"),
    ("restore", "{src}"),
])
@pytest.mark.parametrize("kind", ["fifo", "device"])
def test_a_pipe_or_device_as_input_is_refused_at_once(shop, tmp_path, command, kind):
    if kind == "fifo":
        src = tmp_path / "orders.csv"
        os.mkfifo(src)  # nobody ever writes into it: opening it plainly blocks for ever
    else:
        src = Path("/dev/zero")  # never ends
    before = _state(shop)
    proc = shopdesk("--data-dir", shop, *(a.format(src=src) for a in command))
    line = assert_user_error(proc)
    assert f"{src.name} is not an ordinary file" in line
    assert _state(shop) == before
    # the writer lock went with the process: a restore is not blocked
    assert "ShopDesk is open" not in assert_user_error(shopdesk("--data-dir", shop, "restore", tmp_path / "none"))


def test_a_pipe_as_a_replies_workbook_is_refused(shop, tmp_path):
    src = tmp_path / "phrases.xlsx"
    os.mkfifo(src)
    assert "is not an ordinary file" in assert_user_error(shopdesk("--data-dir", shop, "replies", "import", src))


@pytest.mark.parametrize("command", [
    ("backup", "--out", "{out}"),
    ("backup", "--full", "--out", "{out}"),
    ("export", "all", "--out", "{out}"),
    ("aftersales", "evidence", "SH-000001", "--out", "{out}"),
    ("replies", "export", "--out", "{out}.txt"),
])
def test_a_pipe_as_output_is_refused(shop, tmp_path, command):
    out = tmp_path / "out"
    os.mkfifo(out)
    os.mkfifo(tmp_path / "out.txt")
    proc = shopdesk("--data-dir", shop, *(a.format(out=out) for a in command))
    assert "is not an ordinary file" in assert_user_error(proc)
    assert not out.is_file() and out.exists(), "the pipe is left as it was"


def test_attaching_a_pipe_as_a_photo_is_refused(db, tmp_path, fifo):
    from desk.core.aftersales import photos, service
    from desk.core.customers import service as customers

    case = service.open_case(customers.create("taobao", "买家"), "refund_only", "damaged")
    good = tmp_path / "good.png"
    good.write_bytes(image_bytes())

    def hang(*_):
        raise TimeoutError("attaching the pipe blocked")

    old = signal.signal(signal.SIGALRM, hang)
    signal.alarm(20)
    try:
        report = photos.add_photos(case, [fifo, Path("/dev/zero"), good])
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, old)
    assert [r.status for r in report.results] == ["refused", "refused", "added"]
    assert "pipe is not an ordinary file" in str(report.results[0].error)
    assert "zero is not an ordinary file" in str(report.results[1].error)


# -- --out is written exactly as named ------------------------------------------------------


@pytest.mark.parametrize("full, name", [(False, "shop-copy"), (True, "shop-move"), (True, "move.bak")])
def test_backup_out_writes_exactly_the_file_named(shop, tmp_path, full, name):
    out = tmp_path / name
    proc = shopdesk("--data-dir", shop, "backup", *(["--full"] if full else []), "--out", out)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == str(out)
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([name, "shop"])
    if full:
        assert zipfile.ZipFile(out).testzip() is None
    else:
        assert sqlite3.connect(out).execute("SELECT count(*) FROM customer").fetchone()[0] == 30


# -- a restored archive's photos pass the checks of an attached photo --------------------------


@pytest.fixture(scope="module")
def archive(demo, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("archive") / "shop.zip"
    proc = shopdesk("--data-dir", demo, "backup", "--full", "--out", out)
    assert proc.returncode == 0, proc.stderr
    return out


def _with_extra(archive: Path, out: Path, extra: dict[str, tuple[str, int, object]]) -> Path:
    """A copy of `archive` with more members: name -> (sha256, size, writer(file))."""
    with zipfile.ZipFile(archive) as src, zipfile.ZipFile(out, "w", allowZip64=True) as dst:
        manifest = json.loads(src.read(backup.MANIFEST))
        for info in src.infolist():
            if info.filename != backup.MANIFEST:
                dst.writestr(info, src.read(info))
        for name, (sha, size, write) in extra.items():
            info = zipfile.ZipInfo(name)
            info.compress_type = zipfile.ZIP_DEFLATED
            info._compresslevel = 1
            with dst.open(info, "w", force_zip64=size >= 1 << 30) as f:
                write(f)
            manifest["files"][name] = {"sha256": sha, "size": size}
        dst.writestr(backup.MANIFEST, json.dumps(manifest))
    return out


def _member(content: bytes, ext: str) -> tuple[str, tuple[str, int, object]]:
    sha = hashlib.sha256(content).hexdigest()
    return f"photos/{sha[:2]}/{sha}.{ext}", (sha, len(content), lambda f: f.write(content))


@pytest.mark.parametrize("content, ext, message", [
    (b"#!/bin/sh\nrm -rf ~\n", "jpg", "is not a picture"),
    (image_bytes(fmt="PNG"), "jpg", "is a png image under another extension"),
    (image_bytes(fmt="PNG")[:60], "png", "is damaged or incomplete"),
], ids=["shell-script", "png-named-jpg", "truncated"])
def test_a_restored_photo_that_is_not_a_photo_is_refused(shop, archive, tmp_path, content, ext, message):
    name, member = _member(content, ext)
    bad = _with_extra(archive, tmp_path / "bad.zip", {name: member})
    other = tmp_path / "other"
    for target in (shop, other):  # over a shop, and onto a new computer
        before = _state(target) if target.exists() else None
        line = assert_user_error(shopdesk("--data-dir", target, "restore", bad))
        assert "holds a file that is not a photo ShopDesk can keep" in line and message in line
        assert "Nothing was changed" in line
        if before:
            assert _state(target) == before
        else:
            assert not (target / "shopdesk.sqlite3").exists()
        assert not [p for p in target.rglob(".*") if p.is_file()], "no staged file is left"


def test_a_huge_sparse_photo_in_an_archive_is_refused_unread(shop, archive, tmp_path):
    """1 GiB of zeros listed as a photo: refused from the manifest, in a
    process that could not even hold it (RLIMIT_AS), the shop untouched."""
    size = 1 << 30
    digest, chunk = hashlib.sha256(), bytes(1 << 20)
    for _ in range(size >> 20):
        digest.update(chunk)
    sha = digest.hexdigest()

    def write(f):
        for _ in range(size >> 20):
            f.write(chunk)

    bad = _with_extra(archive, tmp_path / "huge.zip", {f"photos/{sha[:2]}/{sha}.jpg": (sha, size, write)})
    before = _state(shop)

    def limit():
        resource.setrlimit(resource.RLIMIT_AS, (900 << 20, 900 << 20))

    env = {k: v for k, v in os.environ.items() if k != "SHOPDESK_DATA_DIR"}
    proc = subprocess.run([sys.executable, "-m", "desk", "--data-dir", str(shop), "restore", str(bad)],
                          cwd=ROOT, env=env, capture_output=True, text=True, timeout=120, preexec_fn=limit)
    line = assert_user_error(proc)
    assert "is too large for a photo (1024 MB; at most 50 MB)" in line
    assert _state(shop) == before


def _peak_rss_kib(*args) -> int:
    """Run `shopdesk ARGS` in a child that reports its own peak resident size
    (VmHWM: ru_maxrss would count the forking parent's too)."""
    code = ("import re, sys; from desk.cli import main; rc = main(sys.argv[1:]); "
            "status = open('/proc/self/status').read(); "
            "print(re.search(r'VmHWM:\\s*(\\d+)', status).group(1), file=sys.stderr); sys.exit(rc)")
    env = {k: v for k, v in os.environ.items() if k != "SHOPDESK_DATA_DIR"}
    proc = subprocess.run([sys.executable, "-c", code, *map(str, args)], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    return int(proc.stderr.splitlines()[-1])


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="needs Linux's /proc")
def test_a_full_backup_reads_photos_in_chunks(shop, tmp_path):
    """A 40 MB photo (the store allows 50) does not raise the peak memory of
    `backup --full` by its size: it is streamed, never read whole."""
    plain = _peak_rss_kib("--data-dir", shop, "backup", "--full", "--out", tmp_path / "a.zip")
    content = os.urandom(40 << 20)
    sha = hashlib.sha256(content).hexdigest()
    (shop / "photos" / sha[:2]).mkdir(exist_ok=True)
    (shop / "photos" / sha[:2] / f"{sha}.jpg").write_bytes(content)
    del content
    big = _peak_rss_kib("--data-dir", shop, "backup", "--full", "--out", tmp_path / "b.zip")
    with zipfile.ZipFile(tmp_path / "b.zip") as zf:
        assert zf.getinfo(f"photos/{sha[:2]}/{sha}.jpg").file_size == 40 << 20
    assert big - plain < 20 * 1024, f"peak memory grew by {(big - plain) // 1024} MiB for a 40 MiB photo"


# -- what killed full backups left ------------------------------------------------------------


def _dead_pid() -> int:
    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    proc.wait()
    return proc.pid


def _litter(folder: Path, out: Path, pid: int) -> list[Path]:
    made = [folder / "backups" / f".archive-{pid}.sqlite3",
            folder / "backups" / f".archive-{pid}.sqlite3.{pid}.part",
            folder / "backups" / f"shopdesk-20261201-101010-manual.sqlite3.{pid}.part",
            folder / f".restoring-{pid}.sqlite3",
            out.with_name(f"{out.name}.{pid}.part")]
    for path in made:
        path.write_bytes(b"half written " * 1000)
    return made


def test_the_next_full_backup_removes_what_a_dead_one_left(shop, tmp_path):
    out = tmp_path / "move.zip"
    dead = _litter(shop, out, _dead_pid())
    live = _litter(shop, out, os.getpid())  # this test process runs: its files stay
    proc = shopdesk("--data-dir", shop, "backup", "--full", "--out", out)
    assert proc.returncode == 0, proc.stderr
    assert not any(p.exists() for p in dead if p.parent == out.parent or p.parent.name == "backups")
    assert all(p.exists() for p in live)
    assert out.is_file()


def test_the_app_start_removes_what_dead_processes_left(shop, tmp_path):
    dead = _litter(shop, tmp_path / "x.zip", _dead_pid())[:-1]  # the data folder's
    photo_litter = shop / "photos" / "ab" / f".incoming-{dead and _dead_pid()}-x1y2"
    photo_litter.parent.mkdir(exist_ok=True)
    photo_litter.write_bytes(b"half a photo")
    live = _litter(shop, tmp_path / "x.zip", os.getpid())[:-1]
    data = DataDir(shop)
    check = restore.startup_check(data)  # what the app runs first, under the writer lock
    assert check.status == "ok"
    assert not any(p.exists() for p in dead) and not photo_litter.exists()
    assert all(p.exists() for p in live)
    assert files.remove_litter(shop) == []
