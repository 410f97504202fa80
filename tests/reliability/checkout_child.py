"""The child process of the checkout crash test: ``setup DB`` or ``sell DB TOTAL``.

``sell`` rings up 3-line sales (split cash/card, a discount) until the database holds TOTAL
sales, printing each receipt number after its commit; the parent kills it at random moments.
"""

from __future__ import annotations

import sys

from sqlalchemy import func, select

from redhome_pos.domain.cart import Cart, CartItem, Discount
from redhome_pos.domain.catalog import Product, Sku
from redhome_pos.domain.staff import ScryptCost
from redhome_pos.domain.tender import Tender, TenderKind
from redhome_pos.persistence.database import Database
from redhome_pos.persistence.migrate import upgrade
from redhome_pos.persistence.models.counter import SaleRow
from redhome_pos.persistence.repositories import CatalogRepository
from redhome_pos.services import checkout, shifts
from redhome_pos.services import stock as stock_service
from redhome_pos.services.counter import Till
from redhome_pos.services.demo_staff import add_demo_staff

TILL = Till("RH01", "T9")
PRICES = [25_900, 9_900, 4_500]
LINES_PER_SALE = 3


def setup(database: Database) -> None:
    upgrade(database)
    staff = add_demo_staff(database, TILL, cost=ScryptCost(n=16, r=1, p=1))
    for n, price in enumerate(PRICES):
        with database.unit_of_work() as uow:
            catalog = CatalogRepository(uow.session)
            product_id = catalog.add_product(
                Product(id=None, title_zh=f"商品{n}", brand="RED", category="test")
            )
            sku_id = catalog.add_sku(
                Sku(
                    id=None,
                    product_id=product_id,
                    code=f"SKU-{n}",
                    price_fen=price,
                    original_price_fen=price,
                )
            )
            uow.commit()
        stock_service.receive(
            database, sku_id, 10_000, terminal_id=TILL.terminal_id, staff=staff["3001"]
        )
    shifts.open_shift(database, TILL, staff["1001"], 50_000)


def sell(database: Database, total: int) -> None:
    staff = add_demo_staff(database, TILL)["1001"]  # all exist: nothing is hashed
    items = [CartItem(n + 1, f"SKU-{n}", f"商品{n}", p, 1300) for n, p in enumerate(PRICES)]
    print("ready", flush=True)
    while True:
        with database.reading() as session:
            done = session.scalar(select(func.count()).select_from(SaleRow)) or 0
        if done >= total:
            break
        cart = Cart()
        for quantity, item in enumerate(items, start=1):
            cart.add(item, quantity)
        cart.discount_order(Discount(amount_fen=333))
        due = cart.totals().total_fen
        sale = checkout.checkout(
            database,
            TILL,
            staff,
            cart,
            [Tender(TenderKind.CARD, due // 3, "slip"), Tender.cash(due - due // 3 + 50)],
        )
        print(sale.receipt_no, flush=True)
    print("finished", flush=True)


if __name__ == "__main__":
    db = Database(f"sqlite:///{sys.argv[2]}")
    if sys.argv[1] == "setup":
        setup(db)
    else:
        sell(db, int(sys.argv[3]))
    db.dispose()
