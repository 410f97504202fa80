"""Staff administration goes through the staff service, with its permission and audit."""

from __future__ import annotations

import pytest
from counter_store import CHEAP_PIN_COST, Store, make_store

from redhome_pos.domain.audit import AuditAction
from redhome_pos.domain.errors import PermissionDenied
from redhome_pos.domain.staff import Role, StaffError
from redhome_pos.persistence.database import Database
from redhome_pos.persistence.repositories.audit import AuditRepository
from redhome_pos.services import audit
from redhome_pos.services.staff import login
from redhome_pos.services.staff_admin import StaffChange, change_staff


@pytest.fixture
def store(database: Database) -> Store:
    return make_store(database)


def test_a_clerk_may_not_change_staff(store: Store) -> None:
    with pytest.raises(PermissionDenied):
        change_staff(
            store.database, store.till, store.clerk, StaffChange(store.clerk.id, role=Role.MANAGER)
        )


def test_a_manager_resets_a_pin_and_the_audit_says_so_without_the_pin(store: Store) -> None:
    db, till = store.database, store.till
    change_staff(
        db, till, store.manager, StaffChange(store.clerk.id, pin="8642"), cost=CHEAP_PIN_COST
    )
    assert login(db, till, store.clerk.code, "8642").id == store.clerk.id
    with db.reading() as session:
        events = [
            e for e in AuditRepository(session).events() if e.action == AuditAction.STAFF_CHANGE
        ]
    assert events[-1].detail["pin"] == "reset"
    assert "8642" not in repr(events[-1])
    assert audit.verify(db) == []


def test_a_manager_cannot_lower_their_own_role(store: Store) -> None:
    with pytest.raises(StaffError):
        change_staff(
            store.database,
            store.till,
            store.manager,
            StaffChange(store.manager.id, role=Role.CLERK),
        )
