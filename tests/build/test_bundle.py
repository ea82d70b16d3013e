"""What the frozen app carries (build_spec/bundle.py): plugins, translations, data files, pruning."""

from __future__ import annotations

import ast
import os
from pathlib import Path

import bundle
import pytest

from desk.core import db

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("dest, kept", [
    ("PySide6/Qt/plugins/platforms/libqxcb.so", True),
    ("PySide6/Qt/plugins/platforms/libqoffscreen.so", True),
    ("PySide6/Qt/plugins/platforms/libqwayland.so", False),
    ("PySide6/Qt/plugins/platforms/libqeglfs.so", False),
    ("PySide6\\plugins\\platforms\\qwindows.dll", True),
    ("PySide6/Qt/plugins/platforms/libqcocoa.dylib", True),
    ("PySide6/Qt/plugins/imageformats/libqjpeg.so", True),
    ("PySide6/Qt/plugins/imageformats/libqwebp.so", True),
    ("PySide6/Qt/plugins/imageformats/libqsvg.so", True),
    ("PySide6/Qt/plugins/imageformats/libqpdf.so", False),
    ("PySide6/Qt/plugins/imageformats/libqtiff.so", False),
    ("PySide6/Qt/plugins/iconengines/libqsvgicon.so", True),
    ("PySide6/Qt/plugins/platforminputcontexts/libibusplatforminputcontextplugin.so", True),
    ("PySide6/Qt/plugins/platforminputcontexts/libqtvirtualkeyboardplugin.so", False),
    ("PySide6/Qt/plugins/platformthemes/libqgtk3.so", False),
    ("PySide6\\plugins\\styles\\qmodernwindowsstyle.dll", True),
    ("PySide6/Qt/plugins/tls/libqopensslbackend.so", False),
    ("PySide6/Qt/plugins/sqldrivers/libqsqlite.so", False),
    ("PySide6/Qt/plugins/wayland-shell-integration/libxdg-shell.so", False),
])
def test_plugins_kept_are_the_ones_the_app_uses(dest, kept):
    assert bundle.keep_plugin(dest) is kept


def test_files_outside_the_plugins_are_not_judged_as_plugins():
    assert bundle.keep_plugin("PySide6/Qt/lib/libQt6Core.so.6") is None
    assert bundle.keep_plugin("desk/resources/icons/shopdesk.svg") is None


def test_only_qtbase_chinese_of_qts_translations_is_kept():
    assert bundle.keep_qt_translation("PySide6/Qt/translations/qtbase_zh_CN.qm") is True
    assert bundle.keep_qt_translation("PySide6\\translations\\qtbase_zh_CN.qm") is True
    assert bundle.keep_qt_translation("PySide6/Qt/translations/qtbase_de.qm") is False
    assert bundle.keep_qt_translation("PySide6/Qt/translations/assistant_zh_CN.qm") is False
    assert bundle.keep_qt_translation("desk/resources/translations/shopdesk_zh_CN.qm") is None


def test_data_files_lay_out_the_resource_and_db_packages():
    pairs = bundle.data_files(ROOT)
    dests = {os.path.join(dest, os.path.basename(src)).replace(os.sep, "/") for src, dest in pairs}
    assert "desk/resources/icons/shopdesk.svg" in dests
    assert "desk/resources/replies/starter.json" in dests
    assert "desk/db/seed/tags.json" in dests
    # every migration, .py ones too: desk.core.db numbers them by listing the folder
    for m in db.migrations():
        assert f"desk/db/migrations/{m.filename}" in dests
    assert not any(d.endswith((".ts", "README.md")) or "__pycache__" in d for d in dests)
    # the packages themselves: the frozen app imports desk.db and desk.resources from these files
    assert {"desk/resources/__init__.py", "desk/db/__init__.py", "desk/db/migrations/__init__.py",
            "desk/db/seed/__init__.py"} <= dests


