"""The Windows installer script (build_spec/shopdesk.iss), read as Inno Setup reads it."""

from __future__ import annotations

import re
import uuid
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
BUILD_SPEC = ROOT / "build_spec"

ISS = BUILD_SPEC / "shopdesk.iss"


def _sections() -> dict[str, list[str]]:
    raw = ISS.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # UTF-8 with BOM: Inno reads the Chinese text right
    sections: dict[str, list[str]] = {}
    current = None
    for line in raw.decode("utf-8-sig").splitlines():
        m = re.fullmatch(r"\[(\w+)\]", line.strip())
        if m:
            current = m.group(1)
            sections[current] = []
        elif current and line.strip() and not line.lstrip().startswith(";"):
            sections[current].append(line)
    return sections


def _setup() -> dict[str, str]:
    return dict(line.split("=", 1) for line in _sections()["Setup"])


def test_per_user_install_without_admin_rights():
    setup = _setup()
    assert setup["PrivilegesRequired"] == "lowest"
    assert "PrivilegesRequiredOverridesAllowed" not in setup
    assert setup["DefaultDirName"].startswith("{autopf}\\")  # %LOCALAPPDATA%\Programs per user


def test_fixed_app_id_for_upgrades_in_place():
    app_id = _setup()["AppId"]
    assert app_id.startswith("{{") and app_id.endswith("}")
    uuid.UUID(app_id[2:-1])
    assert "{app}\\_internal" in "\n".join(_sections()["InstallDelete"])


def test_english_and_chinese_installer_languages():
    languages = "\n".join(_sections()["Languages"])
    assert 'Name: "en"; MessagesFile: "compiler:Default.isl"' in languages
    assert 'Name: "zh_CN"; MessagesFile: "{#ChineseIsl}"' in languages
    text = ISS.read_text(encoding="utf-8-sig")
    assert '#define ChineseIsl "compiler:Languages\\ChineseSimplified.isl"' in text
    custom = "\n".join(_sections()["CustomMessages"])
    for name in re.findall(r"CustomMessage\('(\w+)'\)", text):
        assert f"en.{name}=" in custom and f"zh_CN.{name}=" in custom


def test_start_menu_and_optional_desktop_shortcut():
    tasks = "\n".join(_sections()["Tasks"])
    assert 'Name: "desktopicon"' in tasks and "Flags: unchecked" in tasks
    icons = _sections()["Icons"]
    assert any(i.startswith('Name: "{group}\\{#AppName}"') for i in icons)
    assert any("{autodesktop}" in i and "Tasks: desktopicon" in i for i in icons)


def test_installs_the_frozen_folder():
    files = "\n".join(_sections()["Files"])
    assert 'Source: "{#DistDir}\\*"' in files and "recursesubdirs" in files
    assert '#define DistDir "..\\dist\\shopdesk"' in ISS.read_text(encoding="utf-8-sig")
    assert _setup()["SetupIconFile"] == "..\\build\\shopdesk\\icons\\shopdesk.ico"


def test_uninstaller_keeps_the_data_folder_unless_asked(monkeypatch, tmp_path):
    code = "\n".join(_sections()["Code"])
    assert "usPostUninstall" in code
    assert "MB_DEFBUTTON2" in code  # No is the default answer
    assert "UninstallSilent" in code
    # the folder it offers to delete is the one the app uses on Windows
    assert "ExpandConstant('{userappdata}\\{#AppName}')" in code
    windows = pytest.importorskip("platformdirs.windows")
    monkeypatch.setenv("APPDATA", str(tmp_path / "Roaming"))
    monkeypatch.setattr(windows, "get_win_folder",
                        lambda csidl: {"CSIDL_APPDATA": str(tmp_path / "Roaming")}[csidl])
    data = windows.Windows(appname="ShopDesk", appauthor=False, roaming=True).user_data_dir
    assert data == str(tmp_path / "Roaming" / "ShopDesk")
    source = (ROOT / "desk" / "core" / "paths.py").read_text(encoding="utf-8")
    assert 'user_data_dir("ShopDesk", appauthor=False, roaming=True)' in source
    assert re.search(r'#define AppName "ShopDesk"', ISS.read_text(encoding="utf-8-sig"))
