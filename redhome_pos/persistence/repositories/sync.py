"""The sync repository: cursors, tokens, online orders, parcels (deliveries), the sync log and
the lease.

Like every repository it works on the caller's session (the caller commits) and returns plain
dataclasses, so the sync engine's results can cross threads to the UI.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import delete, func, insert, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from redhome_pos.persistence.models.base import utcnow
from redhome_pos.persistence.models.sync import (
    OnlineAfterSaleRow,
    OnlineOrderLineRow,
    OnlineOrderRow,
    OnlineTokenRow,
    ParcelLineRow,
    ParcelRow,
    SyncCursorRow,
    SyncLeaseRow,
    SyncLogRow,
)

# Delivery states: the intent is written at the counter (pending); the engine marks it sent
# before the call leaves (so a crash after the call is known to be "maybe sent") and confirmed
# once the online store has it; void when the order was cancelled before it went out.
PENDING = "pending"
SENT = "sent"
CONFIRMED = "confirmed"
VOID = "void"

# Online order statuses (``sync.connector.OrderStatus`` values) of paid orders not shipped yet:
# the online store has taken their units off its stock total when they were paid.
PAID_NOT_SHIPPED = ("processing", "customs", "awaiting_shipment", "partly_shipped")

LOG_KEEP = 5000  # sync log entries kept; older ones are pruned


@dataclass(frozen=True, slots=True)
class StreamCursor:
    """How far a stream has read, what it keeps between runs, and how its last run went."""

    stream: str
    position: datetime | None = None
    state: dict[str, Any] = field(default_factory=dict)
    last_attempt_at: datetime | None = None
    last_success_at: datetime | None = None
    last_error: str = ""


@dataclass(frozen=True, slots=True)
class StoredTokens:
    access_token: str = field(repr=False)
    access_expires_at: datetime
    refresh_token: str = field(repr=False)
    refresh_expires_at: datetime
    seller_id: str = ""
    seller_name: str = ""


@dataclass(frozen=True, slots=True)
class StoredOrderLine:
    line_no: int
    red_sku_id: str
    sku_id: int | None
    quantity: int
    unit_price_fen: int
    barcode: str = ""
    erp_code: str = ""
    title: str = ""
    reserved: int = 0


@dataclass(frozen=True, slots=True)
class StoredOnlineOrder:
    order_id: str
    status: str
    fulfilment: str
    warehouse_code: str
    ours: bool
    online_created_at: datetime
    online_updated_at: datetime
    lines: tuple[StoredOrderLine, ...] = ()
    # The receiver as the platform masks it, and its ciphertexts (name, phone, address) that
    # only the platform can open; the clear text is never stored.
    receiver_name_masked: str = ""
    receiver_phone_masked: str = ""
    receiver_address_masked: str = ""
    receiver_region: str = ""
    receiver_sealed: dict[str, str] = field(default_factory=dict, repr=False)
    paid_fen: int = 0
    cancel_requested: bool = False

    @property
    def receiver_masked(self) -> str:
        """Who receives the parcel, masked, in one line."""
        parts = (self.receiver_name_masked, self.receiver_phone_masked, self.receiver_region,
                 self.receiver_address_masked)  # fmt: skip
        return " ".join(part for part in parts if part)


@dataclass(frozen=True, slots=True)
class StoredAfterSale:
    """An online after-sale as the store keeps it; ``lines`` are (online SKU, quantity)."""

    returns_id: str
    order_id: str
    return_type: int
    status: int
    ours: bool
    applied_at: datetime
    online_updated_at: datetime
    refund_fen: int = 0
    reason: str = ""
    lines: tuple[tuple[str, int], ...] = ()
    exchange_lines: tuple[tuple[str, int], ...] = ()  # an exchange: what goes out instead
    received_at: datetime | None = None
    received_by: int | None = None
    confirm_state: str = ""
    confirm_error: str = ""


def _after_sale(row: OnlineAfterSaleRow) -> StoredAfterSale:
    return StoredAfterSale(
        returns_id=row.returns_id,
        order_id=row.order_id,
        return_type=row.return_type,
        status=row.status,
        ours=row.ours,
        applied_at=row.applied_at,
        online_updated_at=row.online_updated_at,
        refund_fen=row.refund_fen,
        reason=row.reason,
        lines=tuple(
            (str(line["sku"]), int(line["quantity"]))
            for line in row.lines or ()
            if not line.get("exchange")
        ),
        exchange_lines=tuple(
            (str(line["sku"]), int(line["quantity"]))
            for line in row.lines or ()
            if line.get("exchange")
        ),
        received_at=row.received_at,
        received_by=row.received_by,
        confirm_state=row.confirm_state,
        confirm_error=row.confirm_error,
    )


@dataclass(frozen=True, slots=True)
class Delivery:
    order_id: str
    state: str
    method: str
    express_no: str
    company_code: str
    attempts: int
    last_error: str
    requested_at: datetime
    sent_at: datetime | None
    confirmed_at: datetime | None
    refused_at: datetime | None = None
    parcel_no: int = 1
    sku_ids: tuple[str, ...] = ()  # told as a split of these online SKUs; () the whole order
    lines: tuple[tuple[int, int], ...] = ()  # (order line no, units) in this parcel

    @property
    def split(self) -> bool:
        return bool(self.sku_ids)

    @property
    def units(self) -> int:
        return sum(units for _, units in self.lines)


@dataclass(frozen=True, slots=True)
class SyncLogEntry:
    id: int
    at: datetime
    stream: str
    level: str
    template: str
    params: dict[str, Any]

    @property
    def message(self) -> str:
        try:
            return self.template.format(**self.params)
        except (KeyError, IndexError, ValueError):
            return self.template


def _order_line(row: OnlineOrderLineRow) -> StoredOrderLine:
    return StoredOrderLine(
        line_no=row.line_no,
        red_sku_id=row.red_sku_id,
        sku_id=row.sku_id,
        quantity=row.quantity,
        unit_price_fen=row.unit_price_fen,
        barcode=row.barcode,
        erp_code=row.erp_code,
        title=row.title,
        reserved=row.reserved,
    )


def _delivery(row: ParcelRow, lines: Sequence[tuple[int, int]]) -> Delivery:
    return Delivery(
        order_id=row.order_id,
        state=row.state,
        method=row.method,
        express_no=row.express_no,
        company_code=row.company_code,
        attempts=row.attempts,
        last_error=row.last_error,
        requested_at=row.requested_at,
        sent_at=row.sent_at,
        confirmed_at=row.confirmed_at,
        refused_at=row.refused_at,
        parcel_no=row.parcel_no,
        sku_ids=tuple(str(s) for s in row.sku_ids or ()),
        lines=tuple(sorted((int(n), int(q)) for n, q in lines)),
    )


class SyncRepository:
    """Sync state on one session; the caller's unit of work commits."""

    def __init__(self, session: Session) -> None:
        self._session = session

    # --- cursors ------------------------------------------------------------------------

    def cursor(self, stream: str) -> StreamCursor:
        row = self._session.get(SyncCursorRow, stream)
        if row is None:
            return StreamCursor(stream)
        return StreamCursor(
            stream=row.stream,
            position=row.position,
            state=dict(row.state or {}),
            last_attempt_at=row.last_attempt_at,
            last_success_at=row.last_success_at,
            last_error=row.last_error,
        )

    def cursors(self) -> list[StreamCursor]:
        streams = self._session.scalars(select(SyncCursorRow.stream).order_by("stream")).all()
        return [self.cursor(stream) for stream in streams]

    def _cursor_row(self, stream: str) -> SyncCursorRow:
        row = self._session.get(SyncCursorRow, stream)
        if row is None:
            row = SyncCursorRow(stream=stream, position=None, state={}, last_error="")
            self._session.add(row)
            self._session.flush()
        return row

    def move_cursor(
        self, stream: str, position: datetime | None, state: dict[str, Any] | None = None
    ) -> None:
        """Remember how far ``stream`` has read (and what it needs to resume)."""
        row = self._cursor_row(stream)
        row.position = position
        row.state = dict(state or {})
        self._session.flush()

    def record_run(self, stream: str, *, at: datetime, error: str = "") -> None:
        """Note a run of ``stream``: a success when ``error`` is empty."""
        row = self._cursor_row(stream)
        row.last_attempt_at = at
        row.last_error = error
        if not error:
            row.last_success_at = at
        self._session.flush()

    # --- tokens -------------------------------------------------------------------------

    def tokens(self, store_kind: str) -> StoredTokens | None:
        row = self._session.get(OnlineTokenRow, store_kind)
        if row is None:
            return None
        return StoredTokens(
            access_token=row.access_token,
            access_expires_at=row.access_expires_at,
            refresh_token=row.refresh_token,
            refresh_expires_at=row.refresh_expires_at,
            seller_id=row.seller_id,
            seller_name=row.seller_name,
        )

    def save_tokens(self, store_kind: str, tokens: StoredTokens) -> None:
        row = self._session.get(OnlineTokenRow, store_kind)
        if row is None:
            row = OnlineTokenRow(store_kind=store_kind)
            self._session.add(row)
        row.access_token = tokens.access_token
        row.access_expires_at = tokens.access_expires_at
        row.refresh_token = tokens.refresh_token
        row.refresh_expires_at = tokens.refresh_expires_at
        row.seller_id = tokens.seller_id
        row.seller_name = tokens.seller_name
        self._session.flush()

    # --- online orders ------------------------------------------------------------------

    def order_marks(self, order_ids: Iterable[str]) -> dict[str, tuple[str, datetime]]:
        """Status and online update time of the orders already stored, by order id."""
        ids = list(order_ids)
        if not ids:
            return {}
        rows = self._session.execute(
            select(
                OnlineOrderRow.order_id, OnlineOrderRow.status, OnlineOrderRow.online_updated_at
            ).where(OnlineOrderRow.order_id.in_(ids))
        ).all()
        return {order_id: (status, updated) for order_id, status, updated in rows}

    def order(self, order_id: str) -> StoredOnlineOrder | None:
        row = self._session.get(OnlineOrderRow, order_id)
        if row is None:
            return None
        lines = self._session.scalars(
            select(OnlineOrderLineRow)
            .where(OnlineOrderLineRow.order_id == order_id)
            .order_by(OnlineOrderLineRow.line_no)
        ).all()
        return StoredOnlineOrder(
            order_id=row.order_id,
            status=row.status,
            fulfilment=row.fulfilment,
            warehouse_code=row.warehouse_code,
            ours=row.ours,
            online_created_at=row.online_created_at,
            online_updated_at=row.online_updated_at,
            lines=tuple(_order_line(line) for line in lines),
            receiver_name_masked=row.receiver_name_masked,
            receiver_phone_masked=row.receiver_phone_masked,
            receiver_address_masked=row.receiver_address_masked,
            receiver_region=row.receiver_region,
            receiver_sealed={
                name: value
                for name, value in (
                    ("name", row.receiver_name_sealed),
                    ("phone", row.receiver_phone_sealed),
                    ("address", row.receiver_address_sealed),
                )
                if value
            },
            paid_fen=row.paid_fen,
            cancel_requested=row.cancel_requested,
        )

    def orders(
        self, *, ours_only: bool = True, statuses: Sequence[str] | None = None, limit: int = 200
    ) -> list[StoredOnlineOrder]:
        """Orders newest first (the store's own by default), optionally of some statuses."""
        query = select(OnlineOrderRow.order_id)
        if ours_only:
            query = query.where(OnlineOrderRow.ours.is_(True))
        if statuses is not None:
            query = query.where(OnlineOrderRow.status.in_(list(statuses)))
        query = query.order_by(OnlineOrderRow.online_created_at.desc()).limit(limit)
        found = (self.order(order_id) for order_id in self._session.scalars(query).all())
        return [order for order in found if order is not None]

    def upsert_order(self, order: StoredOnlineOrder) -> str | None:
        """Store the order as the online store has it now; returns the status it had before
        (None for a new order). The lines are replaced; reservations are set apart."""
        session = self._session
        row = session.get(OnlineOrderRow, order.order_id)
        previous = None if row is None else row.status
        if row is None:
            row = OnlineOrderRow(order_id=order.order_id)
            session.add(row)
        row.status = order.status
        row.fulfilment = order.fulfilment
        row.warehouse_code = order.warehouse_code
        row.ours = order.ours
        row.online_created_at = order.online_created_at
        row.online_updated_at = order.online_updated_at
        row.receiver_name_masked = order.receiver_name_masked
        row.receiver_phone_masked = order.receiver_phone_masked
        row.receiver_address_masked = order.receiver_address_masked
        row.receiver_region = order.receiver_region
        row.receiver_name_sealed = order.receiver_sealed.get("name", "")
        row.receiver_phone_sealed = order.receiver_sealed.get("phone", "")
        row.receiver_address_sealed = order.receiver_sealed.get("address", "")
        row.cancel_requested = order.cancel_requested
        row.paid_fen = order.paid_fen
        row.fetched_at = utcnow()
        session.flush()
        held = {
            line_no: reserved
            for line_no, reserved in session.execute(
                select(OnlineOrderLineRow.line_no, OnlineOrderLineRow.reserved).where(
                    OnlineOrderLineRow.order_id == order.order_id
                )
            ).all()
        }
        session.execute(
            delete(OnlineOrderLineRow).where(OnlineOrderLineRow.order_id == order.order_id)
        )
        if order.lines:
            session.execute(
                insert(OnlineOrderLineRow),
                [
                    {
                        "order_id": order.order_id,
                        "line_no": line.line_no,
                        "red_sku_id": line.red_sku_id,
                        "sku_id": line.sku_id,
                        "quantity": line.quantity,
                        "unit_price_fen": line.unit_price_fen,
                        "barcode": line.barcode,
                        "erp_code": line.erp_code,
                        "title": line.title,
                        "reserved": min(held.get(line.line_no, 0), line.quantity),
                    }
                    for line in order.lines
                ],
            )
        return previous

    def set_reservation(self, order_id: str, *, reserve: bool) -> None:
        """Hold back each line's units still in the store for the store to pick (the units
        that left in a parcel are not held), or release them all."""
        if not reserve:
            self._session.execute(
                update(OnlineOrderLineRow)
                .where(OnlineOrderLineRow.order_id == order_id)
                .values(reserved=0)
            )
            return
        left = self.units_left_store(order_id)
        for line_no, quantity in self._session.execute(
            select(OnlineOrderLineRow.line_no, OnlineOrderLineRow.quantity).where(
                OnlineOrderLineRow.order_id == order_id
            )
        ).all():
            self._session.execute(
                update(OnlineOrderLineRow)
                .where(
                    OnlineOrderLineRow.order_id == order_id,
                    OnlineOrderLineRow.line_no == line_no,
                )
                .values(reserved=max(0, quantity - left.get(line_no, 0)))
            )

    def units_left_store(self, order_id: str) -> dict[int, int]:
        """Units of each line of the order that left the store in a parcel (by line no)."""
        return {
            int(line_no): int(units)
            for line_no, units in self._session.execute(
                select(ParcelLineRow.line_no, func.sum(ParcelLineRow.quantity))
                .join(ParcelRow, ParcelRow.id == ParcelLineRow.parcel_id)
                .where(ParcelRow.order_id == order_id)
                .group_by(ParcelLineRow.line_no)
            ).all()
        }

    def held_online(self, sku_ids: Iterable[int] | None = None) -> dict[int, int]:
        """Units of the store's own paid online orders still in the store, per SKU (SKUs with
        none left out). The online store took them off its stock total when the orders were
        paid, so the figure pushed is the on-hand less these; a cancel request does not give
        them back online until the order is cancelled, so they count here until then."""
        left = (
            select(
                ParcelRow.order_id.label("order_id"),
                ParcelLineRow.line_no.label("line_no"),
                func.sum(ParcelLineRow.quantity).label("units"),
            )
            .join(ParcelLineRow, ParcelLineRow.parcel_id == ParcelRow.id)
            .group_by(ParcelRow.order_id, ParcelLineRow.line_no)
            .subquery()
        )
        still_here = OnlineOrderLineRow.quantity - func.coalesce(left.c.units, 0)
        query = (
            select(OnlineOrderLineRow.sku_id, func.sum(still_here))
            .join(OnlineOrderRow, OnlineOrderRow.order_id == OnlineOrderLineRow.order_id)
            .outerjoin(
                left,
                (left.c.order_id == OnlineOrderLineRow.order_id)
                & (left.c.line_no == OnlineOrderLineRow.line_no),
            )
            .where(
                OnlineOrderRow.ours.is_(True),
                OnlineOrderRow.status.in_(PAID_NOT_SHIPPED),
                OnlineOrderLineRow.sku_id.is_not(None),
                still_here > 0,
            )
            .group_by(OnlineOrderLineRow.sku_id)
        )
        if sku_ids is not None:
            query = query.where(OnlineOrderLineRow.sku_id.in_(list(sku_ids)))
        return {
            int(sku): int(units)
            for sku, units in self._session.execute(query).all()
            if sku is not None and units
        }

    def set_order_status(self, order_id: str, status: str) -> None:
        self._session.execute(
            update(OnlineOrderRow).where(OnlineOrderRow.order_id == order_id).values(status=status)
        )

    def reserved(self, sku_ids: Iterable[int] | None = None) -> dict[int, int]:
        """Units held back for online orders, per SKU (SKUs with none are left out)."""
        query = (
            select(OnlineOrderLineRow.sku_id, func.sum(OnlineOrderLineRow.reserved))
            .where(OnlineOrderLineRow.reserved > 0, OnlineOrderLineRow.sku_id.is_not(None))
            .group_by(OnlineOrderLineRow.sku_id)
        )
        if sku_ids is not None:
            query = query.where(OnlineOrderLineRow.sku_id.in_(list(sku_ids)))
        return {
            int(sku): int(total)
            for sku, total in self._session.execute(query).all()
            if sku is not None
        }

    # --- after-sales --------------------------------------------------------------------

    def after_sale_marks(self, ids: Iterable[str]) -> dict[str, tuple[int, datetime]]:
        """(status, online update time) of the after-sales already stored, by id."""
        wanted = list(ids)
        if not wanted:
            return {}
        rows = self._session.execute(
            select(
                OnlineAfterSaleRow.returns_id,
                OnlineAfterSaleRow.status,
                OnlineAfterSaleRow.online_updated_at,
            ).where(OnlineAfterSaleRow.returns_id.in_(wanted))
        ).all()
        return {returns_id: (status, updated) for returns_id, status, updated in rows}

    def after_sale(self, returns_id: str) -> StoredAfterSale | None:
        row = self._session.get(OnlineAfterSaleRow, returns_id)
        return None if row is None else _after_sale(row)

    def after_sales(
        self, *, ours_only: bool = True, confirm_states: Sequence[str] | None = None,
        limit: int = 200,
    ) -> list[StoredAfterSale]:  # fmt: skip
        """After-sales newest first (of the store's own orders by default)."""
        query = select(OnlineAfterSaleRow)
        if ours_only:
            query = query.where(OnlineAfterSaleRow.ours.is_(True))
        if confirm_states is not None:
            query = query.where(OnlineAfterSaleRow.confirm_state.in_(list(confirm_states)))
        query = query.order_by(OnlineAfterSaleRow.applied_at.desc()).limit(limit)
        return [_after_sale(row) for row in self._session.scalars(query).all()]

    def upsert_after_sale(self, after_sale: StoredAfterSale) -> StoredAfterSale | None:
        """Store the after-sale as the online store has it now (what the store did with it,
        receipt and confirmation, is kept); returns what was stored before."""
        row = self._session.get(OnlineAfterSaleRow, after_sale.returns_id)
        before = None if row is None else _after_sale(row)
        if row is None:
            row = OnlineAfterSaleRow(returns_id=after_sale.returns_id, confirm_state="",
                                     confirm_error="")  # fmt: skip
            self._session.add(row)
        row.order_id = after_sale.order_id
        row.return_type = after_sale.return_type
        row.status = after_sale.status
        row.ours = after_sale.ours
        row.applied_at = after_sale.applied_at
        row.online_updated_at = after_sale.online_updated_at
        row.refund_fen = after_sale.refund_fen
        row.reason = after_sale.reason
        if after_sale.lines or after_sale.exchange_lines or before is None:
            row.lines = [{"sku": sku, "quantity": qty} for sku, qty in after_sale.lines] + [
                {"sku": sku, "quantity": qty, "exchange": True}
                for sku, qty in after_sale.exchange_lines
            ]
        row.fetched_at = utcnow()
        self._session.flush()
        return before

    def mark_return_received(self, returns_id: str, *, staff_id: int, at: datetime) -> None:
        self._session.execute(
            update(OnlineAfterSaleRow)
            .where(OnlineAfterSaleRow.returns_id == returns_id)
            .values(received_at=at, received_by=staff_id, confirm_state=PENDING, confirm_error="")
        )

    def set_after_sale_confirm(self, returns_id: str, state: str, *, error: str = "") -> None:
        self._session.execute(
            update(OnlineAfterSaleRow)
            .where(OnlineAfterSaleRow.returns_id == returns_id)
            .values(confirm_state=state, confirm_error=error)
        )

    # --- parcels (deliveries) ------------------------------------------------------------

    def _parcel(self, row: ParcelRow) -> Delivery:
        lines = self._session.execute(
            select(ParcelLineRow.line_no, ParcelLineRow.quantity).where(
                ParcelLineRow.parcel_id == row.id
            )
        ).all()
        return _delivery(row, [(n, q) for n, q in lines])

    def _parcel_row(self, order_id: str, parcel_no: int) -> ParcelRow | None:
        return self._session.scalar(
            select(ParcelRow).where(
                ParcelRow.order_id == order_id, ParcelRow.parcel_no == parcel_no
            )
        )

    def delivery(self, order_id: str, parcel_no: int = 1) -> Delivery | None:
        """One parcel of an order (the first by default: the whole order when not split)."""
        row = self._parcel_row(order_id, parcel_no)
        return None if row is None else self._parcel(row)

    def parcels(self, order_id: str) -> list[Delivery]:
        """Every parcel of the order that left the store, first first."""
        rows = self._session.scalars(
            select(ParcelRow).where(ParcelRow.order_id == order_id).order_by(ParcelRow.parcel_no)
        ).all()
        return [self._parcel(row) for row in rows]

    def add_delivery(
        self,
        order_id: str,
        *,
        method: str,
        express_no: str,
        company_code: str,
        staff_id: int | None,
        terminal_id: str,
        lines: Sequence[tuple[int, int]],
        sku_ids: Sequence[str] = (),
    ) -> Delivery:
        """A new parcel of the order (numbered after the last), holding ``lines``
        ((line no, units), …); ``sku_ids`` when it is told as a split."""
        last = self._session.scalar(
            select(func.max(ParcelRow.parcel_no)).where(ParcelRow.order_id == order_id)
        )
        row = ParcelRow(
            order_id=order_id,
            parcel_no=int(last or 0) + 1,
            state=PENDING,
            method=method,
            express_no=express_no,
            company_code=company_code,
            sku_ids=list(sku_ids),
            attempts=0,
            last_error="",
            staff_id=staff_id,
            terminal_id=terminal_id,
            requested_at=utcnow(),
        )
        self._session.add(row)
        self._session.flush()
        self._session.add_all(
            ParcelLineRow(parcel_id=row.id, line_no=line_no, quantity=units)
            for line_no, units in lines
            if units > 0
        )
        self._session.flush()
        return self._parcel(row)

    def mark_delivery(
        self, order_id: str, state: str, *, parcel_no: int = 1, error: str = ""
    ) -> None:
        """Move a parcel's delivery to ``state``; ``sent`` counts an attempt."""
        row = self._parcel_row(order_id, parcel_no)
        if row is None:
            raise LookupError(f"no parcel {parcel_no} of order {order_id}")
        now = utcnow()
        row.state = state
        row.last_error = error
        if state == SENT:
            row.attempts += 1
            row.sent_at = now
        elif state == CONFIRMED:
            row.confirmed_at = now
        self._session.flush()

    def note_delivery_error(self, order_id: str, error: str, *, parcel_no: int = 1) -> None:
        """The online store refused this parcel's delivery (it is tried again later)."""
        self._session.execute(
            update(ParcelRow)
            .where(ParcelRow.order_id == order_id, ParcelRow.parcel_no == parcel_no)
            .values(last_error=error, refused_at=utcnow())
        )

    def deliveries(self, states: Sequence[str]) -> list[Delivery]:
        rows = self._session.scalars(
            select(ParcelRow)
            .where(ParcelRow.state.in_(list(states)))
            .order_by(ParcelRow.requested_at, ParcelRow.order_id, ParcelRow.parcel_no)
        ).all()
        return [self._parcel(row) for row in rows]

    # --- sync log -----------------------------------------------------------------------

    def log(self, stream: str, level: str, template: str, /, **params: Any) -> None:
        """Add an event in words (English template; ``params`` fill it)."""
        self._session.add(
            SyncLogRow(at=utcnow(), stream=stream, level=level, template=template, params=params)
        )
        self._session.flush()

    def recent_log(self, limit: int = 100, *, level: str | None = None) -> list[SyncLogEntry]:
        query = select(SyncLogRow).order_by(SyncLogRow.id.desc()).limit(limit)
        if level is not None:
            query = query.where(SyncLogRow.level == level)
        return [
            SyncLogEntry(row.id, row.at, row.stream, row.level, row.template, dict(row.params))
            for row in self._session.scalars(query).all()
        ]

    def prune_log(self, keep: int = LOG_KEEP) -> None:
        newest = self._session.scalar(select(func.max(SyncLogRow.id)))
        if newest is not None and newest > keep:
            self._session.execute(delete(SyncLogRow).where(SyncLogRow.id <= newest - keep))

    # --- the lease: one sync engine per store ---------------------------------------------

    def take_lease(
        self,
        name: str,
        holder: str,
        *,
        now: datetime,
        ttl: timedelta,
        take_over_from: str | None = None,
    ) -> bool:
        """Take or renew the lease ``name`` for ``holder`` unless another holder's lease is
        still running (a holder known to be dead can be named in ``take_over_from``).
        Returns whether ``holder`` has it now."""
        session = self._session
        row = session.get(SyncLeaseRow, name, with_for_update=True)
        if row is None:
            # Two terminals can both find no lease: the second insert fails on the key and
            # that terminal is simply not the leader (the savepoint keeps its transaction).
            try:
                with session.begin_nested():
                    session.add(
                        SyncLeaseRow(
                            name=name, holder=holder, acquired_at=now, expires_at=now + ttl
                        )
                    )
            except IntegrityError:
                return False
            return True
        free = row.expires_at < now or (take_over_from is not None and row.holder == take_over_from)
        if row.holder != holder and not free:
            return False
        if row.holder != holder:
            row.holder = holder
            row.acquired_at = now
        row.expires_at = now + ttl
        session.flush()
        return True

    def release_lease(self, name: str, holder: str) -> None:
        self._session.execute(
            delete(SyncLeaseRow).where(SyncLeaseRow.name == name, SyncLeaseRow.holder == holder)
        )

    def lease_holder(self, name: str, *, now: datetime) -> str | None:
        row = self._session.get(SyncLeaseRow, name)
        if row is None or row.expires_at < now:
            return None
        return row.holder
