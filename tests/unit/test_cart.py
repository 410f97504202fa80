"""Cart arithmetic: lines always add up to the total, discounts never drift a fen."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from redhome_pos.domain.cart import MAX_LINE_QUANTITY, Cart, CartError, CartItem, Discount
from redhome_pos.domain.sale import SaleLine, refund_for

LIP = CartItem(1, "LIP-520", "口红", 25_900, 1300)
BOOK = CartItem(2, "BOOK-01", "手帐", 4_500, 900)

items = st.builds(
    CartItem,
    sku_id=st.integers(1, 50),
    sku_code=st.just("SKU"),
    title=st.just("x"),
    price_fen=st.integers(0, 500_000),
    vat_rate_bp=st.sampled_from([0, 600, 900, 1300]),
)
discounts = st.one_of(
    st.none(),
    st.builds(Discount, percent_bp=st.integers(0, 10_000)),
)


@st.composite
def carts(draw: st.DrawFn) -> Cart:
    cart = Cart()
    for item in draw(st.lists(items, min_size=1, max_size=12)):
        line = cart.add(item, draw(st.integers(1, 20)))
        discount = draw(discounts)
        if discount is not None:
            cart.discount_line(line.line_no, discount)
        if draw(st.booleans()) and draw(st.integers(0, 9)) == 0:
            cart.remove(line.line_no)
    after_lines = cart.totals().total_fen
    if draw(st.booleans()):
        cart.discount_order(Discount(amount_fen=draw(st.integers(0, after_lines))))
    else:
        cart.discount_order(Discount(percent_bp=draw(st.integers(0, 10_000))))
    return cart


@given(carts())
def test_lines_add_up_to_the_total_and_no_line_goes_negative(cart: Cart) -> None:
    totals = cart.totals()
    assert sum(p.amount_fen for p in totals.lines) == totals.total_fen
    assert totals.subtotal_fen - totals.discount_fen == totals.total_fen
    assert all(p.amount_fen >= 0 for p in totals.lines)
    assert sum(v.gross_fen for v in totals.vat) == totals.total_fen
    assert sum(p.order_discount_fen for p in totals.lines) == totals.order_discount_fen


@given(carts(), st.data())
def test_returning_a_line_unit_by_unit_refunds_exactly_what_was_paid(
    cart: Cart, data: st.DataObject
) -> None:
    for priced in cart.totals().lines:
        line = SaleLine(
            line_no=priced.line.line_no,
            sku_id=priced.line.sku_id,
            sku_code="SKU",
            title="x",
            variant="",
            quantity=priced.line.quantity,
            list_price_fen=priced.line.list_price_fen,
            unit_price_fen=priced.line.unit_price_fen,
            discount_fen=priced.discount_fen,
            amount_fen=priced.amount_fen,
            vat_rate_bp=priced.line.vat_rate_bp,
        )
        returned, refunded = 0, 0
        while returned < line.quantity:
            qty = data.draw(st.integers(1, line.quantity - returned))
            refunded += refund_for(line, qty, returned)
            returned += qty
        assert refunded == line.amount_fen


STEPS = ["add", "quantity", "discount", "order", "remove", "list"]


@given(carts(), st.data())
def test_the_totals_follow_every_change_of_the_cart(cart: Cart, data: st.DataObject) -> None:
    # The totals are remembered per cart state: after any change (through the cart's methods
    # or to its list of lines in place) they are those of a new cart in the same state.
    for _ in range(data.draw(st.integers(1, 6))):
        before = cart.totals()
        assert cart.totals() is before  # nothing changed: worked out once
        live = [line for line in cart.lines if not line.voided]
        step = data.draw(
            st.sampled_from(["add", "quantity", "discount", "order", "remove", "list"])
        )
        try:
            if step == "add":
                cart.add(data.draw(items), data.draw(st.integers(1, 5)))
            elif step == "order":
                cart.discount_order(data.draw(discounts))
            elif step == "list":
                cart.lines[:] = cart.lines[:-1]
            elif live and step == "quantity":
                cart.set_quantity(live[0].line_no, data.draw(st.integers(1, 30)))
            elif live and step == "discount":
                cart.discount_line(live[-1].line_no, data.draw(discounts))
            elif live and step == "remove":
                cart.remove(live[0].line_no)
        except CartError:
            pass
        fresh = Cart(
            lines=list(cart.lines),
            order_discount=cart.order_discount,
            rewards=list(cart.rewards),
            promotions=cart.promotions,
        )
        assert cart.totals() == fresh.totals()


def test_the_same_sku_again_raises_the_quantity() -> None:
    cart = Cart()
    first = cart.add(LIP)
    again = cart.add(LIP, 2)
    assert again.line_no == first.line_no and again.quantity == 3
    assert len(cart.lines) == 1
    from_note = cart.add(LIP, note_id="note-1")  # attributed to a note: its own line
    assert from_note.line_no == 2


def test_a_removed_line_stays_voided_and_counts_for_nothing() -> None:
    cart = Cart()
    cart.add(LIP)
    book = cart.add(BOOK)
    cart.remove(book.line_no)
    assert cart.lines[1].voided
    assert cart.totals().total_fen == 25_900
    with pytest.raises(CartError):
        cart.set_quantity(book.line_no, 2)
    assert cart.add(BOOK).line_no == 3  # scanning it again starts a new line


def test_quantity_limits_and_impossible_discounts() -> None:
    cart = Cart()
    line = cart.add(LIP)
    with pytest.raises(CartError):
        cart.set_quantity(line.line_no, MAX_LINE_QUANTITY + 1)
    with pytest.raises(CartError):
        cart.set_quantity(line.line_no, 0)
    with pytest.raises(CartError):
        cart.discount_line(line.line_no, Discount(amount_fen=25_901))
    with pytest.raises(CartError):
        Discount(percent_bp=10, amount_fen=10)
    with pytest.raises(CartError):
        cart.discount_order(Discount(amount_fen=30_000))
    assert cart.order_discount is None  # a refused change leaves the cart as it was
    book = cart.add(BOOK)
    cart.discount_order(Discount(amount_fen=26_000))
    with pytest.raises(CartError):
        cart.remove(book.line_no)  # would leave more discount than goods
    assert not cart.lines[1].voided
    assert cart.totals().total_fen == 25_900 + 4_500 - 26_000


def test_order_discount_is_spread_by_amount_largest_remainder() -> None:
    cart = Cart()
    cart.add(LIP, 2)
    cart.add(BOOK)
    cart.discount_order(Discount(amount_fen=1_000))
    totals = cart.totals()
    assert [p.order_discount_fen for p in totals.lines] == [920, 80]
    assert totals.total_fen == 55_300


def test_price_override_and_parking_round_trip() -> None:
    cart = Cart()
    line = cart.add(LIP)
    cart.override_price(line.line_no, 19_900, approval_id=7)
    cart.discount_line(line.line_no, Discount(percent_bp=500), approval_id=None)
    cart.attribute_note(line.line_no, "note-9")
    cart.discount_order(Discount(amount_fen=100), approval_id=3)
    again = Cart.from_dict(cart.to_dict())
    assert again == cart
    assert again.totals() == cart.totals()


def test_receipt_numbers_use_the_stores_business_day() -> None:
    from datetime import UTC, date, datetime

    from redhome_pos.domain.sale import RETURN_SERIES, business_date, receipt_number

    late_evening_utc = datetime(2026, 11, 25, 16, 30, tzinfo=UTC)  # 00:30 next day in Shanghai
    day = business_date(late_evening_utc, "Asia/Shanghai")
    assert day == date(2026, 11, 26)
    assert receipt_number("RH01", "T1", day, 7) == "RH01-T1-20261126-0007"
    assert receipt_number("RH01", "T1", day, 7, RETURN_SERIES) == "RH01-T1-20261126-R0007"
