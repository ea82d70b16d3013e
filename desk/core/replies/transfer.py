"""Importing and exporting phrases: Excel (group, code, text, position), the
Sogou phrase file, and CSV with a column mapping.

Reading a file makes a plan and writes nothing: each row is new, changed
(the group already has a phrase with that code but other text), a duplicate
(the group already has that text) or an error (with its line and reason).
`apply` writes a plan in one transaction and refuses one with errors unless
told to skip them. Codes are matched as the palette matches them (NFKC,
lower case); group names without regard to letter case.
"""

from __future__ import annotations

import csv
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from desk.core import changes, pinyin, timeutil
from desk.core.base import database
from desk.core.errors import QT_TRANSLATE_NOOP, Cancelled, UserError
from desk.core.replies import service, sogou, textfile
from desk.core.replies.service import PhraseInfo
from desk.core.text import clean_line

DEFAULT_GROUP = "导入"  # the shop's own data, so written in Chinese like the seeded groups
FIELDS = ("group", "code", "text", "position")
MAX_ROWS = 200_000
MAX_CELL = 10_000  # a phrase holds 2,000; Excel cells are read only this far (then reported too long)
HEADERS = {
    "group": ("group", "分组", "组", "组名", "分类", "类别", "短语分组"),
    "code": ("code", "shortcut", "编码", "代码", "缩写", "快捷码", "短码", "简码", "快捷键"),
    "text": ("text", "body", "phrase", "内容", "短语", "文本", "短语内容", "回复", "话术"),
    "position": ("position", "order", "位置", "序号", "顺序", "排序"),
}
Progress = Callable[[int, int], None]


# -- plans -------------------------------------------------------------------------


@dataclass(frozen=True)
class PlanRow:
    kind: str  # new | changed | duplicate | error
    line: int  # line (text files) or row (Excel) in the file, 1-based
    group: str
    code: str
    body: str
    position: int | None  # place in the group once written (new), or now (changed, duplicate)
    message: str = ""  # why it is an error (English; `error` has the template)
    error: UserError | None = None
    phrase_id: int | None = None  # the phrase a changed or duplicate row matches


@dataclass(frozen=True)
class ImportPlan:
    rows: list[PlanRow]
    format: str  # xlsx | sogou | csv
    encoding: str = ""
    new_groups: tuple[str, ...] = ()  # created when the plan is applied
    counts: dict[str, int] = field(default_factory=dict)

    @property
    def errors(self) -> list[PlanRow]:
        return [r for r in self.rows if r.kind == "error"]


@dataclass(frozen=True)
class Record:
    """One phrase as a file gives it, before it is compared with the library."""

    line: int
    group: str | None  # None: the group chosen for the import
    code: str
    text: str
    position: int | None = None
    error: UserError | None = None


def _error_row(r: Record, group: str, error: UserError) -> PlanRow:
    return PlanRow("error", r.line, group, r.code, r.text, None, str(error), error)


