"""`shopdesk team init | join | status | move-from-local | export-local | leave`: a shop on
a PostgreSQL server. No Qt on this path."""

from __future__ import annotations

import argparse

from desk.cli.common import EXIT_OK, EXIT_PROBLEM, Parser, data_dir, data_dir_option

URL_HELP = ("the server's database as a URL: postgresql://USER[:PASSWORD]@HOST[:PORT]/DATABASE "
            "(a password left out is read from libpq's password file or $PGPASSWORD)")


def add_team(sub) -> argparse.ArgumentParser:
    p = sub.add_parser("team", help="a shop shared by several seats on a PostgreSQL server "
                                    "(see: shopdesk team --help)")
    actions = p.add_subparsers(dest="action", metavar="ACTION", required=True, parser_class=Parser)
    i = actions.add_parser("init", help="make a new shop in an empty database on a PostgreSQL 15+ "
                                        "server, and use it from this data folder")
    i.add_argument("url", metavar="URL", help=URL_HELP)
    i.set_defaults(func=cmd_init)
    j = actions.add_parser("join", help="use an existing shop on a server from this data folder")
    j.add_argument("url", metavar="URL", help=URL_HELP)
    j.set_defaults(func=cmd_join)
    s = actions.add_parser("status", help="local or on a server; whether the server answers")
    s.add_argument("--json", action="store_true", help="print one JSON object")
    s.set_defaults(func=cmd_status)
    mv = actions.add_parser("move-from-local", help="copy the local shop (every table and photo) "
                                                    "into the shop on the server, all or nothing")
    mv.add_argument("--from", dest="source", metavar="FILE",
                    help="a local database, a backup of one (.sqlite3) or a full backup (.zip, "
                         "photos included) instead of the data folder's own shop")
    mv.add_argument("--replace", action="store_true",
                    help="replace a server shop that already holds customers, orders or cases")
    mv.set_defaults(func=cmd_move_from_local)
    ex = actions.add_parser("export-local", help="write the shop on the server as a local shop "
                                                 "(.sqlite3), its photos into the data folder")
    ex.add_argument("--out", metavar="FILE",
                    help="where to write it (default: backups/shopdesk-server-<time>.sqlite3); "
                         "replaced if it exists")
    ex.set_defaults(func=cmd_export_local)
    lv = actions.add_parser("leave", help="switch this data folder back to a local shop (team.json "
                                          "is kept as team-left-<time>.json)")
    lv.add_argument("--from", dest="source", metavar="FILE",
                    help="an export of the server's shop (shopdesk team export-local) or a backup, "
                         "restored as the local shop first (the one there is kept aside)")
    lv.set_defaults(func=cmd_leave)
    for a in (i, j, s, mv, ex, lv):
        data_dir_option(a, default=argparse.SUPPRESS)
    return p


def _progress():
    """Progress on stderr, one line rewritten in place on a terminal."""
    import sys

    tty = sys.stderr.isatty()

    def say(text: str) -> None:
        if tty:
            print(f"\r\033[K{text}", end="", file=sys.stderr, flush=True)
        else:
            print(text, file=sys.stderr)

    def done() -> None:
        if tty:
            print(file=sys.stderr)

    return say, done


def cmd_move_from_local(args) -> int:
    from desk.core import team_move

    say, done = _progress()
    try:
        result = team_move.move_from_local(data_dir(args), args.source, replace=args.replace,
                                           progress=say)
    finally:
        done()
    rows = sum(result.rows.values())
    replaced = f"; replaced {result.replaced:,} rows of shop data" if result.replaced else ""
    print(f"moved {rows:,} rows in {len(result.rows)} tables and {result.photos:,} photo(s) to the "
          f"server{replaced}")
    return EXIT_OK


