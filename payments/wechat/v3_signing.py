"""WeChat Pay APIv3 request signing and answer verification, as the merchant docs describe.

Request: SHA256-with-RSA (the merchant API private key) over five lines, each ending in
``\\n``: method, path with query, timestamp, nonce, body; sent as
``Authorization: WECHATPAY2-SHA256-RSA2048 mchid="…",nonce_str="…",signature="…",
timestamp="…",serial_no="…"``.

Answer: ``Wechatpay-Signature`` over ``timestamp\\nnonce\\nbody\\n`` with the WeChat Pay
platform key named by ``Wechatpay-Serial`` (a WeChat Pay public key id or a platform
certificate serial). An answer is believed only when the serial is the one configured, the
signature verifies, and the timestamp is within five minutes of our clock (the docs' advice
against replayed answers).
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass

from cryptography.hazmat.primitives.asymmetric import rsa

from payments import rsa_sha256
from payments.http import HttpAnswer
from redhome_pos.domain.payments import Reason

SCHEMA = "WECHATPAY2-SHA256-RSA2048"
MAX_ANSWER_SKEW_S = 300


def request_message(method: str, path_and_query: str, timestamp: int, nonce: str, body: str) -> str:
    return f"{method}\n{path_and_query}\n{timestamp}\n{nonce}\n{body}\n"


def new_nonce() -> str:
    return secrets.token_hex(16).upper()


@dataclass(frozen=True, slots=True)
class MerchantSigner:
    """Signs requests for one merchant (direct merchant or service provider) key."""

    mchid: str
    serial_no: str
    private_key: rsa.RSAPrivateKey

    def __repr__(self) -> str:
        return f"MerchantSigner(mchid={self.mchid!r}, serial_no={self.serial_no!r})"

    def authorization(
        self, method: str, path_and_query: str, body: str, timestamp: int, nonce: str
    ) -> str:
        message = request_message(method, path_and_query, timestamp, nonce, body)
        signature = rsa_sha256.sign(self.private_key, message.encode("utf-8"))
        return (
            f'{SCHEMA} mchid="{self.mchid}",nonce_str="{nonce}",signature="{signature}",'
            f'timestamp="{timestamp}",serial_no="{self.serial_no}"'
        )


@dataclass(frozen=True, slots=True)
class PlatformVerifier:
    """Checks answers against the WeChat Pay platform key configured for the merchant."""

    key_id: str  # the WeChat Pay public key id (PUB_KEY_ID_…) or platform certificate serial
    public_key: rsa.RSAPublicKey

    def problem(self, answer: HttpAnswer, now: float) -> tuple[Reason, str] | None:
        """None when ``answer`` is signed by the platform key; else the reason it is not."""
        signature = answer.header("Wechatpay-Signature")
        timestamp = answer.header("Wechatpay-Timestamp")
        nonce = answer.header("Wechatpay-Nonce")
        serial = answer.header("Wechatpay-Serial")
        if not (signature and timestamp and nonce and serial):
            return Reason.UNSIGNED, "the answer carries no Wechatpay-Signature headers"
        kind = answer.header("Wechatpay-Signature-Type")
        if kind and kind != SCHEMA:
            return Reason.BAD_SIGNATURE, f"unknown signature type {kind}"
        if serial.upper() != self.key_id.upper():
            return Reason.BAD_SIGNATURE, f"signed with another key ({serial})"
        if not timestamp.isdigit():
            return Reason.BAD_SIGNATURE, "the answer's timestamp is not a number"
        message = f"{timestamp}\n{nonce}\n".encode() + answer.body + b"\n"
        if not rsa_sha256.verify(self.public_key, message, signature):
            return Reason.BAD_SIGNATURE, "the signature does not match the answer"
        if abs(now - int(timestamp)) > MAX_ANSWER_SKEW_S:
            return Reason.STALE_ANSWER, "the answer's timestamp is more than 5 minutes off"
        return None
