"""The audit log: services append sensitive actions in their own transaction; ``verify`` walks
the whole chain and reports every row that was changed or removed."""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from redhome_pos.domain.audit import (
    GENESIS_HASH,
    AuditAction,
    AuditEvent,
    ChainBreak,
    verify_chain,
)
from redhome_pos.persistence.database import Database
from redhome_pos.persistence.repositories.audit import AuditRepository
from redhome_pos.persistence.repositories.shifts import ShiftRepository
from redhome_pos.services.counter import Till


def record(
    session: Session,
    till: Till,
    action: AuditAction,
    staff_id: int | None,
    **detail: Any,
) -> AuditEvent:
    """Append an event in the caller's unit of work (it commits with the action itself)."""
    return AuditRepository(session).append(
        action.value, staff_id, till.terminal_id, till.now(), detail
    )


def record_action(
    database: Database, till: Till, action: AuditAction, staff_id: int | None, **detail: Any
) -> AuditEvent:
    """Append one event in its own transaction, for actions recorded by other areas (a
    settings change, a drawer kicked by the printer)."""
    with database.unit_of_work() as uow:
        event = record(uow.session, till, action, staff_id, **detail)
        uow.commit()
    return event


def verify(database: Database) -> list[ChainBreak]:
    """Every break in the audit chain (empty when no row was edited or deleted).

    Besides the chain itself, the head row and every Z report name the newest event at their
    time: if that event is gone or different, the newest events were deleted or rewritten.
    """
    with database.reading() as session:
        repo = AuditRepository(session)
        breaks = verify_chain(repo.events())
        newest = repo.head()
        seq, digest = repo.recorded_head()
        if (newest.seq if newest else 0, newest.hash if newest else GENESIS_HASH) != (
            seq,
            digest,
        ):
            breaks.append(
                ChainBreak(seq, "the newest events are missing or changed (the head says so)")
            )
        for shift_id, seq, digest in ShiftRepository(session).z_audit_anchors():
            if seq and repo.hash_of(seq) != digest:
                breaks.append(
                    ChainBreak(
                        seq, f"is missing or changed; the Z report of shift {shift_id} names it"
                    )
                )
    return breaks


def head(database: Database) -> AuditEvent | None:
    with database.reading() as session:
        return AuditRepository(session).head()
