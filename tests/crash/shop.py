"""A little shop written through the core services, for the data-safety tests
(backups, restore, the crash harness, the corpus)."""

from __future__ import annotations

import io
import sqlite3
from pathlib import Path

from desk.core.aftersales import photos, service
from desk.core.customers import notes
from desk.core.customers import service as customers


def image_bytes(color=(200, 120, 40), size=(64, 48), fmt: str = "PNG") -> bytes:
    from PIL import Image

    buf = io.BytesIO()
    Image.new("RGB", size, color).save(buf, fmt)
    return buf.getvalue()


def fill(n_customers: int = 3, n_photos: int = 2) -> dict[str, int]:
    """Customers with a note each, one case on the first with `n_photos` photos."""
    ids = [customers.create("taobao", f"买家{i:03d}", phone=f"1380013{i:04d}") for i in range(n_customers)]
    for cid in ids:
        notes.add(cid, f"备注 {cid}")
    case = service.open_case(ids[0], "refund_only", "damaged")
    report = photos.add_photos(case, [(image_bytes((i * 40 % 256, 90, 160)), f"p{i}.png")
                                      for i in range(n_photos)])
    assert len(report.added) == n_photos
    return {"customers": n_customers, "case": case}


def counts(db_path: Path) -> dict[str, int]:
    """Rows per table, read-only."""
    conn = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    try:
        tables = [r[0] for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
            " AND name NOT LIKE 'customer_fts%'")]
        return {t: conn.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in tables}
    finally:
        conn.close()


def photo_files(photos_dir: Path) -> dict[str, bytes]:
    return {str(p.relative_to(photos_dir)): p.read_bytes()
            for p in sorted(photos_dir.glob("??/*")) if p.is_file()}
