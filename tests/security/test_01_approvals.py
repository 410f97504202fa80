"""Point 1: an approval covers the line (SKU), the quantity and the value approved, no more.

The cart voids an approval when units are added after it; checkout checks every approval
against what it covers, so a cart changed behind the cart's back (a parked cart edited, a
client sending its own ids) is refused as well.
"""

from __future__ import annotations

from dataclasses import replace

import pytest
from security_store import Store, make_store

from redhome_pos.domain import approvals
from redhome_pos.domain.approvals import ApprovalScopeError
from redhome_pos.domain.cart import Cart, Discount
from redhome_pos.domain.errors import PermissionDenied
from redhome_pos.domain.sale import ReturnRequest
from redhome_pos.domain.staff import Permission
from redhome_pos.persistence.database import Database
from redhome_pos.services import returns
from redhome_pos.services.staff import Approver, approve

MANAGER = Approver("3001", "3333")


@pytest.fixture
def store(database: Database) -> Store:
    return make_store(database)


def _with_line_approval(cart: Cart, line_no: int, approval_id: int) -> Cart:
    """The cart as a tampered client would send it: the approval id kept on the line."""
    cart.lines = [
        replace(line, discount_approval_id=approval_id) if line.line_no == line_no else line
        for line in cart.lines
    ]
    return cart


def test_more_units_after_a_discount_approval_are_not_covered(store: Store) -> None:
    db, till, clerk = store.database, store.till, store.clerk
    cart = Cart()
    line = cart.add(store.items["BAG-RED"])  # ¥340
    discount = Discount(percent_bp=2_000)
    covers = approvals.line_discount(cart, line.line_no, discount)
    approval = approve(db, till, clerk, Permission.DISCOUNT_ABOVE_LIMIT, MANAGER, covers=covers)
    cart.discount_line(line.line_no, discount, approval_id=approval)
    cart.set_quantity(line.line_no, 50)  # ¥3,400 off now, not ¥68
    assert cart.line(line.line_no).discount_approval_id is None  # the cart voided it
    with pytest.raises(PermissionDenied):
        store.sell(cart)
    with pytest.raises(PermissionDenied, match="does not cover the discount on BAG-RED × 50"):
        store.sell(_with_line_approval(cart, line.line_no, approval))
    cart.set_quantity(line.line_no, 1)
    assert store.sell(_with_line_approval(cart, line.line_no, approval))  # as approved: sold


def test_a_deeper_discount_than_approved_is_refused(store: Store) -> None:
    db, till, clerk = store.database, store.till, store.clerk
    cart = Cart()
    line = cart.add(store.items["LIP-520"])
    covers = approvals.line_discount(cart, line.line_no, Discount(percent_bp=1_500))
    approval = approve(db, till, clerk, Permission.DISCOUNT_ABOVE_LIMIT, MANAGER, covers=covers)
    cart.discount_line(line.line_no, Discount(percent_bp=9_900), approval_id=approval)
    with pytest.raises(PermissionDenied, match="does not cover the discount on LIP-520"):
        store.sell(cart)
    # The same approval on the sale as a whole, or by amount, is no wider.
    cart.discount_line(line.line_no, None)
    cart.discount_order(Discount(amount_fen=11_000), approval_id=approval)
    with pytest.raises(PermissionDenied, match="does not cover the discount on the sale"):
        store.sell(cart)


def test_an_order_discount_approval_does_not_stretch_over_added_items(store: Store) -> None:
    db, till, clerk = store.database, store.till, store.clerk
    cart = Cart()
    cart.add(store.items["MASK-10"])
    discount = Discount(percent_bp=2_500)
    approval = approve(
        db, till, clerk, Permission.DISCOUNT_ABOVE_LIMIT, MANAGER,
        covers=approvals.order_discount(cart, discount),
    )  # fmt: skip
    cart.discount_order(discount, approval_id=approval)
    cart.add(store.items["BAG-RED"], 3)
    assert cart.order_discount_approval_id is None
    cart.order_discount_approval_id = approval  # kept by a tampered client
    with pytest.raises(PermissionDenied, match="does not cover the discount on the sale"):
        store.sell(cart)


def test_a_price_override_is_approved_for_its_price_and_units(store: Store) -> None:
    db, till, clerk = store.database, store.till, store.clerk
    cart = Cart()
    line = cart.add(store.items["BAG-RED"])
    approval = approve(
        db, till, clerk, Permission.PRICE_OVERRIDE, MANAGER,
        covers=approvals.price_override(line, 34_000 - 1_000),
    )  # fmt: skip
    cart.override_price(line.line_no, 100, approval_id=approval)  # ¥1, not ¥330
    cart.set_quantity(line.line_no, 20)
    cart.lines[0] = replace(cart.lines[0], override_approval_id=approval)
    with pytest.raises(PermissionDenied, match="does not cover the price of BAG-RED × 20"):
        store.sell(cart)
    cart.set_quantity(line.line_no, 1)
    cart.override_price(line.line_no, 33_000, approval_id=approval)
    assert store.sell(cart)


def test_a_refund_approval_covers_its_sale_and_amount(store: Store) -> None:
    db, till, clerk = store.database, store.till, store.clerk
    cart = Cart()
    cart.add(store.items["MASK-10"], 3)
    first = store.sell(cart)
    second = store.sell(cart)
    approval = approve(
        db, till, clerk, Permission.REFUND, MANAGER, covers=approvals.refund(first, 9_900)
    )
    with pytest.raises(PermissionDenied, match="does not cover a refund"):  # more units
        returns.return_items(
            db, till, clerk, first, [ReturnRequest(1, 2)], reason="x", approval_id=approval
        )
    with pytest.raises(PermissionDenied, match="does not cover a refund"):  # another sale
        returns.return_items(
            db, till, clerk, second, [ReturnRequest(1, 1)], reason="x", approval_id=approval
        )
    done = returns.return_items(
        db, till, clerk, till.receipt_code(first), [ReturnRequest(1, 1)], reason="x",
        approval_id=approval,
    )  # fmt: skip
    assert done.refund_fen == 9_900


def test_approvers_approve_within_their_own_limit_and_must_say_what(store: Store) -> None:
    db, till, clerk = store.database, store.till, store.clerk
    cart = Cart()
    line = cart.add(store.items["LIP-520"])
    half = approvals.line_discount(cart, line.line_no, Discount(percent_bp=5_000))
    with pytest.raises(PermissionDenied, match="up to 30%"):  # a supervisor's limit is 30 %
        approve(db, till, clerk, Permission.DISCOUNT_ABOVE_LIMIT, Approver("2001", "2222"),
                covers=half)  # fmt: skip
    with pytest.raises(ApprovalScopeError):
        approve(db, till, clerk, Permission.DISCOUNT_ABOVE_LIMIT, MANAGER)
    # A supervisor selling at half price needs a manager too: their own limit is 30 %.
    cart.discount_line(line.line_no, Discount(percent_bp=5_000))
    with pytest.raises(PermissionDenied):
        store.sell(cart, store.supervisor)
