"""Sales of a lot-tracked SKU killed with SIGKILL at random moments: each sale is there with
the lots it took and their movements, or nothing of it is; every lot's level equals its
movements, the lots add up to the SKU's level, and lots were taken first-expiring first."""

from __future__ import annotations

from pathlib import Path

import pytest
from kill_loop import kill_until_done, set_up
from lots_child import LOTS, PER_SALE
from sqlalchemy import func, select

from redhome_pos.persistence.admin import check
from redhome_pos.persistence.database import Database
from redhome_pos.persistence.models.counter import SaleRow
from redhome_pos.persistence.models.stock import (
    SaleLineLotRow,
    StockLotLevelRow,
    StockMovementRow,
)

CHILD = Path(__file__).with_name("lots_child.py")
TOTAL = 60


def _assert_whole(db_path: Path) -> int:
    database = Database(f"sqlite:///{db_path}")
    try:
        with database.reading() as s:
            receipts = dict(s.execute(select(SaleRow.id, SaleRow.receipt_no)).all())
            taken: dict[int, int] = {}
            for sale_id, quantity in s.execute(
                select(SaleLineLotRow.sale_id, SaleLineLotRow.quantity)
            ):
                assert sale_id in receipts, "lots recorded for a sale that is not there"
                taken[sale_id] = taken.get(sale_id, 0) + quantity
            sold = dict(
                s.execute(
                    select(StockMovementRow.reference, func.sum(StockMovementRow.quantity))
                    .where(StockMovementRow.kind == "sale")
                    .group_by(StockMovementRow.reference)
                ).all()
            )
            levels = dict(
                s.execute(select(StockLotLevelRow.lot_code, StockLotLevelRow.on_hand)).all()
            )
        for sale_id, receipt in receipts.items():
            assert taken.get(sale_id) == PER_SALE, receipt
            assert sold.get(receipt) == -PER_SALE, receipt
        assert set(sold) <= set(receipts.values()), "stock moved for a sale that is not there"
        # First-expiring first: the lots are emptied in date order, one at a time.
        left = [levels[lot] for lot, _, _ in LOTS]
        full = [quantity for _, _, quantity in LOTS]
        emptied = len(receipts) * PER_SALE
        expected = []
        for size in full:
            part = min(size, emptied)
            expected.append(size - part)
            emptied -= part
        assert left == expected
        assert check(database) == []
        return len(receipts)
    finally:
        database.dispose()


@pytest.mark.slow
def test_killed_lot_sales_leave_no_partial_change(tmp_path: Path) -> None:
    db_path = tmp_path / "store.db"
    set_up(CHILD, db_path)
    kills = kill_until_done(
        CHILD, db_path, TOTAL, _assert_whole,
        seed=20261205, most_lines=6, most_wait_s=0.02, most_kills=300,
    )  # fmt: skip
    assert kills >= 3
