"""Lots in the demo store: beauty and food are lot-tracked, as a REDHOME store would run them,
and a few of their SKUs have their stock counted into dated lots — one expired, one expiring
soon, one good for months — so the counter and the back office show lots from the first scan.

The dates are relative to the day the demo is built (the demo runs on the real clock)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import select

from redhome_pos.domain.stock import MovementKind, StockMovement
from redhome_pos.persistence.database import Database
from redhome_pos.persistence.models.catalog import BarcodeRow, ProductRow, SkuRow
from redhome_pos.persistence.models.stock import StockLevelRow, StockLotLevelRow
from redhome_pos.persistence.repositories.lots import LotRepository
from redhome_pos.persistence.repositories.stock import StockRepository
from redhome_pos.services.counter import Till
from redhome_pos.services.stock import new_movement_id

LOT_TRACKED_CATEGORIES = ("彩妆", "护肤", "零食", "饮品")
DATED_PER_CATEGORY = 4  # SKUs per category whose stock is counted into dated lots


def add_demo_lots(database: Database, till: Till, *, skus: list[int] | None = None) -> int:
    """Track lots for the demo's beauty and food, and count some SKUs' stock into lots (those
    in ``skus`` too, e.g. the demo note's lipsticks); returns how many SKUs got dated lots."""
    today = till.today()
    with database.unit_of_work() as uow:
        session = uow.session
        LotRepository(session).track_categories(LOT_TRACKED_CATEGORIES)
        chosen: list[int] = list(skus or [])
        for category in LOT_TRACKED_CATEGORIES:
            chosen += session.scalars(
                select(SkuRow.id)
                .join(ProductRow, ProductRow.id == SkuRow.product_id)
                .join(StockLevelRow, StockLevelRow.sku_id == SkuRow.id)
                .where(ProductRow.category == category, StockLevelRow.on_hand >= 6)
                .order_by(SkuRow.id)
                .limit(DATED_PER_CATEGORY)
            ).all()
        chosen = sorted(set(chosen))
        stock = StockRepository(session)
        movements: list[StockMovement] = []
        for sku_id in chosen:
            on_hand = stock.on_hand(sku_id)
            if on_hand < 6:
                continue
            parts = [
                (f"D{sku_id % 1000:03d}A", today - timedelta(days=9), 1),
                (f"D{sku_id % 1000:03d}B", today + timedelta(days=12), 2),
                (f"D{sku_id % 1000:03d}C", today + timedelta(days=240), on_hand - 3),
            ]
            for lot, expiry, quantity in parts:
                movements += [
                    _counted(till, sku_id, "", None, -quantity),
                    _counted(till, sku_id, lot, expiry, quantity),
                ]
        stock.record_all(movements, allow_negative=True)
        uow.commit()
    return len(chosen)


def _counted(
    till: Till, sku_id: int, lot: str, expiry: date | None, quantity: int
) -> StockMovement:
    return StockMovement(
        id=new_movement_id(), sku_id=sku_id, kind=MovementKind.COUNT, quantity=quantity,
        reason="demo: counted by lot", staff_id=None, terminal_id=till.terminal_id,
        created_at=till.now(), reference="demo-lots", lot=lot,
        expiry=expiry,
    )  # fmt: skip


@dataclass(frozen=True, slots=True)
class DemoLotPick:
    """A demo SKU with dated lots, for walkthroughs: its barcode and two of its lots."""

    barcode: str
    soon_lot: str
    soon_expiry: date
    expired_lot: str
    expired_expiry: date


def demo_lot_pick(database: Database, till: Till) -> DemoLotPick | None:
    """The first demo SKU that has both an expired lot and one expiring soon, in stock."""
    today = till.today()
    with database.reading() as session:
        rows = session.execute(
            select(StockLotLevelRow.sku_id, StockLotLevelRow.lot_code, StockLotLevelRow.expiry)
            .where(
                StockLotLevelRow.on_hand > 0,
                StockLotLevelRow.expiry.is_not(None),
                StockLotLevelRow.expiry <= today + timedelta(days=till.expiry_warning_days),
            )
            .order_by(StockLotLevelRow.sku_id, StockLotLevelRow.expiry)
        ).all()
        by_sku: dict[int, list[tuple[str, date]]] = {}
        for sku_id, lot, expiry in rows:
            if expiry is not None:
                by_sku.setdefault(int(sku_id), []).append((str(lot), expiry))
        for sku_id, found in by_sku.items():
            expired = [x for x in found if x[1] < today]
            soon = [x for x in found if x[1] >= today]
            barcode = session.scalar(
                select(BarcodeRow.code).where(BarcodeRow.sku_id == sku_id).limit(1)
            )
            if expired and soon and barcode:
                return DemoLotPick(str(barcode), *soon[0], *expired[0])
    return None
