"""The child process of the wallet crash test: ``setup DB``, ``sell DB CONFIG SEED`` or
``exchange DB CONFIG SEED``.

``sell`` starts as the counter does (every unfinished attempt settled first), then sells one
lipstick after another, each paid part cash, part by a WeChat Pay or Alipay code whose ending
picks a sandbox behaviour at random. It prints a marker at each step of a charge — ``sending``
(attempt committed, request about to leave), ``answered`` (the provider's first answer is in),
``polling`` (waiting for the password), ``writing`` (paid, the sale being written, not yet
committed), ``sold`` — so that the parent can kill it with SIGKILL at any of them.

``exchange`` sells a notebook in cash, then exchanges it for the lipstick, the difference paid
by a code (``returns.exchange_paid_by_wallet``), with the same markers (``writing`` when the
exchange's new sale is being written: checked before the charge, or for real after it).
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

import requests
from sqlalchemy.orm import Session

from payments.setup import build_providers
from redhome_pos.config import AppPaths, load_config
from redhome_pos.domain.cart import Cart, CartItem
from redhome_pos.domain.catalog import Product, Sku
from redhome_pos.domain.errors import DomainError
from redhome_pos.domain.payments import ChargeRequest, ChargeStatus, PaymentProvider, WalletProvider
from redhome_pos.domain.sale import ReturnRequest
from redhome_pos.domain.staff import ScryptCost
from redhome_pos.domain.tender import Tender, settle
from redhome_pos.persistence.database import Database
from redhome_pos.persistence.migrate import upgrade
from redhome_pos.persistence.repositories import CatalogRepository
from redhome_pos.services import returns, shifts
from redhome_pos.services import stock as stock_service
from redhome_pos.services.checkout import checkout, complete_sale_in
from redhome_pos.services.counter import Till
from redhome_pos.services.demo_staff import add_demo_staff
from redhome_pos.services.payments import ChargeProgress, ChargeTimings, Payments, WalletPayment

TILL = Till("RH01", "T9")
PRICE = 25_900
CASH_PART = 5_900
BOOK_PRICE = 4_500
TIMINGS = ChargeTimings(
    charge_deadline_s=4.0,
    poll_interval_s=0.1,
    reverse_after_s=0.2,
    reverse_retry_s=0.1,
    settle_limit_s=8.0,
)
# Endings: paid at once, password 1 s then paid / given up, refused, system error with or
# without the charge taken, answer lost after the charge / connection dropped before, slow.
ENDINGS = ["00", "00", "0111", "0112", "21", "31", "32", "41", "42", "0151"]


def say(marker: str) -> None:
    print(marker, flush=True)


class Announcing:
    """The real adapter, saying when a charge leaves and when its answer is in."""

    def __init__(self, inner: PaymentProvider) -> None:
        self.inner = inner
        self.provider = inner.provider

    def charge(self, request: ChargeRequest) -> ChargeStatus:
        say(f"sending {request.out_trade_no}")
        status = self.inner.charge(request)
        say(f"answered {request.out_trade_no}")
        return status

    def __getattr__(self, name: str) -> object:
        return getattr(self.inner, name)


def setup(database: Database) -> None:
    upgrade(database)
    staff = add_demo_staff(database, TILL, cost=ScryptCost(n=16, r=1, p=1))
    with database.unit_of_work() as uow:
        catalog = CatalogRepository(uow.session)
        product_id = catalog.add_product(Product(None, "口红", "RED", "test"))
        sku_id = catalog.add_sku(Sku(None, product_id, "LIP-520", PRICE, PRICE))
        uow.commit()
    stock_service.receive(
        database, sku_id, 100_000, terminal_id=TILL.terminal_id, staff=staff["3001"]
    )
    with database.unit_of_work() as uow:
        catalog = CatalogRepository(uow.session)
        product_id = catalog.add_product(Product(None, "手帐", "RED", "test"))
        book_id = catalog.add_sku(Sku(None, product_id, "BOOK-01", BOOK_PRICE, BOOK_PRICE))
        uow.commit()
    stock_service.receive(
        database, book_id, 100_000, terminal_id=TILL.terminal_id, staff=staff["3001"]
    )
    shifts.open_shift(database, TILL, staff["1001"], 50_000)


def counter_payments(database: Database, config_file: Path) -> Payments:
    """The counter's charge service as it starts: every unfinished attempt settled first."""
    config = load_config(config_file, env={}, paths=AppPaths.under(config_file.parent))
    providers = build_providers(config.payments, requests.Session())
    wrapped = {p: Announcing(inner) for p, inner in providers.items()}
    payments = Payments(database, TILL, wrapped, TIMINGS)  # type: ignore[arg-type]
    payments.resolve_unfinished()  # start-up: before any new charge
    say("ready")
    return payments


