"""Products of the demo store picked for walkthroughs (screenshots, demo orders): SKUs in
stock with a barcode, in a stable order so every run shows the same goods."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import ColumnElement, select

from redhome_pos.persistence.database import Database
from redhome_pos.persistence.models.catalog import BarcodeRow, ProductRow, SkuRow
from redhome_pos.persistence.models.stock import StockLevelRow


@dataclass(frozen=True, slots=True)
class StockedSku:
    sku_id: int
    code: str
    price_fen: int
    barcode: str
    title_zh: str
    red_sku_id: str | None = None


def stocked_skus(database: Database, *, min_on_hand: int, limit: int) -> list[StockedSku]:
    """Up to ``limit`` active SKUs with at least ``min_on_hand`` in stock, lowest id first."""
    return _stocked(database, min_on_hand, limit)


def stocked_in(
    database: Database, category: str, *, min_on_hand: int, limit: int
) -> list[StockedSku]:
    """Like ``stocked_skus``, of one category only (the promotions' walkthrough)."""
    return _stocked(database, min_on_hand, limit, ProductRow.category == category)


def _stocked(
    database: Database, min_on_hand: int, limit: int, *where: ColumnElement[bool]
) -> list[StockedSku]:
    with database.reading() as session:
        rows = session.execute(
            select(
                SkuRow.id,
                SkuRow.code,
                SkuRow.price_fen,
                BarcodeRow.code,
                ProductRow.title_zh,
                SkuRow.red_sku_id,
            )
            .join(BarcodeRow, BarcodeRow.sku_id == SkuRow.id)
            .join(StockLevelRow, StockLevelRow.sku_id == SkuRow.id)
            .join(ProductRow, ProductRow.id == SkuRow.product_id)
            .where(StockLevelRow.on_hand >= min_on_hand, SkuRow.active.is_(True), *where)
            .order_by(SkuRow.id)
            .limit(limit)
        ).all()
    return [StockedSku(int(i), str(c), int(p), str(b), str(t), r) for i, c, p, b, t, r in rows]
