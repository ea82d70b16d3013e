"""Reading a phrase file whose encoding nobody wrote down: UTF-8 (with or
without BOM), UTF-16 LE/BE (with a BOM, or recognised by where its zero bytes
fall), or GB18030 (what Chinese Windows saves as "ANSI"). Lines that cannot be decoded are kept as None so the import can
report them one by one; a file that is not text at all is refused."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path

from desk.core import files
from desk.core.errors import QT_TRANSLATE_NOOP, UserError

MAX_BYTES = 64 * 1024 * 1024  # ~1 million phrases; anything larger is not a phrase file
_BOMS = ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be"))
_BREAK = re.compile(r"\r\n|\n|\r")
# Controls that never occur in text a person typed (tab, line breaks and form feed aside).
_BINARY = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")


@dataclass(frozen=True)
class TextLines:
    encoding: str  # utf-8, utf-8-sig, utf-16-le, utf-16-be or gb18030
    lines: list[str | None]  # None: the line's bytes are not valid in that encoding


def _not_text(name: str) -> UserError:
    return UserError(QT_TRANSLATE_NOOP(
        "UserError", "{name} is not a text file (is it a picture, an archive or a program?)."),
        name=name)


def read_bytes(path: str | Path) -> bytes:
    """The file's bytes, or a UserError saying why they cannot be had."""
    path = Path(path)
    try:
        with files.open_regular(path) as f:  # never a FIFO: it would block
            if os.fstat(f.fileno()).st_size > MAX_BYTES:
                raise UserError(QT_TRANSLATE_NOOP(
                    "UserError", "{name} is too large for a phrase file (at most {most} MB)."),
                    name=path.name, most=MAX_BYTES // 1048576)
            return f.read(MAX_BYTES + 1)
    except FileNotFoundError:
        raise UserError(QT_TRANSLATE_NOOP("UserError", "{name} is no longer there (moved or deleted?)."),
                        name=path.name) from None
    except IsADirectoryError:
        raise UserError(QT_TRANSLATE_NOOP("UserError", "{name} is a folder, not a file."),
                        name=path.name) from None
    except OSError as e:
        raise UserError(QT_TRANSLATE_NOOP("UserError", "{name} cannot be read: {reason}."),
                        name=path.name, reason=e.strerror or e) from None


def _checked(encoding: str, lines: list[str | None], name: str) -> TextLines:
    bad = sum(1 for line in lines if line is None)
    chars = sum(len(line) for line in lines if line)
    controls = sum(len(_BINARY.findall(line)) for line in lines if line)
    if (bad > 3 and bad * 10 > len(lines)) or controls * 100 > max(chars, 1) or (
            lines and bad == len(lines)):
        raise _not_text(name)
    return TextLines(encoding, lines)


def _bomless_utf16(data: bytes) -> str | None:
    """utf-16-le or utf-16-be when the zero bytes all sit on one side, as the
    ASCII characters (codes, commas, line breaks) of UTF-16 text put them."""
    if len(data) % 2:
        return None
    even, odd = data[0::2].count(0), data[1::2].count(0)
    if odd and not even and odd * 8 >= len(data) // 2:
        return "utf-16-le"
    if even and not odd and even * 8 >= len(data) // 2:
        return "utf-16-be"
    return None


def decode(data: bytes, name: str) -> TextLines:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            text = data[len(bom):].decode(encoding.replace("-sig", ""), errors="replace")
            lines = [None if "\ufffd" in line else line for line in _BREAK.split(text)]
            return _checked(encoding, lines, name)
    if b"\x00" in data:  # UTF-16 without a BOM, or not text
        encoding = _bomless_utf16(data)
        if encoding is None:
            raise _not_text(name)
        text = data.decode(encoding, errors="replace")
        return _checked(encoding, [None if "\ufffd" in line else line for line in _BREAK.split(text)],
                        name)
    try:
        return _checked("utf-8", _BREAK.split(data.decode("utf-8")), name)
    except UnicodeDecodeError:
        pass
    raw = re.split(rb"\r\n|\n|\r", data)

    def each(encoding: str) -> list[str | None]:
        out: list[str | None] = []
        for chunk in raw:
            try:
                out.append(chunk.decode(encoding))
            except UnicodeDecodeError:
                out.append(None)
        return out

    utf8, gb = each("utf-8"), each("gb18030")
    if sum(x is None for x in gb) <= sum(x is None for x in utf8):
        return _checked("gb18030", gb, name)
    return _checked("utf-8", utf8, name)


def read_lines(path: str | Path) -> TextLines:
    data = read_bytes(path)
    lines = decode(data, Path(path).name)
    if lines.lines and lines.lines[-1] == "":
        lines.lines.pop()  # the break after the last line ends it; it starts nothing
    return lines
