"""The RED connector against the sandbox: catalog pages, stock, order windows, delivery."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

import pytest

from sync.connector import (
    CatalogCursor,
    DecryptPurpose,
    FulfilmentKind,
    OnlineStore,
    OrderCursor,
    OrderStatus,
    OrderTime,
)
from sync.errors import DecryptRefused, PlatformError
from sync.red import api
from sync.red.client import RedClient
from sync.red.connector import RedOnlineStore
from sync.red.oauth import MemoryTokenStore, RedAuthorizer
from sync.red_sandbox import CENTRAL_WAREHOUSE, SandboxHandle, start_sandbox

FAR_FUTURE = datetime(2100, 1, 1, tzinfo=UTC)


def walk_catalog(store: RedOnlineStore, cursor: CatalogCursor) -> list[str]:
    ids: list[str] = []
    next_cursor: CatalogCursor | None = cursor
    while next_cursor is not None:
        page = store.catalog_page(next_cursor)
        ids.extend(sku.sku_id for sku in page.items)
        next_cursor = page.next_cursor
    return ids


def test_connector_is_an_online_store(red_store: RedOnlineStore) -> None:
    assert isinstance(red_store, OnlineStore)
    assert red_store.order_windows.by_update == timedelta(minutes=30)
    assert red_store.order_windows.by_creation == timedelta(hours=24)


def test_catalog_pages_walk_every_sku_once(red_store: RedOnlineStore) -> None:
    first = red_store.catalog_page(CatalogCursor(updated_to=FAR_FUTURE, page_size=50))
    assert first.total == 200 and len(first.items) == 50
    assert first.next_cursor is not None and first.next_cursor.page_no == 2
    ids = walk_catalog(red_store, CatalogCursor(updated_to=FAR_FUTURE, page_size=50))
    assert len(ids) == 200 == len(set(ids))
    sku = first.items[0]
    assert re.fullmatch(r"[0-9a-f]{24}", sku.sku_id) and re.fullmatch(r"[0-9a-f]{24}", sku.item_id)
    assert sku.price_fen > 0 and sku.original_price_fen >= sku.price_fen
    assert sku.title and sku.variant and sku.erp_code
    assert len(sku.barcodes) == 1 and len(sku.barcodes[0]) == 13
    assert sku.updated_at.tzinfo is not None


def test_page_size_is_capped_at_100(
    red_store: RedOnlineStore, red_authorizer: RedAuthorizer
) -> None:
    page = red_store.catalog_page(CatalogCursor(updated_to=FAR_FUTURE, page_size=500))
    assert len(page.items) == 100
    with pytest.raises(PlatformError) as refused:
        red_authorizer.client.call(
            api.GET_DETAIL_SKU_LIST, {"pageNo": 1, "pageSize": 101},
            access_token=red_authorizer.access_token(),
        )  # fmt: skip
    assert refused.value.error_code == api.ERR_BAD_PARAMETERS


def test_update_time_filter_returns_only_changed_skus(
    sandbox: SandboxHandle, red_store: RedOnlineStore
) -> None:
    everything = walk_catalog(red_store, CatalogCursor(updated_to=FAR_FUTURE))
    changed = everything[10:13]
    since = datetime.now(UTC) - timedelta(seconds=1)
    for n, sku_id in enumerate(changed):
        sandbox.update_sku(sku_id, price=1000 + n)
    window = CatalogCursor(updated_from=since, updated_to=datetime.now(UTC) + timedelta(seconds=1))
    page = red_store.catalog_page(window)
    assert sorted(s.sku_id for s in page.items) == sorted(changed)
    assert page.total == 3 and page.next_cursor is None
    assert sorted(s.price_fen for s in page.items) == [1000, 1001, 1002]
    # A window that ends before the change does not see it.
    before = red_store.catalog_page(CatalogCursor(updated_from=since - timedelta(days=60),
                                                  updated_to=since))  # fmt: skip
    assert not set(changed) & {s.sku_id for s in before.items}


@pytest.mark.slow
def test_catalog_page_walk_of_10000_skus() -> None:
    with start_sandbox(seed=5, skus=10_000) as sandbox:
        client = RedClient(sandbox.base_url, sandbox.app_id, sandbox.app_secret)
        with client:
            authorizer = RedAuthorizer(client, MemoryTokenStore(), redirect_uri="http://x/")
            authorizer.connect(sandbox.authorization_code())
            store = RedOnlineStore(client, authorizer, warehouse_code=sandbox.warehouse_code)
            ids = walk_catalog(store, CatalogCursor(updated_to=FAR_FUTURE, page_size=100))
            assert len(ids) == 10_000 == len(set(ids))
            assert client.calls_made == 100 + 1  # the pages, and the code exchange
            assert sandbox.state()["calls"][api.GET_DETAIL_SKU_LIST] == 100


def test_stock_is_set_absolutely_for_the_store_warehouse(
    sandbox: SandboxHandle, red_store: RedOnlineStore
) -> None:
    skus = sorted(sandbox.state()["stock"])[:3]
    central_before = sandbox.state()["stock"][skus[0]][CENTRAL_WAREHOUSE]
    levels = {skus[0]: 7, skus[1]: 0, skus[2]: -2}
    assert all(r.ok for r in red_store.set_stock(levels))
    assert all(r.ok for r in red_store.set_stock(levels))  # the same figures again: no change
    stock = sandbox.state()["stock"]
    assert [stock[s][sandbox.warehouse_code] for s in skus] == [7, 0, 0]
    assert stock[skus[0]][CENTRAL_WAREHOUSE] == central_before  # other warehouses untouched
    assert sandbox.state()["calls"].get(api.INC_SKU_STOCK) is None  # never a delta
    online = red_store.get_stock([*skus, "f" * 24])
    assert set(online) == set(skus)  # an SKU unknown online is left out
    assert (online[skus[0]].total, online[skus[0]].available) == (7, 7)


def test_stock_of_an_ordered_sku_shows_what_is_held(
    sandbox: SandboxHandle, red_store: RedOnlineStore
) -> None:
    # Unpaid orders hold units (occupiedQuantity); a paid one has taken them off the total.
    order_id = sandbox.generate_orders(1, status=api.STATUS_AWAITING_PAYMENT)[0]
    line = red_store.order_detail(order_id).lines[0]
    red_store.set_stock({line.sku_id: 10})
    stock = red_store.get_stock([line.sku_id])[line.sku_id]
    assert stock.total == 10 and stock.occupied >= line.quantity
    assert stock.available == stock.total - stock.occupied


def test_a_refused_sku_does_not_hold_back_the_others(
    sandbox: SandboxHandle, red_store: RedOnlineStore
) -> None:
    locked, fine = sorted(sandbox.state()["stock"])[:2]
    sandbox.update_sku(locked, stockLocked=1)
    results = {r.sku_id: r for r in red_store.set_stock({locked: 5, "0" * 24: 1, fine: 4})}
    assert not results[locked].ok and str(api.ERR_STOCK_NOT_MODIFIABLE) in results[locked].error
    assert not results["0" * 24].ok and str(api.ERR_BAD_PARAMETERS) in results["0" * 24].error
    assert results[fine].ok
    assert sandbox.state()["stock"][fine][sandbox.warehouse_code] == 4


def test_orders_since_splits_long_windows(
    sandbox: SandboxHandle, red_store: RedOnlineStore
) -> None:
    made = set(sandbox.generate_orders(7))
    now = datetime.now(UTC)
    cursor: OrderCursor | None = OrderCursor(
        start=now - timedelta(hours=3), end=now + timedelta(minutes=1), page_size=3
    )
    seen: list[str] = []
    windows = 0
    while cursor is not None:
        page = red_store.orders_since(cursor)
        seen.extend(o.order_id for o in page.orders)
        assert all(o.status is OrderStatus.AWAITING_SHIPMENT for o in page.orders)
        windows += 1
        cursor = page.next_cursor
    assert set(seen) == made  # an order on a window boundary may be read twice
    assert windows >= 7  # six 30-minute windows, and pages of three in the last one
    by_creation = red_store.orders_since(
        OrderCursor(start=now - timedelta(hours=1), end=now + timedelta(minutes=1),
                    time=OrderTime.CREATED)
    )  # fmt: skip
    assert {o.order_id for o in by_creation.orders} == made


@pytest.mark.parametrize(
    ("time_type", "seconds", "refused"),
    [(1, 24 * 3600, False), (1, 24 * 3600 + 1, True), (2, 1800, False), (2, 1801, True)],
)
def test_sandbox_enforces_order_window_limits(
    red_authorizer: RedAuthorizer, time_type: int, seconds: int, refused: bool
) -> None:
    start = int(datetime.now(UTC).timestamp()) - seconds
    fields = {"startTime": start, "endTime": start + seconds, "timeType": time_type,
              "pageNo": 1, "pageSize": 10}  # fmt: skip
    token = red_authorizer.access_token()
    if refused:
        with pytest.raises(PlatformError) as error:
            red_authorizer.client.call(api.GET_ORDER_LIST, fields, access_token=token)
        assert error.value.error_code == api.ERR_BAD_PARAMETERS
    else:
        assert (
            red_authorizer.client.call(api.GET_ORDER_LIST, fields, access_token=token)["total"] == 0
        )


def test_order_detail_with_masked_receiver(
    sandbox: SandboxHandle, red_store: RedOnlineStore
) -> None:
    ids = sandbox.generate_orders(6, pickup_share=0.5)
    orders = [red_store.order_detail(i) for i in ids]
    assert {o.fulfilment for o in orders} == {FulfilmentKind.PICKUP, FulfilmentKind.SHIP}
    for order in orders:
        assert order.warehouse_code == sandbox.warehouse_code
        assert order.lines and all(
            line.quantity >= 1 and line.unit_price_fen > 0 for line in order.lines
        )
        assert order.paid_fen == sum(line.quantity * line.unit_price_fen for line in order.lines)
        assert all(len(line.barcode) == 13 for line in order.lines)
        receiver = order.receiver
        clear = sandbox.receiver_plaintext(order.order_id)
        # Sealed as the platform sent them; masked by the platform; never in clear.
        assert set(receiver.sealed) == {"name", "phone", "address"}
        assert clear["receiverName"] not in repr(order)
        assert re.fullmatch(r"1\d\d\*{4}\d{4}", receiver.phone_masked)
        assert receiver.name_masked and "*" in receiver.name_masked
        assert receiver.address_masked and receiver.address_masked != clear["receiverAddress"]
        assert receiver.region.startswith("上海")
    # Receiver details are given only while the order awaits shipment.
    sandbox.set_order_status(ids[0], api.STATUS_COMPLETED)
    done = red_store.order_detail(ids[0])
    assert done.status is OrderStatus.COMPLETED and not done.receiver.sealed


def test_orders_for_another_warehouse_are_recognisable(
    sandbox: SandboxHandle, red_store: RedOnlineStore
) -> None:
    ids = sandbox.generate_orders(10, other_warehouse_share=1.0)
    assert {red_store.order_detail(i).warehouse_code for i in ids} == {CENTRAL_WAREHOUSE}


def test_delivery_is_sent_once_and_repeats_count_as_done(
    sandbox: SandboxHandle, red_store: RedOnlineStore
) -> None:
    ids = sandbox.generate_orders(6)  # the answers cover null, an object and a string
    for order_id in ids:
        assert not red_store.deliver(order_id, f"SF{order_id[-6:]}", "shunfeng").already_delivered
        assert red_store.deliver(order_id, "again", "shunfeng").already_delivered
        assert red_store.order_status(order_id) is OrderStatus.SHIPPED
    deliveries = sandbox.state()["deliveries"]
    assert {deliveries[i]["count"] for i in ids} == {1}
    assert {deliveries[i]["refused"] for i in ids} == {0}  # the status was read first


def test_pickup_hand_over_uses_the_self_delivery_code(
    sandbox: SandboxHandle, red_store: RedOnlineStore
) -> None:
    order_id = sandbox.generate_orders(1, pickup_share=1.0)[0]
    red_store.hand_over(order_id, "pickup R-0042")
    delivery = sandbox.state()["deliveries"][order_id]
    assert (delivery["companyCode"], delivery["expressNo"]) == ("selfdelivery", "pickup R-0042")


def test_a_cancelled_order_is_not_delivered(
    sandbox: SandboxHandle, red_store: RedOnlineStore
) -> None:
    order_id = sandbox.generate_orders(1)[0]
    sandbox.set_order_status(order_id, api.STATUS_CANCELLED)
    with pytest.raises(PlatformError) as refused:
        red_store.deliver(order_id, "SF1", "shunfeng")
    assert "cancelled" in str(refused.value)
    assert order_id not in sandbox.state()["deliveries"]
    with pytest.raises(PlatformError) as missing:
        red_store.order_detail("P" + "0" * 17)
    assert missing.value.error_code == api.ERR_ORDER_NOT_FOUND


def test_the_receiver_is_revealed_only_by_the_platform_and_within_its_quota(
    sandbox: SandboxHandle, red_store: RedOnlineStore
) -> None:
    order_id = sandbox.generate_orders(1, pickup_share=0.0)[0]
    order = red_store.order_detail(order_id)
    clear = red_store.reveal_receiver(order_id, order.receiver, DecryptPurpose.LABEL, who="7")
    plain = sandbox.receiver_plaintext(order_id)
    assert clear == {"name": plain["receiverName"], "phone": plain["receiverPhone"],
                     "address": plain["receiverAddress"]}  # fmt: skip
    assert sandbox.state()["decrypt"]["used"] == 3
    sandbox.set_decrypt_quota(0)
    with pytest.raises(DecryptRefused) as refused:
        red_store.reveal_receiver(order_id, order.receiver, DecryptPurpose.LABEL, who="7")
    assert refused.value.error_code == api.ERR_DECRYPT_REFUSED
    sandbox.set_decrypt_quota(None)
    sandbox.set_decrypt_failing(True)
    with pytest.raises(DecryptRefused) as failing:
        red_store.reveal_receiver(order_id, order.receiver, DecryptPurpose.VIEW, who="7")
    assert failing.value.error_code == api.ERR_DECRYPT_QUOTA_UNAVAILABLE


def test_a_buyers_cancel_request_is_read_and_stops_delivery(
    sandbox: SandboxHandle, red_store: RedOnlineStore
) -> None:
    order_id = sandbox.generate_orders(1, pickup_share=1.0)[0]
    sandbox.request_cancel(order_id)
    order = red_store.order_detail(order_id)
    assert order.cancel_requested and order.status is OrderStatus.AWAITING_SHIPMENT
    with pytest.raises(PlatformError) as stopped:
        red_store.hand_over(order_id, "pickup R-1")
    assert stopped.value.error_code == api.ERR_FULFILMENT_STOPPED
    assert order_id not in sandbox.state()["deliveries"]
