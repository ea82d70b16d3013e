"""`shopdesk backup [--out FILE] [--full]` and `shopdesk restore FILE`; no Qt on this path."""

from __future__ import annotations

import argparse
import sys

from desk.cli.common import EXIT_OK, data_dir, open_to_read, out_file


def add_backup(sub) -> argparse.ArgumentParser:
    p = sub.add_parser("backup", help="write a checked backup of the database (or a full archive)")
    p.add_argument("--out", metavar="FILE",
                   help="where to write it (default: the data folder's backups/); replaced if it exists")
    p.add_argument("--full", action="store_true",
                   help="one .zip with the database, every photo and a manifest of checksums, "
                        "to move the shop to another computer")
    p.set_defaults(func=cmd_backup)
    return p


def add_restore(sub) -> argparse.ArgumentParser:
    p = sub.add_parser("restore", help="replace the database with a checked backup (the current one is kept); "
                       "on a team seat, the shop on the server (backed up first)")
    p.add_argument("file", metavar="FILE",
                   help="a backup (.sqlite3, from backups/ or `shopdesk backup`) or a full archive (.zip)")
    p.set_defaults(func=cmd_restore)
    return p


def _out_path(text: str | None, suffix: str):
    return None if text is None else out_file(text, suffix).absolute()


def cmd_backup(args) -> int:
    from datetime import datetime

    from desk.core import backup

    data = data_dir(args)
    suffix = ".zip" if args.full else ".sqlite3"
    out = _out_path(args.out, suffix)
    from desk.core import team

    if team.team_file(data).exists():  # a seat of a shop on a server
        return _team_backup(data, out, args.full)
    open_to_read(data)  # a backup only reads: it works while ShopDesk is open
    if args.full:
        out = out or data.backups / f"shopdesk-full-{datetime.now():%Y%m%d-%H%M%S}.zip"
        result = backup.write_archive(data, out)
        print(result.path)
        skipped = f", {result.skipped} damaged photo(s) left out (see the log)" if result.skipped else ""
        print(f"full archive: database and {result.photos} photo(s), {result.size / 1048576:.1f} MiB"
              f"{skipped}", file=sys.stderr)
        return EXIT_OK
    path = backup.write_checked_copy(out) if out else backup.backup_now(data, "manual")
    print(path)
    print(f"backup checked: {path.stat().st_size / 1048576:.1f} MiB", file=sys.stderr)
    return EXIT_OK


def _team_backup(data, out, full: bool) -> int:
    """The same portable backup from a seat of a shop on a server: a local
    SQLite shop (desk/core/team_move.py), photos with --full; recorded on
    the server as the shop's last backup (desk/core/team_backup.py)."""
    from datetime import datetime

    from desk.core import team_backup

    if full:
        out = out or data.backups / f"shopdesk-full-{datetime.now():%Y%m%d-%H%M%S}.zip"
        result = team_backup.take_archive(data, out)
        print(result.path)
        skipped = f", {result.skipped} damaged photo(s) left out (see the log)" if result.skipped else ""
        print(f"full archive of the shop on the server: database and {result.photos} photo(s), "
              f"{result.size / 1048576:.1f} MiB{skipped}", file=sys.stderr)
        return EXIT_OK
    path = team_backup.take(data, "manual", out)
    print(path)
    print(f"backup of the shop on the server checked: {path.stat().st_size / 1048576:.1f} MiB",
          file=sys.stderr)
    return EXIT_OK


def cmd_restore(args) -> int:
    from desk.core import restore, team

    data = data_dir(args)
    if team.team_file(data).exists():  # a seat of a shop on a server: the server's shop
        return _team_restore(data, args.file)
    result = restore.restore_unlocked_folder(data, args.file)
    print(data.db_path)
    kept = f"the previous database is kept as {result.kept_aside}" if result.kept_aside else \
        "there was no database before"
    photos = f"; {result.photos_added} photo(s) added, {result.photos_present} already there" \
        if result.photos_added or result.photos_present else ""
    print(f"restored {args.file}; {kept}{photos}", file=sys.stderr)
    return EXIT_OK


def _team_restore(data, source: str) -> int:
    """On a team seat the shop is the server's: the backup replaces its
    contents in one server transaction, after a backup of it (never a local
    file the seat does not use)."""
    from desk.core import team, team_backup

    setup = team.load(data)
    tty = sys.stderr.isatty()

    def progress(text: str) -> None:
        if tty:
            print(f"\r{text[:70]:<70}", end="", file=sys.stderr, flush=True)

    result = team_backup.restore(data, source, progress)
    if tty:
        print(file=sys.stderr)
    print(str(setup.address))
    photos = f", {result.moved.photos} photo(s) added" if result.moved.photos else ""
    print(f"restored {source} into the shop on the server ({sum(result.moved.rows.values()):,} rows"
          f"{photos}); the shop as it was is kept as {result.kept}", file=sys.stderr)
    return EXIT_OK
