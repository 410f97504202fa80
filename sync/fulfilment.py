"""Fulfilment: an online order leaves the store, and the online store is told exactly once.

At the counter, ``request_delivery`` writes in one transaction a parcel with its delivery
intent, the stock movements of the goods that left (kind ``online_fulfilment``), the release
of what the order held for them and an outbox row. An order may leave in several parcels (a
split shipment: some lines or units now, the rest later), each with its own courier and
tracking number; the platform records a split by whole SKUs (RED: ``order.orderDeliver`` with
``unpack`` and ``skuIdList``), so each part parcel is told as the SKUs whose last units it holds.
The engine's ``push_deliveries`` then sends each intent: it re-reads the order's status first
(an order already shipped is done, a cancelled one is not sent), marks the intent ``sent``
before the call leaves, and ``confirmed`` once the online store has it. A lost answer or a crash
leaves the intent ``sent``; the next run re-reads the order and finds the parcel delivered, so
the call is never made twice for a parcel that got through. The order counts as shipped once
every unit has left and every parcel is told.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from sqlalchemy import select, update

from redhome_pos.domain.errors import DomainError
from redhome_pos.domain.staff import Permission, StaffSession
from redhome_pos.domain.stock import MovementKind, StockMovement
from redhome_pos.persistence.database import Database
from redhome_pos.persistence.models.outbox import OutboxRow
from redhome_pos.persistence.models.staff import StaffRow
from redhome_pos.persistence.models.sync import ParcelRow
from redhome_pos.persistence.repositories.catalog import CatalogRepository
from redhome_pos.persistence.repositories.outbox import OutboxRepository
from redhome_pos.persistence.repositories.stock import StockRepository
from redhome_pos.persistence.repositories.sync import (
    CONFIRMED,
    PENDING,
    SENT,
    VOID,
    Delivery,
    StoredOnlineOrder,
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
        row = session.scalar(
            select(ParcelRow)
            .where(ParcelRow.order_id == order_id)
            .order_by(ParcelRow.parcel_no.desc())
        )
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


def _parcel_lines(
    order: StoredOnlineOrder, left: Mapping[int, int], lines: Mapping[int, int] | None
) -> dict[int, int]:
    """The units per order line that go in this parcel: ``lines`` as asked (checked against
    what is still in the store), or everything still in the store."""
    still = {line.line_no: line.quantity - left.get(line.line_no, 0) for line in order.lines}
    if lines is None:
        chosen = {n: units for n, units in still.items() if units > 0}
    else:
        chosen = {}
        for line_no, units in lines.items():
            if units == 0:
                continue
            if line_no not in still:
                raise FulfilmentError(
                    "Online order {order} has no line {line}", order=order.order_id, line=line_no
                )
            if units < 0 or units > still[line_no]:
                line = next(x for x in order.lines if x.line_no == line_no)
                raise FulfilmentError(
                    "A parcel cannot hold {units} of {item}: {left} still to send",
                    units=units,
                    item=line.title or line.red_sku_id,
                    left=still[line_no],
                )
            chosen[line_no] = units
    if not chosen:
        raise FulfilmentError(
            "Nothing of online order {order} is left to send", order=order.order_id
        )
    return chosen


def _told_as(
    order: StoredOnlineOrder, left: Mapping[int, int], chosen: Mapping[int, int]
) -> list[str]:
    """The online SKUs the parcel is told as: none when it is the whole order at once,
    otherwise the SKUs whose last units it holds (the platform splits an order by whole
    SKUs). A part parcel finishing no SKU cannot be told apart, so it is refused."""
    after = {n: left.get(n, 0) + chosen.get(n, 0) for n in (line.line_no for line in order.lines)}
    if not left and all(after[line.line_no] == line.quantity for line in order.lines):
        return []
    skus: dict[str, bool] = {}
    for line in order.lines:
        done = after[line.line_no] == line.quantity
        skus[line.red_sku_id] = skus.get(line.red_sku_id, True) and done
    finished_before = {
        line.red_sku_id
        for line in order.lines
        if all(
            left.get(x.line_no, 0) == x.quantity
            for x in order.lines
            if x.red_sku_id == line.red_sku_id
        )
    }
    told = [sku for sku, done in skus.items() if done and sku not in finished_before]
    if not told:
        raise FulfilmentError(
            "This parcel finishes no product of online order {order}: the online store records "
            "a split shipment by whole products, so put the last units of at least one product "
            "in it",
            order=order.order_id,
        )
    return told


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
    lines: Mapping[int, int] | None = None,
    allow_negative: bool = True,
) -> Delivery:
    """Record that (part of) an online order left the store, handed to the customer or to a
    courier in one parcel, and queue its delivery call.

    ``lines`` (order line no → units) ships only those units, a split shipment: the rest
    follows in later parcels, each with its own courier and tracking number. Without it the
    parcel holds everything still in the store. Asking again for a parcel already recorded
    (the same tracking number and units) returns that parcel, other units under a number
    already used are refused; asking when nothing is left returns the last one. A pickup is
    handed over whole.

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
        earlier = repo.parcels(order_id)
        same = next((p for p in earlier if p.express_no == express_no), None)
        if same is not None:
            asked = None if lines is None else {n: u for n, u in lines.items() if u}
            if asked is None or asked == dict(same.lines):
                return same  # asked again (a double click, a retry): the same parcel
            raise FulfilmentError(
                "Parcel {parcel} of online order {order} already has express number {number}",
                parcel=same.parcel_no, order=order_id, number=express_no,
            )  # fmt: skip
        order = repo.order(order_id)
        if order is None or not order.ours:
            raise FulfilmentError(
                "Online order {order} is not one this store fulfils", order=order_id
            )
        left = repo.units_left_store(order_id)
        if earlier and all(left.get(x.line_no, 0) >= x.quantity for x in order.lines):
            return earlier[-1]
        if pickup and (earlier or lines is not None):
            raise FulfilmentError(
                "Online order {order} is handed over whole at the counter", order=order_id
            )
        _check_may_leave(order)
        chosen = _parcel_lines(order, left, lines)
        told = _told_as(order, left, chosen)
        now = datetime.now(UTC)
        stock = StockRepository(uow.session)
        catalog = CatalogRepository(uow.session)
        by_no = {line.line_no: line for line in order.lines}
        for line_no, units in sorted(chosen.items()):
            line = by_no[line_no]
            assert line.sku_id is not None
            sku = catalog.sku(line.sku_id)
            stock.record(
                StockMovement(
                    id=uuid.uuid4().hex,
                    sku_id=line.sku_id,
                    kind=MovementKind.ONLINE_FULFILMENT,
                    quantity=-units,
                    reason="online order " + ("pickup" if pickup else "shipped"),
                    staff_id=staff.id,
                    terminal_id=terminal_id,
                    created_at=now,
                    reference=order_id,
                ),
                allow_negative=allow_negative,
                sku_code=sku.code if sku else "",
            )
        delivery = repo.add_delivery(
            order_id,
            method=(FulfilmentKind.PICKUP if pickup else FulfilmentKind.SHIP).value,
            express_no=express_no,
            company_code=company_code,
            staff_id=staff.id,
            terminal_id=terminal_id,
            lines=sorted(chosen.items()),
            sku_ids=told,
        )
        # What is still in the store stays held for the next parcel.
        repo.set_reservation(order_id, reserve=not order.cancel_requested)
        OutboxRepository(uow.session).add(
            DELIVERY_TOPIC,
            _outbox_key(order_id, delivery.parcel_no),
            {"order_id": order_id, "parcel_no": delivery.parcel_no},
        )
        uow.commit()
    return delivery


