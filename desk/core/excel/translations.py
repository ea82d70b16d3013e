"""Export headers in Chinese without Qt: the CLI reads the translations of
context "Export" from the bundled .ts file (the app uses Qt's translator)."""

from __future__ import annotations

from collections.abc import Callable

from desk.core.resources import resource


def translator(language: str | None) -> Callable[[str, str], str]:
    """translate(context, text) for `language`; English (unchanged) when
    there is no translation file for it or no entry for a text."""
    if not language or language == "en":
        return lambda context, text: text
    table = _load(language)
    return lambda context, text: table.get((context, text), text)


def _load(language: str) -> dict[tuple[str, str], str]:
    import xml.etree.ElementTree as ET

    node = resource("translations", f"shopdesk_{language}.ts")
    if not node.is_file():
        return {}
    with node.open("rb") as f:
        root = ET.parse(f).getroot()  # our own bundled file, not user input
    out = {}
    for context in root.iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is None or translation.get("type") in ("unfinished", "obsolete"):
                continue
            if translation.text:
                out[(name, message.findtext("source", ""))] = translation.text
    return out
