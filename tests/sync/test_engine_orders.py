"""Order pull and fulfilment: windows the platform accepts, upserts by order id, reservations,
cancellations, and each delivery sent exactly once across lost answers and restarts."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from acting_staff import manager_session
from fake_store import T0, Clock, FakeStore, red_id
from sqlalchemy import select

from redhome_pos.persistence.database import Database
from redhome_pos.persistence.models.catalog import SkuRow
from redhome_pos.persistence.models.sync import OnlineOrderRow
from redhome_pos.persistence.repositories.stock import StockRepository
from redhome_pos.persistence.repositories.sync import CONFIRMED, SENT, VOID, SyncRepository
from redhome_pos.services.stock import receive
from sync.catalog_pull import pull_catalog
from sync.connector import FulfilmentKind, OrderStatus, OrderTime
from sync.engine import SyncEngine
from sync.errors import PlatformError
from sync.fulfilment import FulfilmentError, push_deliveries, request_delivery
from sync.order_pull import pull_orders
from sync.settings import SyncSettings

SETTINGS = SyncSettings(warehouse_code="SH01", terminal_id="T1")

ALSO_ON_POSTGRES = True  # run on PostgreSQL too when a server is configured


@pytest.fixture
def store(database: Database) -> FakeStore:
    store = FakeStore()
    for n in range(6):
        store.add_sku(n)
    pull_catalog(database, store, SETTINGS, now=T0 + timedelta(minutes=1))
    with database.reading() as session:
        ids = session.scalars(select(SkuRow.id)).all()
    for sku_id in ids:
        receive(database, sku_id, 10, terminal_id="T1", staff=manager_session(database))
    return store


def sku_id(database: Database, n: int) -> int:
    with database.reading() as session:
        found = session.scalar(select(SkuRow.id).where(SkuRow.red_sku_id == red_id(n)))
    assert found is not None
    return found


def reserved(database: Database) -> dict[int, int]:
    with database.reading() as session:
        return SyncRepository(session).reserved()


def test_backfill_by_creation_then_polling_by_update_in_accepted_windows(
    database: Database, store: FakeStore
) -> None:
    clock = Clock(T0 + timedelta(days=3))
    store.add_order("O-OLD", [(red_id(0), 1)], at=clock.now - timedelta(days=1, hours=5))
    store.add_order("O-NEW", [(red_id(1), 2)], at=clock.now - timedelta(minutes=10))
    store.add_order("O-ELSE", [(red_id(2), 1)], at=clock.now - timedelta(hours=3),
                    warehouse_code="CENTRAL")  # fmt: skip
    report = pull_orders(database, store, SETTINGS, now=clock())
    assert {w for t, w in store.window_widths if t is OrderTime.CREATED} <= {timedelta(hours=24)}
    assert report.new_orders == 2 and report.fetched == 3
    assert reserved(database) == {sku_id(database, 0): 1, sku_id(database, 1): 2}

    # Hours later: polled by update time in windows of at most 30 minutes.
    store.window_widths.clear()
    clock.advance(hours=2)
    store.set_order_status("O-OLD", OrderStatus.CANCELLED, clock.now - timedelta(minutes=50))
    report = pull_orders(database, store, SETTINGS, now=clock())
    widths = [w for _, w in store.window_widths]
    assert widths and max(widths) <= timedelta(minutes=30)
    assert all(t is OrderTime.UPDATED for t, _ in store.window_widths)
    assert report.cancelled == 1
    assert reserved(database) == {sku_id(database, 1): 2}
    with database.reading() as session:
        assert session.get(OnlineOrderRow, "O-OLD").status == "cancelled"  # type: ignore[union-attr]
        other = session.get(OnlineOrderRow, "O-ELSE")
        assert other is not None and not other.ours
        assert other.receiver_name_masked == "" and not other.receiver_name_sealed


def test_an_unchanged_order_is_not_fetched_again(database: Database, store: FakeStore) -> None:
    clock = Clock(T0 + timedelta(days=1))
    store.add_order("O-1", [(red_id(0), 1)], at=clock.now - timedelta(seconds=30))
    pull_orders(database, store, SETTINGS, now=clock())
    store.calls.clear()
    clock.advance(minutes=1)  # the overlap reads O-1's time again
    report = pull_orders(database, store, SETTINGS, now=clock())
    assert report.listed == 1 and report.fetched == 0
    assert store.calls["order_detail"] == 0


def test_delivery_is_sent_once_even_when_the_answer_is_lost(
    database: Database, store: FakeStore
) -> None:
    clock = Clock(T0 + timedelta(days=1))
    store.add_order("O-9", [(red_id(3), 2), (red_id(4), 1)], at=clock.now - timedelta(minutes=5))
    engine = SyncEngine(database, store, SETTINGS, clock=clock)
    assert engine.run_once().ok
    assert reserved(database) == {sku_id(database, 3): 2, sku_id(database, 4): 1}

    delivery = request_delivery(
        database, "O-9", terminal_id="T1", pickup=True, staff=manager_session(database)
    )
    assert delivery.state == "pending"
    # Asking twice (a double click) gives the same intent and books nothing more.
    request_delivery(
        database, "O-9", terminal_id="T1", pickup=True, staff=manager_session(database)
    )
    with database.reading() as session:
        assert StockRepository(session).on_hand(sku_id(database, 3)) == 8
        assert StockRepository(session).on_hand(sku_id(database, 4)) == 9
    assert reserved(database) == {}

    store.lose_answers = 1
    first = engine.run_once()
    assert "deliveries" in first.errors
    with database.reading() as session:
        assert SyncRepository(session).delivery("O-9").state == SENT  # type: ignore[union-attr]
    second = engine.run_once()
    assert second.ok and second.deliveries is not None
    assert second.deliveries.already_delivered == 1
    assert store.deliveries["O-9"] == 1 and store.calls["deliver"] == 1
    with database.reading() as session:
        done = SyncRepository(session).delivery("O-9")
    assert done is not None and done.state == CONFIRMED and done.attempts == 1
    # The store's figures went online after the delivery.
    assert store.stock[red_id(3)] == 8 and store.stock[red_id(4)] == 9


def test_an_order_cancelled_before_the_call_is_not_delivered(
    database: Database, store: FakeStore
) -> None:
    clock = Clock(T0 + timedelta(days=1))
    store.add_order("O-C", [(red_id(0), 1)], at=clock.now - timedelta(minutes=5),
                    fulfilment=FulfilmentKind.SHIP)  # fmt: skip
    pull_orders(database, store, SETTINGS, now=clock())
    with pytest.raises(FulfilmentError):
        request_delivery(
            database, "O-C", terminal_id="T1", pickup=False, staff=manager_session(database)
        )  # no express number
    request_delivery(database, "O-C", terminal_id="T1", pickup=False, express_no="SF123",
                     company_code="shunfeng", staff=manager_session(database))  # fmt: skip
    store.set_order_status("O-C", OrderStatus.CANCELLED, clock.now)
    report = push_deliveries(database, store, SETTINGS)
    assert report.void == 1 and store.calls["deliver"] == 0
    with database.reading() as session:
        repo = SyncRepository(session)
        assert repo.delivery("O-C").state == VOID  # type: ignore[union-attr]
        assert any("cancelled before its delivery" in e.message for e in repo.recent_log(5))


def test_only_the_stores_own_open_orders_can_be_handed_over(
    database: Database, store: FakeStore
) -> None:
    clock = Clock(T0 + timedelta(days=1))
    store.add_order("O-X", [(red_id(0), 1)], at=clock.now, warehouse_code="CENTRAL")
    store.add_order("O-V", [(red_id(0), 1)], at=clock.now, status=OrderStatus.CANCELLED)
    pull_orders(database, store, SETTINGS, now=clock() + timedelta(minutes=1))
    for order_id in ("O-X", "O-V", "O-NONE"):
        with pytest.raises(FulfilmentError):
            request_delivery(
                database, order_id, terminal_id="T1", pickup=True, staff=manager_session(database)
            )


def test_an_order_for_a_sku_the_store_learns_later_can_then_be_handed_over(
    database: Database, store: FakeStore
) -> None:
    clock = Clock(T0 + timedelta(days=1))
    store.add_sku(77, updated_at=clock.now - timedelta(minutes=1))  # new online, not pulled yet
    store.add_order("O-L", [(red_id(77), 1)], at=clock.now - timedelta(seconds=30))
    pull_orders(database, store, SETTINGS, now=clock())
    with pytest.raises(FulfilmentError):
        request_delivery(
            database, "O-L", terminal_id="T1", pickup=True, staff=manager_session(database)
        )
    pull_catalog(database, store, SETTINGS, now=clock())
    assert reserved(database) == {sku_id(database, 77): 1}
    delivery = request_delivery(
        database, "O-L", terminal_id="T1", pickup=True, staff=manager_session(database)
    )
    assert delivery.state == "pending"


def test_a_refused_delivery_waits_before_it_is_tried_again(
    database: Database, store: FakeStore
) -> None:
    clock = Clock(T0 + timedelta(days=1))
    store.add_order("O-R", [(red_id(0), 1)], at=clock.now - timedelta(seconds=30))
    pull_orders(database, store, SETTINGS, now=clock())
    request_delivery(
        database, "O-R", terminal_id="T1", pickup=True, staff=manager_session(database)
    )
    real_deliver = store.deliver

    def refuse(order_id: str, express_no: str, company_code: str) -> object:
        store.calls["deliver"] += 1
        raise PlatformError(method="deliver", error_code=-5003, error_msg="not deliverable")

    store.deliver = refuse  # type: ignore[method-assign,assignment]
    first = push_deliveries(database, store, SETTINGS)
    assert first.refused == 1
    again = push_deliveries(database, store, SETTINGS)
    assert again.refused == 0 and store.calls["deliver"] == 1  # waiting, not hammering
    store.deliver = real_deliver  # type: ignore[method-assign]
    later = push_deliveries(database, store, SETTINGS, now=datetime.now(UTC) + timedelta(hours=1))
    assert later.confirmed == 1 and store.deliveries["O-R"] == 1
    with database.reading() as session:
        log = SyncRepository(session).recent_log(10, level="error")
    assert sum("refused the delivery of order O-R" in e.message for e in log) == 1
