"""The .deb recipe (build_spec/deb.py, build_spec/debian/): control file, desktop entry, layout."""

from __future__ import annotations

import configparser
import re
from pathlib import Path

import deb
import pytest

from desk import __version__

ROOT = Path(__file__).resolve().parents[2]
BUILD_SPEC = ROOT / "build_spec"

SETUP = ROOT / ".ci" / "setup"


def _setup_qt_packages() -> set[str]:
    """The Debian packages .ci/setup installs for Qt's xcb platform."""
    text = SETUP.read_text(encoding="utf-8")
    block = re.search(r'pkgs\+=\((libegl1.*?)\)', text, re.S).group(1)
    return set(block.split())


def test_depends_names_every_qt_library_package_the_source_app_installs():
    control = deb.control_text(1234, arch="amd64")
    needed = _setup_qt_packages()
    assert "libxcb-cursor0" in needed and len(needed) >= 10
    assert needed <= deb.depends(control)
    assert {"libxcb1", "libc6"} <= deb.depends(control)  # PyInstaller never bundles these


def test_control_fields_are_filled_in():
    control = deb.control_text(4321, arch="arm64")
    assert "@" not in re.sub(r"<[^>]*>", "", control)  # no placeholder left (the e-mail aside)
    fields = dict(re.findall(r"^([A-Za-z-]+): (.*)$", control, re.M))
    assert fields["Package"] == "shopdesk"
    assert fields["Version"] == __version__
    assert fields["Architecture"] == "arm64"
    assert fields["Installed-Size"] == "4321"
    assert re.fullmatch(r"libc6 \(>= \d+\.\d+\)", fields["Depends"].split(", ")[0])
    assert "fonts-noto-cjk" in fields["Recommends"]
    assert control.endswith("\n")


def test_depends_parser_drops_versions_and_alternatives():
    control = "Package: x\nDepends: libc6 (>= 2.36), libgl1 | libgl1-mesa-glx,\n libfoo:any\nRecommends: y\n"
    assert deb.depends(control) == {"libc6", "libgl1", "libgl1-mesa-glx", "libfoo"}


def test_desktop_entry_starts_the_launcher_with_the_icon():
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str
    entry.read(BUILD_SPEC / "debian" / "shopdesk.desktop", encoding="utf-8")
    e = entry["Desktop Entry"]
    assert e["Type"] == "Application"
    assert e["Exec"] == "shopdesk" and e["Icon"] == "shopdesk"
    assert e["Terminal"] == "false"
    assert e["Name[zh_CN]"] == "店铺客服台"
    assert e["Categories"].endswith(";")


def test_staged_tree_has_the_app_the_launcher_the_entry_and_the_icons(qapp, tmp_path):
    dist = tmp_path / "dist"
    (dist / "_internal").mkdir(parents=True)
    (dist / "shopdesk").write_bytes(b"\x7fELF")
    (dist / "shopdesk").chmod(0o700)
    (dist / "_internal" / "data.txt").write_text("x")
    (dist / "_internal" / "data.txt").chmod(0o600)
    stage = tmp_path / "work" / "root"
    deb.stage_tree(dist, stage)
    assert (stage / "opt/shopdesk/shopdesk").stat().st_mode & 0o777 == 0o755
    assert (stage / "opt/shopdesk/_internal/data.txt").stat().st_mode & 0o777 == 0o644
    launcher = stage / "usr/bin/shopdesk"
    assert launcher.is_symlink() and str(launcher.readlink()) == "/opt/shopdesk/shopdesk"
    assert (stage / "usr/share/applications/shopdesk.desktop").is_file()
    assert (stage / "usr/share/icons/hicolor/scalable/apps/shopdesk.svg").is_file()
    png = stage / "usr/share/icons/hicolor/256x256/apps/shopdesk.png"
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    from PySide6.QtGui import QImage

    assert QImage(str(png)).size().width() == 256


def test_build_refuses_a_missing_frozen_app(tmp_path):
    with pytest.raises(SystemExit, match="no frozen app"):
        deb.build(tmp_path / "nothing", tmp_path / "out", tmp_path / "work")
