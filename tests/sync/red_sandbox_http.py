"""Raw calls to the RED sandbox's gateway, written from the platform's documents alone.

``开发文档/039_签名算法.md``: ``sign`` is the lower-case MD5 of
``{method}?appId={appId}&timestamp={timestamp}&version={version}`` followed by the app secret;
``040_系统参数说明.md``: the system fields go in the JSON body next to the method's own, with
``Content-Type: application/json;charset=utf-8``, ``timestamp`` in Unix seconds, ``version`` 2.0.
Nothing here comes from the connector or from the sandbox's own code.
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import pytest
import requests

from sync.red_sandbox import SandboxHandle, start_sandbox

GATEWAY = "/ark/open_api/v3/common_controller"
JSON_UTF8 = {"Content-Type": "application/json;charset=utf-8"}


def md5_sign(method: str, app_id: str, timestamp: str, version: str, secret: str) -> str:
    text = f"{method}?appId={app_id}&timestamp={timestamp}&version={version}{secret}"
    return hashlib.md5(text.encode("utf-8")).hexdigest()


@dataclass
class Gateway:
    base_url: str
    app_id: str
    secret: str
    access_token: str = ""
    refresh_token: str = ""
    session: requests.Session = field(default_factory=requests.Session)

    def body(
        self, method: str, fields: dict[str, Any], *, timestamp: str | None = None
    ) -> dict[str, Any]:
        stamp = timestamp or str(int(time.time()))
        body: dict[str, Any] = {
            "appId": self.app_id,
            "timestamp": stamp,
            "version": "2.0",
            "method": method,
            "sign": md5_sign(method, self.app_id, stamp, "2.0", self.secret),
        }
        if self.access_token and not method.startswith("oauth."):
            body["accessToken"] = self.access_token
        body.update(fields)
        return body

    def post(self, body: Any, headers: dict[str, str] | None = None) -> requests.Response:
        return self.session.post(
            self.base_url + GATEWAY, json=body, headers=headers or JSON_UTF8, timeout=10
        )

    def call(self, method: str, **fields: Any) -> dict[str, Any]:
        """The whole answer (envelope included) of a signed call."""
        response = self.post(self.body(method, fields))
        assert response.status_code == 200, response.text
        answer: dict[str, Any] = response.json()
        return answer

    def data(self, method: str, **fields: Any) -> Any:
        """The ``data`` of a call that must succeed at the envelope level."""
        answer = self.call(method, **fields)
        assert answer["success"] is True, answer
        return answer["data"]


def error_code(answer: dict[str, Any]) -> int:
    """The refusal's code in either documented envelope shape."""
    assert answer["success"] is False, answer
    assert answer["data"] is None
    if "error_code" in answer:
        assert set(answer) == {"success", "error_code", "error_msg", "data"}
        return int(answer["error_code"])
    assert set(answer) == {"success", "code", "msg", "data"}
    return int(answer["code"])


def connected(handle: SandboxHandle) -> Gateway:
    """A gateway client holding an access token from a fresh authorization code."""
    gateway = Gateway(handle.base_url, handle.app_id, handle.app_secret)
    tokens = gateway.data("oauth.getAccessToken", code=handle.authorization_code())
    gateway.access_token = tokens["accessToken"]
    gateway.refresh_token = tokens["refreshToken"]
    return gateway


@pytest.fixture
def red() -> Iterator[SandboxHandle]:
    """A fresh independent RED sandbox: 60 demo SKUs, seed 1, the store's warehouse created."""
    handle = start_sandbox(port=0, seed=1, skus=60)
    try:
        yield handle
    finally:
        handle.stop()


@pytest.fixture
def gw(red: SandboxHandle) -> Iterator[Gateway]:
    gateway = connected(red)
    try:
        yield gateway
    finally:
        gateway.session.close()


@pytest.fixture
def plain() -> Iterator[tuple[SandboxHandle, Gateway]]:
    """A shop that has not created the store's warehouse: its SKUs on the default CPartner."""
    handle = start_sandbox(port=0, seed=2, skus=20, create_store_warehouse=False)
    gateway = connected(handle)
    try:
        yield handle, gateway
    finally:
        gateway.session.close()
        handle.stop()
