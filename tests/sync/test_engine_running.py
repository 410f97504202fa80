"""Running the engine: one engine per store under a lease, the background thread, the status
the UI shows, and the opening stock of a first connection."""

from __future__ import annotations

import subprocess
import sys
import threading
from datetime import timedelta

import pytest
from acting_staff import manager_session
from fake_store import Clock, FakeStore, red_id
from sqlalchemy import select

from redhome_pos.persistence.database import Database
from redhome_pos.persistence.models.catalog import SkuRow
from redhome_pos.persistence.models.stock import StockMovementRow
from redhome_pos.persistence.repositories.stock import StockRepository
from redhome_pos.persistence.repositories.sync import SyncRepository
from redhome_pos.services.stock import receive
from sync.engine import SyncEngine, default_holder
from sync.opening import OpeningStockError, opening_from_count, opening_from_online
from sync.settings import SyncSettings
from sync.status import sync_status

ALSO_ON_POSTGRES = True  # run on PostgreSQL too when a server is configured

SETTINGS = SyncSettings(warehouse_code="SH01", terminal_id="T1", idle_wait_s=0.01)


@pytest.fixture
def store() -> FakeStore:
    store = FakeStore()
    for n in range(5):
        store.add_sku(n)
    return store


def on_hand(database: Database) -> dict[str, int]:
    with database.reading() as session:
        rows = session.execute(select(SkuRow.red_sku_id, SkuRow.id)).all()
        stock = StockRepository(session)
        return {str(red): stock.on_hand(sku_id) for red, sku_id in rows}


def test_one_engine_per_store_and_a_lease_that_runs_out(
    database: Database, store: FakeStore
) -> None:
    clock = Clock()
    first = SyncEngine(database, store, SETTINGS, clock=clock, holder="T1@a/1")
    second = SyncEngine(database, store, SETTINGS, clock=clock, holder="T2@b/2")
    assert first.run_once().ok
    refused = second.run_once()
    assert not refused.lease_held and refused.ran == []
    assert sync_status(database, now=clock()).engine_holder == "T1@a/1"
    clock.advance(minutes=3)  # the first terminal crashed: its lease ran out
    assert second.run_once().ok
    assert not first.run_once().lease_held
    second.close()  # a clean stop gives the lease back at once
    assert first.run_once().ok


def test_a_crashed_engine_on_this_machine_is_taken_over_at_once(
    database: Database, store: FakeStore
) -> None:
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True, check=True)  # fmt: skip
    crashed = default_holder("T1").rsplit("/", 1)[0] + "/" + dead.stdout.strip()
    clock = Clock()
    assert SyncEngine(database, store, SETTINGS, clock=clock, holder=crashed).run_once().ok
    # Same machine, the process is gone: no need to wait for the lease to run out.
    assert SyncEngine(database, store, SETTINGS, clock=clock).run_once().ok
    # A live holder elsewhere is respected.
    other = SyncEngine(database, store, SETTINGS, clock=clock, holder="T9@elsewhere/1")
    assert not other.run_once().lease_held


def test_the_background_engine_pushes_soon_after_a_wake_up_and_stops_cleanly(
    database: Database, store: FakeStore
) -> None:
    engine = SyncEngine(database, store, SETTINGS)
    pushed = threading.Event()
    real_set_stock = store.set_stock

    def set_stock(levels):  # type: ignore[no-untyped-def]
        results = real_set_stock(levels)
        pushed.set()
        return results

    store.set_stock = set_stock  # type: ignore[method-assign]
    engine.start()
    try:
        assert engine.running
        engine.wake()
        # The first run imports the catalog; then a delivery of goods is pushed.
        deadline = threading.Event()
        for _ in range(500):
            if store.calls["catalog_page"] and sync_status(database).online:
                break
            deadline.wait(0.01)
        with database.reading() as session:
            sku_id = session.scalar(select(SkuRow.id).where(SkuRow.red_sku_id == red_id(2)))
        assert sku_id is not None
        receive(database, sku_id, 6, terminal_id="T1", staff=manager_session(database))
        engine.wake()
        assert pushed.wait(10), "the engine did not push after the wake-up"
    finally:
        engine.stop()
    assert not engine.running
    assert store.stock[red_id(2)] == 6
    assert sync_status(database).engine_holder is None


def test_status_before_and_after_the_first_run(database: Database, store: FakeStore) -> None:
    status = sync_status(database)
    assert status.online is None and status.queue_length == 0 and status.last_error == ""
    engine = SyncEngine(database, store, SETTINGS, clock=Clock())
    engine.run_once()
    status = sync_status(database)
    assert status.online is True
    assert {s.stream for s in status.streams if s.last_success_at} == {
        "catalog", "orders", "after_sales", "deliveries", "stock"
    }  # fmt: skip


