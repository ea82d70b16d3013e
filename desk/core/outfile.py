"""Files a person asks ShopDesk to write (exports, the review workbook, phrase
files, evidence packs): one rule for all of them.

- The folder must exist: a mistyped folder is refused with a message, never
  made (a typo would otherwise put the file somewhere nobody looks), as a
  save dialog and the shell's own commands do.
- The file gets the permissions of any file the user makes: 0666 less the
  umask (0644 under the usual 022), not the owner-only 0600 of a temporary
  file, so the export can be shared like the user's other documents.
- It is written beside the target under a temporary name and renamed into
  place, so a failure never leaves half a file under the name asked for.
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path

from desk.core import files
from desk.core.errors import QT_TRANSLATE_NOOP, UserError


def check_target(target: Path) -> None:
    """Refuse a folder, a pipe or a device (a rename would block on it or
    replace it), or a file in a folder that does not exist."""
    files.check_output(target)
    if target.is_dir():
        raise UserError(QT_TRANSLATE_NOOP("UserError", "{path} is a folder; choose a file name."),
                        path=target)
    if not target.parent.is_dir():
        raise UserError(QT_TRANSLATE_NOOP("UserError", "The folder of {path} does not exist."),
                        path=target)


def temporary_beside(target: Path, suffix: str = ".tmp") -> Path:
    """A new empty file in the target's folder (so the rename is atomic),
    created with the usual permissions (the umask applies) rather than
    mkstemp's owner-only ones."""
    while True:
        tmp = target.with_name(f".{target.name}.{secrets.token_hex(4)}{suffix}")
        try:
            os.close(os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666))
            return tmp
        except FileExistsError:
            continue


def write_bytes(target: Path, data: bytes) -> None:
    """Write `data` to `target` by the rule above (replacing an existing file)."""
    check_target(target)
    tmp = None
    try:
        tmp = temporary_beside(target)
        with open(tmp, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, target)
        tmp = None
    except FileNotFoundError as e:
        raise UserError(QT_TRANSLATE_NOOP("UserError", "The folder of {path} does not exist."),
                        path=target) from e
    except OSError as e:
        raise UserError(QT_TRANSLATE_NOOP("UserError", "Could not write {path}: {reason}"),
                        path=target, reason=e.strerror or e) from e
    finally:
        if tmp is not None:
            Path(tmp).unlink(missing_ok=True)
