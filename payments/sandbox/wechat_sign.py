"""WeChat Pay APIv3 signatures as the sandbox checks and makes them.

Requests: ``Authorization: WECHATPAY2-SHA256-RSA2048 mchid="…",nonce_str="…",signature="…",
timestamp="…",serial_no="…"``; the signature is SHA256-with-RSA by the merchant's private key
over ``METHOD\\nURL\\ntimestamp\\nnonce\\nbody\\n`` (URL = path and query as sent). Unsigned or
wrongly signed requests get ``401 SIGN_ERROR``; a timestamp more than 5 minutes from the
provider's clock too.

Answers carry ``Wechatpay-Timestamp``, ``-Nonce``, ``-Signature`` and ``-Serial`` (here the
WeChat Pay public key id); the signature covers ``timestamp\\nnonce\\nbody\\n``.
"""

from __future__ import annotations

import re
import secrets
from dataclasses import dataclass

from payments.sandbox.keys import PrivateKey, PublicKey, rsa_sign, rsa_verify

SCHEME = "WECHATPAY2-SHA256-RSA2048"
_PARAM = re.compile(r'\s*([a-z_]+)="([^"]*)"\s*')


@dataclass(frozen=True)
class Authorization:
    mchid: str
    nonce_str: str
    signature: str
    timestamp: str
    serial_no: str


class AuthError(Exception):
    """Why a request's Authorization was refused (the message goes in the 401 body)."""


def parse_authorization(header: str) -> Authorization:
    if not header:
        raise AuthError("Http头缺少Authorization或格式不正确")
    scheme, _, rest = header.strip().partition(" ")
    if scheme != SCHEME:
        raise AuthError(f"Authorization认证类型不正确，应为{SCHEME}")
    params: dict[str, str] = {}
    for part in rest.split(","):
        match = _PARAM.fullmatch(part)
        if match is None:
            raise AuthError("Authorization格式不正确")
        params[match.group(1)] = match.group(2)
    missing = [
        name for name in ("mchid", "nonce_str", "signature", "timestamp", "serial_no")
        if not params.get(name)
    ]  # fmt: skip
    if missing:
        raise AuthError(f"Authorization缺少参数{','.join(missing)}")
    return Authorization(
        params["mchid"], params["nonce_str"], params["signature"], params["timestamp"],
        params["serial_no"],
    )  # fmt: skip


def request_message(method: str, target: str, timestamp: str, nonce: str, body: bytes) -> bytes:
    head = f"{method}\n{target}\n{timestamp}\n{nonce}\n".encode()
    return head + body + b"\n"


def check_request(
    header: str, method: str, target: str, body: bytes, *, merchant_key: PublicKey,
    merchant_serial: str, known_mchids: set[str], now: float, tolerance_s: float,
) -> Authorization:  # fmt: skip
    auth = parse_authorization(header)
    if auth.mchid not in known_mchids:
        raise AuthError("商户号mchid与Authorization中的商户号不匹配或不存在")
    if auth.serial_no.upper() != merchant_serial.upper():
        raise AuthError("商户证书序列号有误。请使用签名私钥匹配的证书序列号")
    try:
        timestamp = int(auth.timestamp)
    except ValueError:
        raise AuthError("Http头Authorization中的timestamp格式不正确") from None
    if abs(now - timestamp) > tolerance_s:
        raise AuthError("Http头Authorization中的timestamp与发起请求的时间不得超过5分钟")
    message = request_message(method, target, auth.timestamp, auth.nonce_str, body)
    if not rsa_verify(merchant_key, message, auth.signature):
        raise AuthError("错误的签名，验签失败")
    return auth


def answer_headers(key: PrivateKey, serial: str, body: bytes, now: float) -> dict[str, str]:
    timestamp = str(int(now))
    nonce = secrets.token_hex(16).upper()
    message = f"{timestamp}\n{nonce}\n".encode() + body + b"\n"
    return {
        "Wechatpay-Timestamp": timestamp,
        "Wechatpay-Nonce": nonce,
        "Wechatpay-Signature": rsa_sign(key, message),
        "Wechatpay-Serial": serial,
        "Wechatpay-Signature-Type": SCHEME,
        "Request-ID": secrets.token_hex(16),
    }
