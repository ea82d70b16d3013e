"""Import and export: Sogou phrase files in every encoding, CSV with a column
mapping, Excel; plans that write nothing, and apply in one transaction."""

from __future__ import annotations

import os
import time
import zipfile

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from desk.core.base import database
from desk.core.errors import UserError
from desk.core.replies import service, sogou, textfile, transfer
from tests.core.customers.conftest import dump_tables
from tests.core.replies.conftest import texts

SOGOU = (";搜狗自定义短语\n"
         "nh,1=亲，您好呀～\n"
         "\n"
         "dz,1=\n"
         "收货地址：\n"
         "\n"
         "浙江省杭州市\n"
         "hp,2=满意请给{shop_name}五星好评\n")


def _write(tmp_path, name: str, data: bytes):
    path = tmp_path / name
    path.write_bytes(data)
    return path


def _kinds(plan) -> list[tuple[int, str]]:
    return [(r.line, r.kind) for r in plan.rows]


@pytest.mark.parametrize("encoding, prefix", [
    ("utf-8", b""), ("utf-8", b"\xef\xbb\xbf"), ("utf-16-le", b"\xff\xfe"),
    ("utf-16-be", b"\xfe\xff"), ("gb18030", b""),
])
def test_sogou_in_every_encoding(db, tmp_path, encoding, prefix):
    data = prefix + SOGOU.replace("\n", "\r\n").encode(encoding)
    plan = transfer.read_file(_write(tmp_path, "PhraseEdit.txt", data))
    assert plan.format == "sogou" and not plan.errors
    assert [(r.code, r.body) for r in plan.rows] == [
        ("nh", "亲，您好呀～"), ("dz", "收货地址：\n\n浙江省杭州市"), ("hp", "满意请给{shop_name}五星好评")]
    assert [r.line for r in plan.rows] == [2, 4, 8]
    assert {r.group for r in plan.rows} == {transfer.DEFAULT_GROUP}
    assert plan.new_groups == (transfer.DEFAULT_GROUP,)


def test_sogou_bad_lines_reported_one_by_one(db, tmp_path):
    text = ("nh,1=好\n"
            "没有等号的一行\n"
            "a b,1=代码里有空格\n"
            "kk,x=位置不是数字\n"
            "ee,1=\n"
            "toolongcodeabcdefg,1=太长\n"
            "=只有文字\n"
            f"ll,1={'长' * 2001}\n")
    data = text.encode("gb18030") + b"bad,1=\xff\xfe\xfd\n"
    plan = transfer.read_file(_write(tmp_path, "p.txt", data))
    assert _kinds(plan) == [(1, "new"), (2, "error"), (3, "error"), (4, "error"), (5, "error"),
                            (6, "error"), (7, "error"), (8, "error"), (9, "error")]
    messages = [r.message for r in plan.errors]
    assert "no \"=\"" in messages[0] and "space" in messages[1] and "whole number" in messages[2]
    assert "no text" in messages[3] and "at most 16" in messages[4] and "2,000" in messages[6]
    assert "not text" in messages[7]
    assert plan.counts == {"new": 1, "changed": 0, "duplicate": 0, "error": 8}
    with pytest.raises(UserError):
        transfer.apply(plan)
    assert service.all_phrases() == []
    assert transfer.apply(plan, skip_errors=True)["new"] == 1


def test_line_after_one_line_phrase_is_an_error_not_a_continuation(db, tmp_path):
    plan = transfer.read_file(_write(tmp_path, "p.txt", "nh,1=第一行\n第二行\n".encode()))
    assert _kinds(plan) == [(1, "new"), (2, "error")]
    assert plan.rows[0].body == "第一行"


@pytest.mark.parametrize("data", [
    bytes(range(256)) * 40,
    b"\x89PNG\r\n\x1a\n" + os.urandom(3000),
    b"PK\x03\x04" + b"\x00" * 100,
    bytes([0x01, 0x02, 0x03, 0x1b]) * 500,
])
def test_binary_garbage_refused(db, tmp_path, data):
    with pytest.raises(UserError, match="not a text file"):
        transfer.read_file(_write(tmp_path, "junk.txt", data))


