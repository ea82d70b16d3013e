"""The starter library (resources/replies/starter.json): well-formed, in the shop's groups."""

from __future__ import annotations

import json

from desk.core.replies import placeholders
from desk.core.replies.service import BODY_MAX, CODE_MAX
from desk.core.resources import db_file, resource


def starter() -> list[dict]:
    return json.loads(resource("replies", "starter.json").read_text("utf-8"))


def test_starter_parses_into_80_to_120_phrases():
    phrases = starter()
    assert 80 <= len(phrases) <= 120
    for p in phrases:
        assert set(p) == {"group", "code", "body"}, p
        assert all(isinstance(v, str) for v in p.values()), p


def test_every_group_is_a_seeded_group_and_each_has_phrases():
    seeded = {g["name"] for g in json.loads(db_file("seed", "reply_groups.json").read_text("utf-8"))}
    used = [p["group"] for p in starter()]
    assert set(used) == seeded
    assert min(used.count(g) for g in seeded) >= 5


def test_codes_are_short_lower_case_unique_and_prefix_free():
    codes = [p["code"] for p in starter()]
    for code in codes:
        assert code and code.isascii() and code.isalnum() and code == code.lower(), code
        assert len(code) <= CODE_MAX
    assert len(set(codes)) == len(codes)
    clashes = [(a, b) for a in codes for b in codes if a != b and b.startswith(a)]
    assert clashes == []


def test_texts_are_clean_and_use_known_placeholders_only():
    seen = set()
    for p in starter():
        body = p["body"]
        assert body == body.strip() and 0 < len(body) <= BODY_MAX
        assert placeholders.unknown(body) == [], body
        assert body not in seen, body
        seen.add(body)
        for t in placeholders.tokens(body):
            if t.kind == "known":
                assert t.text == "{" + t.name + "}", t  # the file spells names in English
            else:
                assert t.kind == "prompt" and t.text == "{?" + t.name + "}", t
    # the library shows the placeholders off: every known name but the time is used
    used = {t.name for p in starter() for t in placeholders.tokens(p["body"]) if t.kind == "known"}
    assert set(placeholders.NAMES) - used <= {"time"}
