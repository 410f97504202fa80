"""The child process of the lots crash test: ``setup DB`` or ``sell DB TOTAL``.

``setup`` makes a store with one lot-tracked SKU received in five small lots with different
expiry dates. ``sell`` rings up sales of three units by the plain barcode (first-expiring
first, so sales often span two lots), printing each receipt number after its commit, until the
database holds TOTAL sales; the parent kills it at random moments.
"""

from __future__ import annotations

import sys
from datetime import date

from sqlalchemy import func, select

from redhome_pos.domain.cart import Cart, CartItem
from redhome_pos.domain.catalog import Product, Sku
from redhome_pos.domain.staff import ScryptCost
from redhome_pos.domain.tender import Tender
from redhome_pos.persistence.database import Database
from redhome_pos.persistence.migrate import upgrade
from redhome_pos.persistence.models.counter import SaleRow
from redhome_pos.persistence.repositories import CatalogRepository
from redhome_pos.services import checkout, lots, shifts
from redhome_pos.services import stock as stock_service
from redhome_pos.services.counter import Till
from redhome_pos.services.demo_staff import add_demo_staff

TILL = Till("RH01", "T9", code_secret="lots-crash-secret")
PRICE = 8_800
PER_SALE = 3
LOTS = [(f"L{n}", date(2031, 1, n + 1), 70) for n in range(5)]  # 350 units in all


def setup(database: Database) -> None:
    upgrade(database)
    staff = add_demo_staff(database, TILL, cost=ScryptCost(n=16, r=1, p=1))
    with database.unit_of_work() as uow:
        catalog = CatalogRepository(uow.session)
        product_id = catalog.add_product(Product(None, "面膜", "RED", "护肤"))
        sku_id = catalog.add_sku(Sku(None, product_id, "MASK-L", PRICE, PRICE))
        uow.commit()
    lots.set_lot_tracked(database, TILL, staff["3001"], ["MASK-L"], True)
    for lot, expiry, quantity in LOTS:
        stock_service.receive(
            database, sku_id, quantity, terminal_id=TILL.terminal_id, staff=staff["3001"],
            lot=lot, expiry=expiry,
        )  # fmt: skip
    shifts.open_shift(database, TILL, staff["1001"], 50_000)


def sell(database: Database, total: int) -> None:
    staff = add_demo_staff(database, TILL)["1001"]
    item = CartItem(1, "MASK-L", "面膜", PRICE, 1300)
    print("ready", flush=True)
    while True:
        with database.reading() as session:
            done = session.scalar(select(func.count()).select_from(SaleRow)) or 0
        if done >= total:
            break
        cart = Cart()
        cart.add(item, PER_SALE)
        sale = checkout.checkout(database, TILL, staff, cart, [Tender.cash(PRICE * PER_SALE)])
        print(sale.receipt_no, flush=True)
    print("finished", flush=True)


if __name__ == "__main__":
    db = Database(f"sqlite:///{sys.argv[2]}")
    if sys.argv[1] == "setup":
        setup(db)
    else:
        sell(db, int(sys.argv[3]))
    db.dispose()
