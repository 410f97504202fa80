"""Fulfilment: an online order leaves the store, and the online store is told exactly once.

At the counter, ``request_delivery`` writes in one transaction the delivery intent, the
stock movements of the goods that left (kind ``online_fulfilment``), the release of the
order's reservation and an outbox row. The engine's ``push_deliveries`` then sends each intent:
it re-reads the order's status first (an order already shipped is done, a cancelled one is not
sent), marks the intent ``sent`` before the call leaves, and ``confirmed`` once the online store
has it. A lost answer or a crash leaves the intent ``sent``; the next run re-reads the status
and finds it delivered, so the call is never made twice for an order that got through.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from sqlalchemy import update

from redhome_pos.domain.errors import DomainError
from redhome_pos.domain.staff import Permission, StaffSession
from redhome_pos.domain.stock import MovementKind, StockMovement
from redhome_pos.persistence.database import Database
from redhome_pos.persistence.models.outbox import OutboxRow
from redhome_pos.persistence.models.staff import StaffRow
from redhome_pos.persistence.models.sync import DeliveryRow
from redhome_pos.persistence.repositories.catalog import CatalogRepository
from redhome_pos.persistence.repositories.outbox import OutboxRepository
from redhome_pos.persistence.repositories.stock import StockRepository
from redhome_pos.persistence.repositories.sync import (
    CONFIRMED,
    PENDING,
    SENT,
    VOID,
    Delivery,
    SyncRepository,
)
from redhome_pos.services.sessions import acting
from sync.connector import FulfilmentKind, OnlineStore, OrderStatus
from sync.errors import PlatformError
from sync.settings import DELIVERIES, DELIVERY_TOPIC, STOCK_TOPIC, SyncSettings

log = logging.getLogger(__name__)


class FulfilmentError(DomainError):
    """An online order cannot be handed over or shipped as asked."""


@dataclass
class DeliveryReport:
    sent: int = 0
    confirmed: int = 0
    already_delivered: int = 0
    void: int = 0
    refused: int = 0


def refuse_second_handover(database: Database, order_id: str, timezone: str) -> None:
    """A pickup code scanned again: say when, where and by whom the order left the store."""
    with database.reading() as session:
        row = session.get(DeliveryRow, order_id)
        if row is None:
            return
        staff = session.get(StaffRow, row.staff_id) if row.staff_id is not None else None
        words = {
            "order": order_id,
            "when": row.requested_at.astimezone(ZoneInfo(timezone)).strftime("%Y-%m-%d %H:%M"),
            "name": staff.name if staff is not None else "?",
            "terminal": row.terminal_id or "?",
        }
        pickup = row.method == FulfilmentKind.PICKUP.value
    if pickup:
        raise FulfilmentError(
            "Online order {order} was already handed over on {when} by {name} at till "
            "{terminal}: do not hand it over again",
            **words,
        )
    raise FulfilmentError(
        "Online order {order} was already shipped on {when} by {name} at till {terminal}: "
        "do not hand it over",
        **words,
    )


@acting(Permission.SELL)
def request_delivery(
    database: Database,
    order_id: str,
    *,
    terminal_id: str,
    pickup: bool,
    staff: StaffSession,
    express_no: str = "",
    company_code: str = "",
    allow_negative: bool = True,
) -> Delivery:
    """Record that an online order left the store (handed to the customer or to a courier)
    and queue the delivery call. Asking twice for the same order returns the first intent.

    The goods have physically left, so their movement is booked even below zero unless the
    store says otherwise (``allow_negative``); a count will show the difference.
    """
    express_no = express_no.strip() or (f"pickup {order_id}" if pickup else "")
    company_code = "" if pickup else company_code.strip()
    if not pickup and (not express_no or not company_code):
        raise FulfilmentError("A shipped parcel needs its express number and courier")
    if not pickup:
        from sync.express import check_courier  # express builds on this module

        check_courier(database, company_code)
    with database.unit_of_work() as uow:
        repo = SyncRepository(uow.session)
        existing = repo.delivery(order_id)
        if existing is not None:
            return existing
        order = repo.order(order_id)
        if order is None or not order.ours:
            raise FulfilmentError(
                "Online order {order} is not one this store fulfils", order=order_id
            )
        status = OrderStatus(order.status)
        if status.is_void:
            raise FulfilmentError(
                "Online order {order} was cancelled: do not hand it over", order=order_id
            )
        if status.is_delivered:
            raise FulfilmentError("Online order {order} has already been delivered", order=order_id)
        if order.cancel_requested:
            raise FulfilmentError(
                "The buyer asked to cancel online order {order}: stop picking, do not hand it "
                "over or ship it",
                order=order_id,
            )
        unmatched = [line.red_sku_id for line in order.lines if line.sku_id is None]
        if unmatched:
            raise FulfilmentError(
                "Online order {order} has SKUs the store does not know ({skus}): link them "
                "in the catalog first",
                order=order_id,
                skus=", ".join(unmatched),
            )
        now = datetime.now(UTC)
        stock = StockRepository(uow.session)
        catalog = CatalogRepository(uow.session)
        for line in order.lines:
            assert line.sku_id is not None
            sku = catalog.sku(line.sku_id)
            stock.record(
                StockMovement(
                    id=uuid.uuid4().hex,
                    sku_id=line.sku_id,
                    kind=MovementKind.ONLINE_FULFILMENT,
                    quantity=-line.quantity,
                    reason="online order " + ("pickup" if pickup else "shipped"),
                    staff_id=staff.id,
                    terminal_id=terminal_id,
                    created_at=now,
                    reference=order_id,
                ),
                allow_negative=allow_negative,
                sku_code=sku.code if sku else "",
            )
        repo.set_reservation(order_id, reserve=False)
        repo.add_delivery(
            order_id,
            method=(FulfilmentKind.PICKUP if pickup else FulfilmentKind.SHIP).value,
            express_no=express_no,
            company_code=company_code,
            staff_id=staff.id,
            terminal_id=terminal_id,
        )
        OutboxRepository(uow.session).add(DELIVERY_TOPIC, order_id, {"order_id": order_id})
        delivery = repo.delivery(order_id)
        uow.commit()
    assert delivery is not None
    return delivery


def push_deliveries(
    database: Database,
    store: OnlineStore,
    settings: SyncSettings,
    *,
    now: datetime | None = None,
    should_stop: Callable[[], bool] = lambda: False,
) -> DeliveryReport:
    """Send every delivery intent not yet confirmed, oldest first.

    A refusal of one order is logged and the others go on; a refused order is tried again
    after ``settings.refused_delivery_wait``. Trouble reaching the online store stops the run
    (raised), leaving every intent to be re-read next time.
    """
    report = DeliveryReport()
    now = now or datetime.now(UTC)  # the refusal times are stamped with the real clock
    with database.reading() as session:
        waiting = SyncRepository(session).deliveries([PENDING, SENT])
    for delivery in waiting:
        if should_stop():
            break
        refused_at = delivery.refused_at
        if refused_at is not None and now - refused_at < settings.refused_delivery_wait:
            continue
        try:
            _send(database, store, delivery, report)
        except PlatformError as error:
            report.refused += 1
            _note_refusal(database, delivery, error.message)
    return report


def _send(
    database: Database, store: OnlineStore, delivery: Delivery, report: DeliveryReport
) -> None:
    order_id = delivery.order_id
    status = store.order_status(order_id)
    if status.is_delivered:
        report.already_delivered += 1
        _close(database, order_id, CONFIRMED, status)
        return
    if status.is_void:
        report.void += 1
        _close(database, order_id, VOID, status)
        return
    # Marked sent before the call leaves: if the answer is lost or the program dies, the next
    # run knows the call may have got through and re-reads the status before anything else.
    with database.unit_of_work() as uow:
        SyncRepository(uow.session).mark_delivery(order_id, SENT)
        uow.commit()
    report.sent += 1
    if delivery.method == FulfilmentKind.PICKUP.value:
        result = store.hand_over(order_id, delivery.express_no)
    else:
        result = store.deliver(order_id, delivery.express_no, delivery.company_code)
    if result.already_delivered:
        report.already_delivered += 1
    else:
        report.confirmed += 1
    _close(database, order_id, CONFIRMED, OrderStatus.SHIPPED)


def _close(database: Database, order_id: str, state: str, status: OrderStatus) -> None:
    with database.unit_of_work() as uow:
        session = uow.session
        repo = SyncRepository(session)
        repo.mark_delivery(order_id, state)
        session.execute(
            update(OutboxRow)
            .where(
                OutboxRow.topic == DELIVERY_TOPIC,
                OutboxRow.key == order_id,
                OutboxRow.done_at.is_(None),
            )
            .values(done_at=datetime.now(UTC))
        )
        repo.set_order_status(order_id, status.value)
        order = repo.order(order_id)
        if state == CONFIRMED:
            # The online store takes shipped units off its own figure; setting the store's
            # physical on-hand again afterwards keeps the two equal.
            outbox = OutboxRepository(session)
            for sku_id in sorted(
                {line.sku_id for line in (order.lines if order else ()) if line.sku_id is not None}
            ):
                outbox.add(STOCK_TOPIC, str(sku_id), {"sku_id": sku_id, "after": "delivery"})
            repo.log(DELIVERIES, "info", "Online order {order} delivered", order=order_id)
        else:
            repo.log(
                DELIVERIES,
                "error",
                "Online order {order} was cancelled before its delivery was sent; the goods "
                "were handed over: check with the customer and count the stock",
                order=order_id,
            )
        uow.commit()


def _note_refusal(database: Database, delivery: Delivery, message: str) -> None:
    with database.unit_of_work() as uow:
        repo = SyncRepository(uow.session)
        repo.note_delivery_error(delivery.order_id, message)
        if delivery.last_error != message:
            repo.log(
                DELIVERIES,
                "error",
                "The online store refused the delivery of order {order}: {reason}",
                order=delivery.order_id,
                reason=message,
            )
        uow.commit()
