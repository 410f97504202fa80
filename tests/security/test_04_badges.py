"""Point 4: badges. A badge is no way round a PIN lockout; each badge has an id in its signed
code and is revoked on its own; a plain (unsigned) badge logs in only where the store allows
it; whether a badge also needs the PIN is the store's rule (by default: managers do)."""

from __future__ import annotations

from dataclasses import replace

import pytest
from security_store import SECRET, Store, make_store

from redhome_pos.domain import signed_codes
from redhome_pos.domain.staff import MAX_FAILED_PINS, BadgeNeedsPinError, StaffError, StaffSession
from redhome_pos.persistence.database import Database
from redhome_pos.persistence.repositories.audit import AuditRepository
from redhome_pos.services.staff import login, login_badge
from redhome_pos.services.staff_admin import StaffChange, change_staff, revoke_badge


@pytest.fixture
def store(database: Database) -> Store:
    return make_store(database, open_shift=False)


def _issue(store: Store, person: StaffSession) -> str:
    change = StaffChange(person.id, badge=True)
    staff = change_staff(store.database, store.till, store.manager, change)
    assert staff.badge_code is not None
    return staff.badge_code


def _badge_id(badge: str) -> str:
    code = signed_codes.verify(badge, secret=SECRET, store="RH01")
    assert isinstance(code, signed_codes.StaffBadge)
    return code.badge_id


def test_a_badge_does_not_get_past_a_pin_lockout(store: Store) -> None:
    badge = _issue(store, store.clerk)
    assert login_badge(store.database, store.till, badge).code == "1001"
    for _ in range(MAX_FAILED_PINS):
        with pytest.raises(StaffError):
            login(store.database, store.till, "1001", "0000")
    with pytest.raises(StaffError, match="locked"):
        login_badge(store.database, store.till, badge)
    store.clock.advance(minutes=6)
    assert login_badge(store.database, store.till, badge).code == "1001"


def test_badges_are_revoked_one_by_one(store: Store) -> None:
    db, till = store.database, store.till
    lost = _issue(store, store.clerk)
    kept = _issue(store, store.clerk)
    assert _badge_id(lost) != _badge_id(kept)
    revoke_badge(db, till, store.manager, _badge_id(lost))
    with pytest.raises(StaffError, match="revoked"):
        login_badge(db, till, lost)
    assert login_badge(db, till, kept).code == "1001"
    with db.reading() as session:
        refused = AuditRepository(session).of_action("login_failed")[0]
    assert refused.detail["badge_id"] == _badge_id(lost)
    # Only a manager revokes, and a badge of one store's make without an id is not accepted.
    with pytest.raises(Exception, match="may not manage staff"):
        revoke_badge(db, till, store.clerk, _badge_id(kept))
    old_style = signed_codes.sign_staff_badge(SECRET, "RH01", "1001")
    with pytest.raises(StaffError, match="new one"):
        login_badge(db, till, old_style)
    # A signed badge naming another person's badge id is refused too.
    other = _issue(store, store.supervisor)
    borrowed = signed_codes.sign_staff_badge(SECRET, "RH01", "1001", _badge_id(other))
    with pytest.raises(StaffError, match="revoked"):
        login_badge(db, till, borrowed)


def test_a_plain_badge_is_refused_unless_the_store_allows_it(store: Store) -> None:
    db = store.database
    with pytest.raises(StaffError, match="only the badges its back office issues"):
        login_badge(db, store.till, "RH-STAFF-1001")
    allowing = replace(store.till, allow_plain_badges=True)
    assert login_badge(db, allowing, "RH-STAFF-1001").code == "1001"


def test_whether_a_badge_needs_the_pin_is_the_stores_rule(store: Store) -> None:
    db, till = store.database, store.till
    manager_badge, clerk_badge = _issue(store, store.manager), _issue(store, store.clerk)
    with pytest.raises(BadgeNeedsPinError) as asked:
        login_badge(db, till, manager_badge)  # the default: managers type their PIN too
    assert asked.value.params["code"] == "3001"
    with pytest.raises(StaffError, match="wrong PIN"):
        login_badge(db, till, manager_badge, "0000")
    assert login_badge(db, till, manager_badge, "3333").code == "3001"
    assert login_badge(db, till, clerk_badge).code == "1001"
    everyone = replace(till, badge_needs_pin="everyone")
    with pytest.raises(BadgeNeedsPinError):
        login_badge(db, everyone, clerk_badge)
    nobody = replace(till, badge_needs_pin="nobody")
    assert login_badge(db, nobody, manager_badge).code == "3001"