def test_missing_file_and_folder(db, tmp_path):
    with pytest.raises(UserError):
        transfer.read_file(tmp_path / "none.txt")
    with pytest.raises(UserError):
        transfer.read_file(tmp_path)


def test_plan_kinds_against_library(gid, tmp_path):
    service.add_phrase(gid, "旧的内容", code="hp")
    service.add_phrase(gid, "已经有了", code="yy")
    text = "HP,1=新的内容\nzz,1=已经有了\nyy,1=已经有了\nnn,1=全新\nmm,1=全新\n"
    plan = transfer.read_file(_write(tmp_path, "p.txt", text.encode()), group=gid)
    assert [r.kind for r in plan.rows] == ["changed", "duplicate", "duplicate", "new", "duplicate"]
    assert plan.rows[0].phrase_id is not None and plan.new_groups == ()
    before = dump_tables()
    assert dump_tables() == before  # reading wrote nothing
    counts = transfer.apply(plan)
    assert counts == {"new": 1, "changed": 1, "duplicate": 3, "error": 0, "groups": 0}
    assert texts(gid) == ["新的内容", "已经有了", "全新"]
    assert [p.position for p in service.list_phrases(gid)] == [0, 1, 2]
    again = transfer.read_file(_write(tmp_path, "p.txt", text.encode()), group=gid)
    assert again.counts["new"] == again.counts["changed"] == 0


def test_import_into_named_group_created_once(db, tmp_path):
    plan = transfer.read_file(_write(tmp_path, "p.txt", b"a,1=x\nb,1=y\n"), group="我的短语")
    assert plan.new_groups == ("我的短语",)
    assert transfer.apply(plan)["groups"] == 1
    gid = service.group_by_name("我的短语")
    assert texts(gid) == ["x", "y"]
    abbr = database.execute_sql("SELECT body_abbr FROM reply WHERE body = 'x'").fetchone()[0]
    assert abbr == "x"
    with pytest.raises(UserError):
        transfer.read_file(_write(tmp_path, "p.txt", b"a,1=x\n"), group=99999)


def test_sogou_export_round_trip(gid, tmp_path):
    service.add_phrase(gid, "亲，您好", code="nh")
    service.add_phrase(gid, "第一行\n\n第三行", code="dz")
    service.add_phrase(gid, "又一个您好", code="nh")
    service.add_phrase(gid, "没有代码")
    out = tmp_path / "PhraseEdit.txt"
    assert transfer.export_sogou(out) == (3, 1)
    data = out.read_bytes()
    assert data.startswith(b"\xff\xfe") and "\r\n".encode("utf-16-le") in data
    assert data[2:].decode("utf-16-le").splitlines()[:2] == ["nh,1=亲，您好", "dz,1="]
    assert "nh,2=又一个您好" in data[2:].decode("utf-16-le")
    plan = transfer.read_file(out, group="回来")
    assert [(r.code, r.body) for r in plan.rows] == [
        ("nh", "亲，您好"), ("dz", "第一行\n\n第三行"), ("nh", "又一个您好")]
    transfer.export_sogou(out, encoding="utf-8")
    assert out.read_bytes().startswith(b"\xef\xbb\xbfnh,1=")


def test_csv_header_detection_and_mapping(db, tmp_path):
    data = "分组,编码,内容,位置\n售后处理,sh,\"亲，别急\n马上处理\",2\n售后处理,th,退货地址已发,1\n"
    path = _write(tmp_path, "p.csv", data.encode("gb18030"))
    preview = transfer.csv_columns(path)
    assert preview.header and preview.columns == ["分组", "编码", "内容", "位置"]
    assert preview.mapping == {"group": 0, "code": 1, "text": 2, "position": 3}
    assert preview.rows[0][2] == "亲，别急\n马上处理" and preview.encoding == "gb18030"
    plan = transfer.read_file(path)
    assert [(r.line, r.kind, r.group, r.position) for r in plan.rows] == [
        (2, "new", "售后处理", 1), (4, "new", "售后处理", 0)]
    transfer.apply(plan)
    assert texts(service.group_by_name("售后处理")) == ["退货地址已发", "亲，别急\n马上处理"]


