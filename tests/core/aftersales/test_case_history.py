"""The case form's writes return their own undo (desk.core.aftersales.steps):
a case opened, edited, moved and remarked on, its photos added, changed and
removed. Each is made, undone, redone and undone again, and the case's tables
(and its buyer's figures) must hold exactly the rows before or after each time;
only the stamps every save moves on (when, who, the version) may differ. A refused write gives no step and writes
nothing; a step whose case moved on meanwhile refuses and writes nothing."""

from __future__ import annotations

import io
from datetime import datetime

import pytest
from PIL import Image

from desk.core import versions
from desk.core.aftersales import flow, service, shipping, steps
from desk.core.aftersales.models import Case
from desk.core.base import database
from desk.core.customers import notes
from desk.core.customers import service as customers
from desk.core.customers.figures import recompute_figures
from desk.core.errors import UserError
from tests.core.history_checks import STAMPS, back_and_forth, table_rows

from .conftest import BEIJING

TABLES = {"aftersales_case": STAMPS, "case_item": (), "case_event": (), "evidence": (),
          "customer": STAMPS, "followup": STAMPS}


def state() -> dict[str, list[tuple]]:
    return table_rows(TABLES)


def jpeg(color=(200, 120, 40)) -> tuple[bytes, str]:
    buf = io.BytesIO()
    Image.new("RGB", (64, 48), color).save(buf, "JPEG")
    return buf.getvalue(), f"photo-{color[0]}.jpg"


@pytest.fixture
def buyer(shop):
    cid = shop.customer()
    oid, items, _ = shop.order(cid, items=(("纯棉T恤", 2, 5900), ("袜子", 1, 1000)))
    recompute_figures([cid])  # the order went in directly: the buyer's figures follow it first
    return {"customer": cid, "order": oid, "items": items}


@pytest.fixture
def case_id(buyer):
    return service.open_case(buyer["customer"], "return_refund", "damaged", order_id=buyer["order"],
                             items=[(buyer["items"][0], 2)], refund_fen="50",
                             opened_at=datetime(2024, 5, 1, 11, 0, tzinfo=BEIJING))


def open_cases(customer_id: int) -> int:
    return Case.select().where(Case.customer == customer_id, Case.deleted_at.is_null()).count()


# -- opening -------------------------------------------------------------------------------


def test_opening_a_case_with_its_payer_undoes_to_no_case_and_redoes_under_its_number(buyer):
    before = state()
    case_id, step = steps.open_case_step(
        buyer["customer"], payer=shipping.BUYER, kind="return_refund", reason="damaged",
        order_id=buyer["order"], items=[(buyer["items"][1], 1)], refund_fen="10",
        carrier="顺丰", tracking_no="SF123")
    case = service.get_case(case_id)
    assert (case.shipping_payer, case.shipping_payer_override) == (shipping.BUYER, True)
    assert case.return_tracking_no == "SF123"
    assert [e.kind for e in case.events] == ["status", "payer_override"]
    after = state()
    back_and_forth(step, before, after, state)
    assert Case.get_or_none(Case.id == case_id) is None and open_cases(buyer["customer"]) == 0
    step.redo()
    assert service.get_case(case_id).case_no == case.case_no
    assert open_cases(buyer["customer"]) == 1


def test_a_refused_opening_writes_nothing(buyer):
    before = state()
    with pytest.raises(UserError, match="Choose who pays"):
        steps.open_case_step(buyer["customer"], payer="someone", kind="return_refund",
                             reason="damaged")
    with pytest.raises(UserError, match="more than the buyer paid"):
        steps.open_case_step(buyer["customer"], kind="return_refund", reason="damaged",
                             order_id=buyer["order"], refund_fen="999")
    assert state() == before


def test_undoing_an_opening_refuses_once_the_case_moved_on(buyer, case_id):
    made, step = steps.open_case_step(buyer["customer"], kind="exchange", reason="damaged")
    flow.change_status(made, "handling")  # not through the step's history
    moved = state()
    with pytest.raises(UserError, match="changed meanwhile"):
        step.undo()
    assert state() == moved
    # a note about the case is something hanging on it too
    _, step = steps.open_case_step(buyer["customer"], kind="exchange", reason="damaged")
    notes.add(buyer["customer"], "换货的事", case_id=_)
    noted = state()
    with pytest.raises(UserError, match="changed meanwhile"):
        step.undo()
    assert state() == noted


# -- editing -----------------------------------------------------------------------------------