def plan(records: Iterable[Record], fmt: str, default_group: str = DEFAULT_GROUP,
         encoding: str = "", is_cancelled: Callable[[], bool] | None = None) -> ImportPlan:
    """Compare what a file gives with the library; nothing is written."""
    existing_groups = {g.name.lower(): g for g in service.list_groups()}
    # A code may stand for several phrases (Sogou's positions 1, 2, ...): the
    # file's n-th phrase with a code is compared with the group's n-th one.
    by_code: dict[tuple[str, str], list[PhraseInfo]] = {}
    code_seen: dict[tuple[str, str], int] = {}
    by_text: dict[tuple[str, str], PhraseInfo] = {}
    counts_in_group: dict[str, int] = {}
    for p in service.all_phrases():
        key = p.group_name.lower()
        if p.code:
            by_code.setdefault((key, service.fold(p.code)), []).append(p)
        by_text.setdefault((key, p.body), p)
        counts_in_group[key] = counts_in_group.get(key, 0) + 1
    seen_text: set[tuple[str, str]] = set()
    new_groups: dict[str, str] = {}
    pending_new: list[tuple[Record, str]] = []
    rows: list[PlanRow] = []
    for n, r in enumerate(records):
        if is_cancelled is not None and n % 2000 == 0 and is_cancelled():
            raise Cancelled()
        try:
            group = service.clean_group_name(
                default_group if r.group is None or not r.group.strip() else r.group)
        except UserError as e:
            rows.append(_error_row(r, clean_line(r.group or "")[:40], e))
            continue
        key = group.lower()
        if key in existing_groups:
            group = existing_groups[key].name
        elif key not in new_groups:
            new_groups[key] = group
        else:
            group = new_groups[key]
        if r.error is not None:
            rows.append(_error_row(r, group, r.error))
            continue
        same_code = None
        if r.code:
            code_key = (key, service.fold(r.code))
            nth = code_seen[code_key] = code_seen.get(code_key, -1) + 1
            candidates = by_code.get(code_key, ())
            same_code = candidates[nth] if nth < len(candidates) else None
        if same_code is not None and same_code.body != r.text:
            rows.append(PlanRow("changed", r.line, group, r.code, r.text, same_code.position,
                                phrase_id=same_code.id))
            continue
        twin = same_code or by_text.get((key, r.text))
        if twin is not None or (key, r.text) in seen_text:
            rows.append(PlanRow("duplicate", r.line, group, r.code, r.text,
                                twin.position if twin else None,
                                phrase_id=twin.id if twin else None))
            continue
        seen_text.add((key, r.text))
        pending_new.append((r, group))
        rows.append(PlanRow("new", r.line, group, r.code, r.text, None))  # placed below
    # New phrases go after the group's own, ordered by the file's positions (then its order).
    order = sorted(range(len(pending_new)), key=lambda i: (
        pending_new[i][0].position is None, pending_new[i][0].position or 0, i))
    placed: dict[int, int] = {}
    for i in order:
        r, group = pending_new[i]
        key = group.lower()
        placed[r.line] = counts_in_group.get(key, 0)
        counts_in_group[key] = placed[r.line] + 1
    rows = [PlanRow(row.kind, row.line, row.group, row.code, row.body, placed[row.line])
            if row.kind == "new" else row for row in rows]
    counts = {k: 0 for k in ("new", "changed", "duplicate", "error")}
    for row in rows:
        counts[row.kind] += 1
    return ImportPlan(rows, fmt, encoding, tuple(new_groups.values()), counts)


def apply(import_plan: ImportPlan, skip_errors: bool = False,
          progress: Progress | None = None, is_cancelled: Callable[[], bool] | None = None,
          ) -> dict[str, int]:
    """Write the plan's new and changed phrases in one transaction; returns
    the counts written (new, changed, skipped duplicates and errors, groups)."""
    if import_plan.errors and not skip_errors:
        raise UserError(QT_TRANSLATE_NOOP(
            "UserError", "The file has {count} line(s) with errors; nothing was imported. Correct "
            "them, or import without them."), count=len(import_plan.errors))
    work = [r for r in import_plan.rows if r.kind in ("new", "changed")]
    if work:
        from desk.core import checkpoint

        checkpoint.before("import")  # a checked copy first; a failed backup stops the import
    now = timeutil.to_epoch(timeutil.now())
    out = {"new": 0, "changed": 0, "duplicate": import_plan.counts.get("duplicate", 0),
           "error": import_plan.counts.get("error", 0), "groups": 0}
    with changes.write(database) as pending:
        groups = {g.name.lower(): g.id for g in service.list_groups()}
        for name in dict.fromkeys(r.group for r in work):
            if name.lower() not in groups:
                groups[name.lower()] = service.add_group(name)
                out["groups"] += 1
        next_position = dict(database.execute_sql(
            "SELECT group_id, count(*) FROM reply WHERE deleted_at IS NULL GROUP BY group_id"))
        inserts, updates = [], []
        for done, r in enumerate(sorted(work, key=lambda r: (r.position is None, r.position or 0))):
            if is_cancelled is not None and done % 2000 == 0 and is_cancelled():
                raise Cancelled()  # the transaction rolls back: nothing is written
            if progress is not None and done % 2000 == 0:
                progress(done, len(work))
            gid = groups[r.group.lower()]
            if r.kind == "changed" and r.phrase_id is not None:
                updates.append((r.body, pinyin.abbr(r.body), now, r.phrase_id, gid))
                out["changed"] += 1
                continue
            position = next_position.get(gid, 0)
            next_position[gid] = position + 1
            inserts.append((gid, r.code, r.body, pinyin.abbr(r.body), position, now, now))
            out["new"] += 1
        conn = database.connection()
        conn.executemany("UPDATE reply SET body = ?, body_abbr = ?, updated_at = ?"
                         " WHERE id = ? AND group_id = ?", updates)
        conn.executemany("INSERT INTO reply(group_id, code, body, body_abbr, position, created_at,"
                         " updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)", inserts)
        pending.add(service.ENTITY)
        pending.add(service.GROUP_ENTITY)
    if progress is not None:
        progress(len(work), len(work))
    return out


