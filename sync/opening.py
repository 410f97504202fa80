"""First connection: the store's opening stock, from the online figures or from a count.

The manager chooses. Either way the store's on-hand becomes the chosen figure through stock
movements (``opening`` when stock is added, ``count`` when the figure is lower than what the
ledger says), so the ledger explains every unit. Done once; a second run is refused.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import select

from redhome_pos.domain.errors import DomainError
from redhome_pos.domain.staff import Permission, StaffSession
from redhome_pos.domain.stock import MovementKind, StockMovement
from redhome_pos.persistence.database import Database
from redhome_pos.persistence.models.catalog import SkuRow
from redhome_pos.persistence.repositories.stock import StockRepository
from redhome_pos.persistence.repositories.sync import SyncRepository
from redhome_pos.services.sessions import acting
from sync.checks import check_on_hand
from sync.connector import OnlineStore
from sync.settings import OPENING

BATCH = 100


class OpeningStockError(DomainError):
    """The opening stock cannot be taken as asked."""


@dataclass
class OpeningReport:
    source: str
    skus: int = 0
    movements: int = 0
    units_added: int = 0
    units_removed: int = 0


def opening_taken(database: Database) -> bool:
    with database.reading() as session:
        return SyncRepository(session).cursor(OPENING).position is not None


@acting(Permission.ADJUST_STOCK)
def opening_from_online(
    database: Database, store: OnlineStore, *, terminal_id: str, staff: StaffSession
) -> OpeningReport:
    """Take each online SKU's stock in the store's warehouse as its opening on-hand."""
    _refuse_second_time(database)
    with database.reading() as session:
        skus = session.execute(
            select(SkuRow.id, SkuRow.red_sku_id)
            .where(SkuRow.red_sku_id.is_not(None))
            .order_by(SkuRow.id)
        ).all()
    figures: dict[int, int] = {}
    for start in range(0, len(skus), BATCH):
        batch = {str(red): sku_id for sku_id, red in skus[start : start + BATCH]}
        online = store.get_stock(list(batch))
        for red, stock in online.items():
            if red in batch:
                figures[batch[red]] = check_on_hand(red, stock.total)
    # Everything was read (and checked) before anything is written.
    return _book(database, figures, "online", terminal_id, staff.id)


@acting(Permission.ADJUST_STOCK)
def opening_from_count(
    database: Database,
    counted: Mapping[int, int],
    *,
    terminal_id: str,
    staff: StaffSession,
) -> OpeningReport:
    """Take the counted units per store SKU id as the opening on-hand."""
    _refuse_second_time(database)
    for sku_id, units in counted.items():
        if units < 0:
            raise OpeningStockError(
                "A counted quantity cannot be negative (SKU {sku_id}: {units})",
                sku_id=sku_id,
                units=units,
            )
    return _book(database, dict(counted), "count", terminal_id, staff.id)


def _refuse_second_time(database: Database) -> None:
    if opening_taken(database):
        raise OpeningStockError("The opening stock has already been taken; count stock instead")


def _book(
    database: Database,
    figures: dict[int, int],
    source: str,
    terminal_id: str,
    staff_id: int | None,
) -> OpeningReport:
    report = OpeningReport(source=source, skus=len(figures))
    now = datetime.now(UTC)
    with database.unit_of_work() as uow:
        stock = StockRepository(uow.session)
        for sku_id, figure in sorted(figures.items()):
            difference = figure - stock.on_hand(sku_id)
            if difference == 0 and source != "count":
                continue
            kind = MovementKind.OPENING if difference > 0 else MovementKind.COUNT
            stock.record(
                StockMovement(
                    id=uuid.uuid4().hex,
                    sku_id=sku_id,
                    kind=kind,
                    quantity=difference,
                    reason=f"opening stock ({source})",
                    staff_id=staff_id,
                    terminal_id=terminal_id,
                    created_at=now,
                    reference=f"opening:{source}",
                ),
                allow_negative=False,
            )
            report.movements += 1
            if difference > 0:
                report.units_added += difference
            else:
                report.units_removed -= difference
        repo = SyncRepository(uow.session)
        repo.move_cursor(OPENING, now, {"source": source, "skus": len(figures)})
        repo.log(
            OPENING,
            "info",
            "Opening stock taken from the {source}: {skus} SKUs, {added} units added, "
            "{removed} removed",
            source="online store" if source == "online" else "count",
            skus=len(figures),
            added=report.units_added,
            removed=report.units_removed,
        )
        uow.commit()
    return report
