"""The evidence panel driven as a person does: file dialog, drop, paste, edit,
remove and undo, the viewer, and the pack."""

from __future__ import annotations

import io
import os
import zipfile
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PIL import Image
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QColor, QDragEnterEvent, QDropEvent, QImage
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

from desk.core.aftersales import photos
from desk.core.base import database
from desk.ui import undo
from desk.ui.aftersales.evidence import EvidencePanel
from desk.ui.aftersales.photo_viewer import PhotoViewer

T0 = int(datetime(2024, 5, 1, tzinfo=UTC).timestamp())


def jpeg(path: Path, size=(800, 600), color=(180, 90, 30)) -> Path:
    Image.new("RGB", size, color).save(path, "JPEG")
    return path


def rows() -> list[tuple]:
    return database.execute_sql(
        "SELECT kind, caption, original_name, deleted_at IS NOT NULL FROM evidence ORDER BY id"
    ).fetchall()


@pytest.fixture
def case_id(shop_db) -> int:
    database.execute_sql("INSERT INTO customer(platform, nickname, created_at, updated_at)"
                         " VALUES ('taobao', '小雨点点', ?, ?)", (T0, T0))
    return database.execute_sql(
        "INSERT INTO aftersales_case(case_no, customer_id, platform, kind, reason, status,"
        " opened_at, status_changed_at, created_at, updated_at)"
        " VALUES ('SH-000042', 1, 'taobao', 'return_refund', 'damaged', 'new', ?, ?, ?, ?)",
        (T0, T0, T0, T0)).lastrowid


@pytest.fixture
def panel(qtbot, case_id):
    undo.reset()
    p = EvidencePanel(case_id)
    qtbot.addWidget(p)
    p.resize(700, 500)
    with qtbot.waitExposed(p):
        p.show()
    return p


def settle(qtbot, panel: EvidencePanel) -> None:
    qtbot.waitUntil(lambda: panel._adding is None and panel.thumbnails_pending() == 0, timeout=10000)


def drop(panel: EvidencePanel, mime: QMimeData) -> QDropEvent:
    """A drop as the window system delivers it: the drag enters, then drops."""
    enter = QDragEnterEvent(QPoint(50, 50), Qt.DropAction.CopyAction, mime,
                            Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(panel, enter)
    event = QDropEvent(QPointF(50, 50), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                       Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(panel, event)
    return event


def texts(panel: EvidencePanel) -> list[str]:
    return [panel.list.item(r).text() for r in range(panel.list.count())]


def test_empty_case_says_how_to_add(panel):
    assert panel.list.count() == 0
    assert panel.empty.isVisible()
    assert not panel.remove_button.isEnabled()


def test_file_dialog_adds_good_photos_and_lists_refused_files(qtbot, panel, tmp_path, monkeypatch,
                                                              shop_dir):
    good = jpeg(tmp_path / "box.jpg")
    fake = tmp_path / "notes.jpg"
    fake.write_text("not a picture")
    asked = []

    def pick(parent, title, folder, filters):
        asked.append(filters)
        return [str(good), str(fake)], ""

    monkeypatch.setattr(QFileDialog, "getOpenFileNames", pick)
    panel.add_kind.setCurrentIndex(panel.add_kind.findData("damage"))
    qtbot.mouseClick(panel.add_button, Qt.MouseButton.LeftButton)
    settle(qtbot, panel)
    assert "*.jpg" in asked[0]
    assert texts(panel) == ["Damage"]
    assert rows() == [("damage", "", "box.jpg", 0)]
    box = panel.findChild(QMessageBox, "evidenceRefusedDialog")
    assert box is not None and box.isVisible()
    assert "notes.jpg is not a picture" in box.informativeText()
    assert "1 file(s) could not be added" in panel.status.text()
    [info] = photos.list_photos(1)
    assert info.path.is_file() and info.path.is_relative_to(shop_dir.photos)
    assert info.sha256 in panel._icons  # the thumbnail arrived
    box.close()


def test_drop_files_and_browser_image_data(qtbot, panel, tmp_path):
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(jpeg(tmp_path / "a.jpg"))),
                  QUrl.fromLocalFile(str(jpeg(tmp_path / "b.jpg", color=(10, 200, 10))))])
    assert drop(panel, mime).isAccepted()
    settle(qtbot, panel)
    assert [r[2] for r in rows()] == ["a.jpg", "b.jpg"]

    image = QImage(300, 200, QImage.Format.Format_RGB32)
    image.fill(QColor("#3366aa"))
    web = QMimeData()
    web.setImageData(image)
    web.setUrls([QUrl("https://img.example.com/p.jpg")])  # not a local file: the data is used
    assert drop(panel, web).isAccepted()
    settle(qtbot, panel)
    assert panel.list.count() == 3
    last = photos.list_photos(1)[-1]
    assert (last.ext, last.width, last.height) == ("png", 300, 200)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this system")
