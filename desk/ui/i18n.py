"""Translations: compile the .ts sources with PySide6's lrelease and load them.

`python -m desk.ui.i18n compile` is run by the set-up script and the
installer build; .qm files are build output and never committed.
"""

from __future__ import annotations

import sys
from pathlib import Path


def _qt_tool(name: str) -> str:
    import importlib.util
    import shutil

    spec = importlib.util.find_spec("PySide6")
    if spec and spec.submodule_search_locations:
        pkg = Path(next(iter(spec.submodule_search_locations)))
        for candidate in (pkg / name, pkg / f"{name}.exe", pkg / "Qt" / "libexec" / name):
            if candidate.exists():
                return str(candidate)
    found = shutil.which(f"pyside6-{name}") or shutil.which(name)
    if not found:
        raise SystemExit(f"cannot find Qt's {name}; is PySide6 installed?")
    return found


def translations_dir() -> Path:
    from desk.core.resources import resource

    return Path(str(resource("translations")))


def compile_all(force: bool = False) -> list[Path]:
    import subprocess

    out = []
    for ts in sorted(translations_dir().glob("*.ts")):
        qm = ts.with_suffix(".qm")
        if force or not qm.exists() or qm.stat().st_mtime < ts.stat().st_mtime:
            subprocess.run([_qt_tool("lrelease"), "-silent", str(ts), "-qm", str(qm)], check=True)
        out.append(qm)
    return out


def source_files() -> list[str]:
    """The Python files lupdate reads: all of desk/ (core marks its user messages
    with QT_TRANSLATE_NOOP("UserError", ...), without importing Qt)."""
    src = Path(__file__).resolve().parent.parent
    return [str(p) for p in sorted(src.rglob("*.py"))]


# The English "translation" holds only the plural forms ("%n row(s)" -> "1 row",
# "2 rows"): the source text is already English.
PLURAL_ONLY = ("en",)


def language_of(ts: Path) -> str:
    """shopdesk_zh_CN.ts -> zh_CN."""
    return ts.stem.removeprefix("shopdesk_")


def lupdate(ts: Path) -> None:
    """Merge the tr() calls in the sources into `ts`, dropping what the code no longer has."""
    import subprocess

    language = language_of(ts)
    subprocess.run(
        [
            _qt_tool("lupdate"),
            "-silent",
            "-no-obsolete",
            "-locations",
            "none",
            *(["-pluralonly"] if language in PLURAL_ONLY else []),
            "-target-language",
            language,
            *source_files(),
            "-ts",
            str(ts),
        ],
        check=True,
    )


def update_sources() -> None:
    """Refresh our .ts files from the tr() calls in desk/ (lupdate). The
    qtbase_extra_*.ts files add to Qt's own translations and are kept by hand."""
    for ts in sorted(translations_dir().glob("shopdesk_*.ts")):
        lupdate(ts)


def install(app, language: str) -> str:
    """Install the translator for `language` ('' = the system locale); returns the one used."""
    from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator

    if not language:
        language = "zh_CN" if QLocale.system().language() == QLocale.Language.Chinese else "en"
    QLocale.setDefault(QLocale(language if language != "en" else "en_US"))
    from desk.core import presets

    presets.set_language(language)  # the presets ShopDesk ships follow the UI's language
    for old in getattr(app, "_translators", []):
        app.removeTranslator(old)
    app._translators = []  # keep them alive as long as the app
    folder = translations_dir()
    # The translator installed last is asked first: ours, then our additions
    # to Qt's (strings its own file lacks), then Qt's.
    wanted = [(f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)),
              (f"qtbase_extra_{language}", str(folder)),
              (f"shopdesk_{language}", str(folder))]
    for name, where in wanted:
        if language == "en" and name.startswith("qtbase"):
            continue  # Qt speaks English already
        translator = QTranslator(app)
        if translator.load(name, where):
            app.installTranslator(translator)
            app._translators.append(translator)
    return language


if __name__ == "__main__":
    command = sys.argv[1] if len(sys.argv) > 1 else "compile"
    if command == "compile":
        compile_all(force="--force" in sys.argv)
    elif command == "update":
        update_sources()
    else:
        raise SystemExit("usage: python -m desk.ui.i18n compile [--force] | update")
