"""The cart with promotions: they come first, manual discounts apply to what they left."""

from __future__ import annotations

from datetime import UTC, datetime

from redhome_pos.domain.cart import Cart, CartItem, Discount, PromotionContext, discount_bp
from redhome_pos.domain.promotions import Promotion, PromotionBook, PromotionKind

AT = datetime(2026, 5, 20, 6, 0, tzinfo=UTC)
LIP = CartItem(1, "LIP-520", "口红", 20_000, 1300, brand="RED", category="lip")
MASK = CartItem(2, "MASK-01", "面膜", 12_000, 1300, brand="RED", category="mask")
HALF = Promotion("H", PromotionKind.NTH_ITEM, nth=2, pay_bp=5_000)
OFF = Promotion("M", PromotionKind.THRESHOLD_OFF, threshold_fen=30_000, off_fen=5_000)


def promoted_cart(*rules: Promotion) -> Cart:
    return Cart(promotions=PromotionContext(PromotionBook(rules), AT))


def test_promotions_first_then_the_manual_discount_on_what_is_left() -> None:
    cart = promoted_cart(HALF)
    line = cart.add(LIP, 2)
    assert cart.totals().promotion_fen == 10_000
    cart.discount_line(line.line_no, Discount(percent_bp=1_000))
    totals = cart.totals()
    priced = totals.lines[0]
    assert priced.after_promotion_fen == 30_000
    assert priced.line_discount_fen == 3_000  # 10% of what the promotion left
    assert totals.total_fen == 27_000
    assert [s.label for s in priced.savings] == ["第二件半价"]
    assert priced.unit_amounts == (10_000, 20_000)
    assert discount_bp(priced.line_discount_fen, priced.after_promotion_fen) == 1_000


def test_the_cart_prices_again_as_lines_change_and_overridden_lines_take_none() -> None:
    cart = promoted_cart(OFF)
    lip = cart.add(LIP)
    assert cart.totals().promotion_fen == 0
    mask = cart.add(MASK)
    assert cart.totals().promotion_fen == 5_000
    cart.remove(mask.line_no)
    assert cart.totals().promotion_fen == 0
    cart.add(MASK)
    cart.override_price(lip.line_no, 19_000, approval_id=None)
    assert cart.totals().promotion_fen == 0  # ￥120 left in the rule's reach: under 满300
    totals = cart.totals()
    assert sum(p.amount_fen for p in totals.lines) == totals.total_fen


def test_a_fixed_discount_given_before_a_promotion_is_cut_to_what_is_left() -> None:
    book = PromotionBook([], member_prices={LIP.sku_id: 10_000})
    cart = Cart(promotions=PromotionContext(book, AT))
    line = cart.add(LIP)
    cart.discount_line(line.line_no, Discount(amount_fen=18_000))
    assert cart.totals().total_fen == 2_000
    cart.promotions = PromotionContext(book, AT, member=True)  # the member is found: ￥100
    totals = cart.totals()
    assert totals.promotion_fen == 10_000
    assert totals.lines[0].line_discount_fen == 10_000
    assert totals.total_fen == 0
    parked = Cart.from_dict(cart.to_dict())
    assert parked.lines == cart.lines  # parking keeps brand and category for pricing again
