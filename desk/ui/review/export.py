"""The Review page's workbook, written on a worker."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication

from desk.core.review import figures as core


def write_in_background(period: core.Period, platform: str, out: Path,
                        progress=None, is_cancelled=None) -> Path:
    """Work out the review and write it (on a worker: its own connection)."""
    from desk.core.aftersales import views
    from desk.core.review.workbook import write_review

    if progress:
        progress(0, 2)
    review = core.review(period, platform, is_cancelled=is_cancelled)
    if progress:
        progress(1, 2)
    # the same code path as `shopdesk export review`, translated by Qt here
    names = {"reason": dict(views.reason_choices())}
    return write_review(review, out, QCoreApplication.translate, names)
