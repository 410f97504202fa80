"""Shifts: open with a float, cash in and out, drawer opened without a sale, X and Z reports.

One shift is open per terminal at a time (the database enforces it). A closed shift takes no
sales. The Z report is stored when the shift closes and can be read back and reprinted at any
time; X reports are stored too, as printed.
"""

from __future__ import annotations

from redhome_pos.domain.audit import AuditAction
from redhome_pos.domain.shift import Shift, ShiftError, ShiftReport
from redhome_pos.domain.staff import Permission, StaffSession
from redhome_pos.domain.tender import TenderKind
from redhome_pos.persistence.database import Database
from redhome_pos.persistence.repositories.audit import AuditRepository
from redhome_pos.persistence.repositories.shifts import ShiftRepository
from redhome_pos.services import audit
from redhome_pos.services.checkout import open_shift_of
from redhome_pos.services.counter import Till
from redhome_pos.services.sessions import acting
from redhome_pos.services.staff import use_approval


@acting(Permission.OPEN_SHIFT)
def open_shift(database: Database, till: Till, staff: StaffSession, float_fen: int) -> Shift:
    """Open a shift at the till with ``float_fen`` of cash in the drawer."""
    if float_fen < 0:
        raise ShiftError("The float cannot be negative")
    with database.unit_of_work() as uow:
        shifts = ShiftRepository(uow.session)
        if shifts.current(till.terminal_id) is not None:
            raise ShiftError("A shift is already open at {terminal}", terminal=till.terminal_id)
        shift = shifts.open(till.terminal_id, staff.id, float_fen, till.now())
        audit.record(
            uow.session,
            till,
            AuditAction.SHIFT_OPEN,
            staff.id,
            shift_id=shift.id,
            float_fen=float_fen,
        )
        uow.commit()
    return shift


def current_shift(database: Database, till: Till) -> Shift | None:
    with database.reading() as session:
        return ShiftRepository(session).current(till.terminal_id)


def _cash_movement(
    database: Database,
    till: Till,
    staff: StaffSession,
    kind: str,
    amount_fen: int,
    reason: str,
    permission: Permission,
    approval_id: int | None,
) -> int:
    if not reason.strip():
        raise ShiftError("Give a reason for the cash movement")
    if amount_fen < 0 or (kind != "drawer_open" and amount_fen == 0):
        raise ShiftError("The amount must be more than zero")
    with database.unit_of_work() as uow:
        shift = open_shift_of(uow.session, till)
        approval = use_approval(uow.session, till, staff, permission, approval_id)
        movement_id = ShiftRepository(uow.session).add_cash_movement(
            shift.id, kind, amount_fen, reason, staff.id, approval, till.now()
        )
        action = AuditAction.DRAWER_OPEN if kind == "drawer_open" else AuditAction.CASH_MOVEMENT
        audit.record(
            uow.session,
            till,
            action,
            staff.id,
            kind=kind,
            amount_fen=amount_fen,
            reason=reason,
            approval_id=approval,
        )
        uow.commit()
    return movement_id


@acting(Permission.CASH_IN_OUT, approvable=True)
def cash_in(
    database: Database,
    till: Till,
    staff: StaffSession,
    amount_fen: int,
    reason: str,
    *,
    approval_id: int | None = None,
) -> int:
    """Put cash into the drawer (change from the safe, say)."""
    return _cash_movement(
        database, till, staff, "cash_in", amount_fen, reason, Permission.CASH_IN_OUT, approval_id
    )


@acting(Permission.CASH_IN_OUT, approvable=True)
def cash_out(
    database: Database,
    till: Till,
    staff: StaffSession,
    amount_fen: int,
    reason: str,
    *,
    approval_id: int | None = None,
) -> int:
    """Take cash out of the drawer (to the safe, a supplier paid in cash)."""
    return _cash_movement(
        database, till, staff, "cash_out", amount_fen, reason, Permission.CASH_IN_OUT, approval_id
    )


@acting(Permission.OPEN_DRAWER, approvable=True)
def open_drawer(
    database: Database,
    till: Till,
    staff: StaffSession,
    reason: str,
    *,
    approval_id: int | None = None,
) -> int:
    """Record opening the drawer without a sale (the caller then kicks the drawer)."""
    return _cash_movement(
        database, till, staff, "drawer_open", 0, reason, Permission.OPEN_DRAWER, approval_id
    )


@acting(Permission.SELL)
def x_report(database: Database, till: Till, staff: StaffSession) -> ShiftReport:
    """The open shift's figures so far (stored as printed)."""
    with database.unit_of_work() as uow:
        shift = open_shift_of(uow.session, till)
        shifts = ShiftRepository(uow.session)
        report = ShiftReport(
            "X", shift.id, till.terminal_id, till.now(), staff.id, shifts.figures(shift)
        )
        report_id = shifts.add_report(report)
        uow.commit()
    return ShiftReport.from_dict(report.to_dict(), report_id)


@acting(Permission.CLOSE_SHIFT, approvable=True)
def close_shift(
    database: Database,
    till: Till,
    staff: StaffSession,
    counted_fen: dict[str, int],
    *,
    approval_id: int | None = None,
) -> ShiftReport:
    """Close the open shift with what was counted per tender; returns the stored Z report
    (expected, counted and difference per tender, sales, returns, discounts, by staff)."""
    unknown = set(counted_fen) - {kind.value for kind in TenderKind}
    if unknown:
        raise ShiftError("Unknown tender: {kinds}", kinds=", ".join(sorted(unknown)))
    with database.unit_of_work() as uow:
        session = uow.session
        shift = open_shift_of(session, till)
        approval = use_approval(session, till, staff, Permission.CLOSE_SHIFT, approval_id)
        shifts = ShiftRepository(session)
        now = till.now()
        head = AuditRepository(session).head()
        seq, digest = (head.seq, head.hash) if head else (0, "")
        unkeyed = audit.unkeyed_start(session, till.audit_key, seq) if till.audit_key else 0
        report = ShiftReport(
            "Z",
            shift.id,
            till.terminal_id,
            now,
            staff.id,
            shifts.figures(shift),
            dict(counted_fen),
            audit_seq=seq,
            audit_hash=digest,
            audit_code=audit.z_anchor_code(till, seq, digest),
        )
        report_id = shifts.add_report(report)
        shifts.close(shift.id, staff.id, now)
        audit.record(
            session,
            till,
            AuditAction.SHIFT_CLOSE,
            staff.id,
            shift_id=shift.id,
            report_id=report_id,
            sales_fen=report.figures.sales_fen,
            difference_fen=report.difference_fen,
            approval_id=approval,
        )
        uow.commit()
    audit.write_anchor(till, shift.id, seq, digest, unkeyed)
    return ShiftReport.from_dict(report.to_dict(), report_id)


def shift_report(database: Database, report_id: int) -> ShiftReport | None:
    """A stored X or Z report, for reprinting."""
    with database.reading() as session:
        return ShiftRepository(session).report(report_id)


def z_report(database: Database, shift_id: int) -> ShiftReport | None:
    """The Z report of a closed shift (None while the shift is open)."""
    with database.reading() as session:
        return ShiftRepository(session).z_report_of(shift_id)
