"""The store's own codes, signed so that a forged or altered code is refused.

A code reads ``RH1.<kind>.<store>.<fields…>.<mac>``: a version, a one-letter kind, the store
code, the fields of that kind and a truncated HMAC-SHA256 under the store's code secret
(``ScanningConfig.code_secret``), in base32. Every character is an upper-case letter, a digit,
``-`` or ``.``, so a QR code holds it in alphanumeric mode, and a code stays within 80 characters.

Kinds: ``R`` receipt (receipt no), ``P`` parcel label (order id, parcel n of m), ``K`` pickup
(order id, pickup code), ``S`` staff badge (staff code, badge id: each badge is revocable on
its own), ``M`` member (member number). Field
values use the same alphabet (upper-case letters, digits and ``-``); anything else is refused
when signing, never altered.
"""

from __future__ import annotations

import base64
import enum
import hashlib
import hmac
import re
from dataclasses import dataclass
from typing import ClassVar

from redhome_pos.domain.errors import DomainError

VERSION = "RH1"
MAX_CODE_LENGTH = 80
_MAC_BYTES = 10  # 80 bits, 16 base32 characters without padding
_FIELD = re.compile(r"^[A-Z0-9][A-Z0-9-]{0,39}$")
_STORE = re.compile(r"^[A-Z0-9][A-Z0-9-]{0,15}$")
_VERSION = re.compile(r"^RH[0-9]+$")
_SHAPE = re.compile(r"^RH[0-9]+\.[A-Z]\.", re.IGNORECASE)


class SignedCodeError(DomainError, ValueError):
    """One of our own codes is forged, damaged, from another store or cannot be made."""


class CodeKind(enum.StrEnum):
    RECEIPT = "R"
    PARCEL = "P"
    PICKUP = "K"
    STAFF_BADGE = "S"
    MEMBER = "M"


@dataclass(frozen=True, slots=True)
class ReceiptCode:
    """The code printed on a receipt: finds the sale for a return or a reprint."""

    kind: ClassVar[CodeKind] = CodeKind.RECEIPT
    store: str
    receipt_no: str

    def fields(self) -> tuple[str, ...]:
        return (self.receipt_no,)


@dataclass(frozen=True, slots=True)
class ParcelCode:
    """The code on a parcel label of an online order: parcel ``parcel_no`` of ``parcel_count``."""

    kind: ClassVar[CodeKind] = CodeKind.PARCEL
    store: str
    order_id: str
    parcel_no: int
    parcel_count: int

    def fields(self) -> tuple[str, ...]:
        return (self.order_id, str(self.parcel_no), str(self.parcel_count))


@dataclass(frozen=True, slots=True)
class PickupCode:
    """The code a customer shows to collect an online order in the store."""

    kind: ClassVar[CodeKind] = CodeKind.PICKUP
    store: str
    order_id: str
    pickup_code: str

    def fields(self) -> tuple[str, ...]:
        return (self.order_id, self.pickup_code)


@dataclass(frozen=True, slots=True)
class StaffBadge:
    """The code on a staff badge: logs the person in (their PIN rules still apply).
    ``badge_id`` names this badge among the person's (empty on badges made before ids)."""

    kind: ClassVar[CodeKind] = CodeKind.STAFF_BADGE
    store: str
    staff_code: str
    badge_id: str = ""

    def fields(self) -> tuple[str, ...]:
        return (self.staff_code, self.badge_id) if self.badge_id else (self.staff_code,)


@dataclass(frozen=True, slots=True)
class MemberCode:
    """The code on a member's card or phone: finds the member at the counter."""

    kind: ClassVar[CodeKind] = CodeKind.MEMBER
    store: str
    member_no: str

    def fields(self) -> tuple[str, ...]:
        return (self.member_no,)


SignedCode = ReceiptCode | ParcelCode | PickupCode | StaffBadge | MemberCode

_FIELD_COUNT = {
    CodeKind.RECEIPT: (1,),
    CodeKind.PARCEL: (3,),
    CodeKind.PICKUP: (2,),
    CodeKind.STAFF_BADGE: (1, 2),
    CodeKind.MEMBER: (1,),
}


def sign_receipt_code(secret: str, store: str, receipt_no: str) -> str:
    return sign(secret, ReceiptCode(store, receipt_no))


def sign_parcel_code(
    secret: str, store: str, order_id: str, parcel_no: int, parcel_count: int
) -> str:
    return sign(secret, ParcelCode(store, order_id, parcel_no, parcel_count))


