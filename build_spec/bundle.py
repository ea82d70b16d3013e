"""What goes into the frozen ShopDesk, for build_spec/shopdesk.spec.

Kept apart from the spec so the rules can be read (and tested) without
running PyInstaller: the data files, the modules imported by name, the
modules left out, the Qt plugins kept, and the pruning that drops every Qt
library only the left-out plugins needed.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable, Iterable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# Python modules and packages never used by the app (PyInstaller would follow
# them from the standard library or from optional imports of its dependencies).
EXCLUDES = [
    "tkinter", "_tkinter", "turtle", "turtledemo", "idlelib", "lib2to3", "pydoc", "pydoc_data",
    "unittest", "doctest", "test", "distutils", "setuptools", "pkg_resources", "pip", "ensurepip",
    "venv", "pytest", "_pytest", "pytestqt", "hypothesis", "IPython", "numpy", "PyQt5", "PyQt6",
    "PySide2", "shiboken2",
    # openpyxl's optional extras (pandas frames, charts as images); its lxml
    # writer is kept: the exports are written through it
    "pandas",
    # Pillow: AVIF (5 MB of codec), colour management, Tk and Qt glue; photos are
    # jpg, png, gif, webp or bmp
    "PIL._avif", "PIL.AvifImagePlugin", "PIL._imagingcms", "PIL.ImageCms", "PIL._imagingtk",
    "PIL.ImageTk", "PIL.ImageQt",
    # Qt modules the app does not import; their hooks would add libraries and plugins
    "PySide6.QtQml", "PySide6.QtQuick", "PySide6.QtQuickWidgets", "PySide6.QtOpenGL",
    "PySide6.QtOpenGLWidgets", "PySide6.QtSql", "PySide6.QtPrintSupport", "PySide6.QtTest",
    "PySide6.QtXml", "PySide6.QtConcurrent", "PySide6.QtDBus", "PySide6.QtSvgWidgets",
    "PySide6.QtUiTools", "PySide6.QtDesigner", "PySide6.QtHelp", "PySide6.QtPdf",
    "PySide6.QtPdfWidgets", "PySide6.QtStateMachine",
    # no event loop but Qt's, no worker processes: keyring's helpers (jaraco,
    # typing_extensions) and jeepney's asyncio transport would pull both in, and
    # PyInstaller's runtime hook then imports multiprocessing at every start (~10 ms)
    "asyncio", "multiprocessing",
]

# Modules imported where PyInstaller's scan cannot see it. psycopg2's C module
# (_psycopg) imports psycopg2.errors when it loads, and carries on without it:
# then `psycopg2.errors` is missing, and desk/core/team.py names its classes
# (a user who may not create tables gets a message instead of a traceback).
HIDDEN_IMPORTS = ["psycopg2.errors"]

# What team mode (a shop on a PostgreSQL server, desk/core/server.py) needs in the
# frozen app; the spec stops the build when one is missing (missing_for_team).
TEAM_MODULES = ["psycopg2", "psycopg2.errors", "psycopg2.extensions", "psycopg2.extras",
                "keyring", "keyring.backends.fail"]
# the system keyring's backend, and what it speaks through, on each system
KEYRING_MODULES = {
    "linux": ["keyring.backends.SecretService", "secretstorage", "jeepney"],
    "win32": ["keyring.backends.Windows", "win32ctypes.pywin32.win32cred"],
    "darwin": ["keyring.backends.macOS", "keyring.backends.macOS.api"],
}
_PSYCOPG_C = re.compile(r"(?:^|/)psycopg2/_psycopg\.[^/]+$")
_LIBPQ = re.compile(r"(?:^|/)libpq[-.][^/]*$")
_KEYRING_ENTRY_POINTS = re.compile(r"^keyring-[^/]+\.dist-info/entry_points\.txt$")


# Qt plugins kept, by plugin folder: None keeps the whole folder, a set keeps
# the plugins with those names (file name without lib prefix and suffix).
# Folders not listed are left out (eglfs, evdev input, wayland, tls,
# network information, print support, sql drivers, qml tooling, designer).
KEEP_PLUGINS: dict[str, set[str] | None] = {
    # xcb: the Linux desktop (also under Wayland, through XWayland);
    # offscreen/minimal: headless checks (--smoke); windows, cocoa: the others
    "platforms": {"qxcb", "qoffscreen", "qminimal", "qwindows", "qcocoa"},
    "xcbglintegrations": None,
    # photos are jpg, png, gif, webp or bmp (png and bmp are built into QtGui);
    # the window icon is an svg
    "imageformats": {"qjpeg", "qgif", "qwebp", "qsvg"},
    "iconengines": {"qsvgicon"},
    # typing Chinese on Linux: ibus (fcitx5 speaks its protocol too) and compose keys
    "platforminputcontexts": {"composeplatforminputcontextplugin", "ibusplatforminputcontextplugin"},
    # file dialogs through the desktop portal; the gtk3 theme would pull in GTK
    "platformthemes": {"qxdgdesktopportal"},
    "styles": None,  # the native look on Windows and macOS
}

# Qt's own translations kept (the app installs qtbase_<language>)
KEEP_QT_TRANSLATIONS = {"zh_CN"}

_PLUGIN = re.compile(r"(?:^|/)PySide6/(?:Qt/)?plugins/([^/]+)/([^/]+)$")
_QT_TRANSLATION = re.compile(r"(?:^|/)PySide6/(?:Qt/)?translations/([^/]+)\.qm$")
_FRAMEWORK = re.compile(r"^(.*?/[^/]+\.framework)/")


def _norm(dest: str) -> str:
    return dest.replace("\\", "/")


def plugin_name(filename: str) -> str:
    """'libqxcb.so' -> 'qxcb', 'qwindows.dll' -> 'qwindows', 'libqcocoa.dylib' -> 'qcocoa'."""
    stem = filename.split(".", 1)[0]
    return stem[3:] if stem.startswith("lib") else stem


def keep_plugin(dest: str) -> bool | None:
    """True/False for a file under a Qt plugins folder, None for any other file."""
    m = _PLUGIN.search(_norm(dest))
    if not m:
        return None
    folder, filename = m.groups()
    if folder not in KEEP_PLUGINS:
        return False
    names = KEEP_PLUGINS[folder]
    return names is None or plugin_name(filename) in names


def keep_qt_translation(dest: str) -> bool | None:
    """True/False for one of Qt's own .qm files, None for any other file."""
    m = _QT_TRANSLATION.search(_norm(dest))
    if not m:
        return None
    return m.group(1).startswith("qtbase_") and m.group(1)[len("qtbase_"):] in KEEP_QT_TRANSLATIONS


