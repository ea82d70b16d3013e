"""How every workbook ShopDesk writes looks and prints: the header font and
the page set-up (landscape, fitted to the page's width, the header repeated
on every page).

The header font is named, so no spreadsheet program falls back to its own
default (LibreOffice's is a serif face). Microsoft YaHei (微软雅黑) is a CJK
sans that ships with every Windows since Vista, whatever its language, and
with Office and WPS on macOS; fontconfig lists it among the sans-serif
aliases, so LibreOffice on Linux draws a sans CJK face (Noto Sans CJK,
WenQuanYi) in its place. 等线 (DengXian), Office's newer default, comes only
with Office 2016 and later or a Chinese Windows 10, and fontconfig knows no
substitute for it.
"""

from __future__ import annotations

HEADER_FONT_NAME = "Microsoft YaHei"
HEADER_FONT_SIZE = 11
PAPER_A4 = 9  # what shops in China print on (Excel's paperSize code)
# Chart heights are kept under what a landscape A4 page holds below the
# header row at these margins (desk.core.review.workbook).
MARGIN_INCHES = 0.5
HEADER_MARGIN_INCHES = 0.3


def header_font():
    from openpyxl.styles import Font

    return Font(name=HEADER_FONT_NAME, size=HEADER_FONT_SIZE, bold=True)


def set_up_printing(ws, title_rows: str | None = "1:1") -> None:
    """Landscape A4, fitted to one page wide (as many pages tall as it takes),
    with `title_rows` printed at the top of every page. On a write-only sheet,
    call it before the first row is written (the fit-to-page flag is written
    at the top of the sheet)."""
    from openpyxl.worksheet.page import PageMargins
    from openpyxl.worksheet.properties import PageSetupProperties

    setup = ws.page_setup
    setup.orientation = "landscape"
    setup.paperSize = PAPER_A4
    setup.fitToWidth = 1
    setup.fitToHeight = 0  # as many pages tall as the rows need
    props = ws.sheet_properties
    if props.pageSetUpPr is None:
        props.pageSetUpPr = PageSetupProperties(fitToPage=True)
    else:
        props.pageSetUpPr.fitToPage = True
    ws.page_margins = PageMargins(left=MARGIN_INCHES, right=MARGIN_INCHES, top=MARGIN_INCHES,
                                  bottom=MARGIN_INCHES, header=HEADER_MARGIN_INCHES,
                                  footer=HEADER_MARGIN_INCHES)
    if title_rows:
        ws.print_title_rows = title_rows
