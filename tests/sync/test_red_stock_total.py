"""The online stock total and paid orders (docs/red-stock-total.md).

The platform's stock documents: ``syncSkuStock``'s ``qty`` is the SKU's total, made of its own
sellable stock, channel and activity stock and the units held by UNPAID orders; the
``occupiedQuantity`` of the stock answers is what unpaid orders hold. A paid order's units are
none of these: the platform takes them off the total at payment. The store keeps them on its
shelf until the order leaves, so it pushes the on-hand less those units; pushing the plain
on-hand would offer them to buyers a second time (an oversell).
"""

from __future__ import annotations

import pytest
from acting_staff import manager_session
from sqlalchemy import select
from test_engine_red import connected, online_levels, store_levels

from redhome_pos.domain.reconciliation import DifferenceKind
from redhome_pos.persistence.database import Database
from redhome_pos.persistence.models.catalog import SkuRow
from redhome_pos.persistence.repositories.stock import StockRepository
from redhome_pos.persistence.repositories.sync import SyncRepository
from redhome_pos.services import reconciliation
from redhome_pos.services import stock as stock_service
from redhome_pos.services.counter import Till
from sync.fulfilment import request_delivery
from sync.reconcile_fetch import fetch_online_figures
from sync.red_sandbox import SandboxHandle


def _a_sku_with_units(database: Database, units: int) -> tuple[int, str]:
    """A store SKU sold online, brought to exactly ``units`` on hand."""
    with database.reading() as session:
        sku_id, red = session.execute(
            select(SkuRow.id, SkuRow.red_sku_id)
            .where(SkuRow.red_sku_id.is_not(None))
            .order_by(SkuRow.code)
            .limit(1)
        ).one()
        on_hand = StockRepository(session).on_hand(sku_id)
    if on_hand != units:
        stock_service.adjust(
            database, sku_id, units - on_hand, reason="counted", terminal_id="T1",
            staff=manager_session(database),
        )  # fmt: skip
    return int(sku_id), str(red)


def test_units_of_a_paid_order_still_on_the_shelf_are_not_sold_twice(
    database: Database, sandbox: SandboxHandle
) -> None:
    engine = connected(database, sandbox)
    sku_id, red = _a_sku_with_units(database, 3)
    assert engine.run_once().ok
    assert online_levels(sandbox)[red] == 3
    wh = sandbox.warehouse_code

    # A buyer pays for 2: the platform takes them off its total at once.
    [first] = sandbox.generate_orders(1, sku_ids=[red], quantity=2, whcode=wh, only_available=True)
    assert online_levels(sandbox)[red] == 1
    assert engine.run_once().ok  # the order comes in; the figure pushed leaves its units out
    with database.reading() as session:
        assert SyncRepository(session).held_online([sku_id]) == {sku_id: 2}
        assert StockRepository(session).on_hand(sku_id) == 3  # still on the shelf
    assert online_levels(sandbox)[red] == 1 == store_levels(database)[red]

    # So a buyer wanting two more finds the SKU sold out (with the plain on-hand pushed, the
    # platform would offer 3 and take the order: five units sold of three).
    with pytest.raises(ValueError, match="sold out"):
        sandbox.generate_orders(1, sku_ids=[red], quantity=2, whcode=wh, only_available=True)
    [second] = sandbox.generate_orders(1, sku_ids=[red], quantity=1, whcode=wh, only_available=True)
    assert engine.run_once().ok
    assert online_levels(sandbox)[red] == 0 == store_levels(database)[red]

    # The first order leaves: on hand 1, still held for the second; the figure stays 0.
    request_delivery(
        database, first, terminal_id="T1", pickup=False, express_no="SF100",
        company_code="shunfeng", staff=manager_session(database),
    )  # fmt: skip
    assert engine.run_once().ok
    assert online_levels(sandbox)[red] == 0 == store_levels(database)[red]

    # The second is cancelled online: the platform gives its unit back, the store's figure
    # follows (its outbox row comes from the order turning void).
    sandbox.set_order_status(second, 9)
    assert engine.run_once().ok
    with database.reading() as session:
        assert SyncRepository(session).held_online([sku_id]) == {}
        assert StockRepository(session).on_hand(sku_id) == 1
    assert online_levels(sandbox)[red] == 1 == store_levels(database)[red]
    engine.close()


def test_a_reconciliation_compares_the_same_figure_and_finds_the_plain_on_hand_as_drift(
    database: Database, sandbox: SandboxHandle
) -> None:
    engine = connected(database, sandbox)
    sku_id, red = _a_sku_with_units(database, 5)
    assert engine.run_once().ok
    sandbox.generate_orders(1, sku_ids=[red], quantity=2, whcode=sandbox.warehouse_code)
    assert engine.run_once().ok
    store = engine.store
    till = Till("RH01", "T1")
    boss = manager_session(database)
    online = fetch_online_figures(store)  # type: ignore[arg-type]
    result = reconciliation.run_reconciliation(database, till, online.skus, staff=boss)
    assert [d for d in result.differences if d.sku_id == sku_id] == []
    # The seller centre sets the total back to the shelf's 5: two units offered twice.
    sandbox.set_stock(red, sandbox.warehouse_code, 5)
    online = fetch_online_figures(store)  # type: ignore[arg-type]
    result = reconciliation.run_reconciliation(database, till, online.skus, staff=boss)
    [drift] = [d for d in result.differences if d.sku_id == sku_id]
    assert drift.kind is DifferenceKind.STOCK_DRIFT
    assert (drift.here, drift.online) == (3, 5)
    assert drift.detail["held_for_paid_orders_here"] == 2
    engine.close()
