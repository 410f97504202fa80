"""Checkout prices the cart again with the promotions as stored at that moment and refuses a
sale whose promotion savings differ (a rule changed after the cart was priced, or a cart
carrying rules or a member flag the store does not give); nothing of a refused sale is
written. The rules read are kept while their stamp is unchanged."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta
from zoneinfo import ZoneInfo

import pytest
from counter_store import Store, make_store
from sqlalchemy import func, select

from redhome_pos.domain.cart import Cart, PromotionContext
from redhome_pos.domain.promotions import (
    Promotion,
    PromotionBook,
    PromotionKind,
    PromotionsChangedError,
    Schedule,
    Scope,
    ScopeKind,
)
from redhome_pos.domain.tender import Tender
from redhome_pos.persistence.database import Database
from redhome_pos.persistence.models.counter import SaleRow
from redhome_pos.services import checkout, promotions, shifts

ALSO_ON_POSTGRES = True


@pytest.fixture
def store(database: Database) -> Store:
    store = make_store(database)
    shifts.open_shift(database, store.till, store.clerk, 50_000)
    return store


def half_price(store: Store, pay_bp: int = 5_000) -> Promotion:
    sku = str(store.items["LIP-520"].sku_id)
    return Promotion(
        "H2",
        PromotionKind.NTH_ITEM,
        nth=2,
        pay_bp=pay_bp,
        scope=Scope(ScopeKind.SKU, frozenset({sku})),
    )


def priced_cart(store: Store, book: PromotionBook, *, member: bool = False) -> Cart:
    cart = Cart(promotions=PromotionContext(book, store.till.now(), member))
    cart.add(store.items["LIP-520"], 2)
    cart.add(store.items["BOOK-01"])
    return cart


def pay(store: Store, cart: Cart) -> str:
    total = cart.totals().total_fen
    return checkout.checkout(
        store.database, store.till, store.clerk, cart, [Tender.cash(total)]
    ).receipt_no


def sales(store: Store) -> int:
    with store.database.reading() as session:
        return int(session.scalar(select(func.count()).select_from(SaleRow)) or 0)


def test_a_cart_priced_with_the_rules_stored_is_sold(store: Store) -> None:
    promotions.save_promotion(store.database, store.till, store.manager, half_price(store))
    cart = priced_cart(store, promotions.load_book(store.database, store.till))
    assert cart.totals().promotion_fen == 12_950
    receipt = pay(store, cart)
    assert checkout.find_sale(store.database, receipt).promotion_fen == 12_950


def test_a_rule_changed_after_pricing_refuses_the_sale_and_writes_nothing(store: Store) -> None:
    promotions.save_promotion(store.database, store.till, store.manager, half_price(store))
    cart = priced_cart(store, promotions.load_book(store.database, store.till))
    # A manager makes it 第二件8折 while the clerk takes payment.
    promotions.save_promotion(store.database, store.till, store.manager, half_price(store, 8_000))
    with pytest.raises(PromotionsChangedError):
        pay(store, cart)
    assert sales(store) == 0
    # The counter prices the cart again with the rules read now: it sells at the new total.
    cart.promotions = PromotionContext(
        promotions.load_book(store.database, store.till), store.till.now()
    )
    assert cart.totals().promotion_fen == 25_900 - 20_720
    pay(store, cart)
    assert sales(store) == 1


def test_an_ended_rule_refuses_the_saving(store: Store) -> None:
    promotions.save_promotion(store.database, store.till, store.manager, half_price(store))
    cart = priced_cart(store, promotions.load_book(store.database, store.till))
    promotions.end_promotion(store.database, store.till, store.manager, "H2")
    with pytest.raises(PromotionsChangedError):
        pay(store, cart)
    assert sales(store) == 0


def test_a_cart_with_rules_the_store_does_not_have_is_refused(store: Store) -> None:
    made_up = PromotionBook([half_price(store, 0)])  # every second one free, never stored
    cart = priced_cart(store, made_up)
    assert cart.totals().promotion_fen == 25_900
    with pytest.raises(PromotionsChangedError):
        pay(store, cart)
    assert sales(store) == 0


def test_member_savings_without_a_member_are_refused(store: Store) -> None:
    member_rule = replace(half_price(store), code="M2", member_only=True)
    promotions.save_promotion(store.database, store.till, store.manager, member_rule)
    book = promotions.load_book(store.database, store.till)
    cart = priced_cart(store, book, member=True)  # priced as a member's, no member found
    assert cart.member is None and cart.totals().promotion_fen == 12_950
    with pytest.raises(PromotionsChangedError):
        pay(store, cart)
    assert sales(store) == 0


def test_a_cart_priced_long_ago_is_priced_at_checkout(store: Store) -> None:
    """A cart's own moment is taken only within the sale's time: a moment days ago, when a
    time-limited price was on, gives no saving now."""
    days_ago = store.till.now() - timedelta(days=3)
    day = days_ago.astimezone(ZoneInfo(store.till.timezone)).date()
    rule = replace(half_price(store), schedule=Schedule(first_day=day, last_day=day))
    promotions.save_promotion(store.database, store.till, store.manager, rule)
    book = promotions.load_book(store.database, store.till)
    cart = priced_cart(store, book)
    assert cart.totals().promotion_fen == 0
    cart.promotions = PromotionContext(book, days_ago)
    assert cart.totals().promotion_fen == 12_950
    with pytest.raises(PromotionsChangedError):
        pay(store, cart)
    cart.promotions = PromotionContext(book, store.till.now() - timedelta(minutes=20))
    pay(store, cart)  # a sale begun twenty minutes ago keeps its moment (no saving then either)
    assert sales(store) == 1


def test_the_rules_are_read_again_only_when_their_stamp_changed(store: Store) -> None:
    promotions.save_promotion(store.database, store.till, store.manager, half_price(store))
    first = promotions.load_book(store.database, store.till)
    assert promotions.load_book(store.database, store.till) is first
    pay(store, priced_cart(store, first))
    assert promotions.load_book(store.database, store.till) is first  # checkout kept it
    promotions.save_promotion(store.database, store.till, store.manager, half_price(store, 8_000))
    again = promotions.load_book(store.database, store.till)
    assert again is not first and again.version != first.version
