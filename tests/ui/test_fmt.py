"""Display formats: dates year first with four digits, whatever the UI language."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QDate, QDateTime, QLocale, QTime

from desk.ui import fmt
from desk.ui.filterwidgets import date_edit


@pytest.fixture
def locale_of():
    before = QLocale()

    def use(name: str) -> None:
        QLocale.setDefault(QLocale(name))

    yield use
    QLocale.setDefault(before)


@pytest.mark.parametrize("name", ["en_US", "zh_CN"])
def test_dates_are_unambiguous_in_every_language(qapp, locale_of, name):
    locale_of(name)
    # 08:55 local time on 30 November 2026, in whatever time zone the tests run
    epoch = QDateTime(QDate(2026, 11, 30), QTime(8, 55)).toSecsSinceEpoch()
    assert fmt.when(epoch) == "2026-11-30 08:55"  # not "11/30/26 8:55 AM"
    assert fmt.day(epoch) == "2026-11-30"
    edit = date_edit("someDate", "any")
    edit.setDate(QDate(2026, 11, 30))
    assert edit.text() == "2026-11-30"
