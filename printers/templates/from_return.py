"""A return taken at the counter (``ReturnResult`` and its original ``Sale``) as the data of
the return receipt."""

from __future__ import annotations

from datetime import datetime

from printers.templates.data import ReceiptLine, ReturnReceiptData, StoreHeader, TenderLine, VatLine
from printers.templates.from_sale import TENDER_LABELS
from redhome_pos.domain.sale import Sale
from redhome_pos.domain.tax import vat_by_rate
from redhome_pos.domain.tender import WALLETS
from redhome_pos.services.returns import ReturnResult


def return_receipt_from_counter(
    result: ReturnResult,
    sale: Sale,
    *,
    store: StoreHeader,
    clerk: str,
    time: datetime,
    approved_by: str = "",
    reason: str = "",
    footer: str = "",
) -> ReturnReceiptData:
    """Names and prices come from the original sale's lines; amounts are what was refunded."""
    by_no = {line.line_no: line for line in sale.lines}
    lines = []
    gross_by_rate = []
    for returned in result.lines:
        sold = by_no[returned.line_no]
        full_fen = returned.quantity * sold.unit_price_fen
        lines.append(
            ReceiptLine(
                title=sold.title,
                variant=sold.variant,
                qty=returned.quantity,
                unit_price_fen=sold.unit_price_fen,
                discount_fen=max(0, full_fen - returned.refund_fen),
                amount_fen=returned.refund_fen,
            )
        )
        gross_by_rate.append((returned.refund_fen, sold.vat_rate_bp))
    refunds = tuple(
        TenderLine(
            TENDER_LABELS.get(refund.kind, str(refund.kind)),
            refund.amount_fen,
            refund.reference if refund.kind in WALLETS else "",
            "退款单号",  # our out_refund_no, the key the provider knows the refund by
        )
        for refund in result.refunds
    )
    return ReturnReceiptData(
        store=store,
        terminal_id=sale.terminal_id,
        return_no=result.return_no,
        original_receipt_no=result.receipt_no,
        time=time,
        clerk=clerk,
        approved_by=approved_by,
        lines=tuple(lines),
        refund_total_fen=result.refund_fen,
        vat=tuple(VatLine(vat.rate_bp, vat.vat_fen) for vat in vat_by_rate(gross_by_rate)),
        refunds=refunds,
        reason=reason,
        footer=footer,
    )
