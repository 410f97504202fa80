"""After-sales of online orders: pulled in windows like orders, acted on in the store.

The pull keeps every after-sale of the store's own orders (upserted by its id):

- a refund before shipment that is open stops the pick at once: the order's units are no longer
  held back and the order is marked as the buyer asking to cancel (the order pull confirms it);
- returns and exchanges whose goods are on their way back wait for the store to receive them.

Receiving returned goods (``receive_return``) is one transaction at the counter: the scanned
items are checked against the after-sale, each goes back into stock (a ``return`` movement,
which also queues the stock push), and a confirmation is queued. The engine's
``push_return_confirmations`` then tells the online store (``afterSale.confirmReceive``)
exactly once, as deliveries are: marked sent before the call, confirmed after; a refused or
lost call is re-read next time.
"""

from __future__ import annotations

import logging
import uuid
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from redhome_pos.domain.staff import Permission, StaffSession
from redhome_pos.domain.stock import MovementKind, StockMovement
from redhome_pos.persistence.database import Database
from redhome_pos.persistence.models.catalog import SkuRow
from redhome_pos.persistence.models.outbox import OutboxRow
from redhome_pos.persistence.models.sync import OnlineOrderRow
from redhome_pos.persistence.repositories.catalog import CatalogRepository
from redhome_pos.persistence.repositories.outbox import OutboxRepository
from redhome_pos.persistence.repositories.stock import StockRepository
from redhome_pos.persistence.repositories.sync import (
    CONFIRMED,
    PENDING,
    SENT,
    StoredAfterSale,
    SyncRepository,
)
from redhome_pos.services.sessions import acting
from sync.checks import RefusedData
from sync.connector import (
    AfterSale,
    AfterSaleKind,
    AfterSaleState,
    OnlineStore,
    OrderCursor,
    OrderTime,
)
from sync.errors import PlatformError
from sync.fulfilment import FulfilmentError
from sync.outbox_push import PushReport, push_topic
from sync.settings import AFTER_SALES, SyncSettings
from sync.windows import every_page, walk_windows

log = logging.getLogger(__name__)

# The numbers the store keeps for the neutral kinds and states (the platform's own numbering,
# so a stored row reads like the platform's documents).
KIND_CODES = {
    AfterSaleKind.RETURN: 1,
    AfterSaleKind.EXCHANGE: 2,
    AfterSaleKind.REFUND_AFTER_SHIPMENT: 4,
    AfterSaleKind.REFUND_BEFORE_SHIPMENT: 5,
    AfterSaleKind.UNKNOWN: 0,
}
STATE_CODES = {
    AfterSaleState.AWAITING_REVIEW: 1,
    AfterSaleState.AWAITING_BUYER_PARCEL: 2,
    AfterSaleState.AWAITING_RECEIPT: 3,
    AfterSaleState.DONE: 4,
    AfterSaleState.CANCELLED: 5,
    AfterSaleState.CLOSED: 6,
    AfterSaleState.REFUSED: 9,
    AfterSaleState.RECEIPT_REFUSED: 9001,
    AfterSaleState.EXCHANGE_AWAITING_SHIPMENT: 12,
    AfterSaleState.EXCHANGE_SHIPPED: 13,
    AfterSaleState.PLATFORM_INVOLVED: 14,
    AfterSaleState.UNKNOWN: 0,
}
KINDS = {code: kind for kind, code in KIND_CODES.items()}
STATES = {code: state for state, code in STATE_CODES.items()}
GOODS_COME_BACK = frozenset({AfterSaleKind.RETURN, AfterSaleKind.EXCHANGE})


def kind_of(stored: StoredAfterSale) -> AfterSaleKind:
    return KINDS.get(stored.return_type, AfterSaleKind.UNKNOWN)


def state_of(stored: StoredAfterSale) -> AfterSaleState:
    return STATES.get(stored.status, AfterSaleState.UNKNOWN)


