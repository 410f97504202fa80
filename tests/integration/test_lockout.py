"""Five wrong PINs lock an account for a few minutes (time moved by an injected clock)."""

from __future__ import annotations

from dataclasses import replace

import pytest
from counter_store import Store, make_store

from redhome_pos.domain.signed_codes import SignedCodeError
from redhome_pos.domain.staff import LOCKOUT, MAX_FAILED_PINS, StaffError
from redhome_pos.persistence.database import Database
from redhome_pos.persistence.repositories.audit import AuditRepository
from redhome_pos.services import audit
from redhome_pos.services.staff import login, login_badge
from redhome_pos.services.staff_admin import StaffChange, change_staff

ALSO_ON_POSTGRES = True  # run on PostgreSQL too when a server is configured


@pytest.fixture
def store(database: Database) -> Store:
    return make_store(database)


def test_five_wrong_pins_lock_the_account_until_the_lock_runs_out(store: Store) -> None:
    db, till = store.database, store.till
    for _ in range(MAX_FAILED_PINS - 1):
        with pytest.raises(StaffError, match="wrong PIN"):
            login(db, till, "1001", "0000")
    assert login(db, till, "1001", "1111").code == "1001"  # a good PIN resets the count

    for _ in range(MAX_FAILED_PINS):
        with pytest.raises(StaffError, match="wrong PIN"):
            login(db, till, "1001", "0000")
    with pytest.raises(StaffError, match="locked"):
        login(db, till, "1001", "1111")  # even the right PIN while locked
    store.clock.advance(seconds=LOCKOUT.total_seconds() - 1)
    with pytest.raises(StaffError, match="locked"):
        login(db, till, "1001", "1111")
    store.clock.advance(seconds=1)
    assert login(db, till, "1001", "1111").name == "王小红"

    # Other staff are not affected, and everything is in the audit log.
    assert login(db, till, "2001", "2222").code == "2001"
    with db.reading() as session:
        repo = AuditRepository(session)
        assert len(repo.of_action("login_failed")) == 2 * MAX_FAILED_PINS - 1
        assert len(repo.of_action("locked_out")) == 1
        assert len(repo.of_action("login")) == 3 + 3  # three more when the store was made
    assert audit.verify(db) == []


def test_unknown_code_and_badges(store: Store) -> None:
    db, till = store.database, store.till
    with pytest.raises(StaffError, match="wrong PIN"):
        login(db, till, "9999", "1111")
    # Plain badges log in where the store allows them (a manager's with the PIN, by default).
    plain = replace(till, allow_plain_badges=True)
    assert login_badge(db, plain, "RH-STAFF-3001", "3333").code == "3001"
    issued = change_staff(db, till, store.manager, StaffChange(store.supervisor.id, badge=True))
    signed = issued.badge_code
    assert signed is not None
    assert login_badge(db, till, signed).code == "2001"
    with pytest.raises(SignedCodeError):
        login_badge(db, till, signed[:-2] + "00")
    with pytest.raises(StaffError):
        login_badge(db, till, "RH-STAFF-4242")
