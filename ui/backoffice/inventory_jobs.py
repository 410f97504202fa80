"""Inventory work for the back office: a product with its stock and movements, adjustments
with a reason, and receiving a delivery by scanning. Plain values in and out."""

from __future__ import annotations

from dataclasses import dataclass

from redhome_pos.domain.catalog import SkuView
from redhome_pos.domain.errors import CatalogError
from redhome_pos.domain.scan import ScanSettings
from redhome_pos.domain.staff import StaffSession
from redhome_pos.domain.stock import StockMovement
from redhome_pos.persistence.database import Database
from redhome_pos.persistence.repositories.catalog import CatalogRepository
from redhome_pos.persistence.repositories.stock import StockRepository
from redhome_pos.services import receiving
from redhome_pos.services import stock as stock_service
from redhome_pos.services.counter import Till
from redhome_pos.services.lots import parse_expiry
from redhome_pos.services.receiving import ReceivedLot, ReceivingLine, ReceivingPosted
from redhome_pos.services.scanning import ScanService


@dataclass(frozen=True, slots=True)
class ProductDetail:
    sku: SkuView
    movements: tuple[StockMovement, ...]


def detail(database: Database, sku_id: int, limit: int = 100) -> ProductDetail:
    with database.reading() as session:
        view = CatalogRepository(session).sku_view(sku_id)
        if view is None:
            raise CatalogError("No SKU {sku_id} in the catalog", sku_id=sku_id)
        movements = tuple(StockRepository(session).movements(sku_id, limit))
    return ProductDetail(view, movements)


def find(database: Database, settings: ScanSettings, text: str) -> ProductDetail:
    """The product a scan or typed code names, with its stock and movements."""
    outcome = ScanService(database, settings).scan(text.strip(), record=False)
    if outcome.sku is None:
        raise CatalogError("No product has the code {code}", code=text.strip())
    return detail(database, outcome.sku.sku_id)


def adjust(
    database: Database, till: Till, staff: StaffSession, sku_id: int, quantity: int, reason: str
) -> ProductDetail:
    stock_service.adjust(
        database,
        sku_id,
        quantity,
        reason=reason,
        terminal_id=till.terminal_id,
        staff=staff,
        allow_negative=till.allow_negative_stock,
    )
    return detail(database, sku_id)


def start_delivery(
    database: Database, till: Till, staff: StaffSession, reference: str, supplier: str
) -> int:
    return receiving.start_receiving(database, till, staff, reference=reference, supplier=supplier)


def receive_scan(
    database: Database,
    till: Till,
    staff: StaffSession,
    receiving_id: int,
    code: str,
    lot: str = "",
    expiry: str = "",
) -> DeliveryState:
    """A unit or carton scanned at the delivery, into the lot typed (a GS1 code's own lot and
    date win); the delivery's lines and lots after it."""
    receiving.receive_scan(
        database, till, staff, receiving_id, code.strip(),
        lot=lot.strip() or None, expiry=parse_expiry(expiry),
    )  # fmt: skip
    return delivery_state(database, receiving_id)


@dataclass(frozen=True, slots=True)
class DeliveryState:
    """A delivery being received: its lines, the lots booked, and each SKU's title and
    variant (what the floor sees beside the code it scanned)."""

    lines: list[ReceivingLine]
    lots: list[ReceivedLot]
    names: dict[int, tuple[str, str]]


def delivery_state(database: Database, receiving_id: int) -> DeliveryState:
    lines = receiving.receiving_lines(database, receiving_id)
    with database.reading() as session:
        names = CatalogRepository(session).names(
            line.sku_id for line in lines if line.sku_id is not None
        )
    return DeliveryState(lines, receiving.received_lots(database, receiving_id), names)


def delivery_lines(database: Database, receiving_id: int) -> list[ReceivingLine]:
    return receiving.receiving_lines(database, receiving_id)


def post_delivery(
    database: Database, till: Till, staff: StaffSession, receiving_id: int, approval_id: int | None
) -> ReceivingPosted:
    return receiving.post_receiving(database, till, staff, receiving_id, approval_id=approval_id)
