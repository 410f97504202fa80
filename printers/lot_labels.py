"""Labels for the lots of a delivery: one label per lot received, ``copies`` of each, queued
on the label printer (or the receipt printer when the store has no label printer).

Each label carries the product's GTIN, the lot's expiry date and lot number as a GS1-128
(``redhome_pos.domain.gs1.element_string``), so a scan of the label at the counter, in a
count or at the next delivery finds the product and the lot again.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from printers.errors import PrintError
from printers.queue import PrintQueue
from printers.templates.data import Gs1Symbology, LotLabelData
from redhome_pos.domain.barcodes import has_valid_check_digit
from redhome_pos.domain.catalog import SkuView
from redhome_pos.domain.gs1 import Gs1Error, element_string, restricted_circulation
from redhome_pos.domain.staff import Permission, StaffSession
from redhome_pos.persistence.database import Database
from redhome_pos.persistence.repositories.catalog import CatalogRepository
from redhome_pos.services.receiving import received_lots, receiving_lines
from redhome_pos.services.sessions import acting

MAX_COPIES = 200
GTIN_LENGTHS = (8, 12, 13, 14)


@dataclass(frozen=True, slots=True)
class LotLabelsQueued:
    receiving_id: int
    printer: str
    job_ids: tuple[int, ...]  # one job a lot
    copies: int


def product_gtin(line_code: str, barcodes: Iterable[str]) -> str | None:
    """The GTIN a lot label carries: the barcode the delivery was scanned by when it is one,
    else the SKU's first barcode that is a GTIN (valid check digit, not an in-store number)."""
    for code in (line_code, *barcodes):
        if len(code) in GTIN_LENGTHS and has_valid_check_digit(code):
            if len(code) == 13 and restricted_circulation(code):
                continue
            return code
    return None


def delivery_lot_labels(
    database: Database,
    receiving_id: int,
    *,
    copies: int = 1,
    with_price: bool = True,
    symbology: Gs1Symbology = "GS1-128",
) -> list[LotLabelData]:
    """The label of every lot received on a delivery, in line order; refused as a whole when
    one of them cannot carry a GS1 code (no GTIN, a lot number GS1 cannot hold)."""
    if not 1 <= copies <= MAX_COPIES:
        raise PrintError("Copies must be between 1 and {most}", most=MAX_COPIES)
    lines = {line.line_no: line for line in receiving_lines(database, receiving_id)}
    if not lines:
        raise PrintError("There is no delivery {delivery}", delivery=receiving_id)
    lots = received_lots(database, receiving_id)
    if not lots:
        raise PrintError(
            "Delivery {delivery} has no lots received: nothing to label", delivery=receiving_id
        )
    views: dict[int, tuple[SkuView, tuple[str, ...]]] = {}
    with database.reading() as session:
        catalog = CatalogRepository(session)
        for line in lines.values():
            if line.sku_id is None or line.sku_id in views:
                continue
            view, sku = catalog.sku_view(line.sku_id), catalog.sku(line.sku_id)
            if view is not None and sku is not None:
                views[line.sku_id] = (view, sku.barcodes)
    labels: list[LotLabelData] = []
    for lot in lots:
        line = lines[lot.line_no]
        found = views.get(line.sku_id) if line.sku_id is not None else None
        if found is None:
            raise PrintError("{code} is not a product in the catalog", code=line.code)
        view, barcodes = found
        gtin = product_gtin(line.code, barcodes)
        if gtin is None:
            raise PrintError(
                "{code} has no GTIN barcode (EAN-13, UPC-A, EAN-8, GTIN-14) to print on a "
                "lot label",
                code=view.code,
            )
        try:
            code = element_string(gtin, lot=lot.lot_code, expiry=lot.expiry)
        except Gs1Error:
            raise PrintError(
                "Lot {lot} of {code} has a sign a GS1 barcode cannot carry (letters, digits "
                "and !\"%&'()*+,-./:;<=>?_ only)",
                lot=lot.lot_code,
                code=view.code,
            ) from None
        labels.append(
            LotLabelData(
                title=view.title_zh or view.title_en,
                variant=view.variant_text,
                lot=lot.lot_code,
                expiry=lot.expiry,
                element_string=code,
                price_fen=view.price_fen if with_price else None,
                copies=copies,
                reference=f"delivery {receiving_id}/{lot.line_no} {lot.lot_code}",
                symbology=symbology,
            )
        )
    return labels


def label_printer(queue: PrintQueue) -> str:
    """The label printer, or the receipt printer when only that one is set up."""
    if queue.label_printer not in queue.printers and queue.receipt_printer in queue.printers:
        return queue.receipt_printer
    return queue.label_printer


@acting(Permission.COUNT_STOCK)
def queue_delivery_lot_labels(
    database: Database,
    queue: PrintQueue,
    staff: StaffSession,
    receiving_id: int,
    *,
    copies: int = 1,
    with_price: bool = True,
    printer: str | None = None,
    symbology: Gs1Symbology = "GS1-128",
) -> LotLabelsQueued:
    """Queue one label job per lot received on the delivery, ``copies`` labels each, with a
    GS1-128 or a GS1 DataMatrix."""
    labels = delivery_lot_labels(
        database, receiving_id, copies=copies, with_price=with_price, symbology=symbology
    )
    target = printer or label_printer(queue)
    if target not in queue.printers:
        raise PrintError("No printer named {printer} is set up", printer=target)
    jobs = tuple(queue.enqueue_lot_label(label, target) for label in labels)
    return LotLabelsQueued(receiving_id, target, jobs, copies)
