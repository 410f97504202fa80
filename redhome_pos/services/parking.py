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
    label: str  # the clerk's note ("顾客去取钱")
    parked_at: datetime
    staff_id: int
    total_fen: int = 0  # as parked (promotions are priced again when recalled)
    items: int = 0


@acting(Permission.SELL)
def park(database: Database, till: Till, staff: StaffSession, cart: Cart, label: str = "") -> int:
    """Store ``cart`` aside with the clerk's note ``label``; returns its parking id."""
    if len(label) > 100:
        raise CartError("A note for a parked sale is at most 100 characters")
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
    carts = []
    for cart_id, label, parked_at, staff_id, data in rows:
        totals = Cart.from_dict(data).totals()
        items = sum(priced.line.quantity for priced in totals.lines)
        carts.append(ParkedCart(cart_id, label, parked_at, staff_id, totals.total_fen, items))
    return carts


@acting(Permission.SELL)
def recall(database: Database, till: Till, staff: StaffSession, cart_id: int) -> Cart:
    """Take a parked cart back to the counter (it leaves the parked list)."""
    with database.unit_of_work() as uow:
        data = ParkedCartRepository(uow.session).take(cart_id, till.terminal_id)
        if data is None:
            raise CartError("No parked cart {cart_id} at this terminal", cart_id=cart_id)
        uow.commit()
    return Cart.from_dict(data)
