"""The `shopdesk` command: starts the GUI, or runs a subcommand over core.

Subcommands never import PySide6, so they start fast and work on a machine
without a display. User errors print one line on stderr and exit 2.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence

from desk import __version__

EXIT_OK, EXIT_PROBLEM, EXIT_USAGE = 0, 1, 2


class _Parser(argparse.ArgumentParser):
    def error(self, message: str):  # one line, not argparse's usage block
        self.exit(EXIT_USAGE, f"{self.prog}: {message} (see {self.prog} --help)\n")


def _data_dir_option(parser: argparse.ArgumentParser, default=None) -> None:
    parser.add_argument(
        "--data-dir", metavar="DIR", default=default,
        help="folder with the shop's database, photos, backups and logs "
             "(default: $SHOPDESK_DATA_DIR, else the system's user data folder)")


def build_parser(commands: bool = True) -> argparse.ArgumentParser:
    """The whole command line; `commands=False`: only the options of the
    app itself (what starting the window needs: building every subcommand's
    parser costs a few milliseconds of start-up)."""
    parser = _Parser(prog="shopdesk", description="ShopDesk (店铺客服台): customer service desk for a small online shop.")
    parser.add_argument("--version", action="version", version=f"ShopDesk {__version__}")
    _data_dir_option(parser)
    parser.add_argument("--lang", choices=("en", "zh_CN"), help="UI language (default: settings, else the system's)")
    parser.add_argument("--smoke", action="store_true",
                        help="open every page and dialog once, then exit (for install checks)")
    if not commands:
        parser.set_defaults(command=None)
        return parser
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for register in commands_list():
        p = register(sub)
        # --data-dir also after the subcommand; SUPPRESS keeps a value given before it
        _data_dir_option(p, default=argparse.SUPPRESS)
    return parser


# --- info ---------------------------------------------------------------------

def _add_info(sub) -> argparse.ArgumentParser:
    p = sub.add_parser("info", help="data folder, database size, schema version, row counts")
    p.add_argument("--json", action="store_true", help="print one JSON object")
    p.set_defaults(func=_cmd_info)
    return p


def _cmd_info(args) -> int:
    from desk.core import db

    data = _data_dir(args)
    out = {"version": __version__, "data_dir": str(data.root), "database": str(data.db_path)}
    _refuse_unusable(data)
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


# --- check --------------------------------------------------------------------

def _add_check(sub) -> argparse.ArgumentParser:
    p = sub.add_parser("check", help="integrity and foreign-key check (exit 1 if anything is wrong)")
    p.set_defaults(func=_cmd_check)
    return p


def _cmd_check(args) -> int:
    from desk.core import db
    from desk.core.errors import QT_TRANSLATE_NOOP, UserError

    data = _data_dir(args)
    if not data.db_path.exists():
        raise UserError(QT_TRANSLATE_NOOP("UserError", "There is no ShopDesk database in {folder}."),
                        folder=data.root)
    _refuse_unusable(data)
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


# --- demo ---------------------------------------------------------------------

def _add_demo(sub) -> argparse.ArgumentParser:
    p = sub.add_parser("demo", help="fill an empty data folder with realistic demo data")
    p.add_argument("--customers", type=_count, default=2000, metavar="N",
                   help="number of customers (default 2000; 100000 for speed tests)")
    p.add_argument("--seed", type=int, default=1, metavar="S", help="random seed (same seed, same shop)")
    p.set_defaults(func=_cmd_demo)
    return p


def _count(text: str) -> int:
    try:
        n = int(text.replace(",", "").replace("_", ""))
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    from desk.core.demo import MAX_CUSTOMERS

    if not 0 <= n <= MAX_CUSTOMERS:
        raise argparse.ArgumentTypeError(f"must be between 0 and {MAX_CUSTOMERS:,}")
    return n


def _cmd_demo(args) -> int:
    import time

    from desk.core import demo

    data = _data_dir(args)
    with _writer(data):
        _open(data)
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


# --- customers ----------------------------------------------------------------

def _add_customers(sub) -> argparse.ArgumentParser:
    p = sub.add_parser("customers", help="the customer file (see: shopdesk customers search --help)")
    actions = p.add_subparsers(dest="action", metavar="ACTION", required=True, parser_class=_Parser)
    s = actions.add_parser("search", help="find customers as the Customers page's search box does")
    s.add_argument("query", metavar="QUERY",
                   help="nickname or real name (part of it), phone or its last 4 digits, order or "
                        "tracking number, tag, or pinyin (xydd, xiaoyu)")
    s.add_argument("--json", action="store_true", help="print one JSON list")
    s.add_argument("--limit", type=_count, metavar="N", help="print at most N customers")
    _data_dir_option(s, default=argparse.SUPPRESS)
    s.set_defaults(func=_cmd_customers_search)
    return p


def _cmd_customers_search(args) -> int:
    from desk.core.customers import search
    from desk.core.money import format_fen

    if not args.query.strip():
        print("shopdesk customers search: the query is empty", file=sys.stderr)
        return EXIT_USAGE
    _open_to_read(_data_dir(args))
    found = search.find(args.query, args.limit)
    if args.json:
        import json

        print(json.dumps([
            {"id": m.id, "nickname": m.nickname, "platform": m.platform, "phone": m.phone,
             "order_count": m.order_count, "total_spent_yuan": format_fen(m.total_spent_fen)}
            for m in found
        ], ensure_ascii=False, indent=2))
        return EXIT_OK
    for m in found:
        print(f"{m.nickname}\t{m.platform}\t{m.phone or '-'}\t{m.order_count} orders\t"
              f"{format_fen(m.total_spent_fen)} yuan")
    print(f"{len(found):,} customer(s)", file=sys.stderr)
    return EXIT_OK


# --- aftersales ---------------------------------------------------------------

_CASE_STATUSES = ("new", "handling", "awaiting_return", "returning", "received", "processing",
                  "done", "rejected", "closed")  # desk.core.aftersales.models.CASE_STATUSES


def _add_aftersales(sub) -> argparse.ArgumentParser:
    p = sub.add_parser("aftersales", help="the after-sales register (see: shopdesk aftersales list --help)")
    actions = p.add_subparsers(dest="action", metavar="ACTION", required=True, parser_class=_Parser)
    s = actions.add_parser("list", help="list after-sales cases, soonest deadline first")
    s.add_argument("--status", choices=_CASE_STATUSES, metavar="S",
                   help=f"only cases with this status ({', '.join(_CASE_STATUSES)})")
    s.add_argument("--due", choices=("overdue", "today"),
                   help="overdue: not settled and the next deadline has passed; today: due by "
                        "the end of today (overdue included)")
    s.add_argument("--json", action="store_true", help="print one JSON list")
    _data_dir_option(s, default=argparse.SUPPRESS)
    s.set_defaults(func=_cmd_aftersales_list)
    from desk.evidence_cli import add_evidence_command

    add_evidence_command(actions)
    return p


def _cmd_aftersales_list(args) -> int:
    from desk.core import timeutil
    from desk.core.aftersales import due
    from desk.core.aftersales.listing import CASES
    from desk.core.listing import Filter

    _open_to_read(_data_dir(args))
    filters = []
    if args.status:
        filters.append(Filter("a.status = ?", (args.status,)))
    now = timeutil.now()
    if args.due == "overdue":
        filters.append(due.overdue_filter(now))
    elif args.due == "today":
        filters.append(due.today_filter(now))
    ids = CASES.ids(filters, sort="next_deadline_at")
    rows = CASES.rows(ids)
    keys = CASES.keys
    # soonest deadline first, cases without one last
    found = [dict(zip(keys, rows[i], strict=True)) for i in ids]
    found.sort(key=lambda r: r["next_deadline_at"] is None)

    def when(epoch):
        return None if epoch is None else timeutil.from_epoch(epoch).astimezone().isoformat()

    out = [{"case_no": r["case_no"], "nickname": r["nickname"],
            "order_no": None if r["order_no"] is None else str(r["order_no"]),
            "kind": r["kind"], "reason": r["reason"], "status": r["status"],
            "handler": r["handler"], "opened_at": when(r["opened_at"]),
            "next_deadline": when(r["next_deadline_at"])} for r in found]
    if args.json:
        import json

        print(json.dumps(out, ensure_ascii=False, indent=2))
        return EXIT_OK
    for r in out:
        print(f"{r['case_no']}\t{r['nickname']}\t{r['order_no'] or '-'}\t{r['kind']}\t"
              f"{r['status']}\t{r['next_deadline'] or '-'}")
    print(f"{len(out):,} case(s)", file=sys.stderr)
    return EXIT_OK


# --- shared -------------------------------------------------------------------

def _data_dir(args):
    from desk.core import paths

    return paths.resolve(args.data_dir)


def _open(data) -> None:
    from desk.core import db

    data.ensure()
    _refuse_unusable(data)
    db.open_database(data.db_path, data.backups)


def _open_to_read(data) -> None:
    """Connect to an existing database; migrate it first (under the writer
    lock) only when it is older than this ShopDesk."""
    import sqlite3

    from desk.core import db
    from desk.core.errors import QT_TRANSLATE_NOOP, UserError

    if not data.db_path.exists():
        raise UserError(QT_TRANSLATE_NOOP("UserError", "There is no ShopDesk database in {folder}."),
                        folder=data.root)
    _refuse_unusable(data)
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
        db.connect(data.db_path)
        return
    with _writer(data):
        _open(data)


def _refuse_unusable(data) -> None:
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


def _writer(data):
    """Hold the data folder's writer lock for a writing subcommand."""
    from desk.core.lock import WriterLock

    data.ensure()
    return WriterLock(data.lock_path)


