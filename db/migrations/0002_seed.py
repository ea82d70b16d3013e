"""Seed a new database: preset tag categories, after-sales reasons, deadline rules, reply groups."""

from __future__ import annotations

import json
import sqlite3
import time

from desk.core.pinyin import abbr, full
from desk.core.resources import db_file


def _load(name: str):
    return json.loads(db_file("seed", name).read_text(encoding="utf-8"))


def migrate(conn: sqlite3.Connection) -> None:
    now = int(time.time())
    for cpos, cat in enumerate(_load("tags.json")):
        cur = conn.execute(
            "INSERT INTO tag_category(name, color, position, created_at, updated_at) VALUES (?,?,?,?,?)",
            (cat["name"], cat["color"], cpos, now, now),
        )
        for tpos, tag in enumerate(cat["tags"]):
            conn.execute(
                "INSERT INTO tag(category_id, name, description, position, name_py, name_abbr,"
                " created_at, updated_at) VALUES (?,?,?,?,?,?,?,?)",
                (cur.lastrowid, tag["name"], tag["description"], tpos,
                 full(tag["name"]), abbr(tag["name"]), now, now),
            )
    for pos, r in enumerate(_load("reasons.json")):
        conn.execute(
            "INSERT INTO aftersales_reason(code, name, is_quality, position) VALUES (?,?,?,?)",
            (r["code"], r["name"], r["is_quality"], pos),
        )
    deadlines = _load("deadlines.json")
    for platform in deadlines["platforms"]:
        for pos, rule in enumerate(deadlines["rules"]):
            conn.execute(
                "INSERT INTO deadline_rule(platform, key, start_status, condition, hours, position,"
                " created_at, updated_at) VALUES (?,?,?,?,?,?,?,?)",
                (platform, rule["key"], rule["start_status"], rule["condition"], rule["hours"],
                 pos, now, now),
            )
    for pos, g in enumerate(_load("reply_groups.json")):
        conn.execute(
            "INSERT INTO reply_group(name, stage, position, created_at, updated_at) VALUES (?,?,?,?,?)",
            (g["name"], g["stage"], pos, now, now),
        )
