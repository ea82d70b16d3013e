"""Render the app icon (resources/icons/shopdesk.svg) into the files the
installers need: PNGs for the Linux desktop entry, a multi-size .ico for the
Windows executable and an .icns for the macOS app bundle.

    python build_spec/icons.py OUT_DIR

Qt renders the SVG (its svg image plugin, no extra dependency); Pillow writes
the .ico and .icns. Run by the PyInstaller spec, so every platform's build
makes the same files from the one source.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SVG = ROOT / "resources" / "icons" / "shopdesk.svg"
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512, 1024)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
ICNS_SIZES = (16, 32, 64, 128, 256, 512, 1024)


def render_pngs(out: Path, svg: Path = SVG) -> dict[int, Path]:
    """One square PNG per size in PNG_SIZES, rendered from `svg`."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QSize
    from PySide6.QtGui import QGuiApplication, QImageReader

    _app = QGuiApplication.instance() or QGuiApplication([sys.argv[0]])  # noqa: F841 - plugins need it
    out.mkdir(parents=True, exist_ok=True)
    pngs = {}
    for size in PNG_SIZES:
        reader = QImageReader(str(svg))
        reader.setScaledSize(QSize(size, size))
        image = reader.read()
        if image.isNull():
            raise SystemExit(f"cannot render {svg} at {size}px: {reader.errorString()}")
        path = out / f"shopdesk-{size}.png"
        if not image.save(str(path), "PNG"):
            raise SystemExit(f"cannot write {path}")
        pngs[size] = path
    return pngs


def write_ico(pngs: dict[int, Path], target: Path) -> Path:
    from PIL import Image

    with Image.open(pngs[max(ICO_SIZES)]) as big:
        big.save(target, format="ICO", sizes=[(s, s) for s in ICO_SIZES])
    return target


def write_icns(pngs: dict[int, Path], target: Path) -> Path:
    from PIL import Image

    with Image.open(pngs[max(ICNS_SIZES)]) as big:
        extra = [Image.open(pngs[s]) for s in ICNS_SIZES if s != max(ICNS_SIZES)]
        try:
            big.save(target, format="ICNS", append_images=extra)
        finally:
            for im in extra:
                im.close()
    return target


def make_all(out: Path) -> dict[str, Path]:
    pngs = render_pngs(out)
    return {
        "png256": pngs[256],
        "ico": write_ico(pngs, out / "shopdesk.ico"),
        "icns": write_icns(pngs, out / "shopdesk.icns"),
    }


if __name__ == "__main__":
    if len(sys.argv) != 2:
        raise SystemExit("usage: python build_spec/icons.py OUT_DIR")
    for kind, path in make_all(Path(sys.argv[1])).items():
        print(f"{kind}\t{path}")