def may_receive(stored: StoredAfterSale) -> bool:
    """Goods of this after-sale can be received into the store now."""
    return (
        stored.ours
        and kind_of(stored) in GOODS_COME_BACK
        and stored.received_at is None
        and state_of(stored) is AfterSaleState.AWAITING_RECEIPT
    )


@dataclass(frozen=True, slots=True)
class AfterSaleLineView:
    red_sku_id: str
    sku_id: int | None  # the store's SKU (None: not linked)
    title: str
    quantity: int


@dataclass(frozen=True, slots=True)
class AfterSaleView:
    """An after-sale for the back office: its kind and state in neutral words, its lines with
    the store's SKUs, and whether its goods can be received here now."""

    stored: StoredAfterSale
    kind: AfterSaleKind
    state: AfterSaleState
    lines: tuple[AfterSaleLineView, ...]
    receivable: bool
    exchange_lines: tuple[AfterSaleLineView, ...] = ()
    exchange_to_send: bool = False


def after_sales_view(database: Database, limit: int = 200) -> list[AfterSaleView]:
    """The store's own after-sales, newest first, for the back office."""
    with database.reading() as session:
        found = SyncRepository(session).after_sales(limit=limit)
        red_ids = {sku for item in found for sku, _ in (*item.lines, *item.exchange_lines)}
        skus = {
            red: (int(sku_id), code)
            for red, sku_id, code in session.execute(
                select(SkuRow.red_sku_id, SkuRow.id, SkuRow.code).where(
                    SkuRow.red_sku_id.in_(list(red_ids))
                )
            ).all()
        }
        catalog = CatalogRepository(session)
        titles = {}
        for sku_id, code in skus.values():
            view = catalog.sku_view(sku_id)
            titles[sku_id] = f"{view.title_zh} {view.variant_text}".strip() if view else code
        sent = {item.returns_id: exchange_sent(session, item.returns_id) for item in found
                if kind_of(item) is AfterSaleKind.EXCHANGE}  # fmt: skip

    def line_views(pairs: tuple[tuple[str, int], ...]) -> tuple[AfterSaleLineView, ...]:
        return tuple(
            AfterSaleLineView(red, skus[red][0] if red in skus else None,
                              titles.get(skus[red][0], red) if red in skus else red, qty)
            for red, qty in pairs
        )  # fmt: skip

    return [
        AfterSaleView(
            item,
            kind_of(item),
            state_of(item),
            line_views(item.lines),
            may_receive(item),
            exchange_lines=line_views(item.exchange_lines),
            exchange_to_send=may_ship_exchange(item, sent=sent.get(item.returns_id, False)),
        )
        for item in found
    ]


@dataclass
class AfterSalePullReport:
    windows: int = 0
    listed: int = 0
    fetched: int = 0
    new: int = 0
    stopped_picks: int = 0


def pull_after_sales(
    database: Database,
    store: OnlineStore,
    settings: SyncSettings,
    *,
    now: datetime,
    should_stop: Callable[[], bool] = lambda: False,
) -> AfterSalePullReport:
    """Back-fill by application time once, then every update-time window up to ``now``."""
    report = AfterSalePullReport()

    def read(time: OrderTime, start: datetime, end: datetime) -> None:
        _read_window(database, store, settings, time, start, end, report)

    walk_windows(database, AFTER_SALES, store.order_windows, read,
                 backfill=settings.order_backfill, overlap=settings.order_overlap, now=now,
                 should_stop=should_stop)  # fmt: skip
    return report


