"""Tables of the quick-reply manager."""

from __future__ import annotations

from peewee import CharField, ForeignKeyField, IntegerField, TextField

from desk.core.base import Stamped, UtcField

# The chat stages the starter groups follow.
STAGES = (
    "greet", "ask", "recommend", "bargain", "confirm", "goodbye", "followup", "review",
    "aftersales", "shipping", "apology",
)


class ReplyGroup(Stamped):
    name = CharField(unique=True)
    stage = CharField(default="")
    position = IntegerField(default=0)


class Reply(Stamped):
    group = ForeignKeyField(ReplyGroup, backref="replies", on_delete="CASCADE")
    code = CharField(default="")
    body = TextField()
    body_abbr = CharField(default="")
    image_sha256 = CharField(default="")
    image_ext = CharField(default="")
    position = IntegerField(default=0)
    use_count = IntegerField(default=0)
    last_used_at = UtcField(null=True)
    deleted_at = UtcField(null=True)
