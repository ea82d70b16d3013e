"""Manage tags: the shop's tag categories and tags, their names, colours and
descriptions. Every change can be undone (Ctrl+Z), deletes included: a deleted
tag comes back on the customers who carried it. Each change is a core write
that returns its own undo step (desk.core.history); the dialog only records it."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QIcon, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QColorDialog,
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desk.core.customers import service, tags
from desk.core.errors import UserError
from desk.core.history import Step
from desk.ui import fmt, undo
from desk.ui.ask import Buttons, ChangesWindow, InlineError
from desk.ui.bus import bus
from desk.ui.customers.chips import text_color

IdRole = Qt.ItemDataRole.UserRole
ColorRole = Qt.ItemDataRole.UserRole + 1  # the colour drawn, "#rrggbb"
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter

# tag table columns
NAME, COLOR, DESCRIPTION, CUSTOMERS = range(4)


def swatch(color: str, size: int = 14) -> QIcon:
    pixmap = QPixmap(size, size)
    pixmap.fill(QColor(color))
    return QIcon(pixmap)


class TagManagerDialog(ChangesWindow):
    """Tag categories on the left, the chosen category's tags on the right."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("tagManagerDialog")
        self.setWindowTitle(self.tr("Manage tags"))
        self.setMinimumSize(680, 420)
        self.resize(820, 520)
        self.changed = False

        # -- categories
        self.categories = QListWidget()
        self.categories.setObjectName("tagCategories")
        self.categories.currentItemChanged.connect(lambda *_: self._category_changed())
        self.add_category_button = self._button("addCategory", self.tr("&Add…"),
                                                self.tr("A new tag category"), self.add_category)
        self.rename_category_button = self._button("renameCategory", self.tr("Re&name…"),
                                                   self.tr("Rename the category"),
                                                   self.rename_category)
        self.recolor_category_button = self._button(
            "recolorCategory", self.tr("C&olour…"),
            self.tr("The category's colour, used by its tags that have none of their own"),
            self.recolor_category)
        self.delete_category_button = self._button("deleteCategory", self.tr("De&lete…"),
                                                   self.tr("Delete the category and its tags"),
                                                   self.delete_category)
        category_buttons = QGridLayout()
        category_buttons.addWidget(self.add_category_button, 0, 0)
        category_buttons.addWidget(self.rename_category_button, 0, 1)
        category_buttons.addWidget(self.recolor_category_button, 1, 0)
        category_buttons.addWidget(self.delete_category_button, 1, 1)
        left = QWidget()
        left_col = QVBoxLayout(left)
        left_col.setContentsMargins(0, 0, 0, 0)
        categories_label = QLabel(self.tr("&Categories"))
        categories_label.setBuddy(self.categories)
        left_col.addWidget(categories_label)
        left_col.addWidget(self.categories, 1)
        left_col.addLayout(category_buttons)

        # -- tags
        self.tags_label = QLabel()
        self.tags_label.setObjectName("tagManagerTagsLabel")
        self.table = QTableWidget(0, 4)
        self.table.setObjectName("tagTable")
        self.table.setHorizontalHeaderLabels(
            [self.tr("Tag"), self.tr("Colour"), self.tr("Description"), self.tr("Customers")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(DESCRIPTION, QHeaderView.ResizeMode.Stretch)
        self.table.itemSelectionChanged.connect(self._enable)
        self.table.itemDoubleClicked.connect(lambda _item: self.rename_tag())
        self.add_tag_button = self._button("addTag", self.tr("Add &tag…"),
                                           self.tr("A new tag in this category"), self.add_tag)
        self.rename_tag_button = self._button("renameTag", self.tr("&Rename…"),
                                              self.tr("Rename the tag"), self.rename_tag)
        self.recolor_tag_button = self._button("recolorTag", self.tr("Colo&ur…"),
                                               self.tr("Give the tag a colour of its own"),
                                               self.recolor_tag)
        self.reset_color_button = self._button(
            "resetTagColor", self.tr("Category colour"),
            self.tr("Draw the tag in its category's colour again"), self.reset_tag_color)
        self.describe_tag_button = self._button("editTagDescription", self.tr("D&escription…"),
                                                self.tr("What the tag means and how to treat "
                                                        "customers who carry it"),
                                                self.describe_tag)
        self.move_tag_button = self._button("moveTag", self.tr("&Move to…"),
                                            self.tr("Put the tag in another category"),
                                            self.move_tag)
        self.delete_tag_button = self._button("deleteTag", self.tr("&Delete…"),
                                              self.tr("Delete the tag; customers lose it"),
                                              self.delete_tag)
        tag_buttons = QHBoxLayout()
        for button in (self.add_tag_button, self.rename_tag_button, self.recolor_tag_button,
                       self.reset_color_button, self.describe_tag_button, self.move_tag_button,
                       self.delete_tag_button):
            tag_buttons.addWidget(button)
        tag_buttons.addStretch(1)
        right = QWidget()
        right_col = QVBoxLayout(right)
        right_col.setContentsMargins(0, 0, 0, 0)
        right_col.addWidget(self.tags_label)
        right_col.addWidget(self.table, 1)
        right_col.addLayout(tag_buttons)

        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([220, 600])
        splitter.setChildrenCollapsible(False)

        self.error = InlineError("tagManagerError")
        hint = QLabel(self.tr("Every change here can be undone with Ctrl+Z, deleting included."))
        hint.setWordWrap(True)
        hint.setEnabled(False)
        close = self.add_buttons(Buttons.Close)
        close.setObjectName("tagManagerClose")
        bottom = QHBoxLayout()
        bottom.addWidget(hint, 1)
        bottom.addWidget(close)

        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.error)
        layout.addLayout(bottom)

        undo.add_actions(self)
        undo.stack().indexChanged.connect(self._history_moved)
        bus().changed.connect(self._on_change)
        self.reload()
        if self.categories.count():
            self.categories.setCurrentRow(0)

    def _button(self, name: str, text: str, tip: str, slot: Callable[[], None]) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(name)
        button.setToolTip(tip)
        button.setAutoDefault(False)
        button.clicked.connect(slot)
        return button

    # -- showing ----------------------------------------------------------------

    def reload(self, category_id: int | None = None, tag_id: int | None = None) -> None:
        """Show the categories and tags afresh, keeping (or moving to) the chosen ones."""
        if category_id is None:
            category_id = self.current_category_id()
        if tag_id is None:
            tag_id = self.current_tag_id()
        self.categories.blockSignals(True)
        self.categories.clear()
        current = None
        for c in service.tag_categories():
            item = QListWidgetItem(swatch(c.color), c.name)
            item.setData(IdRole, c.id)
            item.setData(ColorRole, c.color)
            self.categories.addItem(item)
            if c.id == category_id:
                current = item
        if current is None and self.categories.count() and category_id is not None:
            current = self.categories.item(0)  # the chosen one is gone
        if current is not None:
            self.categories.setCurrentItem(current)
        self.categories.blockSignals(False)
        self._show_tags(tag_id)

    def _show_tags(self, tag_id: int | None = None) -> None:
        category = self.categories.currentItem()
        self.table.blockSignals(True)
        self.table.clearSelection()
        self.table.setRowCount(0)
        rows: list[tags.TagDetail] = []
        if category is not None:
            try:
                rows = tags.tags_in(category.data(IdRole))
            except UserError:  # deleted by another window a moment ago
                rows = []
        for t in rows:
            r = self.table.rowCount()
            self.table.insertRow(r)
            name = QTableWidgetItem(t.name)
            name.setBackground(QBrush(QColor(t.color)))
            name.setForeground(QBrush(text_color(QColor(t.color))))
            name.setData(ColorRole, t.color)
            color = QTableWidgetItem(swatch(t.color), t.own_color or self.tr("Category's"))
            color.setData(ColorRole, t.color)
            color.setToolTip(self.tr("Its own colour") if t.own_color
                             else self.tr("The category's colour"))
            description = QTableWidgetItem(t.description)
            description.setToolTip(t.description)
            customers = QTableWidgetItem(fmt.count(t.customers))
            customers.setTextAlignment(RIGHT)
            for col, item in enumerate((name, color, description, customers)):
                item.setData(IdRole, t.id)
                self.table.setItem(r, col, item)
            if t.id == tag_id:
                self.table.selectRow(r)
        self.table.blockSignals(False)
        if category is None:
            self.tags_label.setText(self.tr("Add a category to put tags in."))
        else:
            self.tags_label.setText(self.tr("Tags in “{category}”: %n", "", len(rows))
                                    .format(category=category.text()))
        self._enable()

    def current_category_id(self) -> int | None:
        item = self.categories.currentItem()
        return item.data(IdRole) if item is not None else None

    def current_tag_id(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        return self.table.item(rows[0].row(), 0).data(IdRole) if rows else None

    def _current_tag(self) -> tags.TagDetail | None:
        tag_id, category_id = self.current_tag_id(), self.current_category_id()
        if tag_id is None or category_id is None:
            return None
        try:
            return next((t for t in tags.tags_in(category_id) if t.id == tag_id), None)
        except UserError:
            return None

    def _category_changed(self) -> None:
        self.error.hide()
        self._show_tags()

    def _enable(self) -> None:
        has_category = self.current_category_id() is not None
        for button in (self.rename_category_button, self.recolor_category_button,
                       self.delete_category_button, self.add_tag_button):
            button.setEnabled(has_category)
        has_tag = self.current_tag_id() is not None
        for button in (self.rename_tag_button, self.recolor_tag_button, self.reset_color_button,
                       self.describe_tag_button, self.delete_tag_button):
            button.setEnabled(has_tag)
        self.move_tag_button.setEnabled(has_tag and self.categories.count() > 1)

    def _on_change(self, entity: str, _ids) -> None:
        # customers: how many carry each tag
        if entity in ("tag", "customer") and self.isVisible():
            self.reload()

    def _history_moved(self, _index: int) -> None:
        self.changed = True  # our own changes, or Ctrl+Z / Ctrl+Shift+Z while we are open

    # -- asking -----------------------------------------------------------------

    def _ask_text(self, name: str, title: str, label: str, text: str = "") -> str | None:
        dialog = QInputDialog(self)
        dialog.setObjectName(name)
        dialog.setWindowTitle(title)
        dialog.setLabelText(label)
        dialog.setInputMode(QInputDialog.InputMode.TextInput)
        dialog.setTextValue(text)
        dialog.setMinimumWidth(360)
        try:
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return None
            return dialog.textValue()
        finally:
            dialog.deleteLater()

    def _ask_color(self, title: str, initial: str) -> str | None:
        dialog = QColorDialog(QColor(initial), self)
        dialog.setObjectName("tagColorDialog")
        dialog.setWindowTitle(title)
        dialog.setOption(QColorDialog.ColorDialogOption.DontUseNativeDialog)
        try:
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return None
            color = dialog.selectedColor()
            return color.name() if color.isValid() else None
        finally:
            dialog.deleteLater()

    def _confirm(self, name: str, title: str, text: str, details: str, action: str) -> bool:
        box = QMessageBox(QMessageBox.Icon.Warning, title, text, parent=self)
        box.setObjectName(name)
        box.setInformativeText(details)
        ok = box.addButton(action, QMessageBox.ButtonRole.DestructiveRole)
        ok.setObjectName(name + "Button")
        cancel = box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(cancel)  # Enter must not delete anything
        box.exec()
        return box.clickedButton() is ok

    def _perform(self, text: str, write: Callable[[], tuple[Any, Step]]) -> Any:
        """Make a change through a core write that returns its undo step, and
        record the step; a UserError is shown here and nothing is saved.
        Returns the write's result, or None when refused."""
        try:
            result = undo.run(text, write)
        except UserError as e:
            self.error.show_error(e)
            return None
        self.error.hide()
        self.changed = True
        return result

    # -- categories -------------------------------------------------------------

    def add_category(self) -> None:
        name = self._ask_text("newCategoryName", self.tr("New tag category"),
                              self.tr("Name of the new category:"))
        if name is None:
            return
        category_id = self._perform(self.tr("Add tag category “{name}”").format(name=name.strip()),
                                    lambda: tags.create_category_step(name))
        if category_id is not None:
            self.reload(category_id)

    def rename_category(self) -> None:
        item = self.categories.currentItem()
        if item is None:
            return
        category_id, old = item.data(IdRole), item.text()
        name = self._ask_text("renameCategoryName", self.tr("Rename tag category"),
                              self.tr("New name for “{name}”:").format(name=old), old)
        if name is None or name == old:
            return
        self._perform(self.tr("Rename tag category “{old}” to “{new}”")
                      .format(old=old, new=name.strip()),
                      lambda: tags.update_category_step(category_id, name=name))

    def recolor_category(self) -> None:
        item = self.categories.currentItem()
        if item is None:
            return
        category_id, old = item.data(IdRole), item.data(ColorRole)
        color = self._ask_color(self.tr("Colour of “{name}”").format(name=item.text()), old)
        if color is None or color == old:
            return
        self._perform(self.tr("Recolour tag category “{name}”").format(name=item.text()),
                      lambda: tags.update_category_step(category_id, color=color))

    def delete_category(self) -> None:
        item = self.categories.currentItem()
        if item is None:
            return
        category_id, name = item.data(IdRole), item.text()
        try:
            usage = tags.category_usage(category_id)
        except UserError as e:
            self.error.show_error(e)
            return
        details = self.tr("%n tag(s) in it will be deleted too.", "", usage.tags)
        if usage.customers:
            details += " " + self.tr("%n customer(s) will lose them.", "", usage.customers)
        details += " " + self.tr("You can undo this with Ctrl+Z.")
        if not self._confirm("confirmDeleteCategory", self.tr("Delete tag category"),
                             self.tr("Delete the tag category “{name}”?").format(name=name),
                             details, self.tr("Delete category")):
            return
        self._perform(self.tr("Delete tag category “{name}”").format(name=name),
                      lambda: tags.delete_category_step(category_id))

    # -- tags -------------------------------------------------------------------

    def add_tag(self) -> None:
        item = self.categories.currentItem()
        if item is None:
            return
        category_id = item.data(IdRole)
        name = self._ask_text("newTagName", self.tr("New tag"),
                              self.tr("Name of the new tag in “{category}”:")
                              .format(category=item.text()))
        if name is None:
            return
        tag_id = self._perform(self.tr("Add tag “{name}”").format(name=name.strip()),
                               lambda: tags.create_tag_step(category_id, name))
        if tag_id is not None:
            self.reload(category_id, tag_id)

    def rename_tag(self) -> None:
        tag = self._current_tag()
        if tag is None:
            return
        name = self._ask_text("renameTagName", self.tr("Rename tag"),
                              self.tr("New name for “{name}”:").format(name=tag.name), tag.name)
        if name is None or name == tag.name:
            return
        self._perform(self.tr("Rename tag “{old}” to “{new}”").format(old=tag.name, new=name.strip()),
                      lambda: tags.update_tag_step(tag.id, name=name))

    def recolor_tag(self) -> None:
        tag = self._current_tag()
        if tag is None:
            return
        color = self._ask_color(self.tr("Colour of “{name}”").format(name=tag.name), tag.color)
        if color is None or color == tag.own_color:
            return
        self._perform(self.tr("Recolour tag “{name}”").format(name=tag.name),
                      lambda: tags.update_tag_step(tag.id, color=color))

    def reset_tag_color(self) -> None:
        tag = self._current_tag()
        if tag is None or tag.own_color is None:
            return
        self._perform(self.tr("Use the category colour for tag “{name}”").format(name=tag.name),
                      lambda: tags.update_tag_step(tag.id, color=None))

    def describe_tag(self) -> None:
        tag = self._current_tag()
        if tag is None:
            return
        text = self._ask_text("tagDescription", self.tr("Tag description"),
                              self.tr("What “{name}” means, and how to treat these customers:")
                              .format(name=tag.name), tag.description)
        if text is None or text == tag.description:
            return
        self._perform(self.tr("Change the description of tag “{name}”").format(name=tag.name),
                      lambda: tags.update_tag_step(tag.id, description=text))

    def move_tag(self) -> None:
        tag = self._current_tag()
        if tag is None:
            return
        others = [c for c in service.tag_categories() if c.id != tag.category_id]
        if not others:
            return
        dialog = QInputDialog(self)
        dialog.setObjectName("moveTagCategory")
        dialog.setWindowTitle(self.tr("Move tag"))
        dialog.setLabelText(self.tr("Put “{name}” in the category:").format(name=tag.name))
        dialog.setComboBoxItems([c.name for c in others])
        dialog.setComboBoxEditable(False)
        try:
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return
            target = next((c for c in others if c.name == dialog.textValue()), None)
        finally:
            dialog.deleteLater()
        if target is None:
            return
        moved = self._perform(self.tr("Move tag “{name}” to “{category}”")
                              .format(name=tag.name, category=target.name),
                              lambda: tags.move_tag_step(tag.id, target.id))
        if moved is not None:
            self.reload(target.id, tag.id)  # follow it

    def delete_tag(self) -> None:
        tag = self._current_tag()
        if tag is None:
            return
        if tag.customers:
            details = self.tr("%n customer(s) carry it and will lose it.", "", tag.customers)
        else:
            details = self.tr("No customer carries it.")
        details += " " + self.tr("You can undo this with Ctrl+Z.")
        if not self._confirm("confirmDeleteTag", self.tr("Delete tag"),
                             self.tr("Delete the tag “{name}”?").format(name=tag.name),
                             details, self.tr("Delete tag")):
            return
        self._perform(self.tr("Delete tag “{name}”").format(name=tag.name),
                      lambda: tags.delete_tag_step(tag.id))
