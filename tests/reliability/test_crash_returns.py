"""A returns process killed with SIGKILL at random moments never leaves half a return.

After every kill the database is opened as after a power cut: every return the child
reported is there (nothing lost), each return is whole (its lines, its refund, its stock
movements, its audit event) or absent, no sale line is returned more than once over, the
stock levels equal the ledger (``db check``) and the audit chain holds.
"""

from __future__ import annotations

import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import func, select

from redhome_pos.persistence import dialect
from redhome_pos.persistence.admin import check
from redhome_pos.persistence.database import Database
from redhome_pos.persistence.models.counter import (
    AuditEventRow,
    ReturnLineRow,
    ReturnRow,
    SaleLineRow,
    TenderRow,
)
from redhome_pos.persistence.models.stock import StockMovementRow
from redhome_pos.services import audit

CHILD = Path(__file__).with_name("returns_child.py")
SALES = 12
RETURNS = 2 * SALES


def _child(*args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, str(CHILD), *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=CHILD.parent,
    )


def _assert_whole(db_path: Path, reported: set[str]) -> int:
    database = Database(dialect.sqlite_url(db_path))
    try:
        with database.reading() as s:
            done = s.execute(select(ReturnRow.id, ReturnRow.return_no, ReturnRow.refund_fen)).all()
            lines = dict(
                s.execute(
                    select(ReturnLineRow.return_id, func.count()).group_by(ReturnLineRow.return_id)
                ).all()
            )
            refunded = dict(
                s.execute(
                    select(TenderRow.return_id, func.sum(TenderRow.amount_fen))
                    .where(TenderRow.return_id.is_not(None))
                    .group_by(TenderRow.return_id)
                ).all()
            )
            moved = dict(
                s.execute(
                    select(StockMovementRow.reference, func.count())
                    .where(StockMovementRow.kind != "sale")
                    .group_by(StockMovementRow.reference)
                ).all()
            )
            audited = s.scalar(
                select(func.count())
                .select_from(AuditEventRow)
                .where(AuditEventRow.action == "refund")
            )
            over = s.execute(
                select(SaleLineRow.id)
                .join(ReturnLineRow, ReturnLineRow.sale_line_id == SaleLineRow.id)
                .group_by(SaleLineRow.id, SaleLineRow.quantity)
                .having(func.sum(ReturnLineRow.quantity) > SaleLineRow.quantity)
            ).all()
        numbers = {number for _, number, _ in done}
        assert reported <= numbers, f"lost: {reported - numbers}"
        assert len(numbers) == len(done)
        for return_id, number, refund_fen in done:
            assert lines.get(return_id) == 2, number
            assert refunded.get(return_id) == -refund_fen, number
            assert moved.get(number) in (2, 3), number  # 3 when one unit came back damaged
        assert audited == len(done)
        assert over == []
        assert check(database) == []
        assert audit.verify(database) == []
        return len(done)
    finally:
        database.dispose()


@pytest.mark.slow
def test_killed_returns_are_whole_and_nothing_is_lost_or_doubled(tmp_path: Path) -> None:
    db_path = tmp_path / "store.db"
    setup = _child("setup", str(db_path), str(SALES))
    _, err = setup.communicate(timeout=300)
    assert setup.returncode == 0, err
    rng = random.Random(20261126)
    kills = 0
    done = 0
    reported: set[str] = set()
    while done < RETURNS:
        child = _child("return", str(db_path))
        assert child.stdout is not None
        assert child.stdout.readline().strip() == "ready"
        # Early enough that a child is usually caught mid-work: a return takes milliseconds.
        time.sleep(rng.uniform(0.0, 0.12))
        if child.poll() is None:
            child.send_signal(signal.SIGKILL)
            kills += 1
        out, err = child.communicate(timeout=120)
        assert child.returncode in (0, -signal.SIGKILL), err
        reported |= {line for line in out.split() if line not in ("ready", "finished")}
        done = _assert_whole(db_path, reported)
        assert kills < 200, "the child makes no progress"
    assert done == RETURNS
    assert kills >= 2
