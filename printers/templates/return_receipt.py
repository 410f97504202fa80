"""The return (refund) receipt."""

from __future__ import annotations

from printers.document import Cut, Document, DocumentBuilder, Feed
from printers.templates.common import format_fen, local_time, store_header, tender_rows, vat_rows
from printers.templates.data import ReturnReceiptData
from printers.templates.receipt import item_rows


def return_receipt(data: ReturnReceiptData) -> Document:
    builder = DocumentBuilder(f"Return {data.return_no}")
    store_header(builder, data.store, "退货单（重印）" if data.copy else "退货单")
    builder.text(f"退货单号 {data.return_no}")
    builder.text(f"原小票 {data.original_receipt_no}")
    builder.text(f"时间 {local_time(data.time, data.store.timezone)}")
    builder.row(f"终端 {data.terminal_id}", f"收银 {data.clerk}")
    if data.approved_by:
        builder.text(f"审批 {data.approved_by}")
    if data.reason:
        builder.text(f"原因 {data.reason}")
    builder.rule()
    for line in data.lines:
        item_rows(builder, line)
    builder.rule()
    builder.row("退款合计", format_fen(data.refund_total_fen), bold=True)
    vat_rows(builder, data.vat)
    builder.rule()
    builder.text("退款方式")
    tender_rows(builder, data.refunds)
    builder.rule()
    builder.text("顾客签字：", "left")
    builder.add(Feed(2))
    if data.footer:
        builder.text(data.footer, "center")
    builder.add(Feed(2)).add(Cut())
    return builder.build()
