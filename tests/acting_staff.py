"""Logged-in staff for tests: the demo accounts (clerk 1001, supervisor 2001, manager 3001),
added with a cheap PIN hash when missing and logged in by their PINs, as at the counter."""

from __future__ import annotations

import weakref

from redhome_pos.domain.staff import ScryptCost, StaffSession
from redhome_pos.persistence.database import Database
from redhome_pos.services.counter import Till
from redhome_pos.services.demo_staff import add_demo_staff

CHEAP_PIN_COST = ScryptCost(n=16, r=1, p=1)  # tests only; production keeps the slow default
TEST_TILL = Till("RH01", "T1")


_LOGGED_IN: weakref.WeakKeyDictionary[Database, dict[str, StaffSession]] = (
    weakref.WeakKeyDictionary()
)


def demo_sessions(database: Database, till: Till = TEST_TILL) -> dict[str, StaffSession]:
    """The three demo accounts, logged in once per database, by staff code."""
    if database not in _LOGGED_IN:
        _LOGGED_IN[database] = add_demo_staff(database, till, cost=CHEAP_PIN_COST)
    return _LOGGED_IN[database]


def manager_session(database: Database, till: Till = TEST_TILL) -> StaffSession:
    """The demo manager, logged in (added first when the store has no staff)."""
    return demo_sessions(database, till)["3001"]
