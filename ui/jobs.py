"""The use cases the screens run on a worker thread. Each takes plain values and returns
domain objects (never ORM rows), so only ids and dataclasses cross threads."""

from __future__ import annotations

from collections.abc import Callable

from redhome_pos.domain import scan as scan_router
from redhome_pos.domain.sale import Sale
from redhome_pos.domain.scan import ScanSettings
from redhome_pos.domain.staff import StaffError, StaffSession
from redhome_pos.persistence.database import Database
from redhome_pos.persistence.repositories.sales import SaleRepository
from redhome_pos.services import staff as staff_service
from redhome_pos.services.checkout import find_sale
from redhome_pos.services.counter import Till
from redhome_pos.services.scanning import ScanOutcome, ScanService


def scan(
    database: Database,
    settings: ScanSettings,
    text: str,
    resolve_short_link: Callable[[str], str | None] | None = None,
) -> ScanOutcome:
    """Route a scan and find what it names (raises ``ScanError`` for a scan not to use).
    A RED short link is followed with ``resolve_short_link`` when the store is online."""
    return ScanService(database, settings, resolve_short_link=resolve_short_link).scan(text)


def find_sku(database: Database, settings: ScanSettings, sku_id: int) -> ScanOutcome:
    """A SKU picked in search, as if its code had been scanned."""
    from redhome_pos.persistence.repositories.catalog import CatalogRepository

    with database.reading() as session:
        sku = CatalogRepository(session).sku(sku_id)
    if sku is None:
        raise StaffError("No product {sku_id}", sku_id=sku_id)
    result = scan_router.SkuCode(sku.code)
    return ScanOutcome(result, sku=ScanService(database, settings).find_product(result))


def log_in_with_pin(database: Database, till: Till, code: str, pin: str) -> StaffSession:
    return staff_service.login(database, till, code.strip(), pin)


def log_in_with_badge(
    database: Database, till: Till, settings: ScanSettings, text: str
) -> StaffSession:
    """A badge scanned at the lock screen: one of our signed badges, or the badge's own code."""
    result = scan_router.route(text, settings)
    badge = scan_router.ScanKind.STAFF_BADGE
    if isinstance(result, scan_router.StoreCode) and result.kind is not badge:
        raise StaffError("This is not a staff badge")
    return staff_service.login_badge(database, till, scan_router.clean(text))


def sale_for_return(database: Database, till: Till, text: str) -> tuple[Sale, dict[int, int]]:
    """The sale a receipt number or scanned receipt code names, with the units per line
    returned so far."""
    sale = find_sale(database, till.receipt_no_of(text))
    with database.reading() as session:
        returned = SaleRepository(session).returned_quantities(sale.id or 0)
    return sale, returned
