"""Staff management from the back office, run on the app's workers: add, change role, reset
the PIN, give a badge, deactivate. The rules and the audit live in the staff services."""

from __future__ import annotations

from redhome_pos.domain.staff import PIN_COST, Role, ScryptCost, Staff, StaffSession
from redhome_pos.persistence.database import Database
from redhome_pos.services import staff as staff_service
from redhome_pos.services.counter import Till
from redhome_pos.services.staff_admin import StaffChange, change_staff

__all__ = ["StaffChange", "add", "change", "everyone"]


def everyone(database: Database) -> list[Staff]:
    return staff_service.list_staff(database)


def add(
    database: Database,
    till: Till,
    actor: StaffSession,
    code: str,
    name: str,
    role: Role,
    pin: str,
    cost: ScryptCost = PIN_COST,
) -> Staff:
    return staff_service.add_staff(
        database, till, code.strip(), name.strip(), role, pin, actor=actor, cost=cost
    )


def change(
    database: Database,
    till: Till,
    actor: StaffSession,
    change: StaffChange,
    cost: ScryptCost = PIN_COST,
) -> Staff:
    return change_staff(database, till, actor, change, cost)
