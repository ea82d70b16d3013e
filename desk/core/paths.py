"""Where the shop's data lives: the database, photos, backups and logs."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from desk.core.errors import QT_TRANSLATE_NOOP, UserError

ENV_VAR = "SHOPDESK_DATA_DIR"
DB_NAME = "shopdesk.sqlite3"


@dataclass(frozen=True)
class DataDir:
    root: Path

    @property
    def db_path(self) -> Path:
        return self.root / DB_NAME

    @property
    def photos(self) -> Path:
        return self.root / "photos"

    @property
    def backups(self) -> Path:
        return self.root / "backups"

    @property
    def logs(self) -> Path:
        return self.root / "logs"

    @property
    def lock_path(self) -> Path:
        return self.root / "shopdesk.lock"

    def ensure(self) -> DataDir:
        """Create the folder tree, or explain in plain words why it cannot be."""
        try:
            for d in (self.root, self.photos, self.backups, self.logs):
                d.mkdir(parents=True, exist_ok=True)
        except OSError as e:
            raise UserError(
                QT_TRANSLATE_NOOP("UserError", "Cannot use the data folder {folder}: {reason}. "
                                  "Choose another folder with --data-dir."),
                folder=self.root, reason=e.strerror or e,
            ) from e
        if not os.access(self.root, os.W_OK):
            raise UserError(QT_TRANSLATE_NOOP(
                "UserError", "The data folder {folder} is read-only. Choose another with --data-dir."),
                folder=self.root)
        return self


def default_root() -> Path:
    from platformdirs import user_data_dir

    return Path(user_data_dir("ShopDesk", appauthor=False, roaming=True))


def resolve(cli_value: str | os.PathLike[str] | None = None) -> DataDir:
    """--data-dir wins, then $SHOPDESK_DATA_DIR, then the platform's user data dir."""
    raw = cli_value or os.environ.get(ENV_VAR) or None
    root = Path(raw).expanduser() if raw else default_root()
    if root.exists() and not root.is_dir():
        raise UserError(QT_TRANSLATE_NOOP("UserError", "{path} is a file, not a folder. Give --data-dir a folder."),
                        path=root)
    return DataDir(root.resolve())
