"""Translated names for the codes stored in the database (the tables are
desk.core.labels, shared with the CLI's exports)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from desk.core import labels as core

translate = QCoreApplication.translate


def platforms() -> dict[str, str]:
    return core.names("platform", translate)


def lifecycles() -> dict[str, str]:
    return core.names("lifecycle", translate)


def order_statuses() -> dict[str, str]:
    return core.names("order_status", translate)


def case_kinds() -> dict[str, str]:
    return core.names("case_kind", translate)


def case_statuses() -> dict[str, str]:
    return core.names("case_status", translate)


def responsibilities() -> dict[str, str]:
    """Who a case is put down to, as a column shows it."""
    return core.names("responsibility", translate)


def all_codes() -> dict[str, dict[str, str]]:
    """The names of every kind of stored code (what an export writes for them)."""
    return core.all_names(translate)


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


def evidence_kinds() -> dict[str, str]:
    """What a case's photo shows."""
    return {
        "damage": translate("EvidencePanel", "Damage"),
        "package": translate("EvidencePanel", "Outer packaging"),
        "slip": translate("EvidencePanel", "Packing slip"),
        "chat": translate("EvidencePanel", "Chat screenshot"),
        "other": translate("EvidencePanel", "Other"),
    }
