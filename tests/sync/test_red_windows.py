"""Reading order windows as the platform's order list allows: at most 100 pages a window (a
window with more is cut in two), 24 hours by creation, 30 minutes by update, and update-time
windows read from their last page back to the first. Served over loopback by a responder that
keeps the platform's rules and refuses what breaks them."""

from __future__ import annotations

import math
import random
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from replay import Recorded, serving

from sync.connector import OAuthTokens, OrderCursor, OrderTime
from sync.red.client import RedClient, RetryPolicy
from sync.red.connector import RedOnlineStore, TooManyInOneWindow
from sync.red.oauth import MemoryTokenStore, RedAuthorizer
from sync.red.ratelimit import TokenBucket

T0 = datetime(2026, 11, 1, 8, 0, tzinfo=UTC)


class OrderList:
    """order.getOrderList over a fixed set of orders (id -> update time, seconds)."""

    def __init__(self, times: dict[str, int]) -> None:
        self.times = times
        self.asked: list[tuple[int, int, int, int]] = []  # start, end, timeType, pageNo

    def __call__(self, body: dict[str, Any]) -> Any:
        assert body["method"] == "order.getOrderList"
        start, end, kind = body["startTime"], body["endTime"], body["timeType"]
        page_no, size = body["pageNo"], body["pageSize"]
        self.asked.append((start, end, kind, page_no))
        limit = 24 * 3600 if kind == 1 else 30 * 60
        if end - start > limit or not 1 <= page_no <= 100 or not 1 <= size <= 100:
            return {"success": False, "error_code": -1000400, "error_msg": "bad parameters",
                    "data": None}  # fmt: skip
        found = sorted(oid for oid, t in self.times.items() if start <= t <= end)
        pages = max(1, math.ceil(len(found) / size))
        rows = found[(page_no - 1) * size : page_no * size]
        return {"success": True, "error_code": 0, "error_msg": "", "data": {
            "total": len(found), "pageNo": page_no, "pageSize": size, "maxPageNo": pages,
            "orderList": [{"orderId": oid, "orderStatus": 4, "createdTime": self.times[oid] * 1000,
                           "updateTime": self.times[oid] * 1000} for oid in rows],
        }}  # fmt: skip


@pytest.fixture
def listing() -> Iterator[tuple[OrderList, RedOnlineStore]]:
    orders = OrderList({})
    replay = Recorded(responder=orders)
    with serving(replay) as base_url, RedClient(
        base_url, "app", "secret", retry=RetryPolicy(attempts=1),
        rate_limiter=TokenBucket(10_000),
    ) as client:  # fmt: skip
        far = datetime.now(UTC) + timedelta(days=5)
        tokens = MemoryTokenStore(OAuthTokens("tok", far, "ref", far + timedelta(days=7)))
        authorizer = RedAuthorizer(client, tokens, redirect_uri="http://x/")
        yield orders, RedOnlineStore(client, authorizer, warehouse_code="WH1")


def _read_all(store: RedOnlineStore, cursor: OrderCursor | None) -> list[str]:
    seen: list[str] = []
    while cursor is not None:
        page = store.orders_since(cursor)
        seen += [summary.order_id for summary in page.orders]
        cursor = page.next_cursor
    return seen


def _at(seconds: float) -> int:
    return int((T0 + timedelta(seconds=seconds)).timestamp())


def test_update_window_is_read_from_its_last_page_back(
    listing: tuple[OrderList, RedOnlineStore],
) -> None:
    orders, store = listing
    orders.times = {f"P{n:05d}": _at(n % 1500) for n in range(250)}
    seen = _read_all(store, OrderCursor(T0, T0 + timedelta(minutes=30), OrderTime.UPDATED))
    assert set(seen) == set(orders.times)
    assert [page for *_, page in orders.asked] == [1, 3, 2, 1]


def test_creation_windows_are_cut_to_a_day_and_read_forwards(
    listing: tuple[OrderList, RedOnlineStore],
) -> None:
    orders, store = listing
    orders.times = {f"P{n:05d}": _at(n * 1000) for n in range(250)}  # about 3 days
    cursor = OrderCursor(T0, T0 + timedelta(days=3), OrderTime.CREATED, page_size=20)
    seen = _read_all(store, cursor)
    assert set(seen) == set(orders.times)
    assert all(end - start <= 24 * 3600 for start, end, *_ in orders.asked)
    first_day = [page for start, _, _, page in orders.asked if start == _at(0)]
    assert first_day == [1, 2, 3, 4, 5]  # 87 orders, 20 a page, forwards


def test_a_window_of_more_than_100_pages_is_cut_in_two(
    listing: tuple[OrderList, RedOnlineStore],
) -> None:
    orders, store = listing
    rng = random.Random(5)
    orders.times = {f"P{n:06d}": _at(rng.randrange(1800)) for n in range(10_050)}
    seen = _read_all(store, OrderCursor(T0, T0 + timedelta(minutes=30), OrderTime.UPDATED))
    assert set(seen) == set(orders.times)
    assert max(page for *_, page in orders.asked) <= 100
    windows = {(start, end) for start, end, *_ in orders.asked}
    assert len(windows) >= 3  # the whole window (probed), then its halves


def test_more_than_the_platform_gives_within_one_second_is_an_error(
    listing: tuple[OrderList, RedOnlineStore],
) -> None:
    orders, store = listing
    orders.times = {f"P{n:06d}": _at(7) for n in range(10_001)}
    with pytest.raises(TooManyInOneWindow):
        _read_all(store, OrderCursor(T0 + timedelta(seconds=7), T0 + timedelta(seconds=8)))