# -- reading files ------------------------------------------------------------------


def _kind(path: Path) -> str:
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xlsm", ".xlsb", ".xls", ".ods"):
        return "xlsx"
    if suffix in (".csv", ".tsv"):
        return "csv"
    return "sogou"


def read_file(path: str | Path, mapping: dict | None = None, group: int | str | None = None,
              is_cancelled: Callable[[], bool] | None = None) -> ImportPlan:
    """The plan for importing a file: .xlsx or .csv/.tsv (columns as
    `guess_mapping` finds them, or `mapping`: group, code, text, position ->
    column index or None, and header -> bool), anything else as a Sogou
    phrase file. Rows without a group (all of a Sogou file) go into `group`:
    a group id, a name (created when applied if missing), or None for
    DEFAULT_GROUP."""
    path = Path(path)
    default = DEFAULT_GROUP
    if isinstance(group, int):
        default = next((g.name for g in service.list_groups() if g.id == group), None)
        if default is None:
            raise UserError(QT_TRANSLATE_NOOP("UserError", "This group of phrases no longer exists."))
    elif group is not None:
        default = group
    kind = _kind(path)
    if kind == "xlsx":
        records, encoding = _mapped(_xlsx_rows(path), mapping), ""
    elif kind == "csv":
        text = textfile.read_lines(path)
        records, encoding = _mapped(_csv_rows(text), mapping), text.encoding
    else:
        text = textfile.read_lines(path)
        records = [Record(e.line, None, e.code, e.text, e.position, e.error)
                   for e in sogou.parse(text)]
        encoding = text.encoding
    return plan(records, kind, default, encoding, is_cancelled)


# CSV and Excel: rows of cells, a header, and which column holds what.

def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _header_field(cell: str) -> str | None:
    name = clean_line(cell).lower().replace(" ", "")
    return next((f for f, names in HEADERS.items() if name in names), None)


def guess_mapping(first_row: Sequence[str]) -> tuple[bool, dict[str, int | None]]:
    """(has a header, field -> column) for a file's first row. Without a header,
    the columns are read as ShopDesk writes them: text alone; code, text;
    group, code, text; group, code, text, position."""
    found: dict[str, int | None] = {}
    for i, cell in enumerate(first_row):
        f = _header_field(cell)
        if f is not None and f not in found:
            found[f] = i
    if found:
        return True, {f: found.get(f) for f in FIELDS}
    width = len(first_row)
    layouts = {1: ("text",), 2: ("code", "text"), 3: ("group", "code", "text")}
    names = layouts.get(width, FIELDS)
    return False, {f: (names.index(f) if f in names else None) for f in FIELDS}


def _mapped(rows: Iterator[tuple[int, list[str]]], mapping: dict | None) -> Iterator[Record]:
    first = next(rows, None)
    if first is None:
        return
    header, guessed = guess_mapping(first[1])
    if mapping is not None:
        header = bool(mapping.get("header", header))
        guessed = {f: mapping.get(f) for f in FIELDS}
    if guessed.get("text") is None:
        raise UserError(QT_TRANSLATE_NOOP(
            "UserError", "Which column holds the phrases' text? Choose it in the column mapping."))
    if not header:
        yield _record(first[0], first[1], guessed)
    for line, cells in rows:
        if any(c.strip() for c in cells):
            yield _record(line, cells, guessed)


def _record(line: int, cells: list[str], mapping: dict[str, int | None]) -> Record:
    def get(f: str) -> str:
        i = mapping.get(f)
        return cells[i] if i is not None and 0 <= i < len(cells) else ""

    group, code, text, position = get("group"), get("code"), get("text"), get("position")
    try:
        if any("\ufffd" in c for c in (group, code, text)):
            raise UserError(QT_TRANSLATE_NOOP(
                "UserError", "This line has bytes that are not text in the file's encoding."))
        where = None
        if position.strip():
            where = service.parse_position(position.strip())
        record = Record(line, group or None, service.clean_code(code), service.clean_body(text),
                        where)
    except UserError as e:
        return Record(line, group or None, clean_line(code)[:40], text[:200], None, e)
    return record


