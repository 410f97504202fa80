"""X and Z reports show WeChat Pay and Alipay money per tender kind: paid and refunded."""

from __future__ import annotations

import pytest
from counter_store import Store, make_store

from printers.templates.data import StoreHeader
from printers.templates.from_shift import shift_report_from_counter
from printers.templates.shift_report import shift_report
from redhome_pos.domain.cart import Cart
from redhome_pos.domain.sale import ReturnRequest
from redhome_pos.domain.shift import ProviderFigures, ShiftReport
from redhome_pos.domain.signed_codes import sign_receipt_code
from redhome_pos.domain.tender import Tender, TenderKind
from redhome_pos.persistence.database import Database
from redhome_pos.services import checkout, returns, shifts

ALSO_ON_POSTGRES = True


@pytest.fixture
def store(database: Database) -> Store:
    return make_store(database)


def _sell(store: Store, code: str, tenders: list[Tender]) -> str:
    cart = Cart()
    cart.add(store.items[code])
    return checkout.checkout(store.database, store.till, store.clerk, cart, tenders).receipt_no


def test_shift_reports_total_each_wallet_paid_and_refunded(store: Store) -> None:
    db, till, sup = store.database, store.till, store.supervisor
    shifts.open_shift(db, till, store.clerk, 50_000)
    lip = _sell(store, "LIP-520", [Tender(TenderKind.EXTERNAL_WECHAT, 25_900, "420000111")])
    _sell(store, "MASK-10", [Tender(TenderKind.EXTERNAL_WECHAT, 9_900, "420000222")])
    _sell(
        store, "BOOK-01", [Tender(TenderKind.EXTERNAL_ALIPAY, 2_000, "2026A"), Tender.cash(2_500)]
    )
    _sell(store, "BAG-RED", [Tender(TenderKind.CARD, 12_800, "123456789012")])
    receipt_code = sign_receipt_code(till.code_secret, till.store_code, lip)  # as scanned
    returns.return_items(db, till, sup, receipt_code, [ReturnRequest(1, 1)], reason="colour")

    x = shifts.x_report(db, till, store.clerk)
    assert x.figures.by_provider == (
        ProviderFigures("ext_wechat", 35_800, 25_900, payments=2, refunds=1),
        ProviderFigures("ext_alipay", 2_000, 0, payments=1, refunds=0),
    )
    # Stored and read back (Z reports are kept as JSON).
    again = ShiftReport.from_dict(x.to_dict())
    assert again.figures.by_provider == x.figures.by_provider
    old = x.to_dict()
    del old["figures"]["by_provider"]  # a report stored before this existed still reads
    assert ShiftReport.from_dict(old).figures.by_provider == ()

    data = shift_report_from_counter(
        x, store=StoreHeader("REDHOME", code="RH01"), clerk="王", opened_at=x.created_at
    )
    text = "\n".join(
        " ".join(str(cell) for cell in getattr(block, "cells", ()) or (getattr(block, "text", ""),))
        for block in shift_report(data).blocks
    )
    assert "微信支付 / 支付宝（收款 / 退款）" in text
    assert "外部收款：微信\n  收款 2 笔 ￥358.00\n  退款 1 笔 -￥259.00" in text
    assert "外部收款：支付宝\n  收款 1 笔 ￥20.00\n  退款 0 笔 ￥0.00" in text
