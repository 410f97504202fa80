"""The child process of the rewards crash test: ``setup DB`` or ``sell DB TOTAL``.

As ``points_child``, with a reward defined (``R50``: 50 points for ￥0.50 off): each sale
pays 100 points, takes the reward and pays the rest in cash, so each sale redeems, spends on
a reward and earns; the parent kills it at random moments.
"""

from __future__ import annotations

import sys

from points_child import PHONE, PRICE, REDEEM, TILL
from points_child import setup as points_setup
from sqlalchemy import func, select

from redhome_pos.domain.cart import Cart, CartItem, PromotionContext
from redhome_pos.domain.staff import ScryptCost
from redhome_pos.domain.tender import Tender, TenderKind
from redhome_pos.persistence.database import Database
from redhome_pos.persistence.models.counter import SaleRow
from redhome_pos.services import checkout, members, promotions, rewards
from redhome_pos.services.demo_staff import add_demo_staff

REWARD_POINTS = 50
REWARD_FEN = 50


def setup(database: Database) -> None:
    points_setup(database)
    manager = add_demo_staff(database, TILL, cost=ScryptCost(n=16, r=1, p=1))["3001"]
    rewards.save_reward(
        database, TILL, manager, code="R50", points=REWARD_POINTS, amount_fen=REWARD_FEN
    )


def sell(database: Database, total: int) -> None:
    staff = add_demo_staff(database, TILL)["1001"]
    member = members.find_by_phone(database, TILL, PHONE)
    assert member is not None
    book = promotions.load_book(database, TILL)
    (reward,) = rewards.list_rewards(database)
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
        cart.add_reward(reward)
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
