"""The counter's Sale as receipt data: sold lines only, tenders as printed, a signed QR."""

from __future__ import annotations

from datetime import UTC, date, datetime

from printers.templates.data import StoreHeader
from printers.templates.from_sale import receipt_from_sale
from redhome_pos.domain.sale import Sale, SaleLine, StaffRef
from redhome_pos.domain.signed_codes import ReceiptCode, verify
from redhome_pos.domain.tax import VatAmount
from redhome_pos.domain.tender import SettledTender, TenderKind

SECRET = "from-sale-secret-0123456789"


def _line(no: int, title: str, amount: int, *, voided: bool = False) -> SaleLine:
    return SaleLine(
        no, no, f"SKU-{no}", title, "50ml", 1, amount, amount, 0, amount, 1300, voided=voided
    )


def test_sale_maps_to_receipt_data() -> None:
    sale = Sale(
        receipt_no="RH01-T1-20261125-0007",
        terminal_id="T1",
        staff=StaffRef(1, "1001", "王芳"),
        created_at=datetime(2026, 11, 25, 8, 0, tzinfo=UTC),
        business_date=date(2026, 11, 25),
        lines=(_line(1, "口红", 25_900), _line(2, "面膜", 9_900, voided=True)),
        tenders=(
            SettledTender(TenderKind.WECHAT, 10_000, 10_000, "4200009876"),
            SettledTender(TenderKind.CASH, 15_900, 20_000),
        ),
        subtotal_fen=25_900,
        discount_fen=0,
        total_fen=25_900,
        vat=(VatAmount(1300, 25_900, 2_980),),
        change_fen=4_100,
        shift_id=1,
    )
    data = receipt_from_sale(
        sale, store=StoreHeader("REDHOME", code="RH01"), code_secret=SECRET, copy=True
    )

    assert [line.title for line in data.lines] == ["口红"]  # the voided line is not on paper
    assert [(t.label, t.amount_fen, t.reference, t.reference_label) for t in data.tenders] == [
        ("微信支付", 10_000, "4200009876", "交易单号"),  # the provider's number, whole
        ("现金", 20_000, "", "参考号"),  # cash shows what was handed over; the change follows
    ]
    assert data.change_fen == 4_100 and data.clerk == "王芳" and data.copy
    code = verify(data.receipt_code, secret=SECRET, store="RH01")
    assert isinstance(code, ReceiptCode) and code.receipt_no == sale.receipt_no


def test_the_customers_payment_code_is_never_printed_and_card_references_are_whole() -> None:
    sale = Sale(
        receipt_no="RH01-T1-20261125-0008",
        terminal_id="T1",
        staff=StaffRef(1, "1001", "王芳"),
        created_at=datetime(2026, 11, 25, 8, 0, tzinfo=UTC),
        business_date=date(2026, 11, 25),
        lines=(_line(1, "口红", 25_900),),
        tenders=(
            SettledTender(TenderKind.CARD, 900, 900),  # no slip reference: nothing, never "*0"
            SettledTender(TenderKind.CARD, 5_000, 5_000, "123456789012"),
            SettledTender(TenderKind.EXTERNAL_ALIPAY, 10_000, 10_000, "2026112522001"),
            SettledTender(TenderKind.WECHAT, 10_000, 10_000, "", "**************6789"),
        ),
        subtotal_fen=25_900,
        discount_fen=0,
        total_fen=25_900,
        vat=(VatAmount(1300, 25_900, 2_980),),
        change_fen=0,
        shift_id=1,
    )
    data = receipt_from_sale(sale, store=StoreHeader("REDHOME", code="RH01"), code_secret=SECRET)
    assert [(t.label, t.reference) for t in data.tenders] == [
        ("银行卡", ""),
        ("银行卡", "123456789012"),
        ("外部收款：支付宝", "2026112522001"),
        ("微信支付", ""),  # the one-time payment code is not a transaction number
    ]