def test_csv_without_header_and_custom_mapping(db, tmp_path):
    path = _write(tmp_path, "p.csv", "好评\thp\n催付\tcf\n".encode())
    preview = transfer.csv_columns(path)
    assert not preview.header and preview.columns == ["1", "2"] and len(preview.rows) == 2
    plan = transfer.read_file(path, mapping={"text": 0, "code": 1, "header": False}, group="甲")
    assert [(r.code, r.body) for r in plan.rows] == [("hp", "好评"), ("cf", "催付")]
    with pytest.raises(UserError, match="column"):
        transfer.read_file(path, mapping={"code": 1})
    plan = transfer.read_file(_write(tmp_path, "q.csv", b"code,text\nbad code,x\n,\n"))
    assert _kinds(plan) == [(2, "error")]


def test_xlsx_round_trip_keeps_formulas_as_text(gid, tmp_path):
    from openpyxl import load_workbook

    service.add_phrase(gid, "=HYPERLINK(\"http://x\")", code="f1")
    service.add_phrase(gid, "+86 电话\n第二行", code="f2")
    service.add_phrase(gid, "@所有人", code="f3")
    bell = service.add_phrase(gid, "响铃", code="f4")
    database.execute_sql("UPDATE reply SET body = ? WHERE id = ?", ("响\x07铃\x1b", bell))
    out = tmp_path / "phrases.xlsx"
    assert transfer.export_xlsx(out, service.list_phrases(gid)) == 4
    wb = load_workbook(out)
    ws = wb.active
    assert [c.value for c in ws[1]] == ["Group", "Code", "Text", "Position", "Times used",
                                        "Last used"]
    assert ws[1][0].font.bold and ws.freeze_panes == "A2"
    assert ws["C2"].value == "=HYPERLINK(\"http://x\")" and ws["C2"].data_type == "s"
    assert ws["D3"].value == 2 and ws["C5"].value == "响铃"
    service.delete_group(gid)
    plan = transfer.read_file(out)
    assert [(r.kind, r.group, r.code, r.body, r.position) for r in plan.rows] == [
        ("new", "测试", "f1", "=HYPERLINK(\"http://x\")", 0),
        ("new", "测试", "f2", "+86 电话\n第二行", 1), ("new", "测试", "f3", "@所有人", 2),
        ("new", "测试", "f4", "响铃", 3)]


def test_xlsx_damaged_or_not_a_workbook(db, tmp_path):
    with pytest.raises(UserError, match="damaged|not an Excel workbook"):
        transfer.read_file(_write(tmp_path, "x.xlsx", b"just text"))
    bad = tmp_path / "bad.xlsx"
    with zipfile.ZipFile(bad, "w") as z:
        z.writestr("xl/workbook.xml", "<not really>")
    with pytest.raises(UserError, match="damaged|not an Excel workbook"):
        transfer.read_file(bad)


def test_xlsx_too_many_rows(db, tmp_path, monkeypatch):
    from openpyxl import Workbook

    wb = Workbook()
    for i in range(12):
        wb.active.append([f"第{i}句"])
    path = tmp_path / "many.xlsx"
    wb.save(path)
    monkeypatch.setattr(transfer, "MAX_ROWS", 10)
    with pytest.raises(UserError, match="more than 10 rows"):
        transfer.read_file(path)


def test_apply_is_one_transaction(db, tmp_path, monkeypatch):
    plan = transfer.read_file(_write(tmp_path, "p.txt", b"a,1=x\nb,1=y\n"), group="新组")
    before = dump_tables()

    def broken(*args, **kwargs):
        raise RuntimeError("disk gone")

    monkeypatch.setattr(transfer.pinyin, "abbr", broken)
    with pytest.raises(RuntimeError):
        transfer.apply(plan)
    assert dump_tables() == before


