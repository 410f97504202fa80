"""Promotions at checkout and in returns, on a real database: a sale records what each
promotion saved per line and per promotion; returns refund the price paid, cheapest unit
first, and keep back a broken 第二件半价 or 买赠 saving."""

from __future__ import annotations

from dataclasses import replace

import pytest
from counter_store import Store, make_store
from sqlalchemy import select

from redhome_pos.domain.cart import Cart, Discount, PromotionContext
from redhome_pos.domain.promotions import Promotion, PromotionKind, Scope, ScopeKind
from redhome_pos.domain.sale import ReturnRequest
from redhome_pos.domain.staff import Permission
from redhome_pos.domain.tender import Tender
from redhome_pos.persistence.database import Database
from redhome_pos.persistence.models.promotions import SalePromotionRow
from redhome_pos.services import checkout, promotions, returns, shifts

ALSO_ON_POSTGRES = True


@pytest.fixture
def store(database: Database) -> Store:
    store = make_store(database)
    shifts.open_shift(database, store.till, store.clerk, 50_000)
    store.items = {
        code: replace(item, brand="RED", category="test") for code, item in store.items.items()
    }
    return store


def cart_with(store: Store, *rules: Promotion) -> Cart:
    for rule in rules:
        promotions.save_promotion(store.database, store.till, store.manager, rule)
    book = promotions.load_book(store.database, store.till)
    return Cart(promotions=PromotionContext(book, store.till.now()))


def sku_scope(store: Store, *codes: str) -> Scope:
    return Scope(ScopeKind.SKU, frozenset(str(store.items[c].sku_id) for c in codes))


def sell(store: Store, cart: Cart) -> str:
    total = cart.totals().total_fen
    return checkout.checkout(
        store.database, store.till, store.clerk, cart, [Tender.cash(total)]
    ).receipt_no


def give_back(store: Store, receipt: str, line_no: int, qty: int) -> returns.ReturnResult:
    return returns.return_items(
        store.database,
        store.till,
        store.supervisor,
        store.till.receipt_code(receipt),  # the receipt's code, as scanned
        [ReturnRequest(line_no, qty)],
        reason="changed mind",
    )


def test_a_sale_records_each_saving_and_a_return_refunds_the_half_price_unit_first(
    store: Store,
) -> None:
    half = Promotion(
        "H2", PromotionKind.NTH_ITEM, nth=2, pay_bp=5_000, scope=sku_scope(store, "LIP-520")
    )
    cart = cart_with(store, half)
    cart.add(store.items["LIP-520"], 2)
    cart.add(store.items["BOOK-01"])
    cart.discount_order(Discount(percent_bp=1_000))  # manual, after the promotion
    totals = cart.totals()
    assert totals.promotion_fen == 12_950
    assert totals.total_fen == (2 * 25_900 - 12_950 + 4_500) * 9 // 10
    receipt = sell(store, cart)
    sale = checkout.find_sale(store.database, receipt)
    lip = sale.lines[0]
    assert lip.promotion_fen == 12_950
    assert [s.label for s in lip.savings] == ["第二件半价"]
    assert lip.unit_amounts == (12_950, 25_900)
    assert sale.promotion_fen == 12_950
    assert sale.subtotal_fen - sale.promotion_fen - sale.discount_fen == sale.total_fen
    with store.database.reading() as session:
        row = session.execute(
            select(SalePromotionRow.code, SalePromotionRow.label, SalePromotionRow.saving_fen)
        ).one()
    assert tuple(row) == ("H2", "第二件半价", 12_950)

    # One lipstick back: the half-price one, less its share of the 10% off.
    first = give_back(store, receipt, 1, 1)
    assert first.refund_fen == 12_950 - 1_295
    second = give_back(store, receipt, 1, 1)
    assert second.refund_fen == 25_900 - 2_590
    assert first.refund_fen + second.refund_fen == lip.amount_fen


