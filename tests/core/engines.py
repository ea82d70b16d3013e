"""Reading a shop from outside the test's own connection, on either engine."""

from __future__ import annotations

import sqlite3

from desk.core.paths import DataDir


def committed(data_dir: DataDir, sql: str) -> list[tuple]:
    """`sql`'s rows through a second connection to the data folder's shop (a
    new sqlite3 connection to the file, or a new one to the server of a
    team seat), which sees committed rows only."""
    from desk.core import team

    setup = team.load(data_dir)
    if setup is None:
        raw = sqlite3.connect(data_dir.db_path)
        try:
            return raw.execute(sql).fetchall()
        finally:
            raw.close()
    from desk.core import server

    conn = server.raw_connect(setup.address, team.password(setup))
    try:
        with conn.cursor() as cur:
            cur.execute(sql)
            return cur.fetchall()
    finally:
        conn.close()


def stored_setting(key: str) -> str | None:
    """The text kept for a setting or UI-state `key`: on a team seat a seat's
    own value is in the seat's folder (desk/core/seat.py), the rest in the
    shop's setting table."""
    from desk.core import seat
    from desk.core.models import Setting

    root = seat.folder()
    if root is not None and seat.get(root, key) is not None:
        return seat.get(root, key)
    row = Setting.get_or_none(Setting.key == key)
    return None if row is None else row.value
