"""A small store for the security tests: the demo staff logged in, a few SKUs with stock, a
till whose clock the test moves, and an open shift."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from acting_staff import CHEAP_PIN_COST
from hand_clock import Clock

from redhome_pos.domain.cart import Cart, CartItem
from redhome_pos.domain.catalog import Product, Sku
from redhome_pos.domain.staff import StaffSession
from redhome_pos.domain.tender import Tender
from redhome_pos.persistence.database import Database
from redhome_pos.persistence.repositories import CatalogRepository
from redhome_pos.services import checkout, shifts
from redhome_pos.services import stock as stock_service
from redhome_pos.services.counter import Till
from redhome_pos.services.demo_staff import add_demo_staff

SECRET = "security-secret-0123456789abcdef0123456789"
STORE = "RH01"

# code, title, price, stock
CATALOG = [
    ("LIP-520", "口红 #520", 11_700, 100),
    ("MASK-10", "面膜 10片", 9_900, 100),
    ("BAG-RED", "帆布包 红", 34_000, 50),
]


@dataclass
class Store:
    database: Database
    till: Till
    clock: Clock
    clerk: StaffSession
    supervisor: StaffSession
    manager: StaffSession
    items: dict[str, CartItem]

    def sell(self, cart: Cart, staff: StaffSession | None = None) -> str:
        total = cart.totals().total_fen
        sale = checkout.checkout(
            self.database, self.till, staff or self.clerk, cart, [Tender.cash(total)]
        )
        return sale.receipt_no


def make_store(database: Database, *, open_shift: bool = True, **till_fields: Any) -> Store:
    """``till_fields`` set more of the till (an audit key, an anchor file)."""
    clock = Clock()
    till = Till(STORE, "T1", "Asia/Shanghai", False, clock, SECRET, **till_fields)
    staff = add_demo_staff(database, till, cost=CHEAP_PIN_COST)
    items: dict[str, CartItem] = {}
    for code, title, price, on_hand in CATALOG:
        with database.unit_of_work() as uow:
            catalog = CatalogRepository(uow.session)
            product_id = catalog.add_product(
                Product(id=None, title_zh=title, brand="RED", category="test", vat_rate_bp=1300)
            )
            sku_id = catalog.add_sku(
                Sku(id=None, product_id=product_id, code=code, price_fen=price,
                    original_price_fen=price)
            )  # fmt: skip
            uow.commit()
        stock_service.receive(database, sku_id, on_hand, terminal_id="T1", staff=staff["3001"])
        items[code] = CartItem(sku_id, code, title, price, 1300)
    store = Store(database, till, clock, staff["1001"], staff["2001"], staff["3001"], items)
    if open_shift:
        shifts.open_shift(database, till, store.clerk, 10_000)
    return store