def test_hundred_thousand_lines_preview_in_reasonable_time(db, tmp_path):
    lines = "".join(f"c{i},1=第{i}句话，亲～\r\n" for i in range(100_000))
    path = _write(tmp_path, "big.txt", b"\xff\xfe" + lines.encode("utf-16-le"))
    started = time.perf_counter()
    plan = transfer.read_file(path)
    elapsed = time.perf_counter() - started
    assert plan.counts["new"] == 100_000
    assert elapsed < 20, f"preview took {elapsed:.1f} s"  # a guard against a quadratic plan, not a benchmark


def test_decoding_picks_gb18030_and_keeps_bad_lines(tmp_path):
    data = "第一行\n".encode("gb18030") + b"\xff\xff\n" + "第三行\n".encode("gb18030")
    text = textfile.decode(data, "x.txt")
    assert text.encoding == "gb18030" and text.lines[:3] == ["第一行", None, "第三行"]
    entries = sogou.parse(textfile.TextLines("utf-8", ["a,1=", "第一行", None, "b,1=好"]))
    assert [(e.line, e.code, e.error is not None) for e in entries] == [(1, "a", True), (4, "b", False)]


@given(st.binary(max_size=400))
def test_any_bytes_give_a_plan_or_a_user_error(data):
    try:
        entries = sogou.parse(textfile.decode(data, "x.txt"))
    except UserError:
        return
    assert all(isinstance(e, sogou.Entry) for e in entries)


_LINE = st.text(alphabet=st.sampled_from("亲好，。=,;{}ab1 ～"), min_size=1, max_size=12)


@given(st.lists(st.tuples(st.text(alphabet="abcxyz", min_size=1, max_size=4),
                          st.lists(_LINE, min_size=1, max_size=3)), min_size=1, max_size=6),
       st.sampled_from(["utf-16", "utf-8"]))
def test_sogou_round_trip(items, encoding):
    """What ShopDesk writes, it reads back the same, in either encoding, unless a
    line of a multi-line phrase looks like an entry or a comment (documented)."""
    phrases = []
    for i, (code, lines) in enumerate(items):
        lines = [line.strip() for line in lines if line.strip()]
        body = "\n".join(lines)
        assume(body and (len(lines) == 1 or not any(
            sogou._ENTRY.fullmatch(line) or line.startswith(";") for line in lines)))
        phrases.append(service.PhraseInfo(i, 1, "g", code, body, None, i, 0, None))
    lines, skipped = sogou.format_lines(phrases)
    data = sogou.encode(lines, encoding)
    entries = sogou.parse(textfile.decode(data, "x.txt"))
    assert skipped == 0 and all(e.error is None for e in entries)
    assert [(e.code, e.text) for e in entries] == [(p.code, p.body) for p in phrases]


def test_several_phrases_under_one_code(gid, tmp_path):
    """Sogou keeps several candidates under one code: each is matched with the
    group's phrase in the same place, none overwrites another."""
    service.add_phrase(gid, "第一个", code="nh")
    service.add_phrase(gid, "第二个", code="nh")
    text = "nh,1=第一个\nnh,2=第二个改了\nnh,3=第三个\n"
    plan = transfer.read_file(_write(tmp_path, "p.txt", text.encode()), group=gid)
    assert [r.kind for r in plan.rows] == ["duplicate", "changed", "new"]
    transfer.apply(plan)
    assert texts(gid) == ["第一个", "第二个改了", "第三个"]


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_without_bom(db, tmp_path, encoding):
    plan = transfer.read_file(_write(tmp_path, "p.txt", SOGOU.encode(encoding)))
    assert plan.encoding == encoding and plan.counts["new"] == 3 and not plan.errors


def test_an_import_is_preceded_by_a_checked_backup(db, tmp_path):
    from desk.core import backup

    before = len(backup.list_backups(backup.data_dir()))
    plan = transfer.read_file(_write(tmp_path, "p.txt", b"a,1=x\n"), group="新组")
    transfer.apply(plan)
    made = backup.list_backups(backup.data_dir())
    assert len(made) == before + 1
    assert [b.reason for b in made].count("import") == 1
