"""The app icon rendered for the installers (build_spec/icons.py)."""

from __future__ import annotations

import icons
from PIL import Image


def test_ico_and_icns_carry_the_sizes_windows_and_macos_use(qapp, tmp_path):
    made = icons.make_all(tmp_path)
    with Image.open(made["ico"]) as ico:
        assert {(s, s) for s in icons.ICO_SIZES} <= set(ico.info["sizes"])
    with Image.open(made["icns"]) as icns:
        assert (512, 512, 2) in icns.info["sizes"]  # the 1024 px retina image
    with Image.open(made["png256"]) as png:
        assert png.size == (256, 256)
        # drawn, not blank: the orange tile fills the middle of the icon
        r, g, b, a = png.convert("RGBA").getpixel((40, 128))
        assert a == 255 and r > 200 and g < 120