def _read_window(
    database: Database,
    store: OnlineStore,
    settings: SyncSettings,
    time: OrderTime,
    start: datetime,
    end: datetime,
    report: AfterSalePullReport,
) -> None:
    report.windows += 1
    first = OrderCursor(start=start, end=end, time=time, page_size=settings.order_page_size)
    listed: dict[str, AfterSale] = every_page(
        first, store.after_sales_since, lambda page: page.items, lambda item: item.returns_id
    )
    report.listed += len(listed)
    with database.reading() as session:
        marks = SyncRepository(session).after_sale_marks(listed)
    for returns_id, item in listed.items():
        known = marks.get(returns_id)
        if (
            known is not None
            and known[0] == STATE_CODES[item.state]
            and known[1] >= item.updated_at
        ):
            continue
        # The lines come with the details; a refund before shipment needs none (the order's).
        full = item if item.kind is AfterSaleKind.REFUND_BEFORE_SHIPMENT else None
        full = full or store.after_sale(returns_id)
        _check(full)
        report.fetched += 1
        with database.unit_of_work() as uow:
            before, stopped = apply_after_sale(uow.session, full)
            uow.commit()
        report.new += before is None
        report.stopped_picks += stopped


def _check(item: AfterSale) -> None:
    what = f"after-sale {item.returns_id[:64]}"
    if not (0 < len(item.returns_id) <= 64 and 0 < len(item.order_id) <= 64):
        raise RefusedData(what=what, detail="an id that is not an id")
    if not 0 <= item.refund_fen <= 10**10:
        raise RefusedData(what=what, detail=f"a refund of {item.refund_fen}")
    for line in item.lines:
        if not (0 < len(line.sku_id) <= 64 and 0 < line.quantity <= 100_000):
            raise RefusedData(what=what, detail="a line that cannot be read")


def apply_after_sale(session: Session, item: AfterSale) -> tuple[StoredAfterSale | None, bool]:
    """Upsert one after-sale and act on it; returns what was stored before and whether it
    stopped a pick."""
    repo = SyncRepository(session)
    order = session.get(OnlineOrderRow, item.order_id)
    ours = order is not None and order.ours
    stored = StoredAfterSale(
        returns_id=item.returns_id,
        order_id=item.order_id,
        return_type=KIND_CODES[item.kind],
        status=STATE_CODES[item.state],
        ours=ours,
        applied_at=item.applied_at,
        online_updated_at=item.updated_at,
        refund_fen=item.refund_fen,
        reason=item.reason,
        lines=tuple((line.sku_id, line.quantity) for line in item.lines),
        exchange_lines=tuple((line.sku_id, line.quantity) for line in item.exchange_lines),
    )
    before = repo.upsert_after_sale(stored)
    if not ours or order is None:
        return before, False
    stopped = False
    if item.kind is AfterSaleKind.REFUND_BEFORE_SHIPMENT and item.state.is_open:
        handed_over = bool(repo.parcels(item.order_id))
        if not order.cancel_requested:
            stopped = not handed_over
            session.execute(
                update(OnlineOrderRow)
                .where(OnlineOrderRow.order_id == item.order_id)
                .values(cancel_requested=True)
            )
            repo.log(
                AFTER_SALES,
                "error" if handed_over else "warning",
                "The buyer of online order {order} asked for a refund before shipment: stop "
                "picking, do not hand it over"
                + (" (it was already handed over: check with the customer)" if handed_over else ""),
                order=item.order_id,
            )
        repo.set_reservation(item.order_id, reserve=False)
    elif before is None and item.kind in GOODS_COME_BACK:
        repo.log(
            AFTER_SALES,
            "info",
            "The buyer of online order {order} asked to return or exchange goods ({returns})",
            order=item.order_id,
            returns=item.returns_id,
        )
    return before, stopped


