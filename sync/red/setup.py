"""Building the RED connector from the store's online-store settings."""

from __future__ import annotations

from redhome_pos.config import OnlineStoreConfig
from sync.connector import TokenStore
from sync.errors import SyncError
from sync.red import api
from sync.red.client import RedClient, RetryPolicy
from sync.red.connector import RedOnlineStore
from sync.red.oauth import RedAuthorizer


def red_client(settings: OnlineStoreConfig, *, retry: RetryPolicy | None = None) -> RedClient:
    """A client for the configured app; the caller closes it (``with``)."""
    if not settings.app_id or not settings.app_secret:
        raise SyncError(detail="the online store's app id and secret are not set")
    base_url = settings.base_url or api.PRODUCTION_BASE_URL
    return RedClient(
        base_url,
        settings.app_id,
        settings.app_secret,
        retry=retry,
        allow_plain_http=base_url.rstrip("/") == api.TEST_BASE_URL,
    )


def red_authorizer(
    settings: OnlineStoreConfig, client: RedClient, tokens: TokenStore
) -> RedAuthorizer:
    """Approval goes through the platform's own site, or the sandbox's when it is the base URL."""
    base = client.base_url
    is_platform = base in (api.PRODUCTION_BASE_URL, api.TEST_BASE_URL)
    return RedAuthorizer(
        client,
        tokens,
        redirect_uri=settings.redirect_uri or f"{base}/_sandbox/approved",
        authorization_base_url=api.PRODUCTION_BASE_URL if is_platform else base,
    )


def red_online_store(
    settings: OnlineStoreConfig, client: RedClient, tokens: TokenStore
) -> RedOnlineStore:
    """The store's RED online store for the sync engine."""
    if not settings.warehouse_code:
        raise SyncError(detail="the store's warehouse code is not set")
    return RedOnlineStore(
        client,
        red_authorizer(settings, client, tokens),
        warehouse_code=settings.warehouse_code,
        pickup_at_counter=settings.pickup_at_counter,
    )