def _quiet_logging() -> None:
    """A subcommand writes no log file, and Python's last-resort handler
    would print core's warnings on stderr before the one line the command
    ends with: send them nowhere instead."""
    import logging

    root = logging.getLogger()
    if not root.handlers:
        root.addHandler(logging.NullHandler())


_DISK_ERRNOS = {"ENOSPC", "EDQUOT", "EFBIG", "EROFS", "EACCES", "EPERM", "EIO"}


def _disk_problem(error: BaseException, args):
    """The UserError for an error the disk caused (full, too large a file,
    read-only, no permission, failing) or a database kept busy by another
    process, that core did not word itself; None for anything else (a bug)."""
    import errno

    from desk.core import db
    from desk.core.base import database
    from desk.core.errors import QT_TRANSLATE_NOOP, UserError

    if isinstance(error, OSError):
        if errno.errorcode.get(error.errno) not in _DISK_ERRNOS:
            return None
        return UserError(QT_TRANSLATE_NOOP("UserError", "{path} could not be written or read: {reason}. "
                                           "Nothing more was changed."),
                         path=error.filename or "a file", reason=error.strerror or error)
    where = database.obj.database if database.obj is not None else None
    if where is None:
        try:
            where = _data_dir(args).db_path
        except (UserError, OSError):
            where = "."
    return db.user_error(error, where)


