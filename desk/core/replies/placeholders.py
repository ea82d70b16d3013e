"""Placeholders in phrases: `{nickname}` and the like filled from the buyer and
case in hand, and prompted fields `{?label}` asked for when the phrase is used.

A placeholder is `{` + a name + `}` on one line, at most NAME_MAX characters
inside. Names are English (`{order_no}`) or their Chinese alias (`{订单号}`);
`{?label}` (or `{？label}`, as a Chinese keyboard types it) is a prompted
field. Any other `{...}` is an unknown placeholder: left as written and
pointed out by the editor and the lint check. A brace that opens no
placeholder is plain text, so parsing never fails.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, tzinfo

from desk.core import timeutil
from desk.core.base import database

NAMES = ("nickname", "order_no", "tracking_no", "carrier", "shop_name", "date", "time", "clipboard")
ALIASES: dict[str, str] = {
    "昵称": "nickname", "买家昵称": "nickname", "旺旺号": "nickname",
    "订单号": "order_no", "订单编号": "order_no",
    "快递单号": "tracking_no", "运单号": "tracking_no", "物流单号": "tracking_no",
    "快递公司": "carrier", "快递": "carrier", "物流公司": "carrier",
    "店铺名": "shop_name", "店名": "shop_name", "店铺名称": "shop_name",
    "日期": "date", "时间": "time", "剪贴板": "clipboard",
}
# The alias the zh_CN editor inserts and shows for each name.
ALIAS_OF: dict[str, str] = {
    "nickname": "昵称", "order_no": "订单号", "tracking_no": "快递单号", "carrier": "快递公司",
    "shop_name": "店铺名", "date": "日期", "time": "时间", "clipboard": "剪贴板",
}
# What each known placeholder stands for, in words (the CLI names a missing one so).
DESCRIPTIONS: dict[str, str] = {
    "nickname": "buyer nickname", "order_no": "order number", "tracking_no": "tracking number",
    "carrier": "carrier", "shop_name": "shop name", "date": "date", "time": "time",
    "clipboard": "clipboard text",
}
NAME_MAX = 32
_TOKEN = re.compile(r"\{([^{}\n]{1," + str(NAME_MAX) + r"})\}")
_PROMPT_MARKS = ("?", "？")


@dataclass(frozen=True)
class Context:
    """What the known placeholders are filled with; '' where nothing is known."""

    nickname: str = ""
    order_no: str = ""
    tracking_no: str = ""
    carrier: str = ""
    shop_name: str = ""
    now: datetime | None = None  # UTC; None: the moment of rendering
    clipboard: str = ""
    tz: tzinfo | None = None  # the shop's time zone; None: this computer's
    case_no: str = ""  # the case the context was built for (not a placeholder)


@dataclass(frozen=True)
class Token:
    kind: str  # known | prompt | unknown
    text: str  # as written, braces included
    name: str  # the English name (known), the label (prompt), the inside (unknown)
    start: int
    end: int


def classify(inner: str) -> tuple[str, str]:
    """(kind, name) of what is written between the braces."""
    stripped = inner.strip()
    if stripped[:1] in _PROMPT_MARKS:
        label = stripped[1:].strip()
        return ("prompt", label) if label else ("unknown", inner)
    name = ALIASES.get(stripped) or stripped.lower()
    return ("known", name) if name in NAMES else ("unknown", inner)


def tokens(body: str) -> list[Token]:
    """Every placeholder in the text, in order."""
    out = []
    for m in _TOKEN.finditer(str(body)):
        kind, name = classify(m.group(1))
        out.append(Token(kind, m.group(0), name, m.start(), m.end()))
    return out


def segments(body: str) -> list[tuple[str, str]]:
    """The text cut into (kind, text) pieces for the editor's preview;
    kind is text, known, prompt or unknown. Joined, they give back the text."""
    body = str(body)
    out: list[tuple[str, str]] = []
    at = 0
    for t in tokens(body):
        if t.start > at:
            out.append(("text", body[at:t.start]))
        out.append((t.kind, t.text))
        at = t.end
    if at < len(body):
        out.append(("text", body[at:]))
    return out


def prompts(body: str) -> list[str]:
    """Labels of the prompted fields, in order of first appearance, each once."""
    return list(dict.fromkeys(t.name for t in tokens(body) if t.kind == "prompt"))


def unknown(body: str) -> list[str]:
    """What is written inside each unknown placeholder, each once."""
    return list(dict.fromkeys(t.name for t in tokens(body) if t.kind == "unknown"))


def missing_answers(body: str, answers: dict[str, str] | None) -> list[str]:
    """Prompted fields of the text that `answers` does not fill."""
    given = answers or {}
    return [label for label in prompts(body) if label not in given]


def value(name: str, ctx: Context, localised: bool = False) -> str:
    """The text a known placeholder becomes."""
    if name in ("date", "time"):
        moment = (ctx.now or timeutil.now()).astimezone(ctx.tz)
        if name == "time":
            return f"{moment:%H:%M}"
        return f"{moment.year}年{moment.month}月{moment.day}日" if localised else f"{moment:%Y-%m-%d}"
    return str(getattr(ctx, name) or "")


def render(body: str, ctx: Context, answers: dict[str, str] | None = None,
           localised: bool = False) -> str:
    """The text with its placeholders filled. A known placeholder with nothing
    to fill becomes ''; a prompted field without an answer and an unknown
    placeholder are left as written (see `missing_answers` to refuse those).
    `localised` writes the date the Chinese way (2024年5月1日), else 2024-05-01."""
    body = str(body)
    given = answers or {}
    out = []
    at = 0
    for t in tokens(body):
        out.append(body[at:t.start])
        if t.kind == "known":
            out.append(value(t.name, ctx, localised))
        elif t.kind == "prompt" and t.name in given:
            out.append(str(given[t.name]))
        else:
            out.append(t.text)
        at = t.end
    out.append(body[at:])
    return "".join(out)


# -- filling safely: nothing half-filled goes to a buyer -----------------------------


@dataclass(frozen=True)
class Gap:
    """A placeholder a phrase cannot be sent without: a known one with nothing
    to fill it (no buyer selected, no shop name), a prompted field not
    answered, or an unknown placeholder. `key` is what `answers` gives it by:
    the English name (known), the label (prompt), the inside (unknown)."""

    kind: str  # known | prompt | unknown
    key: str
    text: str  # the first spelling in the phrase, braces included

    def describe(self) -> str:
        """In English words, e.g. 'shop name ({shop_name})'."""
        if self.kind == "known":
            return f"{DESCRIPTIONS.get(self.key, self.key)} ({self.text})"
        if self.kind == "prompt":
            return f"{self.key} ({self.text})"
        return f"unknown placeholder {self.text}"


@dataclass(frozen=True)
class Filled:
    """A phrase filled in: `text` with every gap left as written, `missing` the
    gaps (each once, in order), `parts` the text cut into (piece, gap key or
    None) so a preview can mark what is missing."""

    text: str
    missing: tuple[Gap, ...]
    parts: tuple[tuple[str, str | None], ...]

    @property
    def complete(self) -> bool:
        return not self.missing


def answer_key(name: str) -> str:
    """The key an answer given as `name` fills: a known placeholder's English
    name or alias becomes the English name (`店铺名` -> `shop_name`), anything
    else (a prompted field's label) stays as it is."""
    name = name.strip()
    kind, known = classify(name)
    return known if kind == "known" else name


def fill(body: str, ctx: Context, answers: dict[str, str] | None = None,
         localised: bool = False) -> Filled:
    """The phrase filled from `ctx` and `answers`, and what is still missing.
    A known placeholder takes its value from the context, else from
    `answers[name]`; a prompted field from `answers[label]`; an unknown one
    only from `answers[inside]`. An empty or blank value counts as missing,
    so a phrase is only `complete` when every placeholder has real text."""
    body = str(body)
    given = {k: str(v).strip() for k, v in (answers or {}).items()}
    parts: list[tuple[str, str | None]] = []
    missing: dict[tuple[str, str], Gap] = {}
    at = 0
    for t in tokens(body):
        if t.start > at:
            parts.append((body[at:t.start], None))
        key = t.name
        text = value(t.name, ctx, localised) if t.kind == "known" else ""
        if not text:
            text = given.get(key, "")
        if text:
            parts.append((text, None))
        else:
            missing.setdefault((t.kind, key), Gap(t.kind, key, t.text))
            parts.append((t.text, key))
        at = t.end
    if at < len(body):
        parts.append((body[at:], None))
    return Filled("".join(p for p, _ in parts), tuple(missing.values()), tuple(parts))


# -- filling from the shop's data ---------------------------------------------------


def _shop_name() -> str:
    from desk.core import settings

    try:
        return str(settings.get("shop_name") or "")
    except Exception:  # noqa: BLE001 - a damaged settings table must not stop a reply
        return ""


def _order(where: str, params: tuple) -> tuple[str, str, str] | None:
    row = database.execute_sql(
        f"SELECT order_no, tracking_no, carrier FROM shop_order WHERE {where}"
        " ORDER BY placed_at DESC, id DESC LIMIT 1", params).fetchone()
    return None if row is None else (row[0] or "", row[1] or "", row[2] or "")


def context_for(customer_id: int | None = None, case_id: int | None = None,
                clipboard: str = "") -> Context:
    """The context of the customer and case selected in the app: the nickname,
    the order of the case (else the customer's latest order), the shop's name.
    A case sent again (a reissue) gives its own carrier and tracking number."""
    nickname = order_no = tracking_no = carrier = case_no = ""
    order_id = reissue = None
    if case_id is not None:
        row = database.execute_sql(
            "SELECT customer_id, order_id, reissue_carrier, reissue_tracking_no, case_no"
            " FROM aftersales_case WHERE id = ?", (case_id,)).fetchone()
        if row is not None:
            customer_id = row[0] if customer_id is None else customer_id
            order_id = row[1]
            case_no = row[4] or ""
            if row[3]:
                reissue = (row[2] or "", row[3])
    if customer_id is not None:
        row = database.execute_sql("SELECT nickname FROM customer WHERE id = ?",
                                   (customer_id,)).fetchone()
        nickname = row[0] if row else ""
    found = None
    if order_id is not None:
        found = _order("id = ?", (order_id,))
    if found is None and customer_id is not None:
        found = _order("customer_id = ?", (customer_id,))
    if found is not None:
        order_no, tracking_no, carrier = found
    if reissue is not None:
        carrier, tracking_no = reissue
    return Context(nickname=nickname, order_no=order_no, tracking_no=tracking_no, carrier=carrier,
                   shop_name=_shop_name(), now=timeutil.now(), clipboard=str(clipboard or ""),
                   case_no=case_no)
