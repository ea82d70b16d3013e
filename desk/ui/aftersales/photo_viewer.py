"""The photo viewer: one of a case's photos at a time, loaded on a worker and
turned as its EXIF says; zoom, fit, rotate, previous/next; Esc closes."""

from __future__ import annotations

from pathlib import Path

import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QImage, QImageReader, QKeySequence, QPixmap, QTransform
from PySide6.QtWidgets import (
    QDialog,
    QGraphicsPixmapItem,
    QGraphicsScene,
    QGraphicsView,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desk.core.aftersales.photos import PhotoInfo
from desk.ui import screenfit
from desk.ui.labels import evidence_kinds
from desk.ui.worker import Task, run_task


def load_image(path: Path) -> QImage:
    """The photo turned as its EXIF says (on a worker: QImage is thread-safe)."""
    reader = QImageReader(str(path))
    reader.setAutoTransform(True)
    image = reader.read()
    if image.isNull():
        raise FileNotFoundError(str(path))
    return image


class PhotoViewer(QDialog):
    """One photo at a time: zoom, fit, rotate, previous/next; Esc closes."""

    ZOOM_STEP = 1.25

    def __init__(self, items: list[PhotoInfo], index: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("photoViewer")
        self.items = items
        self.index = index
        self.zoom = 1.0
        self.rotation = 0
        self.fit = True
        self._loading: Task | None = None
        screenfit.first_size(self, 900, 700)

        self.scene = QGraphicsScene(self)
        self.pixmap_item = QGraphicsPixmapItem()
        self.pixmap_item.setTransformationMode(Qt.TransformationMode.SmoothTransformation)
        self.scene.addItem(self.pixmap_item)
        self.view = QGraphicsView(self.scene)
        self.view.setObjectName("viewerView")
        self.view.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.view.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.message = QLabel()
        self.message.setObjectName("viewerMessage")
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.hide()
        self.title = QLabel()
        self.title.setObjectName("viewerTitle")

        buttons = QHBoxLayout()
        self.buttons: dict[str, QPushButton] = {}
        for name, text, slot, keys in (
            ("viewerPrevious", self.tr("◀ Previous"), self.previous, ["Left", "PgUp"]),
            ("viewerNext", self.tr("Next ▶"), self.next, ["Right", "PgDown"]),
            ("viewerZoomOut", self.tr("Zoom out"), self.zoom_out, ["-", "Ctrl+-"]),
            ("viewerZoomIn", self.tr("Zoom in"), self.zoom_in, ["+", "=", "Ctrl++", "Ctrl+="]),
            ("viewerFit", self.tr("Fit"), self.fit_to_window, ["0", "F"]),
            ("viewerRotate", self.tr("Rotate 90°"), self.rotate, ["R"]),
        ):
            button = QPushButton(text)
            button.setObjectName(name)
            button.setAutoDefault(False)
            button.setToolTip(f"{text} ({keys[0]})")
            button.clicked.connect(slot)
            action = QAction(self)
            action.setObjectName(f"{name}Action")
            action.setShortcuts([QKeySequence(k) for k in keys])
            action.triggered.connect(slot)
            self.addAction(action)
            buttons.addWidget(button)
            self.buttons[name] = button
        buttons.insertWidget(2, self.title, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.message, 1)
        layout.addLayout(buttons)
        self.show_index(index)

    @classmethod
    def open_at(cls, parent: QWidget, items: list[PhotoInfo], index: int) -> PhotoViewer:
        """Show the viewer on `items[index]`, without blocking the caller."""
        viewer = cls(items, index, parent)
        viewer.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        viewer.show()
        return viewer

    def current(self) -> PhotoInfo:
        return self.items[self.index]

    def show_index(self, index: int) -> None:
        self.index = max(0, min(index, len(self.items) - 1))
        p = self.current()
        kinds = evidence_kinds()
        self.setWindowTitle(self.tr("Photo %1 of %2").replace("%1", str(self.index + 1))
                            .replace("%2", str(len(self.items))))
        self.title.setText(" — ".join(t for t in (kinds.get(p.kind, p.kind), p.caption) if t))
        self.buttons["viewerPrevious"].setEnabled(self.index > 0)
        self.buttons["viewerNext"].setEnabled(self.index < len(self.items) - 1)
        self.rotation, self.fit = 0, True
        self.pixmap_item.setPixmap(QPixmap())
        self._show_message(self.tr("Loading…"))
        wanted = self.index
        self._loading = run_task(load_image, p.path,
                                 on_success=lambda image: self._loaded(wanted, image),
                                 on_error=lambda _e: self._loaded(wanted, None))

    def _show_message(self, text: str | None) -> None:
        self.message.setText(text or "")
        self.message.setVisible(bool(text))
        self.view.setVisible(not text)

    def _loaded(self, index: int, image: QImage | None) -> None:
        if not shiboken6.isValid(self) or index != self.index:
            return
        self._loading = None
        if image is None:
            self._show_message(self.tr("This photo is missing from the photos folder."))
            return
        self.pixmap_item.setPixmap(QPixmap.fromImage(image))
        self.scene.setSceneRect(self.pixmap_item.boundingRect())
        self.pixmap_item.setTransformOriginPoint(self.pixmap_item.boundingRect().center())
        self._show_message(None)
        self._apply()

    def is_loading(self) -> bool:
        return self._loading is not None

    def _apply(self) -> None:
        self.pixmap_item.setRotation(self.rotation)
        self.scene.setSceneRect(self.pixmap_item.sceneBoundingRect())
        if self.fit:
            self.view.resetTransform()
            self.view.fitInView(self.pixmap_item, Qt.AspectRatioMode.KeepAspectRatio)
            self.zoom = self.view.transform().m11()
        else:
            self.view.setTransform(QTransform.fromScale(self.zoom, self.zoom))

    def zoom_in(self) -> None:
        self.fit, self.zoom = False, min(self.zoom * self.ZOOM_STEP, 16.0)
        self._apply()

    def zoom_out(self) -> None:
        self.fit, self.zoom = False, max(self.zoom / self.ZOOM_STEP, 0.05)
        self._apply()

    def fit_to_window(self) -> None:
        self.fit = True
        self._apply()

    def rotate(self) -> None:
        self.rotation = (self.rotation + 90) % 360
        self._apply()

    def previous(self) -> None:
        if self.index > 0:
            self.show_index(self.index - 1)

    def next(self) -> None:
        if self.index < len(self.items) - 1:
            self.show_index(self.index + 1)

    def resizeEvent(self, event) -> None:  # noqa: N802
        super().resizeEvent(event)
        if self.fit and not self.pixmap_item.pixmap().isNull():
            self._apply()
