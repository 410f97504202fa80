"""The independent sandbox's gateway: envelope, signature, OAuth, faults — over raw HTTP."""

from __future__ import annotations

import json
import socket
import time
from pathlib import Path

import pytest
import requests
from red_sandbox_http import GATEWAY, JSON_UTF8, Gateway, connected, error_code, gw, md5_sign, red

from sync.red_sandbox import (
    FAULTS,
    SandboxHandle,
    demo_credentials,
    parse_fault_option,
    start_sandbox,
)
from sync.red_sandbox.limits import RequestLimits

__all__ = ["gw", "red"]  # fixtures

DAY_S = 24 * 3600


def test_signature_is_md5_of_the_joined_system_fields_and_secret() -> None:
    # 039_签名算法.md: "product.createItem?appId=…&timestamp=…&version=2.0" + appSecret.
    text = "product.createItem?appId=abc&timestamp=1612518379&version=2.0secret"
    import hashlib

    assert md5_sign("product.createItem", "abc", "1612518379", "2.0", "secret") == (
        hashlib.md5(text.encode()).hexdigest()
    )


def test_a_signed_call_succeeds_with_the_timestamp_as_string_or_number(gw: Gateway) -> None:
    assert gw.data("common.getExpressCompanyList")["expressCompanyInfos"]
    stamp = int(time.time())
    body = gw.body("common.getExpressCompanyList", {}, timestamp=str(stamp))
    body["timestamp"] = stamp  # some SDKs send a number; the same digits are signed
    assert gw.post(body).json()["success"] is True


def test_refusals_use_the_documented_old_envelope(red: SandboxHandle, gw: Gateway) -> None:
    body = gw.body("common.getExpressCompanyList", {})
    body["sign"] = "0" * 32
    bad_sign = gw.post(body).json()
    assert error_code(bad_sign) == -9001001 and bad_sign["error_msg"]

    stale = gw.body("common.getExpressCompanyList", {}, timestamp=str(int(time.time()) - 3600))
    assert error_code(gw.post(stale).json()) == -9001003
    millis = gw.body("common.getExpressCompanyList", {}, timestamp=str(int(time.time() * 1000)))
    assert error_code(gw.post(millis).json()) == -9001003  # seconds, not milliseconds

    other = Gateway(red.base_url, "not-our-app", red.app_secret, gw.access_token)
    assert error_code(other.call("common.getExpressCompanyList")) == -9001002
    assert error_code(gw.call("order.noSuchMethod")) == -9001005

    no_token = Gateway(red.base_url, red.app_id, red.app_secret)
    assert error_code(no_token.call("common.getExpressCompanyList")) == -9001004
    wrong = Gateway(red.base_url, red.app_id, red.app_secret, "token-nope")
    assert error_code(wrong.call("common.getExpressCompanyList")) == -9001004

    v1 = gw.body("common.getExpressCompanyList", {})
    v1["version"] = "1.0"
    v1["sign"] = md5_sign(v1["method"], red.app_id, v1["timestamp"], "1.0", red.app_secret)
    assert error_code(gw.post(v1).json()) == -1000400


def test_refusals_of_newer_gateway_methods_use_code_and_msg(gw: Gateway) -> None:
    answer = gw.call("inventory.syncSkuStockV2", skuId="x")  # qtyWithWhcode missing
    assert error_code(answer) == -1000400 and "qtyWithWhcode" in answer["msg"]
    body = gw.body("afterSale.listAfterSaleInfos", {"pageNo": 1, "pageSize": 10})
    body["sign"] = "f" * 32
    assert error_code(gw.post(body).json()) == -9001001