def sign_pickup_code(secret: str, store: str, order_id: str, pickup_code: str) -> str:
    return sign(secret, PickupCode(store, order_id, pickup_code))


def sign_staff_badge(secret: str, store: str, staff_code: str, badge_id: str = "") -> str:
    return sign(secret, StaffBadge(store, staff_code, badge_id))


def sign(secret: str, code: SignedCode) -> str:
    """The printable text of ``code``, signed with the store's ``secret``."""
    _check_store(code.store)
    for value in code.fields():
        if not _FIELD.match(value):
            raise SignedCodeError(
                "Cannot make a store code from {value!r}: use capital letters, digits and '-'",
                value=value,
            )
    if isinstance(code, ParcelCode) and not 1 <= code.parcel_no <= code.parcel_count:
        raise SignedCodeError(
            "Parcel {number} of {count} does not exist",
            number=code.parcel_no,
            count=code.parcel_count,
        )
    body = ".".join((VERSION, code.kind.value, code.store, *code.fields()))
    text = f"{body}.{_mac(secret, body)}"
    if len(text) > MAX_CODE_LENGTH:
        raise SignedCodeError(
            "The store code would be {length} characters, more than {limit}",
            length=len(text),
            limit=MAX_CODE_LENGTH,
        )
    return text


def looks_signed(text: str) -> bool:
    """True when ``text`` has the shape of one of our codes (any version), signed or not:
    ``RH<n>.<letter>.…`` (so a SKU code such as ``RH1.5ML`` is not taken for one)."""
    return bool(_SHAPE.match(text))


def verify(text: str, *, secret: str, store: str) -> SignedCode:
    """Read one of our codes and check its signature with this store's ``secret``.

    A code of another store is refused with that store's code, so the clerk can send the
    customer on; a code whose signature does not match is refused as forged or damaged.
    """
    if not text.isascii():  # before any case folding: "ſ".upper() is "S"
        raise SignedCodeError(
            "This store code has characters no store code has (only letters, digits, '-' "
            "and '.'): it was refused"
        )
    parts = text.strip().upper().split(".")
    if parts[0] != VERSION:
        if _VERSION.match(parts[0]):
            raise SignedCodeError(
                "This store code was made by a newer program ({version}): update this till",
                version=parts[0],
            )
        raise SignedCodeError("Not a store code")
    if len(parts) < 4:
        raise _damaged()
    try:
        kind = CodeKind(parts[1])
    except ValueError:
        raise _damaged() from None
    code_store, fields, mac = parts[2], parts[3:-1], parts[-1]
    if len(fields) not in _FIELD_COUNT[kind] or not _STORE.match(code_store):
        raise _damaged()
    if not all(_FIELD.match(value) for value in fields):
        raise _damaged()
    if code_store != store.upper():
        raise SignedCodeError("This code belongs to store {store}", store=code_store)
    if not secret:
        raise _no_secret()
    body = ".".join(parts[:-1])
    if not hmac.compare_digest(mac, _mac(secret, body)):
        raise _damaged()
    return _build(kind, code_store, fields)


def _build(kind: CodeKind, store: str, fields: list[str]) -> SignedCode:
    if kind is CodeKind.RECEIPT:
        return ReceiptCode(store, fields[0])
    if kind is CodeKind.PICKUP:
        return PickupCode(store, fields[0], fields[1])
    if kind is CodeKind.STAFF_BADGE:
        return StaffBadge(store, *fields)
    if kind is CodeKind.MEMBER:
        return MemberCode(store, fields[0])
    order_id, number, count = fields
    # A signed code cannot have been altered, so the numbers are ours; still, read them safely.
    if not (number.isdigit() and count.isdigit()):
        raise _damaged()
    return ParcelCode(store, order_id, int(number), int(count))


def _mac(secret: str, body: str) -> str:
    if not secret:
        raise _no_secret()
    digest = hmac.new(secret.encode("utf-8"), body.encode("ascii"), hashlib.sha256).digest()
    return base64.b32encode(digest[:_MAC_BYTES]).decode("ascii")


def _check_store(store: str) -> None:
    if not _STORE.match(store):
        raise SignedCodeError(
            "The store code {store!r} must be capital letters, digits and '-', at most 16",
            store=store,
        )


def _damaged() -> SignedCodeError:
    return SignedCodeError("This store code is forged or damaged: it was refused")


def _no_secret() -> SignedCodeError:
    return SignedCodeError("No code secret is set for this store: store codes cannot be checked")
