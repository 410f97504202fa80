"""WeChat Pay APIv2: the XML messages and their key signature (MD5 or HMAC-SHA256).

The signature (安全规范): every field with a non-empty value except ``sign``, sorted by name,
written ``name=value`` joined with ``&``, then ``&key=<API key>``; MD5 of that, or HMAC-SHA256
keyed with the API key; upper-case hex. Answers are signed the same way (with the sign type of
the request) whenever ``return_code`` is SUCCESS.

Answers are parsed with the standard library after refusing any DOCTYPE or entity
declaration: an answer is data, never instructions to the parser.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import xml.etree.ElementTree as ElementTree
from collections.abc import Mapping

MD5 = "MD5"
HMAC_SHA256 = "HMAC-SHA256"


def string_to_sign(params: Mapping[str, str], key: str) -> str:
    pairs = [f"{name}={params[name]}" for name in sorted(params) if name != "sign" and params[name]]
    return "&".join(pairs) + f"&key={key}"


def sign(params: Mapping[str, str], key: str, sign_type: str = HMAC_SHA256) -> str:
    message = string_to_sign(params, key).encode("utf-8")
    if sign_type == MD5:
        return hashlib.md5(message).hexdigest().upper()  # the digest APIv2 names
    if sign_type == HMAC_SHA256:
        return hmac.new(key.encode("utf-8"), message, hashlib.sha256).hexdigest().upper()
    raise ValueError(f"unknown sign type {sign_type!r}")


def signature_holds(params: Mapping[str, str], key: str, sign_type: str) -> bool:
    given = params.get("sign", "")
    return bool(given) and hmac.compare_digest(given.upper(), sign(params, key, sign_type))


def new_nonce() -> str:
    return secrets.token_hex(16)


def to_xml(params: Mapping[str, str]) -> str:
    parts = ["<xml>"]
    for name, value in params.items():
        if "]]>" in value:
            raise ValueError(f"{name} cannot be sent in CDATA")
        parts.append(f"<{name}><![CDATA[{value}]]></{name}>")
    parts.append("</xml>")
    return "".join(parts)


def from_xml(body: bytes) -> dict[str, str]:
    """The fields of an ``<xml>`` answer (ValueError if it is not one)."""
    if b"<!DOCTYPE" in body.upper() or b"<!ENTITY" in body.upper():
        raise ValueError("the answer declares a DOCTYPE or entities")
    try:
        root = ElementTree.fromstring(body)
    except ElementTree.ParseError as exc:
        raise ValueError(str(exc)) from None
    if root.tag != "xml":
        raise ValueError(f"the answer's root is <{root.tag}>, not <xml>")
    return {child.tag: (child.text or "") for child in root}
