"""Pieces the list pages' filter bars share."""

from __future__ import annotations

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QDateEdit, QHBoxLayout, QVBoxLayout, QWidget

from desk.ui.fmt import DATE_FORMAT

ANY_DATE = QDate(2000, 1, 1)  # a date edit's "any" value


def date_edit(name: str, any_text: str) -> QDateEdit:
    """A date with a calendar popup that starts at "any" (`any_text`, translated by the caller)."""
    edit = QDateEdit()
    edit.setObjectName(name)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat(DATE_FORMAT)
    edit.setMinimumDate(ANY_DATE)
    edit.setSpecialValueText(any_text)
    edit.setDate(ANY_DATE)
    edit.setMinimumWidth(110)
    return edit


def lay_out_rows(bar: QWidget, rows, clear: QWidget) -> None:
    """A filter bar's controls in rows, left-aligned, the Clear button at the
    end of the last row."""
    layout = QVBoxLayout(bar)
    layout.setContentsMargins(0, 4, 0, 4)
    layout.setSpacing(4)
    for n, widgets in enumerate(rows):
        row = QHBoxLayout()
        for w in widgets:
            row.addWidget(w)
        row.addStretch(1)
        if n == len(rows) - 1:
            row.addWidget(clear)
        layout.addLayout(row)
