"""Several counters on one database, each in its own process, all selling the same SKU.

Every sale holds the shared SKU 0 with the other lines in a random order (so two terminals
lock stock rows in opposite orders). Afterwards nothing is lost or doubled: each terminal's
receipt numbers run 1..N without a gap, every level equals its ledger and what was sold, the
audit chain holds and each terminal kept its own shift. The bench (bench/multi_terminal.py)
runs the long version; this one is sized for CI.
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
from reliability_stores import store_url
from sqlalchemy import func, select

from redhome_pos.persistence.admin import check
from redhome_pos.persistence.database import Database
from redhome_pos.persistence.models.counter import SaleLineRow, SaleRow, ShiftRow
from redhome_pos.persistence.models.stock import StockMovementRow
from redhome_pos.persistence.repositories import CatalogRepository, StockRepository
from redhome_pos.services import audit

CHILD = Path(__file__).with_name("terminal_child.py")
TERMINALS = 4
SALES = 40  # per terminal in CI; the soak and the bench run 500
SKUS = 4
STOCK = 10_000


def run_child(*args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, str(CHILD), *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def sell_on_terminals(url: str, terminals: int, sales: int) -> list[dict[str, object]]:
    setup = run_child("setup", url, str(SKUS), str(STOCK))
    _, err = setup.communicate(timeout=300)
    assert setup.returncode == 0, err
    children = [
        run_child("sell", url, f"T{n}", str(sales), str(1000 + n)) for n in range(1, terminals + 1)
    ]
    results = []
    for child in children:
        out, err = child.communicate(timeout=600)
        assert child.returncode == 0, err
        results.append(json.loads(out.strip().splitlines()[-1]))
    return results


def assert_nothing_lost_or_doubled(database: Database, terminals: int, sales: int) -> None:
    with database.reading() as s:
        by_terminal = dict(
            s.execute(select(SaleRow.terminal_id, func.count()).group_by(SaleRow.terminal_id)).all()
        )
        assert by_terminal == {f"T{n}": sales for n in range(1, terminals + 1)}
        for terminal in by_terminal:
            seqs = s.scalars(
                select(SaleRow.seq).where(SaleRow.terminal_id == terminal).order_by(SaleRow.seq)
            ).all()
            assert list(seqs) == list(range(1, sales + 1)), terminal
        sold = dict(
            s.execute(
                select(SaleLineRow.sku_code, func.sum(SaleLineRow.quantity)).group_by(
                    SaleLineRow.sku_code
                )
            ).all()
        )
        moved = s.scalar(
            select(func.count())
            .select_from(StockMovementRow)
            .where(StockMovementRow.kind == "sale")
        )
        assert moved == s.scalar(select(func.count()).select_from(SaleLineRow))
        catalog, stock = CatalogRepository(s), StockRepository(s)
        for n in range(SKUS):
            sku = catalog.sku_by_code(f"SKU-{n}")
            assert sku is not None and sku.id is not None
            assert stock.on_hand(sku.id) == STOCK - int(sold.get(sku.code, 0)), sku.code
            assert stock.ledger_sum(sku.id) == stock.on_hand(sku.id), sku.code
        assert int(sold["SKU-0"]) == terminals * sales
        open_shifts = s.execute(
            select(ShiftRow.terminal_id, ShiftRow.id).where(ShiftRow.closed_at.is_(None))
        ).all()
        assert sorted(t for t, _ in open_shifts) == [f"T{n}" for n in range(1, terminals + 1)]
        shift_of_sales = s.execute(select(SaleRow.terminal_id, SaleRow.shift_id).distinct()).all()
        assert sorted(shift_of_sales) == sorted(open_shifts)
    assert stock_problems(database) == []
    assert audit.verify(database) == []


def stock_problems(database: Database) -> list[str]:
    return check(database)


@pytest.mark.slow
@pytest.mark.parametrize("backend", ["sqlite", "postgresql"])
def test_four_terminals_selling_one_sku_lose_and_double_nothing(
    backend: str, tmp_path: Path
) -> None:
    with store_url(backend, tmp_path) as url:
        results = sell_on_terminals(url, TERMINALS, SALES)
        receipts = [r for result in results for r in result["receipts"]]  # type: ignore[attr-defined]
        assert len(receipts) == TERMINALS * SALES
        assert not [r for r, n in Counter(receipts).items() if n > 1]
        database = Database(url)
        try:
            assert_nothing_lost_or_doubled(database, TERMINALS, SALES)
        finally:
            database.dispose()
