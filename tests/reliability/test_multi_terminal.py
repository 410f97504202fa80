"""Several counters on one database, each in its own process, all selling the same SKU.

Every sale holds the shared SKU 0 with the other lines in a random order (so two terminals
lock stock rows in opposite orders). Afterwards nothing is lost or doubled: each terminal's
receipt numbers run 1..N without a gap, every level equals its ledger and what was sold, the
audit chain holds and each terminal kept its own shift. The bench (bench/multi_terminal.py)
runs the long version; this one is sized for CI.
"""

from __future__ import annotations

import json
import random
import signal
import subprocess
import sys
import threading
import time
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path

import pytest
from reliability_stores import POSTGRES_URL, store_url
from sqlalchemy import func, select

from redhome_pos.domain.stock import MovementKind, StockMovement
from redhome_pos.persistence.admin import check
from redhome_pos.persistence.database import Database
from redhome_pos.persistence.models.counter import SaleLineRow, SaleRow, ShiftRow
from redhome_pos.persistence.models.stock import StockMovementRow
from redhome_pos.persistence.repositories import CatalogRepository, StockRepository
from redhome_pos.persistence.unit_of_work import StorageError
from redhome_pos.services import audit
from redhome_pos.services.stock import new_movement_id

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


def _move_two(database: Database, first: int, second: int, barrier: threading.Barrier) -> None:
    """One unit of work moving two SKUs, waiting for the other terminal in between."""
    with database.unit_of_work() as uow:
        stock = StockRepository(uow.session)
        for n, sku_id in enumerate((first, second)):
            movement = StockMovement(
                id=new_movement_id(),
                sku_id=sku_id,
                kind=MovementKind.RECEIVE,
                quantity=1,
                reason="test",
                staff_id=None,
                terminal_id="T9",
                created_at=datetime.now(UTC),
            )
            stock.record(movement, allow_negative=True)
            if n == 0:
                barrier.wait(timeout=30)
        uow.commit()


def test_two_terminals_locking_in_opposite_orders_get_a_clear_error_not_half_a_write(
    tmp_path: Path,
) -> None:
    """Sales lock stock rows in SKU order and never deadlock; should two writes still meet in
    opposite orders, the one the server stops gets a clear error and saves nothing."""
    if not POSTGRES_URL:
        pytest.skip("no PostgreSQL server configured (scripts/test starts one)")
    with store_url("postgresql", tmp_path) as url:
        setup = run_child("setup", url, "2", "100")
        _, err = setup.communicate(timeout=300)
        assert setup.returncode == 0, err
        one, two = Database(url), Database(url)
        try:
            with one.reading() as s:
                catalog = CatalogRepository(s)
                a, b = (catalog.sku_by_code(f"SKU-{n}") for n in range(2))
            assert a and b and a.id is not None and b.id is not None
            barrier = threading.Barrier(2)
            errors: list[BaseException] = []

            def terminal(database: Database, first: int, second: int) -> None:
                try:
                    _move_two(database, first, second, barrier)
                except BaseException as exc:  # the test looks at it
                    errors.append(exc)

            threads = [
                threading.Thread(target=terminal, args=(one, a.id, b.id)),
                threading.Thread(target=terminal, args=(two, b.id, a.id)),
            ]
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join(timeout=60)
            assert len(errors) == 1, errors
            assert isinstance(errors[0], StorageError)
            assert "Another counter was saving" in str(errors[0])
            with one.reading() as s:
                stock = StockRepository(s)
                assert stock.on_hand(a.id) == stock.on_hand(b.id) == 101  # one write, whole
            assert check(one) == []
        finally:
            one.dispose()
            two.dispose()


@pytest.mark.slow
@pytest.mark.parametrize("backend", ["sqlite", "postgresql"])
def test_terminals_killed_while_others_sell_leave_whole_sales_and_no_gaps(
    backend: str, tmp_path: Path
) -> None:
    """Two terminals sell at once; one of them at a time is killed at a random moment and
    started again. Every receipt a terminal printed is in the books, nothing is doubled."""
    target, terminals = 200, 2
    rng = random.Random(20261127)
    with store_url(backend, tmp_path) as url:
        setup = run_child("setup", url, str(SKUS), str(STOCK))
        _, err = setup.communicate(timeout=300)
        assert setup.returncode == 0, err

        def start(n: int) -> subprocess.Popen[str]:
            child = run_child("resume", url, f"T{n}", str(target), str(rng.randrange(1 << 20)))
            assert child.stdout is not None
            assert child.stdout.readline().strip() == "ready"
            return child

        printed: set[str] = set()
        running = {n: start(n) for n in range(1, terminals + 1)}
        kills = 0
        while running:
            # Short enough that a terminal is caught mid-run: a sale takes milliseconds.
            time.sleep(rng.uniform(0.01, 0.1))
            victim = rng.choice(sorted(running))
            if running[victim].poll() is None and kills < 12:
                running[victim].send_signal(signal.SIGKILL)
                kills += 1
            for n, child in list(running.items()):
                if child.poll() is None and n != victim:
                    continue
                out, err = child.communicate(timeout=120)
                assert child.returncode in (0, -signal.SIGKILL), err
                printed |= {line for line in out.split() if line not in ("ready", "finished")}
                if "finished" in out.split():
                    del running[n]
                else:
                    running[n] = start(n)
        assert kills >= 3
        database = Database(url)
        try:
            with database.reading() as s:
                booked = set(s.scalars(select(SaleRow.receipt_no)).all())
            assert printed <= booked
            assert_nothing_lost_or_doubled(database, terminals, target)
        finally:
            database.dispose()
