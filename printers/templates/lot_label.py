"""The label for one received lot: product, variant, 批号, 有效期至, the price if wanted, and a
GS1-128 (or a GS1 DataMatrix) of GTIN + expiry + lot with its ``(01)…(17)…(10)…`` line below.

The barcode is what a scanner at the counter or the next delivery reads back into the lot
(``redhome_pos.domain.gs1``); the text is for people.
"""

from __future__ import annotations

from printers.document import Barcode, Cut, Document, DocumentBuilder
from printers.templates.common import format_fen
from printers.templates.data import LotLabelData


def lot_label(data: LotLabelData) -> Document:
    builder = DocumentBuilder(f"Lot {data.lot}")
    builder.text(data.title, bold=True)
    if data.variant:
        builder.text(data.variant)
    if data.price_fen is not None:
        builder.row(f"批号 {data.lot}", format_fen(data.price_fen), bold=False)
    else:
        builder.text(f"批号 {data.lot}")
    if data.expiry is not None:
        builder.text(f"有效期至 {data.expiry.isoformat()}")
    builder.add(Barcode(data.element_string, data.symbology))
    builder.add(Cut())
    document = builder.build()
    return Document(document.title, document.blocks, copies=max(1, data.copies))
