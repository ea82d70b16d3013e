"""SQL that both engines run: the server's reading of SQL written the SQLite
way, and the few places where the two must be asked for different words.

The app's SQL is written for SQLite, and stays exactly as it was there. On a
server, `to_server` (called by desk/core/server.py for every raw statement,
never for peewee's own queries) rewrites what has one meaning in both
languages but two spellings, token by token outside string literals:

- `?` parameters become `%s` (and a `%` in the text `%%`, psycopg2's escape);
- `IN (SELECT value FROM json_each(?))`, a list of ids in one parameter,
  becomes `= ANY(%s)`, the JSON list handed over as an array;
- `INSERT OR IGNORE INTO ...` becomes `INSERT INTO ... ON CONFLICT DO NOTHING`;
- `substr(col, -n)` becomes `right(col, n)`; `char(n)` `chr(n)`;
  `group_concat(x, sep)` `string_agg(x, sep)`; `instr(a, b)` `strpos(a, b)`;
- `a IS NOT b` / `a IS b` between two values become `IS [NOT] DISTINCT FROM`;
- `INDEXED BY name` is dropped (the server's planner picks its index).

What differs in meaning is asked for where it is written: `on_server()`
(the customer search's substring match, the phrases' change counter) and
`tail_param` (the last N characters, N a parameter).
"""

from __future__ import annotations

import functools
import json
import re
import sys

_LEXER = re.compile(
    r"'(?:[^']|'')*'"  # a string literal: its ? is text, its % must be doubled
    r"|\"(?:[^\"]|\"\")*\""  # a quoted name
    r"|\bIN\s*\(\s*SELECT\s+value\s+FROM\s+json_each\(\?\)\s*\)"  # a list in one parameter
    r"|\bINSERT\s+OR\s+IGNORE\s+INTO\b"
    r"|\s+INDEXED\s+BY\s+\w+"
    r"|\bsubstr\(\s*(\w+(?:\.\w+)?)\s*,\s*-(\d+)\s*\)"  # substr(col, -4): the last 4
    r"|\bchar\((\d+)\)"
    r"|\bIS\s+NOT\s+(?!NULL\b|DISTINCT\b|TRUE\b|FALSE\b)"  # SQLite's IS NOT between values
    r"|\bIS\s+(?!NOT\b|NULL\b|DISTINCT\b|TRUE\b|FALSE\b)"
    r"|\b(?:group_concat|instr)\("
    r"|\?|%",
    re.I)
# SQLite's functions and the server's that do the same
_RENAMED = {"group_concat(": "string_agg(", "instr(": "strpos("}


def on_server() -> bool:
    """Whether the bound database is a PostgreSQL server (team mode)."""
    base = sys.modules.get("desk.core.base")
    if base is None:  # the ORM not loaded yet: a local shop opened without it (a server's loads it)
        return False
    from peewee import PostgresqlDatabase

    return isinstance(base.database.obj, PostgresqlDatabase)


def to_server(sql: str, params=()) -> tuple[str, tuple]:
    """SQL written for SQLite, and its parameters, as psycopg2 takes them."""
    params = tuple(params or ())
    text, marks, lists = _server_text(sql)
    if len(params) < marks:
        raise IndexError(f"{marks} parameters wanted, {len(params)} given")
    if lists:
        params = tuple(_as_list(p) if i in lists else p for i, p in enumerate(params))
    return text, params


def _as_list(value) -> list:
    """A list of ids in one parameter: json_each's JSON text on SQLite, an array here."""
    return json.loads(value) if isinstance(value, str | bytes) else list(value)


@functools.lru_cache(maxsize=256)
def _server_text(sql: str) -> tuple[str, int, frozenset[int]]:
    """The server's reading of `sql` (read once per text: the same statements
    run again and again), how many parameters it takes, and which of them are
    lists of ids (json_each)."""
    out: list[str] = []
    lists: set[int] = set()
    pos = index = 0
    ignore = False
    for m in _LEXER.finditer(sql):
        out.append(sql[pos:m.start()])
        token = m.group()
        if token[0] in "'\"":
            out.append(token.replace("%", "%%"))
        elif token == "%":
            out.append("%%")
        elif token == "?":
            out.append("%s")
            index += 1
        elif token.lower() in _RENAMED:
            out.append(_RENAMED[token.lower()])
        elif m.group(1):  # substr(col, -n)
            out.append(f"right({m.group(1)}, {m.group(2)})")
        elif m.group(3):  # char(n)
            out.append(f"chr({m.group(3)})")
        elif token.upper().startswith("IS"):
            out.append("IS DISTINCT FROM " if "NOT" in token.upper() else "IS NOT DISTINCT FROM ")
        elif token.upper().startswith("INSERT"):
            out.append("INSERT INTO")
            ignore = True
        elif "INDEXED" in token.upper():
            pass  # the server's planner picks its index by itself
        else:  # IN (SELECT value FROM json_each(?))
            out.append("= ANY(%s)")
            lists.add(index)
            index += 1
        pos = m.end()
    out.append(sql[pos:])
    text = "".join(out)
    if ignore:
        text = text.rstrip().rstrip(";") + " ON CONFLICT DO NOTHING"
    return text, index, frozenset(lists)


# -- the engine's words --------------------------------------------------------------------

def tail(expr: str, count: str) -> str:
    """The last `count` characters of `expr` (SQLite: substr(x, -n))."""
    return f"right({expr}, {count})" if on_server() else f"substr({expr}, -{count})"


def tail_param(expr: str) -> str:
    """The last N characters of `expr`, N given as a parameter (SQLite takes -N)."""
    return f"right({expr}, abs(?))" if on_server() else f"substr({expr}, ?)"
