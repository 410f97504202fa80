"""Stock push: coalesced per SKU to the newest on-hand, set absolutely, marked done only after
success, never losing a change that lands during a push; offline the queue grows and drains."""

from __future__ import annotations

from collections.abc import Mapping

import pytest
from acting_staff import manager_session
from fake_store import Clock, FakeStore, red_id
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from redhome_pos.domain.catalog import Product, Sku
from redhome_pos.persistence.database import Database
from redhome_pos.persistence.migrate import upgrade
from redhome_pos.persistence.models.catalog import SkuRow
from redhome_pos.persistence.models.outbox import OutboxRow
from redhome_pos.persistence.repositories.catalog import CatalogRepository
from redhome_pos.persistence.repositories.stock import StockRepository
from redhome_pos.persistence.repositories.sync import SyncRepository
from redhome_pos.services.stock import adjust, receive
from sync.catalog_pull import pull_catalog
from sync.connector import StockPushResult
from sync.engine import SyncEngine
from sync.settings import SyncSettings
from sync.status import sync_status
from sync.stock_push import push_stock

SETTINGS = SyncSettings(warehouse_code="SH01", terminal_id="T1")

ALSO_ON_POSTGRES = True  # run on PostgreSQL too when a server is configured


def imported(database: Database, skus: int) -> tuple[FakeStore, dict[str, int]]:
    """A fake store with ``skus`` SKUs, imported; returns the store and red id → store id."""
    store = FakeStore()
    for n in range(skus):
        store.add_sku(n)
    pull_catalog(database, store, SETTINGS, now=Clock()())
    with database.reading() as session:
        ids = dict(session.execute(select(SkuRow.red_sku_id, SkuRow.id)).all())
    return store, {str(k): int(v) for k, v in ids.items()}


def on_hand(database: Database, sku_id: int) -> int:
    with database.reading() as session:
        return StockRepository(session).on_hand(sku_id)


def pending(database: Database) -> int:
    with database.reading() as session:
        return int(
            session.scalar(
                select(func.count()).select_from(OutboxRow).where(OutboxRow.done_at.is_(None))
            )
            or 0
        )


def test_many_movements_of_one_sku_make_one_call_with_the_final_figure(
    database: Database,
) -> None:
    store, ids = imported(database, 3)
    a, b = ids[red_id(0)], ids[red_id(1)]
    for _ in range(40):
        receive(database, a, 2, terminal_id="T1", staff=manager_session(database))
    for _ in range(15):
        adjust(database, a, -1, reason="damaged", terminal_id="T1", staff=manager_session(database))
    receive(database, b, 7, terminal_id="T1", staff=manager_session(database))
    assert pending(database) == 56

    report = push_stock(database, store, SETTINGS, now=Clock())
    assert report.calls == 1
    assert store.stock_calls == [{red_id(0): 65, red_id(1): 7}]
    assert store.stock[red_id(0)] == on_hand(database, a) == 65
    assert pending(database) == 0
    # Nothing left: a second push makes no call.
    assert push_stock(database, store, SETTINGS, now=Clock()).calls == 0


def test_a_change_that_lands_during_the_push_is_sent_next_time(database: Database) -> None:
    store, ids = imported(database, 1)
    sku = ids[red_id(0)]
    receive(database, sku, 5, terminal_id="T1", staff=manager_session(database))

    class SaleDuringPush(FakeStore):
        def set_stock(self, levels: Mapping[str, int]) -> list[StockPushResult]:
            results = store.set_stock(levels)
            if len(store.stock_calls) == 1:  # a sale at the counter while the call is out
                adjust(
                    database,
                    sku,
                    -2,
                    reason="sold",
                    terminal_id="T2",
                    staff=manager_session(database),
                )
            return results

    proxy = SaleDuringPush(skus=store.skus)
    first = push_stock(database, proxy, SETTINGS, now=Clock())
    # The loop picks up the new row in the same run and sends the newer figure.
    assert [call[red_id(0)] for call in store.stock_calls] == [5, 3]
    assert first.calls == 2
    assert store.stock[red_id(0)] == on_hand(database, sku) == 3
    assert pending(database) == 0


def test_a_lost_answer_leaves_the_change_pending_and_resending_is_harmless(
    database: Database,
) -> None:
    store, ids = imported(database, 2)
    receive(database, ids[red_id(0)], 4, terminal_id="T1", staff=manager_session(database))
    store.lose_answers = 1
    engine = SyncEngine(database, store, SETTINGS, clock=Clock())
    report = engine.run_once()
    assert "stock" in report.errors
    assert store.stock[red_id(0)] == 4  # applied, answer lost
    assert pending(database) == 1
    again = engine.run_once()
    assert again.ok
    assert store.stock[red_id(0)] == 4 and pending(database) == 0


