"""`shopdesk export` and `shopdesk import`: Excel workbooks out, the platforms'
order exports in. No Qt on this path."""

from __future__ import annotations

import argparse
import sys

from desk.cli.common import EXIT_OK, Parser, data_dir, open_to_read, open_to_write, out_file, writer

EXPORT_KINDS = ("customers", "orders", "aftersales", "followups", "replies", "all", "review")
IMPORT_PLATFORMS = ("taobao", "tmall", "pdd", "jd", "douyin", "wechat")  # desk.core.excel.layouts


def add_export(sub) -> argparse.ArgumentParser:
    p = sub.add_parser("export", help="write the shop's data to an Excel workbook")
    p.add_argument("kind", choices=EXPORT_KINDS, metavar="KIND",
                   help=f"what to export: {', '.join(EXPORT_KINDS)} (all: a sheet each)")
    p.add_argument("--out", metavar="FILE.xlsx", required=True,
                   help="the workbook to write (replaced if it exists)")
    p.add_argument("--mask-phones", action="store_true", help="write phones as 138****1234")
    p.add_argument("--from", dest="first", metavar="DATE",
                   help="review: the first day, YYYY-MM-DD (default: the 1st of this month)")
    p.add_argument("--to", dest="last", metavar="DATE",
                   help="review: the last day, included (default: today)")
    p.add_argument("--platform", metavar="P", default="",
                   help="review: only this platform's buyers, orders and cases")
    p.set_defaults(func=cmd_export)
    return p


def _day(text: str | None, default):
    from datetime import date

    from desk.core.errors import QT_TRANSLATE_NOOP, UserError

    if text is None:
        return default
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise UserError(QT_TRANSLATE_NOOP("UserError", "“{text}” is not a date; write it as "
                                          "YYYY-MM-DD, e.g. 2026-11-01."), text=text) from None


def _export_review(args, out) -> int:
    from datetime import date

    from desk.core.aftersales import views
    from desk.core.excel.translations import translator
    from desk.core.platforms import PLATFORMS
    from desk.core.review import figures
    from desk.core.review.workbook import write_review

    if args.platform and args.platform not in PLATFORMS:
        from desk.core.errors import QT_TRANSLATE_NOOP, UserError

        raise UserError(QT_TRANSLATE_NOOP("UserError", "There is no platform “{name}”; use one of "
                                          "{names}."), name=args.platform, names=", ".join(PLATFORMS))
    today = date.today()
    period = figures.Period(_day(args.first, today.replace(day=1)), _day(args.last, today))
    translate = translator(getattr(args, "lang", None))
    review = figures.review(period, args.platform)
    write_review(review, out, translate, {"reason": dict(views.reason_choices())})
    print(out)
    print(f"review of {period.first} to {period.last}", file=sys.stderr)
    return EXIT_OK


def cmd_export(args) -> int:
    from desk.core.errors import QT_TRANSLATE_NOOP, UserError
    from desk.core.excel import exports
    from desk.core.excel.translations import translator

    out = out_file(args.out, ".xlsx")
    if args.kind != "review" and (args.first or args.last or args.platform):
        raise UserError(QT_TRANSLATE_NOOP("UserError", "--from, --to and --platform are for "
                                          "`shopdesk export review` only."))
    open_to_read(data_dir(args))
    if args.kind == "review":
        return _export_review(args, out)
    tty = sys.stderr.isatty()

    def progress(done: int, total: int) -> None:
        if tty:
            print(f"\r{done:,} / {total:,} rows", end="", file=sys.stderr, flush=True)

    # the stored codes are written as their names (desk.core.labels) in this
    # language, as the app's File > Export writes them in the app's
    result = exports.export(args.kind, out, mask_phones=args.mask_phones,
                            translate=translator(getattr(args, "lang", None)), progress=progress)
    if tty:
        print(file=sys.stderr)
    print(result.path)
    print(f"{result.rows:,} row(s) on {result.sheets} sheet(s)", file=sys.stderr)
    return EXIT_OK