def test_the_body_must_be_json_with_a_json_content_type(red: SandboxHandle, gw: Gateway) -> None:
    body = gw.body("common.getExpressCompanyList", {})
    form = requests.post(red.base_url + GATEWAY, data=body, timeout=5).json()
    assert error_code(form) == -1000400
    text = requests.post(
        red.base_url + GATEWAY,
        data=json.dumps(body),
        headers={"Content-Type": "text/plain"},
        timeout=5,
    ).json()
    assert error_code(text) == -1000400
    not_json = requests.post(red.base_url + GATEWAY, data=b"{nope", headers=JSON_UTF8, timeout=5)
    assert error_code(not_json.json()) == -1000400
    assert gw.post(body, headers={"Content-Type": "application/json"}).json()["success"]
    seen = red.state()["content_types"]
    assert seen["application/json;charset=utf-8"] >= 1 and seen["text/plain"] == 1


def test_an_authorization_code_gives_tokens_with_the_documented_lifetimes(
    red: SandboxHandle,
) -> None:
    gateway = Gateway(red.base_url, red.app_id, red.app_secret)
    code = red.authorization_code()
    before = int(time.time() * 1000)
    tokens = gateway.data("oauth.getAccessToken", code=code)
    assert set(tokens) == {
        "accessToken",
        "accessTokenExpiresAt",
        "refreshToken",
        "refreshTokenExpiresAt",
        "sellerId",
        "sellerName",
    }
    assert tokens["accessTokenExpiresAt"] - before == pytest.approx(7 * DAY_S * 1000, abs=5000)
    assert tokens["refreshTokenExpiresAt"] - before == pytest.approx(14 * DAY_S * 1000, abs=5000)
    # "短时间内多次使用code换取accessToken是一样的": the same code again, the same tokens.
    assert gateway.data("oauth.getAccessToken", code=code) == tokens
    red.advance_clock(11 * 60)  # a code lives 10 minutes
    assert error_code(gateway.call("oauth.getAccessToken", code=code)) == -9001006
    assert error_code(gateway.call("oauth.getAccessToken", code="code-unknown")) == -9001006


def test_a_new_authorisation_invalidates_every_earlier_token(red: SandboxHandle) -> None:
    first = connected(red)
    second = connected(red)
    assert error_code(first.call("common.getExpressCompanyList")) == -9001004
    assert second.data("common.getExpressCompanyList")
    assert error_code(first.call("oauth.refreshToken", refreshToken=first.refresh_token)) == (
        -9001007
    )
    assert second.data("oauth.refreshToken", refreshToken=second.refresh_token)


def test_refresh_rules_same_tokens_above_30_minutes_then_new_ones_with_a_grace(
    red: SandboxHandle,
) -> None:
    gateway = Gateway(red.base_url, red.app_id, red.app_secret)
    tokens = gateway.data("oauth.getAccessToken", code=red.authorization_code())
    assert gateway.data("oauth.refreshToken", refreshToken=tokens["refreshToken"]) == tokens
    red.advance_clock(7 * DAY_S - 20 * 60)  # 20 minutes of the access token left
    fresh = gateway.data("oauth.refreshToken", refreshToken=tokens["refreshToken"])
    assert fresh["accessToken"] != tokens["accessToken"]
    assert fresh["refreshToken"] != tokens["refreshToken"]
    old = Gateway(red.base_url, red.app_id, red.app_secret, tokens["accessToken"])
    assert old.data("common.getExpressCompanyList")  # 5 minutes of grace
    red.advance_clock(6 * 60)
    assert error_code(old.call("common.getExpressCompanyList")) == -9001004
    assert error_code(gateway.call("oauth.refreshToken", refreshToken=tokens["refreshToken"])) == (
        -9001007
    )
    new = Gateway(red.base_url, red.app_id, red.app_secret, fresh["accessToken"])
    assert new.data("common.getExpressCompanyList")
    red.advance_clock(7 * DAY_S + 60)  # the access token expired: refresh gives new ones
    assert error_code(new.call("common.getExpressCompanyList")) == -9001004
    again = gateway.data("oauth.refreshToken", refreshToken=fresh["refreshToken"])
    assert again["accessToken"] != fresh["accessToken"]
    red.advance_clock(15 * DAY_S)  # the refresh token expired too: re-authorise
    assert error_code(gateway.call("oauth.refreshToken", refreshToken=again["refreshToken"])) == (
        -9001007
    )


