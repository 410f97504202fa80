"""Staff use cases: adding staff, logging in by PIN or badge, approvals.

An approval is a PIN entered by someone allowed to do an action, for one action of someone who
is not: ``approve`` checks the PIN, records who approved what for whom and when, and returns
the approval's id. The service doing the action then consumes it (``use_approval``) in its
own transaction, so an approval serves exactly once and only for what it was given.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from sqlalchemy.orm import Session

from redhome_pos.domain import signed_codes
from redhome_pos.domain.audit import AuditAction
from redhome_pos.domain.errors import PermissionDenied
from redhome_pos.domain.staff import (
    PIN_COST,
    Permission,
    Role,
    ScryptCost,
    Staff,
    StaffError,
    check_pin_format,
    hash_pin,
    pin_matches,
)
from redhome_pos.persistence.database import Database
from redhome_pos.persistence.repositories.staff import ApprovalRepository, StaffRepository
from redhome_pos.services import audit
from redhome_pos.services.counter import Till

APPROVAL_VALID_FOR = timedelta(minutes=5)


@dataclass(frozen=True, slots=True)
class Approver:
    """The code and PIN a manager or supervisor enters to approve one action."""

    code: str
    pin: str

    def __repr__(self) -> str:  # never show the PIN in logs or tracebacks
        return f"Approver(code={self.code!r}, pin='****')"


def add_staff(
    database: Database,
    till: Till,
    code: str,
    name: str,
    role: Role,
    pin: str,
    *,
    badge_code: str | None = None,
    actor: Staff | None = None,
    cost: ScryptCost = PIN_COST,
) -> Staff:
    """Add a staff member. ``actor`` is who does it (must manage staff); ``None`` means the
    store's set-up from the command line on the machine itself."""
    if actor is not None and not actor.may(Permission.MANAGE_STAFF):
        raise PermissionDenied("{name} may not manage staff", name=actor.name)
    if not code.strip() or not name.strip():
        raise StaffError("A staff member needs a code and a name")
    check_pin_format(pin)
    pin_hash = hash_pin(pin, cost=cost)
    with database.unit_of_work() as uow:
        staff = StaffRepository(uow.session).add(code, name, role, pin_hash, badge_code)
        audit.record(
            uow.session,
            till,
            AuditAction.STAFF_CHANGE,
            actor.id if actor else None,
            change="added",
            staff_code=code,
            role=role.value,
        )
        uow.commit()
    return staff


def list_staff(database: Database) -> list[Staff]:
    with database.reading() as session:
        return StaffRepository(session).everyone()


def _check_pin(session: Session, till: Till, staff: Staff, pin: str) -> bool:
    """Check a PIN against the lockout rule; counts failures and writes the audit events."""
    repo = StaffRepository(session)
    now = till.now()
    state = repo.pin_state(staff.id)
    if state.is_locked(now):
        raise StaffError(
            "{name} is locked after too many wrong PINs; try again after {until}",
            name=staff.name,
            until=state.locked_until.isoformat(timespec="minutes") if state.locked_until else "",
        )
    if pin_matches(pin, repo.pin_hash(staff.id)):
        repo.save_pin_state(staff.id, state.after_success())
        return True
    new_state = state.after_failure(now)
    repo.save_pin_state(staff.id, new_state)
    audit.record(session, till, AuditAction.LOGIN_FAILED, staff.id, staff_code=staff.code)
    if new_state.is_locked(now):
        audit.record(session, till, AuditAction.LOCKED_OUT, staff.id, staff_code=staff.code)
    return False


def _verified(session: Session, till: Till, code: str, pin: str) -> Staff:
    staff = StaffRepository(session).by_code(code)
    if staff is None or not staff.active:
        raise StaffError("Unknown staff code or wrong PIN")
    if not _check_pin(session, till, staff, pin):
        session.commit()  # the failure and its audit event must stay
        raise StaffError("Unknown staff code or wrong PIN")
    return staff


def login(database: Database, till: Till, code: str, pin: str) -> Staff:
    """Log in with staff code and PIN; five wrong PINs lock the account for a few minutes."""
    with database.unit_of_work() as uow:
        staff = _verified(uow.session, till, code, pin)
        audit.record(uow.session, till, AuditAction.LOGIN, staff.id, method="pin")
        uow.commit()
    return staff


def login_badge(database: Database, till: Till, badge: str) -> Staff:
    """Log in by scanning a staff badge: one of our signed badge codes (checked with the
    store's secret) or the badge code stored on the staff record."""
    badge = badge.strip()
    staff_code: str | None = None
    if till.code_secret and signed_codes.looks_signed(badge):
        code = signed_codes.verify(badge, secret=till.code_secret, store=till.store_code)
        if not isinstance(code, signed_codes.StaffBadge):
            raise StaffError("This is not a staff badge")
        staff_code = code.staff_code
    with database.unit_of_work() as uow:
        repo = StaffRepository(uow.session)
        staff = repo.by_code(staff_code) if staff_code else repo.by_badge(badge)
        if staff is None or not staff.active:
            raise StaffError("This badge belongs to nobody on the staff list")
        audit.record(uow.session, till, AuditAction.LOGIN, staff.id, method="badge")
        uow.commit()
    return staff


def approve(
    database: Database,
    till: Till,
    requested_by: Staff,
    permission: Permission,
    approver: Approver,
    **detail: Any,
) -> int:
    """Record ``approver``'s approval of ``permission`` for ``requested_by``; returns its id.

    Raises ``StaffError`` for a wrong PIN (counted towards the approver's lockout) and
    ``PermissionDenied`` when the approver may not do the action either.
    """
    with database.unit_of_work() as uow:
        person = _verified(uow.session, till, approver.code, approver.pin)
        if not person.may(permission):
            raise PermissionDenied(
                "{name} ({role}) cannot approve {action}",
                name=person.name,
                role=person.role.value,
                action=permission.value.replace("_", " "),
            )
        approval_id = ApprovalRepository(uow.session).add(
            permission.value, person.id, requested_by.id, till.terminal_id, till.now(), detail
        )
        audit.record(
            uow.session,
            till,
            AuditAction.APPROVAL,
            person.id,
            approval_id=approval_id,
            permission=permission.value,
            requested_by=requested_by.id,
            **detail,
        )
        uow.commit()
    return approval_id


def use_approval(
    session: Session, till: Till, staff: Staff, permission: Permission, approval_id: int | None
) -> int | None:
    """In a service's transaction: pass when ``staff`` may do ``permission`` alone, otherwise
    consume a fresh approval given for it; raise ``PermissionDenied`` when there is none."""
    if staff.may(permission):
        return None
    now = till.now()
    if approval_id is not None and ApprovalRepository(session).use(
        approval_id, permission.value, staff.id, now, now - APPROVAL_VALID_FOR
    ):
        return approval_id
    raise PermissionDenied(
        "{name} ({role}) may not {action} without approval",
        name=staff.name,
        role=staff.role.value,
        action=permission.value.replace("_", " "),
    )