def data_files(root: Path = ROOT) -> list[tuple[str, str]]:
    """(source, destination folder) pairs for Analysis(datas=...): the bundled
    resources and db folders, laid out as the desk.resources and desk.db
    packages so desk.core.resources finds them next to the packages' __file__.
    The migrations' .py files go too: desk.core.db lists the folder to number them."""
    pairs = []
    for top, package in (("resources", "desk/resources"), ("db", "desk/db")):
        for path in sorted((root / top).rglob("*")):
            if path.is_dir() or "__pycache__" in path.parts:
                continue
            if path.suffix == ".ts" or path.name == "README.md":
                continue  # sources of the .qm files, notes for developers
            rel = path.parent.relative_to(root / top)
            pairs.append((str(path), str(Path(package, rel))))
    return pairs


def check_translations(root: Path = ROOT) -> list[Path]:
    """The compiled .qm next to every .ts; stop the build when one is missing or stale."""
    missing = []
    found = []
    for ts in sorted((root / "resources" / "translations").glob("*.ts")):
        qm = ts.with_suffix(".qm")
        if not qm.exists() or qm.stat().st_mtime < ts.stat().st_mtime:
            missing.append(qm.name)
        found.append(qm)
    if missing or not found:
        raise SystemExit(
            f"translations not compiled ({', '.join(missing) or 'no .ts found'}): "
            "run `python -m desk.ui.i18n compile` first")
    return found


def windows_version_info(version: str, name: str = "ShopDesk") -> str:
    """The text of a PyInstaller version file (EXE(version=...)) for `version`."""
    parts = [int(p) for p in re.findall(r"\d+", version)[:4]]
    parts += [0] * (4 - len(parts))
    t = tuple(parts)
    strings = {
        "CompanyName": name,
        "FileDescription": f"{name} (店铺客服台)",
        "FileVersion": version,
        "InternalName": "shopdesk",
        "LegalCopyright": name,
        "OriginalFilename": "shopdesk.exe",
        "ProductName": name,
        "ProductVersion": version,
    }
    table = ",\n          ".join(f"StringStruct({k!r}, {v!r})" for k, v in strings.items())
    return (
        "VSVersionInfo(\n"
        f"  ffi=FixedFileInfo(filevers={t}, prodvers={t}, mask=0x3f, flags=0x0, OS=0x40004,\n"
        "                    fileType=0x1, subtype=0x0, date=(0, 0)),\n"
        "  kids=[\n"
        "    StringFileInfo([StringTable('040904B0', [\n"
        f"          {table}])]),\n"
        "    VarFileInfo([VarStruct('Translation', [0x0409, 1200])])\n"
        "  ]\n"
        ")\n"
    )