@acting(Permission.SELL)
def receive_return(
    database: Database,
    returns_id: str,
    scanned_sku_ids: Sequence[int],
    *,
    terminal_id: str,
    staff: StaffSession,
) -> StoredAfterSale:
    """The goods of a return or exchange arrived at the store: ``scanned_sku_ids`` (the store
    SKU of each unit scanned) must be exactly what the after-sale names. They go back into
    stock and the online store is told (queued). Receiving twice returns the first receipt."""
    with database.unit_of_work() as uow:
        session = uow.session
        repo = SyncRepository(session)
        stored = repo.after_sale(returns_id)
        if stored is None:
            raise FulfilmentError("There is no online after-sale {returns}", returns=returns_id)
        if stored.received_at is not None:
            return stored
        if not may_receive(stored):
            raise FulfilmentError(
                "After-sale {returns} is not waiting for goods to come back to this store",
                returns=returns_id,
            )
        expected: Counter[int] = Counter()
        for red_sku, quantity in stored.lines:
            sku_id = session.scalar(select(SkuRow.id).where(SkuRow.red_sku_id == red_sku))
            if sku_id is None:
                raise FulfilmentError(
                    "After-sale {returns} names an online SKU the store does not know ({sku})",
                    returns=returns_id,
                    sku=red_sku,
                )
            expected[sku_id] += quantity
        scanned = Counter(scanned_sku_ids)
        if scanned != expected:
            missing = sum((expected - scanned).values())
            extra = sum((scanned - expected).values())
            raise FulfilmentError(
                "The items scanned are not what after-sale {returns} returns: {missing} "
                "missing, {extra} not in it",
                returns=returns_id,
                missing=missing,
                extra=extra,
            )
        now = datetime.now(UTC)
        stock = StockRepository(session)
        catalog = CatalogRepository(session)
        for sku_id, quantity in sorted(expected.items()):
            sku = catalog.sku(sku_id)
            stock.record(
                StockMovement(
                    id=uuid.uuid4().hex,
                    sku_id=sku_id,
                    kind=MovementKind.RETURN,
                    quantity=quantity,
                    reason="online return received",
                    staff_id=staff.id,
                    terminal_id=terminal_id,
                    created_at=now,
                    reference=returns_id,
                ),
                allow_negative=True,  # adding back cannot go below zero
                sku_code=sku.code if sku else "",
            )
        repo.mark_return_received(returns_id, staff_id=staff.id, at=now)
        repo.log(
            AFTER_SALES,
            "info",
            "Returned goods of online order {order} received ({returns}): {units} units back "
            "in stock",
            order=stored.order_id,
            returns=returns_id,
            units=sum(expected.values()),
        )
        received = repo.after_sale(returns_id)
        uow.commit()
    assert received is not None
    return received


EXCHANGE_TOPIC = "exchange_ship"


def exchange_sent(session: Session, returns_id: str) -> bool:
    """The replacement of this exchange has left the store (queued or told)."""
    found = session.scalar(
        select(OutboxRow.id).where(OutboxRow.topic == EXCHANGE_TOPIC, OutboxRow.key == returns_id)
    )
    return found is not None


def may_ship_exchange(stored: StoredAfterSale, *, sent: bool) -> bool:
    """An exchange whose goods came back here and whose replacement has not left yet."""
    return (
        stored.ours
        and kind_of(stored) is AfterSaleKind.EXCHANGE
        and stored.received_at is not None
        and bool(stored.exchange_lines)
        and not sent
        and state_of(stored)
        not in (
            AfterSaleState.EXCHANGE_SHIPPED,
            AfterSaleState.DONE,
            AfterSaleState.CANCELLED,
            AfterSaleState.CLOSED,
        )
    )


