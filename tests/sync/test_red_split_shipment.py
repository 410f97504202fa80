"""Split shipment against the RED sandbox: part of an order now, the rest later, each parcel
with its own courier and tracking number, told to the platform as ``order.orderDeliver`` with
``unpack`` and ``skuIdList`` (the platform splits by whole SKUs: 045_订单基础介绍.md, the
orderDeliver spec); the order is shipped only when every line is; a tracking number corrected
on the right parcel (``order.modifyOrderExpressInfo`` with ``oldExpressNo``)."""

from __future__ import annotations

import pytest
from acting_staff import manager_session
from sqlalchemy import select
from test_engine_red import connected, online_levels, store_levels

from redhome_pos.persistence.database import Database
from redhome_pos.persistence.models.catalog import SkuRow
from redhome_pos.persistence.repositories.stock import StockRepository
from redhome_pos.persistence.repositories.sync import CONFIRMED, SyncRepository
from sync.engine import SyncEngine
from sync.express import correct_express_no
from sync.fulfilment import FulfilmentError, request_delivery
from sync.red import api
from sync.red_sandbox import SandboxHandle


def _two_line_order(database: Database, sandbox: SandboxHandle) -> tuple[str, list[str]]:
    """A paid order for the store's warehouse: 2 units of each of two SKUs (in stock here)."""
    with database.reading() as session:
        rows = session.execute(
            select(SkuRow.id, SkuRow.red_sku_id)
            .where(SkuRow.red_sku_id.is_not(None))
            .order_by(SkuRow.code)
        ).all()
        stock = StockRepository(session)
        reds = [str(red) for sku, red in rows if stock.on_hand(sku) >= 4][:2]
    [order_id] = sandbox.generate_orders(1, sku_ids=reds, quantity=2, whcode=sandbox.warehouse_code)
    return order_id, reds


def _lines(database: Database, order_id: str) -> dict[str, int]:
    """Order line numbers by online SKU id."""
    with database.reading() as session:
        order = SyncRepository(session).order(order_id)
    assert order is not None
    return {line.red_sku_id: line.line_no for line in order.lines}


def _ship(
    database: Database, order_id: str, number: str, courier: str, lines: dict[int, int] | None
) -> None:
    request_delivery(
        database, order_id, terminal_id="T1", pickup=False, express_no=number,
        company_code=courier, lines=lines, staff=manager_session(database),
    )  # fmt: skip


@pytest.fixture
def engine(database: Database, sandbox: SandboxHandle) -> SyncEngine:
    return connected(database, sandbox)


def test_part_now_and_the_rest_later_each_parcel_with_its_courier(
    database: Database, sandbox: SandboxHandle, engine: SyncEngine
) -> None:
    order_id, (a, b) = _two_line_order(database, sandbox)
    assert engine.run_once().ok
    line = _lines(database, order_id)
    # One unit of A and both of B now: B is finished, so the parcel is told as B.
    _ship(database, order_id, "SF0001", "shunfeng", {line[a]: 1, line[b]: 2})
    with database.reading() as session:
        repo = SyncRepository(session)
        [first] = repo.parcels(order_id)
        assert first.sku_ids == (b,) and first.units == 3
        assert repo.units_left_store(order_id) == {line[a]: 1, line[b]: 2}
        order = repo.order(order_id)
        assert order is not None
        assert {x.red_sku_id: x.reserved for x in order.lines} == {a: 1, b: 0}
    assert engine.run_once().ok
    state = sandbox.state()
    assert state["orders"][order_id]["orderStatus"] == 5  # partly shipped
    shipped = [p for p in state["parcels"][order_id] if p["status"] == 6]
    assert [(p["expressNo"], p["companyCode"], p["skuIdList"]) for p in shipped] == [
        ("SF0001", "shunfeng", [b])
    ]
    with database.reading() as session:
        repo = SyncRepository(session)
        order = repo.order(order_id)
        assert order is not None and order.status == "partly_shipped"  # not shipped yet
        assert repo.parcels(order_id)[0].state == CONFIRMED
    assert online_levels(sandbox) == store_levels(database)

    # The rest later, with another courier.
    _ship(database, order_id, "ZT0002", "zto", None)
    assert engine.run_once().ok
    state = sandbox.state()
    assert state["orders"][order_id]["orderStatus"] == 6  # every line shipped
    assert sorted(
        (p["expressNo"], p["companyCode"], p["skuIdList"]) for p in state["parcels"][order_id]
    ) == [("SF0001", "shunfeng", [b]), ("ZT0002", "zto", [a])]
    assert state["deliveries"][order_id]["count"] == 2  # one call per parcel
    with database.reading() as session:
        repo = SyncRepository(session)
        order = repo.order(order_id)
        assert order is not None and order.status == "shipped"
        assert [p.sku_ids for p in repo.parcels(order_id)] == [(b,), (a,)]
        assert all(x.reserved == 0 for x in order.lines)
    assert online_levels(sandbox) == store_levels(database)

    # A wrong number on the FIRST parcel is corrected there, the second keeps its own.
    correct_express_no(database, order_id, "SF0001X", parcel_no=1, staff=manager_session(database))
    assert engine.run_once().ok
    numbers = {tuple(p["skuIdList"]): p["expressNo"] for p in sandbox.state()["parcels"][order_id]}
    assert numbers == {(b,): "SF0001X", (a,): "ZT0002"}
    assert sandbox.state()["calls"][api.MODIFY_ORDER_EXPRESS] == 1


