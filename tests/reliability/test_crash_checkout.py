"""A checkout process killed with SIGKILL at random moments never leaves half a sale.

A child process rings up 200 sales while the test kills it again and again. After every kill
the database is opened as after a power cut: each sale is whole (lines, tenders, stock
movements, audit event) or absent, receipt numbers run without a gap, the stock levels equal
the ledger (``db check``) and the audit chain holds.
"""

from __future__ import annotations

import random
import signal
import subprocess
import sys
import time
from collections import defaultdict
from pathlib import Path

import pytest
from sqlalchemy import func, select

from redhome_pos.persistence.admin import check
from redhome_pos.persistence.database import Database
from redhome_pos.persistence.models.counter import (
    AuditEventRow,
    SaleLineRow,
    SaleRow,
    TenderRow,
)
from redhome_pos.persistence.models.stock import StockMovementRow
from redhome_pos.services import audit

CHILD = Path(__file__).with_name("checkout_child.py")
TOTAL = 200
LINES = 3


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
            sales = s.execute(
                select(
                    SaleRow.id,
                    SaleRow.receipt_no,
                    SaleRow.business_date,
                    SaleRow.seq,
                    SaleRow.total_fen,
                )
            ).all()
            lines = dict(
                s.execute(
                    select(SaleLineRow.sale_id, func.count()).group_by(SaleLineRow.sale_id)
                ).all()
            )
            paid = dict(
                s.execute(
                    select(TenderRow.sale_id, func.sum(TenderRow.amount_fen)).group_by(
                        TenderRow.sale_id
                    )
                ).all()
            )
            moved = dict(
                s.execute(
                    select(StockMovementRow.reference, func.count())
                    .where(StockMovementRow.kind == "sale")
                    .group_by(StockMovementRow.reference)
                ).all()
            )
            audited = {
                e["receipt_no"]
                for e in s.scalars(
                    select(AuditEventRow.detail).where(AuditEventRow.action == "sale")
                )
            }
        seqs: dict[object, list[int]] = defaultdict(list)
        for sale_id, receipt_no, day, seq, total in sales:
            assert lines.get(sale_id) == LINES, receipt_no
            assert paid.get(sale_id) == total, receipt_no
            assert moved.get(receipt_no) == LINES, receipt_no
            assert receipt_no in audited
            seqs[day].append(seq)
        assert len(moved) == len(sales) == len(audited)
        for day_seqs in seqs.values():
            assert sorted(day_seqs) == list(range(1, len(day_seqs) + 1))
        assert check(database) == []
        assert audit.verify(database) == []
        return len(sales)
    finally:
        database.dispose()


@pytest.mark.slow
def test_killed_checkouts_leave_whole_sales_and_no_receipt_gaps(tmp_path: Path) -> None:
    db_path = tmp_path / "store.db"
    setup = _child("setup", str(db_path))
    assert setup.wait(timeout=120) == 0, setup.stderr.read() if setup.stderr else ""
    rng = random.Random(20261125)
    kills = 0
    done = 0
    while done < TOTAL:
        child = _child("sell", str(db_path), str(TOTAL))
        assert child.stdout is not None
        assert child.stdout.readline().strip() == "ready"
        # Let it commit a random number of sales, then kill it a random moment later:
        # somewhere inside the next checkout or between two, whatever the machine's speed.
        for _ in range(rng.randint(0, 12)):
            if child.stdout.readline().strip() in {"finished", ""}:
                break
        time.sleep(rng.uniform(0.0, 0.03))
        if child.poll() is None:
            child.send_signal(signal.SIGKILL)
            kills += 1
        child.wait(timeout=120)
        done = _assert_whole(db_path)
        assert kills < 400, "the child makes no progress"
    assert done == TOTAL
    assert kills >= 3
