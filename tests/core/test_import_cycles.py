"""No import cycles inside desk/: what two modules both need lives a level
below them (docs/architecture.md).

The graph is read from the sources with `ast`: every `import desk...` and
`from desk... import ...` (relative ones resolved), at the top of a module, in
a function, under `if TYPE_CHECKING:` alike. An import inside a function to
keep a heavy library (Qt, openpyxl, pypinyin) off the start-up path is fine;
one that only papers over a cycle between desk modules is not. Modules
imported by name at run time (importlib) are not seen. Importing a submodule
runs its package's __init__ too; that edge is not counted (the __init__
files import nothing that would close a loop, and their own imports are).
"""

from __future__ import annotations

import ast
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def modules(root: Path) -> dict[str, tuple[Path, bool]]:
    """Module name -> (file, is a package's __init__) for desk/ and the
    folders pyproject.toml maps into the package (resources/, db/)."""
    config = tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8"))
    folders = config["tool"]["setuptools"].get("package-dir", {"desk": "desk"})
    found = {}
    for package, folder in folders.items():
        base = root / folder
        for path in base.rglob("*.py"):
            parts = [*package.split("."), *path.relative_to(base).with_suffix("").parts]
            is_package = parts[-1] == "__init__"
            if is_package:
                parts.pop()
            found[".".join(parts)] = (path, is_package)
    return found


def imported(tree: ast.AST, name: str, is_package: bool) -> set[str]:
    """The dotted names a module's import statements can load, wherever they stand."""
    package = name if is_package else name.rpartition(".")[0]
    out = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            out.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                parts = package.split(".")
                base = ".".join(parts[: len(parts) - node.level + 1])
                module = f"{base}.{node.module}" if node.module else base
            else:
                module = node.module or ""
            # a submodule, or a name in `module` (import_graph then takes the module)
            out.update(f"{module}.{alias.name}" for alias in node.names)
    return out


def import_graph(root: Path = ROOT) -> dict[str, set[str]]:
    """desk module -> the desk modules it imports."""
    found = modules(root)
    graph = {}
    for name, (path, is_package) in found.items():
        targets = set()
        for dotted in imported(ast.parse(path.read_text(encoding="utf-8"), str(path)), name, is_package):
            if dotted.split(".")[0] != "desk":
                continue
            while dotted and dotted not in found:  # `from m import function`: m
                dotted = dotted.rpartition(".")[0]
            if dotted and dotted != name:
                targets.add(dotted)
        graph[name] = targets
    return graph


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """One cycle per strongly connected group of modules, as a path that ends
    where it starts (Tarjan's algorithm, then the shortest loop in the group)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    groups: list[set[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in sorted(graph.get(v, ())):
            if w not in graph:
                continue
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            group = set()
            while True:
                w = stack.pop()
                on_stack.discard(w)
                group.add(w)
                if w == v:
                    break
            if len(group) > 1:
                groups.append(group)

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return [_loop(graph, group) for group in groups]


def _loop(graph: dict[str, set[str]], group: set[str]) -> list[str]:
    start = min(group)
    paths = {start: [start]}
    queue = [start]
    while queue:
        v = queue.pop(0)
        for w in sorted(graph[v] & group):
            if w == start:
                return [*paths[v], start]
            if w not in paths:
                paths[w] = [*paths[v], w]
                queue.append(w)
    raise AssertionError(f"no loop through {start} in {sorted(group)}")


def test_no_import_cycle_inside_desk():
    found = cycles(import_graph())
    assert found == [], "import cycles (move what both sides need down a level):\n" + "\n".join(
        " -> ".join(loop) for loop in found)


def test_the_graph_sees_every_kind_of_import():
    graph = import_graph()
    assert {"desk.cli", "desk.cli.common", "desk.core.db", "desk.ui.app",
            "desk.db.migrations.0002_seed"} <= set(graph)
    assert "desk.cli.common" in graph["desk.cli"]  # top level, `from desk.cli.common import ...`
    assert "desk.ui.app" in graph["desk.cli"]  # inside main(): the GUI is imported late
    assert "desk.core.db" in graph["desk.cli.shop"]  # `from desk.core import db` in a function
    assert "desk.core.customers.tags" in graph["desk.core.customers.service"]
    assert "desk.core.pinyin" in graph["desk.db.migrations.0002_seed"]  # db/ is desk.db


def test_a_cycle_through_a_late_relative_import_is_named(tmp_path):
    (tmp_path / "pyproject.toml").write_text('[tool.setuptools.package-dir]\n"desk" = "desk"\n')
    pkg = tmp_path / "desk" / "core"
    pkg.mkdir(parents=True)
    (tmp_path / "desk" / "__init__.py").write_text("")
    (pkg / "__init__.py").write_text("")
    (pkg / "listing.py").write_text("from desk.core.search import search_filter\n")
    (pkg / "search.py").write_text("def find():\n    from .listing import ROWS  # late\n")
    (pkg / "other.py").write_text("from . import listing\nimport desk.core.search\n")
    graph = import_graph(tmp_path)
    assert graph["desk.core.other"] == {"desk.core.listing", "desk.core.search"}
    assert cycles(graph) == [["desk.core.listing", "desk.core.search", "desk.core.listing"]]
    (pkg / "search.py").write_text("def find():\n    import json\n")
    assert cycles(import_graph(tmp_path)) == []
