"""Receiver data as the platform hands it out since 2022: ciphertext, masks and decryption.

``数据加解密/051_加密算法介绍.md`` gives the ciphertext layout ``#<index>#<cipher>#<kind>##``
(kind 1 address, 2 name, 3 phone): the index string is the same for the same value within one
app (so a store can search by it), the cipher differs per order. The sandbox does not need the
platform's AES: it keeps each ciphertext it issued in its state and decrypts by looking it up,
so a ciphertext is opaque to a client exactly as a real one is. ``050_数据加密对接方案.md`` gives
the masking rules, followed here (the address rule's "sensitive words" are not public, so only
its letter/digit and first/last-two-characters parts are applied).
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import re

_ALNUM_RUN = re.compile(r"[A-Za-z0-9]+")


def index_string(app_secret: str, kind: int, plaintext: str) -> str:
    """The per-app search index of a value: stable for the same value and kind."""
    digest = hmac.new(app_secret.encode(), f"{kind}:{plaintext}".encode(), hashlib.sha256)
    return base64.b64encode(digest.digest()[:24]).decode()


def ciphertext(index: str, nonce: bytes, kind: int) -> str:
    """A ciphertext in the documented layout; the middle part is random, per order."""
    return f"#{index}#{base64.b64encode(nonce).decode()}#{kind}##"


def parse_kind(text: str) -> int | None:
    """The kind of a well-formed ciphertext, or None."""
    parts = text.split("#")
    if len(parts) != 6 or parts[0] or parts[4] or parts[5] or not parts[3].isdigit():
        return None
    return int(parts[3])


def mask_name(name: str) -> str:
    """Only the first character stays: 王小二 -> 王**."""
    return name[:1] + "*" * (len(name) - 1) if name else ""


def mask_phone(phone: str) -> str:
    """Country prefix kept, then the first 3 and last 4 digits: +8613812345678 -> +86138****5678."""
    prefix = ""
    rest = phone
    if phone.startswith("+86"):
        prefix, rest = "+86", phone[3:]
    if len(rest) <= 7:
        return prefix + "*" * len(rest)
    return prefix + rest[:3] + "*" * (len(rest) - 7) + rest[-4:]


def mask_address(address: str) -> str:
    """Letters and digits become ``**``; so do the first two and the last two characters."""
    if len(address) <= 4:
        return "**"
    return "**" + _ALNUM_RUN.sub("**", address[2:-2]) + "**"


def mask(kind: int, plaintext: str) -> str:
    if kind == 2:
        return mask_name(plaintext)
    if kind == 3:
        return mask_phone(plaintext)
    return mask_address(plaintext)
