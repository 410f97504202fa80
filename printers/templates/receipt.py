"""The sales receipt."""

from __future__ import annotations

from printers.document import Cut, Document, DocumentBuilder, Feed, QrCode
from printers.templates.common import (
    format_fen,
    local_time,
    signed_fen,
    store_header,
    tender_rows,
    vat_rows,
)
from printers.templates.data import ReceiptData, ReceiptLine

RETURN_HINT = "退换货请出示此码"


def item_rows(builder: DocumentBuilder, line: ReceiptLine) -> None:
    """Name (wrapped per character) on its own line, then quantity × price, discount, amount."""
    builder.text(f"{line.title} {line.variant}".strip())
    for lot, expiry in line.lots:  # lot-tracked goods: which lot, good until when
        if lot:
            until = f" 有效期至 {expiry.isoformat()}" if expiry is not None else ""
            builder.text(f"  批号 {lot}{until}")
    for label, saved_fen in line.savings:  # the promotions, in the words the cart showed
        builder.row(f"  {label}", signed_fen(-saved_fen))
    quantity = f"  {line.qty} × {format_fen(line.unit_price_fen)}"
    if line.discount_fen:
        builder.row(quantity, signed_fen(-line.discount_fen), signed_fen(line.amount_fen))
    else:
        builder.row(quantity, signed_fen(line.amount_fen))


def sales_receipt(data: ReceiptData) -> Document:
    builder = DocumentBuilder(f"Receipt {data.receipt_no}")
    store_header(builder, data.store, "销售小票（重印）" if data.copy else "销售小票")
    builder.text(f"单号 {data.receipt_no}")
    builder.text(f"时间 {local_time(data.time, data.store.timezone)}")
    builder.row(f"终端 {data.terminal_id}", f"收银 {data.clerk}")
    builder.rule()
    for line in data.lines:
        item_rows(builder, line)
    builder.rule()
    builder.row(
        f"件数 {sum(line.qty for line in data.lines)}", f"小计 {format_fen(data.subtotal_fen)}"
    )
    if data.promotion_fen:
        builder.row("促销优惠", signed_fen(-data.promotion_fen))
    if data.discount_fen:
        builder.row("优惠", signed_fen(-data.discount_fen))
    for words, fen, points in data.rewards:
        builder.row(f"{words}（{points}积分）", signed_fen(-fen))
    builder.row("应付", format_fen(data.total_fen), bold=True)
    vat_rows(builder, data.vat)
    builder.rule()
    tender_rows(builder, data.tenders)
    builder.row("找零", format_fen(data.change_fen))
    if data.points_balance is not None:
        builder.row(f"本次积分 +{data.points_earned or 0}", f"积分余额 {data.points_balance}")
    builder.rule()
    builder.add(QrCode(data.receipt_code))
    builder.text(RETURN_HINT, "center")
    if data.footer:
        builder.text(data.footer, "center")
    builder.add(Feed(2)).add(Cut())
    return builder.build()
