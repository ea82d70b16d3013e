"""The customer and case selected in the app: what quick replies are filled in for.

Pages and dialogs that show a buyer or a case say so here; the phrase editor's
preview and the palette read `context()` when they fill a phrase.

    from desk.ui import selection as current
    current.set_customer(customer_id)   # a buyer chosen; any case is forgotten
    current.set_case(case_id)           # a case chosen; None goes back to the buyer

A case wins over the buyer while it is set, since it names its own order
and tracking number.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QGuiApplication

from desk.core.replies import placeholders


class Selection(QObject):
    changed = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.customer_id: int | None = None
        self.case_id: int | None = None

    def set_customer(self, customer_id: int | None) -> None:
        if (customer_id, None) != (self.customer_id, self.case_id):
            self.customer_id, self.case_id = customer_id, None
            self.changed.emit()

    def set_case(self, case_id: int | None) -> None:
        if case_id != self.case_id:
            self.case_id = case_id
            self.changed.emit()

    def reset(self) -> None:
        """Nothing selected (another shop was opened)."""
        self.customer_id = self.case_id = None
        self.changed.emit()

    def context(self) -> placeholders.Context:
        clipboard = QGuiApplication.clipboard().text() if QGuiApplication.instance() else ""
        if self.case_id is not None:
            return placeholders.context_for(case_id=self.case_id, clipboard=clipboard)
        return placeholders.context_for(customer_id=self.customer_id, clipboard=clipboard)


selection = Selection()
set_customer = selection.set_customer
set_case = selection.set_case
reset = selection.reset
context = selection.context
