"""The peewee base model, the database proxy and our column types.

Imported when the ORM is first used (the app starts without it): it binds
the proxy to the database the app opened (see desk.core.dbconn)."""

from __future__ import annotations

from peewee import BooleanField, CharField, DatabaseProxy, IntegerField, Model

from desk.core import dbconn, timeutil

database = DatabaseProxy()


class UtcField(IntegerField):
    """An instant, stored as UTC epoch seconds, read back as an aware datetime."""

    def db_value(self, value):
        if value is None or isinstance(value, int):
            return value
        return timeutil.to_epoch(value)

    def python_value(self, value):
        return None if value is None else timeutil.from_epoch(value)


class FenField(IntegerField):
    """Money in integer fen (1 yuan = 100 fen)."""


class FlagField(BooleanField):
    """0/1 in an integer column, on SQLite and on a server alike (a server's
    BOOLEAN would not compare with the 1 that SQL in both engines writes)."""

    def db_value(self, value):
        return None if value is None else int(bool(value))

    def is_set(self):
        """The flag as a condition (`where(Reason.active.is_set())`): a
        server, unlike SQLite, takes no integer for a truth value."""
        return self == 1


class BaseModel(Model):
    class Meta:
        database = database
        legacy_table_names = False


class Stamped(BaseModel):
    """Rows the user edits carry created_at and updated_at, and a version that
    every save through core bumps, with the staff name of the seat that saved
    (migration 0008; see desk/core/versions.py)."""

    created_at = UtcField(default=timeutil.now)
    updated_at = UtcField(default=timeutil.now)
    version = IntegerField(default=0)
    updated_by = CharField(default="")

    def save(self, *args, **kwargs):
        self.updated_at = timeutil.now()
        return super().save(*args, **kwargs)


dbconn.bind(database)  # the database the app opened without the ORM, if it did
