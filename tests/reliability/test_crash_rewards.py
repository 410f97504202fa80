"""A checkout that redeems points, spends points on a reward and earns points, killed with
SIGKILL at random moments: each sale is there with all three points movements and its reward
record, or none of them is; the member's balance always equals their ledger, and every sale
spent on its reward exactly once."""

from __future__ import annotations

from pathlib import Path

import pytest
from kill_loop import kill_until_done, set_up
from sqlalchemy import select

from redhome_pos.persistence.admin import check
from redhome_pos.persistence.database import Database
from redhome_pos.persistence.models.counter import SaleRow
from redhome_pos.persistence.models.promotions import (
    MemberRow,
    PointsMovementRow,
    SaleRewardRow,
)
from redhome_pos.services import audit

CHILD = Path(__file__).with_name("rewards_child.py")
TOTAL = 60  # the first, big sale included
START = 10_000  # points the first sale earned
# Each sale: 12,345 fen, 50 off for 50 points, 100 paid by points: earns on 12,195 fen.
PER_SALE = {"redeem": -100, "reward": -50, "earn": 121}


def _assert_whole(db_path: Path) -> int:
    database = Database(f"sqlite:///{db_path}")
    try:
        with database.reading() as s:
            receipts = dict(s.execute(select(SaleRow.id, SaleRow.receipt_no)).all())
            moves = s.execute(
                select(PointsMovementRow.sale_id, PointsMovementRow.kind, PointsMovementRow.points)
            ).all()
            taken = s.execute(select(SaleRewardRow.sale_id, SaleRewardRow.value_fen)).all()
            balance = s.scalars(select(MemberRow.points_balance)).one()
        by_sale: dict[int, dict[str, int]] = {}
        for sale_id, kind, points in moves:
            assert sale_id in receipts, "a points movement without its sale"
            assert kind not in by_sale.setdefault(sale_id, {}), "a sale moved points twice"
            by_sale[sale_id][kind] = points
        first = min(receipts)
        assert by_sale[first] == {"earn": START}
        for sale_id in receipts:
            if sale_id != first:
                assert by_sale.get(sale_id) == PER_SALE, receipts[sale_id]
        assert sorted(taken) == [(sale_id, 50) for sale_id in sorted(receipts) if sale_id != first]
        assert balance == sum(p for _, _, p in moves)
        assert balance == START + (len(receipts) - 1) * sum(PER_SALE.values())
        assert check(database) == []
        assert audit.verify(database) == []
        return len(receipts)
    finally:
        database.dispose()


@pytest.mark.slow
def test_killed_sales_spend_on_rewards_with_the_sale_or_not_at_all(tmp_path: Path) -> None:
    db_path = tmp_path / "store.db"
    set_up(CHILD, db_path)
    kills = kill_until_done(
        CHILD, db_path, TOTAL, _assert_whole,
        seed=20261205, most_lines=8, most_wait_s=0.02, most_kills=300,
    )  # fmt: skip
    assert kills >= 3
