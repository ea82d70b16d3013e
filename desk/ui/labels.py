"""Translated names for the codes stored in the database."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def _t(text: str) -> str:
    return QCoreApplication.translate("Labels", text)


def platforms() -> dict[str, str]:
    return {
        "taobao": _t("Taobao"), "tmall": _t("Tmall"), "pdd": _t("Pinduoduo"), "jd": _t("JD"),
        "douyin": _t("Douyin"), "wechat": _t("WeChat"), "other": _t("Other"),
    }


def lifecycles() -> dict[str, str]:
    return {"inquiry": _t("Asked"), "unpaid": _t("Unpaid"), "shipped": _t("Shipped"),
            "customer": _t("Customer")}


def order_statuses() -> dict[str, str]:
    return {"unpaid": _t("Awaiting payment"), "paid": _t("Paid"), "shipped": _t("Shipped"),
            "completed": _t("Completed"), "closed": _t("Closed")}


def case_kinds() -> dict[str, str]:
    return {"refund_only": _t("Refund only"), "return_refund": _t("Return and refund"),
            "exchange": _t("Exchange"), "reissue": _t("Reissue"), "repair": _t("Repair"),
            "compensation": _t("Partial refund")}


def case_statuses() -> dict[str, str]:
    return {"new": _t("New"), "handling": _t("Handling"), "awaiting_return": _t("Awaiting return"),
            "returning": _t("On its way back"), "received": _t("Received"),
            "processing": _t("Refund/reissue under way"), "done": _t("Done"),
            "rejected": _t("Rejected"), "closed": _t("Closed")}


def languages() -> dict[str, str]:
    # Each language is named in itself, so it can be found whatever the UI shows.
    return {"": _t("Follow the system"), "en": "English", "zh_CN": "简体中文"}


def label(mapping: dict[str, str], code: str) -> str:
    return mapping.get(code, code)
