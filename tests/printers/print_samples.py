"""Fixed sample data for every template, as a real REDHOME store would print it."""

from __future__ import annotations

from datetime import UTC, date, datetime

from printers.document import Document
from printers.templates import (
    lot_label,
    parcel_label,
    return_receipt,
    sales_receipt,
    shift_report,
    test_page,
)
from printers.templates.data import (
    LotLabelData,
    ParcelLabelData,
    ProviderLine,
    ReceiptData,
    ReceiptLine,
    ReturnReceiptData,
    ShiftReportData,
    StoreHeader,
    TenderLine,
    TestPageData,
    VatLine,
)
from redhome_pos.domain.gs1 import element_string

STORE = StoreHeader("REDHOME 上海静安店", "上海市静安区南京西路1266号恒隆广场B1层", "SH01")
AT = datetime(2026, 11, 25, 8, 5, 9, tzinfo=UTC)  # 16:05:09 in Shanghai
RECEIPT_CODE = "RH1.R.SH01.S-T01-20261125-0042.9F3A6C1D2E7B"


def receipt_lines(count: int = 4) -> tuple[ReceiptLine, ...]:
    base = (
        ReceiptLine("雅诗兰黛特润修护肌透精华露（小棕瓶）", "50ml", 1, 89_000, 0, 89_000),
        ReceiptLine("兰蔻菁纯臻颜精萃乳霜", "60ml · 滋润型", 2, 158_000, 16_000, 300_000),
        ReceiptLine("RED x 三顿半 联名咖啡礼盒", "标准装", 1, 12_800, 0, 12_800),
        ReceiptLine("小红书同款帆布袋", "米白", 3, 3_900, 1_700, 10_000),
    )
    return tuple(base[i % len(base)] for i in range(count))


def receipt_data(line_count: int = 4, *, copy: bool = False) -> ReceiptData:
    lines = receipt_lines(line_count)
    total = sum(line.amount_fen for line in lines)
    discount = sum(line.discount_fen for line in lines)
    return ReceiptData(
        store=STORE,
        terminal_id="T01",
        receipt_no="S-T01-20261125-0042",
        time=AT,
        clerk="王芳",
        lines=lines,
        subtotal_fen=total + discount,
        discount_fen=discount,
        total_fen=total,
        vat=(VatLine(1300, total * 13 // 113), VatLine(600, 0))
        if line_count > 2
        else (VatLine(1300, total * 13 // 113),),
        tenders=(
            TenderLine("微信支付", total - 20_000, "4200002288202611258841", "交易单号"),
            TenderLine("现金", 20_000),
        ),
        change_fen=0,
        receipt_code=RECEIPT_CODE,
        footer="感谢光临 REDHOME！7天内凭小票可退换。",
        copy=copy,
    )


def return_data() -> ReturnReceiptData:
    line = ReceiptLine("兰蔻菁纯臻颜精萃乳霜", "60ml · 滋润型", 1, 158_000, 8_000, 150_000)
    return ReturnReceiptData(
        store=STORE,
        terminal_id="T01",
        return_no="R-T01-20261126-0003",
        original_receipt_no="S-T01-20261125-0042",
        time=datetime(2026, 11, 26, 3, 0, tzinfo=UTC),
        clerk="李娜",
        approved_by="店长 陈静",
        lines=(line,),
        refund_total_fen=150_000,
        vat=(VatLine(1300, 17_257),),
        refunds=(TenderLine("微信支付", 150_000, "50300002288202611268841", "退款单号"),),
        reason="过敏，未拆封",
        footer="退款将原路退回，请留意到账通知。",
    )


def shift_data(final: bool) -> ShiftReportData:
    return ShiftReportData(
        store=STORE,
        terminal_id="T01",
        shift_no="T01-20261125-1",
        final=final,
        opened_at=datetime(2026, 11, 25, 1, 0, tzinfo=UTC),
        closed_at=datetime(2026, 11, 25, 13, 30, tzinfo=UTC) if final else None,
        printed_at=datetime(2026, 11, 25, 13, 31, tzinfo=UTC) if final else AT,
        clerk="王芳",
        sales_count=57,
        sales_fen=4_285_600,
        returns_count=2,
        returns_fen=168_000,
        discounts_fen=96_400,
        by_tender=(
            TenderLine("微信支付", 2_310_000),
            TenderLine("支付宝", 1_120_600),
            TenderLine("银行卡", 480_000),
            TenderLine("现金", 207_000),
        ),
        vat=(VatLine(1300, 473_655),),
        by_provider=(
            ProviderLine("微信支付", 2_468_000, 158_000, payments=31, refunds=1),
            ProviderLine("外部收款：支付宝", 1_130_600, 10_000, payments=12, refunds=1),
        ),
        opening_float_fen=50_000,
        cash_expected_fen=257_000,
        cash_counted_fen=256_500 if final else None,
        z_number=118 if final else None,
    )


def parcel_data() -> ParcelLabelData:
    return ParcelLabelData(
        store=STORE,
        order_id="P2026112500012",
        parcel_no=1,
        parcel_count=2,
        pickup=True,
        recipient="张*  138****5678",
        items=("兰蔻小黑瓶 ×2", "雅诗兰黛眼霜 ×1"),
        qr_payload="RH1.P.SH01.P2026112500012.1.2.7C1D9E0A44B2",
        date=AT,
    )


def lot_data(copies: int = 1) -> LotLabelData:
    expiry = date(2027, 3, 31)
    return LotLabelData(
        title="雅诗兰黛特润修护肌透精华露（小棕瓶）",
        variant="50ml",
        lot="B2611",
        expiry=expiry,
        element_string=element_string("6901234567892", lot="B2611", expiry=expiry),
        price_fen=89_000,
        copies=copies,
    )


LOT_HRI = "(01)06901234567892(17)270331(10)B2611"


def test_page_data(printer: str = "receipt") -> TestPageData:
    return TestPageData(printer, STORE, AT, (("编码", "GBK"), ("纸宽", "80mm")))


def all_documents() -> dict[str, Document]:
    """Every template with its sample data, by a short name used for golden files."""
    return {
        "receipt": sales_receipt(receipt_data()),
        "receipt_copy": sales_receipt(receipt_data(2, copy=True)),
        "return_receipt": return_receipt(return_data()),
        "x_report": shift_report(shift_data(final=False)),
        "z_report": shift_report(shift_data(final=True)),
        "parcel_label": parcel_label(parcel_data()),
        "lot_label": lot_label(lot_data()),
        "test_page": test_page(test_page_data()),
    }


EXPECTED_CODES = {
    "receipt": [("QR", RECEIPT_CODE)],
    "receipt_copy": [("QR", RECEIPT_CODE)],
    "return_receipt": [],
    "x_report": [],
    "z_report": [],
    "parcel_label": [("QR", parcel_data().qr_payload)],
    "lot_label": [("Code 128", LOT_HRI)],
    "test_page": [("QR", "REDHOME-TEST:receipt"), ("EAN-13", "6901234567892")],
}
