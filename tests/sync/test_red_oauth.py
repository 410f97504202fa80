"""OAuth against the sandbox: code exchange, the refresh rules, expiry and the manager's warning."""

from __future__ import annotations

import dataclasses
import logging
from datetime import UTC, datetime, timedelta
from urllib.parse import parse_qs, urlsplit

import pytest
import requests

from sync.errors import AuthError, UnknownRefusal
from sync.red import api
from sync.red.client import RedClient
from sync.red.connector import RedOnlineStore
from sync.red.oauth import MemoryTokenStore, RedAuthorizer
from sync.red_sandbox import SandboxHandle

DAY = 24 * 3600


def _authorizer(
    sandbox: SandboxHandle, client: RedClient, tokens: MemoryTokenStore
) -> RedAuthorizer:
    """An authorizer whose clock follows the sandbox's (which tests move forward)."""

    def now() -> datetime:
        return datetime.now(UTC) + timedelta(seconds=sandbox.sandbox_state.clock_offset_s)

    return RedAuthorizer(client, tokens, redirect_uri="http://127.0.0.1/approved", now=now)


@pytest.fixture
def auth(
    sandbox: SandboxHandle, red_client: RedClient, red_tokens: MemoryTokenStore
) -> RedAuthorizer:
    authorizer = _authorizer(sandbox, red_client, red_tokens)
    authorizer.connect(sandbox.authorization_code())
    return authorizer


def test_code_exchange_gives_seven_and_fourteen_day_tokens(
    sandbox: SandboxHandle, red_client: RedClient
) -> None:
    tokens = MemoryTokenStore()
    authorizer = _authorizer(sandbox, red_client, tokens)
    before = datetime.now(UTC)
    got = authorizer.connect(sandbox.authorization_code())
    assert tokens.load() == got and tokens.saves == 1
    assert got.access_token and got.refresh_token and got.access_token != got.refresh_token
    assert (
        timedelta(days=7) - timedelta(minutes=1)
        < got.access_expires_at - before
        <= timedelta(days=7, seconds=5)
    )
    assert got.refresh_expires_at - got.access_expires_at == timedelta(days=7)
    assert got.seller_name and len(got.seller_id) == 24
    assert got.access_token not in repr(got) and got.refresh_token not in repr(got)


def test_a_code_works_for_ten_minutes(sandbox: SandboxHandle, red_client: RedClient) -> None:
    authorizer = _authorizer(sandbox, red_client, MemoryTokenStore())
    code = sandbox.authorization_code()
    first = authorizer.exchange_code(code)
    # The documents: the same code again within its life gives the same tokens.
    assert authorizer.exchange_code(code).access_token == first.access_token
    late = sandbox.authorization_code()
    sandbox.advance_clock(10 * 60 + 5)
    with pytest.raises(UnknownRefusal):
        authorizer.exchange_code(late)
    with pytest.raises(AuthError):
        authorizer.exchange_code("   ")


def test_authorization_url_and_sandbox_approval_redirect(
    sandbox: SandboxHandle, red_client: RedClient
) -> None:
    authorizer = _authorizer(sandbox, red_client, MemoryTokenStore())
    url = authorizer.authorization_url("st-42")
    parts = urlsplit(url)
    assert parts.path == "/ark/authorization"
    query = parse_qs(parts.query)
    assert query == {
        "appId": [sandbox.app_id],
        "redirectUri": ["http://127.0.0.1/approved"],
        "state": ["st-42"],
    }
    answer = requests.get(url, allow_redirects=False, timeout=5)
    assert answer.status_code == 302
    back = parse_qs(urlsplit(answer.headers["Location"]).query)
    assert back["state"] == ["st-42"]
    assert authorizer.exchange_code(back["code"][0]).access_token


def test_refresh_with_more_than_30_minutes_left_returns_the_same_tokens(
    auth: RedAuthorizer, red_tokens: MemoryTokenStore, sandbox: SandboxHandle
) -> None:
    first = red_tokens.load()
    assert first is not None
    sandbox.advance_clock(7 * DAY - 31 * 60)
    assert auth.refresh() == first
    assert red_tokens.saves == 1  # nothing new to keep
    # The access token is far enough from expiry: no refresh is even attempted.
    assert auth.access_token() == first.access_token