def test_a_dropped_pipe_is_refused_and_the_rest_is_added(qtbot, panel, tmp_path):
    """A FIFO named like a photo would block the worker for ever if opened."""
    pipe = tmp_path / "pipe.jpg"
    os.mkfifo(pipe)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(pipe)), QUrl.fromLocalFile(str(jpeg(tmp_path / "a.jpg")))])
    assert drop(panel, mime).isAccepted()
    settle(qtbot, panel)
    assert [r[2] for r in rows()] == ["a.jpg"]
    box = panel.findChild(QMessageBox, "evidenceRefusedDialog")
    assert box is not None and box.isVisible()
    assert "pipe.jpg is not an ordinary file" in box.informativeText()
    box.close()


def test_each_photo_shows_as_soon_as_it_is_stored(qtbot, panel, tmp_path):
    seen = []  # the list as each stored photo arrives, before the batch is attached
    panel.photo_stored.connect(lambda name, thumb: seen.append(
        (name, thumb is not None and thumb.exists(), texts(panel), len(rows()),
         bool(panel.list.item(0).flags() & Qt.ItemFlag.ItemIsSelectable))))
    files = [jpeg(tmp_path / f"p{i}.jpg", color=(20 * i, 90, 30)) for i in range(3)]
    panel.add_sources(files)
    settle(qtbot, panel)
    assert [(name, has_thumb) for name, has_thumb, *_ in seen] == [
        ("p0.jpg", True), ("p1.jpg", True), ("p2.jpg", True)]
    assert [shown for _, _, shown, _, _ in seen] == [["Adding…"], ["Adding…"] * 2, ["Adding…"] * 3]
    assert {(attached, selectable) for *_, attached, selectable in seen} == {(0, False)}
    assert panel.list.count() == 3 and "Adding…" not in texts(panel)
    assert [r[2] for r in rows()] == ["p0.jpg", "p1.jpg", "p2.jpg"]
    assert panel.selected_ids() == [p.id for p in photos.list_photos(1)]


def test_a_web_link_alone_is_explained(qtbot, panel):
    mime = QMimeData()
    mime.setUrls([QUrl("https://img.example.com/p.jpg")])
    assert not drop(panel, mime).isAccepted()
    assert "Save the picture" in panel.status.text()
    assert rows() == []


