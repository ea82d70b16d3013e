"""A case's photo evidence: thumbnails made in the background, adding by file
dialog, drag and drop or paste, kind and caption, undoable removal, the
evidence pack; a photo opens in the viewer (photo_viewer.py)."""

from __future__ import annotations

from pathlib import Path

import shiboken6
from PySide6.QtCore import QBuffer, QCoreApplication, QIODevice, QMimeData, QSize, Qt, Signal
from PySide6.QtGui import (
    QAction,
    QDragEnterEvent,
    QDropEvent,
    QIcon,
    QImage,
    QKeySequence,
    QPixmap,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from desk.core import timeutil
from desk.core.aftersales import photos as core
from desk.core.aftersales import steps
from desk.core.aftersales.photos import AddReport, PhotoInfo
from desk.core.errors import Cancelled, UserError
from desk.core.history import Step
from desk.ui import fmt, undo
from desk.ui.aftersales.photo_viewer import PhotoViewer
from desk.ui.bus import bus
from desk.ui.errors import report, user_message
from desk.ui.labels import evidence_kinds
from desk.ui.progress import run_with_progress
from desk.ui.worker import Task, run_task

IdRole = Qt.ItemDataRole.UserRole
ICON = QSize(128, 128)
IMAGE_FILTER = "*.jpg *.jpeg *.png *.gif *.webp *.bmp"
PASTED_KIND = "chat"

translate = QCoreApplication.translate


def _png(image: QImage) -> bytes:
    buf = QBuffer()
    buf.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buf, "PNG")
    return bytes(buf.data())


def add_in_background(case_id: int, sources: list, kind: str, progress=None,
                      is_cancelled=None, stored=None) -> tuple[AddReport, Step | None]:
    """core.add_photos on a worker, with the step that takes the batch back; pasted or dropped image data (a QImage)
    is encoded to PNG here, off the main thread. `stored(name, thumbnail
    path or None)` is called as each photo is stored, with its thumbnail
    made here too, so the panel can show it at once."""
    ready = [(_png(s[0]), s[1]) if isinstance(s, tuple) and isinstance(s[0], QImage) else s
             for s in sources]
    photos = core.photos_dir()

    def each(sha: str, ext: str, name: str) -> None:
        if stored:
            try:
                stored(name, core.make_thumbnail(sha, ext, core.THUMB_SIZE, photos))
            except RuntimeError:  # the panel closed meanwhile; the batch still goes in
                pass

    return steps.add_photos_step(case_id, ready, kind=kind, progress=progress,
                                 is_cancelled=is_cancelled, photos=photos, stored=each)


def sources_from_mime(mime: QMimeData) -> tuple[list, bool]:
    """What can be added from dropped or pasted data: local files, else image
    data; and whether there were web links that could not be used."""
    files = [url.toLocalFile() for url in mime.urls() if url.isLocalFile()] if mime.hasUrls() else []
    if files:
        return files, False
    if mime.hasImage():
        image = QImage(mime.imageData())
        if not image.isNull():
            stamp = timeutil.now().astimezone().strftime("%Y%m%d-%H%M%S")
            return [(image, f"pasted-{stamp}.png")], False
    return [], mime.hasUrls()


