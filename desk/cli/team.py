"""`shopdesk team init | join | status`: a shop on a PostgreSQL server. No Qt on this path."""

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
    for a in (i, j, s):
        data_dir_option(a, default=argparse.SUPPRESS)
    return p


_KEPT = {"keyring": "in the system's keyring", "pgpass": "in libpq's password file",
         "none": "not stored (the server asked for none, or libpq finds it)"}


def _report(verb: str, setup) -> None:
    print(f"{verb} the shop on {setup.address}")
    print(f"password: {_KEPT.get(setup.password_kept, setup.password_kept)}")


def cmd_init(args) -> int:
    from desk.core import team

    _report("made", team.init(data_dir(args), args.url))
    return EXIT_OK


def cmd_join(args) -> int:
    from desk.core import team

    _report("joined", team.join(data_dir(args), args.url))
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
