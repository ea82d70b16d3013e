"""Lists for lazy table views: filter and sort in SQL, fetch rows by id.

A view asks once for the ordered ids that match (a compact array, even for
100,000 rows) and then for the few rows it is showing, a page at a time.
Each pillar describes its lists with a Listing; views never write SQL.
"""

from __future__ import annotations

from array import array
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from desk.core import dbconn, dialect


@dataclass(frozen=True)
class Filter:
    """A SQL condition with its parameters, built by a pillar's search code."""

    sql: str
    params: tuple = ()
    # True when the condition picks rows by id from a small set (the search
    # box's `id IN (...)`): see Listing.by_id_source.
    by_id: bool = False


@dataclass(frozen=True)
class Listing:
    """`fields` maps a column key to the SQL expression that yields it;
    `source` is the FROM clause (table and joins) with the row id as `id_sql`."""

    source: str
    id_sql: str
    fields: dict[str, str]
    base_where: str = "1"
    default_sort: str = ""
    # A cheaper SQL expression to sort a field by, where showing it is costly.
    sort_sql: dict[str, str] = field(default_factory=dict)
    # When every filter picks rows by id, the FROM clause to use per sort key:
    # one naming a small covering index over (id, sort column), so each match
    # is read from the index instead of its wide table row. SQLite's planner
    # always prefers the table's own rowid for `id IN (...)`, hence INDEXED BY.
    by_id_source: dict[str, str] = field(default_factory=dict)
    # On a PostgreSQL server, the expression to show a field by in `rows` (a
    # page of rows by id), where the field's own is planned for the whole table.
    server_row_sql: dict[str, str] = field(default_factory=dict)

    @property
    def keys(self) -> tuple[str, ...]:
        return tuple(self.fields)

    def ids(self, filters: Sequence[Filter] = (), sort: str | None = None,
            descending: bool = False) -> array:
        """The ids of every matching row, in display order."""
        where = " AND ".join([f"({self.base_where})", *(f"({f.sql})" for f in filters)])
        params = tuple(p for f in filters for p in f.params)
        key = sort or self.default_sort
        order = ""
        if key:
            if key not in self.fields:
                raise KeyError(f"cannot sort by {key!r}")
            direction = "DESC" if descending else "ASC"
            if dialect.on_server():  # SQLite's order: an empty value below every other
                direction += " NULLS LAST" if descending else " NULLS FIRST"
            expression = self.sort_sql.get(key, self.fields[key])
            order = f" ORDER BY {expression} {direction}, {self.id_sql} {direction}"
        source = self.source
        by_id = bool(filters) and all(f.by_id for f in filters)
        if by_id and key in self.by_id_source:
            source = self.by_id_source[key]
        conn = dbconn.connection()
        if dialect.on_server():
            # The ids as one array value in the order the subquery gives them
            # (a row per id costs psycopg2 a third more for 100,000 ids). The
            # search box's query runs per keystroke with other values: it is
            # prepared once per connection.
            sql = (f"SELECT array_agg(id) FROM (SELECT {self.id_sql} AS id FROM {source}"
                   f" WHERE {where}{order}) AS ids")
            run = conn.execute_prepared if by_id else conn.execute
            return array("q", run(sql, params).fetchone()[0] or ())
        cursor = conn.execute(f"SELECT {self.id_sql} FROM {source} WHERE {where}{order}", params)
        out = array("q")
        while batch := cursor.fetchmany(20000):
            out.extend(r[0] for r in batch)
        return out

    def count(self, filters: Sequence[Filter] = ()) -> int:
        where = " AND ".join([f"({self.base_where})", *(f"({f.sql})" for f in filters)])
        params = tuple(p for f in filters for p in f.params)
        return dbconn.connection().execute(
            f"SELECT count(*) FROM {self.source} WHERE {where}", params).fetchone()[0]

    def rows(self, ids: Iterable[int]) -> dict[int, tuple]:
        """Rows by id: each a tuple in the order of `fields`."""
        ids = list(ids)
        if not ids:
            return {}
        out: dict[int, tuple] = {}
        conn = dbconn.connection()
        if dialect.on_server():
            # One statement for any number of ids (an array), prepared once
            # per connection: a page of rows is planned once, not per scroll.
            columns = ", ".join(self.server_row_sql.get(k, v) for k, v in self.fields.items())
            sql = (f"SELECT {self.id_sql}, {columns} FROM {self.source}"
                   f" WHERE {self.id_sql} IN (SELECT value FROM json_each(?))")
            for start in range(0, len(ids), 500):
                for row in conn.execute_prepared(sql, (ids[start:start + 500],)):
                    out[row[0]] = row[1:]
            return out
        columns = ", ".join(self.fields.values())
        for start in range(0, len(ids), 500):
            part = ids[start:start + 500]
            marks = ",".join("?" * len(part))
            for row in conn.execute(
                f"SELECT {self.id_sql}, {columns} FROM {self.source} WHERE {self.id_sql} IN ({marks})",
                part,
            ):
                out[row[0]] = row[1:]
        return out
