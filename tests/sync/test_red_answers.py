"""Edge cases of the platform's answers, from recorded bodies served on loopback.

The sandbox answers as the documentation says; these are the shapes it does not produce on its
own (odd envelopes, Retry-After, failure inside a successful envelope, the three shapes of a
delivery answer), served by a tiny HTTP server that replays a list of answers.
"""

from __future__ import annotations

import json
import random
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest

from sync.connector import OAuthTokens
from sync.errors import AuthError, HttpError, ParseError, PlatformError, RateLimited
from sync.red.client import RedClient, RetryPolicy
from sync.red.connector import RedOnlineStore
from sync.red.oauth import MemoryTokenStore, RedAuthorizer


@dataclass
class Recorded:
    """Answers to give, in order, and the request bodies received."""

    answers: list[tuple[int, dict[str, str], bytes]] = field(default_factory=list)
    received: list[dict[str, Any]] = field(default_factory=list)

    def add(self, body: Any, status: int = 200, headers: dict[str, str] | None = None) -> None:
        raw = body if isinstance(body, bytes) else json.dumps(body).encode()
        self.answers.append((status, headers or {}, raw))

    def ok(self, data: Any) -> None:
        self.add({"success": True, "error_code": 0, "error_msg": "", "data": data})


@pytest.fixture
def recorded() -> Iterator[tuple[Recorded, str]]:
    replay = Recorded()

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args: Any) -> None:
            pass

        def do_POST(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            replay.received.append(json.loads(self.rfile.read(length)))
            status, headers, body = replay.answers.pop(0)
            self.send_response(status)
            for name, value in headers.items():
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    yield replay, f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


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
        ({"success": True, "error_code": 5, "error_msg": "odd"}, PlatformError, "odd"),
        ({"success": False, "error_code": 0, "error_msg": ""}, PlatformError, "failed"),
        ({"success": False, "error_code": -4001}, PlatformError, "below 0"),
        ({"error_code": 0, "data": {}}, ParseError, "success"),
        ({"success": "yes", "error_code": 0}, ParseError, "success"),
        ({"success": True, "error_code": "0"}, ParseError, "error_code"),
        ([1, 2, 3], ParseError, "not a JSON object"),
        (b"<html>gateway</html>", ParseError, "not JSON"),
        ({"success": False, "error_code": -1010, "error_msg": "token expired"}, AuthError, "token"),
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


def test_success_needs_both_flags(recorded: tuple[Recorded, str], client: RedClient) -> None:
    recorded[0].add({"success": True, "error_code": 0, "data": {"k": 1}})
    recorded[0].add({"success": True, "data": None})  # error_code absent counts as 0
    assert client.call("x.y") == {"k": 1}
    assert client.call("x.y") is None


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
    with pytest.raises(PlatformError) as raised:
        store.get_stock(["s1"])
    assert raised.value.error_code == -77 and "busy" in str(raised.value)
    recorded[0].ok({"skuId": "s2", "skuStockInfoWithWhcode": [
        {"whcode": "OTHER", "skuStock": {"total": 50, "available": 50, "occupiedQuantity": 0}},
        {"whcode": "WH1", "skuStock": {"total": 5, "available": 3, "occupiedQuantity": 2}},
    ], "response": {"success": True, "code": 0, "message": ""}})  # fmt: skip
    stock = store.get_stock(["s2"])["s2"]
    assert (stock.total, stock.available, stock.occupied) == (5, 3, 2)


@pytest.mark.parametrize("data", [None, {}, {"orderId": "P1"}, "success", "ok"])
def test_delivery_answer_may_be_null_an_object_or_a_string(
    recorded: tuple[Recorded, str], store: RedOnlineStore, data: Any
) -> None:
    recorded[0].ok({"orderId": "P1", "orderStatus": 4, "createdTime": 1, "updateTime": 1})
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
    recorded[0].ok({"orderId": "P2", "orderStatus": 4, "createdTime": 1, "updateTime": 1})
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
              "whcode": "WH1", "openAddressId": "a1", "deliveryMode": "pickup",
              "skuList": [{"skuId": "s1", "skuQuantity": 2}]}  # fmt: skip
    recorded[0].ok(detail)
    recorded[0].add({"success": False, "error_code": -1030, "error_msg": "not now"})
    order = store.order_detail("P1")
    assert order.receiver_phone_masked == "" and order.lines[0].quantity == 2
    assert order.lines[0].sku_id == "s1" and order.warehouse_code == "WH1"
    sent = recorded[0].received[-1]
    assert sent["receiverQueries"] == [{"orderId": "P1", "openAddressId": "a1"}]
    # A receiver answer of the wrong shape is not passed over, it stops the read.
    recorded[0].ok(detail)
    recorded[0].ok({"receiverInfos": [{"orderId": "P1", "receiverPhone": ["138"]}]})
    with pytest.raises(ParseError):
        store.order_detail("P1")
