"""Staff administration: change a role, reset a PIN, issue or revoke a signed badge, deactivate.

Each change needs ``manage_staff`` and is audited with what changed (never the PIN itself).
"""

from __future__ import annotations

import base64
import secrets
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select

from redhome_pos.domain import signed_codes
from redhome_pos.domain.audit import AuditAction
from redhome_pos.domain.staff import (
    PIN_COST,
    Permission,
    Role,
    ScryptCost,
    Staff,
    StaffError,
    StaffSession,
    check_pin_format,
    hash_pin,
)
from redhome_pos.persistence.database import Database
from redhome_pos.persistence.models.staff import StaffBadgeRow, StaffRow
from redhome_pos.persistence.repositories.staff import StaffRepository
from redhome_pos.services import audit
from redhome_pos.services.counter import Till
from redhome_pos.services.sessions import acting


@dataclass(frozen=True, slots=True)
class StaffChange:
    """What a manager changes about one staff member; ``None`` leaves a field as it is."""

    staff_id: int
    role: Role | None = None
    pin: str | None = None
    badge: bool = False  # issue a signed badge code
    revoke_badge: bool = False  # revoke the badge issued last (its other badges stay)
    active: bool | None = None
    unlock: bool = False  # end a PIN lockout (and its escalation)


@acting(Permission.MANAGE_STAFF)
def change_staff(
    database: Database,
    till: Till,
    actor: StaffSession,
    change: StaffChange,
    cost: ScryptCost = PIN_COST,
) -> Staff:
    """Apply ``change`` for ``actor`` (who must manage staff) in one audited transaction."""
    if change.pin is not None:
        check_pin_format(change.pin)
    with database.unit_of_work() as uow:
        session = uow.session
        row = session.get(StaffRow, change.staff_id)
        if row is None:
            raise StaffError("No staff member {staff_id}", staff_id=change.staff_id)
        if row.id == actor.id and (change.active is False or change.role not in (None, actor.role)):
            raise StaffError("You cannot lower or deactivate your own account")
        detail: dict[str, Any] = {"staff_code": row.code}
        if change.role is not None and change.role.value != row.role:
            detail["role"] = [row.role, change.role.value]
            row.role = change.role.value
        if change.pin is not None:
            row.pin_hash = hash_pin(change.pin, cost=cost)
            row.failed_pins, row.locked_until, row.pin_lockouts = 0, None, 0
            detail["pin"] = "reset"
        elif change.unlock:
            detail["pin"] = "unlocked"
            detail["was_locked_until"] = (
                row.locked_until.isoformat(timespec="minutes") if row.locked_until else None
            )
            row.failed_pins, row.locked_until, row.pin_lockouts = 0, None, 0
        if change.badge:
            if not till.code_secret:
                raise StaffError("The store has no code secret: badges cannot be made")
            badge_id = new_badge_id()
            code = signed_codes.sign_staff_badge(
                till.code_secret, till.store_code, row.code, badge_id
            )
            taken = session.scalar(
                select(StaffRow.id).where(StaffRow.badge_code == code, StaffRow.id != row.id)
            )
            if taken is not None:
                raise StaffError("That badge belongs to someone else")
            session.add(
                StaffBadgeRow(
                    badge_id=badge_id, staff_id=row.id, issued_at=till.now(), issued_by=actor.id
                )
            )
            row.badge_code = code
            detail["badge"] = "issued"
            detail["badge_id"] = badge_id
        if change.revoke_badge:
            revoked = _issued_badge_id(till, row.badge_code)
            if revoked is None:
                raise StaffError("{name} has no badge to revoke", name=row.name)
            issued = session.get(StaffBadgeRow, revoked)
            if issued is not None and issued.revoked_at is None:
                issued.revoked_at, issued.revoked_by = till.now(), actor.id
            row.badge_code = None
            detail["badge"] = "revoked"
            detail["badge_id"] = revoked
        if change.active is not None and change.active != row.active:
            detail["active"] = [row.active, change.active]
            row.active = change.active
        session.flush()
        audit.record(session, till, AuditAction.STAFF_CHANGE, actor.id, change="changed", **detail)
        staff = StaffRepository(session).by_id(row.id)
        uow.commit()
    assert staff is not None
    return staff


def _issued_badge_id(till: Till, badge_code: str | None) -> str | None:
    """The badge id inside the signed badge shown on a staff record (None: no such badge)."""
    if not badge_code or not till.code_secret or not signed_codes.looks_signed(badge_code):
        return None
    try:
        code = signed_codes.verify(badge_code, secret=till.code_secret, store=till.store_code)
    except signed_codes.SignedCodeError:
        return None
    return code.badge_id or None if isinstance(code, signed_codes.StaffBadge) else None


def new_badge_id() -> str:
    """A badge's id: 8 random base32 letters and digits (40 bits), unique among badges."""
    return base64.b32encode(secrets.token_bytes(5)).decode("ascii")


@acting(Permission.MANAGE_STAFF)
def revoke_badge(database: Database, till: Till, actor: StaffSession, badge_id: str) -> Staff:
    """Revoke one badge (it never logs in again; the person's other badges still do)."""
    badge_id = badge_id.strip().upper()
    with database.unit_of_work() as uow:
        session = uow.session
        badge = session.get(StaffBadgeRow, badge_id)
        if badge is None:
            raise StaffError("No badge {badge_id}", badge_id=badge_id)
        if badge.revoked_at is None:
            badge.revoked_at = till.now()
            badge.revoked_by = actor.id
        row = session.get(StaffRow, badge.staff_id)
        assert row is not None
        if _issued_badge_id(till, row.badge_code) == badge_id:
            row.badge_code = None  # the badge shown on the staff screen is no more
        session.flush()
        audit.record(
            session, till, AuditAction.STAFF_CHANGE, actor.id,
            change="badge revoked", staff_code=row.code, badge_id=badge_id,
        )  # fmt: skip
        staff = StaffRepository(session).by_id(row.id)
        uow.commit()
    assert staff is not None
    return staff
