"""A completed sale (the counter's ``Sale``) as the data of its receipt."""

from __future__ import annotations

from printers.templates.data import ReceiptData, ReceiptLine, StoreHeader, TenderLine, VatLine
from redhome_pos.domain.sale import Sale
from redhome_pos.domain.signed_codes import sign_receipt_code
from redhome_pos.domain.tender import SettledTender, TenderKind

TENDER_LABELS = {
    TenderKind.CASH: "现金",
    TenderKind.CARD: "银行卡",
    TenderKind.WECHAT: "微信支付",
    TenderKind.ALIPAY: "支付宝",
    TenderKind.POINTS: "积分抵现",
    TenderKind.EXTERNAL_WECHAT: "外部收款：微信",
    TenderKind.EXTERNAL_ALIPAY: "外部收款：支付宝",
}
#: What a tender's reference is called on paper: the provider's number for a charge through
#: it, the slip's reference for money taken on a terminal.
REFERENCE_LABELS = {TenderKind.WECHAT: "交易单号", TenderKind.ALIPAY: "交易号"}


def tender_line(tender: SettledTender) -> TenderLine:
    """Cash shows what was handed over; other tenders show their reference whole (the
    provider's transaction number or the terminal's 参考号), never the customer's payment code."""
    if tender.kind is TenderKind.CASH:
        return TenderLine(TENDER_LABELS[tender.kind], tender.tendered_fen)
    return TenderLine(
        TENDER_LABELS.get(tender.kind, str(tender.kind)),
        tender.amount_fen,
        tender.reference,
        REFERENCE_LABELS.get(tender.kind, "参考号"),
    )


def receipt_from_sale(
    sale: Sale, *, store: StoreHeader, code_secret: str, footer: str = "", copy: bool = False
) -> ReceiptData:
    """The receipt of ``sale``; ``copy`` marks a reprint. The QR is the signed receipt code."""
    lines = tuple(
        ReceiptLine(
            title=line.title,
            variant=line.variant,
            qty=line.quantity,
            unit_price_fen=line.unit_price_fen,
            discount_fen=line.discount_fen,
            amount_fen=line.amount_fen,
            savings=tuple((s.label, s.amount_fen) for s in line.savings),
            lots=tuple((t.lot_code, t.expiry) for t in line.lots),
        )
        for line in sale.sold_lines
    )
    return ReceiptData(
        store=store,
        terminal_id=sale.terminal_id,
        receipt_no=sale.receipt_no,
        time=sale.created_at,
        clerk=sale.staff.name,
        lines=lines,
        subtotal_fen=sale.subtotal_fen,
        discount_fen=sale.discount_fen,
        total_fen=sale.total_fen,
        vat=tuple(VatLine(vat.rate_bp, vat.vat_fen) for vat in sale.vat),
        tenders=tuple(tender_line(tender) for tender in sale.tenders),
        change_fen=sale.change_fen,
        receipt_code=sign_receipt_code(code_secret, store.code, sale.receipt_no),
        footer=footer,
        copy=copy,
        promotion_fen=sale.promotion_fen,
        points_earned=sale.points_earned if sale.points_balance is not None else None,
        points_balance=sale.points_balance,
        rewards=sale.rewards,
    )
