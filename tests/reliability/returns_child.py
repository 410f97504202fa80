"""The child process of the returns crash test: ``setup DB SALES`` or ``return DB``.

``setup`` makes SALES sales of two lines (two units each). ``return`` works through them in
order: every sale gets two returns of one unit per line (the second keeps one unit off sale
as damaged). What to do next is read from the database, so a restarted child carries on;
each return number is printed after its commit. The parent kills it at random moments.
"""

from __future__ import annotations

import sys
from pathlib import Path

from sqlalchemy import func, select
from terminal_child import STORE, items_of, setup

from redhome_pos.domain.cart import Cart
from redhome_pos.domain.sale import ReturnRequest
from redhome_pos.domain.tender import Tender
from redhome_pos.persistence import dialect
from redhome_pos.persistence.database import Database
from redhome_pos.persistence.models.counter import ReturnRow, SaleRow
from redhome_pos.services import checkout, returns, shifts
from redhome_pos.services.counter import Till
from redhome_pos.services.demo_staff import add_demo_staff

TILL = Till(STORE, "T1", code_secret="returns-crash-secret-0123456789abcdef")
RETURNS_PER_SALE = 2


def make_sales(database: Database, sales: int) -> None:
    setup(database, skus=2, stock=100_000)
    staff = add_demo_staff(database, TILL)
    shifts.open_shift(database, TILL, staff["1001"], 0)
    items = items_of(database)
    for _ in range(sales):
        cart = Cart()
        for item in items:
            cart.add(item, 2)
        checkout.checkout(
            database, TILL, staff["1001"], cart, [Tender.cash(cart.totals().total_fen)]
        )


def take_back(database: Database) -> None:
    supervisor = add_demo_staff(database, TILL)["2001"]
    print("ready", flush=True)
    with database.reading() as session:
        receipts = session.scalars(select(SaleRow.receipt_no).order_by(SaleRow.id)).all()
    for receipt in receipts:
        while True:
            with database.reading() as session:
                done = session.scalar(
                    select(func.count())
                    .select_from(ReturnRow)
                    .join(SaleRow, SaleRow.id == ReturnRow.sale_id)
                    .where(SaleRow.receipt_no == receipt)
                )
            if (done or 0) >= RETURNS_PER_SALE:
                break
            damaged = done == 1
            result = returns.return_items(
                database,
                TILL,
                supervisor,
                TILL.receipt_code(receipt),  # as scanned from the receipt
                [ReturnRequest(1, 1, damaged=damaged), ReturnRequest(2, 1)],
                reason="changed mind",
                refund_to_cash=True,
            )
            print(result.return_no, flush=True)
    print("finished", flush=True)


if __name__ == "__main__":
    db = Database(dialect.sqlite_url(Path(sys.argv[2])))
    try:
        if sys.argv[1] == "setup":
            make_sales(db, int(sys.argv[3]))
        else:
            take_back(db)
    finally:
        db.dispose()