def _outbox_key(order_id: str, parcel_no: int) -> str:
    return order_id if parcel_no == 1 else f"{order_id}#{parcel_no}"


def _check_may_leave(order: StoredOnlineOrder) -> None:
    order_id = order.order_id
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
        _close(database, delivery, CONFIRMED)
        return
    if status.is_void:
        report.void += 1
        _close(database, delivery, VOID, status)
        return
    # Marked sent before the call leaves: if the answer is lost or the program dies, the next
    # run knows the call may have got through and re-reads the status before anything else.
    with database.unit_of_work() as uow:
        SyncRepository(uow.session).mark_delivery(order_id, SENT, parcel_no=delivery.parcel_no)
        uow.commit()
    report.sent += 1
    if delivery.method == FulfilmentKind.PICKUP.value:
        result = store.hand_over(order_id, delivery.express_no)
    else:
        result = store.deliver(
            order_id, delivery.express_no, delivery.company_code, sku_ids=delivery.sku_ids
        )
    if result.already_delivered:
        report.already_delivered += 1
    else:
        report.confirmed += 1
    _close(database, delivery, CONFIRMED)


def _close(
    database: Database, delivery: Delivery, state: str, status: OrderStatus | None = None
) -> None:
    order_id = delivery.order_id
    with database.unit_of_work() as uow:
        session = uow.session
        repo = SyncRepository(session)
        repo.mark_delivery(order_id, state, parcel_no=delivery.parcel_no)
        session.execute(
            update(OutboxRow)
            .where(
                OutboxRow.topic == DELIVERY_TOPIC,
                OutboxRow.key == _outbox_key(order_id, delivery.parcel_no),
                OutboxRow.done_at.is_(None),
            )
            .values(done_at=datetime.now(UTC))
        )
        order = repo.order(order_id)
        if state == CONFIRMED:
            # The order is shipped when every unit has left and every parcel is told.
            left = repo.units_left_store(order_id)
            whole = order is not None and all(
                left.get(line.line_no, 0) >= line.quantity for line in order.lines
            )
            told = all(p.state == CONFIRMED for p in repo.parcels(order_id))
            now_status = OrderStatus.SHIPPED if whole and told else OrderStatus.PARTLY_SHIPPED
            repo.set_order_status(order_id, now_status.value)
            # Setting the store's figure again afterwards keeps the online store's equal.
            by_no = {line.line_no: line for line in (order.lines if order else ())}
            outbox = OutboxRepository(session)
            for sku_id in sorted(
                {
                    sku
                    for line_no, _ in delivery.lines
                    if (sku := by_no[line_no].sku_id if line_no in by_no else None) is not None
                }
            ):
                outbox.add(STOCK_TOPIC, str(sku_id), {"sku_id": sku_id, "after": "delivery"})
            if delivery.parcel_no == 1 and not delivery.split:
                repo.log(DELIVERIES, "info", "Online order {order} delivered", order=order_id)
            else:
                repo.log(
                    DELIVERIES, "info", "Parcel {parcel} of online order {order} delivered",
                    parcel=delivery.parcel_no, order=order_id,
                )  # fmt: skip
        else:
            repo.set_order_status(order_id, (status or OrderStatus.CANCELLED).value)
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
        repo.note_delivery_error(delivery.order_id, message, parcel_no=delivery.parcel_no)
        if delivery.last_error != message:
            repo.log(
                DELIVERIES,
                "error",
                "The online store refused the delivery of order {order}: {reason}",
                order=delivery.order_id,
                reason=message,
            )
        uow.commit()
