"""Edge cases of the platform's answers, from recorded bodies served on loopback.

The sandbox answers as the documentation says; these are the shapes it does not produce on its
own (odd envelopes, Retry-After, failure inside a successful envelope, the three shapes of a
delivery answer), served by a tiny HTTP server that replays a list of answers.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from replay import Recorded

from sync.connector import OAuthTokens, OrderStatus
from sync.errors import (
    AuthError,
    HttpError,
    ParseError,
    PlatformError,
    RateLimited,
    UnknownRefusal,
)
from sync.red.client import RedClient, RetryPolicy
from sync.red.connector import RedOnlineStore
from sync.red.oauth import MemoryTokenStore, RedAuthorizer


@pytest.fixture
def client(recorded: tuple[Recorded, str], sleeps: list[float]) -> Iterator[RedClient]:
    with RedClient(
        recorded[1], "app", "secret", sleep=sleeps.append, rng=random.Random(1),
        retry=RetryPolicy(attempts=3, base_delay_s=0.1, max_delay_s=1.0),
    ) as red:  # fmt: skip
        yield red


@pytest.fixture
def store(client: RedClient) -> RedOnlineStore:
    far = datetime.now(UTC) + timedelta(days=5)
    tokens = MemoryTokenStore(OAuthTokens("tok", far, "ref", far + timedelta(days=7)))
    authorizer = RedAuthorizer(client, tokens, redirect_uri="http://x/")
    return RedOnlineStore(client, authorizer, warehouse_code="WH1")


@pytest.mark.parametrize(
    ("body", "error", "words"),
    [
        ({"success": False, "error_code": 0, "error_msg": ""}, UnknownRefusal, "no reason"),
        ({"success": False, "error_code": -4001}, UnknownRefusal, "code -4001"),
        ({"success": False, "error_code": -5009202}, PlatformError, "below 0"),
        # The newer gateway's shape: code and msg.
        ({"success": False, "code": -1000400, "msg": "pageSize > 100"}, PlatformError, "pageSize"),
        ({"success": False, "code": -77, "msg": "busy"}, UnknownRefusal, "refused: busy"),
        ({"error_code": 0, "data": {}}, ParseError, "success"),
        ({"success": "yes", "error_code": 0}, ParseError, "success"),
        ({"success": False, "error_code": "0"}, ParseError, "error_code"),
        ({"success": False, "code": "x"}, ParseError, "code"),
        ([1, 2, 3], ParseError, "not a JSON object"),
        (b"<html>gateway</html>", ParseError, "not JSON"),
        # No code of the platform's is known for a token problem: its words are shown.
        (
            {"success": False, "error_code": -1010, "error_msg": "token expired"},
            UnknownRefusal,
            "The platform refused: token expired",
        ),
        # Refused inside a successful envelope: the call failed.
        (
            {
                "success": True,
                "code": 0,
                "data": {"response": {"success": False, "code": -5009026, "msg": "locked"}},
            },
            PlatformError,
            "locked",
        ),
    ],
)
def test_odd_envelopes(
    recorded: tuple[Recorded, str], client: RedClient, body: Any, error: type[Exception], words: str
) -> None:
    recorded[0].add(body)
    with pytest.raises(error) as raised:
        client.call("x.y", {})
    assert words in str(raised.value)
    assert len(recorded[0].received) == 1  # none of these is retried


def test_a_call_is_judged_by_success(recorded: tuple[Recorded, str], client: RedClient) -> None:
    recorded[0].add({"success": True, "error_code": 0, "data": {"k": 1}})
    recorded[0].add({"success": True, "data": None})
    recorded[0].add({"success": True, "code": 0, "msg": "", "data": {"k": 2}})
    # As the platform's own SDK reads it: success decides, a stray code does not.
    recorded[0].add({"success": True, "error_code": 5, "error_msg": "odd", "data": {"k": 3}})
    recorded[0].add({"success": True, "data": {"response": {"success": True, "msg": ""}}})
    assert client.call("x.y") == {"k": 1}
    assert client.call("x.y") is None
    assert client.call("x.y") == {"k": 2}
    assert client.call("x.y") == {"k": 3}
    assert client.call("x.y") == {"response": {"success": True, "msg": ""}}


def test_body_is_utf8_json_with_charset_and_a_string_timestamp(
    recorded: tuple[Recorded, str], client: RedClient
) -> None:
    recorded[0].ok(None)
    client.call("x.y", {"name": "小红书"})
    sent = recorded[0].received[0]
    assert recorded[0].headers[0]["Content-Type"] == "application/json;charset=utf-8"
    assert "小红书".encode() in recorded[0].raw[0]  # UTF-8, not \u escapes
    assert isinstance(sent["timestamp"], str) and sent["timestamp"].isdigit()
    from sync.red import api

    assert sent["sign"] == api.sign("x.y", "app", sent["timestamp"], "2.0", "secret")


def test_retry_after_is_honoured_and_404_is_not_retried(
    recorded: tuple[Recorded, str], client: RedClient, sleeps: list[float]
) -> None:
    replay = recorded[0]
    replay.add(b"slow down", 429, {"Retry-After": "7"})
    replay.add(b"busy", 502)
    replay.ok({"fine": True})
    assert client.call("x.y") == {"fine": True}
    assert sleeps[0] == 7.0 and 0.05 <= sleeps[1] <= 0.2
    # Each attempt is signed afresh with its own timestamp.
    assert all(body["sign"] for body in replay.received)
    replay.add(b"nope", 404)
    with pytest.raises(HttpError) as missing:
        client.call("x.y")
    assert missing.value.status == 404 and len(replay.received) == 4
    replay.add(b"", 401)
    with pytest.raises(AuthError):
        client.call("x.y")


def test_rate_limit_code_retried_then_raised(
    recorded: tuple[Recorded, str], client: RedClient
) -> None:
    for _ in range(3):
        recorded[0].add({"success": False, "error_code": -9013, "error_msg": "limit"})
    with pytest.raises(RateLimited):
        client.call("x.y")
    assert len(recorded[0].received) == 3


def test_failure_inside_a_successful_stock_answer(
    recorded: tuple[Recorded, str], store: RedOnlineStore
) -> None:
    recorded[0].ok({"skuId": "s1", "response": {"success": False, "code": -77, "message": "busy"}})
    assert store.get_stock(["s1"]) == {}  # refused for that SKU: left out, as one not known
    recorded[0].ok({"skuId": "s2", "skuStockInfoWithWhcode": [
        {"whcode": "OTHER", "skuStock": {"total": 50, "available": 50, "occupiedQuantity": 0}},
        {"whcode": "WH1", "skuStock": {"total": 5, "available": 3, "occupiedQuantity": 2}},
    ], "response": {"success": True, "code": 0, "message": ""}})  # fmt: skip
    stock = store.get_stock(["s2"])["s2"]
    assert (stock.total, stock.available, stock.occupied) == (5, 3, 2)


def test_refused_stock_push_inside_a_successful_answer_is_not_done(
    recorded: tuple[Recorded, str], store: RedOnlineStore
) -> None:
    recorded[0].add({"success": True, "code": 0, "msg": "", "data": {
        "response": {"success": False, "msg": "库存不可修改", "code": -5009026},
        "apiVersion": "V1"}})  # fmt: skip
    recorded[0].add({"success": True, "code": 0, "msg": "", "data": {
        "response": {"success": True, "msg": "", "code": 0}, "apiVersion": "V1"}})  # fmt: skip
    refused, pushed = store.set_stock({"s1": 4, "s2": 5})
    assert not refused.ok and "库存不可修改" in refused.error and pushed.ok
    assert recorded[0].received[0]["qtyWithWhcode"] == {"WH1": 4}


DETAIL = {"orderId": "P1", "orderStatus": 4, "createdTime": 1, "updateTime": 1,
          "skuList": [{"skuId": "s1", "skuQuantity": 1, "deliveryMode": 0}]}  # fmt: skip


@pytest.mark.parametrize("data", [None, {}, {"orderId": "P1"}, "success", "ok"])
def test_delivery_answer_may_be_null_an_object_or_a_string(
    recorded: tuple[Recorded, str], store: RedOnlineStore, data: Any
) -> None:
    recorded[0].ok(DETAIL)
    recorded[0].ok(data)
    assert not store.deliver("P1", "SF1", "shunfeng").already_delivered
    sent = recorded[0].received[-1]
    assert (sent["method"], sent["orderId"], sent["expressNo"], sent["expressCompanyCode"]) == (
        "order.orderDeliver", "P1", "SF1", "shunfeng",
    )  # fmt: skip
    assert sent["accessToken"] == "tok"


def test_detail_about_another_order_is_refused(
    recorded: tuple[Recorded, str], store: RedOnlineStore
) -> None:
    recorded[0].ok({**DETAIL, "orderId": "P2"})
    with pytest.raises(ParseError, match="another one"):
        store.order_detail("P1")


@pytest.mark.parametrize(
    "sku",
    [
        {"id": "s", "price": -1, "updateTime": 1},
        {"id": "s", "price": 1.5, "updateTime": 1},
        {"id": "s", "price": "100", "updateTime": 1},
        {"id": "", "price": 1, "updateTime": 1},
        {"id": "s", "price": 1, "updateTime": "yesterday"},
        {"id": "s", "price": 1, "updateTime": 1, "variants": "red"},
        {"id": "s", "price": 10**15, "updateTime": 1},
    ],
)
def test_catalog_entries_of_the_wrong_shape(
    recorded: tuple[Recorded, str], store: RedOnlineStore, sku: dict[str, Any]
) -> None:
    from sync.connector import CatalogCursor

    recorded[0].ok({"data": [{"item": {"id": "i"}, "sku": sku}], "pageNO": 1, "total": 1})
    with pytest.raises(ParseError):
        store.catalog_page(CatalogCursor(updated_to=datetime.now(UTC)))


def test_order_stands_when_its_receiver_cannot_be_read(
    recorded: tuple[Recorded, str], store: RedOnlineStore
) -> None:
    detail = {"orderId": "P1", "orderStatus": 4, "createdTime": 1, "updateTime": 2,
              "whcode": "WH1", "openAddressId": "a1",
              "skuList": [{"skuId": "s1", "skuQuantity": 2, "deliveryMode": 1}]}  # fmt: skip
    recorded[0].ok(detail)
    recorded[0].add({"success": False, "error_code": -1030, "error_msg": "not now"})
    order = store.order_detail("P1")
    assert order.receiver.phone_masked == "" and order.lines[0].quantity == 2
    assert order.lines[0].sku_id == "s1" and order.warehouse_code == "WH1"
    sent = recorded[0].received[-1]
    assert sent["receiverQueries"] == [{"orderId": "P1", "openAddressId": "a1"}]
    assert sent["isReturn"] is False
    # A receiver answer of the wrong shape is not passed over, it stops the read.
    recorded[0].ok(detail)
    recorded[0].ok({"receiverInfos": [{"orderId": "P1", "receiverPhone": ["138"]}]})
    with pytest.raises(ParseError):
        store.order_detail("P1")


def _store_with_token_left(client: RedClient, left: timedelta) -> RedOnlineStore:
    now = datetime.now(UTC)
    tokens = MemoryTokenStore(OAuthTokens("old", now + left, "ref", now + timedelta(days=7)))
    authorizer = RedAuthorizer(
        client, tokens, redirect_uri="http://x/", refresh_before=timedelta(minutes=1)
    )
    return RedOnlineStore(client, authorizer, warehouse_code="WH1")


def test_a_refusal_near_the_token_expiry_is_tried_once_more_after_one_refresh(
    recorded: tuple[Recorded, str], client: RedClient
) -> None:
    store = _store_with_token_left(client, timedelta(minutes=10))
    later = int((datetime.now(UTC) + timedelta(days=7)).timestamp() * 1000)
    replay = recorded[0]
    replay.add({"success": False, "error_code": -100, "error_msg": "accessToken invalid"})
    replay.ok({"accessToken": "new", "accessTokenExpiresAt": later, "refreshToken": "ref2",
               "refreshTokenExpiresAt": later + 1})  # fmt: skip
    replay.ok(DETAIL)
    assert store.order_status("P1") is OrderStatus.AWAITING_SHIPMENT
    methods = [(body["method"], body.get("accessToken")) for body in replay.received]
    assert methods == [("order.getOrderDetail", "old"), ("oauth.refreshToken", None),
                       ("order.getOrderDetail", "new")]  # fmt: skip
    # Refused again after the refresh: shown as it is, no loop.
    replay.add({"success": False, "error_code": -100, "error_msg": "accessToken invalid"})
    with pytest.raises(UnknownRefusal, match="accessToken invalid"):
        store.order_status("P1")
    assert len(replay.received) == 4


def test_a_refusal_far_from_the_token_expiry_is_not_a_token_problem(
    recorded: tuple[Recorded, str], client: RedClient
) -> None:
    store = _store_with_token_left(client, timedelta(days=3))
    recorded[0].add({"success": False, "error_code": -100, "error_msg": "shop closed"})
    with pytest.raises(UnknownRefusal, match="The platform refused: shop closed"):
        store.order_status("P1")
    assert [body["method"] for body in recorded[0].received] == ["order.getOrderDetail"]