def test_a_stream_with_nothing_to_send_does_not_claim_the_store_is_back(
    database: Database, store: FakeStore
) -> None:
    clock = Clock()
    engine = SyncEngine(database, store, SETTINGS, clock=clock)
    engine.run_once()
    store.offline = True
    assert not engine.run_once().ok
    clock.advance(seconds=30)
    engine.wake()  # only deliveries and stock are due; both have nothing to send
    report = engine.run_due()
    assert report.ran == ["deliveries", "stock"] and not report.errors
    assert sync_status(database).online is False


def test_opening_stock_from_the_online_figures_is_recorded_as_movements(
    database: Database, store: FakeStore
) -> None:
    SyncEngine(database, store, SETTINGS, clock=Clock()).run_once()
    store.stock.update({red_id(0): 12, red_id(1): 0, red_id(3): 4})
    report = opening_from_online(database, store, terminal_id="T1", staff=manager_session(database))
    assert report.movements == 2 and report.units_added == 16
    assert on_hand(database) == {red_id(0): 12, red_id(1): 0, red_id(2): 0, red_id(3): 4,
                                 red_id(4): 0}  # fmt: skip
    with database.reading() as session:
        kinds = set(session.scalars(select(StockMovementRow.kind)).all())
    assert kinds == {"opening"}
    with pytest.raises(OpeningStockError):
        opening_from_online(database, store, terminal_id="T1", staff=manager_session(database))


def test_opening_stock_from_a_count_moves_each_sku_to_what_was_counted(
    database: Database, store: FakeStore
) -> None:
    SyncEngine(database, store, SETTINGS, clock=Clock()).run_once()
    with database.reading() as session:
        ids = dict(session.execute(select(SkuRow.red_sku_id, SkuRow.id)).all())
    receive(database, ids[red_id(1)], 9, terminal_id="T1", staff=manager_session(database))
    with pytest.raises(OpeningStockError):
        opening_from_count(
            database, {ids[red_id(0)]: -1}, terminal_id="T1", staff=manager_session(database)
        )
    report = opening_from_count(
        database,
        {ids[red_id(0)]: 5, ids[red_id(1)]: 2},
        terminal_id="T1",
        staff=manager_session(database),
    )
    assert report.units_added == 5 and report.units_removed == 7
    assert on_hand(database)[red_id(0)] == 5 and on_hand(database)[red_id(1)] == 2
    # Both changes go online with the next push.
    SyncEngine(database, store, SETTINGS, clock=Clock()).run_once()
    assert store.stock[red_id(0)] == 5 and store.stock[red_id(1)] == 2


def test_the_lease_ttl_is_minutes_not_forever() -> None:
    assert timedelta(seconds=30) <= SETTINGS.lease_ttl <= timedelta(minutes=10)


def test_a_notice_about_the_connection_is_logged_once_a_day(
    database: Database, store: FakeStore
) -> None:
    clock = Clock()
    words = "The online store authorisation runs out in 2 days. Connect the store again."
    engine = SyncEngine(database, store, SETTINGS, clock=clock, notice=lambda: words)
    for _ in range(3):
        engine.run_once()
        clock.advance(hours=1)
    clock.advance(days=1)
    engine.run_once()
    with database.reading() as session:
        logged = [e for e in SyncRepository(session).recent_log(100) if e.message == words]
    assert len(logged) == 2 and all(e.level == "warning" for e in logged)


def test_a_refused_courier_list_keeps_the_catalog_going_and_the_list_read_before(
    database: Database, store: FakeStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    from sync.errors import PlatformError
    from sync.express import cached_couriers

    clock = Clock()
    engine = SyncEngine(database, store, SETTINGS, clock=clock)
    assert engine.run_once().ok
    assert [c.code for c in cached_couriers(database)] == ["zto", "shunfeng"]

    def refuse() -> list[object]:
        raise PlatformError(method="common.getExpressCompanyList", error_code=-1, error_msg="no")

    monkeypatch.setattr(store, "express_companies", refuse)
    clock.advance(days=2)
    report = engine.run_once()
    assert report.ok and "catalog" in report.ran
    assert [c.code for c in cached_couriers(database)] == ["zto", "shunfeng"]
    with database.reading() as session:
        log = SyncRepository(session).recent_log(10)
    assert sum("couriers could not be read" in e.message for e in log) == 1
    engine.close()
