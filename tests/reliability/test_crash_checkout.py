"""A checkout process killed with SIGKILL at random moments never leaves half a sale.

A child process rings up 200 sales while the test kills it again and again. After every kill
the database is opened as after a power cut: each sale is whole (lines, tenders, stock
movements, audit event) or absent, receipt numbers run without a gap, the stock levels equal
the ledger (``db check``) and the audit chain holds.
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

import pytest
from kill_loop import kill_until_done, set_up
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
    set_up(CHILD, db_path)
    kills = kill_until_done(
        CHILD, db_path, TOTAL, _assert_whole,
        seed=20261125, most_lines=12, most_wait_s=0.03, most_kills=400,
    )  # fmt: skip
    assert kills >= 3
