"""Photo evidence on a case: the photo store under photos/ (files named by
their sha256, written once), checking what comes in, thumbnails, and the
evidence pack handed to the platform."""

from __future__ import annotations

import hashlib
import io
import os
import tempfile
import warnings
import zipfile
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from desk.core import changes, files, outfile, timeutil
from desk.core import labels as code_labels
from desk.core import sheetstyle as style
from desk.core.aftersales.models import EVIDENCE_KINDS, Case, Evidence
from desk.core.base import database
from desk.core.errors import QT_TRANSLATE_NOOP, Cancelled, UserError
from desk.core.text import clean_line, strip_controls

MAX_PIXELS = 100_000_000  # larger claims are refused as decompression bombs
MAX_BYTES = 50 * 1024 * 1024  # a phone photo is 2-12 MB; more is not a photo
CAPTION_MAX = 500
THUMB_SIZE = 256
# Pillow's format name -> stored extension. Formats the app can show anywhere.
FORMATS = {"JPEG": "jpg", "MPO": "jpg", "PNG": "png", "GIF": "gif", "WEBP": "webp", "BMP": "bmp"}
# File names inside the evidence pack, readable without ShopDesk.
PACK_NAMES = {"damage": "damage", "package": "outer-packaging", "slip": "packing-slip",
              "chat": "chat-screenshot", "other": "photo"}
_ORIENTATION = 0x0112

# -- the store ------------------------------------------------------------------------


def photo_path(photos: Path, sha256: str, ext: str) -> Path:
    return photos / sha256[:2] / f"{sha256}.{ext}"


def photos_dir() -> Path:
    """photos/ of the data folder whose database is open (the database file
    sits at the top of the data folder); no connection is needed. A shop on
    a server: this seat's copies of the server's photos (team_photos)."""
    from desk.core import team_photos

    if team_photos.on_server():
        return team_photos.cache_dir()
    return Path(database.obj.database).parent / "photos"


def _atomic_write(target: Path, data: bytes) -> None:
    """Write to a temporary file beside `target` and rename it into place, so
    a crash never leaves half a file under the final name."""
    target.parent.mkdir(parents=True, exist_ok=True)
    # named after this process: what a killed one leaves is removed at the next start
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".incoming-{os.getpid()}-")
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, target)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


def store_bytes(photos: Path, data: bytes, ext: str) -> str:
    """Store `data` (already checked to be an image) and return its sha256.

    The same bytes twice are stored once; an existing file is never
    overwritten. A shop on a server keeps the bytes there too (team_photos),
    so every seat sees them.
    """
    from desk.core import team_photos

    sha = hashlib.sha256(data).hexdigest()
    store_file(photos, sha, ext, data)
    if team_photos.on_server():
        team_photos.put(sha, ext, data)
    return sha


def fetch_missing(photos: Path, wanted: Iterable[tuple[str, str]]) -> int:
    """A shop on a server: bring the photos (sha256, ext) this seat does not
    have in `photos` yet from the server's store; returns how many came."""
    from desk.core import team_photos

    if not team_photos.on_server():
        return 0
    missing = {sha for sha, ext in wanted if sha and not photo_path(photos, sha, ext).is_file()}
    if not missing:
        return 0
    came = team_photos.fetch(missing)
    for sha, ext, data in came:
        store_file(photos, sha, ext, data)
    return len(came)


def store_file(photos: Path, sha256: str, ext: str, data: bytes) -> Path:
    """The file of bytes whose sha256 is known, written once into `photos`."""
    target = photo_path(photos, sha256, ext)
    if not target.exists():
        _atomic_write(target, data)
    return target


# -- checking what comes in ---------------------------------------------------------


def _pil():
    """Pillow, imported on first use (never at start-up), with the bomb
    warning raised as an error so it is refused like the bomb error."""
    from PIL import Image

    Image.MAX_IMAGE_PIXELS = MAX_PIXELS  # Pillow's own check agrees with ours
    warnings.filterwarnings("error", category=Image.DecompressionBombWarning)
    return Image


@dataclass(frozen=True)
class Checked:
    data: bytes
    ext: str
    width: int
    height: int


def _refuse(template: str, name: str, **values: object) -> UserError:
    return UserError(template, name=name, **values)