def test_offline_the_queue_grows_and_then_drains_in_order_with_nothing_doubled(
    database: Database,
) -> None:
    store, ids = imported(database, 20)
    clock = Clock()
    engine = SyncEngine(database, store, SETTINGS, clock=clock)
    assert engine.run_once().ok
    store.offline = True
    for round_ in range(3):
        for n in range(20):
            receive(
                database, ids[red_id(n)], n + 1, terminal_id="T1", staff=manager_session(database)
            )
        report = engine.run_once()
        assert not report.ok and report.stock is None
        status = sync_status(database)
        assert status.online is False
        assert status.stock_queue == 20 * (round_ + 1)
        assert "did not answer" in status.last_error
    store.offline = False
    store.stock_calls.clear()
    report = engine.run_once()
    assert report.ok
    assert report.stock is not None and report.stock.skus_pushed == 20
    # One figure per SKU, oldest change first, each the on-hand at push time.
    assert len(store.stock_calls) == 1
    assert list(store.stock_calls[0]) == [red_id(n) for n in range(20)]
    for n in range(20):
        assert store.stock[red_id(n)] == on_hand(database, ids[red_id(n)]) == 3 * (n + 1)
    status = sync_status(database)
    assert status.online is True and status.stock_queue == 0
    with database.reading() as session:
        words = [e.message for e in SyncRepository(session).recent_log(50)]
    assert "The online store is out of reach; changes wait" in words
    assert "The online store is reachable again" in words


def test_a_sku_the_online_store_refuses_is_retried_then_left_to_reconciliation(
    database: Database,
) -> None:
    store, ids = imported(database, 2)
    store.refuse_stock.add(red_id(1))
    receive(database, ids[red_id(0)], 3, terminal_id="T1", staff=manager_session(database))
    receive(database, ids[red_id(1)], 3, terminal_id="T1", staff=manager_session(database))
    report = push_stock(database, store, SETTINGS, now=Clock())
    assert report.skus_pushed == 1 and report.skus_refused == 1
    assert pending(database) == 1  # tried again on the next run, not at once
    for _ in range(SETTINGS.stock_push_tries - 1):
        assert push_stock(database, store, SETTINGS, now=Clock()).skus_refused == 1
    assert pending(database) == 0
    assert push_stock(database, store, SETTINGS, now=Clock()).calls == 0
    with database.reading() as session:
        log = SyncRepository(session).recent_log(10, level="error")
    assert any("refused the stock of SKU ERP000001" in e.message for e in log)


def test_skus_that_are_not_online_are_closed_without_a_call(database: Database) -> None:
    store, _ = imported(database, 1)
    with database.unit_of_work() as uow:
        catalog = CatalogRepository(uow.session)
        product = catalog.add_product(Product(None, "店内商品", "", ""))
        local = catalog.add_sku(Sku(None, product, "LOCAL-9", 100, 100))
        uow.commit()
    receive(database, local, 2, terminal_id="T1", staff=manager_session(database))
    report = push_stock(database, store, SETTINGS, now=Clock())
    assert report.calls == 0 and report.skus_not_online == 1
    assert pending(database) == 0


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    steps=st.lists(
        st.one_of(
            st.tuples(st.just("move"), st.integers(0, 3), st.integers(-3, 5)),
            st.tuples(st.just("push"), st.sampled_from(["ok", "lost", "offline"]), st.just(0)),
        ),
        min_size=1,
        max_size=25,
    )
)
def test_whatever_happens_in_between_the_last_push_leaves_online_equal_to_on_hand(
    tmp_path_factory: pytest.TempPathFactory, steps: list[tuple[str, object, int]]
) -> None:
    database = Database(f"sqlite:///{tmp_path_factory.mktemp('prop') / 'store.db'}")
    upgrade(database)
    try:
        store, ids = imported(database, 4)
        engine = SyncEngine(database, store, SETTINGS, clock=Clock())
        for kind, what, quantity in steps:
            if kind == "move" and quantity:
                sku = ids[red_id(int(what))]  # type: ignore[call-overload]
                if quantity > 0:
                    receive(
                        database, sku, quantity, terminal_id="T1", staff=manager_session(database)
                    )
                elif on_hand(database, sku) >= -quantity:
                    adjust(
                        database,
                        sku,
                        quantity,
                        reason="sold",
                        terminal_id="T1",
                        staff=manager_session(database),
                    )
            elif kind == "push":
                store.offline = what == "offline"
                store.lose_answers = 1 if what == "lost" else 0
                engine.run_once()
        store.offline, store.lose_answers = False, 0
        before = len(store.stock_calls)
        assert engine.run_once().ok
        # Coalesced: the final drain needs one call for all four SKUs at most.
        assert len(store.stock_calls) - before <= 1
        for n in range(4):
            assert store.stock.get(red_id(n), 0) == on_hand(database, ids[red_id(n)])
        assert pending(database) == 0
    finally:
        database.dispose()
