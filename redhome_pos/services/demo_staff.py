"""Demo staff accounts for the demo store and the tests.

| code | name | role | PIN | badge |
| 1001 | 王小红 (clerk) | clerk | 1111 | RH-STAFF-1001 |
| 2001 | 李主管 (supervisor) | supervisor | 2222 | RH-STAFF-2001 |
| 3001 | 张店长 (manager) | manager | 3333 | RH-STAFF-3001 |
"""

from __future__ import annotations

from dataclasses import dataclass

from redhome_pos.domain.staff import PIN_COST, Role, ScryptCost, Staff
from redhome_pos.persistence.database import Database
from redhome_pos.persistence.repositories.staff import StaffRepository
from redhome_pos.services.counter import Till
from redhome_pos.services.staff import add_staff


@dataclass(frozen=True, slots=True)
class DemoAccount:
    code: str
    name: str
    role: Role
    pin: str
    badge_code: str


DEMO_ACCOUNTS = (
    DemoAccount("1001", "王小红", Role.CLERK, "1111", "RH-STAFF-1001"),
    DemoAccount("2001", "李主管", Role.SUPERVISOR, "2222", "RH-STAFF-2001"),
    DemoAccount("3001", "张店长", Role.MANAGER, "3333", "RH-STAFF-3001"),
)


def add_demo_staff(
    database: Database, till: Till, *, cost: ScryptCost = PIN_COST
) -> dict[str, Staff]:
    """Add the demo accounts that are missing; returns all three by code."""
    staff: dict[str, Staff] = {}
    for account in DEMO_ACCOUNTS:
        with database.reading() as session:
            existing = StaffRepository(session).by_code(account.code)
        staff[account.code] = existing or add_staff(
            database,
            till,
            account.code,
            account.name,
            account.role,
            account.pin,
            badge_code=account.badge_code,
            cost=cost,
        )
    return staff