# --- pruning the collected files -------------------------------------------------

Imports = Callable[[str], Iterable[tuple[str, str | None]]]


def _base(name: str) -> str:
    return _norm(name).rsplit("/", 1)[-1]


def prune(binaries: list, datas: list, imports: Imports) -> tuple[list, list, list[str]]:
    """Drop the Qt plugins and Qt translations not kept, then every shared
    library no longer reached from what stays (Python's extension modules, the
    kept plugins, the Python library). `binaries`/`datas` are PyInstaller TOC
    lists of (dest, src, typecode); `imports(src)` gives the libraries a binary
    links to as (name, resolved path). Returns the two lists and what was dropped."""
    dropped: list[str] = []

    def keep(entry) -> bool:
        verdict = keep_plugin(entry[0])
        if verdict is None:
            verdict = keep_qt_translation(entry[0])
        if verdict is False:
            dropped.append(_norm(entry[0]))
        return verdict is not False

    binaries = [e for e in binaries if keep(e)]
    datas = [e for e in datas if keep(e)]

    libs = [e for e in binaries if e[2] == "BINARY" and keep_plugin(e[0]) is None
            and not re.match(r"(lib)?python\d", _base(e[0]))]
    by_name: dict[str, list] = {}
    for e in libs:
        by_name.setdefault(_base(e[0]), []).append(e)
        by_name.setdefault(_base(e[1]), []).append(e)
    roots = [e for e in binaries if e not in libs]
    reached: set[int] = set()
    queue = list(roots)
    while queue:
        entry = queue.pop()
        for name, path in imports(entry[1]):
            for candidate in by_name.get(_base(name), []) + by_name.get(_base(path or ""), []):
                if id(candidate) not in reached:
                    reached.add(id(candidate))
                    queue.append(candidate)
    unreached = [e for e in libs if id(e) not in reached]
    gone_dests = {_norm(e[0]) for e in unreached}
    dropped += sorted(gone_dests)
    # a macOS framework goes whole: its Resources (Info.plist) are data entries
    frameworks = {m.group(1) for d in gone_dests if (m := _FRAMEWORK.match(d))}

    def outside_gone(entry) -> bool:
        dest = _norm(entry[0])
        return dest not in gone_dests and not any(dest.startswith(f + "/") for f in frameworks)

    return ([e for e in binaries if outside_gone(e)], [e for e in datas if outside_gone(e)],
            dropped)


# --- team mode in the frozen app ----------------------------------------------------

def missing_for_team(modules: Iterable[str], binaries: list, datas: list,
                     platform: str = sys.platform, root: Path = ROOT) -> list[str]:
    """What the frozen app would lack for team mode: `modules` are the bundled
    Python modules' names, `binaries`/`datas` the TOC lists after pruning.
    The driver and its C module, the libpq it links to, the keyring with its
    backends (found through keyring's entry points, so its metadata too) and
    the migrations' PostgreSQL twins."""
    have = set(modules)
    system = "linux" if platform.startswith("linux") else platform
    missing = [m for m in TEAM_MODULES + KEYRING_MODULES.get(system, []) if m not in have]
    dests = [_norm(e[0]) for e in binaries]
    if not any(_PSYCOPG_C.search(d) for d in dests):
        missing.append("psycopg2/_psycopg (the driver's C module)")
    if not any(_LIBPQ.search(_base(d)) for d in dests):
        missing.append("libpq (the PostgreSQL client library psycopg2 links to)")
    data_dests = {_norm(e[0]) for e in datas}
    if not any(_KEYRING_ENTRY_POINTS.match(d) for d in data_dests):
        missing.append("keyring's entry_points.txt (how keyring finds its backends)")
    for twin in sorted((root / "db" / "migrations").glob("*.postgresql.sql")):
        if f"desk/db/migrations/{twin.name}" not in data_dests:
            missing.append(f"desk/db/migrations/{twin.name}")
    return missing