def test_data_files_take_the_compiled_translations(tmp_path):
    (tmp_path / "resources" / "translations").mkdir(parents=True)
    (tmp_path / "db").mkdir()
    (tmp_path / "resources" / "translations" / "shopdesk_zh_CN.ts").write_text("<TS/>")
    (tmp_path / "resources" / "translations" / "shopdesk_zh_CN.qm").write_bytes(b"qm")
    pairs = bundle.data_files(tmp_path)
    assert [(os.path.basename(s), d.replace(os.sep, "/")) for s, d in pairs] == [
        ("shopdesk_zh_CN.qm", "desk/resources/translations")]


def test_the_build_stops_without_compiled_translations(tmp_path):
    folder = tmp_path / "resources" / "translations"
    folder.mkdir(parents=True)
    ts = folder / "shopdesk_zh_CN.ts"
    ts.write_text("<TS/>")
    with pytest.raises(SystemExit, match="desk.ui.i18n compile"):
        bundle.check_translations(tmp_path)
    qm = folder / "shopdesk_zh_CN.qm"
    qm.write_bytes(b"qm")
    os.utime(ts, (1_000_000, 1_000_000))
    assert bundle.check_translations(tmp_path) == [qm]
    os.utime(qm, (999_000, 999_000))  # older than its source: stale
    with pytest.raises(SystemExit):
        bundle.check_translations(tmp_path)


def test_windows_version_info_is_a_version_file_pyinstaller_can_evaluate():
    text = bundle.windows_version_info("1.2.3", "ShopDesk")
    call = ast.parse(text, mode="eval").body
    assert isinstance(call, ast.Call) and call.func.id == "VSVersionInfo"
    ffi = call.keywords[0].value
    filevers = next(k.value for k in ffi.keywords if k.arg == "filevers")
    assert ast.literal_eval(filevers) == (1, 2, 3, 0)
    assert "StringStruct('ProductVersion', '1.2.3')" in text
    assert "StringStruct('OriginalFilename', 'shopdesk.exe')" in text


def test_unused_modules_are_excluded_and_used_ones_are_not():
    excluded = set(bundle.EXCLUDES)
    assert {"tkinter", "unittest", "pytest", "PySide6.QtQml", "PySide6.QtPdf"} <= excluded
    used = {"PySide6.QtCore", "PySide6.QtGui", "PySide6.QtWidgets", "PySide6.QtNetwork",
            "openpyxl", "pypinyin", "PIL", "PIL.Image", "peewee", "platformdirs", "defusedxml",
            "lxml", "python_calamine", "psycopg2", "keyring", "secretstorage", "jeepney",
            "cryptography"}
    assert not used & excluded


def test_asyncio_and_multiprocessing_left_out_are_used_by_nothing_the_app_loads():
    """The app, the driver and the keyring with its Secret Service backend load
    without them (the frozen app leaves them out: bundle.EXCLUDES)."""
    import subprocess
    import sys

    code = """
import sys
import desk.cli, desk.ui.mainwindow, desk.core.team, desk.core.team_move, desk.core.live
from desk.core import server
server.load_driver()
import psycopg2.errors, psycopg2.extras
import keyring, keyring.backends.SecretService, keyring.backends.fail, secretstorage
keyring.get_keyring()
print(sorted({m.split('.')[0] for m in sys.modules} & {'asyncio', 'multiprocessing'}))
"""
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT,
                          timeout=120, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["[]"]
    assert {"asyncio", "multiprocessing"} <= set(bundle.EXCLUDES)


# --- pruning --------------------------------------------------------------------

def _toc(*entries):
    return [(dest, f"/src/{dest}", kind) for dest, kind in entries]


