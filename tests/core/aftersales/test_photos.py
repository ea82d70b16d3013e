"""Photo evidence: checking, storing once, trash, thumbnails and the evidence pack."""

from __future__ import annotations

import io
import os
import struct
import zipfile
import zlib
from datetime import UTC, datetime
from pathlib import Path

import pytest
from openpyxl import load_workbook
from PIL import Image

from desk.core import changes
from desk.core.aftersales import photos
from desk.core.base import database
from desk.core.errors import UserError

T0 = int(datetime(2024, 5, 1, tzinfo=UTC).timestamp())
ORDER_NO = "4000000000000000123"  # 19 digits: must stay text


def lose(info: photos.PhotoInfo) -> None:
    """The photo's bytes gone: its file and, on a shop on a server, the
    server's copy too (a seat's photos/ only keeps what it fetched from the
    server, which would give the file back)."""
    from desk.core import dialect, team_photos

    info.path.unlink()
    if dialect.on_server():
        database.execute_sql(f"DELETE FROM {team_photos.TABLE} WHERE sha256 = ?", (info.sha256,))


def make_case(case_no: str = "SH-000001", order_no: str = ORDER_NO,
              description: str = "箱子压坏了") -> int:
    database.execute_sql(
        "INSERT INTO customer(platform, nickname, created_at, updated_at)"
        " VALUES ('taobao', ?, ?, ?)", (f'=HYPERLINK("{case_no}")', T0, T0))
    customer_id = database.execute_sql("SELECT max(id) FROM customer").fetchone()[0]
    database.execute_sql(
        "INSERT INTO shop_order(customer_id, platform, order_no, status, placed_at, amount_fen,"
        " created_at, updated_at) VALUES (?, 'taobao', ?, 'completed', ?, 9900, ?, ?)",
        (customer_id, order_no, T0, T0, T0))
    order_id = database.execute_sql("SELECT max(id) FROM shop_order").fetchone()[0]
    cursor = database.execute_sql(
        "INSERT INTO aftersales_case(case_no, customer_id, order_id, platform, kind, reason,"
        " status, refund_fen, description, opened_at, status_changed_at, created_at, updated_at)"
        " VALUES (?, ?, ?, 'taobao', 'return_refund', 'damaged', 'handling', 12345, ?, ?, ?, ?, ?)",
        (case_no, customer_id, order_id, description, T0, T0, T0, T0))
    return cursor.lastrowid


def image_bytes(fmt: str = "JPEG", size=(320, 240), color=(200, 120, 40), **save) -> bytes:
    buf = io.BytesIO()
    Image.new("RGB", size, color).save(buf, fmt, **save)
    return buf.getvalue()


def write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def png_claiming(width: int, height: int) -> bytes:
    """A tiny PNG whose header claims width x height pixels (a decompression bomb)."""
    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

    ihdr = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", zlib.compress(b"\0" * 64))
            + chunk(b"IEND", b""))


@pytest.fixture
def case_id(db) -> int:
    return make_case()


@pytest.fixture
def store(data_dir) -> Path:
    return data_dir.photos


def stored_files(store: Path) -> list[Path]:
    return sorted(p for p in store.rglob("*") if p.is_file() and "thumbs" not in p.parts)


def test_photos_dir_is_next_to_the_open_database(db, data_dir):
    assert photos.photos_dir() == data_dir.photos


def test_good_photos_are_stored_by_sha256_and_attached(case_id, store, tmp_path):
    jpeg = image_bytes("JPEG", (640, 480))
    png = image_bytes("PNG", (100, 50))
    report = photos.add_photos(case_id, [write(tmp_path / "a.jpg", jpeg), (png, "paste.png")],
                               kind="damage", caption="  角被压扁 \n")
    assert [r.status for r in report.results] == ["added", "added"]
    import hashlib

    sha = hashlib.sha256(jpeg).hexdigest()
    assert (store / sha[:2] / f"{sha}.jpg").read_bytes() == jpeg
    listed = photos.list_photos(case_id)
    assert [(p.kind, p.caption, p.ext, p.width, p.height, p.original_name) for p in listed] == [
        ("damage", "角被压扁", "jpg", 640, 480, "a.jpg"),
        ("damage", "角被压扁", "png", 100, 50, "paste.png")]
    assert listed[0].sha256 == sha and listed[0].size_bytes == len(jpeg)
    assert not any(p.name.startswith(".incoming") for p in store.rglob("*"))


