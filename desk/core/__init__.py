"""The shop's domain: models, rules, storage, search. Never imports Qt."""

import sys as _sys
from importlib.machinery import PathFinder as _PathFinder

# peewee imports a PostgreSQL driver at its own import when one is installed
# (psycopg2: ~25 ms and a C library), which a local shop never uses. Whenever
# peewee is first imported (not here: a local start paints its window before
# it), the drivers are hidden while its module runs; desk/core/server.py hands
# psycopg2 to peewee when a shop is on a server (team mode).
_DRIVERS = ("psycopg2", "psycopg", "psycopg2cffi")


class _PeeweeLoader:
    def __init__(self, real) -> None:
        self.real = real

    def create_module(self, spec):
        return self.real.create_module(spec)

    def exec_module(self, module) -> None:
        hidden = [n for n in _DRIVERS if n not in _sys.modules]
        for name in hidden:
            _sys.modules[name] = None  # type: ignore[assignment]  # "import x" raises ImportError
        try:
            self.real.exec_module(module)
        finally:
            for name in hidden:
                if _sys.modules.get(name, 0) is None:
                    del _sys.modules[name]


class _PeeweeWithoutDrivers:
    """A finder asked before the others, for peewee only."""

    @staticmethod
    def find_spec(name, path=None, target=None):
        if name != "peewee":
            return None
        spec = _PathFinder.find_spec(name)  # (a frozen build's own finder: peewee as it comes)
        if spec is None or spec.loader is None or not hasattr(spec.loader, "exec_module"):
            return None
        spec.loader = _PeeweeLoader(spec.loader)
        return spec


if "peewee" not in _sys.modules and not any(
        isinstance(f, _PeeweeWithoutDrivers) for f in _sys.meta_path):
    _sys.meta_path.insert(0, _PeeweeWithoutDrivers())
