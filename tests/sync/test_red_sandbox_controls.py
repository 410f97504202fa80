"""The RED sandbox's own controls, over HTTP as an outside process would use them, its command,
its limits and the connector and client against it.

These checks were written for the older sandbox (``sync/sandbox``, its own wire table, now
deleted) and moved here onto ``sync.red_sandbox``. Where the older sandbox's protocol was wrong
the check follows the platform's documents: V1 stock calls (``syncSkuStock``/``incSkuStock``)
act on the default warehouse ``CPartner`` of a SKU without multi-warehouse stock (the older one
set them on a multi-warehouse SKU's central warehouse), and their refusals come inside a
successful answer; the sandbox's refusal of an unknown app is its own code (-9001002, see
docs/red-sandbox.md) where the older one had invented one; orders in ``state()`` carry their
status and more, not the bare status.
"""

from __future__ import annotations

import contextlib
import subprocess
import sys
import time
from datetime import UTC, datetime
from typing import Any

import pytest
import requests

from sync import red_sandbox
from sync.connector import CatalogCursor
from sync.errors import PlatformError, RateLimited
from sync.red import api
from sync.red.client import RedClient
from sync.red.connector import RedOnlineStore
from sync.red.oauth import RedAuthorizer
from sync.red.ratelimit import TokenBucket
from sync.red_sandbox import (
    CENTRAL_WAREHOUSE,
    FAULTS,
    SandboxHandle,
    demo_credentials,
    parse_fault_option,
    start_sandbox,
)
from sync.red_sandbox.limits import RequestLimits

UNKNOWN_APP = -9001002  # the sandbox's own code (the platform publishes none)
BAD_PARAMETERS = -1000400  # the documents' 参数错误
STOCK_BELOW_ZERO = -5009202  # the documents' 总库存不能小于0


def _get(sandbox: SandboxHandle, path: str) -> Any:
    response = requests.get(sandbox.base_url + path, timeout=5)
    assert response.status_code == 200
    return response.json()


def _post(sandbox: SandboxHandle, path: str, body: dict[str, Any], status: int = 200) -> Any:
    response = requests.post(sandbox.base_url + path, json=body, timeout=5)
    assert response.status_code == status, response.text
    return response.json()


def _gateway(sandbox: SandboxHandle, body: Any) -> requests.Response:
    return requests.post(sandbox.base_url + api.GATEWAY_PATH, json=body, timeout=5)


def test_state_shows_stock_per_warehouse_deliveries_and_calls(sandbox: SandboxHandle) -> None:
    state = _get(sandbox, "/_sandbox/state")
    assert len(state["stock"]) == 200
    some = next(iter(state["stock"].values()))
    assert set(some) == {sandbox.warehouse_code, CENTRAL_WAREHOUSE}
    assert state["deliveries"] == {} and state["calls"] == {} and state["orders"] == {}
    assert state["warehouse_code"] == sandbox.warehouse_code
    only_store = _get(sandbox, f"/_sandbox/state?whcode={sandbox.warehouse_code}")
    assert {tuple(v) for v in only_store["stock"].values()} == {(sandbox.warehouse_code,)}


def test_faults_set_and_cleared_over_http(sandbox: SandboxHandle) -> None:
    answer = _post(sandbox, "/_sandbox/faults", {"rates": {"http_5xx": 1.0}, "latency_ms": 5})
    assert answer == {"rates": {"http_5xx": 1.0}, "latency_ms": 5, "methods": None}
    assert _gateway(sandbox, {"method": "x"}).status_code == 503
    _post(sandbox, "/_sandbox/faults", {"rate_limit": 1.0, "methods": [api.GET_SKU_STOCK]})
    limited = _gateway(sandbox, {"method": api.GET_SKU_STOCK}).json()
    assert limited == {"success": False, "error_code": -9013, "error_msg": limited["error_msg"],
                       "data": None}  # fmt: skip
    other = _gateway(sandbox, {"method": "x"}).json()
    assert other["error_code"] == UNKNOWN_APP  # the fault is for one method only
    _post(sandbox, "/_sandbox/faults", {"rates": {}})
    assert _get(sandbox, "/_sandbox/state")["faults"]["rates"] == {}
    assert "unknown fault" in _post(sandbox, "/_sandbox/faults", {"gremlins": 1}, 400)["error"]
    assert "between 0 and 1" in _post(sandbox, "/_sandbox/faults", {"reset": 2}, 400)["error"]


