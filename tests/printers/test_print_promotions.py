"""A receipt explains each promotion's saving in the words the cart showed, and a member's
receipt shows the points earned and the balance."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime

from escpos_decoder import decode

from printers.profile import receipt_profile
from printers.renderers.escpos_text import render_escpos
from printers.templates.data import StoreHeader
from printers.templates.from_sale import receipt_from_sale
from printers.templates.receipt import sales_receipt
from redhome_pos.domain.promotions import Saving
from redhome_pos.domain.sale import Sale, SaleLine, StaffRef
from redhome_pos.domain.tax import VatAmount
from redhome_pos.domain.tender import SettledTender, TenderKind

LIP = SaleLine(
    1,
    1,
    "LIP-520",
    "口红",
    "#520",
    2,
    25_900,
    25_900,
    3_885,
    34_965,
    1300,
    promotion_fen=12_950,
    savings=(Saving("H2", "第二件半价", 12_950),),
    unit_amounts=(12_950, 25_900),
)
SALE = Sale(
    receipt_no="RH01-T1-20261125-0009",
    terminal_id="T1",
    staff=StaffRef(1, "1001", "王芳"),
    created_at=datetime(2026, 11, 25, 8, 0, tzinfo=UTC),
    business_date=date(2026, 11, 25),
    lines=(LIP,),
    tenders=(
        SettledTender(TenderKind.POINTS, 965, 965),
        SettledTender(TenderKind.CASH, 34_000, 34_000),
    ),
    subtotal_fen=51_800,
    discount_fen=3_885,
    total_fen=34_965,
    vat=(VatAmount(1300, 34_965, 4_022),),
    change_fen=0,
    shift_id=1,
    promotion_fen=12_950,
    member_id=7,
    points_earned=340,
    points_balance=1_234,
)


def printed(sale: Sale) -> list[str]:
    data = receipt_from_sale(sale, store=StoreHeader("REDHOME", code="RH01"), code_secret="s" * 20)
    raw = render_escpos(sales_receipt(data), receipt_profile(48))
    return [text for text, _s, _b in decode(raw, columns=48).lines]


def test_savings_per_line_totals_and_points() -> None:
    lines = printed(SALE)
    joined = "\n".join(lines)
    saving = next(line for line in lines if "第二件半价" in line)
    assert saving.rstrip().endswith("-￥129.50")
    assert any("促销优惠" in line and "-￥129.50" in line for line in lines)
    assert any(line.startswith("优惠") and "-￥38.85" in line for line in lines)
    assert "积分抵现" in joined
    assert any("本次积分 +340" in line and "积分余额 1234" in line for line in lines)


def test_a_sale_without_member_or_promotion_prints_neither() -> None:
    plain = replace(
        SALE,
        lines=(replace(LIP, savings=(), promotion_fen=0),),
        promotion_fen=0,
        member_id=None,
        points_earned=0,
        points_balance=None,
    )
    joined = "\n".join(printed(plain))
    assert "促销优惠" not in joined and "积分余额" not in joined
