"""Alipay open-platform RSA2 signing and answer verification, as Alipay's docs describe.

Request: every parameter except ``sign`` whose value is not empty, sorted by name, written
``name=value`` and joined with ``&`` (values as they are, not URL-encoded); signed with SHA256
with RSA (the app private key); base64.

Answer: ``{"<method>_response": {…}, "sign": "…"}`` — the signature covers the raw text of the
``…_response`` member exactly as it came over the wire, so that member is cut out of the
answer text, never re-serialised from parsed JSON.
"""

from __future__ import annotations

import json
from collections.abc import Mapping

from cryptography.hazmat.primitives.asymmetric import rsa

from payments import rsa_sha256

_DECODER = json.JSONDecoder()
_SPACE = " \t\r\n"


def sign_content(params: Mapping[str, str]) -> str:
    """The string Alipay signs: sorted ``name=value`` pairs, no ``sign``, no empty values."""
    return "&".join(
        f"{name}={params[name]}" for name in sorted(params) if name != "sign" and params[name]
    )


def sign(private_key: rsa.RSAPrivateKey, params: Mapping[str, str]) -> str:
    return rsa_sha256.sign(private_key, sign_content(params).encode("utf-8"))


def _skip(text: str, at: int) -> int:
    while at < len(text) and text[at] in _SPACE:
        at += 1
    return at


def top_level_members(text: str) -> dict[str, str]:
    """The raw text of each member of the JSON object ``text`` (ValueError if not one)."""
    at = _skip(text, 0)
    if not text.startswith("{", at):
        raise ValueError("not a JSON object")
    members: dict[str, str] = {}
    at = _skip(text, at + 1)
    if text.startswith("}", at):
        return members
    while True:
        name, at = _DECODER.raw_decode(text, at)
        if not isinstance(name, str):
            raise ValueError("a member name is not a string")
        at = _skip(text, at)
        if not text.startswith(":", at):
            raise ValueError("':' expected")
        start = _skip(text, at + 1)
        _, end = _DECODER.raw_decode(text, start)
        members[name] = text[start:end]
        at = _skip(text, end)
        if text.startswith("}", at):
            if _skip(text, at + 1) != len(text):
                raise ValueError("text after the JSON object")
            return members
        if not text.startswith(",", at):
            raise ValueError("',' expected")
        at = _skip(text, at + 1)


def verify(public_key: rsa.RSAPublicKey, member_text: str, signature: str) -> bool:
    return rsa_sha256.verify(public_key, member_text.encode("utf-8"), signature)