class EvidencePanel(QWidget):
    """One case's photos; refreshes from the change bus like any view."""

    # emitted from the worker as each photo of a batch is stored: name, thumbnail path or None
    photo_stored = Signal(str, object)

    def __init__(self, case_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("evidencePanel")
        self.case_id = case_id
        self.photos_dir = core.photos_dir()
        self.photos: list[PhotoInfo] = []
        self._listed = False  # reload() has filled the list once
        self._icons: dict[str, QIcon] = {}
        self._thumbs: set[str] = set()  # being made
        self._adding: Task | None = None
        self._filling = False
        self.viewer: PhotoViewer | None = None
        self.setAcceptDrops(True)

        style = self.style()
        self.loading_icon = style.standardIcon(QStyle.StandardPixmap.SP_FileIcon)
        self.missing_icon = style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)

        self.list = QListWidget()
        self.list.setObjectName("evidenceList")
        self.list.setViewMode(QListView.ViewMode.IconMode)
        self.list.setIconSize(ICON)
        # room for two lines under each thumbnail: its kind and its caption
        self.list.setGridSize(QSize(ICON.width() + 32, ICON.height() + 52))
        self.list.setResizeMode(QListView.ResizeMode.Adjust)
        self.list.setMovement(QListView.Movement.Static)
        self.list.setWordWrap(True)
        self.list.setUniformItemSizes(True)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.list.setAcceptDrops(False)  # drops go to the panel
        self.list.viewport().setAcceptDrops(False)
        self.list.setDragEnabled(False)
        self.list.itemActivated.connect(lambda item: self.open_viewer(item.data(IdRole)))
        self.photo_stored.connect(self._show_stored)
        self.list.itemDoubleClicked.connect(lambda item: self.open_viewer(item.data(IdRole)))
        self.list.itemSelectionChanged.connect(self._selection_changed)

        self.empty = QLabel(self.tr("No photos yet. Add the buyer's photos of the damage, the "
                                    "outer packaging and the packing slip, or paste a chat "
                                    "screenshot (Ctrl+V)."))
        self.empty.setObjectName("evidenceEmpty")
        self.empty.setWordWrap(True)
        self.empty.setEnabled(False)

        self.add_kind = QComboBox()
        self.add_kind.setObjectName("evidenceAddKind")
        self.add_button = QPushButton(self.tr("&Add photos…"))
        self.add_button.setObjectName("evidenceAdd")
        self.add_button.clicked.connect(self.add_clicked)
        self.pack_button = QPushButton(self.tr("Evidence &pack…"))
        self.pack_button.setObjectName("evidencePack")
        self.pack_button.setToolTip(self.tr("One zip with the photos, an Excel index and the case "
                                            "summary, for uploading to the platform"))
        self.pack_button.clicked.connect(self.pack_clicked)

        self.kind = QComboBox()
        self.kind.setObjectName("evidenceKind")
        self.kind.activated.connect(lambda _i: self.set_kind(self.kind.currentData()))
        for combo in (self.add_kind, self.kind):
            for code, name in evidence_kinds().items():
                combo.addItem(name, code)
        self.caption = QLineEdit()
        self.caption.setObjectName("evidenceCaption")
        self.caption.setMaxLength(core.CAPTION_MAX)
        self.caption.setPlaceholderText(self.tr("Caption, e.g. corner of the box crushed"))
        self.caption.editingFinished.connect(self.caption_edited)
        self.remove_button = QPushButton(self.tr("&Remove"))
        self.remove_button.setObjectName("evidenceRemove")
        self.remove_button.setToolTip(self.tr("Move the selected photos to the trash (Del)"))
        self.remove_button.clicked.connect(self.remove_selected)

        self.progress = QProgressBar()
        self.progress.setObjectName("evidenceProgress")
        self.progress.hide()
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setObjectName("evidenceCancel")
        self.cancel_button.hide()
        self.cancel_button.clicked.connect(self.cancel_adding)
        self.status = QLabel()
        self.status.setObjectName("evidenceStatus")
        self.status.setWordWrap(True)

        self._action("evidenceRemoveAction", self.remove_selected, QKeySequence.StandardKey.Delete,
                     self.list)
        self._action("evidencePasteAction", self.paste, QKeySequence.StandardKey.Paste, self)

        top = QHBoxLayout()
        top.addWidget(self.add_button)
        add_as = QLabel(self.tr("as"))
        add_as.setBuddy(self.add_kind)
        top.addWidget(add_as)
        top.addWidget(self.add_kind)
        top.addStretch(1)
        top.addWidget(self.pack_button)
        detail = QHBoxLayout()
        kind_label = QLabel(self.tr("&Kind:"))
        kind_label.setBuddy(self.kind)
        detail.addWidget(kind_label)
        detail.addWidget(self.kind)
        caption_label = QLabel(self.tr("Ca&ption:"))
        caption_label.setBuddy(self.caption)
        detail.addWidget(caption_label)
        detail.addWidget(self.caption, 1)
        detail.addWidget(self.remove_button)
        busy = QHBoxLayout()
        busy.addWidget(self.progress, 1)
        busy.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.empty)
        layout.addLayout(detail)
        layout.addLayout(busy)
        layout.addWidget(self.status)

        self.reload()
        bus().changed.connect(self._on_change)

    def _action(self, name: str, slot, shortcut, widget: QWidget) -> QAction:
        action = QAction(self)
        action.setObjectName(name)
        action.setShortcut(shortcut)
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.triggered.connect(slot)
        widget.addAction(action)
        return action

    # -- reading ----------------------------------------------------------------

    def _on_change(self, entity: str, _ids) -> None:
        if entity in ("evidence", "case"):
            self.reload()

    def reload(self) -> None:
        photos = core.list_photos(self.case_id, photos=self.photos_dir)
        if self._listed and photos == self.photos and self.list.count() == len(photos):
            return  # the case changed, not its photos: the list and its selection stay as they are
        keep = set(self.selected_ids())
        self._filling = True
        try:
            self.photos = photos
            kinds = evidence_kinds()
            self.list.clear()
            for p in self.photos:
                gone = core.missing(p)
                text = kinds.get(p.kind, p.kind)
                if gone:
                    text = self.tr("%1 (missing)").replace("%1", text)
                if p.caption:
                    text += "\n" + p.caption
                item = QListWidgetItem(self._icon(p, gone), text)
                item.setData(IdRole, p.id)
                item.setToolTip(self._tooltip(p, gone))
                self.list.addItem(item)
                item.setSelected(p.id in keep)
        finally:
            self._filling = False
        self._listed = True
        self.empty.setVisible(not self.photos)
        self._selection_changed()

    def _tooltip(self, p: PhotoInfo, gone: bool) -> str:
        lines = [p.caption] if p.caption else []
        lines.append(self.tr("%1 · %2 × %3 · %4 KB").replace("%1", p.original_name)
                     .replace("%2", str(p.width)).replace("%3", str(p.height))
                     .replace("%4", fmt.count(max(1, p.size_bytes // 1024))))
        lines.append(self.tr("Added %1").replace("%1", fmt.when(timeutil.to_epoch(p.added_at))))
        if gone:
            lines.append(self.tr("The file is missing from the photos folder."))
        return "\n".join(lines)

    def _icon(self, p: PhotoInfo, gone: bool) -> QIcon:
        if gone:
            return self.missing_icon
        icon = self._icons.get(p.sha256)
        if icon is not None:
            return icon
        if p.sha256 not in self._thumbs:
            self._thumbs.add(p.sha256)
            run_task(core.make_thumbnail, p.sha256, p.ext, core.THUMB_SIZE, self.photos_dir,
                     on_success=lambda path, sha=p.sha256: self._thumbnail_ready(sha, path),
                     on_error=lambda e, sha=p.sha256: self._thumbnail_ready(sha, None, e))
        return self.loading_icon

    def _thumbnail_ready(self, sha: str, path: Path | None, error: BaseException | None = None) -> None:
        if not shiboken6.isValid(self):
            return  # the panel closed while the thumbnail was made
        self._thumbs.discard(sha)
        if error is not None:
            report(error, self)
        pixmap = QPixmap(str(path)) if path else QPixmap()
        icon = QIcon(pixmap) if not pixmap.isNull() else self.missing_icon
        if path:
            self._icons[sha] = icon
        for row, p in enumerate(self.photos):
            if p.sha256 == sha and row < self.list.count():
                self.list.item(row).setIcon(icon)

    def thumbnails_pending(self) -> int:
        return len(self._thumbs)

    def selected_ids(self) -> list[int]:
        return [self.list.item(r).data(IdRole) for r in range(self.list.count())
                if self.list.item(r).isSelected()]

    def _photo(self, evidence_id: int) -> PhotoInfo | None:
        return next((p for p in self.photos if p.id == evidence_id), None)

    def _selection_changed(self) -> None:
        if self._filling:
            return
        ids = self.selected_ids()
        chosen = [p for p in self.photos if p.id in ids]
        self.kind.setEnabled(bool(chosen))
        self.remove_button.setEnabled(bool(chosen))
        self.caption.setEnabled(len(chosen) == 1)
        kinds = {p.kind for p in chosen}
        self.kind.setCurrentIndex(self.kind.findData(kinds.pop()) if len(kinds) == 1 else -1)
        self.caption.setText(chosen[0].caption if len(chosen) == 1 else "")

    # -- adding ------------------------------------------------------------------

    def add_clicked(self) -> None:
        files, _ = QFileDialog.getOpenFileNames(
            self, self.tr("Add photos"), "",
            self.tr("Pictures (%1);;All files (*)").replace("%1", IMAGE_FILTER))
        if files:
            self.add_sources(files)

    def add_sources(self, sources: list, kind: str | None = None) -> Task | None:
        """Check and store the photos in the background (as `kind`, else the
        kind chosen beside Add photos…); the list fills in as they are stored
        and refused files are listed in one message."""
        if not sources:
            return None
        if self._adding is not None:
            self.status.setText(self.tr("Still adding the last photos; try again in a moment."))
            return None
        kind = kind or self.add_kind.currentData()
        self.progress.setRange(0, len(sources))
        self.progress.setValue(0)
        self.progress.show()
        self.cancel_button.show()
        self.add_button.setEnabled(False)
        self.status.setText(self.tr("Adding %n photo(s)…", "", len(sources)))
        self._adding = run_task(add_in_background, self.case_id, list(sources), kind, job=True,
                                stored=self.photo_stored.emit,
                                on_success=self._added, on_error=self._add_failed,
                                on_progress=self._add_progress)
        return self._adding

    def _show_stored(self, name: str, thumbnail: Path | None) -> None:
        """A photo of the batch is in the folder: show it greyed out until
        the batch is attached (then reload() shows the real items)."""
        pixmap = QPixmap(str(thumbnail)) if thumbnail else QPixmap()
        icon = QIcon(pixmap) if not pixmap.isNull() else self.loading_icon
        item = QListWidgetItem(icon, self.tr("Adding…"))
        item.setData(IdRole, None)
        item.setFlags(Qt.ItemFlag.NoItemFlags)
        item.setToolTip(name)
        self.list.addItem(item)
        self.empty.hide()

    def _add_progress(self, done: int, total: int) -> None:
        if shiboken6.isValid(self):
            self.progress.setMaximum(max(total, 1))
            self.progress.setValue(done)

    def cancel_adding(self) -> None:
        if self._adding is not None:
            self._adding.cancel()

    def _add_done(self) -> bool:
        if not shiboken6.isValid(self):
            return False
        self._adding = None
        self.progress.hide()
        self.cancel_button.hide()
        self.add_button.setEnabled(True)
        return True

    def _add_failed(self, error: BaseException) -> None:
        if not self._add_done():
            return
        self.reload()  # drop the photos shown while they were stored
        if isinstance(error, Cancelled):
            self.status.setText(self.tr("Adding was cancelled; no photos were added."))
            return
        self.status.setText("")
        report(error, self)

    def _added(self, added: tuple[AddReport, Step | None]) -> None:
        if not self._add_done():
            return
        result, step = added
        ids = result.evidence_ids
        if step is not None:  # attached in the background already: only recorded here
            undo.push_step(step, self.tr("Add %n photo(s)", "", len(ids)))
        parts = [self.tr("Added %n photo(s).", "", len(ids))]
        if result.duplicates:
            parts.append(self.tr("%n photo(s) were already on this case.", "",
                                 len(result.duplicates)))
        if result.refused:
            parts.append(self.tr("%n file(s) could not be added.", "", len(result.refused)))
        self.status.setText(" ".join(parts))
        self.reload()
        if ids:
            self.list.clearSelection()
            for r in range(self.list.count()):
                if self.list.item(r).data(IdRole) in ids:
                    self.list.item(r).setSelected(True)
        if result.refused:
            self._show_refused(result)

    def _show_refused(self, result: AddReport) -> None:
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Photos not added"),
                          self.tr("%n file(s) could not be added:", "", len(result.refused)),
                          QMessageBox.StandardButton.Ok, self)
        box.setObjectName("evidenceRefusedDialog")
        box.setInformativeText("\n".join(f"• {user_message(r.error)}" for r in result.refused
                                         if r.error is not None))
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()  # not exec(): the panel stays live behind it

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 - Qt's name
        mime = event.mimeData()
        if mime.hasUrls() or mime.hasImage():
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event) -> None:  # noqa: N802
        event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802
        if self.add_mime(event.mimeData()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def paste(self) -> None:
        if not self.add_mime(QApplication.clipboard().mimeData()):
            self.status.setText(self.tr("The clipboard holds no picture. Copy a screenshot or a "
                                        "photo file first."))

    def add_mime(self, mime: QMimeData | None) -> bool:
        if mime is None:
            return False
        sources, web_only = sources_from_mime(mime)
        if web_only:
            self.status.setText(self.tr("Only a link to the picture came across. Save the picture "
                                        "to your computer first, then drag the file here."))
            return False
        # a picture pasted or dropped as image data is nearly always a chat screenshot
        pasted = bool(sources) and all(isinstance(s, tuple) for s in sources)
        return self.add_sources(sources, PASTED_KIND if pasted else None) is not None

    # -- editing and removing -----------------------------------------------------

    def set_kind(self, kind: str | None) -> None:
        ids = self.selected_ids()
        if not kind or not ids:
            return
        changing = [i for i in ids if (p := self._photo(i)) is not None and p.kind != kind]
        if not changing:
            return
        self._undoable(self.tr("Change the kind of %n photo(s)", "", len(changing)),
                       lambda: steps.edit_photos_step(changing, kind=kind))

    def caption_edited(self) -> None:
        ids = self.selected_ids()
        p = self._photo(ids[0]) if len(ids) == 1 else None
        text = self.caption.text().strip()
        if p is None or text == p.caption:
            return
        self._undoable(self.tr("Edit caption"), lambda: steps.edit_photos_step([p.id], caption=text))

    def remove_selected(self) -> None:
        ids = self.selected_ids()
        if not ids:
            return
        self._undoable(self.tr("Remove %n photo(s)", "", len(ids)),
                       lambda: steps.remove_photos_step(ids))
        self.status.setText(self.tr("Moved %n photo(s) to the trash (Ctrl+Z brings them back).",
                                    "", len(ids)))

    def _undoable(self, text: str, write) -> None:
        try:
            undo.run(text, write)
        except UserError as e:
            report(e, self)

    # -- the pack and the viewer -----------------------------------------------------

    def pack_labels(self) -> dict[str, str]:
        labels = {
            "sheet_summary": self.tr("Case"), "sheet_photos": self.tr("Photos"),
            "case_no": self.tr("Case number"), "buyer": self.tr("Buyer"),
            "platform": self.tr("Platform"), "order_no": self.tr("Order number"),
            "kind": self.tr("Kind"), "status": self.tr("Status"), "reason": self.tr("Reason"),
            "responsibility": self.tr("Responsibility"), "refund": self.tr("Refund (yuan)"),
            "compensation": self.tr("Compensation (yuan)"),
            "shipping": self.tr("Shipping (yuan)"),
            "platform_refund_no": self.tr("Platform refund number"),
            "return_tracking": self.tr("Return tracking number"), "opened": self.tr("Opened"),
            "description": self.tr("Description"), "photos": self.tr("Photos"),
            "file": self.tr("File name"), "photo_kind": self.tr("Kind"),
            "caption": self.tr("Caption"), "added": self.tr("Time added"),
            "sha256": self.tr("SHA-256"), "note": self.tr("Note"),
            "missing": self.tr("missing from disk, not in this pack"),
            "responsibility:seller": self.tr("Seller"), "responsibility:buyer": self.tr("Buyer"),
            "responsibility:carrier": self.tr("Carrier"),
            "responsibility:supplier": self.tr("Supplier"),
        }
        from desk.ui import labels as ui_labels

        labels.update({f"platform:{k}": v for k, v in ui_labels.platforms().items()})
        labels.update({f"kind:{k}": v for k, v in ui_labels.case_kinds().items()})
        labels.update({f"status:{k}": v for k, v in ui_labels.case_statuses().items()})
        labels.update({f"evidence:{k}": v for k, v in evidence_kinds().items()})
        return labels

    def pack_clicked(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save evidence pack"),
                                              self.tr("evidence.zip"),
                                              self.tr("Zip files (*.zip)"))
        if not path:
            return
        if not path.lower().endswith(".zip"):
            path += ".zip"

        def done(result: core.PackResult) -> None:
            if not shiboken6.isValid(self):
                return
            text = self.tr("Evidence pack saved: %1").replace("%1", str(result.path))
            if result.missing:
                text += " " + self.tr("%n photo(s) are missing from disk and are only listed.",
                                      "", result.missing)
            self.status.setText(text)

        run_with_progress(self, self.tr("Writing the evidence pack…"), core.evidence_pack,
                          self.case_id, path, self.pack_labels(), on_success=done)

    def open_viewer(self, evidence_id: int) -> PhotoViewer | None:
        index = next((i for i, p in enumerate(self.photos) if p.id == evidence_id), None)
        if index is None:
            return None
        if self.viewer is not None and shiboken6.isValid(self.viewer):
            self.viewer.close()
        self.viewer = PhotoViewer.open_at(self, self.photos, index)
        return self.viewer
