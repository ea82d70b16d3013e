"""The Simplified Chinese translation: complete, in step with the sources,
placeholders intact, and actually shown by the widgets."""

from __future__ import annotations

import re
import shutil
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, Qt

from desk.ui import i18n

LANGUAGE = "zh_CN"
TS = i18n.translations_dir() / f"shopdesk_{LANGUAGE}.ts"

# Contexts the code translates at run time with a variable source text, which
# lupdate cannot see: their entries are kept in the .ts by hand until the code
# spells the texts out (see resources/translations/README.md).

PLACEHOLDER = re.compile(r"\{[A-Za-z_][A-Za-z0-9_]*\}|%L?n")
TAG = re.compile(r"</?([A-Za-z][A-Za-z0-9]*)[^>]*>")
ACCELERATOR = re.compile(r"&(?!&)(?=\S)")


def messages(path: Path) -> Iterator[tuple[str, ET.Element]]:
    """(context name, <message>) for every message of a .ts file."""
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            yield name, message


def source(message: ET.Element) -> str:
    return message.findtext("source") or ""


def translations(message: ET.Element) -> list[str]:
    """The translated text, or each plural form of it."""
    translation = message.find("translation")
    if translation is None:
        return []
    if message.get("numerus") == "yes":
        return [form.text or "" for form in translation.iter("numerusform")]
    return [translation.text or ""]


def where(context: str, message: ET.Element) -> str:
    return f"[{context or '<no context>'}] {source(message)!r}"


def test_the_translation_file_is_for_its_language():
    assert ET.parse(TS).getroot().get("language") == LANGUAGE


def test_every_message_is_translated():
    problems = []
    for context, message in messages(TS):
        translation = message.find("translation")
        state = None if translation is None else translation.get("type")
        texts = translations(message)
        if state in ("unfinished", "vanished", "obsolete"):
            problems.append(f"{where(context, message)} is {state}")
        elif not texts or not all(t.strip() for t in texts):
            problems.append(f"{where(context, message)} has no translation")
    assert not problems, f"{TS.name}: {len(problems)} message(s) to fix:\n" + "\n".join(problems)


@pytest.fixture(scope="module")
def from_sources(tmp_path_factory) -> Path:
    """The committed .ts merged by lupdate with the strings in the code today."""
    merged = tmp_path_factory.mktemp("lupdate") / TS.name
    shutil.copyfile(TS, merged)
    i18n.lupdate(merged)
    return merged


def test_every_string_in_the_code_is_translated(from_sources):
    new = [where(context, message) for context, message in messages(from_sources)
           if (message.find("translation") is not None
               and message.find("translation").get("type") == "unfinished")]
    assert not new, (
        f"{len(new)} string(s) in the code are not translated in {TS.name}; run "
        "`python -m desk.ui.i18n update` and translate them:\n" + "\n".join(new))


def test_no_translation_is_left_over(from_sources):
    """Entries the code no longer uses (its text changed or went) are removed by
    `python -m desk.ui.i18n update`; only the hand-kept contexts stay."""
    found = {(context, source(message)) for context, message in messages(from_sources)}
    stale = [where(context, message) for context, message in messages(TS)
             if (context, source(message)) not in found]
    assert not stale, "no longer in the code; run `python -m desk.ui.i18n update`:\n" + "\n".join(stale)


def test_lupdate_sees_every_context(from_sources):
    seen = {context for context, _ in messages(from_sources)}
    # Labels and Errors use translate() at module level; UserError comes from core
    assert {"Labels", "Errors", "UserError"} <= seen
    assert "" not in seen, "tr() outside a class: lupdate files it under no context"


def test_placeholders_and_markup_are_kept():
    problems = []
    for context, message in messages(TS):
        text = source(message)
        for translated in translations(message):
            if not translated:
                continue  # reported by test_every_message_is_translated
            if set(PLACEHOLDER.findall(text)) != set(PLACEHOLDER.findall(translated)):
                problems.append(f"{where(context, message)}: placeholders "
                                f"{sorted(set(PLACEHOLDER.findall(text)))} became "
                                f"{sorted(set(PLACEHOLDER.findall(translated)))} in {translated!r}")
            if TAG.findall(text) != TAG.findall(translated):
                problems.append(f"{where(context, message)}: HTML tags differ in {translated!r}")
            if len(ACCELERATOR.findall(text)) != len(ACCELERATOR.findall(translated)):
                problems.append(f"{where(context, message)}: the &-accelerator is lost in {translated!r}")
    assert not problems, "\n".join(problems)


# --- the translation at run time -------------------------------------------------


@contextmanager
def chinese_ui(app, language: str = LANGUAGE) -> Iterator[None]:
    """The translators of `language` (zh_CN) installed on the application, then
    taken out again: the rest of the suite runs untranslated with the default locale."""
    from desk.core import presets

    i18n.compile_all()  # the .qm is build output: make it if missing or older than the .ts
    locale = QLocale()
    assert i18n.install(app, language) == language
    try:
        yield
    finally:
        presets.set_language("")
        for translator in getattr(app, "_translators", []):
            app.removeTranslator(translator)
        app._translators = []
        QLocale.setDefault(locale)


@pytest.fixture
def chinese(qapp) -> Iterator[None]:
    with chinese_ui(qapp):
        yield


def test_installed_translation_is_used(chinese):
    assert QCoreApplication.translate("MainWindow", "Customers") == "客户"
    assert QCoreApplication.translate("ListPage", "%Ln row(s)", "", 3) == "共 3 条"