def cmd_export_local(args) -> int:
    import sys

    from desk.core import team_move

    say, done = _progress()
    try:
        result = team_move.export_local(data_dir(args), args.out, progress=say)
    finally:
        done()
    print(result.path)
    bad = f", {result.photos_bad} damaged photo(s) left out" if result.photos_bad else ""
    print(f"exported {sum(result.rows.values()):,} rows and {result.photos:,} photo(s){bad}; "
          f"open it as a local shop with: shopdesk restore FILE (in a local data folder)",
          file=sys.stderr)
    return EXIT_OK


def cmd_leave(args) -> int:
    from desk.core import team
    from desk.core.errors import QT_TRANSLATE_NOOP, UserError
    from desk.core.lock import WriterLock

    data = data_dir(args)
    if not data.root.is_dir():
        raise UserError(QT_TRANSLATE_NOOP("UserError", "The folder {folder} does not exist."),
                        folder=data.root)
    lock = WriterLock(data.lock_path)
    if not lock.acquire():
        raise UserError(QT_TRANSLATE_NOOP(
            "UserError", "ShopDesk is open on the data folder {folder}. Close it, then leave team "
            "mode (or do it from Settings > Team inside ShopDesk). Nothing was changed."),
            folder=data.root)
    try:
        server = team.load(data)
        left = team.leave(data, args.source)
    finally:
        lock.release()
    print(f"this data folder works with its local shop again ({data.db_path})")
    print(f"the server's address is kept in {left.name}; the shop on {server.address} is unchanged")
    if not args.source:
        print("the local shop is as it was left in this folder: what was done on the server since "
              "is not in it (shopdesk team export-local writes that)")
    return EXIT_OK


_KEPT = {"keyring": "in the system's keyring", "pgpass": "in libpq's password file",
         "none": "not stored (the server asked for none, or libpq finds it)"}


def _report(verb: str, setup) -> None:
    print(f"{verb} the shop on {setup.address}")
    print(f"password: {_KEPT.get(setup.password_kept, setup.password_kept)}")


def _local_hint(data) -> None:
    from desk.core import db

    if data.db_path.exists() and db.data_rows(data.db_path) > 0:
        print("the local shop in this folder is left as it is; copy it to the server with: "
              "shopdesk team move-from-local")


def cmd_init(args) -> int:
    from desk.core import team

    data = data_dir(args)
    _report("made", team.init(data, args.url))
    _local_hint(data)
    return EXIT_OK


def cmd_join(args) -> int:
    from desk.core import team

    data = data_dir(args)
    _report("joined", team.join(data, args.url))
    _local_hint(data)
    return EXIT_OK


def cmd_status(args) -> int:
    from desk.core import db, team

    data = data_dir(args)
    st = team.status(data)
    if args.json:
        import json

        print(json.dumps({
            "mode": st.mode, "data_dir": str(data.root),
            "server": None if st.address is None else {
                "host": st.address.host, "port": st.address.port,
                "database": st.address.dbname, "user": st.address.user},
            "password": st.password_kept, "server_version": st.server_version or None,
            "schema_version": st.schema_version, "latest_schema_version": db.latest_version(),
            "problem": st.problem or None,
        }, ensure_ascii=False, indent=2))
        return EXIT_PROBLEM if st.problem else EXIT_OK
    if st.mode == "local":
        print(f"local shop in {data.root} (schema {st.schema_version}; this ShopDesk: "
              f"{db.latest_version()})")
        return EXIT_OK
    print(f"shop on the server {st.address}")
    print(f"password:       {_KEPT.get(st.password_kept, st.password_kept)}")
    if st.problem:
        print(f"not reachable:  {st.problem}")
        return EXIT_PROBLEM
    print(f"server:         PostgreSQL {st.server_version}")
    if st.schema_version is None:
        print("schema:         none (the database holds no ShopDesk shop)")
        return EXIT_PROBLEM
    print(f"schema version: {st.schema_version} (this ShopDesk: {db.latest_version()})")
    if st.schema_version > db.latest_version():
        print("                 a newer ShopDesk updated the shop: update ShopDesk on this computer")
        return EXIT_PROBLEM
    return EXIT_OK
