"""Subcommands registered by desk.cli; no Qt on this path."""

from __future__ import annotations

import argparse


def add_export(sub) -> argparse.ArgumentParser:
    p = sub.add_parser("export", help="write the shop's data to an Excel workbook")
    p.set_defaults(func=lambda args: 2)
    return p


def add_import(sub) -> argparse.ArgumentParser:
    p = sub.add_parser("import", help="read the platforms' order exports into the customer file")
    p.set_defaults(func=lambda args: 2)
    return p
