"""Errors meant for the shop owner, as opposed to bugs."""


class UserError(Exception):
    """Something the user can fix: bad input, an unusable file, a full disk.

    The message is written for a shop owner and shown as is (dialog in the
    app, one line on stderr with exit code 2 in the CLI).
    """


class Cancelled(Exception):
    """A long job was cancelled by the user; nothing was written."""
