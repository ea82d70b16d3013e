"""The Sogou input method's custom phrase file (PhraseEdit.txt), both ways.

A phrase is one line `code,position=text`; `position` is where the phrase
stands among the candidates of that code (1 first). Lines starting with `;`
are comments; blank lines between phrases mean nothing. A multi-line phrase
is written as its entry line with nothing after `=`, followed by its lines,
up to the next entry line, comment line or the end of the file (blank lines
inside it are kept; blank lines at its end are not).

Anything else, such as a line without `=` after a one-line phrase, is
reported as an error on its own line rather than guessed to be part of the
phrase before it: a file damaged by hand or in another format must not slip
in as long phrases. Sogou on Windows saves UTF-16 LE with a BOM and CRLF,
which is what `format_file` writes by default.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from desk.core.errors import QT_TRANSLATE_NOOP, UserError
from desk.core.replies import service
from desk.core.replies.service import PhraseInfo
from desk.core.replies.textfile import TextLines

_ENTRY = re.compile(r"([^,=;\s][^,=]*),([^=]*)=(.*)")


@dataclass(frozen=True)
class Entry:
    line: int  # 1-based line number of the entry line (or the bad line)
    code: str
    position: int | None
    text: str
    error: UserError | None = None


def _bad_line(line: int, raw: str | None) -> Entry:
    if raw is None:
        error = UserError(QT_TRANSLATE_NOOP(
            "UserError", "This line has bytes that are not text in the file's encoding."))
    elif "=" not in raw:
        error = UserError(QT_TRANSLATE_NOOP(
            "UserError", "There is no \"=\" in this line; a phrase is written code,position=text."))
    else:
        error = UserError(QT_TRANSLATE_NOOP(
            "UserError", "This line is not in the form code,position=text."))
    return Entry(line, "", None, raw or "", error)


def _entry(line: int, code: str, position: str, text: str, bad_line: int | None) -> Entry:
    try:
        clean = service.clean_code(code.strip())
        if not clean:
            raise UserError(QT_TRANSLATE_NOOP("UserError", "The phrase has no code before the comma."))
        where = service.parse_position(position.strip())
        if bad_line is not None:
            raise UserError(QT_TRANSLATE_NOOP(
                "UserError", "Line {line} of this phrase has bytes that are not text in the "
                "file's encoding."), line=bad_line)
        body = service.clean_body(text)
    except UserError as e:
        return Entry(line, code.strip(), None, text, e)
    return Entry(line, clean, where, body, None)


def parse(text: TextLines) -> list[Entry]:
    """Entries and bad lines, in file order."""
    out: list[Entry] = []
    lines = text.lines
    i, n = 0, len(lines)
    while i < n:
        raw = lines[i]
        if i == 0 and raw:
            raw = raw.lstrip("\ufeff")
        stripped = raw.strip() if raw is not None else None
        if stripped == "" or (stripped is not None and stripped.startswith(";")):
            i += 1
            continue
        m = _ENTRY.fullmatch(stripped) if stripped is not None else None
        if m is None:
            out.append(_bad_line(i + 1, raw))
            i += 1
            continue
        code, position, first = m.groups()
        start, i = i + 1, i + 1
        body, bad = first, None
        if not first.strip():  # a multi-line phrase: its lines follow
            block: list[str] = []
            while i < n:
                nxt = lines[i]
                if nxt is not None and (nxt.lstrip().startswith(";")
                                        or _ENTRY.fullmatch(nxt.strip())):
                    break
                if nxt is None and bad is None:
                    bad = i + 1
                block.append(nxt or "")
                i += 1
            body = "\n".join(block)
        out.append(_entry(start, code, position, body, bad))
    return out


def format_lines(phrases: Iterable[PhraseInfo]) -> tuple[list[str], int]:
    """The file's lines for these phrases, and how many were left out for
    having no code (Sogou finds a phrase only by its code). A phrase's
    position is its place among the phrases with the same code, in library order."""
    lines: list[str] = []
    seen: dict[str, int] = {}
    skipped = 0
    for p in phrases:
        if not p.code:
            skipped += 1
            continue
        seen[p.code] = seen.get(p.code, 0) + 1
        body = p.body.replace("\r\n", "\n").replace("\r", "\n")
        if "\n" in body:
            lines.append(f"{p.code},{seen[p.code]}=")
            lines.extend(body.split("\n"))
        else:
            lines.append(f"{p.code},{seen[p.code]}={body}")
    return lines, skipped


def encode(lines: list[str], encoding: str = "utf-16") -> bytes:
    """utf-16: UTF-16 LE with a BOM (Sogou's own); utf-8: UTF-8 with a BOM. CRLF line ends."""
    text = "".join(line + "\r\n" for line in lines)
    name = encoding.lower().replace("_", "-").replace("utf16", "utf-16").replace("utf8", "utf-8")
    if name.startswith("utf-16"):
        return b"\xff\xfe" + text.encode("utf-16-le")
    if name.startswith("utf-8"):
        return b"\xef\xbb\xbf" + text.encode("utf-8")
    raise ValueError(f"unknown encoding {encoding!r}")
