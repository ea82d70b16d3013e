"""Tables the whole app shares: settings, saved list views, import column presets."""

from __future__ import annotations

from peewee import CharField, IntegerField, TextField

from desk.core import dialect
from desk.core.base import BaseModel, FlagField, Stamped, UtcField


class Setting(BaseModel):
    key = CharField(primary_key=True)
    value = TextField()
    updated_at = UtcField()


def put_setting(key: str, text: str, now) -> None:
    """Write one setting row, replacing what the key held; a value the row
    already holds is not written again (the window's size saved on every
    close would otherwise count as a change that the closing backup copies)."""
    if Setting.select(Setting.value).where(Setting.key == key).scalar() == text:
        return
    if dialect.on_server():  # the server's upsert (peewee has no REPLACE there)
        (Setting.insert(key=key, value=text, updated_at=now)
         .on_conflict(conflict_target=[Setting.key],
                      update={Setting.value: text, Setting.updated_at: now}).execute())
    else:
        Setting.replace(key=key, value=text, updated_at=now).execute()


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
