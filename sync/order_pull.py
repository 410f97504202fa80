"""Order pull: the online orders, upserted by order id, with the stock they hold back.

The first run back-fills by creation time in windows the online store accepts (24 hours for
RED); after that the engine polls by update time in short windows (30 minutes for RED) that
start a little before the last one ended. The cursor moves after each window, so a crash
re-reads at most one window, and re-reading is harmless: orders are upserted by their id and
an order whose status and update time are unchanged is not fetched again.

Orders whose warehouse is the store's own are the store's to fulfil: while they wait to be
picked, their units are reserved (still on hand, no longer free to sell at the counter). The
online store takes a paid order's units off its stock total, so the figure pushed is the
on-hand less the units of paid orders still in the store (``SyncRepository.held_online``):
an order entering or leaving that state queues a stock push for its SKUs.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from redhome_pos.domain.barcodes import lookup_keys
from redhome_pos.persistence.database import Database
from redhome_pos.persistence.models.catalog import BarcodeRow, SkuRow
from redhome_pos.persistence.models.sync import OnlineOrderLineRow, OnlineOrderRow
from redhome_pos.persistence.repositories.outbox import OutboxRepository
from redhome_pos.persistence.repositories.sync import (
    PAID_NOT_SHIPPED,
    StoredOnlineOrder,
    StoredOrderLine,
    SyncRepository,
)
from sync.checks import check_online_order
from sync.connector import (
    OnlineOrder,
    OnlineOrderLine,
    OnlineStore,
    OrderCursor,
    OrderStatus,
    OrderSummary,
    OrderTime,
    SealedReceiver,
)
from sync.settings import ORDERS, STOCK_TOPIC, SyncSettings
from sync.windows import every_page, walk_windows

log = logging.getLogger(__name__)

# Orders in these states wait for the store: their units are held back.
WAITING = frozenset(
    {OrderStatus.PROCESSING, OrderStatus.AWAITING_SHIPMENT, OrderStatus.PARTLY_SHIPPED}
)


@dataclass
class OrderPullReport:
    windows: int = 0
    listed: int = 0
    fetched: int = 0
    new_orders: int = 0
    cancelled: int = 0


def pull_orders(
    database: Database,
    store: OnlineStore,
    settings: SyncSettings,
    *,
    now: datetime,
    should_stop: Callable[[], bool] = lambda: False,
) -> OrderPullReport:
    """Back-fill once, then read every update-time window up to ``now``."""
    report = OrderPullReport()

    def read(time: OrderTime, start: datetime, end: datetime) -> None:
        _read_window(database, store, settings, time, start, end, report)

    walk_windows(database, ORDERS, store.order_windows, read, backfill=settings.order_backfill,
                 overlap=settings.order_overlap, now=now, should_stop=should_stop)  # fmt: skip
    return report


def _read_window(
    database: Database,
    store: OnlineStore,
    settings: SyncSettings,
    time: OrderTime,
    start: datetime,
    end: datetime,
    report: OrderPullReport,
) -> None:
    report.windows += 1
    first = OrderCursor(start=start, end=end, time=time, page_size=settings.order_page_size)
    summaries: dict[str, OrderSummary] = every_page(
        first, store.orders_since, lambda page: page.orders, lambda summary: summary.order_id
    )
    report.listed += len(summaries)
    with database.reading() as session:
        marks = SyncRepository(session).order_marks(summaries)
    for order_id, summary in summaries.items():
        known = marks.get(order_id)
        if known is not None and known[0] == summary.status and known[1] >= summary.updated_at:
            continue
        order = store.order_detail(order_id)
        check_online_order(order)  # refuse before anything is written
        report.fetched += 1
        with database.unit_of_work() as uow:
            previous = apply_order(uow.session, order, settings)
            uow.commit()
        if previous is None and order.warehouse_code == settings.warehouse_code:
            report.new_orders += 1
        if order.status.is_void and previous is not None and previous != order.status.value:
            report.cancelled += 1


def apply_order(session: Session, order: OnlineOrder, settings: SyncSettings) -> str | None:
    """Upsert one order, hold back or release its stock, and log what the store must know.
    Returns the status the order had before (None when it is new)."""
    repo = SyncRepository(session)
    ours = order.warehouse_code == settings.warehouse_code
    before = session.execute(
        select(OnlineOrderRow.cancel_requested, OnlineOrderRow.ours, OnlineOrderRow.status).where(
            OnlineOrderRow.order_id == order.order_id
        )
    ).first()
    cancel_before = before is not None and before[0]
    held_before = before is not None and before[1] and before[2] in PAID_NOT_SHIPPED
    old_skus: set[int] = set(
        session.scalars(
            select(OnlineOrderLineRow.sku_id).where(
                OnlineOrderLineRow.order_id == order.order_id,
                OnlineOrderLineRow.sku_id.is_not(None),
            )
        )
    )
    lines = tuple(_stored_line(session, n, line) for n, line in enumerate(order.lines, start=1))
    receiver = order.receiver if ours else SealedReceiver()
    previous = repo.upsert_order(
        StoredOnlineOrder(
            order_id=order.order_id,
            status=order.status.value,
            fulfilment=order.fulfilment.value,
            warehouse_code=order.warehouse_code,
            ours=ours,
            online_created_at=order.created_at,
            online_updated_at=order.updated_at,
            lines=lines,
            # Only the store's own orders keep what a parcel label needs: sealed and masked.
            receiver_name_masked=receiver.name_masked,
            receiver_phone_masked=receiver.phone_masked,
            receiver_address_masked=receiver.address_masked,
            receiver_region=receiver.region,
            receiver_sealed=receiver.sealed,
            paid_fen=order.paid_fen,
            cancel_requested=order.cancel_requested,
        )
    )
    held_now = ours and order.status.value in PAID_NOT_SHIPPED
    if held_now != held_before:
        # The online store took these units off its total (paid) or gave them back: the
        # store's figure for them changes with it.
        skus = sorted(old_skus | {line.sku_id for line in lines if line.sku_id is not None})
        OutboxRepository(session).add_all(
            STOCK_TOPIC,
            [(str(sku), {"sku_id": sku, "after": "online order"}) for sku in skus],
        )
    if not ours:
        repo.set_reservation(order.order_id, reserve=False)  # moved to another warehouse
        return previous
    handed_over = bool(repo.parcels(order.order_id))
    # A buyer's cancel request (a refund before shipment) stops the pick: its units are free.
    # Units that already left in a parcel are not held (``set_reservation``).
    repo.set_reservation(
        order.order_id, reserve=order.status in WAITING and not order.cancel_requested
    )
    if order.cancel_requested and not cancel_before and not order.status.is_void:
        repo.log(
            ORDERS,
            "error" if handed_over else "warning",
            "The buyer of online order {order} asked to cancel: stop picking, do not hand it over"
            + (" (it was already handed over: check with the customer)" if handed_over else ""),
            order=order.order_id,
        )
    if previous is None and order.status in WAITING:
        repo.log(
            ORDERS,
            "info",
            "New online order {order} for {fulfilment}: {units} units",
            order=order.order_id,
            fulfilment=order.fulfilment.value,
            units=sum(line.quantity for line in order.lines),
        )
    unmatched = [line.red_sku_id for line in lines if line.sku_id is None]
    if unmatched and previous is None:
        repo.log(
            ORDERS,
            "warning",
            "Online order {order} has SKUs the store does not know: {skus}",
            order=order.order_id,
            skus=", ".join(unmatched),
        )
    if order.status.is_void and previous is not None and previous != order.status.value:
        repo.log(
            ORDERS,
            "warning" if not handed_over else "error",
            "Online order {order} was cancelled"
            + (" after it was handed over: check with the customer" if handed_over else ""),
            order=order.order_id,
        )
    return previous


def _stored_line(session: Session, line_no: int, line: OnlineOrderLine) -> StoredOrderLine:
    return StoredOrderLine(
        line_no=line_no,
        red_sku_id=line.sku_id,
        sku_id=_local_sku(session, line),
        quantity=line.quantity,
        unit_price_fen=line.unit_price_fen,
        barcode=line.barcode,
        erp_code=line.erp_code,
        title=line.title,
    )


def _local_sku(session: Session, line: OnlineOrderLine) -> int | None:
    """The store SKU of an order line: by online id, then barcode, then SKU code."""
    found = session.scalar(select(SkuRow.id).where(SkuRow.red_sku_id == line.sku_id))
    if found is None and line.barcode:
        found = session.scalar(
            select(BarcodeRow.sku_id).where(BarcodeRow.code.in_(lookup_keys(line.barcode)))
        )
    if found is None and line.erp_code:
        found = session.scalar(select(SkuRow.id).where(SkuRow.code == line.erp_code))
    return found