def test_automatic_refresh_before_expiry_and_old_token_grace(
    auth: RedAuthorizer, red_tokens: MemoryTokenStore, sandbox: SandboxHandle, red_client: RedClient
) -> None:
    first = red_tokens.load()
    assert first is not None
    sandbox.advance_clock(7 * DAY - 19 * 60)  # 19 minutes left: under the 20-minute margin
    token = auth.access_token()
    fresh = red_tokens.load()
    assert fresh is not None and red_tokens.saves == 2
    assert token == fresh.access_token != first.access_token
    assert fresh.refresh_token != first.refresh_token
    stock = {"skuId": next(iter(sandbox.state()["stock"]))}
    red_client.call(api.GET_SKU_STOCK, stock, access_token=token)
    # The old access token still works for 5 minutes, then no more; the old refresh token is spent.
    red_client.call(api.GET_SKU_STOCK, stock, access_token=first.access_token)
    sandbox.advance_clock(5 * 60 + 5)
    with pytest.raises(UnknownRefusal):
        red_client.call(api.GET_SKU_STOCK, stock, access_token=first.access_token)
    red_client.call(api.GET_SKU_STOCK, stock, access_token=token)
    with pytest.raises(UnknownRefusal):
        red_client.call(api.REFRESH_TOKEN, {"refreshToken": first.refresh_token})


def test_expired_access_token_is_renewed_with_the_refresh_token(
    auth: RedAuthorizer, red_tokens: MemoryTokenStore, sandbox: SandboxHandle, red_client: RedClient
) -> None:
    first = red_tokens.load()
    assert first is not None
    sandbox.advance_clock(9 * DAY)
    stock = {"skuId": next(iter(sandbox.state()["stock"]))}
    with pytest.raises(UnknownRefusal):
        red_client.call(api.GET_SKU_STOCK, stock, access_token=first.access_token)
    token = auth.access_token()
    assert token != first.access_token
    red_client.call(api.GET_SKU_STOCK, stock, access_token=token)


def test_refresh_token_expiry_needs_a_new_approval(
    auth: RedAuthorizer, sandbox: SandboxHandle
) -> None:
    assert auth.reconnect_warning() is None
    sandbox.advance_clock(11 * DAY + 60)
    warning = auth.reconnect_warning()
    assert warning is not None and "2 days" in warning
    sandbox.advance_clock(2 * DAY + 23 * 3600)
    warning = auth.reconnect_warning()
    assert warning is not None and "hours" in warning
    sandbox.advance_clock(3600)
    with pytest.raises(AuthError) as expired:
        auth.access_token()
    assert "Connect the store again" in str(expired.value)
    assert "expired" in (auth.reconnect_warning() or "")


def test_not_connected(red_client: RedClient) -> None:
    authorizer = RedAuthorizer(red_client, MemoryTokenStore(), redirect_uri="http://x/")
    with pytest.raises(AuthError):
        authorizer.access_token()
    assert authorizer.reconnect_warning() == "The store is not connected to the online store."


def test_connector_refreshes_once_when_refused_near_the_token_expiry(
    auth: RedAuthorizer, red_tokens: MemoryTokenStore, sandbox: SandboxHandle
) -> None:
    tokens = red_tokens.load()
    assert tokens is not None
    # Our copy of the access token is no longer valid on the platform's side, and by what we
    # know it runs out in 25 minutes: within the 30 minutes where a refresh gives a new one.
    sandbox.advance_clock(7 * DAY - 10 * 60)
    near = datetime.now(UTC) + timedelta(minutes=25)
    red_tokens.save(dataclasses.replace(tokens, access_token="revoked", access_expires_at=near))
    store = RedOnlineStore(auth.client, auth, warehouse_code=sandbox.warehouse_code)
    sku_id = next(iter(sandbox.state()["stock"]))
    assert sku_id in store.get_stock([sku_id])
    kept = red_tokens.load()
    assert kept is not None and kept.access_token not in ("revoked", tokens.access_token)


def test_a_refusal_far_from_the_known_expiry_is_shown_not_refreshed(
    auth: RedAuthorizer, red_tokens: MemoryTokenStore, sandbox: SandboxHandle
) -> None:
    tokens = red_tokens.load()
    assert tokens is not None
    red_tokens.save(dataclasses.replace(tokens, access_token="revoked"))
    saves = red_tokens.saves
    store = RedOnlineStore(auth.client, auth, warehouse_code=sandbox.warehouse_code)
    with pytest.raises(UnknownRefusal, match="The platform refused: accessToken"):
        store.get_stock([next(iter(sandbox.state()["stock"]))])
    assert red_tokens.saves == saves and sandbox.state()["calls"].get(api.REFRESH_TOKEN) is None


def test_tokens_and_secrets_never_reach_the_log(
    auth: RedAuthorizer, red_tokens: MemoryTokenStore, sandbox: SandboxHandle,
    caplog: pytest.LogCaptureFixture,
) -> None:  # fmt: skip
    caplog.set_level(logging.DEBUG)
    sandbox.set_faults(http_5xx=1.0, methods=[api.REFRESH_TOKEN])
    with pytest.raises(Exception):  # noqa: B017 - any failure; the log is what is checked
        auth.refresh()
    sandbox.clear_faults()
    auth.access_token(force_refresh=True)
    tokens = red_tokens.load()
    assert tokens is not None
    text = caplog.text
    assert "calling oauth.refreshToken" in text
    for secret in (tokens.access_token, tokens.refresh_token, sandbox.app_secret):
        assert secret not in text
