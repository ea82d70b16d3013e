"""Subcommands registered by desk.cli; no Qt on this path."""

from __future__ import annotations

import argparse


def add_backup(sub) -> argparse.ArgumentParser:
    p = sub.add_parser("backup", help="write a checked backup of the database (or a full archive)")
    p.set_defaults(func=lambda args: 2)
    return p


def add_restore(sub) -> argparse.ArgumentParser:
    p = sub.add_parser("restore", help="replace the database with a checked backup")
    p.set_defaults(func=lambda args: 2)
    return p
