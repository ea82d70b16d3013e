"""`shopdesk replies import|export|find|render`, through desk.cli.main and,
for the exit codes a script sees, a separate process."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from desk import cli
from desk.core import db as core_db
from desk.core import settings
from desk.core.base import database
from desk.core.customers import service as customers
from desk.core.paths import ENV_VAR, DataDir
from desk.core.replies import service

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def shop(tmp_path) -> Path:
    d = DataDir(tmp_path / "shop").ensure()
    core_db.open_database(d.db_path, d.backups)
    try:
        settings.set("shop_name", "暖暖小铺")
        cid = customers.create("taobao", "小雨点点")
        oid = database.execute_sql(
            "INSERT INTO shop_order(customer_id, platform, order_no, status, placed_at, carrier,"
            " tracking_no, created_at, updated_at)"
            " VALUES (?, 'taobao', '4200000000000000001', 'shipped', 0, '中通', 'ZT100', 0, 0)",
            (cid,)).lastrowid
        database.execute_sql(
            "INSERT INTO aftersales_case(case_no, customer_id, order_id, platform, kind, reason,"
            " status, opened_at, status_changed_at, created_at, updated_at)"
            " VALUES ('SH-000001', ?, ?, 'taobao', 'reissue', 'missing', 'new', 0, 0, 0, 0)",
            (cid, oid))
        greet = service.group_by_name("打招呼")
        service.add_phrase(greet, "{nickname}您好，欢迎光临{shop_name}", code="nh")
        service.add_phrase(greet, "您的订单{订单号}由{carrier}发出，单号{tracking_no}", code="wl")
        service.add_phrase(greet, "给您优惠{?金额}元，{?赠品}一份", code="yh")
    finally:
        core_db.close()
    return d.root


def run(shop: Path, *argv: str) -> int:
    return cli.main(["--data-dir", str(shop), "replies", *argv])


def test_find_text_and_json(shop, capsys):
    assert run(shop, "find", "欢迎") == 0
    out = capsys.readouterr()
    assert out.out.splitlines() == ["nh\t打招呼\t{nickname}您好，欢迎光临{shop_name}"]
    assert run(shop, "find", "w", "--json", "--limit", "5") == 0
    found = json.loads(capsys.readouterr().out)
    assert [f["code"] for f in found] == ["wl"]
    assert run(shop, "find", "不存在") == 0
    assert capsys.readouterr().out == ""


def test_render_with_customer_case_and_answers(shop, capsys):
    assert run(shop, "render", "nh", "--customer", "小雨点点") == 0
    assert capsys.readouterr().out == "小雨点点您好，欢迎光临暖暖小铺\n"
    assert run(shop, "render", "WL", "--case", "SH-000001") == 0
    assert capsys.readouterr().out == "您的订单4200000000000000001由中通发出，单号ZT100\n"
    assert run(shop, "render", "yh", "--set", "金额=5", "--set", "赠品=袜子") == 0
    assert capsys.readouterr().out == "给您优惠5元，袜子一份\n"


@pytest.mark.parametrize("argv, words", [
    (("render", "yh", "--set", "金额=5"), "赠品"),
    (("render", "yh"), "missing: 金额 ({?金额}), 赠品 ({?赠品})"),
    (("render", "nh"), "missing: buyer nickname ({nickname}). Name the buyer with --customer"),
    (("render", "zz"), "No phrase has the code"),
    (("render", "nh", "--customer", "没有这人"), "no customer"),
    (("render", "nh", "--case", "SH-999"), "SH-999"),
    (("render", "yh", "--set", "nothing"), "NAME=VALUE"),
])
def test_render_user_errors(shop, capsys, argv, words):
    assert run(shop, *argv) == 2
    out = capsys.readouterr()
    assert out.out == "" and words in out.err and len(out.err.splitlines()) == 1


def test_render_refuses_a_half_filled_phrase_and_names_what_is_missing(shop, capsys):
    core_db.open_database(shop / "shopdesk.sqlite3", shop / "backups")
    try:
        settings.set("shop_name", "")
    finally:
        core_db.close()
    assert run(shop, "render", "nh") == 2
    out = capsys.readouterr()
    assert out.out == ""
    assert out.err == (
        "shopdesk: The phrase cannot be filled in; missing: buyer nickname ({nickname}), shop name "
        "({shop_name}). Set the shop name in the app's Settings, name the buyer with --customer or "
        "the case with --case or pass --set NAME=VALUE (e.g. --set nickname=…).\n")
    assert run(shop, "render", "nh", "--customer", "小雨点点") == 2
    assert "missing: shop name ({shop_name})" in capsys.readouterr().err
    # the values can be given by their English name or their Chinese alias
    assert run(shop, "render", "nh", "--set", "店铺名=暖暖小铺", "--set", "nickname=阿雨") == 0
    assert capsys.readouterr().out == "阿雨您好，欢迎光临暖暖小铺\n"
    assert run(shop, "render", "nh", "--customer", "小雨点点", "--set", "shop_name= ") == 2
    capsys.readouterr()


def test_import_dry_run_then_import(shop, tmp_path, capsys):
    src = tmp_path / "PhraseEdit.txt"
    src.write_bytes(b"\xff\xfe" + "; 注释\r\nnh,1=改过的问候\r\nxx,1=新的一句\r\n".encode("utf-16-le"))
    assert run(shop, "import", str(src), "--dry-run", "--group", "打招呼") == 0
    out = capsys.readouterr()
    assert out.out.splitlines() == ["2\tchanged\t打招呼\tnh\t改过的问候", "3\tnew\t打招呼\txx\t新的一句"]
    assert "dry run" in out.err
    assert run(shop, "find", "新的一句") == 0 and capsys.readouterr().out == ""
    assert run(shop, "import", str(src), "--group", "打招呼", "--json") == 0
    report = json.loads(capsys.readouterr().out)
    assert report["counts"] == {"new": 1, "changed": 1, "duplicate": 0, "error": 0}
    assert report["written"]["new"] == 1 and report["encoding"] == "utf-16-le"
    assert report["warnings"] == []
    assert run(shop, "find", "xx") == 0 and "新的一句" in capsys.readouterr().out


def test_import_with_errors_refused_unless_skipped(shop, tmp_path, capsys):
    src = tmp_path / "p.txt"
    src.write_text("ok,1=好的\n没有等号\na b,1=空格\n", encoding="utf-8")
    assert run(shop, "import", str(src), "--json") == 2
    report = json.loads(capsys.readouterr().out)
    assert report["errors"] == [
        {"line": 2, "message": report["errors"][0]["message"]},
        {"line": 3, "message": report["errors"][1]["message"]}]
    assert report["written"] is None
    assert run(shop, "import", str(src)) == 2
    err = capsys.readouterr().err
    assert "line 2:" in err and "line 3:" in err and "nothing was imported" in err
    assert run(shop, "find", "好的") == 0 and capsys.readouterr().out == ""
    assert run(shop, "import", str(src), "--skip-errors") == 0
    assert "group(s) added" in capsys.readouterr().err
    assert run(shop, "find", "好的") == 0 and "导入" in capsys.readouterr().out


def test_export_xlsx_and_sogou(shop, tmp_path, capsys):
    from openpyxl import load_workbook

    xlsx, txt = tmp_path / "r.xlsx", tmp_path / "r.txt"
    assert run(shop, "export", "--out", str(xlsx)) == 0
    rows = list(load_workbook(xlsx).active.iter_rows(values_only=True))
    assert len(rows) == 4 and rows[1][:2] == ("打招呼", "nh")
    assert run(shop, "export", "--out", str(txt), "--encoding", "utf-8") == 0
    assert txt.read_bytes().startswith("\ufeffnh,1=".encode())
    assert run(shop, "export", "--out", str(tmp_path / "r.doc")) == 2
    capsys.readouterr()


def shopdesk(*args) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k != ENV_VAR}
    return subprocess.run([sys.executable, "-m", "desk", *map(str, args)], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=60)


def test_as_a_separate_process(shop, tmp_path):
    proc = shopdesk("--data-dir", shop, "replies", "render", "nh", "--customer", "小雨点点")
    assert proc.returncode == 0 and proc.stdout == "小雨点点您好，欢迎光临暖暖小铺\n", proc.stderr
    junk = tmp_path / "junk.txt"
    junk.write_bytes(bytes(range(256)) * 10)
    proc = shopdesk("replies", "import", junk, "--data-dir", shop)
    assert proc.returncode == 2 and proc.stdout == ""
    assert proc.stderr.startswith("shopdesk: junk.txt is not a text file") and "Traceback" not in proc.stderr
    proc = shopdesk("--data-dir", shop, "replies", "render", "yh")
    assert proc.returncode == 2 and "金额" in proc.stderr


def test_import_warns_about_codes_and_placeholders(shop, tmp_path, capsys):
    src = tmp_path / "p.txt"
    src.write_text("NH,1=大写的代码\nzz,1=单号{单号}\n", encoding="utf-8")
    assert run(shop, "import", str(src), "--dry-run", "--json") == 0
    report = json.loads(capsys.readouterr().out)
    assert [(w["line"], w["kind"]) for w in report["warnings"]] == [
        (1, "duplicate_code"), (1, "upper_code"), (2, "unknown_placeholder")]
    assert run(shop, "import", str(src)) == 0
    assert "line 2: warning: {单号} is not a placeholder" in capsys.readouterr().err
