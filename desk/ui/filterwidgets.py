"""Pieces the list pages' filter bars share."""

from __future__ import annotations

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QDateEdit

ANY_DATE = QDate(2000, 1, 1)  # a date edit's "any" value


def date_edit(name: str, any_text: str) -> QDateEdit:
    """A date with a calendar popup that starts at "any" (`any_text`, translated by the caller)."""
    edit = QDateEdit()
    edit.setObjectName(name)
    edit.setCalendarPopup(True)
    edit.setMinimumDate(ANY_DATE)
    edit.setSpecialValueText(any_text)
    edit.setDate(ANY_DATE)
    edit.setMinimumWidth(110)
    return edit
