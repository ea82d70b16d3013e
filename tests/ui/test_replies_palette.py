"""The quick-reply palette: type, choose with the keys, Enter copies the phrase
filled in for the selected buyer, counts the use and hides; Esc hides."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QColor, QGuiApplication, QImage, QKeySequence
from PySide6.QtWidgets import QDialog

from desk.core import timeutil
from desk.core.aftersales import service as aftersales
from desk.core.customers import service as customers
from desk.core.orders.models import Order
from desk.core.replies import service
from desk.core.replies.models import Reply, ReplyGroup
from desk.ui import undo
from desk.ui.replies import current
from desk.ui.replies.fill import PromptDialog
from desk.ui.replies.models import PhrasesModel
from desk.ui.replies.palette import Palette, add_action, show_palette

from .helpers import answering, column_texts, type_text

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
    qtbot.keyClicks(palette.field, "fh")
    # exact code first, then the code it starts
    assert results(palette) == ["{nickname}，您的包裹走{carrier}，单号{tracking_no}", "今天下午统一发货"]
    qtbot.keyClick(palette.field, ENTER)
    assert QGuiApplication.clipboard().text() == "小雨点点，您的包裹走中通快递，单号ZT778899"
    assert uses(phrases["fh"]) == 1
    assert not palette.isVisible()


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


def test_prompted_fields_are_asked_before_copying(qtbot, palette, phrases):
    def answer(dialog: PromptDialog) -> None:
        first, second = dialog.fields.values()
        assert first.hasFocus()
        qtbot.keyClicks(first, "20")
        qtbot.keyClick(first, Qt.Key.Key_Tab)
        type_text(qtbot, second, "袜子")
        qtbot.keyClick(second, ENTER)

    qtbot.keyClicks(palette.field, "yh")
    with answering(PromptDialog, answer):
        qtbot.keyClick(palette.field, ENTER)
    assert QGuiApplication.clipboard().text() == "给您优惠20元，袜子也送您"
    assert uses(phrases["yh"]) == 1
    assert not palette.isVisible()


def test_cancelling_the_questions_copies_nothing(qtbot, palette, phrases):
    qtbot.keyClicks(palette.field, "yh")
    with answering(QDialog, lambda d: qtbot.keyClick(d.focusWidget(), Qt.Key.Key_Escape)):
        qtbot.keyClick(palette.field, ENTER)
    assert QGuiApplication.clipboard().text() == "before"
    assert uses(phrases["yh"]) == 0
    assert palette.isVisible()


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
    current.set_case(None)
    assert send_fh() == "小雨点点，您的包裹走顺丰速运，单号SF1234"
    current.set_customer(None)
    assert send_fh() == "，您的包裹走，单号"


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
