"""PINs, the permission table and the lockout rule."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from redhome_pos.domain.errors import PermissionDenied
from redhome_pos.domain.staff import (
    LOCKOUTS,
    MAX_FAILED_PINS,
    PIN_COST,
    Permission,
    PinState,
    Role,
    ScryptCost,
    Staff,
    StaffError,
    hash_pin,
    may_discount,
    pin_matches,
    require,
)

CHEAP = ScryptCost(n=16, r=1, p=1)
pins = st.text("0123456789", min_size=4, max_size=8)


@settings(max_examples=50)
@given(pins, pins)
def test_a_pin_matches_only_itself(pin: str, other: str) -> None:
    stored = hash_pin(pin, cost=CHEAP)
    # Kept as scheme, cost, salt and hash: no field is the PIN itself, and the same PIN hashed
    # again gives another salt and hash. (A short PIN can turn up by chance inside the hex
    # digits of the salt or hash: that reveals nothing, so the test does not look there.)
    scheme, n, r, p, salt, digest = stored.split("$")
    assert (scheme, n, r, p) == ("scrypt", "16", "1", "1")
    assert pin not in (salt, digest)
    assert int(salt, 16) >= 0 and int(digest, 16) >= 0  # hex, not the PIN in another form
    again = hash_pin(pin, cost=CHEAP)
    assert again.split("$")[4:] != [salt, digest]
    assert pin_matches(pin, stored)
    assert pin_matches(other, stored) == (other == pin)


def test_salted_and_the_production_cost_stays_slow() -> None:
    assert hash_pin("1234", cost=CHEAP) != hash_pin("1234", cost=CHEAP)
    assert PIN_COST.n >= 2**14 and PIN_COST.r >= 8
    assert hash_pin("1234").startswith(f"scrypt${PIN_COST.n}$")


@pytest.mark.parametrize("pin", ["123", "123456789", "12a4", "", "１２３４"])
def test_pin_format(pin: str) -> None:
    with pytest.raises(StaffError):
        hash_pin(pin, cost=CHEAP)


def test_garbage_hashes_never_match() -> None:
    assert not pin_matches("1234", "")
    assert not pin_matches("1234", "bcrypt$1$2$3$aa$bb")
    assert not pin_matches("1234", "scrypt$x$1$1$aa$bb")


def test_the_permission_table() -> None:
    clerk = Staff(1, "1001", "a", Role.CLERK)
    supervisor = Staff(2, "2001", "b", Role.SUPERVISOR)
    manager = Staff(3, "3001", "c", Role.MANAGER)
    assert clerk.may(Permission.SELL) and not clerk.may(Permission.REFUND)
    assert supervisor.may(Permission.REFUND) and not supervisor.may(Permission.MANAGE_STAFF)
    assert all(manager.may(p) for p in Permission)
    with pytest.raises(PermissionDenied, match="may not refund"):
        require(clerk, Permission.REFUND)
    assert not Staff(4, "x", "d", Role.MANAGER, active=False).may(Permission.SELL)
    assert may_discount(clerk, 1_000) and not may_discount(clerk, 1_001)
    assert may_discount(supervisor, 3_000) and may_discount(manager, 10_000)


@given(st.lists(st.booleans(), max_size=30))
def test_lockout_after_five_failures_then_longer_after_each_further_one(
    attempts: list[bool],
) -> None:
    now = datetime(2026, 1, 1, tzinfo=UTC)
    state = PinState()
    run = lockouts = 0
    for ok in attempts:
        if state.is_locked(now):
            period = LOCKOUTS[min(lockouts, len(LOCKOUTS)) - 1]
            assert state.is_locked(now + period - timedelta(seconds=1))
            assert not state.is_locked(now + period)
            now += period
        if ok:
            state, run, lockouts = state.after_success(), 0, 0
            continue
        state, run = state.after_failure(now), run + 1
        # Five in a row lock; once locked, every further wrong PIN locks again (no fresh tries).
        locks = run == MAX_FAILED_PINS or lockouts > 0
        assert state.is_locked(now) == locks
        if locks:
            run, lockouts = 0, lockouts + 1
            assert state.lockouts == lockouts
