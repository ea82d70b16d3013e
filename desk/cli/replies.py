"""`shopdesk replies import|export|find|render`: quick-reply phrases from the
command line. Subcommands registered by desk.cli; no Qt on this path."""

from __future__ import annotations

import argparse
import json
import sys

from desk.cli.common import (
    EXIT_OK,
    EXIT_USAGE,
    Parser,
    data_dir_option,
    open_to_read,
    open_to_write,
    writer,
)

SHOWN_ERRORS = 50


def add_replies(sub) -> argparse.ArgumentParser:
    p = sub.add_parser("replies", help="quick-reply phrases (import, export, find, render)")
    actions = p.add_subparsers(dest="action", metavar="ACTION", required=True, parser_class=Parser)

    s = actions.add_parser(
        "import",
        help="import phrases from a spreadsheet (.xlsx, .xls, .ods), CSV (.csv) or a Sogou phrase file (.txt)")
    s.add_argument("file", metavar="FILE")
    s.add_argument("--group", metavar="NAME",
                   help="the group for phrases the file gives no group (all of a Sogou file); "
                        "created if missing (default: 导入)")
    s.add_argument("--dry-run", action="store_true", help="print what would be imported; write nothing")
    s.add_argument("--json", action="store_true", help="print the counts and errors as one JSON object")
    s.add_argument("--skip-errors", action="store_true",
                   help="import the good lines of a file that has bad ones")
    s.set_defaults(func=cmd_import)

    s = actions.add_parser("export", help="write every phrase to a file")
    s.add_argument("--out", metavar="FILE", required=True,
                   help="FILE.xlsx: an Excel workbook; FILE.txt: a Sogou phrase file")
    s.add_argument("--encoding", choices=("utf-16", "utf-8"), default="utf-16",
                   help="of a Sogou file (default utf-16, as Sogou on Windows saves it)")
    s.set_defaults(func=cmd_export)

    s = actions.add_parser("find", help="find phrases as the palette does")
    s.add_argument("query", metavar="QUERY", help="a code, words of the text, or its pinyin initials")
    s.add_argument("--json", action="store_true", help="print one JSON list")
    s.add_argument("--limit", type=int, default=20, metavar="N", help="at most N phrases (default 20)")
    s.set_defaults(func=cmd_find)

    s = actions.add_parser("render", help="print a phrase with its placeholders filled in")
    s.add_argument("code", metavar="CODE")
    s.add_argument("--customer", metavar="NICKNAME", help="the buyer it is for")
    s.add_argument("--case", metavar="CASE_NO", help="the after-sales case it is about")
    s.add_argument("--set", action="append", default=[], metavar="NAME=VALUE",
                   help="a value for a placeholder: a prompted field {?NAME}, or one the data "
                        "does not give (shop_name=…, nickname=…); repeat for each")
    s.set_defaults(func=cmd_render)

    for action in actions.choices.values():
        data_dir_option(action, default=argparse.SUPPRESS)
    return p


def _data(args):
    from desk.core import paths

    return paths.resolve(getattr(args, "data_dir", None))


def _one_line(text: str, width: int = 60) -> str:
    line = " ⏎ ".join(text.splitlines())
    return line if len(line) <= width else line[: width - 1] + "…"


# -- import ---------------------------------------------------------------------


def cmd_import(args) -> int:
    from pathlib import Path

    from desk.core.replies import lint, transfer

    data = _data(args)
    path = Path(args.file).expanduser()
    if args.dry_run:
        open_to_read(data)
        plan = transfer.read_file(path, group=args.group)
        return _report(plan, args, lint.check_plan(plan), written=None)
    with writer(data):
        open_to_write(data)
        plan = transfer.read_file(path, group=args.group)
        warnings = lint.check_plan(plan)  # against the library as it was
        if plan.errors and not args.skip_errors:
            return _report(plan, args, warnings, written=None)
        written = transfer.apply(plan, skip_errors=args.skip_errors)
    return _report(plan, args, warnings, written=written)


def _report(plan, args, warnings: list, written: dict | None) -> int:
    refused = bool(plan.errors) and not args.skip_errors
    if args.json:
        print(json.dumps({
            "format": plan.format, "encoding": plan.encoding, "counts": plan.counts,
            "new_groups": list(plan.new_groups), "written": written,
            "errors": [{"line": r.line, "message": r.message} for r in plan.errors],
            "warnings": [{"line": line, "kind": p.kind, "message": p.message()}
                         for line, p in warnings],
        }, ensure_ascii=False, indent=2))
    else:
        if args.dry_run:
            for r in plan.rows:
                if r.kind != "error":
                    print(f"{r.line}\t{r.kind}\t{r.group}\t{r.code or '-'}\t{_one_line(r.body)}")
        for r in plan.errors[:SHOWN_ERRORS]:
            print(f"line {r.line}: {r.message}", file=sys.stderr)
        if len(plan.errors) > SHOWN_ERRORS:
            print(f"... and {len(plan.errors) - SHOWN_ERRORS:,} more line(s) with errors", file=sys.stderr)
        for line, p in warnings[:SHOWN_ERRORS]:
            print(f"line {line}: warning: {p.message()}", file=sys.stderr)
        if len(warnings) > SHOWN_ERRORS:
            print(f"... and {len(warnings) - SHOWN_ERRORS:,} more warning(s)", file=sys.stderr)
        c = plan.counts
        summary = (f"{c['new']:,} new, {c['changed']:,} changed, {c['duplicate']:,} duplicate, "
                   f"{c['error']:,} error(s)")
        if written is not None:
            print(f"imported: {summary}" + (f"; {written['groups']} group(s) added" if written["groups"] else ""),
                  file=sys.stderr)
        elif refused:
            print(f"{summary}; nothing was imported (correct the lines above, or use --skip-errors)",
                  file=sys.stderr)
        else:
            print(f"{summary} (dry run: nothing was written)", file=sys.stderr)
    return EXIT_USAGE if refused else EXIT_OK


