"""The change counter of a shop on a server: whether the shop changed since
its last backup (desk/core/team_backup.py), where a local shop looks at its
file's time.

A sequence that one statement-level trigger per table of the shop advances
(INSERT, UPDATE, DELETE and TRUNCATE: one `nextval` per statement, whatever
its rows; a sequence never waits for another seat). A transaction that sets
`shopdesk.quiet` (SET LOCAL) is not counted: the record of a backup is not a
change of the shop. Made after the last migration (desk/core/server.py) and,
on a shop made before it, at its first backup. Server only: a local shop has
none.
"""

from __future__ import annotations

SEQUENCE = "shopdesk_change_seq"
TRIGGER = "shopdesk_changed"
QUIET = "shopdesk.quiet"

FUNCTION = f"""
CREATE OR REPLACE FUNCTION {TRIGGER}() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
    IF coalesce(current_setting('{QUIET}', true), '') <> 'on' THEN
        PERFORM nextval('{SEQUENCE}');
    END IF;
    RETURN NULL;
END
$fn$"""


def tracked_tables() -> list[str]:
    """Every table of the shop: the models' and the server's photo store."""
    from desk.core import team_photos
    from desk.core.models import ALL_MODELS

    return [*(m._meta.table_name for m in ALL_MODELS), team_photos.TABLE]


def install(cur) -> None:
    """The counter and its trigger on every table that lacks one (a psycopg2
    cursor; the caller commits)."""
    cur.execute(f"CREATE SEQUENCE IF NOT EXISTS {SEQUENCE}")
    cur.execute(FUNCTION)
    for table in untracked(cur):
        cur.execute(f'CREATE OR REPLACE TRIGGER {TRIGGER} AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE'
                    f' ON "{table}" FOR EACH STATEMENT EXECUTE FUNCTION {TRIGGER}()')


def untracked(cur) -> list[str]:
    """The shop's tables without the counter's trigger."""
    cur.execute("SELECT c.relname FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid"
                " WHERE t.tgname = %s AND c.relnamespace = current_schema()::regnamespace",
                (TRIGGER,))
    have = {r[0] for r in cur.fetchall()}
    return [t for t in tracked_tables() if t not in have]
