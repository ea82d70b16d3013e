"""The `shopdesk` command: starts the GUI, or runs a subcommand over core.

Subcommands never import PySide6, so they start fast and work on a machine
without a display. User errors print one line on stderr and exit 2.

One module per command group (shop: info, check, demo; customers; aftersales
and its evidence; replies; transfer: export, import; backup: backup, restore; team: a shop on a server);
what they share is in desk.cli.common.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence

from desk import __version__
from desk.cli.common import EXIT_OK, EXIT_USAGE, Parser, data_dir, data_dir_option


def build_parser(commands: bool = True) -> argparse.ArgumentParser:
    """The whole command line; `commands=False`: only the options of the
    app itself (what starting the window needs: building every subcommand's
    parser costs a few milliseconds of start-up)."""
    parser = Parser(prog="shopdesk", description="ShopDesk (店铺客服台): customer service desk for a small online shop.")
    parser.add_argument("--version", action="version", version=f"ShopDesk {__version__}")
    data_dir_option(parser)
    parser.add_argument("--lang", choices=("en", "zh_CN"), help="UI language (default: settings, else the system's)")
    parser.add_argument("--smoke", action="store_true",
                        help="open every page and dialog once, then exit (for install checks)")
    if not commands:
        parser.set_defaults(command=None)
        return parser
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=Parser)
    for register in commands_list():
        p = register(sub)
        # --data-dir also after the subcommand; SUPPRESS keeps a value given before it
        data_dir_option(p, default=argparse.SUPPRESS)
    return parser


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
            where = data_dir(args).db_path
        except (UserError, OSError):
            where = "."
    return db.user_error(error, where)


def commands_list() -> list[Callable]:
    """Each subcommand's register function, in the order `--help` lists them.
    The groups' modules load here, not when the window starts."""
    from desk.cli import aftersales, backup, customers, replies, shop, team, transfer

    return [
        shop.add_info, shop.add_check, shop.add_demo, customers.add_customers,
        aftersales.add_aftersales, replies.add_replies, transfer.add_export, transfer.add_import,
        backup.add_backup, backup.add_restore, team.add_team,
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
