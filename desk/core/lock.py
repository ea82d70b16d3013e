"""The data folder's writer lock: one writing process per data folder.

An OS file lock (flock on Unix, msvcrt on Windows) that the operating system
drops when the process dies, so a crash never leaves a lock that blocks the
next start.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from desk.core.errors import QT_TRANSLATE_NOOP, UserError


class WriterLock:
    def __init__(self, path: Path) -> None:
        self.path = path
        self._fd: int | None = None

    def acquire(self) -> bool:
        """True if we now hold the lock, False if another process does."""
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            if sys.platform == "win32":
                import msvcrt

                msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
            else:
                import fcntl

                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            os.close(fd)
            return False
        try:  # the pid is for people, not for the lock: a full disk must not stop it
            os.ftruncate(fd, 0)
            os.write(fd, str(os.getpid()).encode())
        except OSError:
            pass
        self._fd = fd
        return True

    def release(self) -> None:
        if self._fd is not None:
            os.close(self._fd)  # closing drops the lock on every platform
            self._fd = None

    def __enter__(self) -> WriterLock:
        if not self.acquire():
            raise UserError(
                QT_TRANSLATE_NOOP("UserError", "Another ShopDesk is using the data folder {folder}. "
                                  "Close it first, or use another folder with --data-dir."),
                folder=self.path.parent,
            )
        return self

    def __exit__(self, *exc) -> None:
        self.release()
