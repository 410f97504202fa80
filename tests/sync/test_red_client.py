"""Every fault switch of the sandbox reaching the client's retry and error paths, over HTTP."""

from __future__ import annotations

import contextlib
import random
from collections.abc import Callable, Iterator

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sync.errors import HttpError, ParseError, RateLimited, Unreachable
from sync.red import api
from sync.red.client import RedClient, RetryPolicy
from sync.red.connector import RedOnlineStore
from sync.red.oauth import RedAuthorizer
from sync.red.ratelimit import TokenBucket
from sync.red_sandbox import SandboxHandle

STOCK = api.GET_SKU_STOCK


def _client(sandbox: SandboxHandle, sleep: Callable[[float], None], **kw: float) -> RedClient:
    return RedClient(
        sandbox.base_url,
        sandbox.app_id,
        sandbox.app_secret,
        retry=RetryPolicy(attempts=4, base_delay_s=0.2, max_delay_s=2.0),
        sleep=sleep,
        rng=random.Random(3),
        **kw,  # type: ignore[arg-type]
    )


@pytest.fixture
def token(red_authorizer: RedAuthorizer) -> str:
    return red_authorizer.access_token()


@pytest.fixture
def sku_id(sandbox: SandboxHandle) -> str:
    return sorted(sandbox.state()["stock"])[0]


def _calls(sandbox: SandboxHandle, method: str) -> int:
    return int(sandbox.state()["calls"].get(method, 0))


@pytest.mark.parametrize(
    ("fault", "error"),
    [("http_5xx", HttpError), ("rate_limit", RateLimited), ("reset", Unreachable)],
)
def test_retryable_fault_retried_with_backoff_then_raised(
    sandbox: SandboxHandle, sleeps: list[float], token: str, sku_id: str,
    fault: str, error: type[Exception],
) -> None:  # fmt: skip
    sandbox.set_faults(**{fault: 1.0})
    with _client(sandbox, sleeps.append) as client, pytest.raises(error) as raised:
        client.call(STOCK, {"skuId": sku_id}, access_token=token)
    assert _calls(sandbox, STOCK) == 4  # every attempt reached the server
    assert len(sleeps) == 3
    for n, wait in enumerate(sleeps):  # jittered exponential back-off
        ceiling = min(2.0, 0.2 * 2**n)
        assert ceiling / 2 <= wait <= ceiling
    assert STOCK in str(raised.value)
    if fault == "http_5xx":
        assert isinstance(raised.value, HttpError) and raised.value.status == 503


@pytest.mark.parametrize("fault", ["http_5xx", "rate_limit", "reset", "latency"])
def test_retryable_fault_recovers(
    sandbox: SandboxHandle, token: str, sku_id: str, fault: str
) -> None:
    waits: list[float] = []

    def sleep_then_recover(seconds: float) -> None:
        waits.append(seconds)
        sandbox.clear_faults()

    sandbox.set_faults(latency_ms=400, **{fault: 1.0})
    with _client(sandbox, sleep_then_recover, timeout_s=0.15) as client:
        data = client.call(STOCK, {"skuId": sku_id}, access_token=token)
    assert data["skuId"] == sku_id
    assert len(waits) == 1
    assert _calls(sandbox, STOCK) == 2


def test_timeout_when_latency_exceeds_it(sandbox: SandboxHandle, token: str, sku_id: str) -> None:
    sandbox.set_faults(latency=1.0, latency_ms=300)
    with _client(sandbox, lambda s: None, timeout_s=0.1) as client, pytest.raises(Unreachable):
        client.call(STOCK, {"skuId": sku_id}, access_token=token)


def test_malformed_json_is_a_parse_error_without_retry(
    sandbox: SandboxHandle, sleeps: list[float], token: str, sku_id: str
) -> None:
    sandbox.set_faults(malformed=1.0)
    with _client(sandbox, sleeps.append) as client, pytest.raises(ParseError) as raised:
        client.call(STOCK, {"skuId": sku_id}, access_token=token)
    assert "not JSON" in str(raised.value) and STOCK in str(raised.value)
    assert sleeps == [] and _calls(sandbox, STOCK) == 1


