"""A minimal client for the payments sandbox, written in the tests from the providers' docs.

It deliberately shares nothing with the sandbox (nor with the program's adapters): it signs
requests and checks answers the way WeChat Pay's and Alipay's documents describe, with
``requests`` and ``cryptography`` only, so a sandbox that drifted from the documents fails.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import secrets
import time
import xml.etree.ElementTree as ElementTree
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import requests
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import padding, rsa

from payments.sandbox import PaymentsSandboxHandle, start_payments_sandbox

CHINA = timezone(timedelta(hours=8))


@contextmanager
def running_sandbox(**options: Any) -> Iterator[PaymentsSandboxHandle]:
    handle = start_payments_sandbox(**options)
    try:
        yield handle
    finally:
        handle.stop()


def private_key(path: Path) -> rsa.RSAPrivateKey:
    key = serialization.load_pem_private_key(path.read_bytes(), password=None)
    assert isinstance(key, rsa.RSAPrivateKey)
    return key


def public_key(path: Path) -> rsa.RSAPublicKey:
    key = serialization.load_pem_public_key(path.read_bytes())
    assert isinstance(key, rsa.RSAPublicKey)
    return key


def sha256_rsa(key: rsa.RSAPrivateKey, message: bytes) -> str:
    return base64.b64encode(key.sign(message, padding.PKCS1v15(), hashes.SHA256())).decode()


def sha256_rsa_ok(key: rsa.RSAPublicKey, message: bytes, signature: str) -> bool:
    try:
        key.verify(base64.b64decode(signature), message, padding.PKCS1v15(), hashes.SHA256())
    except (InvalidSignature, ValueError):
        return False
    return True


# --- WeChat Pay APIv3 ----------------------------------------------------------------------------


class WechatV3:
    """Signs as a merchant: Authorization over METHOD\\nURL\\ntimestamp\\nnonce\\nbody\\n."""

    def __init__(self, handle: PaymentsSandboxHandle, mchid: str | None = None) -> None:
        self.base = handle.wechat_base_url
        self.mchid = mchid or handle.wechat.mchid
        self.serial = handle.wechat.merchant_serial
        self.key = private_key(handle.key_dir / "merchant_private.pem")
        self.platform = public_key(handle.key_dir / "wechatpay_platform_public.pem")
        self.platform_id = handle.wechat.platform_public_key_id
        self.offset = 0.0  # follows the sandbox's clock when a test moves it

    def advance(self, handle: PaymentsSandboxHandle, seconds: float) -> None:
        handle.advance_clock(seconds)
        self.offset += seconds

    def authorization(
        self, method: str, target: str, body: bytes, *, timestamp: int | None = None
    ) -> str:
        stamp = str(int(time.time() + self.offset) if timestamp is None else timestamp)
        nonce = secrets.token_hex(16)
        message = f"{method}\n{target}\n{stamp}\n{nonce}\n".encode() + body + b"\n"
        return (
            f'WECHATPAY2-SHA256-RSA2048 mchid="{self.mchid}",nonce_str="{nonce}",'
            f'signature="{sha256_rsa(self.key, message)}",timestamp="{stamp}",'
            f'serial_no="{self.serial}"'
        )

    def call(
        self, method: str, target: str, payload: dict[str, Any] | None = None, *,
        timestamp: int | None = None, authorization: str | None = None,
        body_after_signing: bytes | None = None, timeout: float = 10,
    ) -> requests.Response:  # fmt: skip
        body = b"" if payload is None else json.dumps(payload, ensure_ascii=False).encode()
        header = authorization
        if header is None:
            header = self.authorization(method, target, body, timestamp=timestamp)
        headers = {"Accept": "application/json", "Authorization": header}
        if payload is not None:
            headers["Content-Type"] = "application/json"
        sent = body if body_after_signing is None else body_after_signing
        return requests.request(method, self.base + target, data=sent, headers=headers,
                                timeout=timeout)  # fmt: skip

    def answer_ok(self, response: requests.Response, body: bytes | None = None) -> bool:
        """The answer's Wechatpay-Signature over timestamp\\nnonce\\nbody\\n, platform key."""
        headers = response.headers
        if headers.get("Wechatpay-Serial") != self.platform_id:
            return False
        content = response.content if body is None else body
        message = (
            (
                f"{headers.get('Wechatpay-Timestamp', '')}\n{headers.get('Wechatpay-Nonce', '')}\n"
            ).encode()
            + content
            + b"\n"
        )
        return sha256_rsa_ok(self.platform, message, headers.get("Wechatpay-Signature", ""))

    def codepay_body(
        self, appid: str, out_trade_no: str, code: str, total: int = 100
    ) -> dict[str, Any]:
        return {
            "appid": appid, "mchid": self.mchid, "description": "REDHOME 上海静安店 消费",
            "out_trade_no": out_trade_no, "payer": {"auth_code": code},
            "amount": {"total": total, "currency": "CNY"},
            "scene_info": {"device_id": "POS-01", "store_info": {"out_id": "SH-001"}},
        }  # fmt: skip