def test_prune_drops_left_out_plugins_and_the_libraries_only_they_needed():
    binaries = _toc(
        ("PySide6/QtWidgets.abi3.so", "EXTENSION"),
        ("PySide6/Qt/plugins/platforms/libqxcb.so", "BINARY"),
        ("PySide6/Qt/plugins/platforms/libqwayland.so", "BINARY"),
        ("PySide6/Qt/plugins/imageformats/libqpdf.so", "BINARY"),
        ("PySide6/Qt/lib/libQt6Widgets.so.6", "BINARY"),
        ("PySide6/Qt/lib/libQt6Gui.so.6", "BINARY"),
        ("PySide6/Qt/lib/libQt6XcbQpa.so.6", "BINARY"),
        ("PySide6/Qt/lib/libQt6WaylandClient.so.6", "BINARY"),
        ("PySide6/Qt/lib/libQt6Pdf.so.6", "BINARY"),
        ("libwayland-client.so.0", "BINARY"),
        ("libpython3.11.so.1.0", "BINARY"),
    )
    links = {
        "PySide6/QtWidgets.abi3.so": ["libQt6Widgets.so.6"],
        "PySide6/Qt/lib/libQt6Widgets.so.6": ["libQt6Gui.so.6"],
        "PySide6/Qt/plugins/platforms/libqxcb.so": ["libQt6XcbQpa.so.6"],
        "PySide6/Qt/plugins/platforms/libqwayland.so": ["libQt6WaylandClient.so.6"],
        "PySide6/Qt/lib/libQt6WaylandClient.so.6": ["libwayland-client.so.0"],
        "PySide6/Qt/plugins/imageformats/libqpdf.so": ["libQt6Pdf.so.6"],
    }

    def imports(src):
        return [(name, None) for name in links.get(src.removeprefix("/src/"), [])]

    datas = _toc(("PySide6/Qt/translations/qtbase_fr.qm", "DATA"),
                 ("PySide6/Qt/translations/qtbase_zh_CN.qm", "DATA"),
                 ("desk/resources/style.qss", "DATA"))
    kept_bins, kept_datas, dropped = bundle.prune(binaries, datas, imports)
    assert [e[0] for e in kept_bins] == [
        "PySide6/QtWidgets.abi3.so", "PySide6/Qt/plugins/platforms/libqxcb.so",
        "PySide6/Qt/lib/libQt6Widgets.so.6", "PySide6/Qt/lib/libQt6Gui.so.6",
        "PySide6/Qt/lib/libQt6XcbQpa.so.6", "libpython3.11.so.1.0"]
    assert [e[0] for e in kept_datas] == ["PySide6/Qt/translations/qtbase_zh_CN.qm",
                                          "desk/resources/style.qss"]
    assert "libwayland-client.so.0" in dropped and "PySide6/Qt/lib/libQt6Pdf.so.6" in dropped


def test_prune_drops_a_macos_framework_whole():
    binaries = _toc(("PySide6/QtGui.abi3.so", "EXTENSION"),
                    ("PySide6/Qt/lib/QtGui.framework/Versions/A/QtGui", "BINARY"),
                    ("PySide6/Qt/lib/QtPdf.framework/Versions/A/QtPdf", "BINARY"))
    datas = _toc(("PySide6/Qt/lib/QtPdf.framework/Resources/Info.plist", "DATA"),
                 ("PySide6/Qt/lib/QtGui.framework/Resources/Info.plist", "DATA"))

    def imports(src):
        if src.endswith("QtGui.abi3.so"):
            return [("@rpath/QtGui.framework/Versions/A/QtGui", None)]
        return []

    kept_bins, kept_datas, _ = bundle.prune(binaries, datas, imports)
    assert [e[0] for e in kept_bins] == ["PySide6/QtGui.abi3.so",
                                         "PySide6/Qt/lib/QtGui.framework/Versions/A/QtGui"]
    assert [e[0] for e in kept_datas] == ["PySide6/Qt/lib/QtGui.framework/Resources/Info.plist"]


