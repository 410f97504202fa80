"""Whatever JSON an answer carries, the connector returns a proper result or a SyncError.

The client here hands the connector a decoded ``data`` chosen by hypothesis (the HTTP path is
covered over loopback elsewhere); what is checked is that no other exception ever escapes, so a
hostile answer can only stop a sync with a clear message.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, datetime, timedelta
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sync.connector import (
    CatalogCursor,
    CatalogPage,
    OAuthTokens,
    OnlineOrder,
    OrderCursor,
    OrderPage,
)
from sync.errors import SyncError
from sync.red.client import RedClient
from sync.red.connector import RedOnlineStore
from sync.red.oauth import MemoryTokenStore, RedAuthorizer

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=8),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=12,
)


def near(valid: Mapping[str, Any]) -> st.SearchStrategy[Any]:
    """A valid answer with some fields replaced by arbitrary JSON, or dropped."""
    keys = sorted(valid)
    return st.dictionaries(
        st.sampled_from(keys), json_values | st.just(...), max_size=len(keys)
    ).map(
        lambda changes: {
            **{k: v for k, v in valid.items() if changes.get(k, 0) is not ...},
            **{k: v for k, v in changes.items() if v is not ...},
        }
    )


SKU = {"id": "s1", "itemId": "i1", "name": "口红", "price": 100, "originalPrice": 120,
       "barcode": "6901000000017", "erpCode": "E1", "variants": [{"name": "色号", "value": "01"}],
       "buyable": True, "updateTime": 1_700_000_000_000}  # fmt: skip
DETAIL = {"orderId": "P1", "orderStatus": 4, "createdTime": 1_700_000_000_000,
          "updateTime": 1_700_000_000_000, "whcode": "WH1", "deliveryMode": "pickup",
          "skuList": [{"skuId": "s1", "skuQuantity": 1, "skuDetailList": [
              {"skuId": "s1", "quantity": 1, "pricePerSku": 100}]}]}  # fmt: skip


class ScriptedClient(RedClient):
    """Answers every call with the next scripted ``data``."""

    def __init__(self) -> None:
        super().__init__("http://127.0.0.1:9", "app", "secret")
        self.script: list[Any] = []

    def call(self, method: str, fields: Mapping[str, Any] | None = None, *,
             access_token: str | None = None) -> Any:  # fmt: skip
        return self.script.pop(0) if self.script else None


def store_with(script: list[Any]) -> RedOnlineStore:
    client = ScriptedClient()
    client.script = script
    far = datetime.now(UTC) + timedelta(days=3)
    tokens = MemoryTokenStore(OAuthTokens("t", far, "r", far + timedelta(days=7)))
    return RedOnlineStore(
        client, RedAuthorizer(client, tokens, redirect_uri="http://x/"), warehouse_code="WH1"
    )


def only_sync_errors(action: Any) -> Any:
    try:
        return action()
    except SyncError:
        return None


quick = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@quick
@given(
    json_values
    | near({"data": [{"item": {"id": "i1"}, "sku": SKU}], "pageNO": 1, "total": 1})
    | near(SKU).map(lambda sku: {"data": [{"item": {"id": "i1"}, "sku": sku}], "total": 1})
)
def test_catalog_page(data: Any) -> None:
    store = store_with([data])
    result = only_sync_errors(
        lambda: store.catalog_page(CatalogCursor(updated_to=datetime.now(UTC)))
    )
    assert result is None or isinstance(result, CatalogPage)


@quick
@given(json_values | near({"skuId": "s1", "skuStockInfoWithWhcode": [
    {"whcode": "WH1", "skuStock": {"total": 1, "available": 1, "occupiedQuantity": 0}}],
    "response": {"success": True, "code": 0}}))  # fmt: skip
def test_get_stock(data: Any) -> None:
    store = store_with([data])
    result = only_sync_errors(lambda: store.get_stock(["s1"]))
    assert result is None or set(result) <= {"s1"}


@quick
@given(json_values | near({"total": 1, "orderList": [
    {"orderId": "P1", "orderStatus": 4, "createdTime": 1, "updateTime": 1}]}))  # fmt: skip
def test_orders_since(data: Any) -> None:
    store = store_with([data])
    now = datetime.now(UTC)
    result = only_sync_errors(lambda: store.orders_since(OrderCursor(start=now, end=now)))
    assert result is None or isinstance(result, OrderPage)


@quick
@given(json_values | near(DETAIL), json_values)
def test_order_detail(data: Any, receiver: Any) -> None:
    store = store_with([data, receiver])
    result = only_sync_errors(lambda: store.order_detail("P1"))
    assert result is None or isinstance(result, OnlineOrder)


@quick
@given(json_values | near(DETAIL), json_values)
def test_deliver(status: Any, answer: Any) -> None:
    store = store_with([status, answer])
    only_sync_errors(lambda: store.deliver("P1", "SF1", "shunfeng"))
    only_sync_errors(lambda: store.set_stock({"s1": 3}))