def test_paste_a_screenshot_and_a_copied_file(qtbot, panel, tmp_path):
    image = QImage(640, 360, QImage.Format.Format_RGB32)
    image.fill(QColor("#eeeeee"))
    QApplication.clipboard().setImage(image)
    # a pasted picture is a chat screenshot, whatever kind files are added as
    assert panel.add_kind.currentData() == "damage"
    panel.list.setFocus()
    qtbot.keyClick(panel.list, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    settle(qtbot, panel)
    assert [(r[0], r[2].startswith("pasted-")) for r in rows()] == [("chat", True)]
    assert texts(panel) == ["Chat screenshot"]

    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(jpeg(tmp_path / "slip.jpg")))])
    QApplication.clipboard().setMimeData(mime)
    qtbot.keyClick(panel.list, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    settle(qtbot, panel)
    assert [r[2] for r in rows()][1] == "slip.jpg"

    QApplication.clipboard().setText("just words")
    qtbot.keyClick(panel.list, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert "no picture" in panel.status.text()
    assert len(rows()) == 2


def test_the_same_photo_twice_is_attached_once(qtbot, panel, tmp_path):
    path = jpeg(tmp_path / "a.jpg")
    panel.add_sources([str(path)])
    settle(qtbot, panel)
    panel.add_sources([str(path)])
    settle(qtbot, panel)
    assert panel.list.count() == 1
    assert "already on this case" in panel.status.text()


def test_kind_and_caption_edits_are_undoable(qtbot, panel, tmp_path):
    panel.add_sources([str(jpeg(tmp_path / "a.jpg"))])
    settle(qtbot, panel)
    panel.list.item(0).setSelected(True)
    panel.kind.setCurrentIndex(panel.kind.findData("slip"))
    panel.kind.activated.emit(panel.kind.currentIndex())
    assert rows()[0][0] == "slip" and texts(panel) == ["Packing slip"]
    panel.caption.setFocus()
    panel.caption.selectAll()
    qtbot.keyClicks(panel.caption, "torn label")
    qtbot.keyClick(panel.caption, Qt.Key.Key_Return)
    assert rows()[0][1] == "torn label"
    assert texts(panel) == ["Packing slip\ntorn label"]  # the caption shows under the thumbnail
    undo.stack().undo()
    assert rows()[0][1] == ""
    assert texts(panel) == ["Packing slip"]
    undo.stack().undo()
    assert rows()[0][0] == "damage"  # the panel's first kind for new photos


def test_remove_with_del_moves_to_trash_and_undo_brings_back(qtbot, panel, tmp_path):
    panel.add_sources([str(jpeg(tmp_path / "a.jpg")), str(jpeg(tmp_path / "b.jpg", color=(1, 2, 3)))])
    settle(qtbot, panel)
    panel.list.setFocus()
    panel.list.clearSelection()
    panel.list.item(0).setSelected(True)
    qtbot.keyClick(panel.list, Qt.Key.Key_Delete)
    assert panel.list.count() == 1
    assert [r[3] for r in rows()] == [1, 0]
    assert photos.list_photos(1, include_deleted=True)[0].path.is_file()  # the file stays
    undo.stack().undo()
    assert panel.list.count() == 2 and [r[3] for r in rows()] == [0, 0]
    undo.stack().undo()  # the add itself: the photos are off the case (their files stay)
    assert panel.list.count() == 0 and rows() == []
    undo.stack().redo()
    assert panel.list.count() == 2


def test_a_photo_gone_from_disk_shows_as_missing(qtbot, panel, tmp_path):
    panel.add_sources([str(jpeg(tmp_path / "a.jpg"))])
    settle(qtbot, panel)
    info = photos.list_photos(1)[0]
    info.path.unlink()
    for thumb in (info.path.parents[1] / "thumbs").rglob("*.png"):
        thumb.unlink()
    fresh = EvidencePanel(1)
    qtbot.addWidget(fresh)
    settle(qtbot, fresh)
    assert texts(fresh) == ["Damage (missing)"]
    assert "missing" in fresh.list.item(0).toolTip()
    viewer = fresh.open_viewer(info.id)
    qtbot.waitUntil(lambda: not viewer.is_loading())
    assert viewer.message.isVisible() and "missing" in viewer.message.text()
    viewer.close()


def test_viewer_zooms_fits_rotates_and_pages(qtbot, panel, tmp_path):
    panel.add_sources([str(jpeg(tmp_path / "a.jpg", size=(1600, 400))),
                       str(jpeg(tmp_path / "b.jpg", size=(300, 300), color=(0, 0, 255)))])
    settle(qtbot, panel)
    rect = panel.list.visualItemRect(panel.list.item(0))
    qtbot.mouseClick(panel.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(panel.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    viewer = panel.viewer
    assert isinstance(viewer, PhotoViewer) and viewer.isVisible()
    qtbot.waitUntil(lambda: not viewer.is_loading())
    assert viewer.pixmap_item.pixmap().width() == 1600
    fitted = viewer.zoom
    assert fitted < 1  # 1600 px wide does not fit a 900 px window
    qtbot.mouseClick(viewer.buttons["viewerZoomIn"], Qt.MouseButton.LeftButton)
    assert viewer.zoom == pytest.approx(fitted * 1.25)
    qtbot.keyClick(viewer, Qt.Key.Key_Minus)
    assert viewer.zoom == pytest.approx(fitted)
    qtbot.mouseClick(viewer.buttons["viewerRotate"], Qt.MouseButton.LeftButton)
    assert viewer.pixmap_item.rotation() == 90
    qtbot.keyClick(viewer, Qt.Key.Key_F)
    # turned upright, the wide photo is tall: it fits at a smaller scale
    assert viewer.fit and viewer.zoom < fitted
    assert viewer.pixmap_item.sceneBoundingRect().height() == pytest.approx(1600)
    assert not viewer.buttons["viewerPrevious"].isEnabled()
    qtbot.keyClick(viewer, Qt.Key.Key_Right)
    qtbot.waitUntil(lambda: not viewer.is_loading())
    assert viewer.index == 1 and viewer.pixmap_item.pixmap().width() == 300
    assert viewer.pixmap_item.rotation() == 0
    assert not viewer.buttons["viewerNext"].isEnabled()
    assert viewer.windowTitle() == "Photo 2 of 2"
    qtbot.keyClick(viewer, Qt.Key.Key_Escape)
    assert not viewer.isVisible()


def test_evidence_pack_from_the_panel(qtbot, panel, tmp_path, monkeypatch):
    panel.add_sources([str(jpeg(tmp_path / "a.jpg"))])
    settle(qtbot, panel)
    out = tmp_path / "pack"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    qtbot.mouseClick(panel.pack_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "saved" in panel.status.text(), timeout=10000)
    with zipfile.ZipFile(tmp_path / "pack.zip") as z:
        assert z.namelist() == ["01-damage.jpg", "SH-000042-index.xlsx"]
        from openpyxl import load_workbook

        book = load_workbook(io.BytesIO(z.read("SH-000042-index.xlsx")))
    assert book["Photos"]["B2"].value == "Damage"
    assert book["Case"]["B5"].value == "Return and refund"


def test_a_status_change_leaves_the_photos_and_the_selection_as_they_are(qtbot, panel, tmp_path):
    from desk.core.aftersales import flow

    panel.add_sources([str(jpeg(tmp_path / "a.jpg")), str(jpeg(tmp_path / "b.jpg", color=(1, 2, 3)))])
    settle(qtbot, panel)
    panel.list.clearSelection()
    panel.list.item(1).setSelected(True)
    item = panel.list.item(1)
    rect = panel.list.visualItemRect(item)
    flow.change_status(panel.case_id, "handling")  # announces the case as changed
    assert panel.list.item(1) is item and item.isSelected()  # not rebuilt
    assert panel.list.visualItemRect(item) == rect
    assert panel.selected_ids() == [photos.list_photos(1)[1].id]
