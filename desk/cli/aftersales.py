"""`shopdesk aftersales list` (and `evidence`, from desk.cli.evidence): the
after-sales register from the command line. No Qt on this path."""

from __future__ import annotations

import argparse
import sys

from desk.cli.common import EXIT_OK, Parser, data_dir, data_dir_option, open_to_read
from desk.cli.evidence import add_evidence_command

CASE_STATUSES = ("new", "handling", "awaiting_return", "returning", "received", "processing",
                 "done", "rejected", "closed")  # desk.core.aftersales.models.CASE_STATUSES


def add_aftersales(sub) -> argparse.ArgumentParser:
    p = sub.add_parser("aftersales", help="the after-sales register (see: shopdesk aftersales list --help)")
    actions = p.add_subparsers(dest="action", metavar="ACTION", required=True, parser_class=Parser)
    s = actions.add_parser("list", help="list after-sales cases, soonest deadline first")
    s.add_argument("--status", choices=CASE_STATUSES, metavar="S",
                   help=f"only cases with this status ({', '.join(CASE_STATUSES)})")
    s.add_argument("--due", choices=("overdue", "today"),
                   help="overdue: not settled and the next deadline has passed; today: due by "
                        "the end of today (overdue included)")
    s.add_argument("--json", action="store_true", help="print one JSON list")
    data_dir_option(s, default=argparse.SUPPRESS)
    s.set_defaults(func=cmd_list)
    add_evidence_command(actions)
    return p


def cmd_list(args) -> int:
    from desk.core import timeutil
    from desk.core.aftersales import due
    from desk.core.aftersales.listing import CASES
    from desk.core.listing import Filter

    open_to_read(data_dir(args))
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