def test_an_edit_with_items_and_payer_undoes_exactly(buyer, case_id):
    before = state()
    changed, step = steps.edit_case_step(
        case_id, payer=shipping.SELLER_BOTH, carrier="中通", tracking_no="ZT1",
        refund_fen="80", responsibility="carrier", items=[(buyer["items"][1], 1), ("赠品", 1)],
        description="换了说法")
    assert changed
    case = service.get_case(case_id)
    assert (case.refund_fen, case.responsibility, case.items_text) == (8000, "carrier", "袜子; 赠品")
    assert (case.return_carrier, case.return_tracking_no) == ("中通", "ZT1")
    assert case.events[-1].kind == "payer_override"
    after = state()
    back_and_forth(step, before, after, state)
    case = service.get_case(case_id)
    assert (case.refund_fen, case.responsibility, case.shipping_payer_override) == (5000, "seller",
                                                                                     False)
    assert [e.kind for e in case.events] == ["status"]  # the payer's entry is gone, not answered


def test_undo_and_redo_are_saves_a_form_open_on_the_case_is_told_of(case_id):
    read = service.get_case(case_id).version
    _, step = steps.edit_case_step(case_id, payer=None, version=read, refund_fen="70")
    saved = service.get_case(case_id).version
    assert saved > read
    step.undo()
    assert service.get_case(case_id).version > saved
    with pytest.raises(versions.Conflict):  # a form that read the case before the undo
        steps.edit_case_step(case_id, payer=None, version=saved, refund_fen="60")


def test_an_edit_that_changes_nothing_gives_no_step(case_id):
    case = service.get_case(case_id)
    changed, step = steps.edit_case_step(case_id, payer=None, refund_fen=case.refund_fen,
                                         description=case.description)
    assert (changed, step) == (False, None)


def test_a_reissue_s_carrier_is_the_reissue_s(case_id):
    steps.edit_case_step(case_id, payer=None, kind="reissue", carrier="韵达", tracking_no="YD9")
    case = service.get_case(case_id)
    assert (case.reissue_carrier, case.reissue_tracking_no, case.return_tracking_no) == (
        "韵达", "YD9", "")


def test_a_refused_edit_writes_nothing(case_id):
    before = state()
    with pytest.raises(UserError, match="more than the buyer paid"):
        steps.edit_case_step(case_id, payer=None, refund_fen="9999")
    with pytest.raises(UserError, match="Choose who pays"):  # refused after the fields were written
        steps.edit_case_step(case_id, payer="nobody-at-all", refund_fen="60")
    assert state() == before


def test_undoing_an_edit_refuses_when_the_case_was_changed_or_trashed(case_id):
    _, step = steps.edit_case_step(case_id, payer=None, refund_fen="70")
    service.update_case(case_id, refund_fen="65")  # changed outside the history
    moved = state()
    with pytest.raises(UserError, match="changed meanwhile"):
        step.undo()
    assert state() == moved

    _, step = steps.edit_case_step(case_id, payer=None, description="新的")
    service.move_to_trash([case_id])
    trashed = state()
    with pytest.raises(UserError, match="in the trash"):
        step.undo()
    assert state() == trashed


def test_an_edit_s_undo_leaves_a_later_status_move_alone(case_id):
    _, step = steps.edit_case_step(case_id, payer=None, refund_fen="70")
    flow.change_status(case_id, "handling")
    step.undo()
    case = service.get_case(case_id)
    assert (case.refund_fen, case.status) == (5000, "handling")


# -- the status flow and remarks ------------------------------------------------------------------


def test_a_status_move_undoes_with_its_times_deadline_and_the_buyer_s_figures(buyer, case_id):
    deadline = Case.get_by_id(case_id).next_deadline_at
    before = state()
    event_id, step = steps.change_status_step(case_id, "handling", comment="打过电话")
    case = Case.get_by_id(case_id)
    assert case.status == "handling" and case.first_response_at is not None
    after = state()
    back_and_forth(step, before, after, state)
    case = Case.get_by_id(case_id)
    assert (case.status, case.first_response_at, case.next_deadline_at) == ("new", None, deadline)
    assert event_id not in [e.id for e in service.get_case(case_id).events]


def test_closing_a_case_undoes_and_the_open_count_follows(buyer, case_id):
    flow.change_status(case_id, "handling")
    before = state()
    _, step = steps.change_status_step(case_id, "closed")
    assert open_cases(buyer["customer"]) == 1 and service.get_case(case_id).closed_at is not None
    back_and_forth(step, before, state(), state)
    assert service.get_case(case_id).closed_at is None


