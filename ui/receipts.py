"""Sending documents to the print queue, off the GUI thread, after the sale has committed."""

from __future__ import annotations

import logging

from printers.queue import PrintQueue
from printers.templates.data import StoreHeader
from printers.templates.from_sale import receipt_from_sale
from redhome_pos.domain.sale import Sale
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


def _queue_receipt(
    queue: PrintQueue, sale: Sale, header: StoreHeader, secret: str, footer: str, drawer: bool
) -> int:
    data = receipt_from_sale(sale, store=header, code_secret=secret, footer=footer)
    job_id = queue.enqueue_receipt(data)
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
        sale,
        store_header(counter),
        counter.context.code_secret,
        counter.context.receipt_footer,
        open_drawer,
        on_error=lambda error: log.error("receipt %s not queued: %s", sale.receipt_no, error),
    )