def test_orders_code_clock_and_catalog_controls(
    sandbox: SandboxHandle, red_store: RedOnlineStore
) -> None:
    ids = _post(sandbox, "/_sandbox/orders", {"count": 3, "pickup_share": 1.0})["orderIds"]
    assert len(ids) == 3 and all(i.startswith("P") for i in ids)
    orders = _get(sandbox, "/_sandbox/state")["orders"]
    assert {i: o["orderStatus"] for i, o in orders.items()} == dict.fromkeys(ids, 4)
    _post(sandbox, "/_sandbox/order-status", {"orderId": ids[0], "status": 9})
    assert _get(sandbox, "/_sandbox/state")["orders"][ids[0]]["orderStatus"] == 9
    code = _get(sandbox, "/_sandbox/code")["code"]
    assert code.startswith("code-") and len(code) > 10
    now_ms = _post(sandbox, "/_sandbox/clock", {"advance_s": 3600})["now_ms"]
    assert now_ms > (time.time() + 3500) * 1000
    sku_id = sorted(_get(sandbox, "/_sandbox/state")["stock"])[0]
    _post(sandbox, "/_sandbox/sku", {"skuId": sku_id, "price": 1})
    far = datetime(2100, 1, 1, tzinfo=UTC)
    cursor: CatalogCursor | None = CatalogCursor(updated_to=far)
    prices = {}
    while cursor is not None:
        page = red_store.catalog_page(cursor)
        prices.update({item.sku_id: item.price_fen for item in page.items})
        cursor = page.next_cursor
    assert prices[sku_id] == 1
    refused = _post(sandbox, "/_sandbox/sku", {"skuId": sku_id, "x": 1}, 400)["error"]
    assert "cannot change" in refused


def test_gateway_refuses_what_is_not_a_json_object(sandbox: SandboxHandle) -> None:
    url = sandbox.base_url + api.GATEWAY_PATH
    json_type = {"Content-Type": "application/json;charset=utf-8"}
    for body in (b"not json", b"[1, 2]", b"\xff\xfe"):
        answer = requests.post(url, data=body, headers=json_type, timeout=5).json()
        assert answer["success"] is False and answer["error_code"] == BAD_PARAMETERS
    assert requests.get(url, timeout=5).status_code == 405
    assert requests.post(sandbox.base_url + "/elsewhere", json={}, timeout=5).status_code == 404


def test_same_seed_same_catalog_and_credentials() -> None:
    with start_sandbox(seed=9, skus=30) as one, start_sandbox(seed=9, skus=30) as two:
        assert (one.app_id, one.app_secret) == (two.app_id, two.app_secret) == demo_credentials(9)
        assert one.state()["stock"] == two.state()["stock"]
    assert demo_credentials(9) != demo_credentials(10)


def test_parse_fault_option() -> None:
    assert parse_fault_option("http_5xx=0.25") == ("http_5xx", 0.25)
    assert parse_fault_option("rate-limit") == ("rate_limit", 1.0)
    assert set(FAULTS) == {"latency", "http_5xx", "rate_limit", "malformed", "hostile", "reset",
                           "lost"}  # fmt: skip
    with pytest.raises(ValueError):
        parse_fault_option("meteor=1")


def test_sandbox_command_prints_credentials_and_serves() -> None:
    process = subprocess.Popen(
        [sys.executable, "-m", "redhome_pos", "sandbox", "--port", "0", "--skus", "20",
         "--seed", "4", "--fault", "latency=0.5", "--latency-ms", "1"],
        stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        assert process.stdout is not None
        lines = {}
        for _ in range(7):
            name, _, value = process.stdout.readline().partition("=")
            lines[name.strip()] = value.strip()
        app_id, app_secret = red_sandbox.demo_credentials(4)
        assert lines["app_id"] == app_id and lines["app_secret"] == app_secret
        assert lines["SKUs"] == "20"
        state = requests.get(lines["base_url"] + "/_sandbox/state", timeout=5).json()
        assert len(state["stock"]) == 20 and state["faults"]["rates"] == {"latency": 0.5}
    finally:
        process.terminate()
        process.wait(timeout=10)


def test_sandbox_command_refuses_an_unknown_fault() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "redhome_pos", "sandbox", "--fault", "meteor=1"],
        capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert done.returncode == 2 and "unknown fault" in done.stdout


def test_order_timer_generates_orders_for_the_store() -> None:
    with start_sandbox(skus=20, orders_every_s=0.02) as sandbox:
        deadline = time.monotonic() + 10
        while len(sandbox.state()["orders"]) < 2 and time.monotonic() < deadline:
            time.sleep(0.02)
        orders = sandbox.state()["orders"]
    assert len(orders) >= 2
    assert {o["orderStatus"] for o in orders.values()} == {api.STATUS_AWAITING_SHIPMENT}


def test_state_file_survives_a_restart(tmp_path: Any) -> None:
    path = str(tmp_path / "sandbox.db")
    with start_sandbox(skus=15, state_path=path) as first:
        sku_id = sorted(first.state()["stock"])[0]
        first.set_stock(sku_id, first.warehouse_code, 99)
        order_id = first.generate_orders(1)[0]
    with start_sandbox(skus=15, state_path=path) as again:
        state = again.state()
        assert len(state["stock"]) == 15  # not seeded twice
        assert state["stock"][sku_id][again.warehouse_code] == 99
        assert order_id in state["orders"]


