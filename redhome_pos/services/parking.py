"""Parking a cart: put a sale aside (the customer fetches something) and recall it later.

Parked carts are stored per terminal, so they survive closing the program.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from redhome_pos.domain.cart import Cart, CartError
from redhome_pos.domain.staff import Permission, StaffSession
from redhome_pos.persistence.database import Database
from redhome_pos.persistence.repositories.shifts import ParkedCartRepository
from redhome_pos.services.counter import Till
from redhome_pos.services.sessions import acting


@dataclass(frozen=True, slots=True)
class ParkedCart:
    id: int
    label: str
    parked_at: datetime
    staff_id: int


@acting(Permission.SELL)
def park(database: Database, till: Till, staff: StaffSession, cart: Cart, label: str = "") -> int:
    """Store ``cart`` aside; returns its parking id."""
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


@acting(Permission.SELL)
def recall(database: Database, till: Till, staff: StaffSession, cart_id: int) -> Cart:
    """Take a parked cart back to the counter (it leaves the parked list)."""
    with database.unit_of_work() as uow:
        data = ParkedCartRepository(uow.session).take(cart_id, till.terminal_id)
        if data is None:
            raise CartError("No parked cart {cart_id} at this terminal", cart_id=cart_id)
        uow.commit()
    return Cart.from_dict(data)