def item_of(database: Database, sku_code: str, title: str, price_fen: int) -> CartItem:
    with database.reading() as session:
        sku = CatalogRepository(session).sku_by_code(sku_code)
    assert sku is not None and sku.id is not None
    return CartItem(sku.id, sku_code, title, price_fen, 1300)


def wallet_code(rng: random.Random) -> tuple[WalletProvider, str]:
    """A code of a random provider whose ending picks a random sandbox behaviour."""
    provider = rng.choice(list(WalletProvider))
    ending = rng.choice(ENDINGS).rjust(4, "0")
    body = f"{rng.randrange(10**6):06d}"
    if provider is WalletProvider.ALIPAY:
        return provider, f"2800{body}00{ending}"  # 16 digits starting 28
    return provider, f"134567{body}{rng.randrange(100):02d}{ending}"  # 18 digits starting 13


def progress(update: ChargeProgress) -> None:
    say("polling")


def sell(database: Database, config_file: Path, seed: int) -> None:
    payments = counter_payments(database, config_file)
    staff = add_demo_staff(database, TILL)["1001"]
    rng = random.Random(seed)
    item = item_of(database, "LIP-520", "口红", PRICE)
    while True:
        provider, code = wallet_code(rng)
        cart = Cart()
        cart.add(item)

        def write(session: Session, tenders: tuple[Tender, ...], cart: Cart = cart) -> object:
            say("writing")
            return complete_sale_in(session, TILL, staff, cart, settle(PRICE, tenders))

        try:
            sale = payments.pay(
                staff, [Tender.cash(CASH_PART)],
                WalletPayment(provider, code, PRICE - CASH_PART), write, on_progress=progress,
            )  # fmt: skip
        except DomainError as error:
            say(f"not sold: {type(error).__name__}")
            continue
        say(f"sold {sale.receipt_no}")  # type: ignore[attr-defined]


def exchange(database: Database, config_file: Path, seed: int) -> None:
    payments = counter_payments(database, config_file)
    manager = add_demo_staff(database, TILL)["3001"]  # takes a return by its number alone
    rng = random.Random(seed)
    book = item_of(database, "BOOK-01", "手帐", BOOK_PRICE)
    lipstick = item_of(database, "LIP-520", "口红", PRICE)
    writing = returns.complete_sale_in

    def announced(*args: object, **kwargs: object) -> object:
        say("writing")
        return writing(*args, **kwargs)  # type: ignore[arg-type]

    returns.complete_sale_in = announced  # type: ignore[assignment]
    while True:
        provider, code = wallet_code(rng)
        old_cart = Cart()
        old_cart.add(book)
        old = checkout(database, TILL, manager, old_cart, [Tender.cash(BOOK_PRICE)])
        new_cart = Cart()
        new_cart.add(lipstick)
        try:
            _, sale = returns.exchange_paid_by_wallet(
                database, TILL, manager, old.receipt_no, [ReturnRequest(1, 1)], new_cart, [],
                WalletPayment(provider, code, PRICE - BOOK_PRICE), reason="exchange",
                payments=payments, on_progress=progress,
            )  # fmt: skip
        except DomainError as error:
            say(f"not sold: {type(error).__name__}")
            continue
        say(f"sold {sale.receipt_no}")


if __name__ == "__main__":
    db = Database(f"sqlite:///{sys.argv[2]}")
    if sys.argv[1] == "setup":
        setup(db)
    elif sys.argv[1] == "exchange":
        exchange(db, Path(sys.argv[3]), int(sys.argv[4]))
    else:
        sell(db, Path(sys.argv[3]), int(sys.argv[4]))
    db.dispose()
