"""The engine against the RED sandbox over real HTTP on loopback: a 10,000-SKU import,
coalesced pushes, every fault switch, unsafe answers, and an offline spell that drains."""

from __future__ import annotations

import json
import urllib.request
from collections.abc import Iterator
from typing import Any

import pytest
from acting_staff import manager_session
from sqlalchemy import func, select

from redhome_pos.persistence.database import Database
from redhome_pos.persistence.models.catalog import BarcodeRow, ProductRow, SkuRow
from redhome_pos.persistence.models.stock import StockLevelRow
from redhome_pos.persistence.models.sync import SyncCursorRow
from redhome_pos.persistence.repositories.sync import SyncRepository
from redhome_pos.services.stock import adjust, receive
from sync.catalog_pull import pull_catalog
from sync.engine import SyncEngine
from sync.fulfilment import request_delivery
from sync.opening import opening_from_online
from sync.red import api
from sync.red.client import RedClient, RetryPolicy
from sync.red.connector import RedOnlineStore
from sync.red.oauth import MemoryTokenStore, RedAuthorizer
from sync.red_sandbox import FAULTS, SandboxHandle, start_sandbox
from sync.settings import SyncSettings
from sync.status import sync_status


def settings_for(sandbox: SandboxHandle) -> SyncSettings:
    return SyncSettings(warehouse_code=sandbox.warehouse_code, terminal_id="T1")


def store_levels(database: Database) -> dict[str, int]:
    """The figure the online store's total should show per online SKU id: the on-hand less
    the units of the store's paid online orders still on the shelf (the platform took them
    off its total at payment), never below zero (an online order handed over beyond the books
    takes the store below zero; online it stays at 0)."""
    with database.reading() as session:
        rows = session.execute(
            select(SkuRow.id, SkuRow.red_sku_id, StockLevelRow.on_hand)
            .join(StockLevelRow, StockLevelRow.sku_id == SkuRow.id)
            .where(SkuRow.red_sku_id.is_not(None))
        ).all()
        held = SyncRepository(session).held_online()
    return {str(red): max(0, int(on_hand) - held.get(sku, 0)) for sku, red, on_hand in rows}


def inspect(sandbox: SandboxHandle, whcode: str = "") -> dict[str, Any]:
    """The sandbox's state through its inspection endpoint (HTTP on loopback)."""
    query = f"?whcode={whcode}" if whcode else ""
    with urllib.request.urlopen(f"{sandbox.base_url}/_sandbox/state{query}", timeout=30) as answer:
        state: dict[str, Any] = json.loads(answer.read())
    return state


def online_levels(sandbox: SandboxHandle) -> dict[str, int]:
    stock = inspect(sandbox, sandbox.warehouse_code)["stock"]
    return {sku: by_wh[sandbox.warehouse_code] for sku, by_wh in stock.items()}


def sku_ids(database: Database, limit: int) -> list[int]:
    with database.reading() as session:
        return list(
            session.scalars(
                select(SkuRow.id).where(SkuRow.red_sku_id.is_not(None)).order_by(SkuRow.id)
            ).all()[:limit]
        )


def count(database: Database, model: object) -> int:
    with database.reading() as session:
        return int(session.scalar(select(func.count()).select_from(model)) or 0)


def connected(database: Database, sandbox: SandboxHandle) -> SyncEngine:
    """The engine after its first run and the opening stock taken from the online figures."""
    client = RedClient(
        sandbox.base_url,
        sandbox.app_id,
        sandbox.app_secret,
        retry=RetryPolicy(attempts=4, base_delay_s=0.001, max_delay_s=0.01),
    )
    authorizer = RedAuthorizer(client, MemoryTokenStore(), redirect_uri="http://127.0.0.1/ok")
    authorizer.connect(sandbox.authorization_code())
    store = RedOnlineStore(client, authorizer, warehouse_code=sandbox.warehouse_code)
    engine = SyncEngine(database, store, settings_for(sandbox))
    assert engine.run_once().ok
    opening_from_online(database, store, terminal_id="T1", staff=manager_session(database))
    return engine


def test_a_catalog_of_10000_skus_is_imported_once_and_read_again_without_doubles(
    database: Database,
) -> None:
    with start_sandbox(port=0, seed=3, skus=10_000) as sandbox:
        client = RedClient(sandbox.base_url, sandbox.app_id, sandbox.app_secret)
        with client:
            authorizer = RedAuthorizer(client, MemoryTokenStore(), redirect_uri="http://x/ok")
            authorizer.connect(sandbox.authorization_code())
            store = RedOnlineStore(client, authorizer, warehouse_code=sandbox.warehouse_code)
            report = pull_catalog(database, store, settings_for(sandbox), now=_now())
            assert report.finished and report.read == 10_000 and report.created == 10_000
            assert count(database, SkuRow) == 10_000
            assert count(database, StockLevelRow) == 10_000
            assert count(database, BarcodeRow) == 10_000
            assert count(database, ProductRow) > 1000
            # A price changed online comes in with the next (incremental) read, alone.
            some = next(iter(online_levels(sandbox)))
            sandbox.update_sku(some, price=12_345)
            again = pull_catalog(database, store, settings_for(sandbox), now=_now())
            assert not again.full and again.changed == 1 and again.created == 0
            assert count(database, SkuRow) == 10_000
            with database.reading() as session:
                price = session.scalar(select(SkuRow.price_fen).where(SkuRow.red_sku_id == some))
            assert price == 12_345


def _now() -> object:
    from redhome_pos.persistence.models.base import utcnow

    return utcnow()


@pytest.fixture
def engine(database: Database, sandbox: SandboxHandle) -> Iterator[SyncEngine]:
    engine = connected(database, sandbox)
    yield engine
    engine.close()


