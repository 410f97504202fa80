"""A terminal killed (SIGKILL) in the middle of a stock transaction loses nothing committed
and leaves nothing half-written: the ledger and the cached levels still agree."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from acting_staff import manager_session
from sqlalchemy import func, select

from redhome_pos.domain.catalog import Product, Sku
from redhome_pos.persistence.admin import check
from redhome_pos.persistence.database import Database
from redhome_pos.persistence.models.outbox import OutboxRow
from redhome_pos.persistence.models.stock import StockMovementRow
from redhome_pos.persistence.repositories import CatalogRepository, StockRepository
from redhome_pos.services import stock as stock_service

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="needs SIGKILL")

# The child records movements over several SKUs. With a tiny page cache SQLite must write
# uncommitted pages into the WAL before the commit, which is the case a crash must survive.
CHILD = textwrap.dedent(
    """
    import sys, time
    from datetime import UTC, datetime
    from pathlib import Path
    from sqlalchemy import text
    from redhome_pos.domain.stock import MovementKind, StockMovement
    from redhome_pos.persistence.database import Database
    from redhome_pos.persistence.repositories import StockRepository
    from redhome_pos.services.stock import new_movement_id

    url, ready, mode, sku_ids = sys.argv[1], Path(sys.argv[2]), sys.argv[3], sys.argv[4:]
    database = Database(url)

    def sell(uow, sku_id):
        StockRepository(uow.session).record(
            StockMovement(new_movement_id(), int(sku_id), MovementKind.SALE, -1, "crash test",
                          None, "POS-CRASH", datetime.now(UTC)),
            allow_negative=True,
        )

    if mode == "one-transaction":
        with database.unit_of_work() as uow:
            uow.session.execute(text("PRAGMA cache_size=4"))
            for n in range(800):
                sell(uow, sku_ids[n % len(sku_ids)])
            uow.flush()
            ready.write_text("ready")
            time.sleep(60)  # killed here, holding an uncommitted transaction
            uow.commit()
    else:  # many small transactions, killed at whatever point one has reached
        n = 0
        while True:
            with database.unit_of_work() as uow:
                for sku_id in sku_ids:
                    sell(uow, sku_id)
                uow.commit()
            n += 1
            if n == 20:
                ready.write_text("ready")
    """
)

STARTING_STOCK = 10_000


def _store(database: Database, skus: int) -> list[int]:
    ids = []
    with database.unit_of_work() as uow:
        catalog = CatalogRepository(uow.session)
        product_id = catalog.add_product(
            Product(id=None, title_zh="气垫粉底", brand="RED", category="美妆")
        )
        for n in range(skus):
            ids.append(
                catalog.add_sku(
                    Sku(None, product_id, f"CU-{n:02d}", price_fen=19900, original_price_fen=19900)
                )
            )
        uow.commit()
    manager = manager_session(database)
    for sku_id in ids:
        stock_service.receive(database, sku_id, STARTING_STOCK, terminal_id="POS-01", staff=manager)
    return ids


def _run_child_and_kill(database: Database, tmp_path: Path, mode: str, ids: list[int]) -> None:
    ready = tmp_path / f"ready-{mode}"
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, database.url, str(ready), mode, *map(str, ids)],
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        deadline = time.monotonic() + 120
        while not ready.exists():
            if child.poll() is not None:
                pytest.fail(
                    f"the child stopped early: {child.stderr.read() if child.stderr else ''}"
                )
            if time.monotonic() > deadline:
                pytest.fail("the child never became ready")
            time.sleep(0.02)
        if mode == "one-transaction":
            wal = Path(f"{database.url.removeprefix('sqlite:///')}-wal")
            assert wal.exists() and wal.stat().st_size > 0, "nothing spilled to the WAL"
        os.kill(child.pid, signal.SIGKILL)
    finally:
        if child.poll() is None:
            child.kill()
        child.wait()
        if child.stderr:
            child.stderr.close()
    assert child.returncode == -signal.SIGKILL


def _ledger_state(database: Database, ids: list[int]) -> tuple[int, int, list[int]]:
    with database.reading() as session:
        movements = session.scalar(select(func.count()).select_from(StockMovementRow)) or 0
        outbox = session.scalar(select(func.count()).select_from(OutboxRow)) or 0
        levels = [StockRepository(session).on_hand(sku_id) for sku_id in ids]
    return movements, outbox, levels


def test_killed_inside_one_transaction_nothing_of_it_remains(
    database: Database, tmp_path: Path
) -> None:
    ids = _store(database, skus=3)
    before = _ledger_state(database, ids)
    database.dispose()

    _run_child_and_kill(database, tmp_path, "one-transaction", ids)

    after = Database(database.url)
    try:
        assert _ledger_state(after, ids) == before
        assert check(after) == []
        # The store carries on: the next sale goes through.
        change = stock_service.adjust(
            after, ids[0], -1, reason="after crash", terminal_id="T", staff=manager_session(after)
        )
        assert change.on_hand == STARTING_STOCK - 1
    finally:
        after.dispose()


def test_killed_among_many_commits_every_transaction_is_whole(
    database: Database, tmp_path: Path
) -> None:
    ids = _store(database, skus=4)
    movements_before, outbox_before, _ = _ledger_state(database, ids)
    database.dispose()

    _run_child_and_kill(database, tmp_path, "many-transactions", ids)

    after = Database(database.url)
    try:
        movements, outbox, levels = _ledger_state(after, ids)
        sold = movements - movements_before
        assert sold >= 20 * len(ids)  # the transactions committed before the kill are there
        assert sold % len(ids) == 0  # ... and no transaction is there in part
        assert outbox - outbox_before == sold
        assert levels == [STARTING_STOCK - sold // len(ids)] * len(ids)
        assert check(after) == []
    finally:
        after.dispose()
