"""`shopdesk aftersales evidence CASE_NO --out FILE.zip`: a case's evidence pack
(photos, index and case summary) written for uploading to the platform.
No Qt on this path."""

from __future__ import annotations

import argparse
import sys

from desk.cli.common import EXIT_OK, open_to_read, out_file


def add_evidence_command(actions) -> argparse.ArgumentParser:
    """Register `evidence` under the `aftersales` subcommand's `actions`."""
    p = actions.add_parser(
        "evidence", help="write a case's evidence pack: its photos, an Excel index and a summary")
    p.add_argument("case_no", metavar="CASE_NO", help="the case number, e.g. SH-000123")
    p.add_argument("--out", metavar="FILE.zip", required=True,
                   help="the zip file to write (replaced if it exists)")
    p.add_argument("--data-dir", metavar="DIR", default=argparse.SUPPRESS,
                   help="folder with the shop's database and photos")
    p.set_defaults(func=cmd_evidence)
    return p


def cmd_evidence(args) -> int:
    from desk.core import paths
    from desk.core.aftersales import photos

    out = out_file(args.out, ".zip")
    open_to_read(paths.resolve(getattr(args, "data_dir", None)))
    result = photos.evidence_pack(photos.find_case(args.case_no), out)
    print(result.path)
    note = f", {result.missing} missing from disk (listed in the index)" if result.missing else ""
    print(f"{result.photos} photo(s){note}", file=sys.stderr)
    return EXIT_OK