def test_windows_version_info_loads_with_pyinstallers_own_reader(tmp_path, monkeypatch):
    pytest.importorskip("PyInstaller")
    import sys
    import types

    # pefile and win32api (Windows builds only) write the resource into an .exe; reading the
    # text needs neither
    from PyInstaller import compat

    monkeypatch.setitem(sys.modules, "pefile", sys.modules.get("pefile") or types.ModuleType("pefile"))
    monkeypatch.setattr(compat, "win32api", getattr(compat, "win32api", None), raising=False)
    monkeypatch.delitem(sys.modules, "PyInstaller.utils.win32.versioninfo", raising=False)
    from PyInstaller.utils.win32 import versioninfo

    path = tmp_path / "version_info.txt"
    path.write_text(bundle.windows_version_info("0.4.12", "ShopDesk"), encoding="utf-8")
    info = versioninfo.load_version_info_from_text_file(str(path))
    assert (info.ffi.fileVersionMS, info.ffi.fileVersionLS) == ((0 << 16) | 4, (12 << 16) | 0)
    raw = info.toRaw()  # what goes into the .exe's version resource
    assert "0.4.12".encode("utf-16-le") in raw and "ShopDesk".encode("utf-16-le") in raw


# --- team mode in the frozen app ---------------------------------------------------

def _team_toc(platform: str):
    """What a build that carries team mode holds (PyInstaller TOC entries)."""
    modules = bundle.TEAM_MODULES + bundle.KEYRING_MODULES[platform]
    ext, libpq = {"linux": ("psycopg2/_psycopg.cpython-311-x86_64-linux-gnu.so",
                            "psycopg2_binary.libs/libpq-a17e3caa.so.5.17"),
                  "win32": ("psycopg2\\_psycopg.cp311-win_amd64.pyd",
                            "psycopg2_binary.libs\\libpq-6f24e430.dll"),
                  "darwin": ("psycopg2/_psycopg.cpython-311-darwin.so",
                             "psycopg2/.dylibs/libpq.5.dylib")}[platform]
    binaries = [(ext, "/src/_psycopg", "EXTENSION"), (libpq, "/src/libpq", "BINARY")]
    datas = [(dest + "/" + Path(src).name, src, "DATA") for src, dest in bundle.data_files(ROOT)]
    datas.append(("keyring-25.7.0.dist-info/entry_points.txt", "/src/ep", "DATA"))
    return modules, binaries, datas


@pytest.mark.parametrize("platform", ["linux", "win32", "darwin"])
def test_a_build_with_the_driver_keyring_and_twins_lacks_nothing_for_team_mode(platform):
    modules, binaries, datas = _team_toc(platform)
    assert bundle.missing_for_team(modules, binaries, datas, platform=platform) == []


def test_the_build_names_what_team_mode_would_lack():
    modules, binaries, datas = _team_toc("linux")
    twin = "desk/db/migrations/0003_customer_search.postgresql.sql"
    missing = bundle.missing_for_team(
        [m for m in modules if m not in ("psycopg2.errors", "secretstorage")],
        [b for b in binaries if "libpq" not in b[0]],
        [d for d in datas if d[0] != twin and "entry_points" not in d[0]], platform="linux")
    assert missing[:2] == ["psycopg2.errors", "secretstorage"]
    assert any(m.startswith("libpq ") for m in missing)
    assert any(m.startswith("keyring's entry_points.txt") for m in missing)
    assert twin in missing
    # the Windows keyring's backend is not asked of a Linux build, and the other way round
    assert "keyring.backends.Windows" not in bundle.missing_for_team(*_team_toc("linux"), "linux")
    assert "keyring.backends.Windows" in bundle.missing_for_team(*_team_toc("linux"), "win32")


def test_every_postgresql_twin_is_among_the_data_files():
    twins = sorted(p.name for p in (ROOT / "db" / "migrations").glob("*.postgresql.sql"))
    assert twins  # 0001_initial, 0003_customer_search at least
    shipped = {Path(src).name for src, dest in bundle.data_files(ROOT)
               if dest.replace("\\", "/") == "desk/db/migrations"}
    assert set(twins) <= shipped


def test_the_drivers_errors_module_is_imported_by_name():
    """psycopg2's C module imports psycopg2.errors when it loads, out of
    PyInstaller's sight (a frozen app without it: `psycopg2.errors` missing,
    a traceback where desk/core/team.py names psycopg2.errors.InsufficientPrivilege)."""
    assert "psycopg2.errors" in bundle.HIDDEN_IMPORTS
    assert "psycopg2.errors" in bundle.TEAM_MODULES