# -- export -----------------------------------------------------------------------


def cmd_export(args) -> int:
    from pathlib import Path

    from desk.core import files
    from desk.core.errors import QT_TRANSLATE_NOOP, UserError
    from desk.core.replies import transfer

    out = Path(args.out).expanduser()
    suffix = out.suffix.lower()
    if out.is_dir() or suffix not in (".xlsx", ".txt"):
        raise UserError(QT_TRANSLATE_NOOP(
            "UserError", "Give --out a file name ending in .xlsx (Excel) or .txt (Sogou phrase file)."))
    files.check_output(out)
    open_to_read(_data(args))
    if suffix == ".xlsx":
        from desk.core.excel.translations import translator

        # the one reply workbook: the same as `shopdesk export replies`
        n = transfer.export_xlsx(out, translate=translator(getattr(args, "lang", None)))
        print(f"{n:,} phrase(s) written to {out}", file=sys.stderr)
    else:
        n, skipped = transfer.export_sogou(out, encoding=args.encoding)
        note = f"; {skipped:,} without a code left out (Sogou finds phrases by code)" if skipped else ""
        print(f"{n:,} phrase(s) written to {out}{note}", file=sys.stderr)
    print(out)
    return EXIT_OK


# -- find ----------------------------------------------------------------------------


def cmd_find(args) -> int:
    from desk.core.replies import search

    open_to_read(_data(args))
    found = search.find(args.query, max(1, args.limit))
    if args.json:
        print(json.dumps([
            {"id": p.id, "code": p.code, "group": p.group_name, "body": p.body,
             "use_count": p.use_count,
             "last_used_at": p.last_used_at.isoformat() if p.last_used_at else None}
            for p in found], ensure_ascii=False, indent=2))
        return EXIT_OK
    for p in found:
        print(f"{p.code or '-'}\t{p.group_name}\t{_one_line(p.body)}")
    print(f"{len(found):,} phrase(s)", file=sys.stderr)
    return EXIT_OK


# -- render --------------------------------------------------------------------------


def _answers(pairs: list[str]) -> dict[str, str]:
    from desk.core.errors import QT_TRANSLATE_NOOP, UserError
    from desk.core.replies import placeholders

    out = {}
    for pair in pairs:
        label, sep, value = pair.partition("=")
        if not sep or not label.strip():
            raise UserError(QT_TRANSLATE_NOOP(
                "UserError", "--set \"{pair}\": write it as NAME=VALUE, e.g. --set 优惠金额=5."),
                pair=pair)
        out[placeholders.answer_key(label)] = value
    return out


def cmd_render(args) -> int:
    from desk.core.errors import QT_TRANSLATE_NOOP, UserError
    from desk.core.replies import placeholders, service

    answers = _answers(args.set)
    open_to_read(_data(args))
    phrase = service.phrase_by_code(args.code)
    customer_id = _customer(args.customer) if args.customer else None
    case_id = None
    if args.case:
        from desk.core.aftersales.photos import find_case

        case_id = find_case(args.case)
    ctx = placeholders.context_for(customer_id, case_id)
    filled = placeholders.fill(phrase.body, ctx, answers, localised=True)
    if not filled.complete:
        # Never print a half-filled phrase: it would go to a buyer as "，您好～欢迎来到，…".
        raise UserError(QT_TRANSLATE_NOOP(
            "UserError", "The phrase cannot be filled in; missing: {missing}. {hint}"),
            missing=", ".join(g.describe() for g in filled.missing), hint=_render_hint(filled.missing))
    print(filled.text)
    return EXIT_OK


def _render_hint(missing) -> str:
    """How to give what `render` was missing, in one sentence."""
    keys = {g.key for g in missing if g.kind == "known"}
    ways = []
    if "shop_name" in keys:
        ways.append("set the shop name in the app's Settings")
    if keys & {"nickname", "order_no", "tracking_no", "carrier"}:
        ways.append("name the buyer with --customer or the case with --case")
    ways.append("pass --set NAME=VALUE (e.g. --set {example}=…)".format(
        example=next((g.key for g in missing), "shop_name")))
    text = ", ".join(ways[:-1]) + (" or " if len(ways) > 1 else "") + ways[-1]
    return text[:1].upper() + text[1:] + "."


def _customer(nickname: str) -> int:
    """The live customer with this nickname (on any platform)."""
    from desk.core.base import database
    from desk.core.errors import QT_TRANSLATE_NOOP, UserError

    rows = database.execute_sql(
        "SELECT id, platform FROM customer WHERE nickname = ? AND deleted_at IS NULL ORDER BY id",
        (nickname.strip(),)).fetchall()
    if not rows:
        raise UserError(QT_TRANSLATE_NOOP("UserError", "There is no customer called \"{nickname}\"."),
                        nickname=nickname.strip())
    if len(rows) > 1:
        raise UserError(QT_TRANSLATE_NOOP(
            "UserError", "Several customers are called \"{nickname}\" (on {platforms}); the "
            "phrase cannot tell which one is meant."),
            nickname=nickname.strip(), platforms=", ".join(r[1] for r in rows))
    return rows[0][0]