def test_the_main_window_is_in_chinese(chinese, make_window):
    window = make_window()
    assert window.windowTitle() == "店铺客服台"
    assert [window.sidebar.item(row).text() for row in range(window.sidebar.count())] == [
        "今日待办", "客户", "售后", "快捷短语", "复盘"]
    assert [action.text() for action in window.menuBar().actions()] == [
        "文件(&F)", "编辑(&E)", "转到(&G)", "帮助(&H)"]
    window.go("aftersales")
    page = window.pages["aftersales"]
    assert page.title.text() == "售后"
    assert page.model.headerData(page.column_of("handler"), Qt.Orientation.Horizontal) == "处理人"


def test_the_row_count_is_in_chinese(chinese, make_window):
    window = make_window()
    assert window.pages["today"].count_label.text() == "共 0 条"


def test_settings_show_the_labels_in_chinese(chinese, qtbot, shop_db):
    from desk.ui.dialogs import SettingsDialog

    dialog = SettingsDialog()
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "设置"
    names = [dialog.platform.itemText(i) for i in range(dialog.platform.count())]
    assert names == ["淘宝", "天猫", "拼多多", "京东", "抖音", "微信", "其他"]
    assert dialog.language.itemText(0) == "跟随系统"


def test_every_label_is_translated(qapp):
    """The names of stored codes (platforms, groups, statuses...) all have a
    translation."""
    from desk.ui import labels

    tables = (labels.platforms, labels.lifecycles, labels.order_statuses, labels.case_kinds,
              labels.case_statuses, labels.languages)
    english = {table.__name__: table() for table in tables}
    english["errors"] = {"title": QCoreApplication.translate("Errors", "ShopDesk")}
    with chinese_ui(qapp):
        zh = {table.__name__: table() for table in tables}
        zh["errors"] = {"title": QCoreApplication.translate("Errors", "ShopDesk")}
    untranslated = [f"{table}: {code or '<empty>'} = {name!r}"
                    for table, names in english.items() for code, name in names.items()
                    # languages are named in themselves, except "follow the system"
                    if zh[table][code] == name and not (table == "languages" and code)]
    assert not untranslated, "shown in English in the Chinese UI:\n" + "\n".join(untranslated)


def test_user_errors_from_core_show_in_chinese(qapp):
    from desk.core.errors import UserError
    from desk.core.settings import OPTIONS
    from desk.ui.errors import user_message

    try:
        OPTIONS["deadline_warn_hours"].validate(0)
    except UserError as e:
        error = e
    assert str(error) == "Setting deadline_warn_hours: at least 1."
    with chinese_ui(qapp):
        assert user_message(error) == "设置项 deadline_warn_hours：不能小于 1。"
    assert user_message(error) == str(error)


def test_file_dialogs_speak_chinese(chinese, qtbot):
    """Qt's own strings come from qtbase_zh_CN plus our qtbase_extra_zh_CN for
    the labels Qt's file lacks ("&Look in:" gained its accelerator in Qt 6)."""
    from PySide6.QtWidgets import QFileDialog, QLabel

    dialog = QFileDialog(None, "x")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    qtbot.addWidget(dialog)
    shown = [label.text() for label in dialog.findChildren(QLabel)]
    assert shown == ["查找范围(&L)：", "文件名称(&N)：", "文件类型(&T)："]


# --- English: the source text, and the plural forms from shopdesk_en.ts -----------

EN_TS = i18n.translations_dir() / "shopdesk_en.ts"


def test_english_counts_use_plural_forms(qapp, make_window):
    with chinese_ui(qapp, "en"):
        assert QCoreApplication.translate("ListPage", "%Ln row(s)", "", 1) == "1 row"
        assert QCoreApplication.translate("ListPage", "%Ln row(s)", "", 1200) == "1,200 rows"
        assert QCoreApplication.translate("MainWindow", "Customers") == "Customers"
        window = make_window()
        assert window.pages["today"].count_label.text() == "0 rows"


def test_the_english_file_has_both_forms_of_every_plural(from_sources):
    assert ET.parse(EN_TS).getroot().get("language") == "en"
    plural = {(c, source(m)) for c, m in messages(from_sources) if m.get("numerus") == "yes"}
    english = {(c, source(m)): m for c, m in messages(EN_TS)}
    assert set(english) == plural, "run `python -m desk.ui.i18n update` and fill shopdesk_en.ts"
    problems = [where(c, m) for (c, _), m in english.items()
                if m.get("numerus") != "yes" or len(translations(m)) != 2
                or not all(t.strip() for t in translations(m))
                or m.find("translation").get("type") is not None
                or "(s)" in "".join(translations(m))]
    assert not problems, "\n".join(problems)


def test_shipped_presets_follow_the_english_ui(qapp, make_window):
    from desk.core.replies import service as replies

    with chinese_ui(qapp, "en"):
        window = make_window()
        window.go("replies")
        groups = window.pages["replies"].groups.model()
        shown = [groups.index(r, 0).data() for r in range(groups.rowCount())]
        assert shown[:3] == ["Greeting", "Asking", "Recommending"]
        window.go("aftersales")
        reasons = window.pages["aftersales"].filter_bar.reason
        assert "Quality problem" in [reasons.itemText(i) for i in range(reasons.count())]
        greet = next(g for g in replies.list_groups() if g.stage == "greet")
        replies.rename_group(greet.id, "开场白")
        assert greet.name == "打招呼"  # stored in Chinese, as the shop's data
        assert next(g for g in replies.list_groups() if g.stage == "greet").shown == "开场白"