@acting(Permission.SELL)
def ship_exchange(
    database: Database,
    returns_id: str,
    express_no: str,
    company_code: str,
    *,
    terminal_id: str,
    staff: StaffSession,
) -> None:
    """The replacement goods of an exchange leave the store with a courier: their stock
    movements and the shipment to tell the online store (``afterSale.receiveAndShip``), in one
    transaction. Shipping twice is refused."""
    from sync.express import check_courier

    express_no, company_code = express_no.strip(), company_code.strip()
    if not express_no or not company_code:
        raise FulfilmentError("A shipped parcel needs its express number and courier")
    check_courier(database, company_code)
    with database.unit_of_work() as uow:
        session = uow.session
        repo = SyncRepository(session)
        stored = repo.after_sale(returns_id)
        if stored is None:
            raise FulfilmentError("There is no online after-sale {returns}", returns=returns_id)
        if not may_ship_exchange(stored, sent=exchange_sent(session, returns_id)):
            raise FulfilmentError(
                "Exchange {returns} cannot be sent now: its goods must be back here first, and "
                "it is sent once",
                returns=returns_id,
            )
        outgoing: Counter[int] = Counter()
        for red_sku, quantity in stored.exchange_lines:
            sku_id = session.scalar(select(SkuRow.id).where(SkuRow.red_sku_id == red_sku))
            if sku_id is None:
                raise FulfilmentError(
                    "After-sale {returns} names an online SKU the store does not know ({sku})",
                    returns=returns_id,
                    sku=red_sku,
                )
            outgoing[sku_id] += quantity
        now = datetime.now(UTC)
        stock = StockRepository(session)
        catalog = CatalogRepository(session)
        for sku_id, quantity in sorted(outgoing.items()):
            sku = catalog.sku(sku_id)
            stock.record(
                StockMovement(
                    id=uuid.uuid4().hex, sku_id=sku_id, kind=MovementKind.ONLINE_FULFILMENT,
                    quantity=-quantity, reason="online exchange shipped", staff_id=staff.id,
                    terminal_id=terminal_id, created_at=now, reference=returns_id,
                ),
                allow_negative=True,  # the goods have physically left
                sku_code=sku.code if sku else "",
            )  # fmt: skip
        OutboxRepository(session).add(
            EXCHANGE_TOPIC, returns_id, {"express_no": express_no, "company": company_code}
        )
        repo.log(
            AFTER_SALES, "info",
            "The exchange of online order {order} was sent ({returns}): {units} units",
            order=stored.order_id, returns=returns_id, units=sum(outgoing.values()),
        )  # fmt: skip
        uow.commit()


def push_exchange_shipments(
    database: Database, store: OnlineStore, *, should_stop: Callable[[], bool] = lambda: False
) -> PushReport:
    """Tell the online store of each exchange sent from here (``afterSale.receiveAndShip``)."""
    return push_topic(
        database,
        EXCHANGE_TOPIC,
        lambda returns_id, payload: store.ship_exchange(
            returns_id, str(payload["express_no"]), str(payload["company"])
        ),
        stream=AFTER_SALES,
        refusal=lambda returns_id, _payload, reason: (
            "The online store refused the exchange sent for {returns}: {reason}",
            {"returns": returns_id, "reason": reason},
        ),
        should_stop=should_stop,
    )


@dataclass
class ConfirmReport:
    sent: int = 0
    confirmed: int = 0
    refused: int = 0


def push_return_confirmations(
    database: Database,
    store: OnlineStore,
    *,
    should_stop: Callable[[], bool] = lambda: False,
) -> ConfirmReport:
    """Tell the online store of every return received here and not yet confirmed. A refusal
    is noted and tried again next run; trouble reaching the store stops the run (raised)."""
    report = ConfirmReport()
    with database.reading() as session:
        waiting = SyncRepository(session).after_sales(confirm_states=[PENDING, SENT])
    for item in waiting:
        if should_stop():
            break
        with database.unit_of_work() as uow:
            SyncRepository(uow.session).set_after_sale_confirm(item.returns_id, SENT)
            uow.commit()
        report.sent += 1
        try:
            store.confirm_return_received(item.returns_id)
        except PlatformError as refused:
            report.refused += 1
            with database.unit_of_work() as uow:
                repo = SyncRepository(uow.session)
                repo.set_after_sale_confirm(item.returns_id, SENT, error=refused.message)
                if item.confirm_error != refused.message:
                    repo.log(
                        AFTER_SALES,
                        "error",
                        "The online store refused the receipt of after-sale {returns}: {reason}",
                        returns=item.returns_id,
                        reason=refused.message,
                    )
                uow.commit()
            continue
        with database.unit_of_work() as uow:
            SyncRepository(uow.session).set_after_sale_confirm(item.returns_id, CONFIRMED)
            uow.commit()
        report.confirmed += 1
    return report
