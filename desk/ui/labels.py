"""Translated names for the codes stored in the database."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

translate = QCoreApplication.translate


def platforms() -> dict[str, str]:
    return {
        "taobao": translate("Labels", "Taobao"),
        "tmall": translate("Labels", "Tmall"),
        "pdd": translate("Labels", "Pinduoduo"),
        "jd": translate("Labels", "JD"),
        "douyin": translate("Labels", "Douyin"),
        "wechat": translate("Labels", "WeChat"),
        "other": translate("Labels", "Other"),
    }


def lifecycles() -> dict[str, str]:
    return {
        "inquiry": translate("Labels", "Inquiry"),
        "unpaid": translate("Labels", "Unpaid"),
        "shipped": translate("Labels", "Shipped"),
        "customer": translate("Labels", "Customer"),
    }


def order_statuses() -> dict[str, str]:
    return {
        "unpaid": translate("Labels", "Awaiting payment"),
        "paid": translate("Labels", "Paid"),
        "shipped": translate("Labels", "Shipped"),
        "completed": translate("Labels", "Completed"),
        "closed": translate("Labels", "Closed"),
    }


def case_kinds() -> dict[str, str]:
    return {
        "refund_only": translate("Labels", "Refund only"),
        "return_refund": translate("Labels", "Return and refund"),
        "exchange": translate("Labels", "Exchange"),
        "reissue": translate("Labels", "Reissue"),
        "repair": translate("Labels", "Repair"),
        "compensation": translate("Labels", "Partial refund"),
    }


def case_statuses() -> dict[str, str]:
    return {
        "new": translate("Labels", "New"),
        "handling": translate("Labels", "Handling"),
        "awaiting_return": translate("Labels", "Awaiting return"),
        "returning": translate("Labels", "On its way back"),
        "received": translate("Labels", "Received"),
        "processing": translate("Labels", "Refund/reissue under way"),
        "done": translate("Labels", "Done"),
        "rejected": translate("Labels", "Rejected"),
        "closed": translate("Labels", "Closed"),
    }


def risks() -> dict[str, str]:
    """Risk flag codes (desk.core.customers.figures) as short badge names."""
    return {
        "aftersales": translate("Labels", "Many returns"),
        "review_risk": translate("Labels", "Review risk"),
        "risk_tag": translate("Labels", "Risk tag"),
        "never_pays": translate("Labels", "Orders without paying"),
    }


def risk_hints() -> dict[str, str]:
    """What each risk flag means, for a tooltip where the exact figures are not at hand."""
    return {
        "aftersales": translate("Labels", "Many after-sales cases for the orders paid."),
        "review_risk": translate("Labels", "Tagged as likely to leave a bad review."),
        "risk_tag": translate("Labels", "Has a tag from the risk category."),
        "never_pays": translate("Labels", "Has placed orders and never paid them."),
    }


def languages() -> dict[str, str]:
    # Each language is named in itself, so it can be found whatever the UI shows.
    return {"": translate("Labels", "Follow the system"), "en": "English", "zh_CN": "简体中文"}


def label(mapping: dict[str, str], code: str) -> str:
    return mapping.get(code, code)