# --- WeChat Pay APIv2 ----------------------------------------------------------------------------


def v2_sign(fields: dict[str, str], key: str, sign_type: str = "MD5") -> str:
    """The APIv2 signature: sorted non-empty k=v joined by &, then &key=KEY; MD5 or HMAC."""
    text = "&".join(f"{k}={fields[k]}" for k in sorted(fields) if k != "sign" and fields[k])
    text += "&key=" + key
    if sign_type == "HMAC-SHA256":
        return hmac.new(key.encode(), text.encode(), hashlib.sha256).hexdigest().upper()
    return hashlib.md5(text.encode()).hexdigest().upper()


def v2_call(
    handle: PaymentsSandboxHandle, path: str, fields: dict[str, str], *,
    sign_type: str = "MD5", key: str | None = None, timeout: float = 10,
) -> tuple[requests.Response, dict[str, str]]:  # fmt: skip
    key = key or handle.wechat.api_v2_key
    fields = dict(fields, nonce_str=secrets.token_hex(8))
    if sign_type != "MD5":
        fields["sign_type"] = sign_type
    fields["sign"] = v2_sign(fields, key, sign_type)
    xml = "<xml>" + "".join(f"<{k}><![CDATA[{v}]]></{k}>" for k, v in fields.items()) + "</xml>"
    response = requests.post(handle.wechat_base_url + path, data=xml.encode(), timeout=timeout)
    parsed: dict[str, str] = {}
    if response.content.startswith(b"<xml>"):
        root = ElementTree.fromstring(response.content)
        parsed = {child.tag: child.text or "" for child in root}
    return response, parsed


# --- Alipay --------------------------------------------------------------------------------------


class Alipay:
    """Signs as the app: RSA2 over the sorted k=v of all non-empty params except sign."""

    def __init__(self, handle: PaymentsSandboxHandle) -> None:
        self.gateway = handle.alipay_gateway_url
        self.app_id = handle.alipay.app_id
        self.key = private_key(handle.key_dir / "app_private.pem")
        self.alipay_key = public_key(handle.key_dir / "alipay_public.pem")

    def params(
        self, method: str, biz: dict[str, Any], *, timestamp: datetime | None = None,
        charset: str = "utf-8",
    ) -> dict[str, str]:  # fmt: skip
        when = timestamp or datetime.now(CHINA)
        params = {
            "app_id": self.app_id, "method": method, "format": "JSON", "charset": charset,
            "sign_type": "RSA2", "timestamp": when.strftime("%Y-%m-%d %H:%M:%S"),
            "version": "1.0", "biz_content": json.dumps(biz, ensure_ascii=False),
        }  # fmt: skip
        content = "&".join(f"{k}={params[k]}" for k in sorted(params) if params[k])
        params["sign"] = sha256_rsa(self.key, content.encode(charset))
        return params

    def call(
        self, method: str, biz: dict[str, Any], *, timestamp: datetime | None = None,
        tamper: dict[str, str] | None = None, charset: str = "utf-8", timeout: float = 10,
    ) -> requests.Response:  # fmt: skip
        params = self.params(method, biz, timestamp=timestamp, charset=charset)
        params.update(tamper or {})
        body = "&".join(
            f"{k}={requests.utils.quote(v.encode(charset), safe='')}" for k, v in params.items()
        )
        headers = {"Content-Type": f"application/x-www-form-urlencoded;charset={charset}"}
        return requests.post(self.gateway, data=body.encode("ascii"), headers=headers,
                             timeout=timeout)  # fmt: skip

    def answer(
        self, response: requests.Response, method: str, charset: str = "utf-8"
    ) -> tuple[dict[str, Any], bool]:
        """The response member and whether its sign verifies over the member's raw JSON."""
        text = response.content.decode(charset)
        name = method.replace(".", "_") + "_response"
        start = text.index(f'"{name}":') + len(name) + 3
        _, end = json.JSONDecoder().raw_decode(text, start)
        raw = text[start:end]
        sign = json.loads(text)["sign"]
        return json.loads(raw), sha256_rsa_ok(self.alipay_key, raw.encode(charset), sign)


def control(handle: PaymentsSandboxHandle, path: str, payload: dict[str, Any]) -> Any:
    response = requests.post(handle.base_url + path, json=payload, timeout=10)
    assert response.status_code == 200, response.text
    return response.json()


def state(handle: PaymentsSandboxHandle) -> dict[str, Any]:
    return requests.get(handle.base_url + "/_sandbox/state", timeout=10).json()


def path_of(url: str) -> str:
    parts = urlsplit(url)
    return parts.path + ("?" + parts.query if parts.query else "")
