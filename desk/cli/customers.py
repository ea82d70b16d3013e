"""`shopdesk customers search`: the customer file from the command line. No Qt on this path."""

from __future__ import annotations

import argparse
import sys

from desk.cli.common import (
    EXIT_OK,
    EXIT_USAGE,
    Parser,
    count,
    data_dir,
    data_dir_option,
    open_to_read,
)


def add_customers(sub) -> argparse.ArgumentParser:
    p = sub.add_parser("customers", help="the customer file (see: shopdesk customers search --help)")
    actions = p.add_subparsers(dest="action", metavar="ACTION", required=True, parser_class=Parser)
    s = actions.add_parser("search", help="find customers as the Customers page's search box does")
    s.add_argument("query", metavar="QUERY",
                   help="nickname or real name (part of it), phone or its last 4 digits, order or "
                        "tracking number, tag, or pinyin (xydd, xiaoyu)")
    s.add_argument("--json", action="store_true", help="print one JSON list")
    s.add_argument("--limit", type=count, metavar="N", help="print at most N customers")
    data_dir_option(s, default=argparse.SUPPRESS)
    s.set_defaults(func=cmd_search)
    return p


def cmd_search(args) -> int:
    from desk.core.customers import search
    from desk.core.money import format_fen

    if not args.query.strip():
        print("shopdesk customers search: the query is empty", file=sys.stderr)
        return EXIT_USAGE
    open_to_read(data_dir(args))
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