def test_the_same_photo_twice_is_stored_once_and_attached_once(case_id, store, tmp_path):
    data = image_bytes()
    first = photos.add_photos(case_id, [write(tmp_path / "one.jpg", data)])
    again = photos.add_photos(case_id, [write(tmp_path / "copy.jpg", data), (data, "pasted.jpg")])
    assert [r.status for r in again.results] == ["duplicate", "duplicate"]
    assert again.results[0].evidence_id == first.evidence_ids[0]
    other_case = make_case("SH-000002", "4000000000000000124")
    photos.add_photos(other_case, [(data, "x.jpg")])
    assert len(stored_files(store)) == 1
    assert len(photos.list_photos(case_id)) == 1 and len(photos.list_photos(other_case)) == 1


def test_bad_files_are_refused_by_name_and_the_good_ones_still_go_in(case_id, store, tmp_path):
    good = write(tmp_path / "good.jpg", image_bytes())
    text = write(tmp_path / "photo.jpg", "这不是图片, just text\n".encode() * 20)
    truncated = write(tmp_path / "cut.jpg", image_bytes(size=(800, 600), quality=95)[:3000])
    bomb = write(tmp_path / "bomb.png", png_claiming(20000, 20000))
    just_over = write(tmp_path / "big.png", png_claiming(11000, 10000))  # 110 MP: Pillow only warns
    tiff = write(tmp_path / "scan.tif", image_bytes("TIFF"))
    vanished = tmp_path / "gone.jpg"
    empty = write(tmp_path / "empty.png", b"")
    report = photos.add_photos(case_id, [text, truncated, bomb, just_over, tiff, vanished, empty,
                                         tmp_path, good])
    assert [r.status for r in report.results] == ["refused"] * 8 + ["added"]
    messages = {r.name: str(r.error) for r in report.refused}
    assert "photo.jpg is not a picture" in messages["photo.jpg"]
    assert "cut.jpg is damaged or incomplete" in messages["cut.jpg"]
    assert "bomb.png claims to be an enormous picture" in messages["bomb.png"]
    assert "big.png claims to be an enormous picture" in messages["big.png"]
    assert "scan.tif is a TIFF image" in messages["scan.tif"]
    assert "gone.jpg is no longer there" in messages["gone.jpg"]
    assert "empty.png is not a picture" in messages["empty.png"]
    assert f"{tmp_path.name} is a folder" in messages[tmp_path.name]
    assert all(isinstance(r.error, UserError) for r in report.refused)
    assert len(stored_files(store)) == 1
    assert [p.original_name for p in photos.list_photos(case_id)] == ["good.jpg"]


def test_a_file_larger_than_any_photo_is_refused_before_reading(case_id, tmp_path, monkeypatch):
    monkeypatch.setattr(photos, "MAX_BYTES", 1000)
    report = photos.add_photos(case_id, [write(tmp_path / "huge.png", image_bytes("PNG", (400, 400),
                                                                                 compress_level=0))])
    assert "huge.png is too large" in str(report.refused[0].error)


def test_exif_rotated_photo_records_the_shown_size(case_id, tmp_path):
    img = Image.new("RGB", (400, 100), (10, 200, 10))
    exif = img.getexif()
    exif[0x0112] = 6  # turned 90° clockwise when shown
    buf = io.BytesIO()
    img.save(buf, "JPEG", exif=exif)
    photos.add_photos(case_id, [(buf.getvalue(), "phone.jpg")])
    [p] = photos.list_photos(case_id)
    assert (p.width, p.height) == (100, 400)
    thumb = photos.make_thumbnail(p.sha256, p.ext, size=64)
    with Image.open(thumb) as t:
        assert t.size == (16, 64)


