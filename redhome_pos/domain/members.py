"""Members: found by phone number or by their member QR code, shown masked, erasable.

A phone number is read as a mainland mobile number (11 digits starting with 1; ``+86``, spaces
and dashes allowed) and shown as ``138****1234``. It is never stored as typed: a keyed hash
finds the member, an encrypted copy keeps the number (see ``services.members``). A member's
name is optional. Enrolment records the customer's consent; erasure (PIPL) removes name and
phone and leaves an anonymous member whose sales and points ledger still add up.
"""

from __future__ import annotations

import hashlib
import hmac
import re
import unicodedata
from dataclasses import dataclass
from datetime import datetime

from redhome_pos.domain.errors import DomainError

CONSENT_VERSION = "2026-05"  # the wording the customer agreed to at enrolment
_MOBILE = re.compile(r"^1[3-9][0-9]{9}$")


class MemberError(DomainError):
    """A member cannot be found, enrolled or changed as asked."""


@dataclass(frozen=True, slots=True)
class Member:
    """A member as the counter shows them: never the full phone number."""

    id: int
    member_no: str
    name: str
    phone_masked: str
    points_balance: int
    consent_at: datetime | None = None
    erased: bool = False

    @property
    def display_name(self) -> str:
        return self.name or self.phone_masked or self.member_no


def normalize_phone(text: str) -> str:
    """The 11 digits of a mainland mobile number typed or pasted in any usual form."""
    digits = unicodedata.normalize("NFKC", text).strip()
    digits = re.sub(r"[\s\-()（）]", "", digits)
    if digits.startswith("+86"):
        digits = digits[3:]
    elif digits.startswith("0086"):
        digits = digits[4:]
    elif digits.startswith("86") and len(digits) == 13:
        digits = digits[2:]
    if not _MOBILE.match(digits):
        raise MemberError("Not a mobile number: {text}", text=mask_phone(text.strip()))
    return digits


def mask_phone(phone: str) -> str:
    """``13812341234`` -> ``138****1234``; anything shorter keeps only its last digits."""
    if len(phone) >= 11:
        return f"{phone[:3]}****{phone[-4:]}"
    return "*" * max(0, len(phone) - 2) + phone[-2:]


def phone_hash(key: bytes, phone: str) -> str:
    """The keyed hash a member is looked up by (HMAC-SHA256 of the normalised number)."""
    return hmac.new(key, normalize_phone(phone).encode("ascii"), hashlib.sha256).hexdigest()