def test_a_broken_threshold_keeps_its_apportioned_saving(store: Store) -> None:
    off = Promotion("M300", PromotionKind.THRESHOLD_OFF, threshold_fen=30_000, off_fen=5_000)
    cart = cart_with(store, off)
    cart.add(store.items["LIP-520"])  # ￥259
    cart.add(store.items["MASK-10"])  # ￥99: ￥358, 满300减50 once
    receipt = sell(store, cart)
    sale = checkout.find_sale(store.database, receipt)
    assert sale.total_fen == 35_800 - 5_000
    shares = [line.promotion_fen for line in sale.lines]
    assert shares == [3_617, 1_383]  # ￥50 shared by price
    back = give_back(store, receipt, 2, 1)
    assert back.refund_fen == 9_900 - 1_383 and back.kept_back_fen == 0


def test_a_gift_returned_refunds_nothing_and_a_kept_gift_is_kept_back(store: Store) -> None:
    gift = Promotion(
        "G1",
        PromotionKind.BUY_GET,
        buy_qty=2,
        get_qty=1,
        gift_sku_id=store.items["BOOK-01"].sku_id,
        scope=sku_scope(store, "LIP-520"),
    )
    assert gift.label == "买二赠一"
    cart = cart_with(store, gift)
    cart.add(store.items["LIP-520"], 2)
    cart.add(store.items["BOOK-01"])
    receipt = sell(store, cart)
    sale = checkout.find_sale(store.database, receipt)
    assert sale.total_fen == 2 * 25_900
    assert sale.lines[1].amount_fen == 0 and sale.lines[1].savings[0].label == "买二赠一"

    # The customer keeps the gift and brings one lipstick back: the gift's ￥45 is kept back.
    back = give_back(store, receipt, 1, 1)
    assert back.kept_back_fen == 4_500
    assert back.refund_fen == 25_900 - 4_500
    # Then the gift comes back too: what was kept back for it is given back.
    gift_back = give_back(store, receipt, 2, 1)
    assert gift_back.refund_fen == 4_500
    last = give_back(store, receipt, 1, 1)
    assert back.refund_fen + gift_back.refund_fen + last.refund_fen == sale.total_fen


def test_a_returned_gift_alone_refunds_nothing(store: Store) -> None:
    gift = Promotion(
        "G2",
        PromotionKind.BUY_GET,
        buy_qty=1,
        get_qty=1,
        gift_sku_id=store.items["BOOK-01"].sku_id,
        scope=sku_scope(store, "BAG-RED"),
    )
    cart = cart_with(store, gift)
    cart.add(store.items["BAG-RED"])
    cart.add(store.items["BOOK-01"])
    receipt = sell(store, cart)
    back = give_back(store, receipt, 2, 1)
    assert back.refund_fen == 0 and back.kept_back_fen == 0


def test_managing_promotions_needs_the_permission_and_is_audited(store: Store) -> None:
    rule = Promotion("X1", PromotionKind.THRESHOLD_OFF, threshold_fen=10_000, off_fen=1_000)
    assert not store.supervisor.may(Permission.MANAGE_PROMOTIONS)
    with pytest.raises(Exception, match="may not"):
        promotions.save_promotion(store.database, store.till, store.supervisor, rule)
    promotions.save_promotion(store.database, store.till, store.manager, rule)
    copied = promotions.copy_promotion(store.database, store.till, store.manager, "X1", "X2")
    assert copied.code == "X2" and copied.threshold_fen == 10_000
    promotions.end_promotion(store.database, store.till, store.manager, "X1")
    book = promotions.load_book(store.database, store.till)
    assert [p.code for p in book.promotions] == ["X2"]
    preview = promotions.preview(
        store.database,
        store.till,
        replace(rule, code="X3", off_fen=2_000),
        [("LIP-520", 1)],
    )
    assert preview.without_fen == 25_900 - 1_000 * 2  # X2 repeats: 满100减10 twice
    # The draft stacks with X2: X2 first (by code), then 满100减20 twice on the ￥239 left.
    assert preview.total_fen == 25_900 - 2_000 - 4_000 and preview.rule_saves_fen == 4_000
    assert [s.label for s in preview.cart.totals().lines[0].savings] == ["满100减10", "满100减20"]
