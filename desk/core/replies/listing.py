"""Quick-reply groups and the phrases of a group, as views read them."""

from __future__ import annotations

from desk.core.listing import Filter, Listing
from desk.core.replies.models import ReplyGroup

REPLIES = Listing(
    source="reply r",
    id_sql="r.id",
    fields={
        "position": "r.position",
        "code": "r.code",
        "body": "r.body",
        "use_count": "r.use_count",
        "last_used_at": "r.last_used_at",
    },
    base_where="r.deleted_at IS NULL",
    default_sort="position",
)


def in_group(group_id: int) -> Filter:
    return Filter("r.group_id = ?", (group_id,))


def groups() -> list[tuple[int, str]]:
    """(id, name) of every group, in order."""
    return [(g.id, g.name) for g in ReplyGroup.select().order_by(ReplyGroup.position, ReplyGroup.id)]
