"""Errors meant for the shop owner, as opposed to bugs."""

from __future__ import annotations


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - the name lupdate looks for
    """Marks a message for translation without importing Qt: lupdate collects
    it from the source, the UI translates it when it shows the error."""
    return text


class UserError(Exception):
    """Something the user can fix: bad input, an unusable file, a full disk.

    `template` is English with {named} fields, marked with
    QT_TRANSLATE_NOOP("UserError", ...); `values` fill the fields. str(error)
    is the English text (the CLI prints it); the UI shows the translation.
    """

    def __init__(self, template: str, **values: object) -> None:
        self.template = template
        self.values = values
        super().__init__(template.format(**values) if values else template)


class Cancelled(Exception):
    """A long job was cancelled by the user; nothing was written."""
