"""Parking a cart: put a sale aside (the customer fetches something) and recall it later.

Parked carts are stored per terminal, so they survive closing the program.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from redhome_pos.domain.cart import Cart, CartError
from redhome_pos.domain.staff import Permission, Staff, require
from redhome_pos.persistence.database import Database
from redhome_pos.persistence.repositories.shifts import ParkedCartRepository
from redhome_pos.services.counter import Till


@dataclass(frozen=True, slots=True)
class ParkedCart:
    id: int
    label: str
    parked_at: datetime
    staff_id: int


def park(database: Database, till: Till, staff: Staff, cart: Cart, label: str = "") -> int:
    """Store ``cart`` aside; returns its parking id."""
    require(staff, Permission.SELL)
    if cart.is_empty:
        raise CartError("The cart is empty")
    with database.unit_of_work() as uow:
        cart_id = ParkedCartRepository(uow.session).park(
            till.terminal_id, staff.id, label, till.now(), cart.to_dict()
        )
        uow.commit()
    return cart_id


def parked(database: Database, till: Till) -> list[ParkedCart]:
    """The carts parked at this terminal, oldest first."""
    with database.reading() as session:
        rows = ParkedCartRepository(session).parked(till.terminal_id)
    return [ParkedCart(*row) for row in rows]


def recall(database: Database, till: Till, staff: Staff, cart_id: int) -> Cart:
    """Take a parked cart back to the counter (it leaves the parked list)."""
    require(staff, Permission.SELL)
    with database.unit_of_work() as uow:
        data = ParkedCartRepository(uow.session).take(cart_id, till.terminal_id)
        if data is None:
            raise CartError("No parked cart {cart_id} at this terminal", cart_id=cart_id)
        uow.commit()
    return Cart.from_dict(data)
