"""A stand-in Alipay key pair for adapter tests: answers are signed the way Alipay's docs
describe (RSA2 over the raw ``…_response`` member), with ``cryptography`` directly."""

from __future__ import annotations

import base64
import functools
import json
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl

from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import padding, rsa
from scripted_server import Answer


@functools.cache
def alipay_key() -> rsa.RSAPrivateKey:
    return rsa.generate_private_key(public_exponent=65537, key_size=2048)


@functools.cache
def app_key() -> rsa.RSAPrivateKey:
    return rsa.generate_private_key(public_exponent=65537, key_size=2048)


def write_keys(folder: Path) -> tuple[Path, Path]:
    """The app private key (PKCS#1 PEM, mode 0600) and the Alipay public key as bare base64,
    the forms Alipay's key tool and console hand out."""
    private = folder / "app_private_key.pem"
    private.write_bytes(
        app_key().private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.TraditionalOpenSSL,
            serialization.NoEncryption(),
        )
    )
    private.chmod(0o600)
    public = folder / "alipay_public_key.txt"
    der = (
        alipay_key()
        .public_key()
        .public_bytes(serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo)
    )
    public.write_text(base64.b64encode(der).decode())
    return private, public


def rsa2(message: bytes, key: rsa.RSAPrivateKey) -> str:
    return base64.b64encode(key.sign(message, padding.PKCS1v15(), hashes.SHA256())).decode()


def answer(
    method: str,
    member: dict[str, Any],
    *,
    sign: bool = True,
    tamper: bool = False,
    key: rsa.RSAPrivateKey | None = None,
    **options: Any,
) -> Answer:
    name = method.replace(".", "_") + "_response"
    text = json.dumps(member, ensure_ascii=False)
    body = '{"' + name + '":' + text
    if sign:
        signature = rsa2(text.encode(), key or alipay_key())
        if tamper:
            text = text.replace("19.99", "0.01") if "19.99" in text else text + " "
            body = '{"' + name + '":' + text
        body += ',"sign":"' + signature + '"'
    body += "}"
    return Answer(200, body.encode(), {"Content-Type": "text/html;charset=utf-8"}, **options)


def sent_params(body: bytes) -> dict[str, str]:
    return dict(parse_qsl(body.decode("ascii"), keep_blank_values=True))


def request_is_signed_by_app(params: dict[str, str]) -> bool:
    content = "&".join(f"{k}={params[k]}" for k in sorted(params) if k != "sign" and params[k])
    try:
        app_key().public_key().verify(
            base64.b64decode(params["sign"]), content.encode(), padding.PKCS1v15(), hashes.SHA256()
        )
    except Exception:
        return False
    return True