def test_a_failed_write_leaves_no_half_photo(case_id, store, tmp_path, monkeypatch):
    def broken_replace(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(photos.os, "replace", broken_replace)
    with pytest.raises(UserError, match="could not be saved"):
        photos.add_photos(case_id, [(image_bytes(), "a.jpg")])
    assert stored_files(store) == []
    assert photos.list_photos(case_id) == []


def test_unknown_kind_long_caption_and_gone_case_are_refused(case_id):
    with pytest.raises(UserError, match="not a kind of photo"):
        photos.add_photos(case_id, [(image_bytes(), "a.jpg")], kind="selfie")
    with pytest.raises(UserError, match="at most 500"):
        photos.add_photos(case_id, [(image_bytes(), "a.jpg")], caption="字" * 501)
    with pytest.raises(UserError, match="no longer exists"):
        photos.add_photos(case_id + 99, [(image_bytes(), "a.jpg")])


def test_progress_is_reported_and_cancel_writes_no_rows(case_id):
    seen = []
    photos.add_photos(case_id, [(image_bytes(color=(i * 60, 0, 0)), f"{i}.jpg") for i in range(3)],
                      progress=lambda done, total: seen.append((done, total)))
    assert seen == [(1, 3), (2, 3), (3, 3)]
    from desk.core.errors import Cancelled

    with pytest.raises(Cancelled):
        photos.add_photos(case_id, [(image_bytes(color=(9, 9, 9)), "x.jpg")],
                          is_cancelled=lambda: True)
    assert len(photos.list_photos(case_id)) == 3


def test_remove_and_restore_edit_and_announce(case_id):
    seen: list[changes.Change] = []
    unsubscribe = changes.subscribe(seen.append)
    try:
        [eid] = photos.add_photos(case_id, [(image_bytes(), "a.jpg")]).evidence_ids
        photos.edit_photo(eid, kind="slip", caption="面单")
        assert photos.get_photo(eid).kind == "slip" and photos.get_photo(eid).caption == "面单"
        photos.remove_photo(eid)
        assert photos.list_photos(case_id) == []
        assert photos.list_photos(case_id, include_deleted=True)[0].deleted_at is not None
        photos.restore_photo(eid)
        assert [p.id for p in photos.list_photos(case_id)] == [eid]
    finally:
        unsubscribe()
    assert [c.entity for c in seen] == ["evidence"] * 4
    assert all(c.ids == frozenset({eid}) for c in seen)
    with pytest.raises(UserError, match="no longer on the case"):
        photos.remove_photo(eid + 1)


def test_adding_a_photo_that_is_in_the_trash_brings_it_back(case_id):
    data = image_bytes()
    [eid] = photos.add_photos(case_id, [(data, "a.jpg")]).evidence_ids
    photos.remove_photo(eid)
    again = photos.add_photos(case_id, [(data, "a.jpg")])
    assert again.evidence_ids == [eid]
    assert [p.id for p in photos.list_photos(case_id, include_deleted=True)] == [eid]


def test_a_photo_gone_from_disk_is_missing_and_the_case_still_lists(case_id, store):
    [eid] = photos.add_photos(case_id, [(image_bytes(), "a.jpg")]).evidence_ids
    info = photos.get_photo(eid)
    assert not photos.missing(info)
    lose(info)
    [again] = photos.list_photos(case_id)
    assert photos.missing(again)
    from desk.core.aftersales.models import Evidence

    assert photos.missing(Evidence.get_by_id(eid), photos=store)
    assert photos.make_thumbnail(info.sha256, info.ext) is None


def test_thumbnail_is_cached_and_small(case_id, store):
    [eid] = photos.add_photos(case_id, [(image_bytes(size=(1200, 900)), "a.jpg")]).evidence_ids
    info = photos.get_photo(eid)
    thumb = photos.make_thumbnail(info.sha256, info.ext)
    assert thumb == store / "thumbs" / "256" / info.sha256[:2] / f"{info.sha256}.png"
    with Image.open(thumb) as t:
        assert max(t.size) == 256 and t.size == (256, 192)
    stamp = thumb.stat().st_mtime_ns
    info.path.unlink()  # the cached thumbnail is used, the original not read again
    assert photos.make_thumbnail(info.sha256, info.ext) == thumb
    assert thumb.stat().st_mtime_ns == stamp


def test_evidence_pack_holds_photos_index_and_summary(case_id, store, tmp_path):
    photos.add_photos(case_id, [(image_bytes(color=(1, 2, 3)), "a.jpg")], kind="damage",
                      caption="=SUM(A1)\x07 压坏")
    photos.add_photos(case_id, [(image_bytes("PNG"), "b.png")], kind="slip")
    [gone_eid] = photos.add_photos(case_id, [(image_bytes(color=(9, 9, 9)), "c.jpg")],
                                   kind="package").evidence_ids
    lose(photos.get_photo(gone_eid))
    out = tmp_path / "pack.zip"
    result = photos.evidence_pack(case_id, out)
    assert (result.photos, result.missing) == (2, 1)
    with zipfile.ZipFile(out) as z:
        names = z.namelist()
        assert names == ["01-damage.jpg", "02-packing-slip.png", "SH-000001-index.xlsx"]
        assert z.read("01-damage.jpg") == photos.list_photos(case_id)[0].path.read_bytes()
        book = load_workbook(io.BytesIO(z.read("SH-000001-index.xlsx")))
    summary = {r[0]: r[1] for r in book["Case"].iter_rows(values_only=True)}
    assert summary["Case number"] == "SH-000001"
    assert summary["Order number"] == ORDER_NO
    assert summary["Buyer"] == '=HYPERLINK("SH-000001")'  # text, not a formula
    assert book["Case"]["B2"].data_type == "s"
    assert summary["Kind"] == "Return and refund" and summary["Status"] == "Handling"
    assert summary["Platform"] == "Taobao"  # the name, not the stored code
    assert summary["Refund (yuan)"] == 123.45
    assert summary["Photos"] == 3
    rows = list(book["Photos"].iter_rows(values_only=True))
    assert rows[0] == ("File name", "Kind", "Caption", "Time added", "SHA-256", "Note")
    assert rows[1][:3] == ("01-damage.jpg", "Damage", "=SUM(A1) 压坏")
    assert book["Photos"]["C2"].data_type == "s"
    assert isinstance(rows[1][3], datetime)
    assert rows[1][4] == photos.list_photos(case_id)[0].sha256
    assert rows[3][0] == "03-outer-packaging.jpg" and "missing" in rows[3][5]
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".incoming")]


