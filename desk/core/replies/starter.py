"""The starter library: phrases for every chat stage, offered on first run
and loadable later (resources/replies/starter.json)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from importlib.abc import Traversable
from pathlib import Path

from desk.core import changes, pinyin, timeutil
from desk.core.base import database
from desk.core.errors import QT_TRANSLATE_NOOP, UserError
from desk.core.replies import service
from desk.core.replies.models import Reply


@dataclass(frozen=True)
class StarterPhrase:
    group: str
    code: str
    body: str


def _source() -> Traversable:
    from desk.core.resources import resource

    return resource("replies", "starter.json")


def read_starter(source: Traversable | Path | None = None) -> list[StarterPhrase]:
    """The starter phrases, checked as the service checks what a person types."""
    node = _source() if source is None else source
    try:
        items = json.loads(node.read_text(encoding="utf-8"))
        return [StarterPhrase(service.clean_group_name(i["group"]), service.clean_code(i.get("code", "")),
                              service.clean_body(i["body"])) for i in items]
    except (OSError, ValueError, KeyError, TypeError, UserError) as e:
        raise UserError(QT_TRANSLATE_NOOP(
            "UserError", "The starter phrases that came with ShopDesk cannot be read ({reason}); "
            "reinstall ShopDesk."), reason=e) from None


def load_starter(source: Traversable | Path | None = None) -> int:
    """Add the starter phrases at the end of their groups (a group that is
    missing is added); phrases whose text is already in the library are
    skipped, and a code already in use is left off, so loading twice adds
    nothing. Returns how many were added."""
    phrases = read_starter(source)
    now = timeutil.to_epoch(timeutil.now())
    with changes.write(database) as pending:
        groups = {g.name.lower(): g.id for g in service.list_groups()}
        live = service.all_phrases()
        texts = {p.body for p in live}
        codes = {service.fold(p.code) for p in live if p.code}
        added = []
        for p in phrases:
            if p.body in texts:
                continue
            gid = groups.get(p.group.lower())
            if gid is None:
                gid = groups[p.group.lower()] = service.add_group(p.group)
            code = p.code if p.code and service.fold(p.code) not in codes else ""
            position = len(service.positions(gid))
            added.append(Reply.insert(group=gid, code=code, body=p.body, body_abbr=pinyin.abbr(p.body),
                                      position=position, created_at=now, updated_at=now).execute())
            texts.add(p.body)
            if code:
                codes.add(service.fold(code))
        pending.add(service.ENTITY, added)
    return len(added)
