"""`shopdesk info`, `check` and `demo`: the data folder as a whole. No Qt on this path."""

from __future__ import annotations

import argparse
import sys

from desk import __version__
from desk.cli.common import (
    EXIT_OK,
    EXIT_PROBLEM,
    count,
    data_dir,
    open_to_write,
    refuse_unusable,
    writer,
)

# --- info ---------------------------------------------------------------------

def add_info(sub) -> argparse.ArgumentParser:
    p = sub.add_parser("info", help="data folder, database size, schema version, row counts")
    p.add_argument("--json", action="store_true", help="print one JSON object")
    p.set_defaults(func=cmd_info)
    return p


def cmd_info(args) -> int:
    from desk.core import db, team

    data = data_dir(args)
    if team.team_file(data).exists():
        return _team_info(data, args.json)
    out = {"version": __version__, "data_dir": str(data.root), "database": str(data.db_path)}
    refuse_unusable(data)
    if not data.db_path.exists():
        out.update(database_bytes=0, schema_version=0, latest_schema_version=db.latest_version(), rows={})
    else:
        version, rows = db.inspect(data.db_path)
        out.update(
            database_bytes=data.db_path.stat().st_size,
            schema_version=version,
            latest_schema_version=db.latest_version(),
            rows=rows,
        )
    if args.json:
        import json

        out["mode"] = "local"
        print(json.dumps(out, ensure_ascii=False, indent=2))
        return EXIT_OK
    print(f"ShopDesk {out['version']}")
    print(f"data folder:    {out['data_dir']}")
    if not out["database_bytes"]:
        print("database:       none yet (created when ShopDesk first starts)")
        return EXIT_OK
    print(f"database:       {out['database']} ({out['database_bytes'] / 1048576:.1f} MiB)")
    print(f"schema version: {out['schema_version']} (this ShopDesk: {out['latest_schema_version']})")
    width = max(map(len, out["rows"]))
    for table, n in out["rows"].items():
        print(f"  {table:<{width}}  {n:>10,}")
    return EXIT_OK


def _team_info(data, as_json: bool) -> int:
    """`info` on a seat of a shop on a server: the server's shop."""
    from desk.core import team_backup

    out = {"version": __version__, "data_dir": str(data.root), **team_backup.info(data)}
    if as_json:
        import json

        print(json.dumps(out, ensure_ascii=False, indent=2))
        return EXIT_OK
    print(f"ShopDesk {out['version']}")
    print(f"data folder:    {out['data_dir']}")
    print("mode:           team (the shop is on a PostgreSQL server)")
    print(f"server:         {out['server']} (PostgreSQL {out['server_version']})")
    print(f"schema version: {out['schema_version']} (this ShopDesk: {out['latest_schema_version']})")
    state = "changed since" if out["changed_since_backup"] else "unchanged since"
    print(f"last backup:    {out['last_backup_text']}; the shop is {state}")
    if out["backup_overdue"]:
        print("                no seat has backed up the shop for more than a day: tick \"This "
              "seat takes the shop's scheduled backups\" in Settings > Team on one seat")
    print(f"this seat:      {'takes' if out['this_seat_takes_backups'] else 'does not take'} "
          "the shop's scheduled backups")
    rows = {**out["rows"], "photos on the server": out["photos"]}
    width = max(map(len, rows))
    for table, n in rows.items():
        print(f"  {table:<{width}}  {n:>10,}")
    return EXIT_OK


# --- check --------------------------------------------------------------------

def add_check(sub) -> argparse.ArgumentParser:
    p = sub.add_parser("check", help="integrity and foreign-key check (exit 1 if anything is wrong); "
                       "on a team seat, the shop on the server")
    p.add_argument("--thorough", action="store_true",
                   help="on a team seat: also every photo on the server against its checksum")
    p.set_defaults(func=cmd_check)
    return p


def cmd_check(args) -> int:
    from desk.core import db, team
    from desk.core.errors import QT_TRANSLATE_NOOP, UserError

    data = data_dir(args)
    if team.team_file(data).exists():
        return _team_check(data, args.thorough)
    if not data.db_path.exists():
        raise UserError(QT_TRANSLATE_NOOP("UserError", "There is no ShopDesk database in {folder}."),
                        folder=data.root)
    refuse_unusable(data)
    problems = db.integrity_problems(data.db_path)
    if not problems:
        problems = db.text_problems(data.db_path)
    if problems:
        for line in problems[:100]:
            print(line)
        print(f"{len(problems)} problem(s) found in {data.db_path}", file=sys.stderr)
        return EXIT_PROBLEM
    print(f"ok: {data.db_path}")
    return EXIT_OK


def _team_check(data, thorough: bool) -> int:
    from desk.core import team, team_backup

    address = team.load(data).address
    problems = team_backup.check(data, thorough)
    if problems:
        for line in problems[:100]:
            print(line)
        print(f"{len(problems)} problem(s) found in the shop on the server {address}", file=sys.stderr)
        return EXIT_PROBLEM
    print(f"ok: the shop on the server {address}{' (photos checked)' if thorough else ''}")
    return EXIT_OK


# --- demo ---------------------------------------------------------------------

def add_demo(sub) -> argparse.ArgumentParser:
    p = sub.add_parser("demo", help="fill an empty data folder with realistic demo data")
    p.add_argument("--customers", type=count, default=2000, metavar="N",
                   help="number of customers (default 2000; 100000 for speed tests)")
    p.add_argument("--seed", type=int, default=1, metavar="S", help="random seed (same seed, same shop)")
    p.set_defaults(func=cmd_demo)
    return p


def cmd_demo(args) -> int:
    import time

    from desk.core import demo

    data = data_dir(args)
    with writer(data):
        open_to_write(data)
        started = time.perf_counter()
        tty = sys.stderr.isatty()

        def progress(done: int, total: int) -> None:
            if tty:
                print(f"\r{done:,} / {total:,} customers", end="", file=sys.stderr, flush=True)

        s = demo.generate(data, args.customers, seed=args.seed, progress=progress)
        if tty:
            print(file=sys.stderr)
    print(f"demo data written to {data.root} in {time.perf_counter() - started:.1f} s: "
          f"{s.customers:,} customers, {s.orders:,} orders, {s.notes:,} notes, "
          f"{s.followups:,} follow-ups, {s.cases:,} after-sales cases, {s.photos:,} photos, "
          f"{s.replies:,} quick replies")
    return EXIT_OK


