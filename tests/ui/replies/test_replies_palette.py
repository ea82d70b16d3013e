"""The quick-reply palette: type, choose with the keys, Enter copies the phrase
filled in for the selected buyer, counts the use and hides; Esc hides."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QColor, QGuiApplication, QImage, QKeySequence
from PySide6.QtWidgets import QDialog

from desk.core import settings, timeutil
from desk.core.aftersales import service as aftersales
from desk.core.customers import service as customers
from desk.core.orders.models import Order
from desk.core.replies import service
from desk.core.replies.models import Reply, ReplyGroup
from desk.ui import selection as current
from desk.ui import undo
from desk.ui.replies.models import PhrasesModel
from desk.ui.replies.palette import Palette, add_action, show_palette

from tests.ui.helpers import answering, column_texts, type_text

ENTER = Qt.Key.Key_Return
# The offscreen platform says this whenever a tool window (the palette) is shown.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support raise", extend=True)


@pytest.fixture(autouse=True)
def fresh():
    undo.reset()
    current.reset()
    QGuiApplication.clipboard().setText("before")
    yield
    current.reset()


def gid(name: str) -> int:
    return ReplyGroup.get(ReplyGroup.name == name).id


@pytest.fixture
def buyer() -> int:
    cid = customers.create("taobao", "小雨点点")
    Order.create(customer=cid, platform="taobao", order_no="4000000000000000001", status="shipped",
                 placed_at=timeutil.now(), carrier="中通快递", tracking_no="ZT778899")
    return cid


@pytest.fixture
def phrases() -> dict[str, int]:
    ship, bargain = gid("物流快递"), gid("议价")
    return {
        "fh": service.add_phrase(ship, "{nickname}，您的包裹走{carrier}，单号{tracking_no}", "fh"),
        "fhs": service.add_phrase(ship, "今天下午统一发货", "fhs"),
        "yh": service.add_phrase(bargain, "给您优惠{?优惠金额}元，{?赠品}也送您", "yh"),
        "xx": service.add_phrase(bargain, "谢谢亲的惠顾", ""),
    }


@pytest.fixture
def palette(qtbot, window, phrases):
    palette = show_palette(window)
    qtbot.waitExposed(palette)
    assert palette.isVisible() and palette.field.hasFocus() or palette.field.text() == ""
    return palette


def results(palette) -> list[str]:
    return column_texts(palette.list, PhrasesModel.TEXT)


def uses(pid: int) -> int:
    return Reply.get_by_id(pid).use_count


def test_code_then_enter_copies_the_filled_phrase_and_hides(qtbot, palette, phrases, buyer):
    current.set_customer(buyer)
    assert palette.windowFlags() & Qt.WindowType.WindowStaysOnTopHint
    # it says whom it fills in for
    assert palette.target.text() == "For 小雨点点 · order 4000000000000000001"
    qtbot.keyClicks(palette.field, "fh")
    # exact code first, then the code it starts
    assert results(palette) == ["{nickname}，您的包裹走{carrier}，单号{tracking_no}", "今天下午统一发货"]
    # the chosen phrase is shown filled in, with nothing to ask
    assert palette.preview.text() == "小雨点点，您的包裹走中通快递，单号ZT778899"
    assert palette.gap_fields == {} and not palette.gaps_box.isVisible()
    qtbot.keyClick(palette.field, ENTER)
    assert QGuiApplication.clipboard().text() == "小雨点点，您的包裹走中通快递，单号ZT778899"
    assert uses(phrases["fh"]) == 1
    assert not palette.isVisible()
    # the copy confirms itself, then the note goes away by itself
    assert palette.copied.isVisible() and palette.copied.text() == "Copied"
    qtbot.waitUntil(lambda: not palette.copied.isVisible(), timeout=60_000)


GREETING = "{nickname}，您好～欢迎来到{shop_name}，我是今天的值班客服"


def marked(palette) -> list[str]:
    """The values the preview marks as missing."""
    import re

    return re.findall(r'<span style="[^"]*">([^<]*)</span>', palette.preview.text())


def test_nothing_half_filled_is_copied_until_each_value_is_given(qtbot, palette, phrases):
    hy = service.add_phrase(gid("打招呼"), GREETING, "hyy")
    assert settings.get("shop_name") == ""
    qtbot.keyClicks(palette.field, "hyy")
    assert palette.target.text() == "No buyer selected: their details are asked for below"
    assert marked(palette) == ["{nickname}", "{shop_name}"]
    labels = [palette.gaps_form.labelForField(f).text() for f in palette.gap_fields.values()]
    assert labels == ["Buyer's nickname:", "Shop name:"]
    qtbot.keyClick(palette.field, ENTER)
    # refused: nothing copied, the palette stays, the first empty field is next
    assert QGuiApplication.clipboard().text() == "before"
    assert uses(hy) == 0
    assert palette.isVisible()
    assert palette.hint.text() == "Fill in the marked values to copy, or choose a phrase without them"
    nickname, shop = palette.gap_fields.values()
    assert palette.focusWidget() is nickname
    type_text(qtbot, nickname, "小雨点点")
    assert marked(palette) == ["{shop_name}"]
    assert palette.preview.text().startswith("小雨点点，您好～欢迎来到")
    qtbot.keyClick(nickname, ENTER)  # still one missing
    assert QGuiApplication.clipboard().text() == "before" and palette.isVisible()
    type_text(qtbot, shop, "   ")  # blank is not a value
    qtbot.keyClick(shop, ENTER)
    assert QGuiApplication.clipboard().text() == "before" and palette.isVisible()
    shop.clear()
    type_text(qtbot, shop, "暖暖小铺")
    assert marked(palette) == []
    qtbot.keyClick(shop, ENTER)
    assert QGuiApplication.clipboard().text() == "小雨点点，您好～欢迎来到暖暖小铺，我是今天的值班客服"
    assert uses(hy) == 1
    assert not palette.isVisible() and palette.copied.text() == "Copied"


def test_choosing_a_phrase_without_the_missing_value_copies_it(qtbot, palette, phrases):
    qtbot.keyClicks(palette.field, "fh")
    assert marked(palette) == ["{nickname}", "{carrier}", "{tracking_no}"]
    qtbot.keyClick(palette.field, ENTER)
    assert QGuiApplication.clipboard().text() == "before"
    qtbot.keyClick(palette.field, Qt.Key.Key_Down)
    assert marked(palette) == [] and not palette.gaps_box.isVisible()
    assert palette.hint.text() == "↑↓ choose   Enter copy   Esc close"
    qtbot.keyClick(palette.field, ENTER)
    assert QGuiApplication.clipboard().text() == "今天下午统一发货"


def test_the_shop_name_from_settings_is_filled_in(qtbot, window, palette, phrases, buyer):
    service.add_phrase(gid("打招呼"), GREETING, "hyy")
    settings.set("shop_name", "暖暖小铺")
    current.set_customer(buyer)
    palette.hide()
    show_palette(window)
    qtbot.keyClicks(palette.field, "hyy")
    assert palette.preview.text() == "小雨点点，您好～欢迎来到暖暖小铺，我是今天的值班客服"
    qtbot.keyClick(palette.field, ENTER)
    assert QGuiApplication.clipboard().text() == "小雨点点，您好～欢迎来到暖暖小铺，我是今天的值班客服"


def test_arrows_choose_and_pinyin_initials_find(qtbot, palette, phrases):
    type_text(qtbot, palette.field, "xx")  # 谢谢 -> xx
    assert results(palette) == ["谢谢亲的惠顾"]
    palette.field.clear()
    qtbot.keyClicks(palette.field, "fh")
    qtbot.keyClick(palette.field, Qt.Key.Key_Down)
    qtbot.keyClick(palette.field, Qt.Key.Key_Down)  # stays on the last
    qtbot.keyClick(palette.field, Qt.Key.Key_Up)
    qtbot.keyClick(palette.field, Qt.Key.Key_Down)
    assert palette.current_row() == 1
    qtbot.keyClick(palette.field, ENTER)
    assert QGuiApplication.clipboard().text() == "今天下午统一发货"
    assert (uses(phrases["fhs"]), uses(phrases["fh"])) == (1, 0)


def test_the_most_used_come_first_when_nothing_is_typed(qtbot, window, palette, phrases):
    service.record_use(phrases["xx"])
    palette.hide()
    again = show_palette(window)
    assert again is palette  # built once, reused
    assert palette.field.text() == ""
    assert results(palette)[0] == "谢谢亲的惠顾"


def test_prompted_fields_are_filled_in_right_there(qtbot, palette, phrases):
    qtbot.keyClicks(palette.field, "yh")
    first, second = palette.gap_fields.values()
    assert [palette.gaps_form.labelForField(f).text() for f in (first, second)] == ["优惠金额:", "赠品:"]
    type_text(qtbot, first, "20")
    type_text(qtbot, second, "袜子")
    assert palette.preview.text() == "给您优惠20元，袜子也送您"
    qtbot.keyClick(second, ENTER)
    assert QGuiApplication.clipboard().text() == "给您优惠20元，袜子也送您"
    assert uses(phrases["yh"]) == 1
    assert not palette.isVisible()


def test_escape_from_a_field_copies_nothing_and_answers_are_forgotten(qtbot, window, palette, phrases):
    qtbot.keyClicks(palette.field, "yh")
    first, _ = palette.gap_fields.values()
    type_text(qtbot, first, "20")
    qtbot.keyClick(first, Qt.Key.Key_Escape)
    assert not palette.isVisible()
    assert QGuiApplication.clipboard().text() == "before"
    assert uses(phrases["yh"]) == 0
    show_palette(window)
    qtbot.keyClicks(palette.field, "yh")
    assert [f.text() for f in palette.gap_fields.values()] == ["", ""]


def test_escape_hides(qtbot, palette, phrases):
    qtbot.keyClicks(palette.field, "fh")
    qtbot.keyClick(palette.field, Qt.Key.Key_Escape)
    assert not palette.isVisible()
    assert QGuiApplication.clipboard().text() == "before"
    assert uses(phrases["fh"]) == 0


def test_a_phrase_with_a_picture_copies_both(qtbot, tmp_path, palette, phrases):
    picture = tmp_path / "尺码表.png"
    image = QImage(40, 30, QImage.Format.Format_RGB32)
    image.fill(QColor("#3366cc"))
    assert image.save(str(picture))
    service.update_phrase(phrases["fhs"], image=picture)
    qtbot.keyClicks(palette.field, "fhs")
    assert palette.model.index(0, PhrasesModel.IMAGE).data(Qt.ItemDataRole.DecorationRole) is not None
    qtbot.keyClick(palette.field, ENTER)
    data = QGuiApplication.clipboard().mimeData()
    assert data.text() == "今天下午统一发货"
    assert data.hasImage()
    copied = QImage(data.imageData())
    assert (copied.width(), copied.height()) == (40, 30)


def test_a_case_fills_in_its_own_order_then_back_to_the_buyer(qtbot, window, palette, phrases, buyer):
    first = Order.get(Order.customer == buyer)
    Order.create(customer=buyer, platform="taobao", order_no="4000000000000000002", status="shipped",
                 placed_at=timeutil.now(), carrier="顺丰速运", tracking_no="SF1234")
    case = aftersales.open_case(buyer, "return_refund", "quality", order_id=first.id)

    def send_fh() -> str:
        show_palette(window)
        qtbot.keyClicks(palette.field, "fh")
        qtbot.keyClick(palette.field, ENTER)
        return QGuiApplication.clipboard().text()

    current.set_customer(buyer)
    assert send_fh().endswith("顺丰速运，单号SF1234")  # the buyer's latest order
    current.set_case(case)
    assert send_fh().endswith("中通快递，单号ZT778899")  # the case's order
    case_no = aftersales.get_case(case).case_no
    assert palette.target.text() == f"For 小雨点点 · case {case_no} · order 4000000000000000001"
    current.set_case(None)
    assert send_fh() == "小雨点点，您的包裹走顺丰速运，单号SF1234"
    assert palette.target.text() == "For 小雨点点 · order 4000000000000000002"
    current.set_customer(None)
    # no buyer: nothing like "，您的包裹走，单号" is copied
    assert send_fh() == "小雨点点，您的包裹走顺丰速运，单号SF1234"
    assert palette.isVisible() and len(palette.gap_fields) == 3


def test_f9_opens_it_from_the_main_window_and_from_a_modal_dialog(qtbot, window, phrases):
    go = window.findChild(QAction, "actionReplyPalette")  # the Go menu's entry
    assert go.shortcut() == QKeySequence("F9")
    assert window.findChild(Palette) is None  # not built until wanted
    qtbot.keyClick(window, Qt.Key.Key_F9)
    palette = window.findChild(Palette, "replyPalette")
    assert palette.isVisible() and palette.field.text() == ""
    qtbot.keyClick(palette.field, Qt.Key.Key_Escape)
    assert not palette.isVisible()

    def in_dialog(dialog: QDialog) -> None:
        add_action(dialog)
        qtbot.keyClick(dialog, Qt.Key.Key_F9)
        assert palette.isVisible()
        # a modal dialog blocks other windows, not its own children
        assert palette.parentWidget() is dialog
        qtbot.keyClicks(palette.field, "fhs")
        qtbot.keyClick(palette.field, ENTER)
        assert not palette.isVisible()
        assert palette.parentWidget() is window  # back home before the dialog goes
        dialog.accept()

    dialog = QDialog(window)
    dialog.setObjectName("someCaseDialog")
    with answering(QDialog, in_dialog):
        dialog.exec()
    assert QGuiApplication.clipboard().text() == "今天下午统一发货"
    assert uses(phrases["fhs"]) == 1


def test_the_results_model_passes_the_model_tester(qtbot, qtmodeltester, palette):
    qtbot.keyClicks(palette.field, "f")
    assert palette.model.rowCount() == 2
    qtmodeltester.check(palette.model)