def read_source(source) -> tuple[bytes, str]:
    """The bytes and a display name of a path or a (bytes, name) pair."""
    if isinstance(source, tuple):
        data, name = source
        return bytes(data), clean_line(name) or "image"
    path = Path(source)
    name = path.name
    try:
        with files.open_regular(path) as f:  # never a FIFO: it would block
            size = os.fstat(f.fileno()).st_size
            if size > MAX_BYTES:
                raise _refuse(QT_TRANSLATE_NOOP(
                    "UserError", "{name} is too large for a photo ({size} MB; at most {most} MB)."),
                    name, size=f"{size / 1048576:.0f}", most=MAX_BYTES // 1048576)
            return f.read(MAX_BYTES + 1), name
    except FileNotFoundError:
        raise _refuse(QT_TRANSLATE_NOOP(
            "UserError", "{name} is no longer there (moved or deleted?)."), name) from None
    except IsADirectoryError:
        raise _refuse(QT_TRANSLATE_NOOP("UserError", "{name} is a folder, not a photo."),
                      name) from None
    except OSError as e:
        raise _refuse(QT_TRANSLATE_NOOP("UserError", "{name} cannot be read: {reason}."), name,
                      reason=e.strerror or e) from None


def check_image(data: bytes, name: str) -> Checked:
    """Decode the whole image once, so nothing broken is ever stored.
    Raises a UserError naming the file: not an image, unsupported format,
    truncated or damaged, or too many pixels (a decompression bomb)."""
    if len(data) > MAX_BYTES:
        raise _refuse(QT_TRANSLATE_NOOP(
            "UserError", "{name} is too large for a photo ({size} MB; at most {most} MB)."),
            name, size=f"{len(data) / 1048576:.0f}", most=MAX_BYTES // 1048576)
    Image = _pil()  # noqa: N806 - the module's usual name
    bomb = _refuse(QT_TRANSLATE_NOOP(
        "UserError", "{name} claims to be an enormous picture, far larger than any photo "
        "(a decompression bomb?); it was not added."), name)
    try:
        with Image.open(io.BytesIO(data)) as img:
            fmt = img.format
            width, height = img.size
            if width * height > MAX_PIXELS:
                raise bomb
            if fmt not in FORMATS:
                raise _refuse(QT_TRANSLATE_NOOP(
                    "UserError", "{name} is a {format} image, which ShopDesk cannot keep. "
                    "Save it as JPEG or PNG and add it again."), name, format=fmt)
            orientation = img.getexif().get(_ORIENTATION, 1)
            if fmt in ("JPEG", "MPO"):
                img.draft("RGB", (max(1, width // 8), max(1, height // 8)))  # all of it, cheaply
            img.load()
    except UserError:
        raise
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise bomb from None
    except Image.UnidentifiedImageError:
        raise _refuse(QT_TRANSLATE_NOOP(
            "UserError", "{name} is not a picture (or not one ShopDesk can read)."), name) from None
    except (OSError, SyntaxError, ValueError, EOFError, MemoryError) as e:
        raise _refuse(QT_TRANSLATE_NOOP(
            "UserError", "{name} is damaged or incomplete (perhaps not fully downloaded): "
            "{reason}."), name, reason=e) from None
    if orientation in (5, 6, 7, 8):  # shown turned by 90°
        width, height = height, width
    return Checked(data, FORMATS[fmt], width, height)


# -- adding, editing and removing photos -----------------------------------------------


@dataclass(frozen=True)
class PhotoResult:
    """What happened to one file of a batch."""

    name: str
    status: str  # added | duplicate (already on the case) | refused
    evidence_id: int | None = None
    sha256: str = ""
    error: UserError | None = None


@dataclass
class AddReport:
    results: list[PhotoResult] = field(default_factory=list)

    @property
    def added(self) -> list[PhotoResult]:
        return [r for r in self.results if r.status == "added"]

    @property
    def duplicates(self) -> list[PhotoResult]:
        return [r for r in self.results if r.status == "duplicate"]

    @property
    def refused(self) -> list[PhotoResult]:
        return [r for r in self.results if r.status == "refused"]

    @property
    def evidence_ids(self) -> list[int]:
        return [r.evidence_id for r in self.added if r.evidence_id is not None]


def _kind(kind: str) -> str:
    if kind not in EVIDENCE_KINDS:
        raise UserError(QT_TRANSLATE_NOOP("UserError", "“{kind}” is not a kind of photo."), kind=kind)
    return kind


def _caption(caption: str) -> str:
    text = clean_line(caption)
    if len(text) > CAPTION_MAX:
        raise UserError(QT_TRANSLATE_NOOP(
            "UserError", "A caption can be at most {limit} characters (this one has {length})."),
            limit=CAPTION_MAX, length=len(text))
    return text


def _live_case(case_id: int) -> Case:
    case = Case.get_or_none((Case.id == case_id) & Case.deleted_at.is_null())
    if case is None:
        raise UserError(QT_TRANSLATE_NOOP("UserError", "This after-sales case no longer exists."))
    return case


def add_photos(case_id: int, sources: Iterable, kind: str = "other", caption: str = "",
               progress: Callable[[int, int], None] | None = None,
               is_cancelled: Callable[[], bool] | None = None,
               photos: Path | None = None,
               stored: Callable[[str, str, str], None] | None = None) -> AddReport:
    """Check and store each photo (a path, or a (bytes, name) pair) and attach
    it to the case. A bad file is refused with a reason and nothing of it is
    stored; the good ones of the batch still go in. A photo already on the
    case is not attached twice (one in the case's trash comes back).
    `stored(sha256, ext, name)` is called as each file is in the photos
    folder, before the batch is attached (so a view can show it coming)."""
    kind, caption = _kind(kind), _caption(caption)
    items = list(sources)
    photos = photos or photos_dir()
    _live_case(case_id)
    report = AddReport()
    checked: list[tuple[int, str, Checked, str]] = []  # position, name, image, sha
    for i, source in enumerate(items):
        if is_cancelled and is_cancelled():
            raise Cancelled()
        name = source[1] if isinstance(source, tuple) else Path(source).name
        try:
            data, name = read_source(source)
            image = check_image(data, name)
            sha = store_bytes(photos, image.data, image.ext)
        except UserError as e:
            report.results.append(PhotoResult(name, "refused", error=e))
        except OSError as e:  # the photos folder itself: full disk, no permission
            raise UserError(QT_TRANSLATE_NOOP(
                "UserError", "The photo {name} could not be saved in {folder}: {reason}."),
                name=name, folder=photos, reason=e.strerror or e) from e
        else:
            report.results.append(PhotoResult(name, "pending", sha256=sha))
            checked.append((len(report.results) - 1, name, image, sha))
            if stored:
                stored(sha, image.ext, name)
        if progress:
            progress(i + 1, len(items))
    if is_cancelled and is_cancelled():
        raise Cancelled()
    now = timeutil.now()
    with changes.write(database) as pending:
        _live_case(case_id)
        for position, name, image, sha in checked:
            existing = (Evidence.select().where(Evidence.case == case_id, Evidence.sha256 == sha)
                        .order_by(Evidence.deleted_at.is_null(False), Evidence.id).first())
            if existing is not None and existing.deleted_at is None:
                report.results[position] = PhotoResult(name, "duplicate", existing.id, sha)
                continue
            if existing is not None:  # in the trash: bring it back rather than attach a copy
                Evidence.update(deleted_at=None).where(Evidence.id == existing.id).execute()
                evidence_id = existing.id
            else:
                evidence_id = Evidence.insert(
                    case=case_id, sha256=sha, ext=image.ext, kind=kind, caption=caption,
                    original_name=clean_line(name)[:255], size_bytes=len(image.data),
                    width=image.width, height=image.height, added_at=now).execute()
            report.results[position] = PhotoResult(name, "added", evidence_id, sha)
            pending.add("evidence", [evidence_id])
    return report


def _evidence(evidence_id: int) -> Evidence:
    ev = Evidence.get_or_none(Evidence.id == evidence_id)
    if ev is None:
        raise UserError(QT_TRANSLATE_NOOP("UserError", "This photo is no longer on the case."))
    return ev


def _set(evidence_ids: Iterable[int], **values: object) -> None:
    ids = sorted(set(evidence_ids))
    with changes.write(database) as pending:
        found = Evidence.select().where(Evidence.id.in_(ids)).count()
        if found != len(ids):
            raise UserError(QT_TRANSLATE_NOOP("UserError", "This photo is no longer on the case."))
        Evidence.update(**values).where(Evidence.id.in_(ids)).execute()
        pending.add("evidence", ids)


def edit_photo(evidence_id: int, kind: str | None = None, caption: str | None = None) -> None:
    values: dict[str, str] = {}
    if kind is not None:
        values["kind"] = _kind(kind)
    if caption is not None:
        values["caption"] = _caption(caption)
    if values:
        _set([evidence_id], **values)


def remove_photos(evidence_ids: Iterable[int]) -> None:
    """Move photos to the trash (their files stay: restore_photos undoes it)."""
    _set(evidence_ids, deleted_at=timeutil.now())


def restore_photos(evidence_ids: Iterable[int]) -> None:
    _set(evidence_ids, deleted_at=None)


def remove_photo(evidence_id: int) -> None:
    remove_photos([evidence_id])


def restore_photo(evidence_id: int) -> None:
    restore_photos([evidence_id])


# -- reading ---------------------------------------------------------------------------


@dataclass(frozen=True)
class PhotoInfo:
    id: int
    case_id: int
    sha256: str
    ext: str
    kind: str
    caption: str
    original_name: str
    size_bytes: int
    width: int
    height: int
    added_at: datetime
    deleted_at: datetime | None
    path: Path


def list_photos(case_id: int, include_deleted: bool = False,
                photos: Path | None = None) -> list[PhotoInfo]:
    """The case's photos in the order they were added."""
    photos = photos or photos_dir()
    query = Evidence.select().where(Evidence.case == case_id)
    if not include_deleted:
        query = query.where(Evidence.deleted_at.is_null())
    found = [_info(ev, photos) for ev in query.order_by(Evidence.added_at, Evidence.id)]
    from desk.core import team_photos

    if team_photos.on_server():  # the server's photos this seat has not seen yet
        fetch_missing(photos, ((p.sha256, p.ext) for p in found))
    return found


def get_photo(evidence_id: int, photos: Path | None = None) -> PhotoInfo:
    return _info(_evidence(evidence_id), photos or photos_dir())


def _info(ev: Evidence, photos: Path) -> PhotoInfo:
    return PhotoInfo(ev.id, ev.case_id, ev.sha256, ev.ext, ev.kind, ev.caption, ev.original_name,
                     ev.size_bytes, ev.width, ev.height, ev.added_at, ev.deleted_at,
                     photo_path(photos, ev.sha256, ev.ext))


def missing(evidence: PhotoInfo | Evidence, photos: Path | None = None) -> bool:
    """True when the photo's file is gone from disk (the case still opens)."""
    path = getattr(evidence, "path", None) or photo_path(photos or photos_dir(), evidence.sha256,
                                                          evidence.ext)
    return not path.is_file()


# -- thumbnails ------------------------------------------------------------------------


def thumbnail_path(photos: Path, sha256: str, size: int = THUMB_SIZE) -> Path:
    return photos / "thumbs" / str(size) / sha256[:2] / f"{sha256}.png"


def make_thumbnail(sha256: str, ext: str, size: int = THUMB_SIZE,
                   photos: Path | None = None) -> Path | None:
    """The cached thumbnail (at most size x size, turned as its EXIF says),
    made on first call; None when the photo is missing or unreadable.
    Touches files only, so it is safe on any thread."""
    photos = photos or photos_dir()
    target = thumbnail_path(photos, sha256, size)
    if target.is_file():
        return target
    source = photo_path(photos, sha256, ext)
    Image = _pil()  # noqa: N806
    from PIL import ImageOps

    try:
        with Image.open(source) as img:
            img.draft("RGB", (size, size))  # JPEG: decode at 1/2..1/8 scale, much faster
            img = ImageOps.exif_transpose(img)
            img.thumbnail((size, size))
            if img.mode not in ("RGB", "RGBA"):
                img = img.convert("RGBA")
            buf = io.BytesIO()
            img.save(buf, "PNG", optimize=False)
    except (OSError, SyntaxError, ValueError, EOFError, Image.DecompressionBombError,
            Image.DecompressionBombWarning):
        return None
    _atomic_write(target, buf.getvalue())
    return target


# -- the evidence pack -------------------------------------------------------------------

# Headings and code names of the pack's workbook; the UI passes them translated.
PACK_LABELS: dict[str, str] = {
    "sheet_summary": "Case", "sheet_photos": "Photos",
    "case_no": "Case number", "buyer": "Buyer", "platform": "Platform", "order_no": "Order number",
    "kind": "Kind", "status": "Status", "reason": "Reason", "responsibility": "Responsibility",
    "refund": "Refund (yuan)", "compensation": "Compensation (yuan)",
    "shipping": "Shipping (yuan)", "platform_refund_no": "Platform refund number",
    "return_tracking": "Return tracking number", "opened": "Opened", "description": "Description",
    "photos": "Photos",
    "file": "File name", "photo_kind": "Kind", "caption": "Caption", "added": "Time added",
    "sha256": "SHA-256", "note": "Note", "missing": "missing from disk, not in this pack",
    "kind:refund_only": "Refund only", "kind:return_refund": "Return and refund",
    "kind:exchange": "Exchange", "kind:reissue": "Reissue", "kind:repair": "Repair",
    "kind:compensation": "Partial refund",
    "status:new": "New", "status:handling": "Handling", "status:awaiting_return": "Awaiting return",
    "status:returning": "On its way back", "status:received": "Received",
    "status:processing": "Refund/reissue under way", "status:done": "Done",
    "status:rejected": "Rejected", "status:closed": "Closed",
    "responsibility:seller": "Seller", "responsibility:buyer": "Buyer",
    "responsibility:carrier": "Carrier", "responsibility:supplier": "Supplier",
    **{f"platform:{code}": name for code, name in code_labels.PLATFORMS.items()},
    "evidence:damage": "Damage", "evidence:package": "Outer packaging",
    "evidence:slip": "Packing slip", "evidence:chat": "Chat screenshot", "evidence:other": "Other",
}


@dataclass(frozen=True)
class PackResult:
    path: Path
    photos: int
    missing: int


def find_case(case_no: str) -> int:
    """The id of the live case with this number."""
    case = Case.get_or_none((Case.case_no == case_no.strip()) & Case.deleted_at.is_null())
    if case is None:
        raise UserError(QT_TRANSLATE_NOOP("UserError", "There is no after-sales case {case_no}."),
                        case_no=case_no.strip())
    return case.id


def _cell_text(value: object) -> str:
    return strip_controls(str(value))


def _put(ws, row: int, col: int, value: object, number_format: str | None = None):
    cell = ws.cell(row=row, column=col)
    if isinstance(value, str):
        cell.value = _cell_text(value)
        cell.data_type = "s"  # text, even when it starts with '=' (never a formula)
        cell.number_format = "@"
    else:
        cell.value = value
    if number_format:
        cell.number_format = number_format
    return cell


def _local(dt: datetime) -> datetime:
    return dt.astimezone().replace(tzinfo=None)  # Excel has no time zones: the shop's clock


def evidence_pack(case_id: int, out_path: str | os.PathLike[str],
                  labels: Mapping[str, str] | None = None,
                  progress: Callable[[int, int], None] | None = None,
                  is_cancelled: Callable[[], bool] | None = None,
                  photos: Path | None = None) -> PackResult:
    """Write a zip with the case's photos (01-damage.jpg, ...) and a workbook
    (the case summary and an index of the photos), for uploading when the
    platform steps in. Written to a temporary file renamed into place."""
    from openpyxl import Workbook

    lab = {**PACK_LABELS, **(labels or {})}

    def code(prefix: str, value: str) -> str:
        return lab.get(f"{prefix}:{value}", value)

    photos = photos or photos_dir()
    out = Path(out_path)
    if not out.parent.is_dir():
        raise UserError(QT_TRANSLATE_NOOP("UserError", "The folder {folder} does not exist."),
                        folder=out.parent)
    files.check_output(out)  # never a rename over a pipe or a device
    row = database.execute_sql(
        "SELECT a.case_no, c.nickname, a.platform, o.order_no, a.kind, a.status,"
        " coalesce((SELECT name FROM aftersales_reason r WHERE r.code = a.reason), a.reason),"
        " a.responsibility, a.refund_fen, a.compensation_fen, a.shipping_fen,"
        " a.platform_refund_no, a.return_tracking_no, a.opened_at, a.description"
        " FROM aftersales_case a JOIN customer c ON c.id = a.customer_id"
        " LEFT JOIN shop_order o ON o.id = a.order_id"
        " WHERE a.id = ? AND a.deleted_at IS NULL", (case_id,)).fetchone()
    if row is None:
        raise UserError(QT_TRANSLATE_NOOP("UserError", "This after-sales case no longer exists."))
    (case_no, nickname, platform, order_no, kind, status, reason, responsibility, refund,
     compensation, shipping, refund_no, tracking, opened_at, description) = row
    items = list_photos(case_id, photos=photos)

    wb = Workbook()
    bold = style.header_font()
    summary = wb.active
    summary.title = lab["sheet_summary"][:31]
    style.set_up_printing(summary, None)
    pairs = [
        ("case_no", case_no), ("buyer", nickname), ("platform", code("platform", platform)),
        ("order_no", order_no or ""), ("kind", code("kind", kind)),
        ("status", code("status", status)), ("reason", reason),
        ("responsibility", code("responsibility", responsibility)),
        ("refund", (refund / 100, "0.00")),
        ("compensation", (compensation / 100, "0.00")),
        ("shipping", (shipping / 100, "0.00")),
        ("platform_refund_no", refund_no), ("return_tracking", tracking),
        ("opened", (_local(timeutil.from_epoch(opened_at)), "yyyy-mm-dd hh:mm")),
        ("description", description), ("photos", (len(items), "0")),
    ]
    for r, (key, value) in enumerate(pairs, start=1):
        _put(summary, r, 1, lab[key]).font = bold
        if isinstance(value, tuple):
            _put(summary, r, 2, *value)  # numbers Excel can add up
        else:
            _put(summary, r, 2, value or "")
    summary.column_dimensions["A"].width = 24
    summary.column_dimensions["B"].width = 48

    index = wb.create_sheet(lab["sheet_photos"][:31])
    style.set_up_printing(index)
    for c, key in enumerate(("file", "photo_kind", "caption", "added", "sha256", "note"), start=1):
        _put(index, 1, c, lab[key]).font = bold
    for col, width in zip("ABCDEF", (26, 16, 40, 18, 66, 30), strict=True):
        index.column_dimensions[col].width = width

    tmp = outfile.temporary_beside(out, ".zip")  # the permissions of every export
    packed = gone = 0
    try:
        with zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as z:
            for n, photo in enumerate(items, start=1):
                if is_cancelled and is_cancelled():
                    raise Cancelled()
                arcname = f"{n:02d}-{PACK_NAMES.get(photo.kind, 'photo')}.{photo.ext}"
                note = ""
                try:
                    # photos are compressed already: stored as they are
                    z.write(photo.path, arcname, compress_type=zipfile.ZIP_STORED)
                    packed += 1
                except FileNotFoundError:
                    note, gone = lab["missing"], gone + 1
                r = n + 1
                _put(index, r, 1, arcname)
                _put(index, r, 2, code("evidence", photo.kind))
                _put(index, r, 3, photo.caption)
                _put(index, r, 4, _local(photo.added_at), "yyyy-mm-dd hh:mm")
                _put(index, r, 5, photo.sha256)
                _put(index, r, 6, note)
                if progress:
                    progress(n, len(items))
            buf = io.BytesIO()
            wb.save(buf)
            z.writestr(f"{_safe_name(case_no)}-index.xlsx", buf.getvalue())
        with open(tmp, "rb+") as f:
            os.fsync(f.fileno())
        os.replace(tmp, out)
    except OSError as e:
        raise UserError(QT_TRANSLATE_NOOP("UserError", "{path} could not be written: {reason}."),
                        path=out, reason=e.strerror or e) from e
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
    return PackResult(out, packed, gone)


def _safe_name(text: str) -> str:
    return "".join(ch if ch.isalnum() or ch in "-_" else "_" for ch in text) or "case"
