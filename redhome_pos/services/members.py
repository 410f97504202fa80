"""Members at the counter and in the back office: enrol (with consent), find by phone or by
member QR code, list (masked), points history, erase (PIPL).

Phone numbers: a keyed hash (HMAC-SHA256) finds a member; the number itself is kept encrypted
(Fernet: AES with an HMAC) and shown only masked. Both keys are derived from the store's code
secret with their own labels, so every terminal of the store finds the same members and
nothing but the configuration holds a key. Logs never see a number.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
from dataclasses import dataclass
from datetime import datetime

from cryptography.fernet import Fernet

from redhome_pos.domain import signed_codes
from redhome_pos.domain.audit import AuditAction
from redhome_pos.domain.members import (
    CONSENT_VERSION,
    Member,
    MemberError,
    mask_phone,
    normalize_phone,
    phone_hash,
)
from redhome_pos.domain.staff import Permission, StaffSession
from redhome_pos.persistence.database import Database
from redhome_pos.persistence.repositories.members import MemberRepository
from redhome_pos.services import audit
from redhome_pos.services.counter import Till
from redhome_pos.services.sessions import acting


def _key(till: Till, label: str) -> bytes:
    if not till.code_secret:
        raise MemberError("No code secret is set for this store: members cannot be kept")
    return hmac.new(till.code_secret.encode(), label.encode(), hashlib.sha256).digest()


def _hash(till: Till, phone: str) -> str:
    return phone_hash(_key(till, "member-phone-lookup"), phone)


def _cipher(till: Till) -> Fernet:
    return Fernet(base64.urlsafe_b64encode(_key(till, "member-phone-cipher")))


@acting(Permission.SELL)
def enrol(
    database: Database,
    till: Till,
    staff: StaffSession,
    phone: str,
    *,
    consent: bool,
    name: str = "",
) -> Member:
    """A new member; the customer's consent to keeping their number is required and recorded
    (when, which wording, who took it)."""
    if not consent:
        raise MemberError("A member can be enrolled only with the customer's consent")
    number = normalize_phone(phone)
    name = name.strip()[:60]
    with database.unit_of_work() as uow:
        members = MemberRepository(uow.session)
        digest = _hash(till, number)
        if members.by_hash(digest) is not None:
            raise MemberError("{phone} is a member already", phone=mask_phone(number))
        member = members.add(
            name=name,
            phone_hash=digest,
            phone_cipher=_cipher(till).encrypt(number.encode()).decode("ascii"),
            phone_masked=mask_phone(number),
            consent_at=till.now(),
            consent_version=CONSENT_VERSION,
            consent_by=staff.id,
            terminal_id=till.terminal_id,
        )
        audit.record(
            uow.session,
            till,
            AuditAction.MEMBER_CHANGE,
            staff.id,
            member_no=member.member_no,
            change="enrolled",
            consent_version=CONSENT_VERSION,
        )
        uow.commit()
    return member


def find_by_phone(database: Database, till: Till, phone: str) -> Member | None:
    digest = _hash(till, normalize_phone(phone))
    with database.reading() as session:
        return MemberRepository(session).by_hash(digest)


def find_by_code(database: Database, till: Till, text: str) -> Member:
    """The member of a scanned member QR code (signed by this store)."""
    code = signed_codes.verify(text, secret=till.code_secret, store=till.store_code)
    if not isinstance(code, signed_codes.MemberCode):
        raise MemberError("This code is not a member code")
    with database.reading() as session:
        member = MemberRepository(session).by_no(code.member_no)
    if member is None or member.erased:
        raise MemberError("No member {number}", number=code.member_no)
    return member


def find(database: Database, till: Till, text: str) -> Member:
    """A member by phone number or scanned member code; ``MemberError`` when none."""
    if signed_codes.looks_signed(text.strip()):
        return find_by_code(database, till, text)
    member = find_by_phone(database, till, text)
    if member is None:
        raise MemberError("No member with phone {phone}", phone=mask_phone(normalize_phone(text)))
    return member


def member_code(till: Till, member: Member) -> str:
    """The text of the member's QR code (on their card, or shown from their phone)."""
    return signed_codes.sign(
        till.code_secret, signed_codes.MemberCode(till.store_code, member.member_no)
    )


def get(database: Database, member_id: int) -> Member | None:
    with database.reading() as session:
        return MemberRepository(session).get(member_id)


def list_members(
    database: Database, *, offset: int = 0, limit: int = 100, search: str = ""
) -> list[Member]:
    with database.reading() as session:
        return MemberRepository(session).page(offset=offset, limit=limit, search=search)


@dataclass(frozen=True, slots=True)
class PointsEntry:
    at: datetime
    kind: str
    points: int
    reference: str


def points_history(database: Database, member_id: int, limit: int = 100) -> list[PointsEntry]:
    with database.reading() as session:
        return [PointsEntry(*row) for row in MemberRepository(session).history(member_id, limit)]


@acting(Permission.MANAGE_PROMOTIONS)
def erase(database: Database, till: Till, staff: StaffSession, member_no: str) -> None:
    """Forget a member at their request (PIPL): name, phone, its hash and cipher are removed;
    the member stays as an anonymous number so past sales and the points ledger add up."""
    with database.unit_of_work() as uow:
        members = MemberRepository(uow.session)
        member = members.by_no(member_no)
        if member is None:
            raise MemberError("No member {number}", number=member_no)
        members.erase(member.id, till.now())
        audit.record(
            uow.session,
            till,
            AuditAction.MEMBER_CHANGE,
            staff.id,
            member_no=member_no,
            change="erased",
        )
        uow.commit()
