"""Stock use cases: receiving a delivery, adjusting and counting stock.

Each is done by a logged-in staff member allowed to (``staff``), opens one unit of work,
records one movement through the ledger (which also queues the new on-hand for the online
store) and commits once.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import UTC, date, datetime

from redhome_pos.domain.errors import StockError
from redhome_pos.domain.lots import check_lot_code
from redhome_pos.domain.staff import Permission, StaffSession
from redhome_pos.domain.stock import MovementKind, StockMovement, count_difference
from redhome_pos.persistence.database import Database
from redhome_pos.persistence.repositories.catalog import CatalogRepository
from redhome_pos.persistence.repositories.stock import StockRepository
from redhome_pos.services.sessions import acting


def new_movement_id() -> str:
    """A movement id unique across every terminal of every store."""
    return uuid.uuid4().hex


@dataclass(frozen=True, slots=True)
class StockChange:
    """What a stock use case did: the movement recorded and the on-hand after it."""

    movement: StockMovement
    on_hand: int


def _record(
    database: Database,
    sku_id: int,
    kind: MovementKind,
    quantity: int,
    *,
    reason: str,
    staff_id: int | None,
    terminal_id: str,
    reference: str,
    allow_negative: bool,
    lot: str | None = None,
    expiry: date | None = None,
) -> StockChange:
    lot = None if lot is None else check_lot_code(lot)
    with database.unit_of_work() as uow:
        sku = CatalogRepository(uow.session).sku(sku_id)
        if sku is None:
            raise StockError("No SKU {sku_id} in the catalog", sku_id=sku_id)
        movement = StockMovement(
            id=new_movement_id(),
            sku_id=sku_id,
            kind=kind,
            quantity=quantity,
            reason=reason,
            staff_id=staff_id,
            terminal_id=terminal_id,
            created_at=datetime.now(UTC),
            reference=reference,
            lot=lot,
            expiry=expiry,
        )
        on_hand = StockRepository(uow.session).record(
            movement, allow_negative=allow_negative, sku_code=sku.code
        )
        uow.commit()
    return StockChange(movement, on_hand)


@acting(Permission.RECEIVE_STOCK)
def receive(
    database: Database,
    sku_id: int,
    quantity: int,
    *,
    terminal_id: str,
    staff: StaffSession,
    reason: str = "",
    reference: str = "",
    lot: str | None = None,
    expiry: date | None = None,
) -> StockChange:
    """Book a delivery of ``quantity`` (more than zero) units into stock; for lot-tracked
    goods, into ``lot`` with its ``expiry`` (the carton's GS1 label or typed in)."""
    if quantity <= 0:
        raise StockError("A delivery adds at least one unit, not {quantity}", quantity=quantity)
    return _record(
        database,
        sku_id,
        MovementKind.RECEIVE,
        quantity,
        reason=reason,
        staff_id=staff.id,
        terminal_id=terminal_id,
        reference=reference,
        allow_negative=True,
        lot=lot,
        expiry=expiry,
    )


@acting(Permission.ADJUST_STOCK)
def adjust(
    database: Database,
    sku_id: int,
    quantity: int,
    *,
    reason: str,
    terminal_id: str,
    staff: StaffSession,
    allow_negative: bool = False,
    reference: str = "",
    lot: str | None = None,
) -> StockChange:
    """Correct stock by ``quantity`` (signed) for a stated reason (damaged, lost, found…);
    ``lot`` names the lot for lot-tracked goods (else units leave first-expiring first)."""
    if not reason.strip():
        raise StockError("A stock adjustment needs a reason")
    return _record(
        database,
        sku_id,
        MovementKind.ADJUST,
        quantity,
        reason=reason,
        staff_id=staff.id,
        terminal_id=terminal_id,
        reference=reference,
        allow_negative=allow_negative,
        lot=lot,
    )


@acting(Permission.POST_COUNT)
def count(
    database: Database,
    sku_id: int,
    counted: int,
    *,
    terminal_id: str,
    staff: StaffSession,
    reason: str = "stock count",
    reference: str = "",
) -> StockChange:
    """Record a physical count: the ledger moves by the difference to what was counted."""
    # The difference is taken inside the writing unit of work, so a sale on another
    # terminal between the count and its booking does not skew it.
    with database.unit_of_work() as uow:
        stock = StockRepository(uow.session)
        sku = CatalogRepository(uow.session).sku(sku_id)
        if sku is None:
            raise StockError("No SKU {sku_id} in the catalog", sku_id=sku_id)
        on_hand = stock.on_hand(sku_id)
        movement = StockMovement(
            id=new_movement_id(),
            sku_id=sku_id,
            kind=MovementKind.COUNT,
            quantity=count_difference(on_hand, counted),
            reason=reason,
            staff_id=staff.id,
            terminal_id=terminal_id,
            created_at=datetime.now(UTC),
            reference=reference,
        )
        new_level = stock.record(movement, allow_negative=False, sku_code=sku.code)
        uow.commit()
    return StockChange(movement, new_level)
