"""The shop's domain: models, rules, storage, search. Never imports Qt."""

import sys as _sys

# peewee imports a PostgreSQL driver at its own import when one is installed
# (psycopg2: ~25 ms and a C library), which a local shop never uses. Hide the
# drivers while peewee loads; desk/core/server.py hands psycopg2 to peewee
# when a shop is on a server (team mode).
if "peewee" not in _sys.modules:
    _hidden = [n for n in ("psycopg2", "psycopg", "psycopg2cffi") if n not in _sys.modules]
    for _name in _hidden:
        _sys.modules[_name] = None  # type: ignore[assignment]  # "import x" raises ImportError
    try:
        import peewee as _peewee  # noqa: F401
    finally:
        for _name in _hidden:
            if _sys.modules.get(_name, 0) is None:
                del _sys.modules[_name]
