"""The child process of the points crash test: ``setup DB`` or ``sell DB TOTAL``.

``setup`` makes a store with one member who earns 10,000 points on a first sale. ``sell``
rings up sales for that member, each paying 100 points and the rest in cash (so each sale
both redeems and earns), printing each receipt number after its commit, until the database
holds TOTAL sales; the parent kills it at random moments.
"""

from __future__ import annotations

import sys

from sqlalchemy import func, select

from redhome_pos.domain.cart import Cart, CartItem, PromotionContext
from redhome_pos.domain.catalog import Product, Sku
from redhome_pos.domain.staff import ScryptCost
from redhome_pos.domain.tender import Tender, TenderKind
from redhome_pos.persistence.database import Database
from redhome_pos.persistence.migrate import upgrade
from redhome_pos.persistence.models.counter import SaleRow
from redhome_pos.persistence.repositories import CatalogRepository
from redhome_pos.services import checkout, members, promotions, shifts
from redhome_pos.services import stock as stock_service
from redhome_pos.services.counter import Till
from redhome_pos.services.demo_staff import add_demo_staff

TILL = Till("RH01", "T9", code_secret="points-crash-secret")
PHONE = "13900001111"
PRICE = 12_345
REDEEM = 100


def setup(database: Database) -> None:
    upgrade(database)
    staff = add_demo_staff(database, TILL, cost=ScryptCost(n=16, r=1, p=1))
    with database.unit_of_work() as uow:
        catalog = CatalogRepository(uow.session)
        product_id = catalog.add_product(Product(None, "面霜", "RED", "care"))
        sku_id = catalog.add_sku(Sku(None, product_id, "CREAM-1", PRICE, PRICE))
        uow.commit()
    stock_service.receive(
        database, sku_id, 100_000, terminal_id=TILL.terminal_id, staff=staff["3001"]
    )
    shifts.open_shift(database, TILL, staff["1001"], 50_000)
    member = members.enrol(database, TILL, staff["1001"], PHONE, consent=True)
    cart = Cart()
    cart.set_member(member)
    cart.add(CartItem(sku_id, "CREAM-1", "面霜", 1_000_000, 1300))
    cart.override_price(1, 1_000_000, approval_id=None)  # a first big sale: 10,000 points
    checkout.checkout(database, TILL, staff["3001"], cart, [Tender.cash(1_000_000)])


def sell(database: Database, total: int) -> None:
    staff = add_demo_staff(database, TILL)["1001"]
    member = members.find_by_phone(database, TILL, PHONE)
    assert member is not None
    book = promotions.load_book(database, TILL)
    item = CartItem(1, "CREAM-1", "面霜", PRICE, 1300)
    print("ready", flush=True)
    while True:
        with database.reading() as session:
            done = session.scalar(select(func.count()).select_from(SaleRow)) or 0
        if done >= total:
            break
        cart = Cart(promotions=PromotionContext(book, TILL.now()))
        cart.set_member(member)
        cart.add(item)
        due = cart.totals().total_fen
        sale = checkout.checkout(
            database,
            TILL,
            staff,
            cart,
            [Tender(TenderKind.POINTS, REDEEM), Tender.cash(due - REDEEM)],
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
