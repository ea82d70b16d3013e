"""Subcommands registered by desk.cli; no Qt on this path."""

from __future__ import annotations

import argparse


def add_replies(sub) -> argparse.ArgumentParser:
    p = sub.add_parser("replies", help="quick-reply phrases (import, export, find, render)")
    p.set_defaults(func=lambda args: 2)
    return p
