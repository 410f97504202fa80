"""After-sales and cancellations against the RED sandbox over real HTTP on loopback: a buyer's
cancel (a refund before shipment) stops the pick and frees the held units; returned goods are
scanned in, booked back into stock, confirmed online once and pushed; after-sales are pulled in
windows like orders; every fault switch converges."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from acting_staff import manager_session
from sqlalchemy import select
from test_engine_red import connected, online_levels, store_levels

from redhome_pos.persistence.database import Database
from redhome_pos.persistence.models.catalog import SkuRow
from redhome_pos.persistence.repositories.stock import StockRepository
from redhome_pos.persistence.repositories.sync import SyncRepository
from sync.after_sales import after_sales_view, receive_return, ship_exchange
from sync.connector import AfterSaleKind, OrderCursor, OrderTime
from sync.engine import SyncEngine
from sync.fulfilment import FulfilmentError, request_delivery
from sync.red import api
from sync.red_sandbox import FAULTS, SandboxHandle

SELLER_ADDRESS = {"sellerAddressRecordId": 1}


def _local(database: Database, red_sku: str) -> int:
    with database.reading() as session:
        found = session.scalar(select(SkuRow.id).where(SkuRow.red_sku_id == red_sku))
    assert found is not None
    return int(found)


def _on_hand(database: Database, sku_id: int) -> int:
    with database.reading() as session:
        return StockRepository(session).on_hand(sku_id)


def _ship(database: Database, engine: SyncEngine, order_id: str) -> None:
    request_delivery(database, order_id, terminal_id="T1", pickup=False, express_no="SF9",
                     company_code="shunfeng", staff=manager_session(database))  # fmt: skip
    assert engine.run_once().ok


def _returned(sandbox: SandboxHandle, engine: SyncEngine, order_id: str, kind: int) -> str:
    """The buyer asks, the manager approves in the seller centre, the buyer sends it back."""
    returns_id = sandbox.create_after_sale(order_id, kind)
    authorizer = engine.store.authorizer  # type: ignore[attr-defined]
    authorizer.client.call(
        "afterSale.auditReturns",
        {"returnsId": returns_id, "action": 2, "receiverInfo": SELLER_ADDRESS},
        access_token=authorizer.access_token(),
    )
    sandbox.buyer_ships_return(returns_id)
    return returns_id


def test_a_refund_before_shipment_stops_the_pick_and_frees_the_units(
    database: Database, sandbox: SandboxHandle
) -> None:
    engine = connected(database, sandbox)
    [order_id] = sandbox.generate_orders(1, pickup_share=1.0)
    assert engine.run_once().ok
    with database.reading() as session:
        assert sum(SyncRepository(session).reserved().values()) > 0
    returns_id = sandbox.request_cancel(order_id)
    report = engine.run_once()
    assert report.ok and report.after_sales is not None
    with database.reading() as session:
        repo = SyncRepository(session)
        stored = repo.after_sale(returns_id)
        order = repo.order(order_id)
        assert stored is not None and stored.ours and stored.return_type == 5
        assert order is not None and order.cancel_requested
        assert repo.reserved() == {}
        assert any("stop picking" in e.message for e in repo.recent_log(20))
    with pytest.raises(FulfilmentError, match="asked to cancel"):
        request_delivery(database, order_id, terminal_id="T1", pickup=True,
                         staff=manager_session(database))  # fmt: skip
    engine.close()


def test_after_sales_are_read_in_windows_from_the_last_page(
    database: Database, sandbox: SandboxHandle
) -> None:
    engine = connected(database, sandbox)
    ids = sandbox.generate_orders(7, pickup_share=0.0)
    made = {sandbox.request_cancel(i) for i in ids}
    now = datetime.now(UTC)
    cursor: OrderCursor | None = OrderCursor(
        start=now - timedelta(minutes=20), end=now + timedelta(minutes=1), page_size=3
    )
    seen: list[str] = []
    calls_before = sandbox.state()["calls"].get(api.LIST_AFTER_SALE_INFOS, 0)
    while cursor is not None:
        page = engine.store.after_sales_since(cursor)
        seen += [a.returns_id for a in page.items]
        assert all(a.kind is AfterSaleKind.REFUND_BEFORE_SHIPMENT for a in page.items)
        cursor = page.next_cursor
    assert set(seen) == made
    # A probe of page 1, then pages 3, 2, 1: read from the last page back.
    assert sandbox.state()["calls"][api.LIST_AFTER_SALE_INFOS] - calls_before == 4
    by_time = engine.store.after_sales_since(OrderCursor(
        start=now - timedelta(minutes=5), end=now + timedelta(minutes=1), time=OrderTime.CREATED,
    ))  # fmt: skip
    assert {a.returns_id for a in by_time.items} == made
    engine.close()


def test_returned_goods_are_scanned_in_confirmed_once_and_pushed(
    database: Database, sandbox: SandboxHandle
) -> None:
    engine = connected(database, sandbox)
    [order_id] = sandbox.generate_orders(1, pickup_share=0.0)
    assert engine.run_once().ok
    _ship(database, engine, order_id)
    returns_id = _returned(sandbox, engine, order_id, api.RETURN_TYPE_RETURN)
    assert engine.run_once().ok
    with database.reading() as session:
        stored = SyncRepository(session).after_sale(returns_id)
    assert stored is not None and stored.status == 3 and stored.lines
    units = [_local(database, sku) for sku, qty in stored.lines for _ in range(qty)]
    before = {sku: _on_hand(database, sku) for sku in units}
    boss = manager_session(database)

    # Scanning the wrong goods is refused in words and changes nothing.
    wrong = [*units[:-1], units[-1] + 1]
    with pytest.raises(FulfilmentError, match="not what after-sale"):
        receive_return(database, returns_id, wrong, terminal_id="T1", staff=boss)
    assert {sku: _on_hand(database, sku) for sku in units} == before

    received = receive_return(database, returns_id, units, terminal_id="T1", staff=boss)
    again = receive_return(database, returns_id, units, terminal_id="T1", staff=boss)
    assert received.received_at is not None and again.received_at == received.received_at
    for sku in set(units):
        assert _on_hand(database, sku) == before[sku] + units.count(sku)
    assert engine.run_once().ok
    assert engine.run_once().ok
    state = sandbox.state()
    assert state["calls"][api.CONFIRM_RECEIVE] == 1
    assert state["after_sales"][returns_id]["status"] == 4  # received, so refunded
    assert online_levels(sandbox) == store_levels(database)  # the goods went back online too
    with database.reading() as session:
        stored = SyncRepository(session).after_sale(returns_id)
    assert stored is not None and stored.confirm_state == "confirmed" and stored.status == 4
    engine.close()


@pytest.mark.parametrize("fault", FAULTS)
def test_after_every_fault_returns_are_confirmed_once_and_cancels_stop_picks(
    database: Database, sandbox: SandboxHandle, fault: str
) -> None:
    engine = connected(database, sandbox)
    ids = sandbox.generate_orders(3, pickup_share=0.0)
    assert engine.run_once().ok
    for order_id in ids[:2]:
        _ship(database, engine, order_id)
    returns = [_returned(sandbox, engine, order_id, api.RETURN_TYPE_RETURN) for order_id in ids[:2]]
    cancel = sandbox.request_cancel(ids[2])
    sandbox.set_faults(**{fault: 0.3}, latency_ms=20)
    boss = manager_session(database)
    received: set[str] = set()
    for _ in range(40):
        engine.run_once()
        with database.reading() as session:
            repo = SyncRepository(session)
            waiting = [repo.after_sale(r) for r in returns if r not in received]
        for stored in waiting:
            if stored is not None and stored.status == 3 and stored.lines:
                units = [_local(database, s) for s, q in stored.lines for _ in range(q)]
                receive_return(database, stored.returns_id, units, terminal_id="T1", staff=boss)
                received.add(stored.returns_id)
        with database.reading() as session:
            repo = SyncRepository(session)
            done = all(
                (a := repo.after_sale(r)) is not None and a.confirm_state == "confirmed"
                for r in returns
            )
            order = repo.order(ids[2])
            stopped = (
                repo.after_sale(cancel) is not None
                and order is not None
                and (order.cancel_requested)
            )
        if done and stopped:
            break
    sandbox.clear_faults()
    assert engine.run_once().ok
    assert done and stopped
    assert sandbox.state()["calls"][api.CONFIRM_RECEIVE] >= 2
    with database.reading() as session:
        repo = SyncRepository(session)
        held = {line.sku_id for line in repo.order(ids[2]).lines}  # type: ignore[union-attr]
        assert not set(repo.reserved()) & held
    assert online_levels(sandbox) == store_levels(database)
    online = sandbox.state()["after_sales"]
    assert [online[r]["status"] for r in returns] == [4, 4]
    engine.close()


def test_an_exchange_is_received_and_its_replacement_sent_once(
    database: Database, sandbox: SandboxHandle
) -> None:
    engine = connected(database, sandbox)
    [order_id] = sandbox.generate_orders(1, pickup_share=0.0)
    assert engine.run_once().ok
    _ship(database, engine, order_id)
    returns_id = _returned(sandbox, engine, order_id, api.RETURN_TYPE_EXCHANGE)
    assert engine.run_once().ok
    with database.reading() as session:
        stored = SyncRepository(session).after_sale(returns_id)
    assert stored is not None and stored.lines and stored.exchange_lines
    boss = manager_session(database)
    with pytest.raises(FulfilmentError, match="back here first"):
        ship_exchange(database, returns_id, "SF77", "shunfeng", terminal_id="T1", staff=boss)
    units = [_local(database, sku) for sku, qty in stored.lines for _ in range(qty)]
    receive_return(database, returns_id, units, terminal_id="T1", staff=boss)
    [view] = [v for v in after_sales_view(database) if v.stored.returns_id == returns_id]
    assert view.exchange_to_send and view.exchange_lines
    ship_exchange(database, returns_id, "SF77", "shunfeng", terminal_id="T1", staff=boss)
    with pytest.raises(FulfilmentError, match="sent once"):
        ship_exchange(database, returns_id, "SF78", "shunfeng", terminal_id="T1", staff=boss)
    sandbox.set_faults(lost=0.5, methods=[api.RECEIVE_AND_SHIP, api.CONFIRM_RECEIVE])
    for _ in range(10):
        engine.run_once()
        if sandbox.state()["after_sales"][returns_id]["status"] == 13:
            break
    sandbox.clear_faults()
    assert engine.run_once().ok
    assert sandbox.state()["after_sales"][returns_id]["status"] == 13  # sent to the buyer
    sandbox.buyer_confirms_exchange(returns_id)
    assert engine.run_once().ok
    assert online_levels(sandbox) == store_levels(database)
    with database.reading() as session:
        assert SyncRepository(session).after_sale(returns_id).status == 4  # type: ignore[union-attr]
    engine.close()


def test_a_withdrawn_cancel_lets_the_pick_go_on(database: Database, sandbox: SandboxHandle) -> None:
    engine = connected(database, sandbox)
    [order_id] = sandbox.generate_orders(1, pickup_share=1.0)
    assert engine.run_once().ok
    with database.reading() as session:
        held = SyncRepository(session).reserved()
    assert held
    returns_id = sandbox.request_cancel(order_id)
    assert engine.run_once().ok
    with database.reading() as session:
        assert SyncRepository(session).reserved() == {}
    sandbox.buyer_withdraws(returns_id)
    assert engine.run_once().ok
    with database.reading() as session:
        repo = SyncRepository(session)
        order = repo.order(order_id)
        assert order is not None and not order.cancel_requested
        assert repo.reserved() == held  # held back for the pick again
    request_delivery(database, order_id, terminal_id="T1", pickup=True,
                     staff=manager_session(database))  # fmt: skip
    engine.close()
