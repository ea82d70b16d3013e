"""Display formats for money, times and phone numbers, through QLocale."""

from __future__ import annotations

from PySide6.QtCore import QDateTime, QLocale

from desk.core.text import mask_phone


def money(fen: int) -> str:
    """123450 -> '¥1,234.50' in the UI's locale."""
    return QLocale().toCurrencyString(fen / 100, "¥", 2)


# Dates are written year first with four digits in every language: the locale's
# short form reads "11/30/26 8:55 AM" in English, which a shop owner cannot
# tell from 30 November or from 2011, and Chinese sellers write 2026-11-30 anyway.
DATE_FORMAT = "yyyy-MM-dd"
DATETIME_FORMAT = "yyyy-MM-dd HH:mm"


def when(epoch: int) -> str:
    """UTC epoch seconds -> local date and time, e.g. 2026-11-30 08:55."""
    return QLocale().toString(QDateTime.fromSecsSinceEpoch(int(epoch)), DATETIME_FORMAT)


def day(epoch: int) -> str:
    """UTC epoch seconds -> the local date, e.g. 2026-11-30."""
    return QLocale().toString(QDateTime.fromSecsSinceEpoch(int(epoch)).date(), DATE_FORMAT)


def phone(number: str, masked: bool = True) -> str:
    return mask_phone(number) if masked else number


def count(n: int) -> str:
    return QLocale().toString(int(n))

