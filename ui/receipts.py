"""Sending documents to the print queue, off the GUI thread, after the sale has committed."""

from __future__ import annotations

import logging
from datetime import UTC, datetime

from printers.document import Document
from printers.profile import PrinterProfile
from printers.queue import PrintQueue
from printers.templates import shift_report
from printers.templates.data import (
    ReceiptLine,
    ReturnReceiptData,
    ShiftReportData,
    StoreHeader,
    TenderLine,
)
from printers.templates.from_sale import TENDER_LABELS
from printers.templates.from_shift import shift_report_from_counter
from redhome_pos.domain.sale import Sale
from redhome_pos.domain.shift import ShiftReport
from redhome_pos.domain.tender import TenderKind
from redhome_pos.services.returns import ReturnResult
from ui.counter import Counter

log = logging.getLogger(__name__)


def store_header(counter: Counter) -> StoreHeader:
    context = counter.context
    return StoreHeader(
        name=context.store_name,
        address=context.store_address,
        code=context.store_code,
        timezone=context.timezone,
    )


def _queue_receipt(queue: PrintQueue, sale_id: int, drawer: bool) -> int:
    job_id = queue.enqueue_sale_receipt(sale_id)
    if drawer:
        queue.kick_drawer()
    return job_id


def print_sale(counter: Counter, sale: Sale, *, open_drawer: bool) -> None:
    """Queue the receipt (and the drawer kick for cash) on the device worker."""
    queue = counter.context.print_queue
    if queue is None:
        log.info("no print queue: receipt %s not printed", sale.receipt_no)
        return
    counter.slow_worker.submit(
        _queue_receipt,
        queue,
        sale.id,
        open_drawer,
        on_error=lambda error: log.error("receipt %s not queued: %s", sale.receipt_no, error),
    )


def tender_name_zh(kind: str) -> str:
    """A tender kind as printed (the receipt templates' words)."""
    try:
        return TENDER_LABELS.get(TenderKind(kind), kind)
    except ValueError:
        return kind


def shift_report_data(
    report: ShiftReport, opened_at: datetime, header: StoreHeader, clerk: str
) -> ShiftReportData:
    """A stored X/Z report as the printed report's data (the templates' own mapping)."""
    closed_at = report.created_at if report.kind == "Z" else None
    return shift_report_from_counter(
        report, store=header, clerk=clerk, opened_at=opened_at, closed_at=closed_at
    )


def preview_png(document: Document, profile: PrinterProfile | None = None) -> bytes:
    """The document as the receipt printer would print it (runs on a worker)."""
    from printers.renderers.png import render_png  # Pillow: loaded with the first preview

    return render_png(document, profile or PrinterProfile())


def shift_report_preview(data: ShiftReportData) -> bytes:
    return preview_png(shift_report(data))


def print_shift_report(counter: Counter, data: ShiftReportData) -> None:
    queue = counter.context.print_queue
    if queue is None:
        return
    counter.slow_worker.submit(
        queue.enqueue_shift_report,
        data,
        on_error=lambda error: log.error("shift report not queued: %s", error),
    )


def _queue_return(queue: PrintQueue, data: ReturnReceiptData, drawer: bool) -> int:
    job_id = queue.enqueue_return_receipt(data)
    if drawer:
        queue.kick_drawer()
    return job_id


def print_return(counter: Counter, result: ReturnResult, sale: Sale, reason: str) -> None:
    """Queue the return receipt; cash going back opens the drawer."""
    queue = counter.context.print_queue
    if queue is None:
        return
    clerk = counter.session.clerk
    by_line = {line.line_no: line for line in sale.lines}
    lines = []
    for returned in result.lines:
        line = by_line[returned.line_no]
        lines.append(
            ReceiptLine(
                title=line.title,
                variant=line.variant,
                qty=returned.quantity,
                unit_price_fen=line.unit_price_fen,
                discount_fen=0,
                amount_fen=returned.refund_fen,
            )
        )
    data = ReturnReceiptData(
        store=store_header(counter),
        terminal_id=counter.context.terminal_id,
        return_no=result.return_no,
        original_receipt_no=result.receipt_no,
        time=datetime.now(UTC),
        clerk=clerk.name if clerk else "",
        approved_by="",
        lines=tuple(lines),
        refund_total_fen=result.refund_fen,
        vat=(),
        refunds=tuple(
            TenderLine(tender_name_zh(r.kind.value), r.amount_fen) for r in result.refunds
        ),
        reason=reason,
        footer=counter.context.receipt_footer,
    )
    drawer = any(r.kind is TenderKind.CASH for r in result.refunds)
    counter.slow_worker.submit(
        _queue_return,
        queue,
        data,
        drawer,
        on_error=lambda error: log.error("return receipt not queued: %s", error),
    )