def _csv_rows(text: textfile.TextLines) -> Iterator[tuple[int, list[str]]]:
    lines = [("\ufffd" if line is None else line) + "\n" for line in text.lines]
    sample = "".join(lines[:20])
    try:
        dialect = csv.Sniffer().sniff(sample, delimiters=",\t;") if sample else csv.excel
    except csv.Error:
        dialect = csv.excel
    reader = csv.reader(iter(lines), dialect)
    start = 1
    try:
        for cells in reader:
            yield start, cells
            start = reader.line_num + 1
    except csv.Error as e:
        raise UserError(QT_TRANSLATE_NOOP("UserError", "Line {line} of the CSV file cannot be "
                                          "read: {reason}."), line=start, reason=e) from None


def _xlsx_rows(path: Path) -> Iterator[tuple[int, list[str]]]:
    """The first sheet's rows as text, read without trusting the file: the
    order import's reader refuses zip and entity bombs, damaged or
    password-protected files and too many rows with a UserError."""
    from desk.core.excel.reading import Limits, rows

    limits = Limits(rows=MAX_ROWS)
    # text=False: a renamed text file is refused here, not read as CSV
    for n, row in enumerate(rows(path, limits, text=False), start=1):
        if n > MAX_ROWS + 1:  # the header and MAX_ROWS phrases
            raise UserError(QT_TRANSLATE_NOOP(
                "UserError", "{name} has more than {most} rows; split it into smaller files."),
                name=path.name, most=f"{MAX_ROWS:,}")
        yield n, [_cell(v)[:MAX_CELL + 1] for v in row[:16]]


@dataclass(frozen=True)
class CsvPreview:
    """What the column-mapping dialog shows: the columns (header names, or
    "1", "2", ... without a header), the first rows, and the guessed mapping."""

    columns: list[str]
    rows: list[list[str]]
    header: bool
    mapping: dict[str, int | None]
    encoding: str = ""


def csv_columns(path: str | Path, sample: int = 10) -> CsvPreview:
    path = Path(path)
    if _kind(path) == "xlsx":
        source, encoding = _xlsx_rows(path), ""
    else:
        text = textfile.read_lines(path)
        source, encoding = _csv_rows(text), text.encoding
    rows = []
    for _, cells in source:
        rows.append(cells)
        if len(rows) > sample:
            break
    if hasattr(source, "close"):
        source.close()
    if not rows:
        return CsvPreview([], [], False, {f: None for f in FIELDS}, encoding)
    header, mapping = guess_mapping(rows[0])
    width = max(len(r) for r in rows)
    columns = ([clean_line(c) or str(i + 1) for i, c in enumerate(rows[0])] if header
               else [str(i + 1) for i in range(width)])
    columns += [str(i + 1) for i in range(len(columns), width)]
    return CsvPreview(columns, rows[1:] if header else rows[:sample], header, mapping, encoding)


# -- writing files ------------------------------------------------------------------


def export_sogou(path: str | Path, encoding: str = "utf-16",
                 phrases: Sequence[PhraseInfo] | None = None) -> tuple[int, int]:
    """Write the phrases (None: all) as a Sogou phrase file; returns (written,
    left out for having no code). Written as every export is (desk.core.outfile)."""
    from desk.core import outfile

    outfile.check_target(Path(path))
    phrases = service.all_phrases() if phrases is None else phrases
    lines, skipped = sogou.format_lines(phrases)
    outfile.write_bytes(Path(path), sogou.encode(lines, encoding))
    return len(phrases) - skipped, skipped


def export_xlsx(path: str | Path, phrases: Sequence[PhraseInfo] | None = None,
                translate: Callable[[str, str], str] | None = None) -> int:
    """Write the phrases (None: all) as a workbook: the one reply export, the
    same as `shopdesk export replies` and File > Export (group, code, text,
    position counted from 1 within the group, times used, last used, headers
    in `translate`'s language), which `read_file` reads back."""
    from desk.core.excel import exports

    selection = exports.ALL if phrases is None else exports.Selection(
        ids=tuple(p.id for p in phrases))
    extra = {} if translate is None else {"translate": translate}
    return exports.export("replies", Path(path), selection, **extra).rows