def test_evidence_pack_takes_translated_labels(case_id, tmp_path):
    out = tmp_path / "pack.zip"
    photos.evidence_pack(case_id, out, labels={"sheet_summary": "售后单", "case_no": "售后单号",
                                                "kind:return_refund": "退货退款"})
    with zipfile.ZipFile(out) as z:
        book = load_workbook(io.BytesIO(z.read("SH-000001-index.xlsx")))
    summary = {r[0]: r[1] for r in book["售后单"].iter_rows(values_only=True)}
    assert summary["售后单号"] == "SH-000001" and summary["Kind"] == "退货退款"


def test_a_failed_pack_leaves_the_old_file_alone(case_id, tmp_path, monkeypatch):
    out = write(tmp_path / "pack.zip", b"old pack")

    def broken_replace(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(photos.os, "replace", broken_replace)
    with pytest.raises(UserError, match="could not be written"):
        photos.evidence_pack(case_id, out)
    assert out.read_bytes() == b"old pack"
    assert [p.name for p in tmp_path.iterdir() if p.is_file()] == ["pack.zip"]


def test_evidence_pack_refuses_missing_folder_and_unknown_case(case_id, tmp_path):
    with pytest.raises(UserError, match="does not exist"):
        photos.evidence_pack(case_id, tmp_path / "nope" / "pack.zip")
    with pytest.raises(UserError, match="no longer exists"):
        photos.evidence_pack(case_id + 5, tmp_path / "pack.zip")
    assert photos.find_case(" SH-000001 ") == case_id
    with pytest.raises(UserError, match="no after-sales case SH-9"):
        photos.find_case("SH-9")


def test_store_bytes_never_overwrites(store):
    data = image_bytes()
    sha = photos.store_bytes(store, data, "jpg")
    path = photos.photo_path(store, sha, "jpg")
    before = os.stat(path).st_mtime_ns
    assert photos.store_bytes(store, data, "jpg") == sha
    assert os.stat(path).st_mtime_ns == before
