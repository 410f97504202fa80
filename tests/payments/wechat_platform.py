"""A stand-in WeChat Pay platform key for adapter tests: signs recorded answers the way the
APIv3 docs describe (``timestamp\\nnonce\\nbody\\n``, SHA256 with RSA, base64), using
``cryptography`` directly rather than the adapter's own signing code."""

from __future__ import annotations

import base64
import functools
import json
import time
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import padding, rsa
from scripted_server import Answer

VECTORS = Path(__file__).parent / "vectors"
MERCHANT_KEY_FILE = VECTORS / "wechatpay_doc_test_key.pem"  # the docs' published test key
PLATFORM_KEY_ID = "PUB_KEY_ID_0112345678902024111800000000000001"


@functools.cache
def platform_key() -> rsa.RSAPrivateKey:
    return rsa.generate_private_key(public_exponent=65537, key_size=2048)


def merchant_public_key() -> rsa.RSAPublicKey:
    key = serialization.load_pem_private_key(MERCHANT_KEY_FILE.read_bytes(), password=None)
    assert isinstance(key, rsa.RSAPrivateKey)
    return key.public_key()


def write_platform_public_key(folder: Path) -> Path:
    path = folder / "wechatpay_public_key.pem"
    path.write_bytes(
        platform_key()
        .public_key()
        .public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
    )
    return path


def sign(message: bytes, key: rsa.RSAPrivateKey | None = None) -> str:
    signer = key or platform_key()
    return base64.b64encode(signer.sign(message, padding.PKCS1v15(), hashes.SHA256())).decode()


def signed(
    status: int,
    payload: dict[str, Any] | str | bytes,
    *,
    timestamp: int | None = None,
    serial: str = PLATFORM_KEY_ID,
    tamper: bool = False,
    **answer_options: Any,
) -> Answer:
    """An answer signed with the platform key (``tamper`` changes the body after signing)."""
    if isinstance(payload, dict):
        body = json.dumps(payload, ensure_ascii=False).encode()
    elif isinstance(payload, str):
        body = payload.encode()
    else:
        body = payload
    stamp = str(timestamp if timestamp is not None else int(time.time()))
    nonce = "5K8264ILTKCH16CQ2502SI8ZNMTM67VS"
    signature = sign(f"{stamp}\n{nonce}\n".encode() + body + b"\n")
    if tamper:
        body = body.replace(b"1999", b"1", 1) if b"1999" in body else body + b" "
    headers = {
        "Content-Type": "application/json",
        "Wechatpay-Timestamp": stamp,
        "Wechatpay-Nonce": nonce,
        "Wechatpay-Signature": signature,
        "Wechatpay-Serial": serial,
        "Wechatpay-Signature-Type": "WECHATPAY2-SHA256-RSA2048",
        "Request-ID": "08F78BB5AF0610D302",
    }
    answer = Answer(status=status, body=body, headers=headers, **answer_options)
    if timestamp is None:  # signed now: signed again, with the time then, when queued
        answer.fresh = lambda: signed(
            status,
            payload,
            timestamp=int(time.time()),
            serial=serial,
            tamper=tamper,
            **answer_options,
        )
    return answer
