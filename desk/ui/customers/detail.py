"""One customer on one page: identity, lifecycle group, figures and risks, tags,
orders and after-sales cases, with the notes, addresses and follow-ups panels
(notes_panel, addresses_panel, followups_panel); every change can be undone."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QCoreApplication, QStringListModel, Qt, QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QTableWidgetItem,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desk.core import timeutil
from desk.core.aftersales.models import OPEN_STATUSES
from desk.core.customers import figures, service, tags
from desk.core.customers.figures import RiskFlag
from desk.core.customers.service import CustomerDetail
from desk.core.errors import UserError
from desk.core.history import Step
from desk.core.platforms import PLATFORMS
from desk.ui import conflict, fmt, labels, screenfit
from desk.ui import undo as history
from desk.ui.ask import AskDialog, Buttons, InlineError
from desk.ui.bus import bus
from desk.ui.customers.addresses_panel import AddressesPanel
from desk.ui.customers.followups_panel import FollowupsPanel
from desk.ui.customers.notes_panel import NotesPanel
from desk.ui.customers.parts import button, table
from desk.ui.customers.tag_dialog import NewTagDialog

CHIP_STYLE = ("QToolButton {{ background: {color}; color: white; border-radius: 9px;"
              " padding: 2px 8px; }}")
BADGE_STYLE = "background: #c62828; color: white; border-radius: 4px; padding: 1px 6px;"
RowIdRole = Qt.ItemDataRole.UserRole  # on each cell of an order row, the first of a case row


class CustomerDialog(AskDialog):
    """Shows and edits one customer; every write goes through a core service and
    onto the app's undo history, and the dialog (like any open view) refreshes
    from the change bus."""

    answers_on_close = True  # the answer: whether anything was changed

    def __init__(self, customer_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("customerDialog")
        self.customer_id = customer_id
        self.changed = False
        self._missing_tag = ""  # the name typed that matches no tag
        self._shown: dict[str, Any] = {}  # the identity as last loaded into the form
        # the content scrolls, Close stays: the dialog fits a 1024×600 screen
        self.setMinimumSize(560, 360)
        from desk.ui import selection as current
        from desk.ui.replies.palette import add_action

        add_action(self)  # F9 here too: a modal dialog holds the main window's shortcuts
        current.set_customer(customer_id)

        # identity
        self.nickname = self._line("customerNickname")
        self.platform = QComboBox()
        self.platform.setObjectName("customerPlatform")
        names = labels.platforms()
        for code in PLATFORMS:
            self.platform.addItem(names[code], code)
        self.real_name = self._line("customerRealName")
        self.phone = self._line("customerPhone")
        self.phone.setPlaceholderText(self.tr("13812345678 or 0571-88886666"))
        self.region = self._line("customerRegion")
        for edit in (self.nickname, self.real_name, self.phone, self.region):
            edit.returnPressed.connect(self.save_identity)
        self.save = button("customerSave", self.tr("&Save"), self.save_identity)
        self.error = InlineError("customerError")
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self.tr("Nickname:"), self.nickname)
        form.addRow(self.tr("Platform:"), self.platform)
        form.addRow(self.tr("Real name:"), self.real_name)
        form.addRow(self.tr("Phone:"), self.phone)
        form.addRow(self.tr("Region:"), self.region)
        save_row = QHBoxLayout()
        save_row.addWidget(self.error, 1)
        save_row.addWidget(self.save)
        form.addRow(save_row)
        identity = QGroupBox(self.tr("Customer"))
        identity.setLayout(form)

        # lifecycle group
        self.lifecycle = QComboBox()
        self.lifecycle.setObjectName("customerLifecycle")
        for code, name in labels.lifecycles().items():
            self.lifecycle.addItem(name, code)
        self.lifecycle.currentIndexChanged.connect(self._lifecycle_chosen)
        self.lifecycle_note = QLabel()
        self.lifecycle_note.setObjectName("customerLifecycleNote")
        self.lifecycle_note.setEnabled(False)
        self.lifecycle_auto = button("customerLifecycleAuto", self.tr("Back to &automatic"),
                                           self.lifecycle_automatic)
        group_row = QHBoxLayout()
        group_row.addWidget(self.lifecycle)
        group_row.addWidget(self.lifecycle_note, 1)
        group_row.addWidget(self.lifecycle_auto)
        group_box = QGroupBox(self.tr("Group"))
        group_box.setLayout(group_row)

        # figures and risk badges
        self.figures = QLabel()
        self.figures.setObjectName("customerFigures")
        self.figures.setWordWrap(True)
        self.badges = QHBoxLayout()
        badge_row = QHBoxLayout()
        badge_row.addLayout(self.badges)
        badge_row.addStretch(1)

        # tags
        self.chips = QHBoxLayout()
        self.add_tag = QLineEdit()
        self.add_tag.setObjectName("customerAddTag")
        self.add_tag.setPlaceholderText(self.tr("Add a tag (name or pinyin)…"))
        self.add_tag.setMaximumWidth(220)
        self.suggestions = QStringListModel(self)
        self.completer = QCompleter(self.suggestions, self)
        # The list already matches pinyin in core; the completer shows it as it is.
        self.completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.add_tag.setCompleter(self.completer)
        self.add_tag.textEdited.connect(self._suggest)
        self.completer.activated.connect(self._tag_chosen)
        self.add_tag.returnPressed.connect(lambda: self.add_tag_named(self.add_tag.text()))
        self.tag_error = InlineError("customerTagError", wrap=False)
        self.create_tag = button("customerCreateTag", "", self.create_tag_clicked)
        self.create_tag.hide()
        tag_row = QHBoxLayout()
        tag_row.addLayout(self.chips)
        tag_row.addWidget(self.add_tag)
        tag_row.addStretch(1)
        tag_error_row = QHBoxLayout()  # under the chips, so the field keeps its width
        tag_error_row.addWidget(self.tag_error)
        tag_error_row.addWidget(self.create_tag)
        tag_error_row.addStretch(1)
        tag_col = QVBoxLayout()
        tag_col.addLayout(tag_row)
        tag_col.addLayout(tag_error_row)
        tag_box = QGroupBox(self.tr("Tags"))
        tag_box.setLayout(tag_col)

        # notes
        self.notes = NotesPanel(customer_id)
        self.notes.changed.connect(self._mark_changed)
        notes_box = QGroupBox(self.tr("Notes"))
        QVBoxLayout(notes_box).addWidget(self.notes)

        # orders
        self.orders = table("customerOrders", [
            self.tr("Order number"), self.tr("Status"), self.tr("Placed"), self.tr("Amount")])

        # after-sales cases
        self.cases = table("customerCases", [
            self.tr("Case"), self.tr("Kind"), self.tr("Status"), self.tr("Reason"),
            self.tr("Next deadline")])
        self.cases.activated.connect(
            lambda index: self.open_case(self.cases.item(index.row(), 0).data(RowIdRole)))

        # addresses
        self.addresses = AddressesPanel(customer_id)
        self.addresses.changed.connect(self._mark_changed)

        self.tabs = QTabWidget()
        self.tabs.setObjectName("customerTabs")
        orders_page, orders_col = QWidget(), QVBoxLayout()
        orders_page.setLayout(orders_col)
        orders_col.setContentsMargins(0, 0, 0, 0)
        orders_col.addWidget(self.orders, 1)
        self.case_for_order = button("customerCaseForOrder", self.tr("After-sales case for this &order…"),
                                           self.new_case_for_order)
        orders_col.addWidget(self.case_for_order, 0, Qt.AlignmentFlag.AlignRight)
        cases_page, cases_col = QWidget(), QVBoxLayout()
        cases_page.setLayout(cases_col)
        cases_col.setContentsMargins(0, 0, 0, 0)
        cases_col.addWidget(self.cases, 1)
        self.new_case_button = button("customerNewCase", self.tr("New after-sales &case…"),
                                            self.new_case)
        cases_col.addWidget(self.new_case_button, 0, Qt.AlignmentFlag.AlignRight)
        self.tabs.addTab(orders_page, self.tr("Orders"))
        self.tabs.addTab(cases_page, "")  # titled with the count by _fill_cases
        self.tabs.addTab(self.addresses, self.tr("Addresses"))
        self.followups = FollowupsPanel(customer_id)
        self.tabs.addTab(self.followups, self.tr("Follow-ups"))

        lower = QHBoxLayout()
        lower.addWidget(notes_box, 1)
        lower.addWidget(self.tabs, 1)
        buttons = self.add_buttons(Buttons.Close)
        # as the default button, Close would take the Enter meant for a field
        buttons.button(Buttons.Close).setAutoDefault(False)
        layout = QVBoxLayout(self)
        content = QWidget()
        content_col = QVBoxLayout(content)
        content_col.setContentsMargins(0, 0, 0, 0)
        top = QHBoxLayout()
        top.addWidget(identity, 1)
        side = QVBoxLayout()
        side.addWidget(group_box)
        side.addWidget(self.figures)
        side.addLayout(badge_row)
        side.addWidget(tag_box)
        side.addStretch(1)
        top.addLayout(side, 1)
        content_col.addLayout(top)
        content_col.addLayout(lower, 1)
        layout.addWidget(screenfit.scrolling(content, "customerScroll"), 1)
        layout.addWidget(buttons)
        screenfit.first_size(self, 1000, 720)

        # Ctrl+Z / Ctrl+Shift+Z while this (modal) dialog is the active window
        history.add_actions(self)
        detail = service.get(customer_id)
        self.load_identity(detail)
        self.reload(detail)
        bus().changed.connect(self._on_change)

    def _line(self, name: str) -> QLineEdit:
        edit = QLineEdit()
        edit.setObjectName(name)
        return edit

    # -- reading --------------------------------------------------------------

    def _identity_values(self) -> dict[str, Any]:
        return {"nickname": self.nickname.text(), "platform": self.platform.currentData(),
                "real_name": self.real_name.text(), "phone": self.phone.text(),
                "region": self.region.text()}

    def load_identity(self, c: CustomerDetail | None = None) -> None:
        """The identity form, from `c` (read afresh when not given)."""
        if c is None:
            c = service.get(self.customer_id)
        self.nickname.setText(c.nickname)
        self.platform.setCurrentIndex(max(0, self.platform.findData(c.platform)))
        self.real_name.setText(c.real_name)
        self.phone.setText(c.phone)
        self.region.setText(c.region)
        self._shown = self._identity_values()
        self._version = c.version  # what a save checks (desk/ui/conflict.py)

    def reload(self, c: CustomerDetail | None = None) -> None:
        """Everything but the identity form, which keeps what is being typed,
        from `c` or one fresh read of everything the page shows."""
        if c is None:
            c = service.get(self.customer_id)
        self.setWindowTitle(self.tr("Customer: {nickname}").format(nickname=c.nickname))
        self.lifecycle.blockSignals(True)
        self.lifecycle.setCurrentIndex(max(0, self.lifecycle.findData(c.lifecycle)))
        self.lifecycle.blockSignals(False)
        self.lifecycle_note.setText(self.tr("Set by hand") if c.lifecycle_manual
                                    else self.tr("Follows the orders"))
        self.lifecycle_auto.setEnabled(c.lifecycle_manual)

        parts = [self.tr("%n order(s)", "", c.order_count),
                 self.tr("Total {money}").format(money=fmt.money(c.total_spent_fen)),
                 self.tr("Average order {money}").format(money=fmt.money(c.average_order_fen))]
        if c.is_repeat:
            parts.append(self.tr("Repeat buyer"))
        parts.append(self.tr("%n open case(s)", "", c.open_case_count))
        self.figures.setText(" · ".join(parts))
        self._fill_badges(c.risks)
        self._fill_chips(c.tags)
        self.notes.show_notes(c.notes, c.orders, c.cases)
        self._fill_orders(c.orders)
        self._fill_cases(c.cases)
        self.addresses.show_addresses(c.addresses)

    def _clear(self, layout) -> None:
        while layout.count():
            widget = layout.takeAt(0).widget()
            if widget is not None:
                # A chip can be the sender of the click that got here: hide it
                # now and let the event loop delete it.
                widget.hide()
                widget.setObjectName("")
                widget.deleteLater()

    def _fill_badges(self, flags: list[RiskFlag]) -> None:
        self._clear(self.badges)
        names = labels.risks()
        for flag in flags:
            badge = QLabel(names.get(flag.code, flag.code))
            badge.setObjectName(f"riskBadge_{flag.code}")
            badge.setStyleSheet(BADGE_STYLE)
            # figures.py marks the reasons in the "RiskFlag" context
            reason = QCoreApplication.translate("RiskFlag", flag.template)
            badge.setToolTip(reason.format(**flag.values))
            self.badges.addWidget(badge)

    def _fill_chips(self, tag_list) -> None:
        self._clear(self.chips)
        for tag in tag_list:
            chip = QToolButton()
            chip.setObjectName(f"tagChip_{tag.name}")
            chip.setText(f"{tag.name}  ×")
            chip.setToolTip(self.tr("{category}: click to remove this tag").format(
                category=tag.category))
            chip.setStyleSheet(CHIP_STYLE.format(color=tag.color))
            chip.clicked.connect(lambda _=False, t=tag: self.remove_tag(t.id, t.name))
            self.chips.addWidget(chip)

    def _fill_orders(self, rows) -> None:
        statuses = labels.order_statuses()
        self.orders.setRowCount(len(rows))
        for r, (order_id, order_no, status, placed, amount) in enumerate(rows):
            amount_item = QTableWidgetItem(fmt.money(amount))
            amount_item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            for col, item in enumerate((QTableWidgetItem(order_no),
                                        QTableWidgetItem(labels.label(statuses, status)),
                                        QTableWidgetItem(fmt.when(timeutil.to_epoch(placed))),
                                        amount_item)):
                item.setData(RowIdRole, order_id)
                self.orders.setItem(r, col, item)
        self.case_for_order.setEnabled(bool(rows))

    def _fill_cases(self, rows) -> None:
        kinds, statuses = labels.case_kinds(), labels.case_statuses()
        now = timeutil.now()
        self.cases.setRowCount(len(rows))
        for r, case in enumerate(rows):
            if case.next_deadline_at is None or case.status not in OPEN_STATUSES:
                deadline = "—"
            else:
                deadline = fmt.when(timeutil.to_epoch(case.next_deadline_at))
                if case.next_deadline_at < now:
                    deadline = self.tr("{when} (overdue)").format(when=deadline)
            first = QTableWidgetItem(case.case_no)
            first.setData(RowIdRole, case.id)
            for col, item in enumerate((first,
                                        QTableWidgetItem(labels.label(kinds, case.kind)),
                                        QTableWidgetItem(labels.label(statuses, case.status)),
                                        QTableWidgetItem(case.reason_name),
                                        QTableWidgetItem(deadline))):
                self.cases.setItem(r, col, item)
        self.tabs.setTabText(1, self.tr("After-sales (%n)", "", len(rows)))

    def _on_change(self, entity: str, ids) -> None:
        if self.isVisible() and entity in ("customer", "note", "order", "case", "tag") and (
                not ids or self.customer_id in ids or entity != "customer"):
            try:
                c = service.get(self.customer_id)
                if entity == "customer" and self._identity_values() == self._shown:
                    self.load_identity(c)  # not being edited: follow an undo or another window
                self.reload(c)
            except UserError:
                pass  # the customer went away (emptied trash); the dialog shows what it had

    def open_case(self, case_id: int) -> None:
        """Double-click (or Enter) on a case: the case form."""
        from desk.ui.aftersales.case_dialog import CaseDialog

        CaseDialog.ask(self, case_id=case_id)

    def new_case(self) -> None:
        from desk.ui.aftersales.case_dialog import CaseDialog

        CaseDialog.ask(self, customer_id=self.customer_id)

    def new_case_for_order(self) -> None:
        """A case for the selected order (or the first one), its items and amount filled in."""
        from desk.ui.aftersales.case_dialog import CaseDialog

        row = max(0, self.orders.currentRow())
        item = self.orders.item(row, 0)
        if item is None or item.data(RowIdRole) is None:
            CaseDialog.ask(self, customer_id=self.customer_id)
            return
        CaseDialog.ask(self, customer_id=self.customer_id, order_id=item.data(RowIdRole))

    # -- writing ----------------------------------------------------------------

    def _record(self, text: str, write: Callable[[], tuple[Any, Step]]) -> Any:
        """Make one change through a core write that returns its undo step, and
        put the step on the app's history; a UserError propagates and nothing
        is recorded."""
        result = history.run(text, write)
        self.changed = True
        return result

    def _mark_changed(self) -> None:
        self.changed = True

    def _perform(self, label: InlineError, text: str,
                 write: Callable[[], tuple[Any, Step]]) -> bool:
        """_record(), with a UserError shown in `label` (and nothing changed)."""
        try:
            self._record(text, write)
        except UserError as e:
            label.show_error(e)
            return False
        label.clear_message()
        return True

    def save_identity(self) -> None:
        new = self._identity_values()
        if new == self._shown:
            self.error.clear_message()
            return
        cid = self.customer_id
        nickname = self._shown.get("nickname", "")
        if self._perform(self.error, self.tr("Edit “{nickname}”").format(nickname=nickname),
                         conflict.guarded(self, lambda v: service.update_step(cid, version=v, **new),
                                          self._version, reload=self.load_identity)):
            self.load_identity()  # shows the cleaned values (phone without spaces...)

    def _lifecycle_chosen(self, _index: int) -> None:
        cid, group = self.customer_id, self.lifecycle.currentData()
        self._perform(self.error, self.tr("Move to group “{group}”").format(
            group=self.lifecycle.currentText()), lambda: figures.set_lifecycle_step([cid], group))

    def lifecycle_automatic(self) -> None:
        cid = self.customer_id
        self._perform(self.error, self.tr("Group follows the orders again"),
                      lambda: figures.set_lifecycle_step([cid], None))

    def _suggest(self, text: str) -> None:
        self.tag_error.clear_message()
        self.create_tag.hide()
        self.suggestions.setStringList([t.name for t in tags.tag_suggestions(text)])

    def _tag_chosen(self, text: str) -> None:
        """A tag picked in the completer's list: added, and the field emptied
        again once the completer has finished writing its choice into it."""
        self.add_tag_named(text)
        if not self.tag_error.isVisible():
            QTimer.singleShot(0, self._clear_tag_field)

    def _clear_tag_field(self) -> None:
        if shiboken6.isValid(self) and not self.tag_error.isVisible():
            self.add_tag.clear()

    def add_tag_named(self, text: str) -> None:
        text = text.strip()
        if not text:
            return
        found = tags.tag_suggestions(text)
        exact = [t for t in found if t.name == text]
        match = (exact or found or [None])[0]
        if match is None:
            self._missing_tag = text
            self.tag_error.show_message(self.tr("No tag \"{name}\".").format(name=text[:40]))
            self.create_tag.setText(self.tr("&Create tag “{name}”…").format(name=text[:40]))
            self.create_tag.show()
            return
        self.create_tag.hide()
        cid = self.customer_id
        if tags.tag_pairs([cid], [match.id]):  # has it already: nothing to do
            self.tag_error.clear_message()
            self.add_tag.clear()
            return
        if self._perform(self.tag_error, self.tr("Add tag “{name}”").format(name=match.name),
                         lambda: tags.add_tags_step([cid], [match.id])):
            self.add_tag.clear()

    def create_tag_clicked(self) -> None:
        cid = self.customer_id

        def save(name: str, category_id: int) -> None:
            self._record(self.tr("New tag “{name}”").format(name=name.strip()[:40]),
                         lambda: service.tag_with_new_step(cid, category_id, name))

        if NewTagDialog.ask(self, self._missing_tag, save) is not None:
            self._missing_tag = ""
            self.tag_error.clear_message()
            self.create_tag.hide()
            self.add_tag.clear()

    def remove_tag(self, tag_id: int, name: str) -> None:
        cid = self.customer_id
        self._perform(self.tag_error, self.tr("Remove tag “{name}”").format(name=name),
                      lambda: tags.remove_tags_step([cid], [tag_id]))

    def answer(self) -> bool:
        return self.changed

    @classmethod
    def ask(cls, parent: QWidget | None, customer_id: int) -> bool:
        """Show the customer; True when anything was changed."""
        return cls(customer_id, parent).run_modal()
