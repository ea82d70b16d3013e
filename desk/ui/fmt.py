"""Display formats for money, times and phone numbers, through QLocale."""

from __future__ import annotations

from PySide6.QtCore import QDateTime, QLocale

from desk.core.text import mask_phone


def money(fen: int) -> str:
    """123450 -> '¥1,234.50' in the UI's locale."""
    return QLocale().toCurrencyString(fen / 100, "¥", 2)


def when(epoch: int) -> str:
    """UTC epoch seconds -> local date and time, short form."""
    return QLocale().toString(QDateTime.fromSecsSinceEpoch(int(epoch)), QLocale.FormatType.ShortFormat)


def day(epoch: int) -> str:
    return QLocale().toString(QDateTime.fromSecsSinceEpoch(int(epoch)).date(), QLocale.FormatType.ShortFormat)


def phone(number: str, masked: bool = True) -> str:
    return mask_phone(number) if masked else number


def count(n: int) -> str:
    return QLocale().toString(int(n))

