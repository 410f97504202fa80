"""The counter's fast path from a scanned code to the SKU it names: one indexed query.

A scan must find its product within a millisecond on a 200,000-SKU catalog, so this reads
exactly the columns a ``SkuView`` needs in one joined SELECT instead of loading rows.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from redhome_pos.domain.catalog import SkuView
from redhome_pos.persistence.models.catalog import BarcodeRow, ProductRow, SkuRow
from redhome_pos.persistence.models.stock import StockLevelRow

_COLUMNS = (
    SkuRow.id,
    SkuRow.code,
    SkuRow.variant,
    SkuRow.price_fen,
    SkuRow.original_price_fen,
    SkuRow.active,
    ProductRow.title_zh,
    ProductRow.title_en,
    ProductRow.brand,
    ProductRow.category,
    ProductRow.vat_rate_bp,
    StockLevelRow.on_hand,
)


def _base() -> Select[*tuple[Any, ...]]:
    return (
        select(*_COLUMNS)
        .join(ProductRow, ProductRow.id == SkuRow.product_id)
        .outerjoin(StockLevelRow, StockLevelRow.sku_id == SkuRow.id)
    )


class ScanLookup:
    """Finds the SKU a scan names, as the counter shows it."""

    def __init__(self, session: Session) -> None:
        self._session = session

    def by_barcode(self, keys: Sequence[str]) -> SkuView | None:
        """The SKU owning the first of ``keys`` (forms of one scanned barcode) found."""
        for key in keys:
            row = self._session.execute(
                _base()
                .add_columns(BarcodeRow.code)
                .join(BarcodeRow, BarcodeRow.sku_id == SkuRow.id)
                .where(BarcodeRow.code == key)
            ).first()
            if row is not None:
                return _view(row, barcode=key)
        return None

    def by_code(self, code: str) -> SkuView | None:
        """The SKU with this SKU code (the online store's erpCode)."""
        row = self._session.execute(_base().where(SkuRow.code == code)).first()
        return None if row is None else _view(row, barcode=None)


def _view(row: Any, *, barcode: str | None) -> SkuView:
    variant: dict[str, str] = dict(row.variant or {})
    return SkuView(
        sku_id=row.id,
        code=row.code,
        title_zh=row.title_zh,
        title_en=row.title_en,
        brand=row.brand,
        category=row.category,
        variant_text=" / ".join(f"{name}: {value}" for name, value in variant.items()),
        price_fen=row.price_fen,
        original_price_fen=row.original_price_fen,
        vat_rate_bp=row.vat_rate_bp,
        active=row.active,
        on_hand=int(row.on_hand or 0),
        barcode=barcode,
    )
