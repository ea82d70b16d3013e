"""What every command shares: the parser class, the --data-dir option, and
opening the data folder's database to read or (under the writer lock) to
write. Core only, imported lazily: no Qt on this path."""

from __future__ import annotations

import argparse

EXIT_OK, EXIT_PROBLEM, EXIT_USAGE = 0, 1, 2


class Parser(argparse.ArgumentParser):
    def error(self, message: str):  # one line, not argparse's usage block
        self.exit(EXIT_USAGE, f"{self.prog}: {message} (see {self.prog} --help)\n")


def data_dir_option(parser: argparse.ArgumentParser, default=None) -> None:
    parser.add_argument(
        "--data-dir", metavar="DIR", default=default,
        help="folder with the shop's database, photos, backups and logs "
             "(default: $SHOPDESK_DATA_DIR, else the system's user data folder)")


def data_dir(args):
    from desk.core import paths

    return paths.resolve(args.data_dir)


def open_to_write(data) -> None:
    from desk.core import db

    data.ensure()
    refuse_unusable(data)
    db.open_database(data.db_path, data.backups)


def open_to_read(data) -> None:
    """Connect to an existing database; migrate it first (under the writer
    lock) only when it is older than this ShopDesk."""
    import sqlite3

    from desk.core import db
    from desk.core.errors import QT_TRANSLATE_NOOP, UserError

    if not data.db_path.exists():
        raise UserError(QT_TRANSLATE_NOOP("UserError", "There is no ShopDesk database in {folder}."),
                        folder=data.root)
    refuse_unusable(data)
    try:
        conn = db.open_read_only(data.db_path)
        try:
            current = db.schema_version(conn) == db.latest_version()
        finally:
            conn.close()
    except sqlite3.DatabaseError as e:
        busy = db.busy_error(e, data.db_path)
        if busy is not None:  # a writer kept it locked longer than the busy timeout
            raise busy from e
        current = False  # open_database below says what is wrong with it
    if current:
        from peewee import DatabaseError

        try:
            db.connect(data.db_path)
        except (sqlite3.DatabaseError, DatabaseError) as e:
            # a damaged page may be the first one setting up the connection reads
            raise UserError(QT_TRANSLATE_NOOP("UserError", "The database {path} cannot be opened: "
                                              "{reason}."), path=data.db_path, reason=e) from e
        return
    with writer(data):
        open_to_write(data)


def refuse_unusable(data) -> None:
    """Refuse a database file that holds no ShopDesk data (empty, another
    program's, not a database) or is no file at all: a command never turns
    it into an empty shop. The file is left as it is; the message names the
    newest good backup to restore."""
    from desk.core import backup, db
    from desk.core.errors import QT_TRANSLATE_NOOP, UserError

    problem = db.file_problem(data.db_path)
    if problem is not None:
        raise problem
    if not data.db_path.exists():
        return
    reason = db.shop_problem(data.db_path)
    if reason is None:
        return
    good = backup.newest_good(data)
    if good is None:
        raise UserError(QT_TRANSLATE_NOOP(
            "UserError", "The database {path} holds no ShopDesk data ({reason}) and there is no good "
            "backup in {folder}. Nothing was changed. Move the file away to start a new shop."),
            path=data.db_path, reason=reason, folder=data.backups)
    raise UserError(QT_TRANSLATE_NOOP(
        "UserError", "The database {path} holds no ShopDesk data ({reason}). Nothing was changed. "
        "The newest good backup is {backup}; put it back with: shopdesk restore \"{backup}\" "
        "(the file is kept aside)."), path=data.db_path, reason=reason, backup=good.path)


def writer(data):
    """Hold the data folder's writer lock for a writing subcommand."""
    from desk.core.lock import WriterLock

    data.ensure()
    return WriterLock(data.lock_path)


def count(text: str) -> int:
    """argparse type of a number of customers: 2,000 and 2_000 as 2000."""
    try:
        n = int(text.replace(",", "").replace("_", ""))
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    from desk.core.demo import MAX_CUSTOMERS

    if not 0 <= n <= MAX_CUSTOMERS:
        raise argparse.ArgumentTypeError(f"must be between 0 and {MAX_CUSTOMERS:,}")
    return n


def out_file(text: str, suffix: str):
    """The file `--out` names, exactly (no extension is added): a folder is
    refused with the ending to give, so is a pipe or a device."""
    from pathlib import Path

    from desk.core import files
    from desk.core.errors import QT_TRANSLATE_NOOP, UserError

    out = Path(text).expanduser()
    if out.is_dir():
        raise UserError(QT_TRANSLATE_NOOP("UserError", "{path} is a folder; give --out a file name "
                                          "ending in {suffix}."), path=out, suffix=suffix)
    files.check_output(out)
    return out
