"""X report (the shift so far) and Z report (the closed shift)."""

from __future__ import annotations

from printers.document import Cut, Document, DocumentBuilder, Feed
from printers.templates.common import (
    format_fen,
    local_time,
    signed_fen,
    store_header,
    tender_rows,
    vat_rows,
)
from printers.templates.data import ShiftReportData


def shift_report(data: ShiftReportData) -> Document:
    kind = "Z" if data.final else "X"
    builder = DocumentBuilder(f"{kind} report {data.shift_no}")
    heading = f"日结报表 No.{data.z_number}" if data.final else "交班报表（班中）"
    store_header(builder, data.store, heading)
    zone = data.store.timezone
    builder.row(f"班次 {data.shift_no}", f"终端 {data.terminal_id}")
    builder.text(f"开班 {local_time(data.opened_at, zone)}")
    if data.closed_at is not None:
        builder.text(f"结班 {local_time(data.closed_at, zone)}")
    builder.text(f"打印 {local_time(data.printed_at, zone)}")
    builder.text(f"收银员 {data.clerk}")
    builder.rule()
    builder.row(f"销售 {data.sales_count} 笔", format_fen(data.sales_fen))
    builder.row(f"退货 {data.returns_count} 笔", signed_fen(-data.returns_fen))
    builder.row("优惠", signed_fen(-data.discounts_fen))
    if data.voids_count:
        builder.row(f"作废 {data.voids_count} 笔", format_fen(data.voids_fen))
    builder.row("净额", format_fen(data.sales_fen - data.returns_fen), bold=True)
    vat_rows(builder, data.vat)
    builder.rule()
    builder.text("按支付方式", bold=True)
    tender_rows(builder, data.by_tender)
    if data.by_provider:
        builder.rule()
        builder.text("微信支付 / 支付宝（收款 / 退款）", bold=True)
        for line in data.by_provider:
            builder.text(line.label)
            builder.row(f"  收款 {line.payments} 笔", format_fen(line.paid_fen))
            builder.row(f"  退款 {line.refunds} 笔", signed_fen(-line.refunded_fen))
    if data.by_clerk:
        builder.rule()
        builder.text("按收银员", bold=True)
        for clerk in data.by_clerk:
            builder.row(f"{clerk.name} {clerk.sales_count} 笔", format_fen(clerk.sales_fen))
            if clerk.refunds_fen:
                builder.row("  退款", signed_fen(-clerk.refunds_fen))
    builder.rule()
    builder.row("备用金", format_fen(data.opening_float_fen))
    if data.cash_in_fen:
        builder.row("存入现金", format_fen(data.cash_in_fen))
    if data.cash_out_fen:
        builder.row("取出现金", signed_fen(-data.cash_out_fen))
    if data.drawer_opens:
        builder.text(f"无销售开钱箱 {data.drawer_opens} 次")
    builder.row("应收现金", format_fen(data.cash_expected_fen))
    if data.cash_counted_fen is not None:
        builder.row("实点现金", format_fen(data.cash_counted_fen))
        difference = data.cash_difference_fen or 0
        builder.row("差额", signed_fen(difference), bold=True)
    builder.rule()
    if data.final and data.audit_code:
        builder.text(f"审计码 {data.audit_code}", "center")
    if data.final:
        builder.text("本班已结束", "center")
    else:
        builder.text("班次进行中，本报表不结班", "center")
    builder.add(Feed(2)).add(Cut())
    return builder.build()
