"""The names of stored codes: one table for the app and the CLI, covering
every code, read back from English, Chinese or the code itself."""

from __future__ import annotations

from desk.core import labels
from desk.core.aftersales.models import CASE_KINDS, CASE_STATUSES, RESPONSIBILITIES
from desk.core.customers.models import LIFECYCLES
from desk.core.excel.translations import translator
from desk.core.orders.models import ORDER_STATUSES
from desk.core.platforms import PLATFORMS


def test_every_stored_code_has_a_name_in_every_language():
    stored = {"platform": PLATFORMS, "lifecycle": LIFECYCLES, "order_status": ORDER_STATUSES,
              "case_kind": CASE_KINDS, "case_status": CASE_STATUSES,
              "responsibility": RESPONSIBILITIES}
    assert {kind: tuple(table) for kind, table in labels.CODES.items()} == stored
    for language in ("en", *labels.LANGUAGES):
        for kind, names in labels.all_names(translator(language)).items():
            assert len(set(names.values())) == len(names), (language, kind)  # no two alike
            if language != "en":
                assert not set(names.values()) & set(labels.CODES[kind].values()), (language, kind)


def test_a_cell_means_its_code_in_any_language():
    assert labels.code_of("platform", "淘宝") == "taobao"
    assert labels.code_of("platform", " taobao ") == "taobao"
    assert labels.code_of("platform", "TAOBAO") == "taobao"
    assert labels.code_of("lifecycle", "咨询") == labels.code_of("lifecycle", "asked") == "inquiry"
    assert labels.code_of("case_kind", "退货退款") == "return_refund"
    assert labels.code_of("case_status", "已完成") == labels.code_of("case_status", "Done") == "done"
    assert labels.code_of("responsibility", "买家") == "buyer"
    assert labels.code_of("order_status", "交易成功") == "completed"
    assert labels.code_of("platform", "eBay") is None
    assert labels.code_of("platform", "") is None
    assert labels.code_of("platform", "我的淘宝店", {"taobao": "我的淘宝店"}) == "taobao"
