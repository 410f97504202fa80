"""A checkout that earns and redeems a member's points, killed with SIGKILL at random moments:
each sale is there with both its points movements, or neither is; the member's balance
always equals their ledger, and every sale moved points exactly once."""

from __future__ import annotations

import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import select

from redhome_pos.persistence.admin import check
from redhome_pos.persistence.database import Database
from redhome_pos.persistence.models.counter import SaleRow
from redhome_pos.persistence.models.promotions import MemberRow, PointsMovementRow
from redhome_pos.services import audit

CHILD = Path(__file__).with_name("points_child.py")
TOTAL = 80  # the first, big sale included
START = 10_000  # points the first sale earned


def _child(*args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, str(CHILD), *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _assert_whole(db_path: Path) -> int:
    database = Database(f"sqlite:///{db_path}")
    try:
        with database.reading() as s:
            receipts = dict(s.execute(select(SaleRow.id, SaleRow.receipt_no)).all())
            moves = s.execute(
                select(PointsMovementRow.sale_id, PointsMovementRow.kind, PointsMovementRow.points)
            ).all()
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
                assert by_sale.get(sale_id) == {"redeem": -100, "earn": 122}, receipts[sale_id]
        assert balance == sum(p for _, _, p in moves)
        assert balance == START + (len(receipts) - 1) * 22
        assert check(database) == []
        assert audit.verify(database) == []
        return len(receipts)
    finally:
        database.dispose()


@pytest.mark.slow
def test_killed_sales_move_points_with_the_sale_or_not_at_all(tmp_path: Path) -> None:
    db_path = tmp_path / "store.db"
    setup = _child("setup", str(db_path))
    assert setup.wait(timeout=120) == 0, setup.stderr.read() if setup.stderr else ""
    rng = random.Random(20261204)
    kills = 0
    done = 1
    while done < TOTAL:
        child = _child("sell", str(db_path), str(TOTAL))
        assert child.stdout is not None
        assert child.stdout.readline().strip() == "ready", (
            child.stderr.read() if child.stderr else ""
        )
        for _ in range(rng.randint(0, 8)):
            if child.stdout.readline().strip() in {"finished", ""}:
                break
        time.sleep(rng.uniform(0.0, 0.02))
        if child.poll() is None:
            child.send_signal(signal.SIGKILL)
            kills += 1
        child.wait(timeout=120)
        done = _assert_whole(db_path)
        assert kills < 300, "the child makes no progress"
    assert done == TOTAL
    assert kills >= 3
