"""The RED connector built from the store's online-store settings."""

from __future__ import annotations

import pytest

from redhome_pos.config import OnlineStoreConfig
from sync.connector import FulfilmentKind, OrderStatus
from sync.errors import SyncError
from sync.red.oauth import MemoryTokenStore
from sync.red.setup import red_authorizer, red_client, red_online_store
from sync.red_sandbox import SandboxHandle


def test_missing_settings_are_clear_errors() -> None:
    with pytest.raises(SyncError, match="app id and secret"):
        red_client(OnlineStoreConfig())
    settings = OnlineStoreConfig(app_id="a", app_secret="s")
    with red_client(settings) as client, pytest.raises(SyncError, match="warehouse code"):
        red_online_store(settings, client, MemoryTokenStore())
    with pytest.raises(SyncError, match="must use https"):
        red_client(
            OnlineStoreConfig(base_url="http://shop.example.com", app_id="a", app_secret="s")
        )


def test_production_approval_page_is_the_platforms() -> None:
    settings = OnlineStoreConfig(app_id="a", app_secret="s", redirect_uri="https://store/cb")
    with red_client(settings) as client:
        assert client.base_url == "https://ark.xiaohongshu.com"
        url = red_authorizer(settings, client, MemoryTokenStore()).authorization_url("x")
    assert url.startswith("https://ark.xiaohongshu.com/ark/authorization?appId=a&redirectUri=")


def test_built_connector_works_against_the_sandbox(sandbox: SandboxHandle) -> None:
    settings = OnlineStoreConfig(
        base_url=sandbox.base_url, app_id=sandbox.app_id, app_secret=sandbox.app_secret,
        warehouse_code=sandbox.warehouse_code, enabled=True,
    )  # fmt: skip
    tokens = MemoryTokenStore()
    with red_client(settings) as client:
        authorizer = red_authorizer(settings, client, tokens)
        assert authorizer.authorization_url("s").startswith(sandbox.base_url)
        authorizer.connect(sandbox.authorization_code())
        store = red_online_store(settings, client, tokens)
        order_id = sandbox.generate_orders(1, pickup_share=1.0)[0]
        store.hand_over(order_id, "R-1")
        assert store.order_status(order_id) is OrderStatus.SHIPPED
    # A counter hand-over is a delivery without a courier: the platform's own code.
    assert sandbox.state()["deliveries"][order_id]["companyCode"] == "selfdelivery"
    assert store.pickup_at_counter


def test_pickup_at_counter_off_ships_every_order(sandbox: SandboxHandle) -> None:
    settings = OnlineStoreConfig(
        base_url=sandbox.base_url, app_id=sandbox.app_id, app_secret=sandbox.app_secret,
        warehouse_code=sandbox.warehouse_code, pickup_at_counter=False,
    )  # fmt: skip
    tokens = MemoryTokenStore()
    with red_client(settings) as client:
        red_authorizer(settings, client, tokens).connect(sandbox.authorization_code())
        store = red_online_store(settings, client, tokens)
        order_id = sandbox.generate_orders(1, pickup_share=1.0)[0]
        order = store.order_detail(order_id)
    assert order.no_courier and order.fulfilment is FulfilmentKind.SHIP
