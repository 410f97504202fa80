"""The request signature and the envelope, and the sandbox refusing what is not signed right."""

from __future__ import annotations

import hashlib
import time
from typing import Any

import pytest
import requests

from sync.errors import UnknownRefusal
from sync.red import api
from sync.red.client import RedClient
from sync.red_sandbox import SandboxHandle


def test_signature_vectors_computed_by_hand() -> None:
    # MD5 of "{method}?appId={appId}&timestamp={ts}&version={version}{secret}", lower-case hex.
    text = "product.getDetailSkuList?appId=7a3c0e&timestamp=1700000000&version=2.0s3cr3t"
    expected = hashlib.md5(text.encode("utf-8")).hexdigest()
    assert api.sign("product.getDetailSkuList", "7a3c0e", 1700000000, "2.0", "s3cr3t") == expected
    assert expected == expected.lower() and len(expected) == 32
    # The secret goes straight after the version value: no separator, no key name.
    other = hashlib.md5(b"oauth.getAccessToken?appId=A1&timestamp=1&version=2.0XYZ").hexdigest()
    assert api.sign("oauth.getAccessToken", "A1", 1, "2.0", "XYZ") == other
    # Each signed part matters.
    base = api.sign("m", "a", 5, "2.0", "s")
    assert base != api.sign("m2", "a", 5, "2.0", "s")
    assert base != api.sign("m", "a", 6, "2.0", "s")
    assert base != api.sign("m", "a", 5, "2.0", "t")


def test_signature_is_md5_of_chinese_safe_utf8() -> None:
    by_hand = hashlib.md5("x?appId=店&timestamp=9&version=2.0密".encode()).hexdigest()
    assert api.sign("x", "店", 9, "2.0", "密") == by_hand


def test_envelope_carries_system_fields_then_business_fields() -> None:
    client = RedClient("https://ark.example.com", "app1", "secret1", clock=lambda: 1700000123.9)
    body = client.envelope("order.getOrderDetail", {"orderId": "P1"}, access_token="tok")
    assert body == {
        "appId": "app1",
        "timestamp": "1700000123",  # a string of digits, as the official example sends it
        "version": "2.0",
        "method": "order.getOrderDetail",
        "sign": hashlib.md5(
            b"order.getOrderDetail?appId=app1&timestamp=1700000123&version=2.0secret1"
        ).hexdigest(),
        "accessToken": "tok",
        "orderId": "P1",
    }
    with pytest.raises(ValueError):
        client.envelope("x", {"sign": "forged"})
    client.close()


def test_plain_http_refused_for_real_hosts() -> None:
    from sync.errors import SyncError

    with pytest.raises(SyncError):
        RedClient("http://ark.xiaohongshu.com", "a", "b")
    RedClient("http://127.0.0.1:1", "a", "b").close()
    RedClient(api.TEST_BASE_URL, "a", "b", allow_plain_http=True).close()


def _post(sandbox: SandboxHandle, body: dict[str, Any]) -> dict[str, Any]:
    response = requests.post(sandbox.base_url + api.GATEWAY_PATH, json=body, timeout=5)
    assert response.status_code == 200
    answer: dict[str, Any] = response.json()
    assert set(answer) == {"success", "error_code", "error_msg", "data"}
    return answer


def _signed(sandbox: SandboxHandle, method: str, timestamp: int, **fields: Any) -> dict[str, Any]:
    return {
        "appId": sandbox.app_id,
        "timestamp": timestamp,
        "version": "2.0",
        "method": method,
        "sign": api.sign(method, sandbox.app_id, timestamp, "2.0", sandbox.app_secret),
        **fields,
    }


def test_sandbox_accepts_a_correct_signature(sandbox: SandboxHandle) -> None:
    body = _signed(
        sandbox, "oauth.getAccessToken", int(time.time()), code=sandbox.authorization_code()
    )
    answer = _post(sandbox, body)
    assert answer["success"] is True and answer["error_code"] == 0


@pytest.mark.parametrize(
    "change",
    [
        {"sign": "0" * 32},
        {"sign": None},
        {"sign": hashlib.md5(b"wrong").hexdigest().upper()},
        {"version": "1.0"},  # signed with 2.0, sent as 1.0
        {"appId": "someone-else"},
    ],
)
def test_sandbox_refuses_bad_or_missing_sign(
    sandbox: SandboxHandle, change: dict[str, Any]
) -> None:
    body = _signed(
        sandbox, "oauth.getAccessToken", int(time.time()), code=sandbox.authorization_code()
    )
    body.update(change)
    body = {k: v for k, v in body.items() if v is not None}
    answer = _post(sandbox, body)
    assert answer["success"] is False
    # The platform's codes for these are not public: refused, in words, with some code.
    assert answer["error_code"] != 0 and answer["error_msg"]


@pytest.mark.parametrize("skew_s", [-3600, -601, 601, 86400])
def test_sandbox_refuses_stale_timestamp(sandbox: SandboxHandle, skew_s: int) -> None:
    body = _signed(
        sandbox,
        "oauth.getAccessToken",
        int(time.time()) + skew_s,
        code=sandbox.authorization_code(),
    )
    answer = _post(sandbox, body)
    assert answer["success"] is False and answer["error_code"] != 0


def test_client_shows_refusals_of_unknown_codes_in_the_platforms_words(
    sandbox: SandboxHandle,
) -> None:
    # The platform's codes for a bad signature or a stale timestamp are not public: nothing
    # is built on them, the platform's own message is shown.
    wrong_secret = RedClient(sandbox.base_url, sandbox.app_id, "not-the-secret")
    with wrong_secret, pytest.raises(UnknownRefusal) as refused:
        wrong_secret.call(api.GET_ACCESS_TOKEN, {"code": sandbox.authorization_code()})
    assert refused.value.message == "The platform refused: " + refused.value.error_msg
    assert refused.value.error_code not in api.KNOWN_ERROR_CODES
    assert "not-the-secret" not in str(refused.value)

    skewed = RedClient(
        sandbox.base_url, sandbox.app_id, sandbox.app_secret, clock=lambda: time.time() - 7200
    )
    with skewed, pytest.raises(UnknownRefusal) as stale:
        skewed.call(api.GET_ACCESS_TOKEN, {"code": sandbox.authorization_code()})
    assert stale.value.error_code not in api.KNOWN_ERROR_CODES
    assert stale.value.message == "The platform refused: " + stale.value.error_msg


def test_merchant_call_without_token_is_refused(red_client: RedClient) -> None:
    with pytest.raises(UnknownRefusal):
        red_client.call(api.GET_SKU_STOCK, {"skuId": "x"})
    with pytest.raises(UnknownRefusal):
        red_client.call(api.GET_SKU_STOCK, {"skuId": "x"}, access_token="forged")