def test_the_approval_page_redirects_with_a_code_and_the_state(red: SandboxHandle) -> None:
    answer = requests.get(
        red.base_url + "/ark/authorization",
        params={"appId": red.app_id, "redirectUri": "http://127.0.0.1:9/back", "state": "s1"},
        allow_redirects=False,
        timeout=5,
    )
    assert answer.status_code == 302
    location = answer.headers["Location"]
    assert location.startswith("http://127.0.0.1:9/back?code=") and location.endswith("state=s1")
    refused = requests.get(red.base_url + "/ark/authorization", params={"appId": "x"}, timeout=5)
    assert refused.status_code == 400


def test_demo_credentials_are_stable_per_seed() -> None:
    assert demo_credentials(1) == demo_credentials(1) != demo_credentials(2)
    assert len(demo_credentials(1)[0]) == 20


def test_faults_5xx_rate_limit_malformed_hostile(red: SandboxHandle, gw: Gateway) -> None:
    red.set_faults(http_5xx=1.0)
    answer = gw.post(gw.body("common.getExpressCompanyList", {}))
    assert answer.status_code == 503 and "html" in answer.headers["Content-Type"]
    red.set_faults(rate_limit=1.0, methods=["inventory.getSkuStockV2"])
    assert error_code(gw.call("inventory.getSkuStockV2", skuId="x")) == -9013
    assert gw.data("common.getExpressCompanyList")  # only for the named method
    red.set_faults(rate_limit=1.0)
    limited = gw.call("common.getExpressCompanyList")
    assert error_code(limited) == -9013 and "error_msg" in limited
    red.set_faults(malformed=1.0)
    with pytest.raises(ValueError):
        gw.post(gw.body("common.getExpressCompanyList", {})).json()
    red.set_faults(hostile=1.0)
    hostile = gw.call("product.getDetailSkuList")
    assert hostile["success"] is True and not isinstance(hostile["data"]["data"], list)
    red.clear_faults()
    assert red.state()["faults"]["rates"] == {}


def test_reset_drops_the_call_and_lost_applies_it_first(red: SandboxHandle, gw: Gateway) -> None:
    sku = next(iter(red.state(red.warehouse_code)["stock"]))
    red.set_faults(reset=1.0)
    with pytest.raises(requests.ConnectionError):
        gw.post(
            gw.body(
                "inventory.syncSkuStockV2", {"skuId": sku, "qtyWithWhcode": {red.warehouse_code: 7}}
            )
        )
    assert red.state()["stock"][sku][red.warehouse_code] != 7
    red.set_faults(lost=1.0)
    with pytest.raises(requests.ConnectionError):
        gw.post(
            gw.body(
                "inventory.syncSkuStockV2", {"skuId": sku, "qtyWithWhcode": {red.warehouse_code: 7}}
            )
        )
    assert red.state()["stock"][sku][red.warehouse_code] == 7


def test_latency_delays_answers(red: SandboxHandle, gw: Gateway) -> None:
    red.set_faults(latency=1.0, latency_ms=150)
    started = time.perf_counter()
    gw.data("common.getExpressCompanyList")
    assert time.perf_counter() - started >= 0.15


def test_enforced_limits_refuse_bursts_with_minus_9013(red: SandboxHandle, gw: Gateway) -> None:
    limits = red.enforce_limits(RequestLimits(per_app=100, per_method=3, clock=lambda: 0.0))
    codes = [gw.call("common.getExpressCompanyList").get("error_code") for _ in range(5)]
    assert codes[:3] == [0, 0, 0] and codes[3:] == [-9013, -9013]
    assert limits.refused == 2 and red.state()["rate_limited"] == 2


