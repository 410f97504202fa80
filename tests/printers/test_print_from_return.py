"""A counter return as the printed return receipt."""

from __future__ import annotations

from datetime import UTC, date, datetime

from escpos_decoder import decode

from printers.profile import receipt_profile
from printers.renderers.escpos_text import render_escpos
from printers.templates import return_receipt
from printers.templates.data import StoreHeader
from printers.templates.from_return import return_receipt_from_counter
from redhome_pos.domain.sale import Sale, SaleLine, StaffRef
from redhome_pos.domain.tax import VatAmount
from redhome_pos.domain.tender import Refund, SettledTender, TenderKind
from redhome_pos.services.returns import ReturnedLine, ReturnResult

AT = datetime(2026, 11, 26, 3, 0, tzinfo=UTC)


def test_return_receipt_from_the_counter() -> None:
    sale = Sale(
        receipt_no="RH01-T1-20261125-0007",
        terminal_id="T1",
        staff=StaffRef(1, "1001", "王芳"),
        created_at=AT,
        business_date=date(2026, 11, 25),
        lines=(
            SaleLine(1, 11, "LIP-520", "口红 #520", "丝绒", 2, 25_900, 25_900, 1_000, 50_800, 1300),
            SaleLine(2, 12, "BOOK-01", "旅行手帐", "", 1, 4_500, 4_500, 0, 4_500, 900),
        ),
        tenders=(SettledTender(TenderKind.WECHAT, 55_300, 55_300, "wx"),),
        subtotal_fen=56_300,
        discount_fen=1_000,
        total_fen=55_300,
        vat=(VatAmount(1300, 50_800, 5_844), VatAmount(900, 4_500, 372)),
        change_fen=0,
        shift_id=1,
    )
    result = ReturnResult(
        return_no="RH01-T1-20261126-R0001",
        receipt_no=sale.receipt_no,
        refund_fen=25_400 + 4_500,
        lines=(
            ReturnedLine(1, "LIP-520", 1, 25_400, False),
            ReturnedLine(2, "BOOK-01", 1, 4_500, True),
        ),
        refunds=(Refund(TenderKind.WECHAT, 29_900),),
    )
    data = return_receipt_from_counter(
        result,
        sale,
        store=StoreHeader("REDHOME", code="RH01"),
        clerk="李娜",
        time=AT,
        reason="不合适",
    )
    assert [(line.title, line.qty, line.discount_fen, line.amount_fen) for line in data.lines] == [
        ("口红 #520", 1, 500, 25_400),
        ("旅行手帐", 1, 0, 4_500),
    ]
    assert [(v.rate_bp, v.vat_fen) for v in data.vat] == [(1300, 2_922), (900, 372)]
    assert [(t.label, t.amount_fen) for t in data.refunds] == [("微信支付", 29_900)]

    transcript = decode(render_escpos(return_receipt(data), receipt_profile(42)), columns=42)
    assert transcript.problems == []
    printed = "\n".join(text for text, _s, _b in transcript.lines)
    assert "原小票 RH01-T1-20261125-0007" in printed and "￥299.00" in printed
