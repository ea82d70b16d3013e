"""The Review's table of figures per staff member (desk/core/review/staff.py)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QTableWidgetItem

from desk.core.review.staff import COLUMN_NAMES, COLUMNS, NO_NAME, StaffRow


def _tr(text: str) -> str:
    return QCoreApplication.translate("Review", text)


class StaffTable(QTableWidget):
    """One row per staff name: cases handled and closed, follow-ups done, notes written."""

    def __init__(self, parent=None) -> None:
        super().__init__(0, 1 + len(COLUMNS), parent)
        self.setObjectName("reviewStaff")
        self.setHorizontalHeaderLabels([_tr(COLUMN_NAMES["staff"])]
                                       + [_tr(COLUMN_NAMES[c]) for c in COLUMNS])
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.verticalHeader().setVisible(False)
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.horizontalHeader().setStretchLastSection(True)
        self.setMinimumHeight(120)

    def set_rows(self, rows: list[StaffRow]) -> None:
        self.setRowCount(len(rows))
        for r, person in enumerate(rows):
            self.setItem(r, 0, QTableWidgetItem(person.staff or _tr(NO_NAME)))
            for c, column in enumerate(COLUMNS, 1):
                item = QTableWidgetItem(str(getattr(person, column)))
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.setItem(r, c, item)
