"""Widget makers the customer page and its panels share: buttons that leave
Enter to the field, read-only tables sized to their contents."""

from __future__ import annotations

from collections.abc import Callable

import shiboken6
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QPushButton, QTableWidget


def button(name: str, text: str, slot: Callable[[], object]) -> QPushButton:
    widget = QPushButton(text)
    widget.setObjectName(name)
    # Enter in a field (the tag field, a note link) must not press some button
    widget.setAutoDefault(False)
    widget.clicked.connect(lambda _=False: slot())
    return widget


def fit_columns(table: QTableWidget) -> None:
    """Columns as wide as their contents; an empty table shares its width out
    instead of squeezing every column to its title."""
    if not shiboken6.isValid(table):
        return  # the model outlives its view while the dialog is torn down
    mode = (QHeaderView.ResizeMode.Stretch if table.rowCount() == 0
            else QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setSectionResizeMode(mode)


def table(name: str, headers: list[str]) -> QTableWidget:
    """A read-only table of whole rows."""
    widget = QTableWidget(0, len(headers))
    widget.setObjectName(name)
    widget.setHorizontalHeaderLabels(headers)
    widget.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    widget.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    widget.verticalHeader().setVisible(False)
    widget.setWordWrap(False)
    widget.horizontalHeader().setStretchLastSection(True)
    model = widget.model()
    for signal in (model.rowsInserted, model.rowsRemoved, model.modelReset):
        signal.connect(lambda *_args, t=widget: fit_columns(t))
    fit_columns(widget)
    return widget