def test_a_part_parcel_is_refused_when_the_platform_could_not_tell_it_apart(
    database: Database, sandbox: SandboxHandle, engine: SyncEngine
) -> None:
    order_id, (a, b) = _two_line_order(database, sandbox)
    assert engine.run_once().ok
    line = _lines(database, order_id)
    with database.reading() as session:
        before = {
            sku: StockRepository(session).on_hand(sku)
            for sku in session.scalars(select(SkuRow.id).where(SkuRow.red_sku_id.in_([a, b])))
        }
    # One unit of each finishes no product: the platform records splits by whole SKUs.
    with pytest.raises(FulfilmentError, match="finishes no product"):
        _ship(database, order_id, "SF1", "shunfeng", {line[a]: 1, line[b]: 1})
    with pytest.raises(FulfilmentError, match="cannot hold 3"):
        _ship(database, order_id, "SF1", "shunfeng", {line[a]: 3})
    with pytest.raises(FulfilmentError, match="no line 9"):
        _ship(database, order_id, "SF1", "shunfeng", {9: 1})
    with pytest.raises(FulfilmentError, match="handed over whole"):
        request_delivery(
            database, order_id, terminal_id="T1", pickup=True, lines={line[a]: 2},
            staff=manager_session(database),
        )  # fmt: skip
    with database.reading() as session:
        assert SyncRepository(session).parcels(order_id) == []
        assert {sku: StockRepository(session).on_hand(sku) for sku in before} == before
    # The same parcel asked twice (a double click) is one parcel.
    _ship(database, order_id, "SF1", "shunfeng", {line[a]: 2})
    _ship(database, order_id, "SF1", "shunfeng", {line[a]: 2})
    with database.reading() as session:
        assert len(SyncRepository(session).parcels(order_id)) == 1
    # The rest under the first parcel's number is a typing mistake, refused.
    with pytest.raises(FulfilmentError, match=r"Parcel 1 .* already has express number SF1"):
        _ship(database, order_id, "SF1", "shunfeng", {line[b]: 2})
    # A buyer's cancel request stops the rest.
    sandbox.request_cancel(order_id)
    assert engine.run_once().ok
    with pytest.raises(FulfilmentError, match="asked to cancel"):
        _ship(database, order_id, "ZT2", "zto", None)


def test_a_lost_answer_to_a_part_parcel_is_not_sent_twice(
    database: Database, sandbox: SandboxHandle, engine: SyncEngine
) -> None:
    order_id, (a, _b) = _two_line_order(database, sandbox)
    assert engine.run_once().ok
    line = _lines(database, order_id)
    _ship(database, order_id, "SF7", "shunfeng", {line[a]: 2})
    sandbox.set_faults(lost=1.0, methods=[api.ORDER_DELIVER])
    engine.run_once()
    sandbox.clear_faults()
    assert engine.run_once().ok
    state = sandbox.state()
    assert state["deliveries"][order_id]["count"] == 1
    assert state["orders"][order_id]["orderStatus"] == 5
    with database.reading() as session:
        [parcel] = SyncRepository(session).parcels(order_id)
        assert parcel.state == CONFIRMED
    _ship(database, order_id, "SF8", "shunfeng", None)
    assert engine.run_once().ok
    assert sandbox.state()["orders"][order_id]["orderStatus"] == 6
