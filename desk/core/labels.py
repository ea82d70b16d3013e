"""The names of the codes stored in the database (platform, group, order and
case status, case kind, responsibility), in English marked for translation
(context "Labels"), without Qt: the app shows them through Qt's translator,
the CLI's exports through desk.core.excel.translations, and the imports of our
own exports recognise them in every language ShopDesk has."""

from __future__ import annotations

from collections.abc import Callable, Mapping

from desk.core.errors import QT_TRANSLATE_NOOP

Translate = Callable[[str, str], str]

PLATFORMS = {
    "taobao": QT_TRANSLATE_NOOP("Labels", "Taobao"),
    "tmall": QT_TRANSLATE_NOOP("Labels", "Tmall"),
    "pdd": QT_TRANSLATE_NOOP("Labels", "Pinduoduo"),
    "jd": QT_TRANSLATE_NOOP("Labels", "JD"),
    "douyin": QT_TRANSLATE_NOOP("Labels", "Douyin"),
    "wechat": QT_TRANSLATE_NOOP("Labels", "WeChat"),
    "other": QT_TRANSLATE_NOOP("Labels", "Other"),
}
LIFECYCLES = {
    "inquiry": QT_TRANSLATE_NOOP("Labels", "Inquiry"),
    "unpaid": QT_TRANSLATE_NOOP("Labels", "Unpaid"),
    "shipped": QT_TRANSLATE_NOOP("Labels", "Shipped"),
    "customer": QT_TRANSLATE_NOOP("Labels", "Customer"),
}
ORDER_STATUSES = {
    "unpaid": QT_TRANSLATE_NOOP("Labels", "Awaiting payment"),
    "paid": QT_TRANSLATE_NOOP("Labels", "Paid"),
    "shipped": QT_TRANSLATE_NOOP("Labels", "Shipped"),
    "completed": QT_TRANSLATE_NOOP("Labels", "Completed"),
    "closed": QT_TRANSLATE_NOOP("Labels", "Closed"),
}
CASE_KINDS = {
    "refund_only": QT_TRANSLATE_NOOP("Labels", "Refund only"),
    "return_refund": QT_TRANSLATE_NOOP("Labels", "Return and refund"),
    "exchange": QT_TRANSLATE_NOOP("Labels", "Exchange"),
    "reissue": QT_TRANSLATE_NOOP("Labels", "Reissue"),
    "repair": QT_TRANSLATE_NOOP("Labels", "Repair"),
    "compensation": QT_TRANSLATE_NOOP("Labels", "Partial refund"),
}
CASE_STATUSES = {
    "new": QT_TRANSLATE_NOOP("Labels", "New"),
    "handling": QT_TRANSLATE_NOOP("Labels", "Handling"),
    "awaiting_return": QT_TRANSLATE_NOOP("Labels", "Awaiting return"),
    "returning": QT_TRANSLATE_NOOP("Labels", "On its way back"),
    "received": QT_TRANSLATE_NOOP("Labels", "Received"),
    "processing": QT_TRANSLATE_NOOP("Labels", "Refund/reissue under way"),
    "done": QT_TRANSLATE_NOOP("Labels", "Done"),
    "rejected": QT_TRANSLATE_NOOP("Labels", "Rejected"),
    "closed": QT_TRANSLATE_NOOP("Labels", "Closed"),
}
# Who a case is put down to (a column of the after-sales export).
RESPONSIBILITIES = {
    "seller": QT_TRANSLATE_NOOP("Labels", "Shop"),
    "buyer": QT_TRANSLATE_NOOP("Labels", "Buyer"),
    "carrier": QT_TRANSLATE_NOOP("Labels", "Carrier"),
    "supplier": QT_TRANSLATE_NOOP("Labels", "Supplier"),
}

# code kind (as desk.core.excel.exports names its coded columns) -> code -> English name
CODES: dict[str, dict[str, str]] = {
    "platform": PLATFORMS, "lifecycle": LIFECYCLES, "order_status": ORDER_STATUSES,
    "case_kind": CASE_KINDS, "case_status": CASE_STATUSES, "responsibility": RESPONSIBILITIES,
}
# the languages ShopDesk is translated into, besides English
LANGUAGES = ("zh_CN",)


def names(kind: str, translate: Translate | None = None) -> dict[str, str]:
    """code -> name of one code kind, translated by `translate(context, text)`."""
    table = CODES[kind]
    if translate is None:
        return dict(table)
    return {code: translate("Labels", text) for code, text in table.items()}


def all_names(translate: Translate | None = None) -> dict[str, dict[str, str]]:
    """Every code kind's names (what an export writes for the stored codes)."""
    return {kind: names(kind, translate) for kind in CODES}


def _folded(text: str) -> str:
    return " ".join(str(text).split()).casefold()


_READ_BACK: dict[str, dict[str, str]] = {}
# names earlier versions wrote, so their exports still read back
_FORMER_NAMES: dict[str, dict[str, str]] = {"lifecycle": {"Asked": "inquiry"}}


def read_back(kind: str) -> Mapping[str, str]:
    """Folded text -> code: the stored code and its name in English and in
    every translation, so a file we exported reads back whatever language it
    was written in."""
    table = _READ_BACK.get(kind)
    if table is None:
        from desk.core.excel.translations import translator

        table = {}
        for language in ("en", *LANGUAGES):
            for code, name in names(kind, translator(language)).items():
                table.setdefault(_folded(name), code)
        for name, code in _FORMER_NAMES.get(kind, {}).items():
            table.setdefault(_folded(name), code)
        for code in CODES[kind]:
            table[_folded(code)] = code  # a code always means itself
        _READ_BACK[kind] = table
    return table


def code_of(kind: str, text: str, extra: Mapping[str, str] | None = None) -> str | None:
    """The code a cell means: a stored code, a name in any language ShopDesk
    has, or one of `extra` (code -> name, e.g. the names the app shows now)."""
    key = _folded(text)
    if not key:
        return None
    found = read_back(kind).get(key)
    if found is None and extra:
        found = {_folded(v): k for k, v in extra.items()}.get(key)
    return found
