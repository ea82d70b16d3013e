"""Tables the whole app shares: settings, saved list views, import column presets."""

from __future__ import annotations

from peewee import CharField, IntegerField, TextField

from desk.core.base import BaseModel, FlagField, Stamped, UtcField


class Setting(BaseModel):
    key = CharField(primary_key=True)
    value = TextField()
    updated_at = UtcField()


class SavedView(Stamped):
    page = CharField()
    name = CharField()
    state = TextField()
    builtin = FlagField(default=False)
    position = IntegerField(default=0)


class ImportPreset(Stamped):
    name = CharField(unique=True)
    platform = CharField()
    mapping = TextField()
