"""The PyInstaller spec (build_spec/shopdesk.spec) parses and asks for what the issue needs."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
BUILD_SPEC = ROOT / "build_spec"


SPEC = BUILD_SPEC / "shopdesk.spec"


def _calls(tree, name):
    return [n for n in ast.walk(tree) if isinstance(n, ast.Call) and getattr(n.func, "id", None) == name]


def _kw(call, arg):
    return next((k.value for k in call.keywords if k.arg == arg), None)


def test_spec_is_valid_python():
    compile(SPEC.read_text(encoding="utf-8"), str(SPEC), "exec")


def test_one_folder_windowed_build_named_shopdesk():
    tree = ast.parse(SPEC.read_text(encoding="utf-8"))
    exes = _calls(tree, "EXE")
    windowed = [e for e in exes if ast.literal_eval(_kw(e, "name")) == "shopdesk"]
    assert len(windowed) == 1 and ast.literal_eval(_kw(windowed[0], "console")) is False
    (collect,) = _calls(tree, "COLLECT")
    assert ast.literal_eval(_kw(collect, "name")) == "shopdesk"  # dist/shopdesk/shopdesk
    common = next(n.value for n in ast.walk(tree) if isinstance(n, ast.Assign)
                  and getattr(n.targets[0], "id", None) == "common")
    assert ast.literal_eval(_kw(common, "exclude_binaries")) is True  # one folder, not one file
    assert _kw(common, "icon") is not None and _kw(common, "version") is not None


def test_analysis_takes_data_excludes_and_modules_imported_by_name():
    source = SPEC.read_text(encoding="utf-8")
    tree = ast.parse(source)
    (analysis,) = _calls(tree, "Analysis")
    assert ast.unparse(_kw(analysis, "datas")) == "bundle.data_files(ROOT)"
    assert ast.unparse(_kw(analysis, "excludes")) == "bundle.EXCLUDES"
    assert ast.unparse(_kw(analysis, "hiddenimports")) == "hidden"
    assert "bundle.HIDDEN_IMPORTS" in source
    assert "bundle.missing_for_team(" in source
    assert 'collect_submodules("desk"' in source
    assert "bundle.prune(a.binaries, a.datas" in source
    assert "bundle.check_translations(ROOT)" in source


def test_macos_bundle_section():
    tree = ast.parse(SPEC.read_text(encoding="utf-8"))
    (app,) = _calls(tree, "BUNDLE")
    assert ast.unparse(_kw(app, "name")) == "f'{APP_NAME}.app'"
    plist = _kw(app, "info_plist")
    keys = {ast.literal_eval(k) for k in plist.keys}
    assert {"CFBundleShortVersionString", "NSHighResolutionCapable", "CFBundleLocalizations"} <= keys
