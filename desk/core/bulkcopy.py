"""Rows in PostgreSQL's COPY text format, for the server's bulk inserts
(desk/core/server.py `copy_rows`): a tab between fields, `\\N` for NULL, a
text's backslash, tab and line breaks escaped. Numbers and texts only, as the
shop's tables hold."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from itertools import islice

_ESCAPES = str.maketrans({"\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r"})


def line(row: Sequence) -> str:
    """One row as a line of COPY text (with its line break). A text is
    escaped only when it holds one of the four characters (four scans in C
    are cheaper than a translation of every text)."""
    return "\t".join([
        "\\N" if v is None
        else (v.translate(_ESCAPES) if "\\" in v or "\t" in v or "\n" in v or "\r" in v else v)
        if isinstance(v, str)
        else str(int(v)) if isinstance(v, bool)
        else str(v)
        for v in row]) + "\n"


class Reader:
    """`rows` as COPY text, made as the driver reads it (`read(size)`): the
    server takes in the first rows while the later ones are still being
    formatted, on the other core. A NUL character, which the server cannot
    keep in a text, stops the COPY (the transaction then keeps nothing)."""

    def __init__(self, rows: Iterable[Sequence], batch: int = 1000) -> None:
        self._rows = iter(rows)
        self._batch = batch
        self._text = ""

    def read(self, size: int = -1) -> str:
        while size < 0 or len(self._text) < size:
            more = "".join(map(line, islice(self._rows, self._batch)))
            if not more:
                break
            if "\0" in more:
                raise ValueError("a text holds a NUL character, which the server cannot keep")
            self._text += more
        if size < 0 or len(self._text) <= size:
            out, self._text = self._text, ""
        else:
            out, self._text = self._text[:size], self._text[size:]
        return out

    readline = read  # what psycopg2 may ask a file for besides read