def add_import(sub) -> argparse.ArgumentParser:
    p = sub.add_parser("import", help="read the platforms' order exports (or our own customer "
                                      "list) into the customer file")
    what = p.add_subparsers(dest="what", metavar="WHAT", required=True, parser_class=Parser)
    o = what.add_parser("orders", help="an order export from a seller centre (.csv, .xlsx, .xls "
                                       "or .ods)")
    o.add_argument("file", metavar="FILE", nargs="+",
                   help="the exported file (.csv, .xlsx, .xls or .ods); Taobao/Tmall's order report "
                        "(订单报表) and item report (宝贝报表) may be given together")
    o.add_argument("--platform", choices=IMPORT_PLATFORMS,
                   help="the platform the file comes from (default: recognised from its columns)")
    o.add_argument("--preset", metavar="NAME",
                   help="a column preset saved in the app, for a layout ShopDesk does not know")
    o.add_argument("--dry-run", action="store_true", help="show what would change; write nothing")
    o.add_argument("--json", action="store_true", help="print the summary as one JSON object")
    o.add_argument("--data-dir", metavar="DIR", default=argparse.SUPPRESS,
                   help="folder with the shop's database")
    o.set_defaults(func=cmd_import_orders)
    c = what.add_parser("customers", help="a customer list exported by ShopDesk (shopdesk export "
                                          "customers): buyers matched by platform and nickname")
    c.add_argument("file", metavar="FILE", help="the exported workbook (.xlsx)")
    c.add_argument("--dry-run", action="store_true", help="show what would change; write nothing")
    c.add_argument("--json", action="store_true", help="print the summary as one JSON object")
    c.add_argument("--data-dir", metavar="DIR", default=argparse.SUPPRESS,
                   help="folder with the shop's database")
    c.set_defaults(func=cmd_import_customers)
    return p


def cmd_import_customers(args) -> int:
    from desk.core.excel import customers_import

    data = data_dir(args)
    if args.dry_run:
        open_to_read(data)
        result = customers_import.import_customers(args.file, dry_run=True)
    else:
        with writer(data):
            open_to_write(data)
            result = customers_import.import_customers(args.file)
    summary = result.summary()
    if args.json:
        import json

        print(json.dumps(summary, ensure_ascii=False))
        return EXIT_OK
    print(f"new customers:     {summary['new_customers']:>8,}")
    print(f"updated customers: {summary['updated_customers']:>8,}")
    print(f"unchanged:         {summary['unchanged']:>8,}")
    for e in summary["errors"]:
        print(f"row {e['row']}: {e['message']}")
    verb = "would be" if args.dry_run else "were"
    print(f"{len(summary['errors']):,} row(s) could not be used; the rest {verb} imported"
          + (" (dry run: nothing written)" if args.dry_run else ""), file=sys.stderr)
    return EXIT_OK


def _waiting() -> None:
    print("Another seat is importing orders into the shop; this import starts when that one "
          "has finished…", file=sys.stderr, flush=True)


def cmd_import_orders(args) -> int:
    from desk.core.excel import orders_import, presets

    data = data_dir(args)
    mapping, platform = None, args.platform
    if args.dry_run and not data.db_path.exists():
        # A new shop's first look at its export: preview against an empty
        # database in memory; the data folder is not created or touched.
        from desk.core import db

        with db.scratch():
            if args.preset:
                presets.get(args.preset)  # none saved yet: says so
            result = orders_import.import_orders(args.file, platform, dry_run=True)
    elif args.dry_run:
        open_to_read(data)
        if args.preset:
            preset = presets.get(args.preset)
            mapping, platform = preset.columns, platform or preset.platform
        result = orders_import.import_orders(args.file, platform, mapping, dry_run=True)
    else:
        with writer(data):
            open_to_write(data)
            if args.preset:
                preset = presets.get(args.preset)
                mapping, platform = preset.columns, platform or preset.platform
            result = orders_import.import_orders(args.file, platform, mapping, waiting=_waiting)
    summary = result.summary()
    if args.json:
        import json

        print(json.dumps(summary, ensure_ascii=False))
        return EXIT_OK
    verb = "would be" if args.dry_run else "were"
    print(f"platform: {summary['platform']}")
    print(f"new customers:     {summary['new_customers']:>8,}")
    print(f"updated customers: {summary['updated_customers']:>8,}")
    print(f"new orders:        {summary['new_orders']:>8,}")
    print(f"updated orders:    {summary['updated_orders']:>8,}")
    print(f"unchanged orders:  {summary['unchanged']:>8,}")
    for c in summary["changes"]:
        where = f"{c['file']}, row {c['row']}" if c.get("file") else f"row {c['row']}"
        print(f"{where}: order {c['order_no']} ({c['buyer']}): {c['field']}: "
              f"{c['old'] or '(empty)'} → {c['new'] or '(empty)'}")
    for e in summary["errors"]:
        where = f"{e['file']}, row {e['row']}" if e.get("file") else f"row {e['row']}"
        print(f"{where}: {e['message']}")
    print(f"{len(summary['errors']):,} row(s) could not be used; the rest {verb} imported"
          + (" (dry run: nothing written)" if args.dry_run else ""), file=sys.stderr)
    return EXIT_OK
