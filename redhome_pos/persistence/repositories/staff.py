"""Staff accounts, their PIN state, and approvals given by one staff member to another."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import bindparam, select, update
from sqlalchemy.orm import Session

from redhome_pos.domain.staff import PinState, Role, Staff, StaffError
from redhome_pos.persistence.models.counter import ApprovalRow
from redhome_pos.persistence.models.staff import StaffRow
from redhome_pos.persistence.repositories.counter_sql import Prepared

_STANDING = Prepared(
    select(StaffRow.role, StaffRow.active).where(StaffRow.id == bindparam("staff_id"))
)


def _staff(row: StaffRow) -> Staff:
    return Staff(
        id=row.id,
        code=row.code,
        name=row.name,
        role=Role(row.role),
        active=row.active,
        badge_code=row.badge_code,
    )


class StaffRepository:
    """Staff records on one session; PIN hashes never leave this class except for checking."""

    def __init__(self, session: Session) -> None:
        self._session = session

    def add(self, code: str, name: str, role: Role, pin_hash: str, badge_code: str | None) -> Staff:
        if self._session.scalar(select(StaffRow.id).where(StaffRow.code == code)):
            raise StaffError("Staff code {code} is taken", code=code)
        row = StaffRow(
            code=code,
            name=name,
            role=role.value,
            pin_hash=pin_hash,
            badge_code=badge_code,
            active=True,
            failed_pins=0,
            pin_lockouts=0,
        )
        self._session.add(row)
        self._session.flush()
        return _staff(row)

    def by_id(self, staff_id: int) -> Staff | None:
        row = self._session.get(StaffRow, staff_id)
        return _staff(row) if row else None

    def standing(self, staff_id: int) -> tuple[Role, bool] | None:
        """The role and whether the account is active, read for every checked action (a
        prepared statement, not the whole row as an entity)."""
        self._session.flush()  # a change to the person made on this session counts
        row = _STANDING.first(self._session, {"staff_id": staff_id})
        return (Role(row.role), bool(row.active)) if row else None

    def by_code(self, code: str) -> Staff | None:
        row = self._session.scalar(select(StaffRow).where(StaffRow.code == code))
        return _staff(row) if row else None

    def by_badge(self, badge_code: str) -> Staff | None:
        row = self._session.scalar(select(StaffRow).where(StaffRow.badge_code == badge_code))
        return _staff(row) if row else None

    def everyone(self) -> list[Staff]:
        return [_staff(r) for r in self._session.scalars(select(StaffRow).order_by(StaffRow.code))]

    def pin_hash(self, staff_id: int) -> str:
        return self._session.scalar(select(StaffRow.pin_hash).where(StaffRow.id == staff_id)) or ""

    def pin_state(self, staff_id: int) -> PinState:
        row = self._session.get(StaffRow, staff_id)
        if row is None:
            return PinState()
        return PinState(row.failed_pins, row.locked_until, row.pin_lockouts or 0)

    def save_pin_state(self, staff_id: int, state: PinState) -> None:
        self._session.execute(
            update(StaffRow)
            .where(StaffRow.id == staff_id)
            .values(
                failed_pins=state.failed_pins,
                locked_until=state.locked_until,
                pin_lockouts=state.lockouts,
            )
        )

    def set_pin_hash(self, staff_id: int, pin_hash: str) -> None:
        self._session.execute(
            update(StaffRow).where(StaffRow.id == staff_id).values(pin_hash=pin_hash)
        )

    def set_active(self, staff_id: int, active: bool) -> None:
        self._session.execute(update(StaffRow).where(StaffRow.id == staff_id).values(active=active))


class ApprovalRepository:
    def __init__(self, session: Session) -> None:
        self._session = session

    def add(
        self,
        action: str,
        approver_id: int,
        requested_by: int,
        terminal_id: str,
        at: datetime,
        detail: dict[str, Any],
    ) -> int:
        row = ApprovalRow(
            action=action,
            approver_id=approver_id,
            requested_by=requested_by,
            terminal_id=terminal_id,
            created_at=at,
            detail=detail,
        )
        self._session.add(row)
        self._session.flush()
        return row.id

    def approver_role(self, approval_id: int) -> Role | None:
        """The role (now) of whoever gave the approval, or None for an unknown approval."""
        role = self._session.scalar(
            select(StaffRow.role)
            .join(ApprovalRow, ApprovalRow.approver_id == StaffRow.id)
            .where(ApprovalRow.id == approval_id)
        )
        return Role(role) if role is not None else None

    def covered(self, approval_id: int) -> dict[str, Any] | None:
        """What an approval was given for (its ``covers``), if it says."""
        detail = self._session.scalar(
            select(ApprovalRow.detail).where(ApprovalRow.id == approval_id)
        )
        covers = (detail or {}).get("covers")
        return dict(covers) if isinstance(covers, dict) else None

    def use(
        self, approval_id: int, action: str, requested_by: int, at: datetime, not_before: datetime
    ) -> bool:
        """Mark an approval used for ``action``; False unless it is for that action, for that
        person, given after ``not_before`` and not used before."""
        result = self._session.execute(
            update(ApprovalRow)
            .where(
                ApprovalRow.id == approval_id,
                ApprovalRow.action == action,
                ApprovalRow.requested_by == requested_by,
                ApprovalRow.created_at >= not_before,
                ApprovalRow.used_at.is_(None),
            )
            .values(used_at=at)
        )
        return bool(getattr(result, "rowcount", 0) == 1)
