"""One counter terminal in its own process, for the several-terminals tests and the bench.

``setup URL SKUS STOCK`` builds the store (demo staff, SKUs with stock). ``sell URL TERMINAL
COUNT SEED`` opens the terminal's shift and rings up COUNT sales of two or three lines, every
sale holding the shared SKU 0 and the other lines in a random order; it prints one JSON line
``{"terminal": ..., "receipts": [...], "seconds": ...}`` at the end. ``resume URL TERMINAL
TARGET SEED`` is a terminal started again after a crash: its shift is still open, and it
sells until the database holds TARGET of its sales, printing each receipt after its commit.
"""

from __future__ import annotations

import json
import random
import sys
import time

from sqlalchemy import func, select

from redhome_pos.domain.cart import Cart, CartItem
from redhome_pos.domain.catalog import Product, Sku
from redhome_pos.domain.staff import ScryptCost
from redhome_pos.domain.tender import Tender
from redhome_pos.persistence.database import Database
from redhome_pos.persistence.migrate import upgrade
from redhome_pos.persistence.models.counter import SaleRow, ShiftRow
from redhome_pos.persistence.repositories import CatalogRepository
from redhome_pos.services import checkout, shifts
from redhome_pos.services import stock as stock_service
from redhome_pos.services.counter import Till
from redhome_pos.services.demo_staff import add_demo_staff

STORE = "RH01"
CHEAP = ScryptCost(n=16, r=1, p=1)


def price_of(n: int) -> int:
    return 1_000 + 100 * n


def setup(database: Database, skus: int, stock: int) -> None:
    upgrade(database)
    till = Till(STORE, "T0")
    manager = add_demo_staff(database, till, cost=CHEAP)["3001"]
    for n in range(skus):
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
                    price_fen=price_of(n),
                    original_price_fen=price_of(n),
                )
            )
            uow.commit()
        stock_service.receive(database, sku_id, stock, terminal_id="T0", staff=manager)


def items_of(database: Database) -> list[CartItem]:
    items: list[CartItem] = []
    with database.reading() as session:
        catalog = CatalogRepository(session)
        n = 0
        while (sku := catalog.sku_by_code(f"SKU-{n}")) is not None:
            assert sku.id is not None
            items.append(CartItem(sku.id, sku.code, f"商品{n}", sku.price_fen, 1300))
            n += 1
    return items


def sell(database: Database, terminal: str, count: int, seed: int) -> dict[str, object]:
    till = Till(STORE, terminal)
    clerk = add_demo_staff(database, till)["1001"]  # all exist: nothing is hashed
    shifts.open_shift(database, till, clerk, 10_000)
    items = items_of(database)
    rng = random.Random(seed)
    receipts: list[str] = []
    started = time.perf_counter()
    for _ in range(count):
        others = rng.sample(items[1:], k=min(len(items) - 1, rng.choice((1, 2))))
        lines = [items[0], *others]
        rng.shuffle(lines)
        cart = Cart()
        for item in lines:
            cart.add(item, 1)
        sale = checkout.checkout(
            database, till, clerk, cart, [Tender.cash(cart.totals().total_fen)]
        )
        receipts.append(sale.receipt_no)
    return {
        "terminal": terminal,
        "receipts": receipts,
        "seconds": time.perf_counter() - started,
    }


def resume(database: Database, terminal: str, target: int, seed: int) -> None:
    till = Till(STORE, terminal)
    clerk = add_demo_staff(database, till)["1001"]
    with database.reading() as session:
        open_shift = session.scalar(select(ShiftRow.id).where(ShiftRow.open_terminal == terminal))
    if open_shift is None:
        shifts.open_shift(database, till, clerk, 10_000)
    items = items_of(database)
    rng = random.Random(seed)
    print("ready", flush=True)
    while True:
        with database.reading() as session:
            done = session.scalar(
                select(func.count()).select_from(SaleRow).where(SaleRow.terminal_id == terminal)
            )
        if (done or 0) >= target:
            break
        cart = Cart()
        for item in [items[0], *rng.sample(items[1:], k=1)]:
            cart.add(item, 1)
        sale = checkout.checkout(
            database, till, clerk, cart, [Tender.cash(cart.totals().total_fen)]
        )
        print(sale.receipt_no, flush=True)
    print("finished", flush=True)


def main(argv: list[str]) -> int:
    database = Database(argv[2])
    try:
        if argv[1] == "setup":
            setup(database, int(argv[3]), int(argv[4]))
        elif argv[1] == "resume":
            resume(database, argv[3], int(argv[4]), int(argv[5]))
        else:
            print(json.dumps(sell(database, argv[3], int(argv[4]), int(argv[5]))), flush=True)
    finally:
        database.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