def test_a_refused_move_writes_nothing(case_id):
    before = state()
    with pytest.raises(UserError, match="straight to that status"):
        steps.change_status_step(case_id, "done")
    assert state() == before


def test_a_remark_undoes_off_the_timeline(case_id):
    before = state()
    _, step = steps.add_comment_step(case_id, "  买家说今晚寄回  ")
    assert service.get_case(case_id).events[-1].comment == "买家说今晚寄回"
    back_and_forth(step, before, state(), state)
    with pytest.raises(UserError, match="comment is empty"):
        steps.add_comment_step(case_id, "   ")
    assert state() == before


def test_a_remark_redone_after_its_id_was_taken_comes_back_under_a_new_one(case_id):
    remark_id, step = steps.add_comment_step(case_id, "第一次备注")
    step.undo()
    moved_id = flow.change_status(case_id, "handling")
    # the move takes the id the remark had: SQLite hands a freed id out again;
    # a server never does, but a row can come in under it (moved up from a local shop)
    database.execute_sql("UPDATE case_event SET id = ? WHERE id = ?", (remark_id, moved_id))
    moved_id = remark_id
    step.redo()
    events = service.get_case(case_id).events
    assert [(e.kind, e.comment) for e in events][-1] == ("comment", "第一次备注")
    assert moved_id in [e.id for e in events]
    step.undo()  # the remark under its new id comes off; the move stays
    assert [(e.kind, e.new_status) for e in service.get_case(case_id).events] == [
        ("status", "new"), ("status", "handling")]


def test_redoing_an_opening_refuses_when_the_buyer_is_in_the_trash(buyer):
    _, step = steps.open_case_step(buyer["customer"], kind="exchange", reason="damaged")
    step.undo()
    customers.move_to_trash([buyer["customer"]])
    trashed = state()
    with pytest.raises(UserError, match="in the trash"):
        step.redo()
    assert state() == trashed


def test_a_move_undone_after_another_move_refuses(case_id):
    _, step = steps.change_status_step(case_id, "handling")
    flow.change_status(case_id, "awaiting_return")
    moved = state()
    with pytest.raises(UserError, match="changed meanwhile"):
        step.undo()
    assert state() == moved


# -- photos ------------------------------------------------------------------------------------------


def test_adding_photos_undoes_the_new_ones_and_re_trashes_the_ones_brought_back(case_id, tmp_path):
    folder = tmp_path / "photos"
    first, _ = steps.add_photos_step(case_id, [jpeg((1, 2, 3))], photos=folder)
    old_id = first.evidence_ids[0]
    steps.remove_photos_step([old_id])
    before = state()
    report, step = steps.add_photos_step(case_id, [jpeg((1, 2, 3)), jpeg((9, 9, 9))],
                                         kind="damage", photos=folder)
    assert len(report.evidence_ids) == 2 and old_id in report.evidence_ids
    back_and_forth(step, before, state(), state)
    # nothing attached: no step
    again, none = steps.add_photos_step(case_id, [(b"not a picture", "x.jpg")], photos=folder)
    assert again.refused and none is None
    assert state() == before


def test_editing_and_removing_photos_undo(case_id, tmp_path):
    report, _ = steps.add_photos_step(case_id, [jpeg((1, 2, 3)), jpeg((4, 5, 6))],
                                      kind="damage", photos=tmp_path / "photos")
    ids = report.evidence_ids
    before = state()
    _, step = steps.edit_photos_step(ids, kind="slip")
    back_and_forth(step, before, state(), state)
    _, step = steps.edit_photos_step(ids[:1], caption="标签撕了")
    back_and_forth(step, before, state(), state)
    assert steps.edit_photos_step(ids, kind="damage") == (None, None)
    _, step = steps.remove_photos_step(ids)
    back_and_forth(step, before, state(), state)
    with pytest.raises(UserError, match="kind"):
        steps.edit_photos_step(ids, kind="nonsense")
    assert state() == before


def test_a_photo_step_refuses_when_the_photo_changed_meanwhile(case_id, tmp_path):
    report, step = steps.add_photos_step(case_id, [jpeg()], photos=tmp_path / "photos")
    from desk.core.aftersales import photos

    photos.edit_photo(report.evidence_ids[0], caption="别处改的")
    moved = state()
    with pytest.raises(UserError, match="changed meanwhile"):
        step.undo()
    assert state() == moved