def test_fault_options_parse_and_control_endpoint(red: SandboxHandle) -> None:
    assert parse_fault_option("http-5xx=0.25") == ("http_5xx", 0.25)
    assert parse_fault_option("lost") == ("lost", 1.0)
    with pytest.raises(ValueError):
        parse_fault_option("meteor")
    assert set(FAULTS) >= {"latency", "http_5xx", "rate_limit", "malformed", "hostile", "lost"}
    answer = requests.post(
        red.base_url + "/_sandbox/faults",
        json={"rates": {"http_5xx": 0.5}, "latency_ms": 5},
        timeout=5,
    ).json()
    assert answer == {"rates": {"http_5xx": 0.5}, "latency_ms": 5, "methods": None}
    bad = requests.post(red.base_url + "/_sandbox/faults", json={"rates": {"x": 1}}, timeout=5)
    assert bad.status_code == 400


def test_calls_are_counted_and_the_clock_moves(red: SandboxHandle, gw: Gateway) -> None:
    gw.data("common.getExpressCompanyList")
    state = requests.get(red.base_url + "/_sandbox/state", timeout=5).json()
    assert state["calls"]["common.getExpressCompanyList"] == 1
    assert state["calls"]["oauth.getAccessToken"] == 1
    before = state["now_ms"]
    moved = requests.post(red.base_url + "/_sandbox/clock", json={"advance_s": 3600}, timeout=5)
    assert moved.json()["now_ms"] - before >= 3600 * 1000
    code = requests.get(red.base_url + "/_sandbox/code", timeout=5).json()["code"]
    assert code.startswith("code-")


def test_the_state_file_keeps_the_shop_tokens_and_clock(tmp_path: Path) -> None:
    path = str(tmp_path / "red.sqlite")
    first = start_sandbox(port=0, seed=3, skus=10, state_path=path)
    try:
        gateway = connected(first)
        order_id = first.generate_orders(1)[0]
        first.advance_clock(3600)
        skus = first.state()["stock"]
    finally:
        first.stop()
    second = start_sandbox(port=0, seed=3, skus=10, state_path=path)
    try:
        gateway.base_url = second.base_url
        detail = gateway.data("order.getOrderDetail", orderId=order_id)
        assert detail["orderId"] == order_id
        assert second.state()["stock"] == skus  # not seeded twice
        assert second.state()["now_ms"] - int(time.time() * 1000) >= 3600 * 1000 - 5000
    finally:
        second.stop()


def test_a_gateway_get_is_refused_and_unknown_paths_404(red: SandboxHandle) -> None:
    assert requests.get(red.base_url + GATEWAY, timeout=5).status_code == 405
    assert requests.get(red.base_url + "/nowhere", timeout=5).status_code == 404
    assert requests.post(red.base_url + "/nowhere", json={}, timeout=5).status_code == 404


def test_it_listens_on_loopback_only_by_default(red: SandboxHandle) -> None:
    host = red.base_url.split("//")[1].split(":")[0]
    assert host == "127.0.0.1"
    with socket.create_connection((host, int(red.base_url.rsplit(":", 1)[1])), timeout=2):
        pass


def test_the_module_runs_a_sandbox_and_refuses_a_bad_warehouse_code() -> None:
    import subprocess
    import sys

    bad = subprocess.run(
        [sys.executable, "-m", "sync.red_sandbox", "--warehouse", "RH-SH-001", "--port", "0"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert bad.returncode == 2 and "RH-SH-001" in bad.stderr
    process = subprocess.Popen(
        [sys.executable, "-m", "sync.red_sandbox", "--port", "0", "--skus", "5"],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert process.stdout is not None
        lines = [process.stdout.readline() for _ in range(6)]
        base_url = next(line.split("= ")[1].strip() for line in lines if "base_url" in line)
        assert requests.get(base_url + "/_sandbox/state", timeout=5).json()["warehouses"] == [
            "RED_CENTRAL",
            "RH_SH_001",
        ]
    finally:
        process.terminate()
        process.wait(timeout=10)
