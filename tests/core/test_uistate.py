"""The registry of UI state: every key declared once with its type; reading
or writing an undeclared one fails, and so does this test when desk/ uses a
key the registry does not declare."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from desk.core import settings, uistate
from desk.core.appdata import Setting

DESK = Path(__file__).resolve().parents[2] / "desk"
# calls whose first argument is a UI state key
READERS_WRITERS = {"get_state", "set_state", "remember_columns"}
UISTATE_CALLS = {"get", "set", "get_text", "set_text"}


def keys_used(root: Path = DESK) -> dict[str, list[str]]:
    """Every UI state key named in desk/ (a string, or a module constant
    holding one), with where it is used."""
    found: dict[str, list[str]] = {}
    for path in sorted(root.rglob("*.py")):
        if path.name == "uistate.py":
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        constants = {t.id: node.value.value for node in tree.body if isinstance(node, ast.Assign)
                     and isinstance(node.value, ast.Constant) and isinstance(node.value.value, str)
                     for t in node.targets if isinstance(t, ast.Name)}
        for node in ast.walk(tree):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.args):
                continue
            func, owner = node.func.attr, node.func.value
            if not (func in READERS_WRITERS or (
                    func in UISTATE_CALLS and isinstance(owner, ast.Name) and owner.id == "uistate")):
                continue
            arg = node.args[0]
            if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                name = arg.value
            elif isinstance(arg, ast.Name) and arg.id in constants:
                name = constants[arg.id]
            else:
                continue  # a key passed through (listpage's own attribute): checked where it is named
            found.setdefault(name, []).append(f"{path.relative_to(root.parent)}:{node.lineno}")
    return found


def test_every_key_desk_uses_is_declared_and_every_declared_key_is_used():
    used = keys_used()
    undeclared = {k: where for k, where in used.items() if k not in uistate.KEYS}
    assert not undeclared, f"declare these in desk/core/uistate.py: {undeclared}"
    assert set(uistate.KEYS) <= set(used), "declared but used nowhere: " + ", ".join(
        sorted(set(uistate.KEYS) - set(used)))


def test_the_scan_finds_an_undeclared_key(tmp_path):
    (tmp_path / "page.py").write_text(
        'KEY = "orders.columns"\n'
        'def build(page, settings):\n'
        '    page.remember_columns(KEY)\n'
        '    settings.set_state("replies.splitter", "1,2")\n', encoding="utf-8")
    assert set(keys_used(tmp_path)) == {"orders.columns", "replies.splitter"}


@pytest.mark.parametrize("call", [lambda: uistate.get("nope"), lambda: uistate.set("nope", {}),
                                  lambda: uistate.get_text("nope"),
                                  lambda: uistate.set_text("nope", ""),
                                  lambda: settings.get_state("nope"),
                                  lambda: settings.set_state("nope", "")])
def test_an_undeclared_key_is_refused(db, call):
    with pytest.raises(KeyError, match="undeclared UI state 'nope'"):
        call()
    assert Setting.select().where(Setting.key == "state.nope").count() == 0


def test_values_round_trip_as_their_type(db):
    assert uistate.get("customers.columns") == {}
    assert uistate.get("main_window.geometry") is None
    uistate.set("customers.columns", {"order": ["nickname"], "widths": {"nickname": 120}})
    assert uistate.get("customers.columns") == {"order": ["nickname"], "widths": {"nickname": 120}}
    uistate.set("main_window.geometry", "AdnQywAD")
    assert settings.get_state("main_window.geometry") == "AdnQywAD"
    with pytest.raises(TypeError):
        uistate.set("customers.columns", "not a layout")
    with pytest.raises(TypeError):
        uistate.set("main_window.geometry", {"x": 1})


@pytest.mark.parametrize("stored", ["{not json", "[1, 2]", '"text"', "null"])
def test_a_damaged_layout_reads_as_the_default(db, stored):
    Setting.replace(key="state.customers.columns", value=stored, updated_at=0).execute()
    assert uistate.get("customers.columns") == {}


def test_saving_the_same_state_again_writes_nothing(db):
    """The window saves its size on every close: the same size again must not
    count as a change of the shop (which the closing backup would copy)."""
    settings.set_state("main_window.geometry", "AAAA")
    conn = db.connection()
    before = conn.total_changes
    settings.set_state("main_window.geometry", "AAAA")
    assert conn.total_changes == before
    settings.set_state("main_window.geometry", "BBBB")
    assert conn.total_changes == before + 1
    assert settings.get_state("main_window.geometry") == "BBBB"