def commands_list() -> list[Callable]:
    """Every subcommand's parser builder. The modules of the bigger ones are
    imported here, when the whole parser is built, not when the window opens."""
    from desk import backup_cli, replies_cli, transfer_cli  # they import helpers from this module

    return [
        _add_info, _add_check, _add_demo, _add_customers, _add_aftersales, replies_cli.add_replies,
        transfer_cli.add_export, transfer_cli.add_import, backup_cli.add_backup, backup_cli.add_restore,
    ]


_PATH_ARGUMENTS = frozenset({"file", "out", "data_dir"})  # any bytes the system allows


def _undecodable_argument(args) -> str | None:
    """What to say when a text argument (a query, a case number...) holds
    bytes that are not UTF-8: Python hands them over as lone surrogates,
    which no search or database can use. File names may hold such bytes."""
    for name, value in vars(args).items():
        if name in _PATH_ARGUMENTS or not isinstance(value, str):
            continue
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            raw = value.encode("utf-8", "surrogateescape")
            return (f"{name.replace('_', ' ')} {raw!r} is not valid text: it holds bytes that are not "
                    "UTF-8 (set the terminal to UTF-8, or type it again)")
    return None


def main(argv: Sequence[str] | None = None) -> int:
    from desk.core.errors import UserError

    argv = list(sys.argv[1:] if argv is None else argv)
    args, rest = (None, argv) if {"-h", "--help"} & set(argv) else \
        build_parser(commands=False).parse_known_args(argv)
    if rest:  # a subcommand (or something to refuse): the whole parser
        args = build_parser().parse_args(argv)
    if args.command is None:
        from desk.ui.app import run_gui  # the only path that imports Qt

        return run_gui(args)
    _quiet_logging()
    not_text = _undecodable_argument(args)
    if not_text:
        print(f"shopdesk: {not_text}", file=sys.stderr)
        return EXIT_USAGE
    try:
        return args.func(args)
    except UserError as e:
        print(f"shopdesk: {e}", file=sys.stderr)
        return EXIT_USAGE
    except BrokenPipeError:  # output piped into `head` and the like
        import os

        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK
    except KeyboardInterrupt:
        print("shopdesk: interrupted; nothing was written", file=sys.stderr)
        return 130
    except Exception as e:  # a disk that refuses a write or a busy database, wherever met
        problem = _disk_problem(e, args)
        if problem is None:
            raise
        print(f"shopdesk: {problem}", file=sys.stderr)
        return EXIT_USAGE
    finally:
        from desk.core import db

        db.close()
