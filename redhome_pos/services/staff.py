"""Staff use cases: adding staff, logging in by PIN or badge, approvals.

Logging in returns a ``StaffSession`` (see ``sessions``): the only thing the services accept
as the person acting. The store's first manager is made by ``add_first_manager``, which works
only while the store has no active manager; every later account is added by a manager.

An approval is a PIN entered by someone allowed to do an action, for one action of someone who
is not: ``approve`` checks the PIN, records who approved what for whom and when, and returns
the approval's id. The service doing the action then consumes it (``use_approval``) in its
own transaction, so an approval serves exactly once and only for what it was given.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session

from redhome_pos.domain import signed_codes
from redhome_pos.domain.approvals import ApprovalScopeError, ApprovedScope
from redhome_pos.domain.audit import AuditAction
from redhome_pos.domain.errors import PermissionDenied
from redhome_pos.domain.money import format_fen
from redhome_pos.domain.staff import (
    DISCOUNT_LIMIT_BP,
    PIN_COST,
    BadgeNeedsPinError,
    Permission,
    PinState,
    Role,
    ScryptCost,
    Staff,
    StaffError,
    StaffSession,
    badge_needs_pin,
    check_pin_format,
    hash_pin,
    pin_matches,
)
from redhome_pos.persistence.database import Database
from redhome_pos.persistence.models.staff import StaffBadgeRow, StaffRow
from redhome_pos.persistence.repositories.staff import ApprovalRepository, StaffRepository
from redhome_pos.services import audit, sessions
from redhome_pos.services.counter import Till
from redhome_pos.services.sessions import acting

APPROVAL_VALID_FOR = timedelta(minutes=5)
# Approvals bound to what they cover (line, quantity, value), not only to the action.
BOUND = frozenset(
    {
        Permission.DISCOUNT_ABOVE_LIMIT,
        Permission.PRICE_OVERRIDE,
        Permission.REFUND,
        Permission.SELL_EXPIRED,
    }
)


@dataclass(frozen=True, slots=True)
class Approver:
    """The code and PIN a manager or supervisor enters to approve one action."""

    code: str
    pin: str

    def __repr__(self) -> str:  # never show the PIN in logs or tracebacks
        return f"Approver(code={self.code!r}, pin='****')"


@acting(Permission.MANAGE_STAFF)
def add_staff(
    database: Database,
    till: Till,
    code: str,
    name: str,
    role: Role,
    pin: str,
    *,
    badge_code: str | None = None,
    actor: StaffSession,
    cost: ScryptCost = PIN_COST,
) -> Staff:
    """Add a staff member; ``actor`` is the logged-in manager who does it."""
    return _add(database, till, code, name, role, pin, badge_code, actor.id, cost)


def add_first_manager(
    database: Database,
    till: Till,
    code: str,
    name: str,
    pin: str,
    *,
    badge_code: str | None = None,
    cost: ScryptCost = PIN_COST,
) -> Staff:
    """First run: the store's first manager. Refused once the store has an active manager
    (from then on a manager adds staff)."""
    return _add(database, till, code, name, Role.MANAGER, pin, badge_code, None, cost, first=True)


def has_manager(database: Database) -> bool:
    """True when an active manager can log in (the store is past its first run)."""
    with database.reading() as session:
        return _manager_exists(session)


def _manager_exists(session: Session) -> bool:
    found = session.scalar(
        select(StaffRow.id).where(StaffRow.role == Role.MANAGER.value, StaffRow.active.is_(True))
    )
    return found is not None


def _add(
    database: Database,
    till: Till,
    code: str,
    name: str,
    role: Role,
    pin: str,
    badge_code: str | None,
    actor_id: int | None,
    cost: ScryptCost,
    *,
    first: bool = False,
) -> Staff:
    if not code.strip() or not name.strip():
        raise StaffError("A staff member needs a code and a name")
    check_pin_format(pin)
    pin_hash = hash_pin(pin, cost=cost)
    with database.unit_of_work() as uow:
        if first and _manager_exists(uow.session):
            raise PermissionDenied(
                "The store already has a manager: a manager logs in to add staff"
            )
        staff = StaffRepository(uow.session).add(code, name, role, pin_hash, badge_code)
        audit.record(
            uow.session,
            till,
            AuditAction.STAFF_CHANGE,
            actor_id if actor_id is not None else staff.id,
            change="first manager" if first else "added",
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
    matches = pin_matches(pin, repo.pin_hash(staff.id))  # checked even when locked: same time
    if state.is_locked(now):
        raise _locked(till, staff, state)
    if matches:
        repo.save_pin_state(staff.id, state.after_success())
        return True
    new_state = state.after_failure(now)
    repo.save_pin_state(staff.id, new_state)
    audit.record(session, till, AuditAction.LOGIN_FAILED, staff.id, staff_code=staff.code)
    if new_state.is_locked(now):
        audit.record(
            session, till, AuditAction.LOCKED_OUT, staff.id, staff_code=staff.code,
            lockouts=new_state.lockouts,
            minutes=int(((new_state.locked_until or now) - now).total_seconds() // 60),
        )  # fmt: skip
    return False


def _locked(till: Till, staff: Staff, state: PinState) -> StaffError:
    assert state.locked_until is not None
    return StaffError(
        "{name} is locked after too many wrong PINs; try again after {until} or ask a "
        "manager to unlock it",
        name=staff.name,
        until=state.locked_until.astimezone(ZoneInfo(till.timezone)).strftime("%H:%M"),
    )


_STAND_IN: list[str] = []


def _stand_in_hash() -> str:
    """A PIN hash at the program's cost, checked for an unknown or inactive code, so refusing
    one takes as long as refusing a wrong PIN (nobody learns which codes exist by timing)."""
    if not _STAND_IN:
        _STAND_IN.append(hash_pin("0000", cost=PIN_COST))  # the result is never used
    return _STAND_IN[0]


def _verified(session: Session, till: Till, code: str, pin: str) -> Staff:
    staff = StaffRepository(session).by_code(code)
    if staff is None or not staff.active:
        pin_matches(pin, _stand_in_hash())
        raise StaffError("Unknown staff code or wrong PIN")
    if not _check_pin(session, till, staff, pin):
        session.commit()  # the failure and its audit event must stay
        raise StaffError("Unknown staff code or wrong PIN")
    return staff


def login(database: Database, till: Till, code: str, pin: str) -> StaffSession:
    """Log in with staff code and PIN; five wrong PINs lock the account for a few minutes."""
    with database.unit_of_work() as uow:
        staff = _verified(uow.session, till, code, pin)
        audit.record(uow.session, till, AuditAction.LOGIN, staff.id, method="pin")
        uow.commit()
    return sessions.issue(staff, method="pin", at=till.now())


def login_badge(database: Database, till: Till, badge: str, pin: str | None = None) -> StaffSession:
    """Log in by scanning a staff badge: one of our signed badges (checked with the store's
    secret, its badge id not revoked), or, where the store allows it, the plain badge code
    stored on the staff record. A badge never gets past a PIN lockout; where the store's rule
    wants the PIN as well (by default for managers), ``BadgeNeedsPinError`` asks for it."""
    badge = badge.strip()
    signed: signed_codes.StaffBadge | None = None
    if till.code_secret and signed_codes.looks_signed(badge):
        code = signed_codes.verify(badge, secret=till.code_secret, store=till.store_code)
        if not isinstance(code, signed_codes.StaffBadge):
            raise StaffError("This is not a staff badge")
        if not code.badge_id:
            raise StaffError(
                "This badge is from before badges could be revoked: ask a manager for a new one"
            )
        signed = code
    elif not till.allow_plain_badges:
        raise StaffError(
            "This store accepts only the badges its back office issues: log in with your PIN"
        )
    with database.unit_of_work() as uow:
        session = uow.session
        repo = StaffRepository(session)
        staff = repo.by_code(signed.staff_code) if signed else repo.by_badge(badge)
        if staff is None or not staff.active:
            raise StaffError("This badge belongs to nobody on the staff list")
        if signed is not None:
            issued = session.get(StaffBadgeRow, signed.badge_id)
            if issued is None or issued.staff_id != staff.id or issued.revoked_at is not None:
                audit.record(
                    session, till, AuditAction.LOGIN_FAILED, staff.id,
                    staff_code=staff.code, method="badge", badge_id=signed.badge_id,
                    reason="revoked",
                )  # fmt: skip
                uow.commit()
                raise StaffError("This badge was revoked: ask a manager for a new one")
        if badge_needs_pin(till.badge_needs_pin, staff.role):
            if pin is None:
                raise BadgeNeedsPinError(
                    "{name}: type your PIN as well", name=staff.name, code=staff.code
                )
            if not _check_pin(session, till, staff, pin):
                uow.commit()  # the failure and its audit event must stay
                raise StaffError("Unknown staff code or wrong PIN")
        else:
            state = repo.pin_state(staff.id)
            if state.is_locked(till.now()):  # a badge is no way round a lockout
                raise _locked(till, staff, state)
        method = "badge" if pin is None else "badge and PIN"
        detail: dict[str, Any] = {"method": method}
        if signed is not None:
            detail["badge_id"] = signed.badge_id
        audit.record(session, till, AuditAction.LOGIN, staff.id, **detail)
        uow.commit()
    return sessions.issue(staff, method="badge", at=till.now())


def approve(
    database: Database,
    till: Till,
    requested_by: StaffSession,
    permission: Permission,
    approver: Approver,
    *,
    covers: ApprovedScope | None = None,
    **detail: Any,
) -> int:
    """Record ``approver``'s approval of ``permission`` for ``requested_by``; returns its id.

    A discount, a price override or a refund is approved for what ``covers`` says (line,
    quantity, value) and for nothing more. Raises ``StaffError`` for a wrong PIN (counted
    towards the approver's lockout) and ``PermissionDenied`` when the approver may not do the
    action either, or not to that extent.
    """
    if permission in BOUND and covers is None:
        raise ApprovalScopeError(
            "An approval of {action} must say what it covers",
            action=permission.value.replace("_", " "),
        )
    with database.unit_of_work() as uow:
        requested_by = sessions.current(uow.session, requested_by)
        person = _verified(uow.session, till, approver.code, approver.pin)
        if not person.may(permission):
            raise PermissionDenied(
                "{name} ({role}) cannot approve {action}",
                name=person.name,
                role=person.role.value,
                action=permission.value.replace("_", " "),
            )
        if permission is Permission.DISCOUNT_ABOVE_LIMIT and covers is not None:
            limit = DISCOUNT_LIMIT_BP[person.role]
            if (covers.percent_bp or 0) > limit:
                raise PermissionDenied(
                    "{name} ({role}) may approve discounts up to {limit}%",
                    name=person.name,
                    role=person.role.value,
                    limit=limit // 100,
                )
        if covers is not None:
            detail = {**detail, "covers": covers.to_dict()}
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
    session: Session,
    till: Till,
    staff: Staff,
    permission: Permission,
    approval_id: int | None,
    *,
    within: ApprovedScope | None = None,
    alone: bool = True,
) -> int | None:
    """In a service's transaction: pass when ``staff`` may do ``permission`` alone (unless
    ``alone`` is False: the rule itself says an approval is needed), otherwise consume a fresh
    approval given for it, to them, covering ``within``; raise ``PermissionDenied`` when there
    is none."""
    if alone and staff.may(permission):
        return None
    if approval_id is None:
        raise sessions.refusal(staff, permission)
    repo = ApprovalRepository(session)
    if permission in BOUND:
        approved = ApprovedScope.from_dict(repo.covered(approval_id))
        if within is None or approved is None or not approved.covers(within):
            raise _not_covered(permission, within or ApprovedScope())
    now = till.now()
    if repo.use(approval_id, permission.value, staff.id, now, now - APPROVAL_VALID_FOR):
        return approval_id
    raise sessions.refusal(staff, permission)


def _not_covered(permission: Permission, use: ApprovedScope) -> PermissionDenied:
    if permission is Permission.REFUND:
        return PermissionDenied(
            "The approval does not cover a refund of {amount} on {receipt}: ask again",
            amount=format_fen(use.refund_fen or 0),
            receipt=use.receipt_no or "",
        )
    if permission is Permission.SELL_EXPIRED:
        return PermissionDenied(
            "The approval does not cover selling {sku} × {quantity} past its date: ask again",
            sku=use.sku or "",
            quantity=use.quantity or 0,
        )
    if permission is Permission.PRICE_OVERRIDE:
        return PermissionDenied(
            "The approval does not cover the price of {sku} × {quantity}: ask again",
            sku=use.sku or "",
            quantity=use.quantity or 0,
        )
    if use.sku is None:
        return PermissionDenied("The approval does not cover the discount on the sale: ask again")
    return PermissionDenied(
        "The approval does not cover the discount on {sku} × {quantity}: ask again",
        sku=use.sku,
        quantity=use.quantity or 0,
    )
