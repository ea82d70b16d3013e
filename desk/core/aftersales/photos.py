"""The photo store: files under photos/, named by their sha256, written once."""

from __future__ import annotations

import hashlib
import os
import tempfile
from pathlib import Path


def photo_path(photos: Path, sha256: str, ext: str) -> Path:
    return photos / sha256[:2] / f"{sha256}.{ext}"


def store_bytes(photos: Path, data: bytes, ext: str) -> str:
    """Store `data` (already checked to be an image) and return its sha256.

    The same bytes twice are stored once; an existing file is never
    overwritten; the write goes to a temporary file that is renamed into
    place, so a crash never leaves half a photo under its final name.
    """
    sha = hashlib.sha256(data).hexdigest()
    target = photo_path(photos, sha, ext)
    if target.exists():
        return sha
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".incoming-")
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        if target.exists():
            os.unlink(tmp)
        else:
            os.replace(tmp, target)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise
    return sha
