"""Demo staff accounts for the demo store and the tests.

| code | name | role | PIN | badge |
| 1001 | 王小红 (clerk) | clerk | 1111 | RH-STAFF-1001 |
| 2001 | 李主管 (supervisor) | supervisor | 2222 | RH-STAFF-2001 |
| 3001 | 张店长 (manager) | manager | 3333 | RH-STAFF-3001 |
"""

from __future__ import annotations

from dataclasses import dataclass

from redhome_pos.domain.staff import PIN_COST, Role, ScryptCost, StaffSession
from redhome_pos.persistence.database import Database
from redhome_pos.persistence.repositories.staff import StaffRepository
from redhome_pos.services.counter import Till
from redhome_pos.services.staff import add_first_manager, add_staff, login


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
) -> dict[str, StaffSession]:
    """Add the demo accounts that are missing (the manager first, as the store's first
    manager, who then adds the others); returns all three logged in, by code."""
    manager = next(a for a in DEMO_ACCOUNTS if a.role is Role.MANAGER)
    if not _exists(database, manager.code):
        add_first_manager(
            database,
            till,
            manager.code,
            manager.name,
            manager.pin,
            badge_code=manager.badge_code,
            cost=cost,
        )
    acting_manager = login(database, till, manager.code, manager.pin)
    for account in DEMO_ACCOUNTS:
        if not _exists(database, account.code):
            add_staff(
                database,
                till,
                account.code,
                account.name,
                account.role,
                account.pin,
                badge_code=account.badge_code,
                actor=acting_manager,
                cost=cost,
            )
    return {
        account.code: acting_manager
        if account is manager
        else login(database, till, account.code, account.pin)
        for account in DEMO_ACCOUNTS
    }


def _exists(database: Database, code: str) -> bool:
    with database.reading() as session:
        return StaffRepository(session).by_code(code) is not None