def test_opening_stock_makes_the_store_match_the_online_figures(
    database: Database, sandbox: SandboxHandle, engine: SyncEngine
) -> None:
    assert store_levels(database) == online_levels(sandbox)
    assert sum(store_levels(database).values()) > 0


def test_many_movements_of_one_sku_make_one_call_with_the_final_figure(
    database: Database, sandbox: SandboxHandle, engine: SyncEngine
) -> None:
    assert engine.run_once().ok  # the opening figures went back once
    sku = sku_ids(database, 1)[0]
    for _ in range(30):
        receive(database, sku, 3, terminal_id="T1", staff=manager_session(database))
        adjust(database, sku, -1, reason="sold", terminal_id="T1", staff=manager_session(database))
    before = inspect(sandbox)["calls"].get(api.SYNC_SKU_STOCK_V2, 0)
    report = engine.run_once()
    assert report.ok and report.stock is not None and report.stock.skus_pushed == 1
    assert inspect(sandbox)["calls"][api.SYNC_SKU_STOCK_V2] == before + 1
    assert store_levels(database) == online_levels(sandbox)


@pytest.mark.parametrize("fault", FAULTS)
def test_after_every_fault_online_stock_equals_on_hand_and_each_order_ships_once(
    database: Database, sandbox: SandboxHandle, engine: SyncEngine, fault: str
) -> None:
    skus = sku_ids(database, 40)
    orders = sandbox.generate_orders(6, pickup_share=0.5)
    sandbox.set_faults(latency_ms=5, **{fault: 0.35})
    requested: set[str] = set()
    for round_ in range(4):
        for n, sku in enumerate(skus):  # the counter goes on as usual
            receive(
                database,
                sku,
                1 + (n + round_) % 3,
                terminal_id="T1",
                staff=manager_session(database),
            )
            if n % 4 == round_:
                adjust(
                    database,
                    sku,
                    -1,
                    reason="sold",
                    terminal_id="T1",
                    staff=manager_session(database),
                )
        engine.run_once()  # may fail part-way; nothing is lost
        requested |= _hand_over_what_arrived(database, requested)
    sandbox.clear_faults()
    for _ in range(3):
        engine.run_once()
        requested |= _hand_over_what_arrived(database, requested)
    assert engine.run_once().ok
    status = sync_status(database)
    assert status.queue_length == 0 and status.online is True

    assert requested == set(orders)
    deliveries = inspect(sandbox)["deliveries"]
    assert {order: deliveries[order]["count"] for order in orders} == {o: 1 for o in orders}
    assert store_levels(database) == online_levels(sandbox)


def _hand_over_what_arrived(database: Database, done: set[str]) -> set[str]:
    with database.reading() as session:
        waiting = [o for o in SyncRepository(session).orders() if o.order_id not in done]
    for order in waiting:
        request_delivery(
            database, order.order_id, terminal_id="T1", pickup=order.fulfilment == "pickup",
            express_no="" if order.fulfilment == "pickup" else "SF1000",
            company_code="" if order.fulfilment == "pickup" else "shunfeng",
            staff=manager_session(database),
        )  # fmt: skip
    return {order.order_id for order in waiting}


@pytest.mark.parametrize("fault", ["malformed", "hostile"])
def test_an_unreadable_or_hostile_answer_is_a_clear_error_and_changes_nothing(
    database: Database, sandbox: SandboxHandle, engine: SyncEngine, fault: str
) -> None:
    assert engine.run_once().ok  # nothing left to send: only reading is left to go wrong
    sandbox.generate_orders(3)
    some = next(iter(online_levels(sandbox)))
    sandbox.update_sku(some, price=1)
    before = (count(database, SkuRow), store_levels(database))
    with database.reading() as session:
        cursors = {c.stream: (c.position, c.state) for c in SyncRepository(session).cursors()}
    sandbox.set_faults(**{fault: 1.0})
    report = engine.run_once()
    assert set(report.errors) == {"catalog", "orders", "after_sales"}
    for message in report.errors.values():
        assert "cannot be read" in message
    assert (count(database, SkuRow), store_levels(database)) == before
    with database.reading() as session:
        repo = SyncRepository(session)
        after = {c.stream: (c.position, c.state) for c in repo.cursors()}
        assert repo.orders() == []
        assert repo.recent_log(5, level="error")
    for stream in ("catalog", "orders", "after_sales"):
        assert after[stream] == cursors[stream]
    assert count(database, SyncCursorRow) == len(after)
    sandbox.clear_faults()
    assert engine.run_once().ok
    with database.reading() as session:
        assert len(SyncRepository(session).orders()) == 3


def test_offline_the_counter_goes_on_the_queue_grows_then_drains(
    database: Database, sandbox: SandboxHandle, engine: SyncEngine
) -> None:
    assert engine.run_once().ok
    skus = sku_ids(database, 25)
    sandbox.set_faults(reset=1.0)
    for round_ in range(3):
        for sku in skus:
            receive(database, sku, 2, terminal_id="T1", staff=manager_session(database))
        assert not engine.run_once().ok
        status = sync_status(database)
        assert status.online is False and status.stock_queue == 25 * (round_ + 1)
    assert store_levels(database) != online_levels(sandbox)
    sandbox.clear_faults()
    before = inspect(sandbox)["calls"].get(api.SYNC_SKU_STOCK_V2, 0)
    report = engine.run_once()
    assert report.ok and report.stock is not None and report.stock.skus_pushed == 25
    assert inspect(sandbox)["calls"][api.SYNC_SKU_STOCK_V2] == before + 25
    assert sync_status(database).queue_length == 0
    assert store_levels(database) == online_levels(sandbox)