def test_hostile_answers_are_parse_errors_and_change_nothing(
    sandbox: SandboxHandle, red_store: RedOnlineStore, sku_id: str
) -> None:
    from datetime import UTC, datetime, timedelta

    from sync.connector import CatalogCursor, OrderCursor

    order_id = sandbox.generate_orders(1)[0]
    before = sandbox.state()
    now = datetime.now(UTC)
    sandbox.set_faults(hostile=1.0)
    attempts: list[Callable[[], object]] = [
        lambda: red_store.catalog_page(CatalogCursor(updated_to=now)),
        lambda: red_store.get_stock([sku_id]),
        lambda: red_store.orders_since(OrderCursor(start=now - timedelta(minutes=5), end=now)),
        lambda: red_store.order_detail(order_id),
        lambda: red_store.set_stock({sku_id: 3}),
        lambda: red_store.deliver(order_id, "SF1", "shunfeng"),
    ]
    for attempt in attempts:
        with pytest.raises(ParseError) as raised:
            attempt()
        assert "cannot be read" in str(raised.value)
    sandbox.clear_faults()
    after = sandbox.state()
    assert after["stock"] == before["stock"]
    assert after["orders"] == before["orders"] and after["deliveries"] == {}


def test_lost_answer_on_stock_set_is_harmless(
    sandbox: SandboxHandle, red_store: RedOnlineStore, sku_id: str
) -> None:
    sandbox.set_faults(lost=1.0, methods=[api.SYNC_SKU_STOCK_V2])
    with pytest.raises(Unreachable):
        red_store.set_stock({sku_id: 11})  # applied every time, never acknowledged
    assert sandbox.state()["stock"][sku_id][sandbox.warehouse_code] == 11
    sandbox.set_faults(lost=0.5, methods=[api.SYNC_SKU_STOCK_V2])
    for quantity in (12, 13, 14):
        with contextlib.suppress(Unreachable):
            red_store.set_stock({sku_id: quantity})
    sandbox.clear_faults()
    assert red_store.set_stock({sku_id: 14})[0].ok
    assert sandbox.state()["stock"][sku_id][sandbox.warehouse_code] == 14


def test_lost_answer_on_delivery_delivers_once(
    sandbox: SandboxHandle, red_store: RedOnlineStore
) -> None:
    order_id = sandbox.generate_orders(1)[0]
    sandbox.set_faults(lost=1.0, methods=[api.ORDER_DELIVER])
    # Applied on the first attempt, every answer lost; the retries are told "already shipped"
    # (and lost too), so the call ends without an answer.
    with pytest.raises(Unreachable):
        red_store.deliver(order_id, "SF100", "shunfeng")
    sandbox.clear_faults()
    # Sent again after a restart: the status is re-read first and counts as done.
    assert red_store.deliver(order_id, "SF100", "shunfeng").already_delivered
    delivery = sandbox.state()["deliveries"][order_id]
    assert delivery["count"] == 1
    assert sandbox.state()["calls"][api.ORDER_DELIVER] == 4  # the retries, not a second delivery


def test_delivery_retried_after_a_lost_answer_is_done(
    sandbox: SandboxHandle, red_store: RedOnlineStore, sleeps: list[float]
) -> None:
    order_id = sandbox.generate_orders(1)[0]
    sandbox.set_faults(lost=1.0, methods=[api.ORDER_DELIVER])
    red_store.client._sleep = lambda seconds: sandbox.clear_faults()  # the network comes back
    result = red_store.deliver(order_id, "SF200", "shunfeng")
    assert result.already_delivered  # the retry was told "already shipped": that is success
    delivery = sandbox.state()["deliveries"][order_id]
    assert (delivery["count"], delivery["refused"], delivery["expressNo"]) == (1, 1, "SF200")


@pytest.fixture
def fake_time() -> Iterator[list[float]]:
    yield [0.0]


def test_token_bucket_keeps_under_the_rate(fake_time: list[float]) -> None:
    def sleep(seconds: float) -> None:
        fake_time[0] += seconds

    bucket = TokenBucket(100, clock=lambda: fake_time[0], sleep=sleep)
    for _ in range(100):
        assert bucket.take() == 0.0  # the burst is free
    for _ in range(300):
        bucket.take()
    # 400 calls at 100/s with a burst of 100 take at least 3 seconds.
    assert fake_time[0] == pytest.approx(3.0)


@given(st.integers(min_value=0, max_value=30), st.integers(min_value=0, max_value=2**32))
def test_backoff_stays_within_its_bounds(retry_no: int, seed: int) -> None:
    policy = RetryPolicy(attempts=5, base_delay_s=0.5, max_delay_s=30.0)
    wait = policy.delay(retry_no, random.Random(seed))
    ceiling = min(30.0, 0.5 * 2**retry_no)
    assert ceiling / 2 <= wait <= ceiling