def test_request_limits_per_method_and_per_app() -> None:
    now = [0.0]
    limits = RequestLimits(per_app=5, per_method=3, clock=lambda: now[0])
    assert [limits.allow("a") for _ in range(4)] == [True, True, True, False]
    assert [limits.allow("b") for _ in range(3)] == [True, True, False]  # the app's 5 are used
    now[0] += 1.0
    assert limits.allow("a") and limits.allow("b")
    assert limits.refused == 2


def test_client_stays_under_enforced_limits_and_retries_when_pushed(
    sandbox: SandboxHandle, red_authorizer: RedAuthorizer, sleeps: list[float]
) -> None:
    token = red_authorizer.access_token()
    sku_id = sorted(sandbox.state()["stock"])[0]
    sandbox.enforce_limits(RequestLimits(per_app=6, per_method=100))
    paced = RedClient(sandbox.base_url, sandbox.app_id, sandbox.app_secret,
                      rate_limiter=TokenBucket(5))  # fmt: skip
    with paced:
        for _ in range(9):
            paced.call(api.GET_SKU_STOCK, {"skuId": sku_id}, access_token=token)
    assert sandbox.state()["rate_limited"] == 0
    # A client that ignores the pace is told -9013 and backs off.
    eager = red_authorizer.client
    eager._bucket = TokenBucket(10_000)
    sandbox.enforce_limits(RequestLimits(per_app=3, per_method=100))
    with contextlib.suppress(RateLimited):
        for _ in range(6):
            eager.call(api.GET_SKU_STOCK, {"skuId": sku_id}, access_token=token)
    assert sandbox.state()["rate_limited"] >= 1 and sleeps


def test_sku_removed_online_leaves_the_catalog(
    sandbox: SandboxHandle, red_store: RedOnlineStore
) -> None:
    gone = sorted(sandbox.state()["stock"])[0]
    _post(sandbox, "/_sandbox/sku", {"skuId": gone, "remove": True})
    page = red_store.catalog_page(CatalogCursor(updated_to=datetime(2100, 1, 1, tzinfo=UTC)))
    assert page.total == 199 and gone not in {s.sku_id for s in page.items}
    assert red_store.get_stock([gone]) == {}


def test_total_and_delta_stock_calls_on_the_default_warehouse(sleeps: list[float]) -> None:
    # V1 calls set and move a SKU without multi-warehouse stock, on CPartner (the documents:
    # 规格ID（限定为未开启多仓区域库存的普通品）); refusals come inside a successful answer.
    with start_sandbox(seed=2, skus=20, create_store_warehouse=False) as sandbox:
        client = RedClient(sandbox.base_url, sandbox.app_id, sandbox.app_secret)
        with client:
            tokens = client.call(api.GET_ACCESS_TOKEN, {"code": sandbox.authorization_code()})
            token = str(tokens["accessToken"])
            sku_id = sorted(sandbox.state()["stock"])[0]

            def default() -> int:
                return int(sandbox.state()["stock"][sku_id][api.DEFAULT_WAREHOUSE])

            client.call(api.SYNC_SKU_STOCK, {"skuId": sku_id, "qty": 10}, access_token=token)
            assert default() == 10
            client.call(api.INC_SKU_STOCK, {"skuId": sku_id, "qty": -4}, access_token=token)
            assert default() == 6
            with pytest.raises(PlatformError) as below:
                client.call(api.INC_SKU_STOCK, {"skuId": sku_id, "qty": -7}, access_token=token)
            assert below.value.error_code == STOCK_BELOW_ZERO and default() == 6
            for bad in ({"qty": -1}, {"qty": 1.5}, {"qty": True}, {}):
                with pytest.raises(PlatformError):
                    client.call(api.SYNC_SKU_STOCK, {"skuId": sku_id, **bad}, access_token=token)
            with pytest.raises(PlatformError):
                client.call(
                    api.SYNC_SKU_STOCK_V2,
                    {"skuId": sku_id, "qtyWithWhcode": {api.DEFAULT_WAREHOUSE: "5"}},
                    access_token=token,
                )
            assert default() == 6


def test_order_list_filters_by_status(
    sandbox: SandboxHandle, red_authorizer: RedAuthorizer
) -> None:
    ids = sandbox.generate_orders(4)
    sandbox.set_order_status(ids[0], api.STATUS_CANCELLED)
    now = int(time.time())
    fields = {"startTime": now - 600, "endTime": now + 60, "timeType": 2, "pageNo": 1,
              "pageSize": 100}  # fmt: skip
    token = red_authorizer.access_token()
    every = red_authorizer.client.call(api.GET_ORDER_LIST, fields, access_token=token)
    cancelled = red_authorizer.client.call(
        api.GET_ORDER_LIST, {**fields, "orderStatus": api.STATUS_CANCELLED}, access_token=token
    )
    assert every["total"] == 4 and every["maxPageNo"] == 1
    assert [o["orderId"] for o in cancelled["orderList"]] == [ids[0]]
